//! The command line: argument parsing and the `check` and `export` commands
//! (`import` and `new` live in `cli/start.rs`).
//! No window code here; `main.rs` opens the window when no command is given.

pub mod start;

use crate::analysis::{self, Severity};
use crate::model::{Plan, StepId};
use crate::storage::{self, LoadError, Problem, ProblemSeverity};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

mod diff;
pub use diff::{DiffFormat, run_diff};

/// Exit code: the plan is valid and has no failing findings.
pub const EXIT_OK: i32 = 0;
/// Exit code: the plan is valid but a finding fails the check.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: the file cannot be read or is not a valid plan (or output could not be written).
pub const EXIT_INVALID: i32 = 2;

/// Plan e-commerce automations before buying tools.
#[derive(Debug, Parser)]
#[command(name = "automap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Plan file to open in the window (default: the last plan used, or the example plan).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan file: validity, then the method's findings.
    ///
    /// Exit code 0: valid, no error findings; 1: an error finding (or a warning
    /// with --deny warnings); 2: the file cannot be read or is not a valid plan.
    Check {
        /// The plan file (.ron).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Make warnings fail the check too (exit code 1).
        #[arg(long, value_enum)]
        deny: Vec<Deny>,
    },
    /// Write the plan as Markdown to standard output or to a file.
    Export {
        /// The plan file (.ron).
        file: PathBuf,
        /// Write here instead of standard output (replaced atomically).
        #[arg(short, long, value_name = "OUT.md")]
        output: Option<PathBuf>,
    },
    /// Show what changed between two versions of a plan.
    ///
    /// Workflows and steps added, removed, renamed or re-tagged; arrows
    /// changed; roadmap cards moved or re-statused; cost and savings before
    /// and after. Exit code 0 (changes or not); 2: a file cannot be read or
    /// is not a valid plan.
    Diff {
        /// The earlier version (.ron).
        old: PathBuf,
        /// The later version (.ron).
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
        /// Name to show for OLD, then for NEW, instead of the paths (given
        /// twice, as in `diff`; useful when git passes temporary files).
        #[arg(long, value_name = "NAME", num_args = 1, action = clap::ArgAction::Append)]
        label: Vec<String>,
    },
    /// Make a new plan from a spreadsheet (CSV/TSV), a Markdown or plain
    /// checklist, or a Mermaid flowchart.
    ///
    /// Exit code 0: the plan was written; 2: the file could not be read or
    /// imported, or the plan file exists already or could not be written.
    Import {
        /// The file to import (.csv, .tsv, .md, .txt, .mmd, …).
        file: PathBuf,
        /// The new plan file (default: FILE with the extension .ron). Never replaced.
        #[arg(short, long, value_name = "PLAN.ron")]
        output: Option<PathBuf>,
    },
    /// Make a new plan from a bundled template (list them with --list).
    New {
        /// The template's name, e.g. order-fulfillment or whole-shop.
        #[arg(long, value_name = "NAME", conflicts_with = "list")]
        template: Option<String>,
        /// List the templates.
        #[arg(long)]
        list: bool,
        /// The new plan file (default: NAME.ron in the current folder). Never replaced.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

/// One line of `check` output, in the JSON shape
/// `{code, severity, workflow, step_ids, message, hint}` (plus `line` and
/// `column` when a file could not be parsed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub code: String,
    /// "error", "warning" or "info".
    pub severity: &'static str,
    /// Workflow name, or null.
    pub workflow: Option<String>,
    pub step_ids: Vec<StepId>,
    pub message: String,
    pub hint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Report {
    fn from_problem(p: &Problem) -> Self {
        Self {
            code: p.code.to_owned(),
            // Notices do not stop a plan from working: they are warnings to `check`.
            severity: match p.severity {
                ProblemSeverity::Error => "error",
                ProblemSeverity::Notice => "warning",
            },
            workflow: p.workflow_name.clone(),
            step_ids: p.step_ids.clone(),
            message: p.message.clone(),
            hint: p.hint.clone(),
            line: None,
            column: None,
        }
    }

    fn from_load_error(e: &LoadError) -> Self {
        let (line, column) = e.position().unzip();
        Self {
            code: e.code().to_owned(),
            severity: "error",
            workflow: None,
            step_ids: Vec::new(),
            message: e.to_string(),
            hint: match e {
                LoadError::NewerVersion { .. } => "open the file with a newer Automap".to_owned(),
                LoadError::TooLarge { .. } | LoadError::Read { .. } => {
                    "check that the path names an Automap plan file".to_owned()
                }
                _ => "fix the file in a text editor, or restore its .bak copy if there is one"
                    .to_owned(),
            },
            line,
            column,
        }
    }

    fn from_finding(plan: &Plan, f: &analysis::Finding) -> Self {
        Self {
            code: f.code.to_owned(),
            severity: f.severity.label(),
            workflow: f
                .workflow
                .and_then(|id| plan.workflow(id))
                .map(|w| w.name.clone()),
            step_ids: f.step_ids.clone(),
            message: f.message.clone(),
            hint: f.hint.to_owned(),
            line: None,
            column: None,
        }
    }

    /// One line of text output.
    pub fn to_line(&self) -> String {
        let mut place = Vec::new();
        if let Some(w) = &self.workflow {
            place.push(format!("workflow \"{w}\""));
        }
        if !self.step_ids.is_empty() {
            let ids: Vec<String> = self.step_ids.iter().map(|s| s.to_string()).collect();
            let word = if ids.len() == 1 { "step" } else { "steps" };
            place.push(format!("{word} {}", ids.join(", ")));
        }
        let place = if place.is_empty() {
            String::new()
        } else {
            format!(" ({})", place.join(", "))
        };
        let hint = if self.hint.is_empty() {
            String::new()
        } else {
            format!(" Hint: {}.", self.hint.trim_end_matches('.'))
        };
        let stop = if self.message.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        format!(
            "{}[{}]{}: {}{stop}{}",
            self.severity, self.code, place, self.message, hint
        )
    }
}

/// The outcome of `check`: what to print and the exit code.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOutcome {
    pub reports: Vec<Report>,
    pub exit_code: i32,
    /// The sentence for standard error when the file could not be used.
    pub error: Option<String>,
    /// The file could not even be parsed (as opposed to parsed but invalid).
    pub unreadable: bool,
}

