//! A small overview of the whole workflow with the viewport drawn on it;
//! clicking or dragging in it moves the view.

use egui::epaint::Mesh;
use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::CanvasState;
use super::draw::fill_of;
use crate::model::Workflow;

pub const SIZE: Vec2 = vec2(220.0, 150.0);

/// The node blocks of the minimap, kept while the plan and the minimap's place stay the same.
#[derive(Default)]
pub struct Cache {
    key: Option<(u64, Rect)>,
    mesh: Mesh,
}

/// Maps canvas units into the minimap rectangle.
#[derive(Clone, Copy)]
struct Map {
    world: Rect,
    screen: Rect,
    scale: f32,
}

impl Map {
    fn new(world: Rect, screen: Rect) -> Self {
        let inner = screen.shrink(6.0);
        let scale =
            (inner.width() / world.width().max(1.0)).min(inner.height() / world.height().max(1.0));
        Self {
            world,
            screen: inner,
            scale,
        }
    }
    fn to_screen(self, p: Pos2) -> Pos2 {
        let off = (self.screen.size() - self.world.size() * self.scale) * 0.5;
        self.screen.min + off + (p - self.world.min) * self.scale
    }
    fn to_world(self, s: Pos2) -> Pos2 {
        let off = (self.screen.size() - self.world.size() * self.scale) * 0.5;
        self.world.min + (s - self.screen.min - off) / self.scale
    }
}

impl CanvasState {
    pub(super) fn show_minimap(
        &mut self,
        ui: &mut egui::Ui,
        w: &Workflow,
        revision: u64,
        canvas: Rect,
    ) {
        let rect = Rect::from_min_size(canvas.right_bottom() - SIZE - vec2(12.0, 12.0), SIZE);
        if !self.index.bounds.is_positive() || !canvas.contains_rect(rect) {
            return;
        }
        let cam = self.cam();
        let world = self.index.bounds.expand(40.0);
        let map = Map::new(world, rect);
        let resp = ui.interact(
            rect,
            egui::Id::unique("automap_minimap"),
            Sense::click_and_drag(),
        );
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "minimap"));
        if (resp.clicked() || resp.dragged())
            && let Some(p) = resp.interact_pointer_pos()
        {
            self.cam_mut().center = map.to_world(p);
        }
        let painter = ui.painter_at(rect);
        let dark = ui.visuals().dark_mode;
        painter.rect(
            rect,
            6.0,
            // Opaque: no badge or label of the map shows through.
            if dark {
                Color32::from_gray(24)
            } else {
                Color32::from_gray(252)
            },
            Stroke::new(1.0, Color32::from_gray(150)),
            StrokeKind::Inside,
        );
        let key = (revision, rect);
        if self.minimap_cache.key != Some(key) {
            let mut mesh = Mesh::default();
            for (i, r) in self.index.rects.iter().enumerate() {
                let sr = Rect::from_min_max(map.to_screen(r.min), map.to_screen(r.max));
                let sr = Rect::from_center_size(sr.center(), sr.size().max(Vec2::splat(1.5)));
                let c = w.steps.get(i).map(fill_of).unwrap_or(Color32::GRAY);
                let c = Color32::from_rgb(
                    (c.r() as f32 * 0.75) as u8,
                    (c.g() as f32 * 0.75) as u8,
                    (c.b() as f32 * 0.75) as u8,
                );
                mesh.add_colored_rect(sr, c);
            }
            self.minimap_cache.mesh = mesh;
            self.minimap_cache.key = Some(key);
        }
        painter.add(Shape::mesh(self.minimap_cache.mesh.clone()));
        let vis = cam.visible_world(canvas);
        let vr = Rect::from_min_max(map.to_screen(vis.min), map.to_screen(vis.max)).intersect(rect);
        painter.rect_stroke(
            vr,
            2.0,
            Stroke::new(1.5, super::draw::ACCENT),
            StrokeKind::Inside,
        );
        let _ = pos2;
    }
}
