//! Every result the views derive from the plan, in one place, computed once
//! per plan revision: the method's analysis (classes, layers, hours,
//! findings), the Review's lists and the roadmap board's summary. Views read
//! from here; nothing derived is kept anywhere else or computed twice.
//!
//! Revisions are unique across documents (see [`Document::revision`]), so a
//! cache keyed on one can never show another plan's results.

use std::sync::Arc;

use crate::analysis::{self, Analysis};
use crate::edit::Document;
use crate::model::Plan;

use super::review::ReviewLists;
use super::roadmap_board::BoardCache;

/// The derived results of one plan revision.
#[derive(Default)]
pub struct Derived {
    revision: Option<u64>,
    analysis: Arc<Analysis>,
    review: Option<Arc<ReviewLists>>,
    board: Option<Arc<BoardCache>>,
}

impl Derived {
    /// Bring the results up to the document's revision: the analysis at once
    /// (every view needs it), the rest when first asked for. A frame with no
    /// change does no work. Returns whether anything was recomputed.
    pub fn update(&mut self, doc: &Document) -> bool {
        let rev = doc.revision();
        if self.revision == Some(rev) {
            return false;
        }
        self.analysis = Arc::new(analysis::analyze(doc.plan()));
        self.review = None;
        self.board = None;
        self.revision = Some(rev);
        true
    }

    /// The revision these results belong to.
    pub fn revision(&self) -> Option<u64> {
        self.revision
    }

    /// The method's results for the plan.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// A shared handle on the analysis (for work on another thread).
    pub fn analysis_arc(&self) -> Arc<Analysis> {
        self.analysis.clone()
    }

    /// The Review's lists: quick wins, what stays manual, connections, the matrix.
    pub fn review(&mut self, plan: &Plan) -> Arc<ReviewLists> {
        if let Some(r) = &self.review {
            return r.clone();
        }
        // The Review lists what is planned, in roadmap order: from the
        // board's summary, computed once.
        let board = self.board(plan);
        let r = Arc::new(ReviewLists::build(plan, &self.analysis, &board.summary));
        self.review = Some(r.clone());
        r
    }

    /// The roadmap board's summary, schedule and step index.
    pub fn board(&mut self, plan: &Plan) -> Arc<BoardCache> {
        let analysis = &self.analysis;
        self.board
            .get_or_insert_with(|| Arc::new(BoardCache::build(plan, analysis)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    #[test]
    fn results_are_recomputed_only_after_a_change() {
        let mut doc = Document::new(Plan::new("Shop"));
        let mut d = Derived::default();
        assert!(d.update(&doc));
        assert!(!d.update(&doc), "same revision: no work");
        let first = d.review(doc.plan());
        assert!(Arc::ptr_eq(&first, &d.review(doc.plan())));
        assert!(
            doc.apply("Rename", Edit::SetPlanName("Shop 2".into()))
                .is_ok()
        );
        assert!(d.update(&doc));
        assert!(!Arc::ptr_eq(&first, &d.review(doc.plan())));
    }

    #[test]
    fn another_document_never_shares_a_revision() {
        let a = Document::new(Plan::new("A"));
        let b = Document::new(Plan::new("B"));
        let mut d = Derived::default();
        d.update(&a);
        assert!(d.update(&b), "a new document is a new revision");
    }
}
