//! The questions asked before deleting a used tool or resetting the catalog.

use egui::{Id, Ui};

use crate::model::Plan;

use super::Confirm;
use super::tool_edits::tool_usage;

/// The confirmation in front of the catalog, if one is asked. `Some(true)`:
/// confirmed; `Some(false)`: cancelled.
pub(super) fn confirm_ui(
    ctx: &egui::Context,
    plan: &Plan,
    confirm: &Option<Confirm>,
) -> Option<bool> {
    let confirm = confirm.as_ref()?;
    let mut choice = None;
    let r = egui::Modal::new(Id::unique("automap-catalog-confirm")).show(ctx, |ui| {
        ui.set_width(480.0);
        match confirm {
            Confirm::Delete { id } => {
                let name = plan.tool(id).map_or_else(|| id.clone(), |t| t.name.clone());
                ui.heading(format!("Delete {name}?"));
                let usage = tool_usage(plan, id);
                if !usage.steps.is_empty() {
                    ui.label(format!(
                        "{name} is the tool of {}:",
                        crate::ui::counted(usage.steps.len(), "step", "steps")
                    ));
                    list(ui, &usage.steps);
                }
                if !usage.cards.is_empty() {
                    ui.label(format!(
                        "It is chosen on {}:",
                        crate::ui::counted(usage.cards.len(), "roadmap card", "roadmap cards")
                    ));
                    list(ui, &usage.cards);
                }
                ui.label("Deleting it leaves them with no tool. Undo brings it back.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Delete tool").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(false);
                    }
                });
            }
            Confirm::Reset => {
                ui.heading("Reset to the bundled catalog?");
                ui.label(
                    "This plan's tools are replaced by the catalog that comes with Automap, \
                     with its published prices. Tools you added or changed are lost (Undo brings \
                     them back). Steps whose tool is not in the bundled catalog keep its id and \
                     show it as not in the catalog.",
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Reset catalog").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(false);
                    }
                });
            }
        }
    });
    if r.should_close() && choice.is_none() {
        choice = Some(false);
    }
    choice
}

/// Up to ten names, then how many more.
fn list(ui: &mut Ui, names: &[String]) {
    for n in names.iter().take(10) {
        ui.label(format!("• {n}"));
    }
    if names.len() > 10 {
        ui.label(format!("and {} more", names.len() - 10));
    }
}
