//! "Tidy up": a layered left-to-right layout of one workflow.
//!
//! Columns follow the arrows (longest path from the starts, cycles broken by
//! ignoring arrows that lead back), each branch of a decision gets its own row,
//! and exception branches go below the line they leave from. The result is one
//! [`Edit::SetPositions`], so a tidy-up is one undo step.

use crate::edit::Edit;
use crate::model::{Pos, StepId, StepKind, Workflow};
use std::collections::{HashMap, HashSet};

/// Distance between column centres.
pub const COLUMN_WIDTH: f32 = 260.0;
/// Distance between row centres.
pub const ROW_HEIGHT: f32 = 130.0;

/// New positions for every step of `wf`, keeping the top-left of the
/// layout where the top-left of the old one was.
pub fn tidy_positions(wf: &Workflow) -> Vec<(StepId, Pos)> {
    let n = wf.steps.len();
    if n == 0 {
        return Vec::new();
    }
    let index: HashMap<StepId, usize> = wf
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for l in &wf.links {
        if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to))
            && a != b
        {
            out[a].push(b);
            indeg[b] += 1;
        }
    }
    let is_exc = |i: usize| wf.steps[i].kind == StepKind::Exception;
    // Successors in the order they should get rows: main branches first (keeping
    // the plan's order, which is the order the arrows were drawn), exceptions last.
    for succ in out.iter_mut() {
        succ.sort_by_key(|&j| is_exc(j));
    }

    // Roots: triggers first, then steps nothing points to, then the rest (cycles).
    let mut roots: Vec<usize> = (0..n)
        .filter(|&i| wf.steps[i].kind == StepKind::Trigger)
        .collect();
    roots.extend((0..n).filter(|&i| indeg[i] == 0 && wf.steps[i].kind != StepKind::Trigger));

    // Depth-first search marks arrows leading back (cycles) and gives a topological order.
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut back = vec![Vec::<bool>::new(); n];
    for (i, succ) in out.iter().enumerate() {
        back[i] = vec![false; succ.len()];
    }
    let mut order = Vec::with_capacity(n); // reverse post-order
    let starts: Vec<usize> = roots.iter().copied().chain(0..n).collect();
    for &r in &starts {
        if state[r] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(r, 0)];
        state[r] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if *k < out[v].len() {
                let e = *k;
                *k += 1;
                let w = out[v][e];
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => back[v][e] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                order.push(v);
                stack.pop();
            }
        }
    }
    order.reverse();

    // Columns: longest path over forward arrows.
    let mut col = vec![0usize; n];
    for &v in &order {
        for (e, &w) in out[v].iter().enumerate() {
            if !back[v][e] {
                col[w] = col[w].max(col[v] + 1);
            }
        }
    }

    // Rows: walk from the roots; the first main successor stays on its parent's
    // row, further branches and exceptions take the next free row below.
    let mut row: Vec<Option<usize>> = vec![None; n];
    let mut taken: HashSet<(usize, usize)> = HashSet::new();
    let mut lowest_main = 0usize;
    let place = |v: usize, want: usize, taken: &mut HashSet<(usize, usize)>| {
        let mut r = want;
        while !taken.insert((col[v], r)) {
            r += 1;
        }
        r
    };
    for &r in &starts {
        if row[r].is_some() {
            continue;
        }
        let want = if is_exc(r) { lowest_main + 1 } else { 0 };
        let rr = place(r, want, &mut taken);
        row[r] = Some(rr);
        let mut stack = vec![r];
        while let Some(v) = stack.pop() {
            let vr = row[v].unwrap_or(0);
            if !is_exc(v) {
                lowest_main = lowest_main.max(vr);
            }
            let mut first_main = true;
            let mut next = Vec::new();
            for (e, &w) in out[v].iter().enumerate() {
                if back[v][e] || row[w].is_some() {
                    continue;
                }
                let want = if is_exc(w) && !is_exc(v) {
                    vr + 1
                } else if first_main {
                    first_main = false;
                    vr
                } else {
                    vr + 1
                };
                row[w] = Some(place(w, want, &mut taken));
                next.push(w);
            }
            // Depth first, first branch first, so the main line is laid out before side branches.
            stack.extend(next.into_iter().rev());
        }
    }

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
    wf.steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                s.id,
                Pos::new(
                    ox + col[i] as f32 * COLUMN_WIDTH,
                    oy + row[i].unwrap_or(0) as f32 * ROW_HEIGHT,
                ),
            )
        })
        .collect()
}

