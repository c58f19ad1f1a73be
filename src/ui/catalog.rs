//! The Tools tab: the plan's tool catalog as a table the owner can edit.
//!
//! Every change is an `Edit::SetTools` (in a batch with the steps and roadmap
//! cards it touches when an id changes or a tool is deleted). Text and number
//! fields make one undo step per focus session, the way the inspector does.
//! Ids and names are typed into a draft while their field has focus, so a
//! refused value (an empty name, an id another tool has) never reaches the
//! plan and the owner can keep typing.

use std::collections::BTreeSet;

use egui::{ComboBox, DragValue, Id, RichText, ScrollArea, TextEdit, Ui};

use crate::edit::{Document, Edit};
use crate::model::{Plan, PriceOption, StepId, Tool, ToolCategory, bundled_catalog};
use crate::roadmap::price_text;

use super::UiAction;
use super::inspector::{Change, InspectorState, apply_change};

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

/// Steps and roadmap cards that use a tool.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ToolUsage {
    /// "Step title (workflow)" of each step whose tool it is.
    pub steps: Vec<String>,
    /// Titles of the cards that chose it over their step's tool.
    pub cards: Vec<String>,
}

impl ToolUsage {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.cards.is_empty()
    }
}

/// Which steps and roadmap cards use tool `id`.
pub fn tool_usage(plan: &Plan, id: &str) -> ToolUsage {
    let mut usage = ToolUsage::default();
    for w in &plan.workflows {
        for s in &w.steps {
            if s.tool == id {
                usage
                    .steps
                    .push(format!("\"{}\" ({})", one_line(&s.title), w.name));
            }
        }
    }
    for item in &plan.roadmap.items {
        if item.tool.as_deref() == Some(id) {
            let title = plan.find_step(item.step).map_or_else(
                || format!("step {}", item.step),
                |(_, s)| one_line(&s.title),
            );
            usage.cards.push(format!("\"{title}\""));
        }
    }
    usage
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The edit that deletes tool `id`: the catalog without it, and the steps and
/// cards that used it left with no tool.
pub fn delete_tool_edit(plan: &Plan, id: &str) -> Edit {
    let tools: Vec<Tool> = plan.tools.iter().filter(|t| t.id != id).cloned().collect();
    retool_edit(plan, tools, id, "")
}

/// The catalog `tools`, with every step and card that used tool `old` moved
/// to `new` ("" for no tool).
fn retool_edit(plan: &Plan, tools: Vec<Tool>, old: &str, new: &str) -> Edit {
    let mut edits = vec![Edit::SetTools(tools)];
    for w in &plan.workflows {
        for s in &w.steps {
            if s.tool == old {
                let mut step = s.clone();
                step.tool = new.to_owned();
                edits.push(Edit::SetStep {
                    wf: w.id,
                    step: Box::new(step),
                });
            }
        }
    }
    if plan
        .roadmap
        .items
        .iter()
        .any(|i| i.tool.as_deref() == Some(old))
    {
        let mut roadmap = plan.roadmap.clone();
        for item in &mut roadmap.items {
            if item.tool.as_deref() == Some(old) {
                if new.is_empty() {
                    item.tool = None;
                    item.price_option = None;
                } else {
                    item.tool = Some(new.to_owned());
                }
            }
        }
        edits.push(Edit::SetRoadmap(roadmap));
    }
    if edits.len() == 1 {
        edits.pop().unwrap_or(Edit::Batch(Vec::new()))
    } else {
        Edit::Batch(edits)
    }
}

/// An id not yet in the catalog, from `base`.
fn free_id(tools: &[Tool], base: &str) -> String {
    let taken = |id: &str| tools.iter().any(|t| t.id == id);
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// Why a monthly price cannot be used, if it cannot.
pub fn price_problem(price: f64) -> Option<&'static str> {
    if !price.is_finite() {
        Some("A price must be a number. Untick \"price known\" when you do not know it.")
    } else if price < 0.0 {
        Some("A price cannot be negative.")
    } else {
        None
    }
}

/// The text field of an id or a name: shows the draft while it has focus and
/// returns the new text when it was changed this frame.
fn draft_field(
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

/// The confirmation in front of the catalog, if one is asked. `Some(true)`:
/// confirmed; `Some(false)`: cancelled.
fn confirm_ui(ctx: &egui::Context, plan: &Plan, confirm: &Option<Confirm>) -> Option<bool> {
    let confirm = confirm.as_ref()?;
    let mut choice = None;
    let r = egui::Modal::new(Id::unique("automap-catalog-confirm")).show(ctx, |ui| {
        ui.set_width(480.0);
        match confirm {
            Confirm::Delete { id } => {
                let name = plan.tool(id).map_or_else(|| id.clone(), |t| t.name.clone());
                ui.heading(format!("Delete {name}?"));
                let usage = tool_usage(plan, id);
                if !usage.steps.is_empty() {
                    ui.label(format!(
                        "{name} is the tool of {}:",
                        count(usage.steps.len(), "step", "steps")
                    ));
                    list(ui, &usage.steps);
                }
                if !usage.cards.is_empty() {
                    ui.label(format!(
                        "It is chosen on {}:",
                        count(usage.cards.len(), "roadmap card", "roadmap cards")
                    ));
                    list(ui, &usage.cards);
                }
                ui.label("Deleting it leaves them with no tool. Undo brings it back.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Delete tool").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(false);
                    }
                });
            }
            Confirm::Reset => {
                ui.heading("Reset to the bundled catalog?");
                ui.label(
                    "This plan's tools are replaced by the catalog that comes with Automap, \
                     with its published prices. Tools you added or changed are lost (Undo brings \
                     them back). Steps whose tool is not in the bundled catalog keep its id and \
                     show it as not in the catalog.",
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Reset catalog").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(false);
                    }
                });
            }
        }
    });
    if r.should_close() && choice.is_none() {
        choice = Some(false);
    }
    choice
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Up to ten names, then how many more.
fn list(ui: &mut Ui, names: &[String]) {
    for n in names.iter().take(10) {
        ui.label(format!("• {n}"));
    }
    if names.len() > 10 {
        ui.label(format!("and {} more", names.len() - 10));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Plan, Step, StepKind, Workflow, WorkflowId};

    fn plan_using(tool: &str) -> Plan {
        let mut plan = Plan::new("p");
        let mut step = Step::new(StepId(1), StepKind::Task, "Send email", Default::default());
        step.tool = tool.to_owned();
        plan.workflows.push(Workflow {
            id: WorkflowId(1),
            name: "Orders".to_owned(),
            steps: vec![step],
            ..Workflow::default()
        });
        plan
    }

    #[test]
    fn deleting_a_used_tool_leaves_its_steps_without_one_and_undo_restores_it() {
        let plan = plan_using("zapier");
        let usage = tool_usage(&plan, "zapier");
        assert_eq!(usage.steps, vec!["\"Send email\" (Orders)".to_owned()]);
        let mut doc = Document::new(plan.clone());
        assert!(
            doc.apply("Delete tool", delete_tool_edit(&plan, "zapier"))
                .is_ok()
        );
        assert!(doc.plan().tool("zapier").is_none());
        assert_eq!(doc.plan().workflows[0].steps[0].tool, "");
        doc.undo();
        assert_eq!(doc.plan(), &plan);
    }

    #[test]
    fn prices_must_be_finite_and_not_negative() {
        assert!(price_problem(-1.0).is_some());
        assert!(price_problem(f64::NAN).is_some());
        assert!(price_problem(f64::INFINITY).is_some());
        assert!(price_problem(0.0).is_none());
        assert!(price_problem(19.99).is_none());
    }

    #[test]
    fn new_ids_do_not_clash() {
        let tools = bundled_catalog();
        let id = free_id(&tools, "zapier");
        assert_ne!(id, "zapier");
        assert!(tools.iter().all(|t| t.id != id));
    }
}
