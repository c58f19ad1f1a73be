//! Painting the map with level of detail: full shapes, text and marks when
//! readable; shapes without text when small; plain blocks and straight lines
//! (one mesh) when tiny. Only what is visible is painted.

use std::collections::{HashMap, HashSet};

use egui::epaint::{CubicBezierShape, Mesh, RectShape};
use egui::text::LayoutJob;
use egui::{
    Align, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2,
};

use super::camera::Camera;
use super::index::SpatialIndex;
use super::shape::{arrow_curve, corner_radius, outline};
use crate::analysis::{Analysis, PriorityClass};
use crate::model::{Approach, Step, StepId, StepKind, Tag, Workflow};
use crate::ui::Selection;

/// No text is drawn smaller than this many screen points.
pub const MIN_TEXT: f32 = 11.0;
/// Below this zoom a box is too narrow for a few words at [`MIN_TEXT`]: no text.
pub const TEXT_ZOOM: f32 = 0.3;
/// Below this zoom, badges (tag, layer, findings) are left off: they would
/// cover the title.
pub const MARK_ZOOM: f32 = 0.45;
/// The smallest zoom Fit chooses: titles keep two lines of words.
pub const READABLE_ZOOM: f32 = 0.5;
/// Below this zoom, steps are plain blocks and arrows straight lines.
pub const BLOCK_ZOOM: f32 = 0.16;

pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xeb);
pub const MATCH: Color32 = Color32::from_rgb(0xf5, 0xb7, 0x00);
pub(super) const INK: Color32 = Color32::from_rgb(0x22, 0x24, 0x2a);
const EXCEPTION_INK: Color32 = Color32::from_rgb(0xc2, 0x41, 0x0c);
const NEVER: Color32 = Color32::from_rgb(0xc9, 0x2a, 0x2a);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lod {
    Full,
    Shapes,
    Blocks,
}

pub fn lod(zoom: f32) -> Lod {
    if zoom >= TEXT_ZOOM {
        Lod::Full
    } else if zoom >= BLOCK_ZOOM {
        Lod::Shapes
    } else {
        Lod::Blocks
    }
}

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

pub fn tag_fill(tag: Tag) -> Color32 {
    rgb(tag.fill_rgb())
}

pub fn tag_ink(tag: Tag) -> Color32 {
    rgb(tag.ink_rgb())
}

/// Triggers and ends are events, never tagged.
pub(super) const TRIGGER_FILL: Color32 = Color32::from_rgb(0xdc, 0xea, 0xf8);
pub(super) const END_FILL: Color32 = Color32::from_rgb(0xe2, 0xe3, 0xe8);
pub(super) const EXCEPTION_FILL: Color32 = Color32::from_rgb(0xf8, 0xd4, 0xc8);

pub use crate::edit::tag::is_taggable;

pub fn fill_of(step: &Step) -> Color32 {
    match step.kind {
        StepKind::Trigger => TRIGGER_FILL,
        StepKind::Exception => EXCEPTION_FILL,
        StepKind::End => END_FILL,
        _ => tag_fill(step.tag),
    }
}

/// Screen rect of a step's tag badge (its top-left corner), which a click cycles.
pub fn tag_badge_rect(node_screen: Rect, zoom: f32) -> Rect {
    let size = vec2(26.0, 18.0) * zoom.clamp(0.8, 1.4);
    Rect::from_min_size(
        pos2(
            node_screen.left() + 6.0 * zoom,
            node_screen.top() - size.y * 0.5,
        ),
        size,
    )
}

/// Font size on screen for text that is `size` points at 100 %.
pub fn text_px(size: f32, zoom: f32) -> f32 {
    (size * zoom).max(MIN_TEXT)
}

pub fn border_of(kind: StepKind) -> Color32 {
    match kind {
        StepKind::Trigger => Color32::from_rgb(0x2f, 0x6f, 0xc8),
        StepKind::Task => Color32::from_rgb(0x5b, 0x60, 0x6b),
        StepKind::Decision => Color32::from_rgb(0x7c, 0x4d, 0xd8),
        StepKind::Exception => EXCEPTION_INK,
        StepKind::End => Color32::from_rgb(0x44, 0x47, 0x4f),
    }
}

