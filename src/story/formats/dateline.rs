//! Datelines at the start of a story's first paragraph: `WASHINGTON (AP) —`,
//! `NEW DELHI, May 29 (Reuters) -`, `Berlin (dpa) -`, `HAVANA, Cuba —`, `TOKYO —`.

use crate::story::model::Dateline;

/// A dateline is short; a dash further in belongs to the sentence.
const MAX_PREFIX_CHARS: usize = 80;
/// ANPA wire text writes the dash as ` _ `; EFE closes its dateline with `(EFE).- `, and
/// Latin American papers close the place with `.-` (`LIMA.- El Gobierno`).
const DASHES: &[&str] = &[" — ", " – ", " - ", " -- ", " _ ", ").- ", ".- "];

/// What a dateline states: the place as printed and the agency tag, when present.
#[derive(Debug, PartialEq, Eq)]
pub struct ParsedDateline {
    pub dateline: Dateline,
    pub agency: Option<String>,
}

/// The dateline that opens a story's first paragraph, up to the dash that closes it.
pub fn parse_dateline(first_paragraph: &str) -> Option<ParsedDateline> {
    let (prefix, _) = DASHES
        .iter()
        .filter_map(|dash| {
            first_paragraph
                .find(dash)
                .map(|at| (&first_paragraph[..at], at))
        })
        .min_by_key(|(_, at)| *at)?;
    parse_printed(prefix)
}

/// Whether a paragraph is only a dateline with its closing dash, as Europa Press sets it above
/// the story's first paragraph (`MADRID, 13 Nov. (EUROPA PRESS) -`). Its agency tag or its
/// place in capitals tells it from a short line that happens to end with a dash.
pub fn stands_alone(paragraph: &str) -> bool {
    let Some(printed) = paragraph
        .trim_end()
        .strip_suffix(['-', '—', '–'])
        .filter(|rest| rest.ends_with(' '))
        .map(str::trim_end)
    else {
        return false;
    };
    parse_printed(printed).is_some_and(|parsed| {
        let place = &parsed.dateline.place;
        parsed.agency.is_some() && printed.ends_with(')')
            || place.chars().any(char::is_alphabetic) && !place.chars().any(char::is_lowercase)
    })
}

