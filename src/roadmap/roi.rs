//! Return on the roadmap: what each card and each month costs (setup hours at
//! the value of an hour, plus tool prices) against the hours it saves, the
//! week it pays back, and totals over the 90 days and over 12 months.
//!
//! A card starts saving when its setup is done, at the team's setup pace
//! ([`super::schedule`]); its setup is paid on its first day; tools are paid
//! every month from the month of their first card on.

use super::{RoadmapSummary, WEEKS_PER_CALENDAR_MONTH, schedule};
use crate::model::{Plan, Scenario};

/// Days in the 12 months the totals cover.
pub const YEAR_DAYS: u32 = 365;

/// What one card costs and saves.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CardRoi {
    /// Setup hours × value of an hour.
    pub setup_cost: f64,
    /// The card's share of its tool's monthly price (split between the cards using it).
    pub tool_per_month: f64,
    /// Hours saved per week × value of an hour.
    pub value_per_week: f64,
    /// Weeks after going live until the savings repay setup and tool; `None`:
    /// never (it saves less than its tool costs, or nothing).
    pub payback_week: Option<u32>,
}

/// What one month's cards cost and save together.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MonthRoi {
    pub setup_cost: f64,
    pub tool_per_month: f64,
    pub value_per_week: f64,
    pub payback_week: Option<u32>,
}

/// Savings against cost over a span of days.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub savings: f64,
    pub cost: f64,
}

impl Totals {
    pub fn net(&self) -> f64 {
        self.savings - self.cost
    }
}

/// The return of a whole roadmap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Roi {
    /// Value of an hour used.
    pub hourly: f64,
    /// One per item of the summary, same order (zero for Later and Stays manual).
    pub cards: Vec<CardRoi>,
    pub months: [MonthRoi; 3],
    pub days_90: Totals,
    pub months_12: Totals,
    /// Week (counted from day 1 of the plan) when cumulative savings first
    /// reach cumulative cost; `None` within the 12 months.
    pub payback_week: Option<u32>,
    /// Cumulative (savings, cost) at the end of each of the 12 months.
    pub curve: Vec<(f64, f64)>,
}

/// What-if settings: another value of an hour, volumes × N (peak season),
/// another monthly price for one tool.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// Value of an hour; `None`: the plan's.
    pub hourly: Option<f64>,
    /// Every step's volume multiplied by this (1: as mapped).
    pub volume: f64,
    /// A tool id and the monthly price counted for it instead.
    pub tool_price: Option<(String, f64)>,
}

impl Default for WhatIf {
    fn default() -> Self {
        Self {
            hourly: None,
            volume: 1.0,
            tool_price: None,
        }
    }
}

impl WhatIf {
    /// The what-if of a saved scenario; a tier the catalog does not know (or
    /// whose price is unknown) leaves the tool's price as it is.
    pub fn from_scenario(plan: &Plan, s: &Scenario) -> WhatIf {
        let tool_price = s.tool.as_deref().and_then(|id| {
            let tool = plan.tool(id)?;
            let option = tool
                .prices
                .iter()
                .find(|o| Some(&o.name) == s.price_option.as_ref())?;
            Some((id.to_owned(), option.monthly.filter(|p| p.is_finite())?))
        });
        WhatIf {
            hourly: s.hourly_value,
            volume: s.volume,
            tool_price,
        }
    }
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x.max(0.0) } else { 0.0 }
}

/// Weeks until `value_per_week` repays `setup` while `tool_per_month` is paid.
fn payback(setup: f64, tool_per_month: f64, value_per_week: f64) -> Option<u32> {
    let net = value_per_week - tool_per_month / WEEKS_PER_CALENDAR_MONTH;
    if net <= 0.0 {
        return None;
    }
    Some((setup / net).ceil().max(1.0) as u32)
}

/// The roadmap's return at the plan's own figures.
pub fn roi(plan: &Plan, summary: &RoadmapSummary) -> Roi {
    roi_with(plan, summary, WhatIf::default())
}

