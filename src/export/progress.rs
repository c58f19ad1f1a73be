//! How the 90 days are going: status and savings per card, planned against
//! actual savings at each check-in, incidents, and the next check-in. Written
//! only once the plan records progress (a card past "planned", a test done,
//! a measured saving or an incident).

use std::fmt::Write as _;

use crate::model::{CardStatus, Column};
use crate::roadmap::date;
use crate::roadmap::progress::{CHECK_IN_DAYS, REVIEW_LIST, next_check_in, progress};

use super::Doc;
use super::escape::md;
use super::text::hours;

impl Doc<'_> {
    /// The plan records any progress worth a section.
    pub(super) fn has_progress(&self) -> bool {
        let r = &self.plan.roadmap;
        !r.incidents.is_empty()
            || r.items.iter().any(|i| {
                i.status != CardStatus::Planned || i.tested || i.actual_minutes_per_week.is_some()
            })
    }

    pub(super) fn progress(&mut self) {
        if !self.has_progress() {
            return;
        }
        let p = progress(self.plan, self.summary);
        self.out.push_str("## Progress\n\n");
        let live = p.by_status[2];
        let _ = write!(
            self.out,
            "Saving now: {} per week from {live} live {}, of {} per week planned by day 90.\n\n",
            hours(p.actual_total),
            if live == 1 {
                "automation"
            } else {
                "automations"
            },
            hours(p.planned_total),
        );

        self.out
            .push_str("| Card | Column | Status | Live since | Planned saving | Actual saving | Test done |\n");
        self.out
            .push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
        let cards = p.cards.clone();
        for (step, status, s) in &cards {
            let Some((_, st)) = self.find(*step) else {
                continue;
            };
            let item = self.plan.roadmap.item(*step);
            let column = item.map_or(Column::Later, |i| i.column);
            self.out.push_str("| ");
            self.title(st);
            let _ = write!(self.out, " | {} | {} | ", column.label(), status.label());
            match item.and_then(|i| i.live_since.as_deref()) {
                Some(d) if !d.trim().is_empty() => md(&mut self.out, d),
                _ => self.out.push('–'),
            }
            let measured = item.is_some_and(|i| i.actual_minutes_per_week.is_some());
            let actual = if *status != CardStatus::Live {
                "–".to_owned()
            } else if measured {
                format!("{} (measured)", hours(s.actual))
            } else {
                format!("{} (estimate)", hours(s.actual))
            };
            let _ = writeln!(
                self.out,
                " | {} | {actual} | {} |",
                hours(s.planned),
                if item.is_some_and(|i| i.tested) {
                    "yes"
                } else {
                    "no"
                }
            );
        }
        self.out.push('\n');

        self.out
            .push_str("Hours saved per week at each check-in, planned and actual:\n\n");
        self.out
            .push_str("| Check-in | Planned | Actual |\n| --- | --- | --- |\n");
        for day in CHECK_IN_DAYS {
            let week = ((day - 1) / 7) as usize;
            if let Some(w) = p.weeks.get(week) {
                let _ = writeln!(
                    self.out,
                    "| Day {day} | {} | {} |",
                    hours(w.planned),
                    hours(w.actual)
                );
            }
        }
        self.out.push('\n');

        self.incidents();

        self.out.push_str("### Next check-in\n\n");
        let start = self.plan.roadmap.start_date.as_deref();
        match next_check_in(start, self.today) {
            Some((day, when)) => {
                let _ = write!(self.out, "Day {day}, {}. ", date::format(when));
            }
            None if start.and_then(date::parse).is_some() => {
                self.out.push_str(
                    "Day 90 has passed: time to review the plan and set the next 90 days. ",
                );
            }
            None => self
                .out
                .push_str("No start date is set; check-ins fall on day 30, 60 and 90 from it. "),
        }
        self.out.push_str("Review at each check-in:\n\n");
        for line in REVIEW_LIST {
            self.out.push_str("- ");
            md(&mut self.out, line);
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn incidents(&mut self) {
        let incidents = self.plan.roadmap.incidents.clone();
        if incidents.is_empty() {
            return;
        }
        self.out.push_str("### Incidents\n\n");
        self.out
            .push_str("| Date | Step | What happened | Case | Failure plan |\n| --- | --- | --- | --- | --- |\n");
        for i in &incidents {
            self.out.push_str("| ");
            self.text_or(&i.date, "no date");
            self.out.push_str(" | ");
            match self.find(i.step) {
                Some((_, s)) => self.title(s),
                None => {
                    let _ = write!(self.out, "Step {}", i.step);
                }
            }
            self.out.push_str(" | ");
            self.text_or(&i.note, "no note");
            let _ = writeln!(
                self.out,
                " | {} | {} |",
                i.case.map_or("none of the three", |c| c.label()),
                if i.plan_held { "held" } else { "did not hold" }
            );
        }
        self.out.push('\n');
    }
}
