//! The text field of a tool's id or name, typed into a draft while it has focus.

use egui::{Id, TextEdit, Ui};

use super::CatalogState;

/// The text field of an id or a name: shows the draft while it has focus and
/// returns the new text when it was changed this frame.
pub(super) fn draft_field(
    ui: &mut Ui,
    state: &mut CatalogState,
    id: Id,
    current: &str,
    hint: &str,
    width: f32,
    name: &str,
) -> (egui::Response, Option<String>) {
    let mut text = match &state.draft {
        Some((d, t)) if *d == id => t.clone(),
        _ => current.to_owned(),
    };
    let r = ui
        .add(
            TextEdit::singleline(&mut text)
                .id(id)
                .hint_text(hint)
                .desired_width(width)
                .min_size(egui::vec2(width, 0.0)),
        )
        .accessible_name(name);
    if r.changed() {
        state.draft = Some((id, text.clone()));
        return (r, Some(text));
    }
    if !r.has_focus() && state.draft.as_ref().is_some_and(|(d, _)| *d == id) {
        state.draft = None;
    }
    (r, None)
}
