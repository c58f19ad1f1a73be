//! The Tools tab: the plan's tool catalog as a table the owner can edit.
//!
//! Every change is an `Edit::SetTools` (in a batch with the steps and roadmap
//! cards it touches when an id changes or a tool is deleted). Text and number
//! fields make one undo step per focus session, the way the inspector does.
//! Ids and names are typed into a draft while their field has focus, so a
//! refused value (an empty name, an id another tool has) never reaches the
//! plan and the owner can keep typing.

mod confirm;
mod draft;
mod tool_edits;

use std::collections::BTreeSet;

use egui::{ComboBox, DragValue, Id, RichText, ScrollArea, TextEdit, Ui};

use crate::edit::{Document, Edit};
use crate::model::{PriceOption, StepId, Tool, ToolCategory, bundled_catalog};
use crate::roadmap::price_text;

use super::UiAction;
use super::inspector::{Change, InspectorState, apply_change};
use confirm::confirm_ui;
use draft::draft_field;
pub use tool_edits::{ToolUsage, delete_tool_edit, price_problem, tool_usage};
use tool_edits::{free_id, retool_edit};

/// The note shown above the table.
pub const PRICE_NOTE: &str = "Prices change: verify them on the vendor's site before you buy. \
     A price marked unknown shows as \"verify price\" and is never counted as 0.";

/// A question waiting for the owner's answer.
#[derive(Debug, Clone, PartialEq)]
enum Confirm {
    /// Delete the tool with this id, which steps or cards use.
    Delete {
        id: String,
    },
    Reset,
}

/// What the catalog remembers between frames (kept in egui's memory).
#[derive(Debug, Clone, Default)]
struct CatalogState {
    gestures: InspectorState,
    /// The id or name field being typed in, with its text.
    draft: Option<(Id, String)>,
    /// The plan's revision when the catalog was last drawn: a draft made
    /// before an undo or any other change elsewhere is dropped.
    revision: u64,
    /// Why the last change was refused.
    problem: Option<String>,
    confirm: Option<Confirm>,
    /// A price just marked known (tool, option): its field gets the keyboard
    /// so the owner types the price right away.
    focus_price: Option<(usize, usize)>,
}

fn state_id() -> Id {
    Id::unique("automap-tool-catalog")
}

