//! File → Import… and File → New from template… in the window.

use automap::model::Plan;
use automap::storage;
use automap::ui::commands::Command;
use automap::ui::{AutomapApp, EXAMPLE_PLAN};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn example() -> Plan {
    match storage::from_str(EXAMPLE_PLAN, "order-fulfillment.ron") {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the bundled example must load: {e}"),
    }
}

fn harness() -> Harness<'static, AutomapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut AutomapApp| app.ui(ui),
            AutomapApp::new_for_test(example()),
        );
    h.run();
    h
}

fn run(h: &mut Harness<'static, AutomapApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().execute(&ctx, cmd);
    h.run();
}

#[test]
fn import_from_the_file_menu_adds_a_workflow_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("returns.csv");
    std::fs::write(
        &csv,
        "Step;Who;How often;Time\nReturn requested;Customer;4/week;\nCheck the item;Sam;4/week;5 min\nRefund;Dana;3/week;3 min\n",
    )
    .unwrap();
    let mut h = harness();
    let before = h.state().plan().clone();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import…").click();
    h.run();
    h.get_by_label("Path:").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path:")
        .type_text(&csv.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    let plan = h.state().plan().clone();
    assert_eq!(plan.workflows.len(), before.workflows.len() + 1);
    let new = plan.workflows.last().unwrap();
    assert_eq!(new.name, "Returns");
    assert_eq!(new.steps.len(), 3);
    assert_eq!(new.steps[1].owner, "Sam");
    assert_eq!(h.state().selected_workflow(), Some(new.id));
    assert_eq!(h.state().document().undo_label(), Some("Import workflow"));
    h.get_by_label_contains("Imported returns.csv");
    // The imported steps are on the map.
    assert!(h.query_all_by_label("Check the item").count() > 0);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().plan(),
        &before,
        "one undo takes the whole import back"
    );
}

#[test]
fn a_bad_file_says_where_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "Step,Minutes\nPack,soon\n").unwrap();
    let mut h = harness();
    let before = h.state().plan().clone();
    let undo_before = h.state().document().undo_len();
    assert!(!h.state_mut().import_path(&csv));
    h.run();
    assert_eq!(h.state().plan(), &before);
    assert_eq!(h.state().document().undo_len(), undo_before);
    assert!(
        h.query_all_by_label_contains("line 2, column 6").count() > 0,
        "the message names the place"
    );
}

#[test]
fn a_mermaid_export_comes_back_as_workflows() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("plan.md");
    std::fs::write(&md, automap::export::markdown(&example())).unwrap();
    let mut h = harness();
    let before = h.state().plan().workflows.len();
    assert!(h.state_mut().import_path(&md));
    h.run();
    let plan = h.state().plan();
    assert_eq!(plan.workflows.len(), before + 1);
    let (a, b) = (&plan.workflows[0], &plan.workflows[before]);
    assert_eq!(a.name, b.name);
    let titles = |w: &automap::model::Workflow| -> Vec<String> {
        w.steps.iter().map(|s| s.title.clone()).collect()
    };
    assert_eq!(titles(a), titles(b));
    assert!(storage::validate(plan).is_empty());
}

#[test]
fn new_from_template_replaces_the_plan_with_the_chosen_template() {
    let mut h = harness();
    run(&mut h, Command::NewFromTemplate);
    h.get_by_label("Whole shop").click();
    h.run();
    h.get_by_label("Create plan").click();
    h.run();
    let plan = h.state().plan();
    assert_eq!(plan.name, "Whole shop");
    assert_eq!(plan.workflows.len(), 6);
    assert!(
        h.state().window_title().contains("Whole shop"),
        "{}",
        h.state().window_title()
    );
    h.get_by_label_contains("template");
}
