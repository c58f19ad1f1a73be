//! Swimlanes on the map, driven like a user would: the toolbar switch, lane
//! headers found by their names, and a step dragged into another lane.

use automap::analysis::Analysis;
use automap::edit::Document;
use automap::model::{LaneMode, Link, Plan, Pos, Step, StepId, StepKind, Workflow, WorkflowId};
use automap::ui::canvas::CanvasState;
use egui::{Pos2, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

struct S {
    doc: Document,
    canvas: CanvasState,
    wf: WorkflowId,
    analysis: Analysis,
}

const SIZE: Vec2 = vec2(1200.0, 800.0);

fn step(id: u32, kind: StepKind, title: &str, x: f32, system: &str) -> Step {
    let mut s = Step::new(StepId(id), kind, title, Pos::new(x, 0.0));
    s.system = system.to_owned();
    s
}

fn plan() -> Plan {
    let mut plan = Plan::new("Shop");
    plan.workflows.push(Workflow {
        id: WorkflowId(1),
        name: "Orders".into(),
        steps: vec![
            step(1, StepKind::Trigger, "Order placed", 0.0, "Shopify"),
            step(2, StepKind::Task, "Check stock", 230.0, "Shopify"),
            step(3, StepKind::Task, "Pack order", 460.0, "ShipStation"),
            step(4, StepKind::End, "Done", 690.0, ""),
        ],
        links: vec![
            Link::new(StepId(1), StepId(2)),
            Link::new(StepId(2), StepId(3)),
            Link::new(StepId(3), StepId(4)),
        ],
        ..Workflow::default()
    });
    plan
}

fn harness(plan: Plan) -> Harness<'static, S> {
    let state = S {
        doc: Document::new(plan),
        canvas: CanvasState::default(),
        wf: WorkflowId(1),
        analysis: Analysis::default(),
    };
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, s: &mut S| {
                s.canvas.show(ui, &mut s.doc, s.wf, &s.analysis);
                for cmd in s.canvas.take_requested() {
                    s.canvas.execute(cmd, &mut s.doc, s.wf);
                }
            },
            state,
        );
    h.run();
    h
}

fn wf(h: &Harness<'_, S>) -> Workflow {
    h.state().doc.plan().workflows[0].clone()
}

