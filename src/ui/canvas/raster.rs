//! The whole workflow as a PNG image: the map's own shapes, tessellated by
//! egui and filled on the CPU (no window or GPU needed), then written as PNG
//! by our code (uncompressed deflate blocks).

use std::collections::HashSet;

use egui::epaint::{ClippedShape, Primitive, TessellationOptions, Tessellator};
use egui::{Color32, Pos2, Rect, TextureId, vec2};

use super::camera::Camera;
use super::draw::{MapView, map_shapes};
use super::index::SpatialIndex;
use crate::analysis::Analysis;
use crate::model::Workflow;
use crate::ui::Selection;

/// Longest side of an exported image, in pixels.
pub const MAX_SIDE: f32 = 8000.0;
const BACKGROUND: Color32 = Color32::from_rgb(0xf6, 0xf6, 0xf6);

/// An RGBA image, row by row.
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<[f32; 4]>,
}

/// Draw every step and arrow of `w` at 100 % (smaller if the image would be
/// too large) and return the pixels.
pub fn render(ctx: &egui::Context, w: &Workflow, analysis: &Analysis) -> Image {
    let mut index = SpatialIndex::default();
    index.rebuild(w, 0);
    let bounds = if index.bounds.is_positive() {
        index.bounds.expand2(vec2(40.0, 200.0))
    } else {
        Rect::from_min_size(Pos2::ZERO, vec2(200.0, 100.0))
    };
    let zoom = (MAX_SIDE / bounds.width().max(bounds.height())).min(1.0);
    let size = (bounds.size() * zoom).ceil();
    let viewport = Rect::from_min_size(Pos2::ZERO, size);
    let cam = Camera {
        center: bounds.center(),
        zoom,
    };
    let painter = egui::Painter::new(ctx.clone(), egui::LayerId::background(), viewport);
    let visible: Vec<u32> = (0..w.steps.len() as u32).collect();
    let links: Vec<usize> = (0..w.links.len()).collect();
    let matches = HashSet::new();
    let marks = std::collections::HashMap::new();
    let selection = Selection::default();
    let view = MapView {
        painter: &painter,
        viewport,
        cam,
        wf: w,
        index: &index,
        visible: &visible,
        analysis,
        selection: &selection,
        hovered: None,
        hovered_link: None,
        matches: &matches,
        finding_marks: &marks,
        dark: false,
        renaming: None,
    };
    let shapes: Vec<ClippedShape> = map_shapes(&view, &links)
        .into_iter()
        .map(|shape| ClippedShape {
            clip_rect: viewport,
            shape,
            transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
        })
        .collect();
    // Text laid out above may have added glyphs: read the atlas afterwards.
    let (font, font_size) = ctx.fonts(|f| (f.image(), f.font_image_size()));
    let mut tess = Tessellator::new(1.0, TessellationOptions::default(), font_size, Vec::new());
    let prims = tess.tessellate_shapes(shapes);

    let (width, height) = (size.x as usize, size.y as usize);
    let bg = [
        BACKGROUND.r() as f32 / 255.0,
        BACKGROUND.g() as f32 / 255.0,
        BACKGROUND.b() as f32 / 255.0,
        1.0,
    ];
    let mut img = Image {
        width,
        height,
        rgba: vec![bg; width * height],
    };
    for p in prims {
        let Primitive::Mesh(mesh) = p.primitive else {
            continue;
        };
        let textured = mesh.texture_id == TextureId::default();
        for t in mesh.indices.chunks_exact(3) {
            let (Some(a), Some(b), Some(c)) = (
                mesh.vertices.get(t[0] as usize),
                mesh.vertices.get(t[1] as usize),
                mesh.vertices.get(t[2] as usize),
            ) else {
                continue;
            };
            fill_triangle(&mut img, [a, b, c], textured.then_some(&font));
        }
    }
    img
}

fn to_f(c: Color32) -> [f32; 4] {
    [
        c.r() as f32 / 255.0,
        c.g() as f32 / 255.0,
        c.b() as f32 / 255.0,
        c.a() as f32 / 255.0,
    ]
}

