//! "What changes for each person": per owner, their hours through the 90
//! days, the steps that become automated and when, what stays with them, and
//! the automations they watch (the failure plans they answer).

use foldhash::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::model::{Column, StepId, Tag, lane_label};
use crate::roadmap::people::{WATCH_HOURS_PER_AUTOMATION, people};

use super::escape::md;
use super::text::hours;
use super::{Doc, LIST_LIMIT};

impl Doc<'_> {
    pub(super) fn people(&mut self) {
        self.out.push_str("## What changes for each person\n\n");
        let rows = people(self.plan, self.summary);
        if rows.iter().all(|r| r.owner.is_empty()) {
            self.out.push_str(
                "No step has an owner yet: give steps an owner to see what changes for whom.\n\n",
            );
            return;
        }
        let _ = write!(
            self.out,
            "Manual hours per week as the roadmap goes live. Each automation asks about {:.0} minutes a week \
             of the person who watches it (the one its failure plan names, else the step's owner).\n\n",
            WATCH_HOURS_PER_AUTOMATION * 60.0
        );
        self.out.push_str(
            "| Person | Now | After Month 1 | After Month 2 | After Month 3 | New work |\n\
             | --- | ---: | ---: | ---: | ---: | ---: |\n",
        );
        for r in &rows {
            self.out.push_str("| ");
            md(&mut self.out, lane_label(&r.owner));
            let _ = write!(self.out, " | {}", hours(r.now));
            for a in r.after {
                let _ = write!(self.out, " | {}", hours(a));
            }
            let _ = writeln!(self.out, " | {} |", hours(r.new_work));
        }
        self.out.push('\n');
        let months = [Column::Month1, Column::Month2, Column::Month3];
        // Each owner's steps with manual time, in plan order, in one pass.
        let mut manual: HashMap<&str, Vec<StepId>> = HashMap::default();
        for s in self.plan.workflows.iter().flat_map(|w| &w.steps) {
            if s.manual_hours_per_week() > 0.0 {
                manual.entry(s.owner.trim()).or_default().push(s.id);
            }
        }
        for r in &rows {
            self.out.push_str("### ");
            md(&mut self.out, lane_label(&r.owner));
            self.out.push_str("\n\n");
            if r.automated.is_empty() {
                self.out
                    .push_str("Nothing of theirs is automated in the 90 days.\n\n");
            } else {
                self.out.push_str("Becomes automated:\n\n");
                for (id, m) in r.automated.iter().take(LIST_LIMIT) {
                    self.out.push_str("- ");
                    self.out.push_str(months[*m].label());
                    self.out.push_str(": ");
                    self.step_in_workflow(*id);
                    self.out.push('\n');
                }
                self.more(r.automated.len());
            }
            let automated: HashSet<StepId> = r.automated.iter().map(|(id, _)| *id).collect();
            let stays: Vec<StepId> = manual
                .get(r.owner.as_str())
                .into_iter()
                .flatten()
                .filter(|id| !automated.contains(id))
                .copied()
                .collect();
            if !stays.is_empty() {
                self.out.push_str("Stays with them:\n\n");
                for id in stays.iter().take(LIST_LIMIT) {
                    self.out.push_str("- ");
                    self.step_in_workflow(*id);
                    if let Some((_, s)) = self.find(*id) {
                        let why = match s.tag {
                            Tag::KeepManual => " (kept manual)",
                            Tag::Automate => " (automated later)",
                            Tag::Undecided => " (not decided yet)",
                        };
                        self.out.push_str(why);
                    }
                    self.out.push('\n');
                }
                self.more(stays.len());
            }
            if !r.watches.is_empty() {
                self.out.push_str("Watches, and answers when it fails:\n\n");
                for id in r.watches.iter().take(LIST_LIMIT) {
                    self.out.push_str("- ");
                    self.step_in_workflow(*id);
                    if let Some((_, s)) = self.find(*id) {
                        self.out.push_str(" — if it does not run: ");
                        let not_run = s.failure_plan.not_run.clone();
                        self.text_or(&not_run, "no answer yet");
                    }
                    self.out.push('\n');
                }
                self.more(r.watches.len());
            }
        }
    }

    /// "**Title** (Workflow)".
    fn step_in_workflow(&mut self, id: StepId) {
        let Some((w, s)) = self.find(id) else {
            let _ = write!(self.out, "step {id}");
            return;
        };
        self.out.push_str("**");
        self.title(s);
        self.out.push_str("** (");
        self.wf_name(w);
        self.out.push(')');
    }

    /// Close a list, saying how many more there are beyond [`LIST_LIMIT`].
    fn more(&mut self, total: usize) {
        if total > LIST_LIMIT {
            let _ = writeln!(self.out, "- and {} more", total - LIST_LIMIT);
        }
        self.out.push('\n');
    }
}
