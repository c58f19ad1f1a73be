//! The Markdown export: goldens of the example plans, structure checked with a
//! real Markdown parser, escaping of hostile plan text, and the roadmap's
//! suggestion and costs on the example plans.

use automap::analysis::{PriorityClass, analyze};
use automap::export::markdown_dated;
use automap::model::{Column, Plan, RoadmapItem, StepId, StepKind, Tag};
use automap::roadmap::{suggest, summarize};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag as MdTag, TagEnd};
use std::path::PathBuf;

const DATE: &str = "2026-11-26";

fn load(rel: &str) -> Plan {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    automap::storage::load(&path)
        .unwrap_or_else(|e| panic!("{rel} does not load: {e}"))
        .plan
}

/// The plan with the roadmap the app suggests for it (what "Suggest" then export gives).
fn with_suggestion(mut plan: Plan) -> Plan {
    let analysis = analyze(&plan);
    plan.roadmap = suggest(&plan, &analysis);
    plan
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH
}

/// Count the cells of a raw table line the way GFM does: unescaped pipes split cells.
fn raw_cells(line: &str) -> usize {
    let s = line.trim();
    let mut n = 1;
    let mut backslashes = 0;
    for c in s.chars() {
        if c == '|' && backslashes % 2 == 0 {
            n += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    if s.starts_with('|') {
        n -= 1;
    }
    if s.ends_with('|') && !s.ends_with("\\|") {
        n -= 1;
    }
    n
}

#[derive(Debug, Default)]
struct Structure {
    headings: Vec<(HeadingLevel, String)>,
    tables: usize,
    task_items: usize,
    mermaid: Vec<String>,
    other_code: usize,
    html: Vec<String>,
    links: usize,
}

/// Parse the document and check every table keeps its column count on every row.
fn structure(md: &str) -> Structure {
    let mut s = Structure::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut code: Option<String> = None;
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match event {
            Event::Start(MdTag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => s.headings.extend(heading.take()),
            Event::Start(MdTag::Table(aligns)) => {
                s.tables += 1;
                let lines: Vec<&str> = md[range].lines().filter(|l| !l.trim().is_empty()).collect();
                for line in &lines {
                    assert_eq!(
                        raw_cells(line),
                        aligns.len(),
                        "table row with the wrong number of cells: {line}"
                    );
                }
            }
            Event::TaskListMarker(_) => s.task_items += 1,
            Event::Start(MdTag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "mermaid" => {
                code = Some(String::new())
            }
            Event::Start(MdTag::CodeBlock(_)) => s.other_code += 1,
            Event::End(TagEnd::CodeBlock) => s.mermaid.extend(code.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some(c) = code.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => s.html.push(h.to_string()),
            Event::Start(MdTag::Link { .. } | MdTag::Image { .. }) => s.links += 1,
            _ => {}
        }
    }
    s
}

fn month_items(plan: &Plan) -> usize {
    plan.roadmap
        .items
        .iter()
        .filter(|i| i.column.month_index().is_some())
        .count()
}

fn check_example(plan: &Plan, md: &str) {
    let s = structure(md);
    assert!(s.html.is_empty(), "raw HTML: {:?}", s.html);
    assert_eq!(s.links, 0);
    assert_eq!(s.other_code, 0);
    assert_eq!(
        s.task_items,
        month_items(plan),
        "one task per item of months 1–3"
    );
    assert!(s.task_items > 0, "the example roadmap plans something");
    let flowcharts = plan
        .workflows
        .iter()
        .filter(|w| !w.steps.is_empty())
        .count();
    let kind = |k: &str| s.mermaid.iter().filter(|m| m.starts_with(k)).count();
    assert_eq!(kind("flowchart"), flowcharts, "a flowchart per workflow");
    assert_eq!(kind("gantt"), 1, "one gantt");
    assert_eq!(kind("quadrantChart"), 1, "the priority matrix");
    assert_eq!(kind("xychart-beta"), 1, "savings against cost");
    assert_eq!(s.mermaid.len(), flowcharts + 3);
    // Summary, steps per workflow, tools.
    assert!(s.tables >= 2 + plan.workflows.len());
    let h2: Vec<&str> = s
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        [
            "Summary",
            "The four questions",
            "Workflows",
            "90-day roadmap",
            "What changes for each person",
            "Findings",
            "Tools and cost"
        ]
    );
    assert!(md.contains("Verify every price"));
}

#[test]
fn order_fulfillment_export_golden() {
    let plan = with_suggestion(load("plans/order-fulfillment.ron"));
    let md = markdown_dated(&plan, DATE);
    check_example(&plan, &md);
    insta::assert_snapshot!("order_fulfillment", md);
}

#[test]
fn order_fulfillment_in_owner_lanes_export_golden() {
    // The example shown in lanes by owner: its flowchart groups the steps in
    // one subgraph per owner, in the lanes' order.
    let mut plan = with_suggestion(load("plans/order-fulfillment.ron"));
    let w = &mut plan.workflows[0];
    w.lanes.by = automap::model::LaneMode::Owner;
    w.lanes.order = vec!["Sam (fulfillment)".into()];
    let md = markdown_dated(&plan, DATE);
    check_example(&plan, &md);
    let charts = structure(&md).mermaid;
    let chart = charts
        .iter()
        .find(|c| c.starts_with("flowchart"))
        .unwrap_or_else(|| panic!("a flowchart of the workflow"));
    assert!(chart.starts_with("flowchart LR"), "a plain flowchart");
    assert!(!chart.contains("direction"), "no per-subgraph direction");
    let lanes: Vec<&str> = chart
        .lines()
        .filter(|l| l.trim_start().starts_with("subgraph "))
        .collect();
    assert_eq!(lanes.len(), 5, "four owners and the unassigned: {lanes:?}");
    assert!(lanes[0].contains("Sam (fulfillment)"));
    assert_eq!(
        chart.lines().filter(|l| l.trim() == "end").count(),
        lanes.len()
    );
    insta::assert_snapshot!("order_fulfillment_lanes", md);
}

#[test]
fn demo_shop_export_golden() {
    // Exported as saved: its board was arranged by hand, with chosen price options.
    let plan = load("plans/demo-shop.ron");
    let md = markdown_dated(&plan, DATE);
    check_example(&plan, &md);
    insta::assert_snapshot!("demo_shop", md);
}

#[test]
fn findings_demo_export_golden() {
    // The plan that shows every finding: each one listed in the export.
    let plan = load("tests/fixtures/findings-demo.ron");
    let md = markdown_dated(&plan, DATE);
    check_example(&plan, &md);
    insta::assert_snapshot!("findings_demo", md);
}

#[test]
fn the_export_is_the_same_twice_for_a_fixed_date() {
    let plan = with_suggestion(load("plans/demo-shop.ron"));
    assert_eq!(markdown_dated(&plan, DATE), markdown_dated(&plan, DATE));
    assert!(markdown_dated(&plan, DATE).contains("2026-11-26"));
}

#[test]
fn hostile_labels_stay_text() {
    let plan = load("tests/fixtures/hostile-labels.ron");
    let md = markdown_dated(&plan, DATE);
    let s = structure(&md);
    assert!(s.html.is_empty(), "raw HTML got through: {:?}", s.html);
    assert_eq!(s.links, 0, "a link got through");
    assert_eq!(s.other_code, 0, "a code fence got through");
    assert!(!md.to_lowercase().contains("<script"));
    assert!(!md.contains("<img"));
    // Exactly the task items of the roadmap: none from a failure plan or goal text.
    assert_eq!(s.task_items, month_items(&plan));
    // Headings: only the document's own (no "# not a heading" from a description).
    assert!(
        s.headings.iter().all(|(_, t)| !t.contains("not a heading")),
        "{:?}",
        s.headings
    );
    // Two workflows with steps, one gantt, the matrix and the savings chart:
    // the description's fence did not open a block.
    assert_eq!(s.mermaid.len(), 5);
    for block in &s.mermaid {
        for line in block.lines() {
            let t = line.trim();
            assert!(!t.to_lowercase().starts_with("click"), "directive: {t}");
            assert!(!t.contains("%%"), "comment or directive: {t}");
            assert!(!t.contains('<') && !t.contains('`'), "markup: {t}");
            assert!(!t.to_lowercase().starts_with("subgraph"), "{t}");
            assert!(!t.to_lowercase().starts_with("style"), "{t}");
            if t == "end" {
                panic!("a bare end line closes a block: {block}");
            }
        }
    }
    let flows: Vec<&String> = s
        .mermaid
        .iter()
        .filter(|m| m.starts_with("flowchart"))
        .collect();
    let flow = flows[0];
    for line in flow.lines().map(str::trim).filter(|l| l.starts_with('n')) {
        // Node and arrow lines: generated ids, quotes only as delimiters.
        let quotes = line.matches('"').count();
        assert!(quotes == 0 || quotes == 2, "quotes in {line}");
    }
    assert!(
        flow.contains("n2[\"end\"]"),
        "the word end is a plain label"
    );
    assert!(flow.contains("#quot;placed#quot;"));
    assert!(flow.contains("#128230;"), "emoji are entities in Mermaid");
    let gantt = s
        .mermaid
        .iter()
        .find(|m| m.starts_with("gantt"))
        .expect("a gantt");
    // After the header (title, dates, today marker, accessible title and
    // description, milestones), every line is a month or a task.
    let header = [
        "todayMarker off",
        "accTitle: ",
        "accDescr: ",
        "section Milestones",
        "Day ",
    ];
    for line in gantt.lines().skip(3) {
        let t = line.trim();
        if header.iter().any(|h| t.starts_with(h)) {
            continue;
        }
        assert!(
            t.starts_with("section Month ") || t.starts_with(|c: char| c.is_ascii_digit()),
            "gantt line: {t}"
        );
        assert_eq!(
            t.matches(':').count(),
            usize::from(!t.starts_with("section"))
        );
    }
    // Emoji survive in Markdown text.
    assert!(md.contains("📦🚚"));
}

#[test]
fn unknown_prices_show_as_verify_price_and_totals_say_unknown() {
    let plan = load("tests/fixtures/hostile-labels.ron");
    let md = markdown_dated(&plan, DATE);
    assert!(md.contains("verify price"));
    assert!(md.contains("+ unknown"));
}

#[test]
fn month_one_holds_the_quick_wins_of_the_examples() {
    for name in ["plans/order-fulfillment.ron", "plans/demo-shop.ron"] {
        let plan = load(name);
        let analysis = analyze(&plan);
        let roadmap = suggest(&plan, &analysis);
        let mut wins = 0;
        for item in &roadmap.items {
            let Some(insight) = analysis.step(item.step) else {
                continue;
            };
            if insight.class == PriorityClass::QuickWin && item.column != Column::StaysManual {
                wins += 1;
                assert!(
                    item.column == Column::Month1 || item.moved_from == Some(Column::Month1),
                    "{name}: quick win {} in {:?}",
                    item.step,
                    item.column
                );
            }
            if matches!(insight.class, PriorityClass::NeverAutomate) {
                assert_eq!(item.column, Column::StaysManual, "{name}: {}", item.step);
            }
        }
        let month1 = roadmap
            .items
            .iter()
            .filter(|i| i.column == Column::Month1)
            .count();
        assert!(month1 > 0, "{name}: Month 1 is empty");
        assert!(
            wins > 0 || analysis.steps.is_empty(),
            "{name}: no quick wins"
        );
        // Triggers and ends are events, not work.
        for item in &roadmap.items {
            let kind = plan.find_step(item.step).map(|(_, s)| s.kind);
            assert!(!matches!(kind, Some(StepKind::Trigger | StepKind::End)));
        }
    }
}

#[test]
fn overflow_moves_on_in_the_demo_shop() {
    let mut plan = load("tests/fixtures/findings-demo.ron");
    plan.profile.setup_hours_per_week = 1.0;
    plan.roadmap.items.clear();
    let analysis = analyze(&plan);
    plan.roadmap = suggest(&plan, &analysis);
    let summary = summarize(&plan, &analysis);
    for m in &summary.months {
        assert!(!m.over_capacity(), "month {} over capacity", m.index + 1);
    }
    assert!(
        !summary.moved.is_empty(),
        "with one hour a week something must move on"
    );
    let md = markdown_dated(&plan, DATE);
    assert!(md.contains("was full") || md.contains("no setup hours were left"));
}

#[test]
fn pinned_items_stay_when_suggesting_again() {
    let mut plan = load("plans/order-fulfillment.ron");
    let analysis = analyze(&plan);
    plan.roadmap = suggest(&plan, &analysis);
    let first = plan
        .roadmap
        .items
        .iter()
        .position(|i| i.column == Column::Month1)
        .expect("Month 1 has an item");
    let id: StepId = plan.roadmap.items[first].step;
    plan.roadmap.items[first] = RoadmapItem {
        column: Column::Later,
        pinned: true,
        ..plan.roadmap.items[first].clone()
    };
    let again = suggest(&plan, &analysis);
    let item = again.item(id).expect("still on the board");
    assert_eq!(item.column, Column::Later);
    assert!(item.pinned);
}

#[test]
fn a_shared_tool_is_counted_once_in_the_export() {
    let mut plan = load("plans/order-fulfillment.ron");
    let ids: Vec<StepId> = plan.workflows[0]
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Task)
        .take(3)
        .map(|s| s.id)
        .collect();
    plan.roadmap.items = ids
        .iter()
        .map(|&step| RoadmapItem {
            step,
            column: Column::Month1,
            tool: Some("zapier".into()),
            ..Default::default()
        })
        .collect();
    for w in &mut plan.workflows {
        for s in &mut w.steps {
            s.tag = if ids.contains(&s.id) {
                Tag::Automate
            } else {
                s.tag
            };
        }
    }
    let summary = summarize(&plan, &analyze(&plan));
    assert_eq!(summary.months[0].tools.len(), 1);
    assert_eq!(summary.months[0].cost.format("USD"), "$19.99");
    let md = markdown_dated(&plan, DATE);
    assert!(md.contains("Zapier ($19.99); $19.99 a month"), "{md}");
}

#[test]
fn very_large_workflows_get_their_table_without_a_diagram() {
    let plan = automap::testing::generate_plan(2, 200, 11);
    let md = markdown_dated(&plan, DATE);
    let s = structure(&md);
    // No flowchart for the two 200-step workflows (Mermaid refuses such sizes), only the gantt.
    assert!(s.mermaid.iter().all(|m| !m.starts_with("flowchart")));
    assert!(md.contains("too many for a readable diagram"));
    let rows = md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(" | Task | "))
        .count();
    assert!(rows > 300, "every step is still listed: {rows}");
    // The gantt stays within its limit per month.
    if let Some(g) = s.mermaid.iter().find(|m| m.starts_with("gantt")) {
        assert!(g.lines().filter(|l| l.contains(":t")).count() <= 3 * 40);
    }
}

/// Large plans have their workflow sections written on several threads; the
/// document is the same byte for byte, whatever the number of parts.
#[test]
fn the_export_is_the_same_written_in_parts() {
    use automap::export::markdown_in_parts;
    let plans = [
        automap::testing::generate_plan(12, 9, 4),
        load("plans/demo-shop.ron"),
        load("tests/fixtures/findings-demo.ron"),
        load("tests/fixtures/hostile-labels.ron"),
        with_suggestion(load("plans/demo-shop.ron")),
    ];
    for plan in &plans {
        let analysis = analyze(plan);
        let one = markdown_in_parts(plan, &analysis, DATE, 1);
        assert!(one.contains("## Workflows"));
        for parts in [2, 3, 8] {
            assert_eq!(
                markdown_in_parts(plan, &analysis, DATE, parts),
                one,
                "{} in {parts} parts",
                plan.name
            );
        }
    }
}

/// A large plan's findings are written in several parts: each severity is
/// still one heading with its count and one unbroken list of that many.
#[test]
fn long_lists_of_findings_stay_one_list_per_severity() {
    let plan = automap::testing::generate_plan(60, 50, 2026);
    let analysis = analyze(&plan);
    let md = automap::export::markdown_in_parts(&plan, &analysis, DATE, 2);
    let findings = &md[md.find("## Findings").expect("a findings section")..];
    let findings = &findings[..findings[3..]
        .find("\n## ")
        .map_or(findings.len(), |i| i + 4)];
    let mut longest = 0;
    for (title, sev) in [
        ("Errors", automap::analysis::Severity::Error),
        ("Warnings", automap::analysis::Severity::Warning),
        ("Notes", automap::analysis::Severity::Info),
    ] {
        let n = analysis
            .findings()
            .iter()
            .filter(|f| f.severity == sev)
            .count();
        longest = longest.max(n);
        let heading = format!("### {title} ({n})\n\n");
        assert_eq!(findings.matches(&heading).count(), 1, "{heading}");
        let list = &findings[findings.find(&heading).expect("heading") + heading.len()..];
        let list = &list[..list.find("\n\n").expect("the list ends") + 1];
        assert_eq!(list.lines().count(), n, "{title}");
        assert!(list.lines().all(|l| l.starts_with("- `")), "{title}");
    }
    assert!(
        longest > 400,
        "the plan must have findings for more than one part"
    );
}

#[test]
fn saved_what_if_scenarios_are_in_the_export() {
    let mut plan = load("plans/demo-shop.ron");
    plan.roadmap.scenarios.push(automap::model::Scenario {
        name: "Peak season".into(),
        volume: 3.0,
        ..Default::default()
    });
    let md = markdown_dated(&plan, DATE);
    assert!(md.contains("#### What-if scenarios"), "{md}");
    let row = md
        .lines()
        .find(|l| l.starts_with("| Peak season |"))
        .expect("a row for the scenario");
    assert!(row.contains("× 3.00"), "{row}");
    // Without scenarios there is no such section.
    plan.roadmap.scenarios.clear();
    assert!(!markdown_dated(&plan, DATE).contains("What-if scenarios"));
}
