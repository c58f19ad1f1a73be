//! `layer-order`: an L3/L4 automation goes ahead while L1/L2 candidates of the
//! same workflow are still undecided or planned for later. Positions come from
//! the roadmap column when the step is on the roadmap, else from its tag.

use crate::analysis::{Context, Finding, PriorityClass, Severity, name_list_of};
use crate::model::{Column, Layer, StepId, Tag};
use foldhash::HashMap;

pub const CODE: &str = "layer-order";
pub const SEVERITY: Severity = Severity::Warning;
pub const SUMMARY: &str = "an L3/L4 automation comes before L1/L2 candidates of its workflow";

/// Rank of an undecided step that is not on the roadmap: after everything.
const UNDECIDED: u8 = 4;

fn column_rank(c: Column) -> Option<u8> {
    match c {
        Column::Month1 => Some(0),
        Column::Month2 => Some(1),
        Column::Month3 => Some(2),
        Column::Later => Some(3),
        Column::StaysManual => None,
    }
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    let columns: HashMap<StepId, Column> = cx
        .plan
        .roadmap
        .items
        .iter()
        .map(|it| (it.step, it.column))
        .collect();
    for (wi, w) in cx.plan.workflows.iter().enumerate() {
        let start = cx.offsets[wi];
        let range = start..start + w.steps.len();
        // (global index, rank) of the advanced automations and the simple candidates.
        let mut ahead: Vec<(usize, u8)> = Vec::new();
        let mut simple: Vec<(usize, u8)> = Vec::new();
        for i in range {
            let s = cx.steps[i].step;
            let insight = &cx.insights[i];
            let Some(layer) = insight.layer else { continue };
            let on_map = columns.get(&s.id).copied();
            let candidate = matches!(
                insight.class,
                PriorityClass::QuickWin | PriorityClass::Medium | PriorityClass::AiCandidate
            );
            if layer >= Layer::L3 {
                // Traps, exceptions and never-automate steps have their own findings.
                if s.tag != Tag::Automate || !candidate {
                    continue;
                }
                if let Some(r) = on_map.map_or(Some(0), column_rank) {
                    ahead.push((i, r));
                }
            } else {
                if !(candidate || s.tag == Tag::Automate) || s.tag == Tag::KeepManual {
                    continue;
                }
                let rank = match (on_map, s.tag) {
                    (Some(c), _) => column_rank(c),
                    (None, Tag::Undecided) => Some(UNDECIDED),
                    (None, _) => Some(0),
                };
                if let Some(r) = rank {
                    simple.push((i, r));
                }
            }
        }
        let Some(latest) = simple.iter().map(|&(_, r)| r).max() else {
            continue;
        };
        let early: Vec<(usize, u8)> = ahead.into_iter().filter(|&(_, r)| r < latest).collect();
        let Some(first) = early.iter().map(|&(_, r)| r).min() else {
            continue;
        };
        let behind: Vec<usize> = simple
            .iter()
            .filter(|&&(_, r)| r > first)
            .map(|&(i, _)| i)
            .collect();
        let label = |i: usize| {
            let layer = cx.insights[i].layer.map_or("", Layer::label);
            format!("{} ({layer})", cx.name(i))
        };
        // Only the names shown are written.
        let early_names: Vec<String> = early.iter().take(3).map(|&(i, _)| label(i)).collect();
        let behind_names: Vec<String> = behind.iter().take(4).map(|&i| label(i)).collect();
        let mut ids: Vec<StepId> = early.iter().map(|&(i, _)| cx.steps[i].step.id).collect();
        ids.extend(behind.iter().map(|&i| cx.steps[i].step.id));
        out.push(Finding {
            code: CODE,
            severity: SEVERITY,
            workflow: Some(w.id),
            step_ids: ids,
            message: format!(
                "{} would run before the simpler automations of this workflow are in place: {} {} still undecided or planned later.",
                name_list_of(&early_names, early.len(), 3),
                name_list_of(&behind_names, behind.len(), 4),
                if behind.len() == 1 { "is" } else { "are" }
            ),
            hint: "Decide and launch the L1/L2 steps first (or move them to an earlier month), then add decisions and AI on top of them.",
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::{Approach, Column, Frequency, Judgment, RoadmapItem, StepId, Tag};

    fn chatbot(id: u32) -> crate::model::Step {
        let mut s = automated(id, "AI chatbot answers questions");
        s.approach = Approach::AiAgent;
        s.judgment = Judgment::HumanJudgment;
        s.frequency = Frequency::per_day(30.0);
        s
    }

    #[test]
    fn fires_while_a_quick_win_is_undecided_and_stops_once_decided() {
        let quick = task(2, "Tag the ticket");
        let mut p = plan(vec![chain(1, "Question arrives", &[quick, chatbot(3)])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![3, 2]]);
        p.workflows[0].steps[1].tag = Tag::Automate;
        assert!(codes(&p, super::CODE).is_empty());
    }

    #[test]
    fn the_roadmap_column_decides_when_both_are_on_it() {
        let mut quick = automated(2, "Tag the ticket");
        quick.tag = Tag::Automate;
        let mut p = plan(vec![chain(1, "Question arrives", &[quick, chatbot(3)])]);
        let item = |id: u32, column: Column| RoadmapItem {
            step: StepId(id),
            column,
            ..RoadmapItem::default()
        };
        p.roadmap.items = vec![item(2, Column::Month3), item(3, Column::Month1)];
        assert_eq!(codes(&p, super::CODE), vec![vec![3, 2]]);
        p.roadmap.items = vec![item(2, Column::Month1), item(3, Column::Month3)];
        assert!(codes(&p, super::CODE).is_empty());
    }
}
