//! The Tools tab, driven like a user would: add a tool and price it, then pick
//! it for a roadmap card; mark a price unknown and see the roadmap say so;
//! delete a tool that steps use, confirm, and undo.

mod common;

use automap::analysis::analyze;
use automap::model::Plan;
use automap::roadmap::summarize;
use automap::ui::{AutomapApp, Tab};
use common::{app_harness, fixture_plan};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(plan: Plan) -> Harness<'static, AutomapApp> {
    app_harness(plan, egui::vec2(1600.0, 1000.0))
}

fn open_tools(h: &mut Harness<'static, AutomapApp>) {
    h.run();
    h.get_by_label("Tools").click();
    h.run();
    assert_eq!(h.state().tab(), Tab::Tools);
    assert!(
        h.query_all_by_label_contains("verify them on the vendor's site")
            .count()
            > 0,
        "the prices note is shown"
    );
}

/// Replace the text of the field named `label` with `text`.
fn retype(h: &mut Harness<'static, AutomapApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn a_new_tool_with_a_price_is_offered_for_a_roadmap_card() {
    let mut h = harness(fixture_plan("findings-demo.ron"));
    open_tools(&mut h);
    let before = h.state().plan().tools.len();
    h.get_by_label("Add tool").click();
    h.run();
    assert_eq!(h.state().plan().tools.len(), before + 1);
    let added = h.state().plan().tools.last().cloned().expect("a tool");
    assert_eq!(
        added.prices.first().and_then(|p| p.monthly),
        None,
        "a new tool's price starts unknown, not 0"
    );

    retype(&mut h, "Name of New tool", "Shipbot");
    let tool = h
        .state()
        .plan()
        .tool(&added.id)
        .cloned()
        .expect("still there");
    assert_eq!(tool.name, "Shipbot");

    h.get_by_label("Price known: Shipbot, Standard").click();
    h.run();
    h.get_by_label("Monthly price of Shipbot, Standard").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Monthly price of Shipbot, Standard")
        .type_text("12.5");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let price = h
        .state()
        .plan()
        .tool(&added.id)
        .and_then(|t| t.prices.first())
        .and_then(|p| p.monthly);
    assert_eq!(price, Some(12.5));
    // Add, rename, "price known", price: one undo step each.
    assert_eq!(h.state().document().undo_len(), 4);

    // On the roadmap, a card's tool menu offers it with its price.
    h.get_by_label("Roadmap").click();
    h.run();
    let item = h
        .state()
        .plan()
        .roadmap
        .items
        .iter()
        .find(|i| i.column == automap::model::Column::Month1)
        .cloned()
        .expect("Month 1 has cards");
    let title = h
        .state()
        .plan()
        .find_step(item.step)
        .map(|(_, s)| s.title.clone())
        .unwrap_or_default();
    h.get_by_label(&format!("Move to… {title}")).click();
    h.run();
    h.get_by_label("Tool").click();
    h.run();
    h.get_by_label("Shipbot · $12.50").click();
    h.run();
    let chosen = h
        .state()
        .plan()
        .roadmap
        .item(item.step)
        .and_then(|i| i.tool.clone());
    assert_eq!(chosen.as_deref(), Some(added.id.as_str()));
}

#[test]
fn a_price_marked_unknown_is_reported_as_unknown_not_zero() {
    let plan = fixture_plan("findings-demo.ron");
    let summary = summarize(&plan, &analyze(&plan));
    let before = summary.monthly_cost();
    // A tool the roadmap counts with a known price.
    let used = summary
        .tools
        .iter()
        .filter(|u| u.in_catalog && u.monthly.is_some())
        .find_map(|u| plan.tool(&u.id).cloned())
        .expect("the demo roadmap uses a priced tool");
    let mut h = harness(plan);
    open_tools(&mut h);
    for p in &used.prices {
        if p.monthly.is_some() {
            h.get_by_label(&format!("Price known: {}, {}", used.name, p.name))
                .click();
            h.run();
        }
    }
    let plan = h.state().plan().clone();
    assert!(
        plan.tool(&used.id)
            .is_some_and(|t| t.prices.iter().all(|p| p.monthly.is_none()))
    );
    let after = summarize(&plan, &analyze(&plan)).monthly_cost();
    assert!(
        after.unknown > before.unknown,
        "{} is counted as unknown",
        used.name
    );
    assert!(after.format(&plan.profile.currency).contains("+ unknown"));
    assert!(h.query_all_by_label("verify price").count() > 0);
}

