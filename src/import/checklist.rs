//! Markdown or plain checklists: one step per line, list markers stripped the
//! way a pasted list is (`-`, `*`, `1.`, `[ ]` …), indentation as branches.
//!
//! - Items at the same indentation follow one another.
//! - An indented block under an item is a branch off that item; the line
//!   carries on with the next item at the item's own indentation.
//! - An item ending in "?" is a decision; "label: title" under a decision
//!   labels the branch ("no: Email the customer").
//! - "Trigger:", "Exception:", "End:" or "Decision:" in front of a title set its kind.
//! - A Markdown heading starts a new workflow named after it.
//! - In a file with list markers, lines without one (paragraphs) are left out.

use super::{ImportError, Imported, MAX_IMPORT_STEPS};
use crate::edit::paste::{clamp_title, strip_marker};
use crate::model::{Link, Step, StepId, StepKind, Workflow, WorkflowId};

/// Width of a tab in indentation.
const TAB: usize = 4;

fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { TAB } else { 1 })
        .sum()
}

/// True when a line starts with a list marker.
fn has_marker(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && strip_marker(t) != t
}

/// "# Title" → Some("Title") for a Markdown heading.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = &t[hashes..];
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return Some(rest.trim().trim_end_matches('#').trim());
        }
    }
    None
}

/// A kind written before the title ("Exception: address missing").
fn kind_prefix(title: &str) -> (Option<StepKind>, &str) {
    if let Some((head, rest)) = title.split_once(':') {
        let kind = match head.trim().to_lowercase().as_str() {
            "trigger" | "start" => Some(StepKind::Trigger),
            "exception" | "edge case" => Some(StepKind::Exception),
            "end" | "done" => Some(StepKind::End),
            "decision" | "question" => Some(StepKind::Decision),
            "task" => Some(StepKind::Task),
            _ => None,
        };
        if kind.is_some() && !rest.trim().is_empty() {
            return (kind, rest.trim());
        }
    }
    (None, title)
}

/// "yes: Pack the order" → ("yes", "Pack the order") when the label is short.
fn branch_label(title: &str) -> (&str, &str) {
    if let Some((label, rest)) = title.split_once(':') {
        let label = label.trim();
        if !label.is_empty()
            && label.chars().count() <= 30
            && label.split_whitespace().count() <= 4
            && !rest.trim().is_empty()
        {
            return (label, rest.trim());
        }
    }
    ("", title)
}

struct Builder {
    workflows: Vec<Workflow>,
    current: Workflow,
    /// (indentation, index of the step) of the items that new lines may follow.
    stack: Vec<(usize, usize)>,
    next_id: u32,
    count: usize,
}

impl Builder {
    fn finish_workflow(&mut self, next_name: Option<&str>) {
        let name = next_name.unwrap_or_default().to_owned();
        let done = std::mem::replace(
            &mut self.current,
            Workflow {
                id: WorkflowId(self.workflows.len() as u32 + 2),
                name,
                ..Workflow::default()
            },
        );
        if !done.steps.is_empty() {
            self.workflows.push(done);
        } else if next_name.is_some() {
            // A heading before any step names the first workflow.
            self.current.id = done.id;
        }
        self.stack.clear();
    }

    fn item(&mut self, indent: usize, text: &str, line: usize) -> Result<(), ImportError> {
        self.count += 1;
        if self.count > MAX_IMPORT_STEPS {
            return Err(ImportError::TooManySteps { count: self.count });
        }
        while self.stack.last().is_some_and(|&(d, _)| d > indent) {
            self.stack.pop();
        }
        let from = match self.stack.last() {
            Some(&(d, i)) if d == indent => {
                self.stack.pop();
                Some(i)
            }
            Some(&(_, i)) => Some(i),
            None => None,
        };
        let from_is_decision =
            from.is_some_and(|i| self.current.steps[i].kind == StepKind::Decision);
        let (label, text) = if from_is_decision {
            branch_label(text)
        } else {
            ("", text)
        };
        let (kind, title) = kind_prefix(text);
        let title = clamp_title(title);
        if title.is_empty() {
            return Err(ImportError::at(
                line,
                None,
                "this item has no title".to_owned(),
                "write what happens in this step, or delete the line",
            ));
        }
        let kind = kind.unwrap_or(if title.ends_with('?') {
            StepKind::Decision
        } else {
            StepKind::Task
        });
        let id = StepId(self.next_id);
        self.next_id += 1;
        if let Some(i) = from {
            let from_id = self.current.steps[i].id;
            if self.current.steps[i].kind != StepKind::End {
                self.current
                    .links
                    .push(Link::labelled(from_id, id, &clamp_title(label)));
            }
        }
        self.current
            .steps
            .push(Step::new(id, kind, title, Default::default()));
        self.stack.push((indent, self.current.steps.len() - 1));
        Ok(())
    }
}

