//! The plan's own fields, shown when no step is selected.

use std::collections::BTreeSet;

use egui::{DragValue, Ui};

use crate::edit::{Document, Edit};

use super::state::{Change, InspectorState, apply_change};
use super::widgets::{row, text_line};

/// The plan's name and the business facts that turn minutes into money.
pub(super) fn plan_fields(ui: &mut Ui, doc: &mut Document, state: &mut InspectorState) {
    ui.heading("Plan");
    let mut name = doc.plan().name.clone();
    let mut profile = doc.plan().profile.clone();
    let mut name_change = Change::default();
    let mut change = Change::default();
    let currency = profile.currency.clone();
    egui::Grid::new("inspector-plan")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            row(ui, "Plan name", |ui, l| {
                let r = text_line(ui, "plan-name", &mut name, "Name of this plan").labelled_by(l);
                name_change.text(&r, "Rename plan");
            });
            row(ui, "Shop", |ui, l| {
                let r =
                    text_line(ui, "plan-shop", &mut profile.shop_name, "Shop name").labelled_by(l);
                change.text(&r, "Edit shop name");
            });
            row(ui, "Value of one hour", |ui, l| {
                let r = ui
                    .add(
                        DragValue::new(&mut profile.hourly_value)
                            .range(0.0..=10_000.0)
                            .speed(0.5)
                            .max_decimals(2)
                            .suffix(format!(" {currency}")),
                    )
                    .labelled_by(l);
                change.text(&r, "Edit hourly value");
            });
            row(ui, "Setup hours per week", |ui, l| {
                let r = ui
                    .add(
                        DragValue::new(&mut profile.setup_hours_per_week)
                            .range(0.0..=168.0)
                            .speed(0.25)
                            .max_decimals(2)
                            .suffix(" h"),
                    )
                    .labelled_by(l);
                change.text(&r, "Edit setup hours");
            });
            row(ui, "Currency", |ui, l| {
                let r = text_line(ui, "plan-currency", &mut profile.currency, "USD").labelled_by(l);
                change.text(&r, "Edit currency");
            });
        });
    let none = BTreeSet::new();
    if name != doc.plan().name {
        apply_change(doc, state, name_change, &none, Edit::SetPlanName(name));
    } else if profile != doc.plan().profile {
        apply_change(doc, state, change, &none, Edit::SetProfile(profile));
    }
}
