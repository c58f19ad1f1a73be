//! The eframe app. The only module (with `main.rs`) that uses egui.
//!
//! Layout (who builds on what):
//! - `app`: the window: menus, panels, file dialogs, status bar, derived-result cache;
//! - `commands`: the one command list (name, shortcut) used by menus, buttons and keys;
//! - `canvas`: the workflow map editor (camera, hit-testing, drawing, editing);
//! - `review`, `findings`: the method's views; `roadmap_board`: the 90-day board.

pub mod commands;

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

/// Open the window. `initial_file`: a plan to open; `None` opens the last plan
/// used, or the bundled example the first time.
pub fn run(initial_file: Option<PathBuf>) -> anyhow::Result<()> {
    let _ = initial_file;
    anyhow::bail!("the window is not built yet")
}
