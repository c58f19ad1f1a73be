//! `nobody-notices`: an automated step's failure plan names no one of the
//! plan who would notice when it goes wrong.

use super::{automated_steps, on_step};
use crate::analysis::handoffs::{OwnerNames, owners};
use crate::analysis::{Context, Finding, Severity};
use crate::model::StepKind;

pub const CODE: &str = "nobody-notices";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "an automated step's failure plan names no owner of the plan who notices";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    let owners = owners(cx.plan);
    let names = OwnerNames::new(&owners);
    for (i, r) in automated_steps(cx) {
        let s = r.step;
        if matches!(s.kind, StepKind::Trigger | StepKind::End) {
            continue;
        }
        let fp = &s.failure_plan;
        let answers = [&fp.not_run, &fp.runs_twice, &fp.data_missing];
        // With no answer at all, `failure-plan-missing` already says so.
        if answers.iter().all(|a| a.trim().is_empty()) {
            continue;
        }
        if answers.iter().any(|a| names.named_in(a).is_some()) {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "The failure plan of {} does not say who on the team notices when it goes wrong.",
                cx.name(i)
            ),
            "Name the person (an owner of steps in this plan) who notices and how: a daily look at a list, an alert to their inbox.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;

    #[test]
    fn fires_when_no_answer_names_an_owner_and_stops_when_one_does() {
        let mut s = automated(2, "Send tracking email");
        s.owner = "Dana (owner)".into();
        s.failure_plan.not_run = "Customers write in asking for tracking".into();
        s.failure_plan.runs_twice = "A second email goes out".into();
        s.failure_plan.data_missing = "The email has a blank number".into();
        let mut p = plan(vec![chain(1, "Order shipped", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].failure_plan.not_run =
            "Dana sees the daily list of orders without tracking".into();
        assert!(codes(&p, super::CODE).is_empty());
    }
}
