//! The window: menus, panels, file handling, status bar and the cache of
//! derived results. Views get the plan and the analysis and hand back
//! [`UiAction`]s; every change to the plan goes through the edit API.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{RichText, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::analysis::{self, Analysis};
use crate::edit::{Document, Edit};
use crate::model::{Link, Plan, Step, StepId, Workflow, WorkflowId};
use crate::storage::recovery::{CrashReport, RecoveryInfo, RecoveryKey, RecoveryStore};
use crate::storage::{self, FileStamp};

use super::autosave::Autosave;

use super::canvas::CanvasState;
use super::commands::Command;
use super::file_dialog::{DialogSpec, FileDialogs};
use super::inspector::{InspectorState, inspector_ui};
use super::{Selection, UiAction};

/// Key of the app's settings in eframe's storage.
const SETTINGS_KEY: &str = "automap-settings";
const MAX_RECENT: usize = 10;
/// How long a notice stays in the status bar.
const NOTICE_TIME: Duration = Duration::from_secs(6);

/// The example plan shipped inside the program.
pub const EXAMPLE_PLAN: &str = include_str!("../../plans/order-fulfillment.ron");
const EXAMPLE_FILE_NAME: &str = "order-fulfillment.ron";

/// Light, dark or as the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What the app remembers between runs (plans themselves live only in their files).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub last_file: Option<PathBuf>,
    pub theme: ThemeChoice,
    pub show_findings: bool,
}

impl Settings {
    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(path);
    }
}

/// The views of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Map,
    Review,
    Roadmap,
    /// The tool catalog.
    Tools,
}

/// What a chosen file path is for.
#[derive(Debug, Clone, PartialEq)]
enum FilePurpose {
    Open,
    SaveAs { then: Option<Pending> },
    ExportMarkdown,
}

/// An action held back by the unsaved-changes question.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    NewPlan,
    /// Open a file; `None`: ask which one.
    Open(Option<PathBuf>),
    Quit,
}

/// The dialog in front of the window, if any.
#[derive(Debug, Clone)]
enum Modal {
    Unsaved {
        then: Pending,
    },
    /// Saving found the file changed on disk by another program.
    ChangedOnDisk {
        path: PathBuf,
        then: Option<Pending>,
    },
    OpenFailed {
        message: String,
        /// What is open instead.
        kept: String,
    },
    RenameWorkflow {
        id: WorkflowId,
        name: String,
        description: String,
        focus: bool,
    },
    /// Recovery copies from an earlier run, and what happened to it.
    Recovery,
}

#[derive(Debug, Clone)]
struct Message {
    text: String,
    error: bool,
    at: Instant,
}

/// The Automap window.
pub struct AutomapApp {
    doc: Document,
    path: Option<PathBuf>,
    /// What the file looked like when it was read or last written.
    stamp: Option<FileStamp>,
    settings: Settings,
    analysis: Analysis,
    analysis_revision: Option<u64>,
    tab: Tab,
    workflow: Option<WorkflowId>,
    /// The map editor, with the selection and each workflow's view.
    canvas: CanvasState,
    inspector: InspectorState,
    dialogs: FileDialogs<FilePurpose>,
    modal: Option<Modal>,
    message: Option<Message>,
    /// The title last sent to the window.
    sent_title: String,
    /// Quitting was confirmed: let the window close.
    allow_close: bool,
    autosave: Autosave,
    /// Recovery copies found on start, not yet restored or discarded.
    recovery_offers: Vec<RecoveryInfo>,
    /// Crash reports left by the last run.
    crash_reports: Vec<CrashReport>,
}

impl AutomapApp {
    fn with_document(doc: Document, path: Option<PathBuf>, settings: Settings) -> Self {
        let workflow = doc.plan().workflows.first().map(|w| w.id);
        Self {
            doc,
            path,
            stamp: None,
            settings,
            analysis: Analysis::default(),
            analysis_revision: None,
            tab: Tab::Map,
            workflow,
            canvas: CanvasState::default(),
            inspector: InspectorState::default(),
            dialogs: FileDialogs::default(),
            modal: None,
            message: None,
            sent_title: String::new(),
            allow_close: false,
            autosave: Autosave::disabled(),
            recovery_offers: Vec::new(),
            crash_reports: Vec::new(),
        }
    }

    /// Keep recovery copies in `store`, and offer the ones found there
    /// (newer than their plan file) and any crash report left behind.
    pub fn with_recovery_store(mut self, store: RecoveryStore) -> Self {
        self.recovery_offers = store
            .list()
            .into_iter()
            .filter(|i| !i.saved_file_is_newer())
            .collect();
        self.crash_reports = store.crash_reports();
        let key = self.recovery_key();
        self.autosave = Autosave::new(Some(store), key);
        if !self.recovery_offers.is_empty() || !self.crash_reports.is_empty() {
            self.modal = Some(Modal::Recovery);
        }
        self
    }

    /// Autosave after this much quiet time instead of the usual two seconds.
    pub fn set_autosave_delay(&mut self, delay: Duration) {
        self.autosave.set_delay(delay);
    }

    /// An autosave is being written.
    pub fn autosave_busy(&self) -> bool {
        self.autosave.busy()
    }

    /// Wait until an autosave in flight is on disk.
    pub fn finish_autosave(&mut self) {
        self.autosave.finish_job();
    }

