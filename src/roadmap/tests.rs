use super::*;
use crate::model::{
    Frequency, PhaseNote, Pos, PriceOption, Step, StepKind, Tool, Workflow, WorkflowId,
};

fn step(id: u32, title: &str, per_day: f64, minutes: f64, tool: &str) -> Step {
    let mut s = Step::new(StepId(id), StepKind::Task, title, Pos::default());
    s.frequency = Frequency::per_day(per_day);
    s.minutes = minutes;
    s.tool = tool.to_owned();
    s
}

/// A plan with `n` quick wins of 4 setup hours each (medium complexity, L1).
fn plan(setup_hours_per_week: f64, steps: Vec<Step>) -> Plan {
    let mut p = Plan::new("Test");
    p.profile.setup_hours_per_week = setup_hours_per_week;
    p.workflows.push(Workflow {
        id: WorkflowId(1),
        name: "Orders".into(),
        steps,
        ..Workflow::default()
    });
    p
}

fn fixed(class: PriorityClass, layer: Option<Layer>) -> StepFacts {
    StepFacts { class, layer }
}

fn column_of(r: &Roadmap, id: u32) -> Option<Column> {
    r.item(StepId(id)).map(|i| i.column)
}

#[test]
fn quick_wins_go_to_month_one_and_other_classes_elsewhere() {
    let mut trigger = step(1, "Order placed", 20.0, 0.0, "");
    trigger.kind = StepKind::Trigger;
    let p = plan(
        10.0,
        vec![
            trigger,
            step(2, "Send order confirmation", 20.0, 2.0, "klaviyo"),
            step(3, "Abandoned cart email", 5.0, 5.0, "klaviyo"),
            step(4, "Answer common questions", 10.0, 4.0, "gorgias"),
            step(5, "Refund dispute", 1.0, 20.0, ""),
            step(6, "Competitor price matching", 0.2, 60.0, ""),
        ],
    );
    let r = suggest_with(&p, |s| match s.id.0 {
        1 => fixed(PriorityClass::Event, None),
        2 => fixed(PriorityClass::QuickWin, Some(Layer::L1)),
        3 => fixed(PriorityClass::Medium, Some(Layer::L2)),
        4 => fixed(PriorityClass::AiCandidate, Some(Layer::L4)),
        5 => fixed(PriorityClass::NeverAutomate, None),
        _ => fixed(PriorityClass::Trap, None),
    });
    assert_eq!(column_of(&r, 1), None, "events are not on the roadmap");
    assert_eq!(column_of(&r, 2), Some(Column::Month1));
    assert_eq!(column_of(&r, 3), Some(Column::Month2));
    assert_eq!(column_of(&r, 4), Some(Column::Month3));
    assert_eq!(column_of(&r, 5), Some(Column::StaysManual));
    assert_eq!(column_of(&r, 6), Some(Column::Later));
}

#[test]
fn overflow_moves_on_to_the_next_month_and_is_marked() {
    // 2 setup hours a week ≈ 8.6 hours a month; each low-complexity L1 item takes 2 hours.
    let steps: Vec<Step> = (1..=6)
        .map(|i| step(i, &format!("Task {i}"), 10.0 - f64::from(i), 2.0, ""))
        .collect();
    let p = plan(2.0, steps);
    let r = suggest_with(&p, |_| fixed(PriorityClass::QuickWin, Some(Layer::L1)));
    let month1: Vec<u32> = r
        .items
        .iter()
        .filter(|i| i.column == Column::Month1)
        .map(|i| i.step.0)
        .collect();
    assert_eq!(month1, vec![1, 2, 3, 4], "the most time-saving four fit");
    for id in [5, 6] {
        let item = r.item(StepId(id)).expect("on the board");
        assert_eq!(item.column, Column::Month2);
        assert_eq!(item.moved_from, Some(Column::Month1));
    }
    let mut p2 = p.clone();
    p2.roadmap = r;
    let s = summarize(&p2, &Analysis::default());
    assert_eq!(s.moved.len(), 2);
    assert!(s.months[0].setup_hours <= s.months[0].capacity);
}

#[test]
fn an_item_bigger_than_any_month_ends_in_later() {
    let mut big = step(1, "Huge", 10.0, 2.0, "");
    big.complexity = Complexity::High;
    let p = plan(1.0, vec![big]);
    let r = suggest_with(&p, |_| fixed(PriorityClass::QuickWin, Some(Layer::L1)));
    let item = r.item(StepId(1)).expect("on the board");
    assert_eq!(item.column, Column::Later);
    assert_eq!(item.moved_from, Some(Column::Month1));
}

