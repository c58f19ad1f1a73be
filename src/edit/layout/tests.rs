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

fn boxes_overlap(w: &Workflow, p: &[(StepId, Pos)]) -> Option<(StepId, StepId)> {
    let b: Vec<(StepId, Bounds)> = p
        .iter()
        .map(|(id, pos)| {
            let kind = w.step(*id).map(|s| s.kind).unwrap_or_default();
            let (bw, bh) = box_size(kind);
            let b = Bounds {
                min: Pos::new(pos.x - bw / 2.0, pos.y - bh / 2.0),
                max: Pos::new(pos.x + bw / 2.0, pos.y + bh / 2.0),
            };
            (*id, b)
        })
        .collect();
    for (i, (a, ba)) in b.iter().enumerate() {
        for (c, bc) in &b[i + 1..] {
            if ba.overlaps(bc) {
                return Some((*a, *c));
            }
        }
    }
    None
}

fn chain(n: u32) -> Workflow {
    let mut kinds = vec![StepKind::Task; n as usize];
    kinds[0] = StepKind::Trigger;
    let links: Vec<(u32, u32)> = (1..n).map(|i| (i, i + 1)).collect();
    wf(&kinds, &links)
}

#[test]
fn a_long_chain_wraps_into_bands_that_fit_the_view() {
    let w = chain(16);
    let p = tidy_positions_in(&w, (1600.0, 1000.0));
    assert_eq!(boxes_overlap(&w, &p), None);
    let rows: HashSet<i64> = p.iter().map(|(_, q)| q.y as i64).collect();
    assert!(rows.len() > 1, "16 steps in one row on a 16:10 view");
    let moved: Vec<Step> = w
        .steps
        .iter()
        .zip(&p)
        .map(|(s, (_, q))| Step {
            pos: *q,
            ..s.clone()
        })
        .collect();
    let b = bounds_of(&moved).unwrap();
    let aspect = b.width() / b.height();
    assert!(
        (0.8..=3.2).contains(&aspect),
        "aspect {aspect} is far from 16:10"
    );
    // Reading order: along each band, then down to the next one.
    for (a, c) in p.iter().zip(&p[1..]) {
        assert!(c.1.x > a.1.x || c.1.y > a.1.y, "{a:?} -> {c:?}");
    }
    // A tall narrow view gets narrower bands than a wide one.
    let tall = tidy_positions_in(&w, (600.0, 1000.0));
    let width = |p: &[(StepId, Pos)]| {
        p.iter()
            .map(|(_, q)| q.x as i64)
            .collect::<HashSet<_>>()
            .len()
    };
    assert!(width(&tall) < width(&p));
}

#[test]
fn a_short_chain_that_fits_stays_on_one_row() {
    let w = chain(4);
    let p = tidy_positions_in(&w, DEFAULT_VIEW);
    assert!(p.iter().all(|(_, q)| q.y == p[0].1.y));
}

#[test]
fn decision_branches_sit_side_by_side_in_one_column() {
    use StepKind::*;
    // 1 trigger -> 2 decision -> 3 / 4 / 5 (three answers) -> 6 end.
    let w = wf(
        &[Trigger, Decision, Task, Task, Task, End],
        &[(1, 2), (2, 3), (2, 4), (2, 5), (3, 6), (4, 6), (5, 6)],
    );
    let p = tidy_positions(&w);
    assert_eq!(boxes_overlap(&w, &p), None);
    let (a, b, c) = (pos_of(&p, 3), pos_of(&p, 4), pos_of(&p, 5));
    assert_eq!((a.x, b.x), (c.x, c.x), "branches share a column");
    assert_eq!(b.y - a.y, ROW_HEIGHT, "branches in neighbouring rows");
    assert_eq!(c.y - b.y, ROW_HEIGHT);
    assert_eq!(a.y, pos_of(&p, 2).y, "the first answer continues the line");
    assert_eq!(pos_of(&p, 6).y, a.y, "the paths meet on the main line");
}

fn crossings(g: &Graph) -> usize {
    let mut place = vec![0usize; g.layer.len()];
    for col in &g.layers {
        for (i, &v) in col.iter().enumerate() {
            place[v] = i;
        }
    }
    g.crossings(&place)
}

