//! `failure-plan-missing`: an automated step has not answered all three
//! failure questions (does not run, runs twice, data missing).

use super::{automated_steps, on_step};
use crate::analysis::{Context, Finding, Severity, name_list};
use crate::model::StepKind;

pub const CODE: &str = "failure-plan-missing";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str =
    "an automated step lacks an answer to: does not run / runs twice / data missing";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in automated_steps(cx) {
        let s = r.step;
        if matches!(s.kind, StepKind::Trigger | StepKind::End) || s.failure_plan.is_complete() {
            continue;
        }
        let fp = &s.failure_plan;
        let missing: Vec<String> = [
            (&fp.not_run, "if it does not run"),
            (&fp.runs_twice, "if it runs twice"),
            (&fp.data_missing, "if its data is missing"),
        ]
        .iter()
        .filter(|(answer, _)| answer.trim().is_empty())
        .map(|(_, q)| (*q).to_owned())
        .collect();
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "{} is tagged automate but has no plan for what happens {}.",
                cx.name(i),
                name_list(&missing, 3).replace(" and ", " or ")
            ),
            "Write down who notices and what they do in each case, e.g. a daily check of a list, a duplicate guard, a fallback text.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;

    #[test]
    fn fires_until_all_three_answers_are_given() {
        let mut s = automated(2, "Send tracking email");
        s.failure_plan.runs_twice.clear();
        let mut p = plan(vec![chain(1, "Order shipped", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        let msg = crate::analysis::analyze(&p).findings[0].message.clone();
        assert!(msg.contains("if it runs twice"), "{msg}");
        p.workflows[0].steps[1].failure_plan.runs_twice = "Shopify sends one per order".into();
        assert!(codes(&p, super::CODE).is_empty());
    }
}
