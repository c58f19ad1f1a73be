use super::*;
use crate::model::{Pos, Step, StepKind, Tag};

fn plan() -> Plan {
    let mut p = Plan::new("Test");
    let mut w = Workflow {
        id: WorkflowId(1),
        name: "Orders".into(),
        ..Workflow::default()
    };
    for i in 1..=3 {
        w.steps.push(Step::new(
            StepId(i),
            StepKind::Task,
            format!("Step {i}"),
            Pos::new(i as f32 * 100.0, 0.0),
        ));
    }
    w.links.push(Link::new(StepId(1), StepId(2)));
    w.links.push(Link::new(StepId(2), StepId(3)));
    p.workflows.push(w);
    p
}

fn all_edits() -> Vec<Edit> {
    let wf = WorkflowId(1);
    let mut changed = plan().workflows[0].steps[1].clone();
    changed.title = "Renamed".into();
    changed.tag = Tag::Automate;
    vec![
        Edit::SetPlanName("New".into()),
        Edit::SetProfile(crate::model::BusinessProfile {
            hourly_value: 40.0,
            ..Default::default()
        }),
        Edit::InsertWorkflow {
            index: 0,
            workflow: Workflow {
                id: WorkflowId(9),
                ..Default::default()
            },
        },
        Edit::RemoveWorkflow { id: wf },
        Edit::SetWorkflowInfo {
            id: wf,
            name: "X".into(),
            description: "Y".into(),
        },
        Edit::InsertSteps {
            wf,
            steps: vec![(
                None,
                Step::new(StepId(7), StepKind::End, "Done", Pos::default()),
            )],
            links: vec![
                (None, Link::new(StepId(3), StepId(7))),
                (Some(0), Link::new(StepId(1), StepId(3))),
            ],
        },
        Edit::RemoveSteps {
            wf,
            ids: vec![StepId(2)],
        },
        Edit::SetPositions {
            wf,
            positions: vec![
                (StepId(1), Pos::new(5.0, 5.0)),
                (StepId(3), Pos::new(1.5, 2.5)),
            ],
        },
        Edit::SetStep {
            wf,
            step: Box::new(changed),
        },
        Edit::InsertLink {
            wf,
            index: None,
            link: Link::labelled(StepId(3), StepId(1), "again"),
        },
        Edit::RemoveLink {
            wf,
            from: StepId(1),
            to: StepId(2),
        },
        Edit::SetLinkLabel {
            wf,
            from: StepId(2),
            to: StepId(3),
            label: "yes".into(),
        },
        Edit::Batch(vec![
            Edit::RemoveSteps {
                wf,
                ids: vec![StepId(1)],
            },
            Edit::SetPlanName("B".into()),
        ]),
    ]
}

#[test]
fn every_edit_undone_restores_the_plan_exactly() {
    for edit in all_edits() {
        let original = plan();
        let mut p = original.clone();
        let inverse = apply(&mut p, edit.clone()).expect("edit applies");
        assert_ne!(p, original, "{edit:?} changed nothing");
        apply(&mut p, inverse).expect("inverse applies");
        assert_eq!(p, original, "undo of {edit:?}");
    }
}

#[test]
fn invalid_edits_leave_the_plan_alone() {
    let original = plan();
    let wf = WorkflowId(1);
    let bad = vec![
        Edit::RemoveSteps {
            wf,
            ids: vec![StepId(42)],
        },
        Edit::InsertLink {
            wf,
            index: None,
            link: Link::new(StepId(1), StepId(2)),
        },
        Edit::InsertLink {
            wf,
            index: None,
            link: Link::new(StepId(1), StepId(1)),
        },
        Edit::InsertSteps {
            wf,
            steps: vec![(
                None,
                Step::new(StepId(1), StepKind::Task, "dup", Pos::default()),
            )],
            links: vec![],
        },
        Edit::Batch(vec![
            Edit::SetPlanName("changed".into()),
            Edit::RemoveLink {
                wf,
                from: StepId(3),
                to: StepId(1),
            },
        ]),
        Edit::SetWorkflowInfo {
            id: WorkflowId(5),
            name: String::new(),
            description: String::new(),
        },
    ];
    for edit in bad {
        let mut p = original.clone();
        assert!(apply(&mut p, edit.clone()).is_err(), "{edit:?} should fail");
        assert_eq!(p, original, "{edit:?} changed the plan");
    }
}

