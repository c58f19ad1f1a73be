//! The four questions: what workflows exist, the quick wins, where the
//! workflows connect, and what stays with people.

use foldhash::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::analysis::PriorityClass;
use crate::model::{Step, StepId, Workflow, WorkflowId};

use super::escape::md;
use super::text::hours;
use super::{Doc, LIST_LIMIT};

/// Events or data shared between workflows: lower-case key to the text as
/// first written and the workflows in plan order.
type Shared = HashMap<String, (String, Vec<WorkflowId>)>;

/// Count `text` (trimmed; blank counts nothing) for workflow `w`. `key` is a
/// buffer for the lower-case key, so that a text seen before costs no copy.
fn add(map: &mut Shared, key: &mut String, text: &str, w: WorkflowId) {
    let text = crate::text::trimmed(text);
    if text.is_empty() {
        return;
    }
    key.clear();
    if text.is_ascii() {
        key.push_str(text);
        key.make_ascii_lowercase();
    } else {
        key.push_str(&text.to_lowercase());
    }
    match map.get_mut(key.as_str()) {
        // Workflows arrive in plan order: a repeat is always the last one.
        Some(e) => {
            if e.1.last() != Some(&w) {
                e.1.push(w);
            }
        }
        None => {
            map.insert(key.clone(), (text.to_owned(), vec![w]));
        }
    }
}

/// The entries of `map` in the order of their keys.
fn sorted(map: &Shared) -> Vec<(&String, &(String, Vec<WorkflowId>))> {
    let mut v: Vec<_> = map.iter().collect();
    v.sort_unstable_by(|a, b| a.0.cmp(b.0));
    v
}

