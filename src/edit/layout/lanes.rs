//! Tidy up in lanes, and where each lane's band lies on the map.
//!
//! With lanes on, a workflow is laid out in columns along the arrows as
//! without lanes (the same layers and order), but each step's row is taken
//! inside the horizontal band of its lane, and lanes are stacked from the top
//! in their order. A long workflow wraps like lines of text: its columns are
//! cut into *rows of lanes* stacked downwards with a gap between them. Each
//! row of lanes holds, in the lane order, the lanes that have steps in its
//! columns, each with its own header on the map. The number of columns per
//! row is the one that shows the whole workflow largest in the view it is
//! laid out for (the fewest rows when that is large enough to read).
//! A folded lane gets one row; its steps are hidden on the map.
//!
//! Bands are not saved: [`lane_bands`] finds them again from where the steps
//! are, so they follow steps moved by hand.

use super::{Bounds, Graph, boxes_at};
use crate::model::{Pos, Workflow};
use std::collections::HashMap;

/// Distance between column centres in lanes: a little tighter than without
/// lanes, as lanes take more room down the map.
pub const LANE_COLUMN_WIDTH: f32 = 210.0;
/// Distance between row centres inside a lane.
pub const LANE_ROW_HEIGHT: f32 = 110.0;
/// Room between a lane's edge and its rows (half above, half below).
pub const LANE_PAD: f32 = 16.0;
/// Room between two rows of lanes, when the next row starts with a lane
/// above the last lane of the row before (that is how the bands tell rows
/// apart).
pub const LANE_ROW_GAP: f32 = 30.0;
/// Room between two rows of lanes otherwise: wide enough that the bands tell
/// the rows apart by it, even after steps are nudged by hand.
const WIDE_ROW_GAP: f32 = 90.0;
/// Width of the lane headers at the left edge of the map, in screen points.
pub const LANE_HEADER_WIDTH: f32 = 112.0;
/// What the map keeps free of steps when it fits a workflow in lanes, in
/// screen points: at its left the lane headers and the step palette beside
/// them, at its top the toolbar. A layout in lanes is made for the rest.
pub const LANE_VIEW_INSET: (f32, f32) = (LANE_HEADER_WIDTH + 110.0, 40.0);
/// From the centre of a step in the top (or bottom) row of a lane to the
/// lane's edge.
const HALF_ROW: f32 = (LANE_ROW_HEIGHT + LANE_PAD) / 2.0;
/// Two steps read from the top down are in different rows of lanes when the
/// lower one is in a lane above, or this far below, or more: half way
/// between the most a tidy layout puts between neighbouring lanes of a row
/// (`LANE_ROW_HEIGHT + LANE_PAD`) and the least across a wide gap.
const NEW_ROW: f32 = LANE_ROW_HEIGHT + LANE_PAD + WIDE_ROW_GAP / 2.0;

/// One lane's horizontal band on the map, in canvas units. A wrapped workflow
/// has a band for a lane in each row of lanes where the lane has steps.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneBand {
    /// The owner or system ("" for the unassigned lane).
    pub name: String,
    /// The lane's place in the lane order (0 is the top lane).
    pub lane: usize,
    /// Which row of lanes the band is in (0 is the top row).
    pub row: usize,
    pub top: f32,
    pub bottom: f32,
    /// Steps in the lane, in every row.
    pub steps: usize,
    pub collapsed: bool,
}

impl LaneBand {
    pub fn contains(&self, y: f32) -> bool {
        (self.top..self.bottom).contains(&y)
    }
}

