//! Escaping of plan text for Markdown and Mermaid.
//!
//! Plan text is data, never markup: it must not end a table cell, start a list,
//! open a link, carry HTML, or leave the quoted label of a Mermaid node.

/// Characters that are removed: bidirectional overrides can disguise text.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Bytes that [`md`] copies as they are wherever they stand: letters,
/// digits and the punctuation Markdown never misreads here (brackets are
/// always escaped, so parentheses and "!" cannot form a link or an image).
/// Spaces, "." and ":" depend on their neighbours; everything else is looked
/// at one character at a time.
const MD_PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b',' | b';'
                    | b'\''
                    | b'"'
                    | b'-'
                    | b'+'
                    | b'='
                    | b'/'
                    | b'?'
                    | b'%'
                    | b'^'
                    | b'('
                    | b')'
                    | b'!'
            );
        b += 1;
    }
    t
};

/// Append `s` as inline GitHub-flavoured Markdown text: safe in a paragraph,
/// a heading, a list item and a table cell. Line breaks become spaces.
pub fn md(out: &mut String, s: &str) {
    let s = crate::text::trimmed(s);
    let bytes = s.as_bytes();
    let mut last_space = false;
    // Runs of plain ASCII are copied in one go; everything else goes one char at a time.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let plain = MD_PLAIN[usize::from(b)]
            || match b {
                b' ' => !last_space,
                b'.' => !(i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www")),
                b':' => !bytes[i + 1..].starts_with(b"//"),
                _ => false,
            };
        if plain {
            last_space = b == b' ';
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        run = i;
        if c.is_control() || c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        let at = i - c.len_utf8();
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Only where Markdown would misread: brackets could start a link
            // (so parentheses after them are harmless), a dollar sign could
            // open math unless a digit follows (a closing one never precedes
            // a digit), an underscore emphasises only at a word's edge, a
            // hash starts a heading only at the start of a line.
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '$' if !bytes.get(i).is_some_and(u8::is_ascii_digit) => out.push_str("\\$"),
            '_' if !(at > 0
                && bytes[at - 1].is_ascii_alphanumeric()
                && bytes.get(i).is_some_and(u8::is_ascii_alphanumeric)) =>
            {
                out.push_str("\\_");
            }
            '#' if at == 0 => out.push_str("\\#"),
            // Bare URLs would be turned into links: break "scheme://" and "www.".
            ':' if s[i..].starts_with("//") => out.push_str("\\:"),
            '.' if at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www") => out.push_str("\\."),
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out.push_str(&s[run..]);
}

/// [`md`] into a new string.
pub fn md_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    md(&mut out, s);
    out
}

/// Append `s` for use between the double quotes of a Mermaid label:
/// letters, digits, spaces and harmless punctuation stay, everything else
/// becomes a Mermaid entity (`#quot;`, `#35;` …), so no quote, bracket,
/// directive or markup survives. Line breaks become spaces.
pub fn mermaid_label(out: &mut String, s: &str) {
    let s = crate::text::trimmed(s);
    let mut last_space = false;
    // Runs of plain ASCII (letters, digits, single spaces, harmless marks)
    // are copied in one go; every other character is looked at on its own.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() {
            let plain = match bytes[i] {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => true,
                b'.' | b',' | b'-' | b'\'' | b'/' | b'?' | b'!' | b'+' | b'(' | b')' | b'=' => true,
                b' ' => !last_space,
                _ => false,
            };
            if !plain {
                break;
            }
            last_space = bytes[i] == b' ';
            i += 1;
        }
        out.push_str(&s[start..i]);
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        label_char(out, c, &mut last_space);
    }
}

/// One character of a Mermaid label that is not plain ASCII (see [`mermaid_label`]).
fn label_char(out: &mut String, c: char, last_space: &mut bool) {
    use std::fmt::Write as _;
    if c.is_control() || c.is_whitespace() {
        if !*last_space {
            out.push(' ');
            *last_space = true;
        }
        return;
    }
    *last_space = false;
    match c {
        c if c.is_alphanumeric() => out.push(c),
        '.' | ',' | '-' | '\'' | '/' | '?' | '!' | '+' | '(' | ')' | '=' => out.push(c),
        '"' => out.push_str("#quot;"),
        '<' => out.push_str("#lt;"),
        '>' => out.push_str("#gt;"),
        '&' => out.push_str("#amp;"),
        c if is_bidi_control(c) => {}
        c => {
            let _ = write!(out, "#{};", u32::from(c));
        }
    }
}

/// Append `s` as text of a Mermaid gantt task or title: gantt syntax has no
/// quoting, so only letters, digits, spaces and a few punctuation marks are
/// kept; anything else becomes a space.
pub fn gantt_text(out: &mut String, s: &str) {
    let start = out.len();
    let mut last_space = true;
    for c in s.trim().chars() {
        let keep =
            c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '\'' | '/' | '?' | '!' | '+');
        if keep {
            out.push(c);
            last_space = false;
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    while out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> String {
        let mut o = String::new();
        mermaid_label(&mut o, s);
        o
    }

    #[test]
    fn markdown_text_cannot_break_out() {
        assert_eq!(md_string("a | b"), "a \\| b");
        assert_eq!(md_string("line\nbreak"), "line break");
        assert_eq!(md_string("<script>"), "&lt;script&gt;");
        // The brackets are escaped, so the parentheses can no longer form a link.
        assert_eq!(
            md_string("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md_string("see https://x.io"), "see https\\://x.io");
        assert_eq!(md_string("www.x.io"), "www\\.x.io");
        assert_eq!(md_string("🚚 ship"), "🚚 ship");
        assert_eq!(md_string("  a  \t b\u{202E}c  "), "a bc");
        assert_eq!(md_string("WWW.x and a.b"), "WWW\\.x and a.b");
    }

    #[test]
    fn markdown_escapes_only_what_would_be_misread() {
        assert_eq!(md_string("Pack (layer 1)"), "Pack (layer 1)");
        assert_eq!(md_string("costs $442.36"), "costs $442.36");
        assert_eq!(md_string("$x$ math"), "\\$x\\$ math");
        assert_eq!(md_string("order_id and _em_"), "order_id and \\_em\\_");
        assert_eq!(md_string("# heading? no #1"), "\\# heading? no #1");
        assert_eq!(md_string("Hi!"), "Hi!");
    }

    #[test]
    fn mermaid_labels_keep_no_syntax() {
        assert_eq!(label("Say \"hi\""), "Say #quot;hi#quot;");
        assert_eq!(label("a]b[c{d}"), "a#93;b#91;c#123;d#125;");
        assert_eq!(
            label("%%{init: {}}%%"),
            "#37;#37;#123;init#58; #123;#125;#125;#37;#37;"
        );
        assert_eq!(label("x\n click"), "x click");
        assert_eq!(label("`md`"), "#96;md#96;");
        assert_eq!(label("📦"), "#128230;");
    }

    #[test]
    fn gantt_text_keeps_words_only() {
        let mut o = String::new();
        gantt_text(&mut o, "Ship: now; #1 \"fast\"");
        assert_eq!(o, "Ship now 1 fast");
    }
}
