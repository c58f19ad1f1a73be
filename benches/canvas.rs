//! Frames of the workflow map without a window: `Context::run_ui` plus
//! `tessellate`, on generated workflows of 1,000 and 10,000 steps, at 100 %
//! and zoomed to fit; the 10,000 steps again handed between 20 owners and
//! shown in lanes by owner (tidied into rows of lanes, as switching to lanes
//! does); a click hit-test; one frame of a drag. A baseline in the same run
//! paints the same visible shapes with bare painter calls, so the canvas's
//! own cost shows as a ratio.
//!
//! Run with `cargo bench --bench canvas`; add
//! `-- --warm-up-time 1 --measurement-time 3` for a quick pass. A summary of
//! medians and ratios is printed first.

use std::hint::black_box;
use std::time::Instant;

use automap::analysis::{Analysis, analyze};
use automap::edit::Document;
use automap::edit::layout::tidy_positions_in;
use automap::model::{LaneMode, Pos, WorkflowId};
use automap::testing::generate_plan;
use automap::ui::canvas::CanvasState;
use automap::ui::canvas::shape::{arrow_curve, node_size};
use automap::ui::commands::Command;
use criterion::{BenchmarkId, Criterion, criterion_group};
use egui::{Color32, Event, FontId, Pos2, RawInput, Rect, Stroke, pos2, vec2};

const SCREEN: egui::Vec2 = vec2(1600.0, 1000.0);
const SIZES: [usize; 2] = [1_000, 10_000];
/// Steps and owners of the workflow shown in lanes.
const LANED: (usize, usize) = (10_000, 20);
const WF: WorkflowId = WorkflowId(1);

/// One workflow of `n` steps, its long main line folded into rows of 60
/// columns so that a fitted view shows all of it, like a large real map.
fn document(n: usize) -> Document {
    let mut plan = generate_plan(1, n, 7);
    if let Some(w) = plan.workflows.first_mut() {
        for (i, s) in w.steps.iter_mut().enumerate() {
            s.pos = Pos::new(
                (i % 60) as f32 * 230.0,
                (i / 60) as f32 * 260.0 + (i % 3) as f32 * 40.0,
            );
        }
    }
    Document::new(plan)
}

/// One workflow of `n` steps handed between `owners` owners (four steps
/// each, the next owner seven lanes further round), shown in lanes by owner
/// and tidied into them for the bench's screen.
fn laned_document(n: usize, owners: usize) -> Document {
    let mut plan = generate_plan(1, n, 7);
    if let Some(w) = plan.workflows.first_mut() {
        for (i, s) in w.steps.iter_mut().enumerate() {
            s.owner = format!("Owner {}", (i / 4 * 7) % owners + 1);
        }
        w.lanes.by = LaneMode::Owner;
        for (id, p) in tidy_positions_in(w, (SCREEN.x, SCREEN.y)) {
            if let Some(s) = w.step_mut(id) {
                s.pos = p;
            }
        }
    }
    Document::new(plan)
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        events,
        ..Default::default()
    }
}

struct Bench {
    ctx: egui::Context,
    doc: Document,
    canvas: CanvasState,
    analysis: Analysis,
}

impl Bench {
    fn new(n: usize, fit: bool) -> Self {
        Self::of(document(n), fit)
    }

    /// The workflow of [`laned_document`].
    fn laned(fit: bool) -> Self {
        Self::of(laned_document(LANED.0, LANED.1), fit)
    }

    fn of(doc: Document, fit: bool) -> Self {
        let analysis = analyze(doc.plan());
        let mut b = Self {
            ctx: egui::Context::default(),
            doc,
            canvas: CanvasState::default(),
            analysis,
        };
        for _ in 0..3 {
            b.frame(vec![]);
        }
        let cmd = if fit {
            Command::ZoomToFit
        } else {
            Command::ZoomReset
        };
        b.canvas.execute(cmd, &mut b.doc, WF);
        for _ in 0..3 {
            b.frame(vec![]);
        }
        b
    }

