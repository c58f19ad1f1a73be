//! Running commands: from the menus, buttons, context menus, the palette and
//! the keyboard alike, and the workflow operations behind them.

use crate::edit::Edit;
use crate::model::{StepId, Tag, Workflow, WorkflowId};
use crate::ui::UiAction;
use crate::ui::commands::{Command, CommandState};
use crate::ui::file_dialog::DialogSpec;
use crate::ui::inspector::InspectorState;

use super::{AutomapApp, FilePurpose, Modal, Pending, Tab};

impl AutomapApp {
    /// What the commands' enabled rules look at, as the window is now.
    pub(super) fn command_state(&self) -> CommandState {
        let plan = self.doc.plan();
        let sel = self.canvas.selection();
        CommandState {
            workflow: self
                .workflow
                .and_then(|id| plan.workflow_index(id))
                .map(|i| (i, plan.workflows.len())),
            has_selection: !sel.steps.is_empty() || sel.link.is_some(),
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
        }
    }

    /// Can the command run now?
    pub(super) fn enabled(&self, cmd: Command) -> bool {
        cmd.enabled(&self.command_state())
    }

    /// Run a command from a menu, a button or a key.
    pub fn execute(&mut self, ctx: &egui::Context, cmd: Command) {
        if !self.enabled(cmd) {
            return;
        }
        match cmd {
            Command::NewPlan => self.guard(ctx, Pending::NewPlan),
            Command::NewFromTemplate => self.modal = Some(Modal::Templates { choice: 0 }),
            Command::Import => self.ask_import(ctx),
            Command::Open => self.guard(ctx, Pending::Open(None)),
            Command::Save => {
                self.save(ctx, None);
            }
            Command::SaveAs => self.save_as(ctx, None),
            Command::ExportMarkdown => {
                let spec = DialogSpec::save(
                    "Export plan as Markdown",
                    "Markdown",
                    "md",
                    &format!("{}.md", self.default_file_name()),
                )
                .in_dir(self.file_dir());
                self.dialogs.request(ctx, FilePurpose::ExportMarkdown, spec);
            }
            Command::Quit => self.guard(ctx, Pending::Quit),
            Command::Palette => self.palette.open(),
            Command::ExportImage => self.start_export_image(),
            Command::CompareWith => {
                self.compare.get_or_insert_with(Default::default);
            }
            Command::TagAutomate => self.tag_selection(Tag::Automate),
            Command::TagKeepManual => self.tag_selection(Tag::KeepManual),
            Command::TagUndecided => self.tag_selection(Tag::Undecided),
            Command::AcceptSuggestions => self.accept_suggestions(),
            Command::NewWorkflowFromList => {
                self.modal = Some(Modal::FromList {
                    name: "New workflow".to_owned(),
                    text: String::new(),
                });
            }
            Command::Undo => {
                self.inspector = InspectorState::default();
                match self.doc.undo() {
                    Some(label) => self.notice(format!("Undid: {label}")),
                    None => self.notice("Nothing to undo"),
                }
                self.fix_selection();
            }
            Command::Redo => {
                self.inspector = InspectorState::default();
                match self.doc.redo() {
                    Some(label) => self.notice(format!("Redid: {label}")),
                    None => self.notice("Nothing to redo"),
                }
                self.fix_selection();
            }
            Command::AddWorkflow => self.add_workflow(),
            Command::DuplicateWorkflow => self.duplicate_workflow(),
            Command::DeleteWorkflow => self.delete_workflow(),
            Command::RenameWorkflow => {
                if let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id)) {
                    self.modal = Some(Modal::RenameWorkflow {
                        id: w.id,
                        name: w.name.clone(),
                        description: w.description.clone(),
                        focus: true,
                    });
                }
            }
            Command::MoveWorkflowUp | Command::MoveWorkflowDown => {
                if let Some(id) = self.workflow
                    && let Some(i) = self.doc.plan().workflow_index(id)
                {
                    let to = if cmd == Command::MoveWorkflowUp {
                        i.saturating_sub(1)
                    } else {
                        i + 1
                    };
                    self.apply("Move workflow", Edit::MoveWorkflow { id, to });
                }
            }
            Command::ShowMap => self.tab = Tab::Map,
            Command::ShowReview => self.tab = Tab::Review,
            Command::ShowRoadmap => self.tab = Tab::Roadmap,
            Command::ShowTools => self.tab = Tab::Tools,
            Command::ToggleFindings => {
                self.settings.show_findings = !self.settings.show_findings;
            }
            // Everything else happens on the map.
            other => self.map_command(other),
        }
    }

    /// Apply an edit; a refusal is reported in the status bar at the end of
    /// the frame, like every other edit's.
    pub(super) fn apply(&mut self, label: &str, edit: Edit) -> bool {
        self.doc.apply(label, edit).is_ok()
    }

    /// Keep the selected workflow pointing at one that exists (the canvas
    /// keeps its own selection in step with the plan).
    pub(super) fn fix_selection(&mut self) {
        let plan = self.doc.plan();
        if self.workflow.and_then(|id| plan.workflow(id)).is_none() {
            self.workflow = plan.workflows.first().map(|w| w.id);
        }
    }

    pub(super) fn select_workflow(&mut self, id: WorkflowId) {
        if self.workflow != Some(id) {
            self.workflow = Some(id);
        }
    }

    pub(super) fn add_workflow(&mut self) {
        let plan = self.doc.plan();
        let id = plan.next_workflow_id();
        let mut n = plan.workflows.len() + 1;
        let mut name = format!("Workflow {n}");
        while plan.workflows.iter().any(|w| w.name == name) {
            n += 1;
            name = format!("Workflow {n}");
        }
        let index = self
            .workflow
            .and_then(|w| plan.workflow_index(w))
            .map_or(plan.workflows.len(), |i| i + 1);
        let workflow = Workflow {
            id,
            name: name.clone(),
            ..Workflow::default()
        };
        if self.apply("Add workflow", Edit::InsertWorkflow { index, workflow }) {
            self.select_workflow(id);
            self.modal = Some(Modal::RenameWorkflow {
                id,
                name,
                description: String::new(),
                focus: true,
            });
        }
    }

    pub(super) fn duplicate_workflow(&mut self) {
        let Some(src) = self.workflow else {
            return;
        };
        match crate::edit::duplicate_workflow(self.doc.plan(), src) {
            Ok(copy) => {
                if self.apply("Duplicate workflow", copy.edit) {
                    self.select_workflow(copy.id);
                    self.notice(format!("Added \"{}\"", copy.name));
                }
            }
            Err(e) => self.error(format!("Duplicate workflow: {e}")),
        }
    }

    pub(super) fn delete_workflow(&mut self) {
        let Some(id) = self.workflow else { return };
        let plan = self.doc.plan();
        let Some(i) = plan.workflow_index(id) else {
            return;
        };
        let name = plan
            .workflows
            .get(i)
            .map(|w| w.name.clone())
            .unwrap_or_default();
        let next = plan
            .workflows
            .get(i + 1)
            .or_else(|| i.checked_sub(1).and_then(|j| plan.workflows.get(j)))
            .map(|w| w.id);
        if self.apply("Delete workflow", Edit::RemoveWorkflow { id }) {
            self.workflow = next;
            self.notice(format!("Deleted \"{name}\" (Undo brings it back)"));
        }
    }

    /// Give the selected steps `tag`, as one undo step.
    fn tag_selection(&mut self, tag: Tag) {
        let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id)) else {
            return;
        };
        let ids: Vec<StepId> = self.canvas.selection().steps.iter().copied().collect();
        match crate::edit::tag::set_tags(w, ids.iter().map(|id| (*id, tag))) {
            Some(edit) => {
                let label = format!("Tag {}", tag.label());
                self.apply(&label, edit);
            }
            None => self.notice(format!(
                "Nothing to tag: the selection is already {} or has only triggers and ends.",
                tag.label()
            )),
        }
    }

    /// Give every undecided step of the selection (or, with nothing
    /// selected, of the workflow) the tag the method suggests, as one undo step.
    fn accept_suggestions(&mut self) {
        self.refresh_analysis();
        let Some(w) = self.workflow.and_then(|id| self.doc.plan().workflow(id)) else {
            return;
        };
        let selected = &self.canvas.selection().steps;
        let changes: Vec<(StepId, Tag)> = w
            .steps
            .iter()
            .filter(|s| selected.is_empty() || selected.contains(&s.id))
            .filter(|s| s.tag == Tag::Undecided)
            .filter_map(|s| {
                let t = self.derived.analysis().step(s.id)?.suggested_tag;
                (t != Tag::Undecided).then_some((s.id, t))
            })
            .collect();
        let n = changes.len();
        match crate::edit::tag::set_tags(w, changes) {
            Some(edit) => {
                if self.apply("Accept suggestions", edit) {
                    self.notice(format!(
                        "Tagged {} as the method suggests.",
                        crate::ui::counted(n, "step", "steps")
                    ));
                }
            }
            None => self.notice("No undecided step has a suggestion to accept."),
        }
    }

    /// Commands that belong to the map of the selected workflow.
    pub(super) fn map_command(&mut self, cmd: Command) {
        let Some(wf) = self.workflow else { return };
        self.tab = Tab::Map;
        if !self.canvas.execute(cmd, &mut self.doc, wf) {
            self.notice(format!("{} is not available here.", cmd.label()));
        }
    }

    /// Handle a request from a view.
    pub(super) fn handle_action(&mut self, ctx: &egui::Context, action: UiAction) {
        match action {
            UiAction::Command(cmd) => self.execute(ctx, cmd),
            UiAction::ShowStep { workflow, step } => self.show_step(workflow, step),
        }
    }

    /// Switch to the map of `workflow`, select `step` and centre it.
    pub fn show_step(&mut self, workflow: WorkflowId, step: StepId) {
        if self.doc.plan().workflow(workflow).is_none() {
            return;
        }
        self.tab = Tab::Map;
        self.workflow = Some(workflow);
        self.canvas.select_and_center(workflow, &[step]);
    }

    /// Keyboard shortcuts from the command list. Keys that mean something in
    /// a text field wait while one has focus.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if self.modal.is_some() || self.palette.is_open() || self.dialogs.path_field_open() {
            return Vec::new();
        }
        let typing = ctx.text_edit_focused();
        let on_map = self.tab == Tab::Map;
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for (shortcut, cmd) in Command::shortcut_table() {
                if typing && cmd.yields_to_text_field() {
                    continue;
                }
                // Single keys (Delete, F, G, M, F2) belong to the map, which
                // takes them while it has the pointer or focus.
                if shortcut.modifiers == egui::Modifiers::NONE {
                    continue;
                }
                if cmd.is_map_command() && !on_map {
                    continue;
                }
                if i.consume_shortcut(&shortcut) {
                    fired.push(cmd);
                }
            }
        });
        fired
    }
}
