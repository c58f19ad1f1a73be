//! Property tests of the edit API: any sequence of edits keeps the plan valid,
//! undo all gives back the original exactly, redo all gives back the final
//! plan, and the plan survives a save and a load after any sequence.

mod common;

use automap::edit::{Document, Edit, GestureId};
use automap::model::*;
use automap::storage;
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::OnceLock;

fn start_plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| common::example_plan("order-fulfillment.ron"))
}

/// An edit described by indices; turned into a real [`Edit`] against the plan
/// as it is at that moment (so most are valid, some are deliberately not).
#[derive(Debug, Clone)]
enum Op {
    AddStep {
        wf: Index,
        title: String,
        x: f32,
        y: f32,
        link_from: Option<Index>,
    },
    RemoveSteps {
        wf: Index,
        steps: Vec<Index>,
    },
    Drag {
        wf: Index,
        steps: Vec<Index>,
        moves: Vec<(f32, f32)>,
    },
    SetStep {
        wf: Index,
        step: Index,
        title: String,
        minutes: f64,
        tag: u8,
    },
    Link {
        wf: Index,
        from: Index,
        to: Index,
        label: String,
    },
    Unlink {
        wf: Index,
        link: Index,
    },
    Relabel {
        wf: Index,
        link: Index,
        label: String,
    },
    /// A link to a step of another workflow: always refused.
    CrossLink {
        wf: Index,
        other: Index,
        from: Index,
        to: Index,
    },
    AddWorkflow {
        at: usize,
        name: String,
        steps: u8,
    },
    RemoveWorkflow {
        wf: Index,
    },
    MoveWorkflow {
        wf: Index,
        to: usize,
    },
    Rename {
        name: String,
    },
    WorkflowInfo {
        wf: Index,
        name: String,
        description: String,
    },
    /// Several edits as one undo step.
    Batch(Vec<Op>),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        Just(String::new()),
        Just("Quote \" and 'apostrophe' \\ back".to_owned()),
        Just("Line\nbreak | pipe 📦".to_owned()),
    ]
}

fn coord() -> impl Strategy<Value = f32> {
    -5000.0f32..5000.0
}

