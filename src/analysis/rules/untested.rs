//! `untested`: an automated step has no test plan.

use super::{automated_steps, on_step};
use crate::analysis::{Context, Finding, Severity};
use crate::model::StepKind;

pub const CODE: &str = "untested";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "an automated step has no test plan";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in automated_steps(cx) {
        let s = r.step;
        if matches!(s.kind, StepKind::Trigger | StepKind::End) || !s.test_plan.trim().is_empty() {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!("{} is tagged automate but has no test plan.", cx.name(i)),
            "Describe how it will be tried with real data before it goes live (a test order, a test customer) and who watches it in the first weeks.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;

    #[test]
    fn fires_without_a_test_plan_and_stops_with_one() {
        let mut s = automated(2, "Log order in Google Sheets");
        s.test_plan = "  ".into();
        let mut p = plan(vec![chain(1, "Order placed", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].test_plan = "Place a test order and check the new row".into();
        assert!(codes(&p, super::CODE).is_empty());
    }
}