#[test]
fn barycentre_sweeps_remove_a_crossing() {
    use StepKind::*;
    // 1 -> 3, 1 -> 4, 2 -> 3: in the order the steps are met (3 above 4) the
    // arrows 1 -> 4 and 2 -> 3 cross; with 4 above 3 nothing crosses.
    let w = wf(&[Trigger, Trigger, Task, Task], &[(1, 3), (1, 4), (2, 3)]);
    let mut g = Graph::new(&w);
    assert_eq!(crossings(&g), 1);
    g.reduce_crossings();
    assert_eq!(crossings(&g), 0);
    let p = tidy_positions(&w);
    assert!(pos_of(&p, 4).y < pos_of(&p, 3).y);
    assert_eq!(boxes_overlap(&w, &p), None);
}

#[test]
fn tidy_up_of_an_empty_workflow_is_no_change_and_no_undo_step() {
    use crate::edit::Document;
    let mut plan = crate::model::Plan::new("p");
    plan.workflows.push(wf(&[], &[]));
    let mut doc = Document::new(plan.clone());
    let r = doc.revision();
    doc.apply("Tidy up", tidy_edit(&plan.workflows[0])).unwrap();
    assert_eq!(doc.undo_len(), 0);
    assert_eq!(doc.revision(), r);
    assert!(!doc.is_dirty());
    // A tidy workflow tidied again is no change either; a messy one is one step.
    let mut plan = crate::model::Plan::new("p");
    plan.workflows.push(chain(6));
    let mut doc = Document::new(plan);
    let edit = tidy_edit(&doc.plan().workflows[0]);
    doc.apply("Tidy up", edit).unwrap();
    assert_eq!(doc.undo_len(), 1);
    let again = tidy_edit(&doc.plan().workflows[0]);
    assert!(again.changes_nothing(), "{again:?}");
    doc.apply("Tidy up", again).unwrap();
    assert_eq!(doc.undo_len(), 1);
}

#[test]
fn fit_zoom_fits_the_bounds_in_the_view() {
    let w = chain(3);
    let b = bounds(&w).unwrap();
    let z = fit_zoom(&b, (800.0, 600.0), 20.0);
    assert!(b.width() * z <= 760.0 + 0.01 && b.height() * z <= 560.0 + 0.01);
    assert!((b.width() * z - 760.0).abs() < 0.01 || (b.height() * z - 560.0).abs() < 0.01);
    assert_eq!(bounds(&wf(&[], &[])), None);
}

#[test]
fn a_new_step_goes_right_of_the_selected_one_or_below_when_that_is_taken() {
    let mut w = chain(3);
    w.steps[0].pos = Pos::new(0.0, 0.0);
    w.steps[1].pos = Pos::new(COLUMN_WIDTH, 0.0);
    w.steps[2].pos = Pos::new(2.0 * COLUMN_WIDTH, 0.0);
    let p = place_new_step(&w, StepKind::Decision, Some(StepId(3)), Pos::default());
    assert_eq!(p, Pos::new(3.0 * COLUMN_WIDTH, 0.0));
    let p = place_new_step(&w, StepKind::Task, Some(StepId(1)), Pos::default());
    assert_eq!(p, Pos::new(0.0, ROW_HEIGHT));
    // Without a selection: at the wanted spot when free, near it otherwise.
    let free = Pos::new(500.0, 900.0);
    assert_eq!(place_new_step(&w, StepKind::Task, None, free), free);
    let p = place_new_step(&w, StepKind::Task, None, Pos::new(10.0, 5.0));
    assert_ne!(p, Pos::new(10.0, 5.0));
}

mod placing {
    use super::*;
    use proptest::prelude::*;

    fn crowd() -> impl Strategy<Value = Vec<(f32, f32, usize)>> {
        prop::collection::vec((-1500.0f32..1500.0, -1000.0f32..1000.0, 0usize..5), 0..120)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn a_placed_step_never_overlaps_another(
            steps in crowd(),
            kind in 0usize..5,
            near in proptest::option::of(0usize..120),
            free in (-2000.0f32..2000.0, -2000.0f32..2000.0),
        ) {
            let w = Workflow {
                id: WorkflowId(1),
                steps: steps
                    .iter()
                    .enumerate()
                    .map(|(i, &(x, y, k))| {
                        Step::new(StepId(i as u32 + 1), StepKind::ALL[k], "s", Pos::new(x, y))
                    })
                    .collect(),
                ..Workflow::default()
            };
            let kind = StepKind::ALL[kind];
            let near = near.map(|i| StepId(i as u32 + 1));
            let p = place_new_step(&w, kind, near, Pos::new(free.0, free.1));
            let (bw, bh) = box_size(kind);
            let new = Bounds {
                min: Pos::new(p.x - bw / 2.0, p.y - bh / 2.0),
                max: Pos::new(p.x + bw / 2.0, p.y + bh / 2.0),
            };
            prop_assert!(p.x.is_finite() && p.y.is_finite());
            for s in &w.steps {
                prop_assert!(
                    !Bounds::of_step(s).overlaps(&new),
                    "new box {new:?} overlaps step {:?}", s
                );
            }
        }
    }
}

