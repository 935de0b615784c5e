//! Dates a story mentions, normalized to ISO 8601 at the resolution the story gives them.
//!
//! Written dates in the five enriched languages ("March 10, 2024", "10 March", "14 de agosto de
//! 2024", "12. März 2024", "février 2024", "in 2023") and relative ones ("Monday", "yesterday",
//! "earlier this month", "last year", "el lunes", "hier", "gestern", "ontem") are read; relative
//! ones, and written ones without a year, are resolved against the story's own date (its
//! publication, else its update, else the date its dateline prints: `TOULOUSE, 12 septembre 2024
//! (AFP)`, or `NEW DELHI, May 29 (Reuters)` in the year its message was sent) and left out when
//! the story has none. A weekday is the nearest such day to that time (a Wednesday story's
//! "Monday" is two days before, its "Friday" two days after; a tie goes to the past, which news
//! mostly reports), unless the words before it look ahead ("next Monday", "will … on Monday") or
//! back ("last Monday"). A date without its year follows the same words ("les élections
//! auront lieu le 17 novembre" in September is this November), is the nearest such day after
//! "pour", "para" or "für", takes the year the words after it give ("im Juli vergangenen Jahres",
//! "le 3 mars dernier"), and is otherwise within half a year after the story for a day ("the
//! Budget on 30 October" in September is this October, "15 de janeiro" in late December next
//! January, "Dec. 28" in January last December) and within a month for a month alone
//! ("diciembre" in May is last December).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::story::model::Story;
use crate::story::text::Text;

/// How precise a mentioned date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Day,
    Month,
    Year,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Day => "day",
            Resolution::Month => "month",
            Resolution::Year => "year",
        }
    }
}

/// A date the story mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionedDate {
    /// As written.
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    pub resolution: Resolution,
    /// Resolved against the story's time rather than written out in full.
    pub relative: bool,
    /// Character offsets `[start, end)` in the clean body.
    pub offsets: (usize, usize),
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janvier", 1),
    ("février", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("déc", 12),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("ago", 8),
    ("ene", 1),
    ("dic", 12),
    ("fev", 2),
    ("abr", 4),
    ("out", 10),
];

/// Month abbreviations that are also ordinary words; they count only beside a day or a year.
const AMBIGUOUS_MONTHS: &[&str] = &["may", "mar", "jan", "out", "ago", "mai", "ene"];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sábado", Weekday::Sat),
    ("domingo", Weekday::Sun),
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("montag", Weekday::Mon),
    ("dienstag", Weekday::Tue),
    ("mittwoch", Weekday::Wed),
    ("donnerstag", Weekday::Thu),
    ("freitag", Weekday::Fri),
    ("samstag", Weekday::Sat),
    ("sonntag", Weekday::Sun),
    ("segunda-feira", Weekday::Mon),
    ("terça-feira", Weekday::Tue),
    ("quarta-feira", Weekday::Wed),
    ("quinta-feira", Weekday::Thu),
    ("sexta-feira", Weekday::Fri),
];

/// Words for a day relative to the story's: −1 yesterday, 0 today, +1 tomorrow.
const RELATIVE_DAYS: &[(&str, i64)] = &[
    ("yesterday", -1),
    ("today", 0),
    ("tomorrow", 1),
    ("ayer", -1),
    ("hoy", 0),
    ("mañana", 1),
    ("hier", -1),
    ("aujourd'hui", 0),
    ("aujourd’hui", 0),
    ("demain", 1),
    ("gestern", -1),
    ("heute", 0),
    ("morgen", 1),
    ("ontem", -1),
    ("hoje", 0),
    ("amanhã", 1),
];

/// Words that make a four-digit number after them a year.
const YEAR_INTRODUCERS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "through",
    "before",
    "after",
    "en",
    "desde",
    "hasta",
    "depuis",
    "jusqu'en",
    "jusqu’en",
    "im",
    "seit",
    "bis",
    "em",
    "até",
];

