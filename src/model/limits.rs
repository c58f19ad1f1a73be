//! Every domain limit of a plan in one place: how long a text may be and which
//! numbers a plan may hold.
//!
//! The edit API (`edit::apply`) refuses a change that would break a limit, so
//! no view can get past them; the loader refuses a file whose numbers break
//! them; paste brings pasted steps within them. A value that is already in the
//! plan and is not changed is never refused, so an old file with a long title
//! can still be edited.

use super::{BusinessProfile, Lanes, Link, MethodSettings, Pos, Roadmap, Step, Tool};
use thiserror::Error;

/// Titles, names and other one-line texts: step titles, arrow labels, names of
/// workflows, plans, tools and people, systems.
pub const MAX_TITLE_CHARS: usize = 300;
/// Free texts: notes, descriptions, failure-plan answers, test plans, month goals.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Largest value accepted for any count, duration, amount or price (anything
/// above is a typo). Every such number is also finite and not negative.
pub const MAX_NUMBER: f64 = 1e9;
/// Largest distance from the origin, on either axis, of a step on the map.
pub const MAX_POSITION: f32 = 1e7;

/// A value beyond one of the limits above, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LimitError {
    #[error("{what} is {len} characters long; at most {max} fit")]
    TooLong {
        what: String,
        len: usize,
        max: usize,
    },
    #[error("{what} must be a number from 0 to 1,000,000,000, not {value}")]
    OutOfRange { what: String, value: String },
    #[error("{what} must lie within 10,000,000 of the map's centre, not {value}")]
    OffMap { what: String, value: String },
}

/// True when `s` has more than `max` characters (without counting them all).
fn longer_than(s: &str, max: usize) -> bool {
    s.len() > max && s.chars().nth(max).is_some()
}

/// Check one text against a limit; `what` names it for the message.
pub fn check_text(what: &str, s: &str, max: usize) -> Result<(), LimitError> {
    if longer_than(s, max) {
        return Err(LimitError::TooLong {
            what: what.to_owned(),
            len: s.chars().count(),
            max,
        });
    }
    Ok(())
}

/// True for a count, duration or price a plan may hold.
pub fn number_ok(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_NUMBER).contains(&v)
}

/// Check one count, duration or price.
pub fn check_number(what: &str, v: f64) -> Result<(), LimitError> {
    if number_ok(v) {
        Ok(())
    } else {
        Err(LimitError::OutOfRange {
            what: what.to_owned(),
            value: v.to_string(),
        })
    }
}

/// True for a coordinate a step may have.
pub fn coordinate_ok(v: f32) -> bool {
    v.is_finite() && v.abs() <= MAX_POSITION
}

/// Check a step position.
pub fn check_position(what: &str, p: Pos) -> Result<(), LimitError> {
    for v in [p.x, p.y] {
        if !coordinate_ok(v) {
            return Err(LimitError::OffMap {
                what: what.to_owned(),
                value: v.to_string(),
            });
        }
    }
    Ok(())
}

/// Cut a text to at most `max` characters, on a character boundary. A text
/// that was cut does not end in the blank where the cut happened to fall.
pub fn clamp_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => s.get(..end).unwrap_or_default().trim_end().to_owned(),
        None => s.to_owned(),
    }
}

/// The nearest number a plan may hold (0 for NaN).
pub fn clamp_number(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(0.0, MAX_NUMBER)
    } else {
        0.0
    }
}

/// The nearest coordinate a step may have (0 for NaN and infinities).
pub fn clamp_coordinate(v: f32) -> f32 {
    if v.is_finite() {
        v.clamp(-MAX_POSITION, MAX_POSITION)
    } else {
        0.0
    }
}

/// Checks of the fields that changed: a field equal to its old value passes.
struct Changed<'a, T> {
    old: Option<&'a T>,
}