/// Load, validate and analyse a plan file.
pub fn check(file: &Path, deny_warnings: bool) -> CheckOutcome {
    let loaded = match storage::load(file) {
        Ok(l) => l,
        Err(e) => {
            let reports = match &e {
                LoadError::Invalid { problems, .. } => {
                    problems.iter().map(Report::from_problem).collect()
                }
                other => vec![Report::from_load_error(other)],
            };
            return CheckOutcome {
                reports,
                exit_code: EXIT_INVALID,
                unreadable: !matches!(e, LoadError::Invalid { .. }),
                error: Some(e.to_string()),
            };
        }
    };
    let analysis = analysis::analyze(&loaded.plan);
    let mut reports: Vec<Report> = analysis
        .findings()
        .iter()
        .map(|f| Report::from_finding(&loaded.plan, f))
        .collect();
    reports.extend(loaded.problems.iter().map(Report::from_problem));
    let rank = |r: &Report| match r.severity {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
    reports.sort_by_key(rank);
    let fails = reports.iter().any(|r| {
        r.severity == Severity::Error.label()
            || (deny_warnings && r.severity == Severity::Warning.label())
    });
    CheckOutcome {
        reports,
        exit_code: if fails { EXIT_FINDINGS } else { EXIT_OK },
        error: None,
        unreadable: false,
    }
}

fn summary(file: &Path, outcome: &CheckOutcome) -> String {
    let count = |sev: &str| outcome.reports.iter().filter(|r| r.severity == sev).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let counts = format!(
        "{}, {}, {}",
        plural(count("error"), "error", "errors"),
        plural(count("warning"), "warning", "warnings"),
        plural(count("info"), "note", "notes")
    );
    let name = file.display();
    match outcome.exit_code {
        EXIT_INVALID => format!("{name}: not a valid plan ({counts})."),
        EXIT_FINDINGS => format!("{name}: check failed ({counts})."),
        _ if outcome.reports.is_empty() => format!("{name}: valid plan, no findings."),
        _ => format!("{name}: valid plan ({counts})."),
    }
}

/// `automap check`: prints to `out` (and the reason the file cannot be used to
/// `err`); returns the exit code.
pub fn run_check(
    file: &Path,
    format: Format,
    deny_warnings: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let outcome = check(file, deny_warnings);
    let written = match format {
        Format::Json => match serde_json::to_string_pretty(&outcome.reports) {
            Ok(json) => writeln!(out, "{json}"),
            Err(e) => writeln!(err, "Could not write the report as JSON: {e}."),
        },
        Format::Text => {
            // A file that did not parse is explained on stderr alone; validation
            // problems and findings are listed one per line with a summary.
            let mut r = Ok(());
            if !outcome.unreadable {
                for report in &outcome.reports {
                    r = r.and_then(|()| writeln!(out, "{}", report.to_line()));
                }
                r = r.and_then(|()| writeln!(out, "{}", summary(file, &outcome)));
            }
            r
        }
    };
    // Why the file cannot be used always goes to standard error too, so a
    // script that keeps only errors still sees it.
    if let Some(e) = &outcome.error {
        let _ = writeln!(err, "{e}");
    }
    if let Err(e) = written {
        return report_write_failure(&e, outcome.exit_code, err);
    }
    outcome.exit_code
}

/// The exit code when the report could not be written. A closed pipe (the
/// reader stopped early, as `head` does) keeps quiet, and the exit code still
/// tells the result; anything else (a full disk) is said and exits 2.
fn report_write_failure(e: &std::io::Error, exit_code: i32, err: &mut dyn Write) -> i32 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return exit_code.max(EXIT_FINDINGS);
    }
    let reason = match e.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => e.to_string(),
    };
    let _ = writeln!(
        err,
        "Could not write the report to standard output: {reason}."
    );
    EXIT_INVALID
}

