//! Large plans are read, written and analysed in parts on several cores. Whatever the
//! plan or text, working in parts gives exactly what one pass gives, or steps
//! aside for it.

mod common;

use automap::model::generate::generate_plan;
use automap::storage::{
    self, LoadError, parse_in_parts, parse_whole, to_ron_in_parts, to_ron_one_pass,
};
use common::mutate::mutate_bytes;
use proptest::prelude::*;

fn text_of(workflows: usize, steps: usize) -> (automap::model::Plan, String) {
    let plan = generate_plan(workflows, steps, 11);
    let text = storage::to_ron(&plan);
    (plan, text)
}

#[test]
fn a_saved_plan_reads_the_same_in_any_number_of_parts() {
    let (plan, text) = text_of(9, 12);
    for parts in [2, 3, 4, 9, 20] {
        let (read, unknown) = parse_in_parts(&text, parts).expect("a saved plan can be cut");
        assert_eq!(read, plan, "{parts} parts");
        assert!(!unknown);
    }
}

#[test]
fn hand_edits_read_the_same_as_in_one_pass() {
    let (_, text) = text_of(4, 5);
    let edits: [(&str, &str); 4] = [
        // Comments between and inside workflows, with brackets in them.
        (
            "        (\n            id: 2,",
            "        // next one ] ) ,\n        (\n            id: 2, /* ( [ */",
        ),
        // No trailing comma after the last workflow.
        ("        ),\n    ],", "        )\n    ],"),
        // A field this version does not know, inside a workflow.
        (
            "            id: 3,",
            "            id: 3,\n            colour: \"blue\",",
        ),
        // Text with escapes and brackets.
        (
            "            id: 4,",
            "            id: 4,\n            description: \"a \\\"quoted\\\" ] \\\\\",",
        ),
    ];
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        let edited = text.replacen(from, to, 1);
        let whole = parse_whole(&edited).expect("the edit is valid RON");
        assert_eq!(parse_in_parts(&edited, 3), Some(whole), "{to}");
    }
    let unknown = text.replacen(
        "            id: 3,",
        "            id: 3,\n            colour: \"blue\",",
        1,
    );
    assert_eq!(parse_in_parts(&unknown, 2).map(|(_, u)| u), Some(true));
}

#[test]
fn steps_aside_where_a_cut_could_go_wrong() {
    let (_, text) = text_of(3, 4);
    for changed in [
        format!("#![enable(implicit_some)]\n{text}"),
        text.replacen('(', "Plan(", 1),
        text.replacen("\"Order", "r#\"Order", 1).replacen(
            "\",\n            description",
            "\"#,\n            description",
            1,
        ),
        text.replacen(
            "        ),\n        (",
            "        ),\n        ,\n        (",
            1,
        ),
    ] {
        assert_eq!(parse_in_parts(&changed, 2), None, "{changed}");
    }
}

/// A plan with a field `extra` brackets deep, in a workflow or in a step.
fn nested(extra: usize, in_step: bool) -> String {
    let (_, text) = text_of(2, 2);
    let deep = format!("{}1.0{}", "[".repeat(extra), "]".repeat(extra));
    let at = if in_step {
        "                    id: 2,"
    } else {
        "            id: 2,"
    };
    assert!(text.contains(at));
    text.replacen(at, &format!("{at}\n            zz: {deep},"), 1)
}

#[test]
fn the_nesting_limit_is_the_same_in_parts() {
    // Around the limit, parts and one pass agree on what is too deep.
    for in_step in [false, true] {
        let mut both_outcomes = (false, false);
        for extra in 1..40 {
            let text = nested(extra, in_step);
            let whole = parse_whole(&text).ok();
            match &whole {
                Some(_) => both_outcomes.0 = true,
                None => both_outcomes.1 = true,
            }
            assert_eq!(parse_in_parts(&text, 2), whole, "{extra} levels");
        }
        assert_eq!(
            both_outcomes,
            (true, true),
            "the limit lies inside the range tried"
        );
    }
}

