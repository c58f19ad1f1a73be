//! "Tidy up": a layered (Sugiyama-style) layout of one workflow, and the
//! geometry helpers that keep the map readable (see [`place`]).
//!
//! Tidy up works in four passes:
//! 1. **Cycles.** A depth-first walk from the triggers (then from steps
//!    nothing points to) finds the arrows that lead back; they are reversed,
//!    so the arrows left form no cycle.
//! 2. **Layers.** Each step goes one column right of its furthest
//!    predecessor (longest path), so every other arrow points right.
//! 3. **Order in a column.** Barycentre sweeps, down and up, reduce
//!    crossings; the order with the fewest crossings is kept. Steps on an
//!    exception path come last in their column, so they sit below the path
//!    they leave; a decision's branches sit next to each other.
//! 4. **Rows and wrapping.** A step takes the row of the step it continues
//!    from, so chains stay on one line and the main path (first branches
//!    first) is the top line. Long workflows wrap into bands stacked
//!    downwards, like lines of text: as many columns per band as show the
//!    whole workflow largest in the view it is laid out for. In lanes, each
//!    band is a row of lanes (see [`lanes`]).
//!
//! Steps without any arrow go in rows under the rest. The result is one
//! [`Edit::SetPositions`], so a tidy-up is one undo step.

mod lanes;
mod place;

pub use lanes::{
    LANE_COLUMN_WIDTH, LANE_HEADER_WIDTH, LANE_PAD, LANE_ROW_GAP, LANE_ROW_HEIGHT, LANE_VIEW_INSET,
    LaneBand, lane_at, lane_bands,
};
pub use place::{Bounds, PLACE_GAP, bounds, bounds_of, box_size, fit_zoom, place_new_step};

use crate::edit::Edit;
use crate::model::{Pos, StepId, StepKind, Workflow};
use foldhash::{HashMap, HashSet, HashSetExt};

/// Distance between column centres.
pub const COLUMN_WIDTH: f32 = 260.0;
/// Distance between row centres.
pub const ROW_HEIGHT: f32 = 130.0;
/// Extra room between two bands of a wrapped workflow.
pub const BAND_GAP: f32 = 70.0;
/// The view tidy-up fits when it is not told one: the map of a 16:10 window.
pub const DEFAULT_VIEW: (f32, f32) = (1120.0, 700.0);
/// Room kept free around the workflow when it is fitted to a view.
pub const FIT_MARGIN: f32 = 40.0;
/// The same in lanes, where the bands already leave room around the steps:
/// what the map's Fit leaves.
const LANE_FIT_MARGIN: f32 = 30.0;
/// Tidy-up never aims at a zoom above this: a workflow that fits at 100 %
/// is not wrapped to fit larger.
const BEST_ZOOM: f32 = 1.0;
/// In lanes, the fewest rows of lanes that show the workflow at least this
/// share of the largest it can be shown...
const LANE_WRAP_SHARE: f32 = 0.85;
/// ...or at least this zoom, where titles keep two lines of words.
const LANE_WRAP_ENOUGH: f32 = 0.6;
/// Barycentre sweeps (each one down and one up) tried at most.
const SWEEPS: usize = 8;

/// The arrows of a workflow as index lists, with what the layout derives.
struct Graph {
    /// Predecessors by arrows that do not lead back.
    pred: Vec<Vec<usize>>,
    /// The acyclic graph (arrows leading back reversed), both ways, for ordering.
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    layer: Vec<usize>,
    /// On an exception path: an exception, or reached only from one.
    side: Vec<bool>,
    /// Has no arrow at all.
    loose: Vec<bool>,
    /// Steps with arrows by layer, in order from the top.
    layers: Vec<Vec<usize>>,
}

/// The arrows of a workflow by index, each once (main branches first,
/// exceptions last), and a depth-first walk over them from the triggers, then
/// from steps nothing points to: the arrows that lead back, and the steps in
/// the order the walk finished them.
struct Walk {
    succ: Vec<Vec<usize>>,
    starts: Vec<usize>,
    back: HashSet<(usize, usize)>,
    post: Vec<usize>,
}

