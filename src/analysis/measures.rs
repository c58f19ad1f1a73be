//! Where manual time goes: hours, shares, value, bottlenecks, repetitions and
//! decision points of one workflow.

use super::graph::WfGraph;
use crate::model::{Judgment, MethodSettings, Step, StepKind, Workflow};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Measures {
    pub hours: f64,
    pub share: f64,
    pub value: f64,
    pub bottleneck: bool,
    pub repetition: bool,
    pub decision_point: bool,
}

/// A number from the file, or 0 when it is negative, infinite or not a number.
pub(crate) fn clean(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 { x } else { 0.0 }
}

/// Manual hours per week of a step (frequency × minutes), never negative.
pub(crate) fn hours(step: &Step) -> f64 {
    clean(step.frequency.per_week()) * clean(step.minutes) / 60.0
}

fn is_event(step: &Step) -> bool {
    matches!(step.kind, StepKind::Trigger | StepKind::End)
}

pub(crate) fn measure(
    w: &Workflow,
    g: &WfGraph,
    settings: &MethodSettings,
    hourly_value: f64,
) -> Vec<Measures> {
    let hours: Vec<f64> = w.steps.iter().map(hours).collect();
    let total: f64 = hours.iter().sum();
    let working = w.steps.iter().filter(|s| !is_event(s)).count().max(1);
    let average = total / working as f64;
    let share_limit = if settings.bottleneck_share.is_finite() {
        settings.bottleneck_share
    } else {
        0.25
    };
    let in_limit = settings.bottleneck_in_degree.max(2) as usize;
    let rate = clean(hourly_value);
    w.steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let h = hours[i];
            let share = if total > 0.0 { h / total } else { 0.0 };
            // Many paths meet here, or (in a map that branches) every path
            // crosses it: work waits here when it is slow.
            let funnel = g.in_deg[i] >= in_limit || (g.branches && g.on_every_path[i]);
            let bottleneck =
                !is_event(s) && h > 0.0 && (share >= share_limit || (funnel && h >= average));
            Measures {
                hours: h,
                share,
                value: h * rate,
                bottleneck,
                repetition: s.kind == StepKind::Task
                    && s.judgment == Judgment::RuleBased
                    && clean(s.minutes) > 0.0
                    && clean(s.frequency.per_week()) >= 1.0,
                decision_point: s.kind == StepKind::Decision
                    || (s.kind == StepKind::Task && s.judgment != Judgment::RuleBased),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::*;
    use crate::model::Frequency;

    #[test]
    fn hours_share_and_value() {
        let mut a = task(2, "Check inventory");
        a.frequency = Frequency::per_day(40.0);
        a.minutes = 3.0; // 14 h a week
        let mut b = task(3, "Print slip");
        b.frequency = Frequency::per_day(40.0);
        b.minutes = 1.5; // 7 h a week
        let mut c = task(4, "Log order");
        c.frequency = Frequency::per_day(6.0);
        c.minutes = f64::NAN;
        let w = chain(1, "Order placed", &[a, b, c]);
        let g = WfGraph::build(&w);
        let m = measure(&w, &g, &MethodSettings::default(), 25.0);
        assert!((m[1].hours - 14.0).abs() < 1e-9);
        assert!((m[1].share - 2.0 / 3.0).abs() < 1e-9);
        assert!((m[1].value - 350.0).abs() < 1e-9);
        assert!(m[1].bottleneck);
        assert!(
            m[2].bottleneck,
            "a third of the time is above the 25 % threshold"
        );
        assert_eq!(m[3].hours, 0.0, "a broken number counts as no time");
        assert!(!m[3].bottleneck);
        assert!(m[1].repetition);
        assert!(!m[0].bottleneck, "a trigger is no bottleneck");
    }

    #[test]
    fn a_step_every_branch_crosses_is_a_bottleneck_when_its_time_is_above_average() {
        let mut pack = task(6, "Pack");
        pack.minutes = 5.0;
        let mut small = task(2, "Note");
        small.minutes = 1.0;
        let w = workflow(
            1,
            &[
                trigger(1, "T"),
                small,
                decision(3, "Gift?"),
                task(4, "Wrap"),
                task(5, "Bag"),
                pack,
                end(7, "E"),
            ],
            &[
                (1, 2, ""),
                (2, 3, ""),
                (3, 4, "yes"),
                (3, 5, "no"),
                (4, 6, ""),
                (5, 6, ""),
                (6, 7, ""),
            ],
        );
        let g = WfGraph::build(&w);
        let settings = MethodSettings {
            bottleneck_share: 0.9,
            ..MethodSettings::default()
        };
        let m = measure(&w, &g, &settings, 25.0);
        assert!(m[5].bottleneck, "every path runs through packing");
        assert!(!m[1].bottleneck, "below-average time is no bottleneck");
        assert!(m[2].decision_point);
    }
}
