//! The eframe app. The only module (with `main.rs`) that uses egui.
//!
//! Layout (who builds on what):
//! - `app`: the window: menus, panels, file dialogs, status bar, derived-result cache;
//! - `commands`: the one command list (name, shortcut) used by menus, buttons and keys;
//! - `canvas`: the workflow map editor (camera, hit-testing, drawing, editing);
//! - `review`, `findings`: the method's views; `roadmap_board`: the 90-day board;
//!   `catalog`: the tool catalog editor.

mod app;
mod autosave;
pub mod canvas;
pub mod catalog;
pub mod commands;
pub mod compare;
pub mod derived;
mod file_dialog;
pub mod findings;
mod inspector;
pub mod review;
pub mod roadmap_board;

pub use app::{AutomapApp, EXAMPLE_PLAN, Settings, Tab, ThemeChoice};

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::model::{StepId, WorkflowId};

/// What is selected on the map of one workflow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub steps: BTreeSet<StepId>,
    /// A selected arrow, by its ends.
    pub link: Option<(StepId, StepId)>,
}

/// Requests a view makes of the app (views never change the plan except through the edit API).
#[derive(Debug, Clone, PartialEq)]
pub enum UiAction {
    /// Switch to the map of `workflow`, select `step` and centre it.
    ShowStep { workflow: WorkflowId, step: StepId },
    /// Run a command from the command list.
    Command(commands::Command),
}

/// "1 step", "3 steps": a count with the word for one or for many.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The window's settings file (recent plans, last plan, panels, window
/// size), in the data folder; its folder is created here. `None` when the
/// system has no data folder: eframe then uses its own.
pub fn settings_file() -> Option<PathBuf> {
    let dir = crate::storage::paths::data_dir()?;
    if let Err(e) = std::fs::create_dir_all(&dir) {
        log::warn!(
            "The data folder {} could not be created ({e}); settings will not be kept.",
            dir.display()
        );
    }
    Some(crate::storage::paths::settings_file_in(&dir))
}

/// Open the window. `initial_file`: a plan to open; `None` opens the last plan
/// used, or the example plan the first time (the file in the project's
/// `plans/` folder when it is there, else the copy built into the program,
/// opened as an unsaved plan).
pub fn run(initial_file: Option<PathBuf>) -> anyhow::Result<()> {
    autosave::install_panic_hook();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Automap")
            .with_app_id("automap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([720.0, 480.0]),
        persist_window: true,
        // Settings live in the one data folder ($AUTOMAP_DATA_DIR moves it).
        persistence_path: settings_file(),
        ..Default::default()
    };
    eframe::run_native(
        "automap",
        options,
        Box::new(move |cc| Ok(Box::new(AutomapApp::new(cc, initial_file)))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
