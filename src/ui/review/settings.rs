//! The method's thresholds, editable per plan.

use egui::Ui;

use crate::edit::{Document, Edit};
use crate::model::MethodSettings;

/// What a threshold row shows: its label and help text.
struct Field<'a> {
    label: &'a str,
    help: &'a str,
}

/// One threshold row: a label and a number field that edits the plan's method.
fn setting(
    ui: &mut Ui,
    doc: &mut Document,
    Field { label, help }: Field<'_>,
    value: f64,
    (range, speed, decimals): (std::ops::RangeInclusive<f64>, f64, usize),
    set: impl FnOnce(&mut MethodSettings, f64),
) {
    let l = ui.label(label).on_hover_text(help);
    let mut v = value;
    let r = ui
        .add(
            egui::DragValue::new(&mut v)
                .range(range)
                .speed(speed)
                .max_decimals(decimals),
        )
        .labelled_by(l.id)
        .on_hover_text(help);
    ui.end_row();
    if r.changed() && v != value {
        let mut m = doc.plan().method.clone();
        set(&mut m, v);
        let gesture = doc.gesture_for(r.id.value());
        let _ = doc.apply_gesture("Change a method threshold", gesture, Edit::SetMethod(m));
    }
    if r.drag_stopped() || r.lost_focus() {
        doc.end_gesture();
    }
}

pub(super) fn settings_section(ui: &mut Ui, doc: &mut Document) {
    ui.heading("Method settings");
    ui.weak("Thresholds the classes and checks use; see docs/findings.md.");
    let m = doc.plan().method.clone();
    egui::Grid::new("review_settings")
        .num_columns(2)
        .show(ui, |ui| {
            setting(
                ui,
                doc,
                Field {
                    label: "High frequency from (times a day)",
                    help: "Complex steps done less often than this are traps: they cost more to build than they save.",
                },
                m.high_frequency_per_day,
                (0.0..=10_000.0, 0.1, 1),
                |m, v| m.high_frequency_per_day = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Medium frequency from (times a day)",
                    help: "Below this, simple steps and decisions are not worth automating.",
                },
                m.medium_frequency_per_day,
                (0.0..=10_000.0, 0.1, 1),
                |m, v| m.medium_frequency_per_day = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "AI volume from (times a day)",
                    help: "Questions, writing or forecasting done this often is an AI candidate whatever its payback.",
                },
                m.ai_volume_per_day,
                (0.0..=10_000.0, 0.1, 1),
                |m, v| m.ai_volume_per_day = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Quick win if setup repaid within (weeks)",
                    help: "A simple rule-based task is a quick win when the hours it saves repay a layer-1 setup within this many weeks.",
                },
                m.quick_win_payback_weeks,
                (0.0..=520.0, 0.1, 1),
                |m, v| m.quick_win_payback_weeks = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "AI candidate if setup repaid within (weeks)",
                    help: "Questions, writing or forecasting is an AI candidate when the hours it saves repay a layer-4 setup within this many weeks.",
                },
                m.ai_payback_weeks,
                (0.0..=520.0, 0.1, 1),
                |m, v| m.ai_payback_weeks = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Bottleneck share of a workflow's time",
                    help: "A step taking at least this share (0–1) of its workflow's manual time is a bottleneck.",
                },
                m.bottleneck_share,
                (0.0..=1.0, 0.01, 2),
                |m, v| m.bottleneck_share = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Bottleneck from arrows in",
                    help: "A step with at least this many arrows coming in is a point many paths run through.",
                },
                f64::from(m.bottleneck_in_degree),
                (2.0..=100.0, 0.05, 0),
                |m, v| m.bottleneck_in_degree = v.round().clamp(2.0, 100.0) as u32,
            );
        });
    if doc.plan().method != MethodSettings::default()
        && ui.button("Reset thresholds to the defaults").clicked()
    {
        let _ = doc.apply(
            "Reset method thresholds",
            Edit::SetMethod(MethodSettings::default()),
        );
    }
}
