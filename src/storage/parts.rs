//! Reading and writing a large plan on several cores, each workflow on the
//! next free thread.
//!
//! Writing: each workflow is written alone, indented to its place, and set
//! into the text of the plan without workflows. The result is the one
//! pass text byte for byte (tests compare them).
//!
//! Reading: the text is cut at its workflows, and each workflow goes to the
//! RON parser on the next free thread as soon as its end is found.
//! Cutting needs to know where each workflow starts and ends without parsing
//! it, which a short scan of brackets, strings and comments tells. Anything the
//! scan is not sure of (attributes, raw or byte strings, characters, text
//! outside strings that is not ASCII) makes it give up, and so does any part
//! that does not parse: the caller then reads the whole text in one pass,
//! which also gives the exact line and column of an error. So the result of
//! reading in parts is always the plan one pass would give.

use super::MAX_NESTING;
use crate::model::{Plan, Workflow};
use serde::de::DeserializeSeed;
use std::marker::PhantomData;
use std::ops::Range;

/// Texts below this size are read in one pass: threads would not pay off.
pub const MIN_PARALLEL_BYTES: usize = 512 * 1024;

/// Plans with fewer steps are written in one pass: threads would not pay off.
pub const MIN_PARALLEL_STEPS: usize = 1_000;

/// Where the workflows list sits in the text of a plan without workflows.
const EMPTY_LIST: &str = "\n    workflows: [],\n";

/// The indent of a workflow inside the plan (two levels).
const WORKFLOW_INDENT: &str = "        ";

/// Write the plan with its workflows in up to `parts` parts on as many
/// threads, without the final newline. `None` for plans too small to split.
pub fn write_in_parts(plan: &Plan, parts: usize) -> Option<String> {
    if parts < 2 || plan.workflows.len() < 2 {
        return None;
    }
    let head = Plan {
        format_version: plan.format_version,
        name: plan.name.clone(),
        profile: plan.profile.clone(),
        workflows: Vec::new(),
        method: plan.method.clone(),
        roadmap: plan.roadmap.clone(),
        tools: plan.tools.clone(),
    };
    // Threads start with every default left out; keep the caller's choice.
    let all_fields = crate::model::writes_all_fields();
    // The plan without workflows first, then each workflow, indented to its
    // place, taken by the next free thread.
    let mut pieces: Vec<Option<&Workflow>> = vec![None];
    pieces.extend(plan.workflows.iter().map(Some));
    let texts = crate::parallel::map_each(&pieces, parts, |piece| {
        let run = || match piece {
            None => super::pretty(&head, super::PLAN_DEPTH),
            Some(wf) => {
                let text = super::pretty(wf, super::PLAN_DEPTH - 2);
                let mut out = String::with_capacity(text.len() + text.len() / 4);
                let mut lines = text.split('\n').peekable();
                while let Some(line) = lines.next() {
                    out.push_str(WORKFLOW_INDENT);
                    out.push_str(line);
                    if lines.peek().is_none() {
                        out.push(',');
                    }
                    out.push('\n');
                }
                out
            }
        };
        if all_fields {
            crate::model::with_all_fields(run)
        } else {
            run()
        }
    });
    let (head_text, workflows) = texts.split_first()?;
    // The empty list must be there exactly once (strings never span lines).
    let at = head_text.find(EMPTY_LIST)?;
    if head_text.rfind(EMPTY_LIST) != Some(at) {
        return None;
    }
    let body: usize = workflows.iter().map(String::len).sum();
    let mut out = String::with_capacity(head_text.len() + body + 32);
    out.push_str(head_text.get(..at)?);
    out.push_str("\n    workflows: [\n");
    for text in workflows {
        out.push_str(text);
    }
    out.push_str("    ],\n");
    out.push_str(head_text.get(at + EMPTY_LIST.len()..)?);
    Some(out)
}

/// Reads a value and notes whether the text has a field the value does not
/// know, in the same pass (the parser skips such fields silently).
struct NoticeUnknown<'a, T> {
    found: &'a mut bool,
    value: PhantomData<T>,
}

impl<'de, T: serde::Deserialize<'de>> DeserializeSeed<'de> for NoticeUnknown<'_, T> {
    type Value = T;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<T, D::Error> {
        serde_ignored::deserialize(de, |_path| *self.found = true)
    }
}

/// Parse `text` with the RON options given, noting unknown fields.
pub(super) fn parse_noting<T: for<'de> serde::Deserialize<'de>>(
    options: &ron::Options,
    text: &str,
) -> Result<(T, bool), ron::error::SpannedError> {
    let mut found = false;
    let seed = NoticeUnknown {
        found: &mut found,
        value: PhantomData,
    };
    let value = options.from_str_seed(text, seed)?;
    Ok((value, found))
}

