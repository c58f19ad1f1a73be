//! Which recovery copies to offer on start, decided by content.
//!
//! A copy is offered when its plan differs from the plan in the file on disk
//! (or the file is gone, or the plan was never saved), whatever the files'
//! times say: a `touch`, a `git pull` or a sync tool changes a file's time
//! without making the unsaved work in the copy any less worth keeping. The
//! offer says which of the two is newer. Copies are moved aside while the
//! owner decides, so that neither the running autosave nor a save can remove
//! them; only [`RecoveryStore::discard_copy`] (the owner chose) or
//! [`RecoveryStore::adopt`] (the owner restored it) does.

use super::recovery::{RecoveryError, RecoveryInfo, RecoveryKey, RecoveryStore};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Which of a recovery copy and its plan file was written last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newer {
    /// The copy was written after the file (the usual crash).
    Copy,
    /// The file changed after the copy was written (another program, or a touch).
    File,
    /// No file to compare with: never saved, or gone.
    NoFile,
}

impl RecoveryInfo {
    /// Which is newer, the copy or its plan file, by their times.
    pub fn newer(&self) -> Newer {
        match (self.plan_path(), self.saved_modified) {
            (None, _) | (Some(_), None) => Newer::NoFile,
            (Some(_), Some(_)) if self.saved_file_is_newer() => Newer::File,
            (Some(_), Some(_)) => Newer::Copy,
        }
    }

    /// True when the copy holds the same plan as its file on disk (nothing to
    /// recover). A copy or file that cannot be read counts as different.
    pub fn same_as_saved_file(&self) -> bool {
        let Some(path) = self.plan_path() else {
            return false;
        };
        let (Ok(saved), Ok(copy)) = (super::load(path), super::load(&self.file)) else {
            return false;
        };
        saved.plan == copy.plan
    }
}

impl RecoveryStore {
    /// Every recovery copy whose plan differs from its file on disk, newest
    /// first. Copies equal to their file are left alone and not offered.
    pub fn offers(&self) -> Vec<RecoveryInfo> {
        self.list()
            .into_iter()
            .filter(|i| !i.same_as_saved_file())
            .collect()
    }

    /// [`RecoveryStore::offers`], each copy moved aside first (see
    /// [`RecoveryStore::set_aside`]). Call once on start.
    pub fn take_offers(&self) -> Vec<RecoveryInfo> {
        self.offers()
            .into_iter()
            .map(|info| match self.set_aside(&info) {
                Ok(moved) => moved,
                Err(e) => {
                    log::warn!("{e}");
                    info
                }
            })
            .collect()
    }

    /// Move a copy from the name its plan autosaves to, to a name of its own,
    /// so that autosaving or saving the same plan now cannot replace or remove
    /// it. Returns where it is now (a copy already aside stays where it is).
    pub fn set_aside(&self, info: &RecoveryInfo) -> Result<RecoveryInfo, RecoveryError> {
        if info.file != self.path_for(&info.key) {
            return Ok(info.clone());
        }
        let ms = info
            .written
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let stem = info
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut to = self.recovery_dir().join(format!("{stem}.earlier-{ms}.ron"));
        let mut n = 1;
        while to.exists() {
            n += 1;
            to = self
                .recovery_dir()
                .join(format!("{stem}.earlier-{ms}-{n}.ron"));
        }
        move_file(&info.file, &to)?;
        Ok(RecoveryInfo {
            file: to,
            ..info.clone()
        })
    }

    /// The owner restored this copy: it becomes the plan's live recovery copy
    /// again (replaced by the next autosave, removed by the next save).
    pub fn adopt(&self, info: &RecoveryInfo) -> Result<RecoveryInfo, RecoveryError> {
        let to = self.path_for(&info.key);
        if info.file != to {
            move_file(&info.file, &to)?;
        }
        Ok(RecoveryInfo {
            file: to,
            ..info.clone()
        })
    }

    /// Remove one copy the owner chose to throw away.
    pub fn discard_copy(&self, info: &RecoveryInfo) -> Result<(), RecoveryError> {
        match std::fs::remove_file(&info.file) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(RecoveryError::Io {
                action: "remove",
                path: info.file.display().to_string(),
                source,
            }),
        }
    }

    /// The copies of one plan (the live one and any set aside), newest first.
    pub fn copies_of(&self, key: &RecoveryKey) -> Vec<RecoveryInfo> {
        self.list().into_iter().filter(|i| &i.key == key).collect()
    }
}

fn move_file(from: &Path, to: &PathBuf) -> Result<(), RecoveryError> {
    std::fs::rename(from, to).map_err(|source| RecoveryError::Io {
        action: "move the recovery copy",
        path: from.display().to_string(),
        source,
    })
}
