//! Mermaid flowcharts: a bare `.mmd` file, or every flowchart in the
//! `mermaid` code blocks of a Markdown file (Automap's own export included: each
//! becomes a workflow named after the heading above it).
//!
//! Shapes give the kind (the export's own mapping): `(["…"])` trigger,
//! `["…"]` task, `{"…"}` decision, `{{"…"}}` exception, `(("…"))` end;
//! other shapes are tasks. Arrow labels become branch labels, and the classes
//! `automate`, `keepManual` and `undecided` become tags. Styling lines
//! (`classDef`, `style`, `linkStyle`, `click`, `subgraph` …) are read past.

use super::{ImportError, Imported, MAX_IMPORT_STEPS};
use crate::edit::paste::clamp_title;
use crate::model::{Link, Step, StepId, StepKind, Tag, Workflow, WorkflowId};
use std::collections::{HashMap, HashSet};

/// True when the text is a flowchart or holds one in a `mermaid` code block.
pub(super) fn looks_like_mermaid(text: &str) -> bool {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%") && *l != "---");
    if first.is_some_and(is_header) {
        return true;
    }
    let mut in_block = false;
    for l in text.lines().map(str::trim) {
        if in_block && !l.is_empty() && !l.starts_with("%%") {
            if is_header(l) {
                return true;
            }
            in_block = false;
        }
        if l.starts_with("```mermaid") {
            in_block = true;
        }
    }
    false
}

fn is_header(line: &str) -> bool {
    let mut words = line.split_whitespace();
    matches!(words.next(), Some("flowchart" | "graph"))
}

/// A flowchart's lines with their 1-based line numbers, and the name above it.
struct Chart<'a> {
    name: String,
    lines: Vec<(usize, &'a str)>,
}

/// Undo the Markdown escaping of a heading (`\[` → `[`, `&amp;` → `&`).
fn unescape_md(s: &str) -> String {
    let s = s
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && n.is_ascii_punctuation()
        {
            out.push(n);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

fn charts<'a>(text: &'a str, name: &str) -> Vec<Chart<'a>> {
    let bare = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%") && *l != "---")
        .is_some_and(is_header);
    if bare {
        return vec![Chart {
            name: name.to_owned(),
            lines: text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect(),
        }];
    }
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut block: Option<Vec<(usize, &str)>> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        match &mut block {
            Some(lines) => {
                if t.starts_with("```") {
                    let lines = std::mem::take(lines);
                    block = None;
                    let first = lines
                        .iter()
                        .map(|(_, l)| l.trim())
                        .find(|l| !l.is_empty() && !l.starts_with("%%"));
                    if first.is_some_and(is_header) {
                        out.push(Chart {
                            name: if heading.is_empty() {
                                name.to_owned()
                            } else {
                                heading.clone()
                            },
                            lines,
                        });
                    }
                } else {
                    lines.push((i + 1, line));
                }
            }
            None => {
                if t.starts_with("```mermaid") {
                    block = Some(Vec::new());
                } else if let Some(h) = t.strip_prefix('#') {
                    heading = unescape_md(h.trim_start_matches('#').trim());
                }
            }
        }
    }
    out
}

/// Decode Mermaid entities (`#quot;`, `#35;`, `#lt;` …) and HTML ones, and
/// turn `<br>` into a space.
fn decode(s: &str) -> String {
    let s = s
        .replace("<br>", " ")
        .replace("<br/>", " ")
        .replace("<br />", " ");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(p) = rest.find(['#', '&']) {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let decoded = after.find(';').filter(|&e| e <= 10).and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "nbsp" => Some(' '),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix('#')
                    .unwrap_or(name)
                    .parse::<u32>()
                    .ok()
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push_str(&rest[p..p + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads one statement character by character, knowing its line and the
/// column where the statement's text starts.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
    line: usize,
    col0: usize,
}

impl<'a> Cursor<'a> {
    fn column(&self) -> usize {
        self.col0 + self.s[..self.pos].chars().count()
    }
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn skip_ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }
    fn eat(&mut self, p: &str) -> bool {
        if self.rest().starts_with(p) {
            self.pos += p.len();
            true
        } else {
            false
        }
    }
    fn error(&self, problem: String, fix: &str) -> ImportError {
        ImportError::at(self.line, Some(self.column()), problem, fix)
    }
    fn id(&mut self) -> Option<&'a str> {
        let r = self.rest();
        let len: usize = r
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '$'))
            .map(char::len_utf8)
            .sum();
        if len == 0 {
            return None;
        }
        // "a-->b": an id never ends in the dashes of an arrow.
        let id = &r[..len];
        self.pos += len;
        Some(id)
    }
}

