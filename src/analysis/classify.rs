//! The priority class of a step, the tag the method suggests and why, in one
//! sentence the owner can read.

use super::PriorityClass;
use super::measures::clean;
use super::work;
use crate::model::{
    Approach, Complexity, Judgment, Layer, MethodSettings, Sensitivity, Step, StepKind, Tag,
    WorkKind,
};
use crate::text::{push_int, push_tenths};

/// How often a step happens, measured against the plan's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Low,
    Medium,
    High,
}

fn threshold(x: f64, fallback: f64) -> f64 {
    if x.is_finite() { x } else { fallback }
}

pub(crate) fn frequency_level(step: &Step, m: &MethodSettings) -> Level {
    let daily = clean(step.frequency.daily());
    if daily >= threshold(m.high_frequency_per_day, 10.0) {
        Level::High
    } else if daily >= threshold(m.medium_frequency_per_day, 2.0) {
        Level::Medium
    } else {
        Level::Low
    }
}

/// "about 40 times a day", "about 3 times a week", "about twice a month".
pub(crate) fn how_often(step: &Step) -> HowOften {
    HowOften(clean(step.frequency.per_week()))
}

/// How often a step happens, written when it is shown (see [`how_often`]):
/// the reason is one sentence, written once, without pieces in between.
pub(crate) struct HowOften(f64);

impl HowOften {
    fn push(&self, out: &mut String) {
        let week = self.0;
        let (n, per) = if week == 0.0 {
            out.push_str("with no frequency given");
            return;
        } else if week >= 7.0 {
            (week / 7.0, "day")
        } else if week >= 1.0 {
            (week, "week")
        } else {
            (week * 52.0 / 12.0, "month")
        };
        match n.round().max(1.0) as u64 {
            1 => out.push_str("about once a "),
            2 => out.push_str("about twice a "),
            n => {
                out.push_str("about ");
                push_int(out, usize::try_from(n).unwrap_or(usize::MAX));
                out.push_str(" times a ");
            }
        }
        out.push_str(per);
    }
}

/// "2.5 hours a week", or "little time".
struct HoursText(f64);

impl HoursText {
    fn push(&self, out: &mut String) {
        if self.0 >= 0.05 {
            push_tenths(out, self.0);
            out.push_str(" hours a week");
        } else {
            out.push_str("little time");
        }
    }
}

/// Each piece of text writes itself with `push`; `Display` gives the same
/// words (for messages written with `format!`).
macro_rules! display_by_push {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let mut s = String::new();
                self.push(&mut s);
                f.write_str(&s)
            }
        }
    )*};
}
display_by_push!(HowOften, HoursText, WeeksText);

/// A piece of a reason.
enum Piece<'a> {
    Text(&'a str),
    Often(&'a HowOften),
    Hours(&'a HoursText),
    Weeks(WeeksText),
}

/// A reason from its pieces, written one after the other (a step's reason
/// is written for every step of the plan at each analysis).
fn sentence(pieces: &[Piece]) -> String {
    let mut out = String::with_capacity(192);
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Often(o) => o.push(&mut out),
            Piece::Hours(h) => h.push(&mut out),
            Piece::Weeks(w) => w.push(&mut out),
        }
    }
    out
}

