//! Lanes on the map: bands drawn behind the steps, headers frozen at the left
//! edge of the view (they stay while the map pans), the lane menu (rename,
//! move up or down, fold), the lane switch in the toolbar, and moving a step
//! into another lane by dragging it there.

use std::collections::HashSet;

use egui::{Color32, FontId, Rect, Sense, Stroke, pos2};

use super::CanvasState;
use super::camera::Camera;
use crate::edit::layout::{LANE_HEADER_WIDTH, LaneBand, lane_at, lane_bands, tidy_positions_in};
use crate::edit::{Document, Edit, GestureId, lanes as lane_edits};
use crate::model::{LaneMode, Pos, StepId, WorkflowId, lane_label};
use crate::ui::commands::Command;

/// Width of the lane headers at the left edge of the map, in screen points.
pub(super) const HEADER_WIDTH: f32 = LANE_HEADER_WIDTH;
/// Headers keep their text below the toolbar.
const TOOLBAR_ROOM: f32 = 44.0;

/// Lane state kept between frames.
#[derive(Default)]
pub(super) struct LaneUi {
    /// Bands and folded steps, for (revision, workflow).
    cache: Option<(u64, WorkflowId, Vec<LaneBand>, HashSet<StepId>)>,
    /// The lane being renamed: (old name, text typed so far).
    rename: Option<(String, String)>,
}

/// The command that shows lanes by `mode`.
pub(super) fn command_for(mode: LaneMode) -> Command {
    match mode {
        LaneMode::None => Command::LanesNone,
        LaneMode::Owner => Command::LanesByOwner,
        LaneMode::System => Command::LanesBySystem,
    }
}

/// The lane switch of the map's toolbar. Returns the command picked.
pub(super) fn toolbar(ui: &mut egui::Ui, mode: LaneMode) -> Option<Command> {
    let mut run = None;
    ui.label("Lanes");
    for (m, text) in [
        (LaneMode::None, "None"),
        (LaneMode::Owner, "Owner"),
        (LaneMode::System, "System"),
    ] {
        let cmd = command_for(m);
        if ui
            .selectable_label(mode == m, text)
            .on_hover_text(cmd.label())
            .clicked()
            && mode != m
        {
            run = Some(cmd);
        }
    }
    run
}

impl CanvasState {
    /// Bands of the workflow's lanes and the steps hidden in folded lanes,
    /// worked out once per plan revision (10,000 steps in 20 lanes: about
    /// 30 ms in a debug build), and not during a drag.
    fn lane_cache(&mut self, doc: &Document, wf: WorkflowId) -> (&[LaneBand], &HashSet<StepId>) {
        let key = (doc.revision(), wf);
        // While steps are dragged the lanes hold still (the lane under the
        // pointer does not grow away from it), and no frame recomputes them.
        let dragging = matches!(self.drag, super::Drag::Move { .. });
        if self
            .lanes
            .cache
            .as_ref()
            .is_none_or(|(r, w, _, _)| *w != wf || (*r != key.0 && !dragging))
        {
            let (bands, folded) = match doc.plan().workflow(wf) {
                Some(w) if w.lanes.is_on() => {
                    let bands = lane_bands(w);
                    let folded = w
                        .steps
                        .iter()
                        .filter(|s| w.lanes.is_collapsed(w.lanes.by.key(s)))
                        .map(|s| s.id)
                        .collect();
                    (bands, folded)
                }
                _ => (Vec::new(), HashSet::new()),
            };
            self.lanes.cache = Some((key.0, key.1, bands, folded));
        }
        match &self.lanes.cache {
            Some((_, _, b, f)) => (b, f),
            None => (&[], EMPTY.get_or_init(HashSet::new)),
        }
    }

    /// Screen points the lane headers take at the left edge of the map (0
    /// without lanes), as of the last [`Self::map_bounds`].
    pub(super) fn lane_room(&self) -> f32 {
        match &self.lanes.cache {
            Some((_, w, bands, _)) if Some(*w) == self.current && !bands.is_empty() => HEADER_WIDTH,
            _ => 0.0,
        }
    }

