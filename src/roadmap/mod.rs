//! The 90-day roadmap: suggestion, capacity, cost and savings per phase.
//!
//! [`suggest`] places every automation candidate of a plan in a month by its
//! layer, fills each month up to the team's setup capacity and moves what does
//! not fit on to the next one; items the owner pinned stay where they are.
//! [`summarize`] derives what each month costs and saves. Nothing here is stored
//! in the plan except the [`Roadmap`] that `suggest` returns.

pub mod date;
pub mod people;
pub mod progress;

use crate::analysis::{Analysis, PriorityClass};
use crate::model::{
    Approach, Column, Complexity, Judgment, Layer, Plan, Roadmap, RoadmapItem, Sensitivity, Step,
    StepId, StepKind, Tag, Tool, ToolCategory,
};
use foldhash::{HashMap, HashSet};

/// Weeks in one month of the 90 days (30 days).
pub const WEEKS_PER_MONTH: f64 = 30.0 / 7.0;
/// Weeks covered by the week-by-week timeline.
pub const TIMELINE_WEEKS: u32 = 13;
/// Average weeks in a calendar month, to turn weekly savings into monthly value.
pub const WEEKS_PER_CALENDAR_MONTH: f64 = 52.0 / 12.0;

/// Setup hours one month holds: the plan's setup hours per week × the month's weeks.
pub fn capacity(plan: &Plan) -> f64 {
    let per_week = plan.profile.setup_hours_per_week;
    if per_week.is_finite() && per_week > 0.0 {
        per_week * WEEKS_PER_MONTH
    } else {
        0.0
    }
}

/// Estimated hours to set up, test and launch one automation, before the owner
/// gives a figure: more for higher layers and for more complex steps.
pub fn default_setup_hours(layer: Option<Layer>, complexity: Complexity) -> f64 {
    let by_layer = match layer {
        Some(Layer::L1) | None => [2.0, 4.0, 8.0],
        Some(Layer::L2) => [4.0, 8.0, 14.0],
        Some(Layer::L3) => [6.0, 10.0, 16.0],
        Some(Layer::L4) => [8.0, 14.0, 24.0],
    };
    match complexity {
        Complexity::Low => by_layer[0],
        Complexity::Medium => by_layer[1],
        Complexity::High => by_layer[2],
    }
}

/// What the suggestion needs to know about one step from the method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepFacts {
    pub class: PriorityClass,
    /// Layer in effect; `None` when the step is no automation candidate.
    pub layer: Option<Layer>,
}

/// Facts for a step: the analysis when it knows the step, else a cautious
/// reading of the step's own fields.
pub fn facts(step: &Step, analysis: &Analysis) -> StepFacts {
    if let Some(i) = analysis.step(step.id) {
        return StepFacts {
            class: i.class,
            layer: i.layer,
        };
    }
    let class = match step.kind {
        StepKind::Trigger | StepKind::End => PriorityClass::Event,
        StepKind::Exception => PriorityClass::Exception,
        _ if step.sensitivity.is_never_automate() => PriorityClass::NeverAutomate,
        _ if step.approach == Approach::AiAgent => PriorityClass::AiCandidate,
        _ if step.complexity == Complexity::High => PriorityClass::Trap,
        _ if step.judgment == Judgment::RuleBased && step.kind == StepKind::Task => {
            PriorityClass::QuickWin
        }
        _ if step.judgment == Judgment::HumanJudgment && step.sensitivity != Sensitivity::None => {
            PriorityClass::NeverAutomate
        }
        _ => PriorityClass::Medium,
    };
    StepFacts {
        class,
        layer: step.layer.or_else(|| class_layer(class, step.kind)),
    }
}

fn class_layer(class: PriorityClass, kind: StepKind) -> Option<Layer> {
    match class {
        PriorityClass::QuickWin => Some(Layer::L1),
        PriorityClass::Medium if kind == StepKind::Decision => Some(Layer::L3),
        PriorityClass::Medium => Some(Layer::L2),
        PriorityClass::AiCandidate => Some(Layer::L4),
        _ => None,
    }
}

