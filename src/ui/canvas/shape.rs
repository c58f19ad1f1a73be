//! Shapes of steps and arrows in canvas units: sizes by kind, where arrows
//! leave and enter a box, and the curve between them. No painting here.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::StepKind;

/// A step's box size in canvas units: the layout's, so the map draws what
/// Tidy up planned for.
pub fn node_size(kind: StepKind) -> Vec2 {
    let (w, h) = crate::edit::layout::box_size(kind);
    vec2(w, h)
}

/// Where an arrow attaches to a box: the middle of a side (a diamond's corner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    Top,
    Bottom,
}

pub fn anchor(r: Rect, side: Side) -> Pos2 {
    match side {
        Side::Left => r.left_center(),
        Side::Right => r.right_center(),
        Side::Top => r.center_top(),
        Side::Bottom => r.center_bottom(),
    }
}

fn dir(side: Side) -> Vec2 {
    match side {
        Side::Left => vec2(-1.0, 0.0),
        Side::Right => vec2(1.0, 0.0),
        Side::Top => vec2(0.0, -1.0),
        Side::Bottom => vec2(0.0, 1.0),
    }
}

/// The curve of an arrow from box `a` to box `b` as cubic Bézier control points.
/// Forward arrows go right side to left side; arrows to a box in the same column
/// go bottom to top (or top to bottom), and so do arrows to a box well below and
/// to the left (a tidied workflow wrapping into its next band); other arrows
/// leading back loop below both boxes, so no curve cuts through the boxes it joins.
pub fn arrow_curve(a: Rect, b: Rect) -> [Pos2; 4] {
    let d = b.center() - a.center();
    let gap = (a.width() + b.width()) * 0.5;
    let below = d.y > (a.height() + b.height()) * 0.5 + 20.0;
    let (sa, sb) = if d.x > gap * 0.6 {
        (Side::Right, Side::Left)
    } else if d.x < -gap * 0.6 && !below {
        (Side::Bottom, Side::Bottom)
    } else if d.y >= 0.0 {
        (Side::Bottom, Side::Top)
    } else {
        (Side::Top, Side::Bottom)
    };
    let p0 = anchor(a, sa);
    let p3 = anchor(b, sb);
    let dist = (p3 - p0).length();
    let reach = if sa == sb {
        (40.0 + dist * 0.25).min(160.0)
    } else {
        (dist * 0.45).clamp(20.0, 200.0)
    };
    [p0, p0 + dir(sa) * reach, p3 + dir(sb) * reach, p3]
}

pub fn bezier_point(c: &[Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let v = c[0].to_vec2() * (u * u * u)
        + c[1].to_vec2() * (3.0 * u * u * t)
        + c[2].to_vec2() * (3.0 * u * t * t)
        + c[3].to_vec2() * (t * t * t);
    v.to_pos2()
}

/// Points along the curve, for hit-testing and export.
pub fn sample(c: &[Pos2; 4], n: usize) -> Vec<Pos2> {
    (0..=n)
        .map(|i| bezier_point(c, i as f32 / n as f32))
        .collect()
}

pub fn dist_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    let t = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p - (a + ab * t)).length()
}

pub fn dist_to_curve(p: Pos2, c: &[Pos2; 4]) -> f32 {
    let pts = sample(c, 16);
    pts.windows(2)
        .map(|w| dist_to_segment(p, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

/// Bounding box of a curve (of its control points, which contain it).
pub fn curve_bounds(c: &[Pos2; 4]) -> Rect {
    Rect::from_points(c)
}

/// The outline of a step's shape, clockwise, for painting and export.
pub fn outline(kind: StepKind, r: Rect) -> Vec<Pos2> {
    match kind {
        StepKind::Decision => vec![
            r.center_top(),
            r.right_center(),
            r.center_bottom(),
            r.left_center(),
        ],
        StepKind::Exception => {
            // A box with cut corners, so exceptions stand out even without colour.
            let k = (r.height() * 0.3).min(r.width() * 0.3);
            vec![
                pos2(r.left() + k, r.top()),
                pos2(r.right() - k, r.top()),
                pos2(r.right(), r.top() + k),
                pos2(r.right(), r.bottom() - k),
                pos2(r.right() - k, r.bottom()),
                pos2(r.left() + k, r.bottom()),
                pos2(r.left(), r.bottom() - k),
                pos2(r.left(), r.top() + k),
            ]
        }
        _ => vec![
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
        ],
    }
}

/// Corner radius for rounded kinds (pills), as a share of the height.
pub fn corner_radius(kind: StepKind, r: Rect) -> f32 {
    match kind {
        StepKind::Trigger | StepKind::End => r.height() * 0.5,
        StepKind::Task => (r.height() * 0.12).min(8.0),
        _ => 0.0,
    }
}

/// Does the step's shape (not just its box) contain `p`?
pub fn shape_contains(kind: StepKind, r: Rect, p: Pos2) -> bool {
    if !r.contains(p) {
        return false;
    }
    match kind {
        StepKind::Decision => {
            let d = p - r.center();
            d.x.abs() / (r.width() * 0.5) + d.y.abs() / (r.height() * 0.5) <= 1.0
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_arrows_run_between_facing_sides() {
        let a = Rect::from_center_size(pos2(0.0, 0.0), vec2(100.0, 50.0));
        let b = Rect::from_center_size(pos2(300.0, 0.0), vec2(100.0, 50.0));
        let c = arrow_curve(a, b);
        assert_eq!(c[0], pos2(50.0, 0.0));
        assert_eq!(c[3], pos2(250.0, 0.0));
        // A back arrow loops below both boxes.
        let back = arrow_curve(b, a);
        assert!(sample(&back, 16)[8].y > 25.0);
    }

    #[test]
    fn an_arrow_wrapping_to_the_next_band_enters_from_above() {
        let end_of_band = Rect::from_center_size(pos2(1000.0, 0.0), vec2(100.0, 50.0));
        let next_band = Rect::from_center_size(pos2(0.0, 200.0), vec2(100.0, 50.0));
        let c = arrow_curve(end_of_band, next_band);
        assert_eq!(c[0], pos2(1000.0, 25.0));
        assert_eq!(c[3], pos2(0.0, 175.0));
    }

    #[test]
    fn diamond_hit_is_its_shape() {
        let r = Rect::from_center_size(pos2(0.0, 0.0), vec2(100.0, 100.0));
        assert!(shape_contains(StepKind::Decision, r, pos2(0.0, 0.0)));
        assert!(!shape_contains(StepKind::Decision, r, pos2(45.0, 45.0)));
        assert!(shape_contains(StepKind::Task, r, pos2(45.0, 45.0)));
    }
}
