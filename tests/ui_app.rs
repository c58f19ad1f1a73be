//! The Automap window, driven like a user would: find widgets by their label,
//! click, type, and check the plan.

mod common;

use automap::model::Plan;
use automap::storage;
use automap::storage::recovery::RecoveryStore;
use automap::ui::{AutomapApp, EXAMPLE_PLAN};
use common::{app_harness_for, bundled_example};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(plan: Plan) -> Harness<'static, AutomapApp> {
    harness_for(AutomapApp::new_for_test(plan))
}

/// A window around an app set up by the test.
fn harness_for(app: AutomapApp) -> Harness<'static, AutomapApp> {
    app_harness_for(app, egui::vec2(1400.0, 900.0))
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    }
}

/// The example plan in a window that keeps recovery copies in `store`.
fn app_with_store(store: &RecoveryStore) -> AutomapApp {
    AutomapApp::new_for_test(bundled_example()).with_recovery_store(store.clone())
}

/// A run of the window that edits the example, lets autosave write its
/// recovery copy to `store`, and ends without saving (as a crash would).
fn edit_then_crash(store: &RecoveryStore) {
    let mut app = app_with_store(store);
    app.set_autosave_delay(std::time::Duration::ZERO);
    let mut h = harness_for(app);
    edit_pack_title(&mut h);
    h.run();
    h.state_mut().finish_autosave();
}

/// Replace the text of the in-app path field (shown where no system file
/// dialog is available) with `path`.
fn type_path(h: &mut Harness<'static, AutomapApp>, path: &std::path::Path) {
    let field = h.get_by_label("Path:");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path:")
        .type_text(&path.display().to_string());
    h.run();
}

fn step_title(app: &AutomapApp, title_prefix: &str) -> Option<String> {
    app.plan()
        .workflows
        .iter()
        .flat_map(|w| &w.steps)
        .map(|s| s.title.clone())
        .find(|t| t.starts_with(title_prefix))
}

/// Bring a step into view on the map (as following a finding does), then
/// click it there.
fn click_step(h: &mut Harness<'static, AutomapApp>, title: &str) {
    let found = h.state().plan().workflows.iter().find_map(|w| {
        w.steps
            .iter()
            .find(|s| s.title == title)
            .map(|s| (w.id, s.id))
    });
    let Some((wf, id)) = found else {
        panic!("no step {title:?}")
    };
    h.state_mut().show_step(wf, id);
    h.run();
    h.get_by_label(title).click();
    h.run();
}

/// Select "Pack the order" on the map and add " carefully" to its title in the
/// right panel.
fn edit_pack_title(h: &mut Harness<'static, AutomapApp>) {
    click_step(h, "Pack the order");
    let title = h.get_by_label("Title");
    title.focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Title").type_text(" carefully");
    h.run();
}

#[test]
fn window_shows_the_example_plans_workflows() {
    let h = harness(bundled_example());
    assert!(h.query_all_by_label("Order fulfillment").count() > 0);
    // The map shows the workflow's steps (its start at least).
    assert!(
        h.query_all_by_label("Customer places order on Shopify")
            .count()
            > 0
    );

    let demo = match storage::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/demo-shop.ron"
    ))) {
        Ok(l) => l.plan,
        Err(e) => panic!("demo plan must load: {e}"),
    };
    let names: Vec<String> = demo.workflows.iter().map(|w| w.name.clone()).collect();
    assert!(names.len() >= 4);
    let h = harness(demo);
    for name in &names {
        assert!(
            h.query_all_by_label(name).count() > 0,
            "workflow {name:?} is not listed"
        );
    }
}

