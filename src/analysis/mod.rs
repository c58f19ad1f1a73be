//! The method as code: measures, priority classes, layers and findings.
//! Pure functions of a [`Plan`]; no UI types.
//!
//! CONTRACT (other modules build on these types; extend, don't rename):
//! - [`analyze`] computes everything for a plan;
//! - [`Analysis::step`] gives the insight for one step;
//! - [`Analysis::findings`] lists the lint findings, errors first;
//! - [`connections`] shows how workflows connect, [`quick_wins`] what to automate first.
//!
//! Layout: `graph` (the map's shape), `measures` (time and where it goes),
//! `classify` (priority class and reason), `layers` (L1–L4), `rules/` (one lint
//! rule per file), `connect` (shared events and data between workflows).

mod classify;
mod connect;
mod graph;
pub mod handoffs;
mod layers;
mod measures;
pub mod rules;
#[cfg(test)]
mod testkit;
mod work;

pub use connect::{Connection, ConnectionKind, connections};
pub use work::{suggest_work, work_of};

use crate::model::{Layer, Plan, Step, StepId, Tag, WorkKind, Workflow, WorkflowId};
use serde::Serialize;

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
    /// What to do about it (the rule's own advice).
    pub hint: &'static str,
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
    /// Hands-on work (pick, pack, put back): stays manual or tool-assisted.
    Physical,
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
            PriorityClass::Physical => "physical work",
        }
    }
}

/// What the method says about one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepInsight {
    pub step: StepId,
    pub workflow: WorkflowId,
    pub class: PriorityClass,
    /// The kind of work in effect (the owner's, else the suggestion).
    pub work: WorkKind,
    /// The kind of work Automap suggests from the title and system.
    pub suggested_work: WorkKind,
    /// Weeks until the hours saved repay the setup of its layer (at the
    /// default estimate); `None` when it has no layer or saves nothing.
    pub payback_weeks: Option<f64>,
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
    index: foldhash::HashMap<StepId, usize>,
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

/// One step as the rules see it: where it is and which events start it.
pub(crate) struct StepRef<'a> {
    pub workflow: &'a Workflow,
    /// Position of the workflow in `plan.workflows`.
    pub wf_index: usize,
    /// Position of the step in its workflow.
    pub local: usize,
    pub step: &'a Step,
}

/// What every rule reads: the plan, the insights in plan order (same indexes as
/// `steps`) and the shape of each workflow's map.
pub(crate) struct Context<'a> {
    pub plan: &'a Plan,
    pub steps: Vec<StepRef<'a>>,
    pub insights: &'a [StepInsight],
    pub graphs: &'a [graph::WfGraph],
    /// The handoff bounces of each workflow (see [`handoffs::bounces`]).
    pub bounces: &'a [Vec<handoffs::Bounce>],
    /// Index in `steps` of the first step of each workflow.
    pub offsets: Vec<usize>,
}

impl Context<'_> {
    /// Normalised events that start the step at global index `i`.
    pub fn events(&self, i: usize) -> impl Iterator<Item = &str> {
        let r = &self.steps[i];
        let g = &self.graphs[r.wf_index];
        g.events[r.local]
            .iter()
            .filter_map(|&e| g.event_names.get(e as usize).map(String::as_str))
    }

    /// The step's title in quotes, or its id when it has none.
    pub fn name(&self, i: usize) -> String {
        step_name(self.steps[i].step)
    }
}

pub(crate) fn step_name(s: &Step) -> String {
    let t = crate::text::trimmed(&s.title);
    let mut name = String::with_capacity(t.len() + 8);
    if t.is_empty() {
        name.push_str("step ");
        crate::text::push_int(&mut name, s.id.0 as usize);
    } else {
        for piece in ["'", t, "'"] {
            name.push_str(piece);
        }
    }
    name
}

/// A list of names for a message: "'A', 'B' and 'C'", with at most `max` shown.
pub(crate) fn name_list(names: &[String], max: usize) -> String {
    name_list_of(names, names.len(), max)
}

/// [`name_list`] of the steps at `steps` (indexes into `cx.steps`), naming
/// only the ones shown.
pub(crate) fn step_name_list(cx: &Context, steps: &[usize], max: usize) -> String {
    let shown: Vec<String> = steps.iter().take(max).map(|&i| cx.name(i)).collect();
    name_list_of(&shown, steps.len(), max)
}

/// [`name_list`] when `names` holds at least the first `max` of `total` names.
pub(crate) fn name_list_of(names: &[String], total: usize, max: usize) -> String {
    let shown: Vec<&str> = names.iter().take(max).map(String::as_str).collect();
    let rest = total.saturating_sub(max);
    match (shown.len(), rest) {
        (0, _) => String::new(),
        (1, 0) => shown[0].to_owned(),
        (n, 0) => format!("{} and {}", shown[..n - 1].join(", "), shown[n - 1]),
        (_, r) => format!("{} and {r} more", shown.join(", ")),
    }
}

/// Does this kind of step carry a tag? Tasks, decisions and exceptions do;
/// triggers and ends are events. The one definition used everywhere.
pub use crate::edit::tag::is_taggable;

/// Is this step still undecided? Only steps that carry a tag can be: a
/// trigger or an end is never counted as undecided.
pub fn is_undecided(step: &Step) -> bool {
    is_taggable(step.kind) && step.tag == Tag::Undecided
}

