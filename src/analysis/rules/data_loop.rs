//! `data-loop`: automated writes form a cycle across systems (A writes X,
//! B reads X and writes Y, … and something writes back what A reads).
//!
//! Strongly connected components (Tarjan, iterative) of the graph
//! data → step that reads it → data it writes; linear in reads + writes.

use super::on_steps;
use crate::analysis::graph::norm;
use crate::analysis::{Context, Finding, Severity, name_list};
use crate::model::{DataRef, Tag};
use foldhash::HashMap;
use std::borrow::Cow;
use std::collections::BTreeSet;

pub const CODE: &str = "data-loop";
pub const SEVERITY: Severity = Severity::Error;
pub const SUMMARY: &str = "automated reads and writes pass data around in a circle across systems";

const NONE: usize = usize::MAX;

struct Graph {
    /// Node `k < steps.len()` is the automated step `steps[k]` (global index);
    /// the rest are data objects.
    steps: Vec<usize>,
    objects: Vec<(String, String)>,
    adj: Vec<Vec<usize>>,
}

fn build<'a>(cx: &Context<'a>) -> Graph {
    let steps: Vec<usize> = (0..cx.steps.len())
        .filter(|&i| {
            let s = cx.steps[i].step;
            s.tag == Tag::Automate && !s.reads.is_empty() && !s.writes.is_empty()
        })
        .collect();
    let n_steps = steps.len();
    let mut objects: Vec<(String, String)> = Vec::new();
    let mut ids: HashMap<(Cow<'a, str>, Cow<'a, str>), usize> = HashMap::default();
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n_steps];
    let mut node = |d: &'a DataRef, adj: &mut Vec<Vec<usize>>| -> usize {
        let key = (norm(&d.system), norm(&d.object));
        *ids.entry(key).or_insert_with(|| {
            objects.push((d.system.trim().to_owned(), d.object.trim().to_owned()));
            adj.push(Vec::new());
            adj.len() - 1
        })
    };
    for (k, &i) in steps.iter().enumerate() {
        let s = cx.steps[i].step;
        for d in &s.reads {
            let o = node(d, &mut adj);
            adj[o].push(k);
        }
        for d in &s.writes {
            let o = node(d, &mut adj);
            adj[k].push(o);
        }
    }
    Graph {
        steps,
        objects,
        adj,
    }
}

/// Components with more than one node, each as a list of nodes.
fn components(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = adj.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut found = Vec::new();
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        let mut calls = vec![(root, 0usize)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = calls.last_mut() {
            if let Some(&w) = adj[v].get(*pos) {
                *pos += 1;
                if index[w] == NONE {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    found.push(comp);
                }
            }
        }
    }
    found
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Finding>) {
    let g = build(cx);
    let n_steps = g.steps.len();
    let mut loops: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for comp in components(&g.adj) {
        let mut steps: Vec<usize> = comp
            .iter()
            .filter(|&&v| v < n_steps)
            .map(|&v| g.steps[v])
            .collect();
        let objects: Vec<usize> = comp
            .iter()
            .filter(|&&v| v >= n_steps)
            .map(|&v| v - n_steps)
            .collect();
        let systems: BTreeSet<Cow<str>> = objects.iter().map(|&o| norm(&g.objects[o].0)).collect();
        if systems.len() < 2 {
            continue;
        }
        steps.sort_unstable();
        loops.push((steps, objects));
    }
    loops.sort();
    for (steps, mut objects) in loops {
        objects.sort_unstable();
        let names: Vec<String> = steps.iter().map(|&i| cx.name(i)).collect();
        let data: Vec<String> = objects
            .iter()
            .map(|&o| {
                let (s, d) = &g.objects[o];
                format!("{s} {d}").trim().to_owned()
            })
            .collect();
        out.push(on_steps(
            cx,
            CODE,
            SEVERITY,
            &steps,
            format!(
                "Data runs in a circle: {} pass {} back and forth, so each change sets off the next and comes back to where it started.",
                name_list(&names, 4),
                name_list(&data, 4)
            ),
            "Pick one system as the source of truth for this data and let the others only read from it; break the circle by removing one of the writes.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::*;
    use crate::model::Tag;

    fn sync(id: u32, title: &str, from: (&str, &str), to: (&str, &str)) -> crate::model::Step {
        let mut s = automated(id, title);
        s.reads = vec![data(from.0, from.1)];
        s.writes = vec![data(to.0, to.1)];
        s
    }

    #[test]
    fn fires_on_a_two_way_sync_and_stops_when_one_side_is_manual() {
        let a = sync(
            2,
            "Copy stock to Sheets",
            ("Shopify", "inventory"),
            ("Google Sheets", "stock"),
        );
        let b = sync(
            12,
            "Copy Sheets to Shopify",
            ("Google Sheets", "stock"),
            ("Shopify", "inventory"),
        );
        let mut p = plan(vec![
            chain(1, "Order placed", &[a]),
            chain(2, "Sheet edited", &[b]),
        ]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2, 12]]);
        p.workflows[1].steps[1].tag = Tag::KeepManual;
        assert!(codes(&p, super::CODE).is_empty());
    }

    #[test]
    fn a_longer_circle_is_found_and_a_chain_is_not() {
        let a = sync(2, "A", ("Shopify", "orders"), ("Sheets", "log"));
        let b = sync(3, "B", ("Sheets", "log"), ("Klaviyo", "profile"));
        let c = sync(4, "C", ("Klaviyo", "profile"), ("Shopify", "orders"));
        let p = plan(vec![chain(1, "Order placed", &[a.clone(), b.clone(), c])]);
        assert_eq!(codes(&p, super::CODE), vec![vec![2, 3, 4]]);
        let p = plan(vec![chain(1, "Order placed", &[a, b])]);
        assert!(codes(&p, super::CODE).is_empty());
    }

    #[test]
    fn reading_and_writing_one_system_is_no_loop() {
        let a = sync(
            2,
            "Adjust stock",
            ("Shopify", "inventory"),
            ("Shopify", "inventory"),
        );
        let p = plan(vec![chain(1, "Order placed", &[a])]);
        assert!(codes(&p, super::CODE).is_empty());
    }
}
