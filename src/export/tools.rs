//! The tools and what they cost per month.

use std::fmt::Write as _;

use crate::model::Column;
use crate::roadmap::price_text;

use super::Doc;
use super::escape::md;
use super::text::cash;

impl Doc<'_> {
    pub(super) fn tools(&mut self) {
        self.out.push_str("## Tools and cost\n\n");
        if self.summary.tools.is_empty() {
            self.out
                .push_str("No tools are chosen for the roadmap yet.\n\n");
            return;
        }
        self.out.push_str(
            "| Tool | Category | Price option counted | Per month | From | Items | Note |\n\
             | --- | --- | --- | ---: | --- | ---: | --- |\n",
        );
        let currency = self.plan.profile.currency.clone();
        for t in &self.summary.tools {
            self.out.push_str("| ");
            md(&mut self.out, &t.name);
            self.out.push_str(" | ");
            let catalog = self.plan.tool(&t.id);
            match catalog {
                Some(c) => self.out.push_str(c.category.label()),
                None => self.out.push_str("not in the catalog"),
            }
            self.out.push_str(" | ");
            match &t.option {
                Some(o) => md(&mut self.out, o),
                None => self.out.push('–'),
            }
            let _ = write!(
                self.out,
                " | {} | {} | {} | ",
                cash(price_text(t.monthly, &currency)),
                Column::MONTHS[t.since.min(2)].label(),
                t.items
            );
            if let Some(c) = catalog {
                md(&mut self.out, &c.note);
            }
            self.out.push_str(" |\n");
        }
        let _ = write!(
            self.out,
            "| **Total per month by day 90** | | | {} | | | each tool counted once |\n\n",
            cash(self.summary.monthly_cost().format(&currency))
        );
    }
}
