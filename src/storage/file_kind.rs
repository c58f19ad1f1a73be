//! What kind of file a path names, and whether Automap may read a plan from it
//! or write over it.
//!
//! A plan is only ever read from a regular file (after following symbolic
//! links): opening a named pipe (FIFO) for reading waits forever for a writer,
//! and a device has no end. Writing is atomic (temp file, rename) only for
//! regular files; renaming over `/dev/null` or a FIFO would replace the
//! device with a plain file, so exports go straight into them instead and a
//! plan is never saved into one.

use std::io;
use std::path::Path;

/// The kind of thing a path names, after following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Nothing there yet.
    Missing,
    Regular,
    Directory,
    /// A named pipe.
    Fifo,
    /// A character device such as `/dev/null` or a terminal.
    CharDevice,
    BlockDevice,
    Socket,
    /// Anything else the system may have.
    Other,
}

impl FileKind {
    /// The kind of `path`, following symbolic links. A missing file is
    /// [`FileKind::Missing`]; a broken link or a loop of links is an error.
    pub fn of(path: &Path) -> io::Result<Self> {
        match std::fs::metadata(path) {
            Ok(meta) => Ok(Self::from_type(meta.file_type())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // A link pointing nowhere is "missing" too, but writing through
                // it would create its target: only a plain missing name counts.
                match std::fs::symlink_metadata(path) {
                    Ok(_) => Err(e),
                    Err(_) => Ok(FileKind::Missing),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// The kind from a file type already read.
    pub fn from_type(t: std::fs::FileType) -> Self {
        if t.is_file() {
            return FileKind::Regular;
        }
        if t.is_dir() {
            return FileKind::Directory;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return FileKind::Fifo;
            }
            if t.is_char_device() {
                return FileKind::CharDevice;
            }
            if t.is_block_device() {
                return FileKind::BlockDevice;
            }
            if t.is_socket() {
                return FileKind::Socket;
            }
        }
        FileKind::Other
    }

    /// "a named pipe (FIFO)", "a folder", …: for sentences.
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Missing => "missing",
            FileKind::Regular => "a file",
            FileKind::Directory => "a folder, not a file",
            FileKind::Fifo => "a named pipe (FIFO), not a file",
            FileKind::CharDevice => "a device, not a file",
            FileKind::BlockDevice => "a disk device, not a file",
            FileKind::Socket => "a socket, not a file",
            FileKind::Other => "not a regular file",
        }
    }

    /// Written to directly instead of atomically replaced: devices that take a
    /// stream of bytes (`/dev/null`, `/dev/stdout`, a terminal) and named pipes.
    pub fn takes_a_stream(self) -> bool {
        matches!(self, FileKind::Fifo | FileKind::CharDevice)
    }
}

/// The reason a plan cannot be read from `path`, before anything is opened:
/// `Ok(())` for a regular file; an error of kind `InvalidInput` whose text is
/// the reason ("it is a named pipe (FIFO), not a file") for anything else.
/// Errors from the system (no such file, a loop of links) come back as they are.
pub fn check_readable(path: &Path) -> io::Result<()> {
    match FileKind::of(path)? {
        FileKind::Regular => Ok(()),
        FileKind::Missing => Err(io::Error::from(io::ErrorKind::NotFound)),
        other => Err(not_a_file(other)),
    }
}

/// The error for a path that is not a regular file.
pub fn not_a_file(kind: FileKind) -> io::Error {
    if kind == FileKind::Directory {
        return io::Error::from(io::ErrorKind::IsADirectory);
    }
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {}", kind.describe()),
    )
}

/// True when the error is the system saying symbolic links point at each
/// other in a loop (so the file can never be reached).
pub fn is_link_loop(e: &io::Error) -> bool {
    // ELOOP: 40 on Linux, 62 on the BSDs and macOS.
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(all(unix, not(target_os = "linux")))]
    const ELOOP: i32 = 62;
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Our own words for the errors this module makes, or `None` to let the caller
/// describe a system error.
pub fn reason(e: &io::Error) -> Option<String> {
    if is_link_loop(e) {
        return Some(
            "its symbolic links point at each other in a loop, so no file is reached".to_owned(),
        );
    }
    if e.kind() == io::ErrorKind::InvalidInput && e.get_ref().is_some() {
        return Some(e.to_string());
    }
    None
}