#[test]
fn the_longest_path_is_the_main_line_and_dead_ends_go_below() {
    use StepKind::*;
    // 2 fans out to 3 (a dead end, drawn first) and to 4 -> 5 -> 6.
    let w = wf(
        &[Trigger, Task, Task, Task, Task, End],
        &[(1, 2), (2, 3), (2, 4), (4, 5), (5, 6)],
    );
    let p = tidy_positions_in(&w, (2000.0, 1000.0));
    let line = pos_of(&p, 1).y;
    for id in [2, 4, 5, 6] {
        assert_eq!(pos_of(&p, id).y, line, "step {id} leaves the main line");
    }
    assert!(pos_of(&p, 3).y > line);
    assert_eq!(pos_of(&p, 3).x, pos_of(&p, 4).x);
}

mod in_lanes {
    use super::*;
    use crate::model::{LaneMode, Lanes};
    use proptest::prelude::*;

    /// A workflow of `kinds` with `links`, each step owned by one of the
    /// `owners` ("" is nobody), shown in lanes by owner.
    fn laned(kinds: &[StepKind], links: &[(u32, u32)], owners: &[&str]) -> Workflow {
        let mut w = wf(kinds, links);
        for (i, s) in w.steps.iter_mut().enumerate() {
            s.owner = owners[i % owners.len()].to_owned();
        }
        w.lanes = Lanes {
            by: LaneMode::Owner,
            ..Lanes::default()
        };
        w
    }

    /// Tidy up, then check that every step sits inside its lane's band,
    /// that the bands follow the lane order without overlapping, and that no
    /// two boxes overlap.
    fn check(w: Workflow) -> Result<(), String> {
        check_in(w, DEFAULT_VIEW).map(|_| ())
    }

    /// [`check`] for a view of `view` points; gives back the tidy workflow
    /// and its bands. Each row of lanes has a band for every lane, in the
    /// lane order, each named for its lane (as its header is); the band
    /// holding a step's centre (where a header or a drop finds it) is its
    /// own lane's and holds its whole box.
    fn check_in(mut w: Workflow, view: (f32, f32)) -> Result<(Workflow, Vec<LaneBand>), String> {
        let p = tidy_positions_in(&w, view);
        if let Some((a, b)) = boxes_overlap(&w, &p) {
            return Err(format!("steps {a} and {b} overlap"));
        }
        for (id, pos) in &p {
            if let Some(s) = w.step_mut(*id) {
                s.pos = *pos;
            }
        }
        let bands = lane_bands(&w);
        let names = w.lanes.names(&w.steps);
        let mut last: Option<&LaneBand> = None;
        for b in &bands {
            if names.get(b.lane) != Some(&b.name) {
                return Err(format!("band {b:?} is not named for lane {}", b.lane));
            }
            if let Some(a) = last {
                let next_in_row = a.row == b.row && a.lane < b.lane;
                let next_row = b.row == a.row + 1;
                if !(next_in_row || next_row) || b.top < a.bottom || b.bottom < b.top {
                    return Err(format!("band {b:?} does not follow {a:?}"));
                }
            }
            last = Some(b);
        }
        let mut held = vec![false; bands.len()];
        for s in &w.steps {
            let bx = Bounds::of_step(s);
            let lane = w.lanes.by.key(s);
            match bands.iter().position(|b| b.contains(s.pos.y)) {
                Some(i)
                    if bands[i].name == lane
                        && bands[i].top <= bx.min.y
                        && bx.max.y <= bands[i].bottom =>
                {
                    held[i] = true
                }
                i => return Err(format!("step {} of {lane:?} is in band {i:?}", s.id)),
            }
        }
        if let Some(i) = held.iter().position(|h| !h) {
            return Err(format!("band {:?} holds no step", bands[i]));
        }
        Ok((w, bands))
    }

