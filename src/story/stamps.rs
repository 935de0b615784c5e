//! Timestamps as printed in story text: "Updated 4:18 PM EST, Tue March 5, 2024",
//! "14.03.2024 16:20 MSK", "07.03.2024, 06:15 Uhr", "This story was originally published on
//! March 10, 2024 5:40 p.m.", "8 de febrero de 2024, 4:15 p.m.".
//!
//! A stamp with a zone is converted with it. A local time without a zone is read in the
//! outlet's home zone (the caller passes it, from the configurable source table) with that
//! date's daylight-saving rule; with no known zone the stamp is left out, never guessed.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// Zone abbreviations wire services print, with their UTC offsets in minutes.
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("wet", 0),
    ("west", 60),
    ("bst", 60),
    ("cet", 60),
    ("cest", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("ist", 330),
    ("jst", 540),
    ("aest", 600),
    ("aedt", 660),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("janvier", 1),
    ("janv", 1),
    ("february", 2),
    ("feb", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februar", 2),
    ("février", 2),
    ("fév", 2),
    ("march", 3),
    ("mar", 3),
    ("marzo", 3),
    ("março", 3),
    ("märz", 3),
    ("mars", 3),
    ("april", 4),
    ("apr", 4),
    ("abril", 4),
    ("abr", 4),
    ("avril", 4),
    ("avr", 4),
    ("may", 5),
    ("mayo", 5),
    ("maio", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("junio", 6),
    ("junho", 6),
    ("juni", 6),
    ("juin", 6),
    ("july", 7),
    ("jul", 7),
    ("julio", 7),
    ("julho", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("august", 8),
    ("aug", 8),
    ("agosto", 8),
    ("ago", 8),
    ("août", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("set", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("out", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dez", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("déc", 12),
];

/// Whether a stamp says when the story was first published or when it was updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampKind {
    Published,
    Updated,
}

/// A timestamp read from a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub kind: StampKind,
    pub local: NaiveDateTime,
    /// The printed zone's offset, when one was printed.
    pub offset: Option<FixedOffset>,
}

impl Stamp {
    /// The instant, using the printed zone or else `home_zone`.
    pub fn resolve(&self, home_zone: Option<Tz>) -> Option<DateTime<FixedOffset>> {
        match (self.offset, home_zone) {
            (Some(offset), _) => offset.from_local_datetime(&self.local).single(),
            (None, Some(zone)) => zone
                .from_local_datetime(&self.local)
                .earliest()
                .map(|t| t.fixed_offset()),
            (None, None) => None,
        }
    }
}

const UPDATE_WORDS: &[&str] = &[
    "updated",
    "actualizado",
    "atualizado",
    "aktualisiert",
    "mis à jour",
];

/// A line longer than this is story text, not a stamp.
const MAX_STAMP_BYTES: usize = 400;

/// Reads a line that is only a timestamp (optionally introduced by "Updated", "Transmitted",
/// "This story was originally published…"). Lines with much else in them are not stamps.
pub fn parse_stamp_line(line: &str) -> Option<Stamp> {
    // Cheap refusals first: every stamp has a date in figures, and fourteen words fit in far
    // fewer bytes than this. Most lines a parser asks about are story text.
    if line.len() > MAX_STAMP_BYTES || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = line.to_lowercase();
    // Then the lead, from the first token alone: most lines with a figure in them are story
    // text that begins with a word, and tokenizing them all allocated a string per token.
    if !leads_a_stamp(&lower) {
        return None;
    }
    let kind = if UPDATE_WORDS.iter().any(|w| lower.starts_with(w)) {
        StampKind::Updated
    } else {
        StampKind::Published
    };
    let tokens = tokenize(&lower);
    let words = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count();
    if words > 14 {
        return None;
    }
    let (date, time, offset) = read_parts(&tokens)?;
    Some(Stamp {
        kind,
        local: NaiveDateTime::new(date, time),
        offset,
    })
}

/// Whether a lower-cased line begins the way stamps do: with one of their lead words, or with a
/// figure, a month or a weekday.
fn leads_a_stamp(lower: &str) -> bool {
    lower.starts_with("this story was originally published")
        || lower.starts_with("este artículo fue publicado originalmente")
        || lower.starts_with("updated")
        || lower.starts_with("transmitted")
        || lower.starts_with("published")
        || first_token(lower).is_some_and(token_leads_a_stamp)
}

/// Whether a stamp can begin with `token`: a figure, a month or a weekday.
fn token_leads_a_stamp(token: &str) -> bool {
    token.chars().all(|c| c.is_ascii_digit()) || month(token).is_some() || weekday(token)
}

/// Characters that [`tokenize`] keeps together in a token.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == ':' || c == '+'
}

/// The first token [`tokenize`] finds in `text`, before it joins or splits meridiems. Those
/// fix-ups never change whether the first token leads a stamp: a split token keeps its `:`
/// and a joined one is "am" or "pm".
fn first_token(text: &str) -> Option<&str> {
    // A slash or hyphen before any token is a token of its own.
    let start = text.find(|c: char| is_token_char(c) || c == '/' || c == '-')?;
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|&(at, c)| !(is_token_char(c) || (c == '-' && rest[..at].starts_with("gmt"))))
        .map_or(rest.len(), |(at, _)| at);
    // `end` is 0 when the token is the slash or hyphen itself.
    Some(&rest[..end.max(1)])
}

fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if is_token_char(c) || (c == '-' && current.starts_with("gmt")) {
            current.push(c);
        } else if c == '.' && current.chars().all(|d| d.is_ascii_digit()) && !current.is_empty() {
            // 14.03.2024: dots between digits separate date parts.
            tokens.push(std::mem::take(&mut current));
            tokens.push(".".into());
        } else {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            if c == '/' || c == '-' {
                tokens.push(c.to_string());
            }
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    // "p.m." / "a.m." were split into "p" "m": join them back; "2:51pm" is split in two.
    let mut joined: Vec<String> = Vec::new();
    for token in tokens {
        if token.contains(':') && (token.ends_with("pm") || token.ends_with("am")) {
            let (time, meridiem) = token.split_at(token.len() - 2);
            joined.push(time.to_owned());
            joined.push(meridiem.to_owned());
            continue;
        }
        if token == "m" && joined.last().is_some_and(|l| l == "p" || l == "a") {
            let last = joined.pop().unwrap_or_default();
            joined.push(format!("{last}m"));
        } else {
            joined.push(token);
        }
    }
    joined
}

fn month(token: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == token)
        .map(|(_, m)| *m)
}

fn weekday(token: &str) -> bool {
    [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&token)
}

fn zone_offset(token: &str) -> Option<FixedOffset> {
    if let Some(rest) = token
        .strip_prefix("gmt")
        .or_else(|| token.strip_prefix("utc"))
    {
        if let Some(hours) = rest
            .strip_prefix('+')
            .or_else(|| rest.strip_prefix('-'))
            .and_then(|h| h.parse::<i32>().ok())
        {
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            return FixedOffset::east_opt(sign * hours * 3600);
        }
    }
    ZONES
        .iter()
        .find(|(name, _)| *name == token)
        .and_then(|(_, minutes)| FixedOffset::east_opt(minutes * 60))
}

/// Finds a date, a time and maybe a zone among the tokens, in any of the common orders.
fn read_parts(tokens: &[String]) -> Option<(NaiveDate, NaiveTime, Option<FixedOffset>)> {
    let numbers: Vec<(usize, u32)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.parse::<u32>().ok().map(|n| (i, n)))
        .collect();
    let year_at = numbers.iter().find(|(_, n)| (1990..=2100).contains(n))?;
    let year = year_at.1 as i32;
    let month_at = tokens.iter().position(|t| month(t).is_some());
    let (month_number, day) = match month_at {
        Some(m) => {
            let month_number = month(&tokens[m])?;
            // The day is the number right before or after the month name.
            let day = numbers
                .iter()
                .filter(|(i, n)| {
                    (*i + 1 == m || *i == m + 1 || *i + 2 == m)
                        && (1..=31).contains(n)
                        && *i != year_at.0
                })
                .map(|(_, n)| *n)
                .next()?;
            (month_number, day)
        }
        None => {
            // Numeric dates: 02/22/2024 (US, slashes) or 14.03.2024 / 14-08-2024 (day first).
            let position = numbers.iter().position(|(i, _)| *i == year_at.0)?;
            if position < 2 {
                return None;
            }
            let (first, second) = (numbers[position - 2].1, numbers[position - 1].1);
            let separator = tokens.get(numbers[position - 1].0 + 1).map(String::as_str);
            if separator == Some("/")
                || tokens.get(numbers[position - 2].0 + 1).map(String::as_str) == Some("/")
            {
                (first, second)
            } else {
                (second, first)
            }
        }
    };
    let date = NaiveDate::from_ymd_opt(year, month_number, day)?;
    let time_at = tokens.iter().position(|t| {
        t.contains(':')
            && t.split(':')
                .all(|p| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
    })?;
    let mut parts = tokens[time_at].split(':');
    let mut hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let meridiem = tokens[time_at + 1..]
        .iter()
        .take(2)
        .find_map(|t| match t.as_str() {
            "pm" | "p" => Some(true),
            "am" | "a" => Some(false),
            t if t.ends_with("pm") && t.len() <= 6 => Some(true),
            t if t.ends_with("am") && t.len() <= 6 => Some(false),
            _ => None,
        });
    match meridiem {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    let offset = tokens.iter().find_map(|t| zone_offset(t));
    Some((date, time, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(line: &str, zone: Option<Tz>) -> Option<String> {
        parse_stamp_line(line)?
            .resolve(zone)
            .map(|t| t.to_rfc3339())
    }

    #[test]
    fn printed_zones() {
        assert_eq!(
            resolved("Updated 4:18 PM EST, Tue March 5, 2024", None).as_deref(),
            Some("2024-03-05T16:18:00-05:00")
        );
        assert_eq!(
            resolved("April 25, 2024 11:02 AM GMT+2", None).as_deref(),
            Some("2024-04-25T11:02:00+02:00")
        );
        assert_eq!(
            resolved("Transmitted 02/22/2024 18:40 CST", None).as_deref(),
            Some("2024-02-22T18:40:00-06:00")
        );
        assert_eq!(
            resolved("14.03.2024 16:20 MSK", None).as_deref(),
            Some("2024-03-14T16:20:00+03:00")
        );
        assert_eq!(
            parse_stamp_line("Updated 6:05 AM EDT, September 12, 2024").map(|s| s.kind),
            Some(StampKind::Updated)
        );
    }

    #[test]
    fn local_times_use_the_home_zone_with_its_dst_rule() {
        let eastern = Some(chrono_tz::America::New_York);
        // 10 March 2024 is the day US daylight saving starts: 5:40 p.m. is EDT.
        assert_eq!(
            resolved(
                "This story was originally published on March 10, 2024 5:40 p.m.",
                eastern
            )
            .as_deref(),
            Some("2024-03-10T17:40:00-04:00")
        );
        assert_eq!(
            resolved(
                "Este artículo fue publicado originalmente el 8 de febrero de 2024, 4:15 p.m.",
                eastern
            )
            .as_deref(),
            Some("2024-02-08T16:15:00-05:00")
        );
        assert_eq!(
            resolved("07.03.2024, 06:15 Uhr", Some(chrono_tz::Europe::Berlin)).as_deref(),
            Some("2024-03-07T06:15:00+01:00")
        );
        assert_eq!(
            resolved("14-08-2024 18:42", Some(chrono_tz::Europe::Lisbon)).as_deref(),
            Some("2024-08-14T18:42:00+01:00")
        );
        assert_eq!(
            resolved("May 7 2024 - 2:51pm", Some(chrono_tz::Australia::Sydney)).as_deref(),
            Some("2024-05-07T14:51:00+10:00")
        );
        assert_eq!(
            resolved("March 10, 2024 5:40 p.m.", None),
            None,
            "no zone, no guess"
        );
    }

    #[test]
    fn sentences_are_not_stamps() {
        assert_eq!(parse_stamp_line("Officials said on March 5, 2024 at 4:18 PM that the bridge had reopened to traffic after weeks of repairs and inspections by engineers."), None);
    }

    #[test]
    fn a_sign_before_the_first_figure_is_a_token_that_leads_nothing() {
        for text in ["- 12 march", "/5", "(12) march", "gmt-3 12", "2:51pm 12"] {
            let by_tokens = tokenize(text)
                .first()
                .is_some_and(|t| token_leads_a_stamp(t));
            assert_eq!(
                first_token(text).is_some_and(token_leads_a_stamp),
                by_tokens,
                "{text}"
            );
        }
        assert!(!leads_a_stamp("- 12 march 2024 4:18"));
        assert!(leads_a_stamp("(12) march 2024 4:18"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The lead is read from the first token alone; it must be what the whole tokenization's
        /// first token says, joins and splits included.
        #[test]
        fn the_first_token_leads_as_the_tokenization_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "12", "5", "2:51pm", "4:18", "p", "m", "a", ".", "/", "-", "+", ":", " ", ", ",
                    "gmt", "gmt-3", "march", "tue", "mardi", "de", "the", "é", "(", "—", "\u{130}",
                ]),
                0..8,
            )
        ) {
            let text = pieces.concat();
            let by_tokens = tokenize(&text)
                .first()
                .is_some_and(|token| token_leads_a_stamp(token));
            let by_first = first_token(&text).is_some_and(token_leads_a_stamp);
            proptest::prop_assert_eq!(by_first, by_tokens, "{:?}", text);
        }
    }
}