/// Where the method would put a step, before capacity; `None`: not on the roadmap.
pub fn target_column(step: &Step, f: StepFacts) -> Option<Column> {
    if f.class == PriorityClass::Event || matches!(step.kind, StepKind::Trigger | StepKind::End) {
        return None;
    }
    if step.tag == Tag::KeepManual {
        return Some(Column::StaysManual);
    }
    Some(match f.class {
        PriorityClass::NeverAutomate | PriorityClass::Exception | PriorityClass::Physical => {
            Column::StaysManual
        }
        PriorityClass::LowValue if step.tag != Tag::Automate => Column::StaysManual,
        PriorityClass::Trap | PriorityClass::LowValue | PriorityClass::Event => Column::Later,
        PriorityClass::QuickWin | PriorityClass::Medium | PriorityClass::AiCandidate => {
            match f.layer.or_else(|| class_layer(f.class, step.kind)) {
                Some(Layer::L1) => Column::Month1,
                Some(Layer::L2 | Layer::L3) => Column::Month2,
                Some(Layer::L4) => Column::Month3,
                None => Column::Later,
            }
        }
    })
}

/// Setup hours of an item: the owner's figure, else the default for its layer and complexity.
pub fn setup_hours(item: &RoadmapItem, step: &Step, layer: Option<Layer>) -> f64 {
    match item.setup_hours {
        Some(h) if h.is_finite() && h >= 0.0 => h,
        _ => default_setup_hours(layer, step.complexity),
    }
}

/// The kind of tool a step needs: email for customer messages, help desk or
/// content AI for AI agents, otherwise a workflow tool.
pub fn tool_category(step: &Step, layer: Option<Layer>) -> ToolCategory {
    if step.approach == Approach::AiAgent || layer == Some(Layer::L4) {
        if step.sensitivity == Sensitivity::CustomerFacing || !step.message.trim().is_empty() {
            ToolCategory::Support
        } else {
            ToolCategory::AiContent
        }
    } else if !step.message.trim().is_empty() {
        ToolCategory::EmailMarketing
    } else {
        ToolCategory::WorkflowAutomation
    }
}

/// A catalog tool for a step that names none: of the right category, suited to
/// its layer, cheapest known price first (unknown prices last).
pub fn suggest_tool<'a>(tools: &'a [Tool], step: &Step, layer: Option<Layer>) -> Option<&'a Tool> {
    let category = tool_category(step, layer);
    let layer = layer.map_or(1, Layer::number);
    tools
        .iter()
        .filter(|t| t.category == category && t.layers.contains(&layer))
        .min_by(|a, b| cheapest(a).total_cmp(&cheapest(b)))
}

fn cheapest(t: &Tool) -> f64 {
    t.prices
        .iter()
        .filter_map(|p| p.monthly.filter(|m| m.is_finite()))
        .fold(f64::INFINITY, f64::min)
}

/// Suggest a roadmap for the plan (see the module docs). Pinned items keep their
/// column and order; other items keep the owner's setup hours, tool and price choice.
pub fn suggest(plan: &Plan, analysis: &Analysis) -> Roadmap {
    suggest_with(plan, |s| facts(s, analysis))
}

