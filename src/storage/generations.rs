//! Earlier versions of saved plans, kept in the data folder.
//!
//! Before a save replaces a plan file, its content as it was on disk (hand
//! edits and comments included) is copied to
//! `backups/<file stem>-<hash of the plan's full path>/<UTC time>.ron` in the
//! data folder; the last [`GENERATIONS_KEPT`] are kept per plan, older ones
//! are removed. The folder name is made from the plan's path, so the versions
//! of a plan are found again from its path alone; a `plan-path.txt` beside
//! them says which plan they belong to. Each version is a plan file that
//! opens like any other. `NAME.ron.bak` next to the plan is kept as well.

use super::{LoadError, Loaded, content_hash, name_hash};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use thiserror::Error;

/// How many earlier versions of each plan are kept.
pub const GENERATIONS_KEPT: usize = 5;

#[derive(Debug, Error)]
pub enum GenerationError {
    #[error(
        "There is no folder for Automap's own data on this system (set {} to choose one), so no earlier versions can be kept.",
        super::paths::DATA_DIR_ENV
    )]
    NoDataDir,
    #[error("Could not keep the earlier version of {plan} in {folder}: {source}.")]
    Io {
        plan: String,
        folder: String,
        #[source]
        source: std::io::Error,
    },
}

/// One earlier version of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    /// The copy itself (a plan file).
    pub file: PathBuf,
    /// When this version was written to the plan file (its time on disk then).
    pub written: SystemTime,
    /// When a save replaced it.
    pub replaced: SystemTime,
    /// Size in bytes.
    pub len: u64,
}

impl Generation {
    /// "Saved 3 minutes ago (12 KB)", for a menu.
    pub fn describe(&self, now: SystemTime) -> String {
        let age = now.duration_since(self.written).unwrap_or_default();
        let kb = self.len.div_ceil(1024).max(1);
        format!(
            "Saved {} ago ({kb} KB)",
            super::recovery::human_duration(age)
        )
    }
}

/// The earlier versions of all plans, in `<data folder>/backups`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generations {
    dir: PathBuf,
}

