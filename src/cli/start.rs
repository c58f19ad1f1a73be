//! `automap import` and `automap new`: plans that start from a file the owner
//! already has, or from a bundled template. Both write a new plan file and
//! never replace one that exists.

use super::{EXIT_INVALID, EXIT_OK};
use crate::import::{self, templates};
use crate::model::Plan;
use crate::storage;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a new plan goes: `-o`, or the default name in the current folder.
fn target(output: Option<&Path>, default: PathBuf) -> PathBuf {
    output.map_or(default, Path::to_path_buf)
}

/// Write a new plan file, refusing to replace one that exists.
fn write_new(plan: &Plan, path: &Path, err: &mut dyn Write) -> Result<(), i32> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => {
            let what = if meta.is_dir() {
                "is a folder"
            } else {
                "already exists"
            };
            let _ = writeln!(
                err,
                "{} {what}; Automap does not replace it with a new plan. Choose another name with -o, or move the file away first.",
                path.display()
            );
            return Err(EXIT_INVALID);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            let _ = writeln!(
                err,
                "Cannot check whether {} exists: {e}. Nothing was written.",
                path.display()
            );
            return Err(EXIT_INVALID);
        }
    }
    storage::save(plan, path).map_err(|e| {
        let _ = writeln!(err, "{e}");
        EXIT_INVALID
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn describe(plan: &Plan) -> String {
    format!(
        "{}, {}",
        plural(plan.workflows.len(), "workflow", "workflows"),
        plural(plan.step_count(), "step", "steps")
    )
}

/// `automap import FILE [-o PLAN.ron]`: a new plan from a spreadsheet, a
/// checklist or a Mermaid flowchart. Without `-o` the plan goes next to FILE,
/// with the extension `.ron`.
pub fn run_import(
    file: &Path,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let imported = match import::import_file(file) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_INVALID;
        }
    };
    let path = target(output, file.with_extension("ron"));
    let format = imported.format.map_or("file", import::Format::label);
    let notes = imported.notes.clone();
    let name = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Imported plan")
        .to_owned();
    let plan = imported.into_plan(&name);
    if let Err(code) = write_new(&plan, &path, err) {
        return code;
    }
    for n in &notes {
        let _ = writeln!(err, "Note: {n}.");
    }
    let _ = writeln!(
        out,
        "Imported {} as a {format}: wrote {} ({}). Open it with: automap {}",
        file.display(),
        path.display(),
        describe(&plan),
        path.display()
    );
    EXIT_OK
}

/// `automap new --list`: the templates, one per line.
pub fn run_list(out: &mut dyn Write) -> i32 {
    let width = templates::TEMPLATES
        .iter()
        .map(|t| t.name.len())
        .max()
        .unwrap_or(0);
    for t in templates::TEMPLATES {
        let _ = writeln!(
            out,
            "{:width$}  {}: {}",
            t.name,
            t.title,
            t.summary,
            width = width
        );
    }
    EXIT_OK
}

/// `automap new --template NAME [-o FILE]`: a new plan from a template,
/// written to FILE or to NAME.ron in the current folder.
pub fn run_new(
    template: Option<&str>,
    list: bool,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    if list {
        return run_list(out);
    }
    let Some(name) = template else {
        let _ = writeln!(
            err,
            "Say which template to start from, e.g. automap new --template order-fulfillment; automap new --list shows them all."
        );
        return EXIT_INVALID;
    };
    let Some(t) = templates::find(name) else {
        let names: Vec<&str> = templates::TEMPLATES.iter().map(|t| t.name).collect();
        let _ = writeln!(
            err,
            "There is no template called \"{name}\". Use one of: {}.",
            names.join(", ")
        );
        return EXIT_INVALID;
    };
    let plan = match t.plan() {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_INVALID;
        }
    };
    let path = target(output, PathBuf::from(format!("{}.ron", t.name)));
    if let Err(code) = write_new(&plan, &path, err) {
        return code;
    }
    let _ = writeln!(
        out,
        "Wrote {} from the template \"{}\" ({}). Open it with: automap {}",
        path.display(),
        t.title,
        describe(&plan),
        path.display()
    );
    EXIT_OK
}