/// Phrases for a month or year relative to the story's.
const RELATIVE_PERIODS: &[(&str, Resolution, i32)] = &[
    ("earlier this month", Resolution::Month, 0),
    ("this month", Resolution::Month, 0),
    ("last month", Resolution::Month, -1),
    ("next month", Resolution::Month, 1),
    ("this year", Resolution::Year, 0),
    ("last year", Resolution::Year, -1),
    ("next year", Resolution::Year, 1),
    ("el mes pasado", Resolution::Month, -1),
    ("este mes", Resolution::Month, 0),
    ("el año pasado", Resolution::Year, -1),
    ("este año", Resolution::Year, 0),
    ("le mois dernier", Resolution::Month, -1),
    ("ce mois-ci", Resolution::Month, 0),
    ("l'an dernier", Resolution::Year, -1),
    ("l’an dernier", Resolution::Year, -1),
    ("l'année dernière", Resolution::Year, -1),
    ("l’année dernière", Resolution::Year, -1),
    ("cette année", Resolution::Year, 0),
    ("letzten monat", Resolution::Month, -1),
    ("vergangenen monat", Resolution::Month, -1),
    ("diesen monat", Resolution::Month, 0),
    ("letzten jahr", Resolution::Year, -1),
    ("vergangenen jahr", Resolution::Year, -1),
    ("vorigen jahr", Resolution::Year, -1),
    ("dieses jahr", Resolution::Year, 0),
    ("no mês passado", Resolution::Month, -1),
    ("este mês", Resolution::Month, 0),
    ("no ano passado", Resolution::Year, -1),
    ("este ano", Resolution::Year, 0),
];

/// Words right after a date without its year that give its year, relative to the story's: "in
/// July last year", "im Juli vergangenen Jahres", "el 3 de marzo del año pasado", "em julho do
/// próximo ano".
const YEAR_AFTER: &[(&str, i32)] = &[
    ("last year", -1),
    ("of last year", -1),
    ("next year", 1),
    ("of next year", 1),
    ("this year", 0),
    ("of this year", 0),
    ("vergangenen jahres", -1),
    ("des vergangenen jahres", -1),
    ("letzten jahres", -1),
    ("vorigen jahres", -1),
    ("nächsten jahres", 1),
    ("kommenden jahres", 1),
    ("dieses jahres", 0),
    ("del año pasado", -1),
    ("del próximo año", 1),
    ("del año próximo", 1),
    ("de este año", 0),
    ("de l'année dernière", -1),
    ("de l’année dernière", -1),
    ("de l'an dernier", -1),
    ("de l’an dernier", -1),
    ("de l'année prochaine", 1),
    ("de l’année prochaine", 1),
    ("de cette année", 0),
    ("do ano passado", -1),
    ("do próximo ano", 1),
    ("deste ano", 0),
];

/// Words right after a date without its year that point it back or ahead: "le 3 mars dernier",
/// "en julio pasado", "em julho passado", "le 3 mars prochain".
const WAY_AFTER: &[(&str, Direction)] = &[
    ("dernier", Direction::Back),
    ("pasado", Direction::Back),
    ("passado", Direction::Back),
    ("prochain", Direction::Ahead),
    ("próximo", Direction::Ahead),
];

/// Words that make a weekday, or a date without its year, the coming one.
const LOOKING_AHEAD: &[&str] = &[
    "next",
    "will",
    "próximo",
    "próxima",
    "prochain",
    "prochaine",
    "nächsten",
    "nächste",
    "kommenden",
    "vai",
    "irá",
    "deverá",
    "deberá",
    "devra",
    "va",
    "sera",
    "wird",
];

/// Words right before a date that aim at it, whichever way it lies: "prévues pour le 17
/// novembre", "convocadas para el 17 de noviembre", "für den 17. November angesetzt".
const AIMING_AT: &[&str] = &["pour", "para", "für"];