/// The bands of `wf`'s lanes from the top, from where its steps are now.
///
/// Steps are read from the top down: a step in a lane above the one before,
/// or further below it than the lanes of one row are apart, starts a new row
/// of lanes. In each row, a lane with steps there has a band from its top
/// row to its bottom row (plus [`LANE_PAD`]); bands in a row meet without a
/// gap and never overlap; rows keep the room between them (a wide gap at
/// most).
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
    let mut totals = vec![0usize; names.len()];
    let mut at: Vec<(f32, usize)> = Vec::with_capacity(wf.steps.len());
    for s in &wf.steps {
        let Some(&l) = index.get(wf.lanes.by.key(s)) else {
            continue;
        };
        totals[l] += 1;
        if s.pos.y.is_finite() {
            at.push((s.pos.y, l));
        }
    }
    at.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));

    let mut out: Vec<LaneBand> = Vec::new();
    // The lowest step centre of the band being built.
    let mut low = f32::NEG_INFINITY;
    for &(y, l) in &at {
        let band = |row: usize| LaneBand {
            name: names[l].clone(),
            lane: l,
            row,
            top: y - HALF_ROW,
            bottom: y + HALF_ROW,
            steps: totals[l],
            collapsed: wf.lanes.is_collapsed(&names[l]),
        };
        let Some(last) = out.last_mut() else {
            out.push(band(0));
            low = y;
            continue;
        };
        let far = y - low >= NEW_ROW;
        if l == last.lane && !far {
            last.bottom = y + HALF_ROW;
        } else {
            let row = last.row + usize::from(l < last.lane || far);
            out.push(band(row));
        }
        low = y;
    }
    if out.is_empty() {
        // No step has a place: one band per lane.
        let mut y = 0.0;
        for (l, name) in names.iter().enumerate() {
            out.push(LaneBand {
                name: name.clone(),
                lane: l,
                row: 0,
                top: y,
                bottom: y + 2.0 * HALF_ROW,
                steps: totals[l],
                collapsed: wf.lanes.is_collapsed(name),
            });
            y += 2.0 * HALF_ROW;
        }
    }
    // Neighbours in a row meet half way; rows keep the gap between them, and
    // share what room is left beyond it.
    for i in 1..out.len() {
        let (a, b) = (out[i - 1].bottom, out[i].top);
        if b < a {
            // Steps placed by hand above the lane before: the band starts
            // where that one ends.
            out[i].top = a;
            out[i].bottom = out[i].bottom.max(a);
            continue;
        }
        let gap = if out[i].row != out[i - 1].row {
            WIDE_ROW_GAP.min(b - a)
        } else {
            0.0
        };
        let half = (b - a - gap) / 2.0;
        out[i - 1].bottom = a + half;
        out[i].top = b - half;
    }
    out
}

/// The lane at height `y` on the map: the band holding it, else the nearest
/// one (between two rows of lanes, above the top, below the bottom).
pub fn lane_at(bands: &[LaneBand], y: f32) -> Option<&LaneBand> {
    bands.iter().find(|b| b.contains(y)).or_else(|| {
        let dist = |b: &LaneBand| (b.top - y).max(y - b.bottom).max(0.0);
        bands.iter().min_by(|a, b| dist(a).total_cmp(&dist(b)))
    })
}

/// Which lane each step of a workflow is in, and which lanes are folded.
pub(super) struct LaneOf {
    lane: Vec<usize>,
    folded: Vec<bool>,
}

impl LaneOf {
    pub(super) fn new(wf: &Workflow) -> LaneOf {
        let names = wf.lanes.names(&wf.steps);
        let index: HashMap<&str, usize> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let lane = wf
            .steps
            .iter()
            .map(|s| index.get(wf.lanes.by.key(s)).copied().unwrap_or(0))
            .collect();
        let folded = (0..names.len().max(1))
            .map(|l| names.get(l).is_some_and(|n| wf.lanes.is_collapsed(n)))
            .collect();
        LaneOf { lane, folded }
    }
}

