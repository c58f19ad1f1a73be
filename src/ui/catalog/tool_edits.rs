//! What the catalog changes beyond itself: which steps and cards use a tool,
//! the edits that delete or re-id one, and which prices are refused.

use crate::edit::Edit;
use crate::model::{Plan, Tool};

/// Steps and roadmap cards that use a tool.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ToolUsage {
    /// "Step title (workflow)" of each step whose tool it is.
    pub steps: Vec<String>,
    /// Titles of the cards that chose it over their step's tool.
    pub cards: Vec<String>,
}

impl ToolUsage {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.cards.is_empty()
    }
}

/// Which steps and roadmap cards use tool `id`.
pub fn tool_usage(plan: &Plan, id: &str) -> ToolUsage {
    let mut usage = ToolUsage::default();
    for w in &plan.workflows {
        for s in &w.steps {
            if s.tool == id {
                usage
                    .steps
                    .push(format!("\"{}\" ({})", one_line(&s.title), w.name));
            }
        }
    }
    for item in &plan.roadmap.items {
        if item.tool.as_deref() == Some(id) {
            let title = plan.find_step(item.step).map_or_else(
                || format!("step {}", item.step),
                |(_, s)| one_line(&s.title),
            );
            usage.cards.push(format!("\"{title}\""));
        }
    }
    usage
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The edit that deletes tool `id`: the catalog without it, and the steps and
/// cards that used it left with no tool.
pub fn delete_tool_edit(plan: &Plan, id: &str) -> Edit {
    let tools: Vec<Tool> = plan.tools.iter().filter(|t| t.id != id).cloned().collect();
    retool_edit(plan, tools, id, "")
}

/// The catalog `tools`, with every step and card that used tool `old` moved
/// to `new` ("" for no tool).
pub(super) fn retool_edit(plan: &Plan, tools: Vec<Tool>, old: &str, new: &str) -> Edit {
    let mut edits = vec![Edit::SetTools(tools)];
    for w in &plan.workflows {
        for s in &w.steps {
            if s.tool == old {
                let mut step = s.clone();
                step.tool = new.to_owned();
                edits.push(Edit::SetStep {
                    wf: w.id,
                    step: Box::new(step),
                });
            }
        }
    }
    if plan
        .roadmap
        .items
        .iter()
        .any(|i| i.tool.as_deref() == Some(old))
    {
        let mut roadmap = plan.roadmap.clone();
        for item in &mut roadmap.items {
            if item.tool.as_deref() == Some(old) {
                if new.is_empty() {
                    item.tool = None;
                    item.price_option = None;
                } else {
                    item.tool = Some(new.to_owned());
                }
            }
        }
        edits.push(Edit::SetRoadmap(roadmap));
    }
    if edits.len() == 1 {
        edits.pop().unwrap_or(Edit::Batch(Vec::new()))
    } else {
        Edit::Batch(edits)
    }
}

/// An id not yet in the catalog, from `base`.
pub(super) fn free_id(tools: &[Tool], base: &str) -> String {
    let taken = |id: &str| tools.iter().any(|t| t.id == id);
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// Why a monthly price cannot be used, if it cannot.
pub fn price_problem(price: f64) -> Option<&'static str> {
    if !price.is_finite() {
        Some("A price must be a number. Untick \"price known\" when you do not know it.")
    } else if price < 0.0 {
        Some("A price cannot be negative.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::{Plan, Step, StepKind, Workflow, WorkflowId};
    use crate::model::{StepId, bundled_catalog};

    fn plan_using(tool: &str) -> Plan {
        let mut plan = Plan::new("p");
        let mut step = Step::new(StepId(1), StepKind::Task, "Send email", Default::default());
        step.tool = tool.to_owned();
        plan.workflows.push(Workflow {
            id: WorkflowId(1),
            name: "Orders".to_owned(),
            steps: vec![step],
            ..Workflow::default()
        });
        plan
    }

    #[test]
    fn deleting_a_used_tool_leaves_its_steps_without_one_and_undo_restores_it() {
        let plan = plan_using("zapier");
        let usage = tool_usage(&plan, "zapier");
        assert_eq!(usage.steps, vec!["\"Send email\" (Orders)".to_owned()]);
        let mut doc = Document::new(plan.clone());
        assert!(
            doc.apply("Delete tool", delete_tool_edit(&plan, "zapier"))
                .is_ok()
        );
        assert!(doc.plan().tool("zapier").is_none());
        assert_eq!(doc.plan().workflows[0].steps[0].tool, "");
        doc.undo();
        assert_eq!(doc.plan(), &plan);
    }

    #[test]
    fn prices_must_be_finite_and_not_negative() {
        assert!(price_problem(-1.0).is_some());
        assert!(price_problem(f64::NAN).is_some());
        assert!(price_problem(f64::INFINITY).is_some());
        assert!(price_problem(0.0).is_none());
        assert!(price_problem(19.99).is_none());
    }

    #[test]
    fn new_ids_do_not_clash() {
        let tools = bundled_catalog();
        let id = free_id(&tools, "zapier");
        assert_ne!(id, "zapier");
        assert!(tools.iter().all(|t| t.id != id));
    }
}