#[test]
fn document_undo_redo_and_gesture_merge() {
    let mut doc = Document::new(plan());
    let original = doc.plan().clone();
    let wf = WorkflowId(1);
    let g = GestureId(1);
    for i in 1..=20 {
        doc.apply_gesture(
            "Move",
            g,
            Edit::SetPositions {
                wf,
                positions: vec![(StepId(1), Pos::new(i as f32, 0.0))],
            },
        )
        .unwrap();
    }
    doc.end_gesture();
    assert_eq!(doc.undo_len(), 1, "a drag is one undo step");
    let moved = doc.plan().clone();
    assert!(doc.is_dirty());
    doc.undo();
    assert_eq!(doc.plan(), &original);
    doc.redo();
    assert_eq!(doc.plan(), &moved);

    doc.apply("Rename", Edit::SetPlanName("Other".into()))
        .unwrap();
    assert_eq!(doc.undo_len(), 2);
    assert!(!doc.can_redo(), "a new edit clears redo");
    doc.undo();
    doc.undo();
    assert_eq!(doc.plan(), &original);
    assert!(doc.undo().is_none());
}

#[test]
fn history_is_bounded() {
    let mut doc = Document::new(plan()).with_limit(10);
    for i in 0..50 {
        doc.apply("Rename", Edit::SetPlanName(format!("n{i}")))
            .unwrap();
    }
    assert_eq!(doc.undo_len(), 10);
}

#[test]
fn revision_grows_on_every_change() {
    let mut doc = Document::new(plan());
    let r0 = doc.revision();
    doc.apply("Rename", Edit::SetPlanName("a".into())).unwrap();
    let r1 = doc.revision();
    doc.undo();
    let r2 = doc.revision();
    assert!(r0 < r1 && r1 < r2);
    assert!(
        doc.apply("bad", Edit::RemoveWorkflow { id: WorkflowId(77) })
            .is_err()
    );
    assert_eq!(doc.revision(), r2, "a failed edit is not a change");
}

#[test]
fn an_over_long_title_is_refused_with_a_sentence_and_the_plan_unchanged() {
    use crate::model::limits::{LimitError, MAX_TITLE_CHARS};
    let original = plan();
    let mut p = original.clone();
    let mut step = p.workflows[0].steps[0].clone();
    step.title = "a".repeat(MAX_TITLE_CHARS + 20);
    let err = apply(
        &mut p,
        Edit::SetStep {
            wf: WorkflowId(1),
            step: Box::new(step.clone()),
        },
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Limit(LimitError::TooLong { .. })));
    assert_eq!(
        err.to_string(),
        "the step title is 320 characters long; at most 300 fit"
    );
    assert_eq!(p, original);
    // Inserted steps, names and arrow labels are held to the same limit, in a batch too.
    let long = "b".repeat(MAX_TITLE_CHARS + 1);
    for edit in [
        Edit::InsertSteps {
            wf: WorkflowId(1),
            steps: vec![(
                None,
                Step::new(StepId(8), StepKind::Task, long.clone(), Pos::default()),
            )],
            links: vec![],
        },
        Edit::Batch(vec![
            Edit::SetPlanName("fine".into()),
            Edit::SetWorkflowInfo {
                id: WorkflowId(1),
                name: long.clone(),
                description: String::new(),
            },
        ]),
        Edit::SetLinkLabel {
            wf: WorkflowId(1),
            from: StepId(1),
            to: StepId(2),
            label: long.clone(),
        },
    ] {
        assert!(apply(&mut p, edit.clone()).is_err(), "{edit:?} passed");
        assert_eq!(p, original, "{edit:?} changed the plan");
    }
    // Exactly at the limit is fine.
    step.title = "a".repeat(MAX_TITLE_CHARS);
    let wf = WorkflowId(1);
    assert!(
        apply(
            &mut p,
            Edit::SetStep {
                wf,
                step: Box::new(step)
            }
        )
        .is_ok()
    );
}

