//! Charts beside the text: the priority matrix as a Mermaid `quadrantChart`
//! and the savings against cost over 12 months as an `xychart-beta`, each
//! with a table for readers without Mermaid.

use std::fmt::Write as _;

use crate::analysis::is_taggable;
use crate::model::Complexity;
use crate::roadmap::{WhatIf, money, roi, roi_with};

use super::Doc;
use super::escape::md;
use super::text::{cash, hours};

/// Points shown in the matrix at most (most manual hours first).
pub const MAX_MATRIX_POINTS: usize = 30;

impl Doc<'_> {
    pub(super) fn priority_matrix(&mut self) {
        let mut points: Vec<(usize, usize, f64)> = Vec::new();
        for (wi, w) in self.plan.workflows.iter().enumerate() {
            for (si, s) in w.steps.iter().enumerate() {
                let h = s.manual_hours_per_week();
                if is_taggable(s.kind) && h.is_finite() && h > 0.0 {
                    points.push((wi, si, h));
                }
            }
        }
        if points.is_empty() {
            return;
        }
        let all = points.len();
        points.sort_by(|a, b| b.2.total_cmp(&a.2));
        points.truncate(MAX_MATRIX_POINTS);
        let top = points.first().map_or(1.0, |p| p.2).max(0.1);
        self.out.push_str("### Priority matrix\n\n");
        self.out.push_str(
            "```mermaid\nquadrantChart\n    accTitle: Priority matrix\n    \
             accDescr: Steps by how hard they are to automate and the manual time they take\n    \
             x-axis Simple --> Complex\n    y-axis Little time --> Much time\n    \
             quadrant-1 Worth planning\n    quadrant-2 Quick wins\n    \
             quadrant-3 Low value\n    quadrant-4 Traps\n",
        );
        for (k, &(wi, si, h)) in points.iter().enumerate() {
            let s = &self.plan.workflows[wi].steps[si];
            let x = match s.complexity {
                Complexity::Low => 0.2,
                Complexity::Medium => 0.5,
                Complexity::High => 0.8,
            } + 0.15 * ((k % 7) as f64 / 6.0 - 0.5);
            let y = (0.05 + 0.9 * h / top).clamp(0.02, 0.98);
            let _ = writeln!(self.out, "    S{}: [{x:.2}, {y:.2}]", k + 1);
        }
        self.out.push_str("```\n\n");
        self.out
            .push_str("| Point | Step | Workflow | Class | Complexity | Hours per week |\n");
        self.out.push_str("| --- | --- | --- | --- | --- | --- |\n");
        for (k, &(wi, si, h)) in points.iter().enumerate() {
            let w = &self.plan.workflows[wi];
            let s = &w.steps[si];
            let _ = write!(self.out, "| S{} | ", k + 1);
            self.title(s);
            self.out.push_str(" | ");
            self.wf_name(w);
            let class = self.analysis.step(s.id).map_or("–", |i| i.class.label());
            let _ = writeln!(
                self.out,
                " | {class} | {} | {} |",
                s.complexity.label(),
                hours(h)
            );
        }
        self.out.push('\n');
        if all > points.len() {
            let _ = write!(
                self.out,
                "The matrix shows the {} steps with the most manual time, of {all}.\n\n",
                points.len()
            );
        }
    }

    pub(super) fn return_on_roadmap(&mut self) {
        let r = roi(self.plan, self.summary);
        if r.cards
            .iter()
            .all(|c| c.setup_cost == 0.0 && c.value_per_week == 0.0)
        {
            return;
        }
        let cur = self.plan.profile.currency.as_str();
        let m = |x: f64| cash(money(x, cur));
        let week =
            |w: Option<u32>| w.map_or("not within the year".to_owned(), |w| format!("week {w}"));
        let _ = write!(
            self.out,
            "### Return\n\nSetup hours are valued at {} an hour; tools at their monthly price.\n\n",
            m(r.hourly)
        );
        self.out
            .push_str("| Month | Setup cost | Tools per month | Saved per week | Pays back |\n");
        self.out.push_str("| --- | --- | --- | --- | --- |\n");
        for (mi, mr) in r.months.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "| Month {} | {} | {} | {} | {} |",
                mi + 1,
                m(mr.setup_cost),
                m(mr.tool_per_month),
                m(mr.value_per_week),
                if mr.setup_cost == 0.0 && mr.value_per_week == 0.0 {
                    "–".to_owned()
                } else {
                    week(mr.payback_week)
                }
            );
        }
        let _ = write!(
            self.out,
            "\n- **First 90 days:** {} saved against {} spent\n\
             - **12 months:** {} saved against {} spent ({})\n\
             - **The whole roadmap pays back:** {}\n\n",
            m(r.days_90.savings),
            m(r.days_90.cost),
            m(r.months_12.savings),
            m(r.months_12.cost),
            if r.months_12.net() >= 0.0 {
                format!("{} ahead", m(r.months_12.net()))
            } else {
                format!("{} behind", m(-r.months_12.net()))
            },
            week(r.payback_week),
        );
        let code: String = cur
            .chars()
            .filter(char::is_ascii_alphabetic)
            .take(3)
            .collect();
        let code = if code.is_empty() {
            "USD".to_owned()
        } else {
            code
        };
        let _ = write!(
            self.out,
            "```mermaid\nxychart-beta\n    accTitle: Savings against cost\n    \
             accDescr: Cumulative savings and cumulative cost over 12 months\n    \
             title \"Cumulative savings and cost\"\n    x-axis [{}]\n    y-axis \"{code}\"\n",
            (1..=r.curve.len())
                .map(|i| format!("M{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let line = |f: fn(&(f64, f64)) -> f64| {
            r.curve
                .iter()
                .map(|p| format!("{:.0}", f(p)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(self.out, "    line [{}]", line(|p| p.0));
        let _ = writeln!(self.out, "    line [{}]", line(|p| p.1));
        self.out.push_str("```\n\n");
        self.out
            .push_str("| Month | Cumulative savings | Cumulative cost |\n| --- | --- | --- |\n");
        for (i, (s, c)) in r.curve.iter().enumerate() {
            let _ = writeln!(self.out, "| M{} | {} | {} |", i + 1, m(*s), m(*c));
        }
        self.out.push('\n');
        let scenarios = &self.roadmap.scenarios;
        if !scenarios.is_empty() {
            self.out.push_str("#### What-if scenarios\n\n");
            self.out.push_str(
                "| Scenario | Value of an hour | Volume | Tool tier | 12 months saved | 12 months spent | Pays back |\n\
                 | --- | --- | --- | --- | --- | --- | --- |\n",
            );
            for sc in scenarios {
                let w = WhatIf::from_scenario(self.plan, sc);
                let sr = roi_with(self.plan, self.summary, w);
                self.out.push_str("| ");
                md(&mut self.out, &sc.name);
                let tier = match (&sc.tool, &sc.price_option) {
                    (Some(t), Some(o)) => format!("{t}: {o}"),
                    _ => "as planned".to_owned(),
                };
                let _ = write!(
                    self.out,
                    " | {} | × {:.2} | ",
                    m(sr.hourly),
                    super::text::finite(sc.volume)
                );
                md(&mut self.out, &tier);
                let _ = writeln!(
                    self.out,
                    " | {} | {} | {} |",
                    m(sr.months_12.savings),
                    m(sr.months_12.cost),
                    week(sr.payback_week)
                );
            }
            self.out.push('\n');
        }
    }
}