/// Positions (origin at the layout's top left) for a graph laid out in
/// lanes, `per_row` columns to a row of lanes, with the box around the steps
/// and every band.
pub(super) fn positions(
    g: &Graph,
    wf: &Workflow,
    of: &LaneOf,
    per_row: usize,
) -> (Vec<Pos>, Bounds) {
    let n = wf.steps.len();
    let (lane, folded) = (&of.lane, &of.folded);
    let lanes = folded.len();
    let per = per_row.max(1);
    let row_count = g.layers.len().div_ceil(per).max(1);
    let last = row_count - 1;
    let row_of = |v: usize| if g.loose[v] { last } else { g.layer[v] / per };
    // The row of each step inside its lane, and the rows each lane takes in
    // each row of lanes (0: it has no step there).
    let mut row = vec![0usize; n];
    let mut used = vec![vec![0usize; lanes]; row_count];
    let mut next_free = vec![0usize; lanes];
    for (c, col) in g.layers.iter().enumerate() {
        let r = c / per;
        next_free.fill(0);
        for &v in col {
            let l = lane[v];
            if folded[l] {
                used[r][l] = 1;
                continue;
            }
            // The row of the step it continues from in the same lane and row
            // of lanes; a step leaving the main path for an exception path
            // goes a row lower.
            let want = g.pred[v]
                .iter()
                .filter(|&&p| lane[p] == l && row_of(p) == r)
                .map(|&p| row[p] + usize::from(g.side[v] && !g.side[p]))
                .min()
                .unwrap_or(0);
            row[v] = want.max(next_free[l]);
            next_free[l] = row[v] + 1;
            used[r][l] = used[r][l].max(next_free[l]);
        }
    }
    // Steps without arrows take rows under their lane's others, in the last
    // row of lanes.
    let loose_per = if g.layers.is_empty() { per } else { per.max(4) };
    let base = used[last].clone();
    let mut loose_in = vec![0usize; lanes];
    let mut col = vec![0usize; n];
    for v in (0..n).filter(|&v| g.loose[v]) {
        let l = lane[v];
        if folded[l] {
            used[last][l] = used[last][l].max(1);
            continue;
        }
        let k = loose_in[l];
        loose_in[l] += 1;
        col[v] = k % loose_per;
        row[v] = base[l] + k / loose_per;
        used[last][l] = used[last][l].max(row[v] + 1);
    }
    let mut top = vec![vec![0.0f32; lanes]; row_count];
    let mut y = 0.0;
    for (r, rows) in used.iter().enumerate() {
        if r > 0 {
            let first = rows.iter().position(|&k| k > 0);
            let last = used[r - 1].iter().rposition(|&k| k > 0);
            y += match (first, last) {
                (Some(f), Some(l)) if f < l => LANE_ROW_GAP,
                _ => WIDE_ROW_GAP,
            };
        }
        for (l, &k) in rows.iter().enumerate() {
            top[r][l] = y;
            if k > 0 {
                y += k as f32 * LANE_ROW_HEIGHT + LANE_PAD;
            }
        }
    }
    let height = y;
    let mut pos: Vec<Pos> = (0..n)
        .map(|v| {
            let c = if g.loose[v] { col[v] } else { g.layer[v] % per };
            Pos::new(
                c as f32 * LANE_COLUMN_WIDTH,
                top[row_of(v)][lane[v]] + HALF_ROW + row[v] as f32 * LANE_ROW_HEIGHT,
            )
        })
        .collect();
    // The steps' top left at the origin (the bands above it may reach higher).
    let (min_x, min_y) = pos.iter().fold((f32::INFINITY, f32::INFINITY), |m, p| {
        (m.0.min(p.x), m.1.min(p.y))
    });
    let (min_x, min_y) = if n == 0 { (0.0, 0.0) } else { (min_x, min_y) };
    for p in &mut pos {
        p.x -= min_x;
        p.y -= min_y;
    }
    let boxes = boxes_at(wf, &pos);
    let bands = Bounds {
        min: Pos::new(0.0, -min_y),
        max: Pos::new(0.0, height - min_y),
    };
    let all = boxes.map_or(bands, |b| {
        b.union(Bounds {
            min: Pos::new(b.min.x, bands.min.y),
            max: Pos::new(b.max.x, bands.max.y),
        })
    });
    (pos, all)
}
