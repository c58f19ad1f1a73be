//! How the 90 days are going: planned against actual hours saved week by
//! week, cards by status, and the next check-in with what to review then.

use super::{RoadmapSummary, TIMELINE_WEEKS, date, schedule};
use crate::model::{CardStatus, Column, Plan, RoadmapItem, StepId};
use foldhash::HashMap;

/// Days of the plan at which the owner sits down to review it.
pub const CHECK_IN_DAYS: [i64; 3] = [30, 60, 90];

/// What to look at in every check-in (the method's monitoring list).
pub const REVIEW_LIST: [&str; 4] = [
    "Failures: did any automation stop, and did someone notice in time?",
    "Duplicates: did a customer get the same message or order twice?",
    "Data quality: were fields empty or wrong where an automation read them?",
    "Time saved: is each live automation saving what was planned?",
];

/// Hours per week one card saves: planned (the estimate) and actual (what
/// was measured, else the estimate; nothing unless the card is live).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CardSavings {
    pub planned: f64,
    pub actual: f64,
}

/// The savings of one card, given the estimate in hours per week.
pub fn card_savings(item: &RoadmapItem, estimate: f64) -> CardSavings {
    let estimate = if estimate.is_finite() {
        estimate.max(0.0)
    } else {
        0.0
    };
    let measured = item
        .actual_minutes_per_week
        .filter(|m| m.is_finite() && *m >= 0.0)
        .map(|m| m / 60.0);
    CardSavings {
        planned: estimate,
        actual: if item.status == CardStatus::Live {
            measured.unwrap_or(estimate)
        } else {
            0.0
        },
    }
}

/// One week of the 90 days.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WeekSavings {
    /// 0 for days 0–6, up to 12.
    pub week: u32,
    /// Hours per week the roadmap expects to save by the end of this week.
    pub planned: f64,
    /// Hours per week the live cards save by the end of this week.
    pub actual: f64,
}

/// Everything the Progress view and export show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// Week by week over the 90 days.
    pub weeks: Vec<WeekSavings>,
    /// Cards (not "stays manual") per status, in [`CardStatus::ALL`] order.
    pub by_status: [usize; 5],
    /// Planned hours per week of the cards in months 1–3.
    pub planned_total: f64,
    /// Actual hours per week of the live cards.
    pub actual_total: f64,
    /// Per card, in the order of `summary.items`.
    pub cards: Vec<(StepId, CardStatus, CardSavings)>,
}

fn week_of_day(day: i64) -> u32 {
    (day.max(0) / 7).min(i64::from(TIMELINE_WEEKS) - 1) as u32
}

/// Planned and actual savings of the plan's roadmap. A card counts as planned
/// from the week its setup is scheduled to end, and as actual from the week
/// it went live (from the first week when the date is missing or earlier
/// than the start).
pub fn progress(plan: &Plan, summary: &RoadmapSummary) -> Progress {
    let items: HashMap<StepId, &RoadmapItem> = plan
        .roadmap
        .items
        .iter()
        .rev()
        .map(|i| (i.step, i))
        .collect();
    let start = plan.roadmap.start_date.as_deref().and_then(date::parse);
    let mut planned_from: HashMap<usize, u32> = HashMap::default();
    for (i, first, days) in schedule(plan, summary) {
        planned_from.insert(i, week_of_day(first + days - 1));
    }
    let weeks = TIMELINE_WEEKS as usize;
    let mut planned = vec![0.0; weeks];
    let mut actual = vec![0.0; weeks];
    let mut out = Progress::default();
    for (i, info) in summary.items.iter().enumerate() {
        if info.column == Column::StaysManual {
            continue;
        }
        let default_item = RoadmapItem::default();
        let item = items.get(&info.step).copied().unwrap_or(&default_item);
        let s = card_savings(item, info.hours_saved);
        if let Some(pos) = CardStatus::ALL.iter().position(|&c| c == item.status) {
            out.by_status[pos] += 1;
        }
        if let Some(&w) = planned_from.get(&i) {
            for p in &mut planned[w as usize..] {
                *p += s.planned;
            }
            out.planned_total += s.planned;
        }
        if s.actual > 0.0 || item.status == CardStatus::Live {
            let live = match (start, item.live_since.as_deref().and_then(date::parse)) {
                (Some(start), Some(day)) => week_of_day(day - start),
                _ => 0,
            };
            for a in &mut actual[live as usize..] {
                *a += s.actual;
            }
            out.actual_total += s.actual;
        }
        out.cards.push((info.step, item.status, s));
    }
    out.weeks = (0..weeks)
        .map(|w| WeekSavings {
            week: w as u32,
            planned: planned[w],
            actual: actual[w],
        })
        .collect();
    out
}