    fn recovery_key(&self) -> RecoveryKey {
        match &self.path {
            Some(p) => RecoveryKey::for_file(p),
            None => RecoveryKey::new_untitled(),
        }
    }

    /// An app on `plan` with no window behind it: file dialogs are replaced by
    /// the in-app path field and nothing is remembered between runs.
    pub fn new_for_test(plan: Plan) -> Self {
        let mut app = Self::with_document(Document::new(plan), None, Settings::default());
        app.dialogs = FileDialogs::path_field_only();
        app
    }

    /// The app as eframe starts it: settings from eframe's storage, then
    /// `initial_file`, else the last plan used, else the example plan.
    pub fn new(cc: &eframe::CreationContext<'_>, initial_file: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme.preference());
        let mut app = Self::with_document(Document::default(), None, settings);
        let opened = match initial_file {
            Some(path) => app.open_path(&path),
            None => match app.settings.last_file.clone().filter(|p| p.is_file()) {
                Some(last) => app.open_path(&last),
                None => false,
            },
        };
        if opened {
            // No "Opened …" notice on start: the title and status bar say it.
            app.message = None;
        } else {
            // Keep the reason the file did not open in front of the example.
            let (modal, message) = (app.modal.take(), app.message.take());
            app.open_example();
            if let Some(Modal::OpenFailed { message: text, .. }) = modal {
                app.modal = Some(Modal::OpenFailed {
                    message: text,
                    kept: "The example plan is open instead.".to_owned(),
                });
                app.message = message;
            }
        }
        match RecoveryStore::default_location() {
            Ok(store) => {
                let modal = app.modal.take();
                app = app.with_recovery_store(store);
                if modal.is_some() {
                    app.modal = modal;
                }
            }
            Err(e) => app.error(e.to_string()),
        }
        app
    }

    // ------------------------------------------------------------ accessors

    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn selected_workflow(&self) -> Option<WorkflowId> {
        self.workflow
    }

    pub fn selection(&self) -> &Selection {
        self.canvas.selection()
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// "Automap — <plan name>", with "•" while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { " •" } else { "" };
        format!("Automap — {}{dirty}", self.doc.plan().name)
    }

    /// The current status bar message and whether it is an error.
    pub fn message(&self) -> Option<(&str, bool)> {
        self.message.as_ref().map(|m| (m.text.as_str(), m.error))
    }

    fn notice(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
            at: Instant::now(),
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        log::warn!("{text}");
        self.message = Some(Message {
            text,
            error: true,
            at: Instant::now(),
        });
    }

    /// The method's results for the plan as it is now (recomputed only after a change).
    fn refresh_analysis(&mut self) {
        let rev = self.doc.revision();
        if self.analysis_revision != Some(rev) {
            self.analysis = analysis::analyze(self.doc.plan());
            self.analysis_revision = Some(rev);
        }
    }

    // ------------------------------------------------------------ files

    fn open_example(&mut self) {
        // Next to the program's project (a checkout): open the real file.
        let candidates = [
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("plans")
                .join(EXAMPLE_FILE_NAME),
            PathBuf::from("plans").join(EXAMPLE_FILE_NAME),
        ];
        for c in candidates {
            if c.is_file() && self.open_path(&c) {
                return;
            }
        }
        // Anywhere else: the bundled copy, as an untitled plan.
        match storage::from_str(EXAMPLE_PLAN, EXAMPLE_FILE_NAME) {
            Ok(loaded) => {
                self.set_plan(loaded.plan, None, None);
                self.notice("This is the example plan. Save it under a name of your own to keep your changes.");
            }
            Err(e) => self.error(format!("The bundled example could not be read: {e}")),
        }
    }

    /// Replace the open plan (after the unsaved-changes question was answered).
    fn set_plan(&mut self, plan: Plan, path: Option<PathBuf>, stamp: Option<FileStamp>) {
        self.doc.replace_plan(plan);
        self.path = path;
        self.stamp = stamp;
        let key = self.recovery_key();
        // The old plan's copy was removed when it was saved or discarded; a copy
        // left for "decide later" stays.
        self.autosave.set_key(key, false);
        self.workflow = self.doc.plan().workflows.first().map(|w| w.id);
        self.canvas = CanvasState::default();
        self.inspector = InspectorState::default();
        self.tab = Tab::Map;
    }

