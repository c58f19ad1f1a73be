//! The 90-day roadmap board: columns Month 1 / Month 2 / Month 3 / Later /
//! Stays manual with one card per roadmap item, the month's goal, capacity,
//! tools, cost and savings above each month, and a week-by-week timeline.
//!
//! Cards are dragged between columns (or moved with their "Move to…" menu);
//! every change is one `Edit::SetRoadmap` through the document, so one drag is
//! one undo step, and a moved card becomes pinned.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{
    Color32, DragValue, Frame, Id, Label, ProgressBar, RichText, Role, ScrollArea, TextEdit, Ui,
    WidgetInfo,
};

use crate::analysis::Analysis;
use crate::edit::{Document, Edit, GestureId};
use crate::model::{Column, Plan, PriceOption, Roadmap, StepId, ToolCategory};
use crate::roadmap::{self, RoadmapSummary, date, money, price_text};

use super::UiAction;

/// Height of one card, for the virtualised column lists.
const CARD_HEIGHT: f32 = 92.0;
/// Gesture ids of the board live far from other views' ids.
const GESTURE_BASE: u64 = 1 << 61;
/// Height kept for the timeline under the columns.
const TIMELINE_HEIGHT: f32 = 150.0;
/// Items named per week in the timeline.
const TIMELINE_NAMES: usize = 5;

/// What a dragged card carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DragCard {
    step: StepId,
}

/// The one change a frame of the board makes.
enum Change {
    Move {
        step: StepId,
        column: Column,
        index: Option<usize>,
    },
    Set {
        label: &'static str,
        roadmap: Roadmap,
    },
    /// Typed or dragged: merges with the rest of the widget's edit session.
    Typed {
        label: &'static str,
        roadmap: Roadmap,
        widget: Id,
    },
    Suggest,
}

/// Derived data of the board, kept per document revision.
struct Cached {
    revision: u64,
    summary: RoadmapSummary,
    /// Step id → (workflow index, step index).
    index: HashMap<StepId, (usize, usize)>,
    /// Per week 0–12: the first items starting that week and how many start.
    weeks: Vec<(Vec<usize>, usize)>,
}

fn cached(ui: &Ui, doc: &Document, analysis: &Analysis) -> Arc<Cached> {
    let id = Id::unique("automap_roadmap_board_cache");
    let revision = doc.revision();
    if let Some(c) = ui.data(|d| d.get_temp::<Arc<Cached>>(id))
        && c.revision == revision
    {
        return c;
    }
    let plan = doc.plan();
    let summary = roadmap::summarize(plan, analysis);
    let index = plan.step_places();
    let mut weeks: Vec<(Vec<usize>, usize)> =
        vec![(Vec::new(), 0); roadmap::TIMELINE_WEEKS as usize];
    for (i, first_day, _) in roadmap::schedule(plan, &summary) {
        let w = (first_day / 7) as usize;
        if let Some(week) = weeks.get_mut(w) {
            week.1 += 1;
            if week.0.len() < TIMELINE_NAMES {
                week.0.push(i);
            }
        }
    }
    let c = Arc::new(Cached {
        revision,
        summary,
        index,
        weeks,
    });
    ui.data_mut(|d| d.insert_temp(id, c.clone()));
    c
}

/// "Dec 1".
fn short_date(day: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_, m, d) = date::civil_from_days(day);
    let name = MONTHS.get(m.saturating_sub(1) as usize).unwrap_or(&"");
    format!("{name} {d}")
}

