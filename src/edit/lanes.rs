//! The lane gestures, each one edit (one undo step): show lanes by owner or
//! system, move a lane up or down, fold it, rename it (which renames the owner
//! or system on every step of the lane), and move a step into another lane.

use super::{Edit, EditError};
use crate::model::limits::{self, MAX_TITLE_CHARS};
use crate::model::{LaneMode, Lanes, Pos, StepId, Workflow};

/// Show `wf` in lanes by `by` (or without lanes). `None` when it already is.
pub fn set_mode(wf: &Workflow, by: LaneMode) -> Option<Edit> {
    (wf.lanes.by != by).then(|| Edit::SetLanes {
        wf: wf.id,
        lanes: Lanes {
            by,
            ..wf.lanes.clone()
        },
    })
}

/// Move lane `name` one place up (`up`) or down. `None` at the end of the list
/// or when there is no such lane.
pub fn move_lane(wf: &Workflow, name: &str, up: bool) -> Option<Edit> {
    let mut names = wf.lanes.names(&wf.steps);
    let i = names.iter().position(|n| n == name)?;
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= names.len() {
        return None;
    }
    names.swap(i, j);
    Some(Edit::SetLanes {
        wf: wf.id,
        lanes: Lanes {
            order: names,
            ..wf.lanes.clone()
        },
    })
}

/// Fold lane `name` to its header, or open it again.
pub fn toggle_collapsed(wf: &Workflow, name: &str) -> Edit {
    let mut lanes = wf.lanes.clone();
    if lanes.is_collapsed(name) {
        lanes.collapsed.retain(|c| c.trim() != name);
    } else {
        lanes.collapsed.push(name.to_owned());
    }
    Edit::SetLanes { wf: wf.id, lanes }
}

/// Rename lane `old` to `new`: the owner (or system) of every step in it
/// becomes `new`, and the lane keeps its place and fold. Renaming onto an
/// existing lane merges the two. `None` when nothing would change.
pub fn rename_lane(wf: &Workflow, old: &str, new: &str) -> Result<Option<Edit>, EditError> {
    let by = wf.lanes.by;
    let new = new.trim();
    if by == LaneMode::None || old == new {
        return Ok(None);
    }
    limits::check_text("a lane name", new, MAX_TITLE_CHARS)?;
    let mut edits: Vec<Edit> = wf
        .steps
        .iter()
        .filter(|s| by.key(s) == old)
        .map(|s| Edit::SetStep {
            wf: wf.id,
            step: Box::new(by.assign(s, new)),
        })
        .collect();
    if edits.is_empty() {
        return Ok(None);
    }
    let mut lanes = wf.lanes.clone();
    let names = lanes.names(&wf.steps);
    let merged = names.iter().any(|n| n == new);
    lanes.order = names
        .into_iter()
        .filter(|n| !(merged && n == new))
        .map(|n| if n == old { new.to_owned() } else { n })
        .collect();
    let was_collapsed = lanes.is_collapsed(old);
    lanes.collapsed.retain(|c| c.trim() != old);
    if was_collapsed && !lanes.is_collapsed(new) {
        lanes.collapsed.push(new.to_owned());
    }
    edits.push(Edit::SetLanes { wf: wf.id, lanes });
    Ok(Some(Edit::Batch(edits)))
}

/// Put step `id` in lane `name` (its owner or system becomes `name`), or
/// `None` when it is there already. The canvas sends this in the same gesture
/// as the move that took the step there.
pub fn move_to_lane(wf: &Workflow, id: StepId, name: &str) -> Option<Edit> {
    let by = wf.lanes.by;
    let s = wf.step(id)?;
    if by == LaneMode::None || by.key(s) == name {
        return None;
    }
    Some(Edit::SetStep {
        wf: wf.id,
        step: Box::new(by.assign(s, name)),
    })
}