/// Words that make a weekday, or a date without its year, the past one.
const LOOKING_BACK: &[&str] = &[
    "last",
    "pasado",
    "pasada",
    "dernier",
    "letzten",
    "vergangenen",
    "passado",
    "passada",
];

/// Every word a date can start with (months, weekdays, relative words, the first words of
/// relative phrases), so that most words of a body are passed over with one look-up.
fn lexicon() -> &'static FxHashSet<&'static str> {
    static LEXICON: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        MONTHS
            .iter()
            .map(|(name, _)| *name)
            .chain(WEEKDAYS.iter().map(|(name, _)| *name))
            .chain(RELATIVE_DAYS.iter().map(|(name, _)| *name))
            .chain(
                RELATIVE_PERIODS
                    .iter()
                    .filter_map(|(phrase, _, _)| phrase.split(' ').next()),
            )
            .collect()
    })
}

/// The words of each phrase of [`YEAR_AFTER`], split once.
fn year_after_words() -> &'static [(Vec<&'static str>, i32)] {
    static PHRASES: OnceLock<Vec<(Vec<&'static str>, i32)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        YEAR_AFTER
            .iter()
            .map(|(phrase, offset)| (phrase.split(' ').collect(), *offset))
            .collect()
    })
}

/// The words of each relative phrase, split once.
fn period_words() -> &'static [Vec<&'static str>] {
    static PHRASES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        RELATIVE_PERIODS
            .iter()
            .map(|(phrase, _, _)| phrase.split(' ').collect())
            .collect()
    })
}

fn month(word: &str) -> Option<u32> {
    static MONTH_NUMBERS: OnceLock<FxHashMap<&'static str, u32>> = OnceLock::new();
    MONTH_NUMBERS
        .get_or_init(|| MONTHS.iter().copied().collect())
        .get(word)
        .copied()
}

fn day(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th", "er", "º"]
        .iter()
        .fold(word, |digits, ending| {
            digits.strip_suffix(ending).unwrap_or(digits)
        });
    digits
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d) && digits.len() <= 2)
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// What the story's relative dates are resolved against: the day it was published, else
/// updated, else the day its dateline prints.
pub fn story_date(story: &Story) -> Option<NaiveDate> {
    story
        .first_published
        .or(story.updated)
        .map(|time| time.date_naive())
        .or_else(|| {
            let printed = story.dateline.as_ref()?.date.as_deref()?;
            printed_day(printed, story.sent.map(|sent| sent.date_naive()))
        })
}

/// The day a printed date names: written out in full (`12 septembre 2024`, `March 3, 2025`), or
/// without its year (`May 29`, `14 mar`) in the year that puts it nearest before `sent`, the day
/// the message was sent, when that is known (a dateline is written the day it is filed).
pub fn printed_day(printed: &str, sent: Option<NaiveDate>) -> Option<NaiveDate> {
    find_dates(&Text::new(printed), sent)
        .into_iter()
        .find(|date| date.resolution == Resolution::Day)
        .and_then(|date| NaiveDate::parse_from_str(&date.value, "%Y-%m-%d").ok())
}

/// Finds the dates of the clean body; `reference` is the story's own date, when it has one.
pub fn find_dates(text: &Text<'_>, reference: Option<NaiveDate>) -> Vec<MentionedDate> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < text.words().len() {
        match read_at(text, index, reference) {
            Some((date, next)) => {
                found.push(date);
                index = next;
            }
            None => index += 1,
        }
    }
    found
}

