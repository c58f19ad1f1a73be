//! Accessibility nodes for what the map paints: steps, their tag badges and
//! link handles, arrows, and the marks of a comparison, so screen readers
//! (and tests) can find them by name.

use egui::{Rect, Sense, Vec2};

use super::camera::Camera;
use super::{CanvasState, change_marks, draw, shape};
use crate::model::StepId;

impl CanvasState {
    /// Accessibility nodes for visible steps, their handles and arrows, so
    /// screen readers (and tests) can find them by name.
    pub(super) fn register_accessibility(
        &self,
        ui: &egui::Ui,
        canvas_id: egui::Id,
        w: &crate::model::Workflow,
        cam: &Camera,
        rect: Rect,
    ) {
        const MAX_NODES: usize = 1500;
        // Only when an accessibility client (a screen reader, a test) is listening.
        let listening = ui.ctx().accesskit_node_builder(canvas_id, |_| ()).is_some();
        if !listening || cam.zoom < draw::BLOCK_ZOOM || self.visible.len() > MAX_NODES {
            return;
        }
        for &i in &self.visible {
            let i = i as usize;
            let step = &w.steps[i];
            let r = cam
                .rect_to_screen(rect, self.index.rects[i])
                .intersect(rect);
            if !r.is_positive() {
                continue;
            }
            let selected = self.selection.steps.contains(&step.id);
            let resp = ui.interact(r, canvas_id.with(("step", step.id.0)), Sense::hover());
            let title = if step.title.trim().is_empty() {
                "(untitled)".to_owned()
            } else {
                step.title.clone()
            };
            resp.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &title)
            });
            let mark = self.change_marks.as_ref().and_then(|m| m.get(&step.id));
            if let Some(word) = mark.and_then(|m| change_marks::word(*m)) {
                let screen = cam.rect_to_screen(rect, self.index.rects[i]);
                let ring = change_marks::ring_rect(screen, cam.zoom).intersect(rect);
                let resp = ui.interact(ring, canvas_id.with(("change", step.id.0)), Sense::hover());
                let label = format!("{word} since comparison: {title}");
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            }
            if cam.zoom >= draw::MARK_ZOOM && draw::is_taggable(step.kind) {
                let b =
                    draw::tag_badge_rect(cam.rect_to_screen(rect, self.index.rects[i]), cam.zoom);
                if rect.contains_rect(b) {
                    let resp = ui.interact(b, canvas_id.with(("tag", step.id.0)), Sense::hover());
                    let label = format!("tag of {title}: {}", step.tag.label());
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                }
            }
            if selected || self.handle_owner == Some(step.id) {
                let h = draw::handle_rect(cam.rect_to_screen(rect, self.index.rects[i]));
                if rect.contains_rect(h) {
                    let resp =
                        ui.interact(h, canvas_id.with(("handle", step.id.0)), Sense::hover());
                    let label = format!("link handle of {}", step.title);
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                }
            }
        }
        if self.visible_links.len() > MAX_NODES {
            return;
        }
        for &li in &self.visible_links {
            let Some(l) = w.links.get(li) else { continue };
            let Some(c) = draw::link_curve_screen(cam, rect, &self.index, li) else {
                continue;
            };
            let mid = shape::bezier_point(&c, 0.5);
            if !rect.contains(mid) {
                continue;
            }
            let title = |id: StepId| w.step(id).map(|s| s.title.as_str()).unwrap_or("?");
            let label = format!("arrow {} → {}", title(l.from), title(l.to));
            let selected = self.selection.link == Some((l.from, l.to));
            let resp = ui.interact(
                Rect::from_center_size(mid, Vec2::splat(10.0)),
                canvas_id.with(("link", l.from.0, l.to.0)),
                Sense::hover(),
            );
            resp.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
            });
        }
    }
}
