//! Opening a large plan from the window: it is read on a background thread,
//! the window keeps painting and shows the progress, and Cancel keeps the
//! plan that was open.

use automap::model::Plan;
use automap::storage;
use automap::ui::{AutomapApp, EXAMPLE_PLAN};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn example() -> Plan {
    match storage::from_str(EXAMPLE_PLAN, "order-fulfillment.ron") {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the bundled example must load: {e}"),
    }
}

/// A 10,000-step plan file, written once for the tests of this file.
fn large_file() -> &'static Path {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = FILE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("large.ron");
        let plan = automap::testing::generate_plan(200, 50, 7);
        std::fs::write(&path, storage::to_ron(&plan)).expect("written");
        (dir, path)
    });
    path
}

fn harness() -> Harness<'static, AutomapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut AutomapApp| app.ui(ui),
            AutomapApp::new_for_test(example()),
        );
    h.run();
    h
}

#[test]
fn frames_keep_coming_while_a_large_plan_opens_and_its_progress_shows() {
    let path = large_file();
    let text = std::fs::read(path).expect("readable");
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().open_in_background(&ctx, path);
    assert!(
        h.state().file_job_running(),
        "a 10,000-step file is read in the background"
    );
    let start = Instant::now();
    let mut frames = 0;
    let mut progress_seen = false;
    while h.state().file_job_running() {
        h.step();
        frames += 1;
        if h.query_by_label("Opening large.ron").is_some() {
            progress_seen = true;
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "the open never finished"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    // The window painted frame after frame while the file was read.
    assert!(frames >= 3, "only {frames} frames while opening");
    assert!(progress_seen, "the progress window was shown");
    h.run();
    assert_eq!(h.state().plan().step_count(), 10_000);
    assert_eq!(h.state().path(), Some(path));
    assert!(h.query_by_label("Opening large.ron").is_none());
    assert_eq!(std::fs::read(path).expect("readable"), text);
}

#[test]
fn cancel_keeps_the_plan_that_was_open() {
    let path = large_file();
    let before = std::fs::read(path).expect("readable");
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().open_in_background(&ctx, path);
    // The first frame of a window only measures it.
    h.step();
    h.step();
    h.get_by_label("Opening large.ron");
    h.get_by_label("Cancel").click();
    h.step();
    assert!(!h.state().file_job_running());
    h.run();
    assert!(h.query_by_label("Opening large.ron").is_none());
    assert_eq!(h.state().plan().name, "Order fulfillment");
    assert_eq!(h.state().path(), None);
    let (message, is_error) = h.state().message().unwrap_or(("", true));
    assert!(!is_error && message.contains("cancelled"), "{message}");
    // A while later the plan is still the one that was open.
    std::thread::sleep(Duration::from_millis(200));
    h.run();
    assert_eq!(h.state().plan().name, "Order fulfillment");
    assert_eq!(std::fs::read(path).expect("readable"), before);
}

#[test]
fn a_large_plan_is_saved_in_the_background_and_the_window_keeps_painting() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("copy.ron");
    std::fs::copy(large_file(), &path).expect("copied");
    let mut app = AutomapApp::new_for_test(example());
    assert!(app.open_path(&path));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut AutomapApp| app.ui(ui), app);
    h.run();
    std::fs::remove_file(&path).expect("removed");
    let ctx = h.ctx.clone();
    h.state_mut()
        .execute(&ctx, automap::ui::commands::Command::Save);
    assert!(h.state().file_job_running(), "saved in the background");
    let start = Instant::now();
    let mut frames = 0;
    let mut progress_seen = false;
    while h.state().file_job_running() {
        h.step();
        frames += 1;
        if h.query_by_label("Saving copy.ron").is_some() {
            progress_seen = true;
        }
        assert!(start.elapsed() < Duration::from_secs(300), "never saved");
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(frames >= 2, "only {frames} frames while saving");
    assert!(progress_seen, "the progress window was shown");
    h.run();
    let saved = storage::load(&path).expect("the saved file loads");
    assert_eq!(&saved.plan, h.state().plan());
    assert!(!h.state().document().is_dirty());
    let (message, is_error) = h.state().message().unwrap_or(("", true));
    assert!(!is_error && message.starts_with("Saved"), "{message}");
}
