//! The findings of the design check, grouped by severity.

use std::fmt::Write as _;

use crate::analysis::Severity;
use crate::model::StepId;

use super::Doc;
use super::escape::{md, md_string};

impl Doc<'_> {
    pub(super) fn findings_heading(&mut self) {
        self.out.push_str("## Findings\n\n");
        if self.analysis.findings().is_empty() {
            self.out
                .push_str("No findings: the method sees nothing to fix.\n\n");
        }
    }

    /// Part `part` of the findings of one severity ([`FINDINGS_PER_PART`]
    /// each); the first part starts with their heading. Nothing when there
    /// are none.
    pub(super) fn findings_of(&mut self, sev: Severity, part: usize) {
        let findings = self.analysis.findings();
        let title = match sev {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Notes",
        };
        let n = findings.iter().filter(|f| f.severity == sev).count();
        if n == 0 {
            return;
        }
        if part == 0 {
            let _ = write!(self.out, "### {title} ({n})\n\n");
        }
        // One rule's findings share a hint: it is escaped once per run of them.
        let mut hint: (&str, String) = ("", String::new());
        let shown = findings
            .iter()
            .filter(|f| f.severity == sev)
            .skip(part * FINDINGS_PER_PART)
            .take(FINDINGS_PER_PART);
        for f in shown {
            self.out.push_str("- `");
            for c in f
                .code
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            {
                self.out.push(c);
            }
            self.out.push_str("` ");
            md(&mut self.out, &f.message);
            let titles: Vec<StepId> = f.step_ids.iter().take(8).copied().collect();
            if !titles.is_empty() {
                self.out.push_str(" Steps: ");
                for (k, id) in titles.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    match self.find(*id) {
                        Some((_, s)) => self.title(s),
                        None => {
                            let _ = write!(self.out, "step {id}");
                        }
                    }
                }
                if f.step_ids.len() > titles.len() {
                    let _ = write!(self.out, " and {} more", f.step_ids.len() - titles.len());
                }
                self.out.push('.');
            }
            if !f.hint.trim().is_empty() {
                self.out.push_str(" *Fix:* ");
                if hint.0 != f.hint {
                    hint = (f.hint, md_string(f.hint));
                }
                self.out.push_str(&hint.1);
            }
            self.out.push('\n');
        }
        if (part + 1) * FINDINGS_PER_PART >= n {
            self.out.push('\n');
        }
    }
}

/// Findings written as one part of the document (see [`Doc::findings_of`]):
/// a large plan's findings are written on several threads.
pub(super) const FINDINGS_PER_PART: usize = 400;

/// How many parts the findings of `sev` take (at least one).
pub(super) fn finding_parts(findings: &[crate::analysis::Finding], sev: Severity) -> usize {
    let n = findings.iter().filter(|f| f.severity == sev).count();
    n.div_ceil(FINDINGS_PER_PART).max(1)
}
