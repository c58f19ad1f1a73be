//! Every change to a plan is an [`Edit`] value applied by [`apply`], which
//! returns the edit that undoes it. [`apply`] refuses an edit that would break
//! a domain limit (`model::limits`), whichever view sends it. [`Document`]
//! keeps the plan with its undo/redo history, a revision counter for caches
//! and the gesture ids that merge edits into one undo step.

mod history;
pub mod incident;
pub mod lanes;
pub mod layout;
pub mod paste;
pub mod tag;
mod workflow;

pub use history::{Document, GestureId};
pub use workflow::{WorkflowCopy, copy_workflow, duplicate_workflow};

use crate::model::limits::{self, LimitError};
use crate::model::{
    BusinessProfile, Lanes, Link, MethodSettings, Plan, Pos, Roadmap, Step, StepId, Tool, Workflow,
    WorkflowId,
};
use thiserror::Error;

/// One change to a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetPlanName(String),
    SetProfile(BusinessProfile),
    SetMethod(MethodSettings),
    SetRoadmap(Roadmap),
    SetTools(Vec<Tool>),
    /// Insert a workflow at `index` in the list.
    InsertWorkflow {
        index: usize,
        workflow: Workflow,
    },
    RemoveWorkflow {
        id: WorkflowId,
    },
    /// Move a workflow to position `to` in the list.
    MoveWorkflow {
        id: WorkflowId,
        to: usize,
    },
    SetWorkflowInfo {
        id: WorkflowId,
        name: String,
        description: String,
    },
    /// Insert steps and links. Each comes with the index it takes in its list
    /// (`None`: at the end); entries are applied in order.
    InsertSteps {
        wf: WorkflowId,
        steps: Vec<(Option<usize>, Step)>,
        links: Vec<(Option<usize>, Link)>,
    },
    /// Remove steps with every link touching them.
    RemoveSteps {
        wf: WorkflowId,
        ids: Vec<StepId>,
    },
    /// Put steps at new positions.
    SetPositions {
        wf: WorkflowId,
        positions: Vec<(StepId, Pos)>,
    },
    /// Replace a step (found by its id) with a new version of it.
    SetStep {
        wf: WorkflowId,
        step: Box<Step>,
    },
    InsertLink {
        wf: WorkflowId,
        index: Option<usize>,
        link: Link,
    },
    RemoveLink {
        wf: WorkflowId,
        from: StepId,
        to: StepId,
    },
    SetLinkLabel {
        wf: WorkflowId,
        from: StepId,
        to: StepId,
        label: String,
    },
    /// Show a workflow in lanes (by owner, by system or none), with their
    /// order and which are collapsed. See [`lanes`] for the gestures.
    SetLanes {
        wf: WorkflowId,
        lanes: Lanes,
    },
    /// Several edits as one; undone in reverse order.
    Batch(Vec<Edit>),
}

