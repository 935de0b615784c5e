//! Named natural features and regions that no gazetteer file lists: lakes, rivers, canals, dams,
//! reservoirs, seas, islands, mountains, troughs ("Gatun Lake", "Lake Kariba", "Indio River",
//! "Panama Canal", "Salar de Atacama", "Nankai Trough") and "X region/province" phrases ("Rostov
//! region"), found by the word that names their kind.
//!
//! The country is the one the proper part names when the gazetteer knows it ("Suez Canal" → EG,
//! "Panama Canal" → PA); otherwise the story's country when it has exactly one (a lake in a story
//! filed from Panama is most likely in Panama). Oceans and seas get none: they lie in no single
//! country.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::WordList;
use crate::story::gazetteer::{fold, gazetteer, REGIONS};
use crate::story::text::{without_possessive, Text};

/// Words after a name that make it a feature: "Gatun Lake", "Indio River".
static KIND_AFTER: WordList = WordList::new(&[
    "Lake",
    "River",
    "Canal",
    "Dam",
    "Reservoir",
    "Ocean",
    "Sea",
    "Bay",
    "Gulf",
    "Island",
    "Islands",
    "Mountains",
    "Mountain",
    "Valley",
    "Trough",
    "Strait",
    "Peninsula",
    "Desert",
    "Glacier",
    "Falls",
    "Delta",
    "Basin",
    "Forest",
    "Gorge",
    "Plateau",
    "Shoal",
    "Reef",
    "Atoll",
    "Archipelago",
]);
/// Words before a name that make it a feature: "Lake Kariba", "Salar de Atacama".
static KIND_BEFORE: WordList = WordList::new(&[
    "Lake", "Mount", "Mt.", "River", "Isle", "Gulf", "Bay", "Sea", "Strait", "Salar", "Río", "Rio",
    "Lago", "Lac", "Mont", "Monte", "Sierra", "Cerro", "Golfe", "Mar", "Lagoa", "Serra", "Ilha",
    "Isla", "Île", "Canal",
]);
/// Lower-case words after a name that make it a region: "Rostov region".
static REGION_AFTER: WordList = WordList::new(&[
    "region",
    "province",
    "oblast",
    "district",
    "county",
    "prefecture",
]);
/// Plural kinds after two coordinated names: "the Atlantic and Pacific oceans".
const PLURAL_KINDS: &[(&str, &str)] = &[
    ("oceans", "Ocean"),
    ("seas", "Sea"),
    ("rivers", "River"),
    ("lakes", "Lake"),
    ("islands", "Island"),
];
/// Sentence openers and prepositions that are capitalized only by position: "The Panama Canal",
/// "At Kariba Dam".
static OPENERS: WordList = WordList::new(&[
    "The", "A", "An", "At", "In", "On", "From", "To", "Near", "By", "Along", "Across", "El", "La",
    "Los", "Las", "Le", "Les", "Der", "Die", "Das", "O", "Os", "Em", "En", "Im",
]);
/// A feature named after a city this large is in that city's country.
const LARGE_CITY: u64 = 100_000;
/// Seas and oceans lie in no single country.
static NO_COUNTRY: WordList =
    WordList::new(&["Ocean", "Sea", "Mar", "Gulf", "Golfe", "Strait", "Shoal"]);
/// Small words inside feature names: "Isle of Arran", "Salar de Atacama".
static LINKS: WordList = WordList::new(&["of", "de", "del", "da", "do", "du", "des"]);

/// A feature found in the body: its name, country and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feature {
    pub name: String,
    pub country: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// Features of the body. `story_countries` are the countries the story is about, `home` its
