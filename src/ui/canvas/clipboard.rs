//! Copy, cut, paste and duplicate through the system clipboard as text.

use std::collections::HashSet;

use egui::Pos2;

use super::CanvasState;
use crate::edit::Document;
use crate::edit::paste::{self, Clip, Fragment};
use crate::model::{Pos, StepId, WorkflowId};

/// Copies land this far from their originals.
const OFFSET: f32 = 40.0;

impl CanvasState {
    pub(super) fn copy(&mut self, doc: &Document, wf: WorkflowId) {
        if self.selection.steps.is_empty() {
            return;
        }
        let ids: HashSet<StepId> = self.selection.steps.iter().copied().collect();
        let fragment = paste::copy_fragment(doc.plan(), wf, &ids);
        let text = paste::fragment_to_text(&fragment);
        self.clip = text.clone();
        self.pending_copy = Some(text);
    }

    /// Paste clipboard text: copied steps (with their links) or a list of titles.
    /// `at`: where the pointer is on the canvas, if it is.
    pub(super) fn paste_text(
        &mut self,
        doc: &mut Document,
        wf: WorkflowId,
        text: &str,
        at: Option<Pos2>,
    ) {
        let clip = match paste::parse_clip(text) {
            Ok(c) => c,
            Err(e) => {
                self.status = Some(format!("Nothing was pasted: {e}."));
                return;
            }
        };
        let first = doc.plan().next_step_id();
        let (fragment, label) = match clip {
            Clip::List(titles) => {
                let p = at.unwrap_or_else(|| self.cam().center);
                let p = if self.snap { super::snap_pos(p) } else { p };
                (
                    paste::chain_from_titles(&titles, first, Pos::new(p.x, p.y)),
                    "Paste list",
                )
            }
            Clip::Fragment(f) => {
                let base = at.map(|p| Pos::new(p.x, p.y));
                (
                    paste::rebase_fragment(&f, first, base, Pos::new(OFFSET, OFFSET)),
                    "Paste",
                )
            }
        };
        self.insert_fragment(doc, wf, fragment, label);
    }

    fn insert_fragment(
        &mut self,
        doc: &mut Document,
        wf: WorkflowId,
        fragment: Fragment,
        label: &str,
    ) {
        let ids: Vec<StepId> = fragment.steps.iter().map(|s| s.id).collect();
        // A refusal is reported by the document, in the status bar.
        if doc.apply(label, paste::insert_edit(wf, fragment)).is_ok() {
            self.selection.steps = ids.iter().copied().collect();
            self.selection.link = None;
            // Show what was pasted when it is out of view.
            self.sync_index(doc, wf);
            if let (Some(b), Some(vis)) = (self.selection_bounds(), self.visible_world())
                && !vis.contains_rect(b)
            {
                if b.width() > vis.width() || b.height() > vis.height() {
                    self.fit_to(b);
                } else {
                    self.cam_mut().center = b.center();
                }
            }
        }
    }

    pub(super) fn duplicate(&mut self, doc: &mut Document, wf: WorkflowId) {
        if self.selection.steps.is_empty() {
            return;
        }
        let ids: HashSet<StepId> = self.selection.steps.iter().copied().collect();
        let f = paste::copy_fragment(doc.plan(), wf, &ids);
        let first = doc.plan().next_step_id();
        let f = paste::rebase_fragment(&f, first, None, Pos::new(OFFSET, OFFSET));
        self.insert_fragment(doc, wf, f, "Duplicate");
    }
}