    /// Open a plan file. On failure the current plan stays open and a message
    /// says why. Returns whether the file was opened.
    pub fn open_path(&mut self, path: &Path) -> bool {
        match storage::load_stamped(path) {
            Ok((loaded, stamp)) => {
                let notices = loaded.problems.len();
                self.set_plan(loaded.plan, Some(path.to_path_buf()), Some(stamp));
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

    fn new_plan(&mut self) {
        let mut plan = Plan::new("Untitled plan");
        plan.workflows.push(Workflow {
            id: WorkflowId(1),
            name: "Main workflow".to_owned(),
            ..Workflow::default()
        });
        self.set_plan(plan, None, None);
        self.notice("New plan. Draw its first workflow on the map.");
    }

    fn default_file_name(&self) -> String {
        let stem: String = self
            .doc
            .plan()
            .name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let stem = stem.trim_matches('-');
        if stem.is_empty() {
            "plan".to_owned()
        } else {
            stem.to_owned()
        }
    }

    fn file_dir(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|p| !p.as_os_str().is_empty())
    }

    /// Save to the current file, asking for one when there is none.
    /// Returns true when the plan is now saved.
    fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) -> bool {
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
        self.write_to(ctx, &path, then)
    }

    fn save_as(&mut self, ctx: &egui::Context, then: Option<Pending>) {
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

    /// Write the plan to `path` (atomic; keeps the previous file as .bak),
    /// then carry on with `then`.
    fn write_to(&mut self, ctx: &egui::Context, path: &Path, then: Option<Pending>) -> bool {
        match storage::save_stamped(self.doc.plan(), path) {
            Ok(stamp) => {
                self.doc.mark_saved();
                self.path = Some(path.to_path_buf());
                self.stamp = Some(stamp);
                self.autosave.set_key(RecoveryKey::for_file(path), true);
                self.autosave.discard();
                self.settings.remember(path);
                self.notice(format!("Saved {}", path.display()));
                if let Some(p) = then {
                    self.run_pending(ctx, p);
                }
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    fn export_markdown(&mut self, path: &Path) {
        let text = crate::export::markdown(self.doc.plan());
        match storage::write_file_atomic(path, text.as_bytes(), false) {
            Ok(()) => self.notice(format!("Exported {}", path.display())),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Ask before throwing away unsaved changes; otherwise go ahead.
    fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved { then });
        } else {
            self.run_pending(ctx, then);
        }
    }

    fn run_pending(&mut self, ctx: &egui::Context, p: Pending) {
        match p {
            Pending::NewPlan => self.new_plan(),
            Pending::Open(Some(path)) => {
                self.open_path(&path);
            }
            Pending::Open(None) => {
                let spec =
                    DialogSpec::open("Open plan", "Automap plan", "ron").in_dir(self.file_dir());
                self.dialogs.request(ctx, FilePurpose::Open, spec);
            }
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }
}

// ---------------------------------------------------------------- commands

impl AutomapApp {
    /// Can the command run now?
    fn enabled(&self, cmd: Command) -> bool {
        let has_wf = self.workflow.is_some();
        match cmd {
            Command::Undo => self.doc.can_undo(),
            Command::Redo => self.doc.can_redo(),
            Command::DuplicateWorkflow | Command::DeleteWorkflow | Command::RenameWorkflow => {
                has_wf
            }
            Command::MoveWorkflowUp => self
                .workflow
                .and_then(|id| self.doc.plan().workflow_index(id))
                .is_some_and(|i| i > 0),
            Command::MoveWorkflowDown => self
                .workflow
                .and_then(|id| self.doc.plan().workflow_index(id))
                .is_some_and(|i| i + 1 < self.doc.plan().workflows.len()),
            Command::Cut
            | Command::Copy
            | Command::Duplicate
            | Command::Delete
            | Command::Rename
            | Command::AppendStep
            | Command::ZoomToSelection => has_wf && !self.canvas.selection().steps.is_empty(),
            Command::Paste
            | Command::SelectAll
            | Command::TidyUp
            | Command::ZoomToFit
            | Command::ZoomReset
            | Command::ToggleSnap
            | Command::ToggleMinimap
            | Command::Find
            | Command::ExportImage
            | Command::NewWorkflowFromList => has_wf,
            _ => true,
        }
    }

    /// Run a command from a menu, a button or a key.
    pub fn execute(&mut self, ctx: &egui::Context, cmd: Command) {
        if !self.enabled(cmd) {
            return;
        }
        match cmd {
            Command::NewPlan => self.guard(ctx, Pending::NewPlan),
            Command::Open => self.guard(ctx, Pending::Open(None)),
            Command::Save => {
                self.save(ctx, None);
            }
            Command::SaveAs => self.save_as(ctx, None),
            Command::ExportMarkdown => {
                let spec = DialogSpec::save(
                    "Export plan as Markdown",
                    "Markdown",
                    "md",
                    &format!("{}.md", self.default_file_name()),
                )
                .in_dir(self.file_dir());
                self.dialogs.request(ctx, FilePurpose::ExportMarkdown, spec);
            }
            Command::Quit => self.guard(ctx, Pending::Quit),
            Command::Undo => {
                self.inspector = InspectorState::default();
                match self.doc.undo() {
                    Some(label) => self.notice(format!("Undid: {label}")),
                    None => self.notice("Nothing to undo"),
                }
                self.fix_selection();
            }
            Command::Redo => {
                self.inspector = InspectorState::default();
                match self.doc.redo() {
                    Some(label) => self.notice(format!("Redid: {label}")),
                    None => self.notice("Nothing to redo"),
                }
                self.fix_selection();
            }
            Command::AddWorkflow => self.add_workflow(),
            Command::DuplicateWorkflow => self.duplicate_workflow(),
            Command::DeleteWorkflow => self.delete_workflow(),
            Command::RenameWorkflow => {
                if let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id)) {
                    self.modal = Some(Modal::RenameWorkflow {
                        id: w.id,
                        name: w.name.clone(),
                        description: w.description.clone(),
                        focus: true,
                    });
                }
            }
            Command::MoveWorkflowUp | Command::MoveWorkflowDown => {
                if let Some(id) = self.workflow
                    && let Some(i) = self.doc.plan().workflow_index(id)
                {
                    let to = if cmd == Command::MoveWorkflowUp {
                        i.saturating_sub(1)
                    } else {
                        i + 1
                    };
                    self.apply("Move workflow", Edit::MoveWorkflow { id, to });
                }
            }
            Command::ShowMap => self.tab = Tab::Map,
            Command::ShowReview => self.tab = Tab::Review,
            Command::ShowRoadmap => self.tab = Tab::Roadmap,
            Command::ShowTools => self.tab = Tab::Tools,
            Command::ToggleFindings => {
                self.settings.show_findings = !self.settings.show_findings;
            }
            // Everything else happens on the map.
            other => self.map_command(other),
        }
    }

    fn apply(&mut self, label: &str, edit: Edit) -> bool {
        match self.doc.apply(label, edit) {
            Ok(()) => true,
            Err(e) => {
                self.error(format!("{label} failed: {e}"));
                false
            }
        }
    }

    /// Keep the selected workflow pointing at one that exists (the canvas
    /// keeps its own selection in step with the plan).
    fn fix_selection(&mut self) {
        let plan = self.doc.plan();
        if self.workflow.and_then(|id| plan.workflow(id)).is_none() {
            self.workflow = plan.workflows.first().map(|w| w.id);
        }
    }

    fn select_workflow(&mut self, id: WorkflowId) {
        if self.workflow != Some(id) {
            self.workflow = Some(id);
        }
    }

    fn add_workflow(&mut self) {
        let plan = self.doc.plan();
        let id = plan.next_workflow_id();
        let mut n = plan.workflows.len() + 1;
        let mut name = format!("Workflow {n}");
        while plan.workflows.iter().any(|w| w.name == name) {
            n += 1;
            name = format!("Workflow {n}");
        }
        let index = self
            .workflow
            .and_then(|w| plan.workflow_index(w))
            .map_or(plan.workflows.len(), |i| i + 1);
        let workflow = Workflow {
            id,
            name: name.clone(),
            ..Workflow::default()
        };
        if self.apply("Add workflow", Edit::InsertWorkflow { index, workflow }) {
            self.select_workflow(id);
            self.modal = Some(Modal::RenameWorkflow {
                id,
                name,
                description: String::new(),
                focus: true,
            });
        }
    }

    fn duplicate_workflow(&mut self) {
        let plan = self.doc.plan();
        let Some(src) = self.workflow.and_then(|id| plan.workflow(id)) else {
            return;
        };
        let index = plan.workflow_index(src.id).map_or(0, |i| i + 1);
        let copy = duplicate(src, plan.next_workflow_id(), plan.next_step_id());
        let id = copy.id;
        let name = copy.name.clone();
        if self.apply(
            "Duplicate workflow",
            Edit::InsertWorkflow {
                index,
                workflow: copy,
            },
        ) {
            self.select_workflow(id);
            self.notice(format!("Added \"{name}\""));
        }
    }

    fn delete_workflow(&mut self) {
        let Some(id) = self.workflow else { return };
        let plan = self.doc.plan();
        let Some(i) = plan.workflow_index(id) else {
            return;
        };
        let name = plan
            .workflows
            .get(i)
            .map(|w| w.name.clone())
            .unwrap_or_default();
        let next = plan
            .workflows
            .get(i + 1)
            .or_else(|| i.checked_sub(1).and_then(|j| plan.workflows.get(j)))
            .map(|w| w.id);
        if self.apply("Delete workflow", Edit::RemoveWorkflow { id }) {
            self.workflow = next;
            self.notice(format!("Deleted \"{name}\" (Undo brings it back)"));
        }
    }

    /// Commands that belong to the map of the selected workflow.
    fn map_command(&mut self, cmd: Command) {
        let Some(wf) = self.workflow else { return };
        self.tab = Tab::Map;
        if !self.canvas.execute(cmd, &mut self.doc, wf) {
            self.notice(format!("{} is not available here.", cmd.label()));
        }
    }

    /// Handle a request from a view.
    fn handle_action(&mut self, ctx: &egui::Context, action: UiAction) {
        match action {
            UiAction::Command(cmd) => self.execute(ctx, cmd),
            UiAction::ShowStep { workflow, step } => self.show_step(workflow, step),
        }
    }

    /// Switch to the map of `workflow`, select `step` and centre it.
    pub fn show_step(&mut self, workflow: WorkflowId, step: StepId) {
        if self.doc.plan().workflow(workflow).is_none() {
            return;
        }
        self.tab = Tab::Map;
        self.workflow = Some(workflow);
        self.canvas.select_and_center(workflow, &[step]);
    }

    /// Keyboard shortcuts from the command list. Keys that mean something in
    /// a text field wait while one has focus.
    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if self.modal.is_some() || self.dialogs.path_field_open() {
            return Vec::new();
        }
        let typing = ctx.text_edit_focused();
        let on_map = self.tab == Tab::Map;
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for (shortcut, cmd) in Command::shortcut_table() {
                if typing && cmd.yields_to_text_field() {
                    continue;
                }
                // Single keys (Delete, F, G, M, F2) belong to the map, which
                // takes them while it has the pointer or focus.
                if shortcut.modifiers == egui::Modifiers::NONE {
                    continue;
                }
                if cmd.is_map_command() && !on_map {
                    continue;
                }
                if i.consume_shortcut(&shortcut) {
                    fired.push(cmd);
                }
            }
        });
        fired
    }
}

