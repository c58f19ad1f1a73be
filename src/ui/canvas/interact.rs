//! Pointer and keyboard handling on the canvas.

use egui::{Event, EventFilter, Key, Modifiers, PointerButton, Pos2, Rect, Response, Vec2};

use super::{CanvasState, Drag, GRID, MenuTarget, draw, snap_pos};
use crate::edit::{Document, Edit};
use crate::model::{Pos, WorkflowId};
use crate::ui::commands::Command;

/// Share of egui's zoom gesture the map follows (a wheel notch: about 10 %).
const ZOOM_DAMPING: f32 = 0.5;

impl CanvasState {
    pub(super) fn handle_input(
        &mut self,
        ui: &egui::Ui,
        bg: &Response,
        doc: &mut Document,
        wf: WorkflowId,
    ) {
        let rect = bg.rect;
        let cam = self.cam();
        let pointer = ui.input(|i| i.pointer.latest_pos());
        let over = pointer.is_some_and(|p| rect.contains(p)) && ui.ui_contains_pointer();
        if let Some(p) = pointer {
            self.pointer_world = over.then(|| cam.to_world(rect, p));
        } else if matches!(self.drag, Drag::None) {
            self.pointer_world = None;
        }

        // Zoom (Ctrl+scroll, pinch) around the pointer, and scroll to pan.
        if over {
            let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
            if let Some(p) = pointer {
                if zoom != 1.0 {
                    // egui turns a wheel notch with Ctrl into about ×1.22;
                    // half of that (in steps of about 10 %) keeps the map in hand.
                    let vp = rect;
                    self.cam_mut().zoom_around(vp, p, zoom.powf(ZOOM_DAMPING));
                } else if scroll != Vec2::ZERO {
                    self.cam_mut().pan(scroll);
                }
            }
        }
        self.update_handle_owner(rect);

        if bg.clicked()
            || bg.secondary_clicked()
            || bg.drag_started()
            || std::mem::take(&mut self.refocus)
        {
            bg.request_focus();
        }
        self.pointer(ui, bg, doc, wf);
        self.keyboard(ui, bg, doc, wf);
    }

    fn update_handle_owner(&mut self, rect: Rect) {
        let cam = self.cam();
        let Some(p) = self.pointer_world else {
            return;
        };
        if let Some(i) = self.index.hit(p, 0.0) {
            self.handle_owner = self.index.ids.get(i).copied();
            return;
        }
        let screen = cam.to_screen(rect, p);
        let keep = self
            .handle_owner
            .and_then(|id| self.index.by_id.get(&id))
            .is_some_and(|&i| {
                draw::handle_rect(cam.rect_to_screen(rect, self.index.rects[i]))
                    .expand(4.0)
                    .contains(screen)
            });
        if !keep {
            self.handle_owner = None;
        }
    }

    /// The step whose tag badge is under a screen point (badges are drawn
    /// from [`draw::MARK_ZOOM`] on).
    fn tag_badge_at(
        &self,
        doc: &Document,
        wf: WorkflowId,
        rect: Rect,
        screen: Pos2,
    ) -> Option<crate::model::StepId> {
        let cam = self.cam();
        if cam.zoom < draw::MARK_ZOOM {
            return None;
        }
        let w = doc.plan().workflow(wf)?;
        self.visible.iter().rev().find_map(|&i| {
            let step = w.steps.get(i as usize)?;
            let node = cam.rect_to_screen(rect, *self.index.rects.get(i as usize)?);
            (draw::is_taggable(step.kind) && draw::tag_badge_rect(node, cam.zoom).contains(screen))
                .then_some(step.id)
        })
    }

    /// The step whose link handle is under a screen point.
    fn handle_at(&self, rect: Rect, screen: Pos2) -> Option<crate::model::StepId> {
        let cam = self.cam();
        let candidates = self
            .handle_owner
            .into_iter()
            .chain(self.selection.steps.iter().copied().take(200));
        for id in candidates {
            if let Some(&i) = self.index.by_id.get(&id) {
                let h = draw::handle_rect(cam.rect_to_screen(rect, self.index.rects[i]));
                if h.expand(2.0).contains(screen) {
                    return Some(id);
                }
            }
        }
        None
    }

