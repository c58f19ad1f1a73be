//! File → Export image: the whole workflow as SVG or PNG, where the owner says.

use std::path::{Path, PathBuf};

use crate::storage;
use crate::ui::file_dialog::{DialogSpec, documents_dir};

use super::files::file_stem;
use super::{AutomapApp, FilePurpose};

impl AutomapApp {
    /// File → Export image: the window that asks where, prefilled from the
    /// workflow's name in the plan's folder.
    pub(super) fn start_export_image(&mut self) {
        let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id)) else {
            return;
        };
        let name = format!("{}.svg", file_stem(&w.name, "workflow"));
        let dir = self.file_dir().unwrap_or_else(documents_dir);
        let path = dir.join(name).display().to_string();
        self.export_image = Some(ExportImage {
            path,
            message: String::new(),
        });
    }

    /// The Export image window, while it is open.
    pub(super) fn export_image_window(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.export_image.take() else {
            return;
        };
        let mut open = true;
        let mut save = false;
        let mut browse = false;
        egui::Window::new("Export image")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label("The whole workflow (not just what is on screen), as SVG or PNG.");
                ui.horizontal(|ui| {
                    let l = ui.label("Image file");
                    ui.text_edit_singleline(&mut dialog.path).labelled_by(l.id);
                    // The system dialog runs on its own thread: the map keeps drawing.
                    if self.dialogs.system_dialog_available()
                        && ui
                            .add_enabled(!self.dialogs.is_busy(), egui::Button::new("Browse…"))
                            .clicked()
                    {
                        browse = true;
                    }
                });
                ui.horizontal(|ui| {
                    let is_png = dialog.is_png();
                    if ui.selectable_label(!is_png, "SVG").clicked() && is_png {
                        dialog.set_extension("svg");
                    }
                    if ui.selectable_label(is_png, "PNG").clicked() && !is_png {
                        dialog.set_extension("png");
                    }
                });
                if ui.button("Save").clicked() {
                    save = true;
                }
                if !dialog.message.is_empty() {
                    ui.label(&dialog.message);
                }
            });
        if browse {
            let spec = DialogSpec {
                filter: ("Image".to_owned(), vec!["svg".into(), "png".into()]),
                ..DialogSpec::save("Export image", "Image", "svg", &dialog.path)
                    .in_dir(self.file_dir())
            };
            self.dialogs.request(ctx, FilePurpose::ExportImage, spec);
        }
        if save && let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id)) {
            let bytes = if dialog.is_png() {
                crate::ui::canvas::raster::workflow_png(ctx, w, self.derived.analysis())
            } else {
                crate::ui::canvas::export::workflow_svg(w).into_bytes()
            };
            // Say where the file went: a bare file name lands in the working folder.
            let path = PathBuf::from(dialog.path.trim());
            let path = std::path::absolute(&path).unwrap_or(path);
            // Written like plans and Markdown: whole or not at all, with a clear error.
            dialog.message = match storage::write_file_atomic(&path, &bytes, false) {
                Ok(()) => format!("Saved {}", path.display()),
                Err(e) => e.to_string(),
            };
        }
        if open {
            self.export_image = Some(dialog);
        }
    }
}

/// The fields of the Export image window.
#[derive(Debug, Clone, Default)]
pub(super) struct ExportImage {
    pub(super) path: String,
    message: String,
}

impl ExportImage {
    fn is_png(&self) -> bool {
        self.path.trim().to_lowercase().ends_with(".png")
    }

    fn set_extension(&mut self, ext: &str) {
        let p = Path::new(self.path.trim());
        self.path = p.with_extension(ext).display().to_string();
    }
}
