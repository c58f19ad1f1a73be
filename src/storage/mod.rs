//! Load, validate and save plan files (RON).
//!
//! CONTRACT (the UI and CLI build on these; extend, don't rename):
//! - `load(path) -> Result<Loaded, LoadError>`; `Loaded { plan, problems }`
//!   where problems are validation notices that did not stop loading (a plan
//!   with error-level problems is refused as [`LoadError::Invalid`], which lists
//!   every problem);
//! - `save(plan, path) -> Result<(), SaveError>`: atomic, keeps `NAME.ron.bak`;
//! - `to_ron(plan) -> String` and `from_str(text, name) -> Result<Loaded, LoadError>`;
//! - `stamp(path)` / [`FileStamp::matches`]: has the file changed on disk since it was read?
//! - [`recovery`]: recovery copies of open plans and crash reports.

mod atomic;
mod export_target;
mod fields;
pub mod file_kind;
pub mod generations;
mod hand_edits;
pub mod job;
mod offers;
pub mod paths;
mod problems;
pub mod recovery;
mod size_limit;
mod stamp;
mod text_scan;
mod unknown;

pub use atomic::backup_path;
pub use export_target::export_refusal;
pub use hand_edits::HandEdits;
pub use offers::Newer;
pub use problems::{MAX_NUMBER, MAX_POSITION, Problem, ProblemSeverity, validate};
pub use size_limit::size_warning;
pub(crate) use stamp::name_hash;
pub use stamp::{FileStamp, content_hash, stamp};

use crate::model::{FORMAT_VERSION, Plan};
use serde::Deserialize;
use std::io::Read;
use std::path::Path;
use thiserror::Error;

/// Plan files above this size are refused without being read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Nesting depth the parser accepts before it gives up (protects the stack).
pub const MAX_NESTING: usize = 32;

/// A plan read from a file, with the notices found while checking it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub plan: Plan,
    /// Notices only: a plan with errors is refused with [`LoadError::Invalid`].
    pub problems: Vec<Problem>,
}

/// Why a plan file could not be opened. Every message names the file and says what to do.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("Cannot read {file}: {reason}. {what_to_do}")]
    Read {
        file: String,
        reason: String,
        what_to_do: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file} is {size_mb:.0} MB, more than the 50 MB a plan file may have, so it was not opened. Check that this is really an Automap plan."
    )]
    TooLarge { file: String, size_mb: f64 },
    #[error("{file} is empty: it holds no plan — {what_to_do}.")]
    Empty { file: String, what_to_do: String },
    #[error(
        "{file}, line {line}, column {column}: the file is not UTF-8 text; is it really a plan? — {what_to_do}."
    )]
    NotUtf8 {
        file: String,
        line: usize,
        column: usize,
        what_to_do: String,
    },
    #[error(
        "{file} was written by a newer version of Automap (plan format {found}; this version reads format {supported} and older). Open it with a newer Automap; the file was not changed."
    )]
    NewerVersion {
        file: String,
        found: u64,
        supported: u32,
    },
    #[error("{file}, line {line}, column {column}: {detail} — {what_to_do}.")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        detail: String,
        what_to_do: String,
    },
    #[error("{file}: {summary} — {what_to_do}.")]
    Invalid {
        file: String,
        summary: String,
        /// Every problem found, errors first (notices too).
        problems: Vec<Problem>,
        what_to_do: String,
    },
}

impl LoadError {
    /// The validation problems, when the file parsed but is not a usable plan.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }

    /// Stable code for the command line's JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Read { .. } => "unreadable-file",
            LoadError::TooLarge { .. } => "file-too-large",
            LoadError::NewerVersion { .. } => "newer-format",
            LoadError::Empty { .. }
            | LoadError::NotUtf8 { .. }
            | LoadError::Syntax { .. }
            | LoadError::Invalid { .. } => "invalid-file",
        }
    }

    /// Line and column, when the parser knows them.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. } | LoadError::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }

    /// Point to `FILE.bak` in the advice (when the backup exists).
    fn mention_backup(&mut self) {
        let text = match self {
            LoadError::Empty { file, .. } => {
                format!("restore {file}.bak or open another plan file")
            }
            LoadError::NotUtf8 { file, .. }
            | LoadError::Syntax { file, .. }
            | LoadError::Invalid { file, .. } => fix_hint(file, true),
            _ => return,
        };
        match self {
            LoadError::Empty { what_to_do, .. }
            | LoadError::NotUtf8 { what_to_do, .. }
            | LoadError::Syntax { what_to_do, .. }
            | LoadError::Invalid { what_to_do, .. } => *what_to_do = text,
            LoadError::Read { .. }
            | LoadError::TooLarge { .. }
            | LoadError::NewerVersion { .. } => {}
        }
    }
}

