//! `trap-automated`: a step the method calls a trap is tagged automate.

use super::{automated_steps, on_step};
use crate::analysis::{Context, Finding, PriorityClass, Severity};

pub const CODE: &str = "trap-automated";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "a rare, complex step (an automation trap) is tagged automate";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in automated_steps(cx) {
        if cx.insights[i].class != PriorityClass::Trap {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "{} is tagged automate, but it is rare and complex: it will take more time to build and keep running than it saves.",
                cx.name(i)
            ),
            "Keep it manual for now, or simplify it; revisit once the simpler automations run smoothly or a developer can help.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{Complexity, Frequency, Tag};

    #[test]
    fn fires_on_automated_price_matching_and_stops_when_kept_manual() {
        let mut s = automated(2, "Match competitor prices");
        s.complexity = Complexity::High;
        s.frequency = Frequency::per_day(1.0);
        let mut p = plan(vec![chain(1, "Competitor changes price", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].tag = Tag::KeepManual;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