    fn pointer(&mut self, ui: &egui::Ui, bg: &Response, doc: &mut Document, wf: WorkflowId) {
        let rect = bg.rect;
        let cam = self.cam();
        let mods = ui.input(|i| i.modifiers);
        let toggle = mods.shift || mods.command;

        if bg.drag_started() {
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .unwrap_or(rect.center());
            let w = cam.to_world(rect, origin);
            let space = ui.input(|i| i.key_down(Key::Space));
            self.drag = if bg.dragged_by(PointerButton::Middle)
                || bg.dragged_by(PointerButton::Secondary)
                || space
            {
                Drag::Pan
            } else if let Some(from) = self.handle_at(rect, origin) {
                Drag::Link { from, to_world: w }
            } else if let Some(i) = self.index.hit(w, 0.0) {
                let id = self.index.ids[i];
                if !self.selection.steps.contains(&id) {
                    if !toggle {
                        self.selection.steps.clear();
                    }
                    self.selection.steps.insert(id);
                    self.selection.link = None;
                }
                let origins = self
                    .selection
                    .steps
                    .iter()
                    .filter_map(|s| {
                        let i = *self.index.by_id.get(s)?;
                        let c = self.index.rects[i].center();
                        Some((*s, Pos::new(c.x, c.y)))
                    })
                    .collect();
                Drag::Move {
                    gesture: doc.new_gesture(),
                    grab: id,
                    start_world: w,
                    origins,
                    applied: Vec2::ZERO,
                }
            } else {
                Drag::Box {
                    start: w,
                    end: w,
                    additive: toggle,
                }
            };
        }

        if bg.dragged() {
            let now = ui.input(|i| i.pointer.interact_pos());
            match &mut self.drag {
                Drag::Pan => {
                    let d = bg.drag_delta();
                    self.cam_mut().pan(d);
                }
                Drag::Link { to_world, .. } => {
                    if let Some(p) = now {
                        *to_world = cam.to_world(rect, p);
                    }
                }
                Drag::Box { end, .. } => {
                    if let Some(p) = now {
                        *end = cam.to_world(rect, p);
                    }
                }
                Drag::Move { .. } => {
                    if let Some(p) = now {
                        self.drag_move(doc, wf, cam.to_world(rect, p));
                    }
                }
                Drag::Palette(_) | Drag::None => {}
            }
        }

        if bg.drag_stopped() {
            let drag = std::mem::take(&mut self.drag);
            match drag {
                Drag::Move {
                    gesture, origins, ..
                } => {
                    self.drop_into_lanes(doc, wf, gesture, &origins);
                    doc.end_gesture();
                }
                Drag::Link { from, to_world } => {
                    let target = self.index.hit(to_world, 4.0).map(|i| self.index.ids[i]);
                    match target {
                        Some(to) if to != from => self.link(doc, wf, from, to),
                        Some(_) => {}
                        None => self.append_at(doc, wf, from, to_world),
                    }
                }
                Drag::Box {
                    start,
                    end,
                    additive,
                } => {
                    let area = Rect::from_two_pos(start, end);
                    let mut hits = Vec::new();
                    self.index.query(area, &mut hits);
                    if !additive {
                        self.selection.steps.clear();
                    }
                    self.selection.link = None;
                    for i in hits {
                        self.selection.steps.insert(self.index.ids[i as usize]);
                    }
                }
                Drag::Pan | Drag::Palette(_) | Drag::None => {}
            }
        }

        let click_world = bg.interact_pointer_pos().map(|p| cam.to_world(rect, p));
        if bg.double_clicked() {
            if let Some(w) = click_world {
                match self.index.hit(w, 0.0) {
                    Some(i) => {
                        let id = self.index.ids[i];
                        self.selection.steps = [id].into();
                        self.start_rename(doc, wf, id);
                    }
                    None if self.link_at(w).is_some() => {
                        if let Some(li) = self.link_at(w)
                            && let Some(l) = doc.plan().workflow(wf).and_then(|x| x.links.get(li))
                        {
                            self.selection.link = Some((l.from, l.to));
                            self.selection.steps.clear();
                            self.start_rename_selection(doc, wf);
                        }
                    }
                    None => {
                        if let Some(id) =
                            self.add_step(doc, wf, crate::model::StepKind::Task, w, "")
                        {
                            self.selection.steps = [id].into();
                            self.selection.link = None;
                            self.start_rename(doc, wf, id);
                        }
                    }
                }
            }
        } else if bg.clicked()
            && let Some(w) = click_world
        {
            let badge = bg
                .interact_pointer_pos()
                .and_then(|p| self.tag_badge_at(doc, wf, rect, p));
            if let Some(step) = badge {
                // A click on the tag badge moves the tag on, as one undo step.
                let w = doc.plan().workflow(wf);
                if let Some(w) = w
                    && let Some(s) = w.step(step)
                {
                    let tag = crate::edit::tag::next_tag(s.tag);
                    if let Some(edit) = crate::edit::tag::set_tags(w, [(step, tag)]) {
                        let _ = doc.apply(&format!("Tag {}", tag.label()), edit);
                    }
                }
            } else if let Some(i) = self.index.hit(w, 0.0) {
                let id = self.index.ids[i];
                if toggle {
                    if !self.selection.steps.remove(&id) {
                        self.selection.steps.insert(id);
                    }
                } else {
                    self.selection.steps = [id].into();
                }
                self.selection.link = None;
            } else if let Some(li) = self.link_at(w) {
                let l = doc.plan().workflow(wf).and_then(|x| x.links.get(li));
                if let Some(l) = l {
                    self.selection.link = Some((l.from, l.to));
                    self.selection.steps.clear();
                }
            } else if !toggle {
                self.selection.steps.clear();
                self.selection.link = None;
            }
        }

        if bg.secondary_clicked() {
            let w = click_world;
            self.menu_world = w;
            self.menu_target = MenuTarget::Canvas;
            if let Some(w) = w {
                if let Some(i) = self.index.hit(w, 0.0) {
                    let id = self.index.ids[i];
                    if !self.selection.steps.contains(&id) {
                        self.selection.steps = [id].into();
                        self.selection.link = None;
                    }
                    self.menu_target = MenuTarget::Step(id);
                } else if let Some(li) = self.link_at(w)
                    && let Some(l) = doc.plan().workflow(wf).and_then(|x| x.links.get(li))
                {
                    self.selection.link = Some((l.from, l.to));
                    self.selection.steps.clear();
                    self.menu_target = MenuTarget::Link(l.from, l.to);
                }
            }
        }
    }

