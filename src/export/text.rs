//! How the pieces of plan text are written: titles, names, hours, money, and
//! the reason line shared by the roadmap and the fourth question.

use std::fmt::Write as _;

use crate::model::{Column, Step, StepId, Tag, Workflow};

use super::Doc;
use super::escape::md;
pub(super) use crate::text::{push_int, push_tenths, trimmed};

impl<'a> Doc<'a> {
    pub(super) fn find(&self, id: StepId) -> Option<(&'a Workflow, &'a Step)> {
        let &(wi, si) = self.steps.get(&id)?;
        let w = self.plan.workflows.get(wi)?;
        Some((w, w.steps.get(si)?))
    }

    pub(super) fn currency(&self) -> &str {
        &self.plan.profile.currency
    }

    /// Step title as escaped Markdown, "Step N" when it has none.
    pub(super) fn title(&mut self, s: &Step) {
        if trimmed(&s.title).is_empty() {
            let _ = write!(self.out, "Step {}", s.id);
        } else {
            md(&mut self.out, &s.title);
        }
    }

    /// Escaped text, or `missing` in italics when it is blank.
    pub(super) fn text_or(&mut self, text: &str, missing: &str) {
        if trimmed(text).is_empty() {
            let _ = write!(self.out, "*{missing}*");
        } else {
            md(&mut self.out, text);
        }
    }

    pub(super) fn wf_name(&mut self, w: &Workflow) {
        if trimmed(&w.name).is_empty() {
            let _ = write!(self.out, "Workflow {}", w.id);
        } else {
            md(&mut self.out, &w.name);
        }
    }

    /// "- **Title** (Workflow): reason." for Later and Stays manual.
    /// `i` indexes `summary.items`.
    pub(super) fn reason_line(&mut self, i: usize) {
        let Some(info) = self.summary.items.get(i) else {
            return;
        };
        let (id, column, moved_from) = (info.step, info.column, info.moved_from);
        let Some((w, s)) = self.find(id) else { return };
        self.out.push_str("- **");
        self.title(s);
        self.out.push_str("** (");
        self.wf_name(w);
        self.out.push_str("): ");
        let insight = self.analysis.step(id);
        let mut said = false;
        if let Some(from) = moved_from
            && column == Column::Later
        {
            let _ = write!(
                self.out,
                "planned for {} but no setup hours were left through Month 3.",
                from.label()
            );
            said = true;
        }
        if s.tag == Tag::KeepManual && column == Column::StaysManual {
            if said {
                self.out.push(' ');
            }
            self.out.push_str("The owner tagged it keep manual.");
            said = true;
        }
        if let Some(i) = insight
            && !i.reason.trim().is_empty()
        {
            if said {
                self.out.push(' ');
            }
            md(&mut self.out, &i.reason);
            said = true;
        }
        if !said {
            match insight {
                Some(i) => {
                    let _ = write!(self.out, "classed as {}.", i.class.label());
                }
                None => self.out.push_str("placed here by hand."),
            }
        }
        self.out.push('\n');
    }

    pub(super) fn tool_name(&mut self, id: &str) {
        let id = id.trim();
        if id.is_empty() {
            self.out.push('–');
        } else if let Some(t) = self.plan.tool(id) {
            md(&mut self.out, &t.name);
        } else {
            md(&mut self.out, id);
            self.out.push_str(" (not in the catalog)");
        }
    }
}

pub(super) fn hours(h: f64) -> String {
    let mut s = String::with_capacity(12);
    push_tenths(&mut s, finite(h));
    s.push_str(" h");
    s
}

/// Money in Markdown: the dollar sign escaped so that two amounts on one line
/// are never read as a formula.
/// A money text as Markdown: "$19.99" stays as it is (a dollar sign before
/// a digit never starts or ends math); any other dollar sign is escaped.
pub(super) fn cash(s: String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && !chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}
