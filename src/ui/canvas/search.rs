//! Find steps by title, system or owner.

use super::CanvasState;
use crate::edit::Document;
use crate::model::{Step, StepId, WorkflowId};

/// Does a step match a lower-case query?
pub fn step_matches(step: &Step, query_lower: &str) -> bool {
    [&step.title, &step.system, &step.owner]
        .iter()
        .any(|f| f.to_lowercase().contains(query_lower))
}

/// Rows listed under the search field at most.
pub const MAX_LISTED: usize = 12;

impl CanvasState {
    /// Recompute matches (in every workflow) when the text or the plan changed.
    pub(super) fn update_search(&mut self, doc: &Document, wf: WorkflowId) {
        let q = self.search.text.trim().to_lowercase();
        if !self.search.open || q.is_empty() {
            self.search.matches.clear();
            self.search.match_set.clear();
            self.search.cache_key = None;
            return;
        }
        let key = (doc.revision(), q.clone());
        if self.search.cache_key.as_ref() != Some(&key) {
            self.search.matches = doc
                .plan()
                .workflows
                .iter()
                .flat_map(|w| {
                    w.steps
                        .iter()
                        .filter(|s| step_matches(s, &q))
                        .map(move |s| (w.id, s.id))
                })
                .collect();
            self.search.cache_key = Some(key);
            self.search.cursor = usize::MAX;
        }
        self.search.match_set = self
            .search
            .matches
            .iter()
            .filter(|(w, _)| *w == wf)
            .map(|(_, s)| *s)
            .collect();
    }

    /// Show the next match, switching workflow when it is in another one.
    pub(super) fn next_match(&mut self, wf: WorkflowId) {
        if self.search.matches.is_empty() {
            return;
        }
        self.search.cursor = self.search.cursor.wrapping_add(1) % self.search.matches.len();
        let (w, id) = self.search.matches[self.search.cursor];
        self.show_match(wf, w, id);
    }

    /// Select and centre a match; one in another workflow goes to the window.
    pub(super) fn show_match(&mut self, wf: WorkflowId, w: WorkflowId, id: StepId) {
        if w == wf {
            self.selection.steps = [id].into();
            self.selection.link = None;
            self.pending_center = Some(vec![id]);
        } else {
            self.search.jump = Some((w, id));
        }
    }
}
