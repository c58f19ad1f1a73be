//! The what-if panel: another value of an hour, volumes × N (peak season),
//! another price tier of a tool; a chart of cumulative savings against
//! cumulative cost over 12 months, updated live; scenarios saved in the plan.

use egui::{ComboBox, DragValue, Id, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::model::{Plan, Scenario};
use crate::roadmap::{WhatIf, money, roi_with};

use super::Change;
use super::cache::Cached;

pub(super) fn what_if_panel(ui: &mut Ui, plan: &Plan, cache: &Cached, change: &mut Option<Change>) {
    egui::CollapsingHeader::new("What if…")
        .id_salt("roadmap_what_if")
        .show(ui, |ui| {
            let id = Id::unique("roadmap_what_if_scenario");
            let mut s: Scenario = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            ui.horizontal_wrapped(|ui| {
                let l = ui.label("Value of an hour");
                let mut hourly = s.hourly_value.unwrap_or(plan.profile.hourly_value);
                if ui
                    .add(DragValue::new(&mut hourly).range(0.0..=10_000.0).speed(0.5))
                    .labelled_by(l.id)
                    .changed()
                {
                    s.hourly_value = Some(hourly);
                }
                let l = ui.label("Volume ×");
                ui.add(DragValue::new(&mut s.volume).range(0.1..=20.0).speed(0.05))
                    .labelled_by(l.id);
                let l = ui.label("Tool");
                let tools: Vec<_> = cache
                    .summary
                    .tools
                    .iter()
                    .filter_map(|t| plan.tool(&t.id))
                    .collect();
                let shown = s
                    .tool
                    .as_deref()
                    .and_then(|id| plan.tool(id))
                    .map_or("(as planned)".to_owned(), |t| t.name.clone());
                ui.label_inputs_by(l.id, |ui| {
                    ComboBox::from_id_salt("what_if_tool")
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut s.tool, None, "(as planned)");
                            for t in &tools {
                                ui.selectable_value(&mut s.tool, Some(t.id.clone()), &t.name);
                            }
                        })
                });
                if let Some(tool) = s.tool.as_deref().and_then(|id| plan.tool(id)) {
                    let l = ui.label("Tier");
                    ui.label_inputs_by(l.id, |ui| {
                        ComboBox::from_id_salt("what_if_tier")
                            .selected_text(s.price_option.clone().unwrap_or("(tier)".to_owned()))
                            .show_ui(ui, |ui| {
                                for o in &tool.prices {
                                    ui.selectable_value(
                                        &mut s.price_option,
                                        Some(o.name.clone()),
                                        &o.name,
                                    );
                                }
                            })
                    });
                }
            });
            let r = roi_with(plan, &cache.summary, WhatIf::from_scenario(plan, &s));
            let cur = plan.profile.currency.as_str();
            ui.label(format!(
                "12 months: {} saved against {} spent · pays back {}",
                money(r.months_12.savings, cur),
                money(r.months_12.cost, cur),
                r.payback_week
                    .map_or("not within the year".to_owned(), |w| format!("in week {w}"))
            ));
            let points = |f: fn(&(f64, f64)) -> f64| -> PlotPoints<'static> {
                std::iter::once([0.0, 0.0])
                    .chain(
                        r.curve
                            .iter()
                            .enumerate()
                            .map(|(i, p)| [(i + 1) as f64, f(p)]),
                    )
                    .collect()
            };
            Plot::new("what_if_plot")
                .height(160.0)
                .legend(Legend::default())
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .x_axis_label("month")
                .y_axis_label(cur.to_owned())
                .show(ui, |p| {
                    p.line(Line::new("Cumulative savings", points(|x| x.0)));
                    p.line(Line::new("Cumulative cost", points(|x| x.1)));
                });
            ui.horizontal(|ui| {
                if ui.button("Save scenario").clicked() {
                    let mut roadmap = plan.roadmap.clone();
                    let mut saved = s.clone();
                    saved.name = format!("Scenario {}", roadmap.scenarios.len() + 1);
                    roadmap.scenarios.push(saved);
                    *change = Some(Change::Set {
                        label: "Save what-if scenario",
                        roadmap,
                    });
                }
                if ui.button("Reset").clicked() {
                    s = Scenario::default();
                }
            });
            for (k, saved) in plan.roadmap.scenarios.iter().enumerate() {
                let r = roi_with(plan, &cache.summary, WhatIf::from_scenario(plan, saved));
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "{}: {} saved, {} spent in 12 months",
                        saved.name,
                        money(r.months_12.savings, cur),
                        money(r.months_12.cost, cur)
                    ));
                    if ui.small_button("Remove").clicked() {
                        let mut roadmap = plan.roadmap.clone();
                        roadmap.scenarios.remove(k);
                        *change = Some(Change::Set {
                            label: "Remove what-if scenario",
                            roadmap,
                        });
                    }
                });
            }
            ui.data_mut(|d| d.insert_temp(id, s));
        });
}
