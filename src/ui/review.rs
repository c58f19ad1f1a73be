//! The Review view: the method's four questions answered from the plan, the
//! method's thresholds, and the priority matrix.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, RichText, Sense, Ui, WidgetInfo};
use egui_plot::{HLine, Legend, Plot, PlotPoint, Points, Text, VLine};

use super::UiAction;
use crate::analysis::{
    Analysis, Connection, ConnectionKind, PriorityClass, StepInsight, connections, quick_wins,
};
use crate::edit::{Document, Edit, GestureId};
use crate::model::{
    Complexity, Judgment, MethodSettings, Plan, Step, StepId, StepKind, Tag, WorkflowId,
};

/// Rows shown per list before it is cut (the rest are counted).
const MAX_ROWS: usize = 25;
/// Matrix dots that can be clicked; more are drawn but not clickable.
const MAX_CLICKABLE_DOTS: usize = 2000;

/// What the view derives from the plan and its analysis, built once per plan
/// revision and kept between frames.
struct Derived {
    connections: Vec<Connection>,
    /// Where each step is in the plan (workflow index, step index).
    places: HashMap<StepId, (usize, usize)>,
    /// Quick wins, most hours saved first.
    wins: Vec<StepId>,
    /// The first steps that stay manual, and how many there are in all.
    manual: Vec<StepId>,
    manual_total: usize,
    /// The matrix: class, position and step of each dot.
    dots: Vec<(PriorityClass, [f64; 2], StepId)>,
}

thread_local! {
    static BUILDS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How often this thread has built the view's derived lists (for tests: an
/// unchanged plan must not cause a rebuild).
pub fn builds_on_this_thread() -> u64 {
    BUILDS.with(std::cell::Cell::get)
}

impl Derived {
    fn build(plan: &Plan, analysis: &Analysis) -> Self {
        BUILDS.with(|b| b.set(b.get() + 1));
        let places = plan.step_places();
        let wins = quick_wins(plan, analysis).iter().map(|i| i.step).collect();
        let mut manual = Vec::new();
        let mut manual_total = 0;
        let mut dots = Vec::new();
        for s in plan.workflows.iter().flat_map(|w| &w.steps) {
            let Some(i) = analysis.step(s.id) else {
                continue;
            };
            let stays = s.tag == Tag::KeepManual
                || (s.tag == Tag::Undecided && i.suggested_tag == Tag::KeepManual);
            if stays && i.class != PriorityClass::Event {
                manual_total += 1;
                if manual.len() < MAX_ROWS {
                    manual.push(s.id);
                }
            }
        }
        for i in &analysis.steps {
            let Some(s) = step_at(plan, &places, i.step) else {
                continue;
            };
            if matches!(s.1.kind, StepKind::Trigger | StepKind::End) {
                continue;
            }
            dots.push((i.class, matrix_point(s.1, i), i.step));
        }
        Self {
            connections: connections(plan),
            places,
            wins,
            manual,
            manual_total,
            dots,
        }
    }
}

/// The step with `id` and its workflow, found through the places of `Derived`.
fn step_at<'p>(
    plan: &'p Plan,
    places: &HashMap<StepId, (usize, usize)>,
    id: StepId,
) -> Option<(WorkflowId, &'p Step)> {
    let &(wi, si) = places.get(&id)?;
    let w = plan.workflows.get(wi)?;
    let step = w.steps.get(si)?;
    (step.id == id).then_some((w.id, step))
}

#[derive(Clone)]
struct Cached {
    key: (u64, usize, usize, u64),
    derived: Arc<Derived>,
}

