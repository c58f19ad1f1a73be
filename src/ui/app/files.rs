//! Every file flow of the window: open, save, save as, export, and the
//! unsaved-changes guard in front of them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::ViewportCommand;

use crate::model::{Plan, Workflow, WorkflowId};
use crate::storage::generations::{Generation, Generations};
use crate::storage::job::{LoadJob, Phase, SaveJob};
use crate::storage::recovery::RecoveryKey;
use crate::storage::{self, FileStamp, HandEdits, LoadError, Loaded, SaveError};
use crate::ui::canvas::CanvasState;
use crate::ui::file_dialog::DialogSpec;
use crate::ui::inspector::InspectorState;

use super::{AutomapApp, EXAMPLE_FILE_NAME, EXAMPLE_PLAN, FilePurpose, Modal, Pending, Tab};

impl AutomapApp {
    /// The example plan, always as an untitled copy: a save asks for a name
    /// and never writes into the program's own `plans/` folder.
    pub(super) fn open_example(&mut self) {
        match storage::from_str(EXAMPLE_PLAN, EXAMPLE_FILE_NAME) {
            Ok(loaded) => {
                self.set_plan(loaded.plan, None, None);
                self.notice("This is the example plan. Save it under a name of your own to keep your changes.");
            }
            Err(e) => self.error(format!("The bundled example could not be read: {e}")),
        }
    }

    /// Replace the open plan (after the unsaved-changes question was answered).
    pub(super) fn set_plan(&mut self, plan: Plan, path: Option<PathBuf>, stamp: Option<FileStamp>) {
        self.doc.replace_plan(plan);
        // A comparison belongs to the plan it was made for.
        self.comparison = None;
        self.compare = None;
        self.path = path;
        self.stamp = stamp;
        self.hand_edits = HandEdits::default();
        let key = self.recovery_key();
        // The old plan's copy was removed when it was saved or discarded; a copy
        // left for "decide later" stays.
        self.autosave.set_key(key, false);
        self.workflow = self.doc.plan().workflows.first().map(|w| w.id);
        self.canvas = CanvasState::default();
        self.inspector = InspectorState::default();
        self.tab = Tab::Map;
    }

    /// Open a plan file now, on this thread (on start and in tests). On
    /// failure the current plan stays open and a message says why. Returns
    /// whether the file was opened.
    pub fn open_path(&mut self, path: &Path) -> bool {
        self.settle_file_job();
        self.opened(path, storage::load_stamped(path))
    }

    /// Open a plan file on a background thread: the window keeps painting and
    /// shows the progress, with Cancel. Small files are opened at once.
    pub fn open_in_background(&mut self, ctx: &egui::Context, path: &Path) {
        self.settle_file_job();
        let repaint = ctx.clone();
        match LoadJob::start(path, move |_| repaint.request_repaint()) {
            Ok(mut job) => {
                let small = std::fs::metadata(path).map_or(true, |m| m.len() < SMALL_FILE);
                match small.then(|| job.wait_for(QUIET_WAIT)).flatten() {
                    Some(result) => {
                        self.opened(path, result);
                    }
                    None => self.file_job = Some(FileJob::Open(job)),
                }
            }
            Err(e) => {
                self.opened(path, Err(e));
            }
        }
    }

    /// Show what reading `path` gave: the plan, or why it could not be opened.
    fn opened(&mut self, path: &Path, result: Result<(Loaded, FileStamp), LoadError>) -> bool {
        match result {
            Ok((loaded, stamp)) => {
                let notices = loaded.problems.len();
                let hand_edits = HandEdits::of_file(path, &loaded.problems);
                self.set_plan(loaded.plan, Some(path.to_path_buf()), Some(stamp));
                // Unknown fields are listed in the findings panel: show it.
                if !hand_edits.unknown_fields.is_empty() {
                    self.settings.show_findings = true;
                }
                self.hand_edits = hand_edits;
                self.settings.remember(path);
                if notices == 0 {
                    self.notice(format!("Opened {}", path.display()));
                } else {
                    let first = loaded
                        .problems
                        .first()
                        .map(|p| p.to_string())
                        .unwrap_or_default();
                    self.notice(format!(
                        "Opened {} with {notices} notice(s): {first}",
                        path.display()
                    ));
                }
                true
            }
            Err(e) => {
                let text = e.to_string();
                self.error(format!("Could not open the file. {text}"));
                self.modal = Some(Modal::OpenFailed {
                    message: text,
                    kept: "The plan that was open is still open.".to_owned(),
                });
                if matches!(e, storage::LoadError::Read { .. }) {
                    let p = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
                    self.settings.recent.retain(|r| r != &p && r != path);
                }
                false
            }
        }
    }

