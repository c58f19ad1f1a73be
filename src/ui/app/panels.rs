//! The panels around the central view: menu bar, tabs, workflow list,
//! findings and status bar.

use egui::{RichText, Ui};

use crate::ui::UiAction;
use crate::ui::commands::Command;

use super::{AutomapApp, Pending, Tab, ThemeChoice};

/// A menu entry for a command, with its shortcut shown.
fn command_button(
    ui: &mut Ui,
    cmd: Command,
    text: Option<String>,
    enabled: bool,
    out: &mut Vec<UiAction>,
) {
    let label = text.unwrap_or_else(|| cmd.label().to_owned());
    let button = cmd.button(ui.ctx(), label, None);
    if ui.add_enabled(enabled, button).clicked() {
        out.push(UiAction::Command(cmd));
        ui.close();
    }
}

/// A menu entry for a command that switches something on or off.
fn toggle_button(ui: &mut Ui, cmd: Command, on: bool, enabled: bool, out: &mut Vec<UiAction>) {
    let button = cmd.button(ui.ctx(), cmd.label(), Some(on));
    if ui.add_enabled(enabled, button).clicked() {
        out.push(UiAction::Command(cmd));
        ui.close();
    }
}

/// What was picked in a question with two answers and Cancel.
impl AutomapApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for cmd in [Command::NewPlan, Command::NewFromTemplate, Command::Open] {
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
                self.earlier_versions_menu(ui);
                ui.separator();
                for cmd in [
                    Command::ExportMarkdown,
                    Command::ExportImage,
                    Command::CompareWith,
                    Command::NewWorkflowFromList,
                    Command::Import,
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
                ui.separator();
                for cmd in [
                    Command::TagAutomate,
                    Command::TagKeepManual,
                    Command::TagUndecided,
                    Command::AcceptSuggestions,
                ] {
                    command_button(ui, cmd, None, self.enabled(cmd), out);
                }
            });
            ui.menu_button("View", |ui| {
                command_button(ui, Command::Palette, None, true, out);
                ui.separator();
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

    pub(super) fn tab_bar(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
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

    pub(super) fn workflow_list(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
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

    pub(super) fn central(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        // The side panels may have changed the plan earlier in this frame; the
        // views (and what they keep between frames) need the matching analysis.
        self.refresh_analysis();
        match self.tab {
            Tab::Map => self.map(ui, out),
            Tab::Review => {
                if let Some(a) = crate::ui::review::review_ui(ui, &mut self.doc, &mut self.derived)
                {
                    out.push(a);
                }
            }
            Tab::Roadmap => {
                if let Some(a) =
                    crate::ui::roadmap_board::roadmap_board(ui, &mut self.doc, &mut self.derived)
                {
                    out.push(a);
                }
            }
            Tab::Tools => {
                if let Some(a) = crate::ui::catalog::catalog_ui(ui, &mut self.doc) {
                    out.push(a);
                }
            }
        }
    }

    /// The map of the selected workflow.
    pub(super) fn map(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
        let Some(wf) = self
            .workflow
            .filter(|id| self.doc.plan().workflow(*id).is_some())
        else {
            ui.label(
                "This plan has no workflow yet. Add one with Add workflow in the Workflow menu.",
            );
            return;
        };
        let changes = self.comparison_changes();
        if let (Some(c), Some(changes)) = (&self.comparison, &changes)
            && let Some(a) = crate::ui::compare::map_line(ui, &c.against, changes)
        {
            self.compare_action(a);
        }
        // Marks of a comparison stopped this frame are gone at once.
        let marks = changes
            .filter(|_| self.comparison.is_some())
            .map(|c| c.marks.clone());
        self.canvas.set_change_marks(marks);
        self.canvas
            .show(ui, &mut self.doc, wf, self.derived.analysis());
        out.extend(
            self.canvas
                .take_requested()
                .into_iter()
                .map(UiAction::Command),
        );
        if let Some((workflow, step)) = self.canvas.take_jump() {
            self.show_step(workflow, step);
        }
        if let Some(problem) = self.canvas.take_status() {
            self.error(problem);
        }
    }

    pub(super) fn findings(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
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
        self.hand_edits_list(ui);
        if let Some(a) =
            crate::ui::findings::findings_panel(ui, self.doc.plan(), self.derived.analysis())
        {
            out.push(a);
        }
    }

    /// File › Restore an earlier version: the open plan's versions kept in
    /// the data folder, newest first.
    fn earlier_versions_menu(&mut self, ui: &mut Ui) {
        let enabled = self.path.is_some() && self.autosave.store().is_some();
        ui.add_enabled_ui(enabled, |ui| {
            ui.menu_button("Restore an earlier version…", |ui| {
                let versions = self.earlier_versions();
                if versions.is_empty() {
                    ui.weak("No earlier versions yet: one is kept each time the plan is saved.");
                }
                let now = std::time::SystemTime::now();
                let mut chosen = None;
                for v in &versions {
                    if ui.button(v.describe(now)).clicked() {
                        chosen = Some(v.file.clone());
                        ui.close();
                    }
                }
                if let Some(file) = chosen {
                    self.guard(ui.ctx(), Pending::RestoreVersion(file));
                }
            })
            .response
            .on_disabled_hover_text("Save the plan to a file first.");
        });
    }

    /// Hand edits in the open file that a save would drop, above the findings.
    fn hand_edits_list(&self, ui: &mut Ui) {
        let edits = &self.hand_edits;
        if edits.is_empty() {
            return;
        }
        let warn = ui.visuals().warn_fg_color;
        if !edits.unknown_fields.is_empty() {
            ui.label(
                RichText::new("Fields Automap does not know (a save drops them):").color(warn),
            );
            for p in &edits.unknown_fields {
                ui.label(format!("{} — {}", p.message, p.hint));
            }
        }
        if let Some(first) = edits.comment_lines.first() {
            let n = edits.comment_lines.len();
            let text = if n == 1 {
                format!("The file has a comment (line {first}); a save drops it.")
            } else {
                format!("The file has {n} comments (from line {first}); a save drops them.")
            };
            ui.label(RichText::new(text).color(warn));
        }
        ui.separator();
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui, out: &mut Vec<UiAction>) {
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
            let n = self.derived.analysis().findings().len();
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
}