#[test]
fn pinned_items_stay_and_use_capacity() {
    let mut p = plan(
        2.0,
        vec![
            step(1, "Quick", 10.0, 2.0, ""),
            step(2, "Pinned elsewhere", 9.0, 2.0, ""),
            step(3, "Other", 8.0, 2.0, ""),
        ],
    );
    p.roadmap.items.push(RoadmapItem {
        step: StepId(2),
        column: Column::Month3,
        pinned: true,
        ..Default::default()
    });
    p.roadmap.items.push(RoadmapItem {
        step: StepId(3),
        column: Column::Month1,
        pinned: true,
        setup_hours: Some(8.0),
        ..Default::default()
    });
    let r = suggest_with(&p, |_| fixed(PriorityClass::QuickWin, Some(Layer::L1)));
    assert_eq!(column_of(&r, 2), Some(Column::Month3));
    assert_eq!(column_of(&r, 3), Some(Column::Month1));
    assert!(r.item(StepId(2)).is_some_and(|i| i.pinned));
    // The pinned 8 hours leave no room for step 1 in Month 1.
    assert_eq!(column_of(&r, 1), Some(Column::Month2));
    assert_eq!(r.items.len(), 3);
}

#[test]
fn suggest_keeps_the_owners_estimates_and_drops_removed_steps() {
    let mut p = plan(10.0, vec![step(1, "Quick", 10.0, 2.0, "")]);
    p.roadmap.items.push(RoadmapItem {
        step: StepId(1),
        column: Column::Later,
        setup_hours: Some(3.0),
        tool: Some("make".into()),
        ..Default::default()
    });
    p.roadmap.items.push(RoadmapItem {
        step: StepId(99),
        ..Default::default()
    });
    let r = suggest_with(&p, |_| fixed(PriorityClass::QuickWin, Some(Layer::L1)));
    assert_eq!(r.items.len(), 1);
    let item = &r.items[0];
    assert_eq!(item.column, Column::Month1);
    assert_eq!(item.setup_hours, Some(3.0));
    assert_eq!(item.tool.as_deref(), Some("make"));
}

fn placed(p: &mut Plan, items: &[(u32, Column)]) {
    p.roadmap.items = items
        .iter()
        .map(|&(id, column)| RoadmapItem {
            step: StepId(id),
            column,
            ..Default::default()
        })
        .collect();
}

#[test]
fn a_shared_tool_is_counted_once_per_month() {
    let mut p = plan(
        10.0,
        vec![
            step(1, "Confirmation", 10.0, 2.0, "zapier"),
            step(2, "Tracking email", 10.0, 2.0, "zapier"),
            step(3, "Order log", 10.0, 2.0, "make"),
        ],
    );
    placed(
        &mut p,
        &[
            (1, Column::Month1),
            (2, Column::Month1),
            (3, Column::Month2),
        ],
    );
    let s = summarize(&p, &Analysis::default());
    // Zapier: cheapest option 19.99; Make Core 9.
    assert_eq!(s.months[0].tools.len(), 1);
    assert!((s.months[0].cost.known - 19.99).abs() < 1e-9);
    assert_eq!(s.months[0].cost.unknown, 0);
    assert!(
        (s.months[1].cost.known - 28.99).abs() < 1e-9,
        "tools stay paid"
    );
    assert_eq!(s.tools[0].items, 2);
    assert_eq!(s.months[0].cost.format("USD"), "$19.99");
}

#[test]
fn the_owners_price_option_wins_over_the_cheapest() {
    let mut p = plan(10.0, vec![step(1, "Confirmation", 10.0, 2.0, "zapier")]);
    placed(&mut p, &[(1, Column::Month1)]);
    p.roadmap.items[0].price_option = Some("Professional, billed monthly".into());
    let s = summarize(&p, &Analysis::default());
    assert!((s.months[0].cost.known - 29.99).abs() < 1e-9);
}

