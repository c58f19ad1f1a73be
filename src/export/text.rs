//! How the pieces of plan text are written: titles, names, hours, money, and
//! the reason line shared by the roadmap and the fourth question.

use std::fmt::Write as _;

use crate::model::{Column, Step, StepId, Tag, Workflow};

use super::Doc;
use super::escape::md;

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
        if s.title.trim().is_empty() {
            let _ = write!(self.out, "Step {}", s.id);
        } else {
            md(&mut self.out, &s.title);
        }
    }

    /// Escaped text, or `missing` in italics when it is blank.
    pub(super) fn text_or(&mut self, text: &str, missing: &str) {
        if text.trim().is_empty() {
            let _ = write!(self.out, "*{missing}*");
        } else {
            md(&mut self.out, text);
        }
    }

    pub(super) fn wf_name(&mut self, w: &Workflow) {
        if w.name.trim().is_empty() {
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

/// Append a whole number (as `{}` would write it, without the formatting
/// machinery: the step tables and diagrams write tens of thousands).
pub(super) fn push_int(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Append `x` with one decimal, exactly as `{:.1}` writes it. Numbers
/// that are not close to halfway between two tenths (nearly all) take a
/// short way; the rest, and negative or huge ones, go through `{:.1}`.
pub(super) fn push_tenths(out: &mut String, x: f64) {
    let tenths = x * 10.0;
    let fraction = tenths - tenths.floor();
    if x.is_sign_positive() && tenths < 1e15 && (fraction - 0.5).abs() > 1e-6 {
        let t = tenths.round() as usize;
        push_int(out, t / 10);
        out.push('.');
        push_int(out, t % 10);
    } else {
        let _ = write!(out, "{x:.1}");
    }
}

pub(super) fn hours(h: f64) -> String {
    if h.is_finite() {
        format!("{h:.1} h")
    } else {
        "0.0 h".to_owned()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tenths(x: f64) -> String {
        let mut s = String::new();
        push_tenths(&mut s, x);
        s
    }

    #[test]
    fn one_decimal_is_written_as_the_formatter_writes_it() {
        // Halfway cases both ways (0.25 is exact, 0.15 is just below), the
        // signs, the edges and a spread of ordinary values.
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            0.45,
            1.25,
            2.5,
            9.95,
            99.95,
            0.04999,
            1e14,
            1e15,
            1e300,
            -0.04,
            -1.25,
            -3.0,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut x = 0.001_f64;
        while x < 1e7 {
            values.push(x);
            values.push(x * 1.000_7 + 0.05);
            x *= 1.013;
        }
        for k in 0..20_000 {
            values.push(f64::from(k) / 100.0);
            values.push(f64::from(k) * 0.35 / 7.0);
        }
        for v in values {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v:e}");
        }
        let mut s = String::new();
        for n in [0, 7, 10, 99, 1234567, usize::MAX] {
            s.clear();
            push_int(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
