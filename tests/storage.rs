//! Plan files: round trips, stable bytes, clear messages, atomic saves, backups,
//! change detection and recovery copies.

use automap::model::*;
use automap::storage::recovery::{RecoveryKey, RecoveryStore};
use automap::storage::{self, LoadError, ProblemSeverity, SaveError};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name)
}

/// A plan that uses every field, with awkward text.
fn rich_plan() -> Plan {
    let mut plan = Plan::new("Rich \"quoted\" plan — it's ü");
    plan.profile.shop_name = "Shop\\with\\backslashes".into();
    plan.profile.hourly_value = 31.5;
    plan.roadmap.start_date = Some("2026-12-01".into());
    plan.roadmap.items.push(RoadmapItem {
        step: StepId(2),
        column: Column::Month2,
        pinned: true,
        setup_hours: Some(3.25),
        price_option: Some("Professional, billed annually".into()),
        ..RoadmapItem::default()
    });
    let mut a = Step::new(
        StepId(1),
        StepKind::Trigger,
        "Order placed",
        Pos::new(-12.5, 40.0),
    );
    a.frequency = Frequency {
        count: 3.5,
        per: Period::Week,
    };
    let mut b = Step::new(
        StepId(2),
        StepKind::Decision,
        "In stock?\nreally",
        Pos::new(200.0, 0.1),
    );
    b.minutes = 0.1;
    b.complexity = Complexity::High;
    b.judgment = Judgment::SomeRules;
    b.sensitivity = Sensitivity::ComplaintOrRefund;
    b.tag = Tag::Automate;
    b.approach = Approach::AiAgent;
    b.layer = Some(Layer::L3);
    b.tool = "zapier".into();
    b.failure_plan = FailurePlan {
        not_run: "a".into(),
        runs_twice: "b's".into(),
        data_missing: "c\t".into(),
    };
    b.reads.push(DataRef::new("Shopify", "inventory", true));
    b.writes.push(DataRef::new("Sheets", "log", false));
    b.notes = "emoji 📦 and r#\"raw\"#".into();
    plan.workflows.push(Workflow {
        id: WorkflowId(7),
        name: "Orders".into(),
        description: "d".into(),
        steps: vec![a, b],
        links: vec![Link::labelled(StepId(1), StepId(2), "yes | no")],
        lanes: automap::model::Lanes {
            by: automap::model::LaneMode::Owner,
            order: vec!["Sam".into(), String::new()],
            collapsed: vec!["Sam".into()],
        },
    });
    plan
}

#[test]
fn example_plans_round_trip_and_save_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["order-fulfillment.ron", "demo-shop.ron"] {
        let loaded = storage::load(&example(name)).unwrap();
        let path = dir.path().join(name);
        storage::save(&loaded.plan, &path).unwrap();
        let first = std::fs::read(&path).unwrap();
        let again = storage::load(&path).unwrap();
        assert_eq!(again.plan, loaded.plan, "{name} changed in a round trip");
        storage::save(&again.plan, &path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), first, "{name}: bytes differ");
    }
}

#[test]
fn every_field_survives_a_round_trip() {
    let plan = rich_plan();
    let text = storage::to_ron(&plan);
    let back = storage::from_str(&text, "rich.ron").unwrap();
    assert_eq!(back.plan, plan);
    assert_eq!(storage::to_ron(&back.plan), text);
    // Diff-friendly: one field per line, apostrophes unescaped, newlines escaped.
    assert!(text.contains("\n                    title: \"In stock?\\nreally\",\n"));
    assert!(text.contains("runs_twice: \"b's\","));
    assert!(text.ends_with(")\n"));
}

#[test]
fn hand_written_files_may_leave_out_fields_and_some() {
    let text = r#"(
        name: "Short",
        workflows: [(id: 1, name: "W", steps: [
            (id: 1, title: "Start", kind: Trigger),
            (id: 2, title: "Do it", layer: L2, sensitivity: None),
        ], links: [(from: 1, to: 2)])],
    )"#;
    let plan = storage::from_str(text, "short.ron").unwrap().plan;
    assert_eq!(plan.profile.hourly_value, 25.0);
    assert_eq!(plan.workflows[0].steps[1].layer, Some(Layer::L2));
    assert!(
        !plan.tools.is_empty(),
        "a file without tools gets the bundled catalog"
    );
}

