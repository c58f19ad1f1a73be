//! Derived data of the board, kept per document revision.

use crate::analysis::Analysis;
use crate::model::Plan;
use crate::roadmap::progress::{Progress, progress};
use crate::roadmap::{self, RoadmapSummary};

use super::TIMELINE_NAMES;

/// Derived data of the board, kept per document revision.
pub struct Cached {
    pub(in crate::ui) summary: RoadmapSummary,
    /// Step id → (workflow index, step index).
    pub(in crate::ui) index: crate::model::StepPlaces,
    /// Per week 0–12: the first items starting that week and how many start.
    pub(in crate::ui) weeks: Vec<(Vec<usize>, usize)>,
    /// Planned against actual savings, cards by status.
    pub(in crate::ui) progress: Progress,
}

impl Cached {
    /// The board's derived data for the plan.
    pub(in crate::ui) fn build(plan: &Plan, analysis: &Analysis) -> Self {
        let summary = roadmap::summarize(plan, analysis);
        let index = plan.step_places();
        let mut weeks: Vec<(Vec<usize>, usize)> =
            vec![(Vec::new(), 0); roadmap::TIMELINE_WEEKS as usize];
        for (i, first_day, _) in roadmap::schedule(plan, &summary) {
            let w = (first_day / 7) as usize;
            if let Some(week) = weeks.get_mut(w) {
                week.1 += 1;
                if week.0.len() < TIMELINE_NAMES {
                    week.0.push(i);
                }
            }
        }
        let progress = progress(plan, &summary);
        Cached {
            summary,
            index,
            weeks,
            progress,
        }
    }
}
