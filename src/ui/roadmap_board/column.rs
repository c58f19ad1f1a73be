//! One column of the board: its header and the virtualised list of cards,
//! which is also the drop zone for dragged cards.

use egui::{Frame, RichText, ScrollArea, Ui};

use crate::model::Column;
use crate::roadmap::RoadmapSummary;

use super::card::card;
use super::month_header::month_header;
use super::{CARD_HEIGHT, Change, ColumnCtx, DragCard};

fn column_items(summary: &RoadmapSummary, col: Column) -> &[usize] {
    match col.month_index() {
        Some(m) => &summary.months[m].items,
        None if col == Column::Later => &summary.later,
        None => &summary.stays_manual,
    }
}

pub(super) fn column_ui(ui: &mut Ui, cx: &mut ColumnCtx<'_>, col: Column, board_height: f32) {
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
