//! The roadmap board, driven like a user would: drag a card to another month,
//! move one with its menu, and undo.

mod common;

use automap::edit::Document;
use automap::model::{Column, Plan, StepId};
use automap::ui::derived::Derived;
use automap::ui::roadmap_board::roadmap_board;
use common::fixture_plan;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

struct State {
    doc: Document,
    derived: Derived,
}

impl State {
    fn new(plan: Plan) -> Self {
        Self {
            doc: Document::new(plan),
            derived: Derived::default(),
        }
    }
}

fn harness(plan: Plan) -> Harness<'static, State> {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_ui_state(
            |ui, s: &mut State| {
                let _ = roadmap_board(ui, &mut s.doc, &mut s.derived);
            },
            State::new(plan),
        )
}

fn column_of(h: &Harness<'static, State>, step: StepId) -> Option<Column> {
    h.state().doc.plan().roadmap.item(step).map(|i| i.column)
}

fn step_titled(plan: &Plan, title: &str) -> StepId {
    plan.workflows
        .iter()
        .flat_map(|w| &w.steps)
        .find(|s| s.title == title)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no step {title:?}"))
}

const CARD: &str = "Send tracking email";

#[test]
fn dragging_a_card_to_another_month_moves_and_pins_it_and_undo_restores_it() {
    let plan = fixture_plan("findings-demo.ron");
    let id = step_titled(&plan, CARD);
    let before = plan.roadmap.clone();
    let mut h = harness(plan);
    h.run();
    assert_eq!(column_of(&h, id), Some(Column::Month1));

    let from = h.get_by_label(CARD).rect().center();
    // Drop into Month 3's list, below its header.
    let month3 = h.get_by_label("Month 3").rect();
    let target = egui::pos2(month3.center().x, from.y + 40.0);
    h.drag_at(from);
    h.run();
    h.hover_at(from + egui::vec2(20.0, 10.0));
    h.run();
    h.hover_at(target);
    h.run();
    h.hover_at(target + egui::vec2(0.0, 5.0));
    h.run();
    h.drop_at(target + egui::vec2(0.0, 5.0));
    h.run();

    assert_eq!(column_of(&h, id), Some(Column::Month3));
    let item = h.state().doc.plan().roadmap.item(id).cloned();
    assert!(item.is_some_and(|i| i.pinned), "a moved card is pinned");
    assert_eq!(h.state().doc.undo_len(), 1, "one drag, one undo step");

    h.state_mut().doc.undo();
    h.run();
    assert_eq!(h.state().doc.plan().roadmap, before);
    assert_eq!(column_of(&h, id), Some(Column::Month1));
}

#[test]
fn the_move_to_menu_moves_a_card_and_undo_restores_it() {
    let plan = fixture_plan("findings-demo.ron");
    let id = step_titled(&plan, CARD);
    let mut h = harness(plan);
    h.run();
    h.get_by_label(&format!("Move to… {CARD}")).click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Later")
        .click();
    h.run();
    assert_eq!(column_of(&h, id), Some(Column::Later));
    assert_eq!(h.state().doc.undo_len(), 1);
    h.state_mut().doc.undo();
    h.run();
    assert_eq!(column_of(&h, id), Some(Column::Month1));
}

#[test]
fn suggest_fills_an_empty_board_and_keeps_pinned_cards() {
    let mut plan = fixture_plan("findings-demo.ron");
    let pinned = plan
        .roadmap
        .items
        .iter()
        .find(|i| i.pinned)
        .map(|i| (i.step, i.column));
    plan.roadmap.items.retain(|i| i.pinned);
    let mut h = harness(plan);
    h.run();
    h.get_by_label("Suggest").click();
    h.run();
    let roadmap = &h.state().doc.plan().roadmap;
    assert!(roadmap.items.iter().any(|i| i.column == Column::Month1));
    if let Some((step, column)) = pinned {
        assert_eq!(roadmap.item(step).map(|i| i.column), Some(column));
    }
    assert_eq!(h.state().doc.undo_len(), 1);
}

#[test]
fn typing_a_month_goal_is_one_undo_step() {
    let mut h = harness(fixture_plan("findings-demo.ron"));
    h.run();
    let goal = || egui::accesskit::Role::MultilineTextInput;
    h.get_all_by_role_and_label(goal(), "Goal")
        .next()
        .expect("Month 1 has a goal field")
        .focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    if let Some(f) = h.get_all_by_role_and_label(goal(), "Goal").next() {
        f.type_text(" now");
    }
    h.run();
    let phase = h.state().doc.plan().roadmap.phase(0);
    assert!(phase.goal.ends_with(" now"), "goal: {}", phase.goal);
    assert_eq!(h.state().doc.undo_len(), 1, "typing is one undo step");
    h.state_mut().doc.undo();
    h.run();
    assert!(!h.state().doc.plan().roadmap.phase(0).goal.ends_with(" now"));
}

#[test]
fn move_down_reorders_a_card_within_its_month() {
    let plan = fixture_plan("findings-demo.ron");
    let first = plan
        .roadmap
        .items
        .iter()
        .find(|i| i.column == Column::Month1)
        .map(|i| i.step)
        .expect("Month 1 has cards");
    let title = plan
        .find_step(first)
        .map(|(_, s)| s.title.clone())
        .unwrap_or_default();
    let mut h = harness(plan);
    h.run();
    h.get_by_label(&format!("Move to… {title}")).click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Move down")
        .click();
    h.run();
    let month1: Vec<StepId> = h
        .state()
        .doc
        .plan()
        .roadmap
        .items
        .iter()
        .filter(|i| i.column == Column::Month1)
        .map(|i| i.step)
        .collect();
    assert_eq!(month1.get(1), Some(&first), "the card is now second");
}

#[test]
fn a_what_if_scenario_is_saved_in_the_plan_and_undo_removes_it() {
    let mut h = harness(fixture_plan("findings-demo.ron"));
    h.run();
    h.get_by_label("What if…").click();
    h.run();
    assert!(
        h.query_by_label_contains("12 months:").is_some(),
        "the what-if shows the year's savings and cost"
    );
    h.get_by_label("Save scenario").click();
    h.run();
    let scenarios = &h.state().doc.plan().roadmap.scenarios;
    assert_eq!(scenarios.len(), 1);
    assert_eq!(scenarios[0].name, "Scenario 1");
    assert_eq!(h.state().doc.undo_len(), 1, "one click, one undo step");
    h.state_mut().doc.undo();
    h.run();
    assert!(h.state().doc.plan().roadmap.scenarios.is_empty());
}
