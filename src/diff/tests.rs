use super::*;
use crate::model::{Frequency, Link, Pos, RoadmapItem, Workflow};

fn step(id: u32, title: &str, tag: Tag) -> Step {
    let mut s = Step::new(
        StepId(id),
        crate::model::StepKind::Task,
        title,
        Pos::default(),
    );
    s.frequency = Frequency::per_day(10.0);
    s.minutes = 3.0;
    s.tag = tag;
    s
}

fn base() -> Plan {
    let mut p = Plan::new("Shop");
    p.workflows.push(Workflow {
        id: WorkflowId(1),
        name: "Orders".into(),
        steps: vec![
            step(1, "Confirm order", Tag::Automate),
            step(2, "Pack parcel", Tag::KeepManual),
            step(3, "Log order", Tag::Undecided),
        ],
        links: vec![Link::new(StepId(1), StepId(2))],
        ..Workflow::default()
    });
    p.roadmap.items.push(RoadmapItem {
        step: StepId(1),
        column: Column::Month2,
        ..RoadmapItem::default()
    });
    p
}

#[test]
fn identical_plans_have_no_changes() {
    let p = base();
    let d = diff(&p, &p.clone());
    assert!(d.is_empty());
    assert!(markdown(&d, "a.ron", "b.ron").contains("No changes."));
}

#[test]
fn a_retag_and_a_move_appear() {
    let old = base();
    let mut new = base();
    new.workflows[0].steps[2].tag = Tag::Automate;
    new.roadmap.items[0].column = Column::Month1;
    new.roadmap.items[0].status = CardStatus::Building;
    let d = diff(&old, &new);
    assert!(!d.is_empty());
    assert_eq!(d.steps.len(), 1);
    assert_eq!(
        d.steps[0].change,
        Change::Retagged {
            from: Tag::Undecided,
            to: Tag::Automate
        }
    );
    assert_eq!(
        d.cards.iter().map(|c| c.change.clone()).collect::<Vec<_>>(),
        vec![
            CardChangeKind::Moved {
                from: Column::Month2,
                to: Column::Month1
            },
            CardChangeKind::Restatused {
                from: CardStatus::Planned,
                to: CardStatus::Building
            }
        ]
    );
    let md = markdown(&d, "old", "new");
    assert!(md.contains("re-tagged from undecided to automate"), "{md}");
    assert!(md.contains("moved from Month 2 to Month 1"), "{md}");
    assert!(md.contains("now building (was planned)"), "{md}");
}

#[test]
fn added_removed_and_renamed_steps_and_arrows_are_listed() {
    let old = base();
    let mut new = base();
    new.workflows[0].steps.remove(1);
    new.workflows[0].links.clear();
    new.workflows[0].steps[0].title = "Send confirmation".into();
    new.workflows[0]
        .steps
        .push(step(4, "Send tracking", Tag::Automate));
    new.workflows[0]
        .links
        .push(Link::labelled(StepId(1), StepId(4), "shipped"));
    let d = diff(&old, &new);
    let kinds: Vec<(u32, &Change)> = d.steps.iter().map(|c| (c.step.0, &c.change)).collect();
    assert_eq!(
        kinds,
        vec![
            (
                1,
                &Change::Renamed {
                    from: "Confirm order".into()
                }
            ),
            (4, &Change::Added),
            (2, &Change::Removed),
        ]
    );
    assert_eq!(d.links.len(), 2);
    let marks = d.step_marks();
    assert_eq!(marks.get(&StepId(4)), Some(&StepMark::Added));
    assert_eq!(marks.get(&StepId(2)), Some(&StepMark::Removed));
    assert_eq!(marks.get(&StepId(1)), Some(&StepMark::Changed));
    assert_eq!(d.before.steps, 3);
    assert_eq!(d.after.steps, 3);
    assert_eq!(d.after.automated, 2);
}
