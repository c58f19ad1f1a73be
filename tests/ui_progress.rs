//! The roadmap's progress: a card's status set from its menu (one undo
//! step), and the Progress view with its chart, cards by status and the
//! next check-in.

mod common;

use automap::edit::Document;
use automap::model::{CardStatus, Plan, StepId};
use automap::ui::derived::Derived;
use automap::ui::roadmap_board::roadmap_board;
use common::example_plan;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

struct State {
    doc: Document,
    derived: Derived,
}

fn harness(plan: Plan) -> Harness<'static, State> {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_ui_state(
            |ui, s: &mut State| {
                let _ = roadmap_board(ui, &mut s.doc, &mut s.derived);
            },
            State {
                doc: Document::new(plan),
                derived: Derived::default(),
            },
        )
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

fn status(h: &Harness<'static, State>, id: StepId) -> Option<CardStatus> {
    h.state().doc.plan().roadmap.item(id).map(|i| i.status)
}

#[test]
fn setting_a_card_live_from_its_menu_is_one_undo_step() {
    let plan = example_plan("demo-shop.ron");
    let id = step_titled(&plan, CARD);
    let before = plan.roadmap.clone();
    let mut h = harness(plan);
    h.run();
    assert_eq!(status(&h, id), Some(CardStatus::Planned));
    h.get_by_label(&format!("Move to… {CARD}")).click();
    h.run();
    h.get_by_label("Status: planned").click();
    h.run();
    h.get_by_label("live").click();
    h.run();
    assert_eq!(status(&h, id), Some(CardStatus::Live));
    let item = h.state().doc.plan().roadmap.item(id).cloned();
    assert!(
        item.and_then(|i| i.live_since).is_some(),
        "going live records the date"
    );
    assert_eq!(h.state().doc.undo_len(), 1);
    h.state_mut().doc.undo();
    h.run();
    assert_eq!(h.state().doc.plan().roadmap, before);
}

#[test]
fn the_progress_view_shows_savings_statuses_and_the_next_check_in() {
    let mut plan = example_plan("demo-shop.ron");
    let id = step_titled(&plan, CARD);
    plan.roadmap.start_date = Some("2026-11-01".into());
    if let Some(item) = plan.roadmap.items.iter_mut().find(|i| i.step == id) {
        item.status = CardStatus::Live;
        item.actual_minutes_per_week = Some(90.0);
    }
    let mut h = harness(plan);
    h.run();
    h.get_by_label("Progress").click();
    h.run();
    h.get_by_label("Cards by status");
    h.get_by_label("live: 1");
    h.get_by_label("Next check-in");
    assert!(
        h.query_by_label_contains("Saving now: 1.5 h/week from live automations")
            .is_some(),
        "the headline counts the measured 90 minutes"
    );
    assert!(h.query_by_label_contains("Duplicates:").is_some());
    // Back to the board.
    h.get_by_label("Board").click();
    h.run();
    assert!(h.query_by_label("Cards by status").is_none());
}
