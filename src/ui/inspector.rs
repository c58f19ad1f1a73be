//! The right panel: every field of the selected step, or the fields that can be
//! set for several steps at once.
//!
//! Text and number fields are one undo step per focus session: all edits made
//! while a field has focus (or is being dragged) share one gesture, closed when
//! the field loses focus.

use std::collections::BTreeSet;

use egui::{ComboBox, DragValue, TextEdit, Ui};

use crate::analysis::Analysis;
use crate::edit::{Document, Edit, GestureId};
use crate::model::{
    Approach, Complexity, DataRef, Judgment, Layer, Period, Plan, Sensitivity, Step, StepId,
    StepKind, Tag, WorkflowId,
};

use super::Selection;

/// Gesture ids of the inspector live far away from other views' ids.
const GESTURE_BASE: u64 = 1 << 62;

/// What the inspector remembers between frames. Other views that edit plan
/// fields keep one of their own (see [`InspectorState::with_gesture_offset`]).
#[derive(Debug, Default, Clone)]
pub struct InspectorState {
    /// The field being edited, the step(s) it edits and its gesture.
    active: Option<Active>,
    next_gesture: u64,
}

#[derive(Debug, Clone, PartialEq)]
struct Active {
    widget: egui::Id,
    steps: BTreeSet<StepId>,
    gesture: GestureId,
}

impl InspectorState {
    /// A state whose gesture ids start `offset` above the inspector's own, for
    /// another view that shares this way of making undo steps.
    pub(super) fn with_gesture_offset(offset: u64) -> Self {
        Self {
            active: None,
            next_gesture: offset,
        }
    }

    /// Close the open text-field gesture once its field has lost focus and is
    /// no longer dragged, so the next edit starts a new undo step.
    pub(super) fn close_finished_gesture(&mut self, ctx: &egui::Context, doc: &mut Document) {
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
    fn gesture_for(&mut self, widget: egui::Id, steps: &BTreeSet<StepId>) -> GestureId {
        if let Some(a) = &self.active
            && a.widget == widget
            && &a.steps == steps
        {
            return a.gesture;
        }
        self.next_gesture += 1;
        let gesture = GestureId(GESTURE_BASE + self.next_gesture);
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
pub(super) struct Change {
    label: Option<&'static str>,
    /// The field is typed or dragged: merge with the rest of its focus session.
    continuous: Option<egui::Id>,
}

impl Change {
    pub(super) fn text(&mut self, r: &egui::Response, label: &'static str) {
        if r.changed() && self.label.is_none() {
            self.label = Some(label);
            self.continuous = Some(r.id);
        }
    }

    pub(super) fn discrete(&mut self, changed: bool, label: &'static str) {
        if changed && self.label.is_none() {
            self.label = Some(label);
            self.continuous = None;
        }
    }
}

pub(super) fn apply_change(
    doc: &mut Document,
    state: &mut InspectorState,
    change: Change,
    steps: &BTreeSet<StepId>,
    edit: Edit,
) {
    let Some(label) = change.label else { return };
    let result = match change.continuous {
        Some(widget) => {
            let gesture = state.gesture_for(widget, steps);
            doc.apply_gesture(label, gesture, edit)
        }
        None => {
            if state.active.take().is_some() {
                doc.end_gesture();
            }
            doc.apply(label, edit)
        }
    };
    if let Err(e) = result {
        log::warn!("inspector edit refused: {e}");
    }
}

/// A labelled row in the field grid; the label names the inputs for screen
/// readers and tests.
fn row<R>(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui, egui::Id) -> R) -> R {
    let l = ui.label(label);
    let r = ui.label_inputs_by(l.id, |ui| add(ui, l.id));
    ui.end_row();
    r
}

fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> bool {
    let before = *value;
    ComboBox::from_id_salt(salt)
        .selected_text(label(*value))
        .width(ui.available_width().min(220.0))
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(value, v, label(v));
            }
        });
    *value != before
}