#[test]
fn cut_file_names_a_line_and_what_to_do() {
    let text = std::fs::read_to_string(example("order-fulfillment.ron")).unwrap();
    let half = &text[..text.len() / 2];
    let err = storage::from_str(half, "plans/x.ron").unwrap_err();
    let (line, _) = err.position().expect("a position");
    assert!(line > 10, "line {line}");
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("plans/x.ron, line {line}, column ")),
        "{msg}"
    );
    assert!(msg.contains("cut off"), "{msg}");
    assert!(msg.ends_with("fix the file in a text editor."), "{msg}");
}

#[test]
fn load_offers_the_backup_when_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    storage::save(&rich_plan(), &path).unwrap();
    storage::save(&rich_plan(), &path).unwrap(); // now p.ron.bak exists
    std::fs::write(
        &path,
        "(name: \"x\", workflows: [(steps: [(minutes: \"ten\")])])",
    )
    .unwrap();
    let msg = storage::load(&path).unwrap_err().to_string();
    let file = path.display().to_string();
    assert_eq!(
        msg,
        format!(
            "{file}, line 1, column 43: expected a number here — fix the file in a text editor or restore {file}.bak."
        )
    );
}

#[test]
fn newer_format_is_refused_before_anything_else_is_read() {
    // Version 2 might use fields and syntax this version does not know.
    for text in [
        "(format_version: 2, name: \"Future\")",
        "(format_version: 7, name: \"Future\", workflows: [(steps: [(kind: Hologram)])])",
        "(format_version: 3, shiny_new_syntax: <<>>)",
    ] {
        let err = storage::from_str(text, "future.ron").unwrap_err();
        assert!(matches!(err, LoadError::NewerVersion { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("future.ron was written by a newer version of Automap (plan format "),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains("this version reads format 1 and older")
        );
    }
    // The same version, or an older one, loads.
    assert!(storage::from_str("(format_version: 1)", "a.ron").is_ok());
    assert!(storage::from_str("(format_version: 0)", "a.ron").is_ok());
}

fn invalid_codes(text: &str) -> Vec<(&'static str, ProblemSeverity, String)> {
    match storage::from_str(text, "bad.ron") {
        Err(LoadError::Invalid { problems, .. }) => problems
            .into_iter()
            .map(|p| (p.code, p.severity, p.message))
            .collect(),
        Ok(l) => l
            .problems
            .into_iter()
            .map(|p| (p.code, p.severity, p.message))
            .collect(),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

#[test]
fn validation_finds_ids_links_and_numbers() {
    let got = invalid_codes(
        r#"(workflows: [
            (id: 1, name: "A", steps: [(id: 1, title: "a"), (id: 2, title: "b")],
             links: [(from: 1, to: 2), (from: 1, to: 2), (from: 2, to: 9), (from: 1, to: 3), (from: 2, to: 2)]),
            (id: 1, name: "B", steps: [(id: 2, title: "c"), (id: 3, title: "d", minutes: -1.0, frequency: (count: inf))]),
        ])"#,
    );
    let messages: Vec<&str> = got.iter().map(|(_, _, m)| m.as_str()).collect();
    let expect = [
        "Workflow id 1 is used by workflow \"A\" and by workflow \"B\"",
        "Step id 2 is used in workflow \"A\" and again in workflow \"B\"",
        "The arrow from step 1 to step 2 appears twice in workflow \"A\"",
        "The arrow from step 2 to step 9 in workflow \"A\" points to step 9, which does not exist",
        "The arrow from step 1 to step 3 in workflow \"A\" reaches step 3, which belongs to workflow \"B\"",
        "Step 2 has an arrow to itself in workflow \"A\"",
        "The minutes of step 3 (\"d\") is negative (-1)",
        "The frequency of step 3 (\"d\") is infinite",
    ];
    for e in expect {
        assert!(messages.contains(&e), "missing {e:?} in {messages:#?}");
    }
    assert!(got.iter().all(|(_, s, _)| *s == ProblemSeverity::Error));
}

#[test]
fn empty_titles_load_with_a_notice() {
    let loaded = storage::from_str(
        r#"(workflows: [(id: 1, name: "A", steps: [(id: 1, title: "  ")])])"#,
        "t.ron",
    )
    .unwrap();
    assert_eq!(loaded.problems.len(), 1);
    let p = &loaded.problems[0];
    assert_eq!(
        (p.code, p.severity),
        ("empty-title", ProblemSeverity::Notice)
    );
    assert_eq!(p.message, "Step 1 in workflow \"A\" has no title");
    assert_eq!(p.step_ids, vec![StepId(1)]);
}

#[test]
fn invalid_plan_message_names_the_first_problem_and_counts_the_rest() {
    let err = storage::from_str(
        r#"(profile: (hourly_value: -5.0), workflows: [(id: 1, name: "A", steps: [(id: 1, title: "x"), (id: 1, title: "y")])])"#,
        "plans/x.ron",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "plans/x.ron: The hourly value of manual work is negative (-5) (and 1 more problem) — fix the file in a text editor."
    );
}

#[test]
fn backup_keeps_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = rich_plan();
    storage::save(&plan, &path).unwrap();
    assert!(
        !dir.path().join("plan.ron.bak").exists(),
        "nothing to back up yet"
    );
    let old = std::fs::read(&path).unwrap();
    plan.name = "Second".into();
    storage::save(&plan, &path).unwrap();
    assert_eq!(std::fs::read(dir.path().join("plan.ron.bak")).unwrap(), old);
    assert_eq!(storage::load(&path).unwrap().plan.name, "Second");
    // No temp files are left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // The backup is a file of its own: editing the plan file in place later
    // (as some text editors do) leaves the backup as it was.
    std::fs::write(&path, "edited in place").unwrap();
    assert_eq!(std::fs::read(dir.path().join("plan.ron.bak")).unwrap(), old);
    // The next save backs up what the file held then.
    let edited = std::fs::read(&path).unwrap();
    storage::save(&plan, &path).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
        edited
    );
}