impl Walk {
    fn new(wf: &Workflow) -> Walk {
        let n = wf.steps.len();
        let index: HashMap<StepId, usize> = wf
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let is_exc = |i: usize| wf.steps[i].kind == StepKind::Exception;
        let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut indeg = vec![0usize; n];
        let mut seen = HashSet::new();
        for l in &wf.links {
            if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to))
                && a != b
                && seen.insert((a, b))
            {
                succ[a].push(b);
                indeg[b] += 1;
            }
        }
        // Main branches first (in the order the arrows were drawn), exceptions last.
        for s in succ.iter_mut() {
            s.sort_by_key(|&j| is_exc(j));
        }

        // Depth-first walk: arrows leading back and a topological order.
        let mut starts: Vec<usize> = (0..n)
            .filter(|&i| wf.steps[i].kind == StepKind::Trigger)
            .collect();
        starts.extend((0..n).filter(|&i| indeg[i] == 0 && wf.steps[i].kind != StepKind::Trigger));
        starts.extend(0..n);
        let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
        let mut back = HashSet::new();
        let mut post = Vec::with_capacity(n);
        for &r in &starts {
            if state[r] != 0 {
                continue;
            }
            state[r] = 1;
            let mut stack: Vec<(usize, usize)> = vec![(r, 0)];
            while let Some(top) = stack.last_mut() {
                let (v, k) = *top;
                if let Some(&w) = succ[v].get(k) {
                    top.1 += 1;
                    match state[w] {
                        0 => {
                            state[w] = 1;
                            stack.push((w, 0));
                        }
                        1 => {
                            back.insert((v, w));
                        }
                        _ => {}
                    }
                } else {
                    state[v] = 2;
                    post.push(v);
                    stack.pop();
                }
            }
        }
        Walk {
            succ,
            starts,
            back,
            post,
        }
    }
}

impl Graph {
    fn new(wf: &Workflow) -> Graph {
        let n = wf.steps.len();
        let is_exc = |i: usize| wf.steps[i].kind == StepKind::Exception;
        let Walk {
            succ,
            starts,
            back,
            mut post,
        } = Walk::new(wf);
        post.reverse(); // a topological order of the acyclic graph

        let mut pred = vec![Vec::new(); n];
        let mut up = vec![Vec::new(); n];
        let mut down = vec![Vec::new(); n];
        let mut dag = HashSet::new();
        for (v, ws) in succ.iter().enumerate() {
            for &w in ws {
                let (a, b) = if back.contains(&(v, w)) {
                    (w, v)
                } else {
                    pred[w].push(v);
                    (v, w)
                };
                if dag.insert((a, b)) {
                    down[a].push(b);
                    up[b].push(a);
                }
            }
        }
        let mut layer = vec![0usize; n];
        let mut side = vec![false; n];
        for &v in &post {
            side[v] = is_exc(v) || (!pred[v].is_empty() && pred[v].iter().all(|&p| side[p]));
            for &w in &down[v] {
                layer[w] = layer[w].max(layer[v] + 1);
            }
        }
        let loose: Vec<bool> = (0..n)
            .map(|v| up[v].is_empty() && down[v].is_empty())
            .collect();
        let depth = (0..n)
            .filter(|&v| !loose[v])
            .map(|v| layer[v] + 1)
            .max()
            .unwrap_or(0);
        let mut layers = vec![Vec::new(); depth];
        // The main path is the longest: of a step's next steps, the one with the
        // longest way still to go comes first, exceptions last.
        let mut height = vec![0usize; n];
        for &v in post.iter().rev() {
            height[v] = down[v].iter().map(|&w| height[w] + 1).max().unwrap_or(0);
        }
        for d in down.iter_mut() {
            d.sort_by_key(|&w| (side[w], std::cmp::Reverse(height[w])));
        }
        // The order steps are met in, main path first: each column's first order.
        let mut met = vec![usize::MAX; n];
        let mut met_count = 0;
        for &r in &starts {
            if met[r] != usize::MAX {
                continue;
            }
            let mut stack = vec![r];
            while let Some(v) = stack.pop() {
                if met[v] != usize::MAX {
                    continue;
                }
                met[v] = met_count;
                met_count += 1;
                stack.extend(down[v].iter().rev().filter(|&&w| met[w] == usize::MAX));
            }
        }
        let mut by_met: Vec<usize> = (0..n).filter(|&v| !loose[v]).collect();
        by_met.sort_by_key(|&v| (side[v], met[v]));
        for v in by_met {
            layers[layer[v]].push(v);
        }
        Graph {
            pred,
            up,
            down,
            layer,
            side,
            loose,
            layers,
        }
    }

