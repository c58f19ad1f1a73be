//! The command palette: every command by name, from the keyboard.

use automap::storage;
use automap::ui::{AutomapApp, EXAMPLE_PLAN};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, AutomapApp> {
    let plan = match storage::from_str(EXAMPLE_PLAN, "order-fulfillment.ron") {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the bundled example must load: {e}"),
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut AutomapApp| app.ui(ui),
            AutomapApp::new_for_test(plan),
        );
    h.run();
    h
}

#[test]
fn ctrl_k_finds_a_command_by_a_few_letters_and_enter_runs_it() {
    let mut h = harness();
    let before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Run a command");
    h.get_by_label("Run a command").type_text("tidy");
    h.run();
    // The match is listed with its shortcut, and Enter runs it.
    h.get_by_label("Tidy up");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Run a command").is_none(),
        "the palette closes"
    );
    assert_ne!(h.state().plan(), &before, "Tidy up moved the steps");
    assert_eq!(h.state().document().undo_label(), Some("Tidy up"));
}

#[test]
fn ctrl_shift_p_opens_it_too_and_escape_closes_it_without_running_anything() {
    let mut h = harness();
    let before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Run a command").type_text("delete workflow");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Run a command").is_none());
    assert_eq!(h.state().plan(), &before);
}
