//! Import timings: a spreadsheet of 10,000 rows, a checklist of 10,000 lines,
//! and the Mermaid of a generated plan's export read back.
//!
//! Run with `cargo bench --bench import`; add
//! `-- --warm-up-time 1 --measurement-time 3` for a quick pass.

use automap::testing::generate_plan;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const ROWS: usize = 10_000;

fn spreadsheet() -> String {
    let mut text = String::from("Task;Who;Tool;How often;Time;Automate?;Notes\n");
    for k in 0..ROWS {
        text.push_str(&format!(
            "\"Step {k}, checked\";Sam;Shopify;{}/day;{} min;{};\"Notes; with a separator\"\n",
            k % 50 + 1,
            k % 9 + 1,
            if k % 3 == 0 { "yes" } else { "" }
        ));
    }
    text
}

fn checklist() -> String {
    let mut text = String::from("# Big checklist\n");
    for k in 0..ROWS {
        let indent = if k % 5 == 4 { "  " } else { "" };
        text.push_str(&format!("{indent}- [ ] Step {k}\n"));
    }
    text
}

fn imports(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    let csv = spreadsheet();
    group.throughput(Throughput::Bytes(csv.len() as u64));
    group.bench_function("csv_10000_rows", |b| {
        b.iter(|| automap::import::import_text(black_box(&csv), "csv", "Big").expect("imports"))
    });
    let list = checklist();
    group.throughput(Throughput::Bytes(list.len() as u64));
    group.bench_function("checklist_10000_lines", |b| {
        b.iter(|| automap::import::import_text(black_box(&list), "md", "Big").expect("imports"))
    });
    // 20 workflows of 100 steps: every diagram is drawn (under the export's 150-step cap).
    let md = automap::export::markdown(&generate_plan(20, 100, 2026));
    group.throughput(Throughput::Bytes(md.len() as u64));
    group.bench_function("mermaid_export_2000_steps", |b| {
        b.iter(|| automap::import::import_text(black_box(&md), "md", "Back").expect("imports"))
    });
    group.finish();
}

criterion_group!(benches, imports);
criterion_main!(benches);
