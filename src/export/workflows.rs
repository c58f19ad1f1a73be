//! One section per workflow: its diagram and its step table.

use crate::model::Workflow;

use super::Doc;
use super::escape::md;
use super::mermaid;
use super::text::{finite, push_int, push_tenths};

impl Doc<'_> {
    pub(super) fn workflows_intro(&mut self) {
        self.out.push_str("## Workflows\n\n");
        if self.plan.workflows.is_empty() {
            self.out.push_str("No workflows are mapped yet.\n\n");
        } else {
            self.out.push_str(
                "Diagram colours: green = automate, grey = keep manual, yellow = not decided yet.\n\n",
            );
        }
    }

    pub(super) fn workflow_section(&mut self, w: &Workflow) {
        self.out.push_str("### ");
        self.wf_name(w);
        self.out.push_str("\n\n");
        if !w.description.trim().is_empty() {
            md(&mut self.out, &w.description);
            self.out.push_str("\n\n");
        }
        mermaid::flowchart(&mut self.out, w);
        self.step_table(w);
    }

    fn step_table(&mut self, w: &Workflow) {
        if w.steps.is_empty() {
            self.out.push_str("This workflow has no steps yet.\n\n");
            return;
        }
        self.out.push_str(
            "| # | Step | Kind | Tag | Suggested | Class | Layer | Hours per week | Tool |\n\
             | ---: | --- | --- | --- | --- | --- | --- | ---: | --- |\n",
        );
        // Pieces are pushed one by one: a large plan has tens of thousands of rows.
        for s in &w.steps {
            self.out.push_str("| ");
            push_int(&mut self.out, s.id.0 as usize);
            self.out.push_str(" | ");
            self.title(s);
            for piece in [" | ", s.kind.label(), " | ", s.tag.label(), " | "] {
                self.out.push_str(piece);
            }
            let insight = self.analysis.step(s.id);
            match insight {
                Some(i) => {
                    for piece in [i.suggested_tag.label(), " | ", i.class.label(), " | "] {
                        self.out.push_str(piece);
                    }
                }
                None => self.out.push_str("– | – | "),
            }
            let layer = s.layer.or(insight.and_then(|i| i.layer));
            self.out.push_str(layer.map_or("–", |l| l.label()));
            self.out.push_str(" | ");
            push_tenths(&mut self.out, finite(s.manual_hours_per_week()));
            self.out.push_str(" | ");
            // The tool on the step's roadmap card, else the step's own.
            let card = self
                .cards
                .get(&s.id)
                .and_then(|&i| self.roadmap.items.get(i));
            let tool = card.map_or(s.tool.as_str(), |item| {
                crate::roadmap::item_tool(item, &s.tool)
            });
            self.tool_name(tool);
            self.out.push_str(" |\n");
        }
        self.out.push('\n');
    }
}
