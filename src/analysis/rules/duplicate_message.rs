//! `duplicate-message`: two automated steps send the same kind of customer
//! message for the same event (an order confirmation from both Shopify and
//! Klaviyo).

use super::automated_steps;
use super::on_steps;
use crate::analysis::graph::norm;
use crate::analysis::{Context, Finding, Severity, name_list};
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

pub const CODE: &str = "duplicate-message";
pub const SEVERITY: Severity = Severity::Error;
pub const SUMMARY: &str =
    "two automated steps send the same kind of customer message for the same event";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    // (event, message) -> steps, in order of first appearance.
    let mut groups: HashMap<(&str, Cow<str>), usize> = HashMap::default();
    let mut lists: Vec<(Cow<str>, &str, Vec<usize>)> = Vec::new();
    for (i, r) in automated_steps(cx) {
        let message = norm(&r.step.message);
        if message.is_empty() {
            continue;
        }
        for event in cx.events(i) {
            let k = *groups.entry((event, message.clone())).or_insert_with(|| {
                lists.push((message.clone(), event, Vec::new()));
                lists.len() - 1
            });
            lists[k].2.push(i);
        }
    }
    let mut reported: HashSet<Vec<usize>> = HashSet::default();
    for (message, event, steps) in lists {
        if steps.len() < 2 || !reported.insert(steps.clone()) {
            continue;
        }
        let names: Vec<String> = steps
            .iter()
            .map(|&i| {
                let s = cx.steps[i].step;
                if s.system.trim().is_empty() {
                    cx.name(i)
                } else {
                    format!("{} ({})", cx.name(i), s.system.trim())
                }
            })
            .collect();
        out.push(on_steps(
            cx,
            CODE,
            SEVERITY,
            &steps,
            format!(
                "Customers get the {message} {} for \"{event}\": {} {} send it.",
                if steps.len() == 2 { "twice".to_owned() } else { format!("{} times", steps.len()) },
                name_list(&names, 4),
                if steps.len() == 2 { "both" } else { "all" }
            ),
            "Keep one sender for this message and turn the others off (tag them keep manual or remove them).",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::Tag;

    fn confirmation(id: u32, system: &str) -> crate::model::Step {
        let mut s = automated(id, &format!("{system} sends order confirmation"));
        s.system = system.into();
        s.message = "Order confirmation".into();
        s
    }

    #[test]
    fn fires_on_two_senders_of_one_event_and_stops_when_one_is_off() {
        let mut p = plan(vec![chain(
            1,
            "Customer places order",
            &[confirmation(2, "Shopify"), confirmation(3, "Klaviyo")],
        )]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2, 3]]);
        p.workflows[0].steps[2].tag = Tag::KeepManual;
        assert!(codes(&p, super::CODE).is_empty());
    }

    #[test]
    fn the_same_event_across_workflows_counts_and_other_events_do_not() {
        let mut other = confirmation(12, "Klaviyo");
        other.event = "customer places ORDER".into();
        let p = plan(vec![
            chain(1, "Customer places order", &[confirmation(2, "Shopify")]),
            chain(2, "Something else", &[other]),
        ]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2, 12]]);
        let p = plan(vec![
            chain(1, "Customer places order", &[confirmation(2, "Shopify")]),
            chain(2, "Order edited", &[confirmation(12, "Klaviyo")]),
        ]);
        assert!(codes(&p, super::CODE).is_empty());
    }
}
