//! What the view derives from the plan and its analysis, once per revision.

use crate::analysis::{Analysis, Connection, PriorityClass, connections, quick_wins};
use crate::model::{Plan, StepId, StepKind, Tag};

use super::matrix::matrix_point;
use super::{MAX_ROWS, step_at};

/// What the view derives from the plan and its analysis, built once per plan
/// revision and kept between frames.
pub struct ReviewLists {
    pub(in crate::ui) connections: Vec<Connection>,
    /// Where each step is in the plan (workflow index, step index).
    pub(in crate::ui) places: crate::model::StepPlaces,
    /// Quick wins, most hours saved first.
    pub(in crate::ui) wins: Vec<StepId>,
    /// Everything planned in the 90 days, in roadmap order, with its month.
    pub(in crate::ui) planned: Vec<(StepId, &'static str)>,
    /// The first steps that stay manual, and how many there are in all.
    pub(in crate::ui) manual: Vec<StepId>,
    pub(in crate::ui) manual_total: usize,
    /// The matrix: class, position and step of each dot.
    pub(in crate::ui) dots: Vec<(PriorityClass, [f64; 2], StepId)>,
    /// Handoffs (arrows between two owners) per workflow, in plan order.
    pub(in crate::ui) handoffs: Vec<usize>,
    /// Each owner's week now and through the roadmap.
    pub(in crate::ui) people: Vec<crate::roadmap::people::PersonWeek>,
}

thread_local! {
    static BUILDS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How often this thread has built the view's derived lists (for tests: an
/// unchanged plan must not cause a rebuild).
pub fn builds_on_this_thread() -> u64 {
    BUILDS.with(std::cell::Cell::get)
}

impl ReviewLists {
    pub(in crate::ui) fn build(
        plan: &Plan,
        analysis: &Analysis,
        summary: &crate::roadmap::RoadmapSummary,
    ) -> Self {
        BUILDS.with(|b| b.set(b.get() + 1));
        let places = plan.step_places();
        let wins = quick_wins(plan, analysis).iter().map(|i| i.step).collect();
        let planned = summary
            .planned()
            .into_iter()
            .filter_map(|i| summary.items.get(i))
            .map(|it| (it.step, it.column.label()))
            .collect();
        let mut manual = Vec::new();
        let mut manual_total = 0;
        let mut dots = Vec::new();
        for s in plan.workflows.iter().flat_map(|w| &w.steps) {
            let Some(i) = analysis.step(s.id) else {
                continue;
            };
            let stays = s.tag == Tag::KeepManual
                || (s.tag == Tag::Undecided && i.suggested_tag == Tag::KeepManual);
            if stays && i.class != PriorityClass::Event {
                manual_total += 1;
                if manual.len() < MAX_ROWS {
                    manual.push(s.id);
                }
            }
        }
        for i in &analysis.steps {
            let Some(s) = step_at(plan, &places, i.step) else {
                continue;
            };
            if matches!(s.1.kind, StepKind::Trigger | StepKind::End) {
                continue;
            }
            dots.push((i.class, matrix_point(s.1, i), i.step));
        }
        let summary = crate::roadmap::summarize(plan, analysis);
        Self {
            handoffs: plan
                .workflows
                .iter()
                .map(|w| crate::analysis::handoffs::handoffs(w).len())
                .collect(),
            people: crate::roadmap::people::people(plan, &summary),
            connections: connections(plan),
            places,
            wins,
            planned,
            manual,
            manual_total,
            dots,
        }
    }
}
