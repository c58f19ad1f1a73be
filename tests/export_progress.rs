//! The export's Progress section: status and savings per card, planned
//! against actual at each check-in, incidents, the next check-in; safe
//! Markdown whatever the notes say, and absent while nothing has started.

mod common;

use automap::export::markdown_dated;
use automap::storage;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn progress_plan() -> automap::model::Plan {
    let path = common::repo_path("tests/fixtures/progress.ron");
    storage::load(&path).expect("the fixture loads").plan
}

/// The Markdown from "## Progress" up to the next "## ".
fn section(md: &str) -> &str {
    let start = md.find("## Progress\n").expect("a Progress section");
    let rest = &md[start + 3..];
    let end = rest.find("\n## ").map_or(md.len(), |e| start + 3 + e + 1);
    &md[start..end]
}

/// Count the cells of a table line the way GFM does: unescaped pipes split cells.
fn cells(line: &str) -> usize {
    let s = line.trim();
    let mut n = 1;
    let mut backslashes = 0;
    for c in s.chars() {
        if c == '|' && backslashes % 2 == 0 {
            n += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    n - usize::from(s.starts_with('|')) - usize::from(s.ends_with('|') && !s.ends_with("\\|"))
}

#[test]
fn the_progress_section_lists_cards_check_ins_incidents_and_the_next_check_in() {
    let md = markdown_dated(&progress_plan(), "2026-12-02");
    let s = section(&md);
    assert!(
        s.contains("| Shopify sends order confirmation | Month 1 | live | 2026-11-10 | 9.3 h | 3.3 h (measured) | yes |"),
        "{s}"
    );
    assert!(
        s.contains(
            "| Send tracking email | Month 1 | live | 2026-11-20 | 9.1 h | 9.1 h (estimate) | no |"
        ),
        "{s}"
    );
    assert!(
        s.contains("| Send abandoned cart email | Month 2 | building |"),
        "{s}"
    );
    assert!(s.contains("| Day 90 | 40.4 h | 12.4 h |"), "{s}");
    assert!(s.contains("Day 60, 2026-12-31."), "{s}");
    assert!(s.contains("- Duplicates:"), "{s}");
    assert!(s.contains("| ran twice | did not hold |"), "{s}");
    assert!(s.contains("| none of the three | held |"), "{s}");

    // Notes are text: no HTML, no link, no heading, every row keeps its cells.
    let mut headings = Vec::new();
    let mut in_heading = false;
    for (event, range) in Parser::new_ext(s, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in the section: {h}"),
            Event::Start(Tag::Link { .. }) => panic!("a link in the section"),
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.push(t.to_string()),
            Event::Start(Tag::Table(aligns)) => {
                for line in s[range].lines().filter(|l| !l.trim().is_empty()) {
                    assert_eq!(
                        cells(line),
                        aligns.len(),
                        "row with the wrong cells: {line}"
                    );
                }
            }
            _ => {}
        }
    }
    assert_eq!(headings, ["Progress", "Incidents", "Next check-in"]);
}

#[test]
fn a_plan_without_progress_has_no_progress_section() {
    let mut plan = progress_plan();
    plan.roadmap.incidents.clear();
    for item in &mut plan.roadmap.items {
        item.status = automap::model::CardStatus::Planned;
        item.tested = false;
        item.actual_minutes_per_week = None;
        item.live_since = None;
    }
    let md = markdown_dated(&plan, "2026-12-02");
    assert!(!md.contains("## Progress"));
}
