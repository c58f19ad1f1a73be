//! Importing spreadsheets, checklists and Mermaid flowcharts: the example
//! plans survive a trip through their own export, spreadsheet quirks are
//! understood, and hostile files are refused with a clear message.

use automap::import::{self, Format, ImportError, MAX_IMPORT_BYTES};
use automap::model::{Plan, Tag, Workflow};
use std::path::Path;

fn load(rel: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    automap::storage::load(&path)
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .plan
}

/// Title, kind and tag of each step.
type StepFacts = Vec<(String, String, Tag)>;
/// Each link as (from, to) step positions with its label.
type LinkFacts = Vec<(usize, usize, String)>;

/// What a diagram can carry: titles, kinds, tags, and links with labels (by step position).
fn diagram_facts(w: &Workflow) -> (StepFacts, LinkFacts) {
    let steps = w
        .steps
        .iter()
        .map(|s| (s.title.clone(), s.kind.label().to_owned(), s.tag))
        .collect();
    let index = |id| {
        w.steps
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(usize::MAX)
    };
    let links = w
        .links
        .iter()
        .map(|l| (index(l.from), index(l.to), l.label.clone()))
        .collect();
    (steps, links)
}

#[test]
fn example_plans_round_trip_through_their_mermaid_export() {
    for rel in [
        "plans/order-fulfillment.ron",
        "plans/demo-shop.ron",
        "tests/fixtures/hostile-labels.ron",
    ] {
        let plan = load(rel);
        let md = automap::export::markdown(&plan);
        let back = import::import_text(&md, "md", "x").unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(back.format, Some(Format::Mermaid));
        let drawn: Vec<&Workflow> = plan
            .workflows
            .iter()
            .filter(|w| !w.steps.is_empty())
            .collect();
        assert_eq!(back.workflows.len(), drawn.len(), "{rel}");
        for (a, b) in drawn.iter().zip(&back.workflows) {
            if rel.contains("hostile") {
                // Hostile labels are made safe on the way out; the shape survives.
                assert_eq!(a.steps.len(), b.steps.len(), "{rel}: {}", a.name);
                assert_eq!(a.links.len(), b.links.len(), "{rel}: {}", a.name);
                continue;
            }
            assert_eq!(b.name, a.name, "{rel}");
            assert_eq!(diagram_facts(b), diagram_facts(a), "{rel}: {}", a.name);
        }
        // The result is a plan the app accepts.
        let imported = back.into_plan("Back");
        assert!(automap::storage::validate(&imported).is_empty(), "{rel}");
    }
}

#[test]
fn a_spreadsheet_with_quoted_commas_semicolons_and_a_bom() {
    let text = "\u{feff}\"Step\";\"Owner\";\"System\";\"How often\";\"Minutes\";\"Notes\"\r\n\
        \"Pack, label and seal\";\"Sam\";\"Warehouse\";\"40/day\";\"3\";\"Fragile items; bubble wrap\"\r\n\
        \"Book courier\";\"Sam\";\"ShipStation\";\"3 per week\";\"1,5 h\";\"Say \"\"hi\"\"\"\r\n";
    let i = import::import_text(text, "csv", "Packing").unwrap();
    let w = &i.workflows[0];
    assert_eq!(w.steps[0].title, "Pack, label and seal");
    assert_eq!(w.steps[0].notes, "Fragile items; bubble wrap");
    assert_eq!(w.steps[1].minutes, 90.0);
    assert_eq!(w.steps[1].notes, "Say \"hi\"");
    assert_eq!(w.links.len(), 1);
    // The same sheet exported with commas.
    let commas = "Step,Owner,Minutes\n\"Pack, label and seal\",Sam,3\nBook courier,Sam,90\n";
    let j = import::import_text(commas, "csv", "Packing").unwrap();
    assert_eq!(j.workflows[0].steps[0].title, "Pack, label and seal");
    // And as TSV.
    let tabs = "Step\tOwner\tMinutes\nPack, label and seal\tSam\t3\n";
    let k = import::import_text(tabs, "tsv", "Packing").unwrap();
    assert_eq!(k.workflows[0].steps[0].owner, "Sam");
}