fn cached_derived(ui: &Ui, doc: &Document, analysis: &Analysis) -> Arc<Derived> {
    let plan = doc.plan();
    // The revision alone could repeat when another plan is opened in a new document.
    let name = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        plan.name.hash(&mut h);
        h.finish()
    };
    let key = (
        doc.revision(),
        plan.workflows.len(),
        plan.step_count(),
        name,
    );
    let id = egui::Id::unique("automap_review_derived");
    if let Some(c) = ui.data(|d| d.get_temp::<Cached>(id))
        && c.key == key
    {
        return c.derived;
    }
    let derived = Arc::new(Derived::build(plan, analysis));
    ui.data_mut(|d| {
        d.insert_temp(
            id,
            Cached {
                key,
                derived: derived.clone(),
            },
        )
    });
    derived
}

fn class_color(c: PriorityClass) -> Color32 {
    match c {
        PriorityClass::QuickWin => Color32::from_rgb(60, 170, 90),
        PriorityClass::Medium => Color32::from_rgb(70, 130, 220),
        PriorityClass::AiCandidate => Color32::from_rgb(150, 100, 220),
        PriorityClass::Trap => Color32::from_rgb(230, 140, 40),
        PriorityClass::NeverAutomate => Color32::from_rgb(210, 60, 60),
        PriorityClass::Exception => Color32::from_rgb(200, 170, 60),
        PriorityClass::LowValue => Color32::from_rgb(140, 140, 140),
        PriorityClass::Event => Color32::from_rgb(100, 100, 100),
    }
}

fn hours(h: f64) -> String {
    format!("{h:.1} h/week")
}

fn title(s: &Step) -> String {
    let t = s.title.trim();
    if t.is_empty() {
        format!("Step {}", s.id)
    } else {
        t.to_owned()
    }
}

/// The Review view. Threshold edits go through `doc`; a click on a step asks
/// the app to show it.
pub fn review_ui(ui: &mut Ui, doc: &mut Document, analysis: &Analysis) -> Option<UiAction> {
    let mut action = None;
    let derived = cached_derived(ui, doc, analysis);
    egui::ScrollArea::vertical()
        .id_salt("review_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            {
                let plan = doc.plan();
                ui.heading("Review");
                ui.weak("The plan's answers to the four questions of the method.");
                ui.add_space(6.0);
                workflows_section(ui, plan, analysis);
                ui.add_space(8.0);
                if let Some(a) = quick_wins_section(ui, plan, analysis, &derived) {
                    action = Some(a);
                }
                ui.add_space(8.0);
                connections_section(ui, plan, &derived.connections);
                ui.add_space(8.0);
                if let Some(a) = manual_section(ui, plan, analysis, &derived) {
                    action = Some(a);
                }
                ui.add_space(8.0);
                ui.heading("Priority matrix");
                if let Some(a) = matrix(ui, plan, &derived) {
                    action = Some(a);
                }
            }
            ui.add_space(8.0);
            settings_section(ui, doc);
        });
    action
}

fn workflows_section(ui: &mut Ui, plan: &Plan, analysis: &Analysis) {
    ui.heading("What workflows exist?");
    if plan.workflows.is_empty() {
        ui.label("No workflows yet: map one to start.");
        return;
    }
    let total: f64 = analysis.workflows.iter().map(|w| w.hours_per_week).sum();
    egui::Grid::new("review_workflows")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for h in [
                "Workflow",
                "Steps",
                "Manual time",
                "Automate",
                "Keep manual",
                "Undecided",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for (w, s) in plan.workflows.iter().zip(&analysis.workflows) {
                ui.label(&w.name);
                ui.label(s.steps.to_string());
                ui.label(hours(s.hours_per_week));
                ui.label(s.automate.to_string());
                ui.label(s.keep_manual.to_string());
                ui.label(s.undecided.to_string());
                ui.end_row();
            }
        });
    let value = total * plan.profile.hourly_value;
    ui.label(format!(
        "In all {} of manual work, worth about {:.0} {} a week.",
        hours(total),
        if value.is_finite() { value } else { 0.0 },
        plan.profile.currency
    ));
}

