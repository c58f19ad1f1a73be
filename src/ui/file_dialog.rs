//! File dialogs that never freeze the window.
//!
//! The system dialog (rfd) runs on its own thread; the answer arrives through a
//! channel and is picked up on a later frame. Where no system dialog can be
//! shown (rfd answers "nothing" almost at once, e.g. without a desktop portal),
//! an in-app path field takes its place, now and for the rest of the session.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// The user's documents folder (else their home folder): where file dialogs
/// start when the plan has no folder yet, never the program's working folder.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .filter(|d| d.is_dir())
                .map(PathBuf::from)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// An answer faster than this is not a person pressing "Cancel": no dialog was shown.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(300);

/// Open an existing file or choose where to write one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    Save,
}

/// What to ask for.
#[derive(Debug, Clone)]
pub struct DialogSpec {
    pub kind: DialogKind,
    pub title: String,
    /// Filter name and extensions (without dots), e.g. ("Automap plan", ["ron"]).
    pub filter: (String, Vec<String>),
    /// Folder to start in.
    pub directory: Option<PathBuf>,
    /// Suggested file name (save dialogs).
    pub file_name: Option<String>,
}

impl DialogSpec {
    pub fn open(title: &str, filter_name: &str, ext: &str) -> Self {
        Self {
            kind: DialogKind::Open,
            title: title.to_owned(),
            filter: (filter_name.to_owned(), vec![ext.to_owned()]),
            directory: None,
            file_name: None,
        }
    }

    pub fn save(title: &str, filter_name: &str, ext: &str, file_name: &str) -> Self {
        Self {
            kind: DialogKind::Save,
            title: title.to_owned(),
            filter: (filter_name.to_owned(), vec![ext.to_owned()]),
            directory: None,
            file_name: Some(file_name.to_owned()),
        }
    }

    /// Start in `dir`, or (with `None`) in the user's documents folder.
    pub fn in_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.directory = Some(dir.unwrap_or_else(documents_dir));
        self
    }

    fn default_path_text(&self) -> String {
        let dir = self.directory.clone().unwrap_or_else(documents_dir);
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        match (&self.kind, &self.file_name) {
            (DialogKind::Save, Some(name)) => dir.join(name).display().to_string(),
            _ => {
                let mut s = dir.display().to_string();
                if !s.is_empty() && !s.ends_with(std::path::MAIN_SEPARATOR) {
                    s.push(std::path::MAIN_SEPARATOR);
                }
                s
            }
        }
    }
}

/// Asks for a new frame when dropped, i.e. when the dialog thread ends.
struct WakeOnDrop(egui::Context);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        self.0.request_repaint();
    }
}

struct Pending<P> {
    purpose: P,
    spec: DialogSpec,
    started: Instant,
    rx: Receiver<Option<PathBuf>>,
}

/// The in-app replacement for a system dialog.
struct PathPrompt<P> {
    purpose: P,
    spec: DialogSpec,
    text: String,
    focus_requested: bool,
}

/// File dialogs for one window. `P` says what the chosen path is for.
pub struct FileDialogs<P> {
    pending: Option<Pending<P>>,
    prompt: Option<PathPrompt<P>>,
    /// No system dialog can be shown here: go straight to the path field.
    path_field_only: bool,
}

impl<P> Default for FileDialogs<P> {
    fn default() -> Self {
        Self {
            pending: None,
            prompt: None,
            path_field_only: false,
        }
    }
}