/// dateline country.
pub fn find_features(
    text: &Text<'_>,
    story_countries: &BTreeSet<String>,
    home: Option<&str>,
) -> Vec<Feature> {
    let body = text.body();
    let words = words(text);
    let mut found = coordinated(&words);
    let mut index = 0;
    while index < words.len() {
        // Every feature, and every word that can open one, starts with a capital.
        if !words[index].0.starts_with(char::is_uppercase) {
            index += 1;
            continue;
        }
        let start = if OPENERS.contains(words[index].0) {
            index + 1
        } else {
            index
        };
        let Some((end, kind_word, proper)) = feature_at(&words, start) else {
            index += 1;
            continue;
        };
        let start_byte = words[start].1;
        let name = without_possessive(&body[start_byte..words[end].2]);
        let end_byte = start_byte + name.len();
        let is_region = REGION_AFTER.contains(kind_word);
        // Neither do the lakes, rivers and dams the places list as lying between countries
        // ("Lake Kariba", on the Zambia–Zimbabwe border).
        let country = if NO_COUNTRY.contains(kind_word) || super::places::is_supranational(name) {
            None
        } else {
            country_of(&proper, story_countries, home)
        };
        // A town named like a feature ("Lake Worth Beach") is the gazetteer's; so is a region
        // phrase around a known place ("Antofagasta region" is Antofagasta, "Guangdong
        // province" Guangdong).
        let known_place = gazetteer().city(name, None).is_some()
            || (is_region
                && (gazetteer().city(&proper, None).is_some()
                    || super::places::names_a_region(&proper)));
        // "the Chinese province of Sichuan", "the Russian region of Kursk": the name comes
        // after the connector, and the word before the kind is an adjective.
        let named_after = is_region
            && words.get(end + 1).is_some_and(|(word, ..)| {
                matches!(*word, "of" | "de" | "del" | "du" | "da" | "do")
            });
        if !known_place && !named_after {
            found.push(Feature {
                name: name.to_owned(),
                country,
                start: start_byte,
                end: end_byte,
            });
        }
        index = end + 1;
    }
    found.sort_by_key(|f| f.start);
    found
}

/// "the Atlantic and Pacific oceans" → "Atlantic Ocean" and "Pacific Ocean", each at its word.
fn coordinated(words: &[(&str, usize, usize)]) -> Vec<Feature> {
    let mut found = Vec::new();
    for window in words.windows(4) {
        let [(first, fs, fe), (and, ..), (second, ss, se), (plural, ..)] = window else {
            continue;
        };
        let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !matches!(*and, "and" | "y" | "et" | "e" | "und")
            || !capitalized(first)
            || !capitalized(second)
        {
            continue;
        }
        let Some((_, kind)) = PLURAL_KINDS.iter().find(|(p, _)| p == plural) else {
            continue;
        };
        let no_country = NO_COUNTRY.contains(kind);
        for (name, start, end) in [(first, fs, fe), (second, ss, se)] {
            found.push(Feature {
                name: format!("{name} {kind}"),
                country: if no_country {
                    None
                } else {
                    country_of(name, &BTreeSet::new(), None)
                },
                start: *start,
                end: *end,
            });
        }
    }
    found
}

