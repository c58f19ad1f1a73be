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
mod prices;
mod row;
mod tool_edits;

use std::collections::BTreeSet;

use egui::{Id, RichText, ScrollArea, Ui};

use crate::edit::{Document, Edit};
use crate::model::{Plan, PriceOption, StepId, Tool, ToolCategory, bundled_catalog};

use super::UiAction;
use super::inspector::{Change, InspectorState, apply_change};
use confirm::confirm_ui;
use prices::prices_cell;
use row::{category_cell, name_cell, note_cell};
use tool_edits::free_id;
pub use tool_edits::{ToolUsage, delete_tool_edit, price_problem, tool_usage};

/// Gesture ids of the catalog start this far above the inspector's.
const GESTURE_OFFSET: u64 = 1 << 40;

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
#[derive(Debug, Clone)]
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

impl Default for CatalogState {
    fn default() -> Self {
        Self {
            gestures: InspectorState::with_gesture_offset(GESTURE_OFFSET),
            draft: None,
            revision: 0,
            problem: None,
            confirm: None,
            focus_price: None,
        }
    }
}

/// What the cells of one tool's row read and change.
struct RowCtx<'a> {
    i: usize,
    /// The tool as it was when the frame started.
    tool: &'a Tool,
    /// Its name, or its id when it has no name, for accessible names.
    label: &'a str,
    plan: &'a Plan,
    currency: &'a str,
    state: &'a mut CatalogState,
    tools: &'a mut Vec<Tool>,
    change: &'a mut Change,
    refused: &'a mut Option<String>,
    special: &'a mut Option<(&'static str, Edit)>,
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
                    for h in [
                        "Tool and id",
                        "Category and layers",
                        "Prices per month",
                        "Note",
                    ] {
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
                        let mut cx = RowCtx {
                            i,
                            tool: &tool,
                            label: &label,
                            plan,
                            currency: &currency,
                            state: &mut state,
                            tools: &mut tools,
                            change: &mut change,
                            refused: &mut refused,
                            special: &mut special,
                        };
                        name_cell(ui, &mut cx, &mut duplicate, &mut delete);
                        category_cell(ui, &mut cx);
                        prices_cell(ui, &mut cx);
                        note_cell(ui, &mut cx);
                        ui.end_row();
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