fn quick_wins_section(
    ui: &mut Ui,
    plan: &Plan,
    analysis: &Analysis,
    derived: &Derived,
) -> Option<UiAction> {
    ui.heading("What to automate first?");
    let wins = &derived.wins;
    if wins.is_empty() {
        ui.label("No quick wins yet: frequent, simple, rule-based steps show up here.");
        return None;
    }
    ui.label("Quick wins (frequent, simple, rule-based), most hours saved first:");
    let mut action = None;
    egui::Grid::new("review_quick_wins")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (rank, id) in wins.iter().take(MAX_ROWS).enumerate() {
                let (Some((wf, s)), Some(i)) =
                    (step_at(plan, &derived.places, *id), analysis.step(*id))
                else {
                    continue;
                };
                ui.label(format!("{}.", rank + 1));
                if ui.link(title(s)).on_hover_text(&i.reason).clicked() {
                    action = Some(UiAction::ShowStep {
                        workflow: wf,
                        step: s.id,
                    });
                }
                ui.label(format!("saves {}", hours(i.hours_per_week)));
                ui.label(match s.tag {
                    Tag::Automate => "tagged automate",
                    _ => "not decided yet",
                });
                ui.end_row();
            }
        });
    if wins.len() > MAX_ROWS {
        ui.weak(format!("… and {} more", wins.len() - MAX_ROWS));
    }
    action
}

fn workflow_names(plan: &Plan, ids: &[WorkflowId]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|id| plan.workflow(*id).map(|w| w.name.as_str()))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn connections_section(ui: &mut Ui, plan: &Plan, connections: &[Connection]) {
    ui.heading("How do the workflows connect?");
    if connections.is_empty() {
        ui.label("The workflows share no events or data.");
        return;
    }
    for c in connections.iter().take(MAX_ROWS) {
        let text = match c.kind {
            ConnectionKind::SharedEvent => format!(
                "\"{}\" starts work in {}.",
                c.label,
                workflow_names(plan, &c.workflows)
            ),
            ConnectionKind::SharedData => {
                let mut t = format!(
                    "{} is shared by {}",
                    c.label,
                    workflow_names(plan, &c.workflows)
                );
                if !c.writers.is_empty() {
                    t.push_str(&format!(
                        "; written by {}",
                        workflow_names(plan, &c.writers)
                    ));
                }
                t.push('.');
                t
            }
        };
        ui.label(format!("• {text}"));
    }
    if connections.len() > MAX_ROWS {
        ui.weak(format!("… and {} more", connections.len() - MAX_ROWS));
    }
}

fn manual_section(
    ui: &mut Ui,
    plan: &Plan,
    analysis: &Analysis,
    derived: &Derived,
) -> Option<UiAction> {
    ui.heading("What stays manual, and why?");
    let mut action = None;
    egui::Grid::new("review_manual")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for id in &derived.manual {
                let (Some((wf, s)), Some(i)) =
                    (step_at(plan, &derived.places, *id), analysis.step(*id))
                else {
                    continue;
                };
                if ui.link(title(s)).clicked() {
                    action = Some(UiAction::ShowStep {
                        workflow: wf,
                        step: s.id,
                    });
                }
                ui.label(RichText::new(i.class.label()).color(class_color(i.class)));
                let why = if i.suggested_tag == Tag::KeepManual {
                    i.reason.clone()
                } else {
                    "The owner keeps it manual.".to_owned()
                };
                ui.add(egui::Label::new(why).wrap());
                ui.end_row();
            }
        });
    if derived.manual_total == 0 {
        ui.label("Nothing is kept manual yet.");
    }
    let more = derived.manual_total.saturating_sub(derived.manual.len());
    if more > 0 {
        ui.weak(format!("… and {more} more"));
    }
    action
}

