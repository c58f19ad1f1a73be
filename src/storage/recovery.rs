//! Recovery copies of open plans, and crash reports.
//!
//! Both live in the app's data folder: `$AUTOMAP_DATA_DIR` when set, otherwise
//! the platform's data folder for "automap" (on Linux
//! `~/.local/share/automap`). Recovery copies are in `recovery/`, one per open
//! plan: `plan-<hash of the plan's path>.ron`, or `untitled-<id>.ron` for a plan
//! never saved. Each is itself a valid plan file whose first line is a comment
//! holding a small header (plan path, plan name, time written). Crash reports
//! are plain text files in `crash-reports/`.

use super::{LoadError, Loaded, SaveError, name_hash};
use crate::model::Plan;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use thiserror::Error;

/// Environment variable that moves the data folder.
pub use super::paths::DATA_DIR_ENV;

const HEADER_PREFIX: &str = "// automap-recovery ";

#[derive(Debug, Error)]
pub enum RecoveryError {
    #[error(
        "There is no folder for Automap's own data on this system (set {DATA_DIR_ENV} to choose one), so no recovery copy can be kept."
    )]
    NoDataDir,
    #[error("{0}")]
    Write(#[from] SaveError),
    #[error("Could not {action} {path}: {source}.")]
    Io {
        action: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Which open plan a recovery copy belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecoveryKey {
    /// A plan saved at this path.
    File(PathBuf),
    /// A plan never saved, by an id chosen when it was created.
    Untitled(String),
}

impl RecoveryKey {
    /// The key of a plan file (the path is made absolute so the same file
    /// opened from two folders gets one key).
    pub fn for_file(path: &Path) -> Self {
        let abs = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf());
        RecoveryKey::File(abs)
    }

    /// A fresh key for a new, untitled plan.
    pub fn new_untitled() -> Self {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        RecoveryKey::Untitled(format!("{now:x}{:x}", std::process::id()))
    }

    fn file_name(&self) -> String {
        match self {
            RecoveryKey::File(p) => format!(
                "plan-{:016x}.ron",
                name_hash(p.as_os_str().as_encoded_bytes())
            ),
            RecoveryKey::Untitled(id) => {
                let id: String = id
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .take(64)
                    .collect();
                format!("untitled-{id}.ron")
            }
        }
    }
}

/// The first line of a recovery file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    /// The plan's file, or `None` for an untitled plan.
    plan_path: Option<PathBuf>,
    /// The untitled plan's id.
    #[serde(default)]
    untitled_id: Option<String>,
    plan_name: String,
    /// Milliseconds since 1970-01-01 UTC.
    written_ms: u64,
}

/// What a recovery copy is, for the "restore?" question on start.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryInfo {
    /// The recovery file itself.
    pub file: PathBuf,
    pub key: RecoveryKey,
    pub plan_name: String,
    /// When the copy was written.
    pub written: SystemTime,
    /// When the plan's own file was last saved, if it exists.
    pub saved_modified: Option<SystemTime>,
}

impl RecoveryInfo {
    /// The plan's own file (`None` for an untitled plan).
    pub fn plan_path(&self) -> Option<&Path> {
        match &self.key {
            RecoveryKey::File(p) => Some(p),
            RecoveryKey::Untitled(_) => None,
        }
    }

    /// How much newer the copy is than the saved file (`None` when there is
    /// no saved file, or the saved file is newer).
    pub fn newer_by(&self) -> Option<Duration> {
        self.written
            .duration_since(self.saved_modified?)
            .ok()
            .filter(|d| !d.is_zero())
    }

    /// True when the saved file was changed after the copy was written.
    pub fn saved_file_is_newer(&self) -> bool {
        self.saved_modified
            .is_some_and(|m| m.duration_since(self.written).is_ok_and(|d| !d.is_zero()))
    }

