//! The priority matrix: each step placed by complexity and hours saved.

use egui::{Color32, Sense, Ui, WidgetInfo};
use egui_plot::{HLine, Legend, Plot, PlotPoint, Points, Text, VLine};

use crate::analysis::{PriorityClass, StepInsight};
use crate::model::{Complexity, Judgment, Plan, Step};
use crate::ui::UiAction;

use super::derived::ReviewLists as Derived;
use super::{MAX_CLICKABLE_DOTS, class_color, step_at, title};

/// Position of a step on the matrix: complexity (with judgment) across, hours up.
pub(super) fn matrix_point(s: &Step, i: &StepInsight) -> [f64; 2] {
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

pub(super) fn matrix(ui: &mut Ui, plan: &Plan, derived: &Derived) -> Option<UiAction> {
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
        PriorityClass::Physical,
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