#[test]
fn editing_a_title_in_the_right_panel_changes_the_plan_and_undo_restores_it() {
    let mut h = harness(bundled_example());
    edit_pack_title(&mut h);
    assert_eq!(
        step_title(h.state(), "Pack the order").as_deref(),
        Some("Pack the order carefully")
    );
    // Typing in one field session is one undo step.
    assert_eq!(h.state().document().undo_len(), 1);

    // Undo from the Edit menu, whose entry says what it undoes.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo Edit title").click();
    h.run();
    assert_eq!(
        step_title(h.state(), "Pack the order").as_deref(),
        Some("Pack the order")
    );

    // Redo, then Ctrl+Z.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        step_title(h.state(), "Pack the order").as_deref(),
        Some("Pack the order carefully")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        step_title(h.state(), "Pack the order").as_deref(),
        Some("Pack the order")
    );
}

#[test]
fn unsaved_marker_appears_after_an_edit() {
    let mut h = harness(bundled_example());
    assert!(!h.state().window_title().contains('•'));
    assert!(h.query_by_label("• Unsaved changes").is_none());
    edit_pack_title(&mut h);
    assert_eq!(h.state().window_title(), "Automap — Order fulfillment •");
    h.get_by_label("• Unsaved changes");
}

#[test]
fn new_plan_with_unsaved_changes_asks_first() {
    let mut h = harness(bundled_example());
    edit_pack_title(&mut h);

    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New plan").click();
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().plan().name, "Order fulfillment");
    assert!(step_title(h.state(), "Pack the order carefully").is_some());

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().plan().name, "Untitled plan");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_broken_file_shows_a_clear_message_and_keeps_the_current_plan() {
    let dir = temp_dir();
    let broken = dir.path().join("broken.ron");
    let half = &EXAMPLE_PLAN[..EXAMPLE_PLAN.len() / 2];
    if let Err(e) = std::fs::write(&broken, half) {
        panic!("write: {e}");
    }

    let mut h = harness(bundled_example());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.run();
    // No system dialog in tests: the path field stands in for it.
    type_path(&mut h, &broken);
    h.get_by_label("Open").click();
    h.run();

    h.get_by_label("Could not open the file");
    let (text, is_error) = match h.state().message() {
        Some((t, e)) => (t.to_owned(), e),
        None => panic!("no message shown"),
    };
    assert!(is_error);
    assert!(text.contains("broken.ron"), "{text}");
    assert!(text.contains("line"), "{text}");
    assert_eq!(h.state().plan().name, "Order fulfillment");
    assert!(h.state().plan().step_count() >= 12);

    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Could not open the file").is_none());
}

