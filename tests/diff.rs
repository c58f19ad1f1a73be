//! `automap diff`: golden outputs of known pairs of plans, exit codes, and
//! new progress fields that load and save without noise.

use automap::model::*;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_automap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn step(id: u32, title: &str, tag: Tag, minutes: f64) -> Step {
    let mut s = Step::new(
        StepId(id),
        StepKind::Task,
        title,
        Pos::new(0.0, id as f32 * 80.0),
    );
    s.frequency = Frequency::per_day(20.0);
    s.minutes = minutes;
    s.tag = tag;
    s
}

/// A small shop plan, built here so that the golden files do not follow
/// changes to the example plans.
fn before() -> Plan {
    let mut p = Plan::new("Corner Shop");
    p.profile.hourly_value = 20.0;
    p.roadmap.start_date = Some("2026-11-01".into());
    let mut trigger = step(1, "Order placed", Tag::Undecided, 0.0);
    trigger.kind = StepKind::Trigger;
    p.workflows.push(Workflow {
        id: WorkflowId(1),
        name: "Orders".into(),
        steps: vec![
            trigger,
            step(2, "Send confirmation", Tag::Automate, 2.0),
            step(3, "Log order in sheet", Tag::Undecided, 3.0),
            step(4, "Pack parcel", Tag::KeepManual, 6.0),
        ],
        links: vec![
            Link::new(StepId(1), StepId(2)),
            Link::new(StepId(2), StepId(3)),
            Link::new(StepId(3), StepId(4)),
        ],
        ..Workflow::default()
    });
    p.workflows.push(Workflow {
        id: WorkflowId(2),
        name: "Returns".into(),
        steps: vec![step(10, "Check returned item", Tag::KeepManual, 8.0)],
        ..Workflow::default()
    });
    p.roadmap.items = vec![
        RoadmapItem {
            step: StepId(2),
            column: Column::Month2,
            tool: Some("zapier".into()),
            ..RoadmapItem::default()
        },
        RoadmapItem {
            step: StepId(4),
            column: Column::StaysManual,
            ..RoadmapItem::default()
        },
    ];
    p
}

/// Thirty days later: a re-tag, a move, a card gone live with a measured
/// saving and an incident, a renamed workflow, a new step and arrow.
fn after() -> Plan {
    let mut p = before();
    let orders = &mut p.workflows[0];
    orders.steps[2].tag = Tag::Automate;
    orders.steps[2].title = "Log order in Google Sheets".into();
    orders
        .steps
        .push(step(5, "Send tracking email", Tag::Automate, 1.0));
    orders
        .links
        .push(Link::labelled(StepId(4), StepId(5), "shipped"));
    p.workflows[1].name = "Returns and refunds".into();
    p.roadmap.items[0].column = Column::Month1;
    p.roadmap.items[0].status = CardStatus::Live;
    p.roadmap.items[0].live_since = Some("2026-11-20".into());
    p.roadmap.items[0].actual_minutes_per_week = Some(240.0);
    p.roadmap.items.push(RoadmapItem {
        step: StepId(3),
        column: Column::Month2,
        status: CardStatus::Building,
        ..RoadmapItem::default()
    });
    p.roadmap.incidents.push(Incident {
        step: StepId(2),
        date: "2026-11-28".into(),
        note: "Sent the confirmation twice on Black Friday".into(),
        case: Some(FailureCase::RunsTwice),
        plan_held: false,
    });
    p
}

fn save(dir: &Path, name: &str, plan: &Plan) -> String {
    let path = dir.join(name);
    automap::storage::save(plan, &path).expect("saved");
    path.display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_month_of_changes_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let a = save(dir.path(), "before.ron", &before());
    let b = save(dir.path(), "after.ron", &after());
    let o = run(&["diff", &a, &b, "--label", "day 0", "--label", "day 30"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let md = stdout(&o);
    assert!(md.contains("re-tagged from undecided to automate"), "{md}");
    assert!(md.contains("moved from Month 2 to Month 1"), "{md}");
    insta::assert_snapshot!("month_of_changes_md", md);
}

#[test]
fn a_month_of_changes_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let a = save(dir.path(), "before.ron", &before());
    let b = save(dir.path(), "after.ron", &after());
    let o = run(&["diff", &a, &b, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    insta::assert_snapshot!(
        "month_of_changes_json",
        serde_json::to_string_pretty(&json).unwrap()
    );
}

#[test]
fn identical_files_give_no_changes_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let a = save(dir.path(), "a.ron", &after());
    let b = save(dir.path(), "b.ron", &after());
    let o = run(&["diff", &a, &b]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("\nNo changes.\n"), "{}", stdout(&o));
}

#[test]
fn an_invalid_file_exits_2_with_a_sentence_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = save(dir.path(), "a.ron", &before());
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(name: \"cut off").unwrap();
    let o = run(&["diff", &a, &bad.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.ron"), "{err}");
}

#[test]
fn dev_null_stands_for_an_added_plan() {
    let dir = tempfile::tempdir().unwrap();
    let b = save(dir.path(), "b.ron", &before());
    let o = run(&["diff", "/dev/null", &b]);
    assert_eq!(o.status.code(), Some(0));
    let md = stdout(&o);
    assert!(md.contains("- Added: Orders"), "{md}");
}

#[test]
fn progress_fields_round_trip_and_old_files_save_without_them() {
    let plan = after();
    let text = automap::storage::to_ron(&plan);
    let back = automap::storage::from_str(&text, "p.ron")
        .expect("loads")
        .plan;
    assert_eq!(back, plan);
    // A plan without progress writes none of the new fields.
    let text = automap::storage::to_ron(&before());
    for field in [
        "status",
        "live_since",
        "actual_minutes_per_week",
        "tested",
        "incidents",
    ] {
        assert!(
            !text.contains(field),
            "{field} written for a plan without progress"
        );
    }
}
