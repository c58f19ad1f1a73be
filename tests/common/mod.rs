//! Helpers shared by integration tests.
//!
//! Each test file compiles its own copy of this module and uses only some of
//! it, so unused helpers are not warnings here.
#![allow(dead_code)]

pub mod mutate;

use std::path::{Path, PathBuf};

use automap::model::Plan;
use automap::ui::AutomapApp;
use egui_kittest::Harness;

/// A file of the repository, from its path relative to the repository root.
pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// An example plan shipped in `plans/` (e.g. `"demo-shop.ron"`), loaded the
/// way the app opens a file.
pub fn example_plan(name: &str) -> Plan {
    let path = repo_path("plans").join(name);
    match automap::storage::load(&path) {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the example plan {name} must load: {e}"),
    }
}

/// A plan kept for tests in `tests/fixtures/` (e.g. `"findings-demo.ron"`,
/// the plan that shows every finding), loaded the way the app opens a file.
pub fn fixture_plan(name: &str) -> Plan {
    let path = repo_path("tests/fixtures").join(name);
    match automap::storage::load(&path) {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the fixture {name} must load: {e}"),
    }
}

/// A window of `size` around the whole app showing `plan`.
pub fn app_harness(plan: Plan, size: egui::Vec2) -> Harness<'static, AutomapApp> {
    app_harness_for(AutomapApp::new_for_test(plan), size)
}

/// A window of `size` around an app set up by the test.
pub fn app_harness_for(app: AutomapApp, size: egui::Vec2) -> Harness<'static, AutomapApp> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut AutomapApp| app.ui(ui), app)
}

/// The example plan built into the app (the one "New from example" opens).
pub fn bundled_example() -> Plan {
    match automap::storage::from_str(automap::ui::EXAMPLE_PLAN, "order-fulfillment.ron") {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("the bundled example must load: {e}"),
    }
}