#[test]
fn edits_reach_a_recovery_copy_that_the_next_start_offers_to_restore() {
    let data = temp_dir();
    let store = RecoveryStore::new(data.path());

    // First run: edit, let autosave write, then "crash" (drop without saving).
    edit_then_crash(&store);
    assert_eq!(store.list().len(), 1, "one recovery copy after editing");

    // Next start: the copy is offered; restoring brings the edit back, unsaved.
    let mut h = harness_for(app_with_store(&store));
    h.get_by_label("Recover unsaved work");
    h.get_by_label("Restore").click();
    h.run();
    assert!(step_title(h.state(), "Pack the order carefully").is_some());
    assert!(h.state().document().is_dirty());
    assert!(h.state().window_title().ends_with('•'));

    // Saving it removes the recovery copy.
    let target = data.path().join("restored.ron");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    type_path(&mut h, &target);
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().document().is_dirty());
    assert!(store.list().is_empty(), "the copy is gone after saving");
    let saved = match storage::load(&target) {
        Ok(l) => l.plan,
        Err(e) => panic!("saved plan loads: {e}"),
    };
    assert!(
        saved
            .workflows
            .iter()
            .flat_map(|w| &w.steps)
            .any(|s| s.title == "Pack the order carefully")
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    if let Err(e) = std::fs::write(&path, EXAMPLE_PLAN) {
        panic!("write: {e}");
    }
    let mut app = AutomapApp::new_for_test(Plan::default());
    assert!(app.open_path(&path));
    let mut h = harness_for(app);
    edit_pack_title(&mut h);

    // Another program rewrites the file.
    let other = EXAMPLE_PLAN.replace("Pack the order", "Pack the parcel");
    if let Err(e) = std::fs::write(&path, other) {
        panic!("write: {e}");
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("File changed on disk");
    h.get_by_label("Reload from disk").click();
    h.run();
    assert!(step_title(h.state(), "Pack the parcel").is_some());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn several_selected_steps_get_one_tag_in_one_undo_step() {
    let mut h = harness(bundled_example());
    click_step(&mut h, "Pack the order");
    h.get_by_label("Create shipping label via ShipStation")
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().selection().steps.len(), 2);
    h.get_by_label_contains("2 steps selected");

    let before = h.state().document().undo_len();
    let tags_before: Vec<automap::model::Tag> = h
        .state()
        .plan()
        .workflows
        .iter()
        .flat_map(|w| &w.steps)
        .filter(|s| {
            s.title == "Pack the order" || s.title == "Create shipping label via ShipStation"
        })
        .map(|s| s.tag)
        .collect();
    assert_ne!(tags_before, vec![automap::model::Tag::Automate; 2]);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Tag")
        .click();
    h.run();
    h.get_by_label("automate").click();
    h.run();
    let tags = |app: &AutomapApp| -> Vec<automap::model::Tag> {
        app.plan()
            .workflows
            .iter()
            .flat_map(|w| &w.steps)
            .filter(|s| {
                s.title == "Pack the order" || s.title == "Create shipping label via ShipStation"
            })
            .map(|s| s.tag)
            .collect()
    };
    assert_eq!(tags(h.state()), vec![automap::model::Tag::Automate; 2]);
    assert_eq!(h.state().document().undo_len(), before + 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tags(h.state()), tags_before, "one undo puts both tags back");
}

#[test]
fn workflows_are_added_renamed_and_deleted_with_undo() {
    let mut h = harness(bundled_example());
    h.get_by_label("Add").click();
    h.run();
    let name = h.get_by_label("Name");
    name.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name").type_text("Returns");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let names = |app: &AutomapApp| -> Vec<String> {
        app.plan()
            .workflows
            .iter()
            .map(|w| w.name.clone())
            .collect()
    };
    assert_eq!(names(h.state()), ["Order fulfillment", "Returns"]);
    assert!(
        h.query_all_by_label("Returns").count() > 0,
        "listed in the left panel"
    );

    // Delete the new (selected) workflow, then bring it back.
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(names(h.state()), ["Order fulfillment"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(names(h.state()), ["Order fulfillment", "Returns"]);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = harness(bundled_example());
    edit_pack_title(&mut h);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the window stays open");
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label_contains("before quitting");

    // Discarding lets it close.
    h.get_by_label("Discard changes").click();
    h.step();
    let closing = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing);
}

#[test]
fn the_roadmap_tab_shows_the_board_and_the_map_comes_back() {
    let mut h = harness(bundled_example());
    h.get_by_label("Roadmap").click();
    h.run();
    assert_eq!(h.state().tab(), automap::ui::Tab::Roadmap);
    assert!(h.query_all_by_label_contains("Month 1").count() > 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().tab(), automap::ui::Tab::Map);
    assert!(
        h.query_all_by_label("Customer places order on Shopify")
            .count()
            > 0
    );
}

#[test]
fn renaming_the_plan_shows_in_the_title_and_undoes_in_one_step() {
    let mut h = harness(bundled_example());
    let field = h.get_by_label("Plan name");
    field.focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Plan name").type_text(" 2026");
    h.run();
    assert_eq!(h.state().plan().name, "Order fulfillment 2026");
    assert_eq!(
        h.state().window_title(),
        "Automap — Order fulfillment 2026 •"
    );
    assert_eq!(h.state().document().undo_len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan().name, "Order fulfillment");
}

#[test]
fn the_review_tab_answers_the_four_questions() {
    let mut h = harness(bundled_example());
    h.get_by_label("Review").click();
    h.run();
    assert_eq!(h.state().tab(), automap::ui::Tab::Review);
    h.get_by_label("What workflows exist?");
    h.get_by_label("What stays manual, and why?");
}

#[test]
fn clicking_a_finding_shows_its_step_on_the_map() {
    let plan = bundled_example();
    let analysis = automap::analysis::analyze(&plan);
    let n = analysis.findings().len();
    let Some((wf, step, message)) = analysis
        .findings()
        .iter()
        .find_map(|f| Some((f.workflow?, *f.step_ids.first()?, f.message.clone())))
    else {
        panic!("the example has a finding about a step");
    };
    let mut h = harness(plan);
    h.get_by_label("Review").click();
    h.run();
    // Open the findings panel from the status bar.
    let count = if n == 1 {
        "1 finding".to_owned()
    } else {
        format!("{n} findings")
    };
    h.get_by_role_and_label(egui::accesskit::Role::Button, &count)
        .click();
    h.run();
    h.get_by_label(&message).click();
    h.run();
    assert_eq!(h.state().tab(), automap::ui::Tab::Map);
    assert_eq!(h.state().selected_workflow(), Some(wf));
    assert!(h.state().selection().steps.contains(&step));
}

#[test]
fn export_markdown_writes_the_plan_document() {
    let dir = temp_dir();
    let out = dir.path().join("plan.md");
    let mut h = harness(bundled_example());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    type_path(&mut h, &out);
    h.get_by_label("Save").click();
    h.run();
    let text = match std::fs::read_to_string(&out) {
        Ok(t) => t,
        Err(e) => panic!("no export at {}: {e}", out.display()),
    };
    assert!(text.contains("Order fulfillment"));
    assert!(text.contains("Pack the order"));
    let (msg, is_error) = h.state().message().unwrap_or(("", true));
    assert!(!is_error && msg.contains("Exported"), "{msg}");
}

#[test]
fn a_recovery_copy_left_for_later_survives_opening_another_plan() {
    let data = temp_dir();
    let store = RecoveryStore::new(data.path());
    edit_then_crash(&store);
    assert_eq!(store.list().len(), 1);

    let mut h = harness_for(app_with_store(&store));
    h.get_by_label("Decide later").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().plan().name, "Untitled plan");
    assert_eq!(store.list().len(), 1, "the copy is still there");

    // Discarding it on the next start removes it.
    drop(h);
    let mut h = harness_for(app_with_store(&store));
    h.get_by_label("Discard").click();
    h.run();
    assert!(store.list().is_empty());
    assert!(h.query_by_label("Recover unsaved work").is_none());
}

