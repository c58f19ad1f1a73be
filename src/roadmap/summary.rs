//! Cost and savings per month of a roadmap.

use super::{WEEKS_PER_CALENDAR_MONTH, capacity, facts, setup_hours};
use crate::analysis::{Analysis, PriorityClass};
use crate::model::{
    Column, Layer, PhaseNote, Plan, Roadmap, RoadmapItem, StepId, Tool, WorkflowId,
};
use foldhash::HashMap;
use std::fmt::Write as _;

/// A money total that may include prices nobody knows yet.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cost {
    /// Sum of the known monthly prices.
    pub known: f64,
    /// How many tools have no known price.
    pub unknown: usize,
}

impl Cost {
    pub fn add(&mut self, price: Option<f64>) {
        match price {
            Some(p) if p.is_finite() => self.known += p,
            _ => self.unknown += 1,
        }
    }

    /// "$19.99", "$19.99 + unknown", never a bare 0 when something is unknown.
    pub fn format(&self, currency: &str) -> String {
        let mut s = money(self.known, currency);
        if self.unknown > 0 {
            s.push_str(" + unknown");
        }
        s
    }
}

/// An amount with its currency: "$9.00" for USD, "9.00 EUR" otherwise.
pub fn money(amount: f64, currency: &str) -> String {
    let amount = if amount.is_finite() { amount } else { 0.0 };
    match currency.trim() {
        "USD" | "" => format!("${amount:.2}"),
        "EUR" => format!("€{amount:.2}"),
        "GBP" => format!("£{amount:.2}"),
        c => {
            let code: String = c
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .take(3)
                .collect();
            format!("{amount:.2} {code}")
        }
    }
}

/// A monthly price or "verify price".
pub fn price_text(price: Option<f64>, currency: &str) -> String {
    match price {
        Some(p) if p.is_finite() => money(p, currency),
        _ => "verify price".to_owned(),
    }
}

/// One tool the roadmap uses.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolUse {
    /// Catalog id as written on the step or item.
    pub id: String,
    /// Display name (the id when the catalog does not know the tool).
    pub name: String,
    /// The price option counted (chosen by the owner, else the cheapest known).
    pub option: Option<String>,
    /// Monthly price of that option; `None`: unknown, verify it.
    pub monthly: Option<f64>,
    /// The catalog knows this tool.
    pub in_catalog: bool,
    /// Month (0–2) of the first item using it.
    pub since: usize,
    /// Items using it over the 90 days.
    pub items: usize,
}

/// One item with everything derived for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemInfo {
    pub step: StepId,
    pub workflow: WorkflowId,
    pub column: Column,
    pub layer: Option<Layer>,
    pub setup_hours: f64,
    /// Manual hours per week the automation takes off the team.
    pub hours_saved: f64,
    /// Tool id in effect (the item's choice, else the step's); empty: none.
    pub tool: String,
    pub pinned: bool,
    pub moved_from: Option<Column>,
    /// Why the card sits where it does, in a few words the board shows.
    pub reason: String,
}

