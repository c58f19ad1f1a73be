//! What kind of work a step is, suggested from simple keyword hints in its
//! title and system, and the other hints the method reads from the words:
//! work people must keep (complaints, legal, brand voice, strategy), revenue
//! flows (medium, layer 2) and custom logic (a trap when it is rare).

use crate::model::{Complexity, Sensitivity, Step, StepKind, WorkKind};

/// The title and system in lower case (as UTF-8 bytes, which the automaton
/// reads directly), with a space on each side so that
/// hints can ask for whole-word beginnings (" log"), and the marks that join
/// or end words (- _ / , . : and brackets) read as spaces.
fn words(step: &Step) -> Vec<u8> {
    let space = |b: u8| matches!(b, b'-' | b'_' | b'/' | b',' | b'.' | b':' | b'(' | b')');
    let mut out = Vec::with_capacity(step.title.len() + step.system.len() + 3);
    out.push(b' ');
    for part in [&step.title, &step.system] {
        if part.is_ascii() {
            out.extend(part.bytes().map(|b| {
                if space(b) {
                    b' '
                } else {
                    b.to_ascii_lowercase()
                }
            }));
        } else {
            let mut buf = [0u8; 4];
            for c in part.chars() {
                if c.is_ascii() && space(c as u8) {
                    out.push(b' ');
                } else {
                    for l in c.to_lowercase() {
                        out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
        }
        out.push(b' ');
    }
    out
}

const PHYSICAL: &[&str] = &[
    " pack ",
    " pack the",
    " packs ",
    " packing the",
    " pick ",
    " pick the",
    " picking",
    " put back",
    " put the item back",
    " back on the shelf",
    " shelve",
    " shelf",
    " handwritten",
    " hand write",
    " handwrite",
    " drop off",
    " post office",
    " unbox",
    " wrap",
    " print ",
    " print the",
    " printed",
    " receive the delivery",
    " unload",
    " inspect the",
    " photograph",
];
const QUESTIONS: &[&str] = &[
    " question",
    " chatbot",
    " chat bot",
    " live chat",
    " faq",
    " inquir",
    " enquir",
    " support ticket",
    " answer",
    " reply",
    " replies",
    " order status",
    " sizing",
    " return policy",
    " help desk",
    " helpdesk",
];
const CONTENT: &[&str] = &[
    " description",
    " subject line",
    " caption",
    " copywrit",
    " write ",
    " writes ",
    " writing",
    " blog",
    " content",
    " social media post",
    " newsletter",
];
const ANALYSES: &[&str] = &[
    " forecast",
    " predict",
    " demand",
    " recommend",
    " personaliz",
    " personalis",
    " analy",
    " report",
    " trend",
];
const DECIDES: &[&str] = &[
    " decide",
    " approve",
    " choose",
    " check if",
    " in stock?",
    " segment",
    " discount logic",
    " price matching",
    " match price",
    " fraud",
];
const MOVES: &[&str] = &[
    " log",
    " sheet",
    " spreadsheet",
    " sync",
    " export",
    " import",
    " copy",
    " record",
    " backup",
    " create shipping label",
    " shipping label",
    " mark order",
    " mark as",
    " transfer",
    " upload",
    " update inventory",
    " update stock",
    " payment is processed",
    " process payment",
];
const NOTIFIES: &[&str] = &[
    " email",
    " e mail",
    " notif",
    " alert",
    " slack",
    " teams ",
    " message",
    " sms",
    " text the",
    " tracking",
    " confirmation",
    " remind",
    " request",
    " post to",
    " post in",
    " ping",
];

/// The kinds of hint the words of a step can give, one bit each.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Hint {
    Physical,
    Questions,
    Content,
    Analyses,
    Decides,
    Notifies,
    Moves,
    Complaint,
    Legal,
    Brand,
    Strategic,
    Revenue,
    Custom,
    Customer,
}

const COMPLAINT: &[&str] = &[
    " complaint",
    " refund",
    " dispute",
    " angry",
    " damaged",
    " chargeback",
];
const LEGAL: &[&str] = &[
    " legal",
    " warrant",
    " terms",
    " compliance",
    " gdpr",
    " lawyer",
];
const BRAND: &[&str] = &[" brand voice", " brand sensitive", " brand story"];
const STRATEGIC: &[&str] = &[
    " strategic",
    " strategy",
    " which products to launch",
    " launch new product",
    " which market",
    " enter a market",
    " new market",
];
/// Flows the guide counts as medium whatever their volume: they earn revenue
/// with some if/then rules (abandoned cart, review request, restock notice
/// to past buyers, segmentation, win-back).
const REVENUE: &[&str] = &[
    " abandoned cart",
    " cart recovery",
    " review request",
    " request a review",
    " ask for a review",
    " restock notif",
    " back in stock",
    " restock email",
    " segment",
    " win back",
    " winback",
    " personalized offer",
    " personalised offer",
];
/// Words like "custom logic", "real-time" or "many conditional variables"
/// mark custom work even when the owner left the complexity at its default.
const CUSTOM: &[&str] = &[
    " custom ",
    " real time",
    " competitor",
    " many conditional",
    " lifetime value",
];
const CUSTOMER: &[&str] = &[" customer", " buyer", " shopper"];

/// Every hint list with the kind of hint it gives.
const LISTS: [(&[&str], Hint); 14] = [
    (PHYSICAL, Hint::Physical),
    (QUESTIONS, Hint::Questions),
    (CONTENT, Hint::Content),
    (ANALYSES, Hint::Analyses),
    (DECIDES, Hint::Decides),
    (NOTIFIES, Hint::Notifies),
    (MOVES, Hint::Moves),
    (COMPLAINT, Hint::Complaint),
    (LEGAL, Hint::Legal),
    (BRAND, Hint::Brand),
    (STRATEGIC, Hint::Strategic),
    (REVENUE, Hint::Revenue),
    (CUSTOM, Hint::Custom),
    (CUSTOMER, Hint::Customer),
];

/// Every hint phrase once, with the kinds of hint it gives (a phrase such as
/// " segment" can be in more than one list), and one automaton that finds
/// them all in a single pass over the words.
struct Matcher {
    phrases: Vec<&'static str>,
    kinds: Vec<u16>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

static MATCHER: std::sync::LazyLock<Matcher> = std::sync::LazyLock::new(|| {
    let mut phrases: Vec<&'static str> = Vec::new();
    let mut kinds: Vec<u16> = Vec::new();
    for (list, hint) in LISTS {
        for &phrase in list {
            match phrases.iter().position(|&p| p == phrase) {
                Some(i) => kinds[i] |= 1 << hint as u8,
                None => {
                    phrases.push(phrase);
                    kinds.push(1 << hint as u8);
                }
            }
        }
    }
    // Building cannot fail for a few hundred short phrases; should it, the
    // phrases are looked for one by one instead.
    let automaton = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&phrases)
        .ok();
    Matcher {
        phrases,
        kinds,
        automaton,
    }
});

/// What the words of a step's title and system hint at, read once: the
/// kind of work, work people must keep, revenue flows, custom logic and
/// customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hints(u16);

impl Hints {
    pub(crate) fn of(step: &Step) -> Hints {
        let text = words(step);
        let m = &*MATCHER;
        let mut bits = 0;
        match &m.automaton {
            Some(a) => {
                for found in a.find_overlapping_iter(&text) {
                    bits |= m.kinds[found.pattern().as_usize()];
                }
            }
            None => {
                for (phrase, kinds) in m.phrases.iter().zip(&m.kinds) {
                    if memchr::memmem::find(&text, phrase.as_bytes()).is_some() {
                        bits |= kinds;
                    }
                }
            }
        }
        Hints(bits)
    }

    fn has(self, hint: Hint) -> bool {
        self.0 & (1 << hint as u8) != 0
    }

    /// The kind of work the words suggest for `step`.
    pub(crate) fn suggest_work(self, step: &Step) -> WorkKind {
        if step.kind == StepKind::Decision {
            return WorkKind::Decides;
        }
        // Order matters: "email subject lines" is writing, "restock notifications"
        // a message, "packing slip" printed by hand physical work.
        [
            (Hint::Physical, WorkKind::Physical),
            (Hint::Questions, WorkKind::AnswersQuestions),
            (Hint::Content, WorkKind::WritesContent),
            (Hint::Analyses, WorkKind::Analyses),
            (Hint::Decides, WorkKind::Decides),
            (Hint::Notifies, WorkKind::Notifies),
            (Hint::Moves, WorkKind::MovesData),
        ]
        .into_iter()
        .find(|&(h, _)| self.has(h))
        .map_or(WorkKind::Other, |(_, k)| k)
    }

    /// The kind of work in effect: the owner's choice, else the suggestion.
    pub(crate) fn work(self, step: &Step) -> WorkKind {
        step.work.unwrap_or_else(|| self.suggest_work(step))
    }

    /// See [`sensitivity_of`].
    pub(crate) fn sensitivity(self, step: &Step) -> Sensitivity {
        if step.sensitivity.is_never_automate() {
            step.sensitivity
        } else if self.has(Hint::Complaint) {
            Sensitivity::ComplaintOrRefund
        } else if self.has(Hint::Legal) {
            Sensitivity::Legal
        } else if self.has(Hint::Brand) {
            Sensitivity::BrandVoice
        } else if self.has(Hint::Strategic) {
            Sensitivity::Strategic
        } else {
            step.sensitivity
        }
    }

    /// See [`is_revenue_flow`].
    pub(crate) fn revenue_flow(self) -> bool {
        self.has(Hint::Revenue)
    }

    /// See [`complexity_of`].
    pub(crate) fn complexity(self, step: &Step) -> Complexity {
        if step.complexity == Complexity::Low && self.has(Hint::Custom) {
            Complexity::High
        } else {
            step.complexity
        }
    }

    /// See [`is_customer_facing`].
    pub(crate) fn customer_facing(self, step: &Step) -> bool {
        step.sensitivity != Sensitivity::None
            || !step.message.trim().is_empty()
            || matches!(self.work(step), WorkKind::AnswersQuestions)
            || self.has(Hint::Customer)
    }
}

/// The kind of work Automap suggests for a step from its title and system.
pub fn suggest_work(step: &Step) -> WorkKind {
    if step.kind == StepKind::Decision {
        return WorkKind::Decides;
    }
    Hints::of(step).suggest_work(step)
}

/// The kind of work in effect: the owner's choice, else the suggestion.
pub fn work_of(step: &Step) -> WorkKind {
    step.work.unwrap_or_else(|| suggest_work(step))
}

/// A sensitivity the words show when the owner set none (or only
/// "customer-facing"): complaints and refunds, legal terms, brand voice,
/// strategic choices. The owner's own never-automate choice wins.
#[cfg(test)]
pub fn sensitivity_of(step: &Step) -> Sensitivity {
    Hints::of(step).sensitivity(step)
}

/// The complexity in effect: custom-work words raise a default low
/// complexity to high.
#[cfg(test)]
pub fn complexity_of(step: &Step) -> Complexity {
    Hints::of(step).complexity(step)
}

/// Does the step speak to customers? Such a step is never called low-stakes.
#[cfg(test)]
pub fn is_customer_facing(step: &Step) -> bool {
    Hints::of(step).customer_facing(step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::task;

    fn kind(title: &str) -> WorkKind {
        suggest_work(&task(1, title))
    }

    #[test]
    fn titles_suggest_the_kind_of_work() {
        assert_eq!(kind("Order confirmation email"), WorkKind::Notifies);
        assert_eq!(
            kind("Slack notification for new orders"),
            WorkKind::Notifies
        );
        assert_eq!(kind("Log order in Google Sheets"), WorkKind::MovesData);
        assert_eq!(kind("Pack the order"), WorkKind::Physical);
        assert_eq!(kind("Print packing slip"), WorkKind::Physical);
        assert_eq!(kind("Put the item back in stock"), WorkKind::Physical);
        assert_eq!(
            kind("Answer questions about sizing"),
            WorkKind::AnswersQuestions
        );
        assert_eq!(
            kind("Email subject line optimization"),
            WorkKind::WritesContent
        );
        assert_eq!(kind("Forecast demand for next month"), WorkKind::Analyses);
        assert_eq!(kind("Something unusual"), WorkKind::Other);
    }

    #[test]
    fn the_owners_kind_wins_over_the_hint() {
        let mut s = task(1, "Order confirmation email");
        s.work = Some(WorkKind::WritesContent);
        assert_eq!(work_of(&s), WorkKind::WritesContent);
        assert_eq!(suggest_work(&s), WorkKind::Notifies);
    }

    #[test]
    fn one_phrase_can_give_two_hints() {
        // " segment" is both a decision word and a revenue flow.
        let s = task(1, "Segment customers for the win-back email");
        let h = Hints::of(&s);
        assert_eq!(h.suggest_work(&s), WorkKind::Decides);
        assert!(h.revenue_flow());
        assert!(h.customer_facing(&s));
        assert_eq!(
            sensitivity_of(&task(2, "Customer-facing note")),
            Sensitivity::None
        );
        // Marks between words read as spaces: "real-time" is custom work.
        assert_eq!(
            complexity_of(&task(3, "Real-time stock sync")),
            Complexity::High
        );
        assert!(!is_customer_facing(&task(4, "Log the order")));
    }

    #[test]
    fn words_reveal_work_people_keep() {
        let s = |t: &str| sensitivity_of(&task(1, t));
        assert_eq!(s("Handle refund disputes"), Sensitivity::ComplaintOrRefund);
        assert_eq!(s("Answer return policy questions"), Sensitivity::None);
        assert_eq!(s("Review warranty claims"), Sensitivity::Legal);
    }
}
