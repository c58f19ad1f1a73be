//! The plan: plain serde data, no UI types.
//!
//! A plan file is RON. Every optional field has a default so hand-written
//! files stay short; see `docs/plan-format.md`.

mod defaults;
mod ids;
mod lanes;
pub mod limits;
mod method;
mod roadmap;
mod step;
mod tag_look;
mod tool;

pub use ids::{StepId, WorkflowId};
pub use lanes::{LaneMode, Lanes, UNASSIGNED_LANE, lane_label};
pub use method::MethodSettings;
pub use roadmap::{
    CardStatus, Column, FailureCase, Incident, PhaseNote, Roadmap, RoadmapItem, Scenario,
};
pub use step::{
    Approach, Complexity, DataRef, FailurePlan, Frequency, Judgment, Layer, Link, Period, Pos,
    Sensitivity, Step, StepKind, Tag, WorkKind,
};
pub use tool::{PriceOption, Tool, ToolCategory, bundled_catalog};

use serde::{Deserialize, Serialize};

/// The plan file format this build writes. Files with a higher number are refused.
pub const FORMAT_VERSION: u32 = 1;

/// A whole automation plan: the shop, its workflows, the tool catalog and the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub format_version: u32,
    pub name: String,
    pub profile: BusinessProfile,
    pub workflows: Vec<Workflow>,
    /// Method thresholds and weights (editable per plan).
    pub method: MethodSettings,
    pub roadmap: Roadmap,
    /// The tool catalog of this plan. A file without it gets the bundled catalog.
    pub tools: Vec<Tool>,
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: "Untitled plan".to_owned(),
            profile: BusinessProfile::default(),
            workflows: Vec::new(),
            method: MethodSettings::default(),
            roadmap: Roadmap::default(),
            tools: bundled_catalog(),
        }
    }
}

/// Facts about the business that turn minutes into money and hours into a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessProfile {
    pub shop_name: String,
    /// Value of one hour of manual work, in `currency`.
    pub hourly_value: f64,
    /// Hours per week the team can spend setting up automations.
    pub setup_hours_per_week: f64,
    /// ISO 4217 code, e.g. "USD".
    pub currency: String,
}

impl Default for BusinessProfile {
    fn default() -> Self {
        Self {
            shop_name: String::new(),
            hourly_value: 25.0,
            setup_hours_per_week: 5.0,
            currency: "USD".to_owned(),
        }
    }
}

/// One business process, drawn as a map of steps and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Workflow {
    pub id: WorkflowId,
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    pub steps: Vec<Step>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub links: Vec<Link>,
    /// Swimlanes by owner or system (none by default).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub lanes: Lanes,
}

impl Workflow {
    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_mut(&mut self, id: StepId) -> Option<&mut Step> {
        self.steps.iter_mut().find(|s| s.id == id)
    }

    pub fn step_index(&self, id: StepId) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    pub fn link_index(&self, from: StepId, to: StepId) -> Option<usize> {
        self.links.iter().position(|l| l.from == from && l.to == to)
    }
}

impl Plan {
    /// An empty plan with the bundled tool catalog.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    pub fn workflow(&self, id: WorkflowId) -> Option<&Workflow> {
        self.workflows.iter().find(|w| w.id == id)
    }

    pub fn workflow_mut(&mut self, id: WorkflowId) -> Option<&mut Workflow> {
        self.workflows.iter_mut().find(|w| w.id == id)
    }

    pub fn workflow_index(&self, id: WorkflowId) -> Option<usize> {
        self.workflows.iter().position(|w| w.id == id)
    }

    /// Where each step is: (workflow index, step index). A repeated id keeps
    /// its first place. For views and exports that look up many steps.
    pub fn step_places(&self) -> StepPlaces {
        let mut places =
            foldhash::HashMap::with_capacity_and_hasher(self.step_count(), Default::default());
        for (wi, w) in self.workflows.iter().enumerate() {
            for (si, s) in w.steps.iter().enumerate() {
                places.entry(s.id).or_insert((wi, si));
            }
        }
        places
    }

    /// The workflow holding a step, with the step.
    pub fn find_step(&self, id: StepId) -> Option<(&Workflow, &Step)> {
        self.workflows
            .iter()
            .find_map(|w| w.step(id).map(|s| (w, s)))
    }

    /// A step id not used anywhere in the plan (ids are unique per plan).
    pub fn next_step_id(&self) -> StepId {
        let ids = || self.workflows.iter().flat_map(|w| &w.steps).map(|s| s.id.0);
        StepId(next_free(ids))
    }

    /// A workflow id not used in the plan.
    pub fn next_workflow_id(&self) -> WorkflowId {
        WorkflowId(next_free(|| self.workflows.iter().map(|w| w.id.0)))
    }

    pub fn step_count(&self) -> usize {
        self.workflows.iter().map(|w| w.steps.len()).sum()
    }

    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.id == id)
    }
}

/// Where each step is: (workflow index, step index), by step id.
pub type StepPlaces = foldhash::HashMap<StepId, (usize, usize)>;

/// One more than the largest id; when a file already uses the largest possible
/// id, the lowest id still free.
fn next_free<I: Iterator<Item = u32>>(ids: impl Fn() -> I) -> u32 {
    let max = ids().max().unwrap_or(0);
    max.checked_add(1).unwrap_or_else(|| {
        let used: std::collections::HashSet<u32> = ids().collect();
        (1..u32::MAX).find(|k| !used.contains(k)).unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_follow_the_largest_and_stay_free_at_the_top_of_the_range() {
        let mut plan = Plan::new("Ids");
        assert_eq!(plan.next_step_id(), StepId(1));
        assert_eq!(plan.next_workflow_id(), WorkflowId(1));
        plan.workflows.push(Workflow {
            id: WorkflowId(u32::MAX),
            steps: vec![
                Step::new(StepId(1), StepKind::Task, "a", Pos::new(0.0, 0.0)),
                Step::new(StepId(u32::MAX), StepKind::Task, "b", Pos::new(0.0, 0.0)),
            ],
            ..Workflow::default()
        });
        assert_eq!(plan.next_step_id(), StepId(2));
        assert_eq!(plan.next_workflow_id(), WorkflowId(1));
        plan.workflows[0].steps.pop();
        assert_eq!(plan.next_step_id(), StepId(2));
    }
}