    /// Show lanes by the mode of `cmd`. Turning lanes on tidies the map into
    /// them in the same undo step.
    pub(super) fn set_lane_mode(&mut self, cmd: Command, doc: &mut Document, wf: WorkflowId) {
        let mode = match cmd {
            Command::LanesByOwner => LaneMode::Owner,
            Command::LanesBySystem => LaneMode::System,
            _ => LaneMode::None,
        };
        let Some(w) = doc.plan().workflow(wf) else {
            return;
        };
        let Some(set) = lane_edits::set_mode(w, mode) else {
            return;
        };
        let mut edits = vec![set];
        if mode != LaneMode::None {
            let mut laned = w.clone();
            laned.lanes.by = mode;
            let vp = self.viewport();
            let positions: Vec<(StepId, Pos)> =
                tidy_positions_in(&laned, (vp.width(), vp.height()));
            edits.push(Edit::SetPositions { wf, positions });
        }
        if doc.apply(cmd.label(), Edit::Batch(edits)).is_ok() {
            self.pending_fit = mode != LaneMode::None;
        }
    }

    /// Drop the steps of a move into the lanes under them: a step dropped in
    /// another lane takes that lane's owner (or system), in the move's undo step.
    /// Lanes are judged as they were before the move.
    pub(super) fn drop_into_lanes(
        &mut self,
        doc: &mut Document,
        wf: WorkflowId,
        gesture: GestureId,
        origins: &[(StepId, Pos)],
    ) {
        let Some(w) = doc.plan().workflow(wf) else {
            return;
        };
        if !w.lanes.is_on() {
            return;
        }
        let mut before = w.clone();
        for (id, p) in origins {
            if let Some(s) = before.step_mut(*id) {
                s.pos = *p;
            }
        }
        let bands = lane_bands(&before);
        let mut edits = Vec::new();
        let mut last = String::new();
        for (id, _) in origins {
            let Some(s) = w.step(*id) else { continue };
            let Some(band) = lane_at(&bands, s.pos.y) else {
                continue;
            };
            if let Some(e) = lane_edits::move_to_lane(w, *id, &band.name) {
                edits.push(e);
                last = band.name.clone();
            }
        }
        let n = edits.len();
        if n > 0
            && doc
                .apply_gesture("Move steps", gesture, Edit::Batch(edits))
                .is_ok()
        {
            self.status = Some(format!(
                "Moved {} to the lane {}.",
                crate::ui::counted(n, "step", "steps"),
                lane_label(&last)
            ));
        }
    }

    /// Leave out of this frame's drawing the steps of folded lanes and the
    /// arrows touching them.
    pub(super) fn hide_folded(&mut self, doc: &Document, wf: WorkflowId) {
        let (_, folded) = self.lane_cache(doc, wf);
        if folded.is_empty() {
            self.index.hidden.clear();
            return;
        }
        let folded = folded.clone();
        self.index.hidden = folded
            .iter()
            .filter_map(|id| self.index.by_id.get(id).map(|&i| i as u32))
            .collect();
        let ids = &self.index.ids;
        self.visible
            .retain(|&i| ids.get(i as usize).is_none_or(|id| !folded.contains(id)));
        if let Some(w) = doc.plan().workflow(wf) {
            self.visible_links.retain(|&li| {
                w.links
                    .get(li)
                    .is_none_or(|l| !folded.contains(&l.from) && !folded.contains(&l.to))
            });
        }
    }

    /// The map's extent for Fit: the steps' boxes and, with lanes, every
    /// band from the top lane of the first row to the bottom of the last.
    pub(super) fn map_bounds(&mut self, doc: &Document, wf: WorkflowId) -> Option<Rect> {
        let b = self.index.bounds;
        let (bands, _) = self.lane_cache(doc, wf);
        let b = match (bands.first(), bands.last()) {
            (Some(f), Some(l)) if b.is_positive() => {
                Rect::from_x_y_ranges(b.x_range(), b.top().min(f.top)..=b.bottom().max(l.bottom))
            }
            _ => b,
        };
        b.is_positive().then_some(b)
    }

