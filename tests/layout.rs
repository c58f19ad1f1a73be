//! Tidy up on the bundled example plans: a layout an owner can read in one
//! window (no overlapping boxes, arrows forward or down, a shape near the
//! window's), as one undo step.

use automap::edit::Document;
use automap::edit::layout::{self, Bounds, box_size};
use automap::model::{Plan, Pos, StepId, StepKind, Workflow};
use automap::storage;
use std::collections::HashSet;
use std::path::Path;

fn example(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name);
    storage::load(&path).expect("example plan loads").plan
}

fn tidied(w: &Workflow, view: (f32, f32)) -> Workflow {
    let mut w = w.clone();
    for (id, p) in layout::tidy_positions_in(&w, view) {
        if let Some(s) = w.step_mut(id) {
            s.pos = p;
        }
    }
    w
}

fn assert_readable(w: &Workflow) {
    let boxes: Vec<(StepId, Bounds)> = w.steps.iter().map(|s| (s.id, Bounds::of_step(s))).collect();
    for (i, (a, ba)) in boxes.iter().enumerate() {
        for (b, bb) in &boxes[i + 1..] {
            assert!(!ba.overlaps(bb), "{}: steps {a} and {b} overlap", w.name);
        }
    }
    let back: HashSet<(StepId, StepId)> = layout::back_arrows(w).into_iter().collect();
    for l in &w.links {
        if back.contains(&(l.from, l.to)) {
            continue;
        }
        let (Some(a), Some(b)) = (w.step(l.from), w.step(l.to)) else {
            continue;
        };
        assert!(
            b.pos.x > a.pos.x || b.pos.y > a.pos.y,
            "{}: the arrow {} -> {} goes neither forward nor down ({:?} -> {:?})",
            w.name,
            l.from,
            l.to,
            a.pos,
            b.pos
        );
    }
}

#[test]
fn the_example_fits_a_16_by_10_window_without_overlap() {
    let plan = example("order-fulfillment.ron");
    let w = &plan.workflows[0];
    assert_eq!(w.steps.len(), 16);
    for view in [(1120.0, 700.0), (1600.0, 1000.0)] {
        let t = tidied(w, view);
        assert_readable(&t);
        let b = layout::bounds(&t).expect("steps");
        let aspect = b.width() / b.height();
        assert!(
            (1.6 / 2.0..=1.6 * 2.0).contains(&aspect),
            "aspect {aspect:.2} ({} x {}) is not near 16:10",
            b.width(),
            b.height()
        );
        let rows: HashSet<i64> = t.steps.iter().map(|s| s.pos.y as i64).collect();
        assert!(rows.len() > 2, "the 16 steps are not one long row");
        // Readable: the whole workflow fits the view at 60 % or more.
        let z = layout::fit_zoom(&b, view, layout::FIT_MARGIN);
        assert!(z >= 0.6, "fits only at {z:.2}");
    }
}

#[test]
fn the_out_of_stock_exception_sits_below_the_path_it_leaves() {
    let plan = example("order-fulfillment.ron");
    let t = tidied(&plan.workflows[0], layout::DEFAULT_VIEW);
    let by_kind = |k: StepKind| t.steps.iter().find(|s| s.kind == k).expect("kind present");
    let decision = by_kind(StepKind::Decision);
    let exception = by_kind(StepKind::Exception);
    let branches: Vec<Pos> = t
        .links
        .iter()
        .filter(|l| l.from == decision.id)
        .filter_map(|l| t.step(l.to).map(|s| s.pos))
        .collect();
    assert_eq!(branches.len(), 2);
    assert!(
        exception.pos.y > decision.pos.y,
        "the exception is below the decision"
    );
    // The in-stock branch continues on the decision's line (or wraps below it).
    let main = t
        .links
        .iter()
        .find(|l| l.from == decision.id && l.to != exception.id)
        .and_then(|l| t.step(l.to))
        .expect("main branch");
    assert!(main.pos.y == decision.pos.y || main.pos.y > exception.pos.y);
    let (ew, _) = box_size(StepKind::Exception);
    assert!(
        (exception.pos.x - decision.pos.x).abs() <= layout::COLUMN_WIDTH + ew,
        "the exception stays next to the decision it leaves"
    );
}

#[test]
fn every_example_workflow_tidies_without_overlap_in_one_undo_step() {
    for name in ["order-fulfillment.ron", "demo-shop.ron"] {
        let plan = example(name);
        let mut doc = Document::new(plan.clone());
        for w in &plan.workflows {
            assert_readable(&tidied(w, layout::DEFAULT_VIEW));
            let before = doc.undo_len();
            doc.apply("Tidy up", layout::tidy_edit(w))
                .expect("tidy applies");
            assert!(doc.undo_len() <= before + 1);
        }
        for w in &doc.plan().workflows {
            // Tidy twice is tidy once.
            assert!(layout::tidy_edit(w).changes_nothing(), "{name}: {}", w.name);
        }
    }
}
