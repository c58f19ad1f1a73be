//! `automap diff OLD NEW`: what changed between two plan files.

use super::{EXIT_INVALID, EXIT_OK};
use crate::model::Plan;
use crate::storage;
use clap::ValueEnum;
use std::io::Write;
use std::path::Path;

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Markdown, for a pull request or a planning session.
    Md,
    /// The changes as one JSON object.
    Json,
}

/// `automap diff`: the changes from `old` to `new` on `out`. Exit 0 whatever
/// changed; 2 when a file cannot be read or is not a valid plan, or the
/// output cannot be written.
pub fn run_diff(
    old: &Path,
    new: &Path,
    format: DiffFormat,
    labels: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut plans = Vec::with_capacity(2);
    let mut failed = false;
    for file in [old, new] {
        // Git passes /dev/null for the side of a file added or deleted.
        if file == Path::new("/dev/null") {
            plans.push(Plan::new(""));
            continue;
        }
        match storage::load(file) {
            Ok(l) => plans.push(l.plan),
            Err(e) => {
                let _ = writeln!(err, "{e}");
                failed = true;
            }
        }
    }
    let [a, b] = plans.as_slice() else {
        return EXIT_INVALID;
    };
    if failed {
        return EXIT_INVALID;
    }
    let changes = crate::diff::diff(a, b);
    let text = match format {
        DiffFormat::Md => {
            let name = |k: usize, path: &Path| {
                labels
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| path.display().to_string())
            };
            crate::diff::markdown(&changes, &name(0, old), &name(1, new))
        }
        DiffFormat::Json => match serde_json::to_string_pretty(&changes) {
            Ok(json) => json + "\n",
            Err(e) => {
                let _ = writeln!(err, "Could not write the changes as JSON: {e}.");
                return EXIT_INVALID;
            }
        },
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        // A reader that stopped early (`| head`) has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "Could not write the changes to standard output: {e}.");
            EXIT_INVALID
        }
    }
}
