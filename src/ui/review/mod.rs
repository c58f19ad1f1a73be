//! The Review view: the method's four questions answered from the plan, the
//! method's thresholds, and the priority matrix.

mod connections;
mod derived;
mod manual;
mod matrix;
mod people;
mod quick_wins;
mod settings;
mod workflows;

use egui::{Color32, Ui};

use super::UiAction;
use crate::analysis::PriorityClass;
use crate::edit::Document;
use crate::model::{Plan, Step, StepId, WorkflowId};
use crate::ui::derived::Derived;

use connections::connections_section;
pub use derived::ReviewLists;
pub use derived::builds_on_this_thread;
use manual::manual_section;
use matrix::matrix;
use people::people_section;
use quick_wins::quick_wins_section;
use settings::settings_section;
use workflows::workflows_section;

/// Rows shown per list before it is cut (the rest are counted).
const MAX_ROWS: usize = 25;
/// Matrix dots that can be clicked; more are drawn but not clickable.
const MAX_CLICKABLE_DOTS: usize = 2000;

/// The step with `id` and its workflow, found through the places of `Derived`.
fn step_at<'p>(
    plan: &'p Plan,
    places: &crate::model::StepPlaces,
    id: StepId,
) -> Option<(WorkflowId, &'p Step)> {
    let &(wi, si) = places.get(&id)?;
    let w = plan.workflows.get(wi)?;
    let step = w.steps.get(si)?;
    (step.id == id).then_some((w.id, step))
}

fn class_color(c: PriorityClass) -> Color32 {
    match c {
        PriorityClass::QuickWin => Color32::from_rgb(60, 170, 90),
        PriorityClass::Medium => Color32::from_rgb(70, 130, 220),
        PriorityClass::AiCandidate => Color32::from_rgb(150, 100, 220),
        PriorityClass::Trap => Color32::from_rgb(230, 140, 40),
        PriorityClass::NeverAutomate => Color32::from_rgb(210, 60, 60),
        PriorityClass::Exception => Color32::from_rgb(200, 170, 60),
        PriorityClass::LowValue => Color32::from_rgb(140, 140, 140),
        PriorityClass::Event => Color32::from_rgb(100, 100, 100),
        PriorityClass::Physical => Color32::from_rgb(150, 110, 80),
    }
}

fn hours(h: f64) -> String {
    format!("{h:.1} h/week")
}

fn title(s: &Step) -> String {
    let t = s.title.trim();
    if t.is_empty() {
        format!("Step {}", s.id)
    } else {
        t.to_owned()
    }
}

/// The Review view. Threshold edits go through `doc`; a click on a step asks
/// the app to show it.
pub fn review_ui(ui: &mut Ui, doc: &mut Document, derived: &mut Derived) -> Option<UiAction> {
    let mut action = None;
    derived.update(doc);
    let lists = derived.review(doc.plan());
    let analysis = derived.analysis();
    egui::ScrollArea::vertical()
        .id_salt("review_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            {
                let plan = doc.plan();
                ui.heading("Review");
                ui.weak("The plan's answers to the four questions of the method.");
                ui.add_space(6.0);
                workflows_section(ui, plan, analysis, &lists.handoffs);
                ui.add_space(8.0);
                people_section(ui, &lists.people);
                ui.add_space(8.0);
                if let Some(a) = quick_wins_section(ui, plan, analysis, &lists) {
                    action = Some(a);
                }
                ui.add_space(8.0);
                connections_section(ui, plan, &lists.connections);
                ui.add_space(8.0);
                if let Some(a) = manual_section(ui, plan, analysis, &lists) {
                    action = Some(a);
                }
                ui.add_space(8.0);
                ui.heading("Priority matrix");
                if let Some(a) = matrix(ui, plan, &lists) {
                    action = Some(a);
                }
            }
            ui.add_space(8.0);
            settings_section(ui, doc);
        });
    action
}