/// The roadmap's return under a what-if.
pub fn roi_with(plan: &Plan, summary: &RoadmapSummary, what_if: WhatIf) -> Roi {
    let price_of = |t: &super::ToolUse| -> f64 {
        match &what_if.tool_price {
            Some((id, p)) if *id == t.id => finite(*p),
            _ => finite(t.monthly.unwrap_or(0.0)),
        }
    };
    let hourly = finite(what_if.hourly.unwrap_or(plan.profile.hourly_value));
    let volume = finite(what_if.volume);
    let mut out = Roi {
        hourly,
        cards: vec![CardRoi::default(); summary.items.len()],
        ..Roi::default()
    };
    // Each tool's price, split between the cards of the 90 days using it.
    let tool_share = |id: &str| -> f64 {
        summary.tools.iter().find(|t| t.id == id).map_or(0.0, |t| {
            finite(t.monthly.unwrap_or(0.0)) / t.items.max(1) as f64
        })
    };
    for (k, item) in summary.items.iter().enumerate() {
        let Some(m) = item.column.month_index() else {
            continue;
        };
        let setup_cost = finite(item.setup_hours) * hourly;
        let tool_per_month = if item.tool.is_empty() {
            0.0
        } else {
            tool_share(&item.tool)
        };
        let value_per_week = finite(item.hours_saved) * volume * hourly;
        out.cards[k] = CardRoi {
            setup_cost,
            tool_per_month,
            value_per_week,
            payback_week: payback(setup_cost, tool_per_month, value_per_week),
        };
        let month = &mut out.months[m];
        month.setup_cost += setup_cost;
        month.tool_per_month += tool_per_month;
        month.value_per_week += value_per_week;
    }
    for m in &mut out.months {
        m.payback_week = payback(m.setup_cost, m.tool_per_month, m.value_per_week);
    }

    // Day by day over 12 months: setup paid on a card's first day, savings
    // from the day after its setup ends, tools monthly from their first month.
    let mut setup_on = vec![0.0; YEAR_DAYS as usize + 1];
    let mut saving_from = vec![0.0; YEAR_DAYS as usize + 2];
    for (k, start, days) in schedule(plan, summary) {
        let c = out.cards.get(k).copied().unwrap_or_default();
        let first = (start.max(0) as usize).min(YEAR_DAYS as usize);
        setup_on[first] += c.setup_cost;
        let live = ((start + days).max(0) as usize).min(YEAR_DAYS as usize + 1);
        saving_from[live] += c.value_per_week / 7.0;
    }
    let tools_from: Vec<(usize, f64)> = summary
        .tools
        .iter()
        .map(|t| (t.since * 30, price_of(t)))
        .collect();
    let (mut savings, mut cost, mut per_day) = (0.0, 0.0, 0.0);
    for day in 0..YEAR_DAYS as usize {
        per_day += saving_from[day];
        savings += per_day;
        cost += setup_on[day];
        for &(from, price) in &tools_from {
            if day >= from && (day - from) % 30 == 0 && (day - from) / 30 < 12 {
                cost += price;
            }
        }
        if day + 1 == 90 {
            out.days_90 = Totals { savings, cost };
        }
        if out.payback_week.is_none() && cost > 0.0 && savings >= cost {
            out.payback_week = Some(day as u32 / 7 + 1);
        }
        if (day + 1) % 30 == 0 && out.curve.len() < 12 || day + 1 == YEAR_DAYS as usize {
            if out.curve.len() < 12 {
                out.curve.push((savings, cost));
            } else if let Some(last) = out.curve.last_mut() {
                *last = (savings, cost);
            }
        }
    }
    out.months_12 = Totals { savings, cost };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{PriorityClass, analyze};
    use crate::model::{
        Column, Frequency, Layer, Pos, Step, StepId, StepKind, Workflow, WorkflowId,
    };
    use crate::roadmap::{StepFacts, suggest_with, summarize};

    /// One quick win: 20 a day × 3 min = 7 h a week, at $25 an hour.
    fn one_card(tool: &str) -> (Plan, RoadmapSummary) {
        let mut s = Step::new(
            StepId(1),
            StepKind::Task,
            "Send tracking email",
            Pos::default(),
        );
        s.frequency = Frequency::per_day(20.0);
        s.minutes = 3.0;
        s.tool = tool.to_owned();
        let mut p = Plan::new("Test");
        p.profile.hourly_value = 25.0;
        p.profile.setup_hours_per_week = 7.0;
        p.workflows.push(Workflow {
            id: WorkflowId(1),
            name: "Orders".into(),
            steps: vec![s],
            ..Workflow::default()
        });
        p.roadmap = suggest_with(&p, |_| StepFacts {
            class: PriorityClass::QuickWin,
            layer: Some(Layer::L1),
        });
        let a = analyze(&p);
        let sum = summarize(&p, &a);
        (p, sum)
    }

    #[test]
    fn a_card_pays_back_when_its_savings_cover_setup_and_tool() {
        let (p, sum) = one_card("");
        assert_eq!(sum.items[0].column, Column::Month1);
        let r = roi(&p, &sum);
        let c = r.cards[0];
        // 2 setup hours × $25 = $50 against 7 h × $25 = $175 a week: week 1.
        assert!((c.setup_cost - 50.0).abs() < 1e-9);
        assert!((c.value_per_week - 175.0).abs() < 1e-9);
        assert_eq!(c.payback_week, Some(1));
        assert_eq!(r.months[0].payback_week, Some(1));
        assert_eq!(r.months[1], MonthRoi::default());
    }

    #[test]
    fn a_dearer_price_tier_raises_the_cost() {
        let (p, sum) = one_card("zapier");
        let base = roi(&p, &sum);
        let s = Scenario {
            name: "Zapier monthly".into(),
            tool: Some("zapier".into()),
            price_option: Some("Professional, billed monthly".into()),
            ..Scenario::default()
        };
        let w = WhatIf::from_scenario(&p, &s);
        assert_eq!(w.tool_price.as_ref().map(|t| t.1), Some(29.99));
        let dear = roi_with(&p, &sum, w);
        assert!(dear.months_12.cost > base.months_12.cost);
    }

    #[test]
    fn a_tool_dearer_than_the_savings_never_pays_back() {
        let (p, mut sum) = one_card("zapier");
        sum.tools[0].monthly = Some(10_000.0);
        let r = roi(&p, &sum);
        assert_eq!(r.cards[0].payback_week, None);
        assert!(r.months_12.net() < 0.0);
    }

    #[test]
    fn totals_over_90_days_and_12_months_grow_and_the_curve_has_12_points() {
        let (p, sum) = one_card("");
        let r = roi(&p, &sum);
        assert_eq!(r.curve.len(), 12);
        assert!(r.days_90.savings > 0.0);
        assert!(r.months_12.savings > 3.0 * r.days_90.savings);
        assert!((r.days_90.cost - 50.0).abs() < 1e-9, "setup only, no tool");
        assert_eq!(r.payback_week, Some(1));
        assert!(r.curve.windows(2).all(|w| w[1].0 >= w[0].0));
    }

    #[test]
    fn what_if_peak_season_and_hour_value_scale_the_savings() {
        let (p, sum) = one_card("");
        let base = roi(&p, &sum);
        let peak = roi_with(
            &p,
            &sum,
            WhatIf {
                hourly: Some(50.0),
                volume: 3.0,
                tool_price: None,
            },
        );
        assert!((peak.cards[0].value_per_week - 6.0 * base.cards[0].value_per_week).abs() < 1e-6);
        assert!((peak.cards[0].setup_cost - 2.0 * base.cards[0].setup_cost).abs() < 1e-9);
    }
}