/// A dateline printed on its own, without the dash that closes it in running text: the
/// `dateline` element of NewsML-G2 and NITF (`PORT SUDAN, March 4, 2025 (AFP)`).
pub fn parse_printed(prefix: &str) -> Option<ParsedDateline> {
    let prefix = prefix.trim();
    if prefix.chars().count() > MAX_PREFIX_CHARS || prefix.split_whitespace().count() > 10 {
        return None;
    }
    let agency = prefix
        .rfind('(')
        .and_then(|open| prefix[open + 1..].split(')').next())
        .map(str::trim)
        .filter(|tag| !tag.is_empty() && tag.split_whitespace().count() <= 3)
        .map(str::to_owned);
    let end = prefix.find([',', '(']).unwrap_or(prefix.len());
    let mut place = prefix[..end].trim();
    // `MOSCOW. March 14 (Interfax)`: a period closes the place, unless it ends an abbreviation
    // of three letters or fewer (`ST. PETERSBURG, Fla.`, `FT. LAUDERDALE`, `MT. VERNON`).
    if let Some(dot) = place.match_indices(". ").map(|(at, _)| at).find(|&at| {
        let word = place[..at].rsplit(' ').next().unwrap_or_default();
        word.chars().count() > 3
    }) {
        place = &place[..dot];
    }
    // `FRANKFURT/MAIN (dpa)`, `HALLE/SAALE`, `BERLIN/BRÜSSEL`: a river or a second place
    // qualifies the first, which is where the story was filed.
    let place = place.split_once('/').map_or(place, |(place, _)| place);
    let place = place.trim_end_matches('.').trim();
    let looks_like_place = place.chars().next().is_some_and(char::is_uppercase)
        && place.split_whitespace().count() <= 4
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'));
    let has_digit = |part: &str| part.chars().any(|c| c.is_ascii_digit());
    // What follows the place after a comma, unless it is a date: a state, district or country.
    let region = prefix[end..]
        .strip_prefix(',')
        .and_then(|rest| rest.split([',', '(']).next())
        .map(str::trim)
        .filter(|r| !r.is_empty() && !has_digit(r))
        .map(str::to_owned);
    // The date printed between the place (and its region) and the agency: from the first
    // comma-separated part with a digit on (`May 29`, `March 3, 2025`, `12 septembre 2024`).
    let place_end = prefix.find(place).map_or(0, |at| at + place.len());
    let after_place = prefix[place_end..].split('(').next().unwrap_or_default();
    let mut date = None;
    let mut part_start = 0;
    for part in after_place.split(',') {
        if has_digit(part) {
            date = Some(
                after_place[part_start..]
                    .trim_matches(|c: char| c == '.' || c.is_whitespace())
                    .to_owned(),
            );
            break;
        }
        part_start += part.len() + 1;
    }
    looks_like_place.then(|| ParsedDateline {
        dateline: Dateline {
            place: place.to_owned(),
            country_code: None,
            region,
            date,
        },
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_and_agency(text: &str) -> Option<(String, Option<String>)> {
        parse_dateline(text).map(|p| (p.dateline.place, p.agency))
    }

    #[test]
    fn wire_datelines() {
        let cases = [
            (
                "WASHINGTON (AP) — A Senate committee voted",
                "WASHINGTON",
                Some("AP"),
            ),
            (
                "NEW DELHI, May 29 (Reuters) - India's peak power",
                "NEW DELHI",
                Some("Reuters"),
            ),
            (
                "Berlin (dpa) - Passagiere an mehreren",
                "Berlin",
                Some("dpa"),
            ),
            ("HAVANA, Cuba — Cuba's president", "HAVANA", None),
            ("TOKYO — Supermarkets across Japan", "TOKYO", None),
            (
                "FRANKFURT/MAIN (dpa) - Die Gewerkschaft",
                "FRANKFURT",
                Some("dpa"),
            ),
            (
                "BERLIN/BRÜSSEL (dpa) - Die Regierung",
                "BERLIN",
                Some("dpa"),
            ),
            (
                "MOSCOW. March 14 (Interfax) - Russia",
                "MOSCOW",
                Some("Interfax"),
            ),
            (
                "ST. PETERSBURG, Fla. (AP) — Hurricane Milton",
                "ST. PETERSBURG",
                Some("AP"),
            ),
            (
                "Paris, 23 fév 2024 (AFP) - Des centaines",
                "Paris",
                Some("AFP"),
            ),
            (
                "BOGOTÁ, 8 jul (EFE).- El Gobierno colombiano",
                "BOGOTÁ",
                Some("EFE"),
            ),
            ("LIMA.- El Gobierno de Perú declaró", "LIMA", None),
            ("SANTIAGO, Chile.- La ministra", "SANTIAGO", None),
        ];
        for (text, place, agency) in cases {
            assert_eq!(
                place_and_agency(text),
                Some((place.to_owned(), agency.map(str::to_owned))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_dateline_set_above_the_first_paragraph_stands_alone() {
        for alone in [
            "MADRID, 13 Nov. (EUROPA PRESS) -",
            "Sevilla, 4 Mar. (Europa Press) – ",
            "LIMA —",
        ] {
            assert!(stands_alone(alone), "{alone}");
        }
        for not_alone in [
            "MADRID, 13 Nov. (EUROPA PRESS) - La Agencia Estatal",
            "Weather warning for Madrid -",
            "Lima-",
            "",
        ] {
            assert!(!stands_alone(not_alone), "{not_alone}");
        }
    }

    #[test]
    fn a_dateline_printed_on_its_own_needs_no_dash() {
        let parsed = parse_printed(" PORT SUDAN, March 4, 2025 (AFP) ");
        assert_eq!(
            parsed,
            Some(ParsedDateline {
                dateline: Dateline {
                    place: "PORT SUDAN".to_owned(),
                    country_code: None,
                    region: None,
                    date: Some("March 4, 2025".to_owned()),
                },
                agency: Some("AFP".to_owned()),
            })
        );
        assert_eq!(
            parse_printed("Paris, France").map(|p| (p.dateline.place, p.dateline.region)),
            Some(("Paris".to_owned(), Some("France".to_owned())))
        );
    }

    #[test]
    fn the_printed_date_is_kept_apart_from_the_region() {
        let cases = [
            (
                "NEW DELHI, May 29 (Reuters) - India's",
                None,
                Some("May 29"),
            ),
            (
                "NEW YORK, March 3, 2025 (Wire) — Shares",
                None,
                Some("March 3, 2025"),
            ),
            (
                "PARIS, Texas, May 29 (AP) — A",
                Some("Texas"),
                Some("May 29"),
            ),
            (
                "MOSCOW. March 14 (Interfax) - Russia",
                None,
                Some("March 14"),
            ),
            (
                "TOULOUSE, 12 septembre 2024 (AFP) - Le ministre",
                None,
                Some("12 septembre 2024"),
            ),
            ("MADRID, 8 jul (EFE).- El Gobierno", None, Some("8 jul")),
            ("HAVANA, Cuba — Cuba's president", Some("Cuba"), None),
            ("WASHINGTON (AP) — A Senate committee", None, None),
        ];
        for (text, region, date) in cases {
            let dateline = parse_dateline(text).map(|parsed| parsed.dateline);
            assert_eq!(
                dateline.map(|d| (d.region, d.date)),
                Some((region.map(str::to_owned), date.map(str::to_owned))),
                "{text}"
            );
        }
    }

    #[test]
    fn sentences_with_dashes_are_not_datelines() {
        assert_eq!(place_and_agency("The council, which met for six hours on Monday evening and again on Tuesday morning — voted"), None);
        assert_eq!(place_and_agency("no dash here"), None);
    }
}
