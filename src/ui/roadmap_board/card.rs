//! One roadmap card: the drag handle and its "Move to…" menu button.

use egui::{Frame, Id, Label, RichText, Role, Ui, WidgetInfo};

use crate::model::{CardStatus, Column};

use super::card_menu::card_menu;
use super::{CARD_HEIGHT, ColumnCtx, DragCard, one_line};

/// One card; returns its rectangle.
pub(super) fn card(
    ui: &mut Ui,
    cx: &mut ColumnCtx<'_>,
    items: &[usize],
    row: usize,
    i: usize,
) -> egui::Rect {
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
                        if info.column != Column::StaysManual
                            && let Some(item) = plan.roadmap.item(info.step)
                        {
                            status_badge(ui, item.status);
                        }
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
                    if info.column != Column::StaysManual {
                        ui.add(
                            Label::new(
                                RichText::new(format!(
                                    "setup {:.1} h · saves {:.1} h/week",
                                    info.setup_hours, info.hours_saved
                                ))
                                .small(),
                            )
                            .truncate(),
                        );
                    }
                    ui.add(Label::new(RichText::new(&info.reason).small().weak()).truncate());
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

/// The card's status in words, coloured as well (never by colour alone).
fn status_badge(ui: &mut Ui, status: CardStatus) {
    let v = ui.visuals();
    let color = match status {
        CardStatus::Planned => v.weak_text_color(),
        CardStatus::Building => v.warn_fg_color,
        CardStatus::Live => egui::Color32::from_rgb(0x2e, 0x9e, 0x4f),
        CardStatus::Paused | CardStatus::Dropped => v.error_fg_color,
    };
    ui.label(RichText::new(status.label()).small().strong().color(color))
        .on_hover_text("Status of this card; change it in the card's menu");
}