/// A feature starting at word `index`: its last word, its kind word and its proper part.
/// A capitalized word right after the feature makes it part of a longer name ("Zambezi River
/// Authority" is an organisation), which is not a place.
fn feature_at<'a>(
    words: &[(&'a str, usize, usize)],
    index: usize,
) -> Option<(usize, &'a str, String)> {
    let word = |i: usize| words.get(i).map(|w| w.0);
    let capitalized =
        |i: usize| word(i).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let first = word(index)?;
    let continues_name = |last: usize| capitalized(last + 1) && adjacent(words, last, last + 1);
    // Kind first: "Lake Kariba", "Salar de Atacama", "Isle of Arran".
    let after_name = index > 0 && capitalized(index - 1) && adjacent(words, index - 1, index);
    if KIND_BEFORE.contains(first) && !after_name {
        let mut next = index + 1;
        if word(next).is_some_and(|w| LINKS.contains(w)) {
            next += 1;
        }
        if capitalized(next) && adjacent(words, next - 1, next) {
            let mut end = next;
            // A possessive ends the name: "Lake Kariba's shores".
            while !is_possessive(words[end].0)
                && capitalized(end + 1)
                && adjacent(words, end, end + 1)
                && !KIND_AFTER.contains(word(end + 1)?)
            {
                end += 1;
            }
            if !is_possessive(words[end].0) && continues_name(end) {
                return None;
            }
            let proper = words[next..=end]
                .iter()
                .map(|w| without_possessive(w.0))
                .collect::<Vec<_>>()
                .join(" ");
            return Some((end, first, proper));
        }
    }
    // Name first: "Gatun Lake", "Panama Canal", "Rostov region".
    if !first.chars().next().is_some_and(char::is_uppercase) || KIND_AFTER.contains(first) {
        return None;
    }
    let mut end = index;
    while end - index < 3 {
        // A possessive is the owner's name, not the feature's: in "Ukraine's Black Sea ports"
        // the feature is the "Black Sea" the search reaches from the next word.
        if is_possessive(words[end].0) {
            return None;
        }
        let next = without_possessive(word(end + 1)?);
        if !adjacent(words, end, end + 1) {
            return None;
        }
        if KIND_AFTER.contains(next) || REGION_AFTER.contains(next) {
            if !is_possessive(words[end + 1].0) && continues_name(end + 1) {
                return None;
            }
            let proper = words[index..=end]
                .iter()
                .map(|w| w.0)
                .collect::<Vec<_>>()
                .join(" ");
            return Some((end + 1, next, proper));
        }
        if !capitalized(end + 1) {
            return None;
        }
        end += 1;
    }
    None
}

/// Whether `word` ends in a possessive ("Ukraine's", "Kariba’s").
fn is_possessive(word: &str) -> bool {
    without_possessive(word).len() < word.len()
}

/// Whether two words are separated by one space only (no punctuation between them).
fn adjacent(words: &[(&str, usize, usize)], left: usize, right: usize) -> bool {
    match (words.get(left), words.get(right)) {
        (Some(l), Some(r)) => r.1 == l.2 + 1,
        _ => false,
    }
}

/// Builds the folded region names now rather than on the first story that names a feature.
pub fn prepare() {
    folded_regions();
}

/// First-level region names, folded, with their countries and their place in the regions file,
/// sorted by name so that the names beginning a given way are one range; built once.
fn folded_regions() -> &'static [(String, usize, &'static str)] {
    static REGION_NAMES: OnceLock<Vec<(String, usize, &'static str)>> = OnceLock::new();
    REGION_NAMES.get_or_init(|| {
        let mut regions: Vec<(String, usize, &'static str)> = REGIONS
            .lines()
            .enumerate()
            .filter_map(|(line_number, line)| {
                let mut fields = line.split('\t');
                let country = fields.next()?;
                let name = fields.nth(1)?;
                Some((fold(name), line_number, country))
            })
            .collect();
        regions.sort();
        regions
    })
}

/// The country of the first region in the regions file whose folded name begins with `folded`.
fn region_beginning(folded: &str) -> Option<&'static str> {
    let regions = folded_regions();
    let first = regions.partition_point(|(name, ..)| name.as_str() < folded);
    regions[first..]
        .iter()
        .take_while(|(name, ..)| name.starts_with(folded))
        .min_by_key(|(_, line_number, _)| *line_number)
        .map(|(.., country)| *country)
}

/// The country a proper name places a feature in: a country it names; a town of that name in
/// the dateline's country (without a dateline, in one of the story's countries); a city of
/// 100,000+ of that name ("Suez Canal" → EG); the story's
/// own country (its dateline's, or the only one it names); the first-level region whose name
/// begins with it ("Rostov" → "Rostovskaja oblast'"); a smaller town of that name anywhere.
fn country_of(
    proper: &str,
    story_countries: &BTreeSet<String>,
    home: Option<&str>,
) -> Option<String> {
    let gazetteer = gazetteer();
    if let Some(code) = gazetteer.country_code(proper) {
        return Some(code.to_owned());
    }
    // A town of the dateline's country names a feature there; with a dateline, a small town
    // abroad is a coincidence of names more often than not ("Indio River" in a story from
    // Panama City is no river of Indio, California, though the story names the US).
    let town_in_story = match home {
        Some(home) => gazetteer
            .city_in_country(proper, home)
            .map(|_| home.to_owned()),
        None => story_countries
            .iter()
            .find(|code| gazetteer.city_in_country(proper, code).is_some())
            .cloned(),
    };
    if let Some(code) = town_in_story {
        return Some(code);
    }
    let city = gazetteer.city(proper, None);
    if let Some(city) = city.filter(|c| c.population >= LARGE_CITY) {
        return Some(city.country.clone());
    }
    let single = (story_countries.len() == 1)
        .then(|| story_countries.iter().next())
        .flatten();
    if let Some(code) = home.map(str::to_owned).or_else(|| single.cloned()) {
        return Some(code);
    }
    let folded = fold(proper);
    let region = (folded.len() >= 4)
        .then(|| region_beginning(&folded))
        .flatten()
        .map(str::to_owned);
    region.or_else(|| city.map(|c| c.country.clone()))
}

/// The words of the body with their byte ranges (letters, digits, hyphens, apostrophes and the
/// full stop of "Mt.").
fn words<'a>(text: &Text<'a>) -> Vec<(&'a str, usize, usize)> {
    let body = text.body();
    text.words()
        .iter()
        .map(|&(start, end)| {
            let end = if &body[start..end] == "Mt" && body[end..].starts_with('.') {
                end + 1
            } else {
                end
            };
            (&body[start..end], start, end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_found_by_its_beginning_as_a_walk_through_the_file_finds_it() {
        let in_file_order: Vec<(String, &str)> = REGIONS
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let country = fields.next()?;
                Some((fold(fields.nth(1)?), country))
            })
            .collect();
        // Every name's beginnings of four to seven letters, and beginnings no region has.
        let mut beginnings: Vec<String> = in_file_order
            .iter()
            .flat_map(|(name, _)| (4..8).filter_map(|n| name.get(..n).map(str::to_owned)))
            .collect();
        beginnings.extend(["zzzz", "aaaa", "rostov", "sao p"].map(str::to_owned));
        for beginning in &beginnings {
            let walked = in_file_order
                .iter()
                .find(|(name, _)| name.starts_with(beginning.as_str()))
                .map(|(_, country)| *country);
            assert_eq!(region_beginning(beginning), walked, "{beginning}");
        }
    }

    fn found(body: &str, countries: &[&str]) -> Vec<(String, Option<String>)> {
        let countries = countries.iter().map(|c| c.to_string()).collect();
        find_features(&Text::new(body), &countries, None)
            .into_iter()
            .map(|f| (f.name, f.country))
            .collect()
    }

    #[test]
    fn features_by_their_kind_word() {
        assert_eq!(
            found(
                "Ships waited at the Panama Canal while Gatun Lake refilled; the Suez Canal and the Pacific Ocean were calm, and Lake Alajuela fell.",
                &["PA"]
            ),
            vec![
                ("Panama Canal".into(), Some("PA".into())),
                ("Gatun Lake".into(), Some("PA".into())),
                ("Suez Canal".into(), Some("EG".into())),
                ("Pacific Ocean".into(), None),
                ("Lake Alajuela".into(), Some("PA".into())),
            ]
        );
        // A lake the places list as lying between countries lies in none.
        assert_eq!(
            found("Lake Kariba fell.", &["ZM"]),
            vec![("Lake Kariba".into(), None)]
        );
    }

    #[test]
    fn with_a_dateline_a_feature_named_like_a_small_town_abroad_is_the_datelines() {
        let body = "The authority will dam the Indio River.";
        let countries: BTreeSet<String> = ["PA", "US"].map(str::to_owned).into();
        let features = find_features(&Text::new(body), &countries, Some("PA"));
        assert_eq!(features[0].country.as_deref(), Some("PA"));
        // Without one, the town in one of the story's countries still names it.
        assert_eq!(
            found(body, &["US", "PA"]),
            vec![("Indio River".into(), Some("US".into()))]
        );
        // A big foreign city's GeoNames alternate names no feature: "Florida" is also among
        // Floridablanca's (Colombia) names, but Florida Bay lies in the state.
        assert_eq!(
            found("The storm crossed Florida Bay.", &[]),
            vec![("Florida Bay".into(), Some("US".into()))]
        );
    }

    #[test]
    fn shoals_and_reefs_are_features_and_a_shoal_lies_in_no_country() {
        assert_eq!(
            found(
                "Ships clashed near Scarborough Shoal, far from Tubbataha Reef.",
                &["PH"]
            ),
            vec![
                ("Scarborough Shoal".into(), None),
                ("Tubbataha Reef".into(), Some("PH".into())),
            ]
        );
    }

    #[test]
    fn coordinated_oceans_and_openers() {
        assert_eq!(
            found(
                "The canal links the Atlantic and Pacific oceans. At Kariba Dam, levels fell.",
                &[]
            ),
            vec![
                ("Atlantic Ocean".into(), None),
                ("Pacific Ocean".into(), None),
                ("Kariba Dam".into(), None),
            ]
        );
    }

    #[test]
    fn a_possessive_belongs_to_the_owner_not_the_feature() {
        assert_eq!(
            found(
                "Drones hit Ukraine's Black Sea ports and the Black Sea's Crimean coast as Lake Kariba’s level and the Rostov region's wheat fell.",
                &[]
            ),
            vec![
                ("Black Sea".into(), None),
                ("Black Sea".into(), None),
                ("Lake Kariba".into(), None),
                ("Rostov region".into(), Some("RU".into())),
            ]
        );
    }

    #[test]
    fn a_feature_inside_a_longer_name_is_not_one() {
        assert!(found(
            "The Zambezi River Authority and the Panama Canal Authority met.",
            &[]
        )
        .is_empty());
    }

    #[test]
    fn regions_and_names_across_punctuation() {
        assert_eq!(
            found(
                "Farms in the Rostov region suffered. Smith, River said nothing.",
                &[]
            ),
            vec![("Rostov region".into(), Some("RU".into()))]
        );
    }

    #[test]
    fn an_adjective_before_a_region_named_after_it_is_no_region() {
        assert_eq!(
            found(
                "Rain hit the Chinese province of Sichuan, the Russian region of Kursk and the Rostov region.",
                &[]
            ),
            vec![("Rostov region".into(), Some("RU".into()))]
        );
    }
}