/// [`suggest`] with the method's facts given by a function.
pub fn suggest_with(plan: &Plan, facts_of: impl Fn(&Step) -> StepFacts) -> Roadmap {
    let index = plan.step_places();
    let cap = capacity(plan);
    let old = &plan.roadmap;
    let mut seen: HashSet<StepId> =
        HashSet::with_capacity_and_hasher(old.items.len(), Default::default());
    let mut kept: HashMap<StepId, &RoadmapItem> =
        HashMap::with_capacity_and_hasher(old.items.len(), Default::default());
    let mut columns: [Vec<RoadmapItem>; 5] = Default::default();
    let mut used = [0.0_f64; 3];
    let mut pinned: HashSet<StepId> = HashSet::default();
    // Per workflow: the latest month holding one of its L1/L2 items. Its L3/L4
    // items start no earlier, so decisions and AI build on working basics.
    let mut basic_month: Vec<usize> = vec![0; plan.workflows.len()];

    for item in &old.items {
        let Some(&(wi, si)) = index.get(&item.step) else {
            continue;
        };
        if !seen.insert(item.step) {
            continue;
        }
        if item.pinned {
            pinned.insert(item.step);
            let step = &plan.workflows[wi].steps[si];
            let layer = facts_of(step).layer;
            if let Some(m) = item.column.month_index() {
                used[m] += setup_hours(item, step, layer);
                if is_basic(layer) {
                    basic_month[wi] = basic_month[wi].max(m);
                }
            }
            columns[col_slot(item.column)].push(item.clone());
        } else {
            kept.insert(item.step, item);
        }
    }

    // Candidates in order: by target column, lower layers first, most hours
    // saved first, then plan order.
    type Candidate<'p> = (Column, u8, f64, usize, usize, &'p Step, StepFacts);
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    let mut order = 0usize;
    for (wi, w) in plan.workflows.iter().enumerate() {
        for s in &w.steps {
            order += 1;
            if pinned.contains(&s.id) {
                continue;
            }
            let f = facts_of(s);
            if let Some(col) = target_column(s, f) {
                let hours = s.manual_hours_per_week();
                let hours = if hours.is_finite() { hours } else { 0.0 };
                let rank = f.layer.map_or(0, Layer::number);
                candidates.push((col, rank, hours, order, wi, s, f));
            }
        }
    }
    candidates.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(b.2.total_cmp(&a.2))
            .then(a.3.cmp(&b.3))
    });

    // First pass: each item in its own month (its theme), if there is room.
    // What does not fit waits, so that overflow from Month 2 never takes the
    // room Month 3 keeps for its own AI work.
    let mut overflow: Vec<(Column, usize, &Step, StepFacts, RoadmapItem, f64)> = Vec::new();
    for (target, _, _, _, wi, step, f) in candidates {
        let mut item = kept.get(&step.id).map(|i| (*i).clone()).unwrap_or_default();
        item.step = step.id;
        item.pinned = false;
        item.moved_from = None;
        let hours = setup_hours(&item, step, f.layer);
        let mut start = target;
        if let Some(m) = target.month_index()
            && !is_basic(f.layer)
            && f.layer.is_some()
            && basic_month[wi] > m
        {
            start = Column::MONTHS[basic_month[wi].min(2)];
        }
        match start.month_index() {
            Some(m) if used[m] + hours <= cap + 1e-9 => {
                used[m] += hours;
                if is_basic(f.layer) {
                    basic_month[wi] = basic_month[wi].max(m);
                }
                if start != target {
                    item.moved_from = Some(target);
                }
                place(plan, step, f, item, start, &mut columns);
            }
            Some(m) => {
                // Its basics land in a later month at the earliest: the
                // workflow's decisions and AI wait for them.
                if is_basic(f.layer) {
                    basic_month[wi] = basic_month[wi].max((m + 1).min(2));
                }
                overflow.push((start, wi, step, f, item, hours));
            }
            None => place(plan, step, f, item, start, &mut columns),
        }
    }
    // Second pass: what did not fit moves on to the next month with room left.
    for (start, wi, step, f, mut item, hours) in overflow {
        let mut col = start.next();
        while let Some(m) = col.month_index() {
            if used[m] + hours <= cap + 1e-9 {
                used[m] += hours;
                break;
            }
            col = col.next();
        }
        if let Some(m) = col.month_index()
            && is_basic(f.layer)
        {
            basic_month[wi] = basic_month[wi].max(m);
        }
        item.moved_from = Some(start);
        place(plan, step, f, item, col, &mut columns);
    }
    // Month 1 is never left empty while a quick win could start there: when
    // no setup time is given, the smallest quick win comes back (the month
    // then shows as over capacity, which the owner sees and can resolve).
    if columns[0].is_empty() {
        let back = (1..4)
            .flat_map(|c| columns[c].iter().enumerate().map(move |(k, it)| (c, k, it)))
            .filter(|(_, _, it)| it.moved_from == Some(Column::Month1))
            .filter_map(|(c, k, it)| {
                let &(wi, si) = index.get(&it.step)?;
                let step = &plan.workflows[wi].steps[si];
                let f = facts_of(step);
                (f.class == PriorityClass::QuickWin).then(|| (c, k, setup_hours(it, step, f.layer)))
            })
            .filter(|&(_, _, h)| h <= cap + 1e-9 || cap <= 0.0)
            .min_by(|a, b| a.2.total_cmp(&b.2));
        if let Some((c, k, _)) = back {
            let mut item = columns[c].remove(k);
            item.moved_from = None;
            item.column = Column::Month1;
            columns[0].push(item);
        }
    }

    Roadmap {
        start_date: old.start_date.clone(),
        items: columns.into_iter().flatten().collect(),
        phases: old.phases.clone(),
        incidents: old.incidents.clone(),
        scenarios: old.scenarios.clone(),
    }
}

