//! What the window remembers between runs.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Key of the app's settings in eframe's storage.
pub(super) const SETTINGS_KEY: &str = "automap-settings";
const MAX_RECENT: usize = 10;

/// Light, dark or as the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub(super) fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What the app remembers between runs (plans themselves live only in their files).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub last_file: Option<PathBuf>,
    pub theme: ThemeChoice,
    pub show_findings: bool,
}

impl Settings {
    pub(super) fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(path);
    }
}