pub(super) fn import(text: &str, name: &str) -> Result<Imported, ImportError> {
    let markers = text.lines().any(has_marker);
    let mut b = Builder {
        workflows: Vec::new(),
        current: Workflow {
            id: WorkflowId(1),
            name: String::new(),
            ..Workflow::default()
        },
        stack: Vec::new(),
        next_id: 1,
        count: 0,
    };
    let mut in_code = false;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code || trimmed.is_empty() {
            continue;
        }
        if let Some(h) = heading(line) {
            b.finish_workflow(Some(h));
            continue;
        }
        if markers && !has_marker(line) {
            continue;
        }
        let text = strip_marker(line);
        if text.is_empty() {
            continue; // a bullet with nothing after it
        }
        b.item(indent_of(line), text, n + 1)?;
    }
    b.finish_workflow(None);
    let mut workflows = b.workflows;
    for w in &mut workflows {
        if w.name.trim().is_empty() {
            w.name = name.to_owned();
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

    fn one(text: &str) -> Workflow {
        let mut i = import(text, "List").unwrap();
        assert_eq!(i.workflows.len(), 1);
        i.workflows.remove(0)
    }

    fn arrows(w: &Workflow) -> Vec<(String, String, String)> {
        w.links
            .iter()
            .map(|l| {
                let t = |id| w.step(id).map(|s| s.title.clone()).unwrap_or_default();
                (t(l.from), t(l.to), l.label.clone())
            })
            .collect()
    }

    #[test]
    fn a_flat_list_is_a_chain() {
        let w = one("- [ ] Receive order\n- [x] Pack\n-\n3. Ship\n");
        assert_eq!(w.name, "List");
        assert_eq!(w.steps.len(), 3);
        assert_eq!(w.links.len(), 2);
    }

    #[test]
    fn indentation_branches_and_the_line_carries_on() {
        let w = one(
            "# Orders\n\nSome words about it.\n\n- Order comes in\n- In stock?\n  - no: Exception: Email the customer\n    - Refund\n- Pack\n- End: Done\n",
        );
        assert_eq!(w.name, "Orders");
        let a = arrows(&w);
        assert!(a.contains(&("In stock?".into(), "Email the customer".into(), "no".into())));
        assert!(a.contains(&("Email the customer".into(), "Refund".into(), "".into())));
        assert!(a.contains(&("In stock?".into(), "Pack".into(), "".into())));
        assert!(a.contains(&("Pack".into(), "Done".into(), "".into())));
        assert_eq!(a.len(), 5);
        let kind = |t: &str| w.steps.iter().find(|s| s.title == t).map(|s| s.kind);
        assert_eq!(kind("In stock?"), Some(StepKind::Decision));
        assert_eq!(kind("Email the customer"), Some(StepKind::Exception));
        assert_eq!(kind("Done"), Some(StepKind::End));
    }

    #[test]
    fn headings_start_workflows_and_plain_lines_are_steps_without_markers() {
        let i = import("# A\nOne\nTwo\n# B\nThree\n", "x").unwrap();
        let names: Vec<&str> = i.workflows.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(i.workflows[0].steps.len(), 2);
        assert_ne!(i.workflows[0].id, i.workflows[1].id);
    }
}
