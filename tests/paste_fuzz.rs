//! The clipboard paste parser against anything a clipboard can hold: pasted
//! lists (bullets, numbers, task boxes), steps copied from a map and then
//! damaged, random unicode and huge lines. It never panics, keeps to its size
//! caps, pastes only what keeps the plan valid, and copied steps come back
//! exactly as they were copied.
//!
//! A proptest-driven fuzz test (the default run is short); the long run is
//! `AUTOMAP_PASTE_FUZZ_SECS=600 cargo test --release --test paste_fuzz
//! paste_fuzz_for_a_while -- --ignored --nocapture`.

mod common;

use automap::edit::Document;
use automap::edit::paste::{
    self, CLIP_HEADER, Clip, Fragment, MAX_STEPS, MAX_TEXT_BYTES, MAX_TITLE_CHARS, PasteError,
};
use automap::model::{Link, Plan, Pos, Step, StepId, StepKind, Workflow, WorkflowId};
use automap::storage;
use common::mutate::{Mutation, mutate_bytes};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn example(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name);
    match storage::load(&path) {
        Ok(l) => l.plan,
        Err(e) => panic!("{name} must load: {e}"),
    }
}

/// The plans pasted into, loaded once.
fn plans() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| vec![example("order-fulfillment.ron"), example("demo-shop.ron")])
}

/// Copied-steps text of every workflow of the example plans, in a few cuts.
fn copied_seeds() -> Vec<String> {
    let mut out = Vec::new();
    for plan in plans() {
        for w in &plan.workflows {
            let all: Vec<StepId> = w.steps.iter().map(|s| s.id).collect();
            for cut in [all.len(), all.len() / 2, 2, 1] {
                let ids: HashSet<StepId> = all.iter().take(cut).copied().collect();
                if ids.is_empty() {
                    continue;
                }
                let f = paste::copy_fragment(plan, w.id, &ids);
                out.push(paste::fragment_to_text(&f));
            }
        }
    }
    out
}

// ------------------------------------------------------------ strategies

const MARKERS: &[&str] = &[
    "", "- ", "* ", "• ", "+ ", "– ", "· ", "1. ", "2) ", "10. ", "9999) ", "12345. ", "[ ] ",
    "[x] ", "[X] ", "[] ", "- [ ] ", "- [x] ", "1. [ ] ", "-", "*", "1.", "[", "   ", "\t",
];

const TITLES: &[&str] = &[
    "Receive order",
    "Check stock",
    "Send tracking email",
    "-5 % discount",
    "2024.report",
    "Ask \"why?\" | note [x] {y}",
    "ünïcödé 📦 ✅",
    "\u{202e}rtl\u{202c}",
    "\u{feff}bom",
    "\0nul",
    "a\rb",
    "end",
    "<script>alert(1)</script>",
    "r#\"raw\"#",
    "automap-steps v1",
];

/// Pieces of clipboard text beyond the plan texts' RON pieces.
const CLIP_TOKENS: &[&str] = &[
    "\r\n",
    "-inf",
    "4294967295",
    "4294967296",
    "📦",
    "id: 0",
    "from: 1, to: 2",
    "kind: Decision",
    "links: [",
    "pos: (x: NaN, y: inf)",
    "minutes: -1e308",
    "layer: Some(L9)",
    "title: \"",
    CLIP_HEADER,
];
fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(TITLES).prop_map(str::to_owned),
        3 => "\\PC{0,40}",
        1 => prop::collection::vec(any::<char>(), 0..40).prop_map(|c| c.into_iter().collect()),
        1 => (prop::sample::select(&["x", "é", "📦", "- ", "\""][..]), 100..800usize)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// A pasted list: lines with markers, blank lines, LF or CRLF.