/// Why `export` must not write to `output` (see [`storage::export_refusal`]).
pub fn export_refusal(input: &Path, output: &Path) -> Option<String> {
    storage::export_refusal(Some(input), output)
}

/// `automap export`: Markdown to `output` (atomically) or to `out`.
pub fn run_export(
    file: &Path,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let plan = match storage::load(file) {
        Ok(l) => l.plan,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_INVALID;
        }
    };
    if let Some(path) = output
        && let Some(refusal) = export_refusal(file, path)
    {
        let _ = writeln!(err, "{refusal}");
        return EXIT_INVALID;
    }
    let md = crate::export::markdown(&plan);
    match output {
        Some(path) => match storage::write_file_atomic(path, md.as_bytes(), false) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                EXIT_INVALID
            }
        },
        None => match out.write_all(md.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let _ = writeln!(err, "Could not write the Markdown to standard output: {e}.");
                EXIT_INVALID
            }
        },
    }
}

/// Run a command (not the window). Returns the exit code.
pub fn run_command(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command {
        Command::Check { file, format, deny } => {
            run_check(file, *format, deny.contains(&Deny::Warnings), out, err)
        }
        Command::Export { file, output } => run_export(file, output.as_deref(), out, err),
        Command::Diff {
            old,
            new,
            format,
            label,
        } => run_diff(old, new, *format, label, out, err),
        Command::Import { file, output } => start::run_import(file, output.as_deref(), out, err),
        Command::New {
            template,
            list,
            output,
        } => start::run_new(template.as_deref(), *list, output.as_deref(), out, err),
    }
}
