//! The card's menu: move it, set its status, change its setup hours, tool
//! and price option, pin it, or show its step on the map.

use egui::{DragValue, RichText, Ui};

use crate::model::{CardStatus, Column, PriceOption, StepId, ToolCategory};
use crate::roadmap::{self, date, price_text};

use super::UiAction;
use super::{Change, ColumnCtx, one_line};

pub(super) fn card_menu(
    ui: &mut Ui,
    cx: &mut ColumnCtx<'_>,
    items: &[usize],
    row: usize,
    i: usize,
) {
    let plan = cx.plan;
    let Some(info) = cx.cache.summary.items.get(i) else {
        return;
    };
    let step_id = info.step;
    ui.label(RichText::new("Move to").small().weak());
    for c in Column::ALL {
        if c != info.column && ui.button(c.label()).clicked() {
            *cx.change = Some(Change::Move {
                step: step_id,
                column: c,
                index: None,
            });
            ui.close();
        }
    }
    if row > 0 && ui.button("Move up").clicked() {
        *cx.change = Some(Change::Move {
            step: step_id,
            column: info.column,
            index: Some(row - 1),
        });
        ui.close();
    }
    if row + 1 < items.len() && ui.button("Move down").clicked() {
        *cx.change = Some(Change::Move {
            step: step_id,
            column: info.column,
            index: Some(row + 1),
        });
        ui.close();
    }
    ui.separator();

    let item = plan.roadmap.item(step_id);
    if info.column != Column::StaysManual {
        progress_menu(ui, cx, step_id);
        ui.separator();
    }
    ui.horizontal(|ui| {
        let label = ui.label("Setup hours");
        let mut hours = info.setup_hours;
        let r = ui.label_inputs_by(label.id, |ui| {
            ui.add(
                DragValue::new(&mut hours)
                    .range(0.0..=1000.0)
                    .speed(0.25)
                    .suffix(" h"),
            )
        });
        if r.changed()
            && cx.change.is_none()
            && let Some(roadmap) =
                roadmap::update_item(&plan.roadmap, step_id, |it| it.setup_hours = Some(hours))
        {
            *cx.change = Some(Change::Typed {
                label: "Change setup hours",
                roadmap,
                widget: r.id,
            });
        }
        if r.drag_stopped() || r.lost_focus() {
            *cx.end_typing = true;
        }
    });
    if item.is_some_and(|it| it.setup_hours.is_some())
        && ui.button("Use the default estimate").clicked()
        && let Some(roadmap) =
            roadmap::update_item(&plan.roadmap, step_id, |it| it.setup_hours = None)
    {
        *cx.change = Some(Change::Set {
            label: "Reset setup hours",
            roadmap,
        });
        ui.close();
    }

    ui.menu_button("Tool", |ui| tool_menu(ui, cx, i));
    if let Some(tool) = plan.tool(&info.tool)
        && tool.prices.len() > 1
    {
        let chosen = item.and_then(|it| it.price_option.clone());
        ui.menu_button("Price option", |ui| {
            if ui
                .selectable_label(chosen.is_none(), "Cheapest known (default)")
                .clicked()
            {
                set_price(cx, step_id, None);
                ui.close();
            }
            for PriceOption { name, monthly } in &tool.prices {
                let text = format!(
                    "{} · {}",
                    name,
                    price_text(*monthly, &plan.profile.currency)
                );
                if ui
                    .selectable_label(chosen.as_deref() == Some(name.as_str()), text)
                    .clicked()
                {
                    set_price(cx, step_id, Some(name.clone()));
                    ui.close();
                }
            }
        });
    }

    let mut pinned = info.pinned;
    if ui
        .checkbox(&mut pinned, "Pinned (Suggest leaves it here)")
        .changed()
        && let Some(roadmap) = roadmap::update_item(&plan.roadmap, step_id, |it| it.pinned = pinned)
    {
        *cx.change = Some(Change::Set {
            label: if pinned { "Pin card" } else { "Unpin card" },
            roadmap,
        });
    }
    if ui.button("Show on map").clicked() {
        *cx.action = Some(UiAction::ShowStep {
            workflow: info.workflow,
            step: step_id,
        });
        ui.close();
    }
}