/// Shapes by their opening text: (open, close, kind). Longer openings first.
const SHAPES: &[(&str, &str, StepKind)] = &[
    ("(((", ")))", StepKind::End),
    ("([", "])", StepKind::Trigger),
    ("((", "))", StepKind::End),
    ("{{", "}}", StepKind::Exception),
    ("[[", "]]", StepKind::Task),
    ("[(", ")]", StepKind::Task),
    ("[/", "/]", StepKind::Task),
    ("[\\", "\\]", StepKind::Task),
    ("[/", "\\]", StepKind::Task),
    ("[\\", "/]", StepKind::Task),
    ("[", "]", StepKind::Task),
    ("(", ")", StepKind::Task),
    ("{", "}", StepKind::Decision),
    (">", "]", StepKind::Task),
];

struct Node {
    title: String,
    kind: StepKind,
    tag: Tag,
}

#[derive(Default)]
struct Graph {
    order: Vec<String>,
    nodes: HashMap<String, Node>,
    links: Vec<(String, String, String)>,
}

impl Graph {
    fn touch(&mut self, id: &str) -> Result<(), ImportError> {
        if !self.nodes.contains_key(id) {
            if self.nodes.len() >= MAX_IMPORT_STEPS {
                return Err(ImportError::TooManySteps {
                    count: self.nodes.len() + 1,
                });
            }
            self.order.push(id.to_owned());
            self.nodes.insert(
                id.to_owned(),
                Node {
                    title: id.to_owned(),
                    kind: StepKind::Task,
                    tag: Tag::Undecided,
                },
            );
        }
        Ok(())
    }
}

/// Read a node reference with an optional shape: `a`, `a["Text"]`, `a{x}`, `a:::cls`.
fn node(c: &mut Cursor<'_>, g: &mut Graph) -> Result<String, ImportError> {
    c.skip_ws();
    let Some(id) = c.id() else {
        return Err(c.error(
            format!("expected a node name here, found \"{}\"", first_chars(c.rest())),
            "start each node with a name of letters or digits, as in a[\"Pack order\"] --> b[\"Ship\"]",
        ));
    };
    let id = id.to_owned();
    g.touch(&id)?;
    if let Some(&(open, close, kind)) = SHAPES.iter().find(|(o, _, _)| c.rest().starts_with(o)) {
        c.pos += open.len();
        let body_start = c.pos;
        let rest = c.rest();
        // A quoted label may hold any closing bracket.
        let (text, used) = if let Some(q) = rest.strip_prefix('"') {
            match q.find('"') {
                Some(e) if q[e + 1..].starts_with(close) => {
                    (q[..e].to_owned(), 1 + e + 1 + close.len())
                }
                _ => {
                    return Err(c.error(
                        "the quoted text of this node is not closed".to_owned(),
                        &format!("end the node's text with \"{close}"),
                    ));
                }
            }
        } else {
            match rest.find(close) {
                Some(e) => (rest[..e].to_owned(), e + close.len()),
                None => {
                    c.pos = body_start - open.len();
                    return Err(c.error(
                        format!("the text of node \"{id}\" opened with \"{open}\" is never closed"),
                        &format!("close it with \"{close}\""),
                    ));
                }
            }
        };
        c.pos = body_start + used;
        let title = clamp_title(&decode(&text));
        if let Some(n) = g.nodes.get_mut(&id) {
            n.title = title;
            n.kind = kind;
        }
    }
    if c.eat(":::") {
        let cls = c.id().unwrap_or_default().to_owned();
        if let Some(tag) = tag_of_class(&cls)
            && let Some(n) = g.nodes.get_mut(&id)
        {
            n.tag = tag;
        }
    }
    Ok(id)
}

