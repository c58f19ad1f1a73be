//! How often and how long, as people write them in a spreadsheet:
//! "3/day", "twice a week", "40", "daily"; "15 min", "1.5 h", "1h 30m", "90 s".

use crate::model::{Frequency, Period};

/// A number as written: "1.5", "1,5" (decimal comma), "1,200" (thousands), "½".
fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    match s {
        "" => return None,
        "½" => return Some(0.5),
        "¼" => return Some(0.25),
        "¾" => return Some(0.75),
        _ => {}
    }
    let cleaned: String = if s.contains('.') {
        s.replace(',', "")
    } else if let Some((a, b)) = s.split_once(',') {
        // "1,5" is a decimal comma; "1,200" is a thousands separator.
        if b.len() == 3 && !b.contains(',') && !a.is_empty() {
            format!("{a}{b}")
        } else {
            s.replacen(',', ".", 1)
        }
    } else {
        s.to_owned()
    };
    let v: f64 = cleaned.replace(['\u{a0}', ' ', '\''], "").parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

/// Words that stand for a count.
fn count_word(w: &str) -> Option<f64> {
    Some(match w {
        "once" | "one" | "a" | "an" | "every" | "each" | "per" => 1.0,
        "twice" | "two" => 2.0,
        "thrice" | "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn period_word(w: &str) -> Option<(f64, Period)> {
    let w = w.trim_end_matches('.');
    Some(match w {
        "d" | "day" | "days" | "daily" | "dy" | "workday" | "weekday" => (1.0, Period::Day),
        "w" | "wk" | "week" | "weeks" | "weekly" => (1.0, Period::Week),
        "m" | "mo" | "month" | "months" | "monthly" => (1.0, Period::Month),
        "fortnight" | "fortnightly" | "biweekly" => (0.5, Period::Week),
        "quarter" | "quarterly" => (1.0 / 3.0, Period::Month),
        "y" | "yr" | "year" | "years" | "yearly" | "annually" | "annual" => {
            (1.0 / 12.0, Period::Month)
        }
        "h" | "hr" | "hour" | "hours" | "hourly" => (8.0, Period::Day),
        _ => return None,
    })
}

/// Split into words: letters runs and number runs, '/' kept as a word.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut kind = 0u8; // 1 number, 2 letters
    for c in s.chars() {
        let k = if c.is_ascii_digit() || ((c == '.' || c == ',') && kind == 1) {
            1
        } else if c.is_alphabetic() || matches!(c, '½' | '¼' | '¾') {
            2
        } else {
            0
        };
        if k != kind || k == 0 {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c == '/' {
                out.push("/".to_owned());
            }
        }
        if k != 0 {
            cur.push(c);
        }
        kind = k;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// "3/day", "3 per day", "3x a week", "twice a week", "daily", "40" (per day),
/// "every two weeks". `None` when the text says no frequency a plan can hold.
pub fn parse_frequency(s: &str) -> Option<Frequency> {
    let lower = s.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    let ws = words(&lower);
    let mut count: Option<f64> = None;
    let mut period: Option<(f64, Period)> = None;
    let mut every = false;
    for w in &ws {
        if w == "/" || matches!(w.as_str(), "x" | "times" | "time" | "per" | "a" | "an") {
            if w == "per" || w == "a" || w == "an" {
                count.get_or_insert(1.0);
            }
            continue;
        }
        if w == "every" || w == "each" {
            every = true;
            continue;
        }
        if let Some(v) = number(w) {
            if count.is_some() || period.is_some() {
                return None;
            }
            // "every 2 weeks": a number after "every" divides.
            count = Some(if every { 1.0 / v } else { v });
            continue;
        }
        if let Some(p) = period_word(w) {
            if period.is_some() {
                return None;
            }
            period = Some(p);
            continue;
        }
        if let Some(v) = count_word(w) {
            if every && count.is_none() && v > 1.0 {
                count = Some(1.0 / v);
            } else if count.is_none() {
                count = Some(v);
            }
            continue;
        }
        if matches!(
            w.as_str(),
            "on" | "about" | "around" | "approx" | "ca" | "orders" | "order"
        ) {
            continue;
        }
        return None;
    }
    let (scale, per) = period.unwrap_or((1.0, Period::Day));
    let count = match (count, period) {
        (Some(c), _) => c,
        (None, Some(_)) => 1.0,
        (None, None) => return None,
    };
    let count = count * scale;
    (count.is_finite() && count <= crate::storage::MAX_NUMBER).then_some(Frequency { count, per })
}

/// "15 min", "15m", "1.5 h", "1h 30m", "90 s", "0:15" (h:mm), "15" (minutes).
/// `None` when the text is not a duration.
pub fn parse_minutes(s: &str) -> Option<f64> {
    let lower = s.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    if let Some((h, m)) = lower.split_once(':')
        && let (Ok(h), Ok(m)) = (h.trim().parse::<u32>(), m.trim().parse::<u32>())
        && m < 60
    {
        return Some(f64::from(h) * 60.0 + f64::from(m));
    }
    let ws = words(&lower);
    let mut total = 0.0;
    let mut pending: Option<f64> = None;
    let mut any = false;
    for w in &ws {
        if let Some(v) = number(w) {
            if pending.is_some() {
                return None;
            }
            pending = Some(v);
            continue;
        }
        let unit = match w.as_str() {
            "m" | "min" | "mins" | "minute" | "minutes" | "mn" => 1.0,
            "h" | "hr" | "hrs" | "hour" | "hours" | "std" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0 / 60.0,
            "d" | "day" | "days" => 60.0 * 8.0,
            "half" => {
                pending = Some(0.5);
                continue;
            }
            "an" | "a" | "one" => {
                pending.get_or_insert(1.0);
                continue;
            }
            "and" | "about" | "around" | "approx" | "ca" | "each" | "per" | "order" | "time" => {
                continue;
            }
            _ => return None,
        };
        let v = pending.take().unwrap_or(1.0);
        total += v * unit;
        any = true;
    }
    if let Some(v) = pending {
        total += v;
        any = true;
    }
    (any && total.is_finite() && total <= crate::storage::MAX_NUMBER).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Option<(f64, Period)> {
        parse_frequency(s).map(|f| ((f.count * 1000.0).round() / 1000.0, f.per))
    }

    #[test]
    fn frequencies_as_people_write_them() {
        assert_eq!(f("3/day"), Some((3.0, Period::Day)));
        assert_eq!(f("3 / day"), Some((3.0, Period::Day)));
        assert_eq!(f("3 per day"), Some((3.0, Period::Day)));
        assert_eq!(f("3x a week"), Some((3.0, Period::Week)));
        assert_eq!(f("3 times a week"), Some((3.0, Period::Week)));
        assert_eq!(f("twice a week"), Some((2.0, Period::Week)));
        assert_eq!(f("once a month"), Some((1.0, Period::Month)));
        assert_eq!(f("Daily"), Some((1.0, Period::Day)));
        assert_eq!(f("weekly"), Some((1.0, Period::Week)));
        assert_eq!(f("40"), Some((40.0, Period::Day)));
        assert_eq!(f("1,5/day"), Some((1.5, Period::Day)));
        assert_eq!(f("1,200 / month"), Some((1200.0, Period::Month)));
        assert_eq!(f("every two weeks"), Some((0.5, Period::Week)));
        assert_eq!(f("every 2 weeks"), Some((0.5, Period::Week)));
        assert_eq!(f("12 a year"), Some((1.0, Period::Month)));
        assert_eq!(f("about 40 orders a day"), Some((40.0, Period::Day)));
        assert_eq!(f("soon"), None);
        assert_eq!(f("3 4 day"), None);
        assert_eq!(f(""), None);
        assert_eq!(f("1e400"), None);
    }

    #[test]
    fn durations_as_people_write_them() {
        assert_eq!(parse_minutes("15 min"), Some(15.0));
        assert_eq!(parse_minutes("15m"), Some(15.0));
        assert_eq!(parse_minutes("15"), Some(15.0));
        assert_eq!(parse_minutes("1.5 h"), Some(90.0));
        assert_eq!(parse_minutes("1,5 h"), Some(90.0));
        assert_eq!(parse_minutes("1h 30m"), Some(90.0));
        assert_eq!(parse_minutes("1 hour and 30 minutes"), Some(90.0));
        assert_eq!(parse_minutes("90 s"), Some(1.5));
        assert_eq!(parse_minutes("0:15"), Some(15.0));
        assert_eq!(parse_minutes("half an hour"), Some(30.0));
        assert_eq!(parse_minutes("an hour"), Some(60.0));
        assert_eq!(parse_minutes("quick"), None);
        assert_eq!(parse_minutes("1 2"), None);
    }
}
