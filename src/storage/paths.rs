//! The one folder for everything Automap writes by itself: recovery copies,
//! crash reports, earlier versions of saved plans and the window's settings
//! (recent files, last plan, panels, window size). `$AUTOMAP_DATA_DIR` moves
//! all of it; otherwise it is the platform's data folder for "automap"
//! (on Linux `~/.local/share/automap`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Environment variable that moves the data folder.
pub const DATA_DIR_ENV: &str = "AUTOMAP_DATA_DIR";

/// The data folder: `$AUTOMAP_DATA_DIR` when set and not empty, else the
/// platform's data folder (`None` on a system without one).
pub fn data_dir() -> Option<PathBuf> {
    data_dir_from(std::env::var_os(DATA_DIR_ENV))
}

/// [`data_dir`] with the variable's value given (for tests).
pub fn data_dir_from(env: Option<OsString>) -> Option<PathBuf> {
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "automap").map(|d| d.data_dir().to_path_buf())
}

/// The window's settings file in a data folder (the name eframe has always
/// used, so settings from earlier versions are still found).
pub fn settings_file_in(data_dir: &Path) -> PathBuf {
    data_dir.join("app.ron")
}

/// Where earlier versions of saved plans are kept, in a data folder.
pub fn backups_dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Recovery copies of open plans, in a data folder.
pub fn recovery_dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// Crash reports, in a data folder.
pub fn crash_dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join("crash-reports")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_moves_every_file_automap_writes_by_itself() {
        let dir = PathBuf::from("/tmp/automap-data");
        let data = data_dir_from(Some(dir.clone().into_os_string()));
        assert_eq!(data.as_deref(), Some(dir.as_path()));
        for p in [
            settings_file_in(&dir),
            backups_dir_in(&dir),
            recovery_dir_in(&dir),
            crash_dir_in(&dir),
        ] {
            assert!(p.starts_with(&dir), "{}", p.display());
        }
        // Empty means unset: the platform's folder, never the current folder.
        let fallback = data_dir_from(Some(OsString::new()));
        assert_ne!(fallback.as_deref(), Some(Path::new("")));
    }
}