/// Block colour at tiny scale: the fill, darkened so it shows on the background.
fn block_color(step: &Step) -> Color32 {
    let f = fill_of(step);
    let k = |c: u8| (c as f32 * 0.72) as u8;
    Color32::from_rgb(k(f.r()), k(f.g()), k(f.b()))
}

/// Is this step one the method keeps with people?
pub fn is_never_automate(step: &Step, analysis: &Analysis) -> bool {
    match analysis.step(step.id) {
        Some(i) => i.class == PriorityClass::NeverAutomate,
        None => step.sensitivity.is_never_automate(),
    }
}

pub struct MapView<'a> {
    pub painter: &'a Painter,
    pub viewport: Rect,
    pub cam: Camera,
    pub wf: &'a Workflow,
    pub index: &'a SpatialIndex,
    /// Visible steps (indices into the workflow's steps).
    pub visible: &'a [u32],
    pub analysis: &'a Analysis,
    pub selection: &'a Selection,
    pub hovered: Option<usize>,
    pub hovered_link: Option<usize>,
    pub matches: &'a HashSet<StepId>,
    /// Warnings and errors per step (info findings are not marked on the map).
    pub finding_marks: &'a HashMap<StepId, u32>,
    pub dark: bool,
    /// Step being renamed: its title is drawn by the text field instead.
    pub renaming: Option<StepId>,
}

/// Indices of links whose curve may be visible.
pub fn visible_links(index: &SpatialIndex, world: Rect, out: &mut Vec<usize>) {
    out.clear();
    for (li, ends) in index.link_ends.iter().enumerate() {
        let Some((a, b)) = *ends else { continue };
        let (ra, rb) = (index.rects[a as usize], index.rects[b as usize]);
        // Arrows that loop back dip up to ~160 units below their boxes.
        let bb = ra.union(rb).expand2(vec2(8.0, 170.0));
        if bb.intersects(world) {
            out.push(li);
        }
    }
}

pub fn arrow_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0xa8)
    } else {
        Color32::from_gray(0x6a)
    }
}

pub fn draw_map(v: &MapView<'_>, links: &[usize]) {
    v.painter.extend(map_shapes(v, links));
}

/// Everything [`draw_map`] paints, as shapes (also used to export images).
pub fn map_shapes(v: &MapView<'_>, links: &[usize]) -> Vec<Shape> {
    let lod = lod(v.cam.zoom);
    if lod == Lod::Blocks {
        return vec![blocks_mesh(v, links)];
    }
    let mut shapes: Vec<Shape> = Vec::with_capacity(v.visible.len() * 3 + links.len() * 2);
    let mut labels: Vec<Shape> = Vec::new();
    // Screen boxes of the visible steps, for placing arrow labels clear of
    // them: worked out once a frame, and only when some arrow has a label.
    let labelled = lod == Lod::Full
        && links
            .iter()
            .any(|&li| v.wf.links.get(li).is_some_and(|l| !l.label.is_empty()));
    let boxes: Vec<Rect> = if labelled {
        v.visible
            .iter()
            .filter_map(|&i| v.index.rects.get(i as usize))
            .map(|r| v.cam.rect_to_screen(v.viewport, *r).expand(2.0))
            .collect()
    } else {
        Vec::new()
    };
    for &li in links {
        draw_link(v, li, lod, &boxes, &mut shapes, &mut labels);
    }
    for &i in v.visible {
        draw_step(v, i as usize, lod, &mut shapes);
    }
    shapes.extend(labels);
    shapes
}

