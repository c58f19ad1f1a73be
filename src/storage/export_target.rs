//! Where an export may go: never over a plan. Exports replace their target,
//! with no backup, so a slip of `-o` (or of a file dialog) onto a plan file
//! would lose the plan.

use super::LoadError;
use super::file_kind::FileKind;
use std::path::Path;

/// Why an export must not write to `output`: it is the plan being exported
/// (`input`), or an existing plan file (an export never writes over a plan).
/// `None`: go ahead.
pub fn export_refusal(input: Option<&Path>, output: &Path) -> Option<String> {
    // Only an existing regular file can be a plan; a device or a pipe gets the Markdown.
    if FileKind::of(output).ok() != Some(FileKind::Regular) {
        return None;
    }
    let out = output.display();
    if input.is_some_and(|input| same_file(input, output)) {
        return Some(format!(
            "Not exporting: {out} is the plan being exported, and the Markdown would replace it. Give another output file, such as {}.",
            output.with_extension("md").display()
        ));
    }
    let is_plan = output
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
        || match super::load(output) {
            Ok(_) => true,
            Err(e) => matches!(
                e,
                LoadError::Invalid { .. } | LoadError::NewerVersion { .. }
            ),
        };
    is_plan.then(|| {
        format!(
            "Not exporting: {out} is an Automap plan file, and export never writes over a plan. Give another output file, such as {}.",
            output.with_extension("md").display()
        )
    })
}

/// Both paths name one file (through links or different spellings).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
