//! The `automap` binary: exit codes, text and JSON output of `check`, `export`.

use automap::model::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn automap(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_automap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    automap(&args)
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p: PathBuf = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn json(o: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn check_example_plans_exit_zero_in_text_and_json() {
    for name in ["order-fulfillment.ron", "demo-shop.ron"] {
        let file = example(name);
        let o = run(&["check", &file]);
        assert_ne!(
            o.status.code(),
            Some(2),
            "{name}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        let last = stdout(&o).lines().last().unwrap_or_default().to_owned();
        assert!(
            last.starts_with(&format!("{file}: ")),
            "summary line: {last}"
        );
        let j = run(&["check", &file, "--format", "json"]);
        assert_eq!(j.status.code(), o.status.code());
        for item in json(&j) {
            for key in [
                "code", "severity", "workflow", "step_ids", "message", "hint",
            ] {
                assert!(item.get(key).is_some(), "{key} missing in {item}");
            }
        }
    }
    let o = run(&["check", &example("order-fulfillment.ron")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn half_a_file_exits_two_with_a_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("order-fulfillment.ron")).unwrap();
    let file = write(dir.path(), "half.ron", &text[..text.len() / 2]);
    let o = run(&["check", &file]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("{file}, line ")), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let j = run(&["check", &file, "--format", "json"]);
    assert_eq!(j.status.code(), Some(2));
    let items = json(&j);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["code"], "invalid-file");
    assert_eq!(items[0]["severity"], "error");
    assert!(items[0]["workflow"].is_null());
    assert!(items[0]["line"].as_u64().unwrap() > 1);
}

#[test]
fn missing_file_exits_two_with_one_sentence() {
    let o = run(&["check", "no/such/plan.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "Cannot read no/such/plan.ron: there is no such file or folder. Check the path and the file name."
    );
    let e = run(&["export", "no/such/plan.ron"]);
    assert_eq!(e.status.code(), Some(2));
    assert!(stderr(&e).starts_with("Cannot read no/such/plan.ron"));
}

#[test]
fn invalid_plan_lists_every_problem_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.ron",
        r#"(workflows: [(id: 1, name: "Orders", steps: [(id: 1, title: "A"), (id: 1, title: "")], links: [(from: 1, to: 4)])])"#,
    );
    let o = run(&["check", &file]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "error[duplicate-id] (workflow \"Orders\", step 1): Step id 1 is used twice in workflow \"Orders\". Hint: give each step a number no other step in the plan uses.",
            "error[dangling-link] (workflow \"Orders\", steps 1, 4): The arrow from step 1 to step 4 in workflow \"Orders\" points to step 4, which does not exist. Hint: remove the arrow or correct the step number.",
            "warning[empty-title] (workflow \"Orders\", step 1): Step 1 in workflow \"Orders\" has no title. Hint: give it a short title so the map and the export can name it.",
            &format!("{file}: not a valid plan (2 errors, 1 warning, 0 notes)."),
        ]
    );
    let j = run(&["check", &file, "--format", "json"]);
    assert_eq!(j.status.code(), Some(2));
    let items = json(&j);
    let codes: Vec<&str> = items.iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["duplicate-id", "dangling-link", "empty-title"]);
    assert_eq!(items[1]["workflow"], "Orders");
    assert_eq!(items[1]["step_ids"], serde_json::json!([1, 4]));
}

#[test]
fn a_notice_fails_only_with_deny_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "notice.ron",
        r#"(workflows: [(id: 1, name: "W", steps: [(id: 1, title: "", tag: KeepManual)])])"#,
    );
    let o = run(&["check", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning[empty-title]"));
    let d = run(&["check", &file, "--deny", "warnings"]);
    assert_eq!(d.status.code(), Some(1), "{}", stdout(&d));
    let last = stdout(&d).lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with(&format!("{file}: check failed (0 errors, ")),
        "{last}"
    );
}

/// A plan with a refund dispute (never automate) tagged automate.
fn never_automate_tagged_automate() -> Plan {
    let mut plan = Plan::new("Refunds");
    let mut trigger = Step::new(
        StepId(1),
        StepKind::Trigger,
        "Customer disputes a charge",
        Pos::new(0.0, 0.0),
    );
    trigger.frequency = Frequency::per_day(2.0);
    let mut step = Step::new(
        StepId(2),
        StepKind::Task,
        "Decide the refund dispute",
        Pos::new(200.0, 0.0),
    );
    step.frequency = Frequency::per_day(2.0);
    step.minutes = 20.0;
    step.judgment = Judgment::HumanJudgment;
    step.complexity = Complexity::High;
    step.sensitivity = Sensitivity::ComplaintOrRefund;
    step.tag = Tag::Automate;
    step.failure_plan = FailurePlan {
        not_run: "A person picks it up the next morning.".into(),
        runs_twice: "The second refund is refused by Stripe.".into(),
        data_missing: "It waits for a person.".into(),
    };
    step.test_plan = "Try it on a test order.".into();
    plan.workflows.push(Workflow {
        id: WorkflowId(1),
        name: "Refunds".into(),
        steps: vec![trigger, step],
        links: vec![Link::new(StepId(1), StepId(2))],
        ..Workflow::default()
    });
    plan
}

#[test]
fn an_error_finding_exits_one() {
    let plan = never_automate_tagged_automate();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("refunds.ron");
    automap::storage::save(&plan, &file).unwrap();
    let file = file.display().to_string();
    let o = run(&["check", &file]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.starts_with("error[") && l.contains("step 2"))
    );
    let j = run(&["check", &file, "--format", "json"]);
    assert_eq!(j.status.code(), Some(1));
    let items = json(&j);
    assert!(items.iter().any(|i| {
        i["severity"] == "error"
            && i["workflow"] == "Refunds"
            && i["step_ids"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!(2))
    }));
}

#[test]
fn export_lists_every_step_of_the_example() {
    let file = example("order-fulfillment.ron");
    let plan = automap::storage::load(Path::new(&file)).unwrap().plan;
    let titles: Vec<String> = plan
        .workflows
        .iter()
        .flat_map(|w| w.steps.iter().map(|s| s.title.clone()))
        .collect();
    assert!(titles.len() >= 12);
    let o = run(&["export", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    for t in &titles {
        assert!(
            md.contains(t.as_str()),
            "step {t:?} missing from the export"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.md");
    let w = run(&["export", &file, "-o", &out.display().to_string()]);
    assert_eq!(w.status.code(), Some(0), "{}", stderr(&w));
    assert!(w.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
}

#[test]
fn export_to_an_unwritable_place_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = write(dir.path(), "file", "x");
    let out = format!("{blocker}/plan.md");
    let o = run(&["export", &example("order-fulfillment.ron"), "-o", &out]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with(&format!("Could not save {out}: ")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_arguments_are_a_usage_error() {
    let o = run(&["check", "--format", "xml", "x.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid value 'xml'"));
}
