//! `automated-exception`: an exception step is tagged automate.

use super::{automated_steps, on_step};
use crate::analysis::{Context, Finding, Severity};
use crate::model::StepKind;

pub const CODE: &str = "automated-exception";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "an exception (edge case) is tagged automate";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in automated_steps(cx) {
        if r.step.kind != StepKind::Exception {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "{} is an exception but is tagged automate: automating edge cases makes automations fragile.",
                cx.name(i)
            ),
            "Tag it keep manual and let the automation hand such cases to a person (a notification or a task).",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{StepKind, Tag};

    #[test]
    fn fires_on_an_automated_exception_and_stops_when_kept_manual() {
        let mut s = automated(2, "Item out of stock");
        s.kind = StepKind::Exception;
        let mut p = plan(vec![chain(1, "Order placed", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].tag = Tag::KeepManual;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