fn drag(h: &mut Harness<'_, S>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + (to - from) * 0.3);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

#[test]
fn the_toolbar_switch_shows_lanes_by_system_with_named_headers_in_one_undo_step() {
    let mut h = harness(plan());
    assert!(h.query_by_label("Lane Shopify").is_none());
    let undo_before = h.state().doc.undo_len();
    h.get_by_label("System").click();
    h.run();
    h.run();
    assert_eq!(wf(&h).lanes.by, LaneMode::System);
    for lane in ["Lane Shopify", "Lane ShipStation", "Lane Unassigned"] {
        assert!(h.query_by_label(lane).is_some(), "{lane} has a header");
    }
    // The headers stack in lane order down the left edge.
    let top = |l: &str| h.get_by_label(l).rect().top();
    assert!(top("Lane Shopify") < top("Lane ShipStation"));
    assert!(top("Lane ShipStation") < top("Lane Unassigned"));
    assert_eq!(h.state().doc.undo_len(), undo_before + 1);
    h.state_mut().doc.undo();
    h.run();
    assert_eq!(wf(&h).lanes.by, LaneMode::None);
    assert!(h.query_by_label("Lane Shopify").is_none());
}

#[test]
fn lane_headers_stay_at_the_left_edge_while_the_map_pans() {
    let mut h = harness(plan());
    h.get_by_label("System").click();
    h.run();
    h.run();
    let before = h.get_by_label("Lane Shopify").rect();
    // Pan the map to the left (drag on empty ground right of the steps).
    let node_before = h.get_by_label("Done").rect();
    // Scroll the map sideways (a wheel or touchpad pans it).
    h.hover_at(pos2(SIZE.x * 0.6, SIZE.y * 0.5));
    h.run();
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(-40.0, 0.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        for _ in 0..12 {
            h.step();
        }
    }
    let node_after = h.get_by_label("Done").rect();
    assert!(
        node_after.left() < node_before.left() - 200.0,
        "the map panned"
    );
    let after = h.get_by_label("Lane Shopify").rect();
    assert_eq!(
        before.left(),
        after.left(),
        "the header is frozen at the edge"
    );
}

#[test]
fn dragging_a_step_into_another_lane_changes_its_system_and_one_undo_restores_both() {
    let mut h = harness(plan());
    h.get_by_label("System").click();
    h.run();
    h.run();
    let w = wf(&h);
    let start = w.step(StepId(2)).map(|s| (s.pos, s.system.clone()));
    let undo_before = h.state().doc.undo_len();
    let node = h.get_by_label("Check stock").rect();
    let lane = h.get_by_label("Lane ShipStation").rect();
    drag(
        &mut h,
        node.center(),
        pos2(node.center().x, lane.center().y),
    );
    let s = wf(&h).step(StepId(2)).cloned().unwrap_or_default();
    assert_eq!(s.system, "ShipStation");
    assert!(Some(s.pos) != start.as_ref().map(|x| x.0), "the step moved");
    assert_eq!(h.state().doc.undo_len(), undo_before + 1, "one undo step");
    h.state_mut().doc.undo();
    h.run();
    let s = wf(&h).step(StepId(2)).cloned().unwrap_or_default();
    assert_eq!(Some((s.pos, s.system)), start);
}

#[test]
fn renaming_a_lane_from_its_menu_renames_the_system_of_its_steps_in_one_undo_step() {
    let mut h = harness(plan());
    h.get_by_label("System").click();
    h.run();
    h.run();
    h.get_by_label("Lane Shopify").click_secondary();
    h.run();
    h.get_by_label("Rename lane…").click();
    h.run();
    h.run();
    let undo_before = h.state().doc.undo_len();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Shopify Plus");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let systems: Vec<String> = wf(&h).steps.iter().map(|s| s.system.clone()).collect();
    assert_eq!(systems, ["Shopify Plus", "Shopify Plus", "ShipStation", ""]);
    assert!(h.query_by_label("Lane Shopify Plus").is_some());
    assert_eq!(h.state().doc.undo_len(), undo_before + 1, "one undo step");
    h.state_mut().doc.undo();
    h.run();
    let systems: Vec<String> = wf(&h).steps.iter().map(|s| s.system.clone()).collect();
    assert_eq!(systems, ["Shopify", "Shopify", "ShipStation", ""]);
}

#[test]
fn moving_a_lane_down_from_its_menu_swaps_it_with_the_next() {
    let mut h = harness(plan());
    h.get_by_label("System").click();
    h.run();
    h.run();
    h.get_by_label("Lane Shopify").click_secondary();
    h.run();
    h.get_by_label("Move lane down").click();
    h.run();
    h.run();
    let w = wf(&h);
    assert_eq!(w.lanes.names(&w.steps), ["ShipStation", "Shopify", ""]);
    let top = |l: &str| h.get_by_label(l).rect().top();
    assert!(top("Lane ShipStation") < top("Lane Shopify"));
}

/// In a window of the default size, the example's order workflow in lanes
/// by owner is long for the map: it wraps into rows of lanes. Every step is
/// on the map at a zoom where titles are drawn, and beside the header of its
/// own lane (headers repeat in each row of lanes).
fn whole_and_in_its_lane(h: &Harness<'static, automap::ui::AutomapApp>) {
    let map = h.get_by_label("Workflow map").rect();
    let zoom = h.state().canvas().zoom();
    assert!(
        zoom >= automap::ui::canvas::draw::READABLE_ZOOM,
        "zoom {zoom} is too small to read"
    );
    let w = &h.state().plan().workflows[0];
    for s in &w.steps {
        let node = h
            .query_all_by_label(&s.title)
            .map(|n| n.rect())
            .find(|r| map.contains_rect(*r));
        let Some(node) = node else {
            panic!(
                "{} is not on the map {map:?} at {zoom}: {:?}",
                s.title,
                h.query_all_by_label(&s.title)
                    .map(|n| n.rect())
                    .collect::<Vec<_>>()
            );
        };
        let lane = format!("Lane {}", automap::model::lane_label(s.owner.trim()));
        let beside = h
            .query_all_by_label(&lane)
            .any(|n| n.rect().y_range().contains(node.center().y));
        assert!(beside, "{} is not beside a header {lane}", s.title);
    }
}

#[test]
fn the_example_in_owner_lanes_wraps_into_rows_of_lanes_whole_and_readable_in_a_default_window() {
    use egui::{Key, Modifiers};
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, app: &mut automap::ui::AutomapApp| app.ui(ui),
            automap::ui::AutomapApp::new_for_test(common::bundled_example()),
        );
    h.run();
    h.get_by_label("Owner").click();
    h.run();
    h.run();
    assert_eq!(h.state().plan().workflows[0].lanes.by, LaneMode::Owner);
    whole_and_in_its_lane(&h);
    // Sam's steps run through every row of lanes: his header shows in each.
    let rows = h.query_all_by_label("Lane Sam (fulfillment)").count();
    assert!(rows >= 2, "Sam's lane has {rows} header(s)");
    h.key_press(Key::F);
    h.run();
    whole_and_in_its_lane(&h);
    h.key_press_modifiers(Modifiers::SHIFT | Modifiers::ALT, Key::T);
    h.run();
    whole_and_in_its_lane(&h);
}
