//! File flows of the window that are not plans: Export image and New
//! workflow from list.

mod common;

use automap::storage;
use automap::ui::AutomapApp;
use automap::ui::commands::Command;
use common::{app_harness, bundled_example};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn run(h: &mut Harness<'static, AutomapApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().execute(&ctx, cmd);
    h.run();
}

fn harness() -> Harness<'static, AutomapApp> {
    let mut h = app_harness(bundled_example(), egui::vec2(1400.0, 900.0));
    h.run();
    h
}

#[test]
fn export_image_saves_an_svg_where_the_file_field_says() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    };
    let out = dir.path().join("orders.svg");
    let mut h = harness();
    run(&mut h, Command::ExportImage);
    let field = h.get_by_label("Image file");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Image file")
        .type_text(&out.display().to_string());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let svg = match std::fs::read_to_string(&out) {
        Ok(t) => t,
        Err(e) => panic!("no image at {}: {e}", out.display()),
    };
    assert!(svg.contains("<svg") && svg.contains("Pack"));
    h.get_by_label(&format!("Saved {}", out.display()));
}

#[test]
fn export_image_suggests_a_file_named_after_the_workflow() {
    let mut h = harness();
    run(&mut h, Command::ExportImage);
    let value = h.get_by_label("Image file").value().unwrap_or_default();
    assert!(value.ends_with("order-fulfillment.svg"), "{value}");
}

#[test]
fn new_workflow_from_list_makes_a_chain_shows_it_and_f_works_at_once() {
    let mut h = harness();
    let before = h.state().plan().workflows.len();
    run(&mut h, Command::NewWorkflowFromList);
    let list = "One step per line (bullets, numbers and [ ] boxes are removed):";
    h.get_by_label(list).focus();
    h.run();
    h.get_by_label(list)
        .type_text("- Check inbox\n- Answer order questions\n- Forward refunds");
    h.run();
    h.get_by_label("Create with 3 steps").click();
    h.run();
    let plan = h.state().plan().clone();
    assert_eq!(plan.workflows.len(), before + 1);
    let new = &plan.workflows[before];
    assert_eq!(new.steps.len(), 3);
    assert_eq!(new.links.len(), 2);
    assert_eq!(h.state().selected_workflow(), Some(new.id));
    assert_eq!(
        h.state().document().undo_label(),
        Some("New workflow from list")
    );
    // The map has the keyboard: single keys work with no click first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    let steps = h.state().plan().workflows[before].steps.len();
    assert_eq!(steps, 0, "Delete reached the map");
}

#[test]
fn a_new_plans_empty_workflow_gives_way_to_one_made_from_a_list() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().plan().workflows.len(), 1);
    run(&mut h, Command::NewWorkflowFromList);
    let list = "One step per line (bullets, numbers and [ ] boxes are removed):";
    h.get_by_label(list).focus();
    h.run();
    h.get_by_label(list).type_text("Check inbox\nAnswer");
    h.run();
    h.get_by_label("Create with 2 steps").click();
    h.run();
    let plan = h.state().plan();
    assert_eq!(plan.workflows.len(), 1, "no empty workflow left beside it");
    assert_eq!(plan.workflows[0].steps.len(), 2);
}

#[test]
fn the_first_save_of_a_new_plan_asks_its_name_from_the_file_name() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    };
    let file = dir.path().join("juniper-pine.ron");
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let field = h.get_by_label("Path:");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path:")
        .type_text(&file.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.get_by_label("Name of the plan").value().as_deref(),
        Some("Juniper pine")
    );
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().plan().name, "Juniper pine");
    assert!(h.state().window_title().contains("Juniper pine"));
    let saved = match storage::load(&file) {
        Ok(l) => l.plan,
        Err(e) => panic!("saved plan loads: {e}"),
    };
    assert_eq!(saved.name, "Juniper pine");
}

#[test]
fn a_long_list_becomes_a_workflow_shown_whole_and_readable() {
    let mut h = harness();
    run(&mut h, Command::NewWorkflowFromList);
    let list = "One step per line (bullets, numbers and [ ] boxes are removed):";
    h.get_by_label(list).focus();
    h.run();
    let titles: Vec<String> = (1..=16).map(|i| format!("Step number {i}")).collect();
    h.get_by_label(list).type_text(&titles.join("\n"));
    h.run();
    h.get_by_label("Create with 16 steps").click();
    h.run();
    h.run();
    let zoom = h.state().canvas().zoom();
    assert!(
        zoom >= automap::ui::canvas::draw::READABLE_ZOOM,
        "zoom {zoom}"
    );
    let map = h.get_by_label("Workflow map").rect();
    for t in &titles {
        let inside = h.query_all_by_label(t).any(|n| map.contains_rect(n.rect()));
        assert!(inside, "{t} is not on the map");
    }
}
