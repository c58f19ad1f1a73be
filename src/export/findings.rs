//! The findings of the design check, grouped by severity.

use std::fmt::Write as _;

use crate::analysis::Severity;
use crate::model::StepId;

use super::Doc;
use super::escape::md;

impl Doc<'_> {
    pub(super) fn findings(&mut self) {
        self.out.push_str("## Findings\n\n");
        let findings = self.analysis.findings();
        if findings.is_empty() {
            self.out
                .push_str("No findings: the method sees nothing to fix.\n\n");
            return;
        }
        for (sev, title) in [
            (Severity::Error, "Errors"),
            (Severity::Warning, "Warnings"),
            (Severity::Info, "Notes"),
        ] {
            let n = findings.iter().filter(|f| f.severity == sev).count();
            if n == 0 {
                continue;
            }
            let _ = write!(self.out, "### {title} ({n})\n\n");
            for f in findings.iter().filter(|f| f.severity == sev) {
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
                    md(&mut self.out, &f.hint);
                }
                self.out.push('\n');
            }
            self.out.push('\n');
        }
    }
}
