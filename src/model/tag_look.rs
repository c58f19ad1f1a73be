//! How each tag looks, shared by the map, images and the Markdown export so
//! that a team sees the same colours everywhere. Colours are tints of the
//! Okabe–Ito palette (told apart with the common kinds of colour blindness),
//! and each tag also has its own symbol and border, so colour is never the
//! only cue.

use super::Tag;

/// Colours as `[r, g, b]`.
pub type Rgb = [u8; 3];

impl Tag {
    /// Box fill.
    pub fn fill_rgb(self) -> Rgb {
        match self {
            // Bluish green.
            Tag::Automate => [0xc4, 0xe8, 0xdb],
            // Orange.
            Tag::KeepManual => [0xfb, 0xd9, 0xa6],
            // White, with a dashed border: nothing decided yet.
            Tag::Undecided => [0xfc, 0xfc, 0xfa],
        }
    }

    /// Border and symbol colour.
    pub fn ink_rgb(self) -> Rgb {
        match self {
            Tag::Automate => [0x00, 0x6b, 0x4e],
            Tag::KeepManual => [0x8a, 0x4b, 0x00],
            Tag::Undecided => [0x5b, 0x60, 0x6b],
        }
    }

    /// The symbol on the box's tag badge.
    pub fn symbol(self) -> &'static str {
        match self {
            Tag::Automate => "⚙",
            Tag::KeepManual => "✋",
            Tag::Undecided => "?",
        }
    }

    /// `#rrggbb` of a colour, for SVG and Mermaid.
    pub fn hex(rgb: Rgb) -> String {
        format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
    }
}
