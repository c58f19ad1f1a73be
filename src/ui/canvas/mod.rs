//! The workflow map editor: a pan/zoom canvas of steps and arrows.
//!
//! - `camera`: the view of one workflow (centre and zoom);
//! - `index`: step boxes in grid buckets for culling and hit-testing;
//! - `shape`: shapes and arrow curves in canvas units;
//! - `draw`: painting with level of detail;
//! - `interact`: pointer and keyboard handling;
//! - `ops`: the edits the canvas makes (add, link, move, delete, append);
//! - `clipboard`: copy, cut, paste and duplicate;
//! - `overlay`: toolbar, palette, legend and dialogs;
//! - `change_marks`: what changed since a compared version;
//! - `access`: accessibility nodes of what is painted;
//! - `minimap`, `search`;
//! - `export` (SVG) and `raster` (PNG) for File → Export image.
//!
//! The canvas draws in screen space with its own camera rather than inside an
//! `egui::Scene` layer transform: text stays crisp at every zoom, and the
//! accessibility boxes of painted steps are where the steps are on screen.

mod access;
pub mod camera;
mod change_marks;
mod clipboard;
pub mod draw;
pub mod export;
pub mod index;
mod interact;
mod lanes;
mod legend;
mod minimap;
mod ops;
mod overlay;
pub mod raster;
mod search;
pub mod shape;

use std::collections::{HashMap, HashSet};

use egui::{Pos2, Rect, Sense, Vec2, pos2, vec2};

use crate::analysis::Analysis;
use crate::edit::{Document, GestureId};
use crate::model::{Pos, StepId, StepKind, WorkflowId};
use crate::ui::Selection;
use crate::ui::commands::Command;
use camera::Camera;
use index::SpatialIndex;

/// The smallest zoom the first view and tidy-up choose on their own (titles stay readable).
use draw::READABLE_ZOOM;

/// Grid size used by snapping, in canvas units.
pub const GRID: f32 = 20.0;

/// The view of one workflow, kept while the app runs.
#[derive(Debug, Clone, Copy, Default)]
struct View {
    cam: Camera,
    initialised: bool,
}

/// What a pointer drag is doing.
#[derive(Debug, Clone, Default)]
enum Drag {
    #[default]
    None,
    Pan,
    /// Moving the selection; `origins` are the positions before the drag.
    Move {
        gesture: GestureId,
        grab: StepId,
        start_world: Pos2,
        origins: Vec<(StepId, Pos)>,
        /// Delta applied so far (canvas units).
        applied: Vec2,
    },
    /// Drawing an arrow from a step's handle.
    Link {
        from: StepId,
        to_world: Pos2,
    },
    /// Rubber-band selection between two canvas points.
    Box {
        start: Pos2,
        end: Pos2,
        additive: bool,
    },
    /// A step kind dragged from the palette.
    Palette(StepKind),
}

/// Text being edited in place.
#[derive(Debug, Clone)]
enum Rename {
    Step {
        id: StepId,
        text: String,
        started: bool,
    },
    Link {
        from: StepId,
        to: StepId,
        text: String,
        started: bool,
    },
}

#[derive(Debug, Clone, Default)]
struct Search {
    open: bool,
    text: String,
    focus: bool,
    /// Index of the last match jumped to.
    cursor: usize,
    /// Matches cached by (revision, text).
    cache_key: Option<(u64, String)>,
    /// Matches in every workflow, in the plan's order.
    matches: Vec<(WorkflowId, StepId)>,
    /// Matches in the workflow on screen, to mark them on the map.
    match_set: HashSet<StepId>,
    /// A match in another workflow to show: the window switches to it.
    jump: Option<(WorkflowId, StepId)>,
}

/// What a right-click opened a menu on.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum MenuTarget {
    #[default]
    Canvas,
    Step(StepId),
    Link(StepId, StepId),
}

/// (plan revision, workflow, number of findings) the finding marks were counted for.
type MarksKey = (u64, WorkflowId, usize);