fn hours_text(hours: f64) -> HoursText {
    HoursText(hours)
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Classified {
    pub class: PriorityClass,
    pub suggested_tag: Tag,
    pub reason: String,
}

fn out(class: PriorityClass, reason: String) -> Classified {
    let suggested_tag = match class {
        PriorityClass::QuickWin | PriorityClass::Medium | PriorityClass::AiCandidate => {
            Tag::Automate
        }
        PriorityClass::Trap
        | PriorityClass::NeverAutomate
        | PriorityClass::Exception
        | PriorityClass::Physical
        | PriorityClass::LowValue => Tag::KeepManual,
        PriorityClass::Event => Tag::Undecided,
    };
    Classified {
        class,
        suggested_tag,
        reason,
    }
}

/// Weeks until the hours a step saves repay the setup effort of `layer`
/// (the roadmap's default estimate for its complexity); infinite when it saves nothing.
pub(crate) fn payback_weeks(hours: f64, layer: Layer, complexity: Complexity) -> f64 {
    let setup = crate::roadmap::default_setup_hours(Some(layer), complexity);
    if hours > 0.0 {
        setup / hours
    } else {
        f64::INFINITY
    }
}

/// "in under a week", "in about 3 weeks".
struct WeeksText(f64);

impl WeeksText {
    fn push(&self, out: &mut String) {
        if self.0 < 1.0 {
            out.push_str("in under a week");
        } else {
            out.push_str("in about ");
            push_int(out, self.0.round().max(1.0) as usize);
            out.push_str(" weeks");
        }
    }
}

fn weeks_text(weeks: f64) -> WeeksText {
    WeeksText(weeks)
}

/// Classify one step. `hours`: its manual hours per week.
#[cfg(test)]
pub(crate) fn classify(step: &Step, hours: f64, m: &MethodSettings) -> Classified {
    classify_with(step, work::Hints::of(step), hours, m)
}

/// [`classify`] with the hints of the step's words already read.
pub(crate) fn classify_with(
    step: &Step,
    hints: work::Hints,
    hours: f64,
    m: &MethodSettings,
) -> Classified {
    use Piece::{Hours, Often, Text, Weeks};
    use PriorityClass as C;
    match step.kind {
        StepKind::Trigger => {
            return out(
                C::Event,
                "This is the event that starts the workflow, not work someone does.".into(),
            );
        }
        StepKind::End => {
            return out(
                C::Event,
                "This marks where the workflow ends; there is no work in it.".into(),
            );
        }
        StepKind::Exception => {
            return out(
                C::Exception,
                "A case off the standard path: handle it by hand and automate the usual cases only."
                    .into(),
            );
        }
        StepKind::Task | StepKind::Decision => {}
    }
    let sensitive = match hints.sensitivity(step) {
        Sensitivity::ComplaintOrRefund => Some(
            "Complaints, refunds and damaged goods need a person's care; an automated answer feels cold to an upset customer.",
        ),
        Sensitivity::BrandVoice => Some(
            "It speaks in the shop's own voice, which software cannot match without heavy editing.",
        ),
        Sensitivity::Legal => Some(
            "Legal terms, warranties and refunds must be checked by a person before they go out.",
        ),
        Sensitivity::Strategic => Some(
            "A strategic choice (what to sell, where to sell) belongs to the owner, not to a rule.",
        ),
        Sensitivity::None | Sensitivity::CustomerFacing => None,
    };
    if let Some(reason) = sensitive {
        return out(C::NeverAutomate, reason.into());
    }
    let work = hints.work(step);
    if work == WorkKind::Physical {
        return out(
            C::Physical,
            "Hands-on work that software cannot do: keep it manual, or make it tool-assisted (printed slips, a barcode scanner) to save time."
                .into(),
        );
    }

    if hours <= 0.0 {
        return out(
            C::LowValue,
            "No manual time is recorded for this step, so automating it would save nothing; add its minutes if it takes work."
                .into(),
        );
    }
    let often = how_often(step);
    let freq = frequency_level(step, m);
    let saves = hours_text(hours);
    let complexity = hints.complexity(step);

    // Work where an AI agent adds value: answering common questions, writing,
    // forecasting and recommending — when the hours repay the setup.
    let needs_understanding = work.suits_ai()
        || step.approach == Approach::AiAgent
        || step.judgment == Judgment::HumanJudgment;
    if needs_understanding && !hints.revenue_flow() {
        let weeks = payback_weeks(hours, Layer::L4, complexity);
        let volume = clean(step.frequency.daily()) >= threshold(m.ai_volume_per_day, 5.0);
        if weeks <= threshold(m.ai_payback_weeks, 13.0) || volume {
            let routine = if hints.customer_facing(step) {
                "customers see the answers, so an AI agent takes the routine cases and hands anything unusual or upset to a person"
            } else {
                "it is high-volume and low-stakes: an AI agent can do the routine part, with a person checking the result"
            };
            return out(
                C::AiCandidate,
                sentence(&[
                    Text("It happens "),
                    Often(&often),
                    Text(" and needs reading or writing; "),
                    Text(routine),
                    Text(" ("),
                    Hours(&saves),
                    Text(", setup repaid "),
                    Weeks(weeks_text(weeks)),
                    Text(")."),
                ]),
            );
        }
        if complexity == Complexity::High {
            return out(
                C::Trap,
                sentence(&[
                    Text("It happens "),
                    Often(&often),
                    Text(
                        ", needs judgment and is complex: building it would cost more than doing it by hand.",
                    ),
                ]),
            );
        }
        return out(
            C::LowValue,
            sentence(&[
                Text("It needs understanding and happens "),
                Often(&often),
                Text(", too rarely for an AI agent to repay its setup."),
            ]),
        );
    }

    if hints.revenue_flow() && complexity != Complexity::High {
        return out(
            C::Medium,
            sentence(&[
                Text("A revenue flow with some if/then rules, happening "),
                Often(&often),
                Text(": worth setting up once the simple tasks run ("),
                Hours(&saves),
                Text(")."),
            ]),
        );
    }
    if complexity == Complexity::High && freq < Level::High {
        return out(
            C::Trap,
            sentence(&[
                Text("It happens "),
                Often(&often),
                Text(
                    " but is complex or needs custom logic: it takes long to build and keep working for the time it saves.",
                ),
            ]),
        );
    }
    if step.kind == StepKind::Decision || work == WorkKind::Decides {
        if freq >= Level::Medium {
            return out(
                C::Medium,
                sentence(&[
                    Text("A decision made "),
                    Often(&often),
                    Text(" by clear if/then rules: automating the decision, not just the task ("),
                    Hours(&saves),
                    Text(")."),
                ]),
            );
        }
        return out(
            C::LowValue,
            sentence(&[
                Text("A decision made "),
                Often(&often),
                Text(": too rare to be worth automating yet."),
            ]),
        );
    }
    let weeks = payback_weeks(hours, Layer::L1, complexity);
    if complexity == Complexity::Low
        && step.judgment == Judgment::RuleBased
        && weeks <= threshold(m.quick_win_payback_weeks, 4.0)
    {
        return out(
            C::QuickWin,
            sentence(&[
                Text("It happens "),
                Often(&often),
                Text(", is simple and done the same way every time: automate it first ("),
                Hours(&saves),
                Text(" back, setup repaid "),
                Weeks(weeks_text(weeks)),
                Text(")."),
            ]),
        );
    }
    if freq >= Level::Medium {
        return out(
            C::Medium,
            sentence(&[
                Text("It happens "),
                Often(&often),
                Text(
                    " with some steps or if/then rules: worth automating once the simple tasks run (",
                ),
                Hours(&saves),
                Text(")."),
            ]),
        );
    }
    out(
        C::LowValue,
        sentence(&[
            Text("It happens "),
            Often(&often),
            Text(": quicker to do by hand than to build and maintain an automation."),
        ]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::*;
    use crate::model::{Frequency, Period};

    #[test]
    fn frequency_words() {
        let mut s = task(1, "x");
        s.frequency = Frequency::per_day(40.0);
        assert_eq!(how_often(&s).to_string(), "about 40 times a day");
        s.frequency = Frequency {
            count: 3.0,
            per: Period::Week,
        };
        assert_eq!(how_often(&s).to_string(), "about 3 times a week");
        s.frequency = Frequency {
            count: 2.0,
            per: Period::Month,
        };
        assert_eq!(how_often(&s).to_string(), "about twice a month");
    }

    #[test]
    fn rare_simple_work_is_low_value() {
        let mut s = task(1, "Update the about page");
        s.frequency = Frequency {
            count: 1.0,
            per: Period::Month,
        };
        let c = classify(&s, 0.1, &MethodSettings::default());
        assert_eq!(c.class, PriorityClass::LowValue);
        assert_eq!(c.suggested_tag, Tag::KeepManual);
    }

    #[test]
    fn the_payback_threshold_moves_the_class() {
        let mut s = task(1, "Log order in Google Sheets");
        s.frequency = Frequency::per_day(6.0);
        let m = MethodSettings::default();
        // One hour a week repays a two-hour layer-1 setup in two weeks.
        assert_eq!(classify(&s, 1.0, &m).class, PriorityClass::QuickWin);
        let stricter = MethodSettings {
            quick_win_payback_weeks: 1.0,
            ..m
        };
        assert_eq!(classify(&s, 1.0, &stricter).class, PriorityClass::Medium);
    }

    #[test]
    fn sensitive_customer_messages_stay_manual_even_for_an_ai_agent() {
        let mut s = task(1, "Reply to angry customers");
        s.approach = Approach::AiAgent;
        s.frequency = Frequency::per_day(30.0);
        s.sensitivity = Sensitivity::ComplaintOrRefund;
        let c = classify(&s, 5.0, &MethodSettings::default());
        assert_eq!(c.class, PriorityClass::NeverAutomate);
        assert_eq!(c.suggested_tag, Tag::KeepManual);
    }
}