impl<P: Clone + Send + 'static> FileDialogs<P> {
    /// Dialogs that always use the in-app path field (tests, or no desktop portal).
    pub fn path_field_only() -> Self {
        Self {
            path_field_only: true,
            ..Self::default()
        }
    }

    /// A dialog or a path field is open.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some() || self.prompt.is_some()
    }

    /// The in-app path field is showing.
    pub fn path_field_open(&self) -> bool {
        self.prompt.is_some()
    }

    /// A system dialog can be tried (none has failed to show yet).
    pub fn system_dialog_available(&self) -> bool {
        !self.path_field_only
    }

    /// A system dialog is open on its own thread.
    pub fn waiting_for_system_dialog(&self) -> bool {
        self.pending.is_some()
    }

    /// Ask for a path. The answer comes back from [`FileDialogs::poll`] or
    /// [`FileDialogs::show`] on a later frame. A second request while one is
    /// open is ignored (returns false).
    pub fn request(&mut self, ctx: &egui::Context, purpose: P, spec: DialogSpec) -> bool {
        if self.is_busy() {
            return false;
        }
        if self.path_field_only {
            self.open_prompt(purpose, spec);
            return true;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let thread_spec = spec.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                // Wake the window when the dialog is answered, even if it fails:
                // the answer is picked up on that frame, with no polling.
                let _wake = WakeOnDrop(ctx);
                // Dropped before `_wake`, so a failed dialog reads as disconnected.
                let tx = tx;
                let s = thread_spec;
                let mut dialog = rfd::FileDialog::new()
                    .set_title(s.title.as_str())
                    .add_filter(s.filter.0.as_str(), &s.filter.1);
                if let Some(dir) = &s.directory {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(name) = &s.file_name {
                    dialog = dialog.set_file_name(name.as_str());
                }
                let picked = match s.kind {
                    DialogKind::Open => dialog.pick_file(),
                    DialogKind::Save => dialog.save_file(),
                };
                let _ = tx.send(picked);
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(Pending {
                    purpose,
                    spec,
                    started: Instant::now(),
                    rx,
                });
            }
            Err(err) => {
                log::warn!("cannot start a file dialog thread: {err}");
                self.path_field_only = true;
                self.open_prompt(purpose, spec);
            }
        }
        true
    }

    fn open_prompt(&mut self, purpose: P, spec: DialogSpec) {
        let text = spec.default_path_text();
        self.prompt = Some(PathPrompt {
            purpose,
            spec,
            text,
            focus_requested: false,
        });
    }

    /// Collect the system dialog's answer, if it has come.
    fn poll(&mut self) -> Option<(P, PathBuf)> {
        let pending = self.pending.as_ref()?;
        match pending.rx.try_recv() {
            Err(TryRecvError::Empty) => None,
            Ok(Some(path)) => self.pending.take().map(|p| (p.purpose, path)),
            Ok(None) | Err(TryRecvError::Disconnected) => {
                let p = self.pending.take()?;
                if p.started.elapsed() < NO_DIALOG_THRESHOLD {
                    // Nothing was shown: no portal. Use the path field from now on.
                    log::info!("no system file dialog available; using the path field");
                    self.path_field_only = true;
                    self.open_prompt(p.purpose, p.spec);
                }
                None
            }
        }
    }

    /// Poll the system dialog and show the path field when needed.
    /// Returns the chosen path with its purpose once the user has picked one.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<(P, PathBuf)> {
        if let Some(done) = self.poll() {
            return Some(done);
        }
        let prompt = self.prompt.as_mut()?;
        let mut chosen = false;
        let mut cancelled = false;
        let action = match prompt.spec.kind {
            DialogKind::Open => "Open",
            DialogKind::Save => "Save",
        };
        egui::Modal::new(egui::Id::unique("automap-path-field")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(prompt.spec.title.as_str());
            ui.label(format!(
                "No system file dialog is available here. Type the path of the file ({}).",
                prompt
                    .spec
                    .filter
                    .1
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let label = ui.label("Path:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .desired_width(f32::INFINITY)
                    .id_salt("automap-path-field-text"),
            );
            let edit = edit.labelled_by(label.id);
            if !prompt.focus_requested {
                edit.request_focus();
                prompt.focus_requested = true;
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ok = !prompt.text.trim().is_empty();
                if ui.add_enabled(ok, egui::Button::new(action)).clicked() || (enter && ok) {
                    chosen = true;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    cancelled = true;
                }
            });
        });
        if cancelled {
            self.prompt = None;
            return None;
        }
        if chosen {
            let p = self.prompt.take()?;
            let mut path = PathBuf::from(p.text.trim());
            if p.spec.kind == DialogKind::Save
                && path.extension().is_none()
                && let Some(ext) = p.spec.filter.1.first()
            {
                path.set_extension(ext);
            }
            return Some((p.purpose, path));
        }
        None
    }
}
