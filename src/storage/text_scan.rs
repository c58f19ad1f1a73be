//! A light pass over plan text that knows RON's strings and comments: where
//! the comments are (a save does not keep them), how deep the brackets go (to
//! explain a refusal with the real depth), and whether the text is a plan at
//! all (a Markdown file passed by mistake).

/// What the scan found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextScan {
    /// Line (1-based) of the start of every comment, in order.
    pub comment_lines: Vec<usize>,
    /// Deepest nesting of round and square brackets outside strings and comments.
    pub max_depth: usize,
}

/// Scan `text` once. Never fails: an unclosed string or comment simply runs
/// to the end of the text.
pub fn scan(text: &str) -> TextScan {
    let bytes = text.as_bytes();
    let mut out = TextScan::default();
    let mut line = 1;
    let mut depth = 0usize;
    let mut i = 0;
    let newlines = |from: usize, to: usize| {
        bytes
            .get(from..to.min(bytes.len()))
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count())
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                out.comment_lines.push(line);
                i = memchr::memchr(b'\n', bytes.get(i..).unwrap_or_default())
                    .map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                out.comment_lines.push(line);
                let end = block_comment_end(bytes, i);
                line += newlines(i, end);
                i = end;
            }
            b'"' => {
                let end = string_end(bytes, i + 1, b'"');
                line += newlines(i, end);
                i = end;
            }
            b'\'' => {
                let end = string_end(bytes, i + 1, b'\'');
                line += newlines(i, end);
                i = end;
            }
            b'r' if is_raw_string_start(bytes, i) => {
                let end = raw_string_end(bytes, i + 1);
                line += newlines(i, end);
                i = end;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                out.max_depth = out.max_depth.max(depth);
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Index just after the closing quote (or the end), skipping `\x` escapes.
fn string_end(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while let Some(&b) = bytes.get(i) {
        if b == b'\\' {
            i += 2;
        } else if b == quote {
            return i + 1;
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// `r"…"` or `r#"…"#` starting at `i` (and not the end of a word like `bar`).
fn is_raw_string_start(bytes: &[u8], i: usize) -> bool {
    let after_word = i
        .checked_sub(1)
        .and_then(|p| bytes.get(p))
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    if after_word {
        return false;
    }
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    bytes.get(j) == Some(&b'"')
}

/// `i` is just after the `r`: count the hashes, find `"` + as many hashes.
fn raw_string_end(bytes: &[u8], mut i: usize) -> usize {
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while let Some(&b) = bytes.get(i) {
        if b == b'"' && (1..=hashes).all(|k| bytes.get(i + k) == Some(&b'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

/// Index after a `/* … */` comment starting at `i` (RON lets them nest).
fn block_comment_end(bytes: &[u8], mut i: usize) -> usize {
    let mut level = 0usize;
    while i < bytes.len() {
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'*')) => {
                level += 1;
                i += 2;
            }
            (Some(b'*'), Some(b'/')) => {
                level = level.saturating_sub(1);
                i += 2;
                if level == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The refusal of a text nested too deep, with the depth it really has
/// (the parser's own limit counts some brackets twice, so it is not a
/// number an owner could check).
pub fn too_deep(text: &str) -> String {
    format!(
        "the brackets are nested {} levels deep, deeper than Automap reads (a plan needs about 6)",
        scan(text).max_depth
    )
}

/// What a text that is not a plan looks like, for the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAPlan {
    /// A Markdown document (an exported plan, a README).
    Markdown,
    /// Anything else that does not start like RON.
    Other,
}

impl NotAPlan {
    /// The refusal in words.
    pub fn sentence(self) -> String {
        match self {
            NotAPlan::Markdown => "this is a Markdown document, not an Automap plan file (a plan is RON text that starts with a round bracket)".to_owned(),
            NotAPlan::Other => "this is not an Automap plan file (a plan is RON text that starts with a round bracket)".to_owned(),
        }
    }
}

/// `Some(..)` when the text cannot be a plan file: after blanks, comments and
/// `#![enable(..)]` lines, a plan starts with `(` (or a name and `(`).
/// Only asked once parsing failed, to explain the failure in plain words.
pub fn not_a_plan(text: &str) -> Option<NotAPlan> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.trim_start();
    let markdown = first.starts_with("# ")
        || first.starts_with("## ")
        || first.starts_with("---")
        || first.starts_with("```");
    let mut rest = first;
    loop {
        rest = rest.trim_start();
        if rest.starts_with("//") {
            rest = rest.find('\n').and_then(|n| rest.get(n..)).unwrap_or("");
        } else if rest.starts_with("/*") {
            let end = block_comment_end(rest.as_bytes(), 0);
            rest = rest.get(end..).unwrap_or("");
        } else if rest.starts_with("#![") {
            // An attribute line: RON, whatever follows.
            return None;
        } else {
            break;
        }
    }
    // Anything that starts like a RON value is left to the parser's own words
    // ("expected opening `(`" for a list, say): only other text is called
    // not a plan.
    let ron_start = rest.chars().next().is_none_or(|c| {
        c.is_alphanumeric() || matches!(c, '(' | '[' | '{' | '"' | '\'' | '-' | '+' | '.' | '_')
    });
    if ron_start && !markdown {
        return None;
    }
    Some(if markdown {
        NotAPlan::Markdown
    } else {
        NotAPlan::Other
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_strings_only() {
        let text = "// first\n(\n    name: \"a // not a comment /* nor this */\",\n    notes: r#\"raw \"// no\"#, /* one\n two */\n    x: '/', // last\n)\n";
        let s = scan(text);
        assert_eq!(s.comment_lines, vec![1, 4, 6]);
        assert_eq!(s.max_depth, 1);
    }

    #[test]
    fn depth_counts_brackets_not_brackets_in_text() {
        let text = "(a: [[(\"((((\")]], b: \"]]]]\")";
        assert_eq!(scan(text).max_depth, 4);
        assert_eq!(
            scan(&format!("({}{})", "[".repeat(16), "]".repeat(16))).max_depth,
            17
        );
    }

    #[test]
    fn markdown_and_other_text_is_told_apart_from_ron() {
        assert_eq!(not_a_plan("# My plan\n\nText"), Some(NotAPlan::Markdown));
        assert_eq!(not_a_plan("<html><body>"), Some(NotAPlan::Other));
        assert_eq!(not_a_plan("[1, 2, 3]"), None);
        assert_eq!(not_a_plan("// c\n/* d */ (name: \"x\")"), None);
        assert_eq!(not_a_plan("Plan (name: \"x\")"), None);
        assert_eq!(not_a_plan("#![enable(implicit_some)]\n(x: 1)"), None);
        assert_eq!(not_a_plan("(broken"), None);
    }
}
