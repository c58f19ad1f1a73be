//! Spreadsheets exported as CSV or TSV: one row per step, columns matched
//! loosely by their header.
//!
//! The reader is small and written here (not the `csv` crate) because an
//! owner needs to be told the line and column of a quote that is never
//! closed, which a lenient CSV reader silently swallows to the end of the file.

use super::amounts::{parse_frequency, parse_minutes};
use super::{ImportError, Imported, MAX_IMPORT_STEPS, clamp_text};
use crate::edit::paste::clamp_title;
use crate::model::{Link, Step, StepId, StepKind, Tag, Workflow, WorkflowId};
use std::collections::HashMap;

/// One field with the place it starts (1-based line and column).
#[derive(Debug, Clone, PartialEq)]
struct Field {
    text: String,
    line: usize,
    column: usize,
}

/// The separator a text uses: the one found most often outside quotes on its
/// first non-empty line (tab wins a tie, then semicolon).
fn delimiter(text: &str, ext: &str) -> char {
    if ext == "tsv" || ext == "tab" {
        return '\t';
    }
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        ','
    } else if counts[0] == best {
        '\t'
    } else if counts[1] == best {
        ';'
    } else {
        ','
    }
}

/// True when the first lines look like a table with a title column.
pub(super) fn looks_like_table(text: &str) -> bool {
    let d = delimiter(text, "");
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if !first.contains(d) {
        return false;
    }
    let header: Vec<String> = first.split(d).map(str::to_owned).collect();
    header.iter().any(|h| column_for(h) == Some(Col::Title))
}

/// Split text into records of fields, following RFC 4180 quoting: a field in
/// double quotes may hold the separator, line breaks and doubled quotes.
fn records(text: &str, sep: char) -> Result<Vec<Vec<Field>>, ImportError> {
    let mut out = Vec::new();
    let mut record: Vec<Field> = Vec::new();
    let mut field = String::new();
    let (mut line, mut column) = (1usize, 1usize);
    let mut start = (1usize, 1usize);
    // Quote state: where the open quote was, if inside one.
    let mut open_quote: Option<(usize, usize)> = None;
    let mut after_quote = false;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        let here = (line, column);
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        if let Some(_open) = open_quote {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                    field.push('"');
                } else {
                    open_quote = None;
                    after_quote = true;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        if at_field_start {
            start = here;
            at_field_start = false;
            if c == '"' {
                open_quote = Some(here);
                continue;
            }
        }
        if c == sep {
            record.push(Field {
                text: std::mem::take(&mut field),
                line: start.0,
                column: start.1,
            });
            at_field_start = true;
            after_quote = false;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                continue; // the '\n' ends the record
            }
            record.push(Field {
                text: std::mem::take(&mut field),
                line: start.0,
                column: start.1,
            });
            out.push(std::mem::take(&mut record));
            at_field_start = true;
            after_quote = false;
            if out.len() > MAX_IMPORT_STEPS + 1 {
                return Err(ImportError::TooManySteps { count: out.len() });
            }
        } else if after_quote && c.is_whitespace() {
            // Blanks after a closing quote are dropped.
        } else {
            // Text after a closing quote is kept, as spreadsheets do.
            field.push(c);
        }
    }
    if let Some((l, c)) = open_quote {
        return Err(ImportError::at(
            l,
            Some(c),
            "a field opened with a double quote here is never closed".to_owned(),
            "add the closing double quote (\"), or double any quote inside the field (\"\")",
        ));
    }
    if !at_field_start || !record.is_empty() {
        record.push(Field {
            text: field,
            line: start.0,
            column: start.1,
        });
        out.push(record);
    }
    // Rows with nothing in them are skipped.
    out.retain(|r| r.iter().any(|f| !f.text.trim().is_empty()));
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Id,
    Title,
    Owner,
    System,
    Frequency,
    Minutes,
    Kind,
    Next,
    Tag,
    Notes,
}

impl Col {
    fn label(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Title => "title",
            Col::Owner => "owner",
            Col::System => "system",
            Col::Frequency => "how often",
            Col::Minutes => "minutes",
            Col::Kind => "kind",
            Col::Next => "next",
            Col::Tag => "automate?",
            Col::Notes => "notes",
        }
    }
}