/// One node or several joined by "&".
fn nodes(c: &mut Cursor<'_>, g: &mut Graph) -> Result<Vec<String>, ImportError> {
    let mut out = vec![node(c, g)?];
    loop {
        c.skip_ws();
        if !c.eat("&") {
            return Ok(out);
        }
        out.push(node(c, g)?);
    }
}

fn first_chars(s: &str) -> String {
    s.chars().take(20).collect()
}

fn tag_of_class(cls: &str) -> Option<Tag> {
    match cls.to_lowercase().replace(['-', '_'], "").as_str() {
        "automate" | "automated" => Some(Tag::Automate),
        "keepmanual" | "manual" => Some(Tag::KeepManual),
        "undecided" => Some(Tag::Undecided),
        _ => None,
    }
}

/// Read an arrow and its label, if the cursor is at one: `-->`, `---`,
/// `-.->`, `==>`, `-->|label|`, `-- label -->`. Returns the label.
fn arrow(c: &mut Cursor<'_>) -> Result<Option<String>, ImportError> {
    c.skip_ws();
    let r = c.rest();
    let body: usize = r
        .chars()
        .take_while(|ch| matches!(ch, '-' | '.' | '=' | '>' | '<'))
        .map(char::len_utf8)
        .sum();
    let arrow_text = &r[..body];
    if body < 2 || !arrow_text.starts_with(['-', '.', '=', '<']) {
        return Ok(None);
    }
    let opens_label = matches!(arrow_text, "--" | "==" | "-.");
    if !(opens_label || arrow_text.contains('>') || arrow_text.len() >= 3) {
        return Ok(None);
    }
    c.pos += body;
    if opens_label {
        // "-- label -->": the label runs to the arrow's end.
        let rest = c.rest();
        let end = ["-->", "---", "==>", "===", ".->", "-.->"]
            .iter()
            .filter_map(|a| rest.find(a).map(|p| (p, a.len())))
            .min();
        let Some((p, len)) = end else {
            return Err(c.error(
                "this arrow's label never reaches the end of the arrow".to_owned(),
                "write a labelled arrow as a -- label --> b or a -->|label| b",
            ));
        };
        let label = decode(rest[..p].trim().trim_matches('"'));
        c.pos += p + len;
        return Ok(Some(label));
    }
    c.skip_ws();
    if c.eat("|") {
        let rest = c.rest();
        let Some(e) = rest.find('|') else {
            return Err(c.error(
                "the arrow's label opened with \"|\" is never closed".to_owned(),
                "close the label with \"|\", as in a -->|yes| b",
            ));
        };
        let label = decode(rest[..e].trim().trim_matches('"'));
        c.pos += e + 1;
        return Ok(Some(label));
    }
    Ok(Some(String::new()))
}

/// Split a line into statements at ';' outside quotes and brackets.
fn statements(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, ch) in line.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                out.push((start, &line[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, &line[start..]));
    out
}

const SKIP: &[&str] = &[
    "classDef",
    "style",
    "linkStyle",
    "click",
    "subgraph",
    "end",
    "direction",
    "accTitle",
    "accDescr",
    "title",
];

