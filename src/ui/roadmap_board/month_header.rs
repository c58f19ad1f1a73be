//! Above each month's cards: its days, goal and expected outcome, setup
//! capacity, tools, cost and savings.

use egui::{Color32, ProgressBar, RichText, TextEdit, Ui};

use crate::model::Column;
use crate::roadmap::{self, date, money};

use super::{Change, ColumnCtx, short_date};

pub(super) fn month_header(ui: &mut Ui, cx: &mut ColumnCtx<'_>, mi: usize) {
    let plan = cx.plan;
    let m = &cx.cache.summary.months[mi];
    let (first, last) = Column::MONTHS[mi].days().unwrap_or((1, 30));
    let dates = plan
        .roadmap
        .start_date
        .as_deref()
        .and_then(date::parse)
        .map(|d| {
            format!(
                ", {} – {}",
                short_date(d + i64::from(first) - 1),
                short_date(d + i64::from(last) - 1)
            )
        })
        .unwrap_or_default();
    ui.label(
        RichText::new(format!("Days {first}–{last}{dates}"))
            .small()
            .weak(),
    );

    let note = crate::roadmap::phase_note(plan, &plan.roadmap, &cx.cache.summary, mi);
    for (is_goal, name) in [(true, "Goal"), (false, "Expected outcome")] {
        let mut text = if is_goal {
            note.goal.clone()
        } else {
            note.outcome.clone()
        };
        let label = ui.label(RichText::new(name).small().strong());
        let r = ui.label_inputs_by(label.id, |ui| {
            ui.add(
                TextEdit::multiline(&mut text)
                    .id_salt(("roadmap_phase", mi, is_goal))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
        });
        if r.changed() && cx.change.is_none() {
            let mut roadmap = plan.roadmap.clone();
            while roadmap.phases.len() < 3 {
                let n = roadmap.phases.len();
                roadmap.phases.push(crate::model::PhaseNote::default_for(n));
            }
            if let Some(p) = roadmap.phases.get_mut(mi) {
                if is_goal {
                    p.goal = text;
                } else {
                    p.outcome = text;
                }
            }
            *cx.change = Some(Change::Typed {
                label: if is_goal {
                    "Edit month goal"
                } else {
                    "Edit expected outcome"
                },
                roadmap,
                widget: r.id,
            });
        }
        if r.lost_focus() {
            *cx.end_typing = true;
        }
    }

    let over = m.over_capacity();
    let fraction = if m.capacity > 0.0 {
        (m.setup_hours / m.capacity) as f32
    } else if m.setup_hours > 0.0 {
        1.0
    } else {
        0.0
    };
    let fill = if over {
        Color32::from_rgb(200, 70, 60)
    } else {
        ui.visuals().selection.bg_fill
    };
    ui.add(
        ProgressBar::new(fraction.clamp(0.0, 1.0))
            .fill(fill)
            .text(format!("Setup {:.1} of {:.1} h", m.setup_hours, m.capacity)),
    )
    .on_hover_text("Setup hours of this month's cards against the team's capacity");
    if over {
        ui.colored_label(
            ui.visuals().error_fg_color,
            RichText::new("Over capacity: move cards on or plan more setup hours").small(),
        );
    }
    let currency = &plan.profile.currency;
    let tools = roadmap::tools_line(&cx.cache.summary, mi, currency);
    ui.label(
        RichText::new(if tools.is_empty() {
            "Tools: none yet".to_owned()
        } else {
            format!("Tools: {tools}")
        })
        .small(),
    );
    ui.label(RichText::new(format!("Tool cost: {} a month", m.cost.format(currency))).small());
    ui.label(
        RichText::new(format!(
            "Saves {:.1} h/week by month end, worth {} a month",
            m.hours_saved,
            money(m.value_per_month, currency)
        ))
        .small(),
    );
}
