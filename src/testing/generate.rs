//! Large, realistic plans for tests and benchmarks.
//!
//! [`generate_plan`] builds `workflows × steps_per_workflow` steps the way a
//! growing shop (or an agency with many stores) would map them: each workflow
//! starts with a trigger, runs along a main line of tasks with a decision every
//! eight steps or so (two labelled branches, the second through an exception
//! drawn below the line), and ends in an end step. Frequencies, minutes,
//! complexity, judgment, sensitivity and tags vary; steps read and write data
//! in a handful of systems, so the data-loop and conflict rules have work to
//! do; some automated steps sit on the roadmap. The same seed always gives the
//! same plan.

use crate::model::{
    Column, Complexity, DataRef, FailurePlan, Frequency, Judgment, Link, Period, Plan, Pos,
    RoadmapItem, Sensitivity, Step, StepId, StepKind, Tag, Workflow, WorkflowId,
};

/// Horizontal distance between steps on the main line, in canvas units.
const STEP_X: f32 = 220.0;
/// How far below the main line exceptions are drawn.
const EXCEPTION_Y: f32 = 220.0;

/// Small deterministic generator (xorshift64*); good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // Spread nearby seeds apart; the state must never be zero.
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        if state == 0 {
            state = 0x2545_F491_4F6C_DD1D;
        }
        Self(state)
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// One kind of task a shop does, with the ranges its numbers fall in.
use super::tables::{DECISIONS, TASKS, WORKFLOW_NAMES};

fn data_refs(rng: &mut Rng, refs: &[(&str, &str)]) -> Vec<DataRef> {
    refs.iter()
        .map(|&(system, object)| DataRef::new(system, object, !rng.chance(0.12)))
        .collect()
}

/// Round to one decimal, as people write numbers.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A frequency in the unit a person would use: per day when it happens daily,
/// else per week, else per month.
fn frequency(per_day: f64) -> Frequency {
    if per_day >= 1.0 {
        Frequency {
            count: per_day.round(),
            per: Period::Day,
        }
    } else if per_day * 7.0 >= 1.0 {
        Frequency {
            count: (per_day * 7.0).round(),
            per: Period::Week,
        }
    } else {
        Frequency {
            count: (per_day * 30.0).round().max(1.0),
            per: Period::Month,
        }
    }
}

fn bump<T: Copy>(rng: &mut Rng, value: T, all: &[T]) -> T {
    if rng.chance(0.15) {
        rng.pick(all).copied().unwrap_or(value)
    } else {
        value
    }
}

fn failure_plan(rng: &mut Rng) -> FailurePlan {
    let full = FailurePlan {
        not_run:
            "The owner checks the tool's run history every morning and does missed ones by hand."
                .to_owned(),
        runs_twice: "Runs are keyed by order number, so a second run changes nothing.".to_owned(),
        data_missing: "Records with empty fields are skipped and listed for a person.".to_owned(),
    };
    // Most automated steps are planned for failure; some are not, or only in part.
    match rng.below(10) {
        0 => FailurePlan::default(),
        1 => FailurePlan {
            runs_twice: String::new(),
            data_missing: String::new(),
            ..full
        },
        _ => full,
    }
}

