//! The fields that can be set for several selected steps at once.

use std::collections::BTreeSet;

use egui::{ComboBox, Ui};

use crate::edit::{Document, Edit};
use crate::model::{Step, StepId, Tag, WorkflowId};

use super::state::{Change, InspectorState, apply_change};
use super::widgets::{row, text_line, tool_combo};

pub(super) fn several_steps(
    ui: &mut Ui,
    doc: &mut Document,
    wf: WorkflowId,
    steps: Vec<Step>,
    state: &mut InspectorState,
) {
    let ids: BTreeSet<StepId> = steps.iter().map(|s| s.id).collect();
    let common = |f: &dyn Fn(&Step) -> String| -> Option<String> {
        let first = steps.first().map(f)?;
        steps.iter().all(|s| f(s) == first).then_some(first)
    };
    let common_tag = steps
        .first()
        .map(|s| s.tag)
        .filter(|t| steps.iter().all(|s| s.tag == *t));

    let mut change = Change::default();
    let mut new_tag: Option<Tag> = None;
    let mut new_owner: Option<String> = None;
    let mut new_system: Option<String> = None;
    let mut new_tool: Option<String> = None;

    egui::Grid::new("inspector-multi")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            row(ui, "Tag", |ui, _label| {
                let text = common_tag.map_or("(mixed)", Tag::label);
                ComboBox::from_id_salt("multi-tag")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        for t in Tag::ALL {
                            if ui
                                .selectable_label(common_tag == Some(t), t.label())
                                .clicked()
                            {
                                new_tag = Some(t);
                            }
                        }
                    });
                change.discrete(new_tag.is_some(), "Set tag of several steps");
            });
            row(ui, "Owner", |ui, label| {
                let mixed = common(&|s| s.owner.clone());
                let mut text = mixed.clone().unwrap_or_default();
                let hint = if mixed.is_none() { "(mixed)" } else { "" };
                let r = text_line(ui, "multi-owner", &mut text, hint).labelled_by(label);
                change.text(&r, "Set owner of several steps");
                if r.changed() {
                    new_owner = Some(text);
                }
            });
            row(ui, "System", |ui, label| {
                let mixed = common(&|s| s.system.clone());
                let mut text = mixed.clone().unwrap_or_default();
                let hint = if mixed.is_none() { "(mixed)" } else { "" };
                let r = text_line(ui, "multi-system", &mut text, hint).labelled_by(label);
                change.text(&r, "Set system of several steps");
                if r.changed() {
                    new_system = Some(text);
                }
            });
            row(ui, "Tool", |ui, _label| {
                let shared = common(&|s| s.tool.clone());
                if let Some(t) = tool_combo(ui, "multi-tool", doc.plan(), shared.as_deref()) {
                    change.discrete(true, "Set tool of several steps");
                    new_tool = Some(t);
                }
            });
        });

    if change.label.is_none() {
        return;
    }
    let edits: Vec<Edit> = steps
        .into_iter()
        .filter_map(|mut s| {
            let before = s.clone();
            if let Some(t) = new_tag {
                s.tag = t;
            }
            if let Some(o) = &new_owner {
                s.owner.clone_from(o);
            }
            if let Some(sys) = &new_system {
                s.system.clone_from(sys);
            }
            if let Some(t) = &new_tool {
                s.tool.clone_from(t);
            }
            (s != before).then(|| Edit::SetStep {
                wf,
                step: Box::new(s),
            })
        })
        .collect();
    if !edits.is_empty() {
        apply_change(doc, state, change, &ids, Edit::Batch(edits));
    }
}
