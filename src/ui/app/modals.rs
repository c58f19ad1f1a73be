//! The dialogs in front of the window: unsaved changes, file changed on disk,
//! open failed, workflow name.

use egui::RichText;

use crate::edit::{Edit, paste};
use crate::model::{Pos, Workflow};

use std::path::PathBuf;

use super::files::MAIN_WORKFLOW;
use super::{AutomapApp, Modal, Pending, Tab};

/// A row of two buttons: `ok` (when `enabled`) and Cancel. `Some(true)` for
/// `ok`, `Some(false)` for Cancel, `None` while neither was clicked.
fn ok_cancel(ui: &mut egui::Ui, ok: &str, enabled: bool) -> Option<bool> {
    ui.horizontal(|ui| {
        let mut choice = None;
        if ui.add_enabled(enabled, egui::Button::new(ok)).clicked() {
            choice = Some(true);
        }
        if ui.button("Cancel").clicked() {
            choice = Some(false);
        }
        choice
    })
    .inner
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
    pub(super) fn modals(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.clone() else {
            return;
        };
        match modal {
            Modal::Unsaved { then } => {
                let what = match &then {
                    Pending::NewPlan | Pending::NewFromTemplate(_) => "starting a new plan",
                    Pending::Open(_) => "opening another plan",
                    Pending::RestoreVersion(_) => "restoring an earlier version",
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
                        self.open_in_background(ctx, &path);
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
            Modal::DropHandEdits {
                path,
                warning,
                then,
            } => {
                let answer = ask(
                    ctx,
                    "automap-hand-edits",
                    480.0,
                    "Save over a hand-edited file?",
                    &[&warning, "Save as a new file to leave this one as it is."],
                    ["Save anyway", "Save as a new file…"],
                );
                match answer {
                    Some(Answer::First) => {
                        self.modal = None;
                        self.hand_edits = crate::storage::HandEdits::default();
                        self.write_to(ctx, &path, then);
                    }
                    Some(Answer::Second) => {
                        self.modal = None;
                        self.save_as(ctx, then);
                    }
                    Some(Answer::Cancel) => self.modal = None,
                    None => {}
                }
            }
            Modal::NamePlan { name, path, then } => self.name_plan_modal(ctx, name, path, then),
            Modal::FromList { name, text } => self.list_to_workflow_modal(ctx, name, text),
            Modal::Templates { choice } => self.templates_modal(ctx, choice),
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
                    choice = ok_cancel(ui, "OK", true).or(choice);
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

impl AutomapApp {
    /// File → New workflow from list: one step per line becomes a chain.
    fn list_to_workflow_modal(&mut self, ctx: &egui::Context, mut name: String, mut text: String) {
        let mut choice = None;
        let titles = paste::parse_list(&text);
        let r = egui::Modal::new(egui::Id::unique("automap-from-list")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading("New workflow from list");
            ui.horizontal(|ui| {
                let l = ui.label("Name");
                ui.text_edit_singleline(&mut name).labelled_by(l.id);
            });
            let l = ui.label("One step per line (bullets, numbers and [ ] boxes are removed):");
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(10)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
            ui.add_space(8.0);
            let n = titles.len();
            choice = ok_cancel(ui, &format!("Create with {n} steps"), n > 0).or(choice);
        });
        if r.should_close() && choice.is_none() {
            choice = Some(false);
        }
        match choice {
            Some(true) => {
                self.modal = None;
                let plan = self.doc.plan();
                let id = plan.next_workflow_id();
                let f = paste::chain_from_titles(&titles, plan.next_step_id(), Pos::new(0.0, 0.0));
                let mut workflow = Workflow {
                    id,
                    name: if name.trim().is_empty() {
                        "New workflow".to_owned()
                    } else {
                        name.trim().to_owned()
                    },
                    steps: f.steps,
                    links: f.links,
                    ..Workflow::default()
                };
                // Laid out like Tidy up, so a long list wraps to the window.
                for (id, pos) in crate::edit::layout::tidy_positions(&workflow) {
                    if let Some(s) = workflow.steps.iter_mut().find(|s| s.id == id) {
                        s.pos = pos;
                    }
                }
                // A new plan's empty first workflow gives way to the new one.
                let empty_start = match plan.workflows.as_slice() {
                    [only] if only.steps.is_empty() && only.name == MAIN_WORKFLOW => Some(only.id),
                    _ => None,
                };
                let insert = Edit::InsertWorkflow {
                    index: if empty_start.is_some() {
                        0
                    } else {
                        plan.workflows.len()
                    },
                    workflow,
                };
                let edit = match empty_start {
                    Some(old) => Edit::Batch(vec![Edit::RemoveWorkflow { id: old }, insert]),
                    None => insert,
                };
                if self.apply("New workflow from list", edit) {
                    self.select_workflow(id);
                    self.tab = Tab::Map;
                    self.canvas.show_whole(id);
                }
            }
            Some(false) => self.modal = None,
            None => self.modal = Some(Modal::FromList { name, text }),
        }
    }

    /// The first save of a new plan asks for its name (shown in the title
    /// bar, the export's heading and the recovery list).
    fn name_plan_modal(
        &mut self,
        ctx: &egui::Context,
        mut name: String,
        path: PathBuf,
        then: Option<Pending>,
    ) {
        let mut choice = None;
        let r = egui::Modal::new(egui::Id::unique("automap-name-plan")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Name this plan");
            ui.label(format!("It will be saved as {}.", path.display()));
            let l = ui.label("Name of the plan");
            let field = ui
                .add(egui::TextEdit::singleline(&mut name).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                choice = Some(true);
            }
            ui.add_space(8.0);
            choice = ok_cancel(ui, "Save", true).or(choice);
        });
        if r.should_close() && choice.is_none() {
            choice = Some(false);
        }
        match choice {
            Some(true) => {
                self.modal = None;
                let name = name.trim().to_owned();
                if !name.is_empty() && name != self.doc.plan().name {
                    self.apply("Name plan", Edit::SetPlanName(name));
                }
                self.write_to(ctx, &path, then);
            }
            Some(false) => self.modal = None,
            None => self.modal = Some(Modal::NamePlan { name, path, then }),
        }
    }
}