/// A copy of a workflow with fresh workflow and step ids.
fn duplicate(src: &Workflow, id: WorkflowId, first_step: StepId) -> Workflow {
    let mut map = std::collections::HashMap::new();
    let mut next = first_step.0;
    let steps: Vec<Step> = src
        .steps
        .iter()
        .map(|s| {
            let new_id = StepId(next);
            // Ids at the very top of the range collide and the edit is refused, rather than overflow.
            next = next.saturating_add(1);
            map.insert(s.id, new_id);
            Step {
                id: new_id,
                ..s.clone()
            }
        })
        .collect();
    let links = src
        .links
        .iter()
        .filter_map(|l| {
            Some(Link {
                from: *map.get(&l.from)?,
                to: *map.get(&l.to)?,
                label: l.label.clone(),
            })
        })
        .collect();
    Workflow {
        id,
        name: format!("{} (copy)", src.name),
        description: src.description.clone(),
        steps,
        links,
    }
}

// ---------------------------------------------------------------- drawing

/// A menu entry for a command, with its shortcut shown.
fn command_button(
    ui: &mut Ui,
    cmd: Command,
    text: Option<String>,
    enabled: bool,
    out: &mut Vec<UiAction>,
) {
    let label = text.unwrap_or_else(|| cmd.label().to_owned());
    let button = egui::Button::new(label).shortcut_text(cmd.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        out.push(UiAction::Command(cmd));
        ui.close();
    }
}

