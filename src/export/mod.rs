//! Markdown (with Mermaid) export of a plan: one self-contained
//! GitHub-flavoured document with the summary, the four questions, a diagram
//! and table per workflow, the 90-day roadmap, findings and tool costs.
//!
//! Every piece of plan text goes through [`escape`]; Mermaid node ids are
//! generated (`n1`, `n2` …) and labels are quoted and entity-escaped.

pub mod escape;
mod mermaid;

use crate::analysis::{Analysis, PriorityClass, Severity, analyze};
use crate::model::Roadmap;
use crate::model::{Column, Plan, Step, StepId, Tag, Workflow, WorkflowId};
use crate::roadmap::{self, RoadmapSummary, date, money, price_text, summarize_roadmap};
use escape::md;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// The plan as Markdown, dated today.
pub fn markdown(plan: &Plan) -> String {
    markdown_dated(plan, &date::format(date::today()))
}

/// The plan as Markdown with a given export date ("YYYY-MM-DD"; anything else
/// means today), so that the same plan always gives the same text.
pub fn markdown_dated(plan: &Plan, date: &str) -> String {
    let analysis = analyze(plan);
    markdown_with(plan, &analysis, date)
}

/// [`markdown_dated`] with the analysis already computed. Large plans have
/// their sections written on all cores; the text is the same.
pub fn markdown_with(plan: &Plan, analysis: &Analysis, date: &str) -> String {
    let parts = if plan.step_count() >= MIN_PARALLEL_STEPS {
        rayon::current_num_threads()
    } else {
        1
    };
    markdown_in_parts(plan, analysis, date, parts)
}

/// [`markdown_with`] with the sections written in `parts` runs on as many
/// threads. For tests: any number of parts gives the same text.
#[doc(hidden)]
pub fn markdown_in_parts(plan: &Plan, analysis: &Analysis, date: &str, parts: usize) -> String {
    let today = date::parse(date).unwrap_or_else(date::today);
    // A plan whose board was never arranged is exported with the suggested roadmap.
    let suggested;
    let (roadmap, is_suggested) = if plan.roadmap.items.is_empty() {
        suggested = roadmap::suggest(plan, analysis);
        (&suggested, !suggested.items.is_empty())
    } else {
        (&plan.roadmap, false)
    };
    let summary = summarize_roadmap(plan, roadmap, analysis);
    let steps = plan.step_places();
    let mut doc = Doc {
        plan,
        roadmap,
        is_suggested,
        analysis,
        summary: &summary,
        steps: &steps,
        today,
        parts,
        out: String::with_capacity(4096 + plan.step_count() * 400),
    };
    doc.write_all();
    doc.out
}

/// Plans with fewer steps are written on one thread.
const MIN_PARALLEL_STEPS: usize = 1_000;

/// A part of the document that can be written on its own.
enum Section<'a> {
    /// Title, summary table and the four questions.
    Opening,
    WorkflowsIntro,
    Workflow(&'a Workflow),
    Roadmap,
    Findings,
    Tools,
}

/// Lists in the four questions show at most this many lines.
const LIST_LIMIT: usize = 15;

struct Doc<'a> {
    plan: &'a Plan,
    /// The roadmap exported: the plan's, or the suggested one when the plan has none.
    roadmap: &'a Roadmap,
    is_suggested: bool,
    analysis: &'a Analysis,
    summary: &'a RoadmapSummary,
    steps: &'a HashMap<StepId, (usize, usize)>,
    today: i64,
    /// Threads to write the sections on.
    parts: usize,
    out: String,
}

fn hours(h: f64) -> String {
    if h.is_finite() {
        format!("{h:.1} h")
    } else {
        "0.0 h".to_owned()
    }
}

impl<'a> Doc<'a> {
    fn find(&self, id: StepId) -> Option<(&'a Workflow, &'a Step)> {
        let &(wi, si) = self.steps.get(&id)?;
        let w = self.plan.workflows.get(wi)?;
        Some((w, w.steps.get(si)?))
    }

    fn currency(&self) -> &str {
        &self.plan.profile.currency
    }

    /// Step title as escaped Markdown, "Step N" when it has none.
    fn title(&mut self, s: &Step) {
        if s.title.trim().is_empty() {
            let _ = write!(self.out, "Step {}", s.id);
        } else {
            md(&mut self.out, &s.title);
        }
    }

    /// Escaped text, or `missing` in italics when it is blank.
    fn text_or(&mut self, text: &str, missing: &str) {
        if text.trim().is_empty() {
            let _ = write!(self.out, "*{missing}*");
        } else {
            md(&mut self.out, text);
        }
    }