/// The date that starts at word `index`, and the index after it.
fn read_at(
    text: &Text<'_>,
    index: usize,
    reference: Option<NaiveDate>,
) -> Option<(MentionedDate, usize)> {
    let words = text.words();
    let word = |i: usize| (i < words.len()).then(|| text.lower_word(i));
    let connector = |i: usize| matches!(word(i), Some("de" | "of"));
    let make = |last: usize, value: String, resolution, relative| {
        let (start, end) = (words[index].0, words[last].1);
        (
            MentionedDate {
                text: text.body()[start..end].to_owned(),
                value,
                resolution,
                relative,
                offsets: (text.char_offset(start), text.char_offset(end)),
            },
            last + 1,
        )
    };
    // A month (and day) without its year that ends before word `after`: in the year the words
    // after it give, else the way they or the words before it point; and the date's last word.
    let without_year = |m: u32, d: Option<u32>, after: usize| -> Option<(NaiveDate, usize)> {
        let reference = reference?;
        let phrase_at = |phrase: &[&str]| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, expected)| word(after + k) == Some(*expected))
        };
        if let Some((phrase, offset)) = year_after_words().iter().find(|(p, _)| phrase_at(p)) {
            let date = NaiveDate::from_ymd_opt(reference.year() + offset, m, d.unwrap_or(1))?;
            return Some((date, after + phrase.len() - 1));
        }
        if let Some((_, direction)) = WAY_AFTER.iter().find(|(w, _)| word(after) == Some(*w)) {
            return Some((in_reference_year(reference, m, d, *direction)?, after));
        }
        let direction = direction_before(text, index);
        Some((in_reference_year(reference, m, d, direction)?, after - 1))
    };
    let current = word(index)?;
    let starts_with_digit = current.starts_with(|c: char| c.is_ascii_digit());
    if !starts_with_digit && !lexicon().contains(current) {
        return None;
    }

    // Month day[,] [year]: "March 10, 2024", "March 10".
    if let (Some(m), Some(d)) = (month(current), word(index + 1).and_then(day)) {
        if let Some(y) = word(index + 2).and_then(year) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(make(index + 2, date.to_string(), Resolution::Day, false));
        }
        let (date, last) = without_year(m, Some(d), index + 2)?;
        return Some(make(last, date.to_string(), Resolution::Day, true));
    }
    // Day [.] [de] Month [de] [year]: "10 March 2024", "14 de agosto de 2024", "12. März".
    if let Some(d) = day(current) {
        let month_at = if connector(index + 1) {
            index + 2
        } else {
            index + 1
        };
        if let Some(m) = word(month_at).and_then(month) {
            let year_at = if connector(month_at + 1) {
                month_at + 2
            } else {
                month_at + 1
            };
            if let Some(y) = word(year_at).and_then(year) {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                return Some(make(year_at, date.to_string(), Resolution::Day, false));
            }
            let (date, last) = without_year(m, Some(d), month_at + 1)?;
            return Some(make(last, date.to_string(), Resolution::Day, true));
        }
    }
    // Month [de] year: "March 2024", "marzo de 2024".
    if let Some(m) = month(current) {
        let year_at = if connector(index + 1) {
            index + 2
        } else {
            index + 1
        };
        if let Some(y) = word(year_at).and_then(year) {
            return Some(make(
                year_at,
                format!("{y:04}-{m:02}"),
                Resolution::Month,
                false,
            ));
        }
        // "in January", "en enero": the month of the story's year.
        let introduced = index > 0
            && matches!(
                word(index - 1),
                Some("in" | "en" | "em" | "im" | "since" | "desde" | "depuis" | "seit" | "until")
            );
        if introduced && !AMBIGUOUS_MONTHS.contains(&current) {
            let (date, last) = without_year(m, None, index + 1)?;
            return Some(make(
                last,
                format!("{:04}-{:02}", date.year(), m),
                Resolution::Month,
                true,
            ));
        }
    }
    // "in 2023", "desde 2020", "bis 2027": a year after a word that introduces a time. Not
    // after words that as often introduce a count ("from", "de", "ab", "para": "más de 2000
    // personas").
    if let Some(y) = year(current) {
        let introduced =
            index > 0 && word(index - 1).is_some_and(|w| YEAR_INTRODUCERS.contains(&w));
        if introduced {
            return Some(make(index, format!("{y:04}"), Resolution::Year, false));
        }
    }
    let reference = reference?;
    if let Some((_, weekday)) = WEEKDAYS.iter().find(|(name, _)| *name == current) {
        let date = weekday_from(reference, *weekday, direction_before(text, index));
        return Some(make(index, date.to_string(), Resolution::Day, true));
    }
    if let Some((_, offset)) = RELATIVE_DAYS.iter().find(|(name, _)| *name == current) {
        let date = reference + Duration::days(*offset);
        return Some(make(index, date.to_string(), Resolution::Day, true));
    }
    for ((_, resolution, offset), phrase) in RELATIVE_PERIODS.iter().zip(period_words()) {
        let length = phrase.len();
        let matches = phrase
            .iter()
            .enumerate()
            .all(|(k, expected)| word(index + k) == Some(*expected));
        if !matches {
            continue;
        }
        let value = match resolution {
            Resolution::Year => format!("{:04}", reference.year() + offset),
            _ => {
                let months = reference.year() * 12 + reference.month0() as i32 + offset;
                format!(
                    "{:04}-{:02}",
                    months.div_euclid(12),
                    months.rem_euclid(12) + 1
                )
            }
        };
        return Some(make(index + length - 1, value, *resolution, true));
    }
    None
}