/// A menu entry for a command that switches something on or off.
fn toggle_button(ui: &mut Ui, cmd: Command, on: bool, enabled: bool, out: &mut Vec<UiAction>) {
    let button =
        egui::Button::selectable(on, cmd.label()).shortcut_text(cmd.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        out.push(UiAction::Command(cmd));
        ui.close();
    }
}

/// What was picked in a question with two answers and Cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    First,
    Second,
    Cancel,
}

/// A modal question with two answers and Cancel. `None` while it stays open;
/// closing it another way (Escape, a click outside) counts as Cancel.
fn ask(
    ctx: &egui::Context,
    id: &str,
    width: f32,
    heading: &str,
    lines: &[&str],
    answers: [&str; 2],
) -> Option<Answer> {
    let mut choice = None;
    let r = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_width(width);
        ui.heading(heading);
        for line in lines {
            ui.label(*line);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (text, answer) in [
                (answers[0], Answer::First),
                (answers[1], Answer::Second),
                ("Cancel", Answer::Cancel),
            ] {
                if ui.button(text).clicked() {
                    choice = Some(answer);
                }
            }
        });
    });
    if r.should_close() && choice.is_none() {
        choice = Some(Answer::Cancel);
    }
    choice
}

impl AutomapApp {
    /// Draw one frame. Used by eframe and by the UI tests.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_analysis();
        if let Some(e) = self.autosave.tick(&ctx, &self.doc) {
            self.error(e);
        }
        self.handle_close_request(&ctx);
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
        if let Some(m) = &self.message
            && !m.error
        {
            let left = NOTICE_TIME.saturating_sub(m.at.elapsed());
            if left.is_zero() {
                self.message = None;
            } else {
                ctx.request_repaint_after(left);
            }
        }

        let mut actions: Vec<UiAction> = self
            .shortcuts(&ctx)
            .into_iter()
            .map(UiAction::Command)
            .collect();

