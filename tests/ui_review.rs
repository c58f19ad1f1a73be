//! The findings panel and the Review view, driven like a user would: read the
//! findings, click one, click a quick win or a matrix dot, change a threshold
//! and undo it.

mod common;

use automap::analysis::{Analysis, Severity, analyze, quick_wins};
use automap::edit::Document;
use automap::model::{Plan, StepId};
use automap::ui::UiAction;
use automap::ui::derived::Derived;
use automap::ui::findings::findings_panel;
use automap::ui::review::review_ui;
use common::fixture_plan;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

struct Panel {
    plan: Plan,
    analysis: Analysis,
    action: Option<UiAction>,
}

fn panel_harness(plan: Plan) -> Harness<'static, Panel> {
    let analysis = analyze(&plan);
    Harness::builder()
        .with_size(egui::vec2(700.0, 4000.0))
        .build_ui_state(
            |ui, s: &mut Panel| {
                if let Some(a) = findings_panel(ui, &s.plan, &s.analysis) {
                    s.action = Some(a);
                }
            },
            Panel {
                plan,
                analysis,
                action: None,
            },
        )
}

#[test]
fn findings_panel_lists_the_demo_plans_errors_and_warnings() {
    let mut h = panel_harness(fixture_plan("findings-demo.ron"));
    h.run();
    let findings = h.state().analysis.findings.clone();
    assert!(
        findings.iter().any(|f| f.severity == Severity::Error),
        "the demo plan has mistakes to find"
    );
    for f in findings.iter().filter(|f| f.severity != Severity::Info) {
        h.get_by_label(&f.message);
    }
    for code in ["duplicate-message", "data-loop", "never-automate"] {
        assert!(
            h.query_all_by_label(code).next().is_some(),
            "{code} is shown"
        );
    }
}

#[test]
fn clicking_a_finding_shows_its_step() {
    let mut h = panel_harness(fixture_plan("findings-demo.ron"));
    h.run();
    let f = h
        .state()
        .analysis
        .findings
        .iter()
        .find(|f| f.code == "duplicate-message")
        .cloned()
        .expect("the demo plan sends a message twice");
    h.get_by_label(&f.message).click();
    h.run();
    assert_eq!(
        h.state().action,
        Some(UiAction::ShowStep {
            workflow: f.workflow.expect("a workflow"),
            step: f.step_ids[0],
        })
    );
}

#[test]
fn a_plan_without_findings_says_so() {
    let mut h = panel_harness(Plan::new("Empty"));
    h.run();
    h.get_by_label("No findings: the plan follows the method.");
}

struct Review {
    doc: Document,
    derived: Derived,
    action: Option<UiAction>,
}

fn review_harness(plan: Plan) -> Harness<'static, Review> {
    Harness::builder()
        .with_size(egui::vec2(1100.0, 5000.0))
        .build_ui_state(
            |ui, s: &mut Review| {
                if let Some(a) = review_ui(ui, &mut s.doc, &mut s.derived) {
                    s.action = Some(a);
                }
            },
            Review {
                doc: Document::new(plan),
                derived: Derived::default(),
                action: None,
            },
        )
}

fn title_of(plan: &Plan, id: StepId) -> String {
    plan.find_step(id)
        .map(|(_, s)| s.title.clone())
        .expect("step exists")
}

#[test]
fn review_answers_the_four_questions() {
    let mut h = review_harness(fixture_plan("findings-demo.ron"));
    h.run();
    for q in [
        "What workflows exist?",
        "What to automate first?",
        "How do the workflows connect?",
        "What stays manual, and why?",
        "Priority matrix",
        "Method settings",
    ] {
        h.get_by_label(q);
    }
    let plan = h.state().doc.plan().clone();
    for w in &plan.workflows {
        h.get_by_label(&w.name);
    }
    // "Order placed" starts work in more than one workflow of the demo shop.
    assert!(
        h.query_all_by_label_contains("starts work in")
            .next()
            .is_some()
            || h.query_all_by_label_contains("is shared by")
                .next()
                .is_some(),
        "connections between workflows are listed"
    );
}

#[test]
fn clicking_the_top_quick_win_shows_its_step() {
    let mut h = review_harness(fixture_plan("findings-demo.ron"));
    h.run();
    let plan = h.state().doc.plan().clone();
    let analysis = analyze(&plan);
    let top = quick_wins(&plan, &analysis)
        .first()
        .map(|i| (i.workflow, i.step))
        .expect("the demo shop has quick wins");
    h.get_by_label(&title_of(&plan, top.1)).click();
    h.run();
    assert_eq!(
        h.state().action,
        Some(UiAction::ShowStep {
            workflow: top.0,
            step: top.1
        })
    );
}

#[test]
fn clicking_a_dot_on_the_priority_matrix_shows_its_step() {
    let mut h = review_harness(fixture_plan("findings-demo.ron"));
    h.run();
    let plan = h.state().doc.plan().clone();
    let analysis = analyze(&plan);
    let (wf, step) = quick_wins(&plan, &analysis)
        .first()
        .map(|i| (i.workflow, i.step))
        .expect("a quick win");
    let label = format!("{} on the priority matrix", title_of(&plan, step));
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().action,
        Some(UiAction::ShowStep { workflow: wf, step })
    );
}

#[test]
fn editing_a_threshold_changes_the_plan_and_undo_restores_it() {
    let mut h = review_harness(fixture_plan("findings-demo.ron"));
    h.run();
    let before = h.state().doc.plan().method.clone();
    assert_eq!(before.quick_win_payback_weeks, 4.0);
    let label = "Quick win if setup repaid within (weeks)";
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text("1");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let after = h.state().doc.plan().method.clone();
    assert_eq!(after.quick_win_payback_weeks, 1.0);
    assert_eq!(
        after.medium_frequency_per_day,
        before.medium_frequency_per_day
    );
    // The class of steps follows the new threshold: fewer quick wins.
    let quick_before = quick_wins(
        h.state().doc.plan(),
        &analyze(&fixture_plan("findings-demo.ron")),
    )
    .len();
    let quick_after = quick_wins(h.state().doc.plan(), h.state().derived.analysis()).len();
    assert!(quick_after < quick_before, "{quick_after} < {quick_before}");

    assert_eq!(h.state().doc.undo_len(), 1, "one edit, one undo step");
    h.state_mut().doc.undo();
    h.run();
    assert_eq!(h.state().doc.plan().method, before);
}

#[test]
fn each_finding_takes_one_line_so_many_fit_the_panel() {
    let mut h = panel_harness(fixture_plan("findings-demo.ron"));
    h.run();
    let findings = h.state().analysis.findings.clone();
    let shown: Vec<_> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .take(8)
        .collect();
    assert!(shown.len() >= 4);
    for f in shown {
        let node = h.get_by_label(&f.message);
        assert!(node.rect().height() < 24.0, "{} wraps", f.code);
    }
}
