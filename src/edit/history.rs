use super::{Edit, EditError, restore};
use crate::model::Plan;
use std::collections::VecDeque;

/// Identifies one gesture (a drag, a text field being typed in): edits applied
/// with the same gesture id one after another become one undo step.
///
/// Get ids from the document: [`Document::new_gesture`] for a gesture the view
/// tracks itself (a drag), [`Document::gesture_for`] for a control the view
/// does not keep state for (a text field, a number being dragged). Ids built
/// by hand from the public field still work but may collide between views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GestureId(pub u64);

/// Ids handed out by [`Document`] carry this in their top bits, so they never
/// equal one a view made up by hand.
const DOCUMENT_GESTURES: u64 = 0x444f_4300_0000_0000;

#[derive(Debug, Clone)]
struct Group {
    label: String,
    /// Inverse edits, in the order they must be applied to undo.
    undo: Vec<Edit>,
    /// The edits themselves, in order, for redo.
    redo: Vec<Edit>,
    gesture: Option<GestureId>,
}

/// A revision number no other state of any document in this process has had,
/// so a cache keyed on it can never mistake one plan for another.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A plan with its history. All changes go through [`Document::apply`].
#[derive(Debug, Clone)]
pub struct Document {
    plan: Plan,
    undo: VecDeque<Group>,
    redo: Vec<Group>,
    /// At most this many undo steps are kept.
    limit: usize,
    /// Grows on every change, undo and redo included; caches key on it.
    revision: u64,
    saved_revision: u64,
    /// Gesture that may still merge into the last undo step.
    open_gesture: Option<GestureId>,
    /// The key [`Document::gesture_for`] opened `open_gesture` for.
    open_key: Option<u64>,
    /// Gesture ids handed out so far.
    gestures: u64,
    /// The last edit refused and why, until the window reports it.
    refused: Option<String>,
}

impl Default for Document {
    fn default() -> Self {
        Self::new(Plan::default())
    }
}

impl Document {
    pub const DEFAULT_LIMIT: usize = 500;

    pub fn new(plan: Plan) -> Self {
        let revision = next_revision();
        Self {
            plan,
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: Self::DEFAULT_LIMIT,
            revision,
            saved_revision: revision,
            open_gesture: None,
            open_key: None,
            gestures: 0,
            refused: None,
        }
    }

    /// The last refused edit as a sentence for the status bar ("Rename step:
    /// …"), taken so that it is reported once, wherever the edit came from.
    pub fn take_refused(&mut self) -> Option<String> {
        self.refused.take()
    }

    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit.max(1);
        self
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the plan changed since it was last marked saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    pub fn mark_saved(&mut self) {
        self.saved_revision = self.revision;
    }