/// Position of a step on the matrix: complexity (with judgment) across, hours up.
fn matrix_point(s: &Step, i: &StepInsight) -> [f64; 2] {
    let c = match s.complexity {
        Complexity::Low => 1.0,
        Complexity::Medium => 2.0,
        Complexity::High => 3.0,
    };
    let j = match s.judgment {
        Judgment::RuleBased => -0.25,
        Judgment::SomeRules => 0.0,
        Judgment::HumanJudgment => 0.25,
    };
    // A small fixed spread so equal steps do not hide each other.
    let spread = ((s.id.0.wrapping_mul(2_654_435_761) >> 24) % 9) as f64 / 9.0 * 0.16 - 0.08;
    [c + j + spread, i.hours_per_week]
}

fn matrix(ui: &mut Ui, plan: &Plan, derived: &Derived) -> Option<UiAction> {
    ui.weak("Complexity across, manual hours per week up. Click a dot to show its step.");
    let dots = &derived.dots;
    let top = dots.iter().map(|d| d.1[1]).fold(1.0_f64, f64::max);
    let split_y = {
        let n = dots.len().max(1) as f64;
        (dots.iter().map(|d| d.1[1]).sum::<f64>() / n).max(0.5)
    };
    let classes = [
        PriorityClass::QuickWin,
        PriorityClass::Medium,
        PriorityClass::AiCandidate,
        PriorityClass::Trap,
        PriorityClass::NeverAutomate,
        PriorityClass::Exception,
        PriorityClass::LowValue,
    ];
    let response = Plot::new("priority_matrix")
        .height(320.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.5)
        .include_x(3.5)
        .include_y(0.0)
        .include_y(top * 1.1)
        .x_axis_label("complexity")
        .y_axis_label("hours per week")
        .x_axis_formatter(|m, _| match m.value {
            v if (v - 1.0).abs() < 1e-6 => "low".to_owned(),
            v if (v - 2.0).abs() < 1e-6 => "medium".to_owned(),
            v if (v - 3.0).abs() < 1e-6 => "high".to_owned(),
            _ => String::new(),
        })
        .show(ui, |p| {
            p.vline(VLine::new("", 1.5).color(Color32::GRAY));
            p.hline(HLine::new("", split_y).color(Color32::GRAY));
            let label_y = top * 1.05;
            let weak = Color32::GRAY;
            p.text(
                Text::new("", PlotPoint::new(0.55, label_y), "Quick wins")
                    .color(weak)
                    .anchor(egui::Align2::LEFT_TOP),
            );
            p.text(
                Text::new("", PlotPoint::new(1.55, label_y), "Big projects")
                    .color(weak)
                    .anchor(egui::Align2::LEFT_TOP),
            );
            p.text(
                Text::new("", PlotPoint::new(0.55, 0.0), "Small jobs")
                    .color(weak)
                    .anchor(egui::Align2::LEFT_BOTTOM),
            );
            p.text(
                Text::new("", PlotPoint::new(3.45, 0.0), "Traps")
                    .color(weak)
                    .anchor(egui::Align2::RIGHT_BOTTOM),
            );
            for class in classes {
                let pts: Vec<[f64; 2]> =
                    dots.iter().filter(|d| d.0 == class).map(|d| d.1).collect();
                if pts.is_empty() {
                    continue;
                }
                p.points(
                    Points::new(class.label(), pts)
                        .color(class_color(class))
                        .radius(5.0)
                        .filled(true),
                );
            }
        });
    // Clickable, named areas over the dots, for the pointer and for screen readers.
    let rect = response.response.rect;
    let mut action = None;
    let mut clickable = 0;
    for (class, pt, id) in dots {
        if clickable >= MAX_CLICKABLE_DOTS {
            break;
        }
        let pos = response
            .transform
            .position_from_point(&PlotPoint::new(pt[0], pt[1]));
        if !rect.contains(pos) {
            continue;
        }
        clickable += 1;
        let Some((wf, s)) = step_at(plan, &derived.places, *id) else {
            continue;
        };
        // Texts are made only when shown (hover) or asked for (accessibility):
        // a big plan has thousands of dots.
        let r = ui
            .interact(
                egui::Rect::from_center_size(pos, egui::vec2(10.0, 10.0)),
                egui::Id::unique(("automap_matrix_dot", id.0)),
                Sense::click(),
            )
            .on_hover_ui(|ui| {
                ui.label(format!("{} ({})", title(s), class.label()));
            });
        r.widget_info(|| {
            let name = format!("{} on the priority matrix", title(s));
            WidgetInfo::labeled(egui::Role::Button, true, name)
        });
        if r.clicked() {
            action = Some(UiAction::ShowStep {
                workflow: wf,
                step: s.id,
            });
        }
    }
    action
}

