//! The fields of one selected step: identity, scoring, tag and how it runs.

use std::collections::BTreeSet;

use egui::{ComboBox, DragValue, Ui};

use crate::analysis::Analysis;
use crate::edit::{Document, Edit};
use crate::model::{
    Approach, Complexity, Judgment, Layer, Period, Sensitivity, Step, StepId, StepKind, Tag,
    WorkKind, WorkflowId,
};

use super::incidents::incidents;
use super::state::{Change, InspectorState, apply_change};
use super::step_sections::step_sections;
use super::widgets::{combo, row, text_line, tool_combo};

pub(super) fn single_step(
    ui: &mut Ui,
    doc: &mut Document,
    wf: WorkflowId,
    original: Step,
    analysis: &Analysis,
    state: &mut InspectorState,
) {
    let mut s = original.clone();
    let mut change = Change::default();
    let ids: BTreeSet<StepId> = [s.id].into_iter().collect();
    let mut incident_edit = None;

    egui::ScrollArea::vertical()
        .id_salt("inspector-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("inspector-main")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .striped(false)
                .show(ui, |ui| {
                    row(ui, "Title", |ui, label| {
                        let r = text_line(ui, "step-title", &mut s.title, "What happens")
                            .labelled_by(label);
                        change.text(&r, "Edit title");
                    });
                    row(ui, "Kind", |ui, _label| {
                        let c = combo(
                            ui,
                            "step-kind",
                            &mut s.kind,
                            &StepKind::ALL,
                            StepKind::label,
                        );
                        change.discrete(c, "Change kind");
                    });
                    row(ui, "Owner", |ui, label| {
                        let r = text_line(ui, "step-owner", &mut s.owner, "Who does it today")
                            .labelled_by(label);
                        change.text(&r, "Edit owner");
                    });
                    row(ui, "System", |ui, label| {
                        let r = text_line(ui, "step-system", &mut s.system, "Shopify, Stripe, …")
                            .labelled_by(label);
                        change.text(&r, "Edit system");
                    });
                    row(ui, "Frequency", |ui, label| {
                        ui.horizontal(|ui| {
                            let r = ui
                                .add(
                                    DragValue::new(&mut s.frequency.count)
                                        .range(0.0..=1e6)
                                        .speed(0.5)
                                        .max_decimals(2),
                                )
                                .labelled_by(label);
                            change.text(&r, "Edit frequency");
                            let c = combo(
                                ui,
                                "step-period",
                                &mut s.frequency.per,
                                &Period::ALL,
                                Period::label,
                            );
                            change.discrete(c, "Change frequency period");
                        });
                    });
                    row(ui, "Minutes each time", |ui, label| {
                        let r = ui
                            .add(
                                DragValue::new(&mut s.minutes)
                                    .range(0.0..=100_000.0)
                                    .speed(0.25)
                                    .max_decimals(2)
                                    .suffix(" min"),
                            )
                            .labelled_by(label);
                        change.text(&r, "Edit minutes");
                    });
                    row(ui, "Complexity", |ui, _label| {
                        let c = combo(
                            ui,
                            "step-complexity",
                            &mut s.complexity,
                            &Complexity::ALL,
                            Complexity::label,
                        );
                        change.discrete(c, "Change complexity");
                    });
                    row(ui, "Judgment", |ui, _label| {
                        let c = combo(
                            ui,
                            "step-judgment",
                            &mut s.judgment,
                            &Judgment::ALL,
                            Judgment::label,
                        );
                        change.discrete(c, "Change judgment");
                    });
                    row(ui, "Kind of work", |ui, _label| {
                        let before = s.work;
                        let auto =
                            format!("suggested ({})", crate::analysis::suggest_work(&s).label());
                        ComboBox::from_id_salt("step-work")
                            .selected_text(s.work.map_or(auto.clone(), |k| k.label().to_owned()))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut s.work, None, auto.as_str());
                                for k in WorkKind::ALL {
                                    ui.selectable_value(&mut s.work, Some(k), k.label());
                                }
                            });
                        change.discrete(s.work != before, "Change kind of work");
                    });
                    row(ui, "Sensitivity", |ui, _label| {
                        let c = combo(
                            ui,
                            "step-sensitivity",
                            &mut s.sensitivity,
                            &Sensitivity::ALL,
                            Sensitivity::label,
                        );
                        change.discrete(c, "Change sensitivity");
                    });
                    row(ui, "Tag", |ui, _label| {
                        let c = combo(ui, "step-tag", &mut s.tag, &Tag::ALL, Tag::label);
                        change.discrete(c, "Change tag");
                    });
                    ui.label("");
                    suggestion(ui, analysis, &s);
                    ui.end_row();
                    row(ui, "Approach", |ui, _label| {
                        let c = combo(
                            ui,
                            "step-approach",
                            &mut s.approach,
                            &Approach::ALL,
                            Approach::label,
                        );
                        change.discrete(c, "Change approach");
                    });
                    row(ui, "Layer", |ui, _label| {
                        let before = s.layer;
                        let suggested = analysis
                            .step(s.id)
                            .and_then(|i| i.layer)
                            .filter(|_| before.is_none());
                        let auto = match suggested {
                            Some(l) => format!("suggested ({})", l.label()),
                            None => "suggested".to_owned(),
                        };
                        ComboBox::from_id_salt("step-layer")
                            .selected_text(s.layer.map_or(auto.clone(), |l| l.label().to_owned()))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut s.layer, None, auto.as_str());
                                for l in Layer::ALL {
                                    ui.selectable_value(&mut s.layer, Some(l), l.label());
                                }
                            });
                        change.discrete(s.layer != before, "Change layer");
                    });
                    row(ui, "Tool", |ui, _label| {
                        if let Some(t) = tool_combo(ui, "step-tool", doc.plan(), Some(&s.tool)) {
                            s.tool = t;
                            change.discrete(true, "Change tool");
                        }
                    });
                    row(ui, "Event", |ui, label| {
                        let r = text_line(ui, "step-event", &mut s.event, "What starts this step")
                            .labelled_by(label);
                        change.text(&r, "Edit event");
                    });
                    row(ui, "Message", |ui, label| {
                        let r = text_line(
                            ui,
                            "step-message",
                            &mut s.message,
                            "Customer message it sends",
                        )
                        .labelled_by(label);
                        change.text(&r, "Edit message");
                    });
                });

            step_sections(ui, &mut s, &mut change);
            incident_edit = incidents(ui, doc.plan(), &original);
        });

    if let Some((change, edit)) = incident_edit {
        apply_change(doc, state, change, &ids, edit);
    }
    if s != original {
        apply_change(
            doc,
            state,
            change,
            &ids,
            Edit::SetStep {
                wf,
                step: Box::new(s),
            },
        );
    }
}

fn suggestion(ui: &mut Ui, analysis: &Analysis, s: &Step) {
    let Some(insight) = analysis.step(s.id) else {
        ui.weak("The method has no suggestion for this step yet.");
        return;
    };
    ui.vertical(|ui| {
        let agrees = insight.suggested_tag == s.tag;
        let text = format!(
            "Method suggests: {} ({})",
            insight.suggested_tag.label(),
            insight.class.label()
        );
        if agrees || s.tag == Tag::Undecided {
            ui.label(text);
        } else {
            ui.colored_label(ui.visuals().warn_fg_color, text);
        }
        if !insight.reason.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(&insight.reason).weak()).wrap());
        }
    });
}