/// Fill one triangle (premultiplied colours) with "over" blending.
fn fill_triangle(img: &mut Image, v: [&egui::epaint::Vertex; 3], tex: Option<&egui::ColorImage>) {
    let [p0, p1, p2] = [v[0].pos, v[1].pos, v[2].pos];
    let area = (p1.x - p0.x) * (p2.y - p0.y) - (p2.x - p0.x) * (p1.y - p0.y);
    if area.abs() < 1e-6 || !area.is_finite() {
        return;
    }
    let min_x = p0.x.min(p1.x).min(p2.x).floor().max(0.0) as usize;
    let min_y = p0.y.min(p1.y).min(p2.y).floor().max(0.0) as usize;
    let max_x = (p0.x.max(p1.x).max(p2.x).ceil() as usize).min(img.width);
    let max_y = (p0.y.max(p1.y).max(p2.y).ceil() as usize).min(img.height);
    let cols = [to_f(v[0].color), to_f(v[1].color), to_f(v[2].color)];
    for y in min_y..max_y {
        for x in min_x..max_x {
            let p = Pos2::new(x as f32 + 0.5, y as f32 + 0.5);
            let w0 = ((p1.x - p.x) * (p2.y - p.y) - (p2.x - p.x) * (p1.y - p.y)) / area;
            let w1 = ((p2.x - p.x) * (p0.y - p.y) - (p0.x - p.x) * (p2.y - p.y)) / area;
            let w2 = 1.0 - w0 - w1;
            if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                continue;
            }
            let mut src = [0.0f32; 4];
            for (k, s) in src.iter_mut().enumerate() {
                *s = cols[0][k] * w0 + cols[1][k] * w1 + cols[2][k] * w2;
            }
            if let Some(t) = tex {
                let u = v[0].uv.x * w0 + v[1].uv.x * w1 + v[2].uv.x * w2;
                let vv = v[0].uv.y * w0 + v[1].uv.y * w1 + v[2].uv.y * w2;
                let tx = ((u * t.size[0] as f32) as usize).min(t.size[0].saturating_sub(1));
                let ty = ((vv * t.size[1] as f32) as usize).min(t.size[1].saturating_sub(1));
                let tc = t
                    .pixels
                    .get(ty * t.size[0] + tx)
                    .copied()
                    .unwrap_or(Color32::WHITE);
                let tc = to_f(tc);
                for k in 0..4 {
                    src[k] *= tc[k];
                }
            }
            if let Some(d) = img.rgba.get_mut(y * img.width + x) {
                let a = src[3];
                for k in 0..4 {
                    d[k] = src[k] + d[k] * (1.0 - a);
                }
            }
        }
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut c = Vec::with_capacity(4 + data.len());
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    out.extend_from_slice(&c);
    out.extend_from_slice(&crc32(&c).to_be_bytes());
}

/// Encode as an 8-bit RGB PNG.
pub fn encode_png(img: &Image) -> Vec<u8> {
    let mut raw = Vec::with_capacity((img.width * 3 + 1) * img.height);
    for row in img.rgba.chunks(img.width.max(1)) {
        raw.push(0); // no filter
        for p in row {
            for &c in &p[..3] {
                raw.push((c.clamp(0.0, 1.0) * 255.0 + 0.5) as u8);
            }
        }
    }
    // zlib stream of stored blocks.
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    if blocks.is_empty() {
        z.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = b.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(b);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + x as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());

    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&(img.width as u32).to_be_bytes());
    ihdr.extend_from_slice(&(img.height as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The whole workflow as PNG bytes.
pub fn workflow_png(ctx: &egui::Context, w: &Workflow, analysis: &Analysis) -> Vec<u8> {
    encode_png(&render(ctx, w, analysis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_has_signature_and_known_crc() {
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
        let img = Image {
            width: 2,
            height: 1,
            rgba: vec![[1.0, 0.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]],
        };
        let png = encode_png(&img);
        assert_eq!(&png[..8], &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]);
        assert!(png.ends_with(&[0xae, 0x42, 0x60, 0x82]));
    }
}
