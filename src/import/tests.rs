use super::*;
use crate::model::{Period, StepKind, Tag};

fn import(text: &str, ext: &str) -> Imported {
    import_text(text, ext, "Test").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn formats_are_told_apart_by_extension_and_content() {
    assert_eq!(detect("Step,Owner\nPack,Sam\n", "csv"), Format::Table);
    assert_eq!(detect("Step\tOwner\nPack\tSam\n", ""), Format::Table);
    assert_eq!(detect("flowchart LR\n a --> b\n", ""), Format::Mermaid);
    assert_eq!(
        detect("# Shop\n\n```mermaid\nflowchart LR\n a --> b\n```\n", "md"),
        Format::Mermaid
    );
    assert_eq!(
        detect("- Pack\n- Ship, with care\n", "md"),
        Format::Checklist
    );
    assert_eq!(detect("Pack\nShip\n", "txt"), Format::Checklist);
    assert_eq!(detect("Pack, then ship\nRest\n", ""), Format::Checklist);
}

#[test]
fn a_spreadsheet_becomes_a_chain_with_its_numbers() {
    let i = import(
        "\u{feff}Task;Who;Tool;How often;Time;Automate?\nOrder placed;Customer;Shopify;40/day;;\nPack order;Sam;;40/day;\"1,5 h\";no\nSend tracking;Dana;Shopify;twice a week;15 min;yes\n",
        "csv",
    );
    assert_eq!(i.format, Some(Format::Table));
    let w = &i.workflows[0];
    assert_eq!(w.name, "Test");
    assert_eq!(w.steps.len(), 3);
    assert_eq!(w.steps[1].owner, "Sam");
    assert_eq!(w.steps[1].minutes, 90.0);
    assert_eq!(w.steps[1].tag, Tag::KeepManual);
    assert_eq!(w.steps[2].frequency.count, 2.0);
    assert_eq!(w.steps[2].frequency.per, Period::Week);
    assert_eq!(w.steps[2].tag, Tag::Automate);
    assert_eq!(w.links.len(), 2);
    assert!(
        w.steps[1].pos.x > w.steps[0].pos.x,
        "laid out left to right"
    );
}

#[test]
fn a_next_column_gives_branches_with_labels() {
    let i = import(
        "Step,Kind,Next\nOrder placed,trigger,\nIn stock?,decision,yes: Pack; no: Email customer\nEmail customer,exception,-\nPack,,\nDone,end,\n",
        "csv",
    );
    let w = &i.workflows[0];
    let arrows: Vec<(u32, u32, &str)> = w
        .links
        .iter()
        .map(|l| (l.from.0, l.to.0, l.label.as_str()))
        .collect();
    assert_eq!(
        arrows,
        [(1, 2, ""), (2, 4, "yes"), (2, 3, "no"), (4, 5, "")]
    );
    assert_eq!(w.steps[2].kind, StepKind::Exception);
}

#[test]
fn errors_name_the_place_and_the_fix() {
    let e = import_text("Step,Minutes\nPack,soon\n", "csv", "x").unwrap_err();
    assert_eq!(e.position(), Some((2, Some(6))));
    assert!(e.to_string().contains("\"soon\""), "{e}");
    assert!(e.to_string().contains("15 min"), "{e}");
    let e = import_text("Step,Next\nPack,Nowhere\n", "csv", "x").unwrap_err();
    assert_eq!(e.position(), Some((2, Some(6))));
    let e = import_text("Cost,Price\n1,2\n", "csv", "x").unwrap_err();
    assert!(e.to_string().contains("Title, Step or Task"), "{e}");
    assert_eq!(import_text(" \n\n", "csv", "x"), Err(ImportError::Empty));
    assert_eq!(
        import_bytes(b"(name: \"x\")", Path::new("shop.RON")),
        Err(ImportError::AlreadyAPlan)
    );
    assert!(matches!(
        import_bytes(b"Step\nab\0cd", Path::new("x.csv")),
        Err(ImportError::NotText { line: 2, column: 3 })
    ));
    assert!(matches!(
        import_bytes(b"Step\n\xff\xfe", Path::new("x.csv")),
        Err(ImportError::NotText { line: 2, column: 1 })
    ));
}

#[test]
fn imported_workflows_get_ids_free_in_the_plan_in_one_edit() {
    let mut plan = templates::plan("order-fulfillment").unwrap();
    let before = plan.clone();
    let i = import("- a\n- b\n", "md");
    let edit = i.insert_edit(&plan);
    let undo = crate::edit::apply(&mut plan, edit).unwrap();
    assert_eq!(plan.workflows.len(), 2);
    let new = &plan.workflows[1];
    assert!(new.steps.iter().all(|s| before.find_step(s.id).is_none()));
    assert_eq!(new.links[0].from, new.steps[0].id);
    crate::edit::apply(&mut plan, undo).unwrap();
    assert_eq!(plan, before);
}

#[test]
fn the_file_name_names_the_workflow() {
    let i = import_bytes(b"- a\n- b\n", Path::new("/x/packing-list_v2.txt")).unwrap();
    assert_eq!(i.workflows[0].name, "Packing list v2");
}