        egui::Panel::top("automap-menu").show(ui, |ui| self.menu_bar(ui, &mut actions));
        egui::Panel::top("automap-tabs").show(ui, |ui| self.tab_bar(ui, &mut actions));
        egui::Panel::bottom("automap-status").show(ui, |ui| self.status_bar(ui, &mut actions));
        if self.settings.show_findings {
            egui::Panel::bottom("automap-findings")
                .resizable(true)
                .default_size(160.0)
                .show(ui, |ui| self.findings(ui, &mut actions));
        }
        egui::Panel::left("automap-workflows")
            .resizable(true)
            .default_size(210.0)
            .show(ui, |ui| self.workflow_list(ui, &mut actions));
        if self.tab == Tab::Map {
            egui::Panel::right("automap-inspector")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    inspector_ui(
                        ui,
                        &mut self.doc,
                        self.workflow,
                        self.canvas.selection(),
                        &self.analysis,
                        &mut self.inspector,
                    );
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut actions));

        self.modals(&ctx);
        if let Some((purpose, path)) = self.dialogs.show(&ctx) {
            self.file_chosen(&ctx, purpose, &path);
        }
        for a in actions {
            self.handle_action(&ctx, a);
        }
        self.fix_selection();
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
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

    fn file_chosen(&mut self, ctx: &egui::Context, purpose: FilePurpose, path: &Path) {
        match purpose {
            // Edits made while the dialog was open are guarded too.
            FilePurpose::Open => self.guard(ctx, Pending::Open(Some(path.to_path_buf()))),
            FilePurpose::SaveAs { then } => {
                self.write_to(ctx, path, then);
            }
            FilePurpose::ExportMarkdown => self.export_markdown(path),
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for cmd in [Command::NewPlan, Command::Open] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak("No recent plans");
                    }
                    let mut chosen = None;
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            chosen = Some(p.clone());
                            ui.close();
                        }
                    }
                    if let Some(p) = chosen {
                        self.guard(ui.ctx(), Pending::Open(Some(p)));
                    }
                });
                ui.separator();
                for cmd in [Command::Save, Command::SaveAs] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
                ui.separator();
                for cmd in [
                    Command::ExportMarkdown,
                    Command::ExportImage,
                    Command::NewWorkflowFromList,
                ] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
                ui.separator();
                command_button(ui, Command::Quit, None, true, out);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.doc.undo_label().map(|l| format!("Undo {l}"));
                command_button(ui, Command::Undo, undo, self.enabled(Command::Undo), out);
                let redo = self.doc.redo_label().map(|l| format!("Redo {l}"));
                command_button(ui, Command::Redo, redo, self.enabled(Command::Redo), out);
                ui.separator();
                for cmd in [
                    Command::Cut,
                    Command::Copy,
                    Command::Paste,
                    Command::Duplicate,
                    Command::Delete,
                    Command::SelectAll,
                ] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
                ui.separator();
                for cmd in [Command::Rename, Command::AppendStep] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
            });
            ui.menu_button("View", |ui| {
                for (cmd, tab) in [
                    (Command::ShowMap, Tab::Map),
                    (Command::ShowReview, Tab::Review),
                    (Command::ShowRoadmap, Tab::Roadmap),
                    (Command::ShowTools, Tab::Tools),
                ] {
                    toggle_button(ui, cmd, self.tab == tab, true, out);
                }
                ui.separator();
                for cmd in [
                    Command::TidyUp,
                    Command::ZoomToFit,
                    Command::ZoomToSelection,
                    Command::ZoomReset,
                ] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
                let (snap, minimap) = (self.canvas.snap, self.canvas.minimap);
                toggle_button(
                    ui,
                    Command::ToggleSnap,
                    snap,
                    self.enabled(Command::ToggleSnap),
                    out,
                );
                toggle_button(
                    ui,
                    Command::ToggleMinimap,
                    minimap,
                    self.enabled(Command::ToggleMinimap),
                    out,
                );
                command_button(ui, Command::Find, None, self.enabled(Command::Find), out);
                ui.separator();
                toggle_button(
                    ui,
                    Command::ToggleFindings,
                    self.settings.show_findings,
                    true,
                    out,
                );
                ui.menu_button("Theme", |ui| {
                    let before = self.settings.theme;
                    ui.radio_value(
                        &mut self.settings.theme,
                        ThemeChoice::System,
                        "Follow the system",
                    );
                    ui.radio_value(&mut self.settings.theme, ThemeChoice::Light, "Light");
                    ui.radio_value(&mut self.settings.theme, ThemeChoice::Dark, "Dark");
                    if self.settings.theme != before {
                        ui.ctx().set_theme(self.settings.theme.preference());
                    }
                });
            });
            ui.menu_button("Workflow", |ui| {
                for cmd in [
                    Command::AddWorkflow,
                    Command::DuplicateWorkflow,
                    Command::RenameWorkflow,
                    Command::DeleteWorkflow,
                    Command::MoveWorkflowUp,
                    Command::MoveWorkflowDown,
                ] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
            });
        });
    }

    fn tab_bar(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        ui.horizontal(|ui| {
            for (tab, cmd) in [
                (Tab::Map, Command::ShowMap),
                (Tab::Review, Command::ShowReview),
                (Tab::Roadmap, Command::ShowRoadmap),
                (Tab::Tools, Command::ShowTools),
            ] {
                let r = ui
                    .selectable_label(self.tab == tab, RichText::new(cmd.label()).strong())
                    .on_hover_text(cmd.shortcut_text(ui.ctx()));
                if r.clicked() {
                    out.push(UiAction::Command(cmd));
                }
            }
            ui.separator();
            if let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id))
                && self.tab == Tab::Map
            {
                ui.label(RichText::new(&w.name).weak());
            }
        });
    }

    fn workflow_list(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        ui.heading("Workflows");
        ui.add_space(2.0);
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("workflow-list")
            .max_height((ui.available_height() - 70.0).max(40.0))
            .show(ui, |ui| {
                for w in &self.doc.plan().workflows {
                    let selected = self.workflow == Some(w.id);
                    let name = if w.name.trim().is_empty() {
                        "(unnamed workflow)".to_owned()
                    } else {
                        w.name.clone()
                    };
                    let r = ui
                        .add(
                            egui::Button::selectable(selected, name)
                                .min_size(egui::vec2(ui.available_width(), 0.0)),
                        )
                        .on_hover_text(format!("{} steps", w.steps.len()));
                    if r.clicked() {
                        clicked = Some((w.id, false));
                    }
                    if r.double_clicked() {
                        clicked = Some((w.id, true));
                    }
                    r.context_menu(|ui| {
                        for cmd in [
                            Command::RenameWorkflow,
                            Command::DuplicateWorkflow,
                            Command::MoveWorkflowUp,
                            Command::MoveWorkflowDown,
                            Command::DeleteWorkflow,
                        ] {
                            if ui.button(cmd.label()).clicked() {
                                clicked = Some((w.id, false));
                                out.push(UiAction::Command(cmd));
                                ui.close();
                            }
                        }
                    });
                }
            });
        if let Some((id, rename)) = clicked {
            self.select_workflow(id);
            self.tab = Tab::Map;
            if rename {
                out.push(UiAction::Command(Command::RenameWorkflow));
            }
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for (cmd, text) in [
                (Command::AddWorkflow, "Add"),
                (Command::RenameWorkflow, "Rename"),
                (Command::DuplicateWorkflow, "Duplicate"),
                (Command::DeleteWorkflow, "Delete"),
                (Command::MoveWorkflowUp, "Up"),
                (Command::MoveWorkflowDown, "Down"),
            ] {
                let r = ui
                    .add_enabled(self.enabled(cmd), egui::Button::new(text).small())
                    .on_hover_text(cmd.label());
                if r.clicked() {
                    out.push(UiAction::Command(cmd));
                }
            }
        });
    }

    fn central(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        // The side panels may have changed the plan earlier in this frame; the
        // views (and what they keep between frames) need the matching analysis.
        self.refresh_analysis();
        match self.tab {
            Tab::Map => self.map(ui),
            Tab::Review => {
                if let Some(a) = super::review::review_ui(ui, &mut self.doc, &self.analysis) {
                    out.push(a);
                }
            }
            Tab::Roadmap => {
                if let Some(a) =
                    super::roadmap_board::roadmap_board(ui, &mut self.doc, &self.analysis)
                {
                    out.push(a);
                }
            }
            Tab::Tools => {
                if let Some(a) = super::catalog::catalog_ui(ui, &mut self.doc) {
                    out.push(a);
                }
            }
        }
    }

    /// The map of the selected workflow.
    fn map(&mut self, ui: &mut Ui) {
        let Some(wf) = self
            .workflow
            .filter(|id| self.doc.plan().workflow(*id).is_some())
        else {
            ui.label("This plan has no workflow yet. Add one with Workflow → Add workflow.");
            return;
        };
        self.canvas.show(ui, &mut self.doc, wf, &self.analysis);
        if let Some(other) = self.canvas.take_switch_request() {
            self.select_workflow(other);
        }
    }

    fn findings(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        ui.horizontal(|ui| {
            ui.strong("Findings");
            ui.weak("Click a finding to show its step on the map.");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("Hide")
                    .on_hover_text(Command::ToggleFindings.shortcut_text(ui.ctx()))
                    .clicked()
                {
                    out.push(UiAction::Command(Command::ToggleFindings));
                }
            });
        });
        if let Some(a) = super::findings::findings_panel(ui, self.doc.plan(), &self.analysis) {
            out.push(a);
        }
    }

    fn status_bar(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        ui.horizontal(|ui| {
            let file = match &self.path {
                Some(p) => p.display().to_string(),
                None => "Not saved to a file yet".to_owned(),
            };
            ui.label(RichText::new(file).small());
            if self.doc.is_dirty() {
                ui.label(RichText::new("• Unsaved changes").small().strong());
            }
            ui.separator();
            ui.label(
                RichText::new(match self.doc.plan().step_count() {
                    1 => "1 step".to_owned(),
                    n => format!("{n} steps"),
                })
                .small(),
            );
            ui.separator();
            let n = self.analysis.findings().len();
            if ui
                .add(
                    egui::Button::new(
                        RichText::new(if n == 1 {
                            "1 finding".to_owned()
                        } else {
                            format!("{n} findings")
                        })
                        .small(),
                    )
                    .frame(false),
                )
                .on_hover_text("Show or hide the findings panel")
                .clicked()
            {
                out.push(UiAction::Command(Command::ToggleFindings));
            }
            if let Some(l) = self.doc.undo_label() {
                ui.separator();
                ui.label(
                    RichText::new(format!(
                        "{} undoes: {l}",
                        Command::Undo.shortcut_text(ui.ctx())
                    ))
                    .small()
                    .weak(),
                );
            }
            if self.autosave.busy() {
                ui.separator();
                ui.spinner();
                ui.label(RichText::new("Saving a recovery copy…").small());
            }
            if self.dialogs.waiting_for_system_dialog() {
                // No spinner: it would redraw the window all the time the dialog is open.
                ui.separator();
                ui.label(RichText::new("Waiting for the file dialog…").small());
            }
            if let Some(m) = &self.message {
                ui.separator();
                let color = if m.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.label(RichText::new(&m.text).small().color(color));
                if m.error && ui.small_button("Dismiss").clicked() {
                    self.message = None;
                }
            }
        });
    }

    fn modals(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.clone() else {
            return;
        };
        match modal {
            Modal::Unsaved { then } => {
                let what = match &then {
                    Pending::NewPlan => "starting a new plan",
                    Pending::Open(_) => "opening another plan",
                    Pending::Quit => "quitting",
                };
                let question = format!(
                    "\"{}\" has changes that are not saved. Save them before {what}?",
                    self.doc.plan().name
                );
                let answer = ask(
                    ctx,
                    "automap-unsaved",
                    420.0,
                    "Unsaved changes",
                    &[&question],
                    ["Save", "Discard changes"],
                );
                match answer {
                    Some(Answer::First) => {
                        self.modal = None;
                        self.save(ctx, Some(then));
                    }
                    Some(Answer::Second) => {
                        self.modal = None;
                        self.autosave.discard();
                        self.run_pending(ctx, then);
                    }
                    Some(Answer::Cancel) => self.modal = None,
                    None => {}
                }
            }
            Modal::ChangedOnDisk { path, then } => {
                let changed = format!(
                    "{} was changed by another program since it was opened here.",
                    path.display()
                );
                let answer = ask(
                    ctx,
                    "automap-changed",
                    460.0,
                    "File changed on disk",
                    &[
                        &changed,
                        "Overwrite it with this plan, or reload it from disk (your unsaved changes here are lost)?",
                    ],
                    ["Overwrite", "Reload from disk"],
                );
                match answer {
                    Some(Answer::First) => {
                        self.modal = None;
                        self.write_to(ctx, &path, then);
                    }
                    Some(Answer::Second) => {
                        self.modal = None;
                        self.open_path(&path);
                    }
                    Some(Answer::Cancel) => self.modal = None,
                    None => {}
                }
            }
            Modal::OpenFailed { message, kept } => {
                let mut close = false;
                let r = egui::Modal::new(egui::Id::unique("automap-open-failed")).show(ctx, |ui| {
                    ui.set_width(480.0);
                    ui.heading("Could not open the file");
                    ui.label(RichText::new(&message).color(ui.visuals().error_fg_color));
                    ui.label(kept.as_str());
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                });
                if close || r.should_close() {
                    self.modal = None;
                }
            }
            Modal::Recovery => self.recovery_modal(ctx),
            Modal::RenameWorkflow {
                id,
                mut name,
                mut description,
                focus,
            } => {
                let mut choice = None;
                let r = egui::Modal::new(egui::Id::unique("automap-rename")).show(ctx, |ui| {
                    ui.set_width(420.0);
                    ui.heading("Workflow");
                    let l = ui.label("Name");
                    let n = ui
                        .add(
                            egui::TextEdit::singleline(&mut name)
                                .id_salt("rename-workflow-name")
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    if focus {
                        n.request_focus();
                    }
                    if n.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        choice = Some(true);
                    }
                    let l = ui.label("Description");
                    ui.add(
                        egui::TextEdit::multiline(&mut description)
                            .id_salt("rename-workflow-description")
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("OK").clicked() {
                            choice = Some(true);
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some(false);
                        }
                    });
                });
                if r.should_close() && choice.is_none() {
                    choice = Some(false);
                }
                match choice {
                    Some(true) => {
                        self.modal = None;
                        let changed = self
                            .doc
                            .plan()
                            .workflow(id)
                            .is_some_and(|w| w.name != name || w.description != description);
                        if changed {
                            self.apply(
                                "Rename workflow",
                                Edit::SetWorkflowInfo {
                                    id,
                                    name,
                                    description,
                                },
                            );
                        }
                    }
                    Some(false) => self.modal = None,
                    None => {
                        self.modal = Some(Modal::RenameWorkflow {
                            id,
                            name,
                            description,
                            focus: false,
                        });
                    }
                }
            }
        }
    }
}

