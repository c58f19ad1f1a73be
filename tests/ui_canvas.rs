//! The workflow map editor, driven like a user would: through pointer events,
//! keys and the clipboard, finding steps by their titles.

use automap::analysis::Analysis;
use automap::edit::Document;
use automap::model::{Link, Plan, Pos, Step, StepId, StepKind, Workflow, WorkflowId};
use automap::ui::canvas::CanvasState;
use egui::{Event, Key, Modifiers, Pos2, Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct S {
    doc: Document,
    canvas: CanvasState,
    wf: WorkflowId,
    analysis: Analysis,
}

const SIZE: Vec2 = vec2(1200.0, 800.0);

fn step(id: u32, kind: StepKind, title: &str, x: f32, y: f32, system: &str) -> Step {
    let mut s = Step::new(StepId(id), kind, title, Pos::new(x, y));
    s.system = system.to_owned();
    s
}

fn sample_plan() -> Plan {
    let mut plan = Plan::new("Shop");
    plan.workflows.push(Workflow {
        id: WorkflowId(1),
        name: "Orders".into(),
        steps: vec![
            step(1, StepKind::Trigger, "Order placed", 0.0, 0.0, "Shopify"),
            step(2, StepKind::Task, "Check stock", 230.0, 0.0, "Shopify"),
            step(3, StepKind::Decision, "In stock?", 460.0, 0.0, ""),
            step(4, StepKind::Task, "Pack order", 690.0, 0.0, "ShipStation"),
            step(5, StepKind::Exception, "Out of stock", 690.0, 150.0, ""),
            step(6, StepKind::End, "Done", 920.0, 0.0, ""),
        ],
        links: vec![
            Link::new(StepId(1), StepId(2)),
            Link::new(StepId(2), StepId(3)),
            Link::labelled(StepId(3), StepId(4), "yes"),
            Link::labelled(StepId(3), StepId(5), "no"),
            Link::new(StepId(4), StepId(6)),
        ],
        ..Workflow::default()
    });
    plan
}

const TITLES: [&str; 6] = [
    "Order placed",
    "Check stock",
    "In stock?",
    "Pack order",
    "Out of stock",
    "Done",
];

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
                // The map's keys and context menu ask for commands; the window
                // runs map commands on the map, as here.
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

fn by_title(w: &Workflow, title: &str) -> StepId {
    w.steps
        .iter()
        .find(|s| s.title == title)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no step titled {title}"))
}

fn node_rect(h: &Harness<'_, S>, title: &str) -> Rect {
    h.get_by_label(title).rect()
}

/// A point on the canvas with no step, toolbar or palette under it.
fn empty_point(h: &Harness<'_, S>) -> Pos2 {
    let mut p = pos2(SIZE.x * 0.5, SIZE.y - 60.0);
    for t in TITLES {
        if let Some(n) = h.query_by_label(t)
            && n.rect().expand(20.0).contains(p)
        {
            p.y -= 120.0;
        }
    }
    p
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

fn double_click(h: &mut Harness<'_, S>, p: Pos2) {
    h.hover_at(p);
    h.run();
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(Event::PointerButton {
                pos: p,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
}

#[test]
fn every_step_is_findable_by_its_title() {
    let h = harness(sample_plan());
    for t in TITLES {
        let r = node_rect(&h, t);
        assert!(r.is_positive(), "{t} has no area on screen");
    }
    h.get_by_label("arrow In stock? → Pack order");
}

#[test]
fn double_click_on_empty_canvas_creates_a_step_being_named() {
    let mut h = harness(sample_plan());
    let p = empty_point(&h);
    double_click(&mut h, p);
    assert_eq!(wf(&h).steps.len(), 7);
    h.event(Event::Text("Refund request".into()));
    h.key_press(Key::Enter);
    h.run();
    let w = wf(&h);
    let id = by_title(&w, "Refund request");
    assert_eq!(w.step(id).map(|s| s.kind), Some(StepKind::Task));
    h.get_by_label("Refund request");
}

#[test]
fn dragging_from_a_handle_to_a_step_links_them() {
    let mut h = harness(sample_plan());
    h.get_by_label("Check stock").click();
    h.run();
    let from = h.get_by_label("link handle of Check stock").rect().center();
    let to = node_rect(&h, "Done").center();
    let before = wf(&h).links.len();
    drag(&mut h, from, to);
    let w = wf(&h);
    assert_eq!(w.links.len(), before + 1);
    assert!(w.link_index(StepId(2), StepId(6)).is_some());
    // One undo step removes it again.
    h.state_mut().doc.undo();
    assert!(wf(&h).link_index(StepId(2), StepId(6)).is_none());
}

#[test]
fn dragging_from_a_handle_to_empty_space_appends_a_linked_step() {
    let mut h = harness(sample_plan());
    h.get_by_label("Done").click();
    h.run();
    let from = h.get_by_label("link handle of Done").rect().center();
    let to = empty_point(&h);
    drag(&mut h, from, to);
    let w = wf(&h);
    assert_eq!(w.steps.len(), 7);
    assert!(
        w.links
            .iter()
            .any(|l| l.from == StepId(6) && l.to == StepId(7))
    );
}

#[test]
fn box_select_delete_and_undo_restore_steps_and_links() {
    let mut h = harness(sample_plan());
    let original = h.state().doc.plan().clone();
    let a = node_rect(&h, "Check stock");
    let b = node_rect(&h, "In stock?");
    let start = pos2(a.left() - 12.0, a.top().min(b.top()) - 12.0);
    let end = pos2(b.right() + 12.0, a.bottom().max(b.bottom()) + 12.0);
    drag(&mut h, start, end);
    let sel = h.state().canvas.selection().steps.clone();
    assert_eq!(sel, [StepId(2), StepId(3)].into());
    h.hover_at(empty_point(&h));
    h.key_press(Key::Delete);
    h.run();
    let w = wf(&h);
    assert_eq!(w.steps.len(), 4);
    assert_eq!(w.links.len(), 1, "only Pack order → Done is left");
    h.state_mut().doc.undo();
    assert_eq!(h.state().doc.plan(), &original);
}

#[test]
fn pasting_a_twelve_line_list_makes_twelve_linked_steps() {
    let mut h = harness(sample_plan());
    let text = "1. Receive order\n2. Check payment\n3. Check stock\n\n- [ ] Pick items\n- Pack box\n* Weigh parcel\n• Print label\n[x] Book courier\n9) Hand over\n- Send tracking\n- Update inventory\n- Archive order\n";
    h.hover_at(empty_point(&h));
    h.run();
    h.event(Event::Paste(text.into()));
    h.run();
    let w = wf(&h);
    assert_eq!(w.steps.len(), 6 + 12);
    let new: Vec<&Step> = w.steps.iter().filter(|s| s.id.0 > 6).collect();
    assert_eq!(new[0].title, "Receive order");
    assert_eq!(new[3].title, "Pick items");
    assert_eq!(new[11].title, "Archive order");
    for pair in new.windows(2) {
        assert!(w.link_index(pair[0].id, pair[1].id).is_some());
        assert!(pair[1].pos.x > pair[0].pos.x, "laid out left to right");
    }
    assert_eq!(w.links.len(), 5 + 11);
    // One paste, one undo step.
    h.state_mut().doc.undo();
    assert_eq!(wf(&h).steps.len(), 6);
}

#[test]
fn copy_and_paste_keeps_the_links_between_copied_steps() {
    let mut h = harness(sample_plan());
    h.get_by_label("Check stock").click();
    h.run();
    h.get_by_label("In stock?")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().canvas.selection().steps.len(), 2);
    h.event(Event::Copy);
    h.run();
    let copied = h.state().canvas.last_copied().to_owned();
    assert!(!copied.is_empty());
    h.event(Event::Paste(copied));
    h.run();
    let w = wf(&h);
    assert_eq!(w.steps.len(), 8);
    let copies: Vec<&Step> = w.steps.iter().filter(|s| s.id.0 > 6).collect();
    assert_eq!(copies.len(), 2);
    assert!(w.link_index(copies[0].id, copies[1].id).is_some());
    assert_eq!(
        w.links.len(),
        6,
        "the copied link, not the ones leading out"
    );
    // Copies do not sit on top of their originals.
    let orig = w.step(StepId(2)).map(|s| s.pos).unwrap_or_default();
    assert_ne!(copies[0].pos, orig);
}

#[test]
fn rename_in_place_with_f2() {
    let mut h = harness(sample_plan());
    h.get_by_label("Pack order").click();
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.event(Event::Text("Pack and label".into()));
    h.key_press(Key::Enter);
    h.run();
    let w = wf(&h);
    assert_eq!(
        w.step(StepId(4)).map(|s| s.title.as_str()),
        Some("Pack and label")
    );
    h.get_by_label("Pack and label");
    h.state_mut().doc.undo();
    assert_eq!(
        wf(&h).step(StepId(4)).map(|s| s.title.clone()),
        Some("Pack order".into())
    );
}

#[test]
fn tidy_up_leaves_no_overlap_and_is_one_undo_step() {
    let mut plan = sample_plan();
    for s in &mut plan.workflows[0].steps {
        s.pos = Pos::new(10.0 * s.id.0 as f32, 5.0);
    }
    let mut h = harness(plan);
    let before = h.state().doc.plan().clone();
    let undo_before = h.state().doc.undo_len();
    h.hover_at(pos2(SIZE.x - 40.0, SIZE.y - 40.0));
    h.key_press_modifiers(Modifiers::SHIFT | Modifiers::ALT, Key::T);
    h.run();
    assert_eq!(h.state().doc.undo_len(), undo_before + 1);
    let rects: Vec<Rect> = TITLES.iter().map(|t| node_rect(&h, t)).collect();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            assert!(
                !a.intersects(*b),
                "steps overlap after tidy up: {a:?} {b:?}"
            );
        }
    }
    let w = wf(&h);
    let x = |t| w.step(by_title(&w, t)).map(|s| s.pos.x).unwrap_or_default();
    assert!(x("Order placed") < x("Check stock") && x("Check stock") < x("In stock?"));
    h.state_mut().doc.undo();
    assert_eq!(h.state().doc.plan(), &before);
}

#[test]
fn zoom_to_fit_shows_every_step() {
    let mut plan = sample_plan();
    plan.workflows[0].steps[5].pos = Pos::new(3800.0, 1900.0);
    let mut h = harness(plan);
    // Zoom in and move away first.
    h.hover_at(pos2(600.0, 400.0));
    h.event(Event::Zoom(3.0));
    h.run();
    assert!(h.state().canvas.zoom() > 0.5);
    h.key_press(Key::F);
    h.run();
    let screen = Rect::from_min_size(Pos2::ZERO, SIZE);
    for t in TITLES {
        let r = node_rect(&h, t);
        assert!(screen.contains_rect(r), "{t} is outside the view: {r:?}");
    }
}

#[test]
fn search_finds_a_step_by_its_system() {
    let mut h = harness(sample_plan());
    h.hover_at(empty_point(&h));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(Event::Text("shipstation".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().canvas.selection().steps, [StepId(4)].into());
    h.get_by_label_contains("1 found");
}

#[test]
fn arrow_keys_move_the_selection_one_undo_step_each() {
    let mut h = harness(sample_plan());
    h.get_by_label("Done").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let p = wf(&h).step(StepId(6)).map(|s| s.pos).unwrap_or_default();
    assert_eq!(p, Pos::new(930.0, 0.0));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(wf(&h).steps.len(), 7, "Enter appends the next step");
}

#[test]
fn dragging_a_step_moves_it_in_one_undo_step() {
    let mut h = harness(sample_plan());
    let undo_before = h.state().doc.undo_len();
    let r = node_rect(&h, "Done");
    drag(&mut h, r.center(), r.center() + vec2(0.0, 120.0));
    let moved = wf(&h).step(StepId(6)).map(|s| s.pos).unwrap_or_default();
    assert!(moved.y > 50.0);
    assert_eq!(h.state().doc.undo_len(), undo_before + 1);
    h.state_mut().doc.undo();
    assert_eq!(
        wf(&h).step(StepId(6)).map(|s| s.pos),
        Some(Pos::new(920.0, 0.0))
    );
}

#[test]
fn a_selected_arrow_can_be_relabelled_and_deleted() {
    let mut h = harness(sample_plan());
    h.get_by_label("arrow In stock? → Pack order").click();
    h.run();
    assert_eq!(
        h.state().canvas.selection().link,
        Some((StepId(3), StepId(4)))
    );
    h.key_press(Key::F2);
    h.run();
    h.event(Event::Text("available".into()));
    h.key_press(Key::Enter);
    h.run();
    let w = wf(&h);
    let i = w.link_index(StepId(3), StepId(4));
    assert_eq!(i.map(|i| w.links[i].label.as_str()), Some("available"));
    // Let the double-click time pass, so the next click is a single one.
    for _ in 0..30 {
        h.step();
    }
    h.get_by_label("arrow In stock? → Pack order").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(wf(&h).link_index(StepId(3), StepId(4)).is_none());
    assert_eq!(wf(&h).steps.len(), 6, "deleting an arrow keeps its steps");
}

#[test]
fn export_png_draws_the_whole_workflow() {
    let mut plan = sample_plan();
    plan.workflows[0].steps[5].pos = Pos::new(3000.0, 600.0); // far off screen
    let h = harness(plan);
    let w = wf(&h);
    let img = automap::ui::canvas::raster::render(&h.ctx, &w, &Analysis::default());
    assert!(
        img.width > 3000 && img.height > 600,
        "{}x{}",
        img.width,
        img.height
    );
    // The far-away end step is drawn: its fill colour appears in its area.
    let fill = automap::ui::canvas::draw::fill_of(&w.steps[5]);
    let target = [fill.r(), fill.g(), fill.b()].map(|c| c as f32 / 255.0);
    let found = img
        .rgba
        .iter()
        .any(|p| (0..3).all(|k| (p[k] - target[k]).abs() < 0.01));
    assert!(found, "the end step's fill is in the image");
    // Titles are drawn as dark text pixels.
    assert!(
        img.rgba
            .iter()
            .any(|p| p[0] < 0.3 && p[1] < 0.3 && p[2] < 0.3)
    );
    let png = automap::ui::canvas::raster::encode_png(&img);
    if let Ok(dir) = std::env::var("CANVAS_PNG_OUT") {
        let _ = std::fs::write(format!("{dir}/export.png"), &png);
    }
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn palette_buttons_never_place_a_step_on_top_of_another() {
    use automap::edit::layout::Bounds;
    let mut h = harness(sample_plan());
    h.run();
    // With nothing selected: around the middle of the view, then next to the
    // step just added (it is selected), never over the sample's steps.
    for label in [
        "+ Decision",
        "+ Task",
        "+ Exception",
        "+ Task",
        "+ End",
        "+ Trigger",
    ] {
        h.get_by_label(label).click();
        h.run();
    }
    let w = wf(&h);
    assert_eq!(w.steps.len(), TITLES.len() + 6);
    for (i, a) in w.steps.iter().enumerate() {
        for b in &w.steps[i + 1..] {
            assert!(
                !Bounds::of_step(a).overlaps(&Bounds::of_step(b)),
                "{:?} at {:?} overlaps {:?} at {:?}",
                a.kind,
                a.pos,
                b.kind,
                b.pos
            );
        }
    }
    // Each new step went right next to the one added before it.
    let added: Vec<&Step> = w.steps.iter().filter(|s| s.id.0 > 6).collect();
    for pair in added.windows(2) {
        let d = (pair[1].pos.x - pair[0].pos.x).abs() + (pair[1].pos.y - pair[0].pos.y).abs();
        assert!(
            d <= 400.0,
            "{:?} is far from {:?}",
            pair[1].pos,
            pair[0].pos
        );
    }
}