/// One line of text: line breaks of plan text become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Show the board. Returns a request for the app (e.g. show a step on its map).
pub fn roadmap_board(ui: &mut Ui, doc: &mut Document, analysis: &Analysis) -> Option<UiAction> {
    let cache = cached(ui, doc, analysis);
    let mut change: Option<Change> = None;
    let mut action: Option<UiAction> = None;
    let mut end_typing = false;
    {
        let plan = doc.plan();
        toolbar(ui, plan, &cache, &mut change, &mut end_typing);
        ui.separator();
        let board_height = (ui.available_height() - TIMELINE_HEIGHT).max(320.0);
        ui.allocate_ui(egui::vec2(ui.available_width(), board_height), |ui| {
            ui.columns(Column::ALL.len(), |cols| {
                for (k, col) in Column::ALL.into_iter().enumerate() {
                    if let Some(ui) = cols.get_mut(k) {
                        let mut ctx = ColumnCtx {
                            plan,
                            cache: &cache,
                            analysis,
                            change: &mut change,
                            action: &mut action,
                            end_typing: &mut end_typing,
                        };
                        column_ui(ui, &mut ctx, col, board_height);
                    }
                }
            });
        });
        ui.separator();
        timeline(ui, plan, &cache);
    }
    apply(doc, analysis, change);
    if end_typing {
        doc.end_gesture();
    }
    action
}

fn apply(doc: &mut Document, analysis: &Analysis, change: Option<Change>) {
    let result = match change {
        None => return,
        Some(Change::Move {
            step,
            column,
            index,
        }) => match roadmap::move_item(&doc.plan().roadmap, step, column, index) {
            Some(r) => doc.apply("Move roadmap card", Edit::SetRoadmap(r)),
            None => return,
        },
        Some(Change::Set { label, roadmap }) => doc.apply(label, Edit::SetRoadmap(roadmap)),
        Some(Change::Typed {
            label,
            roadmap,
            widget,
        }) => {
            let gesture = GestureId(GESTURE_BASE | (widget.value() >> 3));
            doc.apply_gesture(label, gesture, Edit::SetRoadmap(roadmap))
        }
        Some(Change::Suggest) => {
            let r = roadmap::suggest(doc.plan(), analysis);
            doc.apply("Suggest roadmap", Edit::SetRoadmap(r))
        }
    };
    if let Err(e) = result {
        log::warn!("roadmap edit refused: {e}");
    }
}

fn toolbar(
    ui: &mut Ui,
    plan: &Plan,
    cache: &Cached,
    change: &mut Option<Change>,
    end_typing: &mut bool,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("90-day roadmap");
        if ui
            .button("Suggest")
            .on_hover_text(
                "Place every automation candidate by its layer and the team's setup hours. \
                 Pinned cards stay where they are.",
            )
            .clicked()
        {
            *change = Some(Change::Suggest);
        }
        ui.separator();

        // The start date is typed freely and stored once it is a real date.
        let buffer_id = Id::unique("automap_roadmap_start_date");
        let stored = plan.roadmap.start_date.clone().unwrap_or_default();
        let mut text = ui
            .data(|d| d.get_temp::<String>(buffer_id))
            .unwrap_or_else(|| stored.clone());
        let label = ui.label("Start date");
        let r = ui.label_inputs_by(label.id, |ui| {
            ui.add(
                TextEdit::singleline(&mut text)
                    .id_salt("roadmap_start_date")
                    .hint_text("YYYY-MM-DD")
                    .desired_width(96.0),
            )
        });
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(buffer_id, text.clone()));
        }
        if r.lost_focus() {
            ui.data_mut(|d| d.remove::<String>(buffer_id));
            let t = text.trim();
            let new = if t.is_empty() {
                Some(None)
            } else {
                date::parse(t).map(|d| Some(date::format(d)))
            };
            if let Some(new) = new
                && new != plan.roadmap.start_date
            {
                let mut roadmap = plan.roadmap.clone();
                roadmap.start_date = new;
                *change = Some(Change::Set {
                    label: "Set start date",
                    roadmap,
                });
                *end_typing = true;
            }
        }
        if !text.trim().is_empty() && date::parse(&text).is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, "use YYYY-MM-DD");
        }
        ui.separator();
        let per_week = plan.profile.setup_hours_per_week;
        ui.label(format!(
            "Setup capacity {:.1} h/week, {:.1} h per month",
            if per_week.is_finite() { per_week } else { 0.0 },
            roadmap::capacity(plan)
        ));
        ui.separator();
        let s = &cache.summary;
        ui.label(format!(
            "By day 90: {:.1} h/week saved, worth {} a month; tools {} a month",
            s.hours_saved_by_day_90(),
            money(s.months[2].value_per_month, &plan.profile.currency),
            s.monthly_cost().format(&plan.profile.currency),
        ));
    });
}