/// The next check-in on or after `today`: (day of the plan, date). `None`
/// without a start date, or once day 90 has passed.
pub fn next_check_in(start_date: Option<&str>, today: i64) -> Option<(i64, i64)> {
    let start = start_date.and_then(date::parse)?;
    CHECK_IN_DAYS
        .iter()
        .map(|&d| (d, start + d))
        .find(|&(_, day)| day >= today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Frequency, Pos, Step, StepKind, Tag, Workflow, WorkflowId};

    fn plan() -> Plan {
        let mut p = Plan::new("Progress");
        p.profile.setup_hours_per_week = 7.0;
        let mut steps = Vec::new();
        for (id, minutes) in [(1, 60.0), (2, 30.0), (3, 6.0)] {
            let mut s = Step::new(StepId(id), StepKind::Task, "task", Pos::default());
            s.frequency = Frequency::per_day(1.0);
            s.minutes = minutes;
            s.tag = Tag::Automate;
            steps.push(s);
        }
        p.workflows.push(Workflow {
            id: WorkflowId(1),
            steps,
            ..Workflow::default()
        });
        p.roadmap.start_date = Some("2026-01-01".into());
        for (id, column) in [(1, Column::Month1), (2, Column::Month2), (3, Column::Later)] {
            p.roadmap.items.push(RoadmapItem {
                step: StepId(id),
                column,
                setup_hours: Some(7.0),
                ..RoadmapItem::default()
            });
        }
        p
    }

    fn summary(p: &Plan) -> RoadmapSummary {
        crate::roadmap::summarize(p, &crate::analysis::analyze(p))
    }

    #[test]
    fn planned_savings_rise_as_setups_end_and_sum_to_the_months() {
        let p = plan();
        let s = summary(&p);
        let pr = progress(&p, &s);
        assert_eq!(pr.weeks.len(), 13);
        // Step 1 (7 h/week) is set up in the first 7 days, step 2 (3.5 h) from day 30.
        assert!((pr.weeks[0].planned - 7.0).abs() < 1e-9);
        assert!((pr.weeks[3].planned - 7.0).abs() < 1e-9);
        assert!((pr.weeks[5].planned - 10.5).abs() < 1e-9);
        assert!((pr.weeks[12].planned - s.hours_saved_by_day_90()).abs() < 1e-9);
        assert!((pr.planned_total - s.hours_saved_by_day_90()).abs() < 1e-9);
        assert!(pr.weeks.iter().all(|w| w.actual == 0.0));
        assert_eq!(pr.by_status, [3, 0, 0, 0, 0]);
    }

    #[test]
    fn live_cards_count_their_measured_savings_from_the_week_they_went_live() {
        let mut p = plan();
        p.roadmap.items[0].status = CardStatus::Live;
        p.roadmap.items[0].live_since = Some("2026-01-15".into());
        p.roadmap.items[0].actual_minutes_per_week = Some(300.0);
        // Live without a measurement: the estimate counts, from the start.
        p.roadmap.items[1].status = CardStatus::Live;
        p.roadmap.items[2].status = CardStatus::Paused;
        let pr = progress(&p, &summary(&p));
        assert!((pr.weeks[0].actual - 3.5).abs() < 1e-9);
        assert!((pr.weeks[2].actual - 8.5).abs() < 1e-9);
        let sum: f64 = pr.cards.iter().map(|c| c.2.actual).sum();
        assert!((pr.weeks[12].actual - sum).abs() < 1e-9);
        assert!((pr.actual_total - 8.5).abs() < 1e-9);
        assert_eq!(pr.by_status, [0, 0, 2, 1, 0]);
    }

    #[test]
    fn the_next_check_in_is_the_first_of_day_30_60_90_not_yet_past() {
        let start = date::parse("2026-01-01");
        let s = Some("2026-01-01");
        let day = |d: i64| start.map(|x| x + d).unwrap_or(0);
        assert_eq!(next_check_in(s, day(0)), Some((30, day(30))));
        assert_eq!(next_check_in(s, day(30)), Some((30, day(30))));
        assert_eq!(next_check_in(s, day(31)), Some((60, day(60))));
        assert_eq!(next_check_in(s, day(91)), None);
        assert_eq!(next_check_in(None, day(0)), None);
    }
}
