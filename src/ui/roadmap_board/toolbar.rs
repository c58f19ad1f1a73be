//! The row above the board: Suggest, the start date, capacity and totals.

use egui::{Id, TextEdit, Ui};

use crate::model::Plan;
use crate::roadmap::{self, date, money};

use super::Change;
use super::cache::Cached;

pub(super) fn toolbar(
    ui: &mut Ui,
    plan: &Plan,
    cache: &Cached,
    change: &mut Option<Change>,
    end_typing: &mut bool,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("90-day roadmap");
        if ui
            .button("Suggest")
            .on_hover_text(
                "Place every automation candidate by its layer and the team's setup hours. \
                 Pinned cards stay where they are.",
            )
            .clicked()
        {
            *change = Some(Change::Suggest);
        }
        ui.separator();

        // The start date is typed freely and stored once it is a real date.
        let buffer_id = Id::unique("automap_roadmap_start_date");
        let stored = plan.roadmap.start_date.clone().unwrap_or_default();
        let mut text = ui
            .data(|d| d.get_temp::<String>(buffer_id))
            .unwrap_or_else(|| stored.clone());
        let label = ui.label("Start date");
        let r = ui.label_inputs_by(label.id, |ui| {
            ui.add(
                TextEdit::singleline(&mut text)
                    .id_salt("roadmap_start_date")
                    .hint_text("YYYY-MM-DD")
                    .desired_width(96.0),
            )
        });
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(buffer_id, text.clone()));
        }
        if r.lost_focus() {
            ui.data_mut(|d| d.remove::<String>(buffer_id));
            let t = text.trim();
            let new = if t.is_empty() {
                Some(None)
            } else {
                date::parse(t).map(|d| Some(date::format(d)))
            };
            if let Some(new) = new
                && new != plan.roadmap.start_date
            {
                let mut roadmap = plan.roadmap.clone();
                roadmap.start_date = new;
                *change = Some(Change::Set {
                    label: "Set start date",
                    roadmap,
                });
                *end_typing = true;
            }
        }
        if !text.trim().is_empty() && date::parse(&text).is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, "use YYYY-MM-DD");
        }
        ui.separator();
        let per_week = plan.profile.setup_hours_per_week;
        ui.label(format!(
            "Setup capacity {:.1} h/week, {:.1} h per month",
            if per_week.is_finite() { per_week } else { 0.0 },
            roadmap::capacity(plan)
        ));
        ui.separator();
        let s = &cache.summary;
        ui.label(format!(
            "By day 90: {:.1} h/week saved, worth {} a month; tools {} a month",
            s.hours_saved_by_day_90(),
            money(s.months[2].value_per_month, &plan.profile.currency),
            s.monthly_cost().format(&plan.profile.currency),
        ));
    });
}
