//! The method as code: measures, priority classes, layers and findings.
//! Pure functions of a [`Plan`]; no UI types.
//!
//! CONTRACT (other modules build on these types; extend, don't rename):
//! - [`analyze`] computes everything for a plan;
//! - [`Analysis::step`] gives the insight for one step;
//! - [`Analysis::findings`] lists the lint findings, errors first.

use crate::model::{Layer, Plan, StepId, Tag, WorkflowId};
use serde::Serialize;
use std::collections::HashMap;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem the method sees in the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule code, e.g. "failure-plan-missing".
    pub code: &'static str,
    pub severity: Severity,
    /// The workflow concerned, if the finding belongs to one.
    pub workflow: Option<WorkflowId>,
    /// The steps concerned (may be empty).
    pub step_ids: Vec<StepId>,
    /// What is wrong, in words an owner understands.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// The method's priority class for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum PriorityClass {
    /// High frequency, low complexity, rule-based: automate first.
    QuickWin,
    /// Medium frequency or complexity with some if/then logic.
    Medium,
    /// Rare and complex or custom logic: costs more than it saves.
    Trap,
    /// High volume, low stakes, needs understanding or writing.
    AiCandidate,
    /// Complaints, refunds, brand voice, legal, strategy: people do it.
    NeverAutomate,
    /// Exceptions stay manual.
    Exception,
    /// Rare and simple: quicker by hand than to automate.
    LowValue,
    /// Triggers and ends: events, not work.
    Event,
}

impl PriorityClass {
    pub fn label(self) -> &'static str {
        match self {
            PriorityClass::QuickWin => "quick win",
            PriorityClass::Medium => "medium",
            PriorityClass::Trap => "trap",
            PriorityClass::AiCandidate => "AI candidate",
            PriorityClass::NeverAutomate => "never automate",
            PriorityClass::Exception => "exception",
            PriorityClass::LowValue => "low value",
            PriorityClass::Event => "event",
        }
    }
}

/// What the method says about one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepInsight {
    pub step: StepId,
    pub workflow: WorkflowId,
    pub class: PriorityClass,
    /// One sentence explaining the class.
    pub reason: String,
    /// What the method would tag it (never written into the plan).
    pub suggested_tag: Tag,
    /// The layer in effect: the owner's override, else the suggested one;
    /// `None` for steps that are not automation candidates.
    pub layer: Option<Layer>,
    /// Manual hours per week (frequency × minutes).
    pub hours_per_week: f64,
    /// Share (0–1) of its workflow's manual hours.
    pub share_of_workflow: f64,
    /// Value of those hours per week at the plan's hourly value.
    pub value_per_week: f64,
    pub bottleneck: bool,
    pub repetition: bool,
    pub decision_point: bool,
}

/// Totals per workflow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkflowSummary {
    pub workflow: WorkflowId,
    pub steps: usize,
    pub hours_per_week: f64,
    pub automate: usize,
    pub keep_manual: usize,
    pub undecided: usize,
}

/// Everything derived from a plan by the method.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub steps: Vec<StepInsight>,
    index: HashMap<StepId, usize>,
    pub workflows: Vec<WorkflowSummary>,
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn step(&self, id: StepId) -> Option<&StepInsight> {
        self.index.get(&id).map(|&i| &self.steps[i])
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn findings_for_step(&self, id: StepId) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.step_ids.contains(&id))
    }

    fn reindex(&mut self) {
        self.index = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.step, i))
            .collect();
    }
}

/// Analyse a plan. (Placeholder until the method is implemented.)
pub fn analyze(plan: &Plan) -> Analysis {
    let mut a = Analysis::default();
    let _ = plan;
    a.reindex();
    a
}