    /// One sentence for the owner: what the copy is and how it compares.
    pub fn describe(&self, now: SystemTime) -> String {
        let age = now.duration_since(self.written).unwrap_or_default();
        let mut s = format!(
            "Unsaved changes to \"{}\" from {} ago",
            self.plan_name,
            human_duration(age)
        );
        match (self.plan_path(), self.newer_by()) {
            (None, _) => s.push_str(" (a plan that was never saved)"),
            (Some(p), Some(d)) => s.push_str(&format!(
                ", {} newer than {}",
                human_duration(d),
                p.display()
            )),
            (Some(p), None) if self.saved_modified.is_none() => {
                s.push_str(&format!(" ({} no longer exists)", p.display()));
            }
            (Some(p), None) => s.push_str(&format!(
                " ({} was changed after this copy was made, and differs from it)",
                p.display()
            )),
        }
        s.push('.');
        s
    }
}

/// "3 minutes", "2 hours", "5 seconds".
pub fn human_duration(d: Duration) -> String {
    // Rounded to the nearest unit: 179.9 s is "3 minutes".
    let secs = (d.as_millis() + 500) / 1000;
    let (n, unit) = if secs < 60 {
        (secs, "second")
    } else if secs < 3600 - 30 {
        ((secs + 30) / 60, "minute")
    } else if secs < 86_400 - 1800 {
        ((secs + 1800) / 3600, "hour")
    } else {
        ((secs + 43_200) / 86_400, "day")
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A crash report left by an earlier run.
#[derive(Debug, Clone, PartialEq)]
pub struct CrashReport {
    pub file: PathBuf,
    pub text: String,
    pub written: Option<SystemTime>,
}

fn to_ms(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

fn from_ms(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms)
}

/// The app's data folder with its recovery copies and crash reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// A store in a given folder (created when first written to).
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: data_dir.into(),
        }
    }

    /// The store in `$AUTOMAP_DATA_DIR`, or in the platform's data folder.
    pub fn default_location() -> Result<Self, RecoveryError> {
        super::paths::data_dir()
            .map(Self::new)
            .ok_or(RecoveryError::NoDataDir)
    }

    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    pub fn recovery_dir(&self) -> PathBuf {
        super::paths::recovery_dir_in(&self.dir)
    }

    pub fn crash_dir(&self) -> PathBuf {
        super::paths::crash_dir_in(&self.dir)
    }

    /// Where the recovery copy for `key` is kept.
    pub fn path_for(&self, key: &RecoveryKey) -> PathBuf {
        self.recovery_dir().join(key.file_name())
    }

    fn ensure(&self, dir: &Path) -> Result<(), RecoveryError> {
        std::fs::create_dir_all(dir).map_err(|source| RecoveryError::Io {
            action: "create the folder",
            path: dir.display().to_string(),
            source,
        })
    }

    /// Write (atomically) the recovery copy of an open plan; replaces the previous copy.
    pub fn write(&self, key: &RecoveryKey, plan: &Plan) -> Result<PathBuf, RecoveryError> {
        self.write_at(key, plan, SystemTime::now())
    }

    /// [`RecoveryStore::write`] with a given time (for tests).
    pub fn write_at(
        &self,
        key: &RecoveryKey,
        plan: &Plan,
        now: SystemTime,
    ) -> Result<PathBuf, RecoveryError> {
        self.ensure(&self.recovery_dir())?;
        let header = Header {
            plan_path: match key {
                RecoveryKey::File(p) => Some(p.clone()),
                RecoveryKey::Untitled(_) => None,
            },
            untitled_id: match key {
                RecoveryKey::File(_) => None,
                RecoveryKey::Untitled(id) => Some(id.clone()),
            },
            plan_name: plan.name.clone(),
            written_ms: to_ms(now),
        };
        // JSON on one line never contains a newline, so the comment stays one line.
        let header = serde_json::to_string(&header).unwrap_or_else(|_| "{}".to_owned());
        let text = format!("{HEADER_PREFIX}{header}\n{}", super::to_ron(plan));
        let path = self.path_for(key);
        super::write_file_atomic(&path, text.as_bytes(), false)?;
        Ok(path)
    }

    fn read_info(path: &Path) -> Option<RecoveryInfo> {
        use std::io::{BufRead, Read};
        let file = std::fs::File::open(path).ok()?;
        let mut first = String::new();
        std::io::BufReader::new(file.take(64 * 1024))
            .read_line(&mut first)
            .ok()?;
        let header: Header =
            serde_json::from_str(first.trim().strip_prefix(HEADER_PREFIX)?).ok()?;
        let key = match (header.plan_path, header.untitled_id) {
            (Some(p), _) => RecoveryKey::File(p),
            (None, Some(id)) => RecoveryKey::Untitled(id),
            (None, None) => return None,
        };
        let saved_modified = match &key {
            RecoveryKey::File(p) => std::fs::metadata(p).and_then(|m| m.modified()).ok(),
            RecoveryKey::Untitled(_) => None,
        };
        Some(RecoveryInfo {
            file: path.to_path_buf(),
            key,
            plan_name: header.plan_name,
            written: from_ms(header.written_ms),
            saved_modified,
        })
    }

    /// Every recovery copy present, newest first. Files that are not recovery
    /// copies (or are unreadable) are skipped.
    pub fn list(&self) -> Vec<RecoveryInfo> {
        let Ok(entries) = std::fs::read_dir(self.recovery_dir()) else {
            return Vec::new();
        };
        let mut infos: Vec<RecoveryInfo> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "ron")
                    && p.file_name()
                        .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
            })
            .filter_map(|p| Self::read_info(&p))
            .collect();
        infos.sort_by_key(|i| std::cmp::Reverse(i.written));
        infos
    }

    /// The recovery copy for one plan, if there is one.
    pub fn find(&self, key: &RecoveryKey) -> Option<RecoveryInfo> {
        Self::read_info(&self.path_for(key)).filter(|i| &i.key == key)
    }

    /// Load a recovery copy (checked like any plan file).
    pub fn restore(&self, info: &RecoveryInfo) -> Result<Loaded, LoadError> {
        super::load(&info.file)
    }

    /// Remove the recovery copy of a plan (after a save, or when the owner
    /// discards it). Removing a copy that is not there is not an error.
    pub fn discard(&self, key: &RecoveryKey) -> Result<(), RecoveryError> {
        let path = self.path_for(key);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(RecoveryError::Io {
                action: "remove",
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Write a crash report. Meant for a panic hook: it never panics itself.
    pub fn write_crash_report(&self, text: &str) -> Result<PathBuf, RecoveryError> {
        let dir = self.crash_dir();
        self.ensure(&dir)?;
        let path = dir.join(format!(
            "crash-{}-{}.txt",
            to_ms(SystemTime::now()),
            std::process::id()
        ));
        super::write_file_atomic(&path, text.as_bytes(), false)?;
        Ok(path)
    }

    /// Crash reports left by earlier runs, oldest first.
    pub fn crash_reports(&self) -> Vec<CrashReport> {
        let Ok(entries) = std::fs::read_dir(self.crash_dir()) else {
            return Vec::new();
        };
        let mut reports: Vec<CrashReport> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().is_some_and(|n| {
                    let n = n.to_string_lossy();
                    n.starts_with("crash-") && n.ends_with(".txt")
                })
            })
            .filter_map(|p| {
                let bytes = std::fs::read(&p).ok()?;
                let written = std::fs::metadata(&p).and_then(|m| m.modified()).ok();
                Some(CrashReport {
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                    file: p,
                    written,
                })
            })
            .collect();
        reports.sort_by(|a, b| a.file.cmp(&b.file));
        reports
    }

    /// Remove a crash report once the owner has seen it.
    pub fn dismiss_crash_report(&self, report: &CrashReport) -> Result<(), RecoveryError> {
        match std::fs::remove_file(&report.file) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(RecoveryError::Io {
                action: "remove",
                path: report.file.display().to_string(),
                source,
            }),
        }
    }
}

/// Write a crash report in the default data folder.
pub fn write_crash_report(text: &str) -> Result<PathBuf, RecoveryError> {
    RecoveryStore::default_location()?.write_crash_report(text)
}

/// Crash reports left by earlier runs in the default data folder (check on start).
pub fn pending_crash_reports() -> Vec<CrashReport> {
    RecoveryStore::default_location()
        .map(|s| s.crash_reports())
        .unwrap_or_default()
}
