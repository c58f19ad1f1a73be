//! The Progress view of the roadmap: planned against actual hours saved week
//! by week as a chart, cards by status, incidents, and the next check-in
//! with what to review then.

use egui::{Grid, RichText, ScrollArea, Ui};
use egui_plot::{Legend, Line, LineStyle, Plot, VLine};

use crate::model::{CardStatus, Plan};
use crate::roadmap::date;
use crate::roadmap::progress::{Progress, REVIEW_LIST, next_check_in};

use super::cache::Cached;
use super::{one_line, short_date};

/// The chart's two lines: (week, planned hours per week) and (week, actual),
/// weeks counted from 1. The last point of each is the cards' sum.
pub(super) fn chart_lines(p: &Progress) -> (Vec<[f64; 2]>, Vec<[f64; 2]>) {
    let planned = p
        .weeks
        .iter()
        .map(|w| [f64::from(w.week + 1), w.planned])
        .collect();
    let actual = p
        .weeks
        .iter()
        .map(|w| [f64::from(w.week + 1), w.actual])
        .collect();
    (planned, actual)
}

pub(super) fn progress_view(ui: &mut Ui, plan: &Plan, cache: &Cached) {
    let p = &cache.progress;
    ScrollArea::vertical()
        .id_salt("roadmap_progress")
        .show(ui, |ui| {
            ui.heading("Progress");
            ui.label(format!(
                "Saving now: {:.1} h/week from live automations, of {:.1} h/week planned by day 90.",
                p.actual_total, p.planned_total
            ));
            chart(ui, plan, p);
            ui.add_space(8.0);
            by_status(ui, p);
            ui.add_space(8.0);
            check_in(ui, plan);
            ui.add_space(8.0);
            incidents(ui, plan, cache);
        });
}

fn chart(ui: &mut Ui, plan: &Plan, p: &Progress) {
    let (planned, actual) = chart_lines(p);
    let top = p
        .weeks
        .iter()
        .map(|w| w.planned.max(w.actual))
        .fold(1.0_f64, f64::max);
    let today_week = plan
        .roadmap
        .start_date
        .as_deref()
        .and_then(date::parse)
        .map(|start| (date::today() - start) as f64 / 7.0 + 1.0)
        .filter(|w| (1.0..=13.0).contains(w));
    Plot::new("roadmap_progress_chart")
        .height(240.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(1.0)
        .include_x(13.0)
        .include_y(0.0)
        .include_y(top * 1.1)
        .x_axis_label("week of the 90 days")
        .y_axis_label("hours saved per week")
        .show(ui, |pl| {
            pl.line(Line::new("Planned", planned).width(2.0));
            pl.line(
                Line::new("Actual (live)", actual)
                    .width(2.5)
                    .style(LineStyle::dashed_loose()),
            );
            if let Some(w) = today_week {
                pl.vline(VLine::new("Today", w).color(egui::Color32::GRAY));
            }
        });
}

fn by_status(ui: &mut Ui, p: &Progress) {
    ui.label(RichText::new("Cards by status").strong());
    ui.horizontal_wrapped(|ui| {
        for (status, n) in CardStatus::ALL.iter().zip(p.by_status) {
            ui.label(format!("{}: {n}", status.label()));
            ui.separator();
        }
    });
}

fn check_in(ui: &mut Ui, plan: &Plan) {
    ui.label(RichText::new("Next check-in").strong());
    let start = plan.roadmap.start_date.as_deref();
    match next_check_in(start, date::today()) {
        Some((day, when)) => {
            ui.label(format!(
                "Day {day}: {} ({}). Review then:",
                short_date(when),
                date::format(when)
            ));
        }
        None if start.and_then(date::parse).is_some() => {
            ui.label("Day 90 has passed: review the whole plan and set the next 90 days. Review:");
        }
        None => {
            ui.label(
                "Set a start date above to get check-ins on day 30, 60 and 90. Review at each:",
            );
        }
    }
    for line in REVIEW_LIST {
        ui.label(format!("• {line}"));
    }
}

fn incidents(ui: &mut Ui, plan: &Plan, cache: &Cached) {
    let list = &plan.roadmap.incidents;
    ui.label(RichText::new(format!("Incidents ({})", list.len())).strong());
    if list.is_empty() {
        ui.label(
            RichText::new("None recorded. Select a step on the map to add one under Incidents.")
                .weak(),
        );
        return;
    }
    Grid::new("roadmap_incidents")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for i in list.iter().rev().take(50) {
                let title = cache
                    .index
                    .get(&i.step)
                    .and_then(|&(wi, si)| plan.workflows.get(wi).and_then(|w| w.steps.get(si)))
                    .map_or_else(|| format!("Step {}", i.step), |s| one_line(&s.title));
                ui.label(one_line(&i.date));
                ui.label(title);
                ui.label(one_line(&i.note));
                ui.label(match (i.case, i.plan_held) {
                    (Some(c), true) => format!("{}: the plan held", c.label()),
                    (Some(c), false) => format!("{}: the plan did not hold", c.label()),
                    (None, _) => "not covered by the failure plan".to_owned(),
                });
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardStatus, Column};

    #[test]
    fn the_chart_ends_at_the_cards_sums() {
        let mut plan: Plan = crate::storage::from_str(
            include_str!("../../../plans/demo-shop.ron"),
            "demo-shop.ron",
        )
        .map(|l| l.plan)
        .unwrap_or_default();
        // Every card in months 1–3 goes live, half of them with a measured saving.
        for (k, item) in plan.roadmap.items.iter_mut().enumerate() {
            if item.column.month_index().is_some() {
                item.status = CardStatus::Live;
                if k % 2 == 0 {
                    item.actual_minutes_per_week = Some(30.0);
                }
            }
        }
        let analysis = crate::analysis::analyze(&plan);
        let cache = Cached::build(&plan, &analysis);
        let (planned, actual) = chart_lines(&cache.progress);
        assert_eq!(planned.len(), 13);
        let months: f64 = cache
            .summary
            .items
            .iter()
            .filter(|i| i.column.month_index().is_some())
            .map(|i| i.hours_saved)
            .sum();
        assert!(months > 0.0, "the example has cards in months 1–3");
        assert!((planned[12][1] - months).abs() < 1e-9);
        let live: f64 = plan
            .roadmap
            .items
            .iter()
            .filter(|i| i.column != Column::StaysManual && i.status == CardStatus::Live)
            .map(|i| {
                i.actual_minutes_per_week.map_or_else(
                    || {
                        cache
                            .summary
                            .items
                            .iter()
                            .find(|s| s.step == i.step)
                            .map_or(0.0, |s| s.hours_saved)
                    },
                    |m| m / 60.0,
                )
            })
            .sum();
        assert!((actual[12][1] - live).abs() < 1e-9);
        // Lines never fall: savings only add up over the weeks.
        assert!(planned.windows(2).all(|w| w[1][1] >= w[0][1]));
    }
}
