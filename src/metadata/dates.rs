//! Dates as pages write them, normalised to ISO 8601.
//!
//! Output is `YYYY-MM-DD` for a bare date, `YYYY-MM-DDTHH:MM:SS±HH:MM` when a time and an
//! offset are given (`Z` and `GMT` become `+00:00`), and `YYYY-MM-DDTHH:MM:SS` for a time
//! without an offset. Anything we cannot read with certainty is `None`, so the caller
//! moves on to its next candidate instead of inventing a date.

use crate::heuristics::{DATE_YEARS, MONTH_NAMES, ZONE_NAMES};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Date {
    y: u32,
    m: u32,
    d: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Time {
    h: u32,
    mi: u32,
    s: u32,
    /// Offset from UTC in minutes, when stated.
    offset: Option<i32>,
}

/// Normalises one date candidate, or `None` when it is not a date we can read.
pub(super) fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let (date, time) = numeric(s).or_else(|| textual(s))?;
    Some(format(date, time))
}

fn format(date: Date, time: Option<Time>) -> String {
    let Date { y, m, d } = date;
    let Some(t) = time else {
        return format!("{y:04}-{m:02}-{d:02}");
    };
    let mut out = format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}", t.h, t.mi, t.s);
    if let Some(off) = t.offset {
        let sign = if off < 0 { '-' } else { '+' };
        let off = off.unsigned_abs();
        out.push_str(&format!("{sign}{:02}:{:02}", off / 60, off % 60));
    }
    out
}

fn valid_date(y: u32, m: u32, d: u32) -> Option<Date> {
    if !DATE_YEARS.contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (d <= days).then_some(Date { y, m, d })
}

/// Reads a run of ASCII digits of exactly `n` characters at the start of `s`.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, &s[n..]))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, each with an optional time;
/// `DD/MM/YYYY` and `MM/DD/YYYY` only when the day is > 12 and so unambiguous.
fn numeric(s: &str) -> Option<(Date, Option<Time>)> {
    if let Some((y, rest)) = digits(s, 4) {
        let (date, rest) = match rest.chars().next() {
            Some(sep @ ('-' | '/' | '.')) => {
                let (m, rest) = digits(&rest[1..], 2).or_else(|| digits(&rest[1..], 1))?;
                let rest = rest.strip_prefix(sep)?;
                let (d, rest) = digits(rest, 2).or_else(|| digits(rest, 1))?;
                (valid_date(y, m, d)?, rest)
            }
            _ => {
                let (m, rest) = digits(rest, 2)?;
                let (d, rest) = digits(rest, 2)?;
                // A bare `YYYYMMDD` must end there or go on with a `T` time.
                if !(rest.is_empty() || rest.starts_with('T')) {
                    return None;
                }
                (valid_date(y, m, d)?, rest)
            }
        };
        // A time we cannot read is dropped rather than failing the whole date.
        return Some((date, time_after_date(rest)));
    }
    // Day-first or month-first with a four-digit year, decided only when unambiguous.
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if let [a, b, y] = parts[..] {
        let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        let y = digits(y.trim(), 4).filter(|(_, r)| r.is_empty())?.0;
        return match (a > 12, b > 12) {
            (true, false) => Some((valid_date(y, b, a)?, None)),
            (false, true) => Some((valid_date(y, a, b)?, None)),
            _ => None,
        };
    }
    None
}

/// The time part after an ISO date: `THH:MM[:SS[.fff]][zone]` or the same after a space.
fn time_after_date(rest: &str) -> Option<Time> {
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (time, rest) = clock(rest.trim_start())?;
    let offset = zone(rest)?;
    Some(Time { offset, ..time })
}

/// `HH:MM[:SS[.fff]]`, returning what follows.
fn clock(s: &str) -> Option<(Time, &str)> {
    let (h, rest) = digits(s, 2).or_else(|| digits(s, 1))?;
    let (mi, mut rest) = digits(rest.strip_prefix(':')?, 2)?;
    let mut sec = 0;
    if let Some(r) = rest.strip_prefix(':') {
        let (v, r) = digits(r, 2)?;
        sec = v;
        rest = r.trim_start_matches(|c: char| c == '.' || c == ',' || c.is_ascii_digit());
    }
    if h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let time = Time {
        h,
        mi,
        s: sec,
        offset: None,
    };
    Some((time, rest))
}

