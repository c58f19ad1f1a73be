//! Whole-workflow operations that build edits: duplicating a workflow.

use super::{Edit, EditError};
use crate::model::limits::{self, MAX_TITLE_CHARS};
use crate::model::{Link, Plan, Step, StepId, Workflow, WorkflowId};
use std::collections::{HashMap, HashSet};

/// Added to the name of a duplicated workflow.
const COPY_SUFFIX: &str = " (copy)";

/// A copy of a workflow with new workflow and step ids: the same steps (every
/// field and position), the same arrows and labels between them, the name
/// followed by "(copy)". Step ids are taken in order from `step_ids`.
pub fn copy_workflow(
    src: &Workflow,
    id: WorkflowId,
    mut step_ids: impl Iterator<Item = StepId>,
) -> Result<Workflow, EditError> {
    let mut map = HashMap::with_capacity(src.steps.len());
    let mut steps = Vec::with_capacity(src.steps.len());
    for s in &src.steps {
        let new_id = step_ids.next().ok_or(EditError::NoFreeIds)?;
        map.insert(s.id, new_id);
        steps.push(Step {
            id: new_id,
            ..s.clone()
        });
    }
    let links = src
        .links
        .iter()
        .filter_map(|l| {
            Some(Link {
                from: *map.get(&l.from)?,
                to: *map.get(&l.to)?,
                label: l.label.clone(),
            })
        })
        .collect();
    // A name at the length limit still gets its suffix: the base is cut to fit.
    let base = limits::clamp_chars(
        &src.name,
        MAX_TITLE_CHARS.saturating_sub(COPY_SUFFIX.chars().count()),
    );
    Ok(Workflow {
        id,
        name: format!("{base}{COPY_SUFFIX}"),
        description: src.description.clone(),
        steps,
        links,
        lanes: src.lanes.clone(),
    })
}

/// The step ids no workflow of `plan` uses, from the largest used one up,
/// then from 1 (a plan that already uses the top of the range still gets ids).
fn free_step_ids(plan: &Plan) -> impl Iterator<Item = StepId> {
    let used: HashSet<u32> = plan
        .workflows
        .iter()
        .flat_map(|w| &w.steps)
        .map(|s| s.id.0)
        .collect();
    let start = plan.next_step_id().0.max(1);
    (start..=u32::MAX)
        .chain(1..start)
        .filter(move |k| !used.contains(k))
        .map(StepId)
}

/// What [`duplicate_workflow`] made: the new workflow's id and name and the
/// edit that inserts it right after the original.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowCopy {
    pub id: WorkflowId,
    pub name: String,
    pub edit: Edit,
}

/// Duplicate workflow `id` of `plan`: apply `edit` of the result (one undo
/// step) and select `id`.
pub fn duplicate_workflow(plan: &Plan, id: WorkflowId) -> Result<WorkflowCopy, EditError> {
    let index = plan.workflow_index(id).ok_or(EditError::NoWorkflow(id))?;
    let src = &plan.workflows[index];
    let copy = copy_workflow(src, plan.next_workflow_id(), free_step_ids(plan))?;
    Ok(WorkflowCopy {
        id: copy.id,
        name: copy.name.clone(),
        edit: Edit::InsertWorkflow {
            index: index + 1,
            workflow: copy,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::{Pos, StepKind, Tag};

    fn plan() -> Plan {
        let mut p = Plan::new("Shop");
        for (wid, first) in [(1u32, 1u32), (2, 10)] {
            let mut w = Workflow {
                id: WorkflowId(wid),
                name: format!("Flow {wid}"),
                description: "What happens".into(),
                ..Workflow::default()
            };
            for i in 0..3 {
                let mut s = Step::new(
                    StepId(first + i),
                    StepKind::Task,
                    format!("Step {i}"),
                    Pos::new(i as f32 * 200.0, 40.0),
                );
                s.tag = Tag::Automate;
                s.minutes = 3.0 + i as f64;
                s.notes = format!("note {i}");
                w.steps.push(s);
            }
            w.links
                .push(Link::labelled(StepId(first), StepId(first + 1), "yes"));
            w.links
                .push(Link::new(StepId(first + 1), StepId(first + 2)));
            p.workflows.push(w);
        }
        p
    }

    /// The workflow with ids replaced by their position, to compare content.
    fn content(w: &Workflow) -> (Vec<Step>, Vec<(usize, usize, String)>) {
        let pos = |id: StepId| w.step_index(id).unwrap_or(usize::MAX);
        let steps = w
            .steps
            .iter()
            .map(|s| Step {
                id: StepId(0),
                ..s.clone()
            })
            .collect();
        let links = w
            .links
            .iter()
            .map(|l| (pos(l.from), pos(l.to), l.label.clone()))
            .collect();
        (steps, links)
    }

    #[test]
    fn duplicate_has_fresh_ids_and_the_same_content_right_after_the_original() {
        let mut doc = Document::new(plan());
        let copy = duplicate_workflow(doc.plan(), WorkflowId(1)).unwrap();
        assert_eq!(copy.name, "Flow 1 (copy)");
        doc.apply("Duplicate workflow", copy.edit).unwrap();
        let p = doc.plan();
        assert_eq!(
            p.workflows.iter().map(|w| w.id.0).collect::<Vec<_>>(),
            vec![1, 3, 2],
            "the copy follows its original"
        );
        let (orig, dup) = (&p.workflows[0], &p.workflows[1]);
        assert_eq!(dup.id, copy.id);
        assert_eq!(dup.name, "Flow 1 (copy)");
        assert_eq!(dup.description, orig.description);
        assert_eq!(content(dup), content(orig));
        let all: Vec<StepId> = p
            .workflows
            .iter()
            .flat_map(|w| &w.steps)
            .map(|s| s.id)
            .collect();
        let unique: HashSet<StepId> = all.iter().copied().collect();
        assert_eq!(unique.len(), all.len(), "step ids stay unique in the plan");
        assert_eq!(doc.undo_len(), 1);
        doc.undo();
        assert_eq!(doc.plan(), &plan());
    }

    #[test]
    fn duplicate_finds_free_ids_at_the_top_of_the_range() {
        let mut p = plan();
        p.workflows[1].steps[2].id = StepId(u32::MAX);
        p.workflows[1].links.pop();
        let copy = duplicate_workflow(&p, WorkflowId(2)).unwrap();
        apply_ok(&mut p, copy.edit);
        assert_eq!(p.step_count(), 9);
    }

    #[test]
    fn a_long_name_keeps_its_copy_suffix_within_the_limit() {
        let mut p = plan();
        p.workflows[0].name = "n".repeat(MAX_TITLE_CHARS);
        let copy = duplicate_workflow(&p, WorkflowId(1)).unwrap();
        assert!(copy.name.ends_with(COPY_SUFFIX));
        assert_eq!(copy.name.chars().count(), MAX_TITLE_CHARS);
        apply_ok(&mut p, copy.edit);
        assert!(matches!(
            duplicate_workflow(&p, WorkflowId(9)),
            Err(EditError::NoWorkflow(_))
        ));
    }

    fn apply_ok(p: &mut Plan, e: Edit) {
        crate::edit::apply(p, e).unwrap();
    }
}
