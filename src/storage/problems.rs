//! Validation of a parsed plan: what the parser cannot see.

use crate::model::{Plan, StepId, WorkflowId};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a problem found in a plan file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemSeverity {
    /// The plan cannot be used as it is (it would break editing or the numbers).
    Error,
    /// Worth a look, but the plan works (an empty title, for example).
    Notice,
}

impl ProblemSeverity {
    pub fn label(self) -> &'static str {
        match self {
            ProblemSeverity::Error => "error",
            ProblemSeverity::Notice => "notice",
        }
    }
}

/// One thing wrong with a plan file, found after it was parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable code: `duplicate-id`, `dangling-link`, `self-link`, `duplicate-link`,
    /// `bad-number`, `empty-title`, `roadmap-missing-step`.
    pub code: &'static str,
    pub severity: ProblemSeverity,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// The workflow concerned, if any.
    pub workflow: Option<WorkflowId>,
    /// Its name, for messages (ids may be duplicated, names are what people read).
    pub workflow_name: Option<String>,
    /// The steps concerned (may be empty).
    pub step_ids: Vec<StepId>,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == ProblemSeverity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.message, self.hint)
    }
}

pub use crate::model::limits::{MAX_NUMBER, MAX_POSITION};

struct Ctx<'a> {
    problems: Vec<Problem>,
    wf: Option<(WorkflowId, &'a str)>,
}

impl Ctx<'_> {
    fn push(
        &mut self,
        code: &'static str,
        severity: ProblemSeverity,
        step_ids: Vec<StepId>,
        message: String,
        hint: &str,
    ) {
        self.problems.push(Problem {
            code,
            severity,
            message,
            hint: hint.to_owned(),
            workflow: self.wf.map(|(id, _)| id),
            workflow_name: self.wf.map(|(_, n)| n.to_owned()),
            step_ids,
        });
    }

    fn number(&mut self, what: &str, value: f64, steps: Vec<StepId>) {
        let message = if value.is_nan() {
            format!("{what} is not a number (NaN)")
        } else if value.is_infinite() {
            format!("{what} is infinite")
        } else if value < 0.0 {
            format!("{what} is negative ({value})")
        } else if !crate::model::limits::number_ok(value) {
            format!("{what} is implausibly large ({value})")
        } else {
            return;
        };
        self.push(
            "bad-number",
            ProblemSeverity::Error,
            steps,
            message,
            "write a number of zero or more (e.g. 2.5) in the file",
        );
    }
}

/// A share (0 to 1): above 1 is refused like any other bad number (below 0
/// and non-numbers already are).
fn share(cx: &mut Ctx<'_>, what: &str, value: f64) {
    if value > 1.0 && value <= MAX_NUMBER {
        cx.push(
            "bad-number",
            ProblemSeverity::Error,
            vec![],
            format!("{what} is more than 1 ({value})"),
            "write a share between 0 and 1 (e.g. 0.3 for 30%)",
        );
    }
}

fn in_workflow(name: &str) -> String {
    if name.trim().is_empty() {
        "an unnamed workflow".to_owned()
    } else {
        format!("workflow \"{name}\"")
    }
}

