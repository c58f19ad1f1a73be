//! One list of commands for menus, buttons, context menus and keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::{EnumIter, IntoEnumIterator};

/// Everything a user can do by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum Command {
    /// Search every command by name and run it.
    Palette,
    // File
    NewPlan,
    NewFromTemplate,
    Open,
    Save,
    SaveAs,
    ExportMarkdown,
    ExportImage,
    CompareWith,
    NewWorkflowFromList,
    Import,
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
    // Tags
    TagAutomate,
    TagKeepManual,
    TagUndecided,
    AcceptSuggestions,
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

/// Where a command acts, which decides when it can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The window and the plan as a whole.
    App,
    /// The selected workflow.
    Workflow,
    /// The map of the selected workflow.
    Map,
    /// The selected steps on the map.
    Selection,
}

/// What the enabled rules look at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommandState {
    /// The selected workflow's place in the list, and the list's length.
    pub workflow: Option<(usize, usize)>,
    pub has_selection: bool,
    pub can_undo: bool,
    pub can_redo: bool,
}

const fn ks(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl Command {
    /// Menu and button text.
    pub fn label(self) -> &'static str {
        match self {
            Command::Palette => "Command palette…",
            Command::NewPlan => "New plan",
            Command::NewFromTemplate => "New from template…",
            Command::Import => "Import…",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::ExportMarkdown => "Export Markdown…",
            Command::ExportImage => "Export image…",
            Command::CompareWith => "Compare with…",
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
            Command::TagAutomate => "Tag: automate",
            Command::TagKeepManual => "Tag: keep manual",
            Command::TagUndecided => "Tag: undecided",
            Command::AcceptSuggestions => "Accept suggestions",
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
            Command::Palette => ks(cmd, Key::K),
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
            Command::ToggleMinimap => ks(Modifiers::SHIFT, Key::M),
            Command::TagAutomate => ks(Modifiers::NONE, Key::A),
            Command::TagKeepManual => ks(Modifiers::NONE, Key::M),
            Command::TagUndecided => ks(Modifiers::NONE, Key::U),
            Command::AcceptSuggestions => ks(Modifiers::SHIFT, Key::A),
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
        const PALETTE_P: KeyboardShortcut = ks(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
        const BACKSPACE: KeyboardShortcut = ks(Modifiers::NONE, Key::Backspace);
        match self {
            Command::Redo => &[REDO_Y],
            Command::Palette => &[PALETTE_P],
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

    /// A menu or list button for the command, with its shortcut beside it
    /// when it has one (`selected`: a button that shows an on/off state).
    pub fn button<'a>(
        self,
        ctx: &egui::Context,
        text: impl Into<egui::WidgetText>,
        selected: Option<bool>,
    ) -> egui::Button<'a> {
        let b = match selected {
            Some(on) => egui::Button::selectable(on, text),
            None => egui::Button::new(text),
        };
        let shortcut = self.shortcut_text(ctx);
        if shortcut.is_empty() {
            b
        } else {
            b.shortcut_text(shortcut)
        }
    }

    /// True when the shortcut means something else while a text field has
    /// keyboard focus (single keys, Ctrl+A, Ctrl+D): it is only dispatched
    /// when no text field is being edited.
    pub fn yields_to_text_field(self) -> bool {
        // A key alone, or with Shift, types a character.
        let single_key = self
            .shortcut()
            .is_some_and(|s| s.modifiers == Modifiers::NONE || s.modifiers == Modifiers::SHIFT);
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

    /// Where the command acts.
    pub fn scope(self) -> Scope {
        match self {
            Command::Cut
            | Command::Copy
            | Command::Duplicate
            | Command::Delete
            | Command::Rename
            | Command::AppendStep
            | Command::TagAutomate
            | Command::TagKeepManual
            | Command::TagUndecided
            | Command::ZoomToSelection => Scope::Selection,
            Command::ExportImage
            | Command::AcceptSuggestions
            | Command::NewWorkflowFromList
            | Command::Paste
            | Command::SelectAll
            | Command::TidyUp
            | Command::ZoomToFit
            | Command::ZoomReset
            | Command::ToggleSnap
            | Command::ToggleMinimap
            | Command::Find => Scope::Map,
            Command::DuplicateWorkflow
            | Command::DeleteWorkflow
            | Command::RenameWorkflow
            | Command::MoveWorkflowUp
            | Command::MoveWorkflowDown => Scope::Workflow,
            _ => Scope::App,
        }
    }

    /// Commands that act on the map of the selected workflow (and switch to it).
    pub fn is_map_command(self) -> bool {
        matches!(self.scope(), Scope::Map | Scope::Selection)
    }

    /// Can the command run in this state of the window?
    pub fn enabled(self, s: &CommandState) -> bool {
        let has_wf = s.workflow.is_some();
        match self {
            Command::Undo => s.can_undo,
            Command::Redo => s.can_redo,
            Command::MoveWorkflowUp => s.workflow.is_some_and(|(i, _)| i > 0),
            Command::MoveWorkflowDown => s.workflow.is_some_and(|(i, n)| i + 1 < n),
            _ => match self.scope() {
                Scope::App => true,
                Scope::Workflow | Scope::Map => has_wf,
                Scope::Selection => has_wf && s.has_selection,
            },
        }
    }

    /// The map listens for this command's keys while it has the pointer or
    /// the keyboard (single keys such as F, G, Delete and F2 only work there).
    pub fn map_takes_key(self) -> bool {
        self.is_map_command() && self.shortcut().is_some()
    }

    /// Every (shortcut, command) pair, most specific modifiers first, so that
    /// Ctrl+Shift+Z is matched before Ctrl+Z.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
        let mut table: Vec<(KeyboardShortcut, Command)> = Self::iter()
            .flat_map(|c| {
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
    fn every_command_has_its_own_label() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::iter() {
            assert!(!c.label().is_empty(), "{c:?} has no label");
            assert!(seen.insert(c.label()), "{c:?} shares its label");
        }
    }

    #[test]
    fn selection_commands_wait_for_a_selection() {
        let none = CommandState {
            workflow: Some((0, 2)),
            ..CommandState::default()
        };
        let some = CommandState {
            has_selection: true,
            ..none
        };
        assert!(!Command::Delete.enabled(&none));
        assert!(Command::Delete.enabled(&some));
        assert!(Command::TidyUp.enabled(&none));
        assert!(!Command::TidyUp.enabled(&CommandState::default()));
        assert!(!Command::MoveWorkflowUp.enabled(&none));
        assert!(Command::MoveWorkflowDown.enabled(&none));
        assert!(Command::Palette.enabled(&CommandState::default()));
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