    /// A chain of `n` steps whose owner changes every `run` steps, going
    /// round `owners`, shown in lanes by owner.
    fn handoffs(n: u32, run: u32, owners: &[&str]) -> Workflow {
        let mut w = chain(n);
        for (i, s) in w.steps.iter_mut().enumerate() {
            s.owner = owners[(i as u32 / run) as usize % owners.len()].to_owned();
        }
        w.lanes = Lanes {
            by: LaneMode::Owner,
            ..Lanes::default()
        };
        w
    }

    /// The box around a laid-out workflow's steps and lane bands.
    fn extent(w: &Workflow, bands: &[LaneBand]) -> Bounds {
        let b = bounds(w).unwrap();
        let (top, bottom) = (bands[0].top, bands[bands.len() - 1].bottom);
        Bounds {
            min: Pos::new(b.min.x, top.min(b.min.y)),
            max: Pos::new(b.max.x, bottom.max(b.max.y)),
        }
    }

    #[test]
    fn a_long_chain_in_lanes_wraps_into_rows_of_lanes_shaped_like_the_view() {
        let w = handoffs(40, 3, &["Ana", "Sam", "Lee", "Kim"]);
        // All in one row of lanes, as before wrapping.
        let mut g = Graph::new(&w);
        g.reduce_crossings();
        let (_, one_row) = lanes::positions(&g, &w, &lanes::LaneOf::new(&w), g.layers.len());
        for view in [
            DEFAULT_VIEW,
            (1600.0, 1000.0),
            (835.0, 811.0),
            (700.0, 1000.0),
        ] {
            let (t, bands) = check_in(w.clone(), view).unwrap();
            let rows = bands[bands.len() - 1].row + 1;
            assert!(rows > 1, "{view:?}: one row of lanes");
            let e = extent(&t, &bands);
            let free = (view.0 - LANE_VIEW_INSET.0, view.1 - LANE_VIEW_INSET.1);
            let (aspect, target) = (e.width() / e.height(), free.0 / free.1);
            assert!(
                (target / 2.0..=target * 2.0).contains(&aspect),
                "{view:?}: the layout is {aspect:.2} wide to 1 high, the view {target:.2}"
            );
            let z = |b: &Bounds| fit_zoom(b, free, FIT_MARGIN);
            assert!(z(&e) >= 2.0 * z(&one_row), "{view:?}: not shown larger");
            // Read like text: along a row of lanes, then on at the left of the next.
            let row = |s: &Step| lane_at(&bands, s.pos.y).map_or(0, |b| b.row);
            for (a, b) in t.steps.iter().zip(&t.steps[1..]) {
                let along = row(b) == row(a) && b.pos.x > a.pos.x;
                let next = row(b) == row(a) + 1 && b.pos.x == e.min.x + 85.0;
                assert!(along || next, "{view:?}: {} then {}", a.id, b.id);
            }
            // Every lane has a band (and so a header) in each row it has steps in.
            for (i, name) in ["Ana", "Sam", "Lee", "Kim"].iter().enumerate() {
                let in_rows = bands
                    .iter()
                    .filter(|b| b.name == *name && b.lane == i)
                    .count();
                assert!(in_rows > 1, "{view:?}: {name} in {in_rows} row(s)");
            }
            // Tidy again: nothing moves.
            assert!(tidy_edit_in(&t, view).changes_nothing(), "{view:?}");
        }
    }

    #[test]
    fn a_short_chain_in_lanes_that_reads_well_stays_in_one_row() {
        let w = handoffs(6, 2, &["Ana", "Sam"]);
        let (_, bands) = check_in(w, DEFAULT_VIEW).unwrap();
        assert!(bands.iter().all(|b| b.row == 0), "{bands:?}");
    }

