//! Incidents written in the window: the Incidents section of the selected
//! step in the right panel adds, edits and deletes them, one undo step each.

mod common;

use automap::model::{FailureCase, StepId};
use automap::ui::AutomapApp;
use automap::ui::commands::Command;
use common::{app_harness, bundled_example};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const STEP: &str = "Send order confirmation email";

fn harness_on_step() -> (Harness<'static, AutomapApp>, StepId) {
    let mut h = app_harness(bundled_example(), egui::vec2(1400.0, 900.0));
    h.run();
    let w = &h.state().plan().workflows[0];
    let (wf, id) = (w.id, w.steps.iter().find(|s| s.title == STEP).unwrap().id);
    h.state_mut().show_step(wf, id);
    h.run();
    (h, id)
}

fn click(h: &mut Harness<'static, AutomapApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn undo(h: &mut Harness<'static, AutomapApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn an_incident_added_in_the_inspector_is_in_the_plan_and_ctrl_z_removes_it() {
    let (mut h, step) = harness_on_step();
    assert!(h.state().plan().roadmap.incidents.is_empty());
    click(&mut h, "Add incident");
    let incidents = &h.state().plan().roadmap.incidents;
    assert_eq!(incidents.len(), 1);
    assert_eq!(incidents[0].step, step);
    assert!(
        automap::roadmap::date::parse(&incidents[0].date).is_some(),
        "dated today: {:?}",
        incidents[0].date
    );
    assert!(h.query_by_label("Incidents (1)").is_some());
    undo(&mut h);
    assert!(h.state().plan().roadmap.incidents.is_empty());
    assert!(h.query_by_label("Incidents (0)").is_some());
}

#[test]
fn an_incidents_fields_are_edited_and_its_finding_follows_live() {
    let (mut h, _) = harness_on_step();
    let ctx = h.ctx.clone();
    h.state_mut().execute(&ctx, Command::ToggleFindings);
    h.run();
    assert!(h.query_by_label_contains("had an incident").is_none());
    click(&mut h, "Add incident");
    // "None of the three" answers covered it: a finding says so at once.
    assert!(h.query_by_label_contains("had an incident").is_some());

    h.get_by_label("What happened").focus();
    h.run();
    h.get_by_label("What happened")
        .type_text("Sent the confirmation twice");
    h.run();
    click(&mut h, "Failure case");
    // Each case shows the step's own answer for it.
    h.get_by_label_contains("ran twice: Shopify sends one notification")
        .click();
    h.run();
    click(&mut h, "The failure plan held");
    let i = h.state().plan().roadmap.incidents[0].clone();
    assert_eq!(i.note, "Sent the confirmation twice");
    assert_eq!(i.case, Some(FailureCase::RunsTwice));
    assert!(i.plan_held);
    // The step's failure plan answers "runs twice": no finding any more.
    assert!(h.query_by_label_contains("had an incident").is_none());
    // Add, the typed note, the case and "held": four undo steps.
    assert_eq!(h.state().document().undo_len(), 4);

    click(&mut h, "Delete incident");
    assert!(h.state().plan().roadmap.incidents.is_empty());
    undo(&mut h);
    assert_eq!(h.state().plan().roadmap.incidents, vec![i]);
}