/// Why a plan could not be saved. The file that was there before is never damaged.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("Could not save {file}: {reason}. {file_state} {what_to_do}")]
    Io {
        file: String,
        reason: String,
        /// "The file on disk was not changed." or similar.
        file_state: String,
        what_to_do: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "Could not save {file}: the plan could not be written as RON ({detail}). The file on disk was not changed."
    )]
    Encode { file: String, detail: String },
}

fn fix_hint(file: &str, has_backup: bool) -> String {
    if has_backup {
        format!("fix the file in a text editor or restore {file}.bak")
    } else {
        "fix the file in a text editor".to_owned()
    }
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if let Some(reason) = file_kind::reason(e) {
        return reason;
    }
    match e.kind() {
        K::NotFound => "there is no such file or folder".to_owned(),
        K::PermissionDenied => "permission denied".to_owned(),
        K::StorageFull => "the disk is full".to_owned(),
        K::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        K::IsADirectory => "it is a folder, not a file".to_owned(),
        K::NotADirectory => "a part of the path is a file, not a folder".to_owned(),
        K::QuotaExceeded => "the disk quota is used up".to_owned(),
        _ => e.to_string(),
    }
}

// ---------------------------------------------------------------- writing

/// The plan as pretty RON: fields in the model's order, one per line down to
/// a step's fields (smaller values inside a step on one line), fields equal to
/// their default left out,
/// four-space indent, a final newline. The same plan always gives the same text.
pub fn to_ron(plan: &Plan) -> String {
    pretty(plan, PLAN_DEPTH) + "\n"
}

/// Levels written one per line, counted from the plan: the plan's fields,
/// its workflows, a workflow's fields, its steps, a step's fields.
const PLAN_DEPTH: usize = 5;

/// `value` as pretty RON, lines `depth` levels deep and more kept on one line.
fn pretty<T: serde::Serialize>(value: &T, depth: usize) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        // A step's fields one per line; the small values inside a step (its
        // position, frequency, failure plan, data read and written) on one line.
        .depth_limit(depth);
    match ron::ser::to_string_pretty(value, config) {
        Ok(s) if s.contains("\\'") => {
            // ron escapes apostrophes inside strings ("team\'s"); every `'` in the
            // output is such an escape, so dropping the backslash is exact and
            // keeps notes readable. Newlines stay escaped: one field, one line.
            s.replace("\\'", "'")
        }
        Ok(s) => s,
        // Serialising plain data into a String cannot fail; keep the program alive anyway.
        Err(e) => format!("// could not write the plan: {e}"),
    }
}

/// Save atomically and keep the previous file as `NAME.ron.bak`.
pub fn save(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    save_stamped(plan, path).map(|_| ())
}

/// [`save`], returning the stamp of the file just written (for change detection).
pub fn save_stamped(plan: &Plan, path: &Path) -> Result<FileStamp, SaveError> {
    save_watched(plan, path, None)
}

fn save_watched(
    plan: &Plan,
    path: &Path,
    watch: Option<&job::Watch>,
) -> Result<FileStamp, SaveError> {
    job::enter(watch, job::Phase::Encoding);
    let text = to_ron(plan);
    // Never write a plan file that the next open would refuse.
    if let Err(source) = size_limit::check_save_size(text.len() as u64) {
        return Err(SaveError::Io {
            file: path.display().to_string(),
            reason: io_reason(&source),
            file_state: "The file on disk was not changed.".to_owned(),
            what_to_do: size_limit::what_to_do_when_too_large(),
            source,
        });
    }
    job::enter(watch, job::Phase::Writing);
    write_file_atomic(path, text.as_bytes(), true)?;
    Ok(FileStamp::from_bytes(path, text.as_bytes()))
}

/// Write any file atomically (used for exported Markdown and recovery copies).
pub fn write_file_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    write_atomic_with(path, keep_backup, &mut |f| {
        std::io::Write::write_all(f, bytes)
    })
}

