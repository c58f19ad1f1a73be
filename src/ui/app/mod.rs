//! The window: its state and one frame. Views get the plan and the derived
//! results and hand back [`UiAction`]s; every change to the plan goes through
//! the edit API.
//!
//! - `files`: open, save, save as, export, and the unsaved-changes guard;
//! - `command_handling`: every command, from menus, buttons, palette and keys;
//! - `panels`: menu bar, tabs, workflow list, findings, status bar;
//! - `modals`: the dialogs in front of the window;
//! - `recovery`: recovery copies and crash reports from an earlier run.

mod command_handling;
mod comparing;
mod export_image;
mod files;
mod import;
mod modals;
mod palette;
mod panels;
mod recovery;
mod settings;

use settings::SETTINGS_KEY;
pub use settings::{Settings, ThemeChoice};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Ui, ViewportCommand};

use super::derived::Derived;
use crate::edit::Document;
use crate::model::{Plan, WorkflowId};
use crate::storage::recovery::{CrashReport, RecoveryInfo, RecoveryKey, RecoveryStore};
use crate::storage::{FileStamp, HandEdits};

use super::autosave::Autosave;

use super::canvas::CanvasState;
use super::file_dialog::FileDialogs;
use super::inspector::{InspectorState, inspector_ui};
use super::{Selection, UiAction};

/// How long a notice stays in the status bar.
const NOTICE_TIME: Duration = Duration::from_secs(6);

/// The example plan shipped inside the program.
pub const EXAMPLE_PLAN: &str = include_str!("../../../plans/order-fulfillment.ron");
const EXAMPLE_FILE_NAME: &str = "order-fulfillment.ron";

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
    SaveAs {
        then: Option<Pending>,
    },
    ExportMarkdown,
    /// File → Import…: a spreadsheet, checklist or Mermaid file.
    Import,
    /// "Browse…" in the Export image window.
    ExportImage,
}

/// An action held back by the unsaved-changes question.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    NewPlan,
    /// A new plan from the bundled template of this name.
    NewFromTemplate(&'static str),
    /// Open a file; `None`: ask which one.
    Open(Option<PathBuf>),
    /// Put an earlier version of the open plan (a file in the data folder)
    /// into the editor.
    RestoreVersion(PathBuf),
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
    /// The first save over a hand-edited file would drop its comments or
    /// unknown fields.
    DropHandEdits {
        path: PathBuf,
        warning: String,
        then: Option<Pending>,
    },
    /// File → New from template…: which template (an index into the list).
    Templates {
        choice: usize,
    },
    /// First save of a plan never named: its name, before writing `path`.
    NamePlan {
        name: String,
        path: PathBuf,
        then: Option<Pending>,
    },
    /// File → New workflow from list: a name and one step per line.
    FromList {
        name: String,
        text: String,
    },
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
    /// Everything derived from the plan, once per revision.
    derived: Derived,
    tab: Tab,
    workflow: Option<WorkflowId>,
    /// The map editor, with the selection and each workflow's view.
    canvas: CanvasState,
    inspector: InspectorState,
    dialogs: FileDialogs<FilePurpose>,
    modal: Option<Modal>,
    palette: palette::Palette,
    /// The Export image window, while open.
    export_image: Option<export_image::ExportImage>,
    /// The Compare with… window, while open.
    compare: Option<crate::ui::compare::CompareWindow>,
    /// The comparison in force (its marks are on the map), open window or not.
    comparison: Option<crate::ui::compare::Comparison>,
    message: Option<Message>,
    /// The title last sent to the window.
    sent_title: String,
    /// The app's text sizes are set on the context.
    styled: bool,
    /// Quitting was confirmed: let the window close.
    allow_close: bool,
    autosave: Autosave,
    /// Recovery copies found on start, not yet restored or discarded.
    recovery_offers: Vec<RecoveryInfo>,
    /// Crash reports left by the last run.
    crash_reports: Vec<CrashReport>,
    /// What the next save over the open file would drop (comments, unknown
    /// fields); emptied once the owner chose to save anyway.
    hand_edits: HandEdits,
    /// An open or save running in the background.
    file_job: Option<files::FileJob>,
}

impl AutomapApp {
    fn with_document(doc: Document, path: Option<PathBuf>, settings: Settings) -> Self {
        let workflow = doc.plan().workflows.first().map(|w| w.id);
        Self {
            doc,
            path,
            stamp: None,
            settings,
            derived: Derived::default(),
            tab: Tab::Map,
            workflow,
            canvas: CanvasState::default(),
            inspector: InspectorState::default(),
            dialogs: FileDialogs::default(),
            modal: None,
            palette: palette::Palette::default(),
            export_image: None,
            compare: None,
            comparison: None,
            message: None,
            sent_title: String::new(),
            allow_close: false,
            styled: false,
            autosave: Autosave::disabled(),
            recovery_offers: Vec::new(),
            crash_reports: Vec::new(),
            hand_edits: HandEdits::default(),
            file_job: None,
        }
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
        let mut app = Self::starting(initial_file, settings);
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

    /// The plan on start: `initial_file`, else the last plan used, else the
    /// example. When the file does not open, the example opens instead as an
    /// untitled copy (saving asks for a name; it never writes into the
    /// program's own files), with the reason in front of it.
    pub fn starting(initial_file: Option<PathBuf>, settings: Settings) -> Self {
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
                    kept: "The example plan is open instead, as an untitled copy: save it under a name of your own to keep changes.".to_owned(),
                });
                app.message = message;
            }
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

    /// The map editor (its zoom, what it drew), for tests and tools.
    pub fn canvas(&self) -> &CanvasState {
        &self.canvas
    }

    pub fn selection(&self) -> &Selection {
        self.canvas.selection()
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// What the next save over the open file would drop.
    pub fn hand_edits(&self) -> &HandEdits {
        &self.hand_edits
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
        self.derived.update(&self.doc);
    }
}

impl AutomapApp {
    /// Draw one frame. Used by eframe and by the UI tests.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.styled {
            self.styled = true;
            set_text_sizes(&ctx);
        }
        self.poll_file_job(&ctx);
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
            // A set width (changed only by dragging its edge), so what is
            // selected never moves the map sideways.
            egui::Panel::right("automap-inspector")
                .resizable(true)
                .default_size(340.0)
                .size_range(280.0..=640.0)
                .show(ui, |ui| {
                    let width = ui.available_width();
                    ui.set_min_width(width);
                    ui.set_max_width(width);
                    inspector_ui(
                        ui,
                        &mut self.doc,
                        self.workflow,
                        self.canvas.selection(),
                        self.derived.analysis(),
                        &mut self.inspector,
                    );
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut actions));

        self.modals(&ctx);
        self.file_job_window(&ctx);
        self.export_image_window(&ctx);
        self.compare_window(&ctx);
        if let Some(cmd) = self.palette.show(&ctx, &self.command_state()) {
            actions.push(UiAction::Command(cmd));
        }
        if let Some((purpose, path)) = self.dialogs.show(&ctx) {
            self.file_chosen(&ctx, purpose, &path);
        }
        for a in actions {
            self.handle_action(&ctx, a);
        }
        // Every refused edit, from any view, reported once.
        if let Some(refused) = self.doc.take_refused() {
            self.error(refused);
        }
        self.fix_selection();
    }
}

/// No text under 11 points: egui's small text (status bar, hints, card
/// details) is 9 points by default.
fn set_text_sizes(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        for (text_style, font) in style.text_styles.iter_mut() {
            if *text_style == egui::TextStyle::Small || font.size < 11.0 {
                font.size = font.size.max(11.0);
            }
        }
    });
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
