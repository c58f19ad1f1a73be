//! File → Compare with…: the plan in the window against its last saved
//! version or another plan file, shown as the same summary as `automap diff`.

mod common;

use automap::edit::{Edit, apply};
use automap::model::{Plan, Pos, Step, StepId, StepKind, Tag};
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

fn marked(h: &Harness<'static, AutomapApp>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

/// Select the step titled `title` on the map.
fn select(h: &mut Harness<'static, AutomapApp>, title: &str) {
    let w = &h.state().plan().workflows[0];
    let (wf, id) = (w.id, w.steps.iter().find(|s| s.title == title).unwrap().id);
    h.state_mut().show_step(wf, id);
    h.run();
}

/// The bundled example saved as `before.ron` in `dir`: the version compared with.
fn saved_example(dir: &std::path::Path) -> (std::path::PathBuf, Plan) {
    let file = dir.join("before.ron");
    let before = bundled_example();
    automap::storage::save(&before, &file).unwrap();
    (file, before)
}

/// Open the Compare window and type `file` into its file field.
fn type_file(h: &mut Harness<'static, AutomapApp>, file: &str) {
    run(h, Command::CompareWith);
    h.get_by_label("Plan file").focus();
    h.run();
    h.get_by_label("Plan file").type_text(file);
    h.run();
}

#[test]
fn the_map_marks_new_and_changed_steps_until_comparing_stops() {
    let dir = tempfile::tempdir().unwrap();
    let (file, before) = saved_example(dir.path());
    // Since then: "Pack the order" was automated, a step added, one removed.
    let mut now = before.clone();
    let wf = now.workflows[0].id;
    let pack = now.workflows[0]
        .steps
        .iter_mut()
        .find(|s| s.title == "Pack the order")
        .unwrap();
    pack.tag = Tag::Automate;
    let gift = Step::new(
        StepId(40),
        StepKind::Task,
        "Gift wrap the order",
        Pos::new(780.0, 730.0),
    );
    let cancelled = now.workflows[0]
        .steps
        .iter()
        .find(|s| s.title == "Order cancelled and refunded")
        .unwrap()
        .id;
    for edit in [
        Edit::InsertSteps {
            wf,
            steps: vec![(None, gift)],
            links: vec![],
        },
        Edit::RemoveSteps {
            wf,
            ids: vec![cancelled],
        },
    ] {
        apply(&mut now, edit).unwrap();
    }

    let mut h = app_harness(now, egui::vec2(1400.0, 900.0));
    h.run();
    assert!(!marked(&h, "changed since comparison: Pack the order"));
    type_file(&mut h, &file.display().to_string());
    h.get_by_label("Compare").click();
    h.run();

    assert!(marked(&h, "changed since comparison: Pack the order"));
    assert!(marked(&h, "new since comparison: Gift wrap the order"));
    assert!(!marked(&h, "changed since comparison: Check inventory"));
    assert!(!marked(&h, "new since comparison: Check inventory"));
    let removed = "1 step removed: “Order cancelled and refunded”";
    assert!(h.query_all_by_label_contains(removed).count() > 0);

    // The marks follow the plan as it is edited.
    select(&mut h, "Check inventory");
    run(&mut h, Command::TagAutomate);
    assert!(marked(&h, "changed since comparison: Check inventory"));
    run(&mut h, Command::Undo);
    assert!(!marked(&h, "changed since comparison: Check inventory"));
    assert!(marked(&h, "changed since comparison: Pack the order"));

    // Closing the window keeps the comparison; the line above the map stops it.
    h.get_by_label("Close window").click();
    h.run();
    assert!(h.query_by_label("Copy as Markdown").is_none());
    assert!(marked(&h, "changed since comparison: Pack the order"));
    h.get_by_label("Stop comparing").click();
    h.run();
    assert!(!marked(&h, "changed since comparison: Pack the order"));
    assert!(!marked(&h, "new since comparison: Gift wrap the order"));
    assert!(h.query_all_by_label_contains(removed).next().is_none());
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
    type_file(&mut h, "/no/such/plan.ron");
    h.get_by_label("Compare").click();
    h.run();
    assert!(h.query_by_label_contains("Cannot read").is_some());
}

#[test]
fn enter_in_the_file_field_compares() {
    let dir = tempfile::tempdir().unwrap();
    let (file, before) = saved_example(dir.path());
    let mut now = before.clone();
    if let Some(s) = now.workflows[0]
        .steps
        .iter_mut()
        .find(|s| s.title == "Pack the order")
    {
        s.tag = Tag::Automate;
    }
    let mut h = app_harness(now, egui::vec2(1400.0, 900.0));
    h.run();
    type_file(&mut h, &file.display().to_string());
    assert!(!marked(&h, "changed since comparison: Pack the order"));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(marked(&h, "changed since comparison: Pack the order"));
}