/// Everything the canvas remembers between frames.
#[derive(Default)]
pub struct CanvasState {
    views: HashMap<WorkflowId, View>,
    current: Option<WorkflowId>,
    selection: Selection,
    drag: Drag,
    rename: Option<Rename>,
    /// Give keyboard focus back to the map next frame (after an in-place
    /// rename ends with Enter or Escape), so Enter/Tab/arrows act on the map.
    refocus: bool,
    /// Snap moved and new steps to the grid.
    pub snap: bool,
    /// Show the minimap.
    pub minimap: bool,
    search: Search,
    index: SpatialIndex,
    /// Steps shown in the last frame (indices into the workflow's steps).
    visible: Vec<u32>,
    visible_links: Vec<usize>,
    viewport: Option<Rect>,
    /// The step whose link handle is showing for the pointer.
    handle_owner: Option<StepId>,
    pointer_world: Option<Pos2>,
    /// Text to put on the system clipboard at the next frame.
    pending_copy: Option<String>,
    /// The last text the canvas copied (for the Paste menu item).
    clip: String,
    pending_fit: bool,
    pending_center: Option<Vec<StepId>>,
    menu_target: MenuTarget,
    menu_world: Option<Pos2>,
    /// Commands asked for by keys and the context menu, for the window to run.
    requested: Vec<Command>,
    status: Option<String>,
    minimap_cache: minimap::Cache,
    /// Warning and error counts per step, keyed by (revision, workflow, number of findings).
    finding_marks: (Option<MarksKey>, HashMap<StepId, u32>),
    lanes: lanes::LaneUi,
    /// Steps new or changed since a compared version, while comparing.
    change_marks: Option<std::sync::Arc<crate::ui::compare::StepMarks>>,
}

impl CanvasState {
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Select steps of a workflow and centre the view on them.
    pub fn select_and_center(&mut self, wf: WorkflowId, steps: &[StepId]) {
        if self.current != Some(wf) {
            self.switch_workflow(wf);
        }
        self.selection = Selection {
            steps: steps.iter().copied().collect(),
            link: None,
        };
        self.pending_center = Some(steps.to_vec());
    }