impl Generations {
    /// Versions kept under `data_dir` (created when first written to).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: super::paths::backups_dir_in(data_dir),
        }
    }

    /// Versions kept in the data folder (`$AUTOMAP_DATA_DIR` when set).
    pub fn default_location() -> Result<Self, GenerationError> {
        super::paths::data_dir()
            .map(|d| Self::new(&d))
            .ok_or(GenerationError::NoDataDir)
    }

    /// The folder holding the versions of the plan at `plan` (found again
    /// from the plan's full path).
    pub fn folder_for(&self, plan: &Path) -> PathBuf {
        let abs = std::fs::canonicalize(plan)
            .or_else(|_| std::path::absolute(plan))
            .unwrap_or_else(|_| plan.to_path_buf());
        let stem: String = abs
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .take(40)
            .collect();
        let hash = name_hash(abs.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{stem}-{hash:016x}"))
    }

    /// Copy the plan file as it is on disk now into its versions, before a
    /// save replaces it; then keep only the newest [`GENERATIONS_KEPT`].
    /// Nothing is copied when there is no regular file yet or when the
    /// newest version already has the same content. Returns the new copy.
    pub fn keep_previous(&self, plan: &Path) -> Result<Option<PathBuf>, GenerationError> {
        self.keep_previous_at(plan, SystemTime::now())
    }

    /// [`Generations::keep_previous`] at a given time (for tests).
    pub fn keep_previous_at(
        &self,
        plan: &Path,
        now: SystemTime,
    ) -> Result<Option<PathBuf>, GenerationError> {
        let Ok(meta) = std::fs::metadata(plan) else {
            return Ok(None);
        };
        if !meta.is_file() {
            return Ok(None);
        }
        let folder = self.folder_for(plan);
        let err = |source| GenerationError::Io {
            plan: plan.display().to_string(),
            folder: folder.display().to_string(),
            source,
        };
        let bytes = std::fs::read(plan).map_err(err)?;
        if let Some(newest) = self.list(plan).first()
            && std::fs::read(&newest.file).is_ok_and(|b| content_hash(&b) == content_hash(&bytes))
        {
            return Ok(None);
        }
        std::fs::create_dir_all(&folder).map_err(err)?;
        let _ = std::fs::write(
            folder.join("plan-path.txt"),
            format!(
                "{}\n",
                std::path::absolute(plan).unwrap_or_default().display()
            ),
        );
        let mut name = format!("{}.ron", utc_name(now));
        let mut n = 1;
        while folder.join(&name).exists() {
            n += 1;
            name = format!("{}-{n}.ron", utc_name(now));
        }
        let file = folder.join(name);
        super::write_file_atomic(&file, &bytes, false)
            .map_err(|e| err(std::io::Error::other(e.to_string())))?;
        // The copy carries the time the version was written, for the menu.
        if let Ok(modified) = meta.modified()
            && let Ok(f) = std::fs::File::options().write(true).open(&file)
        {
            let _ = f.set_modified(modified);
        }
        self.prune(plan);
        Ok(Some(file))
    }

    /// Remove all but the newest [`GENERATIONS_KEPT`] versions of a plan.
    fn prune(&self, plan: &Path) {
        for old in self.list(plan).iter().skip(GENERATIONS_KEPT) {
            let _ = std::fs::remove_file(&old.file);
        }
    }

    /// The earlier versions of a plan, newest first.
    pub fn list(&self, plan: &Path) -> Vec<Generation> {
        let Ok(entries) = std::fs::read_dir(self.folder_for(plan)) else {
            return Vec::new();
        };
        let mut found: Vec<(String, Generation)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".ron")?;
                let replaced = parse_utc_name(stem)?;
                let meta = e.metadata().ok().filter(std::fs::Metadata::is_file)?;
                Some((
                    name,
                    Generation {
                        file: e.path(),
                        written: meta.modified().unwrap_or(replaced),
                        replaced,
                        len: meta.len(),
                    },
                ))
            })
            .collect();
        // Names sort by time ("…-2" after the first of the same millisecond).
        found.sort_by(|a, b| b.1.replaced.cmp(&a.1.replaced).then(b.0.cmp(&a.0)));
        found.into_iter().map(|(_, g)| g).collect()
    }

    /// Read an earlier version (checked like any plan file).
    pub fn restore(&self, generation: &Generation) -> Result<Loaded, LoadError> {
        super::load(&generation.file)
    }
}

/// "2026-12-02T07-40-12.123Z": sorts by time, valid in file names everywhere.
fn utc_name(t: SystemTime) -> String {
    let since = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rest = secs % 86_400;
    format!(
        "{}T{:02}-{:02}-{:02}.{:03}Z",
        crate::roadmap::date::format(days),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        since.subsec_millis()
    )
}

/// The time in a name made by [`utc_name`] (a "-N" suffix allowed).
fn parse_utc_name(stem: &str) -> Option<SystemTime> {
    let (date, time) = stem.split_once('T')?;
    let days = crate::roadmap::date::parse(date)?;
    let time = time.split_once('Z')?.0;
    let (hms, ms) = time.split_once('.')?;
    let mut hms = hms.split('-').map(|p| p.parse::<u64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    let ms: u64 = ms.parse().ok()?;
    let secs = u64::try_from(days).ok()? * 86_400 + h * 3600 + m * 60 + s;
    Some(UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_millis(ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_time_to_the_millisecond() {
        let t = UNIX_EPOCH + Duration::from_millis(1_795_000_000_123);
        let name = utc_name(t);
        assert_eq!(name, "2026-11-18T11-06-40.123Z");
        assert_eq!(parse_utc_name(&name), Some(t));
        assert_eq!(parse_utc_name(&format!("{name}-2")), Some(t));
        assert_eq!(parse_utc_name("notes"), None);
    }
}
