//! The findings panel: what the method's checks found, grouped by severity.
//! Clicking a finding asks the app to show its step on the map.

use std::collections::HashMap;

use egui::{Color32, RichText, Sense, Ui};

use super::UiAction;
use crate::analysis::{Analysis, Finding, Severity};
use crate::model::{Plan, WorkflowId};

/// Findings shown per severity before the list is cut (the rest are counted).
const MAX_SHOWN: usize = 300;

fn severity_color(ui: &Ui, s: Severity) -> Color32 {
    match s {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Info => ui.visuals().weak_text_color(),
    }
}

fn heading(s: Severity, n: usize) -> String {
    let word = match (s, n) {
        (Severity::Error, 1) => "error",
        (Severity::Error, _) => "errors",
        (Severity::Warning, 1) => "warning",
        (Severity::Warning, _) => "warnings",
        (Severity::Info, _) => "to do",
    };
    format!("{n} {word}")
}

/// Lists the findings of `analysis`; returns `ShowStep` for the first step of a
/// clicked finding.
pub fn findings_panel(ui: &mut Ui, plan: &Plan, analysis: &Analysis) -> Option<UiAction> {
    let mut action = None;
    let findings = analysis.findings();
    if findings.is_empty() {
        ui.label("No findings: the plan follows the method.");
        return None;
    }
    let names: HashMap<WorkflowId, &str> = plan
        .workflows
        .iter()
        .map(|w| (w.id, w.name.as_str()))
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("findings_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                // Findings are sorted by severity, so each group is one run.
                let start = findings.partition_point(|f| f.severity < severity);
                let end = findings.partition_point(|f| f.severity <= severity);
                let group = findings.get(start..end).unwrap_or_default();
                if group.is_empty() {
                    continue;
                }
                let title = RichText::new(heading(severity, group.len()))
                    .strong()
                    .color(severity_color(ui, severity));
                egui::CollapsingHeader::new(title)
                    .id_salt(("findings_group", severity.label()))
                    .default_open(severity != Severity::Info || group.len() <= 10)
                    .show(ui, |ui| {
                        for (k, f) in group.iter().take(MAX_SHOWN).enumerate() {
                            if let Some(a) = finding_row(ui, f, plan, &names, (severity, k)) {
                                action = Some(a);
                            }
                        }
                        if group.len() > MAX_SHOWN {
                            ui.weak(format!("… and {} more", group.len() - MAX_SHOWN));
                        }
                    });
            }
        });
    action
}

/// One line per finding: its code, where (workflow and step), and the
/// message cut to the panel's width; the whole message and the hint on hover.
fn finding_row(
    ui: &mut Ui,
    f: &Finding,
    plan: &Plan,
    names: &HashMap<WorkflowId, &str>,
    salt: (Severity, usize),
) -> Option<UiAction> {
    let target = !f.step_ids.is_empty() && f.workflow.is_some();
    let place = match (
        f.workflow.and_then(|w| names.get(&w)),
        f.step_ids.first().and_then(|id| plan.find_step(*id)),
    ) {
        (Some(w), Some((_, s))) => format!("{w} · {}", s.title),
        (Some(w), None) => (*w).to_owned(),
        (None, Some((_, s))) => s.title.clone(),
        (None, None) => String::new(),
    };
    let clicked = ui
        .push_id(salt, |ui| {
            ui.horizontal(|ui| {
                ui.add_sized(
                    [150.0, 18.0],
                    egui::Label::new(
                        RichText::new(f.code)
                            .monospace()
                            .color(severity_color(ui, f.severity)),
                    )
                    .truncate(),
                );
                if !place.is_empty() {
                    ui.add_sized(
                        [220.0_f32.min(ui.available_width() * 0.35), 18.0],
                        egui::Label::new(RichText::new(&place).weak()).truncate(),
                    )
                    .on_hover_text(&place);
                }
                let msg = egui::Label::new(&f.message).truncate();
                let hover = format!("{}\n\n{}", f.message, f.hint);
                let r = if target {
                    ui.add(msg.sense(Sense::click()))
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .on_hover_text(format!("{hover}\n\nClick to show the step on the map."))
                } else {
                    ui.add(msg).on_hover_text(hover)
                };
                target && r.clicked()
            })
            .inner
        })
        .inner;
    if !clicked {
        return None;
    }
    Some(UiAction::ShowStep {
        workflow: f.workflow?,
        step: *f.step_ids.first()?,
    })
}
