//! The shape of one workflow's map: arrows by index, what the triggers reach,
//! which event each step belongs to, and which steps every path crosses.
//! Everything here is linear in steps + arrows (dominators: near-linear).

use crate::model::{StepId, StepKind, Workflow};
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::collections::VecDeque;

/// A step keeps at most this many distinct starting events.
const MAX_EVENTS: usize = 4;

/// Lower case with runs of whitespace made one space: how names of events,
/// messages and data are compared. Borrows when the text is already in that form.
pub(crate) fn norm(s: &str) -> Cow<'_, str> {
    let mut prev_space = true;
    let plain = if s.is_ascii() {
        // The same test byte by byte (ASCII whitespace is tab to carriage
        // return, and the space).
        s.bytes().all(|c| {
            let space = matches!(c, b'\t'..=b'\r' | b' ');
            let ok = if space {
                c == b' ' && !prev_space
            } else {
                !c.is_ascii_uppercase()
            };
            prev_space = space;
            ok
        }) && !s.ends_with(' ')
    } else {
        s.chars().all(|c| {
            let ok = if c.is_whitespace() {
                c == ' ' && !prev_space
            } else {
                !c.is_uppercase()
            };
            prev_space = c.is_whitespace();
            ok
        }) && !s.ends_with(' ')
    };
    if plain {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    Cow::Owned(out)
}

/// Derived facts about one workflow's map; indexes are positions in `steps`.
#[derive(Debug, Clone, Default)]
pub(crate) struct WfGraph {
    pub out: Vec<Vec<usize>>,
    pub in_deg: Vec<usize>,
    /// Outgoing arrows with a label.
    pub labelled_out: Vec<usize>,
    /// Reached from a trigger (triggers included).
    pub reachable: Vec<bool>,
    pub has_trigger: bool,
    pub has_end: bool,
    /// Normalised names of the events of this workflow.
    pub event_names: Vec<String>,
    /// Events that start each step (indexes into `event_names`): its own
    /// `event` when set, else the titles of the triggers it is reached from.
    pub events: Vec<Vec<u32>>,
    /// Crossed by every path from a trigger to an end.
    pub on_every_path: Vec<bool>,
    /// Some step has two or more ways out.
    pub branches: bool,
}

impl WfGraph {
    pub fn build(w: &Workflow) -> Self {
        let n = w.steps.len();
        let index: HashMap<StepId, usize> =
            w.steps.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut g = WfGraph {
            out: vec![Vec::new(); n],
            in_deg: vec![0; n],
            labelled_out: vec![0; n],
            reachable: vec![false; n],
            events: vec![Vec::new(); n],
            on_every_path: vec![false; n],
            ..WfGraph::default()
        };
        for l in &w.links {
            let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) else {
                continue;
            };
            if a == b {
                continue;
            }
            g.out[a].push(b);
            g.in_deg[b] += 1;
            if !l.label.trim().is_empty() {
                g.labelled_out[a] += 1;
            }
        }
        g.branches = g.out.iter().any(|o| o.len() >= 2);
        let triggers: Vec<usize> = (0..n)
            .filter(|&i| w.steps[i].kind == StepKind::Trigger)
            .collect();
        g.has_trigger = !triggers.is_empty();
        g.has_end = w.steps.iter().any(|s| s.kind == StepKind::End);

