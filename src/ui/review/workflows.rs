//! First question: what workflows exist, and how much time they take.

use egui::Ui;

use crate::analysis::Analysis;
use crate::model::Plan;

use super::hours;

pub(super) fn workflows_section(ui: &mut Ui, plan: &Plan, analysis: &Analysis, handoffs: &[usize]) {
    ui.heading("What workflows exist?");
    if plan.workflows.is_empty() {
        ui.label("No workflows yet: map one to start.");
        return;
    }
    let total: f64 = analysis.workflows.iter().map(|w| w.hours_per_week).sum();
    egui::Grid::new("review_workflows")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for h in [
                "Workflow",
                "Steps",
                "Manual time",
                "Automate",
                "Keep manual",
                "Undecided",
                "Handoffs",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for (i, (w, s)) in plan.workflows.iter().zip(&analysis.workflows).enumerate() {
                ui.label(&w.name);
                ui.label(s.steps.to_string());
                ui.label(hours(s.hours_per_week));
                ui.label(s.automate.to_string());
                ui.label(s.keep_manual.to_string());
                ui.label(s.undecided.to_string());
                ui.label(handoffs.get(i).copied().unwrap_or(0).to_string())
                    .on_hover_text("Arrows that pass work from one owner to another");
                ui.end_row();
            }
        });
    let value = total * plan.profile.hourly_value;
    ui.label(format!(
        "In all {} of manual work, worth about {:.0} {} a week.",
        hours(total),
        if value.is_finite() { value } else { 0.0 },
        plan.profile.currency
    ));
}
