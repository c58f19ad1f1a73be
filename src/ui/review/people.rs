//! Whose week gets lighter: hours per week per owner now and after each
//! month of the roadmap, and the new work of watching the automations.

use egui::Ui;

use crate::model::lane_label;
use crate::roadmap::people::{PersonWeek, WATCH_HOURS_PER_AUTOMATION};

use super::hours;

pub(super) fn people_section(ui: &mut Ui, people: &[PersonWeek]) {
    ui.heading("People");
    if people.is_empty() {
        ui.label("No step has an owner yet: give steps an owner to see whose week gets lighter.");
        return;
    }
    ui.weak(format!(
        "Manual hours per week of each owner, as the roadmap takes work off them. \
         Each automation adds about {:.0} minutes a week for the person who watches it \
         (named in its failure plan, else the step's owner).",
        WATCH_HOURS_PER_AUTOMATION * 60.0
    ));
    egui::Grid::new("review_people")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for h in [
                "Owner",
                "Now",
                "After Month 1",
                "After Month 2",
                "After Month 3",
                "New work",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for p in people {
                ui.label(lane_label(&p.owner));
                ui.label(hours(p.now));
                for a in p.after {
                    ui.label(hours(a));
                }
                ui.label(if p.watches.is_empty() {
                    "–".to_owned()
                } else {
                    format!("{} ({} to watch)", hours(p.new_work), p.watches.len())
                });
                ui.end_row();
            }
        });
}