        // Which triggers reach each step: sets capped at MAX_EVENTS, so each
        // step is queued at most MAX_EVENTS + 1 times.
        let mut from: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut queued = vec![false; n];
        let mut queue = VecDeque::new();
        for &t in &triggers {
            from[t].push(t);
            queued[t] = true;
            queue.push_back(t);
        }
        while let Some(u) = queue.pop_front() {
            queued[u] = false;
            for k in 0..g.out[u].len() {
                let v = g.out[u][k];
                let mut grew = false;
                for j in 0..from[u].len() {
                    let t = from[u][j];
                    if from[v].len() < MAX_EVENTS && !from[v].contains(&t) {
                        from[v].push(t);
                        grew = true;
                    }
                }
                if grew && !queued[v] {
                    queued[v] = true;
                    queue.push_back(v);
                }
            }
        }
        let mut names: HashMap<String, u32> = HashMap::new();
        let mut intern = |g: &mut WfGraph, text: &str| -> Option<u32> {
            let key = norm(text);
            if key.is_empty() {
                return None;
            }
            if let Some(&n) = names.get(&*key) {
                return Some(n);
            }
            let n = g.event_names.len() as u32;
            g.event_names.push(key.clone().into_owned());
            names.insert(key.into_owned(), n);
            Some(n)
        };
        let trigger_event: Vec<Option<u32>> = (0..n)
            .map(|i| {
                if w.steps[i].kind == StepKind::Trigger {
                    intern(&mut g, &w.steps[i].title)
                } else {
                    None
                }
            })
            .collect();
        for (i, s) in w.steps.iter().enumerate() {
            g.reachable[i] = !from[i].is_empty();
            g.events[i] = match intern(&mut g, &s.event) {
                Some(own) => vec![own],
                None => {
                    let mut ev: Vec<u32> =
                        from[i].iter().filter_map(|&t| trigger_event[t]).collect();
                    ev.sort_unstable();
                    ev.dedup();
                    ev
                }
            };
        }
        g.mark_every_path(w, &triggers);
        g
    }

    /// Marks the steps that dominate every reachable end (Cooper–Harvey–Kennedy
    /// dominators under a virtual root joined to all triggers).
    fn mark_every_path(&mut self, w: &Workflow, triggers: &[usize]) {
        let n = w.steps.len();
        let root = n;
        let succ = |u: usize| -> &[usize] { if u == root { triggers } else { &self.out[u] } };
        // Iterative depth-first search for a reverse postorder.
        let mut post = Vec::with_capacity(n + 1);
        let mut seen = vec![false; n + 1];
        let mut stack = vec![(root, 0usize)];
        seen[root] = true;
        while let Some(&mut (u, ref mut next)) = stack.last_mut() {
            let s = succ(u);
            if let Some(&v) = s.get(*next) {
                *next += 1;
                if !seen[v] {
                    seen[v] = true;
                    stack.push((v, 0));
                }
            } else {
                post.push(u);
                stack.pop();
            }
        }
        const NONE: usize = usize::MAX;
        let mut order = vec![NONE; n + 1]; // reverse-postorder number
        let rpo: Vec<usize> = post.iter().rev().copied().collect();
        for (k, &u) in rpo.iter().enumerate() {
            order[u] = k;
        }
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        for &u in &rpo {
            for &v in succ(u) {
                preds[v].push(u);
            }
        }
        let mut idom = vec![NONE; n + 1];
        idom[root] = root;
        let intersect = |idom: &[usize], mut a: usize, mut b: usize| {
            while a != b {
                while order[a] > order[b] {
                    a = idom[a];
                }
                while order[b] > order[a] {
                    b = idom[b];
                }
            }
            a
        };
        let mut changed = true;
        while changed {
            changed = false;
            for &u in rpo.iter().skip(1) {
                let mut new = NONE;
                for &p in &preds[u] {
                    if idom[p] == NONE {
                        continue;
                    }
                    new = if new == NONE {
                        p
                    } else {
                        intersect(&idom, p, new)
                    };
                }
                if new != NONE && idom[u] != new {
                    idom[u] = new;
                    changed = true;
                }
            }
        }
        let mut lca = NONE;
        for (i, s) in w.steps.iter().enumerate() {
            if s.kind == StepKind::End && order[i] != NONE && idom[i] != NONE {
                lca = if lca == NONE {
                    i
                } else {
                    intersect(&idom, lca, i)
                };
            }
        }
        if lca == NONE {
            return;
        }
        let mut u = lca;
        while u != root {
            self.on_every_path[u] = true;
            u = idom[u];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::*;

    #[test]
    fn every_path_marks_the_shared_part_only() {
        // trigger -> a -> decision -> (b | c) -> d -> end
        let w = workflow(
            1,
            &[
                trigger(1, "Order placed"),
                task(2, "a"),
                decision(3, "d?"),
                task(4, "b"),
                task(5, "c"),
                task(6, "d"),
                end(7, "done"),
            ],
            &[
                (1, 2, ""),
                (2, 3, ""),
                (3, 4, "yes"),
                (3, 5, "no"),
                (4, 6, ""),
                (5, 6, ""),
                (6, 7, ""),
            ],
        );
        let g = WfGraph::build(&w);
        let marked: Vec<u32> = (0..7)
            .filter(|&i| g.on_every_path[i])
            .map(|i| w.steps[i].id.0)
            .collect();
        assert_eq!(marked, vec![1, 2, 3, 6, 7]);
        assert!(g.branches);
        assert_eq!(g.events[5].len(), 1);
        assert_eq!(g.event_names[g.events[5][0] as usize], "order placed");
    }

    #[test]
    fn unreachable_steps_have_no_event() {
        let w = workflow(
            1,
            &[trigger(1, "T"), task(2, "a"), task(3, "lost")],
            &[(1, 2, "")],
        );
        let g = WfGraph::build(&w);
        assert_eq!(g.reachable, vec![true, true, false]);
        assert!(g.events[2].is_empty());
    }

    #[test]
    fn norm_folds_case_and_spaces() {
        assert_eq!(norm("  Order   PLACED "), "order placed");
        assert_eq!(norm("order\u{b}placed"), "order placed");
        assert_eq!(norm("Straße  ÖL"), "straße öl");
        for plain in ["order placed", "a", "", "ÿ ok"] {
            assert!(matches!(norm(plain), Cow::Borrowed(_)), "{plain}");
        }
        for folded in ["order  placed", " a", "a ", "A", "a\tb", "Ÿ"] {
            assert!(matches!(norm(folded), Cow::Owned(_)), "{folded}");
        }
    }
}
