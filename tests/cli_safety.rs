//! The command line never loses work: `export` does not write over a plan or
//! replace a device, inputs that are not regular files are refused at once,
//! and failures are said on standard error with exit code 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_automap"))
}

/// Run with a time limit: a command that waits forever on a pipe fails the
/// test instead of hanging it.
fn run_within(args: &[&std::ffi::OsStr], limit: Duration) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "automap {args:?} still ran after {limit:?}; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run_within(&args, Duration::from_secs(20))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join("order-fulfillment.ron")
}

/// A copy of the example plan in `dir`.
fn plan_in(dir: &Path, name: &str) -> String {
    let p = dir.join(name);
    std::fs::copy(example(), &p).expect("copied");
    p.display().to_string()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", path.display());
}

/// A character device like /dev/null (1,3) or /dev/full (1,7) inside `dir`,
/// so a failure can only ever replace this copy. `None` where the process may
/// not make devices (not root).
fn char_device(dir: &Path, name: &str, minor: u32) -> Option<PathBuf> {
    let p = dir.join(name);
    let made = Command::new("mknod")
        .arg(&p)
        .args(["c", "1", &minor.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    made.then_some(p)
}

#[cfg(unix)]
fn is_char_device(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_char_device())
}

#[cfg(unix)]
fn is_fifo(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn export_refuses_to_write_over_the_plan_itself_or_another_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path(), "shop.ron");
    let before = std::fs::read(&plan).unwrap();

    let o = run(&["export", &plan, "-o", &plan]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with(&format!("Not exporting: {plan} is the plan being exported")),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "the plan is unchanged"
    );
    assert!(!dir.path().join("shop.ron.bak").exists());

    // The same file by another name (a link) is refused too.
    #[cfg(unix)]
    {
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&plan, &link).unwrap();
        let o = run(&["export", &plan, "-o", &link.display().to_string()]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(std::fs::read(&plan).unwrap(), before);
    }

    // Another plan, even without the .ron ending.
    let other = dir.path().join("other-plan.txt");
    std::fs::copy(example(), &other).unwrap();
    let o = run(&["export", &plan, "-o", &other.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is an Automap plan file, and export never writes over a plan"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&other).unwrap(), before);

    // Any existing .ron file is left alone.
    let ron = dir.path().join("notes.ron");
    std::fs::write(&ron, "not a plan yet").unwrap();
    let o = run(&["export", &plan, "-o", &ron.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&ron).unwrap(), "not a plan yet");

    // An earlier export is replaced as before.
    let md = dir.path().join("shop.md");
    std::fs::write(&md, "# old export\n").unwrap();
    let o = run(&["export", &plan, "-o", &md.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&md).unwrap().contains("```mermaid"));
}

#[cfg(unix)]
#[test]
fn export_writes_into_a_pipe_and_a_device_without_replacing_them() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path(), "shop.ron");

    // A named pipe with a reader: the reader gets the Markdown, the pipe stays.
    let fifo = dir.path().join("out.md");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::Builder::new()
            .name("fifo reader".to_owned())
            .spawn(move || std::fs::read_to_string(fifo).unwrap_or_default())
            .unwrap()
    };
    let o = run(&["export", &plan, "-o", &fifo.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got = reader.join().unwrap();
    assert!(
        got.starts_with("# "),
        "the reader got the Markdown: {got:.80}"
    );
    assert!(is_fifo(&fifo), "the pipe is still a pipe");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A device like /dev/null: written into, still a device.
    if let Some(null) = char_device(dir.path(), "null", 3) {
        let o = run(&["export", &plan, "-o", &null.display().to_string()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(is_char_device(&null), "the device was replaced by a file");
    }
    // A device like /dev/full: the disk-full error, exit 2, still a device.
    if let Some(full) = char_device(dir.path(), "full", 7) {
        let out = full.display().to_string();
        let o = run(&["export", &plan, "-o", &out]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("Could not save {out}: the disk is full.")),
            "{}",
            stderr(&o)
        );
        assert!(is_char_device(&full), "the device was replaced by a file");
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_a_folder_or_a_loop_of_links_as_input_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    mkfifo(&fifo);
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    for input in [&fifo, &link] {
        let input = input.display().to_string();
        for args in [
            vec!["check", &input],
            vec!["check", &input, "--format", "json"],
            vec!["export", &input],
        ] {
            let o = run(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            assert!(
                stderr(&o).starts_with(&format!(
                    "Cannot read {input}: it is a named pipe (FIFO), not a file."
                )),
                "{args:?}: {}",
                stderr(&o)
            );
        }
    }

    let folder = dir.path().display().to_string();
    let o = run(&["check", &folder]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("it is a folder, not a file"),
        "{}",
        stderr(&o)
    );

    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let a = a.display().to_string();
    let o = run(&["check", &a]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "Cannot read {a}: its symbolic links point at each other in a loop, so no file is reached. Check that the path names a plan file."
        )
    );
}

#[test]
fn an_invalid_plan_is_explained_on_standard_error_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.ron");
    std::fs::write(
        &file,
        r#"(workflows: [(id: 1, name: "Orders", steps: [(id: 1, title: "A"), (id: 1, title: "B")])])"#,
    )
    .unwrap();
    let file = file.display().to_string();
    let o = run(&["check", &file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("error[duplicate-id]"),
        "the problems are still listed"
    );
    assert!(
        stderr(&o).starts_with(&format!("{file}: Step id 1 is used twice")),
        "{}",
        stderr(&o)
    );
}

#[cfg(unix)]
#[test]
fn check_into_a_full_disk_says_so_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let Some(full) = char_device(dir.path(), "full", 7).or_else(|| {
        Path::new("/dev/full")
            .exists()
            .then(|| PathBuf::from("/dev/full"))
    }) else {
        return;
    };
    let out = std::fs::OpenOptions::new().write(true).open(&full).unwrap();
    let o = bin()
        .args(["check", &example().display().to_string()])
        .stdout(out)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "Could not write the report to standard output: the disk is full."
    );
}

#[test]
fn nesting_is_reported_with_the_depth_the_file_has() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deep.ron");
    std::fs::write(
        &file,
        format!("(unknown: {}{})", "[".repeat(16), "]".repeat(16)),
    )
    .unwrap();
    let o = run(&["check", &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("the brackets are nested 17 levels deep, deeper than Automap reads"),
        "{err}"
    );
    assert!(!err.contains("32"), "{err}");
}

#[test]
fn a_markdown_file_is_called_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path(), "shop.ron");
    let md = dir.path().join("shop.md");
    let o = run(&["export", &plan, "-o", &md.display().to_string()]);
    assert_eq!(o.status.code(), Some(0));
    let md = md.display().to_string();
    let o = run(&["check", &md]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "{md}, line 1, column 1: this is a Markdown document, not an Automap plan file (a plan is RON text that starts with a round bracket) — open the plan's .ron file instead."
        )
    );
    assert!(!stderr(&o).contains("enable"));
}

#[test]
fn a_bottleneck_share_above_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("share.ron");
    std::fs::write(&file, "(name: \"Shop\", method: (bottleneck_share: 1.5))").unwrap();
    let o = run(&["check", &file.display().to_string(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        items.iter().any(|i| i["code"] == "bad-number"
            && i["message"]
                .as_str()
                .is_some_and(|m| m.contains("bottleneck share is more than 1"))),
        "{items:?}"
    );
}
