//! Starting from something: File → New from template… and File → Import…
//! (a spreadsheet, a checklist or a Mermaid flowchart as new workflows of the
//! open plan, in one undo step).

use std::path::Path;

use egui::RichText;

use crate::import::{self, templates};
use crate::ui::file_dialog::DialogSpec;

use super::{AutomapApp, FilePurpose, Modal, Pending, Tab};

/// Extensions the import dialog offers.
const IMPORT_EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "md", "markdown", "mmd", "mermaid"];

impl AutomapApp {
    /// File → Import…: ask which file.
    pub(super) fn ask_import(&mut self, ctx: &egui::Context) {
        let mut spec = DialogSpec::open(
            "Import a spreadsheet, checklist or Mermaid flowchart",
            "CSV, TSV, Markdown, text or Mermaid",
            "csv",
        )
        .in_dir(self.file_dir());
        spec.filter.1 = IMPORT_EXTENSIONS.iter().map(|e| (*e).to_owned()).collect();
        self.dialogs.request(ctx, FilePurpose::Import, spec);
    }

    /// Import a file as new workflows of the open plan, in one undo step, and
    /// show the first of them. On failure nothing changes and a message says
    /// where the file went wrong. Returns whether anything was imported.
    pub fn import_path(&mut self, path: &Path) -> bool {
        let imported = match import::import_file(path) {
            Ok(i) => i,
            Err(e) => {
                let text = e.to_string();
                self.error(text.clone());
                self.modal = Some(Modal::OpenFailed {
                    message: text,
                    kept: "The plan was not changed.".to_owned(),
                });
                return false;
            }
        };
        let plan = self.doc.plan();
        let first_id = plan.next_workflow_id();
        let edit = imported.insert_edit(plan);
        let (workflows, steps) = (imported.workflows.len(), imported.step_count());
        let label = if workflows == 1 {
            "Import workflow"
        } else {
            "Import workflows"
        };
        if !self.apply(label, edit) {
            return false;
        }
        if let Some(id) = self
            .doc
            .plan()
            .workflows
            .iter()
            .find(|w| w.id >= first_id)
            .map(|w| w.id)
        {
            self.select_workflow(id);
            self.tab = Tab::Map;
            self.canvas.show_whole(id);
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let what = if workflows == 1 {
            "1 workflow".to_owned()
        } else {
            format!("{workflows} workflows")
        };
        let mut text = format!("Imported {name}: {what}, {steps} steps.");
        if let Some(note) = imported.notes.first() {
            text.push_str(&format!(" Note: {note}."));
        }
        self.notice(text);
        true
    }

    /// A new plan from a bundled template, untitled until it is saved.
    pub(super) fn new_from_template(&mut self, name: &str) {
        match templates::plan(name) {
            Ok(plan) => {
                let title = plan.name.clone();
                self.set_plan(plan, None, None);
                self.notice(format!(
                    "New plan from the template \"{title}\". Save it under a name of your own."
                ));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// The list of templates to start a new plan from.
    pub(super) fn templates_modal(&mut self, ctx: &egui::Context, mut choice: usize) {
        let mut answer = None;
        let r = egui::Modal::new(egui::Id::unique("automap-templates")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("New plan from a template");
            ui.label(
                "Each maps a workflow of a small shop, with owners, systems and numbers to adjust.",
            );
            ui.add_space(6.0);
            for (i, t) in templates::TEMPLATES.iter().enumerate() {
                let r = ui.radio_value(&mut choice, i, t.title);
                if r.double_clicked() {
                    answer = Some(true);
                }
                ui.label(RichText::new(t.summary).weak());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Create plan").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if r.should_close() && answer.is_none() {
            answer = Some(false);
        }
        match answer {
            Some(true) => {
                self.modal = None;
                if let Some(t) = templates::TEMPLATES.get(choice) {
                    self.guard(ctx, Pending::NewFromTemplate(t.name));
                }
            }
            Some(false) => self.modal = None,
            None => self.modal = Some(Modal::Templates { choice }),
        }
    }
}