    /// Lane bands, drawn before the steps: lanes alternate in shade (a lane
    /// has the same shade in every row of lanes), with lines between lanes
    /// and around each row of lanes.
    pub(super) fn draw_lane_bands(
        &mut self,
        painter: &egui::Painter,
        doc: &Document,
        wf: WorkflowId,
        cam: &Camera,
        rect: Rect,
        dark: bool,
    ) {
        let (bands, _) = self.lane_cache(doc, wf);
        let line = if dark {
            Color32::from_gray(70)
        } else {
            Color32::from_gray(200)
        };
        let y = |v: f32| cam.to_screen(rect, pos2(0.0, v)).y;
        let mut lines = Vec::new();
        for (i, b) in bands.iter().enumerate() {
            let (top, bottom) = (y(b.top), y(b.bottom));
            if top > rect.bottom() {
                break;
            }
            let r = Rect::from_x_y_ranges(rect.x_range(), top..=bottom).intersect(rect);
            if r.height() <= 0.0 {
                continue;
            }
            let fill = match (dark, b.lane % 2 == 0, b.collapsed) {
                (_, _, true) if dark => Color32::from_gray(44),
                (_, _, true) => Color32::from_gray(228),
                (true, true, _) => Color32::from_gray(34),
                (true, false, _) => Color32::from_gray(30),
                (false, true, _) => Color32::from_gray(250),
                (false, false, _) => Color32::from_gray(240),
            };
            painter.rect_filled(r, 0.0, fill);
            // A line under every lane but the last, and over the first lane
            // of every row of lanes but the first.
            if i + 1 < bands.len() {
                lines.push(bottom);
            }
            if i > 0 && bands[i - 1].row != b.row {
                lines.push(top);
            }
        }
        // Lines between lanes, over every fill.
        lines.retain(|y| (rect.top()..=rect.bottom()).contains(y));
        for y in lines {
            painter.hline(rect.x_range(), y, Stroke::new(1.0, line));
        }
    }

    /// Lane headers at the left edge, over the map: name and step count,
    /// with a menu to rename, move and fold the lane. A wrapped workflow has
    /// a header for each lane in every row of lanes.
    pub(super) fn show_lane_headers(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        wf: WorkflowId,
        cam: &Camera,
        rect: Rect,
    ) {
        let y = |v: f32| cam.to_screen(rect, pos2(0.0, v)).y;
        let all = self.lane_cache(doc, wf).0;
        let last = all.iter().map(|b| b.lane).max().unwrap_or(0);
        let bands: Vec<LaneBand> = all
            .iter()
            .filter(|b| y(b.bottom) > rect.top() && y(b.top) < rect.bottom())
            .cloned()
            .collect();
        if bands.is_empty() {
            return;
        }
        let by = doc.plan().workflow(wf).map(|w| w.lanes.by);
        let what = if by == Some(LaneMode::System) {
            "system"
        } else {
            "owner"
        };
        let visuals = ui.visuals().clone();
        let painter = ui.painter_at(rect);
        let mut picked: Option<(String, LaneAction)> = None;
        for b in &bands {
            let (top, bottom) = (y(b.top), y(b.bottom));
            let r = Rect::from_x_y_ranges(rect.left()..=rect.left() + HEADER_WIDTH, top..=bottom)
                .intersect(rect);
            if r.height() < 1.0 {
                continue;
            }
            let label = lane_label(&b.name).to_owned();
            let resp = ui.interact(
                r,
                egui::Id::unique("automap_lane").with((wf.0, &b.name, b.row)),
                Sense::click(),
            );
            let name = format!("Lane {label}");
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            let fill = if resp.hovered() {
                visuals.widgets.hovered.weak_bg_fill
            } else {
                visuals.faint_bg_color
            };
            painter.rect_filled(r, 0.0, fill.gamma_multiply(0.96));
            painter.vline(
                r.right(),
                r.y_range(),
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            );
            draw_header_text(&painter, &visuals, b, &label, r, top, rect);
            resp.on_hover_ui(|ui| {
                ui.label(format!(
                    "Right-click to rename, move or fold this lane. Renaming changes the {what} of its steps."
                ));
            })
            .context_menu(|ui| {
                let mut item = |ui: &mut egui::Ui, text: &str, enabled: bool, a: LaneAction| {
                    if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                        picked = Some((b.name.clone(), a));
                        ui.close();
                    }
                };
                item(ui, "Rename lane…", true, LaneAction::Rename);
                item(ui, "Move lane up", b.lane > 0, LaneAction::Up);
                item(ui, "Move lane down", b.lane < last, LaneAction::Down);
                let fold = if b.collapsed {
                    "Unfold lane"
                } else {
                    "Fold lane"
                };
                item(ui, fold, true, LaneAction::Fold);
            });
        }
        if let Some((name, action)) = picked {
            self.lane_action(doc, wf, &name, action);
        }
        self.show_lane_rename(ui, doc, wf, cam, rect, &bands);
    }

    fn lane_action(&mut self, doc: &mut Document, wf: WorkflowId, name: &str, action: LaneAction) {
        let Some(w) = doc.plan().workflow(wf) else {
            return;
        };
        let edit = match action {
            LaneAction::Rename => {
                self.lanes.rename = Some((name.to_owned(), name.to_owned()));
                return;
            }
            LaneAction::Up => lane_edits::move_lane(w, name, true),
            LaneAction::Down => lane_edits::move_lane(w, name, false),
            LaneAction::Fold => Some(lane_edits::toggle_collapsed(w, name)),
        };
        let Some(edit) = edit else { return };
        // Moving or folding a lane lays the map out again, in the same undo step.
        let mut laned = w.clone();
        if let Edit::SetLanes { lanes, .. } = &edit {
            laned.lanes = lanes.clone();
        }
        let vp = self.viewport();
        let positions = tidy_positions_in(&laned, (vp.width(), vp.height()));
        let label = match action {
            LaneAction::Up => "Move lane up",
            LaneAction::Down => "Move lane down",
            _ => "Fold lane",
        };
        let _ = doc.apply(
            label,
            Edit::Batch(vec![edit, Edit::SetPositions { wf, positions }]),
        );
    }

    /// The text field of a lane being renamed, over its header.
    fn show_lane_rename(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        wf: WorkflowId,
        cam: &Camera,
        rect: Rect,
        bands: &[LaneBand],
    ) {
        let Some((old, mut text)) = self.lanes.rename.take() else {
            return;
        };
        // The lane's first band in view (a wrapped workflow has one per row).
        let Some(band) = bands.iter().find(|b| b.name == old) else {
            return;
        };
        let top = cam
            .to_screen(rect, pos2(0.0, band.top))
            .y
            .max(rect.top() + TOOLBAR_ROOM);
        let area = Rect::from_min_size(
            pos2(rect.left() + 4.0, top + 4.0),
            egui::vec2(HEADER_WIDTH + 120.0, 24.0),
        );
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area));
        let id = egui::Id::unique("automap_lane_rename");
        let resp = child.add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .hint_text("New name of the lane")
                .desired_width(area.width()),
        );
        resp.widget_info(|| egui::WidgetInfo::text_edit(true, "", &text, "New name of the lane"));
        if !resp.has_focus() && !resp.lost_focus() {
            resp.request_focus();
        }
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if escape {
            return;
        }
        if enter {
            let Some(w) = doc.plan().workflow(wf) else {
                return;
            };
            match lane_edits::rename_lane(w, &old, &text) {
                Ok(Some(edit)) => {
                    let _ = doc.apply("Rename lane", edit);
                }
                Ok(None) => {}
                Err(e) => self.status = Some(e.to_string()),
            }
            return;
        }
        if resp.lost_focus() {
            return;
        }
        self.lanes.rename = Some((old, text));
    }
}