/// A move of steps together with their new lanes, as one edit.
pub fn move_steps_into_lanes(
    wf: &Workflow,
    positions: Vec<(StepId, Pos)>,
    lanes: &[(StepId, String)],
) -> Edit {
    // Lanes first: each lane change replaces the whole step, then the move
    // puts it where it was dropped.
    let mut edits: Vec<Edit> = lanes
        .iter()
        .filter_map(|(id, name)| move_to_lane(wf, *id, name))
        .collect();
    edits.push(Edit::SetPositions {
        wf: wf.id,
        positions,
    });
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::{Plan, Step, StepKind, WorkflowId};

    fn doc() -> Document {
        let mut plan = Plan::new("Lanes");
        let mut w = Workflow {
            id: WorkflowId(1),
            name: "Orders".into(),
            ..Workflow::default()
        };
        for (i, owner) in ["Sam", "Ana", "Sam", ""].iter().enumerate() {
            let mut s = Step::new(StepId(i as u32 + 1), StepKind::Task, "s", Pos::default());
            s.owner = (*owner).to_owned();
            s.system = "Shopify".into();
            w.steps.push(s);
        }
        plan.workflows.push(w);
        Document::new(plan)
    }

    fn wf(d: &Document) -> &Workflow {
        &d.plan().workflows[0]
    }

    #[test]
    fn lane_mode_move_and_fold_are_one_undo_step_each() {
        let mut d = doc();
        let e = set_mode(wf(&d), LaneMode::Owner).unwrap();
        d.apply("Lanes", e).unwrap();
        assert_eq!(wf(&d).lanes.names(&wf(&d).steps), ["Sam", "Ana", ""]);
        assert!(set_mode(wf(&d), LaneMode::Owner).is_none());
        d.apply("Up", move_lane(wf(&d), "Ana", true).unwrap())
            .unwrap();
        assert_eq!(wf(&d).lanes.names(&wf(&d).steps), ["Ana", "Sam", ""]);
        assert!(move_lane(wf(&d), "Ana", true).is_none());
        assert!(move_lane(wf(&d), "", false).is_none());
        d.apply("Fold", toggle_collapsed(wf(&d), "Sam")).unwrap();
        assert!(wf(&d).lanes.is_collapsed("Sam"));
        d.undo();
        assert!(!wf(&d).lanes.is_collapsed("Sam"));
        d.undo();
        assert_eq!(wf(&d).lanes.names(&wf(&d).steps), ["Sam", "Ana", ""]);
        d.undo();
        assert!(!wf(&d).lanes.is_on());
    }

    #[test]
    fn renaming_a_lane_renames_the_owner_on_all_its_steps_in_one_undo_step() {
        let mut d = doc();
        d.apply("Lanes", set_mode(wf(&d), LaneMode::Owner).unwrap())
            .unwrap();
        d.apply("Fold", toggle_collapsed(wf(&d), "Sam")).unwrap();
        let before = d.undo_len();
        let e = rename_lane(wf(&d), "Sam", "Samira").unwrap().unwrap();
        d.apply("Rename lane", e).unwrap();
        assert_eq!(d.undo_len(), before + 1);
        let owners: Vec<&str> = wf(&d).steps.iter().map(|s| s.owner.as_str()).collect();
        assert_eq!(owners, ["Samira", "Ana", "Samira", ""]);
        assert_eq!(wf(&d).lanes.names(&wf(&d).steps), ["Samira", "Ana", ""]);
        assert!(wf(&d).lanes.is_collapsed("Samira"));
        d.undo();
        let owners: Vec<&str> = wf(&d).steps.iter().map(|s| s.owner.as_str()).collect();
        assert_eq!(owners, ["Sam", "Ana", "Sam", ""]);
        assert!(wf(&d).lanes.is_collapsed("Sam"));
        // The unassigned lane can be named: its steps get that owner.
        let e = rename_lane(wf(&d), "", "Ana").unwrap().unwrap();
        d.apply("Rename lane", e).unwrap();
        assert_eq!(wf(&d).lanes.names(&wf(&d).steps), ["Sam", "Ana"]);
        assert!(rename_lane(wf(&d), "Ana", &"x".repeat(400)).is_err());
    }

    #[test]
    fn a_move_into_another_lane_changes_the_owner_and_undoes_with_the_move() {
        let mut d = doc();
        d.apply("Lanes", set_mode(wf(&d), LaneMode::System).unwrap())
            .unwrap();
        let e = move_steps_into_lanes(
            wf(&d),
            vec![(StepId(2), Pos::new(0.0, 300.0))],
            &[(StepId(2), "Gmail".to_owned())],
        );
        d.apply("Move steps", e).unwrap();
        let s = wf(&d).step(StepId(2)).unwrap();
        assert_eq!((s.system.as_str(), s.pos.y), ("Gmail", 300.0));
        d.undo();
        let s = wf(&d).step(StepId(2)).unwrap();
        assert_eq!((s.system.as_str(), s.pos.y), ("Shopify", 0.0));
    }
}
