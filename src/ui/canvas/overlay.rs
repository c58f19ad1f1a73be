//! What floats over the map: toolbar, palette, legend, search bar, in-place
//! text fields, context menus and the canvas's small dialogs.

use egui::{Align, Key, Layout, Rect, Sense, UiBuilder, pos2, vec2};

use super::camera::Camera;
use super::{CanvasState, Drag, MenuTarget, Rename, draw};
use crate::edit::{Document, Edit, paste};
use crate::model::{StepKind, WorkflowId};
use crate::ui::commands::Command;

impl CanvasState {
    pub(super) fn show_overlays(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        wf: WorkflowId,
        rect: Rect,
    ) {
        let mut run: Option<Command> = None;
        // Toolbar.
        let bar = Rect::from_min_size(rect.min + vec2(8.0, 8.0), vec2(rect.width() - 16.0, 28.0));
        let mut tb = ui.new_child(
            UiBuilder::new()
                .max_rect(bar)
                .layout(Layout::left_to_right(Align::Center)),
        );
        tb.set_clip_rect(rect);
        // A backdrop keeps the buttons readable over steps scrolled beneath them.
        let backdrop = ui.painter().add(egui::Shape::Noop);
        let tip = |cmd: Command, ui: &egui::Ui| {
            let s = cmd.shortcut_text(ui.ctx());
            if s.is_empty() {
                cmd.label().to_owned()
            } else {
                format!("{} ({s})", cmd.label())
            }
        };
        for (cmd, text) in [(Command::TidyUp, "Tidy up"), (Command::ZoomToFit, "Fit")] {
            let t = tip(cmd, &tb);
            if tb.button(text).on_hover_text(t).clicked() {
                run = Some(cmd);
            }
        }
        let zoom_text = format!("{:.0} %", self.cam().zoom * 100.0);
        let t = tip(Command::ZoomReset, &tb);
        if tb.button(zoom_text).on_hover_text(t).clicked() {
            run = Some(Command::ZoomReset);
        }
        let mut snap = self.snap;
        if tb
            .toggle_value(&mut snap, "Snap")
            .on_hover_text(tip(Command::ToggleSnap, &tb))
            .changed()
        {
            run = Some(Command::ToggleSnap);
        }
        let mut mm = self.minimap;
        if tb
            .toggle_value(&mut mm, "Minimap")
            .on_hover_text(tip(Command::ToggleMinimap, &tb))
            .changed()
        {
            run = Some(Command::ToggleMinimap);
        }
        if tb
            .button("Find")
            .on_hover_text(tip(Command::Find, &tb))
            .clicked()
        {
            run = Some(Command::Find);
        }
        let used = tb.min_rect().expand(4.0);
        let fill = ui.visuals().extreme_bg_color.gamma_multiply(0.92);
        ui.painter()
            .set(backdrop, egui::epaint::RectShape::filled(used, 6.0, fill));

        // Search bar.
        if self.search.open {
            let sr = Rect::from_min_size(
                pos2(rect.center().x - 170.0, rect.top() + 44.0),
                vec2(340.0, 28.0),
            );
            let mut su = ui.new_child(
                UiBuilder::new()
                    .max_rect(sr)
                    .layout(Layout::left_to_right(Align::Center)),
            );
            su.set_clip_rect(rect);
            let id = egui::Id::unique("automap_search");
            let resp = su.add(
                egui::TextEdit::singleline(&mut self.search.text)
                    .id(id)
                    .hint_text("Find by title, system or owner")
                    .desired_width(220.0),
            );
            if std::mem::take(&mut self.search.focus) {
                resp.request_focus();
            }
            let enter = resp.lost_focus() && su.input(|i| i.key_pressed(Key::Enter));
            let escape = resp.lost_focus() && su.input(|i| i.key_pressed(Key::Escape));
            self.update_search(doc, wf);
            let n = self.search.matches.len();
            su.label(if self.search.text.trim().is_empty() {
                String::new()
            } else {
                format!("{n} found")
            });
            if enter {
                self.next_match(wf);
                resp.request_focus();
            }
            if escape
                || su
                    .small_button("Close")
                    .on_hover_text("Close search (Esc)")
                    .clicked()
            {
                self.search.open = false;
            }
            // Matches in every workflow, grouped by workflow; a click shows one.
            if self.search.open && n > 0 {
                let list = Rect::from_min_size(sr.left_bottom() + vec2(0.0, 4.0), vec2(340.0, 0.0));
                let mut lu = ui.new_child(
                    UiBuilder::new()
                        .max_rect(list.with_max_y(rect.bottom() - 8.0))
                        .layout(Layout::top_down(Align::Min)),
                );
                lu.set_clip_rect(rect);
                let mut picked = None;
                egui::Frame::popup(lu.style()).show(&mut lu, |ui| {
                    ui.set_width(320.0);
                    let mut last = None;
                    for (k, &(w, id)) in self
                        .search
                        .matches
                        .iter()
                        .enumerate()
                        .take(super::search::MAX_LISTED)
                    {
                        let Some(workflow) = doc.plan().workflow(w) else {
                            continue;
                        };
                        if last != Some(w) {
                            ui.label(egui::RichText::new(&workflow.name).strong());
                            last = Some(w);
                        }
                        let title = workflow.step(id).map_or("", |s| s.title.as_str());
                        let current = k == self.search.cursor;
                        let row =
                            egui::Button::selectable(current, format!("  {title}")).truncate();
                        if ui.add(row).clicked() {
                            picked = Some((k, w, id));
                        }
                    }
                    if n > super::search::MAX_LISTED {
                        ui.weak(format!(
                            "and {} more; Enter goes through all",
                            n - super::search::MAX_LISTED
                        ));
                    }
                });
                if let Some((k, w, id)) = picked {
                    self.search.cursor = k;
                    self.show_match(wf, w, id);
                }
            }
        }

        // Palette: click to add in the middle of the view, or drag onto the map.
        let mut pu = ui.new_child(
            UiBuilder::new()
                .max_rect(Rect::from_min_size(
                    rect.min + vec2(8.0, 44.0),
                    vec2(96.0, 5.0 * 26.0),
                ))
                .layout(Layout::top_down(Align::Min)),
        );
        pu.set_clip_rect(rect);
        for kind in StepKind::ALL {
            let resp = pu.add(
                egui::Button::new(format!("+ {}", kind.label())).sense(Sense::click_and_drag()),
            );
            let resp = resp.on_hover_text("Click to add, or drag onto the map");
            if resp.clicked() {
                // Next to the one selected step, else the middle of the view;
                // never on top of another step.
                let c = self.cam().center;
                let near = match self.selection.steps.len() {
                    1 => self.selection.steps.iter().next().copied(),
                    _ => None,
                };
                let c = doc.plan().workflow(wf).map_or(c, |w| {
                    let p = crate::edit::layout::place_new_step(
                        w,
                        kind,
                        near,
                        crate::model::Pos::new(c.x, c.y),
                    );
                    pos2(p.x, p.y)
                });
                if let Some(id) = self.add_step(doc, wf, kind, c, "") {
                    self.selection.steps = [id].into();
                    self.selection.link = None;
                    self.start_rename(doc, wf, id);
                }
            }
            if resp.drag_started() {
                self.drag = Drag::Palette(kind);
            }
            if resp.drag_stopped()
                && let Drag::Palette(k) = std::mem::take(&mut self.drag)
                && let Some(p) = ui.input(|i| i.pointer.interact_pos().or(i.pointer.latest_pos()))
                && rect.contains(p)
            {
                let at = self.cam().to_world(rect, p);
                if let Some(id) = self.add_step(doc, wf, k, at, "") {
                    self.selection.steps = [id].into();
                    self.selection.link = None;
                    self.start_rename(doc, wf, id);
                }
            }
        }
        if let Drag::Palette(kind) = self.drag
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            let r = Rect::from_center_size(p, super::shape::node_size(kind) * self.cam().zoom);
            ui.painter().rect_stroke(
                r,
                4.0,
                egui::Stroke::new(1.5, draw::ACCENT),
                egui::StrokeKind::Inside,
            );
        }