/// How bytes reach a path.
pub(super) enum Route {
    /// Temp file and rename (a regular file, or nothing there yet).
    Atomic,
    /// Straight into it (a device or a named pipe, for an export).
    Stream,
    /// Not at all, for this reason.
    Refuse(io::Error),
}

/// How to write to `path`. `streams_allowed`: exports may go into a device or
/// a named pipe; a plan is saved only into a regular file.
pub(super) fn route(path: &Path, streams_allowed: bool) -> Route {
    match FileKind::of(path) {
        Ok(FileKind::Missing | FileKind::Regular) => Route::Atomic,
        Ok(kind) if kind.takes_a_stream() && streams_allowed => Route::Stream,
        Ok(kind) => Route::Refuse(not_a_file(kind)),
        Err(e) if is_link_loop(&e) => Route::Refuse(e),
        // A broken link and the like: the atomic write says what is wrong.
        Err(_) => Route::Atomic,
    }
}

/// Write straight into a device or a named pipe (no temp file, no rename).
pub(super) fn write_stream(
    path: &Path,
    fill: &mut dyn FnMut(&mut std::fs::File) -> io::Result<()>,
) -> Result<(), super::atomic::AtomicError> {
    use super::atomic::{AtomicError, Stage};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|source| AtomicError {
            stage: Stage::Create,
            source,
        })?;
    fill(&mut file)
        .and_then(|()| io::Write::flush(&mut file))
        .map_err(|source| AtomicError {
            stage: Stage::Write,
            source,
        })
}

/// Give `new` the owner and group of the file it replaces, where this process
/// may (saving as root must not leave someone's plan owned by root).
pub(super) fn keep_owner(new: &Path, old: Option<&std::fs::Metadata>) {
    #[cfg(unix)]
    if let Some(old) = old {
        use std::os::unix::fs::MetadataExt;
        let same =
            std::fs::metadata(new).is_ok_and(|m| m.uid() == old.uid() && m.gid() == old.gid());
        if !same {
            // Only root (or the owner, for the group) may; otherwise the new
            // file stays the saver's, as with any editor.
            let _ = std::os::unix::fs::chown(new, Some(old.uid()), Some(old.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (new, old);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) -> bool {
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    }

    #[test]
    fn kinds_follow_links_and_name_pipes_and_devices() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("plan.ron");
        std::fs::write(&file, "()").expect("written");
        assert_eq!(FileKind::of(&file).ok(), Some(FileKind::Regular));
        assert_eq!(
            FileKind::of(&dir.path().join("none.ron")).ok(),
            Some(FileKind::Missing)
        );
        assert_eq!(FileKind::of(dir.path()).ok(), Some(FileKind::Directory));
        assert!(check_readable(&file).is_ok());
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe.ron");
            assert!(mkfifo(&fifo), "mkfifo runs");
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&fifo, &link).expect("a link");
            assert_eq!(FileKind::of(&link).ok(), Some(FileKind::Fifo));
            let e = check_readable(&link).expect_err("a pipe is refused");
            assert_eq!(
                reason(&e).as_deref(),
                Some("it is a named pipe (FIFO), not a file")
            );
            assert_eq!(
                FileKind::of(Path::new("/dev/null")).ok(),
                Some(FileKind::CharDevice)
            );
            // Two links pointing at each other: our own sentence.
            let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
            std::os::unix::fs::symlink(&b, &a).expect("a link");
            std::os::unix::fs::symlink(&a, &b).expect("a link");
            let e = check_readable(&a).expect_err("a loop is refused");
            assert!(is_link_loop(&e), "{e}");
            // A link to nowhere is not a missing file.
            let dangling = dir.path().join("dangling.ron");
            std::os::unix::fs::symlink(dir.path().join("gone.ron"), &dangling).expect("a link");
            assert!(FileKind::of(&dangling).is_err());
        }
    }
}