/// Status, test done and measured savings of a card.
fn progress_menu(ui: &mut Ui, cx: &mut ColumnCtx<'_>, step_id: StepId) {
    let plan = cx.plan;
    let Some(item) = plan.roadmap.item(step_id) else {
        return;
    };
    let status = item.status;
    ui.menu_button(format!("Status: {}", status.label()), |ui| {
        for s in CardStatus::ALL {
            if ui.selectable_label(s == status, s.label()).clicked() {
                if s != status
                    && let Some(roadmap) = roadmap::update_item(&plan.roadmap, step_id, |it| {
                        it.status = s;
                        if s == CardStatus::Live && it.live_since.is_none() {
                            it.live_since = Some(date::format(date::today()));
                        }
                    })
                {
                    *cx.change = Some(Change::Set {
                        label: "Set card status",
                        roadmap,
                    });
                }
                ui.close();
            }
        }
    });
    let mut tested = item.tested;
    if ui.checkbox(&mut tested, "Test plan done").changed()
        && let Some(roadmap) = roadmap::update_item(&plan.roadmap, step_id, |it| it.tested = tested)
    {
        *cx.change = Some(Change::Set {
            label: if tested {
                "Mark test plan done"
            } else {
                "Mark test plan not done"
            },
            roadmap,
        });
    }
    if status == CardStatus::Live {
        ui.horizontal(|ui| {
            let label = ui.label("Measured saving");
            let estimate = cx
                .cache
                .summary
                .items
                .iter()
                .find(|i| i.step == step_id)
                .map_or(0.0, |i| i.hours_saved * 60.0);
            let mut minutes = item.actual_minutes_per_week.unwrap_or(estimate);
            let r = ui.label_inputs_by(label.id, |ui| {
                ui.add(
                    DragValue::new(&mut minutes)
                        .range(0.0..=100_000.0)
                        .speed(5.0)
                        .max_decimals(0)
                        .suffix(" min/week"),
                )
            });
            if r.changed()
                && cx.change.is_none()
                && let Some(roadmap) = roadmap::update_item(&plan.roadmap, step_id, |it| {
                    it.actual_minutes_per_week = Some(minutes)
                })
            {
                *cx.change = Some(Change::Typed {
                    label: "Change measured saving",
                    roadmap,
                    widget: r.id,
                });
            }
            if r.drag_stopped() || r.lost_focus() {
                *cx.end_typing = true;
            }
        });
        if item.actual_minutes_per_week.is_some()
            && ui.button("Use the estimate until measured").clicked()
            && let Some(roadmap) = roadmap::update_item(&plan.roadmap, step_id, |it| {
                it.actual_minutes_per_week = None
            })
        {
            *cx.change = Some(Change::Set {
                label: "Reset measured saving",
                roadmap,
            });
            ui.close();
        }
    }
}

fn set_price(cx: &mut ColumnCtx<'_>, step: StepId, option: Option<String>) {
    if let Some(roadmap) =
        roadmap::update_item(&cx.plan.roadmap, step, |it| it.price_option = option)
    {
        *cx.change = Some(Change::Set {
            label: "Choose price option",
            roadmap,
        });
    }
}

/// Tools of the catalog that suit the item's layer, grouped by category, the
/// category the step needs first.
fn tool_menu(ui: &mut Ui, cx: &mut ColumnCtx<'_>, i: usize) {
    let plan = cx.plan;
    let Some(info) = cx.cache.summary.items.get(i) else {
        return;
    };
    let Some(step) = cx
        .cache
        .index
        .get(&info.step)
        .and_then(|&(wi, si)| plan.workflows.get(wi).and_then(|w| w.steps.get(si)))
    else {
        return;
    };
    let step_id = info.step;
    let own = if step.tool.trim().is_empty() {
        "none".to_owned()
    } else {
        plan.tool(&step.tool)
            .map_or_else(|| one_line(&step.tool), |t| t.name.clone())
    };
    let item_tool = plan.roadmap.item(step_id).and_then(|it| it.tool.clone());
    let mut picked: Option<Option<String>> = None;
    if ui
        .selectable_label(item_tool.is_none(), format!("The step's own tool ({own})"))
        .clicked()
    {
        picked = Some(None);
    }
    let layer = info.layer.map(|l| l.number());
    let first = roadmap::tool_category(step, info.layer);
    let mut order = vec![first];
    order.extend(ToolCategory::ALL.into_iter().filter(|c| *c != first));
    for cat in order {
        let tools: Vec<_> = plan
            .tools
            .iter()
            .filter(|t| t.category == cat && layer.is_none_or(|l| t.layers.contains(&l)))
            .collect();
        if tools.is_empty() {
            continue;
        }
        ui.label(RichText::new(cat.label()).small().weak());
        for t in tools {
            let (_, price) = roadmap::pick_price(t, None);
            let text = format!("{} · {}", t.name, price_text(price, &plan.profile.currency));
            if ui
                .selectable_label(item_tool.as_deref() == Some(t.id.as_str()), text)
                .clicked()
            {
                picked = Some(Some(t.id.clone()));
            }
        }
    }
    if let Some(tool) = picked {
        if let Some(roadmap) = roadmap::update_item(&plan.roadmap, step_id, |it| {
            it.tool = tool;
            it.price_option = None;
        }) {
            *cx.change = Some(Change::Set {
                label: "Choose tool",
                roadmap,
            });
        }
        ui.close();
    }
}
