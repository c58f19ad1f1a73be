//! The bundled templates: each opens as a valid plan, maps its workflow with
//! owners, systems and numbers a small shop would recognise, and has no error
//! findings.

use automap::import::templates::{self, TEMPLATES};
use automap::model::{StepKind, Tag};
use automap::storage;

#[test]
fn every_template_is_a_valid_plan_without_error_findings() {
    for t in TEMPLATES {
        let plan = t.plan().unwrap_or_else(|e| panic!("{}: {e}", t.name));
        let problems = storage::validate(&plan);
        assert!(problems.is_empty(), "{}: {problems:?}", t.name);
        // What is written is what opens.
        let text = storage::to_ron(&plan);
        let again = storage::from_str(&text, "t.ron").unwrap_or_else(|e| panic!("{}: {e}", t.name));
        assert_eq!(again.plan, plan, "{}", t.name);
        let analysis = automap::analysis::analyze(&plan);
        let errors: Vec<_> = analysis
            .findings()
            .iter()
            .filter(|f| f.severity == automap::analysis::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", t.name);
    }
}

#[test]
fn every_template_maps_a_small_shop() {
    for t in TEMPLATES.iter().filter(|t| t.name != "whole-shop") {
        let plan = t.plan().unwrap();
        assert_eq!(plan.workflows.len(), 1, "{}", t.name);
        let w = &plan.workflows[0];
        let kinds = |k: StepKind| w.steps.iter().filter(|s| s.kind == k).count();
        assert_eq!(kinds(StepKind::Trigger), 1, "{}: one trigger", t.name);
        assert!(kinds(StepKind::End) >= 1, "{}: an end", t.name);
        assert!(kinds(StepKind::Decision) >= 1, "{}: a decision", t.name);
        assert!(kinds(StepKind::Exception) >= 1, "{}: an exception", t.name);
        for s in w.steps.iter().filter(|s| s.kind != StepKind::End) {
            assert!(
                !s.owner.is_empty(),
                "{}: '{}' has no owner",
                t.name,
                s.title
            );
            assert!(
                !s.system.is_empty(),
                "{}: '{}' has no system",
                t.name,
                s.title
            );
            assert!(
                s.frequency.count > 0.0,
                "{}: '{}' has no frequency",
                t.name,
                s.title
            );
        }
        // Decisions label each answer.
        for d in w.steps.iter().filter(|s| s.kind == StepKind::Decision) {
            let labelled = w
                .links
                .iter()
                .filter(|l| l.from == d.id && !l.label.trim().is_empty())
                .count();
            assert!(
                labelled >= 2,
                "{}: '{}' needs two labelled answers",
                t.name,
                d.title
            );
        }
        // Nothing is automated for the owner: that is their decision.
        assert!(w.steps.iter().all(|s| s.tag != Tag::Automate), "{}", t.name);
        // Hours a team of one to five can carry: under 40 manual hours a week.
        let hours: f64 = w.steps.iter().map(|s| s.manual_hours_per_week()).sum();
        assert!(
            (1.0..40.0).contains(&hours),
            "{}: {hours:.1} h/week",
            t.name
        );
        // Steps do not sit on top of each other.
        let mut places: Vec<(i64, i64)> = w
            .steps
            .iter()
            .map(|s| (s.pos.x as i64, s.pos.y as i64))
            .collect();
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), w.steps.len(), "{}: steps overlap", t.name);
    }
}

#[test]
fn whole_shop_holds_every_other_template_with_unique_ids() {
    let whole = templates::plan("whole-shop").unwrap();
    let names: Vec<&str> = whole.workflows.iter().map(|w| w.name.as_str()).collect();
    for t in TEMPLATES.iter().filter(|t| t.name != "whole-shop") {
        let one = t.plan().unwrap();
        assert!(names.contains(&one.workflows[0].name.as_str()), "{names:?}");
    }
    assert_eq!(whole.workflows.len(), TEMPLATES.len() - 1);
    assert!(storage::validate(&whole).is_empty());
}

#[test]
fn templates_are_found_by_name_or_title() {
    assert!(templates::find("Order fulfillment").is_some());
    assert!(templates::find("whole_shop").is_some());
    assert!(templates::plan("no-such").is_err());
}
