//! The whole workflow as an SVG image, written by hand (no viewport: every step).

use std::fmt::Write as _;

use egui::{Color32, Rect};

use super::draw::{border_of, fill_of};
use super::shape::{arrow_curve, bezier_point, corner_radius, node_size, outline};
use crate::model::{StepKind, Workflow};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn hex(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

/// Split a title into at most three lines of about `width` characters.
fn wrap(title: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in title.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > 3 {
        lines.truncate(3);
        if let Some(l) = lines.last_mut() {
            l.push('…');
        }
    }
    lines
}

/// Render a workflow as a standalone SVG document.
pub fn workflow_svg(w: &Workflow) -> String {
    let rects: Vec<Rect> = w
        .steps
        .iter()
        .map(|s| {
            let c = egui::pos2(s.pos.x, s.pos.y);
            let c = if c.is_finite() { c } else { egui::Pos2::ZERO };
            Rect::from_center_size(c, node_size(s.kind))
        })
        .collect();
    let mut bounds = rects.iter().fold(Rect::NOTHING, |a, r| a.union(*r));
    if !bounds.is_positive() {
        bounds = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(200.0, 100.0));
    }
    let bounds = bounds.expand2(egui::vec2(40.0, 200.0));
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="{}" height="{}" font-family="sans-serif">"#,
        bounds.min.x,
        bounds.min.y,
        bounds.width(),
        bounds.height(),
        bounds.width().ceil(),
        bounds.height().ceil()
    );
    let _ = writeln!(s, "<title>{}</title>", esc(&w.name));
    let _ = writeln!(
        s,
        r##"<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6a6a6a"/></marker></defs>"##
    );
    let _ = writeln!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#f6f6f6"/>"##,
        bounds.min.x,
        bounds.min.y,
        bounds.width(),
        bounds.height()
    );
    let index: std::collections::HashMap<_, _> = w
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| (st.id, i))
        .collect();
    for l in &w.links {
        let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) else {
            continue;
        };
        let c = arrow_curve(rects[a], rects[b]);
        let _ = writeln!(
            s,
            r##"<path d="M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="none" stroke="#6a6a6a" stroke-width="1.5" marker-end="url(#head)"/>"##,
            c[0].x, c[0].y, c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y
        );
        if !l.label.is_empty() {
            let m = bezier_point(&c, 0.5);
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" dominant-baseline="middle" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
                m.x,
                m.y,
                esc(&l.label)
            );
        }
    }
    for (st, r) in w.steps.iter().zip(&rects) {
        let fill = hex(fill_of(st));
        let stroke = hex(border_of(st.kind));
        match st.kind {
            StepKind::Decision | StepKind::Exception => {
                let pts: Vec<String> = outline(st.kind, *r)
                    .iter()
                    .map(|p| format!("{:.1},{:.1}", p.x, p.y))
                    .collect();
                let _ = writeln!(
                    s,
                    r#"<polygon points="{}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>"#,
                    pts.join(" ")
                );
            }
            k => {
                let rad = corner_radius(k, *r);
                let _ = writeln!(
                    s,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{rad:.1}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>"#,
                    r.min.x,
                    r.min.y,
                    r.width(),
                    r.height()
                );
            }
        }
        let width = if st.kind == StepKind::Decision {
            16
        } else {
            22
        };
        let lines = wrap(&st.title, width);
        let n = lines.len() as f32;
        for (k, line) in lines.iter().enumerate() {
            let y = r.center().y + (k as f32 - (n - 1.0) / 2.0) * 15.0;
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="13" text-anchor="middle" dominant-baseline="middle" fill="#22242a">{}</text>"##,
                r.center().x,
                y,
                esc(line)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Pos, Step, StepId};

    #[test]
    fn svg_holds_every_step_and_escapes_text() {
        let w = Workflow {
            name: "A <b> & c".into(),
            steps: vec![
                Step::new(
                    StepId(1),
                    StepKind::Decision,
                    "In stock?",
                    Pos::new(0.0, 0.0),
                ),
                Step::new(
                    StepId(2),
                    StepKind::Task,
                    "Pick & pack",
                    Pos::new(5000.0, 0.0),
                ),
            ],
            links: vec![Link::labelled(StepId(1), StepId(2), "yes")],
            ..Workflow::default()
        };
        let svg = workflow_svg(&w);
        assert!(svg.contains("In stock?"));
        assert!(svg.contains("Pick &amp; pack"));
        assert!(svg.contains("A &lt;b&gt; &amp; c"));
        assert!(svg.contains(">yes<"));
        assert!(!svg.contains("<b>"));
    }
}
