//! What the inspector remembers between frames, and how a field change
//! becomes an undo step.

use std::collections::BTreeSet;

use crate::edit::{Document, Edit, GestureId};
use crate::model::StepId;

/// What the inspector remembers between frames. Other views that edit plan
/// fields the same way keep one of their own.
#[derive(Debug, Default, Clone)]
pub struct InspectorState {
    /// The field being edited, the step(s) it edits and its gesture.
    active: Option<Active>,
}

#[derive(Debug, Clone, PartialEq)]
struct Active {
    widget: egui::Id,
    steps: BTreeSet<StepId>,
    gesture: GestureId,
}

impl InspectorState {
    /// Close the open text-field gesture once its field has lost focus and is
    /// no longer dragged, so the next edit starts a new undo step.
    pub(in crate::ui) fn close_finished_gesture(
        &mut self,
        ctx: &egui::Context,
        doc: &mut Document,
    ) {
        if let Some(a) = &self.active {
            let focused = ctx.memory(|m| m.has_focus(a.widget));
            let dragged = ctx.is_being_dragged(a.widget);
            if !focused && !dragged {
                doc.end_gesture();
                self.active = None;
            }
        }
    }

    /// The gesture for an edit from `widget` on `steps`, opening a new one
    /// when the field or the steps changed.
    fn gesture_for(
        &mut self,
        doc: &mut Document,
        widget: egui::Id,
        steps: &BTreeSet<StepId>,
    ) -> GestureId {
        if let Some(a) = &self.active
            && a.widget == widget
            && &a.steps == steps
        {
            return a.gesture;
        }
        let gesture = doc.new_gesture();
        self.active = Some(Active {
            widget,
            steps: steps.clone(),
            gesture,
        });
        gesture
    }
}

/// How a field was changed this frame.
#[derive(Default)]
pub(in crate::ui) struct Change {
    pub(super) label: Option<&'static str>,
    /// The field is typed or dragged: merge with the rest of its focus session.
    continuous: Option<egui::Id>,
}

impl Change {
    pub(in crate::ui) fn text(&mut self, r: &egui::Response, label: &'static str) {
        if r.changed() && self.label.is_none() {
            self.label = Some(label);
            self.continuous = Some(r.id);
        }
    }

    pub(in crate::ui) fn discrete(&mut self, changed: bool, label: &'static str) {
        if changed && self.label.is_none() {
            self.label = Some(label);
            self.continuous = None;
        }
    }
}

pub(in crate::ui) fn apply_change(
    doc: &mut Document,
    state: &mut InspectorState,
    change: Change,
    steps: &BTreeSet<StepId>,
    edit: Edit,
) {
    let Some(label) = change.label else { return };
    let result = match change.continuous {
        Some(widget) => {
            let gesture = state.gesture_for(doc, widget, steps);
            doc.apply_gesture(label, gesture, edit)
        }
        None => {
            if state.active.take().is_some() {
                doc.end_gesture();
            }
            doc.apply(label, edit)
        }
    };
    // A refusal is reported by the document, in the status bar.
    let _ = result;
}