/// Put an item in its column, with a tool suggested for the months.
fn place(
    plan: &Plan,
    step: &Step,
    f: StepFacts,
    mut item: RoadmapItem,
    col: Column,
    columns: &mut [Vec<RoadmapItem>; 5],
) {
    if col.month_index().is_some() && step.tool.trim().is_empty() && item.tool.is_none() {
        item.tool = suggest_tool(&plan.tools, step, f.layer).map(|t| t.id.clone());
    }
    item.column = col;
    columns[col_slot(col)].push(item);
}

/// Layers 1 and 2: the basics that decisions and AI build on.
fn is_basic(layer: Option<Layer>) -> bool {
    matches!(layer, Some(Layer::L1 | Layer::L2))
}

fn col_slot(c: Column) -> usize {
    match c {
        Column::Month1 => 0,
        Column::Month2 => 1,
        Column::Month3 => 2,
        Column::Later => 3,
        Column::StaysManual => 4,
    }
}

/// The roadmap with `step` moved to `column` at position `index` among that
/// column's items (`None`: at the end). The moved item becomes pinned so that
/// "Suggest" leaves it there. `None` when the step is not on the roadmap.
pub fn move_item(
    roadmap: &Roadmap,
    step: StepId,
    column: Column,
    index: Option<usize>,
) -> Option<Roadmap> {
    let from = roadmap.items.iter().position(|i| i.step == step)?;
    let mut out = roadmap.clone();
    let mut item = out.items.remove(from);
    item.column = column;
    item.pinned = true;
    item.moved_from = None;
    // Global position: before the index-th item of the column, else after its last item.
    let in_column: Vec<usize> = out
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.column == column)
        .map(|(k, _)| k)
        .collect();
    let at = match index.and_then(|n| in_column.get(n)) {
        Some(&k) => k,
        None => in_column.last().map_or(out.items.len(), |&k| k + 1),
    };
    out.items.insert(at.min(out.items.len()), item);
    Some(out)
}

/// The roadmap with one item changed by `f` (setup hours, tool, price option).
pub fn update_item(
    roadmap: &Roadmap,
    step: StepId,
    f: impl FnOnce(&mut RoadmapItem),
) -> Option<Roadmap> {
    let mut out = roadmap.clone();
    f(out.items.iter_mut().find(|i| i.step == step)?);
    Some(out)
}

/// When each item of months 1–3 is worked on, at the team's setup pace, one
/// after another within its month: (index into `summary.items`, first day
/// counted from day 0 of the plan, number of days).
pub fn schedule(plan: &Plan, summary: &RoadmapSummary) -> Vec<(usize, i64, i64)> {
    let per_week = plan.profile.setup_hours_per_week;
    let per_day = if per_week.is_finite() && per_week > 0.0 {
        per_week / 7.0
    } else {
        1.0
    };
    let mut out = Vec::new();
    for (mi, m) in summary.months.iter().enumerate() {
        let mut day = 30 * mi as i64;
        for &i in &m.items {
            let hours = summary.items.get(i).map_or(0.0, |it| it.setup_hours);
            let days = (hours / per_day).ceil().clamp(1.0, 90.0) as i64;
            out.push((i, day, days));
            day += days;
        }
    }
    out
}

pub mod roi;
mod summary;
pub use roi::{Roi, WhatIf, roi, roi_with};
pub use summary::{
    Cost, ItemInfo, MonthSummary, RoadmapSummary, ToolUse, item_tool, money, phase_note,
    pick_price, price_text, summarize, summarize_roadmap, tools_line,
};

#[cfg(test)]
mod tests;
