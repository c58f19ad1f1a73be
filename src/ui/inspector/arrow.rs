//! The selected arrow and its label.

use std::collections::BTreeSet;

use egui::Ui;

use crate::edit::{Document, Edit};
use crate::model::{StepId, WorkflowId};

use super::state::{Change, InspectorState, apply_change};
use super::widgets::{row, text_line};

/// The selected arrow: its ends and its label (decision branches).
pub(super) fn arrow(
    ui: &mut Ui,
    doc: &mut Document,
    wf: WorkflowId,
    from: StepId,
    to: StepId,
    state: &mut InspectorState,
) {
    let Some(w) = doc.plan().workflow(wf) else {
        return;
    };
    let Some(link) = w.link_index(from, to).and_then(|i| w.links.get(i)) else {
        return;
    };
    let title = |id: StepId| {
        w.step(id)
            .map_or_else(|| format!("step {id}"), |s| s.title.clone())
    };
    ui.label(format!(
        "Arrow from \"{}\" to \"{}\".",
        title(from),
        title(to)
    ));
    let mut label = link.label.clone();
    let mut change = Change::default();
    egui::Grid::new("inspector-arrow")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            row(ui, "Arrow label", |ui, l| {
                let r =
                    text_line(ui, "arrow-label", &mut label, "yes, no, in stock, …").labelled_by(l);
                change.text(&r, "Edit arrow label");
            });
        });
    let ids = BTreeSet::from([from, to]);
    apply_change(
        doc,
        state,
        change,
        &ids,
        Edit::SetLinkLabel {
            wf,
            from,
            to,
            label,
        },
    );
}
