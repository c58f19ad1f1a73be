//! `never-automate`: a step the method keeps with people is tagged automate.

use super::{automated_steps, on_step};
use crate::analysis::{Context, Finding, PriorityClass, Severity};

pub const CODE: &str = "never-automate";
pub const SEVERITY: Severity = Severity::Error;
pub const SUMMARY: &str =
    "a complaint, refund, brand-voice, legal or strategic step is tagged automate";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in automated_steps(cx) {
        if cx.insights[i].class != PriorityClass::NeverAutomate {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "{} is tagged automate, but it is {} work that needs a person.",
                cx.name(i),
                r.step.sensitivity.label()
            ),
            "Tag it keep manual. Automate only the hand-off around it, such as routing the case to the right person.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{Sensitivity, Tag};

    #[test]
    fn fires_on_an_automated_refund_and_stops_when_kept_manual() {
        let mut s = automated(2, "Approve refund");
        s.sensitivity = Sensitivity::ComplaintOrRefund;
        let mut p = plan(vec![chain(1, "Refund requested", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].tag = Tag::KeepManual;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
