//! Text that arrives through the clipboard: a plain list of steps ("list every
//! task") or steps copied from a map, and the edits that paste them.
//!
//! Clipboard text can be anything, so everything here is bounded and never panics.

use crate::edit::Edit;
use crate::model::limits::{self, clamp_chars};
use crate::model::{Link, Plan, Pos, Step, StepId, StepKind, WorkflowId};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use thiserror::Error;

/// First line of copied map fragments, so a paste can tell them from a list.
pub const CLIP_HEADER: &str = "automap-steps v1";
/// Clipboard text longer than this is refused.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;
/// At most this many steps are made from one paste.
pub const MAX_STEPS: usize = 5_000;
/// Titles are cut to this many characters (the model's limit).
pub use crate::model::limits::MAX_TITLE_CHARS;
/// Horizontal distance between the steps of a pasted list.
pub const LIST_SPACING: f32 = 220.0;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PasteError {
    #[error("the clipboard text is too long ({0} bytes)")]
    TooLong(usize),
    #[error("the clipboard holds no steps")]
    Empty,
    #[error("copied steps could not be read: {0}")]
    BadFragment(String),
}

/// Steps with the links between them, as copied from a map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Fragment {
    pub steps: Vec<Step>,
    pub links: Vec<Link>,
}

/// What a piece of clipboard text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Clip {
    /// Step titles, one per line.
    List(Vec<String>),
    /// Steps and links copied from a map.
    Fragment(Fragment),
}

/// Cut a title to the title limit, on a character boundary. A title that was
/// cut does not end in the blank where the cut happened to fall.
pub(crate) fn clamp_title(s: &str) -> String {
    clamp_chars(s, MAX_TITLE_CHARS)
}

/// Strip one list marker from the start of a line: bullets (`-`, `*`, `•`, `+`),
/// numbers (`1.`, `1)`) and task boxes (`[ ]`, `[x]`).
pub(crate) fn strip_marker(line: &str) -> &str {
    let mut s = line.trim();
    // Bullet.
    for b in ['-', '*', '•', '+', '–', '·'] {
        if let Some(rest) = s.strip_prefix(b)
            && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            s = rest.trim_start();
            break;
        }
    }
    // Number: digits (or one letter) followed by '.' or ')'.
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 4 {
        let rest = &s[digits..];
        if let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))
            && (r.is_empty() || r.starts_with(char::is_whitespace))
        {
            s = r.trim_start();
        }
    }
    // Task box.
    for b in ["[ ]", "[x]", "[X]", "[]"] {
        if let Some(rest) = s.strip_prefix(b) {
            s = rest.trim_start();
            break;
        }
    }
    s.trim()
}

/// Parse a pasted list: one step title per line, markers stripped, blank lines skipped.
pub fn parse_list(text: &str) -> Vec<String> {
    text.lines()
        .map(strip_marker)
        .filter(|s| !s.is_empty())
        .take(MAX_STEPS)
        .map(clamp_title)
        .collect()
}

/// Write steps (and the links among them) as clipboard text.
pub fn fragment_to_text(fragment: &Fragment) -> String {
    let body =
        ron::ser::to_string_pretty(fragment, ron::ser::PrettyConfig::default()).unwrap_or_default();
    format!("{CLIP_HEADER}\n{body}")
}

/// Read clipboard text: a copied fragment when it starts with [`CLIP_HEADER`],
/// otherwise a list of titles.
pub fn parse_clip(text: &str) -> Result<Clip, PasteError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(PasteError::TooLong(text.len()));
    }
    let trimmed = text.trim_start();
    if let Some(body) = trimmed.strip_prefix(CLIP_HEADER) {
        let mut fragment: Fragment =
            ron::from_str(body).map_err(|e| PasteError::BadFragment(e.to_string()))?;
        fragment.steps.truncate(MAX_STEPS);
        if fragment.steps.is_empty() {
            return Err(PasteError::Empty);
        }
        return Ok(Clip::Fragment(fragment));
    }
    let list = parse_list(text);
    if list.is_empty() {
        Err(PasteError::Empty)
    } else {
        Ok(Clip::List(list))
    }
}

