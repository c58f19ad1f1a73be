//! The view of one workflow: which canvas point is at the middle of the screen
//! and how large one canvas unit is drawn.

use egui::{Pos2, Rect, Vec2};

pub const MIN_ZOOM: f32 = 0.01;
pub const MAX_ZOOM: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Canvas point shown at the centre of the viewport.
    pub center: Pos2,
    /// Screen points per canvas unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            center: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl Camera {
    pub fn to_screen(&self, viewport: Rect, p: Pos2) -> Pos2 {
        viewport.center() + (p - self.center) * self.zoom
    }

    pub fn to_world(&self, viewport: Rect, s: Pos2) -> Pos2 {
        self.center + (s - viewport.center()) / self.zoom
    }

    pub fn rect_to_screen(&self, viewport: Rect, r: Rect) -> Rect {
        Rect::from_min_max(
            self.to_screen(viewport, r.min),
            self.to_screen(viewport, r.max),
        )
    }

    /// The part of the canvas the viewport shows.
    pub fn visible_world(&self, viewport: Rect) -> Rect {
        Rect::from_min_max(
            self.to_world(viewport, viewport.min),
            self.to_world(viewport, viewport.max),
        )
    }

    /// Move the view by a screen distance (the content follows the pointer).
    pub fn pan(&mut self, screen_delta: Vec2) {
        self.center -= screen_delta / self.zoom;
    }

    /// Zoom by `factor`, keeping the canvas point under `screen_anchor` in place.
    pub fn zoom_around(&mut self, viewport: Rect, screen_anchor: Pos2, factor: f32) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let before = self.to_world(viewport, screen_anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_world(viewport, screen_anchor);
        self.center += before - after;
    }

    /// Show all of `world` with a margin, at most at 100 %.
    pub fn fit(&mut self, viewport: Rect, world: Rect, margin: f32) {
        if !world.is_finite() || viewport.width() <= 0.0 || viewport.height() <= 0.0 {
            return;
        }
        let avail = (viewport.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let size = world.size().max(Vec2::splat(1.0));
        let zoom = (avail.x / size.x).min(avail.y / size.y);
        self.zoom = zoom.clamp(MIN_ZOOM, 1.0);
        self.center = world.center();
    }

    /// Like [`Camera::fit`], but never so small that titles cannot be read:
    /// when the whole of `world` would need less than `min_zoom`, show its
    /// start (top left) at 100 % instead.
    pub fn fit_readable(&mut self, viewport: Rect, world: Rect, margin: f32, min_zoom: f32) {
        self.fit(viewport, world, margin);
        if self.zoom < min_zoom && world.is_finite() {
            self.zoom = 1.0;
            let half = viewport.size() * 0.5;
            self.center = world.min - Vec2::splat(margin) + half;
        }
    }

    /// Fit `world` into `inner`, a part of the viewport left free by overlays.
    pub fn fit_within(&mut self, viewport: Rect, inner: Rect, world: Rect, min_zoom: Option<f32>) {
        match min_zoom {
            Some(z) => self.fit_readable(inner, world, 30.0, z),
            None => self.fit(inner, world, 30.0),
        }
        let shift = inner.center() - viewport.center();
        if shift.is_finite() {
            self.center -= shift / self.zoom;
        }
    }

    pub fn is_valid(&self) -> bool {
        self.center.is_finite() && self.zoom.is_finite() && self.zoom > 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_world_round_trip_and_zoom_keeps_anchor() {
        let vp = Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(800.0, 600.0));
        let mut c = Camera {
            center: Pos2::new(100.0, 50.0),
            zoom: 0.5,
        };
        let p = Pos2::new(33.0, -12.0);
        let back = c.to_world(vp, c.to_screen(vp, p));
        assert!((back - p).length() < 1e-3);
        let anchor = Pos2::new(300.0, 200.0);
        let w = c.to_world(vp, anchor);
        c.zoom_around(vp, anchor, 2.0);
        assert!((c.to_world(vp, anchor) - w).length() < 1e-3);
        assert_eq!(c.zoom, 1.0);
    }

    #[test]
    fn a_fit_too_small_to_read_shows_the_start_at_full_size() {
        let vp = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let mut c = Camera::default();
        let small = Rect::from_min_size(Pos2::ZERO, Vec2::new(1000.0, 400.0));
        c.fit_readable(vp, small, 30.0, 0.5);
        assert!(c.zoom > 0.5 && c.zoom < 1.0, "{}", c.zoom);
        let huge = Rect::from_min_size(Pos2::new(100.0, 50.0), Vec2::new(9000.0, 400.0));
        c.fit_readable(vp, huge, 30.0, 0.5);
        assert_eq!(c.zoom, 1.0);
        let top_left = c.to_screen(vp, huge.min);
        assert!((top_left - Pos2::new(30.0, 30.0)).length() < 1e-3);
    }
}