    pub(super) fn new_plan(&mut self) {
        let mut plan = Plan::new(UNTITLED);
        plan.workflows.push(Workflow {
            id: WorkflowId(1),
            name: MAIN_WORKFLOW.to_owned(),
            ..Workflow::default()
        });
        self.set_plan(plan, None, None);
        self.notice("New plan. Draw its first workflow on the map.");
    }

    /// A file name (without extension) made from the plan's name.
    pub(super) fn default_file_name(&self) -> String {
        file_stem(&self.doc.plan().name, "plan")
    }

    pub(super) fn file_dir(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|p| !p.as_os_str().is_empty())
    }

    /// Save to the current file, asking for one when there is none.
    /// Returns true when the plan is now saved.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) -> bool {
        let Some(path) = self.path.clone() else {
            self.save_as(ctx, then);
            return false;
        };
        if let Some(stamp) = &self.stamp
            && path.exists()
            && !stamp.matches(&path)
        {
            self.modal = Some(Modal::ChangedOnDisk { path, then });
            return false;
        }
        // Once per opened file: say what a save over a hand-edited file drops.
        if let Some(warning) = self.hand_edits.warning(&path) {
            self.modal = Some(Modal::DropHandEdits {
                path,
                warning,
                then,
            });
            return false;
        }
        self.write_to(ctx, &path, then)
    }

    pub(super) fn save_as(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        let spec = DialogSpec::save(
            "Save plan as",
            "Automap plan",
            "ron",
            &format!("{}.ron", self.default_file_name()),
        )
        .in_dir(self.file_dir());
        self.dialogs
            .request(ctx, FilePurpose::SaveAs { then }, spec);
    }

    /// Write the plan to `path` (atomic; keeps the previous file as .bak) on
    /// a background thread, then carry on with `then`. Returns true when the
    /// plan is saved already (small plans are saved at once).
    pub(super) fn write_to(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        then: Option<Pending>,
    ) -> bool {
        self.settle_file_job();
        // The file as it is now joins the plan's earlier versions first.
        let kept = match self.versions().map(|v| v.keep_previous(path)) {
            Some(Err(e)) => Some(e.to_string()),
            _ => None,
        };
        // An open Compare window lists the versions again.
        if let Some(w) = &mut self.compare {
            w.versions = None;
        }
        let revision = self.doc.revision();
        let repaint = ctx.clone();
        let plan = self.doc.plan().clone();
        match SaveJob::start(plan, path, move |_| repaint.request_repaint()) {
            Ok(mut job) => {
                let small = self.doc.plan().step_count() < SMALL_PLAN;
                match small.then(|| job.wait_for(QUIET_WAIT)).flatten() {
                    Some(result) => self.saved(ctx, path, revision, result, then, kept),
                    None => {
                        self.file_job = Some(FileJob::Save {
                            job,
                            revision,
                            then,
                            kept,
                        });
                        false
                    }
                }
            }
            Err(e) => self.saved(ctx, path, revision, Err(e), then, kept),
        }
    }

    /// Show what saving the plan as it was at `revision` gave, and carry on
    /// with `then` when the plan has not changed since. `kept`: why the file
    /// as it was could not be kept as an earlier version, if it could not.
    fn saved(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        revision: u64,
        result: Result<FileStamp, SaveError>,
        then: Option<Pending>,
        kept: Option<String>,
    ) -> bool {
        match result {
            Ok(stamp) => {
                let unchanged = self.doc.revision() == revision;
                if self.path.as_deref() == Some(path) {
                    self.hand_edits = HandEdits::default();
                }
                self.path = Some(path.to_path_buf());
                self.stamp = Some(stamp);
                self.autosave.set_key(RecoveryKey::for_file(path), true);
                self.settings.remember(path);
                let size_warning = storage::size_warning(stamp.len);
                if unchanged {
                    self.doc.mark_saved();
                    self.autosave.discard();
                    match (kept, size_warning) {
                        (_, Some(warning)) => self.error(warning),
                        (Some(e), None) => self.error(format!("Saved {}. {e}", path.display())),
                        _ => self.notice(format!("Saved {}", path.display())),
                    }
                    if let Some(p) = then {
                        self.run_pending(ctx, p);
                    }
                } else {
                    self.notice(format!(
                        "Saved {}; the changes made while it was saving are not saved yet",
                        path.display()
                    ));
                }
                unchanged
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    pub(super) fn export_markdown(&mut self, path: &Path) {
        if let Some(refusal) = storage::export_refusal(self.path.as_deref(), path) {
            self.error(refusal);
            return;
        }
        // The analysis the window already has: nothing is computed twice.
        self.refresh_analysis();
        let today = crate::roadmap::date::format(crate::roadmap::date::today());
        let text = crate::export::markdown_with(self.doc.plan(), self.derived.analysis(), &today);
        match storage::write_file_atomic(path, text.as_bytes(), false) {
            Ok(()) => self.notice(format!("Exported {}", path.display())),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Earlier versions of saved plans, kept beside the recovery copies
    /// (`None` without a data folder, as in most tests).
    pub(super) fn versions(&self) -> Option<Generations> {
        self.autosave
            .store()
            .map(|store| Generations::new(store.data_dir()))
    }

    /// The earlier versions of the open plan, newest first.
    pub fn earlier_versions(&self) -> Vec<Generation> {
        match (self.versions(), &self.path) {
            (Some(v), Some(path)) => v.list(path),
            _ => Vec::new(),
        }
    }

    /// Put an earlier version in the editor, as unsaved changes to the open
    /// file (saving makes it the current version; the file is untouched until then).
    pub(super) fn restore_version(&mut self, file: &Path) {
        let Some(version) = self.earlier_versions().into_iter().find(|g| g.file == file) else {
            self.error("That earlier version is no longer there.");
            return;
        };
        let Some(versions) = self.versions() else {
            return;
        };
        match versions.restore(&version) {
            Ok(loaded) => {
                let (path, stamp) = (self.path.clone(), self.stamp);
                self.set_plan(loaded.plan, path, stamp);
                self.doc.mark_unsaved();
                let when = version.describe(std::time::SystemTime::now());
                self.notice(format!(
                    "Restored the version: {when}. Save to keep it; the file is unchanged until then."
                ));
            }
            Err(e) => self.error(format!("That earlier version could not be read: {e}")),
        }
    }

    /// Ask before throwing away unsaved changes; otherwise go ahead.
    pub(super) fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved { then });
        } else {
            self.run_pending(ctx, then);
        }
    }

    pub(super) fn run_pending(&mut self, ctx: &egui::Context, p: Pending) {
        match p {
            Pending::NewPlan => self.new_plan(),
            Pending::NewFromTemplate(name) => self.new_from_template(name),
            Pending::Open(Some(path)) => self.open_in_background(ctx, &path),
            Pending::Open(None) => {
                let spec =
                    DialogSpec::open("Open plan", "Automap plan", "ron").in_dir(self.file_dir());
                self.dialogs.request(ctx, FilePurpose::Open, spec);
            }
            Pending::RestoreVersion(file) => self.restore_version(&file),
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    // ---------------------------------------------------------------- commands
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                if self.modal.is_none() {
                    self.modal = Some(Modal::Unsaved {
                        then: Pending::Quit,
                    });
                }
            } else {
                self.allow_close = true;
            }
        }
    }

    pub(super) fn file_chosen(&mut self, ctx: &egui::Context, purpose: FilePurpose, path: &Path) {
        match purpose {
            // Edits made while the dialog was open are guarded too.
            FilePurpose::Open => self.guard(ctx, Pending::Open(Some(path.to_path_buf()))),
            FilePurpose::SaveAs { then } => {
                if self.doc.plan().name == UNTITLED {
                    // A plan never named: ask for its name now, from the file's.
                    self.modal = Some(Modal::NamePlan {
                        name: name_from_file(path),
                        path: path.to_path_buf(),
                        then,
                    });
                } else {
                    self.write_to(ctx, path, then);
                }
            }
            FilePurpose::ExportMarkdown => self.export_markdown(path),
            FilePurpose::Import => {
                self.import_path(path);
            }
            FilePurpose::ExportImage => {
                if let Some(dialog) = &mut self.export_image {
                    dialog.path = path.display().to_string();
                }
            }
        }
    }

    /// Pick up the result of an open or save running in the background.
    pub(super) fn poll_file_job(&mut self, ctx: &egui::Context) {
        match self.file_job.take() {
            Some(FileJob::Open(mut job)) => match job.poll() {
                Some(result) => {
                    let path = job.path().to_path_buf();
                    self.opened(&path, result);
                }
                None => self.file_job = Some(FileJob::Open(job)),
            },
            Some(FileJob::Save {
                mut job,
                revision,
                then,
                kept,
            }) => match job.poll() {
                Some(result) => {
                    let path = job.path().to_path_buf();
                    self.saved(ctx, &path, revision, result, then, kept);
                }
                None => {
                    self.file_job = Some(FileJob::Save {
                        job,
                        revision,
                        then,
                        kept,
                    });
                }
            },
            None => {}
        }
        if self.file_job.is_some() {
            // The worker asks for a repaint at each step; this is a fallback.
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// Before another file job starts: let a save finish, stop an open.
    fn settle_file_job(&mut self) {
        match self.file_job.take() {
            Some(FileJob::Save { job, revision, .. }) => {
                let path = job.path().to_path_buf();
                match job.wait() {
                    Ok(stamp) => {
                        self.path = Some(path.clone());
                        self.stamp = Some(stamp);
                        if self.doc.revision() == revision {
                            self.doc.mark_saved();
                        }
                        self.notice(format!("Saved {}", path.display()));
                    }
                    Err(e) => self.error(e.to_string()),
                }
            }
            Some(FileJob::Open(job)) => job.cancel(),
            None => {}
        }
    }

    /// An open or save is running in the background.
    pub fn file_job_running(&self) -> bool {
        self.file_job.is_some()
    }

    /// The window in front while a large plan is opened or saved: what is
    /// being done, a progress bar, and Cancel for an open.
    pub(super) fn file_job_window(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.file_job else {
            return;
        };
        let (title, progress, can_cancel) = match job {
            FileJob::Open(j) => (
                format!("Opening {}", file_name(j.path())),
                j.progress(),
                true,
            ),
            FileJob::Save { job: j, .. } => (
                format!("Saving {}", file_name(j.path())),
                j.progress(),
                false,
            ),
        };
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("automap-file-job")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading(title);
            let what = if progress.phase == Phase::Reading && progress.bytes_total > 0 {
                format!(
                    "{}: {:.1} of {:.1} MB",
                    progress.phase.label(),
                    progress.bytes_done as f64 / 1e6,
                    progress.bytes_total as f64 / 1e6
                )
            } else {
                format!("{}…", progress.phase.label())
            };
            ui.label(what);
            ui.add(egui::ProgressBar::new(progress.fraction()).animate(true));
            if can_cancel {
                ui.add_space(4.0);
                cancel = ui
                    .button("Cancel")
                    .on_hover_text("Stop opening; the plan that is open stays open")
                    .clicked();
            }
        });
        if cancel && let Some(FileJob::Open(job)) = self.file_job.take() {
            let name = file_name(job.path());
            job.cancel();
            self.notice(format!("Opening {name} was cancelled"));
        }
    }
}