/// What every column and card needs.
struct ColumnCtx<'a> {
    plan: &'a Plan,
    cache: &'a Cached,
    analysis: &'a Analysis,
    change: &'a mut Option<Change>,
    action: &'a mut Option<UiAction>,
    end_typing: &'a mut bool,
}

fn column_items(summary: &RoadmapSummary, col: Column) -> &[usize] {
    match col.month_index() {
        Some(m) => &summary.months[m].items,
        None if col == Column::Later => &summary.later,
        None => &summary.stays_manual,
    }
}

fn column_ui(ui: &mut Ui, cx: &mut ColumnCtx<'_>, col: Column, board_height: f32) {
    let top = ui.cursor().top();
    ui.heading(col.label());
    match col.month_index() {
        Some(mi) => month_header(ui, cx, mi),
        None => {
            ui.label(
                RichText::new(if col == Column::Later {
                    "Traps, and what did not fit in the 90 days."
                } else {
                    "Kept with people. Hover a card for the reason."
                })
                .small()
                .weak(),
            );
        }
    }
    let items = column_items(&cx.cache.summary, col);
    let used = ui.cursor().top() - top;
    let list_height = (board_height - used - 16.0).max(CARD_HEIGHT * 2.0);
    let (zone, dropped) =
        ui.dnd_drop_zone::<DragCard, Option<usize>>(Frame::default().inner_margin(4.0), |ui| {
            ui.set_min_size(egui::vec2(ui.available_width(), list_height));
            if items.is_empty() {
                ui.label(
                    RichText::new(if cx.plan.roadmap.items.is_empty() {
                        "Press Suggest to fill the board."
                    } else {
                        "Drop cards here."
                    })
                    .weak(),
                );
            }
            let mut insert: Option<usize> = None;
            ScrollArea::vertical()
                .id_salt(("roadmap_column", col))
                .max_height(list_height)
                .auto_shrink([false, false])
                .show_rows(ui, CARD_HEIGHT, items.len(), |ui, rows| {
                    for row in rows {
                        let Some(&i) = items.get(row) else { continue };
                        let rect = card(ui, cx, items, row, i);
                        // Where a dragged card would go: above or below this one.
                        if egui::DragAndDrop::has_payload_of_type::<DragCard>(ui.ctx())
                            && let Some(p) = ui.ctx().pointer_interact_pos()
                            && rect.contains(p)
                        {
                            let below = p.y > rect.center().y;
                            insert = Some(if below { row + 1 } else { row });
                            let y = if below { rect.bottom() } else { rect.top() };
                            ui.painter().hline(
                                rect.x_range(),
                                y,
                                egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
                            );
                        }
                    }
                });
            insert
        });
    if let Some(payload) = dropped {
        let mut index = zone.inner;
        // Moving down within the same column: the card leaves its old place first.
        if let Some(from) = items
            .iter()
            .position(|&i| cx.cache.summary.items[i].step == payload.step)
            && let Some(to) = index
            && to > from
        {
            index = Some(to - 1);
        }
        *cx.change = Some(Change::Move {
            step: payload.step,
            column: col,
            index,
        });
    }
}

