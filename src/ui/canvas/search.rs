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

impl CanvasState {
    /// Recompute matches when the text or the plan changed.
    pub(super) fn update_search(&mut self, doc: &Document, wf: WorkflowId) {
        let q = self.search.text.trim().to_lowercase();
        if !self.search.open || q.is_empty() {
            self.search.matches.clear();
            self.search.match_set.clear();
            self.search.cache_key = None;
            return;
        }
        let key = (doc.revision(), wf, q.clone());
        if self.search.cache_key.as_ref() == Some(&key) {
            return;
        }
        self.search.matches = doc
            .plan()
            .workflow(wf)
            .map(|w| {
                w.steps
                    .iter()
                    .filter(|s| step_matches(s, &q))
                    .map(|s| s.id)
                    .collect()
            })
            .unwrap_or_default();
        self.search.match_set = self.search.matches.iter().copied().collect();
        self.search.cache_key = Some(key);
        self.search.cursor = usize::MAX;
    }

    /// Select and centre the next match.
    pub(super) fn next_match(&mut self) {
        if self.search.matches.is_empty() {
            return;
        }
        self.search.cursor = self.search.cursor.wrapping_add(1) % self.search.matches.len();
        let id: StepId = self.search.matches[self.search.cursor];
        self.selection.steps = [id].into();
        self.selection.link = None;
        self.pending_center = Some(vec![id]);
    }
}