/// The name of a lane and its number of steps in its header `r`: in view while the band is (below the toolbar); a band too
/// thin for it shows one line of the name, cut with "…" when too long.
fn draw_header_text(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    b: &LaneBand,
    label: &str,
    r: Rect,
    top: f32,
    rect: Rect,
) {
    let pad = ((r.height() - 13.0) / 2.0).clamp(1.0, 4.0);
    let text_top = top.max(rect.top() + TOOLBAR_ROOM).max(r.top()) + pad;
    let room = r.bottom() - text_top;
    if room < 12.0 {
        return;
    }
    let fold = if b.collapsed { "▸ " } else { "" };
    let galley = painter.layout(
        format!("{fold}{label}"),
        FontId::proportional(13.0),
        visuals.strong_text_color(),
        HEADER_WIDTH - 12.0,
    );
    let h = galley.size().y;
    let clip = painter.with_clip_rect(r);
    let at = pos2(r.left() + 6.0, text_top);
    if room >= h {
        clip.galley(at, galley, Color32::WHITE);
    } else {
        // One line of the name, at the smallest readable size.
        let mut job = egui::text::LayoutJob::simple_singleline(
            format!("{fold}{label}"),
            FontId::proportional(11.0),
            visuals.strong_text_color(),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(HEADER_WIDTH - 12.0);
        clip.galley(at, painter.layout_job(job), Color32::WHITE);
    }
    if room >= h + 16.0 {
        let count = if b.collapsed {
            format!("{} folded", crate::ui::counted(b.steps, "step", "steps"))
        } else {
            crate::ui::counted(b.steps, "step", "steps")
        };
        clip.text(
            pos2(r.left() + 6.0, text_top + h + 2.0),
            egui::Align2::LEFT_TOP,
            count,
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
    }
}

#[derive(Debug, Clone, Copy)]
enum LaneAction {
    Rename,
    Up,
    Down,
    Fold,
}

static EMPTY: std::sync::OnceLock<HashSet<StepId>> = std::sync::OnceLock::new();
