//! The command palette: every command by name, from the keyboard.

mod common;

use automap::ui::AutomapApp;
use common::{app_harness, bundled_example};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, AutomapApp> {
    let mut h = app_harness(bundled_example(), egui::vec2(1400.0, 900.0));
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
    h.get_by_label("Run a command").type_text("dup wf");
    h.run();
    // The match is listed, and Enter runs it.
    h.get_by_label("Duplicate workflow");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Run a command").is_none(),
        "the palette closes"
    );
    assert_eq!(h.state().plan().workflows.len(), before.workflows.len() + 1);
    assert_eq!(
        h.state().document().undo_label(),
        Some("Duplicate workflow")
    );
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
