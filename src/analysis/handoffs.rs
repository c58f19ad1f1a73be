//! Handoffs: an arrow from a step of one owner to a step of another is work
//! passing between people (or roles). Counted per workflow whether or not the
//! map is drawn in lanes; steps without an owner hand nothing off.

use crate::model::{Plan, Step, StepId, Workflow};
use std::collections::HashMap;

/// One arrow whose ends belong to different owners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    pub from: StepId,
    pub to: StepId,
    pub from_owner: String,
    pub to_owner: String,
}

/// The arrows of `wf` that pass work from one owner to another, in arrow order.
pub fn handoffs(wf: &Workflow) -> Vec<Handoff> {
    let by_id: HashMap<StepId, &Step> = wf.steps.iter().map(|s| (s.id, s)).collect();
    wf.links
        .iter()
        .filter_map(|l| {
            let a = by_id.get(&l.from)?.owner.trim();
            let b = by_id.get(&l.to)?.owner.trim();
            (!a.is_empty() && !b.is_empty() && a != b).then(|| Handoff {
                from: l.from,
                to: l.to,
                from_owner: a.to_owned(),
                to_owner: b.to_owned(),
            })
        })
        .collect()
}

/// Two owners who pass work back and forth along one chain of a workflow
/// more than [`BOUNCE_LIMIT`] times, with every handoff between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounce {
    pub owners: (String, String),
    /// The most handoffs back and forth between them along one chain.
    pub longest: usize,
    pub handoffs: Vec<Handoff>,
}

/// More handoffs than this back and forth between the same two owners along
/// one chain is a bounce.
pub const BOUNCE_LIMIT: usize = 2;

/// The pairs of owners that pass work back and forth along one chain of
/// arrows (A to B to A to B…) more than [`BOUNCE_LIMIT`] times. Arrows that
/// lead back (close a loop) are not followed; a step without an owner ends a
/// chain.
pub fn bounces(wf: &Workflow) -> Vec<Bounce> {
    let n = wf.steps.len();
    let index: HashMap<StepId, usize> = wf
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let back: std::collections::HashSet<(StepId, StepId)> =
        crate::edit::layout::back_arrows(wf).into_iter().collect();
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for l in &wf.links {
        if back.contains(&(l.from, l.to)) {
            continue;
        }
        if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to))
            && a != b
        {
            succ[a].push(b);
            indeg[b] += 1;
        }
    }
    let owner = |i: usize| wf.steps[i].owner.trim();
    // run[v]: for each other owner X, the handoffs back and forth between X
    // and v's owner on the longest such chain ending at v.
    let mut run: Vec<HashMap<&str, usize>> = vec![HashMap::new(); n];
    let mut best: HashMap<(String, String), usize> = HashMap::new();
    let mut queue: Vec<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    while let Some(u) = queue.pop() {
        for &v in &succ[u] {
            let (ou, ov) = (owner(u), owner(v));
            if !ou.is_empty() && !ov.is_empty() {
                if ou == ov {
                    let carried: Vec<(&str, usize)> =
                        run[u].iter().map(|(k, c)| (*k, *c)).collect();
                    for (k, c) in carried {
                        let e = run[v].entry(k).or_default();
                        *e = (*e).max(c);
                    }
                } else {
                    let c = run[u].get(ov).copied().unwrap_or(0) + 1;
                    let e = run[v].entry(ou).or_default();
                    *e = (*e).max(c);
                    let key = if ou <= ov { (ou, ov) } else { (ov, ou) };
                    let b = best
                        .entry((key.0.to_owned(), key.1.to_owned()))
                        .or_default();
                    *b = (*b).max(c);
                }
            }
            indeg[v] -= 1;
            if indeg[v] == 0 {
                queue.push(v);
            }
        }
    }
    let all = handoffs(wf);
    let mut out: Vec<Bounce> = Vec::new();
    for h in &all {
        let key = if h.from_owner <= h.to_owner {
            (h.from_owner.clone(), h.to_owner.clone())
        } else {
            (h.to_owner.clone(), h.from_owner.clone())
        };
        let longest = best.get(&key).copied().unwrap_or(0);
        if longest <= BOUNCE_LIMIT {
            continue;
        }
        match out.iter_mut().find(|b| b.owners == key) {
            Some(b) => b.handoffs.push(h.clone()),
            None => out.push(Bounce {
                owners: key,
                longest,
                handoffs: vec![h.clone()],
            }),
        }
    }
    out
}

/// The owners named in the plan (trimmed, each once, in order of appearance).
pub fn owners(plan: &Plan) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    plan.workflows
        .iter()
        .flat_map(|w| &w.steps)
        .map(|s| s.owner.trim())
        .filter(|o| !o.is_empty() && seen.insert(*o))
        .map(str::to_owned)
        .collect()
}

/// The first owner of `owners` that `text` names: by the whole name or by
/// the part before a bracket ("Dana" for "Dana (owner)"), as a whole word,
/// in any case.
pub fn owner_named_in<'o>(text: &str, owners: &'o [String]) -> Option<&'o str> {
    let hay = text.to_lowercase();
    owners.iter().map(String::as_str).find(|o| {
        let full = o.to_lowercase();
        let short = full.split('(').next().unwrap_or("").trim().to_owned();
        [full, short]
            .iter()
            .any(|n| !n.is_empty() && contains_word(&hay, n))
    })
}

fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::*;

    fn owned(mut s: Step, owner: &str) -> Step {
        s.owner = owner.to_owned();
        s
    }

    #[test]
    fn an_arrow_between_two_owners_is_a_handoff_and_four_between_the_same_two_bounce() {
        let w = chain(
            1,
            "Order placed",
            &[
                owned(task(2, "Check"), "Ana"),
                owned(task(3, "Approve"), "Sam"),
                owned(task(4, "Fix"), "Ana"),
                owned(task(5, "Approve again"), "Sam"),
                owned(task(6, "Ship"), "Sam"),
                owned(task(7, "Log"), ""),
            ],
        );
        let h = handoffs(&w);
        let pairs: Vec<(u32, u32)> = h.iter().map(|h| (h.from.0, h.to.0)).collect();
        assert_eq!(pairs, [(2, 3), (3, 4), (4, 5)]);
        let b = bounces(&w);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].owners, ("Ana".to_owned(), "Sam".to_owned()));
        assert_eq!(b[0].longest, 3);
        // Two handoffs are a normal review loop, not a bounce.
        let mut w2 = w.clone();
        w2.steps[3].owner = "Sam".into();
        w2.steps[5].owner = "Ana".into();
        assert_eq!(handoffs(&w2).len(), 2);
        assert!(bounces(&w2).is_empty());
        // Two branches handing to another owner are no chain.
        let mut w3 = w.clone();
        w3.links.retain(|l| l.from != StepId(3));
        w3.links.push(crate::model::Link::new(StepId(2), StepId(4)));
        w3.steps[3].owner = "Sam".into();
        assert!(bounces(&w3).is_empty());
    }

    #[test]
    fn owners_are_named_by_whole_name_or_first_part_as_a_word() {
        let owners = vec!["Dana (owner)".to_owned(), "Sam".to_owned()];
        assert_eq!(
            owner_named_in("Dana checks the list", &owners),
            Some("Dana (owner)")
        );
        assert_eq!(owner_named_in("sam gets an email", &owners), Some("Sam"));
        assert_eq!(owner_named_in("Samantha looks", &owners), None);
        assert_eq!(owner_named_in("nobody", &owners), None);
    }
}
