//! Small plans for the analysis tests.

use crate::model::{
    Complexity, DataRef, FailurePlan, Frequency, Judgment, Link, Plan, Pos, Step, StepId, StepKind,
    Tag, Workflow, WorkflowId,
};

pub fn step(id: u32, kind: StepKind, title: &str) -> Step {
    Step::new(StepId(id), kind, title, Pos::default())
}

pub fn trigger(id: u32, title: &str) -> Step {
    step(id, StepKind::Trigger, title)
}

pub fn end(id: u32, title: &str) -> Step {
    step(id, StepKind::End, title)
}

pub fn decision(id: u32, title: &str) -> Step {
    let mut s = step(id, StepKind::Decision, title);
    s.judgment = Judgment::SomeRules;
    s.frequency = Frequency::per_day(20.0);
    s.minutes = 1.0;
    s
}

/// A frequent, simple, rule-based task (a quick win).
pub fn task(id: u32, title: &str) -> Step {
    let mut s = step(id, StepKind::Task, title);
    s.frequency = Frequency::per_day(20.0);
    s.minutes = 2.0;
    s.complexity = Complexity::Low;
    s.judgment = Judgment::RuleBased;
    s
}

/// A task tagged automate with everything the method asks for filled in.
pub fn automated(id: u32, title: &str) -> Step {
    let mut s = task(id, title);
    s.tag = Tag::Automate;
    s.failure_plan = FailurePlan {
        not_run: "check by hand".into(),
        runs_twice: "deduplicated".into(),
        data_missing: "skipped".into(),
    };
    s.test_plan = "test order".into();
    s
}

pub fn data(system: &str, object: &str) -> DataRef {
    DataRef::new(system, object, true)
}

pub fn workflow(id: u32, steps: &[Step], links: &[(u32, u32, &str)]) -> Workflow {
    Workflow {
        id: WorkflowId(id),
        name: format!("Workflow {id}"),
        description: String::new(),
        steps: steps.to_vec(),
        links: links
            .iter()
            .map(|&(a, b, l)| Link::labelled(StepId(a), StepId(b), l))
            .collect(),
        lanes: Default::default(),
    }
}

/// A mapped workflow: trigger 100·id → the given steps in a chain → end 100·id+99.
pub fn chain(id: u32, trigger_title: &str, steps: &[Step]) -> Workflow {
    let t = id * 100;
    let e = id * 100 + 99;
    let mut all = vec![trigger(t, trigger_title)];
    all.extend(steps.iter().cloned());
    all.push(end(e, "Done"));
    let ids: Vec<u32> = all.iter().map(|s| s.id.0).collect();
    let links: Vec<(u32, u32, &str)> = ids.windows(2).map(|w| (w[0], w[1], "")).collect();
    workflow(id, &all, &links)
}

pub fn plan(workflows: Vec<Workflow>) -> Plan {
    Plan {
        workflows,
        ..Plan::default()
    }
}

pub fn codes(plan: &Plan, code: &str) -> Vec<Vec<u32>> {
    crate::analysis::analyze(plan)
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.step_ids.iter().map(|s| s.0).collect())
        .collect()
}
