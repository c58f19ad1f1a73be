//! Geometry of a workflow on the map without any UI type: the size of a step's
//! box, the box around a workflow, the zoom that fits it in a view, and where
//! a new step can go without covering another.

use crate::model::limits::{MAX_POSITION, clamp_coordinate};
use crate::model::{Pos, Step, StepId, StepKind, Workflow};

use super::{COLUMN_WIDTH, ROW_HEIGHT};

/// Width and height of a step's box on the map, in canvas units.
pub fn box_size(kind: StepKind) -> (f32, f32) {
    match kind {
        StepKind::Trigger => (170.0, 56.0),
        StepKind::Task => (170.0, 64.0),
        StepKind::Decision => (180.0, 96.0),
        StepKind::Exception => (170.0, 68.0),
        StepKind::End => (130.0, 56.0),
    }
}

/// Free room kept between a new step and the boxes around it.
pub const PLACE_GAP: f32 = 20.0;

/// An axis-aligned box in canvas units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Pos,
    pub max: Pos,
}

impl Bounds {
    /// The box of one step.
    pub fn of_step(s: &Step) -> Bounds {
        let (w, h) = box_size(s.kind);
        Bounds {
            min: Pos::new(s.pos.x - w / 2.0, s.pos.y - h / 2.0),
            max: Pos::new(s.pos.x + w / 2.0, s.pos.y + h / 2.0),
        }
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Pos {
        Pos::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// The smallest box holding both.
    pub fn union(self, o: Bounds) -> Bounds {
        Bounds {
            min: Pos::new(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: Pos::new(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }

    /// True when the boxes share more than an edge.
    pub fn overlaps(&self, o: &Bounds) -> bool {
        self.min.x < o.max.x && o.min.x < self.max.x && self.min.y < o.max.y && o.min.y < self.max.y
    }

    /// The box grown by `d` on every side.
    pub fn expand(self, d: f32) -> Bounds {
        Bounds {
            min: Pos::new(self.min.x - d, self.min.y - d),
            max: Pos::new(self.max.x + d, self.max.y + d),
        }
    }
}

/// The box around the given steps' boxes; `None` for no steps.
pub fn bounds_of<'a>(steps: impl IntoIterator<Item = &'a Step>) -> Option<Bounds> {
    steps
        .into_iter()
        .filter(|s| s.pos.x.is_finite() && s.pos.y.is_finite())
        .map(Bounds::of_step)
        .reduce(Bounds::union)
}

/// The box around every step of a workflow; `None` when it has none.
pub fn bounds(wf: &Workflow) -> Option<Bounds> {
    bounds_of(&wf.steps)
}

/// The zoom at which `b` just fits a view of `view` (width, height) screen
/// points with `margin` points free on each side. Not clamped: the caller
/// keeps it within its readable minimum and its maximum.
pub fn fit_zoom(b: &Bounds, view: (f32, f32), margin: f32) -> f32 {
    let w = (view.0 - 2.0 * margin).max(1.0);
    let h = (view.1 - 2.0 * margin).max(1.0);
    (w / b.width().max(1.0)).min(h / b.height().max(1.0))
}

/// How many rings of grid places around the wanted spot are tried before
/// the new step goes beside everything.
const RINGS: i32 = 12;

/// Where a new step of `kind` can go: next to step `near` (to its right,
/// else below, above, left, then further out) or, without one, at `free`
/// (e.g. the middle of the view) or the nearest free place around it. The
/// new box never overlaps an existing one and keeps [`PLACE_GAP`] from it.
pub fn place_new_step(wf: &Workflow, kind: StepKind, near: Option<StepId>, free: Pos) -> Pos {
    let boxes: Vec<Bounds> = wf
        .steps
        .iter()
        .filter(|s| s.pos.x.is_finite() && s.pos.y.is_finite())
        .map(|s| Bounds::of_step(s).expand(PLACE_GAP))
        .collect();
    let (w, h) = box_size(kind);
    let fits = |p: Pos| {
        let b = Bounds {
            min: Pos::new(p.x - w / 2.0, p.y - h / 2.0),
            max: Pos::new(p.x + w / 2.0, p.y + h / 2.0),
        };
        p.x.abs() + w <= MAX_POSITION
            && p.y.abs() + h <= MAX_POSITION
            && !boxes.iter().any(|o| o.overlaps(&b))
    };
    let near_pos = near.and_then(|id| wf.step(id)).map(|s| s.pos);
    let anchor = near_pos.unwrap_or(free);
    let anchor = Pos::new(clamp_coordinate(anchor.x), clamp_coordinate(anchor.y));
    let at = |i: i32, j: i32| {
        Pos::new(
            anchor.x + i as f32 * COLUMN_WIDTH,
            anchor.y + j as f32 * ROW_HEIGHT,
        )
    };
    // Next to a step: right, below, above, left first.
    let first: &[(i32, i32)] = if near_pos.is_some() {
        &[(1, 0), (0, 1), (0, -1), (-1, 0)]
    } else {
        &[(0, 0)]
    };
    for &(i, j) in first {
        if fits(at(i, j)) {
            return at(i, j);
        }
    }
    for r in 1..=RINGS {
        let mut ring: Vec<(i32, i32)> = (-r..=r)
            .flat_map(|i| (-r..=r).map(move |j| (i, j)))
            .filter(|&(i, j)| i.abs().max(j.abs()) == r)
            .collect();
        // Closest first; on a tie, right before left and below before above.
        ring.sort_by_key(|&(i, j)| (i * i + j * j, -i, -j));
        if let Some(&(i, j)) = ring.iter().find(|&&(i, j)| fits(at(i, j))) {
            return at(i, j);
        }
    }
    // Crowded all around: beside everything (below, else above, right, left).
    let all = boxes.iter().copied().reduce(Bounds::union);
    let Some(all) = all else { return anchor };
    // (max then min: no panic when the box is narrower than the new step)
    let x = anchor.x.max(all.min.x + w / 2.0).min(all.max.x - w / 2.0);
    let y = anchor.y.max(all.min.y + h / 2.0).min(all.max.y - h / 2.0);
    let candidates = [
        Pos::new(x, all.max.y + h / 2.0 + 1.0),
        Pos::new(x, all.min.y - h / 2.0 - 1.0),
        Pos::new(all.max.x + w / 2.0 + 1.0, y),
        Pos::new(all.min.x - w / 2.0 - 1.0, y),
    ];
    candidates
        .into_iter()
        .find(|&p| fits(p))
        .unwrap_or(candidates[0])
}