fn task_step(rng: &mut Rng, id: StepId, pos: Pos, scale: f64) -> Step {
    let Some(t) = rng.pick(TASKS) else {
        return Step::new(id, StepKind::Task, "Task", pos);
    };
    let tag = match rng.below(10) {
        0..=4 => Tag::Undecided,
        5..=7 => Tag::Automate,
        _ => Tag::KeepManual,
    };
    let mut step = Step {
        owner: t.owner.to_owned(),
        system: t.system.to_owned(),
        frequency: frequency(rng.between(t.per_day.0, t.per_day.1) * scale),
        minutes: round1(rng.between(t.minutes.0, t.minutes.1)),
        complexity: bump(rng, t.complexity, &Complexity::ALL),
        judgment: bump(rng, t.judgment, &Judgment::ALL),
        sensitivity: t.sensitivity,
        tag,
        approach: t.approach,
        event: if rng.chance(0.7) {
            t.event.to_owned()
        } else {
            String::new()
        },
        message: t.message.to_owned(),
        reads: data_refs(rng, t.reads),
        writes: data_refs(rng, t.writes),
        ..Step::new(id, StepKind::Task, t.title, pos)
    };
    if tag == Tag::Automate {
        step.tool = rng.pick(t.tools).copied().unwrap_or_default().to_owned();
        step.failure_plan = failure_plan(rng);
        if rng.chance(0.7) {
            step.test_plan =
                "Run it on three real orders from last week and compare by hand.".to_owned();
        }
    }
    step
}