/// Why an item sits in its column.
fn placement_reason(
    column: Column,
    class: PriorityClass,
    layer: Option<Layer>,
    kept_by_owner: bool,
    pinned: bool,
    moved_from: Option<Column>,
) -> String {
    if column == Column::StaysManual {
        return match class {
            _ if kept_by_owner => "You chose to keep it manual.",
            PriorityClass::NeverAutomate => {
                "People keep it: complaints, brand voice, legal or strategy."
            }
            PriorityClass::Physical => "Hands-on work: manual, or tool-assisted.",
            PriorityClass::Exception => "An exception: handled by hand.",
            _ => "Too rare to repay an automation.",
        }
        .to_owned();
    }
    if pinned {
        return format!("Placed in {} by hand.", column.label());
    }
    if let Some(from) = moved_from {
        return format!(
            "Meant for {}; moved on because that month had no setup hours left.",
            from.label()
        );
    }
    let theme = match layer {
        Some(Layer::L1) => Some((Column::Month1, "a layer-1 task, frequent and simple")),
        Some(Layer::L2) => Some((Column::Month2, "a layer-2 workflow with if/then rules")),
        Some(Layer::L3) => Some((Column::Month2, "a layer-3 decision")),
        Some(Layer::L4) => Some((Column::Month3, "an AI agent, once the basics run")),
        None => None,
    };
    match (column, theme) {
        (Column::Later, _) if class == PriorityClass::Trap => {
            "A trap: it costs more to build and keep working than it saves.".to_owned()
        }
        (Column::Later, _) => "After the 90 days: too little time saved to go first.".to_owned(),
        (c, Some((home, what))) if c == home => format!("{}: {what}.", c.label()),
        (c, Some((home, _))) if c > home && matches!(layer, Some(Layer::L1 | Layer::L2)) => {
            format!(
                "Later than its layer's {}: placed here by an earlier plan.",
                home.label()
            )
        }
        (_, Some((_, what)))
            if column > Column::Month1 && matches!(layer, Some(Layer::L3 | Layer::L4)) =>
        {
            format!("Waits for the simpler automations of its workflow: {what}.")
        }
        (c, _) => format!("{}: placed by the suggestion.", c.label()),
    }
}

/// One month of the 90 days.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonthSummary {
    pub index: usize,
    pub capacity: f64,
    pub setup_hours: f64,
    /// Indices into [`RoadmapSummary::items`], in board order.
    pub items: Vec<usize>,
    /// Tools in use by the end of this month (indices into [`RoadmapSummary::tools`]).
    pub tools: Vec<usize>,
    /// Monthly cost of those tools, each counted once.
    pub cost: Cost,
    /// Hours per week saved by the end of this month (this month and the earlier ones).
    pub hours_saved: f64,
    /// This month's own share of the hours saved per week.
    pub hours_saved_here: f64,
    /// Value per calendar month of `hours_saved` at the plan's hourly value.
    pub value_per_month: f64,
}

impl MonthSummary {
    pub fn over_capacity(&self) -> bool {
        self.setup_hours > self.capacity + 1e-9
    }
}

/// What the roadmap costs and saves.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoadmapSummary {
    pub items: Vec<ItemInfo>,
    pub months: [MonthSummary; 3],
    /// Indices of items in Later and in Stays manual.
    pub later: Vec<usize>,
    pub stays_manual: Vec<usize>,
    /// Items the suggestion moved on because their month was full.
    pub moved: Vec<usize>,
    /// Every tool used in months 1–3, in order of first use.
    pub tools: Vec<ToolUse>,
    /// Items whose step no longer exists.
    pub dangling: usize,
}

impl RoadmapSummary {
    /// Hours per week saved by day 90.
    pub fn hours_saved_by_day_90(&self) -> f64 {
        self.months[2].hours_saved
    }
    /// Everything planned in the 90 days, in roadmap order (Month 1 first,
    /// board order within a month): indices into [`Self::items`].
    pub fn planned(&self) -> Vec<usize> {
        self.months
            .iter()
            .flat_map(|m| m.items.iter().copied())
            .collect()
    }
    /// Monthly tool cost from Month 3 on.
    pub fn monthly_cost(&self) -> Cost {
        self.months[2].cost
    }
}

/// The price option a tool is counted with: the owner's pick when it names one
/// of the tool's options, else the cheapest known, else the first (unknown).
pub fn pick_price(tool: &Tool, chosen: Option<&str>) -> (Option<String>, Option<f64>) {
    if let Some(name) = chosen
        && let Some(o) = tool.prices.iter().find(|o| o.name == name)
    {
        return (Some(o.name.clone()), o.monthly.filter(|p| p.is_finite()));
    }
    let cheapest = tool
        .prices
        .iter()
        .filter(|o| o.monthly.is_some_and(f64::is_finite))
        .min_by(|a, b| {
            a.monthly
                .unwrap_or(f64::MAX)
                .total_cmp(&b.monthly.unwrap_or(f64::MAX))
        });
    match cheapest.or(tool.prices.first()) {
        Some(o) => (Some(o.name.clone()), o.monthly.filter(|p| p.is_finite())),
        None => (None, None),
    }
}