fn list_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((prop::sample::select(MARKERS), title()), 0..40),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(lines, crlf, header_like)| {
            let sep = if crlf { "\r\n" } else { "\n" };
            let mut text: String = lines
                .into_iter()
                .map(|(m, t)| format!("{m}{t}"))
                .collect::<Vec<_>>()
                .join(sep);
            if header_like {
                // A list that merely mentions the header later on is still a list.
                text.push_str(sep);
                text.push_str("see automap-steps v1 for copies");
            }
            text
        })
}

fn token() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        prop::sample::select(common::mutate::RON_TOKENS),
        prop::sample::select(CLIP_TOKENS),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        common::mutate::mutation(common::mutate::RON_TOKENS, 400),
        common::mutate::mutation(CLIP_TOKENS, 400),
    ]
}

/// Damage text byte by byte; the clipboard only ever hands over valid UTF-8,
/// so broken sequences become replacement characters.
fn mutate(text: &str, muts: &[Mutation]) -> String {
    String::from_utf8_lossy(&mutate_bytes(text.as_bytes().to_vec(), muts)).into_owned()
}

/// Anything a clipboard may hold.
fn clip_text() -> impl Strategy<Value = String> {
    let seeds = copied_seeds();
    prop_oneof![
        4 => (prop::sample::select(seeds), prop::collection::vec(mutation(), 1..6))
            .prop_map(|(s, m)| mutate(&s, &m)),
        3 => list_text(),
        1 => (list_text(), prop::collection::vec(mutation(), 1..4)).prop_map(|(s, m)| mutate(&s, &m)),
        1 => prop::collection::vec(any::<char>(), 0..300).prop_map(|c| c.into_iter().collect()),
        1 => prop::collection::vec(token(), 0..80).prop_map(|t| t.concat()),
        1 => prop::collection::vec(token(), 0..80)
            .prop_map(|t| format!("{CLIP_HEADER}\n{}", t.concat())),
        // Huge lines, with and without the header in front.
        1 => (prop::sample::select(&["x", "é", "- a", "[", "(", "📦", " "][..]), 1_000..200_000usize, prop::bool::ANY)
            .prop_map(|(s, n, header)| {
                let body = s.repeat(n);
                if header { format!("{CLIP_HEADER}\n{body}") } else { body }
            }),
    ]
}

// ------------------------------------------------------------ properties