/// A finite coordinate kept within a large but sane range.
fn sane(v: f32) -> f32 {
    if v.is_finite() {
        v.clamp(-1.0e6, 1.0e6)
    } else {
        0.0
    }
}

/// Steps for a list of titles: a chain of linked tasks laid out left to right,
/// the first one centred on `at`. Ids start at `first_id`.
pub fn chain_from_titles(titles: &[String], first_id: StepId, at: Pos) -> Fragment {
    let mut steps = Vec::with_capacity(titles.len());
    let mut links = Vec::new();
    for (i, title) in titles.iter().take(MAX_STEPS).enumerate() {
        let id = StepId(first_id.0.saturating_add(i as u32));
        let pos = Pos::new(sane(at.x + i as f32 * LIST_SPACING), sane(at.y));
        steps.push(Step::new(id, StepKind::Task, clamp_title(title), pos));
        if i > 0 {
            links.push(Link::new(StepId(id.0 - 1), id));
        }
    }
    Fragment { steps, links }
}

/// Give a copied fragment fresh ids (from `first_id` on), keep only the links
/// between its own steps, and move it so its top-left step box lands at `at`
/// (or by `offset` from where it was when `at` is `None`).
pub fn rebase_fragment(
    fragment: &Fragment,
    first_id: StepId,
    at: Option<Pos>,
    offset: Pos,
) -> Fragment {
    let mut map: HashMap<StepId, StepId> = HashMap::new();
    let mut steps = Vec::with_capacity(fragment.steps.len());
    let (min_x, min_y) = fragment
        .steps
        .iter()
        .fold((f32::INFINITY, f32::INFINITY), |(x, y), s| {
            (x.min(sane(s.pos.x)), y.min(sane(s.pos.y)))
        });
    let (dx, dy) = match at {
        Some(p) if min_x.is_finite() && min_y.is_finite() => (p.x - min_x, p.y - min_y),
        _ => (offset.x, offset.y),
    };
    let mut next = first_id.0;
    for s in fragment.steps.iter().take(MAX_STEPS) {
        if map.contains_key(&s.id) {
            continue; // a hostile fragment may repeat ids
        }
        let id = StepId(next);
        next = next.saturating_add(1);
        map.insert(s.id, id);
        let mut step = s.clone();
        step.id = id;
        step.pos = Pos::new(sane(sane(s.pos.x) + dx), sane(sane(s.pos.y) + dy));
        // Copied text may have been edited: keep its texts and numbers to
        // what a plan may hold, so the paste is never refused.
        limits::fit_step(&mut step);
        steps.push(step);
    }
    let mut seen = HashSet::new();
    let links = fragment
        .links
        .iter()
        .filter_map(|l| {
            let (from, to) = (*map.get(&l.from)?, *map.get(&l.to)?);
            (from != to && seen.insert((from, to))).then(|| Link {
                from,
                to,
                label: clamp_title(&l.label),
            })
        })
        .collect();
    Fragment { steps, links }
}

/// The edit that inserts a fragment into a workflow.
pub fn insert_edit(wf: WorkflowId, fragment: Fragment) -> Edit {
    Edit::InsertSteps {
        wf,
        steps: fragment.steps.into_iter().map(|s| (None, s)).collect(),
        links: fragment.links.into_iter().map(|l| (None, l)).collect(),
    }
}