fn chart_to_workflow(chart: &Chart<'_>) -> Result<Workflow, ImportError> {
    let mut g = Graph::default();
    let mut header_seen = false;
    for &(line_no, raw) in &chart.lines {
        let line = match raw.find("%%") {
            Some(p) => &raw[..p],
            None => raw,
        };
        for (offset, stmt) in statements(line) {
            let t = stmt.trim();
            if t.is_empty() || t == "---" {
                continue;
            }
            if !header_seen {
                if is_header(t) {
                    header_seen = true;
                }
                continue;
            }
            let first_word = t.split_whitespace().next().unwrap_or_default();
            // "accTitle: …" and "accDescr: …" carry their colon on the keyword.
            if SKIP.contains(&first_word.trim_end_matches(':')) {
                continue;
            }
            let lead = stmt.len() - stmt.trim_start().len();
            let col0 = line[..offset + lead].chars().count() + 1;
            if first_word == "class" {
                let mut parts = t["class".len()..].split_whitespace();
                let ids = parts.next().unwrap_or_default();
                if let Some(tag) = parts.next().and_then(tag_of_class) {
                    for id in ids.split(',') {
                        if let Some(n) = g.nodes.get_mut(id.trim()) {
                            n.tag = tag;
                        }
                    }
                }
                continue;
            }
            let mut c = Cursor {
                s: t,
                pos: 0,
                line: line_no,
                col0,
            };
            let mut from = nodes(&mut c, &mut g)?;
            while let Some(label) = arrow(&mut c)? {
                let to = nodes(&mut c, &mut g)?;
                for a in &from {
                    for b in &to {
                        g.links.push((a.clone(), b.clone(), label.clone()));
                    }
                }
                from = to;
            }
            c.skip_ws();
            if !c.rest().is_empty() {
                return Err(c.error(
                    format!("cannot read \"{}\" here", first_chars(c.rest())),
                    "write nodes as a[\"Text\"] and arrows as a --> b or a -->|label| b",
                ));
            }
        }
    }
    let index: HashMap<&str, StepId> = g
        .order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), StepId(i as u32 + 1)))
        .collect();
    let steps = g
        .order
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let n = g.nodes.get(id)?;
            let mut s = Step::new(
                StepId(i as u32 + 1),
                n.kind,
                n.title.clone(),
                Default::default(),
            );
            s.tag = n.tag;
            Some(s)
        })
        .collect();
    let mut seen = HashSet::new();
    let links = g
        .links
        .iter()
        .filter_map(|(a, b, label)| {
            let (from, to) = (*index.get(a.as_str())?, *index.get(b.as_str())?);
            (from != to && seen.insert((from, to)))
                .then(|| Link::labelled(from, to, &clamp_title(label)))
        })
        .collect();
    Ok(Workflow {
        id: WorkflowId(1),
        name: chart.name.clone(),
        description: String::new(),
        steps,
        links,
        lanes: Default::default(),
    })
}

pub(super) fn import(text: &str, name: &str) -> Result<Imported, ImportError> {
    let mut workflows = Vec::new();
    let mut total = 0usize;
    for chart in charts(text, name) {
        let mut w = chart_to_workflow(&chart)?;
        total += w.steps.len();
        if total > MAX_IMPORT_STEPS {
            return Err(ImportError::TooManySteps { count: total });
        }
        w.id = WorkflowId(workflows.len() as u32 + 1);
        if !w.steps.is_empty() {
            workflows.push(w);
        }
    }
    Ok(Imported {
        format: None,
        workflows,
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode("Say #quot;hi#quot; #35;1 #128230; a#amp;b"),
            "Say \"hi\" #1 📦 a&b"
        );
        assert_eq!(decode("C# and #x"), "C# and #x");
    }

    #[test]
    fn shapes_links_labels_and_classes() {
        let text = "flowchart LR\n  a([\"Start\"]) --> b{\"Ok?\"}\n  b -->|yes| c[Pack]\n  b -- no --> d{{\"Problem\"}}\n  c --> e((Done)); d --> e\n  class a,c automate\n  d:::keepManual\n";
        let i = import(text, "Flow").unwrap();
        let w = &i.workflows[0];
        let kinds: Vec<StepKind> = w.steps.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                StepKind::Trigger,
                StepKind::Decision,
                StepKind::Task,
                StepKind::Exception,
                StepKind::End
            ]
        );
        let labels: Vec<&str> = w.links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["", "yes", "no", "", ""]);
        assert_eq!(w.steps[0].tag, Tag::Automate);
        assert_eq!(w.steps[3].tag, Tag::KeepManual);
        assert_eq!(w.steps[1].tag, Tag::Undecided);
    }

    #[test]
    fn a_node_left_open_is_reported_with_its_place() {
        let e = import("flowchart TD\n  a --> b[\"Pack\n", "x").unwrap_err();
        assert_eq!(e.position().map(|p| p.0), Some(2));
        let e = import("graph TD\n  a --> b[Pack\n", "x").unwrap_err();
        assert_eq!(e.position(), Some((2, Some(10))));
    }
}