fn month_header(ui: &mut Ui, cx: &mut ColumnCtx<'_>, mi: usize) {
    let plan = cx.plan;
    let m = &cx.cache.summary.months[mi];
    let (first, last) = Column::MONTHS[mi].days().unwrap_or((1, 30));
    let dates = plan
        .roadmap
        .start_date
        .as_deref()
        .and_then(date::parse)
        .map(|d| {
            format!(
                ", {} – {}",
                short_date(d + i64::from(first) - 1),
                short_date(d + i64::from(last) - 1)
            )
        })
        .unwrap_or_default();
    ui.label(
        RichText::new(format!("Days {first}–{last}{dates}"))
            .small()
            .weak(),
    );

    let note = plan.roadmap.phase(mi);
    for (is_goal, name) in [(true, "Goal"), (false, "Expected outcome")] {
        let mut text = if is_goal {
            note.goal.clone()
        } else {
            note.outcome.clone()
        };
        let label = ui.label(RichText::new(name).small().strong());
        let r = ui.label_inputs_by(label.id, |ui| {
            ui.add(
                TextEdit::multiline(&mut text)
                    .id_salt(("roadmap_phase", mi, is_goal))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
        });
        if r.changed() && cx.change.is_none() {
            let mut roadmap = plan.roadmap.clone();
            while roadmap.phases.len() < 3 {
                let n = roadmap.phases.len();
                roadmap.phases.push(crate::model::PhaseNote::default_for(n));
            }
            if let Some(p) = roadmap.phases.get_mut(mi) {
                if is_goal {
                    p.goal = text;
                } else {
                    p.outcome = text;
                }
            }
            *cx.change = Some(Change::Typed {
                label: if is_goal {
                    "Edit month goal"
                } else {
                    "Edit expected outcome"
                },
                roadmap,
                widget: r.id,
            });
        }
        if r.lost_focus() {
            *cx.end_typing = true;
        }
    }

    let over = m.over_capacity();
    let fraction = if m.capacity > 0.0 {
        (m.setup_hours / m.capacity) as f32
    } else if m.setup_hours > 0.0 {
        1.0
    } else {
        0.0
    };
    let fill = if over {
        Color32::from_rgb(200, 70, 60)
    } else {
        ui.visuals().selection.bg_fill
    };
    ui.add(
        ProgressBar::new(fraction.clamp(0.0, 1.0))
            .fill(fill)
            .text(format!("Setup {:.1} of {:.1} h", m.setup_hours, m.capacity)),
    )
    .on_hover_text("Setup hours of this month's cards against the team's capacity");
    if over {
        ui.colored_label(
            ui.visuals().error_fg_color,
            RichText::new("Over capacity: move cards on or plan more setup hours").small(),
        );
    }
    let currency = &plan.profile.currency;
    let tools = roadmap::tools_line(&cx.cache.summary, mi, currency);
    ui.label(
        RichText::new(if tools.is_empty() {
            "Tools: none yet".to_owned()
        } else {
            format!("Tools: {tools}")
        })
        .small(),
    );
    ui.label(RichText::new(format!("Tool cost: {} a month", m.cost.format(currency))).small());
    ui.label(
        RichText::new(format!(
            "Saves {:.1} h/week by month end, worth {} a month",
            m.hours_saved,
            money(m.value_per_month, currency)
        ))
        .small(),
    );
}

/// One card; returns its rectangle.
fn card(ui: &mut Ui, cx: &mut ColumnCtx<'_>, items: &[usize], row: usize, i: usize) -> egui::Rect {
    let plan = cx.plan;
    let Some(info) = cx.cache.summary.items.get(i) else {
        return egui::Rect::NOTHING;
    };
    let found = cx
        .cache
        .index
        .get(&info.step)
        .and_then(|&(wi, si)| plan.workflows.get(wi).map(|w| (w, w.steps.get(si))));
    let Some((w, Some(step))) = found else {
        return egui::Rect::NOTHING;
    };
    let title = if step.title.trim().is_empty() {
        format!("Step {}", step.id)
    } else {
        one_line(&step.title)
    };
    let tool = if info.tool.is_empty() {
        "no tool".to_owned()
    } else {
        plan.tool(&info.tool)
            .map_or_else(|| one_line(&info.tool), |t| t.name.clone())
    };
    let drag_id = Id::unique(("roadmap_card", info.step));
    let mut drag_response: Option<egui::Response> = None;
    let card = Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_height(CARD_HEIGHT - 20.0);
            // The text of the card is the drag handle; the menu button stays clickable.
            let r = ui.dnd_drag_source(drag_id, DragCard { step: info.step }, |ui| {
                ui.vertical(|ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        if info.pinned {
                            ui.label(RichText::new("Pinned").small().italics())
                                .on_hover_text("Pinned: Suggest leaves this card here");
                        }
                        ui.add(Label::new(RichText::new(&title).strong()).truncate());
                    });
                    ui.add(
                        Label::new(
                            RichText::new(if info.column == Column::StaysManual {
                                format!(
                                    "{} · {}",
                                    one_line(&w.name),
                                    cx.analysis
                                        .step(info.step)
                                        .map_or("kept manual", |i| i.class.label())
                                )
                            } else {
                                format!(
                                    "{} · {} · {}",
                                    one_line(&w.name),
                                    info.layer.map_or("no layer", |l| l.label()),
                                    tool
                                )
                            })
                            .small(),
                        )
                        .truncate(),
                    );
                    let moved = info
                        .moved_from
                        .map(|c| format!(" · moved on from {}", c.label()))
                        .unwrap_or_default();
                    ui.add(
                        Label::new(
                            RichText::new(format!(
                                "setup {:.1} h · saves {:.1} h/week{moved}",
                                info.setup_hours, info.hours_saved
                            ))
                            .small(),
                        )
                        .truncate(),
                    );
                });
            });
            drag_response = Some(r.response);
            let menu = ui.menu_button("Move to…", |ui| card_menu(ui, cx, items, row, i));
            let menu_label = format!("Move to… {title}");
            menu.response
                .widget_info(|| WidgetInfo::labeled(Role::Button, true, &menu_label));
        });
    if let Some(response) = drag_response
        && let Some(insight) = cx.analysis.step(info.step)
        && !insight.reason.trim().is_empty()
    {
        response.on_hover_text(format!(
            "{} ({}): {}",
            title,
            insight.class.label(),
            insight.reason
        ));
    }
    card.response.rect
}