/// Copy the given steps of a workflow with the links among them.
pub fn copy_fragment(plan: &Plan, wf: WorkflowId, ids: &HashSet<StepId>) -> Fragment {
    let Some(w) = plan.workflow(wf) else {
        return Fragment::default();
    };
    Fragment {
        steps: w
            .steps
            .iter()
            .filter(|s| ids.contains(&s.id))
            .cloned()
            .collect(),
        links: w
            .links
            .iter()
            .filter(|l| ids.contains(&l.from) && ids.contains(&l.to))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_are_stripped_and_blanks_skipped() {
        let text = "- Receive order\n* Check stock\n• Pick items\n\n1. Pack box\n2) Print label\n- [ ] Book courier\n[x] Send tracking\n   \n  Archive order  \n";
        assert_eq!(
            parse_list(text),
            vec![
                "Receive order",
                "Check stock",
                "Pick items",
                "Pack box",
                "Print label",
                "Book courier",
                "Send tracking",
                "Archive order"
            ]
        );
    }

    #[test]
    fn words_that_look_like_markers_are_kept() {
        assert_eq!(parse_list("-5 % discount"), vec!["-5 % discount"]);
        assert_eq!(parse_list("2024.report"), vec!["2024.report"]);
        assert_eq!(parse_list("*"), Vec::<String>::new());
    }

    #[test]
    fn crlf_lists_parse() {
        assert_eq!(parse_list("a\r\nb\r\n"), vec!["a", "b"]);
    }

    #[test]
    fn chain_links_consecutive_steps_left_to_right() {
        let titles: Vec<String> = (0..4).map(|i| format!("s{i}")).collect();
        let f = chain_from_titles(&titles, StepId(10), Pos::new(0.0, 0.0));
        assert_eq!(f.steps.len(), 4);
        assert_eq!(f.links.len(), 3);
        assert_eq!(f.links[0], Link::new(StepId(10), StepId(11)));
        assert!(f.steps.windows(2).all(|w| w[1].pos.x > w[0].pos.x));
    }

    #[test]
    fn fragment_round_trips_through_text() {
        let titles = vec!["a".to_owned(), "b".to_owned()];
        let f = chain_from_titles(&titles, StepId(1), Pos::new(5.0, 5.0));
        let text = fragment_to_text(&f);
        assert!(text.starts_with(CLIP_HEADER));
        assert_eq!(parse_clip(&text), Ok(Clip::Fragment(f)));
    }

    #[test]
    fn hostile_clipboard_text_is_refused_without_panic() {
        assert!(matches!(
            parse_clip(&format!("{CLIP_HEADER}\n(steps: [(((((")),
            Err(PasteError::BadFragment(_))
        ));
        assert_eq!(parse_clip("   \n\n"), Err(PasteError::Empty));
        let huge = "x".repeat(MAX_TEXT_BYTES + 1);
        assert!(matches!(parse_clip(&huge), Err(PasteError::TooLong(_))));
        let deep = format!("{CLIP_HEADER}\n{}", "[".repeat(100_000));
        assert!(parse_clip(&deep).is_err());
        let long_title = "é".repeat(10_000);
        assert_eq!(parse_list(&long_title)[0].chars().count(), MAX_TITLE_CHARS);
        // Found by the paste fuzz test: a cut falling on a blank left it at the end.
        let spaced = "- ".repeat(400);
        let cut = &parse_list(&spaced)[0];
        assert_eq!(cut.trim_end(), cut);
        assert!(cut.chars().count() < MAX_TITLE_CHARS);
    }

    #[test]
    fn rebase_gives_fresh_ids_keeps_inner_links_and_sanitises() {
        let mut f = chain_from_titles(
            &["a".to_owned(), "b".to_owned(), "c".to_owned()],
            StepId(1),
            Pos::new(0.0, 0.0),
        );
        f.links.push(Link::new(StepId(3), StepId(99))); // points outside
        f.steps[0].pos.x = f32::NAN;
        f.steps.push(f.steps[1].clone()); // repeated id
        let r = rebase_fragment(&f, StepId(50), None, Pos::new(40.0, 40.0));
        assert_eq!(
            r.steps.iter().map(|s| s.id.0).collect::<Vec<_>>(),
            vec![50, 51, 52]
        );
        assert_eq!(r.links.len(), 2);
        assert!(r.steps.iter().all(|s| s.pos.x.is_finite()));
        assert_eq!(r.steps[1].pos.x, LIST_SPACING + 40.0);
        // Numbers a plan file may not hold are made sane (found by the paste fuzz test).
        let mut g = f.clone();
        g.steps[1].minutes = -1e308;
        g.steps[2].frequency.count = f64::NAN;
        g.steps[0].minutes = 429_496_729_530.0;
        let r = rebase_fragment(&g, StepId(50), None, Pos::new(0.0, 0.0));
        assert!(
            r.steps
                .iter()
                .all(|s| { limits::number_ok(s.minutes) && limits::number_ok(s.frequency.count) })
        );
    }
}
