//! The 90-day roadmap: capacity, the Gantt chart, each month and its tasks,
//! Later and Stays manual.

use std::fmt::Write as _;

use crate::model::Column;
use crate::roadmap::{self, date, money, price_text};

use super::Doc;
use super::escape::md;
use super::mermaid;
use super::text::{cash, finite, hours};

impl Doc<'_> {
    fn start_day(&self) -> (i64, bool) {
        match self
            .plan
            .roadmap
            .start_date
            .as_deref()
            .and_then(date::parse)
        {
            Some(d) => (d, true),
            None => (self.today, false),
        }
    }

    pub(super) fn roadmap(&mut self) {
        self.out.push_str("## 90-day roadmap\n\n");
        let (start, dated) = self.start_day();
        let per_week = self.plan.profile.setup_hours_per_week;
        if self.is_suggested {
            self.out.push_str(
                "The board has not been arranged yet: this is the roadmap Automap suggests \
                 from the steps' layers and the team's setup capacity.\n\n",
            );
        }
        if dated {
            let _ = write!(self.out, "Starts on {}. ", date::format(start));
        } else {
            let _ = write!(
                self.out,
                "No start date is set; the chart counts from the export date ({}). ",
                date::format(start)
            );
        }
        let _ = write!(
            self.out,
            "Setup capacity: {} per week, {} per 30-day month.\n\n",
            hours(finite(per_week).max(0.0)),
            hours(roadmap::capacity(self.plan)),
        );
        mermaid::gantt(&mut self.out, self.plan, self.summary, start, |id| {
            self.steps.get(&id).copied()
        });
    }

    /// After the months: the return chart, Later and Stays manual.
    pub(super) fn roadmap_end(&mut self) {
        self.return_on_roadmap();

        self.out.push_str("### Later\n\n");
        if self.summary.later.is_empty() {
            self.out.push_str("Nothing is put off.\n\n");
        } else {
            let summary = self.summary;
            for &i in &summary.later {
                self.reason_line(i);
            }
            self.out.push('\n');
        }
        self.out.push_str("### Stays manual\n\n");
        if self.summary.stays_manual.is_empty() {
            self.out.push_str("Nothing is marked to stay manual.\n\n");
        } else {
            let summary = self.summary;
            for &i in &summary.stays_manual {
                self.reason_line(i);
            }
            self.out.push('\n');
        }
    }

    pub(super) fn month(&mut self, mi: usize) {
        let m = &self.summary.months[mi];
        let col = Column::MONTHS[mi];
        let (first, last) = col.days().unwrap_or((1, 30));
        let _ = write!(self.out, "### {} (days {first}–{last})\n\n", col.label());
        let note = roadmap::phase_note(self.plan, self.roadmap, self.summary, mi);
        self.out.push_str("- **Goal:** ");
        self.text_or(&note.goal, "not written yet");
        self.out.push_str("\n- **Expected outcome:** ");
        self.text_or(&note.outcome, "not written yet");
        let _ = write!(
            self.out,
            "\n- **Setup:** {} of {} capacity{}\n",
            hours(m.setup_hours),
            hours(m.capacity),
            if m.over_capacity() {
                " (over capacity)"
            } else {
                ""
            },
        );
        self.out.push_str("- **Tools and cost:** ");
        if m.tools.is_empty() {
            self.out.push_str("no tools yet");
        } else {
            let currency = self.plan.profile.currency.clone();
            for (k, &ti) in m.tools.iter().enumerate() {
                let Some(t) = self.summary.tools.get(ti) else {
                    continue;
                };
                if k > 0 {
                    self.out.push_str(", ");
                }
                md(&mut self.out, &t.name);
                let _ = write!(self.out, " ({})", cash(price_text(t.monthly, &currency)));
            }
            let _ = write!(self.out, "; {} a month", cash(m.cost.format(&currency)));
        }
        let _ = write!(
            self.out,
            "\n- **Hours saved per week by the end of the month:** {}, worth {} a month against {} of tools\n\n",
            hours(m.hours_saved),
            cash(money(m.value_per_month, &self.plan.profile.currency)),
            cash(m.cost.format(&self.plan.profile.currency)),
        );
        if m.items.is_empty() {
            self.out.push_str("Nothing is planned for this month.\n\n");
            return;
        }
        let items = m.items.clone();
        for i in items {
            self.task(i);
        }
        self.out.push('\n');
    }

    fn task(&mut self, i: usize) {
        let info = &self.summary.items[i];
        let Some((w, s)) = self.find(info.step) else {
            return;
        };
        self.out.push_str("- [ ] **");
        self.title(s);
        self.out.push_str("** (");
        self.wf_name(w);
        self.out.push(')');
        if let Some(l) = info.layer {
            let _ = write!(self.out, " · {}", l.label());
        }
        self.out.push_str(" · tool: ");
        if info.tool.is_empty() {
            self.out.push_str("*none chosen*");
        } else {
            let tool = info.tool.clone();
            self.tool_name(&tool);
        }
        let _ = write!(
            self.out,
            " · setup {} · saves {} per week",
            hours(info.setup_hours),
            hours(info.hours_saved)
        );
        if let Some(from) = info.moved_from {
            let _ = write!(self.out, " · moved here: {} was full", from.label());
        }
        self.out.push('\n');
        let fp = &s.failure_plan;
        self.out.push_str("  - Failure plan: ");
        if fp.not_run.trim().is_empty()
            && fp.runs_twice.trim().is_empty()
            && fp.data_missing.trim().is_empty()
        {
            self.out
                .push_str("**missing**, answer the three questions before going live");
        } else {
            for (k, (q, a)) in [
                ("if it does not run", &fp.not_run),
                ("if it runs twice", &fp.runs_twice),
                ("if data is missing", &fp.data_missing),
            ]
            .into_iter()
            .enumerate()
            {
                if k > 0 {
                    self.out.push_str("; ");
                }
                self.out.push_str(q);
                self.out.push_str(": ");
                if a.trim().is_empty() {
                    self.out.push_str("**not answered**");
                } else {
                    md(&mut self.out, a);
                }
            }
        }
        self.out.push_str("\n  - Test plan: ");
        if s.test_plan.trim().is_empty() {
            self.out
                .push_str("**missing**, test with real data before going live");
        } else {
            md(&mut self.out, &s.test_plan);
        }
        self.out.push('\n');
    }
}