    /// Commands the map's keys and context menu asked for this frame; the
    /// window runs them (through its one command handler) after the map is drawn.
    pub fn take_requested(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.requested)
    }

    /// A problem the map met this frame that is not an edit (e.g. clipboard
    /// text that is not a list), for the window's status bar.
    pub fn take_status(&mut self) -> Option<String> {
        self.status.take()
    }

    /// A step that Find asks the window to show (it may be in another workflow).
    pub fn take_jump(&mut self) -> Option<(WorkflowId, StepId)> {
        self.search.jump.take()
    }

    /// Show `wf` whole (fitted to the view) from its next frame, with the
    /// keyboard on the map, e.g. right after it was made.
    pub fn show_whole(&mut self, wf: WorkflowId) {
        self.switch_workflow(wf);
        self.pending_fit = true;
        self.refocus = true;
    }

    /// The step under a screen point in the last frame's view (what a click there would hit).
    pub fn step_at(&mut self, doc: &Document, wf: WorkflowId, screen: Pos2) -> Option<StepId> {
        self.sync_index(doc, wf);
        let p = self.cam().to_world(self.viewport(), screen);
        self.index
            .hit(p, 0.0)
            .and_then(|i| self.index.ids.get(i).copied())
    }

    /// How many steps the last frame drew.
    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    /// The text the canvas last put on the clipboard.
    pub fn last_copied(&self) -> &str {
        &self.clip
    }

    /// Zoom of the current view (1.0 = 100 %).
    pub fn zoom(&self) -> f32 {
        self.current
            .and_then(|wf| self.views.get(&wf))
            .map(|v| v.cam.zoom)
            .unwrap_or(1.0)
    }

    /// The canvas area visible in the last frame, in canvas units.
    pub fn visible_world(&self) -> Option<Rect> {
        let vp = self.viewport?;
        let v = self.views.get(&self.current?)?;
        Some(v.cam.visible_world(vp))
    }

    fn switch_workflow(&mut self, wf: WorkflowId) {
        self.current = Some(wf);
        self.selection = Selection::default();
        self.drag = Drag::None;
        self.rename = None;
        self.handle_owner = None;
    }

    fn cam(&self) -> Camera {
        self.current
            .and_then(|wf| self.views.get(&wf))
            .map(|v| v.cam)
            .unwrap_or_default()
    }

    fn cam_mut(&mut self) -> &mut Camera {
        let wf = self.current.unwrap_or_default();
        &mut self.views.entry(wf).or_default().cam
    }

    fn viewport(&self) -> Rect {
        self.viewport
            .unwrap_or(Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0)))
    }

    /// Make sure the spatial index matches the plan.
    fn sync_index(&mut self, doc: &Document, wf: WorkflowId) {
        if self.index.is_current(wf, doc.revision()) {
            return;
        }
        if let Some(w) = doc.plan().workflow(wf) {
            self.index.rebuild(w, doc.revision());
            let by_id = &self.index.by_id;
            self.selection.steps.retain(|id| by_id.contains_key(id));
            if let Some((a, b)) = self.selection.link
                && w.link_index(a, b).is_none()
            {
                self.selection.link = None;
            }
        } else {
            self.index = SpatialIndex::default();
        }
    }

    fn selection_bounds(&self) -> Option<Rect> {
        self.bounds_of(&self.selection.steps)
    }

    /// The canvas area the boxes of these steps cover, if any is on the map.
    fn bounds_of<'a>(&self, ids: impl IntoIterator<Item = &'a StepId>) -> Option<Rect> {
        let r = ids
            .into_iter()
            .filter_map(|id| self.index.by_id.get(id))
            .filter_map(|&i| self.index.rects.get(i))
            .fold(Rect::NOTHING, |r, b| r.union(*b));
        r.is_positive().then_some(r)
    }

    fn fit_to(&mut self, world: Rect) {
        let vp = self.viewport();
        let left = self.lane_room();
        self.cam_mut()
            .fit_within(vp, free_area(vp, left), world, None);
    }

    /// Run a canvas command. Returns whether the canvas handled it.
    pub fn execute(&mut self, cmd: Command, doc: &mut Document, wf: WorkflowId) -> bool {
        if self.current != Some(wf) {
            self.switch_workflow(wf);
        }
        self.sync_index(doc, wf);
        match cmd {
            Command::Cut => {
                self.copy(doc, wf);
                self.delete_selection(doc, wf, "Cut");
            }
            Command::Copy => self.copy(doc, wf),
            Command::Paste => {
                let text = self.clip.clone();
                self.paste_text(doc, wf, &text, None);
            }
            Command::Duplicate => self.duplicate(doc, wf),
            Command::Delete => self.delete_selection(doc, wf, "Delete"),
            Command::SelectAll => {
                self.selection.steps = self.index.ids.iter().copied().collect();
                self.selection.link = None;
            }
            Command::Rename => self.start_rename_selection(doc, wf),
            Command::AppendStep => self.append_step(doc, wf),
            Command::TidyUp => {
                if let Some(w) = doc.plan().workflow(wf) {
                    let vp = self.viewport();
                    let edit = crate::edit::layout::tidy_edit_in(w, (vp.width(), vp.height()));
                    if doc.apply("Tidy up", edit).is_ok() {
                        self.pending_fit = true;
                    }
                }
            }
            Command::ZoomToFit => {
                if let Some(b) = self.map_bounds(doc, wf) {
                    self.fit_to(b);
                }
            }
            Command::ZoomToSelection => {
                if let Some(b) = self.selection_bounds() {
                    self.fit_to(b);
                }
            }
            Command::ZoomReset => self.cam_mut().zoom = 1.0,
            Command::ToggleSnap => self.snap = !self.snap,
            Command::ToggleMinimap => self.minimap = !self.minimap,
            Command::Find => {
                self.search.open = true;
                self.search.focus = true;
            }
            Command::LanesNone | Command::LanesByOwner | Command::LanesBySystem => {
                self.set_lane_mode(cmd, doc, wf);
            }
            _ => return false,
        }
        true
    }

    /// Draw the map of workflow `wf` and handle its input.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        wf: WorkflowId,
        analysis: &Analysis,
    ) {
        if self.current != Some(wf) {
            self.switch_workflow(wf);
        }
        if doc.plan().workflow(wf).is_none() {
            ui.label("This workflow no longer exists.");
            return;
        }
        let rect = ui.available_rect_before_wrap();
        ui.advance_cursor_after_rect(rect);
        let canvas_id = egui::Id::unique("automap_canvas");
        let bg = ui.interact(rect, canvas_id, Sense::click_and_drag());
        bg.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Workflow map"));
        self.viewport = Some(rect);
        self.sync_index(doc, wf);

        // First look at a workflow: show all of it (at most 100 %).
        let bounds = self.map_bounds(doc, wf);
        let left = self.lane_room();
        let view = self.views.entry(wf).or_default();
        if !view.initialised || !view.cam.is_valid() {
            view.initialised = true;
            view.cam = Camera::default();
            if let Some(b) = bounds {
                let inner = free_area(rect, left);
                view.cam.fit_within(rect, inner, b, Some(READABLE_ZOOM));
            }
        }
        if std::mem::take(&mut self.pending_fit)
            && let Some(b) = bounds
        {
            let inner = free_area(rect, left);
            self.cam_mut()
                .fit_within(rect, inner, b, Some(READABLE_ZOOM));
        }
        if let Some(ids) = self.pending_center.take()
            && let Some(r) = self.bounds_of(&ids)
        {
            self.cam_mut().center = r.center();
        }
        if let Some(text) = self.pending_copy.take() {
            ui.ctx().copy_text(text);
        }

        self.handle_input(ui, &bg, doc, wf);
        self.sync_index(doc, wf);

        // Draw.
        let cam = self.cam();
        let world = cam.visible_world(rect).expand(20.0);
        self.index.query(world, &mut self.visible);
        draw::visible_links(&self.index, world, &mut self.visible_links);
        self.hide_folded(doc, wf);
        let painter = ui.painter_at(rect);
        let dark = ui.visuals().dark_mode;
        painter.rect_filled(
            rect,
            0.0,
            if dark {
                egui::Color32::from_gray(30)
            } else {
                egui::Color32::from_gray(246)
            },
        );
        self.draw_lane_bands(&painter, doc, wf, &cam, rect, dark);
        if self.snap {
            draw::draw_grid(&painter, rect, &cam, GRID, dark);
        }
        self.update_search(doc, wf);
        let hovered = if matches!(self.drag, Drag::None | Drag::Link { .. }) {
            self.pointer_world.and_then(|p| self.index.hit(p, 0.0))
        } else {
            None
        };
        let hovered_link = if hovered.is_none() && matches!(self.drag, Drag::None) {
            self.pointer_world.and_then(|p| self.link_at(p))
        } else {
            None
        };
        let renaming = match &self.rename {
            Some(Rename::Step { id, .. }) => Some(*id),
            _ => None,
        };
        // While box-selecting, show what the box would select.
        let preview = if let Drag::Box {
            start,
            end,
            additive,
        } = &self.drag
        {
            let mut sel = if *additive {
                self.selection.clone()
            } else {
                Selection::default()
            };
            let mut hits = Vec::new();
            self.index
                .query(Rect::from_two_pos(*start, *end), &mut hits);
            sel.steps
                .extend(hits.iter().map(|&i| self.index.ids[i as usize]));
            Some(sel)
        } else {
            None
        };
        // Warnings and errors per step, counted when the plan or its findings change.
        let marks_key = (doc.revision(), wf, analysis.findings().len());
        if self.finding_marks.0 != Some(marks_key) {
            self.finding_marks.1.clear();
            for f in analysis.findings() {
                if f.severity != crate::analysis::Severity::Info
                    && f.workflow.is_none_or(|x| x == wf)
                {
                    for id in &f.step_ids {
                        *self.finding_marks.1.entry(*id).or_default() += 1;
                    }
                }
            }
            self.finding_marks.0 = Some(marks_key);
        }
        {
            let Some(w) = doc.plan().workflow(wf) else {
                return;
            };
            let view = draw::MapView {
                painter: &painter,
                viewport: rect,
                cam,
                wf: w,
                index: &self.index,
                visible: &self.visible,
                analysis,
                selection: preview.as_ref().unwrap_or(&self.selection),
                hovered,
                hovered_link,
                matches: &self.search.match_set,
                finding_marks: &self.finding_marks.1,
                dark,
                renaming,
            };
            let marks = self.change_marks.as_deref();
            if let Some(marks) = marks {
                change_marks::draw_outlines(&view, marks);
            }
            draw::draw_map(&view, &self.visible_links);
            if let Some(marks) = marks {
                change_marks::draw_words(&view, marks);
            }
            self.register_accessibility(ui, canvas_id, w, &cam, rect);
        }
        if doc.plan().workflow(wf).is_some_and(|w| w.steps.is_empty()) {
            draw_empty_hint(ui, rect);
        }
        self.show_lane_headers(ui, doc, wf, &cam, rect);
        self.draw_drag_feedback(&painter, &cam, rect);
        self.show_rename(ui, doc, wf, &cam, rect);
        self.show_overlays(ui, doc, wf, rect);
        // The whole title of the step under the pointer: small or zoomed-out
        // boxes cut it short.
        // Drawn at once, without a tooltip's delay (which keeps repainting).
        if let Some(i) = hovered
            && renaming.is_none()
            && matches!(self.drag, Drag::None)
            && let Some(step) = doc.plan().workflow(wf).and_then(|w| w.steps.get(i))
            && !step.title.trim().is_empty()
            && let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
            && rect.contains(pointer)
        {
            draw::hover_title(ui, pointer, rect, step.title.trim(), dark);
        }
        self.show_context_menu(&bg, doc, wf);
    }

    /// The arrow (link index) under a canvas point, if any.
    fn link_at(&self, p: Pos2) -> Option<usize> {
        let zoom = self.cam().zoom;
        let tol = 6.0 / zoom;
        self.visible_links.iter().copied().find(|&li| {
            let Some(Some((a, b))) = self.index.link_ends.get(li) else {
                return false;
            };
            let c =
                shape::arrow_curve(self.index.rects[*a as usize], self.index.rects[*b as usize]);
            shape::curve_bounds(&c).expand(tol).contains(p) && shape::dist_to_curve(p, &c) <= tol
        })
    }

    /// Lines and rectangles that follow the pointer while dragging.
    fn draw_drag_feedback(&self, painter: &egui::Painter, cam: &Camera, rect: Rect) {
        match &self.drag {
            Drag::Box { start, end, .. } => {
                let r = Rect::from_two_pos(cam.to_screen(rect, *start), cam.to_screen(rect, *end));
                painter.rect(
                    r,
                    0.0,
                    draw::ACCENT.gamma_multiply(0.06),
                    egui::Stroke::new(1.0, draw::ACCENT),
                    egui::StrokeKind::Inside,
                );
            }
            Drag::Link { from, to_world } => {
                if let Some(&i) = self.index.by_id.get(from) {
                    let a = cam.to_screen(rect, self.index.rects[i].right_center());
                    let b = cam.to_screen(rect, *to_world);
                    painter.line_segment([a, b], egui::Stroke::new(2.0, draw::ACCENT));
                    painter.circle_filled(b, 4.0, draw::ACCENT);
                }
            }
            _ => {}
        }
    }
}

