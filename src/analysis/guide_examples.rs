//! Every example the guide names in its lists — quick wins, medium workflows,
//! traps, work never to automate, and where AI agents add value or fail — as
//! a step titled in the guide's words, with the frequency and shape the guide
//! describes. Each must come out with the class, layer and month the guide
//! gives it, through the analysis and the roadmap suggestion.

use super::testkit::*;
use super::*;
use crate::model::{Column, Complexity, Frequency, Judgment, Period};

fn per_week(n: f64) -> Frequency {
    Frequency {
        count: n,
        per: Period::Week,
    }
}

/// A step in the guide's words: how often, minutes each time, complexity, judgment.
fn step(title: &str, freq: Frequency, minutes: f64, c: Complexity, j: Judgment) -> Step {
    let mut s = task(2, title);
    s.frequency = freq;
    s.minutes = minutes;
    s.complexity = c;
    s.judgment = j;
    s
}

/// Frequent, simple and rule-based: the guide's quick-win criteria.
fn frequent(title: &str) -> Step {
    step(
        title,
        Frequency::per_day(30.0),
        2.0,
        Complexity::Low,
        Judgment::RuleBased,
    )
}

/// Several times a week, a few steps, some if/then rules: the medium criteria.
fn medium(title: &str) -> Step {
    step(
        title,
        per_week(4.0),
        10.0,
        Complexity::Medium,
        Judgment::SomeRules,
    )
}

/// Rare: twice a week, 20 minutes, nothing else said.
fn rare(title: &str) -> Step {
    step(
        title,
        per_week(2.0),
        20.0,
        Complexity::Low,
        Judgment::RuleBased,
    )
}

/// What the method makes of a step: class, layer and roadmap column.
fn judged(s: Step) -> (PriorityClass, Option<Layer>, Option<Column>, String) {
    let p = plan(vec![chain(1, "Customer places order", &[s])]);
    let a = analyze(&p);
    let i = a.step(StepId(2)).cloned().expect("step analysed");
    let road = crate::roadmap::suggest(&p, &a);
    let col = road.item(StepId(2)).map(|it| it.column);
    (i.class, i.layer, col, i.reason)
}

fn expect(s: Step, class: PriorityClass, layer: Option<Layer>, col: Option<Column>) {
    let title = s.title.clone();
    let (c, l, m, reason) = judged(s);
    assert_eq!((c, l, m), (class, layer, col), "'{title}': {reason}");
}

macro_rules! guide {
    ($name:ident, $step:expr, $class:ident, $layer:expr, $col:expr) => {
        #[test]
        fn $name() {
            expect($step, PriorityClass::$class, $layer, $col);
        }
    };
}

const M1: Option<Column> = Some(Column::Month1);
const M2: Option<Column> = Some(Column::Month2);
const M3: Option<Column> = Some(Column::Month3);
const LATER: Option<Column> = Some(Column::Later);
const MANUAL: Option<Column> = Some(Column::StaysManual);
const L1: Option<Layer> = Some(Layer::L1);
const L2: Option<Layer> = Some(Layer::L2);
const L4: Option<Layer> = Some(Layer::L4);

