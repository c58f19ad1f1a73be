//! Mermaid diagrams: a flowchart per workflow and the roadmap gantt.

use super::escape::{gantt_text, mermaid_label};
use super::text::push_int;
use crate::model::{Column, Plan, Step, StepId, StepKind, Tag, Workflow, lane_label};
use crate::roadmap::{RoadmapSummary, date};
use foldhash::HashMap;
use std::fmt::Write as _;

/// Workflows with more steps than this get their table only: Mermaid refuses
/// very large diagrams and nobody reads them.
pub const MAX_DIAGRAM_STEPS: usize = 150;
/// Arrows drawn at most (Mermaid's own limit is 500).
pub const MAX_DIAGRAM_LINKS: usize = 400;
/// Tasks per month shown in the gantt.
pub const MAX_GANTT_TASKS: usize = 40;
/// Characters per diagram at most (Mermaid refuses more than 50,000).
pub const MAX_DIAGRAM_CHARS: usize = 50_000;

/// Plain words for an accessible title or description (one line, no syntax).
fn acc_text(s: &str) -> String {
    let mut out = String::new();
    gantt_text(&mut out, s);
    out
}

/// A ```mermaid flowchart of the workflow, or a line saying why there is none.
pub fn flowchart(out: &mut String, w: &Workflow) {
    let mut d = String::new();
    flowchart_into(&mut d, w);
    if d.len() > MAX_DIAGRAM_CHARS && d.starts_with("```") {
        let _ = write!(
            out,
            "The diagram of this workflow would be longer than Mermaid accepts ({} characters); the table lists every step.\n\n",
            d.len()
        );
    } else {
        out.push_str(&d);
    }
}

fn flowchart_into(out: &mut String, w: &Workflow) {
    if w.steps.is_empty() {
        return;
    }
    if w.steps.len() > MAX_DIAGRAM_STEPS {
        let _ = write!(
            out,
            "This workflow has {} steps, too many for a readable diagram; the table lists them all.\n\n",
            w.steps.len()
        );
        return;
    }
    let ids: HashMap<StepId, usize> = w
        .steps
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s.id, i + 1))
        .collect();
    out.push_str("```mermaid\nflowchart LR\n");
    let automated = w.steps.iter().filter(|s| s.tag == Tag::Automate).count();
    let _ = writeln!(out, "    accTitle: Workflow {}", acc_text(&w.name));
    let _ = writeln!(
        out,
        "    accDescr: {} steps and {} arrows, {automated} tagged automate",
        w.steps.len(),
        w.links.len().min(MAX_DIAGRAM_LINKS)
    );
    // The map's colours; undecided steps get a dashed border there too.
    for (class, tag, dash) in [
        ("automate", Tag::Automate, ""),
        ("keepManual", Tag::KeepManual, ""),
        ("undecided", Tag::Undecided, ",stroke-dasharray:4 3"),
    ] {
        let _ = writeln!(
            out,
            "    classDef {class} fill:{},stroke:{},color:#1f2328{dash}",
            Tag::hex(tag.fill_rgb()),
            Tag::hex(tag.ink_rgb()),
        );
    }
    let mut by_tag: [Vec<usize>; 3] = Default::default();
    for (i, s) in w.steps.iter().enumerate() {
        by_tag[match s.tag {
            Tag::Automate => 0,
            Tag::KeepManual => 1,
            Tag::Undecided => 2,
        }]
        .push(i + 1);
    }
    let lanes = w.lanes.names(&w.steps);
    if lanes.is_empty() {
        for (i, s) in w.steps.iter().enumerate() {
            node(out, "    ", i + 1, s);
        }
    } else {
        // One subgraph per lane, in the map's order (plain flowchart
        // subgraphs: no per-subgraph direction, which renderers treat apart).
        for (k, lane) in lanes.iter().enumerate() {
            let _ = write!(out, "    subgraph lane{}[\"", k + 1);
            mermaid_label(out, lane_label(lane));
            out.push_str("\"]\n");
            for (i, s) in w.steps.iter().enumerate() {
                if w.lanes.by.key(s) == lane {
                    node(out, "        ", i + 1, s);
                }
            }
            out.push_str("    end\n");
        }
    }
    for l in w.links.iter().take(MAX_DIAGRAM_LINKS) {
        let (Some(a), Some(b)) = (ids.get(&l.from), ids.get(&l.to)) else {
            continue;
        };
        out.push_str("    n");
        push_int(out, *a);
        if l.label.trim().is_empty() {
            out.push_str(" --> n");
        } else {
            out.push_str(" -->|\"");
            mermaid_label(out, &l.label);
            out.push_str("\"| n");
        }
        push_int(out, *b);
        out.push('\n');
    }
    for (nodes, class) in by_tag.iter().zip(["automate", "keepManual", "undecided"]) {
        // Long class lines are split so no line grows without bound.
        for chunk in nodes.chunks(50) {
            out.push_str("    class ");
            for (k, n) in chunk.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                out.push('n');
                push_int(out, *n);
            }
            for piece in [" ", class, "\n"] {
                out.push_str(piece);
            }
        }
    }
    out.push_str("```\n\n");
    if w.links.len() > MAX_DIAGRAM_LINKS {
        let _ = write!(
            out,
            "The diagram shows the first {MAX_DIAGRAM_LINKS} of {} arrows.\n\n",
            w.links.len()
        );
    }
}

