//! File → Compare with…: what changed between the plan in the window and
//! another version of it (its file as last saved, an earlier version kept
//! on saving, or any plan file), as the same summary `automap diff` writes.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use egui::{RichText, ScrollArea, Ui};

use crate::diff::{PlanDiff, diff, markdown, plain_text};
use crate::model::Plan;
use crate::storage::{self, generations::Generation};

/// The result of one comparison.
pub struct Compared {
    /// What the plan was compared with, in words.
    pub against: String,
    pub changes: PlanDiff,
}

/// The Compare window's state while it is open.
#[derive(Default)]
pub struct CompareWindow {
    /// The path typed for "another file".
    pub path: String,
    pub result: Option<Result<Compared, String>>,
}

/// Compare `plan` (the newer side) with the plan file at `file`.
pub fn compare_with_file(plan: &Plan, file: &Path, against: String) -> Result<Compared, String> {
    let old = storage::load(file).map_err(|e| e.to_string())?.plan;
    Ok(Compared {
        against,
        changes: diff(&old, plan),
    })
}

impl CompareWindow {
    /// Show the window; `false` once it was closed. `saved` is the open
    /// plan's file, `versions` its earlier versions, newest first.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        plan: &Plan,
        saved: Option<&Path>,
        versions: &[Generation],
    ) -> bool {
        let mut open = true;
        egui::Window::new("Compare with…")
            .open(&mut open)
            .default_size([560.0, 520.0])
            .show(ctx, |ui| self.contents(ui, plan, saved, versions));
        open
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        plan: &Plan,
        saved: Option<&Path>,
        versions: &[Generation],
    ) {
        ui.label("What changed from another version to the plan in this window.");
        let mut pick: Option<(PathBuf, String)> = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(saved.is_some(), egui::Button::new("Last saved version"))
                .on_disabled_hover_text("The plan has not been saved to a file yet")
                .clicked()
                && let Some(p) = saved
            {
                pick = Some((p.to_path_buf(), "the last saved version".to_owned()));
            }
            ui.add_enabled_ui(!versions.is_empty(), |ui| {
                ui.menu_button("Earlier version", |ui| {
                    let now = SystemTime::now();
                    for g in versions {
                        let text = g.describe(now);
                        if ui.button(&text).clicked() {
                            pick = Some((g.file.clone(), format!("the version {}", lower(&text))));
                            ui.close();
                        }
                    }
                });
            });
        });
        ui.horizontal(|ui| {
            let l = ui.label("Plan file");
            ui.text_edit_singleline(&mut self.path).labelled_by(l.id);
            if ui
                .add_enabled(!self.path.trim().is_empty(), egui::Button::new("Compare"))
                .clicked()
            {
                let p = PathBuf::from(self.path.trim());
                pick = Some((p.clone(), p.display().to_string()));
            }
        });
        if let Some((file, against)) = pick {
            self.result = Some(compare_with_file(plan, &file, against));
        }
        ui.separator();
        match &self.result {
            None => {
                ui.label(RichText::new("Choose a version to compare with.").weak());
            }
            Some(Err(message)) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            Some(Ok(c)) => {
                if ui
                    .button("Copy as Markdown")
                    .on_hover_text("For a pull request or the notes of a planning session")
                    .clicked()
                {
                    ui.ctx()
                        .copy_text(markdown(&c.changes, &c.against, "this window"));
                }
                ScrollArea::vertical()
                    .id_salt("compare_summary")
                    .show(ui, |ui| {
                        // The app's font has no arrow.
                        let text =
                            plain_text(&c.changes, &c.against, "this window").replace('→', "->");
                        for line in text.lines() {
                            if let Some(h) = line.strip_prefix("## ") {
                                ui.add_space(4.0);
                                ui.label(RichText::new(h).strong());
                            } else if let Some(item) = line.strip_prefix("- ") {
                                ui.label(format!("• {item}"));
                            } else if !line.is_empty() {
                                ui.label(line);
                            }
                        }
                    });
            }
        }
    }
}

/// "Saved 3 minutes ago" → "saved 3 minutes ago".
fn lower(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