#[test]
fn a_checklist_with_boxes_numbers_and_branches() {
    let text = "# Returns\n\n1. [ ] Customer asks to return\n2. [ ] Within 30 days?\n   - no: Exception: Owner decides on goodwill\n3. [x] Send return label\n4. [ ] End: Return closed\n";
    let i = import::import_text(text, "md", "x").unwrap();
    assert_eq!(i.format, Some(Format::Checklist));
    let w = &i.workflows[0];
    assert_eq!(w.name, "Returns");
    let titles: Vec<&str> = w.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Customer asks to return",
            "Within 30 days?",
            "Owner decides on goodwill",
            "Send return label",
            "Return closed"
        ]
    );
    assert!(w.links.iter().any(|l| l.label == "no"));
}

#[test]
fn hostile_files_are_refused_with_a_reason_or_imported_whole() {
    let empty = import::import_bytes(b"", Path::new("x.csv"));
    assert_eq!(empty, Err(ImportError::Empty));
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let e = import::import_bytes(&binary, Path::new("x.csv")).unwrap_err();
    assert!(matches!(e, ImportError::NotText { .. }), "{e}");
    let too_big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        import::import_bytes(&too_big, Path::new("x.txt")),
        Err(ImportError::TooLarge { .. })
    ));
    // Ten megabytes of notes in a thousand rows still import.
    let mut big = String::from("Step,Notes\n");
    let note = "x".repeat(10_000);
    for k in 0..1_000 {
        big.push_str(&format!("Step {k},{note}\n"));
    }
    assert!(big.len() >= 10_000_000);
    let i = import::import_text(&big, "csv", "Big").unwrap();
    assert_eq!(i.workflows[0].steps.len(), 1_000);
    assert!(i.workflows[0].steps[0].notes.chars().count() <= import::MAX_TEXT_CHARS);
    // Brackets and quotes that never close.
    for text in [
        "flowchart LR\n a[\"x --> b\n",
        "flowchart LR\n a -->|yes b\n",
        "Step\n\"open\n",
    ] {
        let ext = if text.starts_with("Step") {
            "csv"
        } else {
            "mmd"
        };
        let e = import::import_text(text, ext, "x").unwrap_err();
        assert!(e.position().is_some(), "{text:?}: {e}");
    }
}

#[test]
fn ten_thousand_rows_import_as_one_chain() {
    let mut text = String::from("Task,Who,How often,Time\n");
    for k in 0..10_000 {
        text.push_str(&format!(
            "\"Step {k}, checked\",Sam,{}/day,{} min\n",
            k % 50 + 1,
            k % 9 + 1
        ));
    }
    let i = import::import_text(&text, "csv", "Many").unwrap();
    let w = &i.workflows[0];
    assert_eq!(w.steps.len(), 10_000);
    assert_eq!(w.links.len(), 9_999);
    let plan = i.into_plan("Many");
    assert!(automap::storage::validate(&plan).is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any mix of the formats' own pieces either imports into a valid plan or
    /// is refused with a reason; nothing panics.
    #[test]
    fn pieces_of_every_format_never_panic(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "flowchart LR\n", "graph TD\n", "a[\"Pack\"]", " --> ", "-->|yes|", " -- no --> ",
                "b{\"Ok?\"}", "c{{\"x\"}}", "d((end))", "e([\"start\"])", ":::automate", "class a automate\n",
                "```mermaid\n", "```\n", "# Heading\n", "- [ ] ", "  ", "\t", "1. ", "yes: ", "Exception: ",
                "Step;Who;Next\n", "Step,Minutes,How often\n", "\"", ";", ",", "\n", "\r\n", "#quot;", "#35;",
                "15 min", "3/day", "twice a week", "\u{feff}", "é", "[", "]", "{", "}", "|", "&", "%%",
            ]),
            0..60,
        ),
        ext in proptest::sample::select(vec!["", "csv", "tsv", "md", "txt", "mmd"]),
    ) {
        let text: String = pieces.concat();
        if let Ok(imported) = import::import_text(&text, ext, "Fuzz") {
            proptest::prop_assert!(imported.step_count() > 0);
            let plan = imported.into_plan("Fuzz");
            let problems = automap::storage::validate(&plan);
            proptest::prop_assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
        }
    }
}
