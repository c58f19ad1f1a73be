//! File → Compare with…: the plan in the window against its last saved
//! version or another plan file, shown as the same summary as `automap diff`.

mod common;

use automap::model::{Plan, Tag};
use automap::ui::AutomapApp;
use automap::ui::commands::Command;
use common::{app_harness, bundled_example};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn run(h: &mut Harness<'static, AutomapApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().execute(&ctx, cmd);
    h.run();
}

#[test]
fn comparing_with_the_last_saved_version_shows_a_retag() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.ron");
    // The window shows a version where one kept-manual step is automated…
    let saved = bundled_example();
    let mut edited = saved.clone();
    let step = edited.workflows[0]
        .steps
        .iter_mut()
        .find(|s| s.tag == Tag::KeepManual)
        .expect("the example keeps a step manual");
    step.tag = Tag::Automate;
    let title = step.title.clone();
    automap::storage::save(&edited, &file).unwrap();
    let mut app = AutomapApp::new_for_test(Plan::new("Empty"));
    assert!(app.open_path(&file));
    // …and the file on disk now holds the version before that change.
    automap::storage::save(&saved, &file).unwrap();
    let mut h = common::app_harness_for(app, egui::vec2(1400.0, 900.0));
    h.run();
    run(&mut h, Command::CompareWith);
    h.get_by_label("Last saved version").click();
    h.run();
    let line = "re-tagged from keep manual to automate";
    assert!(
        h.query_by_label_contains(line).is_some(),
        "the re-tag of {title} is listed"
    );
    let named = format!("“{title}” (step");
    assert!(h.query_by_label_contains(&named).is_some());
}

#[test]
fn an_unreadable_file_is_explained_in_the_window() {
    let mut h = app_harness(bundled_example(), egui::vec2(1400.0, 900.0));
    h.run();
    run(&mut h, Command::CompareWith);
    h.get_by_label("Plan file").focus();
    h.run();
    h.get_by_label("Plan file").type_text("/no/such/plan.ron");
    h.run();
    h.get_by_label("Compare").click();
    h.run();
    assert!(h.query_by_label_contains("Cannot read").is_some());
}
