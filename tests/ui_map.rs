//! The map as an owner uses it: tagging from the keyboard and the badge,
//! accepting the method's suggestions, zooming in small steps, and a map that
//! stays put while the selection changes.

mod common;

use automap::model::{Plan, Tag};
use automap::ui::AutomapApp;
use common::bundled_example;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(plan: Plan) -> Harness<'static, AutomapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, app: &mut AutomapApp| app.ui(ui),
            AutomapApp::new_for_test(plan),
        );
    h.run();
    h
}

fn tag_of(h: &Harness<'static, AutomapApp>, title: &str) -> Tag {
    h.state()
        .plan()
        .workflows
        .iter()
        .flat_map(|w| &w.steps)
        .find(|s| s.title == title)
        .map(|s| s.tag)
        .unwrap_or_else(|| panic!("no step {title}"))
}

/// The title of a step on screen that is work (not a trigger or end).
fn visible_work_step(h: &Harness<'static, AutomapApp>) -> String {
    h.state().plan().workflows[0]
        .steps
        .iter()
        .filter(|s| automap::edit::tag::is_taggable(s.kind))
        .map(|s| s.title.clone())
        .find(|t| h.query_by_label(t).is_some())
        .unwrap_or_else(|| panic!("no work step on screen"))
}

fn click_step(h: &mut Harness<'static, AutomapApp>, title: &str) {
    h.get_by_label(title).click();
    h.run();
}

#[test]
fn a_m_and_u_tag_the_selection_and_undo_takes_it_back() {
    let mut h = harness(bundled_example());
    let work = visible_work_step(&h);
    click_step(&mut h, &work);
    for (key, tag) in [
        (Key::A, Tag::Automate),
        (Key::M, Tag::KeepManual),
        (Key::U, Tag::Undecided),
        (Key::A, Tag::Automate),
    ] {
        h.key_press(key);
        h.run();
        assert_eq!(tag_of(&h, &work), tag, "after {key:?}");
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tag_of(&h, &work), Tag::Undecided);
}

#[test]
fn clicking_the_tag_badge_moves_the_tag_on() {
    let mut h = harness(bundled_example());
    let work = visible_work_step(&h);
    let before = tag_of(&h, &work);
    let badge = format!("tag of {work}: {}", before.label());
    h.get_by_label(&badge).click();
    h.run();
    assert_eq!(tag_of(&h, &work), automap::edit::tag::next_tag(before));
}

#[test]
fn accept_suggestions_tags_every_undecided_step_in_one_undo_step() {
    // The order-fulfillment template leaves most steps to the owner.
    let template = match automap::import::templates::plan("order-fulfillment") {
        Ok(p) => p,
        Err(e) => panic!("the template must load: {e}"),
    };
    let mut h = harness(template);
    let undecided = |h: &Harness<'static, AutomapApp>| {
        h.state().plan().workflows[0]
            .steps
            .iter()
            .filter(|s| automap::edit::tag::is_taggable(s.kind) && s.tag == Tag::Undecided)
            .count()
    };
    let before = undecided(&h);
    assert!(before > 2, "the example has undecided steps");
    let plan_before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::SHIFT, Key::A);
    h.run();
    assert!(undecided(&h) < before, "suggestions were taken");
    assert_eq!(
        h.state().document().undo_label(),
        Some("Accept suggestions")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().plan(),
        &plan_before,
        "one undo step takes all back"
    );
}

#[test]
fn ctrl_and_the_wheel_zoom_about_ten_percent_a_notch() {
    let mut h = harness(bundled_example());
    let map = h.get_by_label("Workflow map").rect();
    h.hover_at(map.center());
    h.run();
    let before = h.state().canvas().zoom();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::COMMAND,
        source: egui::MouseWheelSource::Wheel,
    });
    for _ in 0..30 {
        h.step();
    }
    let ratio = h.state().canvas().zoom() / before;
    assert!(ratio > 1.04 && ratio < 1.16, "one notch zoomed by {ratio}");
}

#[test]
fn selecting_several_steps_does_not_move_the_map() {
    let mut h = harness(bundled_example());
    let work = visible_work_step(&h);
    click_step(&mut h, &work);
    let one = h.get_by_label("Workflow map").rect();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    let all = h.get_by_label("Workflow map").rect();
    assert_eq!(one, all);
}

#[test]
fn an_empty_workflow_says_how_to_start_and_a_double_click_adds_a_step() {
    let mut h = harness(bundled_example());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let hint = "This workflow has no steps yet.";
    let node = h
        .query_by_label_contains(hint)
        .unwrap_or_else(|| panic!("the empty map shows a hint"));
    let at = node.rect().center();
    h.hover_at(at);
    h.run();
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
    assert_eq!(h.state().plan().workflows[0].steps.len(), 1);
    assert!(h.query_by_label_contains(hint).is_none());
}

#[test]
fn find_searches_every_workflow_and_enter_switches_to_the_match() {
    let demo = common::example_plan("demo-shop.ron");
    assert!(demo.workflows.len() > 1);
    let last = demo.workflows[demo.workflows.len() - 1].clone();
    // A step whose title is found nowhere else.
    let all: Vec<String> = demo
        .workflows
        .iter()
        .flat_map(|w| w.steps.iter())
        .flat_map(|s| {
            [
                s.title.to_lowercase(),
                s.system.to_lowercase(),
                s.owner.to_lowercase(),
            ]
        })
        .collect();
    let target = last
        .steps
        .iter()
        .find(|s| {
            let t = s.title.to_lowercase();
            all.iter().filter(|x| x.contains(&t)).count() == 1
        })
        .cloned()
        .unwrap_or_else(|| panic!("a step with a title of its own"));
    let mut h = harness(demo);
    assert_ne!(h.state().selected_workflow(), Some(last.id));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text(target.title.clone()));
    h.run();
    // The list under the field names the workflow of the match.
    h.get_by_label_contains("1 found");
    assert!(
        h.query_all_by_label(&last.name).count() >= 2,
        "listed beside the workflow list"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().selected_workflow(), Some(last.id));
    assert!(h.state().selection().steps.contains(&target.id));
}

/// Every step of the first workflow has its node inside the map, and the
/// zoom is one where titles are drawn.
fn whole_workflow_readable(h: &Harness<'static, AutomapApp>) {
    let map = h.get_by_label("Workflow map").rect();
    let zoom = h.state().canvas().zoom();
    assert!(
        zoom >= automap::ui::canvas::draw::READABLE_ZOOM,
        "zoom {zoom} is too small to read"
    );
    for s in &h.state().plan().workflows[0].steps {
        let node = h
            .query_all_by_label(&s.title)
            .find(|n| map.contains_rect(n.rect()))
            .map(|n| n.rect());
        assert!(node.is_some(), "{} is not on the map", s.title);
    }
}

#[test]
fn the_example_opens_whole_and_readable_and_stays_so_after_fit_and_tidy_up() {
    let mut h = harness(bundled_example());
    whole_workflow_readable(&h);
    h.key_press(Key::F);
    h.run();
    whole_workflow_readable(&h);
    h.key_press_modifiers(Modifiers::SHIFT | Modifiers::ALT, Key::T);
    h.run();
    whole_workflow_readable(&h);
}
