//! Numbers written into text without the formatting machinery, exactly as
//! `format!` would write them: the analysis writes a reason for every step
//! and the export tables of thousands of rows.

use std::fmt::Write as _;

/// Append a whole number (as `{}` would write it, without the formatting
/// machinery: reasons, step tables and diagrams write tens of thousands).
pub(crate) fn push_int(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Append `x` with one decimal, exactly as `{:.1}` writes it. Numbers
/// that are not close to halfway between two tenths (nearly all) take a
/// short way; the rest, and negative or huge ones, go through `{:.1}`.
pub(crate) fn push_tenths(out: &mut String, x: f64) {
    let tenths = x * 10.0;
    let fraction = tenths - tenths.floor();
    if x.is_sign_positive() && tenths < 1e15 && (fraction - 0.5).abs() > 1e-6 {
        let t = tenths.round() as usize;
        push_int(out, t / 10);
        out.push('.');
        push_int(out, t % 10);
    } else {
        let _ = write!(out, "{x:.1}");
    }
}

/// `s.trim()`, without looking at the characters when the text starts and
/// ends with a visible ASCII character, as nearly every title does.
pub(crate) fn trimmed(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenths(x: f64) -> String {
        let mut s = String::new();
        push_tenths(&mut s, x);
        s
    }

    #[test]
    fn one_decimal_is_written_as_the_formatter_writes_it() {
        // Halfway cases both ways (0.25 is exact, 0.15 is just below), the
        // signs, the edges and a spread of ordinary values.
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            0.45,
            1.25,
            2.5,
            9.95,
            99.95,
            0.04999,
            1e14,
            1e15,
            1e300,
            -0.04,
            -1.25,
            -3.0,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut x = 0.001_f64;
        while x < 1e7 {
            values.push(x);
            values.push(x * 1.000_7 + 0.05);
            x *= 1.013;
        }
        for k in 0..20_000 {
            values.push(f64::from(k) / 100.0);
            values.push(f64::from(k) * 0.35 / 7.0);
        }
        for v in values {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v:e}");
        }
        for t in [
            "a",
            " a",
            "a ",
            "",
            " ",
            "\u{a0}é\u{2003}",
            "é",
            "x\ty",
            "\tx",
            "(a)",
        ] {
            assert_eq!(trimmed(t), t.trim(), "{t:?}");
        }
        let mut s = String::new();
        for n in [0, 7, 10, 99, 1234567, usize::MAX] {
            s.clear();
            push_int(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
