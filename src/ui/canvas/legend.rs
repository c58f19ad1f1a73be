//! The legend in the map's corner: the three tags and the five kinds of step.

use egui::epaint::RectShape;
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use super::draw::{
    END_FILL, EXCEPTION_FILL, INK, MIN_TEXT, TRIGGER_FILL, border_of, tag_fill, tag_ink,
};
use super::shape::{corner_radius, outline};
use crate::model::{StepKind, Tag};

/// Rows of the legend.
pub const LEGEND_ROWS: usize = 8;
const LEGEND_ROW: f32 = 18.0;

/// Height of the legend on screen.
pub fn legend_height() -> f32 {
    LEGEND_ROWS as f32 * LEGEND_ROW + 10.0
}

/// A compact legend: the three tags (colour, symbol, border) and the shapes
/// of the five kinds of step. Opaque, so nothing on the map shows through.
pub fn draw_legend(painter: &Painter, at: Pos2, dark: bool) -> Rect {
    let font = FontId::proportional(MIN_TEXT);
    let text = if dark { Color32::from_gray(225) } else { INK };
    let bg = Rect::from_min_size(at, vec2(132.0, legend_height()));
    painter.rect_filled(
        bg,
        6.0,
        if dark {
            Color32::from_gray(24)
        } else {
            Color32::from_gray(252)
        },
    );
    let row_y = |k: usize| at.y + 5.0 + k as f32 * LEGEND_ROW + LEGEND_ROW * 0.5;
    for (k, tag) in [Tag::Automate, Tag::KeepManual, Tag::Undecided]
        .into_iter()
        .enumerate()
    {
        let y = row_y(k);
        let sw = Rect::from_center_size(pos2(at.x + 19.0, y), vec2(24.0, 15.0));
        let ink = tag_ink(tag);
        painter.rect(
            sw,
            7.5,
            tag_fill(tag),
            Stroke::new(1.2, ink),
            StrokeKind::Inside,
        );
        painter.text(
            sw.center(),
            egui::Align2::CENTER_CENTER,
            tag.symbol(),
            FontId::proportional(11.0),
            ink,
        );
        painter.text(
            pos2(at.x + 38.0, y),
            egui::Align2::LEFT_CENTER,
            tag.label(),
            font.clone(),
            text,
        );
    }
    let kinds = [
        (StepKind::Trigger, TRIGGER_FILL),
        (StepKind::Task, tag_fill(Tag::Undecided)),
        (StepKind::Decision, tag_fill(Tag::Undecided)),
        (StepKind::Exception, EXCEPTION_FILL),
        (StepKind::End, END_FILL),
    ];
    for (k, (kind, fill)) in kinds.into_iter().enumerate() {
        let y = row_y(k + 3);
        let sw = Rect::from_center_size(pos2(at.x + 19.0, y), vec2(24.0, 12.0));
        let stroke = Stroke::new(1.0, border_of(kind));
        match kind {
            StepKind::Decision | StepKind::Exception => {
                painter.add(Shape::convex_polygon(outline(kind, sw), fill, stroke));
            }
            _ => {
                painter.add(RectShape::new(
                    sw,
                    corner_radius(kind, sw),
                    fill,
                    stroke,
                    StrokeKind::Inside,
                ));
            }
        }
        painter.text(
            pos2(at.x + 38.0, y),
            egui::Align2::LEFT_CENTER,
            kind.label().to_lowercase(),
            font.clone(),
            text,
        );
    }
    bg
}
