//! File → Compare with…: the window, and the comparison in force whose
//! marks the map shows until the owner stops comparing.

use std::sync::Arc;

use crate::ui::compare::{Changes, CompareAction};

use super::AutomapApp;

impl AutomapApp {
    /// The Compare with… window, while it is open.
    pub(super) fn compare_window(&mut self, ctx: &egui::Context) {
        let Some(mut window) = self.compare.take() else {
            return;
        };
        if window.versions.is_none() {
            window.versions = Some(self.earlier_versions());
        }
        let versions = window.versions.take().unwrap_or_default();
        let changes = self.comparison_changes();
        let current = self
            .comparison
            .as_ref()
            .zip(changes.as_deref())
            .map(|(c, changes)| (c.against.as_str(), changes));
        let (open, action) = window.show(ctx, self.path.as_deref(), &versions, current);
        window.versions = Some(versions);
        if open {
            self.compare = Some(window);
        }
        if let Some(a) = action {
            self.compare_action(a);
        }
    }

    /// What changed since the version the plan is compared with, at the
    /// plan's revision now; `None` when no comparison is in force.
    pub(super) fn comparison_changes(&mut self) -> Option<Arc<Changes>> {
        let c = self.comparison.as_mut()?;
        self.derived.update(&self.doc);
        Some(c.changes(&self.doc, self.derived.analysis()))
    }

    pub(super) fn compare_action(&mut self, action: CompareAction) {
        match action {
            CompareAction::Start(c) => self.comparison = Some(*c),
            CompareAction::Stop => self.comparison = None,
            CompareAction::ShowWindow => {
                self.compare.get_or_insert_with(Default::default);
            }
        }
    }
}
