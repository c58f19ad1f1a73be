//! File → Compare with…: what changed between the plan in the window and
//! another version of it (its file as last saved, an earlier version kept
//! on saving, or any plan file), as the same summary `automap diff` writes.
//!
//! While a comparison is in force the map marks the steps that are new or
//! changed, and a line above the map names the removed ones. The other
//! version is kept, so the changes follow the plan as it is edited: they are
//! worked out again once per revision of the open plan.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use egui::{RichText, ScrollArea, Ui};

use crate::analysis::Analysis;
use crate::diff::{
    Change, PlanDiff, StepMark, Totals, diff_with_totals, markdown, plain_text, totals_of,
    totals_with,
};
use crate::edit::Document;
use crate::model::{Plan, StepId};
use crate::storage::{self, generations::Generation};

/// How each step new, changed or removed since the other version shows on the map.
pub type StepMarks = HashMap<StepId, StepMark>;

/// A comparison in force: the other version and what it is, in words.
pub struct Comparison {
    /// What the plan is compared with ("the last saved version").
    pub against: String,
    old: Plan,
    before: Totals,
    /// The changes at one revision of the open plan.
    current: Option<(u64, Arc<Changes>)>,
}

/// What changed from the other version to the open plan at one revision.
pub struct Changes {
    pub diff: PlanDiff,
    /// Steps added, removed or changed.
    pub marks: Arc<StepMarks>,
    /// How many steps are marked and which were removed, in one sentence.
    pub sentence: String,
    /// The summary as plain text, as the window lists it.
    pub summary: String,
}

impl Changes {
    /// How many steps carry this mark.
    fn count(&self, mark: StepMark) -> usize {
        self.marks.values().filter(|m| **m == mark).count()
    }

    /// Titles of the steps the other version has and the open plan has not.
    fn removed_titles(&self) -> Vec<&str> {
        self.diff
            .steps
            .iter()
            .filter(|c| matches!(c.change, Change::Removed))
            .map(|c| c.title.as_str())
            .collect()
    }
}

impl Comparison {
    /// Compare with `old`, described as `against`.
    pub fn new(old: Plan, against: String) -> Self {
        let before = totals_of(&old);
        Self {
            against,
            old,
            before,
            current: None,
        }
    }

    /// Compare with the plan file at `file`.
    pub fn with_file(file: &Path, against: String) -> Result<Self, String> {
        let old = storage::load(file).map_err(|e| e.to_string())?.plan;
        Ok(Self::new(old, against))
    }

    /// The changes from the other version to `doc`'s plan as it is now, with
    /// `analysis` of that plan; worked out once per revision.
    pub fn changes(&mut self, doc: &Document, analysis: &Analysis) -> Arc<Changes> {
        if let Some((rev, c)) = &self.current
            && *rev == doc.revision()
        {
            return c.clone();
        }
        let after = totals_with(doc.plan(), analysis);
        let diff = diff_with_totals(&self.old, doc.plan(), self.before.clone(), after);
        let marks = Arc::new(diff.step_marks());
        // The app's font has no arrow.
        let summary = plain_text(&diff, &self.against, "this window").replace('→', "->");
        let mut c = Changes {
            diff,
            marks,
            sentence: String::new(),
            summary,
        };
        c.sentence = marks_sentence(&c);
        let c = Arc::new(c);
        self.current = Some((doc.revision(), c.clone()));
        c
    }
}

/// What the owner asked for in the Compare window or the line above the map.
pub enum CompareAction {
    Start(Box<Comparison>),
    Stop,
    /// Open the Compare window (from the line above the map).
    ShowWindow,
}

/// The Compare window's state while it is open.
#[derive(Default)]
pub struct CompareWindow {
    /// The path typed for "another file".
    pub path: String,
    /// Why the last version picked could not be read.
    pub error: Option<String>,
    /// The open plan's earlier versions, newest first: read from the data
    /// folder once when the window opens, not on every frame.
    pub versions: Option<Vec<Generation>>,
}

