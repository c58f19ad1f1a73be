//! The 90-day roadmap board: columns Month 1 / Month 2 / Month 3 / Later /
//! Stays manual with one card per roadmap item, the month's goal, capacity,
//! tools, cost and savings above each month, and a week-by-week timeline.
//!
//! Cards are dragged between columns (or moved with their "Move to…" menu);
//! every change is one `Edit::SetRoadmap` through the document, so one drag is
//! one undo step, and a moved card becomes pinned.

use egui::{Id, Ui};

use crate::analysis::Analysis;
use crate::edit::{Document, Edit};
use crate::model::{Column, Plan, Roadmap, StepId};
use crate::roadmap::{self, date};
use crate::ui::derived::Derived;

mod cache;
mod card;
mod card_menu;
mod column;
mod month_header;
mod progress;
mod timeline;
mod toolbar;
mod what_if;

use super::UiAction;
pub use cache::Cached as BoardCache;
use cache::Cached;
use column::column_ui;
use timeline::timeline;
use toolbar::toolbar;

/// Height of one card, for the virtualised column lists.
const CARD_HEIGHT: f32 = 92.0;
/// Height kept for the timeline under the columns.
const TIMELINE_HEIGHT: f32 = 150.0;
/// Items named per week in the timeline.
const TIMELINE_NAMES: usize = 5;

/// What a dragged card carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DragCard {
    step: StepId,
}

/// The one change a frame of the board makes.
enum Change {
    Move {
        step: StepId,
        column: Column,
        index: Option<usize>,
    },
    Set {
        label: &'static str,
        roadmap: Roadmap,
    },
    /// Typed or dragged: merges with the rest of the widget's edit session.
    Typed {
        label: &'static str,
        roadmap: Roadmap,
        widget: Id,
    },
    Suggest,
}

/// "Dec 1".
fn short_date(day: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_, m, d) = date::civil_from_days(day);
    let name = MONTHS.get(m.saturating_sub(1) as usize).unwrap_or(&"");
    format!("{name} {d}")
}

/// One line of text: line breaks of plan text become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Show the board. Returns a request for the app (e.g. show a step on its map).
pub fn roadmap_board(ui: &mut Ui, doc: &mut Document, derived: &mut Derived) -> Option<UiAction> {
    derived.update(doc);
    let cache = derived.board(doc.plan());
    let analysis = derived.analysis_arc();
    let analysis = analysis.as_ref();
    let mut change: Option<Change> = None;
    let mut action: Option<UiAction> = None;
    let mut end_typing = false;
    let view_id = Id::unique("automap_roadmap_view");
    let mut show_progress = ui.data_mut(|d| *d.get_persisted_mut_or_default::<bool>(view_id));
    {
        let plan = doc.plan();
        toolbar(ui, plan, &cache, &mut change, &mut end_typing);
        ui.horizontal(|ui| {
            ui.selectable_value(&mut show_progress, false, "Board");
            ui.selectable_value(&mut show_progress, true, "Progress");
        });
        ui.data_mut(|d| d.insert_persisted(view_id, show_progress));
        what_if::what_if_panel(ui, plan, &cache, &mut change);
        ui.separator();
    }
    if show_progress {
        progress::progress_view(ui, doc.plan(), &cache);
    } else {
        let plan = doc.plan();
        let board_height = (ui.available_height() - TIMELINE_HEIGHT).max(320.0);
        ui.allocate_ui(egui::vec2(ui.available_width(), board_height), |ui| {
            ui.columns(Column::ALL.len(), |cols| {
                for (k, col) in Column::ALL.into_iter().enumerate() {
                    if let Some(ui) = cols.get_mut(k) {
                        let mut ctx = ColumnCtx {
                            plan,
                            cache: &cache,
                            analysis,
                            change: &mut change,
                            action: &mut action,
                            end_typing: &mut end_typing,
                        };
                        column_ui(ui, &mut ctx, col, board_height);
                    }
                }
            });
        });
        ui.separator();
        timeline(ui, plan, &cache);
    }
    apply(doc, analysis, change);
    if end_typing {
        doc.end_gesture();
    }
    action
}

fn apply(doc: &mut Document, analysis: &Analysis, change: Option<Change>) {
    let result = match change {
        None => return,
        Some(Change::Move {
            step,
            column,
            index,
        }) => match roadmap::move_item(&doc.plan().roadmap, step, column, index) {
            Some(r) => doc.apply("Move roadmap card", Edit::SetRoadmap(r)),
            None => return,
        },
        Some(Change::Set { label, roadmap }) => doc.apply(label, Edit::SetRoadmap(roadmap)),
        Some(Change::Typed {
            label,
            roadmap,
            widget,
        }) => {
            let gesture = doc.gesture_for(widget.value());
            doc.apply_gesture(label, gesture, Edit::SetRoadmap(roadmap))
        }
        Some(Change::Suggest) => {
            let r = roadmap::suggest(doc.plan(), analysis);
            doc.apply("Suggest roadmap", Edit::SetRoadmap(r))
        }
    };
    // A refusal is reported by the document, in the status bar.
    let _ = result;
}

/// What every column and card needs.
struct ColumnCtx<'a> {
    plan: &'a Plan,
    cache: &'a Cached,
    analysis: &'a Analysis,
    change: &'a mut Option<Change>,
    action: &'a mut Option<UiAction>,
    end_typing: &'a mut bool,
}