/// The part of the canvas not covered by the toolbar and the palette.
/// What to do on an empty map, in its middle.
fn draw_empty_hint(ui: &egui::Ui, rect: Rect) {
    let text = "This workflow has no steps yet.\n\n\
        Double-click the map to add a step,\n\
        paste a list of steps (one per line) with Ctrl+V,\n\
        or use New workflow from list… in the File menu.";
    let color = ui.visuals().weak_text_color();
    let galley = ui.painter().layout(
        text.to_owned(),
        egui::FontId::proportional(15.0),
        color,
        rect.width() * 0.8,
    );
    let at = rect.center() - galley.size() * 0.5;
    let r = egui::Rect::from_min_size(at, galley.size());
    ui.painter().galley(at, galley, color);
    let resp = ui.interact(r, egui::Id::unique("automap_empty_hint"), Sense::empty());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}

/// The part of the map not under the toolbar and the palette (and the lane
/// headers, `left` points wide), where Fit puts the workflow.
fn free_area(rect: Rect, left: f32) -> Rect {
    let inner = Rect::from_min_max(rect.min + vec2(110.0 + left, 40.0), rect.max);
    if inner.width() > 200.0 && inner.height() > 150.0 {
        inner
    } else {
        rect
    }
}

/// Snap a canvas point to the grid.
pub fn snap_pos(p: Pos2) -> Pos2 {
    pos2((p.x / GRID).round() * GRID, (p.y / GRID).round() * GRID)
}
