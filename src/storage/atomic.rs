//! Atomic file replacement: temp file in the same folder, write, flush, sync,
//! rename over the target, sync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Which step of an atomic write failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Creating the temporary file next to the target.
    Create,
    /// Writing or syncing the content.
    Write,
    /// Keeping the previous version as a backup.
    Backup,
    /// Renaming the temporary file over the target.
    Replace,
}

/// The failure of an atomic write: where it happened and why.
#[derive(Debug)]
pub struct AtomicError {
    pub stage: Stage,
    pub source: io::Error,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The folder a path lives in ("." for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `NAME.ron` → `NAME.ron.bak`, in the same folder.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

fn temp_path(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.{what}-{}-{n}.tmp", std::process::id()))
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable. Not every platform or file system allows
    // opening a folder; the rename itself is still atomic there.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Write `tmp` completely (via `fill`) and sync it; remove it on failure.
fn write_temp(
    tmp: &Path,
    permissions: Option<fs::Permissions>,
    fill: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> Result<(), AtomicError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(|source| AtomicError {
            stage: Stage::Create,
            source,
        })?;
    let result = (|| {
        fill(&mut file)?;
        file.flush()?;
        if let Some(p) = permissions {
            // Keep the old file's permissions; failing to do so is not worth losing a save.
            let _ = file.set_permissions(p);
        }
        file.sync_all()
    })();
    if let Err(source) = result {
        drop(file);
        let _ = fs::remove_file(tmp);
        return Err(AtomicError {
            stage: Stage::Write,
            source,
        });
    }
    Ok(())
}

/// Replace `target` with what `fill` writes, atomically: at every moment the
/// file on disk is either the complete old or the complete new content. When
/// `keep_backup` is set and the target exists, its previous content is kept as
/// `NAME.bak` first. On error the target is unchanged and no temp file is left.
pub fn replace_with(
    target: &Path,
    keep_backup: bool,
    fill: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> Result<(), AtomicError> {
    // Saving through a symbolic link replaces the file it points to, not the link.
    let target = match fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())
        }
        _ => target.to_path_buf(),
    };
    let dir = parent_dir(&target);
    let old_meta = fs::metadata(&target).ok();
    let tmp = temp_path(&target, "new");
    write_temp(&tmp, old_meta.as_ref().map(|m| m.permissions()), fill)?;
    super::file_kind::keep_owner(&tmp, old_meta.as_ref());

    if keep_backup && old_meta.as_ref().is_some_and(|m| m.is_file()) {
        let bak = backup_path(&target);
        let bak_tmp = temp_path(&target, "bak");
        // A second name for the old file costs nothing and needs no copy: the
        // rename below gives the target a new file and leaves the old one to
        // the backup. File systems without hard links get a synced copy.
        let copied = fs::hard_link(&target, &bak_tmp)
            .or_else(|_| {
                let _ = fs::remove_file(&bak_tmp);
                fs::copy(&target, &bak_tmp)
                    .and_then(|_| File::open(&bak_tmp).and_then(|f| f.sync_all()))
            })
            .and_then(|()| fs::rename(&bak_tmp, &bak));
        if let Err(source) = copied {
            let _ = fs::remove_file(&bak_tmp);
            let _ = fs::remove_file(&tmp);
            return Err(AtomicError {
                stage: Stage::Backup,
                source,
            });
        }
    }

    if let Err(source) = fs::rename(&tmp, &target) {
        let _ = fs::remove_file(&tmp);
        return Err(AtomicError {
            stage: Stage::Replace,
            source,
        });
    }
    sync_dir(&dir);
    remove_stale_temps(&target);
    Ok(())
}

/// Remove temp files an earlier save of `target` left behind when its process
/// was killed: those of a process that no longer runs (where that can be
/// told), or older than an hour.
fn remove_stale_temps(target: &Path) {
    let (Some(name), Some(dir)) = (target.file_name(), target.parent()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let proc_fs = Path::new("/proc/self").exists();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        // rest is "new-PID-N" or "bak-PID-N".
        let mut parts = rest.split('-');
        let (Some(kind), Some(pid), Some(_n), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if !matches!(kind, "new" | "bak") {
            continue;
        }
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let dead = proc_fs && !Path::new("/proc").join(pid.to_string()).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if dead || old {
            let _ = fs::remove_file(entry.path());
        }
    }
}
