//! The marks of a comparison (File → Compare with…) on the map. A step new
//! since the other version gets a solid outline and a "new" badge under its
//! box; a changed step a dashed outline and a "changed" badge. The line style
//! and the word tell them apart without colour; the colours (blue, orange)
//! stay apart for colour-blind eyes too. Removed steps are not in the plan,
//! so they have no box: the line above the map names them.

use std::sync::Arc;

use egui::epaint::RectShape;
use egui::{Color32, FontId, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use super::CanvasState;
use super::draw::{self, MapView};
use crate::diff::StepMark;
use crate::ui::compare::StepMarks;

impl CanvasState {
    /// Mark the steps new or changed since a compared version, from the next
    /// frame on; `None` takes the marks off.
    pub fn set_change_marks(&mut self, marks: Option<Arc<StepMarks>>) {
        self.change_marks = marks;
    }

    /// The marks of the comparison in force, if any.
    pub fn change_marks(&self) -> Option<&StepMarks> {
        self.change_marks.as_deref()
    }
}

/// How one kind of mark looks.
struct Look {
    word: &'static str,
    line: Color32,
    dashed: bool,
    fill: Color32,
    ink: Color32,
}

fn look(mark: StepMark, dark: bool) -> Option<Look> {
    let rgb = Color32::from_rgb;
    match mark {
        StepMark::Added => Some(Look {
            word: "new",
            line: if dark {
                rgb(0x56, 0xb4, 0xe9)
            } else {
                rgb(0x00, 0x72, 0xb2)
            },
            dashed: false,
            fill: rgb(0xd6, 0xea, 0xf8),
            ink: rgb(0x0b, 0x3c, 0x5d),
        }),
        StepMark::Changed => Some(Look {
            word: "changed",
            line: if dark {
                rgb(0xe6, 0x9f, 0x00)
            } else {
                rgb(0xd5, 0x5e, 0x00)
            },
            dashed: true,
            fill: rgb(0xfd, 0xe3, 0xcf),
            ink: rgb(0x7a, 0x33, 0x00),
        }),
        StepMark::Removed => None,
    }
}

/// The word a mark shows ("new", "changed"); `None` for a removed step.
pub(super) fn word(mark: StepMark) -> Option<&'static str> {
    look(mark, false).map(|l| l.word)
}

/// The outline around a step's box on screen.
pub(super) fn ring_rect(node_screen: Rect, zoom: f32) -> Rect {
    node_screen.expand((5.0 * zoom).max(3.0))
}

/// The marked visible steps: each with its box on screen and how it looks.
fn marked<'a>(v: &'a MapView<'_>, marks: &'a StepMarks) -> impl Iterator<Item = (Rect, Look)> + 'a {
    let z = v.cam.zoom;
    let shown = !marks.is_empty() && draw::lod(z) != draw::Lod::Blocks;
    v.visible
        .iter()
        .filter(move |_| shown)
        .filter_map(move |&i| {
            let i = i as usize;
            let (step, rect) = (v.wf.steps.get(i)?, v.index.rects.get(i)?);
            let look = look(*marks.get(&step.id)?, v.dark)?;
            Some((v.cam.rect_to_screen(v.viewport, *rect), look))
        })
}

/// The outlines, painted before the map so the badges on a box's edge stay on top.
pub(super) fn draw_outlines(v: &MapView<'_>, marks: &StepMarks) {
    let z = v.cam.zoom;
    let mut shapes = Vec::new();
    for (r, look) in marked(v, marks) {
        let ring = ring_rect(r, z);
        let stroke = Stroke::new(2.5, look.line);
        if look.dashed {
            let c = [
                ring.left_top(),
                ring.right_top(),
                ring.right_bottom(),
                ring.left_bottom(),
                ring.left_top(),
            ];
            shapes.extend(Shape::dashed_line(&c, stroke, 7.0, 4.0));
        } else {
            shapes.push(Shape::Rect(RectShape::new(
                ring,
                6.0 * z,
                Color32::TRANSPARENT,
                stroke,
                StrokeKind::Middle,
            )));
        }
    }
    v.painter.extend(shapes);
}

/// The words under the boxes, painted after the map so no arrow crosses
/// them; left off where the other badges are too (too far out to read).
pub(super) fn draw_words(v: &MapView<'_>, marks: &StepMarks) {
    let z = v.cam.zoom;
    if z < draw::MARK_ZOOM {
        return;
    }
    let mut shapes = Vec::new();
    for (r, look) in marked(v, marks) {
        // Under the box, clear of the method's suggestion on its bottom edge.
        let g = v.painter.layout_no_wrap(
            look.word.to_owned(),
            FontId::proportional(draw::text_px(10.0, z)),
            look.ink,
        );
        let size = g.size() + vec2(10.0, 2.0);
        let left = ring_rect(r, z).left();
        let badge = Rect::from_min_size(pos2(left, r.bottom() + 10.0), size);
        shapes.push(Shape::Rect(RectShape::new(
            badge,
            size.y * 0.5,
            look.fill,
            Stroke::new(1.5, look.line),
            StrokeKind::Inside,
        )));
        shapes.push(Shape::galley(badge.center() - g.size() * 0.5, g, look.ink));
    }
    v.painter.extend(shapes);
}
