//! What kind of work a step is, suggested from simple keyword hints in its
//! title and system, and the other hints the method reads from the words:
//! work people must keep (complaints, legal, brand voice, strategy), revenue
//! flows (medium, layer 2) and custom logic (a trap when it is rare).

use crate::model::{Complexity, Sensitivity, Step, StepKind, WorkKind};

/// The title and system in lower case, with a space on each side so that
/// hints can ask for whole-word beginnings (" log").
fn words(step: &Step) -> String {
    format!(" {} {} ", step.title, step.system)
        .to_lowercase()
        .replace(['-', '_', '/', ',', '.', ':', '(', ')'], " ")
}

fn any(text: &str, hints: &[&str]) -> bool {
    hints.iter().any(|h| text.contains(h))
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

/// The kind of work Automap suggests for a step from its title and system.
pub fn suggest_work(step: &Step) -> WorkKind {
    if step.kind == StepKind::Decision {
        return WorkKind::Decides;
    }
    let t = words(step);
    // Order matters: "email subject lines" is writing, "restock notifications"
    // a message, "packing slip" printed by hand physical work.
    let table: [(&[&str], WorkKind); 7] = [
        (PHYSICAL, WorkKind::Physical),
        (QUESTIONS, WorkKind::AnswersQuestions),
        (CONTENT, WorkKind::WritesContent),
        (ANALYSES, WorkKind::Analyses),
        (DECIDES, WorkKind::Decides),
        (NOTIFIES, WorkKind::Notifies),
        (MOVES, WorkKind::MovesData),
    ];
    table
        .iter()
        .find(|(hints, _)| any(&t, hints))
        .map_or(WorkKind::Other, |&(_, k)| k)
}

/// The kind of work in effect: the owner's choice, else the suggestion.
pub fn work_of(step: &Step) -> WorkKind {
    step.work.unwrap_or_else(|| suggest_work(step))
}

/// A sensitivity the words show when the owner set none (or only
/// "customer-facing"): complaints and refunds, legal terms, brand voice,
/// strategic choices. The owner's own never-automate choice wins.
pub fn sensitivity_of(step: &Step) -> Sensitivity {
    if step.sensitivity.is_never_automate() {
        return step.sensitivity;
    }
    let t = words(step);
    if any(
        &t,
        &[
            " complaint",
            " refund",
            " dispute",
            " angry",
            " damaged",
            " chargeback",
        ],
    ) {
        Sensitivity::ComplaintOrRefund
    } else if any(
        &t,
        &[
            " legal",
            " warrant",
            " terms",
            " compliance",
            " gdpr",
            " lawyer",
        ],
    ) {
        Sensitivity::Legal
    } else if any(&t, &[" brand voice", " brand sensitive", " brand story"]) {
        Sensitivity::BrandVoice
    } else if any(
        &t,
        &[
            " strategic",
            " strategy",
            " which products to launch",
            " launch new product",
            " which market",
            " enter a market",
            " new market",
        ],
    ) {
        Sensitivity::Strategic
    } else {
        step.sensitivity
    }
}

/// Flows the guide counts as medium whatever their volume: they earn revenue
/// with some if/then rules (abandoned cart, review request, restock notice
/// to past buyers, segmentation, win-back).
pub fn is_revenue_flow(step: &Step) -> bool {
    any(
        &words(step),
        &[
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
        ],
    )
}

/// The complexity in effect: words like "custom logic", "real-time" or
/// "many conditional variables" mark custom work even when the owner left
/// the complexity at its default.
pub fn complexity_of(step: &Step) -> Complexity {
    if step.complexity == Complexity::Low
        && any(
            &words(step),
            &[
                " custom ",
                " real time",
                " competitor",
                " many conditional",
                " lifetime value",
            ],
        )
    {
        Complexity::High
    } else {
        step.complexity
    }
}

/// Does the step speak to customers? Such a step is never called low-stakes.
pub fn is_customer_facing(step: &Step) -> bool {
    step.sensitivity != Sensitivity::None
        || !step.message.trim().is_empty()
        || matches!(work_of(step), WorkKind::AnswersQuestions)
        || any(&words(step), &[" customer", " buyer", " shopper"])
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
    fn words_reveal_work_people_keep() {
        let s = |t: &str| sensitivity_of(&task(1, t));
        assert_eq!(s("Handle refund disputes"), Sensitivity::ComplaintOrRefund);
        assert_eq!(s("Answer return policy questions"), Sensitivity::None);
        assert_eq!(s("Review warranty claims"), Sensitivity::Legal);
    }
}