impl Edit {
    /// True for an edit that cannot change anything: moving, inserting or
    /// removing no steps, or a batch of such edits. [`Document`] records no
    /// undo step for it and the plan does not count as changed.
    pub fn changes_nothing(&self) -> bool {
        match self {
            Edit::SetPositions { positions, .. } => positions.is_empty(),
            Edit::InsertSteps { steps, links, .. } => steps.is_empty() && links.is_empty(),
            Edit::RemoveSteps { ids, .. } => ids.is_empty(),
            Edit::Batch(edits) => edits.iter().all(Edit::changes_nothing),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("there is no workflow with id {0}")]
    NoWorkflow(WorkflowId),
    #[error("there is no step with id {0}")]
    NoStep(StepId),
    #[error("a step with id {0} already exists")]
    DuplicateStep(StepId),
    #[error("there is no arrow from step {0} to step {1}")]
    NoLink(StepId, StepId),
    #[error("there is already an arrow from step {0} to step {1}")]
    DuplicateLink(StepId, StepId),
    #[error("a step cannot link to itself")]
    SelfLink,
    #[error("an arrow must join two steps of the same workflow")]
    LinkOutsideWorkflow,
    #[error("a workflow with id {0} already exists")]
    DuplicateWorkflow(WorkflowId),
    /// A text too long or a number out of range (see `model::limits`).
    #[error(transparent)]
    Limit(#[from] LimitError),
    #[error("the plan has no free step numbers left")]
    NoFreeIds,
    #[error("there is no incident number {}", .0 + 1)]
    NoIncident(usize),
}

fn wf_mut(plan: &mut Plan, id: WorkflowId) -> Result<&mut Workflow, EditError> {
    plan.workflow_mut(id).ok_or(EditError::NoWorkflow(id))
}

fn check_link(plan: &Plan, wf: &Workflow, link: &Link) -> Result<(), EditError> {
    if link.from == link.to {
        return Err(EditError::SelfLink);
    }
    for id in [link.from, link.to] {
        if wf.step(id).is_none() {
            return Err(if plan.find_step(id).is_some() {
                EditError::LinkOutsideWorkflow
            } else {
                EditError::NoStep(id)
            });
        }
    }
    if wf.link_index(link.from, link.to).is_some() {
        return Err(EditError::DuplicateLink(link.from, link.to));
    }
    Ok(())
}

/// Check that an edit can be applied, without changing the plan.
/// Batches pass here: [`apply`] checks each member as it goes and rolls the
/// batch back when one fails.
fn validate(plan: &Plan, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetPlanName(_)
        | Edit::SetProfile(_)
        | Edit::SetMethod(_)
        | Edit::SetRoadmap(_)
        | Edit::SetTools(_)
        | Edit::Batch(_) => Ok(()),
        Edit::InsertWorkflow { workflow, .. } => {
            if plan.workflow(workflow.id).is_some() {
                return Err(EditError::DuplicateWorkflow(workflow.id));
            }
            for s in &workflow.steps {
                if plan.find_step(s.id).is_some() {
                    return Err(EditError::DuplicateStep(s.id));
                }
            }
            Ok(())
        }
        Edit::RemoveWorkflow { id }
        | Edit::MoveWorkflow { id, .. }
        | Edit::SetWorkflowInfo { id, .. }
        | Edit::SetLanes { wf: id, .. } => plan
            .workflow(*id)
            .map(|_| ())
            .ok_or(EditError::NoWorkflow(*id)),
        Edit::InsertSteps { wf, steps, links } => {
            let w = plan.workflow(*wf).ok_or(EditError::NoWorkflow(*wf))?;
            let mut new_ids = std::collections::HashSet::new();
            for (_, s) in steps {
                if plan.find_step(s.id).is_some() || !new_ids.insert(s.id) {
                    return Err(EditError::DuplicateStep(s.id));
                }
            }
            let mut pairs = std::collections::HashSet::new();
            for (_, l) in links {
                if l.from == l.to {
                    return Err(EditError::SelfLink);
                }
                for id in [l.from, l.to] {
                    if w.step(id).is_none() && !new_ids.contains(&id) {
                        return Err(EditError::NoStep(id));
                    }
                }
                if w.link_index(l.from, l.to).is_some() || !pairs.insert((l.from, l.to)) {
                    return Err(EditError::DuplicateLink(l.from, l.to));
                }
            }
            Ok(())
        }
        Edit::RemoveSteps { wf, ids } => {
            let w = plan.workflow(*wf).ok_or(EditError::NoWorkflow(*wf))?;
            for id in ids {
                w.step(*id).ok_or(EditError::NoStep(*id))?;
            }
            Ok(())
        }
        Edit::SetPositions { wf, positions } => {
            let w = plan.workflow(*wf).ok_or(EditError::NoWorkflow(*wf))?;
            for (id, _) in positions {
                w.step(*id).ok_or(EditError::NoStep(*id))?;
            }
            Ok(())
        }
        Edit::SetStep { wf, step } => {
            let w = plan.workflow(*wf).ok_or(EditError::NoWorkflow(*wf))?;
            w.step(step.id)
                .map(|_| ())
                .ok_or(EditError::NoStep(step.id))
        }
        Edit::InsertLink { wf, link, .. } => {
            let w = plan.workflow(*wf).ok_or(EditError::NoWorkflow(*wf))?;
            check_link(plan, w, link)
        }
        Edit::RemoveLink { wf, from, to } | Edit::SetLinkLabel { wf, from, to, .. } => {
            let w = plan.workflow(*wf).ok_or(EditError::NoWorkflow(*wf))?;
            w.link_index(*from, *to)
                .map(|_| ())
                .ok_or(EditError::NoLink(*from, *to))
        }
    }
}

/// Check that an edit brings no value beyond a domain limit into the plan.
/// Values it leaves as they are pass, so a plan read from an older file with
/// a longer title can still be edited.
fn check_limits(plan: &Plan, edit: &Edit) -> Result<(), LimitError> {
    match edit {
        Edit::SetPlanName(name) => limits::check_plan_name(name, &plan.name),
        Edit::SetProfile(p) => limits::check_profile(p, &plan.profile),
        Edit::SetMethod(m) => limits::check_method(m, &plan.method),
        Edit::SetRoadmap(r) => limits::check_roadmap(r, &plan.roadmap),
        Edit::SetTools(t) => limits::check_tools(t, &plan.tools),
        Edit::InsertWorkflow { workflow, .. } => {
            limits::check_workflow_info(&workflow.name, &workflow.description, None)?;
            for s in &workflow.steps {
                limits::check_step(s, None)?;
            }
            workflow.links.iter().try_for_each(limits::check_link)
        }
        Edit::SetWorkflowInfo {
            id,
            name,
            description,
        } => limits::check_workflow_info(
            name,
            description,
            plan.workflow(*id)
                .map(|w| (w.name.as_str(), w.description.as_str())),
        ),
        Edit::InsertSteps { steps, links, .. } => {
            for (_, s) in steps {
                limits::check_step(s, None)?;
            }
            links.iter().try_for_each(|(_, l)| limits::check_link(l))
        }
        Edit::SetPositions { wf, positions } => {
            let w = plan.workflow(*wf);
            for (id, pos) in positions {
                if !(limits::coordinate_ok(pos.x) && limits::coordinate_ok(pos.y)) {
                    let title = w.and_then(|w| w.step(*id)).map(|s| s.title.as_str());
                    let what = match title {
                        Some(t) if !t.trim().is_empty() => format!(
                            "the position of step \"{}\"",
                            limits::clamp_chars(t.trim(), 40)
                        ),
                        _ => format!("the position of step {id}"),
                    };
                    limits::check_position(&what, *pos)?;
                }
            }
            Ok(())
        }
        Edit::SetStep { wf, step } => {
            limits::check_step(step, plan.workflow(*wf).and_then(|w| w.step(step.id)))
        }
        Edit::InsertLink { link, .. } => limits::check_link(link),
        Edit::SetLanes { lanes, .. } => limits::check_lanes(lanes),
        Edit::SetLinkLabel {
            wf,
            from,
            to,
            label,
        } => limits::check_link_label(
            label,
            plan.workflow(*wf)
                .and_then(|w| w.link_index(*from, *to).and_then(|i| w.links.get(i)))
                .map(|l| l.label.as_str()),
        ),
        Edit::RemoveWorkflow { .. }
        | Edit::MoveWorkflow { .. }
        | Edit::RemoveSteps { .. }
        | Edit::RemoveLink { .. }
        | Edit::Batch(_) => Ok(()),
    }
}

/// Whether [`apply_with`] checks the domain limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// Every edit from a view: ids, arrows and limits.
    All,
    /// Undo, redo and rollback put back values the plan held before: ids and
    /// arrows are checked, limits are not (an older file may hold a longer title).
    Restore,
}

