//! What changed between two versions of a plan: workflows and steps added,
//! removed, renamed or re-tagged, arrows changed, roadmap cards moved or
//! re-statused, incidents recorded, and cost and savings before and after.
//!
//! Workflows and steps are matched by their ids, which a plan keeps for
//! their whole life. [`diff`] gives the changes as data (serialisable to
//! JSON); [`markdown`] writes them for a pull request or a planning session.

mod markdown;

pub use markdown::{markdown, plain_text};

use crate::analysis::{Analysis, analyze};
use crate::model::{CardStatus, Column, Plan, Step, StepId, Tag, WorkflowId};
use crate::roadmap::{RoadmapSummary, summarize, summarize_roadmap};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Every difference between two plans that an owner cares about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff {
    pub before: Totals,
    pub after: Totals,
    pub workflows: Vec<WorkflowChange>,
    pub steps: Vec<StepChange>,
    pub links: Vec<LinkChange>,
    pub cards: Vec<CardChange>,
    /// Incidents in the new plan that the old one did not have.
    pub new_incidents: Vec<IncidentNote>,
}

impl PlanDiff {
    /// Nothing an owner would notice changed (the totals follow from the rest).
    pub fn is_empty(&self) -> bool {
        self.workflows.is_empty()
            && self.steps.is_empty()
            && self.links.is_empty()
            && self.cards.is_empty()
            && self.new_incidents.is_empty()
            && self.before == self.after
    }

    /// Steps added, removed or changed, for marking them on a map.
    pub fn step_marks(&self) -> HashMap<StepId, StepMark> {
        let mut out = HashMap::new();
        for c in &self.steps {
            let mark = match c.change {
                Change::Added => StepMark::Added,
                Change::Removed => StepMark::Removed,
                _ => StepMark::Changed,
            };
            out.entry(c.step)
                .and_modify(|m: &mut StepMark| {
                    if mark != StepMark::Changed {
                        *m = mark;
                    }
                })
                .or_insert(mark);
        }
        out
    }
}

/// How a step shows on a map compared with the other version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepMark {
    Added,
    Removed,
    Changed,
}

/// Figures of one version of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    pub workflows: usize,
    pub steps: usize,
    /// Steps tagged automate.
    pub automated: usize,
    /// Manual hours per week across all steps.
    pub manual_hours_per_week: f64,
    /// Hours per week the roadmap saves by day 90.
    pub hours_saved_by_day_90: f64,
    /// Hours per week the live cards save (measured, else estimated).
    pub live_hours_saved: f64,
    /// Value per calendar month of the hours saved by day 90.
    pub value_per_month: f64,
    /// Monthly tool cost from Month 3 on: the known part.
    pub monthly_cost: f64,
    /// Tools in that cost whose price is unknown.
    pub unknown_prices: usize,
    /// Setup hours of months 1–3.
    pub setup_hours: f64,
    pub currency: String,
}

/// A change to a workflow as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum WorkflowChange {
    Added {
        id: WorkflowId,
        name: String,
    },
    Removed {
        id: WorkflowId,
        name: String,
    },
    Renamed {
        id: WorkflowId,
        from: String,
        to: String,
    },
}

/// What happened to a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Renamed {
        from: String,
    },
    Retagged {
        from: Tag,
        to: Tag,
    },
    /// Moved to another workflow.
    MovedWorkflow {
        from: String,
    },
    /// Other fields changed (named as in the plan file).
    Edited {
        fields: Vec<&'static str>,
    },
}

/// One change to one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepChange {
    pub step: StepId,
    /// The step's title (in the new version when it exists there).
    pub title: String,
    /// Its workflow's name (likewise).
    pub workflow: String,
    #[serde(flatten)]
    pub change: Change,
}

/// An arrow added, removed or given another label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkChange {
    pub workflow: String,
    pub from: StepId,
    pub to: StepId,
    pub from_title: String,
    pub to_title: String,
    #[serde(flatten)]
    pub change: LinkChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum LinkChangeKind {
    Added { label: String },
    Removed { label: String },
    Relabelled { from: String, to: String },
}

/// A roadmap card put on or taken off the board, moved or re-statused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardChange {
    pub step: StepId,
    pub title: String,
    #[serde(flatten)]
    pub change: CardChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum CardChangeKind {
    Added {
        column: Column,
    },
    Removed {
        column: Column,
    },
    Moved {
        from: Column,
        to: Column,
    },
    Restatused {
        from: CardStatus,
        to: CardStatus,
    },
    /// The measured minutes saved per week changed (`None`: not measured).
    Measured {
        from: Option<f64>,
        to: Option<f64>,
    },
}

