//! The collapsible sections of one step: failure plan, test plan, the data it
//! reads and writes, and notes.

use egui::{TextEdit, Ui};

use crate::model::{DataRef, Step};

use super::state::Change;
use super::widgets::text_area;

/// The sections below the field grid of one step.
pub(super) fn step_sections(ui: &mut Ui, s: &mut Step, change: &mut Change) {
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Failure plan")
        .default_open(true)
        .show(ui, |ui| {
            let fp = &mut s.failure_plan;
            let l = ui.label("If it does not run");
            let r = text_area(ui, "fp-not-run", &mut fp.not_run, "Who notices, and how?")
                .labelled_by(l.id);
            change.text(&r, "Edit failure plan");
            let l = ui.label("If it runs twice");
            let r = text_area(
                ui,
                "fp-twice",
                &mut fp.runs_twice,
                "What stops a duplicate?",
            )
            .labelled_by(l.id);
            change.text(&r, "Edit failure plan");
            let l = ui.label("If data is missing");
            let r = text_area(
                ui,
                "fp-missing",
                &mut fp.data_missing,
                "What happens with a blank field?",
            )
            .labelled_by(l.id);
            change.text(&r, "Edit failure plan");
        });
    egui::CollapsingHeader::new("Test plan")
        .default_open(false)
        .show(ui, |ui| {
            let r = text_area(
                ui,
                "step-test-plan",
                &mut s.test_plan,
                "How it is tried before going live",
            )
            .accessible_name("Test plan");
            change.text(&r, "Edit test plan");
        });
    egui::CollapsingHeader::new("Data it reads and writes")
        .default_open(false)
        .show(ui, |ui| {
            data_list(ui, "Reads", "reads", &mut s.reads, change);
            ui.add_space(4.0);
            data_list(ui, "Writes", "writes", &mut s.writes, change);
        });
    egui::CollapsingHeader::new("Notes")
        .default_open(true)
        .show(ui, |ui| {
            let r = text_area(ui, "step-notes", &mut s.notes, "Anything worth remembering")
                .accessible_name("Notes");
            change.text(&r, "Edit notes");
        });
}

fn data_list(ui: &mut Ui, heading: &str, salt: &str, list: &mut Vec<DataRef>, change: &mut Change) {
    ui.label(heading);
    let mut remove = None;
    for (i, d) in list.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let r = ui.add(
                TextEdit::singleline(&mut d.system)
                    .id_salt((salt, i, "system"))
                    .hint_text("System")
                    .desired_width(90.0),
            );
            change.text(&r, "Edit data");
            let r = ui.add(
                TextEdit::singleline(&mut d.object)
                    .id_salt((salt, i, "object"))
                    .hint_text("Field or object")
                    .desired_width(110.0),
            );
            change.text(&r, "Edit data");
            let c = ui
                .checkbox(&mut d.reliable, "reliable")
                .on_hover_text("This field is always filled correctly");
            change.discrete(c.changed(), "Change data reliability");
            if ui
                .small_button("Remove")
                .on_hover_text(format!("Remove this {}", heading.to_lowercase()))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove
        && i < list.len()
    {
        list.remove(i);
        change.discrete(true, "Remove data");
    }
    if ui
        .small_button(format!("Add to {}", heading.to_lowercase()))
        .clicked()
    {
        list.push(DataRef::default());
        change.discrete(true, "Add data");
    }
}