fn blocks_mesh(v: &MapView<'_>, links: &[usize]) -> Shape {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(v.visible.len() * 4 + links.len() * 4);
    mesh.reserve_triangles(v.visible.len() * 2 + links.len() * 2);
    let line = arrow_color(v.dark);
    let w = 0.6f32.max(1.5 * v.cam.zoom * 4.0).min(1.5);
    for &li in links {
        let Some(Some((a, b))) = v.index.link_ends.get(li) else {
            continue;
        };
        let p = v
            .cam
            .to_screen(v.viewport, v.index.rects[*a as usize].center());
        let q = v
            .cam
            .to_screen(v.viewport, v.index.rects[*b as usize].center());
        add_line(&mut mesh, p, q, w, line);
    }
    let sel = &v.selection.steps;
    for &i in v.visible {
        let i = i as usize;
        let r = v.cam.rect_to_screen(v.viewport, v.index.rects[i]);
        let r = if r.width() < 1.5 {
            Rect::from_center_size(r.center(), Vec2::splat(1.5))
        } else {
            r
        };
        let step = &v.wf.steps[i];
        let c = if !sel.is_empty() && sel.contains(&step.id) {
            ACCENT
        } else if !v.matches.is_empty() && v.matches.contains(&step.id) {
            MATCH
        } else {
            block_color(step)
        };
        mesh.add_colored_rect(r, c);
    }
    Shape::mesh(mesh)
}

fn add_line(mesh: &mut Mesh, p: Pos2, q: Pos2, width: f32, color: Color32) {
    let d = q - p;
    let len = d.length();
    if len < 0.5 {
        return;
    }
    let n = vec2(-d.y, d.x) / len * (width * 0.5);
    let base = mesh.vertices.len() as u32;
    mesh.colored_vertex(p + n, color);
    mesh.colored_vertex(p - n, color);
    mesh.colored_vertex(q - n, color);
    mesh.colored_vertex(q + n, color);
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// Screen-space curve of a link, shortened at the end for the arrowhead.
pub fn link_curve_screen(
    v_cam: &Camera,
    viewport: Rect,
    index: &SpatialIndex,
    li: usize,
) -> Option<[Pos2; 4]> {
    let (a, b) = (*index.link_ends.get(li)?)?;
    let c = arrow_curve(index.rects[a as usize], index.rects[b as usize]);
    Some(c.map(|p| v_cam.to_screen(viewport, p)))
}

fn draw_link(
    v: &MapView<'_>,
    li: usize,
    lod: Lod,
    boxes: &[Rect],
    shapes: &mut Vec<Shape>,
    labels: &mut Vec<Shape>,
) {
    let Some(c) = link_curve_screen(&v.cam, v.viewport, v.index, li) else {
        return;
    };
    let link = &v.wf.links[li];
    let selected = v.selection.link == Some((link.from, link.to));
    let hovered = v.hovered_link == Some(li);
    let z = v.cam.zoom;
    let (color, width) = if selected {
        (ACCENT, 2.5)
    } else if hovered {
        (ACCENT.gamma_multiply(0.7), 2.2)
    } else {
        (arrow_color(v.dark), 1.4)
    };
    let width = (width * z.sqrt()).max(1.0);
    let head = (10.0 * z).clamp(4.0, 16.0);
    let end = c[3];
    let dirv = (c[3] - c[2]).normalized();
    let dirv = if dirv.is_finite() && dirv != Vec2::ZERO {
        dirv
    } else {
        vec2(1.0, 0.0)
    };
    let mut cc = c;
    cc[3] = end - dirv * head * 0.8;
    shapes.push(Shape::CubicBezier(CubicBezierShape::from_points_stroke(
        cc,
        false,
        Color32::TRANSPARENT,
        Stroke::new(width, color),
    )));
    let n = vec2(-dirv.y, dirv.x);
    shapes.push(Shape::convex_polygon(
        vec![
            end,
            end - dirv * head + n * head * 0.45,
            end - dirv * head - n * head * 0.45,
        ],
        color,
        Stroke::NONE,
    ));
    if lod == Lod::Full && !link.label.is_empty() {
        let mut job = LayoutJob::simple(
            link.label.clone(),
            FontId::proportional(text_px(11.5, z)),
            if selected { ACCENT } else { INK },
            (110.0 * z).max(60.0),
        );
        job.wrap.max_rows = 2;
        job.halign = Align::Center;
        let galley = v.painter.layout_job(job);
        let size = galley.size() + vec2(8.0, 3.0) * z.max(0.6);
        // On the arrow, at the first place along it that covers no box.
        let at = |t: f32| Rect::from_center_size(super::shape::bezier_point(&c, t), size);
        let r = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]
            .into_iter()
            .map(at)
            .find(|r| !boxes.iter().any(|b| b.intersects(*r)))
            .unwrap_or_else(|| at(0.5));
        labels.push(Shape::Rect(RectShape::new(
            r,
            4.0 * z,
            Color32::from_rgba_unmultiplied(0xff, 0xff, 0xff, 0xf0),
            Stroke::new(1.0, color.gamma_multiply(0.6)),
            StrokeKind::Inside,
        )));
        labels.push(Shape::galley(
            pos2(r.center().x, r.center().y - galley.size().y * 0.5),
            galley,
            INK,
        ));
    }
}

