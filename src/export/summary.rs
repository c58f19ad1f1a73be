//! The document's title, export date, price note and summary table.

use std::fmt::Write as _;

use crate::model::Tag;
use crate::roadmap::{date, money};

use super::Doc;
use super::escape::md;
use super::text::{cash, hours};

impl Doc<'_> {
    pub(super) fn header(&mut self) {
        self.out.push_str("# ");
        if self.plan.name.trim().is_empty() {
            self.out.push_str("Automation plan");
        } else {
            md(&mut self.out, &self.plan.name);
            self.out.push_str(": automation plan");
        }
        self.out.push_str("\n\n");
        let _ = write!(
            self.out,
            "Exported by Automap on {}",
            date::format(self.today)
        );
        if !self.plan.profile.shop_name.trim().is_empty() {
            self.out.push_str(" for ");
            md(&mut self.out, &self.plan.profile.shop_name);
        }
        self.out.push_str(".\n\n");
        self.out.push_str(
            "> **Prices change.** Tool prices in this plan are the vendors' published prices \
             when the catalog was written. Verify every price on the vendor's own site before \
             you buy; \"verify price\" marks prices nobody has filled in.\n\n",
        );
    }

    pub(super) fn summary_table(&mut self) {
        let (mut automate, mut manual, mut undecided, mut steps) = (0, 0, 0, 0);
        let mut manual_hours = 0.0;
        for w in &self.plan.workflows {
            for s in &w.steps {
                steps += 1;
                if crate::analysis::is_taggable(s.kind) {
                    match s.tag {
                        Tag::Automate => automate += 1,
                        Tag::KeepManual => manual += 1,
                        Tag::Undecided => undecided += 1,
                    }
                }
                let h = s.manual_hours_per_week();
                if h.is_finite() {
                    manual_hours += h;
                }
            }
        }
        let saved = self.summary.hours_saved_by_day_90();
        let cost = cash(self.summary.monthly_cost().format(self.currency()));
        let value = cash(money(
            self.summary.months[2].value_per_month,
            &self.plan.profile.currency,
        ));
        let _ = write!(
            self.out,
            "## Summary\n\n\
             | Measure | Value |\n\
             | --- | --- |\n\
             | Workflows | {} |\n\
             | Steps | {steps} |\n\
             | Tagged automate / keep manual / undecided | {automate} / {manual} / {undecided} |\n\
             | Manual hours per week now | {} |\n\
             | Hours per week saved by day 90 | {} (worth {value} a month) |\n\
             | Monthly tool cost by day 90 | {cost} |\n\n",
            self.plan.workflows.len(),
            hours(manual_hours),
            hours(saved),
        );
    }
}