/// Check what the parser cannot: unique ids, links between existing steps of the
/// same workflow, sane numbers, titles. Errors first, then notices.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut cx = Ctx {
        problems: Vec::new(),
        wf: None,
    };

    cx.number(
        "The hourly value of manual work",
        plan.profile.hourly_value,
        vec![],
    );
    cx.number(
        "The setup hours per week",
        plan.profile.setup_hours_per_week,
        vec![],
    );
    for (what, v) in [
        (
            "The method's high-frequency threshold",
            plan.method.high_frequency_per_day,
        ),
        (
            "The method's medium-frequency threshold",
            plan.method.medium_frequency_per_day,
        ),
        (
            "The method's AI volume threshold",
            plan.method.ai_volume_per_day,
        ),
        (
            "The method's quick-win payback",
            plan.method.quick_win_payback_weeks,
        ),
        ("The method's AI payback", plan.method.ai_payback_weeks),
        (
            "The method's bottleneck share",
            plan.method.bottleneck_share,
        ),
    ] {
        cx.number(what, v, vec![]);
    }
    for tool in &plan.tools {
        for price in &tool.prices {
            if let Some(m) = price.monthly {
                cx.number(
                    &format!(
                        "The monthly price \"{}\" of tool \"{}\"",
                        price.name, tool.name
                    ),
                    m,
                    vec![],
                );
            }
        }
    }

    // Workflow ids.
    let mut wf_seen: HashMap<WorkflowId, &str> = HashMap::with_capacity(plan.workflows.len());
    for w in &plan.workflows {
        if let Some(first) = wf_seen.get(&w.id) {
            cx.wf = Some((w.id, &w.name));
            let msg = format!(
                "Workflow id {} is used by {} and by {}",
                w.id,
                in_workflow(first),
                in_workflow(&w.name)
            );
            cx.push(
                "duplicate-id",
                ProblemSeverity::Error,
                vec![],
                msg,
                "give each workflow its own id number",
            );
        } else {
            wf_seen.insert(w.id, &w.name);
        }
    }

    // Step ids, plan-wide.
    let mut step_home: HashMap<StepId, usize> = HashMap::with_capacity(plan.step_count());
    for (wi, w) in plan.workflows.iter().enumerate() {
        cx.wf = Some((w.id, &w.name));
        for s in &w.steps {
            match step_home.get(&s.id) {
                Some(&first) => {
                    let other = plan
                        .workflows
                        .get(first)
                        .map(|o| in_workflow(&o.name))
                        .unwrap_or_default();
                    let msg = if first == wi {
                        format!("Step id {} is used twice in {}", s.id, in_workflow(&w.name))
                    } else {
                        format!(
                            "Step id {} is used in {} and again in {}",
                            s.id,
                            other,
                            in_workflow(&w.name)
                        )
                    };
                    cx.push(
                        "duplicate-id",
                        ProblemSeverity::Error,
                        vec![s.id],
                        msg,
                        "give each step a number no other step in the plan uses",
                    );
                }
                None => {
                    step_home.insert(s.id, wi);
                }
            }
        }
    }

    for (wi, w) in plan.workflows.iter().enumerate() {
        cx.wf = Some((w.id, &w.name));
        let own: HashSet<StepId> = w.steps.iter().map(|s| s.id).collect();
        let mut pairs = HashSet::new();
        for l in &w.links {
            for end in [l.from, l.to] {
                if own.contains(&end) {
                    continue;
                }
                let (msg, hint) = match step_home.get(&end) {
                    Some(&other) if other != wi => (
                        format!(
                            "The arrow from step {} to step {} in {} reaches step {end}, which belongs to {}",
                            l.from,
                            l.to,
                            in_workflow(&w.name),
                            plan.workflows
                                .get(other)
                                .map(|o| in_workflow(&o.name))
                                .unwrap_or_default()
                        ),
                        "arrows join steps of the same workflow: remove the arrow or move the step",
                    ),
                    _ => (
                        format!(
                            "The arrow from step {} to step {} in {} points to step {end}, which does not exist",
                            l.from,
                            l.to,
                            in_workflow(&w.name)
                        ),
                        "remove the arrow or correct the step number",
                    ),
                };
                cx.push(
                    "dangling-link",
                    ProblemSeverity::Error,
                    vec![l.from, l.to],
                    msg,
                    hint,
                );
            }
            if l.from == l.to {
                let msg = format!(
                    "Step {} has an arrow to itself in {}",
                    l.from,
                    in_workflow(&w.name)
                );
                cx.push(
                    "self-link",
                    ProblemSeverity::Error,
                    vec![l.from],
                    msg,
                    "remove the arrow",
                );
            } else if !pairs.insert((l.from, l.to)) {
                let msg = format!(
                    "The arrow from step {} to step {} appears twice in {}",
                    l.from,
                    l.to,
                    in_workflow(&w.name)
                );
                cx.push(
                    "duplicate-link",
                    ProblemSeverity::Error,
                    vec![l.from, l.to],
                    msg,
                    "keep one of the two arrows",
                );
            }
        }

        for s in &w.steps {
            let name = if s.title.trim().is_empty() {
                format!("step {}", s.id)
            } else {
                format!("step {} (\"{}\")", s.id, s.title)
            };
            cx.number(&format!("The minutes of {name}"), s.minutes, vec![s.id]);
            cx.number(
                &format!("The frequency of {name}"),
                s.frequency.count,
                vec![s.id],
            );
            for (axis, v) in [("x", s.pos.x), ("y", s.pos.y)] {
                if !crate::model::limits::coordinate_ok(v) {
                    let msg = format!("The {axis} position of {name} is {v}");
                    cx.push(
                        "bad-number",
                        ProblemSeverity::Error,
                        vec![s.id],
                        msg,
                        "write a position between -10000000 and 10000000",
                    );
                }
            }
        }
    }

    cx.wf = None;
    share(
        &mut cx,
        "The method's bottleneck share",
        plan.method.bottleneck_share,
    );
    for item in &plan.roadmap.items {
        if let Some(h) = item.setup_hours {
            cx.number(
                &format!("The setup hours of roadmap item for step {}", item.step),
                h,
                vec![item.step],
            );
        }
        if let Some(m) = item.actual_minutes_per_week {
            cx.number(
                &format!(
                    "The measured minutes saved of roadmap item for step {}",
                    item.step
                ),
                m,
                vec![item.step],
            );
        }
    }

    // Notices.
    for w in &plan.workflows {
        cx.wf = Some((w.id, &w.name));
        for s in &w.steps {
            if s.title.trim().is_empty() {
                let msg = format!("Step {} in {} has no title", s.id, in_workflow(&w.name));
                cx.push(
                    "empty-title",
                    ProblemSeverity::Notice,
                    vec![s.id],
                    msg,
                    "give it a short title so the map and the export can name it",
                );
            }
        }
    }
    cx.wf = None;
    for item in &plan.roadmap.items {
        if !step_home.contains_key(&item.step) {
            let msg = format!(
                "The roadmap lists step {}, which is not in any workflow",
                item.step
            );
            cx.push(
                "roadmap-missing-step",
                ProblemSeverity::Notice,
                vec![item.step],
                msg,
                "remove the item from the roadmap or add the step back",
            );
        }
    }

    cx.problems.sort_by_key(|p| p.severity);
    cx.problems
}
