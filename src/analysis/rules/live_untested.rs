//! `live-untested`: an automated step is live on the roadmap, but its test
//! plan was never marked done.

use super::on_step;
use crate::analysis::{Context, Finding, Severity};
use crate::model::{CardStatus, Tag};
use foldhash::HashMap;

pub const CODE: &str = "live-untested";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "a live automated step whose test plan was never marked done";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    let live: Vec<_> = cx
        .plan
        .roadmap
        .items
        .iter()
        .filter(|i| i.status == CardStatus::Live && !i.tested)
        .collect();
    if live.is_empty() {
        return;
    }
    let index: HashMap<_, usize> = cx
        .steps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.step.id, i))
        .collect();
    let mut seen = foldhash::HashSet::default();
    for item in live {
        let Some(&i) = index.get(&item.step) else {
            continue;
        };
        let r = &cx.steps[i];
        if r.step.tag != Tag::Automate || !seen.insert(item.step) {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "{} is live, but its test plan was never marked done.",
                cx.name(i)
            ),
            "Run the test plan with real data (a test order, a test customer) and mark it done on the roadmap card, or pause the card until it is tested.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{CardStatus, RoadmapItem, StepId};

    #[test]
    fn fires_for_a_live_card_until_its_test_is_marked_done() {
        let mut p = plan(vec![chain(
            1,
            "Order placed",
            &[automated(2, "Send confirmation")],
        )]);
        p.roadmap.items.push(RoadmapItem {
            step: StepId(2),
            status: CardStatus::Building,
            ..RoadmapItem::default()
        });
        assert!(codes(&p, super::CODE).is_empty());
        p.roadmap.items[0].status = CardStatus::Live;
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.roadmap.items[0].tested = true;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
