//! The week-by-week timeline under the columns.

use egui::{Label, RichText, ScrollArea, Ui};

use crate::model::Plan;
use crate::roadmap::date;

use super::cache::Cached;
use super::{one_line, short_date};

pub(super) fn timeline(ui: &mut Ui, plan: &Plan, cache: &Cached) {
    ui.label(RichText::new("Week by week").strong());
    let start = plan.roadmap.start_date.as_deref().and_then(date::parse);
    ScrollArea::horizontal()
        .id_salt("roadmap_timeline")
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (week, (names, count)) in cache.weeks.iter().enumerate() {
                    ui.vertical(|ui| {
                        ui.set_width(118.0);
                        let when = start
                            .map(|d| format!(" · {}", short_date(d + 7 * week as i64)))
                            .unwrap_or_default();
                        ui.label(RichText::new(format!("Week {}{when}", week + 1)).strong());
                        for &i in names {
                            let Some(info) = cache.summary.items.get(i) else {
                                continue;
                            };
                            let title = cache
                                .index
                                .get(&info.step)
                                .and_then(|&(wi, si)| {
                                    plan.workflows.get(wi).and_then(|w| w.steps.get(si))
                                })
                                .map_or_else(
                                    || format!("Step {}", info.step),
                                    |s| one_line(&s.title),
                                );
                            ui.add(
                                Label::new(RichText::new(format!("• {title}")).small()).truncate(),
                            );
                        }
                        if *count > names.len() {
                            ui.label(
                                RichText::new(format!("and {} more", count - names.len()))
                                    .small()
                                    .weak(),
                            );
                        }
                    });
                }
            });
        });
}