/// A folder the test cannot write in. As root every folder is writable, so
/// the "folder" is then a path below a plain file, which fails the same way.
fn unwritable_target(dir: &Path) -> (PathBuf, Box<dyn FnOnce()>) {
    use std::os::unix::fs::PermissionsExt;
    let ro = dir.join("readonly");
    std::fs::create_dir(&ro).unwrap();
    let target = ro.join("plan.ron");
    std::fs::write(&target, "old content").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = ro.join("probe");
    if std::fs::write(&probe, "x").is_err() {
        let ro2 = ro.clone();
        return (
            target,
            Box::new(move || {
                let _ = std::fs::set_permissions(&ro2, std::fs::Permissions::from_mode(0o755));
            }),
        );
    }
    // Running as root: simulate.
    let _ = std::fs::remove_file(&probe);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    let blocker = dir.join("not-a-folder");
    std::fs::write(&blocker, "old content").unwrap();
    (blocker.join("plan.ron"), Box::new(|| {}))
}

#[test]
fn save_into_an_unwritable_folder_reports_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let (target, restore) = unwritable_target(dir.path());
    let err = storage::save(&rich_plan(), &target).unwrap_err();
    let msg = err.to_string();
    restore();
    assert!(
        msg.starts_with(&format!("Could not save {}: ", target.display())),
        "{msg}"
    );
    assert!(
        msg.contains("save under another name in another folder"),
        "{msg}"
    );
    // The old content next to it is intact.
    let old = if target.parent().unwrap().is_file() {
        target.parent().unwrap().to_path_buf()
    } else {
        target.clone()
    };
    assert_eq!(std::fs::read_to_string(old).unwrap(), "old content");
}