/// Atomic write where `fill` writes the content. Public so tests can simulate a
/// failing disk (for example by returning `ErrorKind::StorageFull`).
#[doc(hidden)]
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    fill: &mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    // Atomic replace is for regular files: a device or a named pipe gets the
    // bytes directly (an export), or is refused (a plan is saved only into a file).
    let written = match file_kind::route(path, !keep_backup) {
        file_kind::Route::Atomic => atomic::replace_with(path, keep_backup, fill),
        file_kind::Route::Stream => file_kind::write_stream(path, fill),
        file_kind::Route::Refuse(source) => Err(atomic::AtomicError {
            stage: atomic::Stage::Create,
            source,
        }),
    };
    written.map_err(|e| {
        let file = path.display().to_string();
        let folder = atomic::parent_dir(path).display().to_string();
        let exists = path.exists();
        let file_state = if exists {
            "The file on disk was not changed.".to_owned()
        } else {
            "Nothing was written.".to_owned()
        };
        use std::io::ErrorKind as K;
        let what_to_do = match (e.stage, e.source.kind()) {
            (_, K::StorageFull | K::QuotaExceeded) => {
                "Free some disk space and save again, or save under another name on another disk."
                    .to_owned()
            }
            (_, K::InvalidInput | K::IsADirectory) => {
                "Choose a file name, such as plan.ron, in a folder.".to_owned()
            }
            (atomic::Stage::Create, _) => format!(
                "Check that the folder {folder} exists and that you may write in it, or save under another name in another folder."
            ),
            (atomic::Stage::Backup, _) => format!(
                "Keeping the previous version as {} failed; check that you may write in {folder}.",
                backup_path(path).display()
            ),
            _ => "Try again, or save under another name in another folder.".to_owned(),
        };
        SaveError::Io {
            file,
            reason: io_reason(&e.source),
            file_state,
            what_to_do,
            source: e.source,
        }
    })
}

// ---------------------------------------------------------------- reading

/// Read and check a plan file. Files above 50 MB are refused from their size
/// alone; every other failure names the file, the place when known, and what to do.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_stamped(path).map(|(loaded, _)| loaded)
}

/// [`load`], also returning the stamp of the bytes read (to detect later changes on disk).
pub fn load_stamped(path: &Path) -> Result<(Loaded, FileStamp), LoadError> {
    load_watched(path, None)
}

/// [`load_stamped`], telling `watch` (when given) the phase and the bytes
/// read, and stopping early once it is cancelled (the result is then thrown away).
fn load_watched(path: &Path, watch: Option<&job::Watch>) -> Result<(Loaded, FileStamp), LoadError> {
    let file = path.display().to_string();
    let read_err = |source: std::io::Error| {
        let what_to_do = match source.kind() {
            std::io::ErrorKind::NotFound => "Check the path and the file name.",
            std::io::ErrorKind::PermissionDenied => "Check that you may read the file.",
            _ => "Check that the path names a plan file.",
        }
        .to_owned();
        LoadError::Read {
            file: file.clone(),
            reason: io_reason(&source),
            what_to_do,
            source,
        }
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    // Only a regular file is opened: a named pipe or a device would never end.
    if !meta.is_file() {
        let kind = file_kind::FileKind::from_type(meta.file_type());
        return Err(read_err(file_kind::not_a_file(kind)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size_mb: meta.len() as f64 / (1024.0 * 1024.0),
        });
    }
    // Sized from the file's length: no regrowing and copying while reading.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    std::fs::File::open(path)
        .and_then(|f| job::read_watched(f.take(MAX_FILE_BYTES + 1), &mut bytes, watch, meta.len()))
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // The file grew while it was being read.
        return Err(LoadError::TooLarge {
            file,
            size_mb: bytes.len() as f64 / (1024.0 * 1024.0),
        });
    }
    let stamp = FileStamp::from_bytes(path, &bytes);
    let has_backup = backup_path(path).is_file();
    match from_bytes_watched(&bytes, &file, watch) {
        Ok(loaded) => Ok((loaded, stamp)),
        Err(mut e) => {
            if has_backup {
                e.mention_backup();
            }
            Err(e)
        }
    }
}

/// Parse and check plan text that arrived as bytes (checks UTF-8 first).
pub fn from_bytes(bytes: &[u8], file_name: &str) -> Result<Loaded, LoadError> {
    from_bytes_watched(bytes, file_name, None)
}

