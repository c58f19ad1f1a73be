//! Fourth question: what stays with people.

use egui::{RichText, Ui};

use crate::analysis::Analysis;
use crate::model::{Plan, Tag};
use crate::ui::UiAction;

use super::derived::ReviewLists as Derived;
use super::{class_color, step_at, title};

pub(super) fn manual_section(
    ui: &mut Ui,
    plan: &Plan,
    analysis: &Analysis,
    derived: &Derived,
) -> Option<UiAction> {
    ui.heading("What stays manual, and why?");
    let mut action = None;
    egui::Grid::new("review_manual")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for id in &derived.manual {
                let (Some((wf, s)), Some(i)) =
                    (step_at(plan, &derived.places, *id), analysis.step(*id))
                else {
                    continue;
                };
                if ui.link(title(s)).clicked() {
                    action = Some(UiAction::ShowStep {
                        workflow: wf,
                        step: s.id,
                    });
                }
                ui.label(RichText::new(i.class.label()).color(class_color(i.class)));
                let why = if i.suggested_tag == Tag::KeepManual {
                    i.reason.clone()
                } else {
                    "The owner keeps it manual.".to_owned()
                };
                ui.add(egui::Label::new(why).wrap());
                ui.end_row();
            }
        });
    if derived.manual_total == 0 {
        ui.label("Nothing is kept manual yet.");
    }
    let more = derived.manual_total.saturating_sub(derived.manual.len());
    if more > 0 {
        ui.weak(format!("… and {more} more"));
    }
    action
}
