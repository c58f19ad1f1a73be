//! How workflows connect: events that start more than one workflow, and data
//! that more than one workflow reads or writes.

use super::graph::norm;
use crate::model::{DataRef, Plan, StepId, StepKind, WorkflowId};
use foldhash::HashMap;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ConnectionKind {
    /// The same event starts steps in several workflows ("order placed").
    SharedEvent,
    /// Several workflows read or write the same data ("Shopify: inventory").
    SharedData,
}

/// One link between workflows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Connection {
    pub kind: ConnectionKind,
    /// The event or the data, as first written in the plan.
    pub label: String,
    /// Workflows involved, in plan order.
    pub workflows: Vec<WorkflowId>,
    /// Workflows that write the data (empty for events).
    pub writers: Vec<WorkflowId>,
    /// Workflows that read the data (empty for events).
    pub readers: Vec<WorkflowId>,
    /// Steps involved, in plan order.
    pub steps: Vec<StepId>,
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    // Workflows arrive in plan order, so a repeat is always the last entry.
    if v.last() != Some(&x) {
        v.push(x);
    }
}

fn data_label(d: &DataRef) -> String {
    match (d.system.trim(), d.object.trim()) {
        ("", o) => o.to_owned(),
        (s, "") => s.to_owned(),
        (s, o) => format!("{s}: {o}"),
    }
}

/// Shared events first, then shared data; each group with the most workflows first.
pub fn connections(plan: &Plan) -> Vec<Connection> {
    let mut by_key: HashMap<(ConnectionKind, String), usize> = HashMap::default();
    let mut list: Vec<Connection> = Vec::new();
    let mut entry = |kind: ConnectionKind, key: String, label: String| -> usize {
        *by_key.entry((kind, key)).or_insert_with(|| {
            list.push(Connection {
                kind,
                label,
                workflows: Vec::new(),
                writers: Vec::new(),
                readers: Vec::new(),
                steps: Vec::new(),
            });
            list.len() - 1
        })
    };
    let mut touches: Vec<(usize, WorkflowId, StepId, Option<bool>)> = Vec::new();
    for w in &plan.workflows {
        for s in &w.steps {
            let event = if s.kind == StepKind::Trigger && s.event.trim().is_empty() {
                s.title.trim()
            } else {
                s.event.trim()
            };
            let key = norm(event);
            if !key.is_empty() {
                let i = entry(
                    ConnectionKind::SharedEvent,
                    key.into_owned(),
                    event.to_owned(),
                );
                touches.push((i, w.id, s.id, None));
            }
            for (d, writes) in s
                .reads
                .iter()
                .map(|d| (d, false))
                .chain(s.writes.iter().map(|d| (d, true)))
            {
                let key = format!("{}\u{1f}{}", norm(&d.system), norm(&d.object));
                if key.len() <= 1 {
                    continue;
                }
                let i = entry(ConnectionKind::SharedData, key, data_label(d));
                touches.push((i, w.id, s.id, Some(writes)));
            }
        }
    }
    for (i, wf, step, writes) in touches {
        let c = &mut list[i];
        push_unique(&mut c.workflows, wf);
        push_unique(&mut c.steps, step);
        match writes {
            Some(true) => push_unique(&mut c.writers, wf),
            Some(false) => push_unique(&mut c.readers, wf),
            None => {}
        }
    }
    let mut out: Vec<Connection> = list
        .into_iter()
        .filter(|c| c.workflows.len() >= 2)
        .collect();
    out.sort_by(|a, b| {
        (a.kind == ConnectionKind::SharedData)
            .cmp(&(b.kind == ConnectionKind::SharedData))
            .then(b.workflows.len().cmp(&a.workflows.len()))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::*;

    #[test]
    fn order_placed_starts_two_workflows_and_orders_are_shared() {
        let mut confirm = task(2, "Send confirmation");
        confirm.reads = vec![data("Shopify", "orders")];
        let mut review = task(3, "Ask for a review");
        review.event = "Order  placed".into();
        review.reads = vec![data("shopify", "Orders")];
        let mut lonely = task(4, "Restock");
        lonely.reads = vec![data("Sheets", "stock")];
        let p = plan(vec![
            chain(1, "Order placed", &[confirm]),
            chain(2, "Review time", &[review]),
            chain(3, "Weekly count", &[lonely]),
        ]);
        let c = connections(&p);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].kind, ConnectionKind::SharedEvent);
        assert_eq!(c[0].label, "Order placed");
        assert_eq!(c[0].workflows, vec![WorkflowId(1), WorkflowId(2)]);
        assert_eq!(c[1].kind, ConnectionKind::SharedData);
        assert_eq!(c[1].label, "Shopify: orders");
        assert_eq!(c[1].readers, vec![WorkflowId(1), WorkflowId(2)]);
        assert!(c[1].writers.is_empty());
    }
}