#[test]
fn the_window_still_works_at_its_smallest_size() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(720.0, 480.0))
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut AutomapApp| app.ui(ui),
            AutomapApp::new_for_test(bundled_example()),
        );
    assert!(h.query_all_by_label("Order fulfillment").count() > 0);
    h.get_by_label("Roadmap").click();
    h.run();
    h.get_by_label("Review").click();
    h.run();
    assert_eq!(h.state().tab(), automap::ui::Tab::Review);
}

#[test]
fn after_renaming_on_the_map_tab_appends_the_next_step() {
    let mut h = harness(bundled_example());
    click_step(&mut h, "Pack the order");
    h.key_press(Key::F2);
    h.run();
    h.event(egui::Event::Text("Pack the box".into()));
    h.key_press(Key::Enter);
    h.run();
    // The map keeps the keyboard after the rename: Tab appends a linked step.
    h.key_press(Key::Tab);
    h.run();
    h.event(egui::Event::Text("Weigh the box".into()));
    h.key_press(Key::Enter);
    h.run();
    let plan = h.state().plan();
    let w = &plan.workflows[0];
    let find = |t: &str| w.steps.iter().find(|s| s.title == t).map(|s| s.id);
    let (Some(a), Some(b)) = (find("Pack the box"), find("Weigh the box")) else {
        panic!(
            "both steps should exist: {:?}",
            w.steps.iter().map(|s| &s.title).collect::<Vec<_>>()
        )
    };
    assert!(
        w.link_index(a, b).is_some(),
        "the new step follows the renamed one"
    );
}
