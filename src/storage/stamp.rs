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
    /// 64-bit hash of the bytes ([`content_hash`]).
    pub hash: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of a short byte string. Stable across versions: recovery copies are
/// named by it, so an update still finds the copies an older version left.
pub fn name_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |state, b| {
        (state ^ u64::from(*b)).wrapping_mul(FNV_PRIME)
    })
}

/// Multiplier of the word hash (from FxHash); odd, with well-spread bits.
const WORD_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hash of some bytes, as stored in a [`FileStamp`]: eight bytes at a time
/// (a 10,000-step plan hashes in about a millisecond), with the length mixed
/// in so that trailing zero bytes still count. Only compared within one run
/// of the program, never stored.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mix = |state: u64, word: u64| (state.rotate_left(5) ^ word).wrapping_mul(WORD_SEED);
    let mut words = bytes.chunks_exact(8);
    let mut state = FNV_OFFSET;
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        state = mix(state, u64::from_le_bytes(word));
    }
    let mut tail = [0u8; 8];
    let rest = words.remainder();
    if let Some(t) = tail.get_mut(..rest.len()) {
        t.copy_from_slice(rest);
    }
    state = mix(state, u64::from_le_bytes(tail));
    mix(state, bytes.len() as u64)
}

fn hash_file(path: &Path) -> std::io::Result<u64> {
    // Plan files are at most 50 MB; reading whole keeps the hash word-aligned.
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.read_to_end(&mut bytes)?;
    Ok(content_hash(&bytes))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_changed_byte_changes_the_hash() {
        let text: Vec<u8> = (0..50u8).collect();
        let base = content_hash(&text);
        for i in 0..text.len() {
            let mut changed = text.clone();
            if let Some(b) = changed.get_mut(i) {
                *b ^= 1;
            }
            assert_ne!(content_hash(&changed), base, "byte {i}");
        }
        // A trailing zero byte (same words, longer file) is a change too.
        let mut longer = text.clone();
        longer.push(0);
        assert_ne!(content_hash(&longer), base);
        assert_ne!(content_hash(b""), content_hash(b"\0"));
    }

    #[test]
    fn a_file_hashes_like_its_bytes_and_recovery_names_stay_fnv() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("plan.ron");
        let bytes = b"(name: \"Plan\")\n".repeat(10_000);
        std::fs::write(&path, &bytes).expect("written");
        assert_eq!(hash_file(&path).ok(), Some(content_hash(&bytes)));
        let stamp = FileStamp::from_bytes(&path, &bytes);
        assert!(stamp.matches(&path));
        // Recovery copies are named with FNV-1a: the published test vector.
        assert_eq!(name_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