/// Screen rect of a step's link handle (a dot on its right side).
pub fn handle_rect(node_screen: Rect) -> Rect {
    Rect::from_center_size(
        node_screen.right_center() + vec2(9.0, 0.0),
        Vec2::splat(14.0),
    )
}

fn draw_step(v: &MapView<'_>, i: usize, lod: Lod, shapes: &mut Vec<Shape>) {
    let step = &v.wf.steps[i];
    let z = v.cam.zoom;
    let r = v.cam.rect_to_screen(v.viewport, v.index.rects[i]);
    let selected = v.selection.steps.contains(&step.id);
    let hovered = v.hovered == Some(i);
    let is_match = v.matches.contains(&step.id);
    let fill = fill_of(step);
    let mut stroke = Stroke::new((1.3 * z).max(0.8), border_of(step.kind));
    if step.kind == StepKind::Exception {
        stroke.width = (2.0 * z).max(1.0);
    }
    if is_match {
        let halo = r.expand(5.0 * z.max(0.3));
        shapes.push(Shape::Rect(RectShape::new(
            halo,
            8.0 * z,
            MATCH.gamma_multiply(0.35),
            Stroke::new(2.0, MATCH),
            StrokeKind::Inside,
        )));
    }
    if selected {
        stroke = Stroke::new((2.6 * z).max(2.0), ACCENT);
    } else if hovered {
        stroke = Stroke::new((2.0 * z).max(1.5), ACCENT.gamma_multiply(0.75));
    }
    match step.kind {
        StepKind::Decision | StepKind::Exception => {
            shapes.push(Shape::convex_polygon(outline(step.kind, r), fill, stroke));
        }
        k => {
            shapes.push(Shape::Rect(RectShape::new(
                r,
                corner_radius(k, r),
                fill,
                stroke,
                StrokeKind::Inside,
            )));
        }
    }
    if step.kind == StepKind::End {
        // A second ring marks the end, like a finish line.
        shapes.push(Shape::Rect(RectShape::new(
            r.shrink(4.0 * z),
            corner_radius(StepKind::End, r.shrink(4.0 * z)),
            Color32::TRANSPARENT,
            Stroke::new((1.0 * z).max(0.6), border_of(StepKind::End)),
            StrokeKind::Inside,
        )));
    }
    if lod != Lod::Full {
        return;
    }
    let undecided = is_taggable(step.kind) && step.tag == Tag::Undecided;
    if undecided && !selected && !hovered {
        // A dashed inner ring: not decided yet, told apart without colour.
        let mut ring = outline(step.kind, r.shrink(3.5 * z));
        if let Some(&first) = ring.first() {
            ring.push(first);
        }
        shapes.extend(Shape::dashed_line(
            &ring,
            Stroke::new(1.0, tag_ink(Tag::Undecided)),
            5.0 * z,
            4.0 * z,
        ));
    }
    // Title.
    if v.renaming != Some(step.id) {
        let wrap = match step.kind {
            StepKind::Decision => r.width() * 0.62,
            StepKind::Exception => r.width() - 44.0 * z,
            _ => r.width() - 18.0 * z,
        };
        let px = text_px(13.0, z);
        let mut job = LayoutJob::simple(
            if step.title.is_empty() {
                "(untitled)".to_owned()
            } else {
                step.title.clone()
            },
            FontId::proportional(px),
            INK,
            wrap.max(4.0),
        );
        // As many lines as the box holds (long titles end in "…"), at most 3.
        let fit = ((r.height() * 0.86) / (px * 1.2)).floor() as usize;
        let most = if step.kind == StepKind::Decision {
            2
        } else {
            3
        };
        job.wrap.max_rows = fit.clamp(1, most);
        job.wrap.break_anywhere = false;
        job.halign = Align::Center;
        let galley = v.painter.layout_job(job);
        let top = r.center().y - galley.size().y * 0.5;
        let x = if step.kind == StepKind::Exception {
            r.center().x + 8.0 * z
        } else {
            r.center().x
        };
        shapes.push(Shape::galley(pos2(x, top), galley, INK));
    }
    if z < MARK_ZOOM {
        return;
    }
    if is_taggable(step.kind) {
        draw_tag_badge(v, step, r, shapes);
    }
    // Marks along the top edge.
    let mut right = r.right() - 6.0 * z;
    let top = r.top() - 8.0 * z;
    let badge =
        |text: &str, fill: Color32, ink: Color32, right: f32, shapes: &mut Vec<Shape>| -> f32 {
            let g = v.painter.layout_no_wrap(
                text.to_owned(),
                FontId::proportional(text_px(10.0, z)),
                ink,
            );
            let size = g.size() + vec2(8.0, 2.0) * z.max(0.7);
            let br = Rect::from_min_size(pos2(right - size.x, top), size);
            shapes.push(Shape::Rect(RectShape::new(
                br,
                size.y * 0.5,
                fill,
                Stroke::new(1.0, ink.gamma_multiply(0.5)),
                StrokeKind::Inside,
            )));
            shapes.push(Shape::galley(br.center() - g.size() * 0.5, g, ink));
            br.left() - 3.0 * z
        };
    let findings = v.finding_marks.get(&step.id).copied().unwrap_or(0);
    if findings > 0 {
        right = badge(
            &format!("! {findings}"),
            Color32::from_rgb(0xff, 0xe0, 0x8a),
            Color32::from_rgb(0x7a, 0x4a, 0x00),
            right,
            shapes,
        );
    }
    if is_never_automate(step, v.analysis) {
        right = badge(
            "never automate",
            Color32::from_rgb(0xfd, 0xe2, 0xe2),
            NEVER,
            right,
            shapes,
        );
    }
    if step.approach == Approach::AiAgent && step.tag == Tag::Automate {
        right = badge(
            "AI",
            Color32::from_rgb(0xee, 0xe4, 0xff),
            Color32::from_rgb(0x5b, 0x2d, 0xb8),
            right,
            shapes,
        );
    }
    let layer = v
        .analysis
        .step(step.id)
        .and_then(|s| s.layer)
        .or(step.layer);
    if let Some(l) = layer {
        let _ = badge(
            l.label(),
            Color32::from_rgb(0xe3, 0xf2, 0xfd),
            Color32::from_rgb(0x0b, 0x4f, 0x8a),
            right,
            shapes,
        );
    }
    if step.kind == StepKind::Exception {
        // Warning triangle on the left.
        let c = pos2(r.left() + 18.0 * z, r.center().y);
        let s = 9.0 * z;
        shapes.push(Shape::convex_polygon(
            vec![
                c + vec2(0.0, -s),
                c + vec2(s, s * 0.8),
                c + vec2(-s, s * 0.8),
            ],
            EXCEPTION_INK,
            Stroke::NONE,
        ));
        let g = v.painter.layout_no_wrap(
            "!".to_owned(),
            FontId::proportional(text_px(11.0, z)),
            Color32::WHITE,
        );
        shapes.push(Shape::galley(
            c + vec2(0.0, 2.0 * z) - g.size() * 0.5,
            g,
            Color32::WHITE,
        ));
    }
    if selected || hovered {
        let h = handle_rect(r);
        shapes.push(Shape::circle_filled(h.center(), 6.0, ACCENT));
        shapes.push(Shape::circle_filled(h.center(), 2.5, Color32::WHITE));
    }
}