fn text_line(ui: &mut Ui, salt: &str, value: &mut String, hint: &str) -> egui::Response {
    ui.add(
        TextEdit::singleline(value)
            .id_salt(salt)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
}

fn text_area(ui: &mut Ui, salt: &str, value: &mut String, hint: &str) -> egui::Response {
    ui.add(
        TextEdit::multiline(value)
            .id_salt(salt)
            .hint_text(hint)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
}

/// A tool picker over the plan's catalog; returns the tool id picked this frame.
fn tool_combo(ui: &mut Ui, salt: &str, plan: &Plan, tool: Option<&str>) -> Option<String> {
    let selected = match tool {
        None => "(mixed)".to_owned(),
        Some("") => "(none)".to_owned(),
        Some(id) => plan
            .tool(id)
            .map_or_else(|| format!("{id} (not in catalog)"), |t| t.name.clone()),
    };
    let mut picked = None;
    ComboBox::from_id_salt(salt)
        .selected_text(selected)
        .width(ui.available_width().min(220.0))
        .show_ui(ui, |ui| {
            if ui.selectable_label(tool == Some(""), "(none)").clicked() {
                picked = Some(String::new());
            }
            for t in &plan.tools {
                if ui
                    .selectable_label(tool == Some(t.id.as_str()), t.name.as_str())
                    .clicked()
                {
                    picked = Some(t.id.clone());
                }
            }
        });
    picked.filter(|p| Some(p.as_str()) != tool)
}

/// Show the inspector for the selection in workflow `wf`.
pub fn inspector_ui(
    ui: &mut Ui,
    doc: &mut Document,
    wf: Option<WorkflowId>,
    selection: &Selection,
    analysis: &Analysis,
    state: &mut InspectorState,
) {
    state.close_finished_gesture(ui.ctx(), doc);
    ui.heading("Step");
    let Some(workflow) = wf.and_then(|wf| doc.plan().workflow(wf)) else {
        ui.label("No workflow is selected.");
        ui.add_space(10.0);
        ui.separator();
        plan_fields(ui, doc, state);
        return;
    };
    let wf = workflow.id;
    let selected: Vec<&Step> = selection
        .steps
        .iter()
        .filter_map(|id| workflow.step(*id))
        .collect();
    match selected.len() {
        0 => {
            match selection.link {
                Some((from, to)) => arrow(ui, doc, wf, from, to, state),
                None => {
                    ui.label("Select a step on the map to see and edit its fields.");
                }
            }
            ui.add_space(10.0);
            ui.separator();
            plan_fields(ui, doc, state);
        }
        1 => {
            if let Some(step) = selected.first().map(|s| (*s).clone()) {
                single_step(ui, doc, wf, step, analysis, state);
            }
        }
        n => {
            let steps: Vec<Step> = selected.into_iter().cloned().collect();
            ui.label(format!(
                "{n} steps selected. Changes here apply to all of them."
            ));
            ui.add_space(4.0);
            several_steps(ui, doc, wf, steps, state);
        }
    }
}

fn single_step(
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

            ui.add_space(6.0);
            egui::CollapsingHeader::new("Failure plan")
                .default_open(true)
                .show(ui, |ui| {
                    let fp = &mut s.failure_plan;
                    let l = ui.label("If it does not run");
                    let r = text_area(ui, "fp-not-run", &mut fp.not_run, "Who notices, and how?")
                        .labelled_by(l.id);
                    change.text(&r, "Edit failure plan");
                    let l = ui.label("If it runs twice");
                    let r = text_area(
                        ui,
                        "fp-twice",
                        &mut fp.runs_twice,
                        "What stops a duplicate?",
                    )
                    .labelled_by(l.id);
                    change.text(&r, "Edit failure plan");
                    let l = ui.label("If data is missing");
                    let r = text_area(
                        ui,
                        "fp-missing",
                        &mut fp.data_missing,
                        "What happens with a blank field?",
                    )
                    .labelled_by(l.id);
                    change.text(&r, "Edit failure plan");
                });
            egui::CollapsingHeader::new("Test plan")
                .default_open(false)
                .show(ui, |ui| {
                    let r = text_area(
                        ui,
                        "step-test-plan",
                        &mut s.test_plan,
                        "How it is tried before going live",
                    )
                    .accessible_name("Test plan");
                    change.text(&r, "Edit test plan");
                });
            egui::CollapsingHeader::new("Data it reads and writes")
                .default_open(false)
                .show(ui, |ui| {
                    data_list(ui, "Reads", "reads", &mut s.reads, &mut change);
                    ui.add_space(4.0);
                    data_list(ui, "Writes", "writes", &mut s.writes, &mut change);
                });
            egui::CollapsingHeader::new("Notes")
                .default_open(true)
                .show(ui, |ui| {
                    let r = text_area(ui, "step-notes", &mut s.notes, "Anything worth remembering")
                        .accessible_name("Notes");
                    change.text(&r, "Edit notes");
                });
        });

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

fn data_list(ui: &mut Ui, heading: &str, salt: &str, list: &mut Vec<DataRef>, change: &mut Change) {
    ui.label(heading);
    let mut remove = None;
    for (i, d) in list.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let r = ui.add(
                TextEdit::singleline(&mut d.system)
                    .id_salt((salt, i, "system"))
                    .hint_text("System")
                    .desired_width(90.0),
            );
            change.text(&r, "Edit data");
            let r = ui.add(
                TextEdit::singleline(&mut d.object)
                    .id_salt((salt, i, "object"))
                    .hint_text("Field or object")
                    .desired_width(110.0),
            );
            change.text(&r, "Edit data");
            let c = ui
                .checkbox(&mut d.reliable, "reliable")
                .on_hover_text("This field is always filled correctly");
            change.discrete(c.changed(), "Change data reliability");
            if ui
                .small_button("Remove")
                .on_hover_text(format!("Remove this {}", heading.to_lowercase()))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove
        && i < list.len()
    {
        list.remove(i);
        change.discrete(true, "Remove data");
    }
    if ui
        .small_button(format!("Add to {}", heading.to_lowercase()))
        .clicked()
    {
        list.push(DataRef::default());
        change.discrete(true, "Add data");
    }
}

fn several_steps(
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

/// The selected arrow: its ends and its label (decision branches).
fn arrow(
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

/// The plan's name and the business facts that turn minutes into money.
fn plan_fields(ui: &mut Ui, doc: &mut Document, state: &mut InspectorState) {
    ui.heading("Plan");
    let mut name = doc.plan().name.clone();
    let mut profile = doc.plan().profile.clone();
    let mut name_change = Change::default();
    let mut change = Change::default();
    let currency = profile.currency.clone();
    egui::Grid::new("inspector-plan")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            row(ui, "Plan name", |ui, l| {
                let r = text_line(ui, "plan-name", &mut name, "Name of this plan").labelled_by(l);
                name_change.text(&r, "Rename plan");
            });
            row(ui, "Shop", |ui, l| {
                let r =
                    text_line(ui, "plan-shop", &mut profile.shop_name, "Shop name").labelled_by(l);
                change.text(&r, "Edit shop name");
            });
            row(ui, "Value of one hour", |ui, l| {
                let r = ui
                    .add(
                        DragValue::new(&mut profile.hourly_value)
                            .range(0.0..=10_000.0)
                            .speed(0.5)
                            .max_decimals(2)
                            .suffix(format!(" {currency}")),
                    )
                    .labelled_by(l);
                change.text(&r, "Edit hourly value");
            });
            row(ui, "Setup hours per week", |ui, l| {
                let r = ui
                    .add(
                        DragValue::new(&mut profile.setup_hours_per_week)
                            .range(0.0..=168.0)
                            .speed(0.25)
                            .max_decimals(2)
                            .suffix(" h"),
                    )
                    .labelled_by(l);
                change.text(&r, "Edit setup hours");
            });
            row(ui, "Currency", |ui, l| {
                let r = text_line(ui, "plan-currency", &mut profile.currency, "USD").labelled_by(l);
                change.text(&r, "Edit currency");
            });
        });
    let none = BTreeSet::new();
    if name != doc.plan().name {
        apply_change(doc, state, name_change, &none, Edit::SetPlanName(name));
    } else if profile != doc.plan().profile {
        apply_change(doc, state, change, &none, Edit::SetProfile(profile));
    }
}