/// A zone after a time: nothing, `Z`, `±HH:MM`, `±HHMM`, `±HH`, or `UTC`/`GMT`.
/// `Some(None)` means no zone was given; `None` means something unreadable follows.
fn zone(s: &str) -> Option<Option<i32>> {
    let s = s.trim();
    if s.is_empty() {
        return Some(None);
    }
    let lower = s.to_ascii_lowercase();
    if let Some((_, off)) = ZONE_NAMES.iter().find(|(name, _)| lower == *name) {
        return Some(Some(*off));
    }
    let (sign, rest) = match s.as_bytes()[0] {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, rest) = digits(rest, 2)?;
    let mi = match rest {
        "" => 0,
        r => {
            let r = r.strip_prefix(':').unwrap_or(r);
            let (mi, r) = digits(r, 2)?;
            if !r.is_empty() {
                return None;
            }
            mi
        }
    };
    if h > 14 || mi > 59 {
        return None;
    }
    Some(Some(sign * (h as i32 * 60 + mi as i32)))
}

/// Dates with a month name: `February 3, 2022`, `3 Feb 2022`, `Thu, 03 Feb 2022 10:00:00
/// +0000` (RFC 2822, the one textual form whose time we keep, as it carries a zone).
fn textual(s: &str) -> Option<(Date, Option<Time>)> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let mut time = None;
    for (i, tok) in tokens.iter().enumerate() {
        let word = tok.trim_end_matches('.').to_ascii_lowercase();
        if let Some(&(_, m)) = MONTH_NAMES.iter().find(|(name, _)| *name == word) {
            month.get_or_insert(m);
            continue;
        }
        let num = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if num.len() == 4 && num.bytes().all(|b| b.is_ascii_digit()) && num == word {
            year.get_or_insert(num.parse::<u32>().ok()?);
        } else if (1..=2).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()) {
            // `3rd`, `21st` are days too.
            day.get_or_insert(num.parse::<u32>().ok()?);
        } else if word.contains(':') && time.is_none() {
            // A time counts only with a zone right after it, as in RFC 2822.
            time = clock(tok)
                .filter(|(_, rest)| rest.is_empty())
                .and_then(|(t, _)| {
                    let zone = zone(tokens.get(i + 1)?)??;
                    Some(Time {
                        offset: Some(zone),
                        ..t
                    })
                });
        }
    }
    let date = valid_date(year?, month?, day?)?;
    Some((date, time))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    fn n(s: &str) -> Option<String> {
        normalize(s)
    }

    #[test]
    fn iso_dates_and_date_times() {
        assert_eq!(n("2022-02-03").as_deref(), Some("2022-02-03"));
        assert_eq!(
            n("2022-02-03T10:00:00+00:00").as_deref(),
            Some("2022-02-03T10:00:00+00:00")
        );
        assert_eq!(
            n("2022-02-03T10:00:00Z").as_deref(),
            Some("2022-02-03T10:00:00+00:00")
        );
        assert_eq!(
            n(" 2022-02-03T10:00:00.123-0500 ").as_deref(),
            Some("2022-02-03T10:00:00-05:00")
        );
        assert_eq!(
            n("2022-02-03 10:00").as_deref(),
            Some("2022-02-03T10:00:00")
        );
        assert_eq!(
            n("2022-02-03T10:00:00+0530").as_deref(),
            Some("2022-02-03T10:00:00+05:30")
        );
    }

    #[test]
    fn other_numeric_forms() {
        assert_eq!(n("2022/2/3").as_deref(), Some("2022-02-03"));
        assert_eq!(n("20220203").as_deref(), Some("2022-02-03"));
        assert_eq!(n("25/12/2021").as_deref(), Some("2021-12-25"));
        assert_eq!(n("12/25/2021").as_deref(), Some("2021-12-25"));
        // Day and month could be swapped: not a date we can state.
        assert_eq!(n("03/02/2022"), None);
    }

    #[test]
    fn unreadable_time_keeps_the_date() {
        assert_eq!(n("2022-02-03T99:99").as_deref(), Some("2022-02-03"));
    }

    #[test]
    fn textual_dates() {
        assert_eq!(n("February 3, 2022").as_deref(), Some("2022-02-03"));
        assert_eq!(n("3 Feb. 2022").as_deref(), Some("2022-02-03"));
        assert_eq!(n("Sept 21st, 2021").as_deref(), Some("2021-09-21"));
        assert_eq!(
            n("Thu, 03 Feb 2022 10:00:00 +0000").as_deref(),
            Some("2022-02-03T10:00:00+00:00")
        );
        assert_eq!(
            n("Thu, 03 Feb 2022 10:00:00 GMT").as_deref(),
            Some("2022-02-03T10:00:00+00:00")
        );
        // A time without a zone is not kept; the date is.
        assert_eq!(n("Feb 3, 2022 10:00").as_deref(), Some("2022-02-03"));
    }

    #[test]
    fn nonsense_is_skipped() {
        for s in [
            "",
            "yesterday",
            "2022-13-01",
            "2021-02-29",
            "0001-01-01",
            "3 hours ago",
            "May 2022",
            "1234567890",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
        assert_eq!(n("2024-02-29").as_deref(), Some("2024-02-29"));
    }
}
