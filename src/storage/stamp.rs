//! Detect that a file changed on disk since it was read.

use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

/// What a file looked like when it was read or written: size, modification
/// time and a hash of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// 64-bit FNV-1a hash of the bytes.
    pub hash: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over a byte slice, continuing from `state`.
fn fnv1a(mut state: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        state ^= u64::from(*b);
        state = state.wrapping_mul(FNV_PRIME);
    }
    state
}

/// Hash of some bytes, as stored in a [`FileStamp`].
pub fn content_hash(bytes: &[u8]) -> u64 {
    fnv1a(FNV_OFFSET, bytes)
}

fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut f = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut state = FNV_OFFSET;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(state);
        }
        state = fnv1a(state, buf.get(..n).unwrap_or_default());
    }
}

impl FileStamp {
    /// A stamp from bytes just read from (or written to) `path`.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Self {
        let meta = std::fs::metadata(path).ok();
        Self {
            len: bytes.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            hash: content_hash(bytes),
        }
    }

    /// True when the file at `path` still has the content this stamp describes.
    /// A file that was only touched (same bytes, new time) counts as unchanged;
    /// a file that is gone or unreadable counts as changed.
    pub fn matches(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return false;
        };
        if meta.len() != self.len {
            return false;
        }
        if meta.modified().ok() == self.modified && self.modified.is_some() {
            return true;
        }
        hash_file(path).is_ok_and(|h| h == self.hash)
    }
}

/// The stamp of the file at `path` now.
pub fn stamp(path: &Path) -> std::io::Result<FileStamp> {
    let meta = std::fs::metadata(path)?;
    Ok(FileStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        hash: hash_file(path)?,
    })
}