impl eframe::App for AutomapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        AutomapApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }
}

impl AutomapApp {
    fn restore(&mut self, info: &RecoveryInfo) {
        let Some(store) = self.autosave.store().cloned() else {
            return;
        };
        match store.restore(info) {
            Ok(loaded) => {
                let path = info.plan_path().map(Path::to_path_buf);
                let stamp = path.as_deref().and_then(|p| storage::stamp(p).ok());
                self.set_plan(loaded.plan, path, stamp);
                self.autosave.set_key(info.key.clone(), false);
                self.doc.mark_unsaved();
                self.notice(format!(
                    "Restored \"{}\". Save it to keep it.",
                    info.plan_name
                ));
            }
            Err(e) => self.error(format!("The recovery copy could not be read: {e}")),
        }
    }

    fn recovery_modal(&mut self, ctx: &egui::Context) {
        let now = std::time::SystemTime::now();
        let mut restore = None;
        let mut discard = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("automap-recovery")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Recover unsaved work");
            if let Some(report) = self.crash_reports.last() {
                ui.label(
                    RichText::new("Automap closed unexpectedly last time.")
                        .color(ui.visuals().warn_fg_color),
                );
                ui.label(format!(
                    "A short report was saved in {}.",
                    report.file.display()
                ));
                ui.add_space(6.0);
            }
            if self.recovery_offers.is_empty() {
                ui.label("There were no unsaved changes to recover.");
            }
            for (i, info) in self.recovery_offers.iter().enumerate() {
                ui.separator();
                ui.label(info.describe(now));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        restore = Some(i);
                    }
                    if ui.button("Discard").clicked() {
                        discard = Some(i);
                    }
                });
            }
            ui.add_space(8.0);
            let text = if self.recovery_offers.is_empty() {
                "OK"
            } else {
                "Decide later"
            };
            if ui.button(text).clicked() {
                close = true;
            }
        });
        if let Some(i) = discard
            && i < self.recovery_offers.len()
        {
            let info = self.recovery_offers.remove(i);
            if let Some(store) = self.autosave.store()
                && let Err(e) = store.discard(&info.key)
            {
                self.error(e.to_string());
            }
        }
        if let Some(i) = restore
            && i < self.recovery_offers.len()
        {
            let info = self.recovery_offers.remove(i);
            self.restore(&info);
            close = true;
        }
        if self.recovery_offers.is_empty() && discard.is_some() {
            close = true;
        }
        if close {
            if let Some(store) = self.autosave.store() {
                for r in std::mem::take(&mut self.crash_reports) {
                    let _ = store.dismiss_crash_report(&r);
                }
            }
            if matches!(self.modal, Some(Modal::Recovery)) {
                self.modal = None;
            }
        }
    }
}