    /// Reorder each column by the mean place of its neighbours, sweeping down
    /// and up, and keep the order with the fewest crossings.
    fn reduce_crossings(&mut self) {
        let n = self.layer.len();
        let mut place = vec![0usize; n];
        let index = |layers: &[Vec<usize>], place: &mut [usize]| {
            for col in layers {
                for (i, &v) in col.iter().enumerate() {
                    place[v] = i;
                }
            }
        };
        index(&self.layers, &mut place);
        let mut best = self.layers.clone();
        let mut best_crossings = self.crossings(&place);
        for _ in 0..SWEEPS {
            if best_crossings == 0 {
                break;
            }
            for downward in [true, false] {
                let order: Vec<usize> = if downward {
                    (1..self.layers.len()).collect()
                } else {
                    (0..self.layers.len().saturating_sub(1)).rev().collect()
                };
                for l in order {
                    let nbrs = if downward { &self.up } else { &self.down };
                    let side = &self.side;
                    let key = |v: usize| {
                        let ns = &nbrs[v];
                        if ns.is_empty() {
                            place[v] as f32
                        } else {
                            ns.iter().map(|&u| place[u] as f32).sum::<f32>() / ns.len() as f32
                        }
                    };
                    let mut keyed: Vec<(bool, f32, usize)> = self.layers[l]
                        .iter()
                        .map(|&v| (side[v], key(v), v))
                        .collect();
                    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
                    self.layers[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
                    for (i, &v) in self.layers[l].iter().enumerate() {
                        place[v] = i;
                    }
                }
                let c = self.crossings(&place);
                if c < best_crossings {
                    best_crossings = c;
                    best = self.layers.clone();
                }
            }
        }
        self.layers = best;
    }

    /// Crossings between arrows joining neighbouring columns.
    fn crossings(&self, place: &[usize]) -> usize {
        let mut total = 0;
        for l in 0..self.layers.len().saturating_sub(1) {
            let mut pairs: Vec<(usize, usize)> = self.layers[l]
                .iter()
                .flat_map(|&v| {
                    self.down[v]
                        .iter()
                        .filter(|&&w| self.layer[w] == l + 1)
                        .map(move |&w| (place[v], place[w]))
                })
                .collect();
            pairs.sort_unstable();
            // Count pairs out of order in their lower ends (Fenwick tree).
            let size = self.layers[l + 1].len();
            let mut tree = vec![0usize; size + 1];
            for (seen, &(_, b)) in pairs.iter().enumerate() {
                let mut not_greater = 0;
                let mut i = b + 1;
                while i > 0 {
                    not_greater += tree[i];
                    i &= i - 1;
                }
                total += seen - not_greater;
                let mut i = b + 1;
                while i <= size {
                    tree[i] += 1;
                    i += i & i.wrapping_neg();
                }
            }
        }
        total
    }

    /// Positions (origin at the first column's top row) when `per_band`
    /// columns make one band.
    fn positions(&self, per_band: usize) -> Vec<Pos> {
        let n = self.layer.len();
        let per_band = per_band.max(1);
        let band = |v: usize| self.layer[v] / per_band;
        let mut row = vec![0usize; n];
        let bands = self.layers.len().div_ceil(per_band);
        let mut height = vec![1usize; bands];
        for col in &self.layers {
            let mut next_free = 0usize;
            for &v in col {
                // The row of the step it continues from, in the same band; a step
                // leaving the main path for an exception path goes a row lower.
                let want = self.pred[v]
                    .iter()
                    .filter(|&&p| band(p) == band(v))
                    .map(|&p| row[p] + usize::from(self.side[v] && !self.side[p]))
                    .min()
                    .unwrap_or(0);
                row[v] = want.max(next_free);
                next_free = row[v] + 1;
                height[band(v)] = height[band(v)].max(next_free);
            }
        }
        let mut top = Vec::with_capacity(bands + 1);
        let mut y = 0.0;
        for h in &height {
            top.push(y);
            y += *h as f32 * ROW_HEIGHT + BAND_GAP;
        }
        let loose_top = y;
        let mut pos = vec![Pos::default(); n];
        let mut loose_count = 0usize;
        for (v, p) in pos.iter_mut().enumerate() {
            *p = if self.loose[v] {
                let (c, r) = (loose_count % per_band, loose_count / per_band);
                loose_count += 1;
                Pos::new(c as f32 * COLUMN_WIDTH, loose_top + r as f32 * ROW_HEIGHT)
            } else {
                Pos::new(
                    (self.layer[v] % per_band) as f32 * COLUMN_WIDTH,
                    top[band(v)] + row[v] as f32 * ROW_HEIGHT,
                )
            };
        }
        pos
    }
}

/// The bounds of the workflow's boxes with their centres at `pos` (by step
/// index); `None` for a workflow without steps.
fn boxes_at(wf: &Workflow, pos: &[Pos]) -> Option<Bounds> {
    wf.steps
        .iter()
        .zip(pos)
        .map(|(s, p)| {
            let (w, h) = box_size(s.kind);
            Bounds {
                min: Pos::new(p.x - w / 2.0, p.y - h / 2.0),
                max: Pos::new(p.x + w / 2.0, p.y + h / 2.0),
            }
        })
        .reduce(Bounds::union)
}

/// The zoom a laid-out workflow would be shown at in `view`, capped at [`BEST_ZOOM`].
fn score(wf: &Workflow, pos: &[Pos], view: (f32, f32)) -> f32 {
    let b = boxes_at(wf, pos);
    b.map_or(BEST_ZOOM, |b| fit_zoom(&b, view, FIT_MARGIN).min(BEST_ZOOM))
}

/// New positions for every step of `wf`, laid out to fit a view of `view`
/// (width, height) screen points, keeping the top-left of the layout where
/// the top-left of the old one was.
pub fn tidy_positions_in(wf: &Workflow, view: (f32, f32)) -> Vec<(StepId, Pos)> {
    let n = wf.steps.len();
    if n == 0 {
        return Vec::new();
    }
    let mut g = Graph::new(wf);
    g.reduce_crossings();
    // Try every number of bands (rows of lanes) that changes the columns per
    // band; keep the one that shows the workflow largest, the fewest bands
    // on a tie. (Steps without arrows fill rows of the same width under the rest.)
    let columns = if g.layers.is_empty() {
        g.loose.iter().filter(|&&l| l).count()
    } else {
        g.layers.len()
    };
    let choices = per_band_choices(columns);
    if wf.lanes.is_on() {
        // Fitted as Fit shows it, clear of the lane headers. A row of lanes more
        // repeats every lane: only worth it when it shows the workflow
        // noticeably larger.
        let view = (
            (view.0 - LANE_VIEW_INSET.0).max(1.0),
            (view.1 - LANE_VIEW_INSET.1).max(1.0),
        );
        let of = lanes::LaneOf::new(wf);
        let zoom = |per: usize| {
            let (_, b) = lanes::positions(&g, wf, &of, per);
            fit_zoom(&b, view, LANE_FIT_MARGIN).min(BEST_ZOOM)
        };
        let zooms: Vec<f32> = choices.iter().map(|&per| zoom(per)).collect();
        let best = zooms.iter().copied().fold(0.0, f32::max);
        let per = choices
            .iter()
            .zip(&zooms)
            .find(|(_, z)| **z >= (best * LANE_WRAP_SHARE).min(LANE_WRAP_ENOUGH))
            .map_or(columns, |(&per, _)| per);
        return place_from_old_corner(wf, lanes::positions(&g, wf, &of, per).0);
    }
    let mut best: Option<(f32, Vec<Pos>)> = None;
    for per in choices {
        let pos = g.positions(per);
        let s = score(wf, &pos, view);
        if best.as_ref().is_none_or(|(b, _)| s > *b * 1.001) {
            best = Some((s, pos));
        }
    }
    let pos = best.map(|(_, p)| p).unwrap_or_default();
    place_from_old_corner(wf, pos)
}

/// The numbers of columns per band worth trying for `columns` columns, from
/// one band to one column per band: each the width of a number of bands.
fn per_band_choices(columns: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for bands in 1..=columns.max(1) {
        let per_band = columns.div_ceil(bands).max(1);
        if out.last() != Some(&per_band) {
            out.push(per_band);
        }
    }
    out
}

/// `pos` (one per step, origin at the top left) moved so the layout's top
/// left is where the old one's was.
fn place_from_old_corner(wf: &Workflow, pos: Vec<Pos>) -> Vec<(StepId, Pos)> {
    let (min_x, min_y) = wf
        .steps
        .iter()
        .fold((f32::INFINITY, f32::INFINITY), |(x, y), s| {
            (x.min(s.pos.x), y.min(s.pos.y))
        });
    let (ox, oy) = if min_x.is_finite() && min_y.is_finite() {
        (min_x, min_y)
    } else {
        (0.0, 0.0)
    };
    let ox = crate::model::limits::clamp_coordinate(ox);
    let oy = crate::model::limits::clamp_coordinate(oy);
    wf.steps
        .iter()
        .zip(pos)
        .map(|(s, p)| {
            let x = crate::model::limits::clamp_coordinate(ox + p.x);
            let y = crate::model::limits::clamp_coordinate(oy + p.y);
            (s.id, Pos::new(x, y))
        })
        .collect()
}

/// [`tidy_positions_in`] for the default 16:10 view.
pub fn tidy_positions(wf: &Workflow) -> Vec<(StepId, Pos)> {
    tidy_positions_in(wf, DEFAULT_VIEW)
}

/// The tidy-up of `wf` for a view of `view` screen points as one edit. It
/// moves only the steps whose place changes: on an empty or already tidy
/// workflow it is empty, and the document then records no undo step.
pub fn tidy_edit_in(wf: &Workflow, view: (f32, f32)) -> Edit {
    let positions = tidy_positions_in(wf, view)
        .into_iter()
        .filter(|(id, p)| wf.step(*id).is_none_or(|s| s.pos != *p))
        .collect();
    Edit::SetPositions {
        wf: wf.id,
        positions,
    }
}

/// [`tidy_edit_in`] for the default 16:10 view.
pub fn tidy_edit(wf: &Workflow) -> Edit {
    tidy_edit_in(wf, DEFAULT_VIEW)
}

/// Arrows that a tidy-up treats as leading back (they close a cycle), as
/// (from, to) step ids. Every other arrow points right, or down into a later band.
pub fn back_arrows(wf: &Workflow) -> Vec<(StepId, StepId)> {
    let walk = Walk::new(wf);
    let mut out: Vec<(StepId, StepId)> = walk
        .back
        .iter()
        .map(|&(a, b)| (wf.steps[a].id, wf.steps[b].id))
        .collect();
    out.sort_unstable();
    out
}

/// The arrows that do not lead back, as next steps by step index, each once:
/// the workflow without its loops, as a tidy-up sees it.
pub fn forward_arrows(wf: &Workflow) -> Vec<Vec<usize>> {
    let Walk { mut succ, back, .. } = Walk::new(wf);
    for (v, next) in succ.iter_mut().enumerate() {
        next.retain(|&w| !back.contains(&(v, w)));
    }
    succ
}

#[cfg(test)]
mod tests;