/// What pasting `text` must do, whatever it is: no panic, size caps kept,
/// and when it pastes, the plan stays valid and one undo takes it back.
fn paste_holds_up(text: &str, plan: &Plan) {
    let clip = match paste::parse_clip(text) {
        Ok(c) => c,
        Err(PasteError::TooLong(n)) => {
            assert!(text.len() > MAX_TEXT_BYTES && n == text.len());
            return;
        }
        Err(e) => {
            assert!(text.len() <= MAX_TEXT_BYTES);
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    assert!(text.len() <= MAX_TEXT_BYTES);
    let Some(wf) = plan.workflows.first().map(|w| w.id) else {
        return;
    };
    let first = plan.next_step_id();
    let fragment = match clip {
        Clip::List(titles) => {
            assert!(!titles.is_empty() && titles.len() <= MAX_STEPS);
            for t in &titles {
                assert!(!t.is_empty(), "empty title from {text:?}");
                assert!(t.chars().count() <= MAX_TITLE_CHARS);
                assert!(!t.contains('\n'));
                assert_eq!(t.trim(), t, "titles are trimmed");
            }
            let f = paste::chain_from_titles(&titles, first, Pos::new(100.0, 100.0));
            assert_eq!(f.steps.len(), titles.len());
            assert_eq!(f.links.len(), titles.len() - 1);
            f
        }
        Clip::Fragment(f) => {
            assert!(!f.steps.is_empty() && f.steps.len() <= MAX_STEPS);
            paste::rebase_fragment(&f, first, Some(Pos::new(10.0, 10.0)), Pos::new(40.0, 40.0))
        }
    };
    // The fragment as it will be inserted.
    assert!(fragment.steps.len() <= MAX_STEPS);
    let mut ids = HashSet::new();
    for s in &fragment.steps {
        assert!(s.id.0 >= first.0, "a pasted step reuses an id");
        assert!(ids.insert(s.id), "a pasted step id repeats");
        assert!(s.title.chars().count() <= MAX_TITLE_CHARS);
        assert!(s.pos.x.is_finite() && s.pos.y.is_finite());
    }
    let mut pairs = HashSet::new();
    for l in &fragment.links {
        assert!(ids.contains(&l.from) && ids.contains(&l.to));
        assert_ne!(l.from, l.to);
        assert!(pairs.insert((l.from, l.to)));
        assert!(l.label.chars().count() <= MAX_TITLE_CHARS);
    }
    let mut doc = Document::new(plan.clone());
    let n = fragment.steps.len();
    let result = doc.apply("Paste", paste::insert_edit(wf, fragment));
    assert!(result.is_ok(), "a checked fragment pastes: {result:?}");
    assert_eq!(doc.plan().step_count(), plan.step_count() + n);
    let errors: Vec<String> = storage::validate(doc.plan())
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "pasting made the plan invalid: {errors:?}"
    );
    assert!(doc.undo().is_some());
    assert_eq!(doc.plan(), plan, "one undo takes the paste back");
}

fn check_any(text: &str) {
    for plan in plans() {
        paste_holds_up(text, plan);
    }
}

/// Steps with random titles and positions and random links among them.
fn random_workflow() -> impl Strategy<Value = Workflow> {
    (
        prop::collection::vec(
            (
                title(),
                prop::sample::select(&StepKind::ALL[..]),
                -1.0e5f32..1.0e5,
                -1.0e5f32..1.0e5,
            ),
            1..30,
        ),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                title(),
            ),
            0..40,
        ),
    )
        .prop_map(|(steps, links)| {
            let n = steps.len();
            let steps: Vec<Step> = steps
                .into_iter()
                .enumerate()
                .map(|(i, (t, k, x, y))| Step::new(StepId(i as u32 + 1), k, t, Pos::new(x, y)))
                .collect();
            let mut seen = HashSet::new();
            let links = links
                .into_iter()
                .filter_map(|(a, b, label)| {
                    let (from, to) = (StepId(a.index(n) as u32 + 1), StepId(b.index(n) as u32 + 1));
                    (from != to && seen.insert((from, to))).then_some(Link { from, to, label })
                })
                .collect();
            Workflow {
                id: WorkflowId(1),
                name: "Random".to_owned(),
                steps,
                links,
                ..Workflow::default()
            }
        })
}

/// Copy some steps and parse the copy back: the same steps and the same links
/// among them.
fn copy_round_trips(plan: &Plan, wf: WorkflowId, pick: &[bool]) {
    let Some(w) = plan.workflow(wf) else { return };
    let ids: HashSet<StepId> = w
        .steps
        .iter()
        .zip(pick.iter().cycle())
        .filter(|(_, p)| **p)
        .map(|(s, _)| s.id)
        .collect();
    let copied = paste::copy_fragment(plan, wf, &ids);
    let text = paste::fragment_to_text(&copied);
    match paste::parse_clip(&text) {
        Ok(Clip::Fragment(back)) => {
            assert_eq!(back, copied);
            assert_eq!(back.steps.len(), ids.len());
        }
        Err(PasteError::Empty) => assert!(ids.is_empty()),
        other => panic!("copied steps did not come back: {other:?}"),
    }
}

