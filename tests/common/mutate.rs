//! Byte-level damage for the fuzz tests: cut, delete, insert a token, flip a
//! byte, repeat a stretch.

use proptest::prelude::*;

/// Pieces of RON (and of broken RON) to insert into plan texts.
pub const RON_TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "-",
    "1e999",
    "NaN",
    "inf",
    "-1",
    "Some(",
    "None",
    "r#\"",
    "#",
    "/*",
    "//",
    "\n",
    "99999999999999999999",
    "0x",
    "'",
    "é",
    "\u{feff}",
    "\0",
    "format_version: 9",
    "id: 1",
    "from: 1, to: 1",
    "kind: Robot",
    "true",
    "()",
    "[]",
    "*/",
    "workflows: [",
    "steps: []",
];

#[derive(Debug, Clone)]
pub enum Mutation {
    Truncate(prop::sample::Index),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Byte(prop::sample::Index, u8),
    Duplicate(prop::sample::Index, usize),
}

/// A random mutation inserting one of `tokens` or repeating up to `max_repeat` bytes.
pub fn mutation(
    tokens: &'static [&'static str],
    max_repeat: usize,
) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        (any::<prop::sample::Index>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), prop::sample::select(tokens))
            .prop_map(|(i, t)| Mutation::Insert(i, t.to_owned())),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Byte(i, b)),
        (any::<prop::sample::Index>(), 1..max_repeat).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

pub fn mutate_bytes(mut bytes: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let len = bytes.len().max(1);
        match m {
            Mutation::Truncate(i) => bytes.truncate(i.index(len)),
            Mutation::Delete(i, n) => {
                let a = i.index(len).min(bytes.len());
                let b = (a + n).min(bytes.len());
                bytes.drain(a..b);
            }
            Mutation::Insert(i, t) => {
                let a = i.index(len).min(bytes.len());
                bytes.splice(a..a, t.bytes());
            }
            Mutation::Byte(i, b) => {
                if let Some(x) = bytes.get_mut(i.index(len)) {
                    *x = *b;
                }
            }
            Mutation::Duplicate(i, n) => {
                let a = i.index(len).min(bytes.len());
                let b = (a + n).min(bytes.len());
                let part = bytes.get(a..b).map(<[u8]>::to_vec).unwrap_or_default();
                bytes.splice(b..b, part);
            }
        }
    }
    bytes
}