fn from_bytes_watched(
    bytes: &[u8],
    file_name: &str,
    watch: Option<&job::Watch>,
) -> Result<Loaded, LoadError> {
    job::enter(watch, job::Phase::Parsing);
    match std::str::from_utf8(bytes) {
        Ok(text) => from_str_watched(text, file_name, watch),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = 1 + String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default())
                .chars()
                .count();
            Err(LoadError::NotUtf8 {
                file: file_name.to_owned(),
                line,
                column,
                what_to_do: fix_hint(file_name, false),
            })
        }
    }
}

/// Just the version field of a plan file; every other field is skipped.
#[derive(Deserialize)]
#[serde(rename = "Plan")]
struct VersionProbe {
    #[serde(default)]
    format_version: Option<u64>,
}

/// Parser options: the default nesting limit, and `Some(..)` may be left out
/// of hand-written files (`layer: L2` reads as `layer: Some(L2)`).
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// The format version written in the text, found without trusting the rest of
/// the file. Falls back to a plain text search when the file does not parse,
/// so that a newer file with syntax this version does not know is still
/// recognised as newer rather than reported as broken.
fn declared_version(text: &str) -> Option<u64> {
    if let Ok(probe) = ron_options().from_str::<VersionProbe>(text) {
        return probe.format_version;
    }
    let at = text.find("format_version")?;
    let rest = text.get(at + "format_version".len()..)?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Parse and check plan text. `file_name` is only used in messages.
pub fn from_str(text: &str, file_name: &str) -> Result<Loaded, LoadError> {
    from_str_watched(text, file_name, None)
}

fn from_str_watched(
    text: &str,
    file_name: &str,
    watch: Option<&job::Watch>,
) -> Result<Loaded, LoadError> {
    job::enter(watch, job::Phase::Parsing);
    let what_to_do = fix_hint(file_name, false);
    // Some editors start UTF-8 files with a byte order mark; it is not part of the plan.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: file_name.to_owned(),
            what_to_do: "open another plan file".to_owned(),
        });
    }
    let newer = |found: u64| LoadError::NewerVersion {
        file: file_name.to_owned(),
        found,
        supported: FORMAT_VERSION,
    };
    let (mut plan, unknown_fields) = parse(text).map_err(|e| {
        // A newer file may use syntax this version does not know: say it is
        // newer rather than broken. Only looked for when parsing failed.
        if let Some(found) = declared_version(text)
            && found > u64::from(FORMAT_VERSION)
        {
            return newer(found);
        }
        let mut detail = describe(&e.code);
        if e.code == ron::Error::ExceededRecursionLimit {
            detail = text_scan::too_deep(text);
        }
        if let Some(what) = text_scan::not_a_plan(text) {
            return LoadError::Syntax {
                file: file_name.to_owned(),
                line: 1,
                column: 1,
                detail: what.sentence(),
                what_to_do: "open the plan's .ron file instead".to_owned(),
            };
        }
        if e.code != ron::Error::Eof && reaches_end(text, &e.span.end) {
            detail = format!("the file ends too early ({detail}); it may have been cut off");
        }
        LoadError::Syntax {
            file: file_name.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            detail,
            what_to_do: what_to_do.clone(),
        }
    })?;
    if plan.format_version > FORMAT_VERSION {
        return Err(newer(u64::from(plan.format_version)));
    }
    // Older files are read as they are and written back in the current format.
    plan.format_version = FORMAT_VERSION;
    job::enter(watch, job::Phase::Checking);
    let mut problems = validate(&plan);
    if !unknown_fields.is_empty() {
        // Rare (a typo in a hand-edited file): say where, and suggest a spelling.
        problems.extend(unknown::unknown_fields(text, &plan, &unknown_fields));
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if errors > 0 {
        let first = problems
            .first()
            .map(|p| p.message.clone())
            .unwrap_or_default();
        let summary = if errors == 1 {
            first
        } else {
            let more = errors - 1;
            let noun = if more == 1 { "problem" } else { "problems" };
            format!("{first} (and {more} more {noun})")
        };
        return Err(LoadError::Invalid {
            file: file_name.to_owned(),
            summary,
            problems,
            what_to_do,
        });
    }
    Ok(Loaded { plan, problems })
}