/// An incident, for the list of new ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentNote {
    pub step: StepId,
    pub title: String,
    pub date: String,
    pub note: String,
    pub plan_held: bool,
}

fn totals(plan: &Plan, summary: &RoadmapSummary) -> Totals {
    let steps = plan.workflows.iter().flat_map(|w| &w.steps);
    let manual: f64 = steps
        .clone()
        .map(Step::manual_hours_per_week)
        .filter(|h| h.is_finite())
        .sum::<f64>()
        + 0.0; // an empty sum is -0.0

    let cost = summary.monthly_cost();
    Totals {
        workflows: plan.workflows.len(),
        steps: plan.step_count(),
        automated: steps.filter(|s| s.tag == Tag::Automate).count(),
        manual_hours_per_week: manual,
        hours_saved_by_day_90: summary.hours_saved_by_day_90(),
        live_hours_saved: crate::roadmap::progress::progress(plan, summary).actual_total + 0.0,
        value_per_month: summary.months[2].value_per_month,
        monthly_cost: cost.known,
        unknown_prices: cost.unknown,
        setup_hours: summary.months.iter().map(|m| m.setup_hours).sum::<f64>() + 0.0,
        currency: plan.profile.currency.clone(),
    }
}

/// The figures of a plan; a plan whose board was never arranged counts with
/// the suggested roadmap, as its export does.
pub fn totals_of(plan: &Plan) -> Totals {
    totals_with(plan, &analyze(plan))
}

/// [`totals_of`] with the plan's analysis already known (a window keeps it).
pub fn totals_with(plan: &Plan, analysis: &Analysis) -> Totals {
    if plan.roadmap.items.is_empty() {
        let roadmap = crate::roadmap::suggest(plan, analysis);
        totals(plan, &summarize_roadmap(plan, &roadmap, analysis))
    } else {
        totals(plan, &summarize(plan, analysis))
    }
}

/// Which fields of a step differ, beyond title, tag and position.
fn edited_fields(a: &Step, b: &Step) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            out.push(name);
        }
    };
    check("kind", a.kind == b.kind);
    check("owner", a.owner == b.owner);
    check("system", a.system == b.system);
    check("frequency", a.frequency == b.frequency);
    check("minutes", a.minutes.to_bits() == b.minutes.to_bits());
    check("complexity", a.complexity == b.complexity);
    check("judgment", a.judgment == b.judgment);
    check("sensitivity", a.sensitivity == b.sensitivity);
    check("approach", a.approach == b.approach);
    check("layer", a.layer == b.layer);
    check("tool", a.tool == b.tool);
    check("event", a.event == b.event);
    check("message", a.message == b.message);
    check("failure_plan", a.failure_plan == b.failure_plan);
    check("test_plan", a.test_plan == b.test_plan);
    check("reads", a.reads == b.reads);
    check("writes", a.writes == b.writes);
    check("notes", a.notes == b.notes);
    out
}

struct Side<'a> {
    plan: &'a Plan,
    /// Step id → (workflow index, step index).
    places: crate::model::StepPlaces,
}

impl<'a> Side<'a> {
    fn new(plan: &'a Plan) -> Self {
        Self {
            plan,
            places: plan.step_places(),
        }
    }
    fn step(&self, id: StepId) -> Option<(&'a str, &'a Step)> {
        let &(wi, si) = self.places.get(&id)?;
        let w = &self.plan.workflows[wi];
        Some((&w.name, &w.steps[si]))
    }
    fn title(&self, id: StepId) -> Option<String> {
        self.step(id).map(|(_, s)| s.title.clone())
    }
}

type LinkMap<'a> = BTreeMap<(StepId, StepId), (&'a str, &'a str)>;

/// Every arrow of a plan: (from, to) → (workflow name, label).
fn link_map(p: &Plan) -> LinkMap<'_> {
    let mut m = LinkMap::new();
    for w in &p.workflows {
        for l in &w.links {
            m.entry((l.from, l.to))
                .or_insert((w.name.as_str(), l.label.as_str()));
        }
    }
    m
}

/// The differences from `old` to `new`.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let before = totals_of(old);
    let after = totals_of(new);
    diff_with_totals(old, new, before, after)
}

