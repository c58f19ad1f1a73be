//! Geometry of one workflow cached by plan revision: each step's box, the
//! arrows' ends, and grid buckets so culling and hit-testing only look at
//! what is near.

use std::collections::HashMap;

use egui::{Pos2, Rect, Vec2};

use super::shape::node_size;
use crate::model::{StepId, Workflow, WorkflowId};

/// Side of one grid bucket in canvas units (a few step boxes wide).
const CELL: f32 = 512.0;

#[derive(Debug)]
pub struct SpatialIndex {
    pub wf: Option<WorkflowId>,
    pub revision: u64,
    /// Box of each step, in the workflow's step order.
    pub rects: Vec<Rect>,
    pub ids: Vec<StepId>,
    pub by_id: HashMap<StepId, usize>,
    /// Step indices of each link's ends, in the workflow's link order.
    pub link_ends: Vec<Option<(u32, u32)>>,
    /// All boxes together.
    pub bounds: Rect,
    /// Steps in folded lanes: not drawn, and never found by a query or a click.
    pub hidden: std::collections::HashSet<u32>,
    buckets: HashMap<(i32, i32), Vec<u32>>,
    /// Per-step stamp used to report each step once per query.
    stamp: Vec<u32>,
    query_no: u32,
}

impl Default for SpatialIndex {
    fn default() -> Self {
        Self {
            wf: None,
            revision: 0,
            rects: Vec::new(),
            ids: Vec::new(),
            by_id: HashMap::new(),
            link_ends: Vec::new(),
            bounds: Rect::NOTHING,
            hidden: std::collections::HashSet::new(),
            buckets: HashMap::new(),
            stamp: Vec::new(),
            query_no: 0,
        }
    }
}

fn cell_of(p: Pos2) -> (i32, i32) {
    (
        (p.x / CELL).floor().clamp(-1.0e6, 1.0e6) as i32,
        (p.y / CELL).floor().clamp(-1.0e6, 1.0e6) as i32,
    )
}

impl SpatialIndex {
    pub fn is_current(&self, wf: WorkflowId, revision: u64) -> bool {
        self.wf == Some(wf) && self.revision == revision
    }

    /// Rebuild from the workflow.
    pub fn rebuild(&mut self, w: &Workflow, revision: u64) {
        self.wf = Some(w.id);
        self.revision = revision;
        self.rects.clear();
        self.ids.clear();
        self.by_id.clear();
        self.buckets.clear();
        self.hidden.clear();
        self.bounds = Rect::NOTHING;
        for (i, s) in w.steps.iter().enumerate() {
            let c = Pos2::new(s.pos.x, s.pos.y);
            let c = if c.is_finite() { c } else { Pos2::ZERO };
            let r = Rect::from_center_size(c, node_size(s.kind));
            self.rects.push(r);
            self.ids.push(s.id);
            self.by_id.insert(s.id, i);
            self.bounds = self.bounds.union(r);
            self.insert_buckets(i as u32, r);
        }
        self.link_ends.clear();
        for l in &w.links {
            let ends = match (self.by_id.get(&l.from), self.by_id.get(&l.to)) {
                (Some(&a), Some(&b)) => Some((a as u32, b as u32)),
                _ => None,
            };
            self.link_ends.push(ends);
        }
        self.stamp = vec![0; self.rects.len()];
        self.query_no = 0;
    }

    fn insert_buckets(&mut self, i: u32, r: Rect) {
        let (a, b) = (cell_of(r.min), cell_of(r.max));
        for x in a.0..=b.0 {
            for y in a.1..=b.1 {
                self.buckets.entry((x, y)).or_default().push(i);
            }
        }
    }

    /// Move some steps by `delta` without a full rebuild (used while dragging,
    /// when the plan's revision moves on every frame).
    pub fn move_steps(&mut self, moved: &[usize], delta: Vec2, revision: u64) {
        for &i in moved {
            let Some(old) = self.rects.get(i).copied() else {
                continue;
            };
            let (a, b) = (cell_of(old.min), cell_of(old.max));
            for x in a.0..=b.0 {
                for y in a.1..=b.1 {
                    if let Some(v) = self.buckets.get_mut(&(x, y)) {
                        v.retain(|&j| j as usize != i);
                    }
                }
            }
            let r = old.translate(delta);
            self.rects[i] = r;
            self.bounds = self.bounds.union(r);
            self.insert_buckets(i as u32, r);
        }
        self.revision = revision;
    }

    /// Steps whose boxes touch `area`, in step order (later ones are drawn on top).
    pub fn query(&mut self, area: Rect, out: &mut Vec<u32>) {
        self.query_all(area, out);
        if !self.hidden.is_empty() {
            out.retain(|i| !self.hidden.contains(i));
        }
    }

    fn query_all(&mut self, area: Rect, out: &mut Vec<u32>) {
        out.clear();
        if self.rects.is_empty() || !area.intersects(self.bounds) {
            return;
        }
        if area.contains_rect(self.bounds) {
            out.extend(0..self.rects.len() as u32);
            return;
        }
        let area = area.intersect(self.bounds);
        let (a, b) = (cell_of(area.min), cell_of(area.max));
        let cells = (b.0 - a.0 + 1) as i64 * (b.1 - a.1 + 1) as i64;
        if cells > self.buckets.len() as i64 {
            // Sparse grid: scanning the buckets is cheaper than the cells.
            for (i, r) in self.rects.iter().enumerate() {
                if r.intersects(area) {
                    out.push(i as u32);
                }
            }
            return;
        }
        self.query_no = self.query_no.wrapping_add(1);
        if self.query_no == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.query_no = 1;
        }
        for x in a.0..=b.0 {
            for y in a.1..=b.1 {
                if let Some(v) = self.buckets.get(&(x, y)) {
                    for &i in v {
                        let iu = i as usize;
                        if self.stamp[iu] != self.query_no && self.rects[iu].intersects(area) {
                            self.stamp[iu] = self.query_no;
                            out.push(i);
                        }
                    }
                }
            }
        }
        out.sort_unstable();
    }

    /// The topmost step whose box contains `p` (grown by `slop`).
    pub fn hit(&mut self, p: Pos2, slop: f32) -> Option<usize> {
        let mut v = Vec::new();
        self.query(
            Rect::from_center_size(p, Vec2::splat(2.0 * slop + 1.0)),
            &mut v,
        );
        v.iter()
            .rev()
            .map(|&i| i as usize)
            .find(|&i| self.rects[i].expand(slop).contains(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, Step, StepKind};

    #[test]
    fn a_step_in_a_folded_lane_is_never_hit() {
        let w = Workflow {
            id: WorkflowId(1),
            steps: vec![
                Step::new(StepId(1), StepKind::Task, "a", Pos::new(0.0, 0.0)),
                Step::new(StepId(2), StepKind::Task, "b", Pos::new(400.0, 0.0)),
            ],
            ..Workflow::default()
        };
        let mut index = SpatialIndex::default();
        index.rebuild(&w, 1);
        assert_eq!(index.hit(Pos2::new(400.0, 0.0), 0.0), Some(1));
        index.hidden.insert(1);
        assert_eq!(index.hit(Pos2::new(400.0, 0.0), 0.0), None);
        let mut all = Vec::new();
        index.query(Rect::EVERYTHING, &mut all);
        assert_eq!(all, vec![0]);
    }
}