/// Read the plan on up to `parts` threads. `None` when the text cannot be cut
/// safely or a part does not parse: read it in one pass then.
/// Returns the plan and whether the text has fields the plan does not know.
///
/// This thread scans the text and hands out each workflow as soon as its end
/// is found, so the other threads start parsing while the scan goes on; then
/// it parses the plan without workflows and helps with what is left.
#[doc(hidden)]
pub fn parse_in_parts(text: &str, parts: usize, options: &ron::Options) -> Option<(Plan, bool)> {
    if parts < 2 {
        return None;
    }
    let open = find_list(text)?;
    // A workflow alone sits three levels less deep in the parser than inside
    // the plan (the plan, its list, the element), so the same text hits the
    // nesting limit at the same place.
    let part_options = options
        .clone()
        .with_recursion_limit(MAX_NESTING.saturating_sub(3));
    let (hand_out, queue) = std::sync::mpsc::channel::<(usize, Range<usize>)>();
    let queue = std::sync::Mutex::new(queue);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let parse_queued = || {
        let mut done: Vec<(usize, Option<(Workflow, bool)>)> = Vec::new();
        loop {
            let next = match queue.lock() {
                Ok(q) => q.recv(),
                Err(_) => break,
            };
            let Ok((index, range)) = next else {
                break; // the scan is over and the queue empty
            };
            if failed.load(std::sync::atomic::Ordering::Relaxed) {
                continue; // the result will not be used: just empty the queue
            }
            let read = text
                .get(range)
                .and_then(|t| parse_noting::<Workflow>(&part_options, t).ok());
            if read.is_none() {
                failed.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            done.push((index, read));
        }
        done
    };
    let (head, mut done, count) = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..parts)
            .filter_map(|_| crate::parallel::spawn(scope, parse_queued).ok())
            .collect();
        let mut count = 0;
        let list = cut_list(text.as_bytes(), open, &mut |range| {
            let _ = hand_out.send((count, range));
            count += 1;
        });
        drop(hand_out);
        // The plan without its workflows: the same text with an empty list.
        let head = match list {
            Some(list) if count >= 2 => {
                let mut rest = String::with_capacity(text.len() - list.len() + 2);
                rest.push_str(text.get(..list.start).unwrap_or_default());
                rest.push_str("[]");
                rest.push_str(text.get(list.end..).unwrap_or_default());
                parse_noting::<Plan>(options, &rest).ok()
            }
            _ => None,
        };
        if head.is_none() {
            failed.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let mut done = parse_queued();
        for helper in helpers {
            match helper.join() {
                Ok(d) => done.extend(d),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        (head, done, count)
    });
    let (mut plan, mut unknown) = head?;
    if !plan.workflows.is_empty() || done.len() != count {
        return None;
    }
    done.sort_unstable_by_key(|(index, _)| *index);
    plan.workflows.reserve_exact(count);
    for (_, read) in done {
        let (wf, u) = read?;
        plan.workflows.push(wf);
        unknown |= u;
    }
    Some((plan, unknown))
}

/// Where the `[` of the plan's workflows list is.
fn find_list(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = skip_blanks(b, 0)?;
    if b.get(i) != Some(&b'(') {
        return None; // attributes, a struct name, or not a plan at all
    }
    i += 1;
    let mut depth = 1usize;
    // At depth 1, true right after `(` or `,`: the next word names a field.
    let mut field_next = true;
    loop {
        i = skip_blanks(b, i)?;
        let c = *b.get(i)?;
        match c {
            b'"' => i = skip_string(b, i)?,
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return None; // the plan ended without workflows
                }
                i += 1;
            }
            b',' => {
                field_next = depth == 1;
                i += 1;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = i;
                i = skip_word(b, i)?;
                let word = b.get(start..i)?;
                if depth == 1 && field_next {
                    field_next = false;
                    if word == b"workflows" {
                        i = skip_blanks(b, i)?;
                        if b.get(i) != Some(&b':') {
                            return None;
                        }
                        i = skip_blanks(b, i + 1)?;
                        if b.get(i) != Some(&b'[') {
                            return None;
                        }
                        return Some(i);
                    }
                }
            }
            b'0'..=b'9' | b'-' | b'+' | b'.' | b':' => i += 1,
            // Characters, attributes, text beyond ASCII outside strings, and
            // anything unexpected: leave it to the parser.
            _ => return None,
        }
    }
}

