//! Second question: which steps are quick wins.

use egui::Ui;

use crate::analysis::Analysis;
use crate::model::{Plan, Tag};
use crate::ui::UiAction;

use super::derived::ReviewLists as Derived;
use super::{MAX_ROWS, hours, step_at, title};

pub(super) fn quick_wins_section(
    ui: &mut Ui,
    plan: &Plan,
    analysis: &Analysis,
    derived: &Derived,
) -> Option<UiAction> {
    ui.heading("What to automate first?");
    let mut action = None;
    if !derived.planned.is_empty() {
        ui.label("Everything planned for the 90 days, in roadmap order:");
        egui::Grid::new("review_planned")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for (rank, (id, month)) in derived.planned.iter().take(MAX_ROWS).enumerate() {
                    let (Some((wf, s)), Some(i)) =
                        (step_at(plan, &derived.places, *id), analysis.step(*id))
                    else {
                        continue;
                    };
                    ui.label(format!("{}.", rank + 1));
                    if ui.link(title(s)).on_hover_text(&i.reason).clicked() {
                        action = Some(UiAction::ShowStep {
                            workflow: wf,
                            step: s.id,
                        });
                    }
                    ui.label(*month);
                    ui.label(format!("saves {}", hours(i.hours_per_week)));
                    ui.end_row();
                }
            });
        if derived.planned.len() > MAX_ROWS {
            ui.weak(format!("… and {} more", derived.planned.len() - MAX_ROWS));
        }
        ui.add_space(6.0);
    }
    let wins: Vec<_> = derived
        .wins
        .iter()
        .filter(|id| derived.planned.iter().all(|(p, _)| p != *id))
        .collect();
    if wins.is_empty() {
        if derived.planned.is_empty() {
            ui.label("No quick wins yet: frequent, simple, rule-based steps show up here.");
        }
        return action;
    }
    ui.label(if derived.planned.is_empty() {
        "Quick wins (frequent, simple, rule-based), most hours saved first:"
    } else {
        "Quick wins not on the roadmap yet, most hours saved first:"
    });
    egui::Grid::new("review_quick_wins")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (rank, &id) in wins.iter().take(MAX_ROWS).enumerate() {
                let (Some((wf, s)), Some(i)) =
                    (step_at(plan, &derived.places, *id), analysis.step(*id))
                else {
                    continue;
                };
                ui.label(format!("{}.", rank + 1));
                if ui.link(title(s)).on_hover_text(&i.reason).clicked() {
                    action = Some(UiAction::ShowStep {
                        workflow: wf,
                        step: s.id,
                    });
                }
                ui.label(format!("saves {}", hours(i.hours_per_week)));
                ui.label(match s.tag {
                    Tag::Automate => "tagged automate",
                    _ => "not decided yet",
                });
                ui.end_row();
            }
        });
    if wins.len() > MAX_ROWS {
        ui.weak(format!("… and {} more", wins.len() - MAX_ROWS));
    }
    action
}
