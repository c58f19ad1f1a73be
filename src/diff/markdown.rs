//! The differences as Markdown, for a pull request or a planning session.

use super::{CardChangeKind, Change, LinkChangeKind, PlanDiff, Totals, WorkflowChange};
use crate::export::escape::md;
use crate::model::{CardStatus, Column, StepId};
use crate::roadmap::money;
use std::fmt::Write as _;

/// The differences from the plan named `old` to the plan named `new` (names
/// as the reader knows them, e.g. file names or "last saved").
pub fn markdown(d: &PlanDiff, old: &str, new: &str) -> String {
    let mut out = String::from("# What changed in the plan\n\n");
    write_all(&mut out, d, old, new, md, true);
    out
}

/// The same summary as plain text for a window: "## " starts a section,
/// every other line is one change or one figure; plan text is not escaped.
pub fn plain_text(d: &PlanDiff, old: &str, new: &str) -> String {
    let mut out = String::new();
    write_all(&mut out, d, old, new, |o, s| o.push_str(s.trim()), false);
    out
}

/// Appends plan text: escaped for Markdown, or as it is.
type Esc = fn(&mut String, &str);

fn write_all(out: &mut String, d: &PlanDiff, old: &str, new: &str, esc: Esc, markdown: bool) {
    out.push_str("From ");
    esc(out, old);
    out.push_str(" to ");
    esc(out, new);
    out.push_str(".\n\n");
    if d.is_empty() {
        out.push_str("No changes.\n");
        return;
    }
    totals_table(out, &d.before, &d.after, markdown);
    workflows(out, d, esc);
    steps(out, d, esc);
    links(out, d, esc);
    cards(out, d, esc);
    incidents(out, d, esc);
}

fn cash(amount: f64, currency: &str) -> String {
    money(amount, currency)
}

fn signed(delta: f64, text: impl Fn(f64) -> String) -> String {
    if delta.abs() < 0.05 {
        "–".to_owned()
    } else if delta > 0.0 {
        format!("+{}", text(delta))
    } else {
        format!("−{}", text(-delta))
    }
}

fn totals_table(out: &mut String, a: &Totals, b: &Totals, markdown: bool) {
    let start = out.len();
    out.push_str("| | before | after | change |\n|---|---:|---:|---:|\n");
    let count = |out: &mut String, label: &str, x: usize, y: usize| {
        let delta = y as f64 - x as f64;
        let _ = writeln!(
            out,
            "| {label} | {x} | {y} | {} |",
            signed(delta, |d| format!("{d:.0}"))
        );
    };
    count(out, "Workflows", a.workflows, b.workflows);
    count(out, "Steps", a.steps, b.steps);
    count(out, "Steps tagged automate", a.automated, b.automated);
    let hours = |out: &mut String, label: &str, x: f64, y: f64| {
        let _ = writeln!(
            out,
            "| {label} | {x:.1} h | {y:.1} h | {} |",
            signed(y - x, |d| format!("{d:.1} h"))
        );
    };
    hours(
        out,
        "Manual hours per week",
        a.manual_hours_per_week,
        b.manual_hours_per_week,
    );
    hours(
        out,
        "Hours saved per week by day 90",
        a.hours_saved_by_day_90,
        b.hours_saved_by_day_90,
    );
    hours(
        out,
        "Hours saved per week by live automations",
        a.live_hours_saved,
        b.live_hours_saved,
    );
    hours(
        out,
        "Setup hours in months 1–3",
        a.setup_hours,
        b.setup_hours,
    );
    let cur = b.currency.as_str();
    let _ = writeln!(
        out,
        "| Value of the time saved per month | {} | {} | {} |",
        cash(a.value_per_month, &a.currency),
        cash(b.value_per_month, cur),
        signed(b.value_per_month - a.value_per_month, |d| cash(d, cur))
    );
    let cost = |t: &Totals| {
        let mut s = cash(t.monthly_cost, &t.currency);
        if t.unknown_prices > 0 {
            s.push_str(" + unknown");
        }
        s
    };
    let _ = writeln!(
        out,
        "| Tool cost per month | {} | {} | {} |",
        cost(a),
        cost(b),
        signed(b.monthly_cost - a.monthly_cost, |d| cash(d, cur))
    );
    let table = out.split_off(start);
    if markdown {
        // Escaped so that two amounts on one line are never read as a formula.
        out.push_str(&table.replace('$', "\\$"));
    } else {
        // "Label: before → after (change)" per row.
        for row in table.lines().skip(2) {
            let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
            if let [label, before, after, change] = cells[..] {
                let _ = writeln!(out, "{label}: {before} → {after} ({change})");
            }
        }
    }
    out.push('\n');
}

fn quoted(out: &mut String, title: &str, id: StepId, esc: Esc) {
    let t = title.trim();
    if t.is_empty() {
        let _ = write!(out, "step {id}");
    } else {
        out.push('“');
        esc(out, t);
        let _ = write!(out, "” (step {id})");
    }
}

