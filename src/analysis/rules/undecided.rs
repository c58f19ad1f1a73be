//! `undecided`: steps not yet tagged automate or keep manual (one finding per workflow).

use crate::analysis::{Context, Finding, Severity, step_name_list};

pub const CODE: &str = "undecided";
pub const SEVERITY: Severity = Severity::Info;
pub const SUMMARY: &str = "steps not yet tagged automate or keep manual";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (wi, w) in cx.plan.workflows.iter().enumerate() {
        let start = cx.offsets[wi];
        let open: Vec<usize> = w
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| crate::analysis::is_undecided(s))
            .map(|(k, _)| start + k)
            .collect();
        if open.is_empty() {
            continue;
        }
        let name = if w.name.trim().is_empty() {
            "this workflow"
        } else {
            w.name.trim()
        };
        out.push(Finding {
            code: CODE,
            severity: SEVERITY,
            workflow: Some(w.id),
            step_ids: open.iter().map(|&i| cx.steps[i].step.id).collect(),
            message: format!(
                "{} {} of '{name}' {} not decided yet: {}.",
                open.len(),
                if open.len() == 1 { "step" } else { "steps" },
                if open.len() == 1 { "is" } else { "are" },
                step_name_list(cx, &open, 4)
            ),
            hint: "Tag each step automate or keep manual; the method's suggestion next to each step is a starting point.",
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::Tag;

    #[test]
    fn fires_on_untagged_steps_and_stops_once_tagged() {
        let mut p = plan(vec![chain(1, "Order placed", &[task(2, "Print slip")])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].tag = Tag::KeepManual;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
