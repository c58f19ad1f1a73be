//! `decision-without-branches`: a decision lacks two or more labelled arrows out.

use super::on_step;
use crate::analysis::{Context, Finding, Severity};
use crate::model::StepKind;

pub const CODE: &str = "decision-without-branches";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "a decision has fewer than two labelled outgoing arrows";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in cx.steps.iter().enumerate() {
        if r.step.kind != StepKind::Decision {
            continue;
        }
        let g = &cx.graphs[r.wf_index];
        let labelled = g.labelled_out[r.local];
        if labelled >= 2 {
            continue;
        }
        let total = g.out[r.local].len();
        let what = match (total, labelled) {
            (0, _) => "has no arrows out".to_owned(),
            (1, _) => "has only one arrow out".to_owned(),
            (n, l) => format!("has {n} arrows out but only {l} labelled"),
        };
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!("The decision {} {what}.", cx.name(i)),
            "Draw an arrow for each answer and label it (\"yes\" / \"no\", \"repeat buyer\" / \"first order\").",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{Link, StepId};

    #[test]
    fn fires_until_two_branches_are_labelled() {
        let w = workflow(
            1,
            &[
                trigger(1, "Order placed"),
                decision(2, "Repeat buyer?"),
                task(3, "Email A"),
                task(4, "Email B"),
            ],
            &[(1, 2, ""), (2, 3, "yes"), (2, 4, "")],
        );
        let mut p = plan(vec![w]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].links[2] = Link::labelled(StepId(2), StepId(4), "no");
        assert!(codes(&p, super::CODE).is_empty());
    }
}