/// Build a plan with `workflows` workflows of exactly `steps_per_workflow` steps each.
///
/// Each workflow (with two steps or more) has one trigger and one end; in
/// between, a main line of tasks, with a decision about every eight steps whose
/// second branch runs through an exception below the line and back. Step ids
/// are unique across the plan and every link joins two steps of its workflow.
pub fn generate_plan(workflows: usize, steps_per_workflow: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let mut plan = Plan::new(format!(
        "Generated plan: {workflows} workflows of {steps_per_workflow} steps (seed {seed})"
    ));
    plan.profile.shop_name = "Generated Goods".to_owned();
    let mut next_id: u32 = 1;
    let mut new_id = || {
        let id = StepId(next_id);
        next_id += 1;
        id
    };

    for w in 0..workflows {
        let (base, trigger_title) = WORKFLOW_NAMES
            .get(w % WORKFLOW_NAMES.len())
            .copied()
            .unwrap_or(("Workflow", "Start"));
        let store = w / WORKFLOW_NAMES.len() + 1;
        // Bigger stores, busier workflows.
        let scale = 0.5 + rng.unit() * 1.5;
        let mut wf = Workflow {
            id: WorkflowId(w as u32 + 1),
            name: format!("{base} (store {store})"),
            description: format!("{base} for store {store}."),
            steps: Vec::with_capacity(steps_per_workflow),
            links: Vec::with_capacity(steps_per_workflow + steps_per_workflow / 4),
        };
        if steps_per_workflow == 0 {
            plan.workflows.push(wf);
            continue;
        }

        let trigger_freq = frequency(rng.between(20.0, 80.0) * scale);
        let trigger = Step {
            owner: "Customer".to_owned(),
            system: "Shopify".to_owned(),
            frequency: trigger_freq,
            ..Step::new(
                new_id(),
                StepKind::Trigger,
                trigger_title,
                Pos::new(0.0, 0.0),
            )
        };
        let mut prev = trigger.id;
        wf.steps.push(trigger);
        // Steps still to place, keeping one for the end.
        let mut remaining = steps_per_workflow - 1;
        let mut column: f32 = 1.0;
        let mut since_decision = 0;
        let mut next_decision = 6 + rng.below(4);

        while remaining > 1 {
            // A decision needs room for itself, its exception, the step after it and the end.
            if since_decision >= next_decision && remaining >= 4 {
                let d = rng.pick(DECISIONS).unwrap_or(&DECISIONS[0]);
                let decision = Step {
                    owner: "Owner".to_owned(),
                    system: d.system.to_owned(),
                    frequency: trigger_freq,
                    minutes: round1(rng.between(0.2, 2.0)),
                    judgment: if rng.chance(0.3) {
                        Judgment::HumanJudgment
                    } else {
                        Judgment::SomeRules
                    },
                    tag: if rng.chance(0.2) {
                        Tag::Automate
                    } else {
                        Tag::Undecided
                    },
                    reads: data_refs(&mut rng, d.reads),
                    ..Step::new(
                        new_id(),
                        StepKind::Decision,
                        d.question,
                        Pos::new(column * STEP_X, 0.0),
                    )
                };
                let exception = Step {
                    owner: "Owner".to_owned(),
                    system: d.system.to_owned(),
                    frequency: frequency(rng.between(0.1, 2.0) * scale),
                    minutes: round1(rng.between(5.0, 30.0)),
                    complexity: Complexity::Medium,
                    judgment: Judgment::HumanJudgment,
                    sensitivity: Sensitivity::CustomerFacing,
                    tag: match rng.below(10) {
                        0 => Tag::Automate,
                        1..=5 => Tag::KeepManual,
                        _ => Tag::Undecided,
                    },
                    ..Step::new(
                        new_id(),
                        StepKind::Exception,
                        d.exception,
                        Pos::new((column + 1.0) * STEP_X, EXCEPTION_Y),
                    )
                };
                let after = task_step(
                    &mut rng,
                    new_id(),
                    Pos::new((column + 1.0) * STEP_X, 0.0),
                    scale,
                );
                wf.links.push(Link::new(prev, decision.id));
                wf.links.push(Link::labelled(decision.id, after.id, d.yes));
                wf.links
                    .push(Link::labelled(decision.id, exception.id, d.no));
                wf.links.push(Link::new(exception.id, after.id));
                prev = after.id;
                wf.steps.push(decision);
                wf.steps.push(exception);
                wf.steps.push(after);
                remaining -= 3;
                column += 2.0;
                since_decision = 0;
                next_decision = 6 + rng.below(4);
            } else {
                let step = task_step(&mut rng, new_id(), Pos::new(column * STEP_X, 0.0), scale);
                wf.links.push(Link::new(prev, step.id));
                prev = step.id;
                wf.steps.push(step);
                remaining -= 1;
                column += 1.0;
                since_decision += 1;
            }
        }
        if remaining == 1 {
            let end = Step::new(
                new_id(),
                StepKind::End,
                "Done",
                Pos::new(column * STEP_X, 0.0),
            );
            wf.links.push(Link::new(prev, end.id));
            wf.steps.push(end);
        }
        plan.workflows.push(wf);
    }

    // Put some automated steps on the roadmap, the simpler ones earlier.
    for step in plan.workflows.iter().flat_map(|w| &w.steps) {
        if step.tag == Tag::Automate && step.kind == StepKind::Task && rng.chance(0.4) {
            let column = match step.complexity {
                Complexity::Low => Column::Month1,
                Complexity::Medium => Column::Month2,
                Complexity::High => Column::Month3,
            };
            plan.roadmap.items.push(RoadmapItem {
                step: step.id,
                column,
                pinned: rng.chance(0.1),
                ..RoadmapItem::default()
            });
        } else if step.tag == Tag::KeepManual && rng.chance(0.2) {
            plan.roadmap.items.push(RoadmapItem {
                step: step.id,
                column: Column::StaysManual,
                ..RoadmapItem::default()
            });
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn ids(plan: &Plan) -> Vec<StepId> {
        plan.workflows
            .iter()
            .flat_map(|w| w.steps.iter().map(|s| s.id))
            .collect()
    }

    #[test]
    fn has_the_requested_number_of_steps() {
        for (w, m) in [
            (0, 10),
            (3, 0),
            (2, 1),
            (2, 2),
            (1, 3),
            (4, 4),
            (10, 100),
            (7, 37),
        ] {
            let plan = generate_plan(w, m, 1);
            assert_eq!(plan.workflows.len(), w);
            assert_eq!(plan.step_count(), w * m, "{w} workflows of {m} steps");
            for wf in &plan.workflows {
                assert_eq!(wf.steps.len(), m);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_links_join_steps_of_their_workflow() {
        let plan = generate_plan(12, 90, 7);
        let all = ids(&plan);
        let unique: HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
        let wf_ids: HashSet<_> = plan.workflows.iter().map(|w| w.id).collect();
        assert_eq!(wf_ids.len(), plan.workflows.len());
        for wf in &plan.workflows {
            let own: HashSet<_> = wf.steps.iter().map(|s| s.id).collect();
            let mut pairs = HashSet::new();
            for l in &wf.links {
                assert!(own.contains(&l.from) && own.contains(&l.to));
                assert_ne!(l.from, l.to);
                assert!(pairs.insert((l.from, l.to)), "duplicate link");
            }
        }
        for item in &plan.roadmap.items {
            assert!(plan.find_step(item.step).is_some());
        }
    }

    #[test]
    fn same_seed_same_plan_other_seed_other_plan() {
        assert_eq!(generate_plan(5, 40, 42), generate_plan(5, 40, 42));
        assert_ne!(generate_plan(5, 40, 42), generate_plan(5, 40, 43));
    }

    #[test]
    fn workflows_are_mapped_like_a_shop_would() {
        let plan = generate_plan(8, 50, 3);
        for wf in &plan.workflows {
            let kinds = |k: StepKind| wf.steps.iter().filter(|s| s.kind == k).count();
            assert_eq!(kinds(StepKind::Trigger), 1);
            assert_eq!(kinds(StepKind::End), 1);
            assert!(kinds(StepKind::Decision) >= 3, "a decision every ~8 steps");
            assert_eq!(kinds(StepKind::Decision), kinds(StepKind::Exception));
            for d in wf.steps.iter().filter(|s| s.kind == StepKind::Decision) {
                let labels: Vec<_> = wf
                    .links
                    .iter()
                    .filter(|l| l.from == d.id && !l.label.is_empty())
                    .collect();
                assert_eq!(labels.len(), 2, "two labelled branches");
            }
            for e in wf.steps.iter().filter(|s| s.kind == StepKind::Exception) {
                assert!(e.pos.y > 0.0, "exceptions below the main line");
            }
            // Laid out left to right along the main line.
            let main: Vec<f32> = wf
                .steps
                .iter()
                .filter(|s| s.pos.y == 0.0)
                .map(|s| s.pos.x)
                .collect();
            assert!(main.windows(2).all(|p| p[0] < p[1]));
        }
        let steps: Vec<_> = plan.workflows.iter().flat_map(|w| &w.steps).collect();
        let tags: HashSet<_> = steps.iter().map(|s| s.tag).collect();
        assert_eq!(
            tags.len(),
            3,
            "undecided, automate and keep manual all occur"
        );
        let systems: HashSet<_> = steps
            .iter()
            .flat_map(|s| s.reads.iter().chain(&s.writes))
            .map(|d| d.system.as_str())
            .collect();
        assert!(systems.len() >= 5);
        assert!(!plan.roadmap.items.is_empty());
    }

    #[test]
    fn passes_the_file_checks_and_survives_saving() {
        let plan = generate_plan(4, 60, 11);
        let problems = crate::storage::validate(&plan);
        assert!(problems.is_empty(), "{problems:?}");
        let text = crate::storage::to_ron(&plan);
        let loaded = crate::storage::from_str(&text, "generated.ron").expect("loads");
        assert_eq!(loaded.plan, plan);
    }

    #[test]
    fn gives_the_method_rules_work_to_do() {
        let plan = generate_plan(20, 50, 2026);
        let analysis = crate::analysis::analyze(&plan);
        let codes: HashSet<&str> = analysis.findings().iter().map(|f| f.code).collect();
        for code in [
            "data-loop",
            "conflicting-writes",
            "duplicate-message",
            "failure-plan-missing",
            "untested",
            "never-automate",
        ] {
            assert!(
                codes.contains(code),
                "no {code} finding in a generated plan"
            );
        }
    }

    #[test]
    fn survives_a_trip_through_ron() {
        let plan = generate_plan(3, 30, 9);
        let text = ron::ser::to_string(&plan).expect("serialises");
        let back: Plan = ron::from_str(&text).expect("parses");
        assert_eq!(back, plan);
    }
}