fn simple_op() -> impl Strategy<Value = Op> {
    let idx = any::<Index>;
    prop_oneof![
        4 => (idx(), text(), coord(), coord(), proptest::option::of(idx()))
            .prop_map(|(wf, title, x, y, link_from)| Op::AddStep { wf, title, x, y, link_from }),
        2 => (idx(), prop::collection::vec(idx(), 1..4))
            .prop_map(|(wf, steps)| Op::RemoveSteps { wf, steps }),
        3 => (idx(), prop::collection::vec(idx(), 1..4), prop::collection::vec((coord(), coord()), 1..6))
            .prop_map(|(wf, steps, moves)| Op::Drag { wf, steps, moves }),
        3 => (idx(), idx(), text(), 0.0f64..600.0, 0u8..3)
            .prop_map(|(wf, step, title, minutes, tag)| Op::SetStep { wf, step, title, minutes, tag }),
        3 => (idx(), idx(), idx(), text()).prop_map(|(wf, from, to, label)| Op::Link { wf, from, to, label }),
        2 => (idx(), idx()).prop_map(|(wf, link)| Op::Unlink { wf, link }),
        1 => (idx(), idx(), text()).prop_map(|(wf, link, label)| Op::Relabel { wf, link, label }),
        1 => (idx(), idx(), idx(), idx()).prop_map(|(wf, other, from, to)| Op::CrossLink { wf, other, from, to }),
        1 => (0usize..6, text(), 0u8..4).prop_map(|(at, name, steps)| Op::AddWorkflow { at, name, steps }),
        1 => idx().prop_map(|wf| Op::RemoveWorkflow { wf }),
        1 => (idx(), 0usize..6).prop_map(|(wf, to)| Op::MoveWorkflow { wf, to }),
        1 => text().prop_map(|name| Op::Rename { name }),
        1 => (idx(), text(), text()).prop_map(|(wf, name, description)| Op::WorkflowInfo { wf, name, description }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        9 => simple_op(),
        1 => prop::collection::vec(simple_op(), 1..4).prop_map(Op::Batch),
    ]
}

fn pick<T>(items: &[T], i: &Index) -> Option<usize> {
    (!items.is_empty()).then(|| i.index(items.len()))
}

/// The edits for one op (a drag is several edits of one gesture).
fn to_edits(plan: &Plan, op: &Op) -> Vec<Edit> {
    let wf_of = |i: &Index| pick(&plan.workflows, i).map(|n| &plan.workflows[n]);
    let step_of = |w: &Workflow, i: &Index| pick(&w.steps, i).map(|n| w.steps[n].id);
    match op {
        Op::AddStep {
            wf,
            title,
            x,
            y,
            link_from,
        } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let id = plan.next_step_id();
            let links = link_from
                .as_ref()
                .and_then(|i| step_of(w, i))
                .map(|from| vec![(None, Link::new(from, id))])
                .unwrap_or_default();
            vec![Edit::InsertSteps {
                wf: w.id,
                steps: vec![(
                    None,
                    Step::new(id, StepKind::Task, title.clone(), Pos::new(*x, *y)),
                )],
                links,
            }]
        }
        Op::RemoveSteps { wf, steps } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let mut ids: Vec<StepId> = steps.iter().filter_map(|i| step_of(w, i)).collect();
            ids.sort();
            ids.dedup();
            vec![Edit::RemoveSteps { wf: w.id, ids }]
        }
        Op::Drag { wf, steps, moves } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let mut ids: Vec<StepId> = steps.iter().filter_map(|i| step_of(w, i)).collect();
            ids.sort();
            ids.dedup();
            moves
                .iter()
                .map(|(x, y)| Edit::SetPositions {
                    wf: w.id,
                    positions: ids.iter().map(|id| (*id, Pos::new(*x, *y))).collect(),
                })
                .collect()
        }
        Op::SetStep {
            wf,
            step,
            title,
            minutes,
            tag,
        } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let Some(n) = pick(&w.steps, step) else {
                return vec![];
            };
            let mut s = w.steps[n].clone();
            s.title = title.clone();
            s.minutes = *minutes;
            s.tag = Tag::ALL[usize::from(*tag) % 3];
            vec![Edit::SetStep {
                wf: w.id,
                step: Box::new(s),
            }]
        }
        Op::Link {
            wf,
            from,
            to,
            label,
        } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let (Some(from), Some(to)) = (step_of(w, from), step_of(w, to)) else {
                return vec![];
            };
            vec![Edit::InsertLink {
                wf: w.id,
                index: None,
                link: Link::labelled(from, to, label),
            }]
        }
        Op::Unlink { wf, link } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let Some(n) = pick(&w.links, link) else {
                return vec![];
            };
            vec![Edit::RemoveLink {
                wf: w.id,
                from: w.links[n].from,
                to: w.links[n].to,
            }]
        }
        Op::Relabel { wf, link, label } => {
            let Some(w) = wf_of(wf) else { return vec![] };
            let Some(n) = pick(&w.links, link) else {
                return vec![];
            };
            vec![Edit::SetLinkLabel {
                wf: w.id,
                from: w.links[n].from,
                to: w.links[n].to,
                label: label.clone(),
            }]
        }
        Op::CrossLink {
            wf,
            other,
            from,
            to,
        } => {
            let (Some(a), Some(b)) = (wf_of(wf), wf_of(other)) else {
                return vec![];
            };
            if a.id == b.id {
                return vec![];
            }
            let (Some(from), Some(to)) = (step_of(a, from), step_of(b, to)) else {
                return vec![];
            };
            vec![Edit::InsertLink {
                wf: a.id,
                index: None,
                link: Link::new(from, to),
            }]
        }
        Op::AddWorkflow { at, name, steps } => {
            let first = plan.next_step_id().0;
            let steps: Vec<Step> = (0..u32::from(*steps))
                .map(|i| {
                    Step::new(
                        StepId(first + i),
                        StepKind::Task,
                        format!("S{i}"),
                        Pos::new(i as f32 * 200.0, 0.0),
                    )
                })
                .collect();
            let links = steps
                .windows(2)
                .map(|p| Link::new(p[0].id, p[1].id))
                .collect();
            vec![Edit::InsertWorkflow {
                index: *at,
                workflow: Workflow {
                    id: plan.next_workflow_id(),
                    name: name.clone(),
                    steps,
                    links,
                    ..Workflow::default()
                },
            }]
        }
        Op::RemoveWorkflow { wf } => wf_of(wf)
            .map(|w| vec![Edit::RemoveWorkflow { id: w.id }])
            .unwrap_or_default(),
        Op::MoveWorkflow { wf, to } => wf_of(wf)
            .map(|w| vec![Edit::MoveWorkflow { id: w.id, to: *to }])
            .unwrap_or_default(),
        Op::Rename { name } => vec![Edit::SetPlanName(name.clone())],
        Op::WorkflowInfo {
            wf,
            name,
            description,
        } => wf_of(wf)
            .map(|w| {
                vec![Edit::SetWorkflowInfo {
                    id: w.id,
                    name: name.clone(),
                    description: description.clone(),
                }]
            })
            .unwrap_or_default(),
        Op::Batch(ops) => {
            // Each part is built against the plan as the earlier parts leave it.
            let mut scratch = plan.clone();
            let mut edits = Vec::new();
            for op in ops {
                for e in to_edits(&scratch, op) {
                    if automap::edit::apply(&mut scratch, e.clone()).is_ok() {
                        edits.push(e);
                    }
                }
            }
            if edits.is_empty() {
                vec![]
            } else {
                vec![Edit::Batch(edits)]
            }
        }
    }
}