fn workflows(out: &mut String, d: &PlanDiff, esc: Esc) {
    if d.workflows.is_empty() {
        return;
    }
    out.push_str("## Workflows\n\n");
    for w in &d.workflows {
        match w {
            WorkflowChange::Added { name, .. } => {
                out.push_str("- Added: ");
                esc(out, name);
            }
            WorkflowChange::Removed { name, .. } => {
                out.push_str("- Removed: ");
                esc(out, name);
            }
            WorkflowChange::Renamed { from, to, .. } => {
                out.push_str("- Renamed: ");
                esc(out, from);
                out.push_str(" → ");
                esc(out, to);
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

fn steps(out: &mut String, d: &PlanDiff, esc: Esc) {
    if d.steps.is_empty() {
        return;
    }
    out.push_str("## Steps\n\n");
    for c in &d.steps {
        out.push_str("- ");
        esc(out, &c.workflow);
        out.push_str(": ");
        match &c.change {
            Change::Added => {
                out.push_str("added ");
                quoted(out, &c.title, c.step, esc);
            }
            Change::Removed => {
                out.push_str("removed ");
                quoted(out, &c.title, c.step, esc);
            }
            Change::Renamed { from } => {
                out.push_str("renamed ");
                quoted(out, from, c.step, esc);
                out.push_str(" to “");
                esc(out, c.title.trim());
                out.push('”');
            }
            Change::Retagged { from, to } => {
                quoted(out, &c.title, c.step, esc);
                let _ = write!(out, " re-tagged from {} to {}", from.label(), to.label());
            }
            Change::MovedWorkflow { from } => {
                quoted(out, &c.title, c.step, esc);
                out.push_str(" moved here from ");
                esc(out, from);
            }
            Change::Edited { fields } => {
                quoted(out, &c.title, c.step, esc);
                let names: Vec<String> = fields.iter().map(|f| f.replace('_', " ")).collect();
                let _ = write!(out, " changed: {}", names.join(", "));
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

fn links(out: &mut String, d: &PlanDiff, esc: Esc) {
    if d.links.is_empty() {
        return;
    }
    out.push_str("## Arrows\n\n");
    for l in &d.links {
        out.push_str("- ");
        esc(out, &l.workflow);
        out.push_str(": ");
        let (verb, label) = match &l.change {
            LinkChangeKind::Added { label } => ("added", label),
            LinkChangeKind::Removed { label } => ("removed", label),
            LinkChangeKind::Relabelled { to, .. } => ("relabelled", to),
        };
        let _ = write!(out, "{verb} ");
        quoted(out, &l.from_title, l.from, esc);
        out.push_str(" → ");
        quoted(out, &l.to_title, l.to, esc);
        match &l.change {
            LinkChangeKind::Relabelled { from, .. } => {
                out.push_str(", label “");
                esc(out, from);
                out.push_str("” → “");
                esc(out, label);
                out.push('”');
            }
            _ if !label.trim().is_empty() => {
                out.push_str(" (“");
                esc(out, label);
                out.push_str("”)");
            }
            _ => {}
        }
        out.push('\n');
    }
    out.push('\n');
}

fn minutes(m: Option<f64>) -> String {
    match m {
        Some(m) if m.is_finite() => format!("{m:.0} min a week"),
        _ => "not measured".to_owned(),
    }
}

fn cards(out: &mut String, d: &PlanDiff, esc: Esc) {
    if d.cards.is_empty() {
        return;
    }
    out.push_str("## Roadmap\n\n");
    let col = |c: &Column| c.label();
    let st = |s: &CardStatus| s.label();
    for c in &d.cards {
        out.push_str("- ");
        quoted(out, &c.title, c.step, esc);
        let _ = match &c.change {
            CardChangeKind::Added { column } => write!(out, " put on the board in {}", col(column)),
            CardChangeKind::Removed { column } => {
                write!(out, " taken off the board (was in {})", col(column))
            }
            CardChangeKind::Moved { from, to } => {
                write!(out, " moved from {} to {}", col(from), col(to))
            }
            CardChangeKind::Restatused { from, to } => {
                write!(out, " now {} (was {})", st(to), st(from))
            }
            CardChangeKind::Measured { from, to } => write!(
                out,
                " measured savings: {} (was {})",
                minutes(*to),
                minutes(*from)
            ),
        };
        out.push('\n');
    }
    out.push('\n');
}

fn incidents(out: &mut String, d: &PlanDiff, esc: Esc) {
    if d.new_incidents.is_empty() {
        return;
    }
    out.push_str("## New incidents\n\n");
    for i in &d.new_incidents {
        out.push_str("- ");
        esc(
            out,
            if i.date.trim().is_empty() {
                "no date"
            } else {
                &i.date
            },
        );
        out.push_str(", ");
        quoted(out, &i.title, i.step, esc);
        out.push_str(": ");
        esc(out, &i.note);
        if !i.note.trim_end().ends_with(['.', '!', '?']) {
            out.push('.');
        }
        out.push_str(if i.plan_held {
            " The failure plan held.\n"
        } else {
            " The failure plan did not hold.\n"
        });
    }
    out.push('\n');
}
