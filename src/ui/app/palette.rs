//! The command palette (Ctrl+K or Ctrl+Shift+P): every command, found by
//! typing a few letters of its name, with its shortcut beside it.

use egui::{Key, RichText};
use strum::IntoEnumIterator;

use crate::ui::commands::{Command, CommandState};

/// Rows shown at most; typing narrows the list.
const MAX_ROWS: usize = 14;

/// The palette's state between frames.
#[derive(Debug, Default)]
pub struct Palette {
    open: bool,
    query: String,
    /// Index of the highlighted row.
    selected: usize,
    focus: bool,
}

/// How well `query` matches `label`: `None` when its letters do not all
/// appear in order; higher is better (letters in a row and at word starts).
pub fn fuzzy_score(query: &str, label: &str) -> Option<i32> {
    let label: Vec<char> = label.to_lowercase().chars().collect();
    let mut score = 0;
    let mut at = 0;
    let mut last: Option<usize> = None;
    for q in query.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        let i = (at..label.len()).find(|&i| label.get(i) == Some(&q))?;
        let word_start = i == 0 || label.get(i - 1).is_some_and(|c| !c.is_alphanumeric());
        score += match (last, word_start) {
            (Some(l), _) if l + 1 == i => 8,
            (_, true) => 6,
            _ => 1,
        };
        last = Some(i);
        at = i + 1;
    }
    // Shorter names win among equal matches.
    Some(score * 4 - i32::try_from(label.len()).unwrap_or(i32::MAX) / 8)
}

/// The commands that match `query` and can run now, best first.
pub fn matches(query: &str, state: &CommandState) -> Vec<Command> {
    let mut found: Vec<(i32, Command)> = Command::iter()
        .filter(|c| *c != Command::Palette && c.enabled(state))
        .filter_map(|c| fuzzy_score(query, c.label()).map(|s| (s, c)))
        .collect();
    found.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
    found.into_iter().map(|(_, c)| c).collect()
}

impl Palette {
    pub fn open(&mut self) {
        self.open = true;
        self.query.clear();
        self.selected = 0;
        self.focus = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draw the palette when open; returns the command picked.
    pub fn show(&mut self, ctx: &egui::Context, state: &CommandState) -> Option<Command> {
        if !self.open {
            return None;
        }
        let found = matches(&self.query, state);
        let (up, down, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(found.len().saturating_sub(1));
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        let mut picked = None;
        let r = egui::Modal::new(egui::Id::unique("automap-palette")).show(ctx, |ui| {
            ui.set_width(460.0);
            let l = ui.label(RichText::new("Run a command").strong());
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id_salt("palette-query")
                        .hint_text("Type part of a command's name")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            if field.changed() {
                self.selected = 0;
            }
            ui.add_space(4.0);
            if found.is_empty() {
                ui.weak("No command matches.");
            }
            for (i, cmd) in found.iter().take(MAX_ROWS).enumerate() {
                let button = cmd
                    .button(ui.ctx(), cmd.label(), Some(i == self.selected))
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                if ui.add(button).clicked() {
                    picked = Some(*cmd);
                }
            }
        });
        if enter {
            picked = picked.or_else(|| found.get(self.selected).copied());
        }
        if picked.is_some() || r.should_close() {
            self.open = false;
        }
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_match_and_word_starts_rank_first() {
        assert!(fuzzy_score("tdy", "Tidy up").is_some());
        assert!(fuzzy_score("ydt", "Tidy up").is_none());
        let state = CommandState {
            workflow: Some((0, 1)),
            ..CommandState::default()
        };
        assert_eq!(
            matches("zoom fit", &state).first(),
            Some(&Command::ZoomToFit)
        );
        assert_eq!(matches("save as", &state).first(), Some(&Command::SaveAs));
        assert_eq!(
            matches("exp md", &state).first(),
            Some(&Command::ExportMarkdown)
        );
    }

    #[test]
    fn commands_that_cannot_run_are_left_out() {
        let none = CommandState::default();
        let found = matches("", &none);
        assert!(!found.contains(&Command::Undo));
        assert!(!found.contains(&Command::TidyUp));
        assert!(found.contains(&Command::Open));
        assert!(!found.contains(&Command::Palette));
    }
}