/// No error-level problem: unique ids, links inside their workflow, sane numbers.
fn assert_valid(plan: &Plan, after: &str) {
    let errors: Vec<String> = storage::validate(plan)
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| p.message)
        .collect();
    assert!(errors.is_empty(), "after {after}: {errors:#?}");
}

fn run_ops(ops: &[Op]) -> (Document, usize) {
    let mut doc = Document::new(start_plan().clone());
    let mut steps = 0;
    for (n, op) in ops.iter().enumerate() {
        let edits = to_edits(doc.plan(), op);
        let gesture = GestureId(n as u64);
        let mut applied = false;
        for edit in edits {
            let before = doc.plan().clone();
            let revision = doc.revision();
            match doc.apply_gesture("edit", gesture, edit) {
                // An edit that changes nothing (no steps to remove) is no
                // change and no undo step.
                Ok(()) => applied |= doc.revision() != revision,
                // A refused edit leaves the plan exactly as it was.
                Err(_) => assert_eq!(doc.plan(), &before, "a refused edit changed the plan"),
            }
            assert_valid(doc.plan(), &format!("{op:?}"));
        }
        doc.end_gesture();
        if applied {
            steps += 1;
        }
    }
    (doc, steps)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn edits_keep_the_plan_valid_and_undo_redo_are_exact(ops in prop::collection::vec(op(), 1..40)) {
        let (mut doc, steps) = run_ops(&ops);
        // One undo step per op that changed something (a drag is one step).
        prop_assert_eq!(doc.undo_len(), steps);
        let last = doc.plan().clone();

        let mut undone = 0;
        while doc.undo().is_some() {
            undone += 1;
            assert_valid(doc.plan(), "undo");
        }
        prop_assert_eq!(undone, steps);
        prop_assert_eq!(doc.plan(), start_plan());

        while doc.redo().is_some() {
            assert_valid(doc.plan(), "redo");
        }
        prop_assert_eq!(doc.plan(), &last);
    }

    #[test]
    fn save_then_load_gives_the_same_plan_after_any_edits(ops in prop::collection::vec(op(), 1..25)) {
        let (doc, _) = run_ops(&ops);
        let text = storage::to_ron(doc.plan());
        let loaded = storage::from_str(&text, "edited.ron").expect("an edited plan loads");
        prop_assert_eq!(&loaded.plan, doc.plan());
        prop_assert_eq!(storage::to_ron(&loaded.plan), text);
    }
}

#[test]
fn save_and_load_through_a_file_after_edits() {
    let mut doc = Document::new(start_plan().clone());
    let wf = doc.plan().workflows[0].id;
    for i in 0..30 {
        let from = doc.plan().workflows[0].steps[i].id;
        let id = doc.plan().next_step_id();
        let step = Step::new(
            id,
            StepKind::Task,
            format!("Added {i}"),
            Pos::new(i as f32, -1.5),
        );
        doc.apply(
            "add",
            Edit::InsertSteps {
                wf,
                steps: vec![(None, step)],
                links: vec![(None, Link::new(from, id))],
            },
        )
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.ron");
    storage::save(doc.plan(), &path).unwrap();
    assert_eq!(&storage::load(&path).unwrap().plan, doc.plan());
    while doc.undo().is_some() {}
    assert_eq!(doc.plan(), start_plan());
}