/// Reads a plan and notes, in the same pass, the fields the plan does not
/// know (the parser skips them silently).
struct NoticeUnknown<'a> {
    found: &'a mut Vec<Vec<unknown::Seg>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for NoticeUnknown<'_> {
    type Value = Plan;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Plan, D::Error> {
        serde_ignored::deserialize(de, |path| {
            if self.found.len() < unknown::MAX_REPORTS {
                self.found.push(unknown::segments(&path));
            }
        })
    }
}

/// Parse a plan text in one pass, with the places of the fields the plan does
/// not know (at most [`unknown::MAX_REPORTS`]).
fn parse(text: &str) -> Result<(Plan, Vec<Vec<unknown::Seg>>), ron::error::SpannedError> {
    let mut found = Vec::new();
    let plan = ron_options().from_str_seed(text, NoticeUnknown { found: &mut found })?;
    Ok((plan, found))
}

/// True when the parser stopped at the very end of the text (ignoring trailing blanks).
fn reaches_end(text: &str, at: &ron::error::Position) -> bool {
    let body = text.trim_end();
    let line = 1 + body.matches('\n').count();
    let col = 1 + body.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (at.line, at.col) >= (line, col)
}

/// A parser error in words an owner can act on.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early; it may have been cut off".to_owned(),
        E::ExceededRecursionLimit => format!(
            "the brackets are nested more than {MAX_NESTING} levels deep, which no plan needs"
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "\"{found}\" is not a value this field accepts; use one of: {}",
            expected.join(", ")
        ),
        E::NoSuchStructField { found, .. } => format!("there is no field named \"{found}\" here"),
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected} but found {found}")
        }
        E::IntegerOutOfBounds => {
            "a number here is too large (or negative where only positive numbers fit)".to_owned()
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("expected {expected} but found {found} elements")
        }
        E::DuplicateStructField { field, .. } => format!("the field \"{field}\" appears twice"),
        E::TrailingCharacters => {
            "there is more text after the end of the plan; the plan must be one value in round brackets"
                .to_owned()
        }
        E::Utf8Error(_) => "the file is not UTF-8 text".to_owned(),
        E::ExpectedFloat | E::ExpectedInteger => "expected a number here".to_owned(),
        E::ExpectedString => "expected text in double quotes here".to_owned(),
        E::ExpectedStringEnd => {
            "a text in double quotes is never closed (the file may have been cut off)".to_owned()
        }
        E::ExpectedBoolean => "expected true or false here".to_owned(),
        E::ExpectedComma => "expected a comma between two fields or items".to_owned(),
        other => {
            let s = other.to_string();
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().chain(c).collect(),
                None => "the file could not be read as a plan".to_owned(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::generate_plan;

    #[test]
    fn saved_files_leave_defaults_out_and_read_back_the_same_plan() {
        let plan = generate_plan(3, 20, 7);
        let short = to_ron(&plan);
        assert!(!short.contains("notes: \"\""), "empty notes are left out");
        let loaded = from_str(&short, "plan.ron").expect("a valid plan");
        assert_eq!(loaded.plan, plan);
        assert_eq!(
            to_ron(&loaded.plan),
            short,
            "saving again gives the same bytes"
        );
    }

    #[test]
    fn fields_written_at_their_default_are_known_fields() {
        // A hand-written file may spell out what saving leaves out: same
        // plan, no notice about unknown fields, saved back in the short form.
        let full = r#"(workflows: [(id: 1, name: "W", description: "", links: [], steps: [(
            id: 1, title: "t", kind: Task, pos: (x: 0.0, y: 0.0), owner: "", system: "",
            frequency: (count: 0.0, per: Day), minutes: 0.0, complexity: Low,
            judgment: RuleBased, sensitivity: None, tag: Undecided, approach: Workflow,
            layer: None, tool: "", event: "", message: "",
            failure_plan: (not_run: "", runs_twice: "", data_missing: ""), test_plan: "",
            reads: [], writes: [(system: "", object: "", reliable: false)], notes: "")])])"#;
        let short =
            r#"(workflows: [(id: 1, name: "W", steps: [(id: 1, title: "t", writes: [()])])])"#;
        let full = from_str(full, "full.ron").expect("a valid plan");
        let short = from_str(short, "short.ron").expect("a valid plan");
        assert!(full.problems.is_empty(), "{:?}", full.problems);
        assert_eq!(full.plan, short.plan);
        assert_eq!(to_ron(&full.plan), to_ron(&short.plan));
    }
}
