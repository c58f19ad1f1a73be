//! Markdown (with Mermaid) export of a plan.

use crate::model::Plan;

/// A minimal Markdown view of the plan: its name, then one table of steps per
/// workflow. (Placeholder until the full plan document is written.)
pub fn markdown(plan: &Plan) -> String {
    fn cell(s: &str) -> String {
        s.replace('|', "\\|").replace(['\n', '\r'], " ")
    }
    let mut out = format!("# {}\n", cell(&plan.name));
    for w in &plan.workflows {
        out.push_str(&format!("\n## {}\n\n", cell(&w.name)));
        out.push_str("| # | Step | Kind | Owner | System | Tag |\n|---|---|---|---|---|---|\n");
        for s in &w.steps {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                s.id,
                cell(&s.title),
                s.kind.label(),
                cell(&s.owner),
                cell(&s.system),
                s.tag.label()
            ));
        }
    }
    out
}