/// Apply one edit. On success the plan is changed and the edit that undoes it
/// is returned; on error (a missing step, a text too long, a number out of
/// range, …) the plan is unchanged.
pub fn apply(plan: &mut Plan, edit: Edit) -> Result<Edit, EditError> {
    apply_with(plan, edit, Checks::All)
}

/// Apply an edit recorded by the history (undo, redo): the values it brings
/// back were in the plan before, so the domain limits are not checked again.
pub(crate) fn restore(plan: &mut Plan, edit: Edit) -> Result<Edit, EditError> {
    apply_with(plan, edit, Checks::Restore)
}

fn apply_with(plan: &mut Plan, edit: Edit, checks: Checks) -> Result<Edit, EditError> {
    validate(plan, &edit)?;
    if checks == Checks::All {
        check_limits(plan, &edit)?;
    }
    Ok(match edit {
        Edit::SetPlanName(name) => Edit::SetPlanName(std::mem::replace(&mut plan.name, name)),
        Edit::SetProfile(p) => Edit::SetProfile(std::mem::replace(&mut plan.profile, p)),
        Edit::SetMethod(m) => Edit::SetMethod(std::mem::replace(&mut plan.method, m)),
        Edit::SetRoadmap(r) => Edit::SetRoadmap(std::mem::replace(&mut plan.roadmap, r)),
        Edit::SetTools(t) => Edit::SetTools(std::mem::replace(&mut plan.tools, t)),
        Edit::InsertWorkflow { index, workflow } => {
            let id = workflow.id;
            let index = index.min(plan.workflows.len());
            plan.workflows.insert(index, workflow);
            Edit::RemoveWorkflow { id }
        }
        Edit::RemoveWorkflow { id } => {
            let index = plan.workflow_index(id).ok_or(EditError::NoWorkflow(id))?;
            let workflow = plan.workflows.remove(index);
            Edit::InsertWorkflow { index, workflow }
        }
        Edit::MoveWorkflow { id, to } => {
            let from = plan.workflow_index(id).ok_or(EditError::NoWorkflow(id))?;
            let w = plan.workflows.remove(from);
            let to = to.min(plan.workflows.len());
            plan.workflows.insert(to, w);
            Edit::MoveWorkflow { id, to: from }
        }
        Edit::SetWorkflowInfo {
            id,
            name,
            description,
        } => {
            let w = wf_mut(plan, id)?;
            Edit::SetWorkflowInfo {
                id,
                name: std::mem::replace(&mut w.name, name),
                description: std::mem::replace(&mut w.description, description),
            }
        }
        Edit::InsertSteps { wf, steps, links } => {
            let w = wf_mut(plan, wf)?;
            let ids: Vec<StepId> = steps.iter().map(|(_, s)| s.id).collect();
            for (index, step) in steps {
                let i = index.unwrap_or(w.steps.len()).min(w.steps.len());
                w.steps.insert(i, step);
            }
            let mut removed_links = Vec::new();
            for (index, link) in links {
                let i = index.unwrap_or(w.links.len()).min(w.links.len());
                // Links between existing steps must be removed one by one on undo.
                if !ids.contains(&link.from) && !ids.contains(&link.to) {
                    removed_links.push(Edit::RemoveLink {
                        wf,
                        from: link.from,
                        to: link.to,
                    });
                }
                w.links.insert(i, link);
            }
            let remove = Edit::RemoveSteps { wf, ids };
            if removed_links.is_empty() {
                remove
            } else {
                removed_links.reverse();
                removed_links.insert(0, remove);
                Edit::Batch(removed_links)
            }
        }
        Edit::RemoveSteps { wf, ids } => {
            let w = wf_mut(plan, wf)?;
            let gone: std::collections::HashSet<StepId> = ids.into_iter().collect();
            let mut steps = Vec::new();
            let mut kept_steps = Vec::with_capacity(w.steps.len());
            for (i, s) in std::mem::take(&mut w.steps).into_iter().enumerate() {
                if gone.contains(&s.id) {
                    steps.push((Some(i), s));
                } else {
                    kept_steps.push(s);
                }
            }
            w.steps = kept_steps;
            let mut links = Vec::new();
            let mut kept_links = Vec::with_capacity(w.links.len());
            for (i, l) in std::mem::take(&mut w.links).into_iter().enumerate() {
                if gone.contains(&l.from) || gone.contains(&l.to) {
                    links.push((Some(i), l));
                } else {
                    kept_links.push(l);
                }
            }
            w.links = kept_links;
            Edit::InsertSteps { wf, steps, links }
        }
        Edit::SetPositions { wf, positions } => {
            let w = wf_mut(plan, wf)?;
            let mut old = Vec::with_capacity(positions.len());
            // Index once so large selections stay linear.
            let index: std::collections::HashMap<StepId, usize> =
                w.steps.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
            for (id, pos) in positions.into_iter().rev() {
                let i = *index.get(&id).ok_or(EditError::NoStep(id))?;
                old.push((id, std::mem::replace(&mut w.steps[i].pos, pos)));
            }
            Edit::SetPositions { wf, positions: old }
        }
        Edit::SetStep { wf, step } => {
            let w = wf_mut(plan, wf)?;
            let slot = w.step_mut(step.id).ok_or(EditError::NoStep(step.id))?;
            let old = std::mem::replace(slot, *step);
            Edit::SetStep {
                wf,
                step: Box::new(old),
            }
        }
        Edit::InsertLink { wf, index, link } => {
            let w = wf_mut(plan, wf)?;
            let (from, to) = (link.from, link.to);
            let i = index.unwrap_or(w.links.len()).min(w.links.len());
            w.links.insert(i, link);
            Edit::RemoveLink { wf, from, to }
        }
        Edit::RemoveLink { wf, from, to } => {
            let w = wf_mut(plan, wf)?;
            let i = w.link_index(from, to).ok_or(EditError::NoLink(from, to))?;
            let link = w.links.remove(i);
            Edit::InsertLink {
                wf,
                index: Some(i),
                link,
            }
        }
        Edit::SetLinkLabel {
            wf,
            from,
            to,
            label,
        } => {
            let w = wf_mut(plan, wf)?;
            let i = w.link_index(from, to).ok_or(EditError::NoLink(from, to))?;
            Edit::SetLinkLabel {
                wf,
                from,
                to,
                label: std::mem::replace(&mut w.links[i].label, label),
            }
        }
        Edit::SetLanes { wf, lanes } => {
            let w = wf_mut(plan, wf)?;
            Edit::SetLanes {
                wf,
                lanes: std::mem::replace(&mut w.lanes, lanes),
            }
        }
        Edit::Batch(edits) => {
            let mut undo = Vec::with_capacity(edits.len());
            for e in edits {
                match apply_with(plan, e, checks) {
                    Ok(inv) => undo.push(inv),
                    Err(err) => {
                        // Roll back what this batch already did. The inverses
                        // were made by this very plan, so they apply.
                        for inv in undo.into_iter().rev() {
                            if let Err(e) = restore(plan, inv) {
                                log::error!("rolling back a refused batch failed: {e}");
                            }
                        }
                        return Err(err);
                    }
                }
            }
            undo.reverse();
            Edit::Batch(undo)
        }
    })
}

#[cfg(test)]
mod tests;
