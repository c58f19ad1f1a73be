//! Derived data of the board, kept per document revision.

use std::collections::HashMap;

use egui::{Id, Ui};

use crate::analysis::Analysis;
use crate::model::StepId;
use crate::roadmap::{self, RoadmapSummary};

use std::sync::Arc;

use super::TIMELINE_NAMES;
use crate::edit::Document;

/// Derived data of the board, kept per document revision.
pub(super) struct Cached {
    pub(super) revision: u64,
    pub(super) summary: RoadmapSummary,
    /// Step id → (workflow index, step index).
    pub(super) index: HashMap<StepId, (usize, usize)>,
    /// Per week 0–12: the first items starting that week and how many start.
    pub(super) weeks: Vec<(Vec<usize>, usize)>,
}

pub(super) fn cached(ui: &Ui, doc: &Document, analysis: &Analysis) -> Arc<Cached> {
    let id = Id::unique("automap_roadmap_board_cache");
    let revision = doc.revision();
    if let Some(c) = ui.data(|d| d.get_temp::<Arc<Cached>>(id))
        && c.revision == revision
    {
        return c;
    }
    let plan = doc.plan();
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
    let c = Arc::new(Cached {
        revision,
        summary,
        index,
        weeks,
    });
    ui.data_mut(|d| d.insert_temp(id, c.clone()));
    c
}