fn card_menu(ui: &mut Ui, cx: &mut ColumnCtx<'_>, items: &[usize], row: usize, i: usize) {
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

fn timeline(ui: &mut Ui, plan: &Plan, cache: &Cached) {
    ui.label(RichText::new("Week by week").strong());
    let start = plan.roadmap.start_date.as_deref().and_then(date::parse);
    ScrollArea::horizontal()
        .id_salt("roadmap_timeline")
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (week, (names, count)) in cache.weeks.iter().enumerate() {
                    ui.vertical(|ui| {
                        ui.set_width(118.0);
                        let when = start
                            .map(|d| format!(" · {}", short_date(d + 7 * week as i64)))
                            .unwrap_or_default();
                        ui.label(RichText::new(format!("Week {}{when}", week + 1)).strong());
                        for &i in names {
                            let Some(info) = cache.summary.items.get(i) else {
                                continue;
                            };
                            let title = cache
                                .index
                                .get(&info.step)
                                .and_then(|&(wi, si)| {
                                    plan.workflows.get(wi).and_then(|w| w.steps.get(si))
                                })
                                .map_or_else(
                                    || format!("Step {}", info.step),
                                    |s| one_line(&s.title),
                                );
                            ui.add(
                                Label::new(RichText::new(format!("• {title}")).small()).truncate(),
                            );
                        }
                        if *count > names.len() {
                            ui.label(
                                RichText::new(format!("and {} more", count - names.len()))
                                    .small()
                                    .weak(),
                            );
                        }
                    });
                }
            });
        });
}