/// The tag badge at a box's top-left corner: the tag's symbol on its colour.
/// An undecided step also shows what the method suggests, faintly, on its
/// bottom edge.
fn draw_tag_badge(v: &MapView<'_>, step: &Step, r: Rect, shapes: &mut Vec<Shape>) {
    let z = v.cam.zoom;
    let b = tag_badge_rect(r, z);
    let ink = tag_ink(step.tag);
    shapes.push(Shape::Rect(RectShape::new(
        b,
        b.height() * 0.5,
        tag_fill(step.tag),
        Stroke::new(1.2, ink),
        StrokeKind::Inside,
    )));
    let g = v.painter.layout_no_wrap(
        step.tag.symbol().to_owned(),
        FontId::proportional((b.height() * 0.72).max(MIN_TEXT)),
        ink,
    );
    shapes.push(Shape::galley(b.center() - g.size() * 0.5, g, ink));
    if step.tag != Tag::Undecided {
        return;
    }
    let Some(suggested) = v
        .analysis
        .step(step.id)
        .map(|i| i.suggested_tag)
        .filter(|t| *t != Tag::Undecided)
    else {
        return;
    };
    let text = match suggested {
        Tag::Automate => "⚙ automate?",
        _ => "✋ keep manual?",
    };
    let faint = tag_ink(suggested).gamma_multiply(0.8);
    let g = v.painter.layout_no_wrap(
        text.to_owned(),
        FontId::proportional(text_px(10.0, z)),
        faint,
    );
    if g.size().x > r.width() * 1.1 {
        return;
    }
    let size = g.size() + vec2(10.0, 2.0);
    let pill = Rect::from_center_size(pos2(r.center().x, r.bottom()), size);
    shapes.push(Shape::Rect(RectShape::new(
        pill,
        size.y * 0.5,
        tag_fill(suggested).gamma_multiply(0.85),
        Stroke::new(1.0, faint.gamma_multiply(0.6)),
        StrokeKind::Inside,
    )));
    shapes.push(Shape::galley(pill.center() - g.size() * 0.5, g, faint));
}