/// The definition line of node `n{n}` for step `s`, its shape by kind.
fn node(out: &mut String, indent: &str, n: usize, s: &Step) {
    let (open, close) = match s.kind {
        StepKind::Trigger => ("([\"", "\"])"),
        StepKind::Task => ("[\"", "\"]"),
        StepKind::Decision => ("{\"", "\"}"),
        StepKind::Exception => ("{{\"", "\"}}"),
        StepKind::End => ("((\"", "\"))"),
    };
    out.push_str(indent);
    out.push('n');
    push_int(out, n);
    out.push_str(open);
    if crate::text::trimmed(&s.title).is_empty() {
        let _ = write!(out, "Step {}", s.id);
    } else {
        mermaid_label(out, &s.title);
    }
    out.push_str(close);
    out.push('\n');
}

/// The roadmap as a ```mermaid gantt: a section per month, items one after
/// another at the team's setup pace.
pub fn gantt(
    out: &mut String,
    plan: &Plan,
    summary: &RoadmapSummary,
    start: i64,
    find: impl Fn(StepId) -> Option<(usize, usize)>,
) {
    if summary.months.iter().all(|m| m.items.is_empty()) {
        out.push_str("Nothing is planned in the 90 days yet.\n\n");
        return;
    }
    let per_week = plan.profile.setup_hours_per_week;
    let hours_per_day = if per_week.is_finite() && per_week > 0.0 {
        per_week / 7.0
    } else {
        1.0
    };
    let planned: usize = summary.months.iter().map(|m| m.items.len()).sum();
    out.push_str("```mermaid\ngantt\n    title 90-day roadmap\n    dateFormat YYYY-MM-DD\n");
    out.push_str("    todayMarker off\n    accTitle: 90-day roadmap\n");
    let _ = writeln!(
        out,
        "    accDescr: {planned} automations set up over days 1 to 90, month by month, with milestones at days 30, 60 and 90"
    );
    out.push_str("    section Milestones\n");
    for d in [30, 60, 90] {
        let _ = writeln!(
            out,
            "    Day {d} :milestone, m{d}, {}, 0d",
            date::format(start + d - 1)
        );
    }
    let mut task = 0usize;
    let mut cut = false;
    for (mi, m) in summary.months.iter().enumerate() {
        if m.items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    section {}", Column::MONTHS[mi].label());
        let mut day = start + 30 * mi as i64;
        for &i in m.items.iter().take(MAX_GANTT_TASKS) {
            let info = &summary.items[i];
            let Some(step) = find(info.step)
                .and_then(|(wi, si)| plan.workflows.get(wi).and_then(|w| w.steps.get(si)))
            else {
                continue;
            };
            task += 1;
            let days = (info.setup_hours / hours_per_day).ceil().clamp(1.0, 90.0) as i64;
            let _ = write!(out, "    {task}. ");
            let before = out.len();
            gantt_text(out, &step.title);
            if out.len() == before {
                let _ = write!(out, "Step {}", step.id);
            }
            let _ = writeln!(out, " :t{task}, {}, {days}d", date::format(day));
            day += days;
        }
        cut |= m.items.len() > MAX_GANTT_TASKS;
    }
    out.push_str("```\n\n");
    if cut {
        let _ = write!(
            out,
            "The chart shows the first {MAX_GANTT_TASKS} items of each month; the lists below have them all.\n\n"
        );
    }
}