#[test]
fn a_full_disk_keeps_the_old_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    storage::save(&rich_plan(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = storage::write_atomic_with(&path, true, &mut |f| {
        use std::io::Write;
        f.write_all(b"(name: \"half writ")?;
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    })
    .unwrap_err();
    assert!(matches!(err, SaveError::Io { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "Could not save {}: the disk is full. The file on disk was not changed. Free some disk space and save again, or save under another name on another disk.",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 1, "the temp file was removed");
}

#[test]
fn stamp_sees_changes_on_disk_but_not_a_touch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let stamp = storage::save_stamped(&rich_plan(), &path).unwrap();
    assert!(stamp.matches(&path));
    assert_eq!(storage::stamp(&path).unwrap().hash, stamp.hash);
    let (_, read_stamp) = storage::load_stamped(&path).unwrap();
    assert!(read_stamp.matches(&path));
    // Same bytes written again (new time): unchanged.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    assert!(stamp.matches(&path));
    // Another program edits the file.
    let mut other = rich_plan();
    other.name = "Edited elsewhere".into();
    std::fs::write(&path, storage::to_ron(&other)).unwrap();
    assert!(!stamp.matches(&path));
    std::fs::remove_file(&path).unwrap();
    assert!(!stamp.matches(&path));
}

#[test]
fn recovery_copies_are_listed_restored_and_discarded() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    assert!(store.list().is_empty());

    let plans = tempfile::tempdir().unwrap();
    let saved = plans.path().join("shop.ron");
    let mut plan = rich_plan();
    storage::save(&plan, &saved).unwrap();
    let saved_at = std::fs::metadata(&saved).unwrap().modified().unwrap();

    plan.name = "Edited but not saved".into();
    let key = RecoveryKey::for_file(&saved);
    let later = saved_at + Duration::from_secs(180);
    let file = store.write_at(&key, &plan, later).unwrap();
    assert!(file.starts_with(data.path().join("recovery")));

    let untitled = RecoveryKey::new_untitled();
    let fresh = Plan::new("Never saved");
    store
        .write_at(&untitled, &fresh, later + Duration::from_secs(1))
        .unwrap();

    let list = store.list();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].plan_name, "Never saved");
    assert_eq!(list[0].plan_path(), None);
    let info = &list[1];
    assert_eq!(info.key, key);
    // Times are kept to the millisecond.
    let newer = info.newer_by().unwrap();
    assert!(newer.abs_diff(Duration::from_secs(180)) < Duration::from_millis(2));
    assert_eq!(
        info.describe(later + Duration::from_secs(120)),
        format!(
            "Unsaved changes to \"Edited but not saved\" from 2 minutes ago, 3 minutes newer than {}.",
            std::fs::canonicalize(&saved).unwrap().display()
        )
    );
    assert_eq!(store.restore(info).unwrap().plan, plan);
    // The recovery copy is itself a plan file.
    assert_eq!(storage::load(&info.file).unwrap().plan, plan);

    // Writing again replaces the copy rather than adding one.
    store.write(&key, &plan).unwrap();
    assert_eq!(store.list().len(), 2);

    store.discard(&key).unwrap();
    store.discard(&key).unwrap(); // already gone: fine
    assert!(store.find(&key).is_none());
    assert!(store.find(&untitled).is_some());
    assert_eq!(store.list().len(), 1);
}

#[test]
fn a_crash_report_is_found_on_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    assert!(store.crash_reports().is_empty());
    store
        .write_crash_report("Automap stopped: index out of bounds in canvas.rs")
        .unwrap();
    let next_start = RecoveryStore::new(data.path());
    let reports = next_start.crash_reports();
    assert_eq!(reports.len(), 1);
    assert!(reports[0].text.contains("index out of bounds"));
    assert!(reports[0].written.is_some_and(|t| t <= SystemTime::now()));
    next_start.dismiss_crash_report(&reports[0]).unwrap();
    assert!(next_start.crash_reports().is_empty());
}

/// A plan of `workflows` × 100 steps; `variant` changes every step.
fn large_plan(workflows: u32, variant: u32) -> Plan {
    let mut plan = Plan::new(format!("Large plan, version {variant}"));
    for w in 0..workflows {
        let steps: Vec<Step> = (0..100)
            .map(|i| {
                let id = StepId(w * 1000 + i + 1);
                let mut s = Step::new(
                    id,
                    StepKind::Task,
                    format!("Step {i} of workflow {w}, version {variant}"),
                    Pos::new(i as f32 * 220.0, w as f32 * 140.0),
                );
                s.minutes = f64::from(variant + i);
                s.notes = format!("Notes for version {variant}");
                s
            })
            .collect();
        let links = steps
            .windows(2)
            .map(|p| Link::new(p[0].id, p[1].id))
            .collect();
        plan.workflows.push(Workflow {
            id: WorkflowId(w + 1),
            name: format!("Workflow {w}"),
            steps,
            links,
            ..Workflow::default()
        });
    }
    plan
}