    /// Mark the document as changed without an edit (e.g. restored from recovery).
    pub fn mark_unsaved(&mut self) {
        self.revision = next_revision();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|g| g.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|g| g.label.as_str())
    }

    /// Apply an edit as its own undo step.
    pub fn apply(&mut self, label: &str, edit: Edit) -> Result<(), EditError> {
        self.apply_in(label, edit, None)
    }

    /// Apply an edit that belongs to a gesture: consecutive edits of the same
    /// gesture merge into one undo step until [`Document::end_gesture`].
    pub fn apply_gesture(
        &mut self,
        label: &str,
        gesture: GestureId,
        edit: Edit,
    ) -> Result<(), EditError> {
        self.apply_in(label, edit, Some(gesture))
    }

    /// A gesture id no other gesture of this document has had.
    pub fn new_gesture(&mut self) -> GestureId {
        self.gestures += 1;
        GestureId(DOCUMENT_GESTURES | (self.gestures & 0xff_ffff_ffff_ffff))
    }

    /// The gesture of a control identified by `key` (e.g. a widget id mixed
    /// with what it edits): the open gesture while the last gesture edit came
    /// from the same key, a new one otherwise. Edits of one text field typed
    /// in one after another merge; another field, or any other edit between,
    /// starts a new undo step.
    pub fn gesture_for(&mut self, key: u64) -> GestureId {
        match self.open_gesture {
            Some(g) if self.open_key == Some(key) => g,
            _ => {
                let g = self.new_gesture();
                self.open_gesture = Some(g);
                self.open_key = Some(key);
                g
            }
        }
    }

    /// The gesture that may still merge edits into the last undo step.
    pub fn open_gesture(&self) -> Option<GestureId> {
        self.open_gesture
    }

    /// Close the open gesture: the next edit starts a new undo step.
    pub fn end_gesture(&mut self) {
        self.open_gesture = None;
        self.open_key = None;
    }

    fn apply_in(
        &mut self,
        label: &str,
        edit: Edit,
        gesture: Option<GestureId>,
    ) -> Result<(), EditError> {
        let checked = if edit.changes_nothing() {
            // Nothing to undo (e.g. tidy up of an empty workflow): not a change.
            super::validate(&self.plan, &edit).map(|()| None)
        } else {
            let redo_copy = edit.clone();
            super::apply(&mut self.plan, edit).map(|inverse| Some((inverse, redo_copy)))
        };
        let (inverse, redo_copy) = match checked {
            Ok(Some(done)) => done,
            Ok(None) => return Ok(()),
            Err(e) => {
                self.refused = Some(format!("{label}: {e}"));
                return Err(e);
            }
        };
        self.revision = next_revision();
        self.redo.clear();
        let merge = gesture.is_some() && gesture == self.open_gesture;
        if gesture != self.open_gesture {
            self.open_key = None;
        }
        match self.undo.back_mut() {
            Some(group) if merge && group.gesture == gesture => {
                group.undo.insert(0, inverse);
                group.redo.push(redo_copy);
                compact(group);
            }
            _ => {
                self.undo.push_back(Group {
                    label: label.to_owned(),
                    undo: vec![inverse],
                    redo: vec![redo_copy],
                    gesture,
                });
                while self.undo.len() > self.limit {
                    self.undo.pop_front();
                }
            }
        }
        self.open_gesture = gesture;
        Ok(())
    }

    /// Undo the last step. Returns its label, or `None` when there was nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        self.end_gesture();
        let group = self.undo.pop_back()?;
        let label = self.replay(&group.undo, "undo", &group.label)?;
        self.redo.push(group);
        Some(label)
    }

    /// Redo the last undone step. Returns its label.
    pub fn redo(&mut self) -> Option<String> {
        self.end_gesture();
        let group = self.redo.pop()?;
        let label = self.replay(&group.redo, "redo", &group.label)?;
        self.undo.push_back(group);
        Some(label)
    }

    /// Apply a step's recorded edits in order and return its label.
    /// The edits were produced by `apply` on this very plan, so they cannot fail
    /// unless the history is corrupt; then the whole history is dropped.
    fn replay(&mut self, edits: &[Edit], what: &str, label: &str) -> Option<String> {
        for e in edits {
            if restore(&mut self.plan, e.clone()).is_err() {
                log::error!("{what} of '{label}' failed; history dropped");
                self.undo.clear();
                self.redo.clear();
                self.revision = next_revision();
                return None;
            }
        }
        self.revision = next_revision();
        Some(label.to_owned())
    }

    /// Number of undo steps kept.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Replace the whole plan (open, new, reload). Clears the history.
    pub fn replace_plan(&mut self, plan: Plan) {
        self.plan = plan;
        self.undo.clear();
        self.redo.clear();
        self.end_gesture();
        self.revision = next_revision();
        self.saved_revision = self.revision;
    }
}

/// Keep a long drag from growing without bound: consecutive position edits of
/// the same steps collapse to the first inverse and the last redo.
fn compact(group: &mut Group) {
    // undo[0] is the newest inverse; undo[1] holds the older (original) positions.
    if group.undo.len() >= 2 && same_targets(&group.undo[0], &group.undo[1]) {
        group.undo.remove(0);
    }
    let n = group.redo.len();
    if n >= 2 && same_targets(&group.redo[n - 2], &group.redo[n - 1]) {
        group.redo.remove(n - 2);
    }
}

/// True when both edits set positions of the same steps in the same workflow.
fn same_targets(a: &Edit, b: &Edit) -> bool {
    match (a, b) {
        (
            Edit::SetPositions {
                wf: wa,
                positions: pa,
            },
            Edit::SetPositions {
                wf: wb,
                positions: pb,
            },
        ) => wa == wb && same_ids(pa, pb),
        _ => false,
    }
}

fn same_ids(
    a: &[(crate::model::StepId, crate::model::Pos)],
    b: &[(crate::model::StepId, crate::model::Pos)],
) -> bool {
    let mut x: Vec<_> = a.iter().map(|(id, _)| *id).collect();
    let mut y: Vec<_> = b.iter().map(|(id, _)| *id).collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

#[cfg(test)]
mod refused_tests {
    use super::*;
    use crate::model::WorkflowId;

    #[test]
    fn a_refused_edit_is_reported_once_and_changes_nothing() {
        let mut doc = Document::new(Plan::new("Shop"));
        let before = doc.revision();
        let edit = Edit::RemoveWorkflow { id: WorkflowId(9) };
        assert!(doc.apply("Delete workflow", edit).is_err());
        assert_eq!(doc.revision(), before);
        assert!(!doc.can_undo());
        let said = doc.take_refused().unwrap_or_default();
        assert!(
            said.starts_with("Delete workflow: there is no workflow"),
            "{said}"
        );
        assert_eq!(doc.take_refused(), None, "reported once");
    }
}
