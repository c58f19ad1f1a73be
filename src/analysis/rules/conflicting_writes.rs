//! `conflicting-writes`: two automations write the same data (same system and
//! object) for the same event.

use super::automated_steps;
use super::on_steps;
use crate::analysis::graph::norm;
use crate::analysis::{Context, Finding, Severity, step_name_list};
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

pub const CODE: &str = "conflicting-writes";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "two automated steps write the same data for the same event";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    // (event, system, object) -> (label, steps), in order of first appearance.
    let mut groups: HashMap<(&str, Cow<str>, Cow<str>), usize> = HashMap::default();
    let mut lists: Vec<(String, &str, Vec<usize>)> = Vec::new();
    for (i, r) in automated_steps(cx) {
        for d in &r.step.writes {
            let (system, object) = (norm(&d.system), norm(&d.object));
            if system.is_empty() && object.is_empty() {
                continue;
            }
            for event in cx.events(i) {
                let k = *groups
                    .entry((event, system.clone(), object.clone()))
                    .or_insert_with(|| {
                        let label = format!("{} {}", d.system.trim(), d.object.trim());
                        lists.push((label.trim().to_owned(), event, Vec::new()));
                        lists.len() - 1
                    });
                let steps = &mut lists[k].2;
                if steps.last() != Some(&i) {
                    steps.push(i);
                }
            }
        }
    }
    let mut reported: HashSet<(String, Vec<usize>)> = HashSet::default();
    for (label, event, steps) in lists {
        if steps.len() < 2 || !reported.insert((label.to_lowercase(), steps.clone())) {
            continue;
        }
        out.push(on_steps(
            cx,
            CODE,
            SEVERITY,
            &steps,
            format!(
                "{} {} write '{label}' when \"{event}\" happens: one may overwrite the other.",
                step_name_list(cx, &steps, 4),
                if steps.len() == 2 { "both" } else { "all" }
            ),
            "Let one automation own this data and have the others read it, or make sure they write different fields in a fixed order.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;

    #[test]
    fn fires_on_two_writers_and_stops_when_one_writes_elsewhere() {
        let mut a = automated(2, "Flow tags customer");
        a.writes = vec![data("Shopify", "customer tags")];
        let mut b = automated(3, "Zap tags customer");
        b.writes = vec![data("shopify", "Customer  tags")];
        let mut p = plan(vec![chain(1, "Order placed", &[a, b])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2, 3]]);
        p.workflows[0].steps[2].writes = vec![data("Klaviyo", "profile")];
        assert!(codes(&p, super::CODE).is_empty());
    }
}
