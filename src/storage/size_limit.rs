//! The size limit on plan files, seen from the saving side: Automap never
//! writes a plan file it would refuse to open, and says so before a plan
//! grows close to the limit.

use super::MAX_FILE_BYTES;
use std::io;

/// From this share of the limit on, a save succeeds but warns.
const WARN_SHARE: f64 = 0.8;

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn limit_mb() -> f64 {
    mb(MAX_FILE_BYTES)
}

/// `Err` (of kind `FileTooLarge`, its text the reason) when a plan text of
/// `len` bytes is more than a plan file may have: it would be written but
/// refused on the next open.
pub fn check_save_size(len: u64) -> io::Result<()> {
    if len <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "the plan would take {:.0} MB on disk, more than the {:.0} MB Automap opens, so it was not written",
            mb(len),
            limit_mb()
        ),
    ))
}

/// What to do when [`check_save_size`] refused.
pub fn what_to_do_when_too_large() -> String {
    "Move some workflows into a second plan (copy them, paste them into a new plan, then delete them here), or shorten long notes, and save again.".to_owned()
}

/// A warning for a plan text of `len` bytes that is close to the limit
/// (`None` when far from it).
pub fn size_warning(len: u64) -> Option<String> {
    if (len as f64) < MAX_FILE_BYTES as f64 * WARN_SHARE || len > MAX_FILE_BYTES {
        return None;
    }
    Some(format!(
        "This plan takes {:.0} MB on disk; Automap opens plan files up to {:.0} MB. Move some workflows into a second plan before it grows further.",
        mb(len),
        limit_mb()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_refuses_above_and_warns_close_to_it() {
        assert!(check_save_size(MAX_FILE_BYTES).is_ok());
        let e = check_save_size(MAX_FILE_BYTES + 1).expect_err("above the limit");
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(e.to_string().contains("more than the 50 MB"), "{e}");
        assert_eq!(size_warning(1024), None);
        let near = size_warning(MAX_FILE_BYTES - 1).unwrap_or_default();
        assert!(near.contains("up to 50 MB"), "{near}");
    }
}
