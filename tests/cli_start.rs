//! `automap import` and `automap new`: new plan files, never replacing one.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_automap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn import_writes_a_plan_that_checks_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let csv = path(dir.path(), "orders.csv");
    std::fs::write(
        &csv,
        "Step;Who;How often;Time;Cost\nPack;Sam;40/day;3 min;2\nShip;Sam;40/day;1 min;1\n",
    )
    .unwrap();
    let o = run(&["import", &csv]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let plan = path(dir.path(), "orders.ron");
    assert!(
        text(&o.stdout).contains("orders.ron"),
        "{}",
        text(&o.stdout)
    );
    assert!(
        text(&o.stderr).contains("\"Cost\" was not used"),
        "{}",
        text(&o.stderr)
    );
    let loaded = automap::storage::load(Path::new(&plan)).unwrap();
    assert_eq!(loaded.plan.workflows[0].steps.len(), 2);
    let check = run(&["check", &plan]);
    assert_ne!(check.status.code(), Some(2), "{}", text(&check.stdout));

    let before = std::fs::read(&plan).unwrap();
    let again = run(&["import", &csv, "-o", &plan]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "the plan is untouched"
    );
}

#[test]
fn import_errors_name_the_file_and_line_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = path(dir.path(), "bad.csv");
    std::fs::write(&csv, "Step,Minutes\nPack,soon\n").unwrap();
    let o = run(&["import", &csv]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("bad.csv, line 2, column 6"), "{err}");
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(!dir.path().join("bad.ron").exists());
    let o = run(&["import", &path(dir.path(), "missing.csv")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("no such file"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn new_lists_and_writes_templates() {
    let o = run(&["new", "--list"]);
    assert_eq!(o.status.code(), Some(0));
    let list = text(&o.stdout);
    for name in ["order-fulfillment", "support-inbox", "whole-shop"] {
        assert!(list.contains(name), "{list}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "shop.ron");
    let o = run(&["new", "--template", "whole-shop", "-o", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let plan = automap::storage::load(Path::new(&out)).unwrap().plan;
    assert_eq!(plan.workflows.len(), 6);
    let check = run(&["check", &out]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let again = run(&["new", "--template", "returns", "-o", &out]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("already exists"));
    let unknown = run(&[
        "new",
        "--template",
        "nope",
        "-o",
        &path(dir.path(), "n.ron"),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("order-fulfillment"),
        "{}",
        text(&unknown.stderr)
    );
}