/// The first workflow of a new plan.
pub(super) const MAIN_WORKFLOW: &str = "Main workflow";

/// The name of a plan nobody has named yet.
pub(super) const UNTITLED: &str = "Untitled plan";

/// A plan name from a file name: "juniper-pine_orders.ron" → "Juniper pine orders".
fn name_from_file(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = file.strip_suffix(".ron").unwrap_or(&file);
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c == '.' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut name = words.join(" ");
    if let Some(first) = name.chars().next() {
        name = first.to_uppercase().chain(name.chars().skip(1)).collect();
    }
    if name.is_empty() {
        UNTITLED.to_owned()
    } else {
        name
    }
}

/// An open or a save running on its own thread.
pub(super) enum FileJob {
    Open(LoadJob),
    Save {
        job: SaveJob,
        /// The plan's revision when the save started.
        revision: u64,
        then: Option<Pending>,
        /// Why the file as it was could not be kept as an earlier version.
        kept: Option<String>,
    },
}

/// Files up to this size are opened at once, and plans with fewer steps are
/// saved at once (a few milliseconds): a progress window would only flash.
const SMALL_FILE: u64 = 1024 * 1024;
const SMALL_PLAN: usize = 1_000;

/// How long a small file's open or save may hold the frame before its
/// progress is shown instead.
const QUIET_WAIT: Duration = Duration::from_millis(250);

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The one way a name becomes a file name: letters and digits kept (in lower
/// case), every run of anything else one dash, at most 80 characters;
/// `fallback` when nothing is left.
pub fn file_stem(name: &str, fallback: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 80 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        fallback.to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_file_name_suggests_a_plan_name() {
        use super::name_from_file;
        use std::path::Path;
        assert_eq!(
            name_from_file(Path::new("/x/juniper-pine_orders.ron")),
            "Juniper pine orders"
        );
        assert_eq!(name_from_file(Path::new("/x/.ron")), "Untitled plan");
    }

    #[test]
    fn names_become_safe_file_names() {
        assert_eq!(file_stem("Order fulfillment", "plan"), "order-fulfillment");
        assert_eq!(
            file_stem("  Returns / refunds (EU)!", "plan"),
            "returns-refunds-eu"
        );
        assert_eq!(file_stem("../../etc/passwd", "plan"), "etc-passwd");
        assert_eq!(file_stem("???", "workflow"), "workflow");
        assert_eq!(file_stem("Café Zürich", "plan"), "café-zürich");
        assert_eq!(file_stem(&"x".repeat(500), "plan").len(), 80);
    }
}
