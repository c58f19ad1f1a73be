//! The edits the canvas makes. Each is one undo step.

use egui::{Pos2, Vec2, vec2};

use super::{CanvasState, Rename, snap_pos};
use crate::edit::layout::{COLUMN_WIDTH, ROW_HEIGHT};
use crate::edit::{Document, Edit};
use crate::model::{Link, Pos, Step, StepId, StepKind, WorkflowId};

impl CanvasState {
    /// Add a step centred at a canvas point. Returns its id.
    pub(super) fn add_step(
        &mut self,
        doc: &mut Document,
        wf: WorkflowId,
        kind: StepKind,
        at: Pos2,
        title: &str,
    ) -> Option<StepId> {
        let at = if self.snap { snap_pos(at) } else { at };
        let id = doc.plan().next_step_id();
        let step = Step::new(id, kind, title, Pos::new(at.x, at.y));
        doc.apply(
            &format!("Add {}", kind.label().to_lowercase()),
            Edit::InsertSteps {
                wf,
                steps: vec![(None, step)],
                links: vec![],
            },
        )
        .ok()?;
        Some(id)
    }

    /// Label for a new arrow: a decision's branches get "yes" then "no".
    fn branch_label(doc: &Document, wf: WorkflowId, from: StepId) -> String {
        let Some(w) = doc.plan().workflow(wf) else {
            return String::new();
        };
        if w.step(from).map(|s| s.kind) != Some(StepKind::Decision) {
            return String::new();
        }
        let used: Vec<&str> = w
            .links
            .iter()
            .filter(|l| l.from == from)
            .map(|l| l.label.as_str())
            .collect();
        ["yes", "no"]
            .into_iter()
            .find(|l| !used.contains(l))
            .unwrap_or_default()
            .to_owned()
    }

    pub(super) fn link(&mut self, doc: &mut Document, wf: WorkflowId, from: StepId, to: StepId) {
        let label = Self::branch_label(doc, wf, from);
        let edit = Edit::InsertLink {
            wf,
            index: None,
            link: Link { from, to, label },
        };
        if doc.apply("Link steps", edit).is_ok() {
            self.selection.link = Some((from, to));
            self.selection.steps.clear();
        }
    }

    /// A new task at `at`, linked from `from`, in one undo step; its title is then edited.
    pub(super) fn append_at(&mut self, doc: &mut Document, wf: WorkflowId, from: StepId, at: Pos2) {
        let at = if self.snap { snap_pos(at) } else { at };
        let id = doc.plan().next_step_id();
        let label = Self::branch_label(doc, wf, from);
        let edit = Edit::InsertSteps {
            wf,
            steps: vec![(
                None,
                Step::new(id, StepKind::Task, "", Pos::new(at.x, at.y)),
            )],
            links: vec![(
                None,
                Link {
                    from,
                    to: id,
                    label,
                },
            )],
        };
        if doc.apply("Append step", edit).is_ok() {
            self.selection.steps = [id].into();
            self.selection.link = None;
            self.start_rename(doc, wf, id);
        }
    }

    /// Append the next step to the right of the one selected step.
    pub(super) fn append_step(&mut self, doc: &mut Document, wf: WorkflowId) {
        if self.selection.steps.len() != 1 {
            return;
        }
        let Some(&from) = self.selection.steps.iter().next() else {
            return;
        };
        let Some(&i) = self.index.by_id.get(&from) else {
            return;
        };
        let mut at = self.index.rects[i].center() + vec2(COLUMN_WIDTH, 0.0);
        // Go down until the spot is free.
        for _ in 0..50 {
            if self.index.hit(at, 30.0).is_none() {
                break;
            }
            at += vec2(0.0, ROW_HEIGHT);
        }
        self.append_at(doc, wf, from, at);
        self.pending_center = Some(self.selection.steps.iter().copied().collect());
    }

    pub(super) fn delete_selection(&mut self, doc: &mut Document, wf: WorkflowId, label: &str) {
        if !self.selection.steps.is_empty() {
            let ids: Vec<StepId> = self.selection.steps.iter().copied().collect();
            if doc.apply(label, Edit::RemoveSteps { wf, ids }).is_ok() {
                self.selection.steps.clear();
            }
        } else if let Some((from, to)) = self.selection.link
            && doc.apply(label, Edit::RemoveLink { wf, from, to }).is_ok()
        {
            self.selection.link = None;
        }
    }

    /// Move the selection by arrow keys.
    pub(super) fn nudge(&mut self, doc: &mut Document, wf: WorkflowId, d: Vec2) {
        let positions: Vec<(StepId, Pos)> = self
            .selection
            .steps
            .iter()
            .filter_map(|id| {
                let c = self.index.rects[*self.index.by_id.get(id)?].center() + d;
                Some((*id, Pos::new(c.x, c.y)))
            })
            .collect();
        if !positions.is_empty() {
            let _ = doc.apply("Move steps", Edit::SetPositions { wf, positions });
        }
    }

    pub(super) fn start_rename(&mut self, doc: &Document, wf: WorkflowId, id: StepId) {
        if let Some(s) = doc.plan().workflow(wf).and_then(|w| w.step(id)) {
            self.rename = Some(Rename::Step {
                id,
                text: s.title.clone(),
                started: false,
            });
        }
    }

    pub(super) fn start_rename_selection(&mut self, doc: &Document, wf: WorkflowId) {
        if self.selection.steps.len() == 1 {
            if let Some(&id) = self.selection.steps.iter().next() {
                self.start_rename(doc, wf, id);
            }
        } else if let Some((from, to)) = self.selection.link
            && let Some(w) = doc.plan().workflow(wf)
            && let Some(i) = w.link_index(from, to)
        {
            self.rename = Some(Rename::Link {
                from,
                to,
                text: w.links[i].label.clone(),
                started: false,
            });
        }
    }
}