/// The tidy-up as one edit.
pub fn tidy_edit(wf: &Workflow) -> Edit {
    Edit::SetPositions {
        wf: wf.id,
        positions: tidy_positions(wf),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Step, WorkflowId};
    use std::collections::HashSet;

    fn wf(kinds: &[StepKind], links: &[(u32, u32)]) -> Workflow {
        Workflow {
            id: WorkflowId(1),
            name: "w".into(),
            steps: kinds
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    Step::new(
                        StepId(i as u32 + 1),
                        *k,
                        format!("s{i}"),
                        Pos::new(17.0 * i as f32, -3.0 * i as f32),
                    )
                })
                .collect(),
            links: links
                .iter()
                .map(|&(a, b)| Link::new(StepId(a), StepId(b)))
                .collect(),
            ..Workflow::default()
        }
    }

    fn pos_of(p: &[(StepId, Pos)], id: u32) -> Pos {
        p.iter()
            .find(|(i, _)| i.0 == id)
            .map(|(_, p)| *p)
            .unwrap_or_default()
    }

    fn no_overlap(p: &[(StepId, Pos)]) {
        let cells: HashSet<(i64, i64)> = p.iter().map(|(_, p)| (p.x as i64, p.y as i64)).collect();
        assert_eq!(cells.len(), p.len(), "two steps share a place: {p:?}");
    }

    #[test]
    fn chain_goes_left_to_right_on_one_row() {
        use StepKind::*;
        let w = wf(&[Trigger, Task, Task, End], &[(1, 2), (2, 3), (3, 4)]);
        let p = tidy_positions(&w);
        for a in 1..4 {
            let (x, y) = (pos_of(&p, a), pos_of(&p, a + 1));
            assert!(y.x > x.x);
            assert_eq!(y.y, x.y);
        }
    }

    #[test]
    fn decision_branches_apart_and_exception_below() {
        use StepKind::*;
        // 1 trigger -> 2 decision -> 3 task (yes) / 4 exception (no); 3 -> 5 end
        let w = wf(
            &[Trigger, Decision, Task, Exception, End],
            &[(1, 2), (2, 4), (2, 3), (3, 5)],
        );
        let p = tidy_positions(&w);
        no_overlap(&p);
        assert_eq!(
            pos_of(&p, 3).y,
            pos_of(&p, 2).y,
            "main branch stays on the line"
        );
        assert!(pos_of(&p, 4).y > pos_of(&p, 3).y, "exception goes below");
        assert_eq!(pos_of(&p, 3).x, pos_of(&p, 4).x);
    }

    #[test]
    fn cycles_and_loose_steps_are_laid_out_without_overlap() {
        use StepKind::*;
        let w = wf(
            &[Task, Task, Task, Task, Task],
            &[(1, 2), (2, 3), (3, 1), (4, 4)],
        );
        let p = tidy_positions(&w);
        assert_eq!(p.len(), 5);
        no_overlap(&p);
        assert!(pos_of(&p, 2).x > pos_of(&p, 1).x);
    }

    #[test]
    fn layout_keeps_its_top_left_corner() {
        use StepKind::*;
        let w = wf(&[Task, Task], &[(1, 2)]);
        let p = tidy_positions(&w);
        assert_eq!(pos_of(&p, 1), Pos::new(0.0, -3.0));
    }

    #[test]
    fn large_random_graphs_never_overlap() {
        let mut kinds = Vec::new();
        let mut links = Vec::new();
        let mut x: u64 = 7;
        for i in 0..300u32 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            kinds.push(StepKind::ALL[(x >> 33) as usize % 5]);
            let t = (x >> 40) as u32 % 300;
            if t != i {
                links.push((i + 1, t + 1));
            }
        }
        links.sort_unstable();
        links.dedup();
        let w = wf(&kinds, &links);
        no_overlap(&tidy_positions(&w));
    }
}