impl Doc<'_> {
    /// The heading and the first two questions.
    pub(super) fn four_questions(&mut self) {
        self.out.push_str("## The four questions\n\n");

        self.out.push_str("### 1. What workflows exist?\n\n");
        if self.plan.workflows.is_empty() {
            self.out.push_str("No workflows are mapped yet.\n\n");
        } else {
            for w in &self.plan.workflows {
                let h: f64 = w
                    .steps
                    .iter()
                    .map(Step::manual_hours_per_week)
                    .filter(|h| h.is_finite())
                    .sum();
                self.out.push_str("- **");
                self.wf_name(w);
                let n = w.steps.len();
                let _ = writeln!(
                    self.out,
                    "**: {n} {}, {} of manual work per week",
                    if n == 1 { "step" } else { "steps" },
                    hours(h)
                );
            }
            self.out.push('\n');
        }

        self.out
            .push_str("### 2. What should be automated first?\n\n");
        let planned = self.summary.planned();
        if !planned.is_empty() {
            self.out
                .push_str("Everything planned for the 90 days, in roadmap order:\n\n");
            for (k, &i) in planned.iter().enumerate() {
                let Some(info) = self.summary.items.get(i) else {
                    continue;
                };
                let Some(&(wi, si)) = self.steps.get(&info.step) else {
                    continue;
                };
                let w = &self.plan.workflows[wi];
                let s = &w.steps[si];
                let _ = write!(self.out, "{}. **", k + 1);
                self.title(s);
                self.out.push_str("** (");
                self.wf_name(w);
                let _ = writeln!(
                    self.out,
                    "): {}, saves {} per week",
                    info.column.label(),
                    hours(info.hours_saved)
                );
            }
            self.out.push('\n');
        }
        let on_roadmap: HashSet<StepId> = planned
            .iter()
            .filter_map(|&i| self.summary.items.get(i).map(|it| it.step))
            .collect();
        let mut wins: Vec<(&Workflow, &Step, f64)> = Vec::new();
        for w in &self.plan.workflows {
            for s in &w.steps {
                if self
                    .analysis
                    .step(s.id)
                    .is_some_and(|i| i.class == PriorityClass::QuickWin)
                    && !on_roadmap.contains(&s.id)
                {
                    let h = s.manual_hours_per_week();
                    wins.push((w, s, if h.is_finite() { h } else { 0.0 }));
                }
            }
        }
        wins.sort_by(|a, b| b.2.total_cmp(&a.2));
        if wins.is_empty() && planned.is_empty() {
            self.out.push_str(
                "No quick wins yet: frequent, simple, rule-based steps show up here.\n\n",
            );
        } else if !wins.is_empty() {
            self.out.push_str(if planned.is_empty() {
                "Quick wins (frequent, simple, rule-based), most hours saved first:\n\n"
            } else {
                "Quick wins not on the roadmap yet, most hours saved first:\n\n"
            });
            for (k, (w, s, h)) in wins.iter().take(LIST_LIMIT).enumerate() {
                let _ = write!(self.out, "{}. **", k + 1);
                self.title(s);
                self.out.push_str("** (");
                self.wf_name(w);
                let _ = writeln!(self.out, "): {} per week", hours(*h));
            }
            if wins.len() > LIST_LIMIT {
                let _ = writeln!(self.out, "\n…and {} more.", wins.len() - LIST_LIMIT);
            }
            self.out.push('\n');
        }
    }

    /// The third question: shared events and data.
    pub(super) fn third_question(&mut self) {
        self.out
            .push_str("### 3. How do the workflows connect?\n\n");
        self.connections();
    }

    pub(super) fn fourth_question(&mut self) {
        self.out.push_str("### 4. What stays manual, and why?\n\n");
        if self.summary.stays_manual.is_empty() {
            self.out
                .push_str("Nothing is marked to stay manual yet.\n\n");
        } else {
            for &i in self.summary.stays_manual.iter().take(LIST_LIMIT) {
                self.reason_line(i);
            }
            if self.summary.stays_manual.len() > LIST_LIMIT {
                let _ = writeln!(
                    self.out,
                    "\n…and {} more, listed under Stays manual below.",
                    self.summary.stays_manual.len() - LIST_LIMIT
                );
            }
            self.out.push('\n');
        }
    }

    /// Shared events and shared data between workflows.
    fn connections(&mut self) {
        let mut events: Shared = HashMap::default();
        let mut writers: Shared = HashMap::default();
        let mut readers: Shared = HashMap::default();
        let (mut text, mut key) = (String::new(), String::new());
        for w in &self.plan.workflows {
            for s in &w.steps {
                if s.kind == crate::model::StepKind::Trigger {
                    add(&mut events, &mut key, &s.title, w.id);
                }
                add(&mut events, &mut key, &s.event, w.id);
                for (map, list) in [(&mut writers, &s.writes), (&mut readers, &s.reads)] {
                    for d in list {
                        text.clear();
                        text.push_str(d.system.trim());
                        text.push_str(": ");
                        text.push_str(d.object.trim());
                        add(map, &mut key, &text, w.id);
                    }
                }
            }
        }
        let events = sorted(&events);
        let writers = sorted(&writers);
        let mut lines = 0usize;
        let mut more = 0usize;
        for (_, (text, wfs)) in events {
            if wfs.len() < 2 {
                continue;
            }
            if lines >= LIST_LIMIT {
                more += 1;
                continue;
            }
            lines += 1;
            self.out.push_str("- The event **");
            md(&mut self.out, text);
            self.out.push_str("** starts or drives ");
            self.wf_list(wfs);
            self.out.push_str(".\n");
        }
        for (key, (text, wfs)) in writers {
            let Some((_, rs)) = readers.get(key) else {
                continue;
            };
            let others: Vec<WorkflowId> = rs.iter().filter(|r| !wfs.contains(r)).copied().collect();
            if others.is_empty() && wfs.len() < 2 {
                continue;
            }
            if lines >= LIST_LIMIT {
                more += 1;
                continue;
            }
            lines += 1;
            self.out.push_str("- The data **");
            md(&mut self.out, text);
            self.out.push_str("** is written by ");
            self.wf_list(wfs);
            if !others.is_empty() {
                self.out.push_str(" and read by ");
                self.wf_list(&others);
            }
            self.out.push_str(".\n");
        }
        if lines == 0 {
            self.out.push_str(
                "The workflows share no events or data yet: each one can be automated on its own.\n\n",
            );
        } else {
            if more > 0 {
                let _ = writeln!(self.out, "\n…and {more} more connections.");
            }
            self.out.push('\n');
        }
    }

    fn wf_list(&mut self, ids: &[WorkflowId]) {
        for (k, id) in ids.iter().enumerate() {
            if k > 0 {
                self.out
                    .push_str(if k + 1 == ids.len() { " and " } else { ", " });
            }
            match self.plan.workflow(*id) {
                Some(w) => self.wf_name(w),
                None => {
                    let _ = write!(self.out, "workflow {id}");
                }
            }
        }
    }
}