/// A month (and day) without a year, in the year its direction gives: the next such day when
/// the words before it look ahead ("les élections auront lieu le 17 novembre" in September is
/// this November), the last one when they look back, the nearest one when they aim at it
/// ("convoquées pour le 17 novembre" in September is this November, "prevista para el 3 de
/// marzo" in April last March); otherwise the latest such day at most half a year (a month
/// alone: at most a month) after the story.
fn in_reference_year(
    reference: NaiveDate,
    month: u32,
    day: Option<u32>,
    direction: Direction,
) -> Option<NaiveDate> {
    let in_year = |year: i32| NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1));
    // A month alone is compared with the story's month: "this March" is March 31's too.
    let first_of_month = NaiveDate::from_ymd_opt(reference.year(), reference.month(), 1)?;
    let now = if day.is_some() {
        reference
    } else {
        first_of_month
    };
    let year = reference.year();
    // A day written without its year is within half a year after the story or less than a
    // year before it (style books leave the year out for the current year: "the Budget on 30
    // October" in September is this October, "15 de janeiro" in late December next January,
    // "Dec. 28" in January last December). A month alone leans to the past: "took office in
    // December" in September is last December.
    let ahead_at_most = if day.is_some() { 183 } else { 31 };
    match direction {
        Direction::Ahead => [year, year + 1]
            .into_iter()
            .filter_map(in_year)
            .find(|date| *date >= now),
        Direction::Back => [year, year - 1]
            .into_iter()
            .filter_map(in_year)
            .find(|date| *date <= now),
        Direction::Around => [year - 1, year, year + 1]
            .into_iter()
            .filter_map(in_year)
            .min_by_key(|date| ((*date - now).num_days().abs(), *date > now)),
        Direction::Nearest => [year + 1, year, year - 1]
            .into_iter()
            .filter_map(in_year)
            .find(|date| *date <= reference + Duration::days(ahead_at_most)),
    }
}

/// Which way the words before word `index` point a date without its year or week: ahead
/// ("next", "will", "prochain", "wird", "vai"), back ("last", "pasado", "dernier"), at it
/// ("pour", "para", "für" right before it), or none.
///
/// Only the sentence's own words count: "Talks will resume. Sales fell in November."
fn direction_before(text: &Text<'_>, index: usize) -> Direction {
    let (words, body) = (text.words(), text.body());
    let in_sentence = (index.saturating_sub(8)..index)
        .rev()
        .take_while(|&i| {
            let gap = &body[words[i].1..words[i + 1].0];
            !gap.contains(['.', '!', '?', '\n'])
        })
        .count();
    let before = || (index - in_sentence..index).map(|i| text.lower_word(i));
    let right_before =
        (index.saturating_sub(2).max(index - in_sentence)..index).map(|i| text.lower_word(i));
    if before().any(|w| LOOKING_AHEAD.contains(&w)) {
        Direction::Ahead
    } else if before().any(|w| LOOKING_BACK.contains(&w)) {
        Direction::Back
    } else if right_before.into_iter().any(|w| AIMING_AT.contains(&w)) {
        Direction::Around
    } else {
        Direction::Nearest
    }
}

