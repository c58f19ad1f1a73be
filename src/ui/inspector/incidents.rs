//! The incidents of one step: what went wrong once it was live, which of its
//! failure-plan answers applied and whether the plan held. They live in the
//! plan's roadmap; each change is one undo step (typing in a field: one per
//! focus session).

use egui::{ComboBox, Grid, RichText, Ui};

use super::state::Change;
use super::widgets::{text_area, text_line};
use crate::edit::{Edit, incident};
use crate::model::{FailureCase, FailurePlan, Incident, Plan, Step};
use crate::roadmap::date;

/// The Incidents section; the edit it asks for, if any.
pub(super) fn incidents(ui: &mut Ui, plan: &Plan, step: &Step) -> Option<(Change, Edit)> {
    let mine: Vec<(usize, &Incident)> = plan
        .roadmap
        .incidents
        .iter()
        .enumerate()
        .filter(|(_, i)| i.step == step.id)
        .collect();
    let mut change = Change::default();
    let mut edit = None;
    egui::CollapsingHeader::new(format!("Incidents ({})", mine.len()))
        .id_salt("step-incidents")
        .default_open(true)
        .show(ui, |ui| {
            if mine.is_empty() {
                ui.label(
                    RichText::new("None yet. Note here what went wrong once it was live.").weak(),
                );
            }
            for (n, &(index, original)) in mine.iter().enumerate() {
                if n > 0 {
                    ui.separator();
                }
                let mut i = original.clone();
                let delete = one(ui, index, &mut i, &step.failure_plan, &mut change);
                let next = if delete {
                    incident::remove(plan, index)
                } else if &i != original {
                    incident::set(plan, index, i)
                } else {
                    continue;
                };
                edit = next.ok();
            }
            ui.add_space(4.0);
            if ui
                .button("Add incident")
                .on_hover_text("Something went wrong with this step once it was live")
                .clicked()
            {
                change.discrete(true, "Add incident");
                let new = Incident {
                    step: step.id,
                    date: date::format(date::today()),
                    ..Incident::default()
                };
                edit = incident::add(plan, new).ok();
            }
        });
    edit.map(|e| (change, e))
}

/// The fields of one incident; true when it is to be deleted.
fn one(
    ui: &mut Ui,
    index: usize,
    i: &mut Incident,
    answers: &FailurePlan,
    change: &mut Change,
) -> bool {
    Grid::new(("incident", index))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let l = ui.label("Date");
            let salt = format!("incident-date-{index}");
            let r = text_line(ui, &salt, &mut i.date, "YYYY-MM-DD").labelled_by(l.id);
            change.text(&r, "Edit incident date");
            ui.end_row();
            if !i.date.trim().is_empty() && date::parse(&i.date).is_none() {
                ui.label("");
                ui.colored_label(ui.visuals().warn_fg_color, "Write the date as YYYY-MM-DD.");
                ui.end_row();
            }
            let l = ui.label("Failure case");
            let before = i.case;
            ComboBox::from_id_salt(("incident-case", index))
                .selected_text(case_text(i.case, answers))
                .width(ui.available_width().min(220.0))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut i.case, None, case_text(None, answers));
                    for c in FailureCase::ALL {
                        ui.selectable_value(&mut i.case, Some(c), case_text(Some(c), answers));
                    }
                })
                .response
                .labelled_by(l.id);
            change.discrete(i.case != before, "Change incident case");
            ui.end_row();
            ui.label("");
            let r = ui.checkbox(&mut i.plan_held, "The failure plan held");
            change.discrete(r.changed(), "Change whether the plan held");
            ui.end_row();
        });
    let l = ui.label("What happened");
    let salt = format!("incident-note-{index}");
    let r = text_area(
        ui,
        &salt,
        &mut i.note,
        "Sent the confirmation twice on Black Friday",
    )
    .labelled_by(l.id);
    change.text(&r, "Edit incident");
    let delete = ui.small_button("Delete incident").clicked();
    change.discrete(delete, "Delete incident");
    delete
}

/// "ran twice: Check the order tag first" — the case with the step's answer
/// for it, so the owner picks the answer that applied.
fn case_text(case: Option<FailureCase>, answers: &FailurePlan) -> String {
    let Some(c) = case else {
        return "none of the three".to_owned();
    };
    let answer = c.answer(answers).trim();
    let answer = answer.lines().next().unwrap_or_default();
    if answer.is_empty() {
        format!("{} (no answer written)", c.label())
    } else {
        let short = crate::model::limits::clamp_chars(answer, 40);
        let more = if short.len() < answer.len() {
            "…"
        } else {
            ""
        };
        format!("{}: {short}{more}", c.label())
    }
}