/// Show the catalog editor.
pub fn catalog_ui(ui: &mut Ui, doc: &mut Document) -> Option<UiAction> {
    let mut state: CatalogState = ui.data_mut(|d| d.get_temp(state_id()).unwrap_or_default());
    state.gestures.close_finished_gesture(ui.ctx(), doc);
    if state.revision != doc.revision() {
        state.draft = None;
    }

    ui.heading("Tool catalog");
    ui.label(RichText::new(PRICE_NOTE).color(ui.visuals().warn_fg_color));
    ui.add_space(4.0);

    let mut tools = doc.plan().tools.clone();
    let mut change = Change::default();
    // A change that is not a plain catalog edit.
    let mut special: Option<(&'static str, Edit)> = None;
    let mut refused: Option<String> = None;

    ui.horizontal(|ui| {
        if ui.button("Add tool").clicked() {
            let id = free_id(&tools, "new-tool");
            tools.push(Tool {
                name: "New tool".to_owned(),
                id,
                category: ToolCategory::Other,
                layers: vec![1, 2, 3, 4],
                prices: vec![PriceOption {
                    name: "Standard".to_owned(),
                    monthly: None,
                }],
                note: "Verify current pricing on the vendor's site.".to_owned(),
            });
            change.discrete(true, "Add tool");
        }
        if ui.button("Reset to bundled catalog").clicked() {
            state.confirm = Some(Confirm::Reset);
        }
        ui.label(
            RichText::new(format!(
                "{} tools. Steps and roadmap cards pick their tool from this list.",
                tools.len()
            ))
            .weak(),
        );
    });
    if let Some(p) = &state.problem {
        ui.label(RichText::new(p).color(ui.visuals().error_fg_color));
    }
    ui.add_space(4.0);

    let currency = doc.plan().profile.currency.clone();
    let plan = doc.plan();
    let mut delete: Option<usize> = None;
    let mut duplicate: Option<usize> = None;
    ScrollArea::both()
        .id_salt("tool-catalog-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("tool-catalog")
                .num_columns(4)
                .striped(true)
                .spacing([10.0, 8.0])
                .min_col_width(60.0)
                .show(ui, |ui| {
                    for h in ["Tool and id", "Category and layers", "Prices per month", "Note"] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    let n = tools.len();
                    for i in 0..n {
                        let Some(tool) = tools.get(i).cloned() else {
                            continue;
                        };
                        let label = if tool.name.trim().is_empty() {
                            tool.id.clone()
                        } else {
                            tool.name.clone()
                        };

                        ui.vertical(|ui| {
                        // Name.
                        let (r, typed) = draft_field(
                            ui,
                            &mut state,
                            Id::unique(("catalog-name", i)),
                            &tool.name,
                            "Tool name",
                            170.0,
                            &format!("Name of {label}"),
                        );
                        if let Some(text) = typed {
                            if text.trim().is_empty() {
                                refused = Some("A tool needs a name.".to_owned());
                            } else if let Some(t) = tools.get_mut(i) {
                                t.name = text;
                                change.text(&r, "Rename tool");
                            }
                        }

                        // Id: a new id is carried over to the steps and cards using the old one.
                        let (r, typed) = draft_field(
                            ui,
                            &mut state,
                            Id::unique(("catalog-id", i)),
                            &tool.id,
                            "short-id",
                            170.0,
                            &format!("Id of {label}"),
                        );
                        if let Some(text) = typed {
                            let new = text.trim().to_owned();
                            if new.is_empty() {
                                refused = Some(format!("{label} needs an id."));
                            } else if tools.iter().enumerate().any(|(j, t)| j != i && t.id == new)
                            {
                                refused = Some(format!(
                                    "Another tool already has the id \"{new}\"; ids must be unique. The id was not changed."
                                ));
                            } else if new != tool.id
                                && let Some(t) = tools.get_mut(i)
                            {
                                t.id = new.clone();
                                let edit = retool_edit(plan, tools.clone(), &tool.id, &new);
                                change.text(&r, "Change tool id");
                                special = Some(("Change tool id", edit));
                            }
                        }

                        ui.horizontal(|ui| {
                            if ui
                                .small_button("Duplicate")
                                .on_hover_text(format!("Duplicate {label}"))
                                .accessible_name(format!("Duplicate {label}"))
                                .clicked()
                            {
                                duplicate = Some(i);
                            }
                            if ui
                                .small_button("Delete")
                                .on_hover_text(format!("Delete {label}"))
                                .accessible_name(format!("Delete {label}"))
                                .clicked()
                            {
                                delete = Some(i);
                            }
                        });
                        });

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
                            && let Some(t) = tools.get_mut(i)
                        {
                            t.category = cat;
                            change.discrete(true, "Change tool category");
                        }

                        // Layers.
                        ui.horizontal(|ui| {
                            for l in 1u8..=4 {
                                let mut on = tool.layers.contains(&l);
                                let r = ui
                                    .checkbox(&mut on, format!("L{l}"))
                                    .on_hover_text(format!("{label} suits layer {l}"));
                                if r.changed()
                                    && let Some(t) = tools.get_mut(i)
                                {
                                    t.layers.retain(|x| *x != l);
                                    if on {
                                        t.layers.push(l);
                                        t.layers.sort_unstable();
                                    }
                                    change.discrete(true, "Change tool layers");
                                }
                            }
                        });
                        });

                        // Price options.
                        ui.vertical(|ui| {
                            let mut remove = None;
                            for (k, p) in tool.prices.iter().enumerate() {
                                ui.horizontal(|ui| {
                                    let mut name = p.name.clone();
                                    let r = ui.add(
                                        TextEdit::singleline(&mut name)
                                            .id_salt(("catalog-price-name", i, k))
                                            .hint_text("Plan name")
                                            .desired_width(170.0)
                                            .min_size(egui::vec2(170.0, 0.0)),
                                    )
                                    .accessible_name(format!("Price option of {label}"));
                                    if r.changed()
                                        && let Some(o) =
                                            tools.get_mut(i).and_then(|t| t.prices.get_mut(k))
                                    {
                                        o.name = name;
                                        change.text(&r, "Rename price option");
                                    }
                                    let mut known = p.monthly.is_some();
                                    let r = ui
                                        .checkbox(&mut known, "price known")
                                        .on_hover_text(
                                            "Untick when the price is not known: it shows as \"verify price\", never as 0",
                                        )
                                        .accessible_name(format!(
                                            "Price known: {label}, {}",
                                            p.name
                                        ));
                                    if r.changed()
                                        && let Some(o) =
                                            tools.get_mut(i).and_then(|t| t.prices.get_mut(k))
                                    {
                                        o.monthly = known.then_some(0.0);
                                        change.discrete(true, "Change price");
                                        if known {
                                            state.focus_price = Some((i, k));
                                        }
                                    }
                                    match p.monthly {
                                        Some(mut v) => {
                                            let r = ui
                                                .add(
                                                    DragValue::new(&mut v)
                                                        .speed(0.5)
                                                        .min_decimals(2)
                                                        .max_decimals(2)
                                                        .suffix(format!(" {currency}")),
                                                )
                                                .accessible_name(format!(
                                                    "Monthly price of {label}, {}",
                                                    p.name
                                                ));
                                            if state.focus_price == Some((i, k)) {
                                                r.request_focus();
                                                state.focus_price = None;
                                            }
                                            if r.changed() {
                                                if let Some(why) = price_problem(v) {
                                                    refused = Some(format!(
                                                        "{why} The price of {label} was not changed."
                                                    ));
                                                } else if let Some(o) = tools
                                                    .get_mut(i)
                                                    .and_then(|t| t.prices.get_mut(k))
                                                {
                                                    o.monthly = Some(v);
                                                    change.text(&r, "Change price");
                                                }
                                            }
                                        }
                                        None => {
                                            ui.label(
                                                RichText::new(price_text(None, &currency))
                                                    .color(ui.visuals().warn_fg_color),
                                            );
                                        }
                                    }
                                    if ui
                                        .small_button("Remove")
                                        .on_hover_text("Remove this price option")
                                        .clicked()
                                    {
                                        remove = Some(k);
                                    }
                                });
                            }
                            if let Some(k) = remove
                                && let Some(t) = tools.get_mut(i)
                                && k < t.prices.len()
                            {
                                t.prices.remove(k);
                                change.discrete(true, "Remove price option");
                            }
                            if ui.small_button("Add price option").clicked()
                                && let Some(t) = tools.get_mut(i)
                            {
                                t.prices.push(PriceOption {
                                    name: String::new(),
                                    monthly: None,
                                });
                                change.discrete(true, "Add price option");
                            }
                        });

                        // Note.
                        let mut note = tool.note.clone();
                        let r = ui.add(
                            TextEdit::multiline(&mut note)
                                .id_salt(("catalog-note", i))
                                .hint_text("Where the price comes from")
                                .desired_rows(2)
                                .desired_width(240.0)
                                .min_size(egui::vec2(240.0, 0.0)),
                        )
                        .accessible_name(format!("Note of {label}"));
                        if r.changed()
                            && let Some(t) = tools.get_mut(i)
                        {
                            t.note = note;
                            change.text(&r, "Edit tool note");
                        }

                        ui.end_row();
                    }
                });
            if tools.is_empty() {
                ui.label("The catalog is empty. Add a tool, or reset to the bundled catalog.");
            }
        });

    if let Some(i) = duplicate
        && let Some(t) = tools.get(i).cloned()
    {
        let mut copy = t.clone();
        copy.id = free_id(&tools, &format!("{}-copy", t.id));
        copy.name = format!("{} (copy)", t.name);
        tools.insert(i + 1, copy);
        change.discrete(true, "Duplicate tool");
    }
    let mut delete_now: Option<String> = None;
    if let Some(i) = delete
        && let Some(t) = doc.plan().tools.get(i)
    {
        if tool_usage(doc.plan(), &t.id).is_empty() {
            delete_now = Some(t.id.clone());
        } else {
            state.confirm = Some(Confirm::Delete { id: t.id.clone() });
        }
    }

    match confirm_ui(ui.ctx(), doc.plan(), &state.confirm) {
        Some(true) => match state.confirm.take() {
            Some(Confirm::Delete { id }) => delete_now = Some(id),
            Some(Confirm::Reset) => {
                special = Some(("Reset tool catalog", Edit::SetTools(bundled_catalog())));
                change = Change::default();
                change.discrete(true, "Reset tool catalog");
            }
            None => {}
        },
        Some(false) => state.confirm = None,
        None => {}
    }
    if let Some(id) = delete_now {
        special = Some(("Delete tool", delete_tool_edit(doc.plan(), &id)));
        change = Change::default();
        change.discrete(true, "Delete tool");
    }

    let none: BTreeSet<StepId> = BTreeSet::new();
    let edit = match special {
        Some((_, e)) => Some(e),
        None => (tools != doc.plan().tools).then_some(Edit::SetTools(tools)),
    };
    if let Some(edit) = edit {
        apply_change(doc, &mut state.gestures, change, &none, edit);
        state.problem = None;
    }
    if refused.is_some() {
        state.problem = refused;
    }
    state.revision = doc.revision();
    ui.data_mut(|d| d.insert_temp(state_id(), state));
    None
}
