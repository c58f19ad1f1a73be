//! The guide's own examples, classified through [`analyze`].

use super::testkit::*;
use super::*;
use crate::model::{
    Approach, Complexity, Frequency, Judgment, Period, Sensitivity, Step, StepKind,
};

fn insight(plan: &Plan, id: u32) -> StepInsight {
    analyze(plan)
        .step(StepId(id))
        .cloned()
        .expect("step analysed")
}

fn one(step: Step) -> StepInsight {
    let id = step.id.0;
    insight(&plan(vec![chain(1, "Customer places order", &[step])]), id)
}

#[test]
fn order_confirmation_is_a_quick_win_on_layer_1() {
    let mut s = task(2, "Send order confirmation email");
    s.frequency = Frequency::per_day(40.0);
    s.minutes = 2.0;
    s.sensitivity = Sensitivity::CustomerFacing;
    let i = one(s);
    assert_eq!(i.class, PriorityClass::QuickWin);
    assert_eq!(i.layer, Some(Layer::L1));
    assert_eq!(i.suggested_tag, Tag::Automate);
    assert!(i.reason.contains("40 times a day"), "{}", i.reason);
    assert!((i.hours_per_week - 40.0 * 7.0 * 2.0 / 60.0).abs() < 1e-9);
}

#[test]
fn abandoned_cart_email_is_medium_on_layer_2() {
    let mut s = task(2, "Send abandoned cart email");
    s.frequency = Frequency::per_day(6.0);
    s.minutes = 3.0;
    s.complexity = Complexity::Medium;
    s.judgment = Judgment::SomeRules;
    let i = one(s);
    assert_eq!(i.class, PriorityClass::Medium);
    assert_eq!(i.layer, Some(Layer::L2));
    assert_eq!(i.suggested_tag, Tag::Automate);
}

#[test]
fn repeat_buyer_decision_is_layer_3() {
    let w = workflow(
        1,
        &[
            trigger(1, "Customer places order"),
            decision(2, "Repeat buyer?"),
            task(3, "Send email A with loyalty points"),
            task(4, "Send email B with first-order discount"),
            end(5, "Done"),
        ],
        &[
            (1, 2, ""),
            (2, 3, "yes"),
            (2, 4, "no"),
            (3, 5, ""),
            (4, 5, ""),
        ],
    );
    let p = plan(vec![w]);
    let i = insight(&p, 2);
    assert_eq!(i.class, PriorityClass::Medium);
    assert_eq!(i.layer, Some(Layer::L3));
    assert!(i.decision_point);
    assert!(analyze(&p).findings.iter().all(|f| f.code == "undecided"));
}

#[test]
fn chatbot_for_common_questions_is_an_ai_candidate_on_layer_4() {
    let mut s = task(2, "AI chatbot answers common questions");
    s.approach = Approach::AiAgent;
    s.judgment = Judgment::HumanJudgment;
    s.complexity = Complexity::Medium;
    s.sensitivity = Sensitivity::CustomerFacing;
    s.frequency = Frequency::per_day(25.0);
    s.minutes = 4.0;
    let i = one(s);
    assert_eq!(i.class, PriorityClass::AiCandidate);
    assert_eq!(i.layer, Some(Layer::L4));
    assert_eq!(i.suggested_tag, Tag::Automate);
}

#[test]
fn refund_dispute_is_never_automated() {
    let mut s = task(2, "Handle refund dispute");
    s.sensitivity = Sensitivity::ComplaintOrRefund;
    s.judgment = Judgment::HumanJudgment;
    s.frequency = Frequency::per_day(3.0);
    let i = one(s);
    assert_eq!(i.class, PriorityClass::NeverAutomate);
    assert_eq!(i.suggested_tag, Tag::KeepManual);
    assert_eq!(i.layer, None);
}

#[test]
fn competitor_price_matching_is_a_trap() {
    let mut s = task(2, "Match competitor prices");
    s.complexity = Complexity::High;
    s.judgment = Judgment::SomeRules;
    s.frequency = Frequency {
        count: 2.0,
        per: Period::Week,
    };
    s.minutes = 30.0;
    let i = one(s);
    assert_eq!(i.class, PriorityClass::Trap);
    assert_eq!(i.suggested_tag, Tag::KeepManual);
}

#[test]
fn out_of_stock_exception_is_kept_manual() {
    let mut s = task(2, "Item out of stock");
    s.kind = StepKind::Exception;
    s.frequency = Frequency::per_day(1.0);
    let i = one(s);
    assert_eq!(i.class, PriorityClass::Exception);
    assert_eq!(i.suggested_tag, Tag::KeepManual);
}

#[test]
fn triggers_and_ends_are_events() {
    let p = plan(vec![chain(1, "Customer places order", &[task(2, "x")])]);
    assert_eq!(insight(&p, 100).class, PriorityClass::Event);
    assert_eq!(insight(&p, 199).class, PriorityClass::Event);
}

#[test]
fn the_owners_tag_is_never_changed() {
    let mut s = automated(2, "Approve refund");
    s.sensitivity = Sensitivity::ComplaintOrRefund;
    let p = plan(vec![chain(1, "Refund asked", &[s])]);
    let before = p.clone();
    let a = analyze(&p);
    assert_eq!(p, before);
    assert_eq!(
        a.step(StepId(2)).map(|i| i.suggested_tag),
        Some(Tag::KeepManual)
    );
}

#[test]
fn findings_come_errors_first_and_summaries_count_tags() {
    let mut refund = automated(2, "Approve refund");
    refund.sensitivity = Sensitivity::ComplaintOrRefund;
    refund.test_plan.clear();
    let p = plan(vec![chain(1, "Refund asked", &[refund, task(3, "Log it")])]);
    let a = analyze(&p);
    let sev: Vec<Severity> = a.findings.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert_eq!(a.findings[0].code, "never-automate");
    assert_eq!(a.findings.last().map(|f| f.code), Some("undecided"));
    let w = &a.workflows[0];
    // The trigger and the end are events: never counted as undecided.
    assert_eq!((w.steps, w.automate, w.undecided), (4, 1, 1));
}

#[test]
fn quick_wins_rank_by_hours_saved_and_skip_kept_manual() {
    let mut small = task(2, "Slack note for new orders");
    small.minutes = 0.5;
    let mut big = task(3, "Send tracking email");
    big.minutes = 3.0;
    let mut kept = task(4, "Order log");
    kept.minutes = 5.0;
    kept.tag = Tag::KeepManual;
    let p = plan(vec![chain(1, "Order placed", &[small, big, kept])]);
    let a = analyze(&p);
    let ids: Vec<u32> = quick_wins(&p, &a).iter().map(|i| i.step.0).collect();
    assert_eq!(ids, vec![3, 2]);
}

#[test]
fn broken_plans_do_not_panic() {
    let mut w = workflow(
        1,
        &[task(2, ""), decision(3, "?")],
        &[(2, 9, ""), (3, 3, "x"), (2, 3, "")],
    );
    w.steps.push(task(2, "same id twice"));
    w.steps[0].minutes = f64::INFINITY;
    w.steps[0].frequency.count = -4.0;
    let mut p = plan(vec![w, Workflow::default()]);
    p.method.bottleneck_share = f64::NAN;
    p.profile.hourly_value = f64::NAN;
    let a = analyze(&p);
    assert_eq!(a.steps.len(), 3);
    assert!(a.steps.iter().all(|s| s.hours_per_week.is_finite()));
}