#[test]
fn unknown_prices_are_reported_never_zero() {
    let mut p = plan(
        10.0,
        vec![
            step(1, "Write descriptions", 3.0, 10.0, "chatgpt"),
            step(2, "Confirmation", 10.0, 2.0, "zapier"),
            step(3, "Homegrown", 10.0, 2.0, "our-script"),
        ],
    );
    p.tools.push(Tool {
        id: "free-thing".into(),
        prices: vec![PriceOption {
            name: "Free".into(),
            monthly: Some(0.0),
        }],
        ..Tool::default()
    });
    placed(
        &mut p,
        &[
            (1, Column::Month3),
            (2, Column::Month1),
            (3, Column::Month1),
        ],
    );
    let s = summarize(&p, &Analysis::default());
    assert_eq!(
        s.months[0].cost.unknown, 1,
        "a tool missing from the catalog"
    );
    assert_eq!(s.months[0].cost.format("USD"), "$19.99 + unknown");
    assert_eq!(s.months[2].cost.unknown, 2);
    let gpt = s.tools.iter().find(|t| t.id == "chatgpt").expect("listed");
    assert_eq!(price_text(gpt.monthly, "USD"), "verify price");
}

#[test]
fn savings_add_up_month_by_month() {
    let mut p = plan(
        10.0,
        vec![
            step(1, "A", 6.0, 10.0, ""), // 7 h/week
            step(2, "B", 3.0, 10.0, ""), // 3.5 h/week
        ],
    );
    p.profile.hourly_value = 20.0;
    placed(&mut p, &[(1, Column::Month1), (2, Column::Month3)]);
    let s = summarize(&p, &Analysis::default());
    assert!((s.months[0].hours_saved - 7.0).abs() < 1e-9);
    assert!((s.months[1].hours_saved - 7.0).abs() < 1e-9);
    assert!((s.months[2].hours_saved - 10.5).abs() < 1e-9);
    assert!((s.months[2].value_per_month - 10.5 * 20.0 * 52.0 / 12.0).abs() < 1e-6);
}

#[test]
fn moving_an_item_pins_it_at_the_chosen_place() {
    let mut p = plan(10.0, (1..=4).map(|i| step(i, "x", 1.0, 1.0, "")).collect());
    placed(
        &mut p,
        &[
            (1, Column::Month1),
            (2, Column::Month1),
            (3, Column::Month2),
            (4, Column::Month2),
        ],
    );
    let r = move_item(&p.roadmap, StepId(1), Column::Month2, Some(1)).expect("moved");
    let month2: Vec<u32> = r
        .items
        .iter()
        .filter(|i| i.column == Column::Month2)
        .map(|i| i.step.0)
        .collect();
    assert_eq!(month2, vec![3, 1, 4]);
    assert!(r.item(StepId(1)).is_some_and(|i| i.pinned));
    let r = move_item(&r, StepId(4), Column::Later, None).expect("moved");
    assert_eq!(r.item(StepId(4)).map(|i| i.column), Some(Column::Later));
    assert!(move_item(&r, StepId(42), Column::Later, None).is_none());
}

#[test]
fn steps_without_a_tool_get_one_that_fits_their_layer_and_kind() {
    let mut email = step(1, "Send order confirmation", 10.0, 2.0, "");
    email.message = "order confirmation".into();
    let mut bot = step(2, "Answer common questions", 10.0, 2.0, "");
    bot.approach = Approach::AiAgent;
    bot.sensitivity = Sensitivity::CustomerFacing;
    let mut own = step(3, "Log order", 10.0, 2.0, "zapier");
    own.tool = "zapier".into();
    let p = plan(20.0, vec![email, bot, own]);
    let r = suggest_with(&p, |s| match s.id.0 {
        2 => fixed(PriorityClass::AiCandidate, Some(Layer::L4)),
        _ => fixed(PriorityClass::QuickWin, Some(Layer::L1)),
    });
    let tool = |id: u32| r.item(StepId(id)).and_then(|i| i.tool.clone());
    assert_eq!(tool(1).as_deref(), Some("klaviyo"));
    assert_eq!(
        tool(2).as_deref(),
        Some("gorgias"),
        "cheapest support tool for L4"
    );
    assert_eq!(tool(3), None, "the step's own tool is kept");
}

#[test]
fn decisions_and_ai_never_come_before_the_basics_of_their_workflow() {
    // Capacity ≈ 10.7 h a month; each L2 item takes 6 h, so the second one
    // overflows to Month 3. The L3 decision (2 h) would fit in Month 2, but it
    // waits for Month 3 so that it builds on the workflow's basics.
    let mut p = plan(
        2.5,
        vec![
            step(1, "Abandoned cart", 5.0, 5.0, ""),
            step(2, "Review request", 4.0, 5.0, ""),
            step(3, "Repeat buyer? offer A or B", 3.0, 5.0, ""),
        ],
    );
    placed(
        &mut p,
        &[(1, Column::Later), (2, Column::Later), (3, Column::Later)],
    );
    for (item, hours) in p.roadmap.items.iter_mut().zip([6.0, 6.0, 2.0]) {
        item.setup_hours = Some(hours);
    }
    let r = suggest_with(&p, |s| match s.id.0 {
        3 => fixed(PriorityClass::Medium, Some(Layer::L3)),
        _ => fixed(PriorityClass::Medium, Some(Layer::L2)),
    });
    assert_eq!(column_of(&r, 1), Some(Column::Month2));
    assert_eq!(column_of(&r, 2), Some(Column::Month3));
    assert_eq!(column_of(&r, 3), Some(Column::Month3));
}

