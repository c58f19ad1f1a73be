//! Fields in a plan file that the plan does not have (usually a typo such as
//! `minuts: 5`). The parser skips them silently; this finds them so the owner
//! hears about it before a save drops them.

use super::fields;
use super::problems::{Problem, ProblemSeverity};
use crate::model::Plan;
use ron::Value;

/// At most this many unknown fields are reported; one typo pasted everywhere
/// should not bury everything else.
pub(super) const MAX_REPORTS: usize = 20;

/// One step of the way from the plan down to a field.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Seg {
    Key(String),
    Index(usize),
}

/// The way to a field the parser skipped, as `serde_ignored` gives it.
pub(super) fn segments(path: &serde_ignored::Path) -> Vec<Seg> {
    use serde_ignored::Path as P;
    let mut out = Vec::new();
    let mut at = path;
    loop {
        match at {
            P::Root => break,
            P::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                at = parent;
            }
            P::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                at = parent;
            }
            P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
                at = parent;
            }
        }
    }
    out.reverse();
    out
}

/// A notice for each field the parser skipped (`ignored`, in the order of
/// the text), saying where it is and suggesting the field it may have meant.
pub(super) fn unknown_fields(text: &str, plan: &Plan, ignored: &[Vec<Seg>]) -> Vec<Problem> {
    // Every field the plan knows, those at their default (left out of saved
    // files) included: the names a typo is compared with.
    let shape = fields::shape(plan).unwrap_or(Value::Unit);
    ignored
        .iter()
        .take(MAX_REPORTS)
        .filter_map(|full| {
            let (Seg::Key(name), path) = full.split_last()? else {
                return None;
            };
            let candidates = candidates(&shape, path);
            Some(report(text, plan, path, name, &candidates))
        })
        .collect()
}

/// The field names of the struct at `path` in `shape`.
fn candidates(shape: &Value, path: &[Seg]) -> Vec<String> {
    let mut at = shape;
    for seg in path {
        while let Value::Option(Some(inner)) = at {
            at = inner;
        }
        let next = match (seg, at) {
            (Seg::Key(k), Value::Map(m)) => m.get(&Value::String(k.clone())),
            (Seg::Index(i), Value::Seq(items)) => items.get(*i),
            _ => None,
        };
        match next {
            Some(v) => at = v,
            None => return Vec::new(),
        }
    }
    while let Value::Option(Some(inner)) = at {
        at = inner;
    }
    match at {
        Value::Map(m) => m
            .keys()
            .filter_map(|k| match k {
                Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Where a path points, in words.
fn place(plan: &Plan, path: &[Seg]) -> String {
    use Seg::{Index, Key};
    let key = |s: &Seg, k: &str| matches!(s, Key(x) if x == k);
    let wf_name = |i: usize| {
        plan.workflows
            .get(i)
            .map(|w| format!("workflow \"{}\"", w.name))
            .unwrap_or_else(|| "a workflow".to_owned())
    };
    let (base, rest) = match path {
        [w, Index(i), s, Index(j), rest @ ..] if key(w, "workflows") && key(s, "steps") => {
            let step = plan
                .workflows
                .get(*i)
                .and_then(|w| w.steps.get(*j))
                .map(|s| format!("step {} (\"{}\")", s.id, s.title))
                .unwrap_or_else(|| "a step".to_owned());
            (format!("{step} of {}", wf_name(*i)), rest)
        }
        [w, Index(i), l, Index(_), rest @ ..] if key(w, "workflows") && key(l, "links") => {
            (format!("an arrow of {}", wf_name(*i)), rest)
        }
        [w, Index(i), rest @ ..] if key(w, "workflows") => (wf_name(*i), rest),
        [t, Index(i), rest @ ..] if key(t, "tools") => (
            plan.tools
                .get(*i)
                .map(|t| format!("tool \"{}\"", t.name))
                .unwrap_or_else(|| "a tool".to_owned()),
            rest,
        ),
        [Key(k), rest @ ..] => (format!("the plan's {k}"), rest),
        [] => ("the plan".to_owned(), path),
        _ => ("the plan".to_owned(), path),
    };
    let inner: Vec<String> = rest
        .iter()
        .filter_map(|s| match s {
            Key(k) => Some(k.clone()),
            Index(_) => None,
        })
        .collect();
    if inner.is_empty() {
        base
    } else {
        format!("{} of {base}", inner.join(" of "))
    }
}

/// Line of the first `name:` in the text, if any.
fn line_of(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text.get(from..)?.find(name) {
        let start = from + at;
        let end = start + name.len();
        let before_ok = text
            .get(..start)
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after_ok = text
            .get(end..)
            .is_some_and(|t| t.trim_start().starts_with(':'));
        if before_ok && after_ok {
            return Some(1 + text.get(..start)?.matches('\n').count());
        }
        from = end;
    }
    None
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn report(text: &str, plan: &Plan, path: &[Seg], name: &str, candidates: &[String]) -> Problem {
    let line = line_of(text, name)
        .map(|l| format!("Line {l}: "))
        .unwrap_or_default();
    let message = format!("{line}\"{name}\" is not a field of {}", place(plan, path));
    let close = candidates
        .iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d);
    let hint = match close {
        Some((_, c)) => format!(
            "did you mean \"{c}\"? Unknown fields are left out when Automap saves the plan"
        ),
        None => "check its spelling or remove it; unknown fields are left out when Automap saves the plan".to_owned(),
    };
    let (workflow, workflow_name, step_ids) = match path {
        [Seg::Key(w), Seg::Index(i), rest @ ..] if w == "workflows" => {
            let wf = plan.workflows.get(*i);
            let step = match rest {
                [Seg::Key(s), Seg::Index(j), ..] if s == "steps" => {
                    wf.and_then(|w| w.steps.get(*j)).map(|s| s.id)
                }
                _ => None,
            };
            (
                wf.map(|w| w.id),
                wf.map(|w| w.name.clone()),
                step.into_iter().collect(),
            )
        }
        _ => (None, None, Vec::new()),
    };
    Problem {
        code: "unknown-field",
        severity: ProblemSeverity::Notice,
        message,
        hint,
        workflow,
        workflow_name,
        step_ids,
    }
}