#[test]
fn refused_values_leave_the_plan_unchanged_and_say_why() {
    let mut h = harness(fixture_plan("findings-demo.ron"));
    open_tools(&mut h);
    let before = h.state().plan().tools.clone();
    let (a, b) = (before[0].clone(), before[1].clone());

    // An id another tool has.
    retype(&mut h, &format!("Id of {}", a.name), &b.id);
    assert_eq!(h.state().plan().tools, before);
    assert!(h.query_all_by_label_contains("already has the id").count() > 0);

    // A negative price.
    let option = a.prices.first().expect("a price option");
    let label = format!("Monthly price of {}, {}", a.name, option.name);
    h.get_by_label(&label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&label).type_text("-5");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().plan().tools, before);
    assert!(h.query_all_by_label_contains("cannot be negative").count() > 0);

    // An empty name.
    h.get_by_label(&format!("Name of {}", a.name)).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().plan().tools, before);
    assert!(h.query_all_by_label_contains("needs a name").count() > 0);
}

#[test]
fn deleting_a_used_tool_asks_first_and_undo_brings_it_back() {
    let plan = fixture_plan("findings-demo.ron");
    // The tool most steps use.
    let (tool, uses) = plan
        .tools
        .iter()
        .map(|t| {
            let n = plan
                .workflows
                .iter()
                .flat_map(|w| &w.steps)
                .filter(|s| s.tool == t.id)
                .count();
            (t.clone(), n)
        })
        .max_by_key(|(_, n)| *n)
        .expect("a catalog");
    assert!(uses > 0, "the demo plan's steps use tools");
    let original = plan.clone();
    let mut h = harness(plan);
    open_tools(&mut h);

    h.get_by_label(&format!("Delete {}", tool.name)).click();
    h.run();
    assert!(
        h.state().plan().tool(&tool.id).is_some(),
        "nothing is deleted before the answer"
    );
    assert!(
        h.query_all_by_label_contains("Deleting it leaves them with no tool")
            .count()
            > 0
    );
    h.get_by_label("Delete tool").click();
    h.run();
    let plan = h.state().plan();
    assert!(plan.tool(&tool.id).is_none());
    assert!(
        plan.workflows
            .iter()
            .flat_map(|w| &w.steps)
            .all(|s| s.tool != tool.id),
        "its steps are left with no tool"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &original, "one undo brings it all back");
}

#[test]
fn a_new_id_is_carried_over_to_the_steps_using_the_tool() {
    let plan = fixture_plan("findings-demo.ron");
    let tool = plan
        .tools
        .iter()
        .find(|t| {
            plan.workflows
                .iter()
                .flat_map(|w| &w.steps)
                .any(|s| s.tool == t.id)
        })
        .cloned()
        .expect("a tool in use");
    let users = |p: &Plan, id: &str| {
        p.workflows
            .iter()
            .flat_map(|w| &w.steps)
            .filter(|s| s.tool == id)
            .count()
    };
    let n = users(&plan, &tool.id);
    let mut h = harness(plan);
    open_tools(&mut h);
    retype(&mut h, &format!("Id of {}", tool.name), "renamed-tool");
    let plan = h.state().plan();
    assert!(plan.tool("renamed-tool").is_some());
    assert_eq!(users(plan, "renamed-tool"), n);
    assert_eq!(users(plan, &tool.id), 0);
    assert_eq!(h.state().document().undo_len(), 1);
}
