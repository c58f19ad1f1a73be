//! Bringing work in from elsewhere: a spreadsheet (CSV or TSV), a Markdown or
//! plain checklist, or a Mermaid flowchart (Automap's own export included),
//! and the bundled templates.
//!
//! An import either succeeds whole or fails with an [`ImportError`] that names
//! the line (and column) and says what to fix: nothing is half-imported. The
//! result is a list of workflows with ids of their own; [`Imported::into_plan`]
//! makes a new plan of them and [`Imported::insert_edit`] one edit that adds
//! them to an open plan (one undo step).

mod amounts;
mod checklist;
mod mermaid;
mod table;
pub mod templates;

pub use amounts::{parse_frequency, parse_minutes};

use crate::edit::Edit;
use crate::model::{Plan, StepId, Workflow, WorkflowId};
use std::collections::HashMap;
use std::path::Path;
use thiserror::Error;

/// Files larger than this are refused.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;
/// At most this many steps come from one import.
pub const MAX_IMPORT_STEPS: usize = 20_000;
/// Notes and other long texts are cut to this many characters.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// What kind of file an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A spreadsheet export: comma, semicolon or tab separated.
    Table,
    /// A Markdown or plain checklist.
    Checklist,
    /// A Mermaid flowchart, bare or in the `mermaid` code blocks of a Markdown file.
    Mermaid,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Table => "spreadsheet (CSV/TSV)",
            Format::Checklist => "checklist",
            Format::Mermaid => "Mermaid flowchart",
        }
    }
}

/// Why a file could not be imported. `Display` gives the place (when there is
/// one), what is wrong and what to do, without the file name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is empty, so there is nothing to import — choose a file with steps in it")]
    Empty,
    #[error(
        "the file is {size} bytes, more than the {MAX_IMPORT_BYTES} bytes an import may have — split it and import the parts"
    )]
    TooLarge { size: usize },
    #[error(
        "line {line}, column {column}: the file is not UTF-8 text; is it really a spreadsheet, a checklist or a Mermaid diagram? — save it as UTF-8 text (\"CSV UTF-8\" in a spreadsheet) and import again"
    )]
    NotText { line: usize, column: usize },
    #[error("{} — {fix}", place(*.line, *.column, problem))]
    At {
        line: usize,
        column: Option<usize>,
        problem: String,
        fix: String,
    },
    #[error(
        "this is an Automap plan file already, not something to import — open it instead (automap FILE, or File → Open in the window)"
    )]
    AlreadyAPlan,
    #[error("{problem} — {fix}")]
    NoSteps { problem: String, fix: String },
    #[error(
        "the file would make {count} steps, more than the {MAX_IMPORT_STEPS} one import may make — split it and import the parts"
    )]
    TooManySteps { count: usize },
}

fn place(line: usize, column: Option<usize>, problem: &str) -> String {
    match column {
        Some(c) => format!("line {line}, column {c}: {problem}"),
        None => format!("line {line}: {problem}"),
    }
}

impl ImportError {
    /// Line and column (1-based) where the problem is, when known.
    pub fn position(&self) -> Option<(usize, Option<usize>)> {
        match self {
            ImportError::NotText { line, column } => Some((*line, Some(*column))),
            ImportError::At { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    pub(crate) fn at(line: usize, column: Option<usize>, problem: String, fix: &str) -> Self {
        ImportError::At {
            line,
            column,
            problem,
            fix: fix.to_owned(),
        }
    }
}

/// Workflows read from a file, with what was left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    pub format: Option<Format>,
    /// Each workflow's step ids run 1, 2, 3 … in import order; [`Imported::insert_edit`]
    /// and [`Imported::into_plan`] give them ids free in the target plan.
    pub workflows: Vec<Workflow>,
    /// Things the import read past, in words ("column \"Cost\" was not used").
    pub notes: Vec<String>,
}

impl Imported {
    pub fn step_count(&self) -> usize {
        self.workflows.iter().map(|w| w.steps.len()).sum()
    }

    /// A new plan holding the imported workflows.
    pub fn into_plan(self, name: &str) -> Plan {
        let mut plan = Plan::new(name);
        plan.workflows = renumber(&plan, self.workflows);
        plan
    }

    /// The one edit that adds the imported workflows to `plan`, after its
    /// existing workflows, with ids not used in it.
    pub fn insert_edit(&self, plan: &Plan) -> Edit {
        let workflows = renumber(plan, self.workflows.clone());
        let at = plan.workflows.len();
        Edit::Batch(
            workflows
                .into_iter()
                .enumerate()
                .map(|(i, workflow)| Edit::InsertWorkflow {
                    index: at + i,
                    workflow,
                })
                .collect(),
        )
    }
}

/// Give workflows ids free in `plan`: workflow ids after its largest, step
/// ids after its largest, links following their steps.
fn renumber(plan: &Plan, workflows: Vec<Workflow>) -> Vec<Workflow> {
    let mut next_wf = plan.next_workflow_id().0;
    let mut next_step = plan.next_step_id().0;
    workflows
        .into_iter()
        .map(|mut w| {
            w.id = WorkflowId(next_wf);
            next_wf = next_wf.saturating_add(1);
            let mut map: HashMap<StepId, StepId> = HashMap::with_capacity(w.steps.len());
            for s in &mut w.steps {
                let id = StepId(next_step);
                next_step = next_step.saturating_add(1);
                map.insert(s.id, id);
                s.id = id;
            }
            for l in &mut w.links {
                l.from = map.get(&l.from).copied().unwrap_or(l.from);
                l.to = map.get(&l.to).copied().unwrap_or(l.to);
            }
            w
        })
        .collect()
}

/// Import a file from disk, choosing the format by extension and content.
pub fn import_file(path: &Path) -> Result<Imported, ImportFileError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportFileError::read(path, &e))?;
    if !meta.is_file() {
        return Err(ImportFileError::NotAFile(path.display().to_string()));
    }
    if meta.len() > MAX_IMPORT_BYTES as u64 {
        return Err(ImportFileError::Content {
            file: path.display().to_string(),
            error: ImportError::TooLarge {
                size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            },
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ImportFileError::read(path, &e))?;
    import_bytes(&bytes, path).map_err(|error| ImportFileError::Content {
        file: path.display().to_string(),
        error,
    })
}

/// [`import_file`] failed: the file could not be read, or its content could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportFileError {
    #[error("Cannot read {file}: {reason}. Check the path and the file name.")]
    Read { file: String, reason: String },
    #[error(
        "Cannot import {0}: it is not a regular file. Choose a CSV, TSV, Markdown, text or Mermaid file."
    )]
    NotAFile(String),
    #[error("{}", content_message(file, error))]
    Content { file: String, error: ImportError },
}