    /// Move the dragged selection so the grabbed step follows the pointer.
    fn drag_move(&mut self, doc: &mut Document, wf: WorkflowId, pointer: Pos2) {
        let Drag::Move {
            gesture,
            grab,
            start_world,
            origins,
            applied,
        } = &mut self.drag
        else {
            return;
        };
        let mut delta = pointer - *start_world;
        if self.snap
            && let Some((_, o)) = origins.iter().find(|(id, _)| id == grab)
        {
            let target = snap_pos(Pos2::new(o.x, o.y) + delta);
            delta = target - Pos2::new(o.x, o.y);
        }
        if delta == *applied || !delta.is_finite() {
            return;
        }
        let positions = origins
            .iter()
            .map(|(id, p)| (*id, Pos::new(p.x + delta.x, p.y + delta.y)))
            .collect();
        let step = delta - *applied;
        if doc
            .apply_gesture("Move steps", *gesture, Edit::SetPositions { wf, positions })
            .is_ok()
        {
            *applied = delta;
            let moved: Vec<usize> = origins
                .iter()
                .filter_map(|(id, _)| self.index.by_id.get(id).copied())
                .collect();
            self.index.move_steps(&moved, step, doc.revision());
        }
    }

    fn keyboard(&mut self, ui: &egui::Ui, bg: &Response, doc: &mut Document, wf: WorkflowId) {
        let focused = ui.memory(|m| m.focused());
        let ours = focused == Some(bg.id);
        let active = ours || (focused.is_none() && ui.rect_contains_pointer(bg.rect));
        if ours {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    bg.id,
                    EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    },
                )
            });
        }
        if !active || self.rename.is_some() {
            return;
        }
        // Clipboard events.
        let events = ui.input(|i| {
            i.events
                .iter()
                .filter(|e| matches!(e, Event::Copy | Event::Cut | Event::Paste(_)))
                .cloned()
                .collect::<Vec<_>>()
        });
        for e in events {
            match e {
                Event::Copy => {
                    self.copy(doc, wf);
                }
                Event::Cut => {
                    self.copy(doc, wf);
                    self.delete_selection(doc, wf, "Cut");
                }
                Event::Paste(text) => {
                    let at = self.pointer_world;
                    self.paste_text(doc, wf, &text, at);
                }
                _ => {}
            }
        }
        if let Some(text) = self.pending_copy.take() {
            ui.ctx().copy_text(text);
        }

        // Shortcuts from the command list.
        let mut run = Vec::new();
        ui.input_mut(|i| {
            // Most specific first, so Shift+A is not taken for A.
            for (shortcut, cmd) in Command::shortcut_table() {
                if cmd.map_takes_key() && i.consume_shortcut(&shortcut) {
                    run.push(cmd);
                }
            }
        });
        self.requested.extend(run);

        // Keys local to the canvas.
        let (append, escape, arrows) = ui.input_mut(|i| {
            let append = i.consume_key(Modifiers::NONE, Key::Enter)
                || i.consume_key(Modifiers::NONE, Key::Tab);
            let escape = i.consume_key(Modifiers::NONE, Key::Escape);
            let mut d = Vec2::ZERO;
            for (mods, big) in [(Modifiers::NONE, false), (Modifiers::SHIFT, true)] {
                let s = if big {
                    GRID * 5.0
                } else if self.snap {
                    GRID
                } else {
                    10.0
                };
                if i.consume_key(mods, Key::ArrowLeft) {
                    d.x -= s;
                }
                if i.consume_key(mods, Key::ArrowRight) {
                    d.x += s;
                }
                if i.consume_key(mods, Key::ArrowUp) {
                    d.y -= s;
                }
                if i.consume_key(mods, Key::ArrowDown) {
                    d.y += s;
                }
            }
            (append, escape, d)
        });
        if append {
            self.append_step(doc, wf);
        }
        if escape {
            self.selection = Default::default();
            self.drag = Drag::None;
            self.search.open = false;
        }
        if arrows != Vec2::ZERO {
            self.nudge(doc, wf, arrows);
        }
    }
}