#[test]
fn month_3_keeps_room_for_its_ai_work_before_month_2_overflow() {
    // Capacity ≈ 10.7 h a month. Two L2 items of 8 h: the second overflows.
    // The L4 item (8 h) belongs in Month 3 and is placed there first; the
    // overflow then finds no room and goes to Later.
    let mut p = plan(
        2.5,
        vec![
            step(1, "Abandoned cart", 5.0, 5.0, ""),
            step(2, "Review request", 4.0, 5.0, ""),
            step(3, "Chatbot for common questions", 3.0, 5.0, ""),
        ],
    );
    placed(
        &mut p,
        &[(1, Column::Later), (2, Column::Later), (3, Column::Later)],
    );
    for item in &mut p.roadmap.items {
        item.setup_hours = Some(8.0);
    }
    let r = suggest_with(&p, |s| match s.id.0 {
        3 => fixed(PriorityClass::AiCandidate, Some(Layer::L4)),
        _ => fixed(PriorityClass::Medium, Some(Layer::L2)),
    });
    assert_eq!(column_of(&r, 1), Some(Column::Month2));
    assert_eq!(column_of(&r, 3), Some(Column::Month3));
    assert_eq!(column_of(&r, 2), Some(Column::Later));
    let mut p2 = p.clone();
    p2.roadmap = r;
    p2.workflows[0].steps[2].approach = Approach::AiAgent;
    let s = summarize(&p2, &Analysis::default());
    let reason = |id: u32| {
        s.items
            .iter()
            .find(|i| i.step == StepId(id))
            .map(|i| i.reason.clone())
            .unwrap_or_default()
    };
    assert!(reason(3).contains("AI agent"), "{}", reason(3));
    assert!(reason(2).contains("Meant for Month 2"), "{}", reason(2));
}

#[test]
fn month_1_is_not_empty_while_a_quick_win_exists_even_without_setup_time() {
    let p = plan(
        0.0,
        vec![
            step(1, "Send order confirmation", 20.0, 2.0, ""),
            step(2, "Send tracking email", 20.0, 2.0, ""),
        ],
    );
    let r = suggest_with(&p, |_| fixed(PriorityClass::QuickWin, Some(Layer::L1)));
    let in_month_1 = r
        .items
        .iter()
        .filter(|i| i.column == Column::Month1)
        .count();
    assert_eq!(in_month_1, 1);
}

#[test]
fn stays_manual_cards_show_no_setup_or_savings() {
    let mut p = plan(10.0, vec![step(1, "Pack the order", 40.0, 5.0, "")]);
    placed(&mut p, &[(1, Column::StaysManual)]);
    let s = summarize(&p, &Analysis::default());
    assert_eq!((s.items[0].setup_hours, s.items[0].hours_saved), (0.0, 0.0));
    assert!(!s.items[0].reason.is_empty());
}

#[test]
fn month_goals_are_written_from_the_cards_until_the_owner_writes_their_own() {
    let mut p = plan(
        10.0,
        vec![
            step(1, "Send tracking email", 20.0, 2.0, ""),
            step(2, "Log order", 10.0, 1.0, ""),
        ],
    );
    p.roadmap = suggest_with(&p, |_| fixed(PriorityClass::QuickWin, Some(Layer::L1)));
    let s = summarize(&p, &Analysis::default());
    let note = phase_note(&p, &p.roadmap, &s, 0);
    assert!(
        note.outcome
            .starts_with("Stop doing 'Send tracking email' by hand: 4.7 h a week back."),
        "{}",
        note.outcome
    );
    assert!(note.goal.contains("'Log order'"), "{}", note.goal);
    // A month without cards keeps its starting text.
    assert_eq!(phase_note(&p, &p.roadmap, &s, 2), PhaseNote::default_for(2));
    // The owner's own words win.
    p.roadmap.phases[0].goal = "Our own goal".into();
    assert_eq!(phase_note(&p, &p.roadmap, &s, 0).goal, "Our own goal");
}
