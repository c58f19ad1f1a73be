//! The window never loses work: recovery copies are offered by content and
//! kept until the owner chose, hand edits are shown and warned about before
//! a save drops them, earlier versions can be restored, and a plan that fails
//! to open at start leaves the example open as an untitled copy.

use automap::model::Plan;
use automap::storage;
use automap::storage::generations::Generations;
use automap::storage::recovery::RecoveryStore;
use automap::ui::commands::Command;
use automap::ui::{AutomapApp, EXAMPLE_PLAN, Settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn example() -> Plan {
    match storage::from_str(EXAMPLE_PLAN, "order-fulfillment.ron") {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the bundled example must load: {e}"),
    }
}

fn harness_for(app: AutomapApp) -> Harness<'static, AutomapApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut AutomapApp| app.ui(ui), app)
}

fn run(h: &mut Harness<'static, AutomapApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().execute(&ctx, cmd);
    h.run();
}

/// The window on the plan file at `path`, keeping its data in `store`.
fn app_on(path: &Path, store: &RecoveryStore) -> AutomapApp {
    let mut app = AutomapApp::new_for_test(Plan::new("placeholder"));
    assert!(app.open_path(path), "{:?}", app.message());
    app.with_recovery_store(store.clone())
}

#[test]
fn a_touched_plan_still_offers_its_recovery_copy_and_a_save_keeps_it() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let plans = tempfile::tempdir().unwrap();
    let path = plans.path().join("shop.ron");
    storage::save(&example(), &path).unwrap();

    // First run: an edit reaches the recovery copy, then a crash.
    {
        let mut app = app_on(&path, &store);
        app.set_autosave_delay(Duration::ZERO);
        let mut h = harness_for(app);
        run(&mut h, Command::DuplicateWorkflow);
        h.run();
        h.state_mut().finish_autosave();
    }
    assert_eq!(store.list().len(), 1);

    // A sync tool touches the plan file: it is now newer than the copy.
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    drop(f);

    // Next start: the copy is still offered, saying the file is newer.
    let mut h = harness_for(app_on(&path, &store));
    h.get_by_label("Recover unsaved work");
    assert!(
        !h.query_all_by_label_contains("was changed after this copy was made")
            .collect::<Vec<_>>()
            .is_empty()
    );
    h.get_by_label("Decide later").click();
    h.run();

    // Editing and saving the plan now does not remove the offered copy.
    run(&mut h, Command::DuplicateWorkflow);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        !h.state().document().is_dirty(),
        "{:?}",
        h.state().message()
    );
    let left = store.list();
    assert_eq!(left.len(), 1, "the copy waits for the owner's choice");
    let workflows = store.restore(&left[0]).unwrap().plan.workflows.len();
    assert_eq!(workflows, example().workflows.len() + 1);
}

#[test]
fn hand_edits_are_listed_warned_about_and_kept_among_earlier_versions() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let plans = tempfile::tempdir().unwrap();
    let path = plans.path().join("shop.ron");
    let hand = storage::to_ron(&example()).replacen(
        "(\n",
        "// Reviewed with Sam\n(\n    owner_note: \"call the courier\",\n",
        1,
    );
    std::fs::write(&path, &hand).unwrap();

    let mut h = harness_for(app_on(&path, &store));
    h.run();
    // The findings panel lists the unknown field and the comment.
    assert!(h.state().settings().show_findings);
    h.get_by_label("Fields Automap does not know (a save drops them):");
    assert!(
        !h.query_all_by_label_contains("\"owner_note\" is not a field")
            .collect::<Vec<_>>()
            .is_empty()
    );
    h.get_by_label("The file has a comment (line 1); a save drops it.");

    // The first save asks first; Cancel leaves the file as it is.
    run(&mut h, Command::DuplicateWorkflow);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save over a hand-edited file?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), hand);
    assert!(h.state().document().is_dirty());

    // Save anyway: the file loses the hand edits, an earlier version keeps them.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save anyway").click();
    h.run();
    assert!(
        !h.state().document().is_dirty(),
        "{:?}",
        h.state().message()
    );
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("Reviewed with Sam")
    );
    let versions = Generations::new(data.path()).list(&path);
    assert_eq!(versions.len(), 1);
    assert_eq!(std::fs::read_to_string(&versions[0].file).unwrap(), hand);
    assert!(h.state().hand_edits().is_empty());

    // A second save does not ask again.
    run(&mut h, Command::DuplicateWorkflow);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("Save over a hand-edited file?").is_none());
    assert!(!h.state().document().is_dirty());
    assert_eq!(h.state().earlier_versions().len(), 2);

    // File › Restore an earlier version…: the hand-edited version comes back
    // into the editor, unsaved; the file is unchanged until a save.
    let saved = std::fs::read_to_string(&path).unwrap();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Restore an earlier version…").hover();
    h.run();
    let items: Vec<_> = h.query_all_by_label_contains(" ago (").collect();
    assert_eq!(items.len(), 2, "one menu entry per version");
    items.last().unwrap().click();
    h.run();
    assert_eq!(
        h.state().plan().workflows.len(),
        example().workflows.len(),
        "the oldest version, from before the two copied workflows"
    );
    assert!(h.state().document().is_dirty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
}

#[test]
fn a_plan_that_fails_to_open_at_start_leaves_an_untitled_example() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.ron");
    let app = AutomapApp::starting(Some(missing), Settings::default());
    assert_eq!(app.path(), None, "the example is not tied to a file");
    assert_eq!(app.plan(), &example());
    let mut h = harness_for(app);
    h.run();
    h.get_by_label("Could not open the file");
    assert!(
        !h.query_all_by_label_contains("as an untitled copy")
            .collect::<Vec<_>>()
            .is_empty()
    );
}
