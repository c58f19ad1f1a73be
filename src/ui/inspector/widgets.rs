//! The small field widgets every inspector section uses.

use egui::{ComboBox, TextEdit, Ui};

use crate::model::Plan;

/// A labelled row in the field grid; the label names the inputs for screen
/// readers and tests.
pub(super) fn row<R>(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui, egui::Id) -> R) -> R {
    let l = ui.label(label);
    let r = ui.label_inputs_by(l.id, |ui| add(ui, l.id));
    ui.end_row();
    r
}

pub(super) fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> bool {
    let before = *value;
    ComboBox::from_id_salt(salt)
        .selected_text(label(*value))
        .width(ui.available_width().min(220.0))
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(value, v, label(v));
            }
        });
    *value != before
}

pub(super) fn text_line(ui: &mut Ui, salt: &str, value: &mut String, hint: &str) -> egui::Response {
    ui.add(
        TextEdit::singleline(value)
            .id_salt(salt)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
}

pub(super) fn text_area(ui: &mut Ui, salt: &str, value: &mut String, hint: &str) -> egui::Response {
    ui.add(
        TextEdit::multiline(value)
            .id_salt(salt)
            .hint_text(hint)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
}

/// A tool picker over the plan's catalog; returns the tool id picked this frame.
pub(super) fn tool_combo(
    ui: &mut Ui,
    salt: &str,
    plan: &Plan,
    tool: Option<&str>,
) -> Option<String> {
    let selected = match tool {
        None => "(mixed)".to_owned(),
        Some("") => "(none)".to_owned(),
        Some(id) => plan
            .tool(id)
            .map_or_else(|| format!("{id} (not in catalog)"), |t| t.name.clone()),
    };
    let mut picked = None;
    ComboBox::from_id_salt(salt)
        .selected_text(selected)
        .width(ui.available_width().min(220.0))
        .show_ui(ui, |ui| {
            if ui.selectable_label(tool == Some(""), "(none)").clicked() {
                picked = Some(String::new());
            }
            for t in &plan.tools {
                if ui
                    .selectable_label(tool == Some(t.id.as_str()), t.name.as_str())
                    .clicked()
                {
                    picked = Some(t.id.clone());
                }
            }
        });
    picked.filter(|p| Some(p.as_str()) != tool)
}
