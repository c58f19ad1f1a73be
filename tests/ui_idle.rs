//! An open window with nothing happening costs nothing: no repaint is asked
//! for, and the method's results are not computed again until the plan changes.

mod common;

use automap::analysis;
use automap::model::Plan;
use automap::ui::AutomapApp;
use common::app_harness;
use common::bundled_example;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::time::Duration;

fn harness(plan: Plan) -> Harness<'static, AutomapApp> {
    app_harness(plan, egui::vec2(1400.0, 900.0))
}

/// Run frames with no input; none of them may ask for another frame, and
/// none may analyse the plan again.
fn assert_idle(h: &mut Harness<'static, AutomapApp>, view: &str) {
    h.run();
    let runs = analysis::runs_on_this_thread();
    let review_builds = automap::ui::review::builds_on_this_thread();
    for frame in 0..5 {
        h.step();
        let delay = h
            .output()
            .viewport_output
            .values()
            .map(|v| v.repaint_delay)
            .min();
        assert_eq!(
            delay,
            Some(Duration::MAX),
            "{view}: idle frame {frame} asked for a repaint ({:?})",
            h.ctx.repaint_causes()
        );
    }
    assert_eq!(
        analysis::runs_on_this_thread(),
        runs,
        "{view}: the unchanged plan was analysed again"
    );
    assert_eq!(
        automap::ui::review::builds_on_this_thread(),
        review_builds,
        "{view}: the Review lists were built again for an unchanged plan"
    );
}

#[test]
fn an_idle_window_does_not_repaint_or_recompute() {
    let mut h = harness(bundled_example());
    assert_idle(&mut h, "Map");
    let review_builds = automap::ui::review::builds_on_this_thread();
    h.get_by_label("Review").click();
    assert_idle(&mut h, "Review");
    assert_eq!(
        automap::ui::review::builds_on_this_thread(),
        review_builds + 1,
        "opening Review builds its lists once"
    );
    h.get_by_label("Roadmap").click();
    assert_idle(&mut h, "Roadmap");

    // A change is analysed once, then the window is idle again.
    let before = analysis::runs_on_this_thread();
    let ctx = h.ctx.clone();
    h.state_mut()
        .execute(&ctx, automap::ui::commands::Command::AddWorkflow);
    h.run();
    assert_eq!(
        analysis::runs_on_this_thread(),
        before + 1,
        "the changed plan is analysed exactly once"
    );
    let rev = h.state().document().revision();
    assert_idle(&mut h, "after a change");
    assert_eq!(h.state().document().revision(), rev);
}
