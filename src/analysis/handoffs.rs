//! Handoffs: an arrow from a step of one owner to a step of another is work
//! passing between people (or roles). Counted per workflow whether or not the
//! map is drawn in lanes; steps without an owner hand nothing off.

use crate::model::{Plan, Step, StepId, Workflow};
use foldhash::HashMap;

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
    let succ = crate::edit::layout::forward_arrows(wf);
    let mut indeg = vec![0usize; n];
    for &b in succ.iter().flatten() {
        indeg[b] += 1;
    }
    // Owners by number, in order of appearance (0: no owner).
    let mut names: Vec<&str> = vec![""];
    let owner: Vec<usize> = wf
        .steps
        .iter()
        .map(|s| {
            let o = s.owner.trim();
            if o.is_empty() {
                return 0;
            }
            names.iter().position(|&n| n == o).unwrap_or_else(|| {
                names.push(o);
                names.len() - 1
            })
        })
        .collect();
    // run[v]: for each other owner X, the handoffs back and forth between X
    // and v's owner on the longest such chain ending at v.
    let mut run: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut best: HashMap<(usize, usize), usize> = HashMap::default();
    let raise = |list: &mut Vec<(usize, usize)>, key: usize, c: usize| match list
        .iter_mut()
        .find(|(k, _)| *k == key)
    {
        Some((_, e)) => *e = (*e).max(c),
        None => list.push((key, c)),
    };
    let mut queue: Vec<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    while let Some(u) = queue.pop() {
        for &v in &succ[u] {
            let (ou, ov) = (owner[u], owner[v]);
            if ou != 0 && ov != 0 {
                if ou == ov {
                    let carried = std::mem::take(&mut run[u]);
                    for &(k, c) in &carried {
                        raise(&mut run[v], k, c);
                    }
                    run[u] = carried;
                } else {
                    let c = run[u].iter().find(|(k, _)| *k == ov).map_or(0, |&(_, c)| c) + 1;
                    raise(&mut run[v], ou, c);
                    let b = best.entry((ou.min(ov), ou.max(ov))).or_default();
                    *b = (*b).max(c);
                }
            }
            indeg[v] -= 1;
            if indeg[v] == 0 {
                queue.push(v);
            }
        }
    }
    if best.values().all(|&c| c <= BOUNCE_LIMIT) {
        return Vec::new();
    }
    // Every handoff between a pair that bounces, in arrow order.
    let mut out: Vec<Bounce> = Vec::new();
    let mut slot: HashMap<(usize, usize), usize> = HashMap::default();
    for l in &wf.links {
        let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) else {
            continue;
        };
        let (oa, ob) = (owner[a], owner[b]);
        if oa == 0 || ob == 0 || oa == ob {
            continue;
        }
        let pair = (oa.min(ob), oa.max(ob));
        let longest = best.get(&pair).copied().unwrap_or(0);
        if longest <= BOUNCE_LIMIT {
            continue;
        }
        let h = Handoff {
            from: l.from,
            to: l.to,
            from_owner: names[oa].to_owned(),
            to_owner: names[ob].to_owned(),
        };
        let i = *slot.entry(pair).or_insert_with(|| {
            let (x, y) = (names[oa], names[ob]);
            let owners = if x <= y { (x, y) } else { (y, x) };
            out.push(Bounce {
                owners: (owners.0.to_owned(), owners.1.to_owned()),
                longest,
                handoffs: Vec::new(),
            });
            out.len() - 1
        });
        out[i].handoffs.push(h);
    }
    out
}

/// The owners named in the plan (trimmed, each once, in order of appearance).
pub fn owners(plan: &Plan) -> Vec<String> {
    let mut seen = foldhash::HashSet::default();
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
    OwnerNames::new(owners).named_in(text)
}

/// Owners' names ready to be looked for in many texts: each in lower case,
/// whole and cut before a bracket, with its searcher, worked out once.
pub struct OwnerNames<'o> {
    owners: &'o [String],
    keys: Vec<[memchr::memmem::Finder<'static>; 2]>,
}

impl<'o> OwnerNames<'o> {
    pub fn new(owners: &'o [String]) -> Self {
        let keys = owners
            .iter()
            .map(|o| {
                let full = o.to_lowercase();
                let short = full.split('(').next().unwrap_or("").trim();
                [
                    memchr::memmem::Finder::new(short).into_owned(),
                    memchr::memmem::Finder::new(&full).into_owned(),
                ]
            })
            .collect();
        OwnerNames { owners, keys }
    }

    /// See [`owner_named_in`].
    pub fn named_in(&self, text: &str) -> Option<&'o str> {
        if text.trim().is_empty() {
            return None;
        }
        let hay = text.to_lowercase();
        self.owners
            .iter()
            .zip(&self.keys)
            .find(|(_, keys)| {
                keys.iter()
                    .any(|n| !n.needle().is_empty() && contains_word(&hay, n))
            })
            .map(|(o, _)| o.as_str())
    }
}

/// Does `needle` stand in `hay` as a whole word (not inside a longer one)?
fn contains_word(hay: &str, needle: &memchr::memmem::Finder) -> bool {
    let len = needle.needle().len();
    needle.find_iter(hay.as_bytes()).any(|i| {
        // A match of a whole UTF-8 needle starts and ends on char boundaries.
        let before = hay.get(..i).and_then(|h| h.chars().next_back());
        let after = hay.get(i + len..).and_then(|h| h.chars().next());
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
