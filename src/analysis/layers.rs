//! The automation layer of a step: L1 frequent simple tasks, L2 medium
//! workflows, L3 decisions, L4 AI-driven work.

use super::PriorityClass;
use super::work;
use crate::model::{Approach, Complexity, Judgment, Layer, Step, StepKind, Tag, WorkKind};

/// The layer the method suggests from a step's shape alone.
pub(crate) fn shape_layer(step: &Step, hints: work::Hints) -> Layer {
    if step.approach == Approach::AiAgent
        || step.judgment == Judgment::HumanJudgment
        || hints.work(step).suits_ai()
    {
        Layer::L4
    } else if step.kind == StepKind::Decision {
        Layer::L3
    } else if step.complexity == Complexity::Low && step.judgment == Judgment::RuleBased {
        Layer::L1
    } else {
        Layer::L2
    }
}

/// Layer of a medium step: revenue flows (abandoned cart, review request,
/// restock notice, segmentation) are layer 2; other notifications and data
/// moves layer 1; decisions layer 3; the rest layer 2.
fn medium_layer(step: &Step, hints: work::Hints) -> Layer {
    if hints.revenue_flow() {
        Layer::L2
    } else if step.kind == StepKind::Decision || hints.work(step) == WorkKind::Decides {
        Layer::L3
    } else if matches!(hints.work(step), WorkKind::Notifies | WorkKind::MovesData)
        && hints.complexity(step) == Complexity::Low
    {
        Layer::L1
    } else {
        Layer::L2
    }
}

/// The layer in effect: the owner's choice wins; otherwise the suggestion for
/// automation candidates and for steps the owner tagged automate anyway.
/// Events, and steps that are no candidate and not tagged automate, have none.
#[cfg(test)]
pub(crate) fn layer(step: &Step, class: PriorityClass) -> Option<Layer> {
    layer_with(step, work::Hints::of(step), class)
}

/// [`layer`] with the hints of the step's words already read.
pub(crate) fn layer_with(step: &Step, hints: work::Hints, class: PriorityClass) -> Option<Layer> {
    match class {
        PriorityClass::Event => None,
        PriorityClass::QuickWin => Some(step.layer.unwrap_or(Layer::L1)),
        PriorityClass::AiCandidate => Some(step.layer.unwrap_or(Layer::L4)),
        PriorityClass::Medium => Some(step.layer.unwrap_or_else(|| medium_layer(step, hints))),
        PriorityClass::Trap
        | PriorityClass::Physical
        | PriorityClass::NeverAutomate
        | PriorityClass::Exception
        | PriorityClass::LowValue => {
            if step.tag == Tag::Automate {
                Some(step.layer.unwrap_or_else(|| shape_layer(step, hints)))
            } else {
                step.layer
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::*;

    #[test]
    fn the_owners_layer_wins() {
        let mut s = task(1, "Tracking email");
        assert_eq!(layer(&s, PriorityClass::QuickWin), Some(Layer::L1));
        s.layer = Some(Layer::L2);
        assert_eq!(layer(&s, PriorityClass::QuickWin), Some(Layer::L2));
    }

    #[test]
    fn only_candidates_and_automated_steps_get_a_layer() {
        let mut s = task(1, "Competitor prices");
        s.complexity = Complexity::High;
        assert_eq!(layer(&s, PriorityClass::Trap), None);
        s.tag = Tag::Automate;
        assert_eq!(layer(&s, PriorityClass::Trap), Some(Layer::L2));
        assert_eq!(layer(&trigger(2, "T"), PriorityClass::Event), None);
    }
}
