//! `handoff-bounce`: in one workflow, work passes between the same two owners
//! more than twice.

use crate::analysis::handoffs::BOUNCE_LIMIT;
use crate::analysis::{Context, Finding, Severity};

pub const CODE: &str = "handoff-bounce";
pub const SEVERITY: Severity = Severity::Info;
pub const SUMMARY: &str =
    "along one chain, work goes back and forth between the same two owners more than twice";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (w, bounces) in cx.plan.workflows.iter().zip(cx.bounces) {
        for b in bounces {
            let mut steps = Vec::new();
            for h in &b.handoffs {
                for id in [h.from, h.to] {
                    if !steps.contains(&id) {
                        steps.push(id);
                    }
                }
            }
            out.push(Finding {
                code: CODE,
                severity: SEVERITY,
                workflow: Some(w.id),
                step_ids: steps,
                message: format!(
                    "In \"{}\", work goes back and forth between {} and {} {} times in a row (more than {BOUNCE_LIMIT}).",
                    w.name.trim(),
                    b.owners.0,
                    b.owners.1,
                    b.longest
                ),
                hint: "Each handoff is a wait and a chance to drop the ball: let one person own the whole stretch, or automate the passing back and forth (a shared checklist, an automatic notice).",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;

    #[test]
    fn fires_on_three_handoffs_between_two_owners_and_not_on_two() {
        let owners = ["Ana", "Sam", "Ana", "Sam"];
        let steps: Vec<_> = owners
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let mut s = task(i as u32 + 2, "Work");
                s.owner = (*o).to_owned();
                s
            })
            .collect();
        let mut p = plan(vec![chain(1, "Order placed", &steps)]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2, 3, 4, 5]]);
        p.workflows[0].steps[4].owner = "Sam".into();
        p.workflows[0].steps[3].owner = "Sam".into();
        assert!(codes(&p, super::CODE).is_empty());
    }
}