    /// One frame: run the UI and tessellate what it painted.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        let Self {
            ctx,
            doc,
            canvas,
            analysis,
        } = self;
        let out = ctx.run_ui(input(events), |ui| {
            egui::CentralPanel::default().show(ui, |ui| canvas.show(ui, doc, WF, analysis));
        });
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    }

    /// The same visible steps and arrows painted with bare painter calls.
    fn baseline_frame(&mut self) -> usize {
        let world = self.canvas.visible_world().unwrap_or(Rect::EVERYTHING);
        let zoom = self.canvas.zoom();
        let Self { ctx, doc, .. } = self;
        let out = ctx.run_ui(input(vec![]), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let rect = ui.available_rect_before_wrap();
                let to_screen = |p: Pos2| rect.center() + (p - world.center()) * zoom;
                let painter = ui.painter_at(rect);
                let Some(w) = doc.plan().workflow(WF) else {
                    return;
                };
                let rects: Vec<Rect> = w
                    .steps
                    .iter()
                    .map(|s| Rect::from_center_size(pos2(s.pos.x, s.pos.y), node_size(s.kind)))
                    .collect();
                let by_id: std::collections::HashMap<_, _> =
                    w.steps.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
                let text = zoom >= automap::ui::canvas::draw::TEXT_ZOOM;
                for l in &w.links {
                    let (Some(&a), Some(&b)) = (by_id.get(&l.from), by_id.get(&l.to)) else {
                        continue;
                    };
                    if !rects[a].union(rects[b]).intersects(world) {
                        continue;
                    }
                    if text {
                        let c = arrow_curve(rects[a], rects[b]).map(to_screen);
                        painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
                            c,
                            false,
                            Color32::TRANSPARENT,
                            Stroke::new(1.4, Color32::GRAY),
                        ));
                        let d = (c[3] - c[2]).normalized() * 10.0 * zoom;
                        let n = vec2(-d.y, d.x) * 0.45;
                        painter.add(egui::Shape::convex_polygon(
                            vec![c[3], c[3] - d + n, c[3] - d - n],
                            Color32::GRAY,
                            Stroke::NONE,
                        ));
                        if !l.label.is_empty() {
                            let m = automap::ui::canvas::shape::bezier_point(&c, 0.5);
                            painter.rect_filled(
                                Rect::from_center_size(m, vec2(60.0, 14.0) * zoom),
                                4.0,
                                Color32::WHITE,
                            );
                            painter.text(
                                m,
                                egui::Align2::CENTER_CENTER,
                                &l.label,
                                FontId::proportional(11.5 * zoom),
                                Color32::BLACK,
                            );
                        }
                    } else {
                        painter.line_segment(
                            [to_screen(rects[a].center()), to_screen(rects[b].center())],
                            Stroke::new(1.0, Color32::GRAY),
                        );
                    }
                }
                for (s, r) in w.steps.iter().zip(&rects) {
                    if !r.intersects(world) {
                        continue;
                    }
                    let sr = Rect::from_min_max(to_screen(r.min), to_screen(r.max));
                    if !text {
                        painter.rect_filled(sr, 0.0, Color32::LIGHT_YELLOW);
                        continue;
                    }
                    let stroke = Stroke::new(1.3 * zoom, Color32::DARK_GRAY);
                    match s.kind {
                        automap::model::StepKind::Decision
                        | automap::model::StepKind::Exception => {
                            painter.add(egui::Shape::convex_polygon(
                                automap::ui::canvas::shape::outline(s.kind, sr),
                                Color32::LIGHT_YELLOW,
                                stroke,
                            ));
                        }
                        _ => {
                            painter.rect(
                                sr,
                                8.0 * zoom,
                                Color32::LIGHT_YELLOW,
                                stroke,
                                egui::StrokeKind::Inside,
                            );
                        }
                    }
                    let g = painter.layout(
                        s.title.clone(),
                        FontId::proportional(13.0 * zoom),
                        Color32::BLACK,
                        sr.width() - 18.0 * zoom,
                    );
                    painter.galley(sr.center() - g.size() * 0.5, g, Color32::BLACK);
                    painter.text(
                        sr.right_top(),
                        egui::Align2::RIGHT_BOTTOM,
                        "L1",
                        FontId::proportional(10.0),
                        Color32::BLUE,
                    );
                }
            });
        });
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    }

    /// Screen point of the middle of some visible step.
    fn a_visible_step(&mut self) -> Pos2 {
        let c = pos2(SCREEN.x * 0.5, SCREEN.y * 0.5);
        for dx in 0..40 {
            for dy in 0..40 {
                let p = c + vec2(dx as f32 * 7.0, dy as f32 * 7.0);
                if self.canvas.step_at(&self.doc, WF, p).is_some() {
                    return p;
                }
            }
        }
        c
    }

    /// Press on a step and move far enough that the drag has begun.
    fn start_drag(&mut self) -> Pos2 {
        let p = self.a_visible_step();
        self.frame(vec![Event::PointerMoved(p)]);
        self.frame(vec![Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Default::default(),
        }]);
        self.frame(vec![Event::PointerMoved(p + vec2(20.0, 0.0))]);
        self.frame(vec![Event::PointerMoved(p + vec2(30.0, 0.0))]);
        p
    }
}

fn median_ms(mut f: impl FnMut(), runs: usize) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(|a, b| a.total_cmp(b));
    t[t.len() / 2]
}