/// Tool id in effect for an item.
pub fn item_tool<'a>(item: &'a RoadmapItem, step_tool: &'a str) -> &'a str {
    match item.tool.as_deref() {
        Some(t) if !t.trim().is_empty() => t,
        _ => step_tool,
    }
}

/// Derive costs and savings for the plan's roadmap.
pub fn summarize(plan: &Plan, analysis: &Analysis) -> RoadmapSummary {
    summarize_roadmap(plan, &plan.roadmap, analysis)
}

/// [`summarize`] for another roadmap of the same plan (e.g. a suggested one).
pub fn summarize_roadmap(plan: &Plan, roadmap: &Roadmap, analysis: &Analysis) -> RoadmapSummary {
    let index = plan.step_places();
    let cap = capacity(plan);
    let hourly = if plan.profile.hourly_value.is_finite() {
        plan.profile.hourly_value.max(0.0)
    } else {
        0.0
    };
    let catalog: HashMap<&str, &Tool> = plan.tools.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out = RoadmapSummary::default();
    for (i, m) in out.months.iter_mut().enumerate() {
        m.index = i;
        m.capacity = cap;
    }
    let mut tool_slot: HashMap<String, usize> = HashMap::default();
    let mut chosen_option: Vec<Option<String>> = Vec::new();
    let mut seen = foldhash::HashSet::default();

    for item in &roadmap.items {
        let Some(&(wi, si)) = index.get(&item.step) else {
            out.dangling += 1;
            continue;
        };
        if !seen.insert(item.step) {
            continue;
        }
        let w = &plan.workflows[wi];
        let step = &w.steps[si];
        let f = facts(step, analysis);
        let layer = f.layer;
        let hours_saved = step.manual_hours_per_week();
        // A card that stays manual costs no setup and saves nothing.
        let manual = item.column == Column::StaysManual;
        let info = ItemInfo {
            step: step.id,
            workflow: w.id,
            column: item.column,
            layer,
            setup_hours: if manual {
                0.0
            } else {
                setup_hours(item, step, layer)
            },
            hours_saved: if hours_saved.is_finite() && !manual {
                hours_saved.max(0.0)
            } else {
                0.0
            },
            reason: placement_reason(
                item.column,
                f.class,
                layer,
                step.tag == crate::model::Tag::KeepManual,
                item.pinned,
                item.moved_from,
            ),
            tool: item_tool(item, &step.tool).trim().to_owned(),
            pinned: item.pinned,
            moved_from: item.moved_from,
        };
        let n = out.items.len();
        if info.moved_from.is_some() && info.column != Column::StaysManual {
            out.moved.push(n);
        }
        match info.column.month_index() {
            Some(mi) => {
                let m = &mut out.months[mi];
                m.items.push(n);
                m.setup_hours += info.setup_hours;
                m.hours_saved_here += info.hours_saved;
                if !info.tool.is_empty() {
                    let slot = match tool_slot.get(&info.tool) {
                        Some(&s) => s,
                        None => {
                            let s = out.tools.len();
                            tool_slot.insert(info.tool.clone(), s);
                            let known = catalog.get(info.tool.as_str());
                            out.tools.push(ToolUse {
                                id: info.tool.clone(),
                                name: known.map_or_else(|| info.tool.clone(), |t| t.name.clone()),
                                option: None,
                                monthly: None,
                                in_catalog: known.is_some(),
                                since: mi,
                                items: 0,
                            });
                            chosen_option.push(None);
                            s
                        }
                    };
                    let t = &mut out.tools[slot];
                    t.since = t.since.min(mi);
                    t.items += 1;
                    if chosen_option[slot].is_none() && item.price_option.is_some() {
                        chosen_option[slot] = item.price_option.clone();
                    }
                }
            }
            None if info.column == Column::Later => out.later.push(n),
            None => out.stays_manual.push(n),
        }
        out.items.push(info);
    }

    for (t, chosen) in out.tools.iter_mut().zip(&chosen_option) {
        if let Some(tool) = catalog.get(t.id.as_str()) {
            let (option, monthly) = pick_price(tool, chosen.as_deref());
            t.option = option;
            t.monthly = monthly;
        }
    }
    // Tools listed in order of first month, then first use.
    let mut order: Vec<usize> = (0..out.tools.len()).collect();
    order.sort_by_key(|&i| (out.tools[i].since, i));
    let mut cumulative = 0.0;
    for mi in 0..3 {
        cumulative += out.months[mi].hours_saved_here;
        let m = &mut out.months[mi];
        m.hours_saved = cumulative;
        m.value_per_month = cumulative * hourly * WEEKS_PER_CALENDAR_MONTH;
        for &ti in &order {
            if out.tools[ti].since <= mi {
                m.tools.push(ti);
                m.cost.add(out.tools[ti].monthly);
            }
        }
    }
    out
}

