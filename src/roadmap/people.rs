//! Whose week gets lighter: manual hours per week per owner now and after
//! each month of the roadmap, and the new work the automations give them.

use super::RoadmapSummary;
use crate::analysis::handoffs::{OwnerNames, owners};
use crate::model::{Plan, Step, StepId};
use foldhash::HashMap;

/// Hours per week a live automation asks of the person who watches it:
/// looking at its runs and answering its failure plan when it fails.
pub const WATCH_HOURS_PER_AUTOMATION: f64 = 0.25;

/// One owner's week.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonWeek {
    /// The owner ("" for steps with no owner).
    pub owner: String,
    /// Manual hours per week today.
    pub now: f64,
    /// Manual hours per week left after Month 1, 2 and 3 of the roadmap.
    pub after: [f64; 3],
    /// Hours per week of new work by day 90: watching the automations they
    /// answer for (named in the failure plan, else the step's owner).
    pub new_work: f64,
    /// Steps of theirs automated in Month 1–3, with the month (0–2).
    pub automated: Vec<(StepId, usize)>,
    /// Automations whose failures they answer (named in the failure plan, or
    /// their own step when the plan names no one).
    pub watches: Vec<StepId>,
}

fn hours(s: &Step) -> f64 {
    let h = s.manual_hours_per_week();
    if h.is_finite() { h.max(0.0) } else { 0.0 }
}

/// The owner who answers an automated step's failures: the first owner its
/// failure plan names, else its own owner.
pub fn watcher<'a>(step: &'a Step, owners: &OwnerNames<'a>) -> &'a str {
    let fp = &step.failure_plan;
    [&fp.not_run, &fp.runs_twice, &fp.data_missing]
        .iter()
        .find_map(|a| owners.named_in(a))
        .unwrap_or_else(|| step.owner.trim())
}

/// Every owner's week, in the order owners first appear in the plan; steps
/// without an owner last. Owners with no manual time and no automation to
/// gain or watch (those of triggers and ends only) are left out.
pub fn people(plan: &Plan, summary: &RoadmapSummary) -> Vec<PersonWeek> {
    let names = owners(plan);
    let watchers = OwnerNames::new(&names);
    let mut rows: Vec<PersonWeek> = names
        .iter()
        .map(|o| PersonWeek {
            owner: o.clone(),
            ..PersonWeek::default()
        })
        .collect();
    rows.push(PersonWeek::default());
    let slot: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str(), i))
        .chain([("", names.len())])
        .collect();
    let no_owner = rows.len() - 1;
    let row_of = |owner: &str| slot.get(owner.trim()).copied().unwrap_or(no_owner);
    let places = plan.step_places();
    for s in plan.workflows.iter().flat_map(|w| &w.steps) {
        let r = &mut rows[row_of(&s.owner)];
        r.now += hours(s);
    }
    for r in &mut rows {
        r.after = [r.now; 3];
    }
    for item in &summary.items {
        let Some(month) = item.column.month_index() else {
            continue;
        };
        let Some(&(wi, si)) = places.get(&item.step) else {
            continue;
        };
        let s = &plan.workflows[wi].steps[si];
        let r = row_of(&s.owner);
        for m in month..3 {
            rows[r].after[m] -= item.hours_saved;
        }
        rows[r].automated.push((s.id, month));
        let w = row_of(watcher(s, &watchers));
        rows[w].new_work += WATCH_HOURS_PER_AUTOMATION;
        rows[w].watches.push(s.id);
    }
    for r in &mut rows {
        for a in &mut r.after {
            // Rounding must not show "-0.0 h".
            if a.abs() < 1e-9 {
                *a = 0.0;
            }
        }
    }
    // Owners of events only (the customer placing the order) have no week to show.
    rows.retain(|r| r.now > 0.0 || !r.automated.is_empty() || !r.watches.is_empty());
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{Column, RoadmapItem};
    use crate::roadmap::summarize;

    fn example() -> Plan {
        let text = include_str!("../../plans/order-fulfillment.ron");
        match crate::storage::from_str(text, "order-fulfillment.ron") {
            Ok(l) => l.plan,
            Err(e) => panic!("the example loads: {e}"),
        }
    }

    #[test]
    fn the_people_table_adds_up_to_the_plans_hours_now_and_after_each_month() {
        let mut plan = example();
        // Put the first three automated steps in Month 1, 2 and 3.
        let auto: Vec<StepId> = plan
            .workflows
            .iter()
            .flat_map(|w| &w.steps)
            .filter(|s| s.tag == crate::model::Tag::Automate && hours(s) > 0.0)
            .map(|s| s.id)
            .collect();
        assert!(auto.len() >= 3, "the example automates steps");
        plan.roadmap.items = auto
            .iter()
            .zip([
                Column::Month1,
                Column::Month2,
                Column::Month3,
                Column::Later,
            ])
            .map(|(id, column)| RoadmapItem {
                step: *id,
                column,
                ..RoadmapItem::default()
            })
            .collect();
        let analysis = analyze(&plan);
        let summary = summarize(&plan, &analysis);
        let rows = people(&plan, &summary);
        let total: f64 = analysis.workflows.iter().map(|w| w.hours_per_week).sum();
        let now: f64 = rows.iter().map(|r| r.now).sum();
        assert!((now - total).abs() < 1e-6, "{now} vs {total}");
        for m in 0..3 {
            let after: f64 = rows.iter().map(|r| r.after[m]).sum();
            let want = total - summary.months[m].hours_saved;
            assert!(
                (after - want).abs() < 1e-6,
                "month {}: {after} vs {want}",
                m + 1
            );
            assert!(summary.months[m].hours_saved > 0.0);
        }
        let watched: usize = rows.iter().map(|r| r.watches.len()).sum();
        assert_eq!(watched, 3, "each automation in the 90 days has a watcher");
        let new: f64 = rows.iter().map(|r| r.new_work).sum();
        assert!((new - 3.0 * WATCH_HOURS_PER_AUTOMATION).abs() < 1e-9);
        // Nobody's week goes below zero, and it only gets lighter month by month.
        for r in &rows {
            assert!(r.after.windows(2).all(|w| w[1] <= w[0] + 1e-9), "{r:?}");
            assert!(r.after[2] >= -1e-9, "{r:?}");
        }
    }

    #[test]
    fn a_failure_plan_that_names_an_owner_makes_them_the_watcher() {
        let owners = vec!["Dana (owner)".to_owned(), "Sam".to_owned()];
        let mut s = Step {
            owner: "Sam".into(),
            ..Step::default()
        };
        assert_eq!(watcher(&s, &OwnerNames::new(&owners)), "Sam");
        s.failure_plan.runs_twice = "Dana refunds the second charge".into();
        assert_eq!(watcher(&s, &OwnerNames::new(&owners)), "Dana (owner)");
    }
}
