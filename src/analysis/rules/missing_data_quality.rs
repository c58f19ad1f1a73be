//! `missing-data-quality`: an automated step reads data not marked as
//! reliably filled (the "Hi ," email).

use super::{automated_steps, on_step};
use crate::analysis::{Context, Finding, Severity, name_list};

pub const CODE: &str = "missing-data-quality";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "an automated step reads data not marked as reliably filled";

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (i, r) in automated_steps(cx) {
        let weak: Vec<String> = r
            .step
            .reads
            .iter()
            .filter(|d| !d.reliable)
            .map(|d| {
                let label = match (d.system.trim(), d.object.trim()) {
                    (s, "") => s.to_owned(),
                    ("", o) => o.to_owned(),
                    (s, o) => format!("{s} {o}"),
                };
                format!("'{label}'")
            })
            .collect();
        if weak.is_empty() {
            continue;
        }
        out.push(on_step(
            CODE,
            SEVERITY,
            r,
            format!(
                "{} is tagged automate and uses {}, which is not known to be filled in reliably.",
                cx.name(i),
                name_list(&weak, 3)
            ),
            "Check and clean that data first (make the fields required, fill the gaps), then mark it reliable; or plan a fallback when it is empty.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::DataRef;

    #[test]
    fn fires_on_unreliable_data_and_stops_once_checked() {
        let mut s = automated(2, "Send welcome email");
        s.reads = vec![DataRef::new("Shopify", "customer first name", false)];
        let mut p = plan(vec![chain(1, "Customer signs up", &[s])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2]]);
        p.workflows[0].steps[1].reads[0].reliable = true;
        assert!(codes(&p, super::CODE).is_empty());
    }
}