#[test]
fn a_large_file_loads_fully_and_its_errors_keep_their_place() {
    // Over half a megabyte: read in parts when the machine has several cores.
    let (plan, text) = text_of(40, 30);
    assert!(text.len() > 512 * 1024, "{} bytes", text.len());
    assert_eq!(
        storage::from_str(&text, "big.ron").expect("loads").plan,
        plan
    );

    // A typo deep inside: the error names the line and column of one pass.
    let at = text.find("id: 37,").expect("workflow 37");
    let line = 1 + text.get(..at).unwrap_or_default().matches('\n').count();
    let broken = text.replacen("id: 37,", "id: 37,,", 1);
    match storage::from_str(&broken, "big.ron") {
        Err(LoadError::Syntax { line: l, .. }) => assert_eq!(l, line),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]
    /// Damaged texts: whenever parts give a plan, one pass gives the same plan.
    #[test]
    fn parts_never_read_what_one_pass_would_not(
        muts in prop::collection::vec(common::mutate::mutation(common::mutate::RON_TOKENS, 300), 1..4),
        parts in 2..5usize,
    ) {
        let (_, text) = text_of(4, 4);
        let bytes = mutate_bytes(text.into_bytes(), &muts);
        if let Ok(text) = String::from_utf8(bytes)
            && let Some(read) = parse_in_parts(&text, parts)
        {
            prop_assert_eq!(Some(read), parse_whole(&text).ok());
        }
    }
}

// ---------------------------------------------------------------- writing

fn writes_the_same_in_parts(plan: &automap::model::Plan) {
    let one = to_ron_one_pass(plan);
    for parts in [2, 3, 7] {
        let text = to_ron_in_parts(plan, parts).expect("a plan with workflows splits");
        assert_eq!(text, one, "{parts} parts");
    }
    let all = automap::model::with_all_fields(|| to_ron_one_pass(plan));
    let all_parts = automap::model::with_all_fields(|| to_ron_in_parts(plan, 2));
    assert_eq!(all_parts, Some(all), "defaults written in every part too");
}

#[test]
fn generated_example_and_hostile_plans_write_the_same_in_parts() {
    for (w, s) in [(2, 1), (3, 0), (5, 7), (30, 20)] {
        writes_the_same_in_parts(&generate_plan(w, s, 3));
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "plans/order-fulfillment.ron",
        "plans/demo-shop.ron",
        "tests/fixtures/hostile-labels.ron",
    ] {
        let plan = storage::load(&root.join(file)).expect(file).plan;
        if plan.workflows.len() >= 2 {
            writes_the_same_in_parts(&plan);
        }
    }
}

#[test]
fn a_plan_of_one_workflow_is_written_in_one_pass() {
    let plan = generate_plan(1, 30, 3);
    assert_eq!(to_ron_in_parts(&plan, 2), None);
    assert_eq!(storage::to_ron(&plan), to_ron_one_pass(&plan));
}

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        prop::sample::select(vec![
            "\n    workflows: [],\n".to_owned(),
            "    ],".to_owned(),
            "team's \\' \"quoted\"".to_owned(),
            "line\r\nbreak".to_owned(),
            "\u{202e}right-to-left".to_owned(),
            String::new(),
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
    /// Any text in names, titles and notes: parts write what one pass writes.
    #[test]
    fn odd_labels_write_the_same_in_parts(labels in prop::collection::vec(label(), 12)) {
        let mut plan = generate_plan(4, 3, 5);
        let mut next = labels.iter().cycle();
        for wf in &mut plan.workflows {
            wf.name = next.next().cloned().unwrap_or_default();
            wf.description = next.next().cloned().unwrap_or_default();
            for step in &mut wf.steps {
                step.title = next.next().cloned().unwrap_or_default();
                step.notes = next.next().cloned().unwrap_or_default();
            }
        }
        plan.name = next.next().cloned().unwrap_or_default();
        let one = to_ron_one_pass(&plan);
        prop_assert_eq!(to_ron_in_parts(&plan, 3), Some(one.clone()));
        // And the text reads back to the same plan, in parts and in one pass.
        let read = parse_whole(&one).map(|(p, _)| p).ok();
        prop_assert_eq!(read.as_ref(), Some(&plan));
        prop_assert_eq!(parse_in_parts(&one, 2).map(|(p, _)| p), read);
    }
}

// ---------------------------------------------------------------- analysis

#[test]
fn the_analysis_is_the_same_on_any_number_of_threads() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plans = vec![generate_plan(25, 40, 8), generate_plan(3, 2, 1)];
    for file in [
        "tests/fixtures/findings-demo.ron",
        "tests/fixtures/hostile-labels.ron",
    ] {
        plans.push(storage::load(&root.join(file)).expect(file).plan);
    }
    for plan in &plans {
        let one = automap::analysis::analyze_on(plan, 1);
        // The generated plans and the findings demo have findings of many rules to compare.
        assert!(
            one.findings.len() > 5 || plan.step_count() < 10,
            "{}: {} findings",
            plan.name,
            one.findings.len()
        );
        for threads in [2, 3, 8] {
            assert_eq!(
                automap::analysis::analyze_on(plan, threads),
                one,
                "{} on {threads} threads",
                plan.name
            );
        }
    }
}