thread_local! {
    static RUNS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times [`analyze`] has run on this thread. Lets tests check that a
/// window showing an unchanged plan does not analyse it again on every frame.
pub fn runs_on_this_thread() -> u64 {
    RUNS.with(std::cell::Cell::get)
}

/// Analyse a plan: measures, class, layer and reason of every step (in plan
/// order), totals per workflow and the findings of every rule, errors first.
pub fn analyze(plan: &Plan) -> Analysis {
    let threads = if plan.step_count() >= MIN_PARALLEL_STEPS {
        rayon::current_num_threads()
    } else {
        1
    };
    analyze_on(plan, threads)
}

/// Plans with fewer steps are analysed on one thread.
const MIN_PARALLEL_STEPS: usize = 1_000;

/// [`analyze`] on one thread (`threads` below 2) or on the shared pool of
/// worker threads: workflows, then rules, each taken by the next free
/// thread. For tests: the result never depends on `threads`.
#[doc(hidden)]
pub fn analyze_on(plan: &Plan, threads: usize) -> Analysis {
    RUNS.with(|r| r.set(r.get() + 1));
    // Each workflow on its own: its graph, the measures, class, layer and
    // reason of its steps, and its totals.
    let one_workflow = |w: &Workflow| {
        let g = graph::WfGraph::build(w);
        let measures = measures::measure(w, &g, &plan.method, plan.profile.hourly_value);
        let mut summary = WorkflowSummary {
            workflow: w.id,
            steps: w.steps.len(),
            ..WorkflowSummary::default()
        };
        let mut insights = Vec::with_capacity(w.steps.len());
        for (s, m) in w.steps.iter().zip(measures) {
            let hints = work::Hints::of(s);
            let c = classify::classify_with(s, hints, m.hours, &plan.method);
            let layer = layers::layer_with(s, hints, c.class);
            summary.hours_per_week += m.hours;
            if is_taggable(s.kind) {
                match s.tag {
                    Tag::Automate => summary.automate += 1,
                    Tag::KeepManual => summary.keep_manual += 1,
                    Tag::Undecided => summary.undecided += 1,
                }
            }
            let payback = layer
                .map(|l| classify::payback_weeks(m.hours, l, hints.complexity(s)))
                .filter(|w| w.is_finite());
            insights.push(StepInsight {
                step: s.id,
                workflow: w.id,
                class: c.class,
                work: hints.work(s),
                suggested_work: hints.suggest_work(s),
                payback_weeks: payback,
                reason: c.reason,
                suggested_tag: c.suggested_tag,
                layer,
                hours_per_week: m.hours,
                share_of_workflow: m.share,
                value_per_week: m.value,
                bottleneck: m.bottleneck,
                repetition: m.repetition,
                decision_point: m.decision_point,
            });
        }
        // The handoff-bounce rule's walk, done here where each workflow
        // runs on its own thread.
        let bounces = handoffs::bounces(w);
        (g, insights, summary, bounces)
    };
    let per_workflow: Vec<_> = if threads < 2 {
        plan.workflows.iter().map(one_workflow).collect()
    } else {
        use rayon::prelude::*;
        plan.workflows.par_iter().map(one_workflow).collect()
    };
    let mut a = Analysis::default();
    a.steps.reserve(plan.step_count());
    let mut graphs = Vec::with_capacity(plan.workflows.len());
    let mut refs = Vec::with_capacity(plan.step_count());
    let mut offsets = Vec::with_capacity(plan.workflows.len());
    let mut bounces = Vec::with_capacity(plan.workflows.len());
    for (wi, (w, (g, insights, summary, b))) in plan.workflows.iter().zip(per_workflow).enumerate()
    {
        offsets.push(refs.len());
        refs.extend(w.steps.iter().enumerate().map(|(local, s)| StepRef {
            workflow: w,
            wf_index: wi,
            local,
            step: s,
        }));
        a.steps.extend(insights);
        a.workflows.push(summary);
        graphs.push(g);
        bounces.push(b);
    }
    let mut findings = Vec::new();
    {
        let cx = Context {
            plan,
            steps: refs,
            insights: &a.steps,
            graphs: &graphs,
            bounces: &bounces,
            offsets,
        };
        rules::run_all(&cx, threads, &mut findings);
    }
    // Stable: rules keep their own order within a severity.
    findings.sort_by_key(|f| f.severity);
    a.findings = findings;
    a.reindex();
    a
}

/// Quick wins not kept manual, most hours saved first (ties in plan order).
pub fn quick_wins<'a>(plan: &Plan, analysis: &'a Analysis) -> Vec<&'a StepInsight> {
    let kept: foldhash::HashSet<StepId> = plan
        .workflows
        .iter()
        .flat_map(|w| &w.steps)
        .filter(|s| s.tag == Tag::KeepManual)
        .map(|s| s.id)
        .collect();
    let mut v: Vec<&StepInsight> = analysis
        .steps
        .iter()
        .filter(|s| s.class == PriorityClass::QuickWin && !kept.contains(&s.step))
        .collect();
    v.sort_by(|a, b| b.hours_per_week.total_cmp(&a.hours_per_week));
    v
}

#[cfg(test)]
mod guide_examples;
#[cfg(test)]
mod tests;