/// Which way a weekday points from the story's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ahead,
    Back,
    /// Whichever is nearer, the past one on a tie, for a date without its year too.
    Around,
    /// Whichever is nearer, the past one on a tie; a date without its year leans to the past.
    Nearest,
}

fn weekday_from(reference: NaiveDate, weekday: Weekday, direction: Direction) -> NaiveDate {
    let today = i64::from(reference.weekday().num_days_from_monday());
    let target = i64::from(weekday.num_days_from_monday());
    let forward = (target - today).rem_euclid(7);
    let back = (today - target).rem_euclid(7);
    let days = match direction {
        Direction::Ahead if forward == 0 => 7,
        Direction::Ahead => forward,
        Direction::Back if back == 0 => -7,
        Direction::Back => -back,
        Direction::Nearest | Direction::Around if forward < back => forward,
        Direction::Nearest | Direction::Around => -back,
    };
    reference + Duration::days(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(body: &str, reference: Option<&str>) -> Vec<(String, &'static str)> {
        let reference = reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").unwrap());
        find_dates(&Text::new(body), reference)
            .into_iter()
            .map(|d| (d.value, d.resolution.as_str()))
            .collect()
    }

    #[test]
    fn written_dates_in_five_languages() {
        let found = values(
            "The plant closed on March 10, 2024. Reabrió el 14 de agosto de 2024. Der Streik am 12. März 2024. En février 2023 déjà. Prices rose in 2021. Die Werke laufen bis 2027, el plan dura hasta 2030 y la obra até 2026, jusqu’en 2028. Más de 2000 personas, ab 1999 Euro.",
            None,
        );
        assert_eq!(
            found,
            vec![
                ("2024-03-10".into(), "day"),
                ("2024-08-14".into(), "day"),
                ("2024-03-12".into(), "day"),
                ("2023-02".into(), "month"),
                ("2021".into(), "year"),
                ("2027".into(), "year"),
                ("2030".into(), "year"),
                ("2026".into(), "year"),
                ("2028".into(), "year"),
            ]
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_story() {
        // 2024-03-13 is a Wednesday.
        let found = values(
            "Officials said on Monday the talks failed; yesterday they resumed, and they will meet again next Friday. Sales fell last month and earlier this month. The fair opens Saturday.",
            Some("2024-03-13"),
        );
        assert_eq!(
            found,
            vec![
                ("2024-03-11".into(), "day"),
                ("2024-03-12".into(), "day"),
                ("2024-03-15".into(), "day"),
                ("2024-02".into(), "month"),
                ("2024-03".into(), "month"),
                ("2024-03-16".into(), "day"),
            ]
        );
    }

    #[test]
    fn a_date_without_its_year_looks_the_way_its_words_do() {
        // 2024-09-12: elections called for November, an office taken last December, a vote
        // of March.
        let found = values(
            "Elections will be held on 17 November. The president took office in December. \
             The vote of 15 March was annulled. Des élections anticipées pour le 17 novembre. \
             The plant was last inspected in October.",
            Some("2024-09-12"),
        );
        assert_eq!(
            found,
            vec![
                ("2024-11-17".into(), "day"),
                ("2023-12".into(), "month"),
                ("2024-03-15".into(), "day"),
                ("2024-11-17".into(), "day"),
                ("2023-10".into(), "month"),
            ]
        );
        // Aimed at, the nearest: in April a vote called for June, a meeting that was planned
        // for March.
        let found = values(
            "Elecciones convocadas para el 2 de junio. La reunión prevista para el 3 de marzo.",
            Some("2024-04-20"),
        );
        assert_eq!(
            found,
            vec![("2024-06-02".into(), "day"), ("2024-03-03".into(), "day")]
        );
        // Across New Year: what will happen is next year's.
        let found = values(
            "Talks will resume on 8 January. Sales fell in November.",
            Some("2024-12-28"),
        );
        assert_eq!(
            found,
            vec![("2025-01-08".into(), "day"), ("2024-11".into(), "month")]
        );
    }

    #[test]
    fn the_words_after_a_date_without_its_year_give_its_year() {
        // 2024-07-09: a launch a year after the last one, a correction of last March, a fair
        // planned for next spring, a budget due in the autumn.
        let found = values(
            "Seit dem letzten Flug im Juli vergangenen Jahres. Le décret du 3 mars dernier. \
             La feria del 14 de abril del próximo año. The Budget on 30 October. \
             Em julho do ano passado. In March last year prices fell.",
            Some("2024-07-09"),
        );
        assert_eq!(
            found,
            vec![
                ("2023-07".into(), "month"),
                ("2024-03-03".into(), "day"),
                ("2025-04-14".into(), "day"),
                ("2024-10-30".into(), "day"),
                ("2023-07".into(), "month"),
                ("2023-03".into(), "month"),
            ]
        );
        // A day most of a year ahead is last year's; one early next year in late December is
        // the coming one.
        assert_eq!(
            values("The plant closed on Dec. 28.", Some("2024-01-10")),
            vec![("2023-12-28".into(), "day")]
        );
        assert_eq!(
            values("Chapo toma posse a 15 de janeiro.", Some("2024-12-23")),
            vec![("2025-01-15".into(), "day")]
        );
    }

    #[test]
    fn relative_dates_without_a_story_date_are_left_out() {
        assert!(values("They met on Monday and again yesterday.", None).is_empty());
    }

    #[test]
    fn a_story_without_a_time_is_dated_by_the_day_its_dateline_prints() {
        let day = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok();
        let time = |rfc3339: &str| chrono::DateTime::parse_from_rfc3339(rfc3339).ok();
        let dated_sent = |printed: Option<&str>, published: Option<&str>, sent: Option<&str>| {
            let mut story = Story::new(crate::story::model::SourceFormat::PlainText);
            story.dateline = Some(crate::story::model::Dateline {
                place: "TOULOUSE".to_owned(),
                country_code: None,
                region: None,
                date: printed.map(str::to_owned),
            });
            story.first_published = published.and_then(time);
            story.sent = sent.and_then(time).map(|sent| sent.to_utc());
            story_date(&story)
        };
        let dated = |printed, published| dated_sent(printed, published, None);
        assert_eq!(dated(Some("12 septembre 2024"), None), day("2024-09-12"));
        assert_eq!(dated(Some("March 3, 2025"), None), day("2025-03-03"));
        assert_eq!(dated(Some("14. März 2024"), None), day("2024-03-14"));
        // Without its year the printed date names no day, unless the message's time tells the
        // year: the nearest one before it, across New Year too.
        assert_eq!(dated(Some("May 29"), None), None);
        assert_eq!(dated(None, None), None);
        let sent = Some("2025-05-29T23:10:00Z");
        assert_eq!(dated_sent(Some("May 29"), None, sent), day("2025-05-29"));
        let new_year = Some("2025-01-01T00:20:00Z");
        assert_eq!(
            dated_sent(Some("31 dic"), None, new_year),
            day("2024-12-31")
        );
        assert_eq!(dated_sent(None, None, sent), None);
        // The story's own time comes first.
        assert_eq!(
            dated(Some("12 septembre 2024"), Some("2024-09-13T06:00:00Z")),
            day("2024-09-13")
        );
    }

    #[test]
    fn ordinary_words_are_not_months() {
        assert!(values(
            "They may decide. Out of 2 options, one was chosen.",
            Some("2024-03-13")
        )
        .is_empty());
    }
}