const KILL_CHILD_ENV: &str = "AUTOMAP_KILL_TEST_FILE";

/// Issue 6.2: kill a process in the middle of saving a large plan, 100 times;
/// the file on disk is always the complete old or the complete new plan.
#[test]
fn killed_while_saving_leaves_the_old_or_the_new_plan() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    if let Ok(file) = std::env::var(KILL_CHILD_ENV) {
        // The child: save the old and the new plan in turn until killed. The
        // texts come ready-made from the parent, so the child's time goes to
        // the file operations (what `save` does after `to_ron`).
        let path = PathBuf::from(file);
        let old = std::fs::read(path.with_extension("old")).unwrap();
        let new = std::fs::read(path.with_extension("new")).unwrap();
        println!("READY");
        loop {
            storage::write_file_atomic(&path, &new, true).unwrap();
            storage::write_file_atomic(&path, &old, true).unwrap();
        }
    }

    let old_bytes = storage::to_ron(&large_plan(30, 1)).into_bytes();
    let new_bytes = storage::to_ron(&large_plan(30, 2)).into_bytes();
    assert!(old_bytes.len() > 500_000, "{} bytes", old_bytes.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    std::fs::write(path.with_extension("old"), &old_bytes).unwrap();
    std::fs::write(path.with_extension("new"), &new_bytes).unwrap();

    // How long one save takes here, to spread the kills over it.
    let t = std::time::Instant::now();
    storage::write_file_atomic(&path, &old_bytes, true).unwrap();
    storage::write_file_atomic(&path, &old_bytes, true).unwrap();
    let save_micros = (t.elapsed().as_micros() / 2).max(500) as u64;

    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut random = move |bound: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % bound
    };
    let (mut saw_old, mut saw_new) = (0, 0);
    for round in 0..100 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "killed_while_saving_leaves_the_old_or_the_new_plan",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(KILL_CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 0 && !line.contains("READY") {
            line.clear();
        }
        assert!(
            line.contains("READY"),
            "round {round}: the child did not start"
        );
        std::thread::sleep(std::time::Duration::from_micros(random(4 * save_micros)));
        child.kill().unwrap();
        child.wait().unwrap();
        let on_disk = std::fs::read(&path).unwrap();
        if on_disk == old_bytes {
            saw_old += 1;
        } else if on_disk == new_bytes {
            saw_new += 1;
        } else {
            panic!(
                "round {round}: the file holds {} bytes that are neither plan",
                on_disk.len()
            );
        }
        let bak = std::fs::read(storage::backup_path(&path)).unwrap();
        assert!(
            bak == old_bytes || bak == new_bytes,
            "round {round}: backup damaged"
        );
    }
    eprintln!(
        "{} bytes, 100 kills while saving: old plan {saw_old} times, new plan {saw_new} times (one save takes {save_micros} µs)",
        old_bytes.len()
    );
    assert!(
        saw_old > 0 && saw_new > 0,
        "the kills did not land during saves"
    );
}

#[test]
fn the_example_in_the_format_docs_loads() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/plan-format.md"))
            .unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let loaded = storage::from_str(&doc[start..end], "plan-format.md").unwrap();
    assert!(loaded.problems.is_empty());
    let w = &loaded.plan.workflows[0];
    assert_eq!(w.steps.len(), 4);
    assert_eq!(w.links[2].label, "no");
    assert_eq!(w.steps[3].frequency.per, Period::Week);
    // Whole numbers are accepted where decimals are expected.
    let plan = storage::from_str(
        "(workflows: [(id: 1, steps: [(id: 1, title: \"t\", minutes: 2)])])",
        "n.ron",
    )
    .unwrap()
    .plan;
    assert_eq!(plan.workflows[0].steps[0].minutes, 2.0);
}