/// Give each item of the list whose `[` is at `open` to `on_item` as soon as
/// its end is found (its text with the blanks and comments around it).
/// Returns the list from its `[` to its `]`, both included.
fn cut_list(b: &[u8], open: usize, on_item: &mut dyn FnMut(Range<usize>)) -> Option<Range<usize>> {
    let mut depth = 0usize;
    let mut start = open + 1;
    // Whether the current item has anything but blanks and comments yet.
    let mut filled = false;
    let mut i = open + 1;
    // One pass, one byte at a time except inside strings, comments and runs
    // of spaces: the threads wait for what it finds.
    loop {
        match *b.get(i)? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                // Indents are long runs of spaces: a tight loop, not a dispatch per byte.
                i += 1;
                while b.get(i) == Some(&b' ') {
                    i += 1;
                }
            }
            b'/' => {
                let after = skip_blanks(b, i)?;
                if after == i {
                    return None; // a lone slash
                }
                i = after;
            }
            b'"' => {
                i = skip_string(b, i)?;
                filled = true;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
                filled = true;
            }
            b']' if depth == 0 => {
                // A blank last item is a trailing comma; a blank one elsewhere
                // is an error the parser should report.
                if filled {
                    on_item(start..i);
                }
                return Some(open..i + 1);
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b',' if depth == 0 => {
                if !filled {
                    return None;
                }
                on_item(start..i);
                i += 1;
                start = i;
                filled = false;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                i = skip_word(b, i)?;
                filled = true;
            }
            b',' | b'0'..=b'9' | b'-' | b'+' | b'.' | b':' => {
                i += 1;
                while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
                    i += 1;
                }
                filled = true;
            }
            _ => return None,
        }
    }
}

/// Skip blanks and comments as the RON parser does (block comments nest).
/// `None` when a block comment is never closed.
fn skip_blanks(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        while b
            .get(i)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        {
            i += 1;
        }
        match (b.get(i), b.get(i + 1)) {
            (Some(b'/'), Some(b'/')) => {
                let rest = b.get(i..).unwrap_or_default();
                i += memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            }
            (Some(b'/'), Some(b'*')) => {
                i += 2;
                let mut level = 1usize;
                while level > 0 {
                    match (b.get(i)?, b.get(i + 1)) {
                        (b'/', Some(b'*')) => {
                            level += 1;
                            i += 2;
                        }
                        (b'*', Some(b'/')) => {
                            level -= 1;
                            i += 2;
                        }
                        _ => i += 1,
                    }
                }
            }
            _ => return Some(i),
        }
    }
}

/// The position after the word (name, enum value, `true`) that starts at `i`.
/// `None` when it starts a raw string, a byte string or a raw name, which
/// the scan leaves to the parser.
fn skip_word(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        i += 1;
    }
    let raw = matches!(b.get(start..i)?, b"r" | b"b" | b"br")
        && matches!(b.get(i), Some(b'"' | b'#' | b'\''));
    (!raw).then_some(i)
}

/// The position after the string that starts at `i` (a `"`).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        match b.get(i)? {
            b'"' => return Some(i + 1),
            _ => i += 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The workflows list of a plan text, and the text of each workflow.
    fn cut(text: &str) -> Option<(Range<usize>, Vec<&str>)> {
        let mut items = Vec::new();
        let list = cut_list(text.as_bytes(), find_list(text)?, &mut |r| {
            items.push(text.get(r).unwrap_or_default().trim());
        })?;
        Some((list, items))
    }

    #[test]
    fn finds_each_workflow_past_strings_and_comments_that_look_like_brackets() {
        let text = r#"(
            name: "a ] [ ( \" , workflows: [",
            // workflows: [ in a comment
            profile: (currency: "EUR"),
            workflows: /* nested /* ] */ , */ [
                (id: 1, name: "x, ]"),
                // between, with a comma
                (id: 2, steps: [(id: 1), (id: 2)]),
            ],
            roadmap: (items: []),
        )"#;
        let (list, items) = cut(text).expect("a plan with workflows");
        assert_eq!(
            items,
            [
                r#"(id: 1, name: "x, ]")"#,
                "// between, with a comma\n                (id: 2, steps: [(id: 1), (id: 2)])"
            ]
        );
        assert_eq!(text.get(list).map(|s| s.ends_with(']')), Some(true));
    }

    #[test]
    fn gives_up_where_the_scan_could_be_wrong() {
        for text in [
            "#![enable(implicit_some)] (workflows: [(id: 1), (id: 2)])",
            "Plan(workflows: [(id: 1), (id: 2)])",
            r##"(name: r#"raw"#, workflows: [(id: 1), (id: 2)])"##,
            "(name: 'c', workflows: [(id: 1), (id: 2)])",
            "(workflows: [(id: 1),, (id: 2)])",
            "(workflows: [(id: 1), (id: 2)",
            "(workflows: [(id: 1), (id: 2)] /* open",
            "(workflows: [(id: 1), (id: 2)], workflows: [])",
            "(name: \"never closed, workflows: [(id: 1)])",
            "(é: 1, workflows: [(id: 1), (id: 2)])",
            "(profile: (workflows: [(id: 1), (id: 2)]))",
        ] {
            assert_eq!(
                parse_in_parts(text, 2, &super::super::ron_options()),
                None,
                "{text}"
            );
        }
    }
}
