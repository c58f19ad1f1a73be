//! The cells of one tool's row in the catalog table, except its prices.

use egui::{ComboBox, Id, TextEdit, Ui};

use crate::model::ToolCategory;

use super::RowCtx;
use super::draft::draft_field;
use super::tool_edits::retool_edit;

/// Name and id (typed into a draft), Duplicate and Delete.
pub(super) fn name_cell(
    ui: &mut Ui,
    cx: &mut RowCtx<'_>,
    duplicate: &mut Option<usize>,
    delete: &mut Option<usize>,
) {
    let (i, tool, label) = (cx.i, cx.tool, cx.label);
    ui.vertical(|ui| {
        // Name.
        let (r, typed) = draft_field(
            ui,
            cx.state,
            Id::unique(("catalog-name", i)),
            &tool.name,
            "Tool name",
            170.0,
            &format!("Name of {label}"),
        );
        if let Some(text) = typed {
            if text.trim().is_empty() {
                *cx.refused = Some("A tool needs a name.".to_owned());
            } else if let Some(t) = cx.tools.get_mut(i) {
                t.name = text;
                cx.change.text(&r, "Rename tool");
            }
        }

        // Id: a new id is carried over to the steps and cards using the old one.
        let (r, typed) = draft_field(
            ui,
            cx.state,
            Id::unique(("catalog-id", i)),
            &tool.id,
            "short-id",
            170.0,
            &format!("Id of {label}"),
        );
        if let Some(text) = typed {
            let new = text.trim().to_owned();
            if new.is_empty() {
                *cx.refused = Some(format!("{label} needs an id."));
            } else if cx
                .tools
                .iter()
                .enumerate()
                .any(|(j, t)| j != i && t.id == new)
            {
                *cx.refused = Some(format!(
                    "Another tool already has the id \"{new}\"; ids must be unique. \
                     The id was not changed."
                ));
            } else if new != tool.id
                && let Some(t) = cx.tools.get_mut(i)
            {
                t.id = new.clone();
                let edit = retool_edit(cx.plan, cx.tools.clone(), &tool.id, &new);
                cx.change.text(&r, "Change tool id");
                *cx.special = Some(("Change tool id", edit));
            }
        }

        ui.horizontal(|ui| {
            if ui
                .small_button("Duplicate")
                .on_hover_text(format!("Duplicate {label}"))
                .accessible_name(format!("Duplicate {label}"))
                .clicked()
            {
                *duplicate = Some(i);
            }
            if ui
                .small_button("Delete")
                .on_hover_text(format!("Delete {label}"))
                .accessible_name(format!("Delete {label}"))
                .clicked()
            {
                *delete = Some(i);
            }
        });
    });
}

/// Category and the layers the tool suits.
pub(super) fn category_cell(ui: &mut Ui, cx: &mut RowCtx<'_>) {
    let (i, tool, label) = (cx.i, cx.tool, cx.label);
    ui.vertical(|ui| {
        // Category.
        let mut cat = tool.category;
        let combo = ComboBox::from_id_salt(("catalog-category", i))
            .selected_text(cat.label())
            .width(170.0)
            .show_ui(ui, |ui| {
                for c in ToolCategory::ALL {
                    ui.selectable_value(&mut cat, c, c.label());
                }
            });
        let _ = combo
            .response
            .accessible_name(format!("Category of {label}"));
        if cat != tool.category
            && let Some(t) = cx.tools.get_mut(i)
        {
            t.category = cat;
            cx.change.discrete(true, "Change tool category");
        }

        // Layers.
        ui.horizontal(|ui| {
            for l in 1u8..=4 {
                let mut on = tool.layers.contains(&l);
                let r = ui
                    .checkbox(&mut on, format!("L{l}"))
                    .on_hover_text(format!("{label} suits layer {l}"));
                if r.changed()
                    && let Some(t) = cx.tools.get_mut(i)
                {
                    t.layers.retain(|x| *x != l);
                    if on {
                        t.layers.push(l);
                        t.layers.sort_unstable();
                    }
                    cx.change.discrete(true, "Change tool layers");
                }
            }
        });
    });
}

/// Where the tool's price comes from.
pub(super) fn note_cell(ui: &mut Ui, cx: &mut RowCtx<'_>) {
    let (i, tool, label) = (cx.i, cx.tool, cx.label);
    let mut note = tool.note.clone();
    let r = ui
        .add(
            TextEdit::multiline(&mut note)
                .id_salt(("catalog-note", i))
                .hint_text("Where the price comes from")
                .desired_rows(2)
                .desired_width(240.0)
                .min_size(egui::vec2(240.0, 0.0)),
        )
        .accessible_name(format!("Note of {label}"));
    if r.changed()
        && let Some(t) = cx.tools.get_mut(i)
    {
        t.note = note;
        cx.change.text(&r, "Edit tool note");
    }
}