    fn wf_name(&mut self, w: &Workflow) {
        if w.name.trim().is_empty() {
            let _ = write!(self.out, "Workflow {}", w.id);
        } else {
            md(&mut self.out, &w.name);
        }
    }

    fn write_all(&mut self) {
        // The document's sections in order, each workflow its own. Threads
        // take the next section not yet written; the texts are joined in
        // order, so the document never depends on `parts`.
        let mut sections = vec![Section::Opening, Section::WorkflowsIntro];
        sections.extend(self.plan.workflows.iter().map(Section::Workflow));
        sections.extend([Section::Roadmap, Section::Findings, Section::Tools]);
        let write = |section: &Section<'a>| {
            let mut doc = Doc {
                out: String::new(),
                ..*self
            };
            doc.section(section);
            doc.out
        };
        let texts: Vec<String> = if self.parts < 2 {
            sections.iter().map(write).collect()
        } else {
            use rayon::prelude::*;
            sections.par_iter().map(write).collect()
        };
        self.out.reserve(texts.iter().map(String::len).sum());
        for text in texts {
            self.out.push_str(&text);
        }
    }

    fn section(&mut self, section: &Section<'a>) {
        match section {
            Section::Opening => {
                self.header();
                self.summary_table();
                self.four_questions();
            }
            Section::WorkflowsIntro => self.workflows_intro(),
            Section::Workflow(w) => self.workflow_section(w),
            Section::Roadmap => self.roadmap(),
            Section::Findings => self.findings(),
            Section::Tools => self.tools(),
        }
    }

    fn header(&mut self) {
        self.out.push_str("# ");
        if self.plan.name.trim().is_empty() {
            self.out.push_str("Automation plan");
        } else {
            md(&mut self.out, &self.plan.name);
            self.out.push_str(": automation plan");
        }
        self.out.push_str("\n\n");
        let _ = write!(
            self.out,
            "Exported by Automap on {}",
            date::format(self.today)
        );
        if !self.plan.profile.shop_name.trim().is_empty() {
            self.out.push_str(" for ");
            md(&mut self.out, &self.plan.profile.shop_name);
        }
        self.out.push_str(".\n\n");
        self.out.push_str(
            "> **Prices change.** Tool prices in this plan are the vendors' published prices \
             when the catalog was written. Verify every price on the vendor's own site before \
             you buy; \"verify price\" marks prices nobody has filled in.\n\n",
        );
    }

    fn summary_table(&mut self) {
        let (mut automate, mut manual, mut undecided, mut steps) = (0, 0, 0, 0);
        let mut manual_hours = 0.0;
        for w in &self.plan.workflows {
            for s in &w.steps {
                steps += 1;
                match s.tag {
                    Tag::Automate => automate += 1,
                    Tag::KeepManual => manual += 1,
                    Tag::Undecided => undecided += 1,
                }
                let h = s.manual_hours_per_week();
                if h.is_finite() {
                    manual_hours += h;
                }
            }
        }
        let saved = self.summary.hours_saved_by_day_90();
        let cost = cash(self.summary.monthly_cost().format(self.currency()));
        let value = cash(money(
            self.summary.months[2].value_per_month,
            &self.plan.profile.currency,
        ));
        let _ = write!(
            self.out,
            "## Summary\n\n\
             | Measure | Value |\n\
             | --- | --- |\n\
             | Workflows | {} |\n\
             | Steps | {steps} |\n\
             | Tagged automate / keep manual / undecided | {automate} / {manual} / {undecided} |\n\
             | Manual hours per week now | {} |\n\
             | Hours per week saved by day 90 | {} (worth {value} a month) |\n\
             | Monthly tool cost by day 90 | {cost} |\n\n",
            self.plan.workflows.len(),
            hours(manual_hours),
            hours(saved),
        );
    }

    fn four_questions(&mut self) {
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
        let mut wins: Vec<(&Workflow, &Step, f64)> = Vec::new();
        for w in &self.plan.workflows {
            for s in &w.steps {
                if self
                    .analysis
                    .step(s.id)
                    .is_some_and(|i| i.class == PriorityClass::QuickWin)
                {
                    let h = s.manual_hours_per_week();
                    wins.push((w, s, if h.is_finite() { h } else { 0.0 }));
                }
            }
        }
        wins.sort_by(|a, b| b.2.total_cmp(&a.2));
        if wins.is_empty() {
            self.out.push_str(
                "No quick wins yet: frequent, simple, rule-based steps show up here.\n\n",
            );
        } else {
            self.out
                .push_str("Quick wins (frequent, simple, rule-based), most hours saved first:\n\n");
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

        self.out
            .push_str("### 3. How do the workflows connect?\n\n");
        self.connections();

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
        // Key (lower-case) → (text as first written, workflows in order).
        let mut events: BTreeMap<String, (String, Vec<WorkflowId>)> = BTreeMap::new();
        let mut writers: BTreeMap<String, (String, Vec<WorkflowId>)> = BTreeMap::new();
        let mut readers: HashMap<String, Vec<WorkflowId>> = HashMap::new();
        fn add(map: &mut BTreeMap<String, (String, Vec<WorkflowId>)>, text: &str, w: WorkflowId) {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            let e = map
                .entry(text.to_lowercase())
                .or_insert_with(|| (text.to_owned(), Vec::new()));
            // Workflows arrive in plan order: a repeat is always the last one
            // (checking the whole list made this quadratic in shared data).
            if e.1.last() != Some(&w) {
                e.1.push(w);
            }
        }
        for w in &self.plan.workflows {
            for s in &w.steps {
                if s.kind == crate::model::StepKind::Trigger {
                    add(&mut events, &s.title, w.id);
                }
                add(&mut events, &s.event, w.id);
                for d in &s.writes {
                    add(
                        &mut writers,
                        &format!("{}: {}", d.system.trim(), d.object.trim()),
                        w.id,
                    );
                }
                for d in &s.reads {
                    let key = format!("{}: {}", d.system.trim(), d.object.trim()).to_lowercase();
                    let r = readers.entry(key).or_default();
                    if r.last() != Some(&w.id) {
                        r.push(w.id);
                    }
                }
            }
        }
        let mut lines = 0usize;
        let mut more = 0usize;
        for (text, wfs) in events.values() {
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
        for (key, (text, wfs)) in &writers {
            let Some(rs) = readers.get(key) else { continue };
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

    /// "- **Title** (Workflow): reason." for Later and Stays manual.
    /// `i` indexes `summary.items`.
    fn reason_line(&mut self, i: usize) {
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

    fn workflows_intro(&mut self) {
        self.out.push_str("## Workflows\n\n");
        if self.plan.workflows.is_empty() {
            self.out.push_str("No workflows are mapped yet.\n\n");
        } else {
            self.out.push_str(
                "Diagram colours: green = automate, grey = keep manual, yellow = not decided yet.\n\n",
            );
        }
    }

    fn workflow_section(&mut self, w: &Workflow) {
        self.out.push_str("### ");
        self.wf_name(w);
        self.out.push_str("\n\n");
        if !w.description.trim().is_empty() {
            md(&mut self.out, &w.description);
            self.out.push_str("\n\n");
        }
        mermaid::flowchart(&mut self.out, w);
        self.step_table(w);
    }

    fn step_table(&mut self, w: &Workflow) {
        if w.steps.is_empty() {
            self.out.push_str("This workflow has no steps yet.\n\n");
            return;
        }
        self.out.push_str(
            "| # | Step | Kind | Tag | Suggested | Class | Layer | Hours per week | Tool |\n\
             | ---: | --- | --- | --- | --- | --- | --- | ---: | --- |\n",
        );
        for s in &w.steps {
            let _ = write!(self.out, "| {} | ", s.id);
            self.title(s);
            let _ = write!(self.out, " | {} | {} | ", s.kind.label(), s.tag.label());
            let insight = self.analysis.step(s.id);
            match insight {
                Some(i) => {
                    let _ = write!(
                        self.out,
                        "{} | {} | ",
                        i.suggested_tag.label(),
                        i.class.label()
                    );
                }
                None => self.out.push_str("– | – | "),
            }
            let layer = s.layer.or(insight.and_then(|i| i.layer));
            self.out.push_str(layer.map_or("–", |l| l.label()));
            let _ = write!(self.out, " | {:.1} | ", finite(s.manual_hours_per_week()));
            self.tool_name(&s.tool);
            self.out.push_str(" |\n");
        }
        self.out.push('\n');
    }

    fn tool_name(&mut self, id: &str) {
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

    fn roadmap(&mut self) {
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

        for mi in 0..3 {
            self.month(mi);
        }

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

    fn month(&mut self, mi: usize) {
        let m = &self.summary.months[mi];
        let col = Column::MONTHS[mi];
        let (first, last) = col.days().unwrap_or((1, 30));
        let _ = write!(self.out, "### {} (days {first}–{last})\n\n", col.label());
        let note = self.roadmap.phase(mi);
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

    fn findings(&mut self) {
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

    fn tools(&mut self) {
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

/// Money in Markdown: the dollar sign escaped so that two amounts on one line
/// are never read as a formula.
fn cash(s: String) -> String {
    s.replace('$', "\\$")
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}