/// The medians of one case's canvas and baseline frames, printed with what
/// the frame draws and their ratio.
fn case(b: &mut Bench, what: &str, fit: bool) -> (f64, f64) {
    let canvas = median_ms(
        || {
            black_box(b.frame(vec![]));
        },
        300,
    );
    let base = median_ms(
        || {
            black_box(b.baseline_frame());
        },
        300,
    );
    // What the owner sees in that frame: titles where they are legible.
    let zoom = b.canvas.zoom();
    let drawn = match automap::ui::canvas::draw::lod(zoom) {
        automap::ui::canvas::draw::Lod::Full => "boxes with titles",
        automap::ui::canvas::draw::Lod::Shapes => "boxes only",
        automap::ui::canvas::draw::Lod::Blocks => "plain blocks",
    };
    println!(
        "  {what}, {:<12} zoom {:>3.0} %, {:>5} {drawn}: canvas {canvas:7.3} ms, baseline {base:7.3} ms, ratio {:.2}",
        if fit { "fit to view:" } else { "100 % view:" },
        zoom * 100.0,
        b.canvas.visible_count(),
        canvas / base.max(1e-9)
    );
    (canvas, base)
}

/// Medians of our own, with the canvas/baseline ratios.
fn summary() {
    println!(
        "canvas frame medians (run_ui + tessellate, {}x{} points):",
        SCREEN.x, SCREEN.y
    );
    let mut empty = Bench::new(0, false);
    let fixed = median_ms(
        || {
            black_box(empty.frame(vec![]));
        },
        200,
    );
    println!("  empty workflow (toolbar, palette, legend only): {fixed:7.3} ms");
    let mut plain = [0.0; 2];
    for n in SIZES {
        for fit in [false, true] {
            let (canvas, _) = case(&mut Bench::new(n, fit), &format!("{n:>6} steps"), fit);
            if n == LANED.0 {
                plain[usize::from(fit)] = canvas;
            }
        }
        let mut b = Bench::new(n, false);
        let p = b.a_visible_step();
        let hit = median_ms(
            || {
                black_box(b.canvas.step_at(&b.doc, WF, p));
            },
            2000,
        );
        let p = b.start_drag();
        let mut k = 0u32;
        let drag = median_ms(
            || {
                k += 1;
                let x = if k.is_multiple_of(2) { 30.0 } else { 36.0 };
                black_box(b.frame(vec![Event::PointerMoved(p + vec2(x, 0.0))]));
            },
            300,
        );
        println!(
            "  {n:>6} steps: click hit-test {:.4} ms, one drag frame {drag:.3} ms (undo steps: {})",
            hit,
            b.doc.undo_len()
        );
    }
    let started = Instant::now();
    let laned = laned_document(LANED.0, LANED.1);
    println!(
        "  {} steps tidied into {} owner lanes in {:.0} ms",
        LANED.0,
        LANED.1,
        started.elapsed().as_secs_f64() * 1000.0
    );
    drop(laned);
    for fit in [false, true] {
        let what = format!("{:>6} steps in {} owner lanes", LANED.0, LANED.1);
        let (canvas, _) = case(&mut Bench::laned(fit), &what, fit);
        println!(
            "    lanes against the same steps without lanes: ratio {:.2}",
            canvas / plain[usize::from(fit)].max(1e-9)
        );
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_frame");
    for n in SIZES {
        for fit in [false, true] {
            let name = if fit { "fit" } else { "zoom1" };
            let mut b = Bench::new(n, fit);
            group.bench_function(BenchmarkId::new(format!("canvas_{name}"), n), |bn| {
                bn.iter(|| b.frame(vec![]))
            });
            group.bench_function(BenchmarkId::new(format!("baseline_{name}"), n), |bn| {
                bn.iter(|| b.baseline_frame())
            });
        }
    }
    for fit in [false, true] {
        let name = if fit { "fit" } else { "zoom1" };
        let mut b = Bench::laned(fit);
        group.bench_function(BenchmarkId::new(format!("lanes_{name}"), LANED.0), |bn| {
            bn.iter(|| b.frame(vec![]))
        });
        group.bench_function(
            BenchmarkId::new(format!("lanes_baseline_{name}"), LANED.0),
            |bn| bn.iter(|| b.baseline_frame()),
        );
    }
    group.finish();
}

fn interaction(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_interaction");
    for n in SIZES {
        let mut b = Bench::new(n, false);
        let p = b.a_visible_step();
        group.bench_function(BenchmarkId::new("hit_test", n), |bn| {
            bn.iter(|| b.canvas.step_at(&b.doc, WF, black_box(p)))
        });
        let p = b.start_drag();
        let mut k = 0u32;
        group.bench_function(BenchmarkId::new("drag_frame", n), |bn| {
            bn.iter(|| {
                k += 1;
                let x = if k.is_multiple_of(2) { 30.0 } else { 36.0 };
                b.frame(vec![Event::PointerMoved(p + vec2(x, 0.0))])
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames, interaction);

fn main() {
    summary();
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
