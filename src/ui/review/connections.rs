//! Third question: where the workflows connect through shared data.

use egui::Ui;

use crate::analysis::{Connection, ConnectionKind};
use crate::model::{Plan, WorkflowId};

use super::MAX_ROWS;

fn workflow_names(plan: &Plan, ids: &[WorkflowId]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|id| plan.workflow(*id).map(|w| w.name.as_str()))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(super) fn connections_section(ui: &mut Ui, plan: &Plan, connections: &[Connection]) {
    ui.heading("How do the workflows connect?");
    if connections.is_empty() {
        ui.label("The workflows share no events or data.");
        return;
    }
    for c in connections.iter().take(MAX_ROWS) {
        let text = match c.kind {
            ConnectionKind::SharedEvent => format!(
                "\"{}\" starts work in {}.",
                c.label,
                workflow_names(plan, &c.workflows)
            ),
            ConnectionKind::SharedData => {
                let mut t = format!(
                    "{} is shared by {}",
                    c.label,
                    workflow_names(plan, &c.workflows)
                );
                if !c.writers.is_empty() {
                    t.push_str(&format!(
                        "; written by {}",
                        workflow_names(plan, &c.writers)
                    ));
                }
                t.push('.');
                t
            }
        };
        ui.label(format!("• {text}"));
    }
    if connections.len() > MAX_ROWS {
        ui.weak(format!("… and {} more", connections.len() - MAX_ROWS));
    }
}