/// Grid dots for snapping.
pub fn draw_grid(painter: &Painter, viewport: Rect, cam: &Camera, step: f32, dark: bool) {
    let px = step * cam.zoom;
    if px < 8.0 {
        return;
    }
    let world = cam.visible_world(viewport);
    let color = if dark {
        Color32::from_gray(60)
    } else {
        Color32::from_gray(210)
    };
    let mut mesh = Mesh::default();
    let (x0, y0) = ((world.left() / step).floor(), (world.top() / step).floor());
    let (x1, y1) = (
        (world.right() / step).ceil(),
        (world.bottom() / step).ceil(),
    );
    if (x1 - x0) * (y1 - y0) > 40_000.0 {
        return;
    }
    let mut y = y0;
    while y <= y1 {
        let mut x = x0;
        while x <= x1 {
            let p = cam.to_screen(viewport, pos2(x * step, y * step));
            mesh.add_colored_rect(Rect::from_center_size(p, Vec2::splat(2.0)), color);
            x += 1.0;
        }
        y += 1.0;
    }
    painter.add(Shape::mesh(mesh));
}

/// The whole title of the step under the pointer, in a small box beside it
/// (kept inside the map), above everything else on the map.
pub(super) fn hover_title(ui: &egui::Ui, pointer: Pos2, map: Rect, title: &str, dark: bool) {
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::unique("automap_hover_title"),
    ));
    let (fill, ink) = if dark {
        (Color32::from_gray(40), Color32::from_gray(230))
    } else {
        (Color32::from_gray(250), Color32::from_gray(30))
    };
    let galley = painter.layout(
        title.to_owned(),
        egui::FontId::proportional(13.0),
        ink,
        360.0,
    );
    let size = galley.size() + egui::vec2(12.0, 8.0);
    let mut at = pointer + egui::vec2(14.0, 18.0);
    at.x = at.x.min(map.right() - size.x).max(map.left());
    at.y = at.y.min(map.bottom() - size.y).max(map.top());
    let r = Rect::from_min_size(at, size);
    painter.rect_filled(r, 4.0, fill);
    painter.rect_stroke(
        r,
        4.0,
        egui::Stroke::new(1.0, Color32::from_gray(120)),
        egui::StrokeKind::Inside,
    );
    painter.galley(at + egui::vec2(6.0, 4.0), galley, ink);
}
