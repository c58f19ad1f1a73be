//! Recovery copies and crash reports from an earlier run.

use std::path::Path;

use egui::RichText;

use crate::storage;
use crate::storage::recovery::{RecoveryInfo, RecoveryStore};
use crate::ui::autosave::Autosave;

use super::{AutomapApp, Modal};

impl AutomapApp {
    /// Keep recovery copies in `store`, and offer every copy there whose plan
    /// differs from its file on disk (whatever the files' times say), and
    /// any crash report left behind. Offered copies are set aside: only the
    /// owner's Restore or Discard removes them.
    pub fn with_recovery_store(mut self, store: RecoveryStore) -> Self {
        self.recovery_offers = store.take_offers();
        self.crash_reports = store.crash_reports();
        let key = self.recovery_key();
        self.autosave = Autosave::new(Some(store), key);
        if !self.recovery_offers.is_empty() || !self.crash_reports.is_empty() {
            self.modal = Some(Modal::Recovery);
        }
        self
    }

    pub(super) fn restore(&mut self, info: &RecoveryInfo) {
        let Some(store) = self.autosave.store().cloned() else {
            return;
        };
        match store.restore(info) {
            Ok(loaded) => {
                // The restored copy is the plan's live copy again, until the
                // next autosave replaces it or a save removes it.
                if let Err(e) = store.adopt(info) {
                    log::warn!("{e}");
                }
                let path = info.plan_path().map(Path::to_path_buf);
                let stamp = path.as_deref().and_then(|p| storage::stamp(p).ok());
                self.set_plan(loaded.plan, path, stamp);
                self.autosave.set_key(info.key.clone(), false);
                self.doc.mark_unsaved();
                self.notice(format!(
                    "Restored \"{}\". Save it to keep it.",
                    info.plan_name
                ));
            }
            Err(e) => self.error(format!("The recovery copy could not be read: {e}")),
        }
    }

    pub(super) fn recovery_modal(&mut self, ctx: &egui::Context) {
        let now = std::time::SystemTime::now();
        let mut restore = None;
        let mut discard = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("automap-recovery")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Recover unsaved work");
            if let Some(report) = self.crash_reports.last() {
                ui.label(
                    RichText::new("Automap closed unexpectedly last time.")
                        .color(ui.visuals().warn_fg_color),
                );
                ui.label(format!(
                    "A short report was saved in {}.",
                    report.file.display()
                ));
                ui.add_space(6.0);
            }
            if self.recovery_offers.is_empty() {
                ui.label("There were no unsaved changes to recover.");
            }
            for (i, info) in self.recovery_offers.iter().enumerate() {
                ui.separator();
                ui.label(info.describe(now));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        restore = Some(i);
                    }
                    if ui.button("Discard").clicked() {
                        discard = Some(i);
                    }
                });
            }
            ui.add_space(8.0);
            let text = if self.recovery_offers.is_empty() {
                "OK"
            } else {
                "Decide later"
            };
            if ui.button(text).clicked() {
                close = true;
            }
        });
        if let Some(i) = discard
            && i < self.recovery_offers.len()
        {
            let info = self.recovery_offers.remove(i);
            if let Some(store) = self.autosave.store()
                && let Err(e) = store.discard_copy(&info)
            {
                self.error(e.to_string());
            }
        }
        if let Some(i) = restore
            && i < self.recovery_offers.len()
        {
            let info = self.recovery_offers.remove(i);
            self.restore(&info);
            close = true;
        }
        if self.recovery_offers.is_empty() && discard.is_some() {
            close = true;
        }
        if close {
            if let Some(store) = self.autosave.store() {
                for r in std::mem::take(&mut self.crash_reports) {
                    let _ = store.dismiss_crash_report(&r);
                }
            }
            if matches!(self.modal, Some(Modal::Recovery)) {
                self.modal = None;
            }
        }
    }
}
