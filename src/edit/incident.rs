//! Incidents: what went wrong with a live automation, noted on its step (in
//! the plan's roadmap, oldest first). Each change is one `Edit::SetRoadmap`,
//! so `apply` checks its texts against the limits and undo brings the list
//! back as it was.

use super::{Edit, EditError};
use crate::model::{Incident, Plan};

/// Add `incident`, after the incidents dated the same day or earlier.
pub fn add(plan: &Plan, incident: Incident) -> Result<Edit, EditError> {
    if plan.find_step(incident.step).is_none() {
        return Err(EditError::NoStep(incident.step));
    }
    let mut roadmap = plan.roadmap.clone();
    let at = roadmap
        .incidents
        .iter()
        .rposition(|i| i.date.trim() <= incident.date.trim())
        .map_or(0, |i| i + 1);
    roadmap.incidents.insert(at, incident);
    Ok(Edit::SetRoadmap(roadmap))
}

/// Put a new version of the incident at `index` (its place in the list).
pub fn set(plan: &Plan, index: usize, incident: Incident) -> Result<Edit, EditError> {
    let mut roadmap = plan.roadmap.clone();
    let slot = roadmap
        .incidents
        .get_mut(index)
        .ok_or(EditError::NoIncident(index))?;
    *slot = incident;
    Ok(Edit::SetRoadmap(roadmap))
}

/// Delete the incident at `index`.
pub fn remove(plan: &Plan, index: usize) -> Result<Edit, EditError> {
    let mut roadmap = plan.roadmap.clone();
    if index >= roadmap.incidents.len() {
        return Err(EditError::NoIncident(index));
    }
    roadmap.incidents.remove(index);
    Ok(Edit::SetRoadmap(roadmap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Document, apply};
    use crate::model::limits::MAX_TEXT_CHARS;
    use crate::model::{FailureCase, Pos, Step, StepId, StepKind, Workflow, WorkflowId};

    fn plan() -> Plan {
        let mut p = Plan::new("Shop");
        let mut w = Workflow {
            id: WorkflowId(1),
            ..Workflow::default()
        };
        w.steps.push(Step::new(
            StepId(1),
            StepKind::Task,
            "Send confirmation",
            Pos::new(0.0, 0.0),
        ));
        p.workflows.push(w);
        p
    }

    fn incident(date: &str) -> Incident {
        Incident {
            step: StepId(1),
            date: date.into(),
            note: "Sent twice".into(),
            case: Some(FailureCase::RunsTwice),
            plan_held: true,
        }
    }

    #[test]
    fn add_edit_and_delete_are_one_undo_step_each() {
        let mut doc = Document::new(plan());
        let edit = add(doc.plan(), incident("2026-03-02")).unwrap();
        doc.apply("Add incident", edit).unwrap();
        let earlier = add(doc.plan(), incident("2026-03-01")).unwrap();
        doc.apply("Add incident", earlier).unwrap();
        let dates: Vec<&str> = doc
            .plan()
            .roadmap
            .incidents
            .iter()
            .map(|i| i.date.as_str())
            .collect();
        assert_eq!(dates, ["2026-03-01", "2026-03-02"], "oldest first");

        let mut changed = incident("2026-03-02");
        changed.plan_held = false;
        let edit = set(doc.plan(), 1, changed.clone()).unwrap();
        doc.apply("Change incident", edit).unwrap();
        assert_eq!(doc.plan().roadmap.incidents[1], changed);
        let edit = remove(doc.plan(), 0).unwrap();
        doc.apply("Delete incident", edit).unwrap();
        assert_eq!(doc.plan().roadmap.incidents, vec![changed]);

        assert_eq!(doc.undo_len(), 4);
        for _ in 0..4 {
            doc.undo();
        }
        assert!(doc.plan().roadmap.incidents.is_empty());
    }

    #[test]
    fn an_unknown_step_or_place_or_an_overlong_note_is_refused() {
        let mut p = plan();
        let mut stray = incident("2026-03-02");
        stray.step = StepId(9);
        assert_eq!(add(&p, stray), Err(EditError::NoStep(StepId(9))));
        assert_eq!(
            set(&p, 0, incident("2026-03-02")),
            Err(EditError::NoIncident(0))
        );
        assert_eq!(remove(&p, 3), Err(EditError::NoIncident(3)));

        let mut long = incident("2026-03-02");
        long.note = "x".repeat(MAX_TEXT_CHARS + 1);
        let edit = add(&p, long).unwrap();
        let before = p.clone();
        assert!(matches!(apply(&mut p, edit), Err(EditError::Limit(_))));
        assert_eq!(p, before);
    }
}
