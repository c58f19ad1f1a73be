//! One list of commands for menus, buttons, context menus and keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Everything a user can do by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    // File
    NewPlan,
    Open,
    Save,
    SaveAs,
    ExportMarkdown,
    ExportImage,
    NewWorkflowFromList,
    Quit,
    // Edit
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Duplicate,
    Delete,
    SelectAll,
    Rename,
    AppendStep,
    // View / map
    TidyUp,
    ZoomToFit,
    ZoomToSelection,
    ZoomReset,
    ToggleSnap,
    ToggleMinimap,
    Find,
    // Workflows
    AddWorkflow,
    DuplicateWorkflow,
    DeleteWorkflow,
    RenameWorkflow,
    MoveWorkflowUp,
    MoveWorkflowDown,
    // Views
    ShowMap,
    ShowReview,
    ShowRoadmap,
    ShowTools,
    ToggleFindings,
}

const fn ks(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl Command {
    pub const ALL: &'static [Command] = &[
        Command::NewPlan,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ExportMarkdown,
        Command::ExportImage,
        Command::NewWorkflowFromList,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Cut,
        Command::Copy,
        Command::Paste,
        Command::Duplicate,
        Command::Delete,
        Command::SelectAll,
        Command::Rename,
        Command::AppendStep,
        Command::TidyUp,
        Command::ZoomToFit,
        Command::ZoomToSelection,
        Command::ZoomReset,
        Command::ToggleSnap,
        Command::ToggleMinimap,
        Command::Find,
        Command::AddWorkflow,
        Command::DuplicateWorkflow,
        Command::DeleteWorkflow,
        Command::RenameWorkflow,
        Command::MoveWorkflowUp,
        Command::MoveWorkflowDown,
        Command::ShowMap,
        Command::ShowReview,
        Command::ShowRoadmap,
        Command::ShowTools,
        Command::ToggleFindings,
    ];

    /// Menu and button text.
    pub fn label(self) -> &'static str {
        match self {
            Command::NewPlan => "New plan",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::ExportMarkdown => "Export Markdown…",
            Command::ExportImage => "Export image…",
            Command::NewWorkflowFromList => "New workflow from list…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Cut => "Cut",
            Command::Copy => "Copy",
            Command::Paste => "Paste",
            Command::Duplicate => "Duplicate",
            Command::Delete => "Delete",
            Command::SelectAll => "Select all",
            Command::Rename => "Rename",
            Command::AppendStep => "Append next step",
            Command::TidyUp => "Tidy up",
            Command::ZoomToFit => "Zoom to fit",
            Command::ZoomToSelection => "Zoom to selection",
            Command::ZoomReset => "Zoom to 100 %",
            Command::ToggleSnap => "Snap to grid",
            Command::ToggleMinimap => "Minimap",
            Command::Find => "Find…",
            Command::AddWorkflow => "Add workflow",
            Command::DuplicateWorkflow => "Duplicate workflow",
            Command::DeleteWorkflow => "Delete workflow",
            Command::RenameWorkflow => "Rename workflow…",
            Command::MoveWorkflowUp => "Move workflow up",
            Command::MoveWorkflowDown => "Move workflow down",
            Command::ShowMap => "Map",
            Command::ShowReview => "Review",
            Command::ShowRoadmap => "Roadmap",
            Command::ShowTools => "Tools",
            Command::ToggleFindings => "Findings panel",
        }
    }

    /// The main shortcut (shown in menus).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let shift_alt = Modifiers::SHIFT.plus(Modifiers::ALT);
        Some(match self {
            Command::NewPlan => ks(cmd, Key::N),
            Command::Open => ks(cmd, Key::O),
            Command::Save => ks(cmd, Key::S),
            Command::SaveAs => ks(cmd_shift, Key::S),
            Command::ExportMarkdown => ks(cmd, Key::E),
            Command::Quit => ks(cmd, Key::Q),
            Command::Undo => ks(cmd, Key::Z),
            Command::Redo => ks(cmd_shift, Key::Z),
            Command::Duplicate => ks(cmd, Key::D),
            Command::Delete => ks(Modifiers::NONE, Key::Delete),
            Command::SelectAll => ks(cmd, Key::A),
            Command::Rename => ks(Modifiers::NONE, Key::F2),
            Command::TidyUp => ks(shift_alt, Key::T),
            Command::ZoomToFit => ks(Modifiers::NONE, Key::F),
            Command::ZoomReset => ks(cmd, Key::Num0),
            Command::ToggleSnap => ks(Modifiers::NONE, Key::G),
            Command::ToggleMinimap => ks(Modifiers::NONE, Key::M),
            Command::Find => ks(cmd, Key::F),
            Command::ShowMap => ks(cmd, Key::Num1),
            Command::ShowReview => ks(cmd, Key::Num2),
            Command::ShowRoadmap => ks(cmd, Key::Num3),
            Command::ShowTools => ks(cmd, Key::Num4),
            Command::ToggleFindings => ks(cmd_shift, Key::F),
            // Cut, copy and paste arrive as egui events (Event::Cut/Copy/Paste), not keys.
            _ => return None,
        })
    }

    /// Extra shortcuts that do the same thing.
    pub fn alt_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO_Y: KeyboardShortcut = ks(Modifiers::COMMAND, Key::Y);
        const BACKSPACE: KeyboardShortcut = ks(Modifiers::NONE, Key::Backspace);
        match self {
            Command::Redo => &[REDO_Y],
            Command::Delete => &[BACKSPACE],
            _ => &[],
        }
    }

    /// Shortcut text for menus ("Ctrl+S"). Cut, copy and paste show the keys
    /// that produce their clipboard events.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        let clipboard_key = match self {
            Command::Cut => Some(Key::X),
            Command::Copy => Some(Key::C),
            Command::Paste => Some(Key::V),
            _ => None,
        };
        self.shortcut()
            .or_else(|| clipboard_key.map(|k| ks(Modifiers::COMMAND, k)))
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// True when the shortcut means something else while a text field has
    /// keyboard focus (single keys, Ctrl+A, Ctrl+D): it is only dispatched
    /// when no text field is being edited.
    pub fn yields_to_text_field(self) -> bool {
        let single_key = self
            .shortcut()
            .is_some_and(|s| s.modifiers == Modifiers::NONE);
        single_key
            || matches!(
                self,
                Command::SelectAll
                    | Command::Duplicate
                    | Command::Cut
                    | Command::Copy
                    | Command::Paste
                    | Command::Delete
                    | Command::Find
            )
    }

    /// Commands that act on the map of the selected workflow.
    pub fn is_map_command(self) -> bool {
        matches!(
            self,
            Command::ExportImage
                | Command::NewWorkflowFromList
                | Command::Cut
                | Command::Copy
                | Command::Paste
                | Command::Duplicate
                | Command::Delete
                | Command::SelectAll
                | Command::Rename
                | Command::AppendStep
                | Command::TidyUp
                | Command::ZoomToFit
                | Command::ZoomToSelection
                | Command::ZoomReset
                | Command::ToggleSnap
                | Command::ToggleMinimap
                | Command::Find
        )
    }

    /// Every (shortcut, command) pair, most specific modifiers first, so that
    /// Ctrl+Shift+Z is matched before Ctrl+Z.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
        let mut table: Vec<(KeyboardShortcut, Command)> = Self::ALL
            .iter()
            .flat_map(|&c| {
                c.shortcut()
                    .into_iter()
                    .chain(c.alt_shortcuts().iter().copied())
                    .map(move |s| (s, c))
            })
            .collect();
        let weight = |m: Modifiers| {
            u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl || m.mac_cmd)
        };
        table.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers)));
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            assert!(seen.insert(*c), "{c:?} listed twice");
            assert!(!c.label().is_empty());
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let table = Command::shortcut_table();
        for (i, (a, ca)) in table.iter().enumerate() {
            for (b, cb) in &table[i + 1..] {
                assert!(a != b, "{ca:?} and {cb:?} share a shortcut");
            }
        }
    }

    #[test]
    fn redo_is_matched_before_undo() {
        let table = Command::shortcut_table();
        let pos = |c: Command| table.iter().position(|(_, x)| *x == c);
        assert!(pos(Command::Redo) < pos(Command::Undo));
        assert!(pos(Command::SaveAs) < pos(Command::Save));
    }
}