proptest! {
    // Kept small so the default run stays short; the long run is below.
    #![proptest_config(ProptestConfig { cases: 100, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_paste(text in clip_text()) {
        check_any(&text);
    }

    #[test]
    fn pasted_lists_keep_their_lines(lines in prop::collection::vec((prop::sample::select(MARKERS), title()), 1..30)) {
        let text: String = lines.iter().map(|(m, t)| format!("{m}{t}\n")).collect();
        check_any(&text);
        // Every line with a plain title keeps that title.
        let parsed = paste::parse_list(&text);
        let plain = lines.iter().filter(|(_, t)| {
            let t = t.trim();
            !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == ' ') && !t.starts_with(|c: char| c.is_ascii_digit())
        }).count();
        prop_assert!(parsed.len() >= plain);
    }

    #[test]
    fn copied_random_steps_round_trip(w in random_workflow(), pick in prop::collection::vec(any::<bool>(), 1..8)) {
        let mut plan = Plan::new("Round trip");
        plan.workflows.push(w);
        copy_round_trips(&plan, WorkflowId(1), &pick);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn copied_example_steps_round_trip(pick in prop::collection::vec(any::<bool>(), 1..8)) {
        for plan in plans() {
            for w in &plan.workflows {
                copy_round_trips(plan, w.id, &pick);
            }
        }
    }
}

#[test]
fn text_over_the_cap_is_refused_by_length() {
    let text = format!("{CLIP_HEADER}\n{}", "x".repeat(MAX_TEXT_BYTES));
    assert!(matches!(
        paste::parse_clip(&text),
        Err(PasteError::TooLong(_))
    ));
    let list = "- a\n".repeat(MAX_TEXT_BYTES / 4 + 1);
    assert!(matches!(
        paste::parse_clip(&list),
        Err(PasteError::TooLong(_))
    ));
}

#[test]
fn a_list_longer_than_the_cap_is_cut_to_it() {
    let text = "- step\n".repeat(MAX_STEPS + 100);
    match paste::parse_clip(&text) {
        Ok(Clip::List(l)) => assert_eq!(l.len(), MAX_STEPS),
        other => panic!("{other:?}"),
    }
    check_any(&text);
}

#[test]
fn copied_fragment_over_the_cap_is_cut_to_it() {
    let steps: Vec<Step> = (0..MAX_STEPS as u32 + 10)
        .map(|i| Step::new(StepId(i + 1), StepKind::Task, "s", Pos::new(0.0, 0.0)))
        .collect();
    let text = paste::fragment_to_text(&Fragment {
        steps,
        links: Vec::new(),
    });
    match paste::parse_clip(&text) {
        Ok(Clip::Fragment(f)) => assert_eq!(f.steps.len(), MAX_STEPS),
        other => panic!("{other:?}"),
    }
}

// ------------------------------------------------------------ regressions

fn regression_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/paste")
}

/// Inputs the fuzzer once tripped over, kept as files.
#[test]
fn saved_regression_inputs_hold_up() {
    let Ok(entries) = std::fs::read_dir(regression_dir()) else {
        return;
    };
    for e in entries.flatten() {
        let bytes = std::fs::read(e.path()).unwrap_or_default();
        check_any(&String::from_utf8_lossy(&bytes));
    }
}

/// Long fuzzing run: `AUTOMAP_PASTE_FUZZ_SECS=600 cargo test --release --test
/// paste_fuzz paste_fuzz_for_a_while -- --ignored --nocapture`. Prints the
/// number of inputs tried; a failing input is written to
/// `tests/fixtures/paste/fuzz-crash-*.txt`.
#[test]
#[ignore = "long run; set AUTOMAP_PASTE_FUZZ_SECS"]
fn paste_fuzz_for_a_while() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let secs: u64 = std::env::var("AUTOMAP_PASTE_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let strategy = clip_text();
    let mut runner = TestRunner::deterministic();
    let mut runs = 0u64;
    let mut failures = 0u64;
    let _ = plans();
    std::panic::set_hook(Box::new(|_| {}));
    while std::time::Instant::now() < deadline {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let input = tree.current();
        runs += 1;
        if std::panic::catch_unwind(|| check_any(&input)).is_err() {
            failures += 1;
            let _ = std::fs::create_dir_all(regression_dir());
            let _ = std::fs::write(
                regression_dir().join(format!("fuzz-crash-{runs}.txt")),
                &input,
            );
        }
    }
    let _ = std::panic::take_hook();
    println!("fuzzed the paste parser with {runs} inputs in {secs} s: {failures} failures");
    assert_eq!(failures, 0);
}