impl<'a, T> Changed<'a, T> {
    fn text(
        &self,
        what: impl FnOnce() -> String,
        new: &str,
        old: impl FnOnce(&'a T) -> &'a str,
        max: usize,
    ) -> Result<(), LimitError> {
        if self.old.map(old) == Some(new) || !longer_than(new, max) {
            return Ok(());
        }
        check_text(&what(), new, max)
    }

    fn number(
        &self,
        what: impl FnOnce() -> String,
        new: f64,
        old: impl FnOnce(&'a T) -> f64,
    ) -> Result<(), LimitError> {
        if number_ok(new) || self.old.map(old) == Some(new) {
            return Ok(());
        }
        check_number(&what(), new)
    }
}

/// How a step is named in messages: its title, shortened, or its number.
fn step_name(s: &Step) -> String {
    let title = s.title.trim();
    if title.is_empty() {
        format!("step {}", s.id)
    } else if longer_than(title, 40) {
        format!("step \"{}…\"", clamp_chars(title, 39))
    } else {
        format!("step \"{title}\"")
    }
}

/// Check a new version of a step (`old`: the version in the plan, if any).
pub fn check_step(new: &Step, old: Option<&Step>) -> Result<(), LimitError> {
    let c = Changed { old };
    let name = || step_name(new);
    c.text(
        || "the step title".to_owned(),
        &new.title,
        |o| &o.title,
        MAX_TITLE_CHARS,
    )?;
    for (field, value, get, max) in [
        (
            "owner",
            &new.owner,
            (|o: &Step| o.owner.as_str()) as fn(&Step) -> &str,
            MAX_TITLE_CHARS,
        ),
        (
            "system",
            &new.system,
            |o| o.system.as_str(),
            MAX_TITLE_CHARS,
        ),
        ("tool", &new.tool, |o| o.tool.as_str(), MAX_TITLE_CHARS),
        ("event", &new.event, |o| o.event.as_str(), MAX_TITLE_CHARS),
        (
            "message",
            &new.message,
            |o| o.message.as_str(),
            MAX_TITLE_CHARS,
        ),
        (
            "test plan",
            &new.test_plan,
            |o| o.test_plan.as_str(),
            MAX_TEXT_CHARS,
        ),
        ("notes", &new.notes, |o| o.notes.as_str(), MAX_TEXT_CHARS),
        (
            "answer \"if it does not run\"",
            &new.failure_plan.not_run,
            |o| o.failure_plan.not_run.as_str(),
            MAX_TEXT_CHARS,
        ),
        (
            "answer \"if it runs twice\"",
            &new.failure_plan.runs_twice,
            |o| o.failure_plan.runs_twice.as_str(),
            MAX_TEXT_CHARS,
        ),
        (
            "answer \"if data is missing\"",
            &new.failure_plan.data_missing,
            |o| o.failure_plan.data_missing.as_str(),
            MAX_TEXT_CHARS,
        ),
    ] {
        c.text(|| format!("the {field} of {}", name()), value, get, max)?;
    }
    c.number(
        || format!("the minutes of {}", name()),
        new.minutes,
        |o| o.minutes,
    )?;
    c.number(
        || format!("the frequency of {}", name()),
        new.frequency.count,
        |o| o.frequency.count,
    )?;
    if old.map(|o| o.pos) != Some(new.pos) {
        check_position(&format!("the position of {}", name()), new.pos)?;
    }
    if old.map(|o| (&o.reads, &o.writes)) != Some((&new.reads, &new.writes)) {
        for d in new.reads.iter().chain(&new.writes) {
            check_text(
                &format!("a data system of {}", name()),
                &d.system,
                MAX_TITLE_CHARS,
            )?;
            check_text(
                &format!("a data field of {}", name()),
                &d.object,
                MAX_TITLE_CHARS,
            )?;
        }
    }
    Ok(())
}

/// Check a new label of an arrow (`old`: its label in the plan, if any).
pub fn check_link_label(new: &str, old: Option<&str>) -> Result<(), LimitError> {
    if old == Some(new) {
        return Ok(());
    }
    check_text("the arrow label", new, MAX_TITLE_CHARS)
}

/// Check a new arrow.
/// Lane names are owner or system names: one-line texts.
pub fn check_lanes(lanes: &Lanes) -> Result<(), LimitError> {
    for list in [&lanes.order, &lanes.collapsed] {
        for name in list {
            check_text("a lane name", name, MAX_TITLE_CHARS)?;
        }
    }
    Ok(())
}

pub fn check_link(link: &Link) -> Result<(), LimitError> {
    check_link_label(&link.label, None)
}

/// Check a workflow's new name and description.
pub fn check_workflow_info(
    name: &str,
    description: &str,
    old: Option<(&str, &str)>,
) -> Result<(), LimitError> {
    if old.map(|o| o.0) != Some(name) {
        check_text("the workflow name", name, MAX_TITLE_CHARS)?;
    }
    if old.map(|o| o.1) != Some(description) {
        check_text("the workflow description", description, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

/// Check the plan's new name.
pub fn check_plan_name(new: &str, old: &str) -> Result<(), LimitError> {
    if new == old {
        return Ok(());
    }
    check_text("the plan name", new, MAX_TITLE_CHARS)
}

/// Check a new business profile against the one in the plan.
pub fn check_profile(new: &BusinessProfile, old: &BusinessProfile) -> Result<(), LimitError> {
    let c = Changed { old: Some(old) };
    c.text(
        || "the shop name".to_owned(),
        &new.shop_name,
        |o| &o.shop_name,
        MAX_TITLE_CHARS,
    )?;
    c.text(
        || "the currency".to_owned(),
        &new.currency,
        |o| &o.currency,
        MAX_TITLE_CHARS,
    )?;
    c.number(
        || "the hourly value of manual work".to_owned(),
        new.hourly_value,
        |o| o.hourly_value,
    )?;
    c.number(
        || "the setup hours per week".to_owned(),
        new.setup_hours_per_week,
        |o| o.setup_hours_per_week,
    )
}

/// Check new method settings against the ones in the plan.
pub fn check_method(new: &MethodSettings, old: &MethodSettings) -> Result<(), LimitError> {
    let c = Changed { old: Some(old) };
    c.number(
        || "the high-frequency threshold".to_owned(),
        new.high_frequency_per_day,
        |o| o.high_frequency_per_day,
    )?;
    c.number(
        || "the medium-frequency threshold".to_owned(),
        new.medium_frequency_per_day,
        |o| o.medium_frequency_per_day,
    )?;
    c.number(
        || "the AI volume threshold".to_owned(),
        new.ai_volume_per_day,
        |o| o.ai_volume_per_day,
    )?;
    c.number(
        || "the bottleneck share".to_owned(),
        new.bottleneck_share,
        |o| o.bottleneck_share,
    )
}

/// Check a new roadmap against the one in the plan.
pub fn check_roadmap(new: &Roadmap, old: &Roadmap) -> Result<(), LimitError> {
    for item in &new.items {
        let before = old.item(item.step);
        if let Some(h) = item.setup_hours
            && before.and_then(|b| b.setup_hours) != Some(h)
        {
            check_number(
                &format!("the setup hours of the roadmap card for step {}", item.step),
                h,
            )?;
        }
        for (what, v, was) in [
            (
                "the price option",
                &item.price_option,
                before.and_then(|b| b.price_option.as_ref()),
            ),
            ("the tool", &item.tool, before.and_then(|b| b.tool.as_ref())),
        ] {
            if let Some(v) = v
                && was != Some(v)
            {
                check_text(
                    &format!("{what} of the roadmap card for step {}", item.step),
                    v,
                    MAX_TITLE_CHARS,
                )?;
            }
        }
    }
    if new.start_date != old.start_date
        && let Some(d) = &new.start_date
    {
        check_text("the start date", d, MAX_TITLE_CHARS)?;
    }
    for incident in &new.incidents {
        if old.incidents.contains(incident) {
            continue;
        }
        let what = |field: &str| format!("the {field} of an incident on step {}", incident.step);
        if !old.incidents.iter().any(|o| o.date == incident.date) {
            check_text(&what("date"), &incident.date, MAX_TITLE_CHARS)?;
        }
        if !old.incidents.iter().any(|o| o.note == incident.note) {
            check_text(&what("note"), &incident.note, MAX_TEXT_CHARS)?;
        }
    }
    for (i, p) in new.phases.iter().enumerate() {
        let was = old.phases.get(i);
        if was.map(|w| &w.goal) != Some(&p.goal) {
            check_text(
                &format!("the goal of month {}", i + 1),
                &p.goal,
                MAX_TEXT_CHARS,
            )?;
        }
        if was.map(|w| &w.outcome) != Some(&p.outcome) {
            check_text(
                &format!("the outcome of month {}", i + 1),
                &p.outcome,
                MAX_TEXT_CHARS,
            )?;
        }
    }
    Ok(())
}

/// Check a new tool catalog against the one in the plan.
pub fn check_tools(new: &[Tool], old: &[Tool]) -> Result<(), LimitError> {
    for t in new {
        let was = old.iter().find(|o| o.id == t.id);
        if was == Some(t) {
            continue;
        }
        let c = Changed { old: was };
        c.text(|| "a tool id".to_owned(), &t.id, |o| &o.id, MAX_TITLE_CHARS)?;
        c.text(
            || "a tool name".to_owned(),
            &t.name,
            |o| &o.name,
            MAX_TITLE_CHARS,
        )?;
        c.text(
            || format!("the note of tool \"{}\"", clamp_chars(&t.name, 40)),
            &t.note,
            |o| &o.note,
            MAX_TEXT_CHARS,
        )?;
        for p in &t.prices {
            if was.is_some_and(|o| o.prices.contains(p)) {
                continue;
            }
            let tool = clamp_chars(&t.name, 40);
            check_text(
                &format!("a price name of tool \"{tool}\""),
                &p.name,
                MAX_TITLE_CHARS,
            )?;
            if let Some(m) = p.monthly {
                check_number(&format!("a monthly price of tool \"{tool}\""), m)?;
            }
        }
    }
    Ok(())
}

/// Bring a step within every limit: texts cut, numbers and position clamped.
/// For steps that arrive from outside the plan (the clipboard).
pub fn fit_step(step: &mut Step) {
    for (s, max) in [
        (&mut step.title, MAX_TITLE_CHARS),
        (&mut step.owner, MAX_TITLE_CHARS),
        (&mut step.system, MAX_TITLE_CHARS),
        (&mut step.tool, MAX_TITLE_CHARS),
        (&mut step.event, MAX_TITLE_CHARS),
        (&mut step.message, MAX_TITLE_CHARS),
        (&mut step.test_plan, MAX_TEXT_CHARS),
        (&mut step.notes, MAX_TEXT_CHARS),
        (&mut step.failure_plan.not_run, MAX_TEXT_CHARS),
        (&mut step.failure_plan.runs_twice, MAX_TEXT_CHARS),
        (&mut step.failure_plan.data_missing, MAX_TEXT_CHARS),
    ] {
        if longer_than(s, max) {
            *s = clamp_chars(s, max);
        }
    }
    for d in step.reads.iter_mut().chain(step.writes.iter_mut()) {
        for s in [&mut d.system, &mut d.object] {
            if longer_than(s, MAX_TITLE_CHARS) {
                *s = clamp_chars(s, MAX_TITLE_CHARS);
            }
        }
    }
    step.minutes = clamp_number(step.minutes);
    step.frequency.count = clamp_number(step.frequency.count);
    step.pos = Pos::new(clamp_coordinate(step.pos.x), clamp_coordinate(step.pos.y));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{StepId, StepKind};

    fn step(title: &str) -> Step {
        Step::new(StepId(4), StepKind::Task, title, Pos::new(0.0, 0.0))
    }

    #[test]
    fn long_texts_and_bad_numbers_are_named_in_the_message() {
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        let err = check_step(&step(&long), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("the step title is 301 characters long; at most {MAX_TITLE_CHARS} fit")
        );
        let mut s = step("Pack box");
        s.minutes = -2.0;
        assert_eq!(
            check_step(&s, None).unwrap_err().to_string(),
            "the minutes of step \"Pack box\" must be a number from 0 to 1,000,000,000, not -2"
        );
        s.minutes = 2.0;
        s.pos.x = f32::NAN;
        assert!(matches!(
            check_step(&s, None),
            Err(LimitError::OffMap { .. })
        ));
    }

    #[test]
    fn a_value_already_in_the_plan_is_not_refused() {
        let mut old = step(&"é".repeat(MAX_TITLE_CHARS * 2));
        old.notes = "n".repeat(MAX_TEXT_CHARS + 5);
        let mut new = old.clone();
        new.minutes = 5.0;
        assert_eq!(check_step(&new, Some(&old)), Ok(()));
        new.title.push('!');
        assert!(check_step(&new, Some(&old)).is_err());
    }

    #[test]
    fn fit_step_brings_a_step_within_every_limit() {
        let mut s = step(&"word ".repeat(200));
        s.notes = "n".repeat(MAX_TEXT_CHARS * 2);
        s.minutes = f64::INFINITY;
        s.frequency.count = 1e300;
        s.pos = Pos::new(f32::NEG_INFINITY, 3e9);
        fit_step(&mut s);
        assert_eq!(check_step(&s, None), Ok(()));
        assert!(!s.title.ends_with(' '));
        assert_eq!(s.frequency.count, MAX_NUMBER);
    }
}
