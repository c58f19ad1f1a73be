//! Tidy up in lanes, and where each lane's band lies on the map.
//!
//! With lanes on, a workflow is laid out in columns along the arrows as
//! without lanes (the same layers and order), but each step's row is taken
//! inside the horizontal band of its lane, and lanes are stacked from the top
//! in their order. Long workflows do not wrap: lanes run to the right.
//! A folded lane gets one row; its steps are hidden on the map.

use super::{Bounds, COLUMN_WIDTH, Graph, ROW_HEIGHT};
use crate::model::{Pos, Workflow};
use std::collections::HashMap;

/// Room between a lane's edge and the boxes in it (half above, half below).
pub const LANE_PAD: f32 = 50.0;
/// The least height of a lane's band.
pub const MIN_LANE_HEIGHT: f32 = ROW_HEIGHT;

/// One lane's horizontal band on the map, in canvas units.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneBand {
    /// The owner or system ("" for the unassigned lane).
    pub name: String,
    pub top: f32,
    pub bottom: f32,
    /// Steps in the lane.
    pub steps: usize,
    pub collapsed: bool,
}

impl LaneBand {
    pub fn contains(&self, y: f32) -> bool {
        (self.top..self.bottom).contains(&y)
    }
}

/// The bands of `wf`'s lanes from the top, from where its steps are now: each
/// band holds the boxes of its lane's steps, and bands never overlap (a lane
/// whose steps sit above the one before starts where that one ends);
/// neighbouring bands meet without a gap.
/// Empty when the workflow has no lanes.
pub fn lane_bands(wf: &Workflow) -> Vec<LaneBand> {
    let names = wf.lanes.names(&wf.steps);
    if names.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut extent: Vec<Option<(f32, f32)>> = vec![None; names.len()];
    let mut counts = vec![0usize; names.len()];
    for s in &wf.steps {
        let Some(&i) = index.get(wf.lanes.by.key(s)) else {
            continue;
        };
        counts[i] += 1;
        let b = Bounds::of_step(s);
        extent[i] = Some(match extent[i] {
            Some((lo, hi)) => (lo.min(b.min.y), hi.max(b.max.y)),
            None => (b.min.y, b.max.y),
        });
    }
    let mut out = Vec::with_capacity(names.len());
    let mut prev: Option<f32> = None;
    for (i, name) in names.into_iter().enumerate() {
        let (lo, hi) = extent[i].unwrap_or((0.0, 0.0));
        let mut top = lo - LANE_PAD / 2.0;
        if let Some(p) = prev {
            top = top.max(p);
        }
        let bottom = (hi + LANE_PAD / 2.0).max(top + MIN_LANE_HEIGHT);
        prev = Some(bottom);
        out.push(LaneBand {
            collapsed: wf.lanes.is_collapsed(&name),
            name,
            top,
            bottom,
            steps: counts[i],
        });
    }
    // Neighbouring bands meet half way, so the lanes cover the map without gaps.
    for i in 1..out.len() {
        let mid = (out[i - 1].bottom + out[i].top) / 2.0;
        out[i - 1].bottom = mid;
        out[i].top = mid;
    }
    out
}

/// The lane at height `y` on the map: the band holding it, the first lane
/// above the top, the last one below the bottom.
pub fn lane_at(bands: &[LaneBand], y: f32) -> Option<&LaneBand> {
    bands
        .iter()
        .find(|b| b.contains(y))
        .or_else(|| match (bands.first(), bands.last()) {
            (Some(f), _) if y < f.top => Some(f),
            (_, Some(l)) => Some(l),
            _ => None,
        })
}

/// Positions (origin at the first column's top lane) for a graph laid out in
/// lanes.
pub(super) fn positions(g: &Graph, wf: &Workflow) -> Vec<Pos> {
    let n = wf.steps.len();
    let names = wf.lanes.names(&wf.steps);
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let lane: Vec<usize> = wf
        .steps
        .iter()
        .map(|s| index.get(wf.lanes.by.key(s)).copied().unwrap_or(0))
        .collect();
    let folded: Vec<bool> = names.iter().map(|n| wf.lanes.is_collapsed(n)).collect();
    let lanes = names.len().max(1);
    let mut row = vec![0usize; n];
    let mut rows = vec![1usize; lanes];
    for col in &g.layers {
        let mut next_free = vec![0usize; lanes];
        for &v in col {
            let l = lane[v];
            if folded.get(l).copied().unwrap_or(false) {
                continue;
            }
            // The row of the step it continues from in the same lane; a step
            // leaving the main path for an exception path goes a row lower.
            let want = g.pred[v]
                .iter()
                .filter(|&&p| lane[p] == l)
                .map(|&p| row[p] + usize::from(g.side[v] && !g.side[p]))
                .min()
                .unwrap_or(0);
            row[v] = want.max(next_free[l]);
            next_free[l] = row[v] + 1;
            rows[l] = rows[l].max(next_free[l]);
        }
    }
    // Steps without arrows take rows under their lane's others.
    let columns = g.layers.len().max(4);
    let mut loose_in = vec![0usize; lanes];
    let mut col = vec![0usize; n];
    let base_rows = rows.clone();
    for v in (0..n).filter(|&v| g.loose[v]) {
        let l = lane[v];
        if folded.get(l).copied().unwrap_or(false) {
            continue;
        }
        let k = loose_in[l];
        loose_in[l] += 1;
        col[v] = k % columns;
        row[v] = base_rows[l] + k / columns;
        rows[l] = rows[l].max(row[v] + 1);
    }
    for (l, f) in folded.iter().enumerate() {
        if *f {
            rows[l] = 1;
        }
    }
    let mut top = Vec::with_capacity(lanes);
    let mut y = 0.0;
    for r in &rows {
        top.push(y);
        y += *r as f32 * ROW_HEIGHT + LANE_PAD;
    }
    (0..n)
        .map(|v| {
            let c = if g.loose[v] { col[v] } else { g.layer[v] };
            Pos::new(
                c as f32 * COLUMN_WIDTH,
                top[lane[v]] + row[v] as f32 * ROW_HEIGHT,
            )
        })
        .collect()
}