    #[test]
    fn rows_of_lanes_hold_when_a_step_is_nudged_and_drops_between_rows_find_the_nearest_lane() {
        // Ana and Lee take turns; Sam, the lane between them, has a step
        // of his own now and then.
        let mut w = handoffs(30, 3, &["Ana", "Lee"]);
        for i in [4, 11, 17, 25] {
            w.steps[i].owner = "Sam".into();
        }
        w.lanes.order = vec!["Ana".into(), "Sam".into(), "Lee".into()];
        let (mut t, bands) = check_in(w, DEFAULT_VIEW).unwrap();
        assert!(bands.iter().any(|b| b.name == "Sam" && b.row > 0));
        let rows = |b: &[LaneBand]| b.iter().map(|b| (b.lane, b.row)).collect::<Vec<_>>();
        // Any step, one or two notches of the grid up or down.
        for dy in [-40.0, -20.0, 20.0, 40.0] {
            for i in 0..t.steps.len() {
                let mut m = t.clone();
                m.steps[i].pos.y += dy;
                assert_eq!(rows(&lane_bands(&m)), rows(&bands), "step {i} moved {dy}");
            }
        }
        // Between two rows of lanes: the nearer band.
        let i = bands.iter().position(|b| b.row == 1).unwrap();
        let (above, below) = (&bands[i - 1], &bands[i]);
        assert!(below.top - above.bottom >= LANE_ROW_GAP - 0.01);
        assert!(below.lane < above.lane, "the next row starts higher up");
        assert_eq!(lane_at(&bands, above.bottom + 1.0), Some(above));
        assert_eq!(lane_at(&bands, below.top - 1.0), Some(below));
        // A step moved into another lane's band is in that lane's band.
        t.steps[0].pos.y = below.top + 5.0;
        assert!(lane_bands(&t).iter().any(|b| b.contains(below.top + 5.0)));
    }

    #[test]
    fn a_chain_across_two_owners_keeps_columns_and_each_step_in_its_lane() {
        use StepKind::*;
        let mut w = laned(
            &[Trigger, Task, Task, Task, End],
            &[(1, 2), (2, 3), (3, 4), (4, 5)],
            &["Ana", "Sam"],
        );
        w.lanes.order = vec!["Sam".into()];
        check(w.clone()).unwrap();
        let p = tidy_positions(&w);
        let xs: Vec<f32> = (1..=5).map(|i| pos_of(&p, i).x).collect();
        assert!(
            xs.windows(2).all(|x| x[1] > x[0]),
            "columns along the arrows: {xs:?}"
        );
        // Sam's lane is on top: his steps (2 and 4) sit above Ana's.
        assert!(pos_of(&p, 2).y < pos_of(&p, 1).y);
        assert_eq!(pos_of(&p, 1).y, pos_of(&p, 3).y);
    }

    #[test]
    fn steps_without_an_owner_go_to_the_unassigned_lane_at_the_bottom() {
        use StepKind::*;
        let w = laned(&[Trigger, Task, Task], &[(1, 2), (2, 3)], &["Ana", ""]);
        let (_, bands) = check_in(w.clone(), DEFAULT_VIEW).unwrap();
        let p = tidy_positions(&w);
        assert!(pos_of(&p, 2).y > pos_of(&p, 1).y);
        assert_eq!(bands.last().map(|b| b.name.as_str()), Some(""));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(120))]
        #[test]
        fn every_step_stays_in_its_band_and_no_boxes_overlap(
            kinds in prop::collection::vec(0usize..5, 1..60),
            links in prop::collection::vec((0u32..60, 0u32..60), 0..90),
            lanes in 1usize..6,
            by_system in any::<bool>(),
            view in (300.0f32..2400.0, 300.0f32..1400.0),
        ) {
            let kinds: Vec<StepKind> = kinds.iter().map(|k| StepKind::ALL[*k]).collect();
            let n = kinds.len() as u32;
            let links: Vec<(u32, u32)> = links
                .into_iter()
                .map(|(a, b)| (a % n + 1, b % n + 1))
                .filter(|(a, b)| a != b)
                .collect();
            let owners = ["Ana", "Sam", "", "Lee", "Kim", "Bo"];
            let mut w = laned(&kinds, &links, &owners[..lanes]);
            if by_system {
                for s in &mut w.steps {
                    s.system = std::mem::take(&mut s.owner);
                }
                w.lanes.by = LaneMode::System;
            }
            prop_assert_eq!(check_in(w, view).map(|_| ()), Ok(()));
        }
    }
}

#[test]
fn repeated_arrows_count_once_however_many_next_steps_a_step_has() {
    // Step 1 fans out to 2..=40, every arrow drawn twice, plus a few repeats
    // of a short fan-out from step 41.
    let mut kinds = vec![StepKind::Task; 44];
    kinds[0] = StepKind::Trigger;
    let mut links: Vec<(u32, u32)> = (2..=40).flat_map(|b| [(1, b), (1, b)]).collect();
    links.extend([(41, 42), (41, 43), (41, 42), (41, 44), (41, 43)]);
    let w = wf(&kinds, &links);
    let next = forward_arrows(&w);
    assert_eq!(next[0], (1..40).collect::<Vec<usize>>());
    assert_eq!(next[40], vec![41, 42, 43]);
}
