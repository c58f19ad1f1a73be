//! Tagging steps automate / keep manual / undecided, several at a time.

use super::Edit;
use crate::model::Workflow;
use crate::model::{Step, StepId, StepKind, Tag, WorkflowId};

/// Does this kind of step carry a tag? Tasks, decisions and exceptions do;
/// triggers and ends are events, never work to automate or keep.
pub fn is_taggable(kind: StepKind) -> bool {
    matches!(
        kind,
        StepKind::Task | StepKind::Decision | StepKind::Exception
    )
}

/// The tag after `tag` when a badge is clicked: undecided → automate → keep
/// manual → undecided.
pub fn next_tag(tag: Tag) -> Tag {
    match tag {
        Tag::Undecided => Tag::Automate,
        Tag::Automate => Tag::KeepManual,
        Tag::KeepManual => Tag::Undecided,
    }
}

/// One edit that gives each listed step its new tag, skipping steps that
/// cannot be tagged or already have it; `None` when nothing would change.
pub fn set_tags(w: &Workflow, changes: impl IntoIterator<Item = (StepId, Tag)>) -> Option<Edit> {
    let edits: Vec<Edit> = changes
        .into_iter()
        .filter_map(|(id, tag)| {
            let step = w.step(id)?;
            (is_taggable(step.kind) && step.tag != tag).then(|| set_step(w.id, step, tag))
        })
        .collect();
    match edits.len() {
        0 => None,
        1 => edits.into_iter().next(),
        _ => Some(Edit::Batch(edits)),
    }
}

fn set_step(wf: WorkflowId, step: &Step, tag: Tag) -> Edit {
    Edit::SetStep {
        wf,
        step: Box::new(Step {
            tag,
            ..step.clone()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Plan, Pos};

    fn workflow() -> Workflow {
        let step = |id: u32, kind: StepKind| Step::new(StepId(id), kind, "s", Pos::new(0.0, 0.0));
        Workflow {
            id: WorkflowId(1),
            steps: vec![
                step(1, StepKind::Trigger),
                step(2, StepKind::Task),
                step(3, StepKind::Decision),
                step(4, StepKind::End),
            ],
            ..Workflow::default()
        }
    }

    #[test]
    fn only_work_steps_are_tagged_in_one_edit() {
        let w = workflow();
        let all = w.steps.iter().map(|s| (s.id, Tag::Automate));
        let mut plan = Plan::new("p");
        plan.workflows.push(w.clone());
        let Some(edit) = set_tags(&w, all) else {
            panic!("two steps change")
        };
        assert!(matches!(&edit, Edit::Batch(e) if e.len() == 2));
        assert!(crate::edit::apply(&mut plan, edit).is_ok());
        let tags: Vec<Tag> = plan.workflows[0].steps.iter().map(|s| s.tag).collect();
        assert_eq!(
            tags,
            [Tag::Undecided, Tag::Automate, Tag::Automate, Tag::Undecided]
        );
        assert_eq!(
            set_tags(&plan.workflows[0], [(StepId(2), Tag::Automate)]),
            None
        );
    }

    #[test]
    fn clicking_the_badge_goes_round_all_three_tags() {
        let mut t = Tag::Undecided;
        let mut seen = vec![t];
        for _ in 0..3 {
            t = next_tag(t);
            seen.push(t);
        }
        assert_eq!(
            seen,
            [
                Tag::Undecided,
                Tag::Automate,
                Tag::KeepManual,
                Tag::Undecided
            ]
        );
    }
}