#[test]
fn a_misspelt_field_is_a_notice_with_a_suggestion() {
    let loaded = storage::from_str(
        "(workflows: [(id: 1, name: \"Orders\", steps: [(id: 3, title: \"Pack\",\n  minuts: 5.0)])])",
        "typo.ron",
    )
    .unwrap();
    assert_eq!(loaded.plan.workflows[0].steps[0].minutes, 0.0);
    let p = loaded
        .problems
        .iter()
        .find(|p| p.code == "unknown-field")
        .expect("the typo is reported");
    assert_eq!(p.severity, ProblemSeverity::Notice);
    assert_eq!(
        p.message,
        "Line 2: \"minuts\" is not a field of step 3 (\"Pack\") of workflow \"Orders\""
    );
    assert!(
        p.hint.starts_with("did you mean \"minutes\"?"),
        "{}",
        p.hint
    );
    assert_eq!(p.step_ids, vec![StepId(3)]);
    // Files Automap writes itself never have unknown fields.
    let clean = storage::from_str(&storage::to_ron(&rich_plan()), "rich.ron").unwrap();
    assert!(clean.problems.is_empty(), "{:?}", clean.problems);
    for name in ["order-fulfillment.ron", "demo-shop.ron"] {
        let l = storage::load(&example(name)).unwrap();
        assert!(
            l.problems.iter().all(|p| p.code != "unknown-field"),
            "{name}: {:?}",
            l.problems
        );
    }
}

#[test]
fn temp_files_of_a_killed_save_are_cleaned_up_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // What a save killed half-way leaves: a hidden temp file of a process that is gone.
    let stale = dir.path().join(".plan.ron.new-4000000000-0.tmp");
    std::fs::write(&stale, "(name: \"half").unwrap();
    let unrelated = dir.path().join(".other.ron.new-4000000000-0.tmp");
    std::fs::write(&unrelated, "x").unwrap();
    storage::save(&rich_plan(), &path).unwrap();
    assert!(!stale.exists());
    assert!(
        unrelated.exists(),
        "only this plan's temp files are touched"
    );
}

/// What a plan text with a field `zz` nested `extra` brackets deep in its
/// first workflow gives: the notice about the field, or the parser's complaint.
fn deep_unknown_field(plan: &Plan, extra: usize) -> Result<Vec<String>, String> {
    let text = storage::to_ron(plan);
    let at = "\n            id: 1,";
    assert!(
        text.contains(at),
        "the first workflow's id is where expected"
    );
    let deep = format!("{}1.0{}", "[".repeat(extra), "]".repeat(extra));
    let text = text.replacen(at, &format!("{at}\n            zz: {deep},"), 1);
    match storage::from_str(&text, "deep.ron") {
        Ok(loaded) => {
            assert_eq!(&loaded.plan, plan, "the unknown field changes nothing");
            Ok(loaded
                .problems
                .iter()
                .filter(|p| p.code == "unknown-field")
                .map(|p| p.message.split_once(": ").map_or("", |m| m.1).to_owned())
                .collect())
        }
        Err(LoadError::Syntax { detail, .. }) => Err(detail),
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn an_unknown_field_nested_deep_gives_the_same_answer_in_small_and_large_files() {
    let small = automap::testing::generate_plan(2, 5, 3);
    let large = automap::testing::generate_plan(40, 30, 3);
    assert!(storage::to_ron(&small).len() < 64 * 1024);
    assert!(storage::to_ron(&large).len() > 512 * 1024);
    let (mut noticed, mut refused) = (false, false);
    for extra in 1..40 {
        let in_small = deep_unknown_field(&small, extra);
        let in_large = deep_unknown_field(&large, extra);
        match &in_small {
            Ok(notices) => {
                noticed = true;
                assert_eq!(notices.len(), 1, "{notices:?}");
                assert!(
                    notices[0].starts_with("\"zz\" is not a field of workflow"),
                    "{notices:?}"
                );
            }
            Err(detail) => {
                refused = true;
                assert!(detail.contains("levels deep"), "{detail}");
            }
        }
        // Workflow names differ between the two plans; the rest must not.
        let strip = |r: Result<Vec<String>, String>| {
            r.map(|n| {
                n.iter()
                    .map(|m| m.split(" of workflow").next().unwrap_or("").to_owned())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(strip(in_small), strip(in_large), "{extra} brackets");
    }
    assert!(
        noticed && refused,
        "the nesting limit lies inside the range tried"
    );
}
