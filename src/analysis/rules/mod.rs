//! The lint rules, one per file. Each has a stable code (used by `automap
//! check`, the findings panel and `docs/findings.md`) and a `check` function
//! that adds its findings to a list. Every rule is linear in the plan's size.

mod automated_exception;
mod conflicting_writes;
mod data_loop;
mod decision_without_branches;
mod duplicate_message;
mod failure_plan_missing;
mod handoff_bounce;
mod incident_unplanned;
mod layer_order;
mod live_untested;
mod missing_data_quality;
mod never_automate;
mod nobody_notices;
mod trap_automated;
mod undecided;
mod unmapped;
mod untested;

use super::{Context, Finding, Severity, StepRef};
use crate::model::Tag;

/// One rule: its code, severity and what it checks.
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// One line on what the rule looks for.
    pub summary: &'static str,
    check: fn(&Context, &mut Vec<Finding>),
}

macro_rules! rule {
    ($m:ident) => {
        Rule {
            code: $m::CODE,
            severity: $m::SEVERITY,
            summary: $m::SUMMARY,
            check: $m::check,
        }
    };
}

/// Every rule, in the order their findings are listed within a severity.
pub const RULES: [Rule; 17] = [
    rule!(never_automate),
    rule!(duplicate_message),
    rule!(data_loop),
    rule!(failure_plan_missing),
    rule!(conflicting_writes),
    rule!(layer_order),
    rule!(automated_exception),
    rule!(trap_automated),
    rule!(missing_data_quality),
    rule!(untested),
    rule!(live_untested),
    rule!(incident_unplanned),
    rule!(nobody_notices),
    rule!(unmapped),
    rule!(decision_without_branches),
    rule!(undecided),
    rule!(handoff_bounce),
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// The steps tagged automate, each with its index in `cx.steps` (the same
/// index as in `cx.insights`).
fn automated_steps<'c, 'a>(cx: &'c Context<'a>) -> impl Iterator<Item = (usize, &'c StepRef<'a>)> {
    cx.steps
        .iter()
        .enumerate()
        .filter(|(_, r)| r.step.tag == Tag::Automate)
}

/// A finding about one step.
fn on_step(
    code: &'static str,
    severity: Severity,
    r: &StepRef,
    message: String,
    hint: &'static str,
) -> Finding {
    Finding {
        code,
        severity,
        workflow: Some(r.workflow.id),
        step_ids: vec![r.step.id],
        message,
        hint,
    }
}

/// A finding about several steps (indices into `cx.steps`); the workflow is
/// the first step's.
fn on_steps(
    cx: &Context,
    code: &'static str,
    severity: Severity,
    steps: &[usize],
    message: String,
    hint: &'static str,
) -> Finding {
    Finding {
        code,
        severity,
        workflow: steps.first().map(|&i| cx.steps[i].workflow.id),
        step_ids: steps.iter().map(|&i| cx.steps[i].step.id).collect(),
        message,
        hint,
    }
}

/// Run every rule, on this thread (`threads` below 2) or each on the next
/// free worker thread; the findings come out in the order of the rules,
/// whatever the number of threads.
pub(crate) fn run_all(cx: &Context, threads: usize, out: &mut Vec<Finding>) {
    let run = |r: &Rule| {
        let mut findings = Vec::new();
        (r.check)(cx, &mut findings);
        findings
    };
    let found: Vec<Vec<Finding>> = if threads < 2 {
        RULES.iter().map(run).collect()
    } else {
        use rayon::prelude::*;
        RULES.par_iter().map(run).collect()
    };
    out.extend(found.into_iter().flatten());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let docs = include_str!("../../../docs/findings.md");
        let mut seen = foldhash::HashSet::default();
        for r in &RULES {
            assert!(seen.insert(r.code), "{} twice", r.code);
            assert!(
                docs.contains(&format!("`{}`", r.code)),
                "docs/findings.md does not describe {}",
                r.code
            );
        }
    }
}