/// What a threshold row shows: its label and help text.
struct Field<'a> {
    label: &'a str,
    help: &'a str,
}

/// One threshold row: a label and a number field that edits the plan's method.
fn setting(
    ui: &mut Ui,
    doc: &mut Document,
    Field { label, help }: Field<'_>,
    value: f64,
    (range, speed, decimals): (std::ops::RangeInclusive<f64>, f64, usize),
    set: impl FnOnce(&mut MethodSettings, f64),
) {
    let l = ui.label(label).on_hover_text(help);
    let mut v = value;
    let r = ui
        .add(
            egui::DragValue::new(&mut v)
                .range(range)
                .speed(speed)
                .max_decimals(decimals),
        )
        .labelled_by(l.id)
        .on_hover_text(help);
    ui.end_row();
    if r.changed() && v != value {
        let mut m = doc.plan().method.clone();
        set(&mut m, v);
        let gesture = GestureId(r.id.value());
        let _ = doc.apply_gesture("Change a method threshold", gesture, Edit::SetMethod(m));
    }
    if r.drag_stopped() || r.lost_focus() {
        doc.end_gesture();
    }
}

fn settings_section(ui: &mut Ui, doc: &mut Document) {
    ui.heading("Method settings");
    ui.weak("Thresholds the classes and checks use; see docs/findings.md.");
    let m = doc.plan().method.clone();
    egui::Grid::new("review_settings")
        .num_columns(2)
        .show(ui, |ui| {
            setting(
                ui,
                doc,
                Field {
                    label: "High frequency from (times a day)",
                    help: "Steps done at least this often count as high frequency: needed for a quick win.",
                },
                m.high_frequency_per_day,
                (0.0..=10_000.0, 0.1, 1),
                |m, v| m.high_frequency_per_day = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Medium frequency from (times a day)",
                    help: "Below this, simple steps and decisions are not worth automating.",
                },
                m.medium_frequency_per_day,
                (0.0..=10_000.0, 0.1, 1),
                |m, v| m.medium_frequency_per_day = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "AI volume from (times a day)",
                    help: "Work that needs understanding is an AI candidate from this many times a day.",
                },
                m.ai_volume_per_day,
                (0.0..=10_000.0, 0.1, 1),
                |m, v| m.ai_volume_per_day = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Bottleneck share of a workflow's time",
                    help: "A step taking at least this share (0–1) of its workflow's manual time is a bottleneck.",
                },
                m.bottleneck_share,
                (0.0..=1.0, 0.01, 2),
                |m, v| m.bottleneck_share = v,
            );
            setting(
                ui,
                doc,
                Field {
                    label: "Bottleneck from arrows in",
                    help: "A step with at least this many arrows coming in is a point many paths run through.",
                },
                f64::from(m.bottleneck_in_degree),
                (2.0..=100.0, 0.05, 0),
                |m, v| m.bottleneck_in_degree = v.round().clamp(2.0, 100.0) as u32,
            );
        });
    if doc.plan().method != MethodSettings::default()
        && ui.button("Reset thresholds to the defaults").clicked()
    {
        let _ = doc.apply(
            "Reset method thresholds",
            Edit::SetMethod(MethodSettings::default()),
        );
    }
}