#[test]
fn numbers_out_of_range_are_refused() {
    use crate::model::limits::MAX_NUMBER;
    let original = plan();
    let mut doc = Document::new(original.clone());
    let wf = WorkflowId(1);
    for minutes in [-1.0, MAX_NUMBER * 2.0, f64::NAN, f64::INFINITY] {
        let mut step = original.workflows[0].steps[1].clone();
        step.minutes = minutes;
        let err = doc
            .apply(
                "Change minutes",
                Edit::SetStep {
                    wf,
                    step: Box::new(step),
                },
            )
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the minutes of step \"Step 2\" must be a number from 0"),
            "{err}"
        );
    }
    let profile = crate::model::BusinessProfile {
        hourly_value: -5.0,
        ..Default::default()
    };
    assert!(doc.apply("Profile", Edit::SetProfile(profile)).is_err());
    let far = Edit::SetPositions {
        wf,
        positions: vec![(StepId(1), Pos::new(0.0, 1e12))],
    };
    assert!(doc.apply("Move", far).is_err());
    assert_eq!(doc.plan(), &original);
    assert_eq!(doc.undo_len(), 0, "a refused edit is no undo step");
}

#[test]
fn a_long_title_from_an_older_file_can_still_be_edited_and_undone() {
    let mut old = plan();
    old.workflows[0].steps[0].title = "t".repeat(1_000);
    let mut doc = Document::new(old.clone());
    let mut step = old.workflows[0].steps[0].clone();
    step.minutes = 4.0;
    let wf = WorkflowId(1);
    doc.apply(
        "Minutes",
        Edit::SetStep {
            wf,
            step: Box::new(step.clone()),
        },
    )
    .unwrap();
    step.title = "Short".into();
    doc.apply(
        "Rename",
        Edit::SetStep {
            wf,
            step: Box::new(step),
        },
    )
    .unwrap();
    doc.apply(
        "Delete",
        Edit::RemoveSteps {
            wf,
            ids: vec![StepId(1)],
        },
    )
    .unwrap();
    // Undo brings the long title back; redo and undo again keep working.
    for _ in 0..3 {
        assert!(doc.undo().is_some());
    }
    assert_eq!(doc.plan(), &old);
    for _ in 0..3 {
        assert!(doc.redo().is_some());
    }
    assert!(doc.undo().is_some());
}

#[test]
fn document_gesture_ids_are_fresh_and_keyed_controls_merge() {
    let mut doc = Document::new(plan());
    let a = doc.new_gesture();
    let b = doc.new_gesture();
    assert_ne!(a, b);
    // Typing in one field: one undo step.
    for name in ["A", "An", "Ann"] {
        let g = doc.gesture_for(7);
        doc.apply_gesture("Rename plan", g, Edit::SetPlanName(name.into()))
            .unwrap();
    }
    assert_eq!(doc.undo_len(), 1);
    // Another field starts a new step, and so does the first one again after it.
    let g = doc.gesture_for(8);
    doc.apply_gesture(
        "Rename workflow",
        g,
        Edit::SetWorkflowInfo {
            id: WorkflowId(1),
            name: "W".into(),
            description: String::new(),
        },
    )
    .unwrap();
    let g = doc.gesture_for(7);
    doc.apply_gesture("Rename plan", g, Edit::SetPlanName("Anna".into()))
        .unwrap();
    assert_eq!(doc.undo_len(), 3);
    // Ending the gesture (focus lost) closes it even for the same field.
    doc.end_gesture();
    let g = doc.gesture_for(7);
    doc.apply_gesture("Rename plan", g, Edit::SetPlanName("Anne".into()))
        .unwrap();
    assert_eq!(doc.undo_len(), 4);
    // An edit outside the gesture closes it too.
    doc.apply(
        "Move",
        Edit::MoveWorkflow {
            id: WorkflowId(1),
            to: 0,
        },
    )
    .unwrap();
    let g2 = doc.gesture_for(7);
    assert_ne!(g, g2);
}