fn content_message(file: &str, error: &ImportError) -> String {
    let sep = if error.position().is_some() {
        ", "
    } else {
        ": "
    };
    let text = error.to_string();
    let stop = if text.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{file}{sep}{text}{stop} Nothing was imported.")
}

impl ImportFileError {
    fn read(path: &Path, e: &std::io::Error) -> Self {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "there is no such file or folder".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        };
        ImportFileError::Read {
            file: path.display().to_string(),
            reason,
        }
    }
}

/// Import bytes read from `path` (only its extension and stem are used).
pub fn import_bytes(bytes: &[u8], path: &Path) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let ext_is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if ext_is_ron {
        return Err(ImportError::AlreadyAPlan);
    }
    let text = text_of(bytes)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(name_from_stem)
        .unwrap_or_default();
    import_text(text, &ext, &stem)
}

/// "order-fulfillment_v2" → "Order fulfillment v2".
fn name_from_stem(stem: &str) -> String {
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Bytes as text: UTF-8 without a byte-order mark; NUL bytes mean binary.
fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bad_at = |offset: usize| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        ImportError::NotText { line, column }
    };
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(bad_at(nul));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| bad_at(e.valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Which format a text is, from its extension (lower case, no dot) and content.
pub fn detect(text: &str, ext: &str) -> Format {
    match ext {
        "csv" | "tsv" | "tab" => return Format::Table,
        "mmd" | "mermaid" => return Format::Mermaid,
        _ => {}
    }
    if mermaid::looks_like_mermaid(text) {
        return Format::Mermaid;
    }
    if matches!(ext, "md" | "markdown" | "txt" | "text") {
        return Format::Checklist;
    }
    if table::looks_like_table(text) {
        Format::Table
    } else {
        Format::Checklist
    }
}

/// Import text. `ext` is the file extension (lower case, no dot; may be empty)
/// and `name` the name for a workflow that carries none in the text.
pub fn import_text(text: &str, ext: &str, name: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: text.len() });
    }
    let name = if name.trim().is_empty() {
        "Imported workflow"
    } else {
        name
    };
    let format = detect(text, ext);
    let mut imported = match format {
        Format::Table => table::import(text, ext, name)?,
        Format::Checklist => checklist::import(text, name)?,
        Format::Mermaid => mermaid::import(text, name)?,
    };
    imported.format = Some(format);
    let count = imported.step_count();
    if count == 0 {
        return Err(ImportError::NoSteps {
            problem: format!("no steps were found in this {}", format.label()),
            fix: match format {
                Format::Table => "give the first row column names (Title, Owner, System, How often, Minutes …) and put one step on each row after it",
                Format::Checklist => "write one step per line, as a list (\"- Pack the order\")",
                Format::Mermaid => "write a flowchart with nodes and arrows (flowchart LR, a[\"Pack order\"] --> b[\"Ship\"])",
            }
            .to_owned(),
        });
    }
    if count > MAX_IMPORT_STEPS {
        return Err(ImportError::TooManySteps { count });
    }
    for w in &mut imported.workflows {
        lay_out(w);
    }
    Ok(imported)
}

/// Place the steps of a workflow as "Tidy up" would.
pub(crate) fn lay_out(w: &mut Workflow) {
    let by_id: HashMap<StepId, crate::model::Pos> =
        crate::edit::layout::tidy_positions(w).into_iter().collect();
    for s in &mut w.steps {
        if let Some(p) = by_id.get(&s.id) {
            s.pos = *p;
        }
    }
}

/// Cut a text to [`MAX_TEXT_CHARS`] characters.
pub(crate) fn clamp_text(s: &str) -> String {
    match s.char_indices().nth(MAX_TEXT_CHARS) {
        Some((end, _)) => s[..end].trim_end().to_owned(),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests;
