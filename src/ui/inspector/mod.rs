//! The right panel: every field of the selected step, or the fields that can be
//! set for several steps at once.
//!
//! Text and number fields are one undo step per focus session: all edits made
//! while a field has focus (or is being dragged) share one gesture, closed when
//! the field loses focus.

mod arrow;
mod incidents;
mod plan_fields;
mod several;
mod state;
mod step;
mod step_sections;
mod widgets;

use egui::Ui;

use crate::analysis::Analysis;
use crate::edit::Document;
use crate::model::{Step, WorkflowId};

use super::Selection;

pub use state::InspectorState;
pub(in crate::ui) use state::{Change, apply_change};

use arrow::arrow;
use plan_fields::plan_fields;
use several::several_steps;
use step::single_step;

/// Show the inspector for the selection in workflow `wf`.
pub fn inspector_ui(
    ui: &mut Ui,
    doc: &mut Document,
    wf: Option<WorkflowId>,
    selection: &Selection,
    analysis: &Analysis,
    state: &mut InspectorState,
) {
    state.close_finished_gesture(ui.ctx(), doc);
    ui.heading("Step");
    let Some(workflow) = wf.and_then(|wf| doc.plan().workflow(wf)) else {
        ui.label("No workflow is selected.");
        ui.add_space(10.0);
        ui.separator();
        plan_fields(ui, doc, state);
        return;
    };
    let wf = workflow.id;
    let selected: Vec<&Step> = selection
        .steps
        .iter()
        .filter_map(|id| workflow.step(*id))
        .collect();
    match selected.len() {
        0 => {
            match selection.link {
                Some((from, to)) => arrow(ui, doc, wf, from, to, state),
                None => {
                    ui.label("Select a step on the map to see and edit its fields.");
                }
            }
            ui.add_space(10.0);
            ui.separator();
            plan_fields(ui, doc, state);
        }
        1 => {
            if let Some(step) = selected.first().map(|s| (*s).clone()) {
                single_step(ui, doc, wf, step, analysis, state);
            }
        }
        n => {
            let steps: Vec<Step> = selected.into_iter().cloned().collect();
            ui.label(format!(
                "{n} steps selected. Changes here apply to all of them."
            ));
            ui.add_space(4.0);
            several_steps(ui, doc, wf, steps, state);
        }
    }
}
