//! What the view derives from the plan and its analysis, once per revision.

use std::collections::HashMap;
use std::sync::Arc;

use egui::Ui;

use crate::analysis::{Analysis, Connection, PriorityClass, connections, quick_wins};
use crate::edit::Document;
use crate::model::{Plan, StepId, StepKind, Tag};

use super::matrix::matrix_point;
use super::{MAX_ROWS, step_at};

/// What the view derives from the plan and its analysis, built once per plan
/// revision and kept between frames.
pub(super) struct Derived {
    pub(super) connections: Vec<Connection>,
    /// Where each step is in the plan (workflow index, step index).
    pub(super) places: HashMap<StepId, (usize, usize)>,
    /// Quick wins, most hours saved first.
    pub(super) wins: Vec<StepId>,
    /// Everything planned in the 90 days, in roadmap order, with its month.
    pub(super) planned: Vec<(StepId, &'static str)>,
    /// The first steps that stay manual, and how many there are in all.
    pub(super) manual: Vec<StepId>,
    pub(super) manual_total: usize,
    /// The matrix: class, position and step of each dot.
    pub(super) dots: Vec<(PriorityClass, [f64; 2], StepId)>,
}

thread_local! {
    static BUILDS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How often this thread has built the view's derived lists (for tests: an
/// unchanged plan must not cause a rebuild).
pub fn builds_on_this_thread() -> u64 {
    BUILDS.with(std::cell::Cell::get)
}

impl Derived {
    fn build(plan: &Plan, analysis: &Analysis) -> Self {
        BUILDS.with(|b| b.set(b.get() + 1));
        let places = plan.step_places();
        let wins = quick_wins(plan, analysis).iter().map(|i| i.step).collect();
        let summary = crate::roadmap::summarize(plan, analysis);
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
        Self {
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

#[derive(Clone)]
struct Cached {
    key: (u64, usize, usize, u64),
    derived: Arc<Derived>,
}

pub(super) fn cached_derived(ui: &Ui, doc: &Document, analysis: &Analysis) -> Arc<Derived> {
    let plan = doc.plan();
    // The revision alone could repeat when another plan is opened in a new document.
    let name = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        plan.name.hash(&mut h);
        h.finish()
    };
    let key = (
        doc.revision(),
        plan.workflows.len(),
        plan.step_count(),
        name,
    );
    let id = egui::Id::unique("automap_review_derived");
    if let Some(c) = ui.data(|d| d.get_temp::<Cached>(id))
        && c.key == key
    {
        return c.derived;
    }
    let derived = Arc::new(Derived::build(plan, analysis));
    ui.data_mut(|d| {
        d.insert_temp(
            id,
            Cached {
                key,
                derived: derived.clone(),
            },
        )
    });
    derived
}
