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
                            if let Some(a) = finding_row(ui, f, &names, (severity, k)) {
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

fn finding_row(
    ui: &mut Ui,
    f: &Finding,
    names: &HashMap<WorkflowId, &str>,
    salt: (Severity, usize),
) -> Option<UiAction> {
    let mut clicked = false;
    ui.push_id(salt, |ui| {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(f.code)
                        .monospace()
                        .color(severity_color(ui, f.severity)),
                );
                if let Some(name) = f.workflow.and_then(|w| names.get(&w)) {
                    ui.weak(*name);
                }
            });
            let target = !f.step_ids.is_empty() && f.workflow.is_some();
            let msg = egui::Label::new(&f.message).wrap();
            let r = if target {
                ui.add(msg.sense(Sense::click()))
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .on_hover_text("Show this step on the map")
            } else {
                ui.add(msg)
            };
            clicked = target && r.clicked();
            ui.add(egui::Label::new(RichText::new(&f.hint).weak().small()).wrap());
        });
    });
    if !clicked {
        return None;
    }
    Some(UiAction::ShowStep {
        workflow: f.workflow?,
        step: *f.step_ids.first()?,
    })
}
