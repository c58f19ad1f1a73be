//! Markdown (with Mermaid) export of a plan: one self-contained
//! GitHub-flavoured document with the summary, the four questions, a diagram
//! and table per workflow (in lanes when the workflow has them), the 90-day
//! roadmap, what changes for each person, findings and tool costs.
//!
//! Every piece of plan text goes through [`escape`]; Mermaid node ids are
//! generated (`n1`, `n2` …) and labels are quoted and entity-escaped.

mod charts;
pub mod escape;
mod findings;
mod four_questions;
mod mermaid;
mod people;
mod progress;
mod roadmap;
mod summary;
mod text;
mod tools;
mod workflows;

use crate::analysis::{Analysis, Severity, analyze};
use crate::model::Roadmap;
use crate::model::{Plan, StepId, Workflow};
use crate::roadmap::{RoadmapSummary, date, summarize_roadmap};
use foldhash::HashMap;

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
        suggested = crate::roadmap::suggest(plan, analysis);
        (&suggested, !suggested.items.is_empty())
    } else {
        (&plan.roadmap, false)
    };
    let summary = summarize_roadmap(plan, roadmap, analysis);
    let steps = plan.step_places();
    let cards: HashMap<StepId, usize> = roadmap
        .items
        .iter()
        .enumerate()
        .rev()
        .map(|(i, item)| (item.step, i))
        .collect();
    let mut doc = Doc {
        plan,
        roadmap,
        is_suggested,
        analysis,
        summary: &summary,
        steps: &steps,
        cards: &cards,
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
    /// Title, summary table and the first two of the four questions.
    Opening,
    /// The third question: how the workflows connect.
    Connections,
    /// The fourth question and the priority matrix.
    StaysManual,
    WorkflowsIntro,
    Workflow(&'a Workflow),
    /// The roadmap's introduction and Gantt chart.
    Roadmap,
    /// One month of the roadmap (0 to 2).
    Month(usize),
    /// The return chart, Later and Stays manual.
    RoadmapEnd,
    /// Status, savings and incidents of the roadmap (when the plan has any).
    Progress,
    People,
    FindingsHeading,
    /// A part of the findings of one severity (see `findings::FINDINGS_PER_PART`).
    Findings(Severity, usize),
    Tools,
}

impl Section<'_> {
    /// About how long the section takes to write, for the order threads
    /// take them in: the longest first, so that no thread is left with one
    /// of them while the others wait at the end.
    fn weight(&self) -> usize {
        match self {
            Section::Connections | Section::People => 3,
            Section::Findings(..) | Section::Month(_) | Section::Opening => 2,
            Section::Workflow(_) => 1,
            Section::WorkflowsIntro
            | Section::StaysManual
            | Section::Roadmap
            | Section::RoadmapEnd
            | Section::Progress
            | Section::FindingsHeading
            | Section::Tools => 0,
        }
    }
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
    steps: &'a crate::model::StepPlaces,
    /// The roadmap card of each step (index in `roadmap.items`; the first
    /// when a step has two).
    cards: &'a HashMap<StepId, usize>,
    today: i64,
    /// Threads to write the sections on.
    parts: usize,
    out: String,
}

impl<'a> Doc<'a> {
    fn write_all(&mut self) {
        // The document's sections in order, each workflow its own. Threads
        // take the next section not yet written; the texts are joined in
        // order, so the document never depends on `parts`.
        let mut sections = vec![
            Section::Opening,
            Section::Connections,
            Section::StaysManual,
            Section::WorkflowsIntro,
        ];
        sections.extend(self.plan.workflows.iter().map(Section::Workflow));
        sections.extend([
            Section::Roadmap,
            Section::Month(0),
            Section::Month(1),
            Section::Month(2),
            Section::RoadmapEnd,
            Section::Progress,
            Section::People,
            Section::FindingsHeading,
        ]);
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let parts = findings::finding_parts(self.analysis.findings(), sev);
            sections.extend((0..parts).map(|part| Section::Findings(sev, part)));
        }
        sections.push(Section::Tools);
        let write = |section: &Section<'a>| {
            // About what a workflow's diagram and table take, so its text
            // is not copied as it grows.
            let room = match section {
                Section::Workflow(w) => 1024 + w.steps.len() * 320,
                _ => 4096,
            };
            let mut doc = Doc {
                out: String::with_capacity(room),
                ..*self
            };
            doc.section(section);
            doc.out
        };
        let texts: Vec<String> = if self.parts < 2 {
            sections.iter().map(write).collect()
        } else {
            // The long sections are started first (see `Section::weight`).
            use rayon::prelude::*;
            let mut order: Vec<usize> = (0..sections.len()).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(sections[i].weight()));
            let written: Vec<String> = order.par_iter().map(|&i| write(&sections[i])).collect();
            let mut texts = vec![String::new(); sections.len()];
            for (i, text) in order.into_iter().zip(written) {
                texts[i] = text;
            }
            texts
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
            Section::Connections => self.third_question(),
            Section::StaysManual => {
                self.fourth_question();
                self.priority_matrix();
            }
            Section::WorkflowsIntro => self.workflows_intro(),
            Section::Workflow(w) => self.workflow_section(w),
            Section::Roadmap => self.roadmap(),
            Section::Month(mi) => self.month(*mi),
            Section::RoadmapEnd => self.roadmap_end(),
            Section::Progress => self.progress(),
            Section::People => self.people(),
            Section::FindingsHeading => self.findings_heading(),
            Section::Findings(sev, part) => self.findings_of(*sev, *part),
            Section::Tools => self.tools(),
        }
    }
}
