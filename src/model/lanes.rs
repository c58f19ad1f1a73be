//! Swimlanes: a workflow can be shown with one horizontal lane per owner
//! (person or role) or per system. Lanes are not separate data: a step's lane
//! is its `owner` or `system`, so renaming a lane renames the owner on its
//! steps. What is saved is how the lanes are shown: by what, in which order,
//! and which are collapsed.

use super::Step;
use serde::{Deserialize, Serialize};

/// What a workflow's lanes are drawn by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LaneMode {
    /// No lanes: the map is one open area.
    #[default]
    None,
    /// One lane per owner (the `owner` of each step).
    Owner,
    /// One lane per system (the `system` of each step).
    System,
}

impl LaneMode {
    pub const ALL: [LaneMode; 3] = [LaneMode::None, LaneMode::Owner, LaneMode::System];

    pub fn label(self) -> &'static str {
        match self {
            LaneMode::None => "No lanes",
            LaneMode::Owner => "Lanes by owner",
            LaneMode::System => "Lanes by system",
        }
    }

    /// The lane a step sits in: its trimmed owner or system (empty: the
    /// unassigned lane). Without lanes every step is in the one empty lane.
    pub fn key(self, step: &Step) -> &str {
        match self {
            LaneMode::None => "",
            LaneMode::Owner => step.owner.trim(),
            LaneMode::System => step.system.trim(),
        }
    }

    /// `step` moved into lane `name`: its owner or system set to it.
    pub fn assign(self, step: &Step, name: &str) -> Step {
        let mut s = step.clone();
        match self {
            LaneMode::None => {}
            LaneMode::Owner => s.owner = name.to_owned(),
            LaneMode::System => s.system = name.to_owned(),
        }
        s
    }
}

/// The name shown for the lane of steps with no owner (or system).
pub const UNASSIGNED_LANE: &str = "Unassigned";

/// How a workflow's lanes are shown. Saved with the workflow; a workflow
/// without lanes leaves it out of the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Lanes {
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub by: LaneMode,
    /// Lane names from the top. Lanes not listed follow, in the order their
    /// first step appears; the unassigned lane comes last unless listed (as "").
    /// Names that no step uses are ignored.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub order: Vec<String>,
    /// Lanes drawn folded to their header.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub collapsed: Vec<String>,
}

impl Lanes {
    pub fn is_on(&self) -> bool {
        self.by != LaneMode::None
    }

    /// The lanes of `steps` from the top, each name once ("" is the
    /// unassigned lane). Empty when lanes are off.
    pub fn names(&self, steps: &[Step]) -> Vec<String> {
        if !self.is_on() {
            return Vec::new();
        }
        let mut used: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in steps {
            let k = self.by.key(s);
            if seen.insert(k) {
                used.push(k);
            }
        }
        let mut out: Vec<String> = Vec::with_capacity(used.len());
        let mut placed = std::collections::HashSet::new();
        for name in &self.order {
            let name = name.trim();
            if seen.contains(name) && placed.insert(name.to_owned()) {
                out.push(name.to_owned());
            }
        }
        for k in used.iter().filter(|k| !k.is_empty()) {
            if placed.insert((*k).to_owned()) {
                out.push((*k).to_owned());
            }
        }
        if seen.contains("") && placed.insert(String::new()) {
            out.push(String::new());
        }
        out
    }

    pub fn is_collapsed(&self, name: &str) -> bool {
        self.collapsed.iter().any(|c| c.trim() == name)
    }
}

/// The name shown for lane `name` ("" is the unassigned lane).
pub fn lane_label(name: &str) -> &str {
    if name.is_empty() {
        UNASSIGNED_LANE
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, StepId, StepKind};

    fn step(id: u32, owner: &str) -> Step {
        let mut s = Step::new(StepId(id), StepKind::Task, "s", Pos::default());
        s.owner = owner.to_owned();
        s
    }

    #[test]
    fn lanes_follow_the_saved_order_then_first_appearance_with_unassigned_last() {
        let steps = [
            step(1, ""),
            step(2, "Sam"),
            step(3, " Ana "),
            step(4, "Sam"),
        ];
        let mut lanes = Lanes {
            by: LaneMode::Owner,
            ..Lanes::default()
        };
        assert_eq!(lanes.names(&steps), ["Sam", "Ana", ""]);
        lanes.order = vec!["Ana".into(), "Gone".into(), "".into()];
        assert_eq!(lanes.names(&steps), ["Ana", "", "Sam"]);
        lanes.by = LaneMode::None;
        assert!(lanes.names(&steps).is_empty());
    }

    #[test]
    fn a_workflow_without_lanes_saves_no_lanes_field_and_one_with_lanes_reads_back() {
        let mut plan = crate::model::Plan::new("Lanes");
        plan.workflows.push(crate::model::Workflow {
            id: crate::model::WorkflowId(1),
            name: "Orders".into(),
            steps: vec![step(1, "Sam")],
            ..crate::model::Workflow::default()
        });
        let text = crate::storage::to_ron(&plan);
        assert!(!text.contains("lanes"), "{text}");
        plan.workflows[0].lanes = Lanes {
            by: LaneMode::Owner,
            order: vec!["Sam".into()],
            collapsed: vec![String::new()],
        };
        let text = crate::storage::to_ron(&plan);
        assert!(text.contains("by: Owner"), "{text}");
        let back = match crate::storage::from_str(&text, "lanes.ron") {
            Ok(l) => l.plan,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(back.workflows[0].lanes, plan.workflows[0].lanes);
    }
}
