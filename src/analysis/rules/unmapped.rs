//! `unmapped`: a workflow has automated steps but its map is not finished: no
//! trigger, no end, or steps the trigger never reaches (automating before mapping).

use crate::analysis::{Context, Finding, Severity, name_list};
use crate::model::Tag;

pub const CODE: &str = "unmapped";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str =
    "a workflow with automated steps lacks a trigger, an end, or has unreachable steps";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (wi, w) in cx.plan.workflows.iter().enumerate() {
        if !w.steps.iter().any(|s| s.tag == Tag::Automate) {
            continue;
        }
        let g = &cx.graphs[wi];
        let start = cx.offsets[wi];
        let mut gaps = Vec::new();
        if !g.has_trigger {
            gaps.push("no trigger".to_owned());
        }
        if !g.has_end {
            gaps.push("no end".to_owned());
        }
        let lost: Vec<usize> = if g.has_trigger {
            (0..w.steps.len())
                .filter(|&k| !g.reachable[k])
                .map(|k| start + k)
                .collect()
        } else {
            Vec::new()
        };
        if !lost.is_empty() {
            let names: Vec<String> = lost.iter().map(|&i| cx.name(i)).collect();
            gaps.push(format!(
                "{} not reached from the trigger",
                name_list(&names, 3)
            ));
        }
        if gaps.is_empty() {
            continue;
        }
        let step_ids = if lost.is_empty() {
            w.steps
                .iter()
                .filter(|s| s.tag == Tag::Automate)
                .map(|s| s.id)
                .collect()
        } else {
            lost.iter().map(|&i| cx.steps[i].step.id).collect()
        };
        let name = if w.name.trim().is_empty() {
            "This workflow"
        } else {
            w.name.trim()
        };
        out.push(Finding {
            code: CODE,
            severity: SEVERITY,
            workflow: Some(w.id),
            step_ids,
            message: format!(
                "'{name}' has automated steps but its map is unfinished: {}.",
                gaps.join("; ")
            ),
            hint: "Finish the map before automating: one trigger that starts it, an end, and arrows that connect every step.",
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{Link, StepId};

    #[test]
    fn fires_on_a_loose_step_and_stops_once_connected() {
        let mut w = chain(1, "Order placed", &[automated(2, "Send confirmation")]);
        w.steps.push(automated(3, "Log order"));
        let mut p = plan(vec![w]);
        assert_eq!(codes(&p, super::CODE), vec![vec![3]]);
        p.workflows[0].links.push(Link::new(StepId(2), StepId(3)));
        assert!(codes(&p, super::CODE).is_empty());
    }

    #[test]
    fn fires_without_a_trigger_and_is_silent_while_nothing_is_automated() {
        let mut p = plan(vec![workflow(
            1,
            &[automated(2, "Send confirmation"), end(3, "Done")],
            &[(2, 3, "")],
        )]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[0].tag = crate::model::Tag::Undecided;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