        // Legend.
        let legend_at = pos2(
            rect.left() + 8.0,
            rect.bottom() - 8.0 - super::legend::legend_height(),
        );
        if legend_at.y > rect.top() + 190.0 {
            super::legend::draw_legend(&ui.painter_at(rect), legend_at, ui.visuals().dark_mode);
        }

        if self.minimap
            && let Some(w) = doc.plan().workflow(wf)
        {
            self.show_minimap(ui, w, doc.revision(), rect);
        }

        self.requested.extend(run);
    }

    /// The text field over a step (or arrow label) being renamed.
    pub(super) fn show_rename(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        wf: WorkflowId,
        cam: &Camera,
        rect: Rect,
    ) {
        let Some(rename) = &mut self.rename else {
            return;
        };
        let (r, text, started, key, hint) = match rename {
            Rename::Step { id, text, started } => {
                let Some(&i) = self.index.by_id.get(id) else {
                    self.rename = None;
                    return;
                };
                let r = cam.rect_to_screen(rect, self.index.rects[i]);
                let r = Rect::from_center_size(r.center(), vec2(r.width().max(160.0), 24.0));
                (r, text, started, ("step", id.0, 0), "Step title")
            }
            Rename::Link {
                from,
                to,
                text,
                started,
            } => {
                let Some(li) = doc
                    .plan()
                    .workflow(wf)
                    .and_then(|w| w.link_index(*from, *to))
                else {
                    self.rename = None;
                    return;
                };
                let Some(c) = draw::link_curve_screen(cam, rect, &self.index, li) else {
                    self.rename = None;
                    return;
                };
                let m = super::shape::bezier_point(&c, 0.5);
                (
                    Rect::from_center_size(m, vec2(120.0, 24.0)),
                    text,
                    started,
                    ("link", from.0, to.0),
                    "Arrow label",
                )
            }
        };
        let id = egui::Id::unique(("automap_rename", key));
        let resp = ui.put(
            r,
            egui::TextEdit::singleline(text)
                .id(id)
                .hint_text(hint)
                .align(egui::Align2::CENTER_CENTER),
        );
        if !*started {
            *started = true;
            resp.request_focus();
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
                state.store(ui.ctx(), id);
            } else {
                let mut state = egui::text_edit::TextEditState::default();
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
                state.store(ui.ctx(), id);
            }
            return;
        }
        if resp.lost_focus() || (!resp.has_focus() && !resp.gained_focus()) {
            let cancel = ui.input(|i| i.key_pressed(Key::Escape));
            let Some(rename) = self.rename.take() else {
                return;
            };
            // Ended from the keyboard: keep typing on the map. Ended by a click
            // elsewhere: leave the focus where the click put it.
            self.refocus = cancel || ui.input(|i| i.key_pressed(Key::Enter));
            if cancel {
                return;
            }
            match rename {
                Rename::Step { id, text, .. } => {
                    let title: String = text.trim().chars().take(paste::MAX_TITLE_CHARS).collect();
                    if let Some(mut step) =
                        doc.plan().workflow(wf).and_then(|w| w.step(id)).cloned()
                        && step.title != title
                    {
                        step.title = title;
                        let _ = doc.apply(
                            "Rename step",
                            Edit::SetStep {
                                wf,
                                step: Box::new(step),
                            },
                        );
                    }
                }
                Rename::Link { from, to, text, .. } => {
                    let _ = doc.apply(
                        "Label arrow",
                        Edit::SetLinkLabel {
                            wf,
                            from,
                            to,
                            label: text.trim().to_owned(),
                        },
                    );
                }
            }
        }
    }

    pub(super) fn show_context_menu(
        &mut self,
        bg: &egui::Response,
        doc: &mut Document,
        wf: WorkflowId,
    ) {
        let mut run: Option<Command> = None;
        let mut add_here: Option<StepKind> = None;
        let target = self.menu_target;
        let has_clip = !self.clip.is_empty();
        bg.context_menu(|ui| {
            let item = |ui: &mut egui::Ui, cmd: Command, run: &mut Option<Command>| {
                if ui.add(cmd.button(ui.ctx(), cmd.label(), None)).clicked() {
                    *run = Some(cmd);
                    ui.close();
                }
            };
            match target {
                MenuTarget::Step(_) => {
                    for cmd in [
                        Command::TagAutomate,
                        Command::TagKeepManual,
                        Command::TagUndecided,
                        Command::AcceptSuggestions,
                    ] {
                        item(ui, cmd, &mut run);
                    }
                    ui.separator();
                    for cmd in [
                        Command::Rename,
                        Command::AppendStep,
                        Command::Cut,
                        Command::Copy,
                        Command::Duplicate,
                        Command::Delete,
                        Command::ZoomToSelection,
                    ] {
                        item(ui, cmd, &mut run);
                    }
                }
                MenuTarget::Link(..) => {
                    if ui.button("Edit label").clicked() {
                        run = Some(Command::Rename);
                        ui.close();
                    }
                    item(ui, Command::Delete, &mut run);
                }
                MenuTarget::Canvas => {
                    for kind in StepKind::ALL {
                        if ui
                            .button(format!("Add {} here", kind.label().to_lowercase()))
                            .clicked()
                        {
                            add_here = Some(kind);
                            ui.close();
                        }
                    }
                    ui.separator();
                    if has_clip {
                        item(ui, Command::Paste, &mut run);
                    }
                    for cmd in [
                        Command::SelectAll,
                        Command::AcceptSuggestions,
                        Command::TidyUp,
                        Command::ZoomToFit,
                        Command::ZoomReset,
                        Command::ToggleSnap,
                        Command::ToggleMinimap,
                        Command::Find,
                        Command::ExportImage,
                    ] {
                        item(ui, cmd, &mut run);
                    }
                }
            }
        });
        if let Some(kind) = add_here {
            let at = self.menu_world.unwrap_or(self.cam().center);
            if let Some(id) = self.add_step(doc, wf, kind, at, "") {
                self.selection.steps = [id].into();
                self.selection.link = None;
                self.start_rename(doc, wf, id);
            }
        }
        self.requested.extend(run);
    }
}