impl CompareWindow {
    /// Show the window; the bool is `false` once it was closed. `saved` is
    /// the open plan's file, `versions` its earlier versions, newest first,
    /// `current` the comparison in force with its changes.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        saved: Option<&Path>,
        versions: &[Generation],
        current: Option<(&str, &Changes)>,
    ) -> (bool, Option<CompareAction>) {
        let mut open = true;
        let mut action = None;
        egui::Window::new("Compare with…")
            .open(&mut open)
            .default_size([560.0, 520.0])
            .show(ctx, |ui| {
                action = self.contents(ui, saved, versions, current);
            });
        (open, action)
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        saved: Option<&Path>,
        versions: &[Generation],
        current: Option<(&str, &Changes)>,
    ) -> Option<CompareAction> {
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
            let field = ui.text_edit_singleline(&mut self.path).labelled_by(l.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui
                .add_enabled(!self.path.trim().is_empty(), egui::Button::new("Compare"))
                .clicked();
            if (clicked || entered) && !self.path.trim().is_empty() {
                let p = PathBuf::from(self.path.trim());
                pick = Some((p.clone(), p.display().to_string()));
            }
        });
        if let Some((file, against)) = pick {
            match Comparison::with_file(&file, against) {
                Ok(c) => {
                    self.error = None;
                    return Some(CompareAction::Start(Box::new(c)));
                }
                Err(e) => self.error = Some(e),
            }
        }
        ui.separator();
        if let Some(message) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        let Some((against, c)) = current else {
            ui.label(RichText::new("Choose a version to compare with.").weak());
            return None;
        };
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Stop comparing")
                .on_hover_text("Take the marks off the map")
                .clicked()
            {
                action = Some(CompareAction::Stop);
            }
            if ui
                .button("Copy as Markdown")
                .on_hover_text("For a pull request or the notes of a planning session")
                .clicked()
            {
                ui.ctx()
                    .copy_text(markdown(&c.diff, against, "this window"));
            }
        });
        ui.label(c.sentence.as_str());
        ScrollArea::vertical()
            .id_salt("compare_summary")
            .show(ui, |ui| {
                for line in c.summary.lines() {
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
        action
    }
}

/// The line above the map while a comparison is in force: what the plan is
/// compared with, how many steps are marked, which were removed.
pub fn map_line(ui: &mut Ui, against: &str, c: &Changes) -> Option<CompareAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Compared with {against}:")).strong());
        ui.label(c.sentence.as_str());
        if ui
            .small_button("Show changes")
            .on_hover_text("Open the list of every change")
            .clicked()
        {
            action = Some(CompareAction::ShowWindow);
        }
        if ui
            .small_button("Stop comparing")
            .on_hover_text("Take the marks off the map")
            .clicked()
        {
            action = Some(CompareAction::Stop);
        }
    });
    ui.separator();
    action
}

/// "Marked on the map: 2 new, 1 changed. 1 step removed: “Pack”."
fn marks_sentence(c: &Changes) -> String {
    let (new, changed) = (c.count(StepMark::Added), c.count(StepMark::Changed));
    let mut s = if new + changed == 0 {
        "No step is new or changed.".to_owned()
    } else {
        format!("Marked on the map: {new} new, {changed} changed.")
    };
    let removed = c.removed_titles();
    if !removed.is_empty() {
        const SHOWN: usize = 5;
        let names: Vec<String> = removed
            .iter()
            .take(SHOWN)
            .map(|t| match t.trim() {
                "" => "(untitled)".to_owned(),
                t => format!("“{t}”"),
            })
            .collect();
        let more = match removed.len().saturating_sub(SHOWN) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        s.push_str(&format!(
            " {} removed: {}{more}.",
            crate::ui::counted(removed.len(), "step", "steps"),
            names.join(", ")
        ));
    }
    s
}

/// "Saved 3 minutes ago" → "saved 3 minutes ago".
fn lower(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