/// One line describing a month's tools: "Zapier ($19.99), Klaviyo (verify price)".
pub fn tools_line(summary: &RoadmapSummary, month: usize, currency: &str) -> String {
    let mut s = String::new();
    if let Some(m) = summary.months.get(month) {
        for (k, &ti) in m.tools.iter().enumerate() {
            if let Some(t) = summary.tools.get(ti) {
                if k > 0 {
                    s.push_str(", ");
                }
                let _ = write!(s, "{} ({})", t.name, price_text(t.monthly, currency));
            }
        }
    }
    s
}

/// Goal and expected outcome of month `mi` (0–2). Text the owner wrote is
/// kept; where the plan still holds the starting text, it is written from the
/// month's own cards ("Stop doing 'Send tracking email' by hand: 9.1 h a week
/// back"). A month without cards keeps the starting text.
pub fn phase_note(
    plan: &Plan,
    roadmap: &Roadmap,
    summary: &RoadmapSummary,
    mi: usize,
) -> PhaseNote {
    let stored = roadmap.phase(mi);
    let start = PhaseNote::default_for(mi);
    let Some(month) = summary.months.get(mi) else {
        return stored;
    };
    let places = plan.step_places();
    let mut cards: Vec<(&str, f64)> = month
        .items
        .iter()
        .filter_map(|&i| summary.items.get(i))
        .filter_map(|it| {
            let &(wi, si) = places.get(&it.step)?;
            let title = plan.workflows[wi].steps[si].title.trim();
            (!title.is_empty()).then_some((title, it.hours_saved))
        })
        .collect();
    if cards.is_empty() {
        return stored;
    }
    cards.sort_by(|a, b| b.1.total_cmp(&a.1));
    let names: Vec<String> = cards.iter().map(|(t, _)| format!("'{t}'")).collect();
    let theme = match mi {
        0 => "Take the frequent, simple tasks off the team's hands",
        1 => "Set up the flows that follow if/then rules",
        _ => "Let AI agents take the routine questions and writing",
    };
    let goal = format!("{theme}: {}.", crate::analysis::name_list(&names, 3));
    let (top, top_hours) = cards[0];
    let mut outcome = format!("Stop doing '{top}' by hand: {top_hours:.1} h a week back.");
    if cards.len() > 1 {
        let all = match cards.len() {
            2 => "both of the month's automations".to_owned(),
            n => format!("all {n} of the month's automations"),
        };
        let _ = write!(
            outcome,
            " With {all}, {:.1} h a week back.",
            month.hours_saved_here
        );
    }
    PhaseNote {
        goal: if stored.goal == start.goal {
            goal
        } else {
            stored.goal
        },
        outcome: if stored.outcome == start.outcome {
            outcome
        } else {
            stored.outcome
        },
    }
}