// Quick wins: layer 1, Month 1.
guide!(
    order_confirmation_emails,
    frequent("Order confirmation emails"),
    QuickWin,
    L1,
    M1
);
guide!(
    tracking_number_emails,
    frequent("Tracking number emails"),
    QuickWin,
    L1,
    M1
);
guide!(
    inventory_low_stock_alerts_a_few_times_a_day,
    step(
        "Inventory low-stock alerts",
        Frequency::per_day(3.0),
        5.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    QuickWin,
    L1,
    M1
);
guide!(
    google_sheets_order_logs,
    frequent("Google Sheets order logs"),
    QuickWin,
    L1,
    M1
);
guide!(
    slack_notifications_for_new_orders,
    frequent("Slack notifications for new orders"),
    QuickWin,
    L1,
    M1
);
// The same, as the Month 1 list names them.
guide!(
    month_1_tracking_emails,
    frequent("Tracking emails"),
    QuickWin,
    L1,
    M1
);
guide!(
    month_1_inventory_alerts,
    frequent("Inventory alerts"),
    QuickWin,
    L1,
    M1
);
guide!(
    month_1_order_logs_in_google_sheets,
    frequent("Order logs in Google Sheets"),
    QuickWin,
    L1,
    M1
);

// Medium: layer 2, Month 2 — even when they happen only a few times a week.
guide!(
    abandoned_cart_recovery_emails,
    medium("Abandoned cart recovery emails"),
    Medium,
    L2,
    M2
);
guide!(
    abandoned_cart_emails_simple_and_rare_are_still_medium,
    rare("Abandoned cart emails"),
    Medium,
    L2,
    M2
);
guide!(
    customer_segmentation_based_on_purchase_history,
    medium("Customer segmentation based on purchase history"),
    Medium,
    L2,
    M2
);
guide!(
    month_2_customer_segmentation,
    medium("Customer segmentation (based on order value or product category)"),
    Medium,
    L2,
    M2
);
guide!(
    restock_notifications_to_past_buyers,
    rare("Restock notifications to past buyers"),
    Medium,
    L2,
    M2
);
guide!(
    post_purchase_review_requests,
    frequent("Post-purchase review requests"),
    Medium,
    L2,
    M2
);

// Traps: rare, complex, custom logic — no layer, later.
guide!(
    custom_discount_logic_based_on_customer_lifetime_value,
    rare("Custom discount logic based on customer lifetime value"),
    Trap,
    None,
    LATER
);
guide!(
    dynamic_product_recommendations_with_many_conditional_variables,
    rare("Dynamic product recommendations with many conditional variables"),
    Trap,
    None,
    LATER
);
guide!(
    real_time_competitor_price_matching,
    rare("Real-time competitor price matching"),
    Trap,
    None,
    LATER
);

// Never automate, whatever the volume: stays manual.
guide!(
    customer_complaints_and_refunds,
    frequent("Customer complaints and refunds"),
    NeverAutomate,
    None,
    MANUAL
);
guide!(
    brand_voice_in_marketing,
    frequent("Brand voice in marketing"),
    NeverAutomate,
    None,
    MANUAL
);
guide!(
    strategic_decisions,
    rare("Strategic decisions: which products to launch, which markets to enter"),
    NeverAutomate,
    None,
    MANUAL
);

// Where AI agents fail: stays manual even for an AI agent.
guide!(
    brand_sensitive_communication,
    frequent("Brand-sensitive communication"),
    NeverAutomate,
    None,
    MANUAL
);
guide!(
    complex_customer_issues,
    frequent("Complex customer issues: angry customers, refund disputes, damaged products"),
    NeverAutomate,
    None,
    MANUAL
);
guide!(
    legal_compliance,
    frequent("Legal compliance: warranties and legal terms"),
    NeverAutomate,
    None,
    MANUAL
);

// Where AI agents add value: layer 4, Month 3, without picking an approach first.
guide!(
    ai_chatbot_answers_common_questions,
    step(
        "Chatbot answers common questions (order status, return policy, sizing)",
        Frequency::per_day(20.0),
        4.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    ai_writes_product_descriptions,
    step(
        "Write product descriptions",
        per_week(3.0),
        30.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    ai_writes_email_subject_lines,
    step(
        "Write email subject lines",
        per_week(3.0),
        20.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    ai_writes_social_media_captions,
    step(
        "Social media captions",
        per_week(5.0),
        15.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    ai_inventory_forecasting,
    step(
        "Inventory forecasting from historical sales",
        per_week(1.0),
        120.0,
        Complexity::Medium,
        Judgment::SomeRules
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    ai_recommends_products_from_browsing_and_purchases,
    step(
        "Recommend products based on browsing behavior and purchase history",
        Frequency::per_day(20.0),
        1.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    month_3_ai_chatbot_for_common_customer_questions,
    frequent("AI chatbot for common customer questions"),
    AiCandidate,
    L4,
    M3
);
guide!(
    month_3_ai_generated_product_descriptions,
    step(
        "AI-generated product descriptions (for new products)",
        per_week(3.0),
        30.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);
guide!(
    month_3_ai_powered_email_subject_line_optimization,
    step(
        "AI-powered email subject line optimization",
        per_week(3.0),
        20.0,
        Complexity::Low,
        Judgment::RuleBased
    ),
    AiCandidate,
    L4,
    M3
);

// Physical work is never suggested "automate", however often it happens.
guide!(
    pack_the_order,
    frequent("Pack the order"),
    Physical,
    None,
    MANUAL
);
guide!(
    put_the_item_back_in_stock,
    frequent("Put the item back in stock"),
    Physical,
    None,
    MANUAL
);
guide!(
    print_packing_slip,
    frequent("Print packing slip"),
    Physical,
    None,
    MANUAL
);

#[test]
fn physical_work_is_kept_manual_with_a_reason_that_offers_tool_help() {
    let (_, _, _, reason) = judged(frequent("Pack the order"));
    assert!(reason.contains("tool-assisted"), "{reason}");
    let p = plan(vec![chain(1, "Order", &[frequent("Pack the order")])]);
    let a = analyze(&p);
    assert_eq!(
        a.step(StepId(2)).map(|i| i.suggested_tag),
        Some(Tag::KeepManual)
    );
}

#[test]
fn a_customer_facing_step_is_never_called_low_stakes() {
    let (_, _, _, reason) = judged(frequent("AI chatbot for common customer questions"));
    assert!(!reason.contains("low-stakes"), "{reason}");
    let (_, _, _, reason) = judged(step(
        "Inventory forecasting",
        per_week(1.0),
        120.0,
        Complexity::Medium,
        Judgment::SomeRules,
    ));
    assert!(reason.contains("low-stakes"), "{reason}");
}

#[test]
fn an_ai_candidate_needs_enough_volume_to_pay_off() {
    let (c, _, _, reason) = judged(step(
        "Write product descriptions",
        Frequency {
            count: 1.0,
            per: Period::Month,
        },
        30.0,
        Complexity::Low,
        Judgment::RuleBased,
    ));
    assert_eq!(c, PriorityClass::LowValue, "{reason}");
}

#[test]
fn the_owners_kind_of_work_changes_the_verdict() {
    let mut s = frequent("Daily stock check");
    assert_eq!(judged(s.clone()).0, PriorityClass::QuickWin);
    s.work = Some(crate::model::WorkKind::Physical);
    assert_eq!(judged(s).0, PriorityClass::Physical);
}

#[test]
fn quick_wins_are_judged_by_payback_not_a_daily_count() {
    // Three alerts a day, five minutes each, repays a two-hour setup within two
    // weeks; with a one-week payback threshold it no longer counts.
    let s = step(
        "Inventory low-stock alerts",
        Frequency::per_day(3.0),
        5.0,
        Complexity::Low,
        Judgment::RuleBased,
    );
    let mut p = plan(vec![chain(1, "Order", &[s])]);
    assert_eq!(analyze(&p).steps[1].class, PriorityClass::QuickWin);
    p.method.quick_win_payback_weeks = 1.0;
    let i = analyze(&p).steps[1].clone();
    assert_eq!(i.class, PriorityClass::Medium);
    // A notification stays on layer 1 even when it is not a quick win.
    assert_eq!(i.layer, Some(Layer::L1));
}
