//! Benchmarks on generated plans of 1,000 and 10,000 steps: loading with
//! validation (and the RON parser alone on the same text), saving, the method's analysis, the roadmap suggestion, the
//! Markdown export, and one edit with its undo.
//!
//! Run with `cargo bench --bench plan`; add
//! `-- --warm-up-time 1 --measurement-time 3` for a quick pass.

use automap::edit::{Document, Edit};
use automap::model::Plan;
use automap::testing::generate_plan;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Plan sizes measured: (workflows, steps per workflow).
const SIZES: [(usize, usize); 2] = [(20, 50), (200, 50)];
const SEED: u64 = 2026;

fn plans() -> Vec<(usize, Plan)> {
    SIZES
        .iter()
        .map(|&(w, m)| (w * m, generate_plan(w, m, SEED)))
        .collect()
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_validate");
    for (steps, plan) in plans() {
        let text = automap::storage::to_ron(&plan);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(steps), &text, |b, text| {
            b.iter(|| automap::storage::from_str(black_box(text), "plan.ron"))
        });
        // What Open does: read the file, stamp it (to notice later changes
        // on disk), parse and check it.
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(format!("plan-{steps}.ron"));
        std::fs::write(&path, &text).expect("written");
        group.bench_with_input(BenchmarkId::new("from_file", steps), &path, |b, path| {
            b.iter(|| automap::storage::load(black_box(path)).expect("loads"))
        });
        // The RON parser alone, with the options the loader uses, on the same
        // text: the floor for `from_str`, which adds the unknown-field
        // notices and the file checks (target: at most 1.15 times this).
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .with_recursion_limit(automap::storage::MAX_NESTING);
        group.bench_with_input(BenchmarkId::new("ron_parse", steps), &text, |b, text| {
            b.iter(|| options.from_str::<Plan>(black_box(text)).expect("parses"))
        });
        // The file checks alone, on the plan already read.
        group.bench_with_input(
            BenchmarkId::new("validate_only", steps),
            &plan,
            |b, plan| b.iter(|| automap::storage::validate(black_box(plan))),
        );
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("save");
    for (steps, plan) in plans() {
        // Serialising alone.
        group.bench_with_input(BenchmarkId::new("to_ron", steps), &plan, |b, plan| {
            b.iter(|| automap::storage::to_ron(black_box(plan)))
        });
        // What Save does: serialise, write a temporary file, sync, keep a backup, rename.
        let path = dir.path().join(format!("plan-{steps}.ron"));
        group.bench_with_input(BenchmarkId::new("atomic_file", steps), &plan, |b, plan| {
            b.iter(|| automap::storage::save(black_box(plan), &path).expect("saved"))
        });
    }
    group.finish();
}

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    for (steps, plan) in plans() {
        group.bench_with_input(BenchmarkId::from_parameter(steps), &plan, |b, plan| {
            b.iter(|| automap::analysis::analyze(black_box(plan)))
        });
    }
    group.finish();
}

fn roadmap(c: &mut Criterion) {
    let mut group = c.benchmark_group("roadmap_suggest");
    for (steps, plan) in plans() {
        // The app keeps the analysis cached; the suggestion is what a click on "Suggest" costs.
        let analysis = automap::analysis::analyze(&plan);
        group.bench_with_input(BenchmarkId::from_parameter(steps), &plan, |b, plan| {
            b.iter(|| automap::roadmap::suggest(black_box(plan), &analysis))
        });
    }
    group.finish();
}

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export_markdown");
    for (steps, plan) in plans() {
        // The whole export as the command line runs it, analysis included.
        group.bench_with_input(BenchmarkId::from_parameter(steps), &plan, |b, plan| {
            b.iter(|| automap::export::markdown(black_box(plan)))
        });
    }
    group.finish();
}

fn edit_undo(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_undo");
    for (steps, plan) in plans() {
        // Rename a step in the last workflow (the slowest to find), then undo.
        let Some(wf) = plan.workflows.last() else {
            continue;
        };
        let Some(original) = wf.steps.get(wf.steps.len() / 2) else {
            continue;
        };
        let wf_id = wf.id;
        let mut renamed = original.clone();
        renamed.title.push_str(" (checked)");
        let mut doc = Document::new(plan.clone());
        group.bench_function(BenchmarkId::from_parameter(steps), |b| {
            b.iter(|| {
                doc.apply(
                    "Rename step",
                    Edit::SetStep {
                        wf: wf_id,
                        step: Box::new(renamed.clone()),
                    },
                )
                .expect("the step exists");
                black_box(doc.undo())
            })
        });
        assert_eq!(doc.plan(), &plan, "every edit was undone");
    }
    group.finish();
}

criterion_group!(benches, load, save, analysis, roadmap, export, edit_undo);
criterion_main!(benches);