/// Lower-case words of a header, without punctuation.
fn header_words(h: &str) -> String {
    let mut out = String::new();
    for w in h
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The column a header names, matched loosely: exact names first, then
/// words the header contains (in an order that lets "Time per step" be minutes
/// and "Next step" be next).
fn column_for(header: &str) -> Option<Col> {
    let h = header_words(header);
    let raw = header.trim();
    if raw == "#"
        || matches!(
            h.as_str(),
            "id" | "no" | "nr" | "number" | "step id" | "row"
        )
    {
        return Some(Col::Id);
    }
    let exact: &[(&str, Col)] = &[
        ("title", Col::Title),
        ("step", Col::Title),
        ("task", Col::Title),
        ("name", Col::Title),
        ("activity", Col::Title),
        ("action", Col::Title),
        ("what", Col::Title),
        ("owner", Col::Owner),
        ("who", Col::Owner),
        ("system", Col::System),
        ("tool", Col::System),
        ("app", Col::System),
        ("frequency", Col::Frequency),
        ("how often", Col::Frequency),
        ("minutes", Col::Minutes),
        ("time", Col::Minutes),
        ("kind", Col::Kind),
        ("type", Col::Kind),
        ("next", Col::Next),
        ("then", Col::Next),
        ("tag", Col::Tag),
        ("automate", Col::Tag),
        ("notes", Col::Notes),
    ];
    if let Some((_, c)) = exact.iter().find(|(n, _)| *n == h) {
        return Some(*c);
    }
    let has = |w: &str| h.split(' ').any(|x| x == w) || (w.contains(' ') && h.contains(w));
    let starts = |w: &str| h.split(' ').any(|x| x.starts_with(w));
    let contains: &[(&[&str], &[&str], Col)] = &[
        (
            &["next", "then", "goes to", "leads to", "followed by"],
            &[],
            Col::Next,
        ),
        (
            &["automate", "tag", "decision", "manual"],
            &["automat"],
            Col::Tag,
        ),
        (
            &["how long", "duration", "time", "effort", "mins", "min"],
            &["minute"],
            Col::Minutes,
        ),
        (
            &[
                "how often",
                "per day",
                "per week",
                "per month",
                "times",
                "volume",
                "count",
            ],
            &["freq"],
            Col::Frequency,
        ),
        (
            &[
                "who",
                "responsible",
                "role",
                "person",
                "assignee",
                "done by",
            ],
            &["owner"],
            Col::Owner,
        ),
        (
            &["tool", "app", "platform", "software", "where", "channel"],
            &["system"],
            Col::System,
        ),
        (&["kind", "type", "shape"], &[], Col::Kind),
        (
            &["comment", "comments", "details", "description"],
            &["note"],
            Col::Notes,
        ),
        (
            &[
                "title", "step", "task", "name", "activity", "action", "what",
            ],
            &[],
            Col::Title,
        ),
    ];
    contains
        .iter()
        .find(|(words, prefixes, _)| {
            words.iter().any(|w| has(w)) || prefixes.iter().any(|p| starts(p))
        })
        .map(|(_, _, c)| *c)
}

fn parse_kind(s: &str) -> Option<StepKind> {
    Some(match header_words(s).as_str() {
        "" => return None,
        "trigger" | "start" | "event" | "begin" => StepKind::Trigger,
        "task" | "step" | "action" | "activity" => StepKind::Task,
        "decision" | "question" | "choice" | "if" | "check" => StepKind::Decision,
        "exception" | "edge case" | "problem" | "issue" | "error" => StepKind::Exception,
        "end" | "done" | "finish" | "stop" | "result" => StepKind::End,
        _ => return None,
    })
}

fn parse_tag(s: &str) -> Option<Tag> {
    Some(match header_words(s).as_str() {
        "" | "undecided" | "maybe" | "not sure" | "unsure" | "tbd" | "later" | "open" => {
            Tag::Undecided
        }
        "automate" | "automated" | "auto" | "yes" | "y" | "true" | "x" | "1" | "ja" | "oui"
        | "si" => Tag::Automate,
        "keep manual" | "manual" | "keepmanual" | "keep" | "no" | "n" | "false" | "0" | "nein"
        | "non" | "human" => Tag::KeepManual,
        _ => return None,
    })
}

/// Read a table into one workflow.
pub(super) fn import(text: &str, ext: &str, name: &str) -> Result<Imported, ImportError> {
    let sep = delimiter(text, ext);
    let rows = records(text, sep)?;
    let Some((header, body)) = rows.split_first() else {
        return Ok(Imported::default());
    };
    let mut cols: HashMap<Col, usize> = HashMap::new();
    let mut notes = Vec::new();
    for (i, f) in header.iter().enumerate() {
        let h = f.text.trim();
        if h.is_empty() {
            continue;
        }
        match column_for(h) {
            Some(c) if !cols.contains_key(&c) => {
                cols.insert(c, i);
            }
            Some(c) => notes.push(format!(
                "column \"{h}\" was not used: column {} already gives the {}",
                cols.get(&c).map_or(0, |k| k + 1),
                c.label()
            )),
            None => notes.push(format!("column \"{h}\" was not used")),
        }
    }
    let Some(&title_col) = cols.get(&Col::Title) else {
        // No header with a title: a single column of titles is a list.
        if header.len() == 1 {
            return Ok(single_column(&rows, name));
        }
        let first = header.first().map_or((1, 1), |f| (f.line, f.column));
        return Err(ImportError::at(
            first.0,
            Some(first.1),
            "the first row names no column for the step titles".to_owned(),
            "make the first row column names and call the titles' column Title, Step or Task",
        ));
    };
    if body.len() > MAX_IMPORT_STEPS {
        return Err(ImportError::TooManySteps { count: body.len() });
    }
    let cell = |row: &[Field], col: Col| -> Option<(String, usize, usize)> {
        let i = *cols.get(&col)?;
        let f = row.get(i)?;
        let t = f.text.trim();
        (!t.is_empty()).then(|| (t.to_owned(), f.line, f.column))
    };
    let mut steps = Vec::with_capacity(body.len());
    for (k, row) in body.iter().enumerate() {
        let id = StepId(k as u32 + 1);
        let row_line = row.first().map_or(1, |f| f.line);
        let Some((title, _, _)) = cell(row, Col::Title) else {
            let column = row.get(title_col).map(|f| f.column);
            return Err(ImportError::at(
                row_line,
                column,
                "this row has no step title".to_owned(),
                "write a title in the row, or delete the row",
            ));
        };
        let mut step = Step::new(id, StepKind::Task, clamp_title(&title), Default::default());
        if let Some((v, ..)) = cell(row, Col::Owner) {
            step.owner = clamp_title(&v);
        }
        if let Some((v, ..)) = cell(row, Col::System) {
            step.system = clamp_title(&v);
        }
        if let Some((v, line, column)) = cell(row, Col::Frequency) {
            step.frequency = parse_frequency(&v).ok_or_else(|| {
                ImportError::at(
                    line,
                    Some(column),
                    format!("\"{}\" is not a frequency Automap understands", short(&v)),
                    "write it like \"40/day\", \"3 per week\", \"twice a month\" or \"daily\"",
                )
            })?;
        }
        if let Some((v, line, column)) = cell(row, Col::Minutes) {
            step.minutes = parse_minutes(&v).ok_or_else(|| {
                ImportError::at(
                    line,
                    Some(column),
                    format!("\"{}\" is not a duration Automap understands", short(&v)),
                    "write it like \"15 min\", \"1.5 h\", \"1h 30m\" or just the minutes (\"15\")",
                )
            })?;
        }
        if let Some((v, line, column)) = cell(row, Col::Kind) {
            step.kind = parse_kind(&v).ok_or_else(|| {
                ImportError::at(
                    line,
                    Some(column),
                    format!("\"{}\" is not a kind of step", short(&v)),
                    "use one of: trigger, task, decision, exception, end (or leave it empty)",
                )
            })?;
        } else if step.title.ends_with('?') {
            step.kind = StepKind::Decision;
        }
        if let Some((v, line, column)) = cell(row, Col::Tag) {
            step.tag = parse_tag(&v).ok_or_else(|| {
                ImportError::at(
                    line,
                    Some(column),
                    format!("\"{}\" does not say whether to automate", short(&v)),
                    "write automate (or yes), keep manual (or no), or leave it empty for undecided",
                )
            })?;
        }
        if let Some((v, ..)) = cell(row, Col::Notes) {
            step.notes = clamp_text(&v);
        }
        steps.push(step);
    }
    let links = links(body, &steps, &cols, &cell)?;
    let workflow = Workflow {
        id: WorkflowId(1),
        name: name.to_owned(),
        description: String::new(),
        steps,
        links,
        lanes: Default::default(),
    };
    Ok(Imported {
        format: None,
        workflows: vec![workflow],
        notes,
    })
}

/// A table of one column without a recognised header: every row a step title.
fn single_column(rows: &[Vec<Field>], name: &str) -> Imported {
    let titles: Vec<String> = rows
        .iter()
        .filter_map(|r| r.first())
        .map(|f| f.text.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let fragment = crate::edit::paste::chain_from_titles(&titles, StepId(1), Default::default());
    Imported {
        format: None,
        workflows: vec![Workflow {
            id: WorkflowId(1),
            name: name.to_owned(),
            description: String::new(),
            steps: fragment.steps,
            links: fragment.links,
            lanes: Default::default(),
        }],
        notes: Vec::new(),
    }
}

/// The first 60 characters of a cell, for a message.
fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

type Cell<'a> = dyn Fn(&[Field], Col) -> Option<(String, usize, usize)> + 'a;

/// The arrows: each row leads to the next one, unless a "next" column names
/// where it goes ("Pack order", "7", "yes: Pack order; no: Email customer",
/// "-" for nowhere). End steps lead nowhere.
fn links(
    body: &[Vec<Field>],
    steps: &[Step],
    cols: &HashMap<Col, usize>,
    cell: &Cell<'_>,
) -> Result<Vec<Link>, ImportError> {
    let mut by_title: HashMap<String, StepId> = HashMap::new();
    for s in steps.iter().rev() {
        by_title.insert(s.title.to_lowercase(), s.id);
    }
    let mut by_id: HashMap<String, StepId> = HashMap::new();
    if cols.contains_key(&Col::Id) {
        for (row, s) in body.iter().zip(steps) {
            if let Some((v, line, column)) = cell(row, Col::Id)
                && by_id.insert(v.to_lowercase(), s.id).is_some()
            {
                return Err(ImportError::at(
                    line,
                    Some(column),
                    format!("the id \"{}\" is used by an earlier row too", short(&v)),
                    "give every row its own id",
                ));
            }
        }
    }
    let resolve = |target: &str| -> Option<StepId> {
        let t = target.trim().to_lowercase();
        if let Some(id) = by_id.get(&t) {
            return Some(*id);
        }
        if let Some(id) = by_title.get(&t) {
            return Some(*id);
        }
        let t = t.trim_start_matches(['#', 'r', 'o', 'w', ' ']);
        let n: usize = t.parse().ok()?;
        (!cols.contains_key(&Col::Id) && (1..=steps.len()).contains(&n)).then_some(StepId(n as u32))
    };
    let mut links = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |from: StepId, to: StepId, label: &str, links: &mut Vec<Link>| {
        if from != to && seen.insert((from, to)) {
            links.push(Link::labelled(from, to, &clamp_title(label.trim())));
        }
    };
    for (k, (row, step)) in body.iter().zip(steps).enumerate() {
        match cell(row, Col::Next) {
            Some((v, line, column)) => {
                if matches!(
                    header_words(&v).as_str(),
                    "" | "none" | "nothing" | "end" | "stop"
                ) && resolve(&v).is_none()
                {
                    continue;
                }
                for item in split_targets(&v, &resolve) {
                    let (label, target) = match resolve(item) {
                        Some(id) => ("", Some(id)),
                        None => match item.split_once([':', '→']) {
                            Some((label, t)) => (label, resolve(t)),
                            None => ("", None),
                        },
                    };
                    let Some(to) = target else {
                        return Err(ImportError::at(
                            line,
                            Some(column),
                            format!("there is no step \"{}\" to go to", short(item.trim())),
                            "write the title of a step in the file exactly, or its row number (1 is the first row after the column names); separate several with \";\" and label a branch as \"yes: Pack order\"",
                        ));
                    };
                    push(step.id, to, label, &mut links);
                }
            }
            None => {
                if step.kind != StepKind::End
                    && let Some(next) = steps.get(k + 1)
                {
                    push(step.id, next.id, "", &mut links);
                }
            }
        }
    }
    Ok(links)
}

/// The targets in a "next" cell: the whole cell when it names one step,
/// otherwise its parts between ";" or "|" (or "," when those are absent).
fn split_targets<'a>(v: &'a str, resolve: &dyn Fn(&str) -> Option<StepId>) -> Vec<&'a str> {
    if resolve(v).is_some() {
        return vec![v];
    }
    let parts: Vec<&str> = if v.contains([';', '|', '\n']) {
        v.split([';', '|', '\n']).collect()
    } else {
        v.split(',').collect()
    };
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_separators_quotes_and_line_breaks() {
        let r = records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n", ',').unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0][1].text, "b, c");
        assert_eq!(r[0][2].text, "say \"hi\"");
        assert_eq!(r[1][1].text, "two\nlines");
        assert_eq!((r[1][2].line, r[1][2].column), (3, 8));
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let e = records("a,b\n1,\"oops\n2,3\n", ',').unwrap_err();
        assert_eq!(e.position(), Some((2, Some(3))));
        assert!(e.to_string().contains("never closed"), "{e}");
    }

    #[test]
    fn delimiter_is_found_from_the_header() {
        assert_eq!(delimiter("Step;Owner;\"a,b\"\n", ""), ';');
        assert_eq!(delimiter("Step\tOwner\n", ""), '\t');
        assert_eq!(delimiter("Step,Owner\n", ""), ',');
        assert_eq!(delimiter("Step,Owner\n", "tsv"), '\t');
    }

    #[test]
    fn headers_match_loosely() {
        assert_eq!(column_for("Task name"), Some(Col::Title));
        assert_eq!(column_for("Who?"), Some(Col::Owner));
        assert_eq!(column_for("Tool / App"), Some(Col::System));
        assert_eq!(column_for("How often"), Some(Col::Frequency));
        assert_eq!(column_for("Time per step (min)"), Some(Col::Minutes));
        assert_eq!(column_for("Next step"), Some(Col::Next));
        assert_eq!(column_for("Automate?"), Some(Col::Tag));
        assert_eq!(column_for("Step type"), Some(Col::Kind));
        assert_eq!(column_for("#"), Some(Col::Id));
        assert_eq!(column_for("Cost"), None);
    }
}
