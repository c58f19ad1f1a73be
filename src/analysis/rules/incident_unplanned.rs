//! `incident-unplanned`: an incident happened on a step whose failure plan
//! has no answer for that case.

use super::on_step;
use crate::analysis::{Context, Finding, Severity};
use foldhash::HashMap;

pub const CODE: &str = "incident-unplanned";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "an incident on a step whose failure plan has no answer for that case";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    let incidents = &cx.plan.roadmap.incidents;
    if incidents.is_empty() {
        return;
    }
    let index: HashMap<_, usize> = cx
        .steps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.step.id, i))
        .collect();
    for incident in incidents {
        let Some(&i) = index.get(&incident.step) else {
            continue;
        };
        let r = &cx.steps[i];
        let when = if incident.date.trim().is_empty() {
            String::new()
        } else {
            format!(" on {}", incident.date.trim())
        };
        let message = match incident.case {
            Some(case) if case.answer(&r.step.failure_plan).trim().is_empty() => format!(
                "{} {}{when}, and its failure plan says nothing for that case.",
                cx.name(i),
                case.label()
            ),
            Some(_) => continue,
            None => format!(
                "{} had an incident{when} that none of its three failure answers covers.",
                cx.name(i)
            ),
        };
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            message,
            "Write down who notices it and what they do next time, in the step's failure plan (or its notes when none of the three cases fits).",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{FailureCase, Incident, StepId};

    #[test]
    fn fires_when_the_failure_plan_has_no_answer_for_the_case() {
        let mut s = automated(2, "Send confirmation");
        s.failure_plan.runs_twice.clear();
        let mut p = plan(vec![chain(1, "Order placed", &[s])]);
        p.roadmap.incidents.push(Incident {
            step: StepId(2),
            date: "2026-11-28".into(),
            note: "Sent twice on Black Friday".into(),
            case: Some(FailureCase::NotRun),
            plan_held: true,
        });
        // The plan answers "does not run".
        assert!(codes(&p, super::CODE).is_empty());
        p.roadmap.incidents[0].case = Some(FailureCase::RunsTwice);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        let msg = crate::analysis::analyze(&p)
            .findings
            .iter()
            .find(|f| f.code == super::CODE)
            .map(|f| f.message.clone())
            .unwrap_or_default();
        assert!(msg.contains("ran twice on 2026-11-28"), "{msg}");
        p.roadmap.incidents[0].case = None;
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
    }
}