/// [`diff`] with the totals of both sides already known (a window keeps them).
pub fn diff_with_totals(old: &Plan, new: &Plan, before: Totals, after: Totals) -> PlanDiff {
    let a = Side::new(old);
    let b = Side::new(new);
    let title_in_either = |id: StepId| {
        b.title(id)
            .or_else(|| a.title(id))
            .unwrap_or_else(|| format!("step {id}"))
    };

    // Workflows, in the new plan's order, then the removed ones.
    let mut workflows = Vec::new();
    for w in &new.workflows {
        match old.workflow(w.id) {
            None => workflows.push(WorkflowChange::Added {
                id: w.id,
                name: w.name.clone(),
            }),
            Some(o) if o.name != w.name => workflows.push(WorkflowChange::Renamed {
                id: w.id,
                from: o.name.clone(),
                to: w.name.clone(),
            }),
            Some(_) => {}
        }
    }
    for w in &old.workflows {
        if new.workflow(w.id).is_none() {
            workflows.push(WorkflowChange::Removed {
                id: w.id,
                name: w.name.clone(),
            });
        }
    }

    // Steps, in the new plan's order, then the removed ones.
    let mut steps = Vec::new();
    for w in &new.workflows {
        for s in &w.steps {
            let mut push = |change| {
                steps.push(StepChange {
                    step: s.id,
                    title: s.title.clone(),
                    workflow: w.name.clone(),
                    change,
                })
            };
            let Some((old_wf, o)) = a.step(s.id) else {
                push(Change::Added);
                continue;
            };
            let old_home = a.places.get(&s.id).map(|&(wi, _)| old.workflows[wi].id);
            if old_home != Some(w.id) {
                push(Change::MovedWorkflow {
                    from: old_wf.to_owned(),
                });
            }
            if o.title != s.title {
                push(Change::Renamed {
                    from: o.title.clone(),
                });
            }
            if o.tag != s.tag {
                push(Change::Retagged {
                    from: o.tag,
                    to: s.tag,
                });
            }
            let fields = edited_fields(o, s);
            if !fields.is_empty() {
                push(Change::Edited { fields });
            }
        }
    }
    for w in &old.workflows {
        for s in &w.steps {
            if b.step(s.id).is_none() {
                steps.push(StepChange {
                    step: s.id,
                    title: s.title.clone(),
                    workflow: w.name.clone(),
                    change: Change::Removed,
                });
            }
        }
    }

    // Arrows, keyed by (from, to) within each side.
    let (la, lb) = (link_map(old), link_map(new));
    let mut links = Vec::new();
    let mut link = |(from, to): (StepId, StepId), workflow: &str, change| {
        links.push(LinkChange {
            workflow: workflow.to_owned(),
            from,
            to,
            from_title: title_in_either(from),
            to_title: title_in_either(to),
            change,
        })
    };
    for (&key, &(wf, label)) in &lb {
        match la.get(&key) {
            None => link(
                key,
                wf,
                LinkChangeKind::Added {
                    label: label.to_owned(),
                },
            ),
            Some(&(_, old_label)) if old_label != label => link(
                key,
                wf,
                LinkChangeKind::Relabelled {
                    from: old_label.to_owned(),
                    to: label.to_owned(),
                },
            ),
            Some(_) => {}
        }
    }
    for (&key, &(wf, label)) in &la {
        if !lb.contains_key(&key) {
            link(
                key,
                wf,
                LinkChangeKind::Removed {
                    label: label.to_owned(),
                },
            );
        }
    }

    // Roadmap cards, in the new board's order, then the removed ones.
    let mut cards = Vec::new();
    let mut card = |step: StepId, change| {
        cards.push(CardChange {
            step,
            title: title_in_either(step),
            change,
        })
    };
    for item in &new.roadmap.items {
        let Some(o) = old.roadmap.item(item.step) else {
            card(
                item.step,
                CardChangeKind::Added {
                    column: item.column,
                },
            );
            continue;
        };
        if o.column != item.column {
            card(
                item.step,
                CardChangeKind::Moved {
                    from: o.column,
                    to: item.column,
                },
            );
        }
        if o.status != item.status {
            card(
                item.step,
                CardChangeKind::Restatused {
                    from: o.status,
                    to: item.status,
                },
            );
        }
        let bits = |m: Option<f64>| m.map(f64::to_bits);
        if bits(o.actual_minutes_per_week) != bits(item.actual_minutes_per_week) {
            card(
                item.step,
                CardChangeKind::Measured {
                    from: o.actual_minutes_per_week,
                    to: item.actual_minutes_per_week,
                },
            );
        }
    }
    for item in &old.roadmap.items {
        if new.roadmap.item(item.step).is_none() {
            card(
                item.step,
                CardChangeKind::Removed {
                    column: item.column,
                },
            );
        }
    }

    let new_incidents = new
        .roadmap
        .incidents
        .iter()
        .filter(|i| !old.roadmap.incidents.contains(i))
        .map(|i| IncidentNote {
            step: i.step,
            title: title_in_either(i.step),
            date: i.date.clone(),
            note: i.note.clone(),
            plan_held: i.plan_held,
        })
        .collect();

    PlanDiff {
        before,
        after,
        workflows,
        steps,
        links,
        cards,
        new_incidents,
    }
}

#[cfg(test)]
mod tests;
