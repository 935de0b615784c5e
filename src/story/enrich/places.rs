//! Places a story mentions: countries (in English, Spanish, French, German and Portuguese),
//! first-level regions and US states, cities of 5,000+ people, and continents, seas and other
//! places that lie in no single country — matched with one Aho-Corasick automaton built once.
//!
//! Ambiguity is decided from context. A name is read as the most populous place of that name,
//! preferring places in the story's countries (its dateline's, those it names, and one that two
//! or more of its towns share) — except that a country the story only names does not make one of
//! its small towns outrank a city ten times its size ("fined in the United States … offices in
//! Dublin" is Dublin, Ireland, not Dublin, California). Within a country, a town of the story's
//! state (its dateline city's, or a US state it names) or of the state printed after it comes
//! first ("Columbus" in a story from Atlanta is Columbus, Georgia; "Rochester, Minn."), and a
//! city of 100,000 or more outranks a region of its name unless the words around call it a
//! region ("Wien" the city, "Washington state" the state). A name that stands next to another
//! capitalized word anywhere in the story ("Bernardo Arévalo", "Miami Herald", "Jerome Powell")
//! is part of a longer name everywhere; a name after "of" in a proper name ("Chamber of
//! Commerce", "Reserve Bank of Australia") is not a place; a small town outside the story's
//! countries is not taken, nor a town whose name merely opens a sentence.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::word_starts::WordStartNames;
use super::{WordList, CALENDAR, GERMAN_DETERMINERS};
use crate::story::gazetteer::{fold, gazetteer, short_form, REGIONS};
use crate::story::model::Story;
use crate::story::normalize::without_stroke;
use crate::story::text::{
    alphanumeric_runs, follows_a_dash, opens_sentence, without_possessive, Text,
};

const SUPRANATIONAL: &str = include_str!("../../../data/gazetteer/supranational.tsv");

/// Below this population a city is only taken inside the story's countries.
const SMALL_TOWN: u64 = 100_000;

/// Directions that name the part of a US state news calls by them ("South Florida").
const STATE_PARTS: [&str; 10] = [
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Upstate",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    Region,
    City,
    Supranational,
}

#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    kind: Kind,
    country: Option<String>,
    geonameid: Option<u64>,
    population: u64,
    point: Option<(f64, f64)>,
    /// The first-level division a city lies in, as GeoNames codes it (`GA` for Georgia, `09`
    /// for Vienna); for a US state its postal code, which GeoNames uses for US states too.
    /// Other countries' ISO 3166-2 codes are not GeoNames', so their regions have none.
    admin1: Option<String>,
    /// A country's first-level subdivision (a state, a province), not one below it.
    first_level: bool,
}

/// A place the story mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// As written in the story.
    pub name: String,
    pub country_code: Option<String>,
    pub geonameid: Option<u64>,
    /// Longitude, latitude.
    pub point: Option<(f64, f64)>,
    /// Character offsets `[start, end)` of each mention in the clean body (none when the place
    /// is named only in the headline or dateline).
    pub mentions: Vec<(usize, usize)>,
}

#[cfg(test)]
impl Place {
    /// A place a story names, for the other finders' tests: its name only.
    pub(crate) fn named(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            country_code: None,
            geonameid: None,
            point: None,
            mentions: Vec::new(),
        }
    }
}

struct Matcher {
    names: WordStartNames,
    /// Per name: the candidates that name can stand for.
    candidates: Vec<Vec<Candidate>>,
}

/// Builds the automaton now rather than on the first story (it takes a moment, once).
pub fn prepare() {
    matcher();
}

/// Whether `name`, whole, is a place that lies in no single country ("Lake Kariba", "Zambezi"):
/// the feature finder, which names a lake by the town it is named after, names none for those.
pub(super) fn is_supranational(name: &str) -> bool {
    names_a(name, Kind::Supranational)
}

/// Whether `name`, whole, is a region's name ("Guangdong"): "Guangdong province" is that
/// region, not a feature of its own.
pub(super) fn names_a_region(name: &str) -> bool {
    names_a(name, Kind::Region)
}

/// Whether `name`, whole, is the name of some place of that kind.
fn names_a(name: &str, kind: Kind) -> bool {
    let m = matcher();
    m.names.name_of(name).is_some_and(|hit| {
        m.candidates[hit.pattern().as_usize()]
            .iter()
            .any(|c| c.kind == kind)
    })
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(build)
}

/// Place names, each with the candidates it can stand for.
type ByName = HashMap<String, Vec<Candidate>>;

/// Lists `candidate` under every way `name` is written in news text, if it is a name at all.
fn add_name(by_name: &mut ByName, name: &str, candidate: Candidate) {
    let proper = name.chars().count() >= 3 && name.chars().next().is_some_and(char::is_uppercase);
    // A country's two-letter abbreviation ("UK", "US") is a name; towns' are not.
    let abbreviation = candidate.kind == Kind::Country && is_abbreviation(name);
    if !(proper || abbreviation || name.starts_with("southern") || name.starts_with("sub-")) {
        return;
    }
    for variant in name_variants(name) {
        let entry = by_name.entry(variant).or_default();
        if !entry.contains(&candidate) {
            entry.push(candidate.clone());
        }
    }
}

fn build() -> Matcher {
    let mut by_name = ByName::new();
    let mut add = |name: &str, candidate: Candidate| add_name(&mut by_name, name, candidate);
    let g = gazetteer();
    // A nation named like a country (Scotland, Wales) keeps its own GeoNames feature.
    let country = |name: &str, code: &str| {
        let nation = g.division_by_name(code, name);
        Candidate {
            kind: Kind::Country,
            country: Some(code.to_owned()),
            geonameid: nation
                .map(|d| d.geonameid)
                .or_else(|| g.country_geonameid(code)),
            population: u64::MAX,
            point: nation.and_then(|d| d.point),
            admin1: None,
            first_level: false,
        }
    };
    for (name, code) in g.country_names() {
        add(name, country(name, code));
    }
    let region_names: BTreeSet<&str> = REGIONS
        .lines()
        .filter_map(|line| line.split('\t').nth(2))
        .collect();
    for line in REGIONS.lines() {
        if let [code, subdivision, name, kind, level] = line.split('\t').collect::<Vec<_>>()[..] {
            let division = g.division(subdivision);
            let region = Candidate {
                kind: Kind::Region,
                country: Some(code.to_owned()),
                geonameid: division.map(|d| d.geonameid),
                population: division.map_or(0, |d| d.population),
                point: division.and_then(|d| d.point),
                admin1: subdivision.strip_prefix("US-").map(str::to_owned),
                first_level: level == "1",
            };
            // "South Florida", "Northern California", "West Texas": the part of a state a
            // direction names is in that state, though it is no division of its own (and so
            // has no GeoNames feature). Not where that is another state's name: "West
            // Virginia".
            if kind == "State" && code == "US" {
                for direction in STATE_PARTS {
                    let part = format!("{direction} {name}");
                    if !region_names.contains(part.as_str()) {
                        add(
                            &part,
                            Candidate {
                                geonameid: None,
                                point: None,
                                ..region.clone()
                            },
                        );
                    }
                }
            }
            add(name, region);
        }
    }
    for line in SUPRANATIONAL.lines() {
        if let Some((name, _)) = line.split_once('\t') {
            add(
                name,
                Candidate {
                    kind: Kind::Supranational,
                    country: None,
                    geonameid: None,
                    population: u64::MAX,
                    point: None,
                    admin1: None,
                    first_level: false,
                },
            );
        }
    }
    for city in g.cities() {
        let candidate = Candidate {
            kind: Kind::City,
            country: Some(city.country.clone()),
            geonameid: Some(city.geonameid),
            population: city.population,
            point: Some((city.longitude, city.latitude)),
            admin1: Some(city.admin1.clone()),
            first_level: false,
        };
        for name in std::iter::once(&city.name).chain(&city.alternates) {
            add_name(&mut by_name, name, candidate.clone());
        }
    }
    share_across_marks(&mut by_name);
    let (names, candidates): (Vec<String>, Vec<Vec<Candidate>>) = by_name.into_iter().unzip();
    Matcher {
        names: WordStartNames::new(&names).expect("the place names build an automaton"),
        candidates,
    }
}

/// Gives a name written with diacritics the candidates of the names written like it without
/// them. Spanish, French and Portuguese copy writes foreign places with their own accents
/// ("Los Ángeles (EE.UU.)", "Pékin"), while the gazetteer lists the accented form only for the
/// place that is named so at home (Los Ángeles, Chile): the story's countries and the places'
/// sizes should choose among all of them, as they do for the name without marks.
fn share_across_marks(by_name: &mut ByName) {
    // Every name is listed without its marks too (`name_variants`), so the bare name holds
    // the candidates of all its accented forms already; each accented form takes the bare
    // name's.
    let marked: Vec<(String, String)> = by_name
        .keys()
        .filter_map(|name| {
            let bare = without_marks(name);
            (bare != *name).then(|| (name.clone(), bare))
        })
        .collect();
    for (name, bare) in marked {
        let Some(shared) = by_name.get(&bare) else {
            continue;
        };
        let extra: Vec<Candidate> = shared
            .iter()
            .filter(|candidate| !by_name[&name].contains(candidate))
            .cloned()
            .collect();
        if let Some(candidates) = by_name.get_mut(&name) {
            candidates.extend(extra);
        }
    }
}

fn without_marks(name: &str) -> String {
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// The ways a name is written in news text: as listed, without diacritics (`Rājasthān` →
/// `Rajasthan`), `St.` for `Saint`, and the short form of `Frankfurt am Main`.
fn name_variants(name: &str) -> Vec<String> {
    let mut variants = vec![name.to_owned()];
    let without_marks = without_marks(name);
    // "Đắk Lắk" → "Dak Lak", "Łódź" → "Lodz": strokes go too, as copy in English writes them.
    if without_marks.chars().any(|c| without_stroke(c).is_some()) {
        variants.push(
            without_marks
                .chars()
                .map(|c| without_stroke(c).unwrap_or(c))
                .collect(),
        );
    }
    variants.push(without_marks);
    if let Some(rest) = name.strip_prefix("Saint ") {
        variants.push(format!("St. {rest}"));
    }
    if let Some(short) = short_form(name) {
        variants.push(short.to_owned());
    }
    variants.sort();
    variants.dedup();
    variants
}

/// How a match sits among the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    /// Free-standing: "in Lisbon,".
    Alone,
    /// Next to another capitalized word: "Bernardo Arévalo", "Miami Herald".
    Adjacent,
    /// The object of "of"/"de" in a proper name: "Chamber of Commerce", "Bank of Australia".
    NameOf,
    /// Before the word for a division named after it: "Lexington County", "Orleans Parish".
    /// That mention is the division, but it is no person's or organisation's name, so the
    /// town's other mentions stay the town.
    Division,
    /// Before the words for the town's airport: "Nadi International Airport". That mention is
    /// the airport, and the town's other mentions stay the town.
    Airport,
    /// The object of a minister's or a secretary's "of": "ministra da Saúde", "secretário
    /// estadual de Saúde". A country stays one ("the Prime Minister of Canada"); a town or a
    /// region so named is the portfolio, which a town may share its name with.
    Portfolio,
}

/// A raw match, before context decides what it stands for.
struct Hit {
    pattern: usize,
    text: String,
    /// Byte range in the text searched; `None` for the headline.
    range: Option<(usize, usize)>,
    setting: Setting,
    /// A capitalized word (not a weekday or month) follows: "Pacific Power", "Russia Today".
    name_continues: bool,
    /// An abbreviation used as an adjective: "U.S. carriers", "U.K. officials".
    attributive: bool,
    /// In the body, right after a capitalized word that does not open the sentence: the end of
    /// a name ("Credit Suisse", "Air France"), not a country of its own.
    ends_a_name: bool,
    sentence_start: bool,
    /// The US state printed after it and a comma: "Columbus, Ohio", "Vienna, Va.".
    state_after: Option<String>,
    /// Called a region by the words around it: "Bellevue, Washington", "Washington state",
    /// "distrito de Beja", "the province of Antofagasta".
    called_a_region: bool,
    /// Named like a planet or a moon and not placed as a town: "toward Jupiter" (see
    /// [`names_a_planet`]).
    a_planet: bool,
}

/// Finds the places a story mentions in its body, headline and captions, the dateline place
/// included.
pub fn find_places(story: &Story, text: &Text<'_>) -> Vec<Place> {
    let body = text.body();
    let m = matcher();
    let language = story.language.map(|l| l.code);
    let german = language == Some("de");
    let body_hits = hits_in(body, text.alphanumeric_runs(), true, language);
    // The headline and picture captions name places too ("place only in the caption"); those
    // mentions have no offsets in the body.
    let outside_body = |text: &String| hits_in(text, &alphanumeric_runs(text), false, language);
    let mut headline_hits: Vec<Hit> = story.headline.iter().flat_map(outside_body).collect();
    // Which of the hits outside the body are the headline's: the captions' follow.
    let in_headline = body_hits.len()..body_hits.len() + headline_hits.len();
    headline_hits.extend(
        story
            .images
            .iter()
            .filter_map(|image| image.caption.as_ref())
            .flat_map(outside_body),
    );
    // A town name next to another capitalized word anywhere is part of a longer name (a
    // person's surname, an organisation) wherever it appears: "Jerome Powell" … "Powell said".
    let in_longer_names: BTreeSet<String> = body_hits
        .iter()
        .chain(&headline_hits)
        .filter(|h| h.setting == Setting::Adjacent)
        .filter(|h| m.candidates[h.pattern].iter().all(|c| c.kind == Kind::City))
        .map(|h| h.text.clone())
        .collect();
    // Any name next to another capitalized word somewhere: a region abroad that its weight
    // alone would make the place is not taken under such a name ("Anne Hidalgo" … "which
    // Hidalgo backed" is no Mexican state).
    let beside_capitals: BTreeSet<String> = body_hits
        .iter()
        .chain(&headline_hits)
        .filter(|h| h.setting == Setting::Adjacent)
        .map(|h| h.text.clone())
        .collect();
    let countries = story_countries(
        story,
        body_hits.iter().chain(&headline_hits),
        &in_longer_names,
    );
    // Each place with its folded name, which later mentions are matched on.
    let mut places: Vec<(String, Place)> = Vec::new();
    // Mentions of the dateline city by the first part of its name ("Santiago" in a story from
    // Santiago de Compostela): they are that city, whatever larger town shares the short name.
    let mut dateline_mentions = Vec::new();
    let dateline_key = story
        .dateline
        .as_ref()
        .map(|dateline| fold(&dateline.place));
    for (index, hit) in body_hits.into_iter().chain(headline_hits).enumerate() {
        let Some(candidate) = choose(&m.candidates[hit.pattern], &countries, &hit) else {
            continue;
        };
        if candidate.kind == Kind::City
            && dateline_key
                .as_deref()
                .is_some_and(|dateline| shortens(&hit.text, dateline))
        {
            dateline_mentions.extend(
                hit.range
                    .map(|(start, end)| (text.char_offset(start), text.char_offset(end))),
            );
            continue;
        }
        // "Washington said", "ties with Moscow": a capital standing for its government.
        let stands_for_government = candidate.kind == Kind::City
            && gazetteer().capital_of(&hit.text) == candidate.country.as_deref()
            && hit
                .range
                .is_some_and(|(start, end)| is_metonym(body, start, end));
        if stands_for_government {
            continue;
        }
        // "Uma greve…", "Como dijo…": a town named like a function word, capitalized only
        // because it opens the sentence (or the text after the dateline's dash).
        let town_or_region = matches!(candidate.kind, Kind::City | Kind::Region);
        let after_dash =
            |(start, _): (usize, usize)| body[..start].trim_end().ends_with(['-', '—', '–']);
        let function_word = town_or_region
            && (hit.sentence_start || hit.range.is_some_and(after_dash))
            && super::keywords::is_stop_word(story.language.map(|l| l.code), &hit.text);
        // "took over in August", "by Monday": a town named like a month or a weekday (August,
        // California; March, Cambridgeshire) is, in a story, nearly always the date.
        let calendar_word = town_or_region && CALENDAR.contains(&hit.text);
        // German capitalizes its nouns: after an article one is a noun, not a town ("Die Lage
        // ist ernst", "des Essens") nor a region of a country the story is not about ("dieses
        // Landes" is no French département). A region of its own country may take one: "das
        // Saarland"; so may a first-level region anywhere, which German names with its
        // article: "in der Toskana", "die Bretagne".
        let german_noun = town_or_region
            && german
            && !candidate.first_level
            && (candidate.kind == Kind::City
                || !candidate
                    .country
                    .as_ref()
                    .is_some_and(|c| countries.all.contains(c)))
            && hit.range.is_some_and(|(start, _)| {
                previous_word(body, start).is_some_and(|(_, previous)| {
                    GERMAN_DETERMINERS.contains(&previous.to_lowercase())
                        || candidate.kind == Kind::City && is_german_attributive(previous)
                })
            });
        // "The White House declined": a town named exactly like a known organisation of two
        // words or more is that organisation. One word is too, for a town or region outside
        // the story's countries: "Meta's model" is no Colombian department, and "hostages held
        // by Hamas" are not in Hamm, Germany (one of its GeoNames names); but a story "en
        // Santander" from Spain is in the city.
        let abroad = !candidate
            .country
            .as_ref()
            .is_some_and(|c| countries.all.contains(c));
        let named_like_an_organisation = match candidate.kind {
            Kind::City => hit.text.contains(' ') || abroad,
            Kind::Region => abroad,
            Kind::Country | Kind::Supranational => false,
        };
        // Nor is a place that opens a known organisation's longer name: "Bayern München" in
        // German, where the capitalized word after a place does not make it part of a name.
        let opens_a_known_name = hit.range.is_some_and(|(start, end)| {
            super::organisations::known_name_covers(body, start, end + 1)
        });
        let known_organisation = opens_a_known_name
            || named_like_an_organisation
                && super::organisations::known_name_covers(&hit.text, 0, hit.text.len());
        if function_word
            || calendar_word
            || german_noun
            || known_organisation
            || !acceptable(
                &hit,
                candidate,
                &m.candidates[hit.pattern],
                &countries.all,
                &in_longer_names,
                &beside_capitals,
            )
        {
            continue;
        }
        // Abbreviations are listed under the country's name: "U.S." → "United States".
        let name = match (candidate.kind, &candidate.country) {
            (Kind::Country, Some(code)) if is_abbreviation(&hit.text) => gazetteer()
                .country_name(code)
                .map_or(hit.text.clone(), str::to_owned),
            _ => hit.text.clone(),
        };
        let offsets = hit
            .range
            .map(|(start, end)| (text.char_offset(start), text.char_offset(end)));
        let key = fold(&name);
        // Another name of a place already found ("NYC" after "New York City") is that place.
        let same_place = |(known, place): &&mut (String, Place)| {
            *known == key || candidate.geonameid.is_some() && place.geonameid == candidate.geonameid
        };
        match places.iter_mut().find(same_place) {
            Some((_, place)) => {
                // A later mention that the words around call a region ("Odemira, Beja, …
                // distrito de Beja") makes the place that region, not its city.
                let now_a_region = hit.called_a_region
                    && candidate.kind == Kind::Region
                    && place.country_code == candidate.country;
                if now_a_region {
                    place.geonameid = candidate.geonameid;
                    place.point = candidate.point;
                }
                place.mentions.extend(offsets);
            }
            // A small town that only the headline names is a surname there ("Tavares
            // successor warns"), or the body would name it too.
            None if in_headline.contains(&index)
                && candidate.kind == Kind::City
                && candidate.population < SMALL_TOWN => {}
            None => places.push((
                key,
                Place {
                    name,
                    country_code: candidate.country.clone(),
                    geonameid: candidate.geonameid,
                    point: candidate.point,
                    mentions: offsets.into_iter().collect(),
                },
            )),
        }
    }
    let home = story
        .dateline
        .as_ref()
        .and_then(|d| d.country_code.as_deref());
    add_features(&mut places, text, &countries.all, home);
    if let (Some(dateline), Some(key)) = (&story.dateline, dateline_key) {
        let city = gazetteer().city(&dateline.place, dateline.region.as_deref());
        // The gazetteer's spelling when it, or one of the city's other names, is the printed
        // name with case and accents restored ("SANTIAGO DE COMPOSTELA" → "Santiago de
        // Compostela", "CIUDAD DE MÉXICO" → "Ciudad de México"), else the printed name.
        let name = city
            .and_then(|c| {
                std::iter::once(&c.name)
                    .chain(&c.alternates)
                    .find(|name| fold(name) == key)
            })
            .map_or_else(|| title_case(&dateline.place), String::clone);
        match places.iter_mut().find(|(known, _)| *known == key) {
            Some((_, place)) => place.mentions.extend(dateline_mentions),
            None => places.insert(
                0,
                (
                    key,
                    Place {
                        name,
                        country_code: dateline.country_code.clone(),
                        geonameid: city.map(|c| c.geonameid),
                        point: city.map(|c| (c.longitude, c.latitude)),
                        mentions: dateline_mentions,
                    },
                ),
            ),
        }
    }
    places.into_iter().map(|(_, place)| place).collect()
}

/// Whether `short` is the first part of the place name `folded_full` (folded once per story by
/// the caller), cut before a Romance connector: "Santiago" of "santiago de compostela", "Rio" of
/// "rio de janeiro" (not "Panama" of "panama city", which is another place).
fn shortens(short: &str, folded_full: &str) -> bool {
    folded_full
        .strip_prefix(fold(short).as_str())
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(|rest| rest.split(' ').next())
        .is_some_and(|connector| {
            matches!(
                connector,
                "de" | "del" | "des" | "du" | "da" | "do" | "dos" | "das" | "di"
            )
        })
}

/// Lakes, rivers, canals and regions of the body ("Gatun Lake", "Rostov region"). A place whose
/// mention lies inside a feature's name ("Kariba" in "Lake Kariba") loses that mention, and the
/// place itself when it has no other.
fn add_features(
    places: &mut Vec<(String, Place)>,
    text: &Text<'_>,
    context: &BTreeSet<String>,
    home: Option<&str>,
) {
    for feature in super::features::find_features(text, context, home) {
        let span = (
            text.char_offset(feature.start),
            text.char_offset(feature.end),
        );
        places.retain_mut(|(_, place)| {
            let before = place.mentions.len();
            place
                .mentions
                .retain(|(start, end)| !(*start >= span.0 && *end <= span.1));
            before == 0 || !place.mentions.is_empty()
        });
        let key = fold(&feature.name);
        match places.iter_mut().find(|(known, _)| *known == key) {
            Some((_, place)) => place.mentions.push(span),
            None => places.push((
                key,
                Place {
                    name: feature.name,
                    country_code: feature.country,
                    geonameid: None,
                    point: None,
                    mentions: vec![span],
                },
            )),
        }
    }
}

/// Verbs a government, not a city, does: "Washington imposed", "Moscow said".
static GOVERNMENT_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "warned",
    "warns",
    "wants",
    "imposed",
    "imposes",
    "accused",
    "accuses",
    "announced",
    "urged",
    "urges",
    "responded",
    "insisted",
    "insists",
    "threatened",
    "rejected",
    "rejects",
    "demanded",
    "demands",
    "signed",
    "sanctioned",
    "criticized",
    "criticised",
    "pledged",
    "denied",
    "denies",
    "condemned",
    "approved",
    "agreed",
    "blamed",
    "retaliated",
    "dijo",
    "afirmó",
    "exige",
    "affirme",
    "sagte",
    "fordert",
    "disse",
    "exigiu",
]);
/// Words before a capital that make it a government: "relations with Washington".
const GOVERNMENT_CUES_BEFORE: &[&str] = &[
    "relations with ",
    "ties with ",
    "talks with ",
    "pressure from ",
    "sanctions by ",
    "criticism from ",
    "an ally of ",
    "allies of ",
];

/// Whether the capital at `body[start..end]` stands for its country's government.
fn is_metonym(body: &str, start: usize, end: usize) -> bool {
    let next_word = body[end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    let verb_follows = GOVERNMENT_VERBS.contains(next_word);
    let cue_before = GOVERNMENT_CUES_BEFORE
        .iter()
        .any(|cue| body[..start].ends_with(cue));
    verb_follows || cue_before
}

/// Every whole-word match of a place name in `text`, with how it sits among its neighbours;
/// in German text also the names of countries and regions in the genitive (`Russlands`,
/// `Bayerns`), whose `s` is no part of the name. `language` is the story's ISO 639-1 code.
fn hits_in(
    text: &str,
    alphanumeric: &[(usize, usize)],
    keep_range: bool,
    language: Option<&str>,
) -> Vec<Hit> {
    let m = matcher();
    let german = language == Some("de");
    // Only English puts an abbreviation before a noun as its adjective: "Até os EUA
    // acompanham" is the country and its verb.
    let english = matches!(language, Some("en") | None);
    // "El Mayo" of `Ismael "El Mayo" Zambada` is a man's nickname.
    let nicknames = super::nicknames::nicknames(text);
    // (start, end, pattern, in the genitive)
    let mut found: Vec<(usize, usize, usize, bool)> = m
        .names
        .find(
            text,
            alphanumeric,
            |c| c == '-',
            |hit| {
                is_word(text, hit.start(), hit.end())
                    && !in_shouted_text(text, hit.start(), hit.end())
                    && !super::nicknames::inside(&nicknames, hit.range())
            },
        )
        .into_iter()
        .map(|hit| (hit.start(), hit.end(), hit.pattern().as_usize(), false))
        .collect();
    if german {
        let before_found = found.len();
        for &(start, end) in alphanumeric {
            if let Some(pattern) = genitive_name(m, text, start, end) {
                let overlaps = found[..before_found]
                    .iter()
                    .any(|&(s, e, _, _)| s < end && start < e);
                if !overlaps {
                    found.push((start, end - 1, pattern, true));
                }
            }
        }
        found.sort_unstable();
    }
    found
        .into_iter()
        .map(|(start, end, pattern, genitive)| {
            let next = word_after(text, end);
            // Only a name that stands for several places is decided by the state printed after
            // it or by being called a region: the other names skip the look-ups.
            let ambiguous = m.candidates[pattern].len() > 1;
            Hit {
                pattern,
                text: text[start..end].to_owned(),
                range: keep_range.then_some((start, end)),
                // The noun a genitive follows is no part of its name ("die Regierung
                // Russlands"), and its `s` ends the word.
                setting: if genitive {
                    Setting::Alone
                } else {
                    setting(text, start, end, german)
                },
                // "U.S. officials", "UK ministers"; but "EE.UU. y México" joins two places,
                // and in "the US announced" the country acts (a verb a government does; past
                // tenses in general are no test: "U.S. liquefied natural gas").
                attributive: english
                    && is_abbreviation(&text[start..end])
                    && next.is_some_and(|next| {
                        next.starts_with(char::is_lowercase)
                            && !super::keywords::is_stop_word_in_any(next)
                            && !GOVERNMENT_VERBS.contains(next)
                    }),
                name_continues: !german
                    && next.is_some_and(|next| capitalized(next) && !CALENDAR.contains(next)),
                ends_a_name: keep_range && !genitive && ends_a_name(text, start, end),
                sentence_start: opens_sentence(text, start),
                state_after: ambiguous.then(|| state_after(text, end)).flatten(),
                called_a_region: ambiguous
                    && (after_its_town(text, start, end)
                        || after_a_region_word(text, start)
                        || next.is_some_and(|next| REGION_WORDS.contains(next))
                        || listed_as_regions(text, start, end)),
                a_planet: names_a_planet(text, start, end),
            }
        })
        .collect()
}

/// The country, region or larger area the German word `start..end` names in the genitive
/// (`Frankreichs`, `Chinas`), as the pattern of its name. A name only towns have is left out:
/// their genitive is too often a noun's (`des Essens`).
fn genitive_name(m: &Matcher, text: &str, start: usize, end: usize) -> Option<usize> {
    let word = &text[start..end];
    let stem = word.strip_suffix('s')?;
    let whole = !text[..start].ends_with('-') && !text[end..].starts_with(['-', '\'', '’']);
    if !(whole && stem.chars().count() >= 3 && capitalized(stem)) {
        return None;
    }
    let pattern = m.names.name_of(stem)?.pattern().as_usize();
    m.candidates[pattern]
        .iter()
        .any(|c| c.kind != Kind::City)
        .then_some(pattern)
}

/// The word one space after byte `end`, up to its first character that is not a letter or a
/// digit.
fn word_after(text: &str, end: usize) -> Option<&str> {
    text[end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next())
}

/// Words that name a first-level division, before its name ("distrito de Beja", "state of
/// Washington", "province de Québec") or, lower-case, after it ("Washington state").
static REGION_WORDS: WordList = WordList::new(&[
    "state",
    "province",
    "region",
    "district",
    "county",
    "prefecture",
    "estado",
    "provincia",
    "región",
    "departamento",
    "distrito",
    "província",
    "região",
    "département",
    "région",
    "Bundesland",
    "Provinz",
    "Region",
    "Bezirk",
    "Kanton",
    "canton",
    "oblast",
    "krai",
    "State",
    "Province",
]);

/// Whether a region word and a connector come right before `start`: "distrito de Beja",
/// "the state of Washington", "la province de Québec", "im Bundesland Sachsen".
fn after_a_region_word(text: &str, start: usize) -> bool {
    let mut words = text[..start].trim_end().rsplit(char::is_whitespace);
    let previous = words.next().unwrap_or("");
    let word = if matches!(previous, "of" | "de" | "do" | "da" | "del" | "du") {
        words.next().unwrap_or("")
    } else {
        previous
    };
    REGION_WORDS.contains(word)
}

/// Words that name first-level divisions in the plural, before a list of them ("los
/// departamentos de Santa Cruz y Beni", "várias províncias, incluindo Nampula e Zambézia") or,
/// lower-case, after it ("Spartanburg and Anderson counties").
static PLURAL_REGION_WORDS: WordList = WordList::new(&[
    "states",
    "provinces",
    "regions",
    "districts",
    "counties",
    "prefectures",
    "estados",
    "provincias",
    "regiones",
    "departamentos",
    "distritos",
    "províncias",
    "regiões",
    "départements",
    "régions",
    "Bundesländer",
    "Bundesländern",
    "Provinzen",
    "Regionen",
    "Bezirke",
    "Bezirken",
    "Kantone",
    "Kantonen",
    "cantons",
    "oblasts",
]);

/// Words that join the items of a list of names, or bring it in, in the five languages.
static LIST_WORDS: WordList = WordList::new(&[
    "and",
    "or",
    "of",
    "the",
    "including",
    "y",
    "o",
    "de",
    "del",
    "los",
    "las",
    "incluyendo",
    "como",
    "et",
    "ou",
    "des",
    "du",
    "notamment",
    "dont",
    "e",
    "da",
    "do",
    "das",
    "dos",
    "incluindo",
    "und",
    "oder",
    "wie",
    "darunter",
]);

/// At most this many words between a plural division word and a name of its list.
const MAX_LISTED_WORDS: usize = 12;

/// Whether the name at `[start, end)` is one of a list of names that a plural division word
/// brings in or closes, in the same sentence: only names and the words that join them stand
/// between.
fn listed_as_regions(text: &str, start: usize, end: usize) -> bool {
    const CLAUSE_ENDS: [char; 6] = ['.', ';', ':', '!', '?', ')'];
    // `None`: the walk goes on past the word; `Some(true)`: it reached a division word;
    // `Some(false)`: a word no list has, or the end of a clause, came first.
    let step = |word: &str, backwards: bool| -> Option<bool> {
        let bare = word.trim_end_matches(',').trim_end_matches(CLAUSE_ENDS);
        let ends_clause = word.ends_with(CLAUSE_ENDS);
        if backwards && ends_clause {
            return Some(false);
        }
        if PLURAL_REGION_WORDS.contains(bare) {
            return Some(true);
        }
        let listed = LIST_WORDS.contains(bare) || bare.starts_with(char::is_uppercase);
        (ends_clause || !listed).then_some(false)
    };
    let walk = |words: &mut dyn Iterator<Item = &str>, backwards: bool| {
        words
            .filter(|word| !word.is_empty())
            .take(MAX_LISTED_WORDS)
            .find_map(|word| step(word, backwards))
            .unwrap_or(false)
    };
    // After the name, only when its clause goes on.
    walk(&mut text[..start].rsplit(char::is_whitespace), true)
        || !text[end..].starts_with(CLAUSE_ENDS)
            && walk(
                &mut text[end..]
                    .trim_start_matches(',')
                    .split(char::is_whitespace),
                false,
            )
}

/// The postal code of the US state printed after a comma at `end`, by name, postal code or
/// newsroom abbreviation, in one word or two: "Columbus, Ohio", "Paris, Texas", "Vienna, Va.",
/// "Raleigh, North Carolina".
fn state_after(text: &str, end: usize) -> Option<String> {
    let rest = text[end..].strip_prefix(", ")?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let mut words = rest.split(char::is_whitespace);
    let first = words.next()?.trim_end_matches([',', ';', ')']);
    let state = |name: &str| gazetteer().us_state(name).map(str::to_owned);
    words
        .next()
        .filter(|second| second.starts_with(char::is_uppercase))
        .and_then(|second| {
            state(&format!(
                "{first} {}",
                second.trim_end_matches([',', ';', '.', ')'])
            ))
        })
        .or_else(|| state(first))
        .or_else(|| state(first.trim_end_matches('.')))
}

/// Whether the state named at `[start, end)` comes after a comma and a town of that state:
/// "Bellevue, Washington" is the state, not the capital.
fn after_its_town(text: &str, start: usize, end: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(", ") else {
        return false;
    };
    let Some(state) = gazetteer().us_state(&text[start..end]) else {
        return false;
    };
    // The town's last one, two or three words.
    let mut town_start = before.len();
    for _ in 0..3 {
        town_start = before[..town_start]
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(0, |space| space + 1);
        let town = &before[town_start..];
        if !town.starts_with(char::is_uppercase) {
            return false;
        }
        if gazetteer().city_in_us_state(town, state).is_some() {
            return true;
        }
        let Some(space) = town_start.checked_sub(1) else {
            return false;
        };
        town_start = space;
    }
    false
}

/// Whether the match `[start, end)` comes right after a capitalized word that is not a weekday
/// or a month or a direction ("North"), or after such a word and an elided "d'" ("Fratelli
/// d'Italia", "Banca d'Italia"). The first word of a sentence is capitalized anyway ("In
/// France"): there only a known organisation's name counts ("Air France flew…").
fn ends_a_name(text: &str, start: usize, end: usize) -> bool {
    if after_an_elided_name_word(text, start) {
        return true;
    }
    let Some((previous_start, previous)) = previous_word(text, start) else {
        return false;
    };
    let opens = opens_sentence(text, previous_start) || follows_a_dash(text, previous_start);
    capitalized(previous)
        && !CALENDAR.contains(previous)
        && !MODIFIERS.contains(previous)
        && (!opens || super::organisations::known_name_covers(text, previous_start, end))
}

/// The word right before `start`, one space away, with its byte offset.
fn previous_word(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = text[..start].strip_suffix(' ')?;
    let previous_start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |at| {
            at + before[at..].chars().next().map_or(1, char::len_utf8)
        });
    Some((previous_start, &before[previous_start..]))
}

/// The countries a story is about.
struct StoryCountries {
    /// Its dateline's, the countries it names, and a country that two or more of its towns
    /// share (towns support each other: Ardrossan and Brodick → GB).
    all: BTreeSet<String>,
    /// Those that place the story itself, the dateline's and the towns' one: a country it only
    /// names may be far from where the story happens.
    home: BTreeSet<String>,
    /// The first-level divisions it is in, as (country, GeoNames admin1): its dateline city's
    /// and the US states it names. A town of one of them is the story's, whatever bigger town
    /// of the same country shares its name (Columbus in a story from Atlanta is Columbus,
    /// Georgia).
    states: BTreeSet<(String, String)>,
    /// Where its dateline city lies (longitude, latitude), when the gazetteer has it.
    dateline_point: Option<(f64, f64)>,
}

/// How far from the dateline a town counts as in the story's own area: Paris, Texas lies 150 km
/// from Dallas; the English town of Washington 400 km from London.
const NEAR_KM: f64 = 250.0;

/// The great-circle distance between two (longitude, latitude) points, in kilometres.
fn kilometres(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The countries the story is about, from its dateline and the places it names.
fn story_countries<'h>(
    story: &Story,
    hits: impl Iterator<Item = &'h Hit>,
    in_longer_names: &BTreeSet<String>,
) -> StoryCountries {
    let m = matcher();
    let mut home: BTreeSet<String> = story
        .dateline
        .iter()
        .filter_map(|d| d.country_code.clone())
        .collect();
    let mut context = home.clone();
    let dateline_city = story.dateline.as_ref().and_then(|d| {
        let city = gazetteer().city(&d.place, d.region.as_deref())?;
        (d.country_code.as_deref() == Some(city.country.as_str())).then_some(city)
    });
    let mut states: BTreeSet<(String, String)> = dateline_city
        .iter()
        .map(|city| (city.country.clone(), city.admin1.clone()))
        .collect();
    let mut towns_per_country: HashMap<String, BTreeSet<String>> = HashMap::new();
    for hit in hits {
        let candidates = &m.candidates[hit.pattern];
        if hit.setting == Setting::Alone {
            states.extend(candidates.iter().filter_map(|c| match (c.kind, &c.admin1) {
                (Kind::Region, Some(state)) => Some(("US".to_owned(), state.clone())),
                _ => None,
            }));
        }
        if let Some(country) = candidates
            .iter()
            .find(|c| c.kind == Kind::Country)
            .and_then(|c| c.country.clone())
        {
            if hit.setting != Setting::NameOf {
                context.insert(country);
            }
            continue;
        }
        if in_longer_names.contains(&hit.text) || hit.sentence_start {
            continue;
        }
        if candidates.iter().any(|c| c.kind != Kind::City) {
            continue;
        }
        // A name supports only the country of its most populous town.
        let best = candidates
            .iter()
            .filter(|c| c.kind == Kind::City)
            .max_by_key(|c| c.population);
        if let Some(country) = best.and_then(|c| c.country.clone()) {
            towns_per_country
                .entry(country)
                .or_default()
                .insert(hit.text.clone());
        }
    }
    home.extend(
        towns_per_country
            .into_iter()
            .filter(|(_, towns)| towns.len() >= 2)
            .map(|(country, _)| country),
    );
    context.extend(home.iter().cloned());
    StoryCountries {
        all: context,
        home,
        states,
        dateline_point: dateline_city.map(|city| (city.longitude, city.latitude)),
    }
}

/// Whether a match is taken as a place, given what it would mean (`candidate`, one of the
/// name's `candidates`) and where it stands.
///
/// A name of direction words alone ("Central", "Interior") is no place where it opens a
/// sentence. A region outside the story's countries is taken when its name means nothing
/// else, or when it outweighs every namesake ten times over, the name does not merely open a
/// sentence and the story never writes it next to another capitalized word
/// (`beside_capitals`), as a surname: "Oregon" is the state, not Oregon, Wisconsin, and
/// "Ontario" the province, not the Californian city.
fn acceptable(
    hit: &Hit,
    candidate: &Candidate,
    candidates: &[Candidate],
    context: &BTreeSet<String>,
    in_longer_names: &BTreeSet<String>,
    beside_capitals: &BTreeSet<String>,
) -> bool {
    // Capitalized only because it opens the sentence: "Central bank governor Gabriel
    // Galipolo", "Interior Minister Gérald Darmanin".
    if hit.sentence_start && names_a_direction(&hit.text) {
        return false;
    }
    // "toward Jupiter" is the planet, though Jupiter, Florida is a town.
    if candidate.kind != Kind::Country && hit.a_planet {
        return false;
    }
    let unique = candidates.len() == 1;
    let in_context = candidate
        .country
        .as_ref()
        .is_some_and(|c| context.contains(c));
    match candidate.kind {
        Kind::Country | Kind::Supranational => {
            hit.setting != Setting::NameOf
                && !hit.name_continues
                && !hit.attributive
                && !hit.ends_a_name
        }
        Kind::Region => {
            let outweighs_namesakes = || {
                candidates.iter().all(|other| {
                    other == candidate
                        || other.population.saturating_mul(10) <= candidate.population
                })
            };
            hit.setting == Setting::Alone
                && (in_context
                    || !names_a_direction(&hit.text)
                        && (unique
                            || !hit.sentence_start
                                && !beside_capitals.contains(&hit.text)
                                && outweighs_namesakes()))
        }
        Kind::City => {
            let small_town = candidate.population < SMALL_TOWN;
            hit.setting == Setting::Alone
                && !in_longer_names.contains(&hit.text)
                && (in_context || !small_town)
                && (in_context || !hit.sentence_start)
        }
    }
}

/// Whether a German word is an inflected adjective, which stands before a noun: "nach
/// tagelangem Regen" is rain, not the Bavarian town. An adjective of a region (in `-sch`) is the
/// town's ("im hessischen Fulda"), and prepositions and other function words end as adjectives do
/// ("gegen", "unter").
fn is_german_attributive(word: &str) -> bool {
    const INFLECTIONS: &[&str] = &["em", "en", "er", "es"];
    let Some(stem) = INFLECTIONS
        .iter()
        .find_map(|inflection| word.strip_suffix(inflection))
    else {
        return false;
    };
    let stem = stem.strip_suffix('e').unwrap_or(stem);
    word.chars().count() >= 5
        && word.chars().all(char::is_lowercase)
        && !stem.ends_with("sch")
        && !super::keywords::is_stop_word(Some("de"), word)
}

/// Whether the name at `start..end` is a planet's or a moon's and the words around it do not
/// make it a town: a town is "in Jupiter" or "Jupiter, Fla."; the planet is "toward Jupiter",
/// "at Jupiter", "Jupiter's moons".
fn names_a_planet(text: &str, start: usize, end: usize) -> bool {
    CELESTIAL_BODIES.contains(&text[start..end])
        && state_after(text, end).is_none()
        && !previous_word(text, start).is_some_and(|(_, word)| matches!(word, "in" | "In"))
}

/// Planets and moons, after which towns are named.
static CELESTIAL_BODIES: WordList = WordList::new(&[
    "Mercury",
    "Venus",
    "Mars",
    "Jupiter",
    "Saturn",
    "Uranus",
    "Neptune",
    "Pluto",
    "Titan",
    "Ganymede",
    "Callisto",
    "Enceladus",
    "Triton",
    "Phobos",
    "Deimos",
]);

/// Words of a direction or a position: a region named only by them ("Norte" of Guinea-Bissau,
/// "Centre-Est" of Burkina Faso) is the north or the centre of wherever the story is, unless the
/// story is in that region's country.
static DIRECTION_WORDS: WordList = WordList::new(&[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "centrale", "nord", "sud", "est", "ouest", "norte", "sul", "sur", "este",
    "leste", "oeste", "centro", "littoral", "plateau", "coast", "lakes", "capital", "interior",
]);

fn names_a_direction(name: &str) -> bool {
    name.split([' ', '-'])
        .all(|word| DIRECTION_WORDS.contains(word.to_lowercase().as_str()))
}

/// The candidate a name most likely means here: one in the story's countries, else the most
/// populous (countries and supranational names outrank cities).
///
/// A town of the US state printed after the name comes first ("Columbus, Ohio"), and a region
/// when the words around call it one ("Bellevue, Washington", "Washington state", "distrito de
/// Beja"). Then, within the story's countries, the country itself ("Panama"), unless the story
/// is in another country that has a region of that name ("Georgia" in a story from Atlanta);
/// then a town of one of the story's states; then a city of 100,000 or more before a region of
/// the same name (Wien, Maputo and Tbilisi the cities, not their provinces); then regions before
/// smaller towns ("Georgia" the state, not Georgia, Vermont), the more populous first. A small town gives way
/// to a city of the same name ten times its size elsewhere unless it lies in one of the
/// story's states, or in its home country when the story has no state there: "Paris" in a
/// story from Washington is Paris, France, but in one from Dallas Paris, Texas.
fn choose<'a>(
    candidates: &'a [Candidate],
    countries: &StoryCountries,
    hit: &Hit,
) -> Option<&'a Candidate> {
    let in_context = |c: &&Candidate| {
        c.country
            .as_ref()
            .is_some_and(|code| countries.all.contains(code))
    };
    if let Some(supranational) = candidates.iter().find(|c| c.kind == Kind::Supranational) {
        return Some(supranational);
    }
    let in_division = |c: &Candidate, country: &str, admin1: &str| {
        c.country.as_deref() == Some(country) && c.admin1.as_deref() == Some(admin1)
    };
    if let Some(state) = &hit.state_after {
        if let Some(town) = candidates
            .iter()
            .filter(|c| c.kind == Kind::City && in_division(c, "US", state))
            .max_by_key(|c| c.population)
        {
            return Some(town);
        }
    }
    if hit.called_a_region {
        if let Some(region) = candidates
            .iter()
            .filter(|c| c.kind == Kind::Region)
            .max_by_key(|c| in_context(c))
        {
            return Some(region);
        }
    }
    let in_story_state = |c: &Candidate| {
        countries
            .states
            .iter()
            .any(|(country, admin1)| in_division(c, country, admin1))
    };
    // A country the story is not in gives way to a region of the story's own country: "Georgia"
    // in a story from Atlanta is the state.
    let at_home = |c: &Candidate, kind: Kind| {
        c.kind == kind
            && c.country
                .as_ref()
                .is_some_and(|code| countries.home.contains(code))
    };
    let country_first = candidates.iter().any(|c| at_home(c, Kind::Country))
        || !candidates.iter().any(|c| at_home(c, Kind::Region));
    let rank = |c: &&Candidate| {
        (
            c.kind == Kind::Country && country_first,
            c.kind == Kind::City && in_story_state(c),
            c.kind == Kind::City && c.population >= SMALL_TOWN,
            c.kind == Kind::Region,
            c.population,
        )
    };
    // A region gives way to a city of 100,000 or more in its own country: the region is named
    // after the city ("Madrid", "Tianjin"), and news means the city.
    let named_after_its_city = |region: &Candidate| {
        region.kind == Kind::Region
            && candidates.iter().any(|city| {
                city.kind == Kind::City
                    && city.country == region.country
                    && city.population >= SMALL_TOWN
            })
    };
    let most_populous = candidates
        .iter()
        .max_by_key(|c| (!named_after_its_city(c), c.population));
    let Some(local) = candidates.iter().filter(in_context).max_by_key(rank) else {
        return most_populous;
    };
    let country_has_state = |country: &str| countries.states.iter().any(|(c, _)| c == country);
    let settled = local.country.as_deref().is_some_and(|country| {
        in_story_state(local) || countries.home.contains(country) && !country_has_state(country)
    });
    let dwarfed = |city: &Candidate| city.population >= local.population.max(1).saturating_mul(10);
    // A nation's capital is meant wherever the story is, unless its small namesake lies in the
    // dateline's area: "Washington" in a story from London is the US capital, not the English
    // town of that name 400 km away (England is the state of both); in one from Sunderland,
    // next door to that town, it is the town, and "Paris" in one from Dallas is Paris, Texas.
    let a_capital = |c: &Candidate| {
        gazetteer()
            .capital_of(&hit.text)
            .is_some_and(|code| c.country.as_deref() == Some(code))
    };
    let near_the_dateline = |c: &Candidate| match (c.point, countries.dateline_point) {
        (Some(town), Some(dateline)) => kilometres(town, dateline) <= NEAR_KM,
        _ => false,
    };
    // The largest city of the name, whatever regions outweigh it.
    let largest_city = candidates
        .iter()
        .filter(|c| c.kind == Kind::City)
        .max_by_key(|c| c.population);
    match largest_city {
        Some(city)
            if local.kind == Kind::City
                && local.population < SMALL_TOWN
                && dwarfed(city)
                && (!settled || a_capital(city) && !near_the_dateline(local)) =>
        {
            Some(city)
        }
        _ => Some(local),
    }
}

/// A whole word: not inside another word, not a demonym's stem (`Cuba` in `Cuban`); but
/// `Bellevue-based` is Bellevue.
fn is_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let next = after.next();
    let following = after.next();
    let compound = next == Some('-') && following.is_some_and(char::is_lowercase);
    let possessive = matches!(next, Some('\'' | '’')) && following == Some('s');
    // "US$", "NZ$": a currency, not the country.
    let currency = next == Some('$');
    !currency
        && !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && (compound
            || possessive
            || !next.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
}

/// Whether a name is an abbreviation in capitals, dotted (`U.S.`, `EE.UU.`) or not (`UK`,
/// `USA`).
fn is_abbreviation(name: &str) -> bool {
    let capitals = name.len() >= 2 && name.chars().all(|c| c == '.' || c.is_uppercase());
    capitals && (name.contains('.') || name.chars().count() <= 3)
}

/// How many words on each side of an abbreviation show whether its text is written in capitals.
const SHOUT_WINDOW: usize = 3;

/// Whether the undotted abbreviation at `start..end` stands in text written all in capitals, where
/// it may be an ordinary word ("HELP US REBUILD"): no word of the same line within
/// `SHOUT_WINDOW` words of it has a lower-case letter.
fn in_shouted_text(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if !is_abbreviation(name) || name.contains('.') {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
    let is_word = |word: &&str| word.chars().any(char::is_alphabetic);
    let has_lower = |word: &str| word.chars().any(char::is_lowercase);
    let not_a_letter = |c: char| !c.is_alphanumeric();
    let before = text[line_start..start].rsplit(not_a_letter).filter(is_word);
    let after = text[end..line_end].split(not_a_letter).filter(is_word);
    !before.take(SHOUT_WINDOW).any(has_lower) && !after.take(SHOUT_WINDOW).any(has_lower)
}

/// Words that qualify a place without making a new name: "South Florida", "Greater London";
/// and the German nouns of a place's kind, capitalized like every German noun: "die Stadt Ulm",
/// "die Landkreise Augsburg und Günzburg", "der Freistaat Bayern".
static MODIFIERS: WordList = WordList::new(&[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Greater",
    "Upper",
    "Lower",
    "Coastal",
    "Rural",
    "Downtown",
    "Stadt",
    "Städte",
    "Hauptstadt",
    "Landeshauptstadt",
    "Großstadt",
    "Kleinstadt",
    "Hafenstadt",
    "Kreisstadt",
    "Metropole",
    "Gemeinde",
    "Kommune",
    "Dorf",
    "Ort",
    "Ortschaft",
    "Stadtteil",
    "Landkreis",
    "Landkreise",
    "Kreis",
    "Bezirk",
    "Bundesland",
    "Bundesländer",
    "Land",
    "Freistaat",
    "Region",
    "Provinz",
    "Kanton",
    "Bundesstaat",
    "Staat",
    "Republik",
    "Königreich",
    "Insel",
]);

/// Nouns whose "of X" makes an institution's name, not a place: "Reserve Bank of Australia",
/// "Chamber of Commerce", "University of Miami", "Porte de Versailles".
static NAMED_BODIES: WordList = WordList::new(&[
    "Bank",
    "Chamber",
    "University",
    "Universidad",
    "Université",
    "Department",
    "Ministry",
    "Ministerio",
    "Ministère",
    "Council",
    "College",
    "Institute",
    "Instituto",
    "Museum",
    "Church",
    "Court",
    "Board",
    "Office",
    "Association",
    "Society",
    "Academy",
    "School",
    "Hospital",
    "Center",
    "Centre",
    "Foundation",
    "Agency",
    "Authority",
    "Commission",
    "Committee",
    "Party",
    "Port",
    "Porte",
    "Puerta",
    "Bay",
    "Gulf",
    "Lake",
    "Isle",
    "Kingdom",
    "Republic",
    "Federation",
    "Union",
    "Governor",
    "Mayor",
    "Duke",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Bishop",
    "Archbishop",
    "Cathedral",
    "Banco",
    "Banque",
    "Cámara",
    "Estado",
    "Secretaría",
    "Embajada",
    "Embassy",
    "Consulate",
    "Consulado",
    "Assembly",
    "Parliament",
    "Senate",
    "Congress",
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Tribune",
]);

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn setting(text: &str, start: usize, end: usize, german: bool) -> Setting {
    if after_an_elided_name_word(text, start) {
        return Setting::Adjacent;
    }
    let glued_before = text[..start].ends_with(' ');
    // Words end at any white space: a paragraph's first word follows a line break.
    let mut before = text[..start].trim_end().rsplit(char::is_whitespace);
    let written_previous = before.next().unwrap_or("");
    // An elided article is not the word: "l'AC Milan" comes after "AC".
    let previous = &written_previous[super::keywords::elision_length(written_previous)..];
    let previous_word = glued_before
        && previous.chars().last().is_some_and(char::is_alphanumeric)
        && !MODIFIERS.contains(previous);
    let mut after = text[end..]
        .strip_prefix(' ')
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric());
    let next = after.next().unwrap_or("");
    // German capitalizes every noun: the word after a place is as often the clause's subject
    // or object ("in Deutschland Schäden angerichtet", "in Bayern Tausende") as the rest of a
    // name, so it continues none.
    let next_continues_name = !german && capitalized(next) && !CALENDAR.contains(next);
    // "Santo Tomás de Castilla": a Romance connector and a capitalized word continue the name.
    let romance_connector =
        |word: &str| matches!(word, "de" | "del" | "des" | "du" | "da" | "do" | "di");
    // So does "of" in English: "the University of Colorado" is no town called University.
    let continued =
        (romance_connector(next) || next == "of") && after.next().is_some_and(capitalized);
    // A capitalized function word that opens the sentence is no part of a name: "À
    // Sherbrooke", "In Lexington", "Em Maputo".
    let opening_function_word = || {
        let previous_start = text[..start].trim_end().len() - previous.len();
        (opens_sentence(text, previous_start) || follows_a_dash(text, previous_start))
            && super::keywords::is_stop_word_in_any(previous)
    };
    let after_a_name = previous_word
        && capitalized(previous)
        && !opening_function_word()
        && !after_a_places_possessive(text, previous, start, end);
    if next_continues_name && !after_a_name && DIVISION_SUFFIXES.contains(next) {
        return Setting::Division;
    }
    if next_continues_name && !after_a_name && names_its_airport(next, after.clone()) {
        return Setting::Airport;
    }
    if after_a_name || next_continues_name || continued {
        return Setting::Adjacent;
    }
    let word_before = before.next().unwrap_or("").trim_end_matches(',');
    // "Bank of Australia", "Banque de France", "Universidad de Chile".
    if glued_before
        && (previous == "of" || romance_connector(previous))
        && NAMED_BODIES.contains(word_before)
    {
        return Setting::NameOf;
    }
    if glued_before && romance_connector(previous) && capitalized(word_before) {
        return Setting::Adjacent;
    }
    // The list is lower-case: only a word with a capital is lower-cased (allocated) to ask it.
    let of_an_office = |word: &str| {
        PORTFOLIO_OFFICES.contains(word)
            || word.chars().any(char::is_uppercase)
                && PORTFOLIO_OFFICES.contains(&word.to_lowercase())
    };
    // One adjective may stand between the office and its "of": "secretário estadual de".
    if glued_before
        && (previous == "of" || romance_connector(previous))
        && (of_an_office(word_before)
            || word_before.starts_with(char::is_lowercase)
                && before.next().is_some_and(of_an_office))
    {
        return Setting::Portfolio;
    }
    Setting::Alone
}

/// Offices whose "of" names a portfolio: a town after it is a namesake of the portfolio.
static PORTFOLIO_OFFICES: WordList = WordList::new(&[
    "minister",
    "ministers",
    "ministry",
    "ministro",
    "ministra",
    "ministros",
    "ministre",
    "ministres",
    "ministerio",
    "ministério",
    "ministère",
    "secretary",
    "secretario",
    "secretaria",
    "secretaría",
    "secretário",
    "secretária",
    "secrétaire",
    "secrétariat",
    "pasta",
    "cartera",
    "portefeuille",
    "portfolio",
]);

/// Whether the name at `start..end` follows a place's possessive, and so is a place within it
/// rather than the end of a longer name: "Tokyo’s Setagaya ward", "Georgia's Savannah". A known
/// organisation stays one: "Japan's Toyota" is the company.
fn after_a_places_possessive(text: &str, previous: &str, start: usize, end: usize) -> bool {
    let owner = without_possessive(previous);
    owner.len() < previous.len()
        && matcher().names.is_name(owner)
        && !super::organisations::known_name_covers(text, start, end)
}

/// Whether the name at `start` follows an elided "d'" after a capitalized word that does not
/// open the sentence: the town is then part of that word's name ("le Quai d'Orsay", "Val
/// d'Isère"), whereas in "Parti d'Abidjan, il…" the word is capitalized by its place only.
fn after_an_elided_name_word(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let Some(before) = before
        .strip_suffix("d'")
        .or_else(|| before.strip_suffix("d’"))
        .and_then(|rest| rest.strip_suffix(' '))
    else {
        return false;
    };
    let word_start = before
        .rfind(|c: char| c.is_ascii_whitespace())
        .map_or(0, |space| space + 1);
    let word = &before[word_start..];
    capitalized(word)
        && word.chars().all(char::is_alphabetic)
        && !opens_sentence(text, word_start)
        && !follows_a_dash(text, word_start)
}

/// Whether the capitalized words after a town's name make it the name of the town's airport:
/// "Nadi International Airport", "Kotoka Airport".
fn names_its_airport<'t>(next: &str, mut rest: impl Iterator<Item = &'t str>) -> bool {
    let kind = if matches!(next, "International" | "Regional") {
        rest.next().unwrap_or("")
    } else {
        next
    };
    matches!(kind, "Airport" | "Airfield")
}

/// Capitalized words after a town's name that make it the name of a division: "Lexington
/// County", "Orleans Parish", "Kent Borough".
static DIVISION_SUFFIXES: WordList = WordList::new(&[
    "County",
    "Parish",
    "Borough",
    "Township",
    "District",
    "Prefecture",
    "Province",
    "Oblast",
    "Krai",
]);

/// `WASHINGTON` → `Washington`, for datelines printed in capitals.
fn title_case(name: &str) -> String {
    crate::story::bylines::title_case_if_capitals(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::model::SourceFormat;

    /// A plain-text story of one paragraph.
    fn story_of(body: &str) -> Story {
        let mut story = Story::new(SourceFormat::PlainText);
        story.paragraphs = vec![body.to_owned()];
        story
    }

    /// A story of one paragraph in the language with ISO 639-1 code `code`.
    fn story_in(code: &'static str, body: &str) -> Story {
        let mut story = story_of(body);
        story.language = Some(crate::story::language::Detected {
            code,
            confidence: 1.0,
        });
        story
    }

    /// The country code of the place found under `name`.
    fn country_of<'p>(found: &'p [Place], name: &str) -> Option<&'p str> {
        found
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.country_code.as_deref())
    }

    fn places(body: &str) -> Vec<(String, Option<String>)> {
        find_places(&story_of(body), &Text::new(body))
            .into_iter()
            .map(|p| (p.name, p.country_code))
            .collect()
    }

    fn has(found: &[(String, Option<String>)], name: &str, code: Option<&str>) -> bool {
        found.iter().any(|(n, c)| n == name && c.as_deref() == code)
    }

    #[test]
    fn a_place_that_ends_a_known_organisations_name_is_no_place() {
        let body = "Winds rose. Cathay Pacific cancelled flights over the Pacific.";
        let found = find_places(&story_of(body), &Text::new(body));
        let mentions: Vec<(&str, &[(usize, usize)])> = found
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.as_slice()))
            .collect();
        assert_eq!(mentions, [("Pacific", &[(54, 61)][..])]);
    }

    #[test]
    fn a_town_abroad_named_like_a_known_organisation_is_that_organisation() {
        // "Hamas" is one of Hamm's GeoNames names; "Santander" a city and a bank.
        let found = places_from(
            "Vatican City",
            "VA",
            "He urged the release of hostages held by Hamas in Gaza.",
        );
        assert!(!found.iter().any(|p| p.name == "Hamas"), "{found:?}");
        let found = places_from("Madrid", "ES", "Floods hit homes en Santander on Monday.");
        assert!(found.iter().any(|p| p.name == "Santander"), "{found:?}");
    }

    #[test]
    fn a_town_after_a_ministers_of_is_the_portfolio_and_a_country_stays() {
        // Saúde is a town in Bahia, and the health portfolio.
        let found = places_from(
            "Belo Horizonte",
            "BR",
            "A ministra da Saúde e o secretário estadual de Saúde falaram em Salvador.",
        );
        assert!(!found.iter().any(|p| p.name == "Saúde"), "{found:?}");
        assert!(found.iter().any(|p| p.name == "Salvador"), "{found:?}");
        // The office capitalized, as a title is: Justice and Commerce are towns in Illinois
        // and California.
        let found = places_from(
            "Chicago",
            "US",
            "The Secretary of Commerce met the Minister of Justice in Springfield, Illinois.",
        );
        assert!(
            !found
                .iter()
                .any(|p| p.name == "Justice" || p.name == "Commerce"),
            "{found:?}"
        );
        let found = places_from("Ottawa", "CA", "He met the Prime Minister of Canada.");
        assert!(found.iter().any(|p| p.name == "Canada"), "{found:?}");
    }

    #[test]
    fn a_town_named_like_a_planet_must_be_placed() {
        let found = places("The probe swung past Mars toward Jupiter, launched from Florida.");
        assert!(
            !found.iter().any(|(name, _)| name == "Jupiter"),
            "{found:?}"
        );
        let found = places_from("Miami", "US", "Police in Jupiter said so.");
        assert!(found.iter().any(|p| p.name == "Jupiter"), "{found:?}");
    }

    #[test]
    fn a_name_written_without_its_strokes_is_found() {
        let found = places("Rain fell in Dak Lak and in Lodz, Poland.");
        assert!(has(&found, "Poland", Some("PL")), "{found:?}");
        assert!(
            found
                .iter()
                .any(|(name, code)| fold(name) == "dak lak" && code.as_deref() == Some("VN")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(name, code)| fold(name) == "lodz" && code.as_deref() == Some("PL")),
            "{found:?}"
        );
    }

    #[test]
    fn a_small_town_only_the_headline_names_is_no_place() {
        let body = "Dealers in Florida and in Belvidere, Illinois, cut stock, the company said in the United States.";
        let mut story = story_of(body);
        story.headline =
            Some("Tavares successor warns as Belvidere plant and Lisbon shares slide".into());
        let found: Vec<String> = find_places(&story, &Text::new(body))
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(
            found,
            [
                "Florida",
                "Belvidere",
                "Illinois",
                "United States",
                "Lisbon"
            ]
        );
    }

    #[test]
    fn a_capital_standing_for_its_government_is_not_a_place() {
        let found = places("Washington imposed new tariffs, and relations with Moscow soured. Tourists still visit Washington in spring.");
        assert!(has(&found, "Washington", Some("US")), "{found:?}");
        let found = places("Washington imposed new tariffs, and relations with Moscow soured.");
        assert!(
            !found.iter().any(|p| p.0 == "Washington" || p.0 == "Moscow"),
            "{found:?}"
        );
    }

    #[test]
    fn countries_regions_cities_and_seas() {
        let found = places("Wheat from Russia leaves Novorossiysk for Egypt across the Black Sea, and farmers in Rajasthan wait for rain in India.");
        for (name, code) in [
            ("Russia", Some("RU")),
            ("Novorossiysk", Some("RU")),
            ("Egypt", Some("EG")),
            ("Black Sea", None),
            ("India", Some("IN")),
        ] {
            assert!(has(&found, name, code), "{name} in {found:?}");
        }
    }

    #[test]
    fn world_regions_and_countries_by_their_names_in_other_languages() {
        let found = places("En América Latina, Brasil notificó casos, y la República Democrática del Congo concentra la mayoría. Le Sahel et l'Afrique de l'Ouest souffrent.");
        for (name, code) in [
            ("América Latina", None),
            ("Brasil", Some("BR")),
            ("República Democrática del Congo", Some("CD")),
            ("Afrique de l'Ouest", None),
        ] {
            assert!(has(&found, name, code), "{name} in {found:?}");
        }
    }

    #[test]
    fn regions_by_the_names_news_writes_for_their_official_ones() {
        let found = places("Na Madeira e nos Açores, os governos regionais decidem. In Tatarstan and Dagestan, officials agreed. Floods hit Guangdong and Xinjiang. Missiles hit Zaporizhzhia and Avdiivka.");
        for (name, code) in [
            ("Madeira", "PT"),
            ("Açores", "PT"),
            ("Tatarstan", "RU"),
            ("Dagestan", "RU"),
            ("Guangdong", "CN"),
            ("Xinjiang", "CN"),
            ("Zaporizhzhia", "UA"),
            ("Avdiivka", "UA"),
        ] {
            assert!(has(&found, name, Some(code)), "{name} in {found:?}");
        }
    }

    #[test]
    fn regions_by_their_english_names_carry_their_geonames_feature_and_centre() {
        let body = "Storms hit Bavaria, Catalonia, Tuscany and Brittany. Kerala and Sichuan \
                    were spared, and Texas braced for more.";
        let found = find_places(&story_of(body), &Text::new(body));
        for (name, code) in [
            ("Bavaria", "DE"),
            ("Catalonia", "ES"),
            ("Tuscany", "IT"),
            ("Brittany", "FR"),
            ("Kerala", "IN"),
            ("Sichuan", "CN"),
            ("Texas", "US"),
        ] {
            let place = found
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{name} in {found:?}"));
            assert_eq!(place.country_code.as_deref(), Some(code), "{name}");
            assert!(place.geonameid.is_some(), "{name}");
            assert!(place.point.is_some(), "{name}");
        }
        let bavaria = found.iter().find(|p| p.name == "Bavaria");
        assert_eq!(bavaria.and_then(|p| p.geonameid), Some(2951839));
        // By its names in the other languages and by both of its own: one place, one id.
        let body = "Des pluies ont frappé la Bavière. En Cataluña y en Catalunya, lluvias.";
        let found = find_places(&story_of(body), &Text::new(body));
        let named: Vec<(&str, Option<u64>, usize)> = found
            .iter()
            .map(|p| (p.name.as_str(), p.geonameid, p.mentions.len()))
            .collect();
        let catalonia = gazetteer().region_geonameid("ES-CT");
        assert!(catalonia.is_some());
        assert_eq!(
            named,
            [("Bavière", Some(2951839), 1), ("Cataluña", catalonia, 2)]
        );
        // A region named with the word for its kind is that region, mentioned once more.
        let body = "Factories in Guangdong province slowed. Guangdong exports fell.";
        let found = find_places(&story_of(body), &Text::new(body));
        let named: Vec<(&str, usize)> = found
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len()))
            .collect();
        assert_eq!(named, [("Guangdong", 2)]);
    }

    #[test]
    fn a_region_abroad_outweighing_its_namesakes_is_the_region() {
        // Oregon, Wisconsin and Ontario, California are towns; the state and the province
        // outweigh them many times over.
        let found = places("Storms hit Oregon on Monday, and Ontario braced for snow.");
        assert!(has(&found, "Oregon", Some("US")), "{found:?}");
        assert!(has(&found, "Ontario", Some("CA")), "{found:?}");
        // Not where a namesake abroad weighs a tenth of it or more: the Punjab of Pakistan or
        // of India, as the story's country says.
        let found = places("Floods hit Punjab on Monday.");
        assert!(!found.iter().any(|(name, _)| name == "Punjab"), "{found:?}");
        let found = places_from("LAHORE", "PK", "Floods hit Punjab on Monday.");
        assert_eq!(country_of(&found, "Punjab"), Some("PK"));
        // Not where the story writes it as a surname.
        let found = places("Mayor Anne Hidalgo spoke. The plan, which Hidalgo backed, passed.");
        assert!(
            !found.iter().any(|(name, _)| name == "Hidalgo"),
            "{found:?}"
        );
        // Not where it only opens the sentence, nor where a known organisation is meant.
        let found = places("Ontario braced for snow, while Meta's model breached the rules.");
        assert!(
            !found.iter().any(|(name, _)| name == "Ontario"),
            "{found:?}"
        );
        assert!(!found.iter().any(|(name, _)| name == "Meta"), "{found:?}");
        // A region named after its city of 100,000 or more gives way to the city, though the
        // province of Buenos Aires and that of Luanda hold more people than their cities.
        let body = "Prices rose in Buenos Aires and in Luanda.";
        let found = find_places(&story_of(body), &Text::new(body));
        for name in ["Buenos Aires", "Luanda"] {
            let place = found.iter().find(|p| p.name == name);
            let city = gazetteer().city(name, None).map(|c| c.geonameid);
            assert!(city.is_some(), "{name}");
            assert_eq!(place.and_then(|p| p.geonameid), city, "{found:?}");
        }
    }

    #[test]
    fn a_town_after_an_elided_capitalized_word_is_part_of_its_name() {
        let found = places("La défaite de l'AC Milan à Newcastle.");
        assert!(!found.iter().any(|(name, _)| name == "Milan"), "{found:?}");
        // After an elided lower-case word, or elided itself, a town is one.
        let found = places("Parti d'Abidjan, il arrive à l'aéroport de Milan.");
        assert!(has(&found, "Abidjan", Some("CI")), "{found:?}");
        assert!(has(&found, "Milan", Some("IT")), "{found:?}");
    }

    #[test]
    fn a_country_that_ends_a_name_is_not_a_place() {
        let found = places("Shares of Credit Suisse and Lombardi Suisse fell while Air France gained. In France, unions called a strike, and prices rose in North Korea and on Tuesday Germany said so, as fighting went on in Eastern Ukraine.");
        assert!(!has(&found, "Suisse", Some("CH")), "{found:?}");
        for (name, code) in [
            ("France", Some("FR")),
            ("North Korea", Some("KP")),
            ("Germany", Some("DE")),
            ("Ukraine", Some("UA")),
        ] {
            assert!(has(&found, name, code), "{name} in {found:?}");
        }
        let found = places("KINSHASA (Reuters) — La Tchéquie a signé. PARIS - Air France a volé.");
        assert!(has(&found, "Tchéquie", Some("CZ")), "{found:?}");
        assert!(!has(&found, "France", Some("FR")), "{found:?}");
        let body = "Air France flew to Lyon. In France, unions struck.";
        let france = find_places(&story_of(body), &Text::new(body))
            .into_iter()
            .find(|p| p.name == "France")
            .map(|p| p.mentions);
        assert_eq!(france, Some(vec![(28, 34)]), "only the mention on its own");
        // After a capitalized word and an elided "d'" too; after a lower-case one it is the
        // country.
        let found =
            places("Le parti Fratelli d'Italia a gagné, et les ventes d'Espagne ont baissé.");
        assert!(!has(&found, "Italia", Some("IT")), "{found:?}");
        assert!(has(&found, "Espagne", Some("ES")), "{found:?}");
    }

    #[test]
    fn a_nickname_in_quotation_marks_is_no_place() {
        let found = places(
            "La facción de Ismael \"El Mayo\" Zambada chocó con la de Joaquín «El Chapo» \
             Guzmán en Sinaloa, México, y Estados Unidos pidió su extradición.",
        );
        assert!(has(&found, "Sinaloa", Some("MX")), "{found:?}");
        assert!(!found.iter().any(|(name, _)| name == "Mayo"), "{found:?}");
    }

    fn places_story(dateline: &str, country: &str, body: &str) -> Story {
        let mut story = story_of(body);
        story.dateline = Some(crate::story::model::Dateline {
            place: dateline.to_owned(),
            country_code: Some(country.to_owned()),
            region: None,
            date: None,
        });
        story
    }

    fn places_from(dateline: &str, country: &str, body: &str) -> Vec<Place> {
        find_places(&places_story(dateline, country, body), &Text::new(body))
    }

    /// The state (GeoNames admin1) of the town found under `name`, by its geonameid.
    fn state_of(found: &[Place], name: &str) -> Option<(String, String)> {
        let id = found.iter().find(|p| p.name == name)?.geonameid?;
        let city = gazetteer().cities().iter().find(|c| c.geonameid == id)?;
        Some((city.country.clone(), city.admin1.clone()))
    }

    #[test]
    fn a_name_written_with_accents_may_be_any_place_named_so_without_them() {
        // The gazetteer writes "Los Ángeles" only for the Chilean city; Spanish copy writes
        // the Californian one so too.
        let country_of = |dateline: &str, country: &str| {
            let found = places_from(
                dateline,
                country,
                "El alcalde de Los Ángeles habló con la prensa local.",
            );
            let place = found.iter().find(|p| p.name == "Los Ángeles").cloned();
            place.and_then(|p| p.country_code)
        };
        assert_eq!(country_of("SACRAMENTO", "US").as_deref(), Some("US"));
        assert_eq!(country_of("CONCEPCIÓN", "CL").as_deref(), Some("CL"));
    }

    #[test]
    fn a_town_is_the_one_in_the_story_state_or_the_state_printed_after_it() {
        let state = |country: &str, admin1: &str| Some((country.to_owned(), admin1.to_owned()));
        // Columbus, Ohio is four times Columbus, Georgia; a story from Atlanta means the latter.
        let found = places_from(
            "ATLANTA",
            "US",
            "Counties from Savannah to Columbus must train workers.",
        );
        assert_eq!(state_of(&found, "Columbus"), state("US", "GA"));
        // A state printed after the town decides, in any story.
        let body = "The rally moved from Columbus, Georgia, to Rochester, Minn.";
        let found = find_places(&story_of(body), &Text::new(body));
        assert_eq!(state_of(&found, "Columbus"), state("US", "GA"));
        assert_eq!(state_of(&found, "Rochester"), state("US", "MN"));
        // Paris in a story from Washington is Paris, France; in one from Dallas, Paris, Texas.
        let found = places_from("WASHINGTON", "US", "The president will travel to Paris.");
        assert_eq!(state_of(&found, "Paris"), state("FR", "11"));
        let found = places_from("DALLAS", "US", "A tornado struck Paris on Tuesday.");
        assert_eq!(state_of(&found, "Paris"), state("US", "TX"));
    }

    #[test]
    fn a_function_word_that_opens_a_sentence_is_no_part_of_the_name_after_it() {
        let found = places_from(
            "MONTRÉAL",
            "CA",
            "La grève continue. À Sherbrooke, 40 écoles sont fermées.",
        );
        assert!(found.iter().any(|p| p.name == "Sherbrooke"), "{found:?}");
        // A capitalized word that is no function word still makes a longer name.
        let found = places_from(
            "MONTRÉAL",
            "CA",
            "La grève continue. Hôtel Sherbrooke ferme.",
        );
        assert!(found.iter().all(|p| p.name != "Sherbrooke"), "{found:?}");
    }

    #[test]
    fn a_town_stays_a_town_beside_the_division_named_after_it() {
        let body = "A man died in Lexington, the Lexington County coroner said.";
        let found = places_from("COLUMBIA", "US", body);
        let lexington = found.iter().find(|p| p.name == "Lexington");
        assert_eq!(lexington.map(|p| p.mentions.clone()), Some(vec![(14, 23)]));
        // Beside any other capitalized word, the name is someone's or something's.
        let found = places_from("COLUMBIA", "US", "Lexington Partners said so in Lexington.");
        assert!(found.iter().all(|p| p.name != "Lexington"), "{found:?}");
    }

    #[test]
    fn a_town_stays_a_town_beside_its_airport() {
        for airport in ["Nadi International Airport", "Nadi Airport"] {
            let body = format!("The storm moved toward Nadi. Flights out of {airport} stopped.");
            let found = places_from("SUVA", "FJ", &body);
            let nadi = found.iter().find(|p| p.name == "Nadi");
            assert_eq!(
                nadi.map(|p| p.mentions.clone()),
                Some(vec![(23, 27)]),
                "{body}"
            );
        }
        // Another capitalized word after "International" still makes a longer name.
        let body = "Nadi International Holdings said so in Nadi.";
        let found = places_from("SUVA", "FJ", body);
        assert!(found.iter().all(|p| p.name != "Nadi"), "{found:?}");
    }

    #[test]
    fn a_city_outranks_its_namesake_region_unless_the_words_call_it_a_region() {
        let id = |found: &[Place], name: &str| {
            found.iter().find(|p| p.name == name).map(|p| p.geonameid)
        };
        // The region's own GeoNames feature, where the gazetteer has one.
        let region = |code: &str| Some(gazetteer().region_geonameid(code));
        let found = places_from("WIEN", "AT", "Gespräche in Wien und in Kärnten.");
        assert_eq!(id(&found, "Wien"), Some(Some(2761369)));
        assert_eq!(id(&found, "Kärnten"), region("AT-2"));
        let found = places_from(
            "MAPUTO",
            "MZ",
            "Protestos em Maputo e na cidade de Nampula.",
        );
        assert_eq!(id(&found, "Nampula"), Some(Some(1033356)));
        // Called a region before or after its name, or printed after one of its towns.
        let found = places_from(
            "SEATTLE",
            "US",
            "Staff in Washington state, at Bellevue, Washington, and in the distrito de Beja.",
        );
        // Washington state's GeoNames feature, not the city's (4140963).
        assert_eq!(id(&found, "Washington"), Some(Some(5815135)));
        let found = places_from("LISBOA", "PT", "Em Odemira, Beja, e no distrito de Beja.");
        assert_eq!(id(&found, "Beja"), region("PT-02"));
        // Listed after a plural division word, or before one, in the same sentence.
        let found = places_from(
            "MAPUTO",
            "MZ",
            "Chuvas em várias províncias, incluindo Sofala e Nampula, segundo o INGD.",
        );
        assert_eq!(id(&found, "Nampula"), region("MZ-N"));
        let found = places_from("LISBOA", "PT", "Fogos nos distritos de Setúbal e Beja.");
        assert_eq!(id(&found, "Beja"), region("PT-02"));
        let found = places_from("LISBON", "PT", "Fires burned in Beja and Faro districts.");
        assert_eq!(id(&found, "Beja"), region("PT-02"));
        // A list that a sentence or a clause ends before the division word does not count.
        let found = places_from(
            "MAPUTO",
            "MZ",
            "Chuvas nas províncias. Nampula ficou sem luz, e Sofala e Nampula também.",
        );
        assert_eq!(id(&found, "Nampula"), Some(Some(1033356)));
        // A country outranks its namesake regions, except in a story from the region's country.
        let found = places_from("PANAMA CITY", "PA", "Ships wait off Panama.");
        assert_eq!(id(&found, "Panama"), Some(Some(3703430)));
        let found = places_from("ATLANTA", "US", "Storms crossed Alabama and Georgia.");
        let georgia = found.iter().find(|p| p.name == "Georgia");
        assert_eq!(georgia.map(|p| p.country_code.as_deref()), Some(Some("US")));
        assert_eq!(id(&found, "Georgia"), Some(Some(4197000)));
    }

    #[test]
    fn in_german_a_capitalized_noun_after_a_place_is_no_part_of_its_name() {
        let body = "Nach Starkregen sind in Bayern und Baden-Württemberg Tausende Menschen \
                    evakuiert worden, und in Deutschland Schäden entstanden. Bayern München \
                    sagte ein Spiel ab.";
        let names: Vec<String> = find_places(&story_in("de", body), &Text::new(body))
            .into_iter()
            .map(|p| format!("{} {}", p.name, p.mentions.len()))
            .collect();
        // The club is no mention of the region.
        assert_eq!(names, ["Bayern 1", "Baden-Württemberg 1", "Deutschland 1"]);
        // In English the capitalized word still continues a name.
        let found = places("Shares of Bavaria Yachtbau fell.");
        assert!(
            !found.iter().any(|(name, _)| name == "Bavaria"),
            "{found:?}"
        );
    }

    #[test]
    fn a_german_noun_of_a_places_kind_is_no_part_of_its_name() {
        let body = "Betroffen waren die Landkreise Augsburg und Günzburg sowie die Stadt Ulm an der Donau. Später sprach Söder in Augsburg.";
        let found = find_places(&story_in("de", body), &Text::new(body));
        for (name, code) in [
            ("Augsburg", Some("DE")),
            ("Ulm", Some("DE")),
            ("Donau", None),
        ] {
            assert!(
                found
                    .iter()
                    .any(|p| p.name == name && p.country_code.as_deref() == code),
                "{name} in {found:?}"
            );
        }
        let augsburg = found.iter().find(|p| p.name == "Augsburg");
        assert_eq!(augsburg.map(|p| p.mentions.len()), Some(2));
    }

    #[test]
    fn a_german_genitive_names_its_country_or_region_but_not_a_town() {
        let body = "Die Regierung Russlands warnte. Chinas Präsident und die Wirtschaft \
                    Bayerns; der Duft des Essens.";
        let mut story = story_of(body);
        story.language = Some(crate::story::language::Detected {
            code: "de",
            confidence: 1.0,
        });
        let found = find_places(&story, &Text::new(body));
        let named: Vec<(&str, Vec<(usize, usize)>)> = found
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.clone()))
            .collect();
        assert_eq!(
            named,
            [
                ("Russland", vec![(14, 22)]),
                ("China", vec![(32, 37)]),
                ("Bayern", vec![(68, 74)])
            ]
        );
        // In another language the same letters are no genitive.
        let found = find_places(&story_of(body), &Text::new(body));
        assert!(found.is_empty(), "{found:?}");
    }

    /// The places a German story from `dateline`, Germany, names, with their mentions.
    fn german_places(dateline: &str, body: &str) -> Vec<(String, Vec<(usize, usize)>)> {
        let mut story = places_story(dateline, "DE", body);
        story.language = Some(crate::story::language::Detected {
            code: "de",
            confidence: 1.0,
        });
        find_places(&story, &Text::new(body))
            .into_iter()
            .map(|p| (p.name, p.mentions))
            .collect()
    }

    #[test]
    fn a_german_town_named_like_a_noun_is_the_noun_after_an_article() {
        let body = "Die Lage ist ernst. Das Essen war gut, sagte er in Essen. Das Saarland half.";
        assert_eq!(
            german_places("BERLIN", body),
            [
                ("Berlin".to_owned(), vec![]),
                ("Essen".to_owned(), vec![(51, 56)]),
                ("Saarland".to_owned(), vec![(62, 70)])
            ]
        );
    }

    #[test]
    fn a_german_town_named_like_a_noun_is_the_noun_after_an_adjective() {
        let body = "Nach tagelangem Regen stieg der Pegel, auch im niederbayerischen Regen. \
                    Passau spielte gegen Regen.";
        assert_eq!(
            german_places("PASSAU", body),
            [
                ("Regen".to_owned(), vec![(65, 70), (93, 98)]),
                ("Passau".to_owned(), vec![(72, 78)]),
            ]
        );
    }

    #[test]
    fn the_nations_of_the_united_kingdom_are_places_of_their_own() {
        let body = "Storms hit Scotland and Wales, and England braced for floods across Britain.";
        let found = find_places(&story_of(body), &Text::new(body));
        let named: Vec<(&str, Option<&str>, Option<u64>)> = found
            .iter()
            .map(|p| (p.name.as_str(), p.country_code.as_deref(), p.geonameid))
            .collect();
        assert_eq!(
            named,
            [
                ("Scotland", Some("GB"), Some(2638360)),
                ("Wales", Some("GB"), Some(2634895)),
                ("England", Some("GB"), Some(6269131)),
                ("Britain", Some("GB"), Some(2635167)),
            ]
        );
        // Each nation's point is its own, not none as for the United Kingdom.
        let scotland = gazetteer().division("GB-SCT").and_then(|d| d.point);
        assert!(scotland.is_some());
        assert_eq!(found[0].point, scotland);
    }

    #[test]
    fn a_short_name_is_the_part_before_a_romance_connector() {
        assert!(shortens("Santiago", &fold("SANTIAGO DE COMPOSTELA")));
        assert!(shortens("Rio", &fold("Rio de Janeiro")));
        assert!(!shortens("Panama", &fold("PANAMA CITY")));
        assert!(!shortens("Santiago", &fold("SANTIAGO")));
        assert!(!shortens("San", &fold("SANTIAGO DE CHILE")));
    }

    #[test]
    fn the_dateline_city_is_spelled_as_named_and_its_short_name_is_that_city() {
        let found = places_from(
            "SANTIAGO DE COMPOSTELA",
            "ES",
            "Cientos de vecinos fueron evacuados, dijo el presidente en Santiago.",
        );
        let named: Vec<String> = found
            .iter()
            .map(|p| format!("{} {:?} {:?}", p.name, p.country_code, p.mentions))
            .collect();
        assert_eq!(
            named,
            vec![r#"Santiago de Compostela Some("ES") [(59, 67)]"#]
        );
        // Spelled as one of the city's other names where the gazetteer's own is another.
        let found = places_from("CIUDAD DE MÉXICO", "MX", "La inflación subió en julio.");
        assert_eq!(found[0].name, "Ciudad de México");
        // "Panama" before "City" is another place, not a short name.
        let found = places_from("PANAMA CITY", "PA", "Ships waited to cross Panama.");
        assert!(
            found
                .iter()
                .any(|p| p.name == "Panama" && p.mentions == [(22, 28)]),
            "{found:?}"
        );
    }

    #[test]
    fn large_cities_are_found_by_their_names_in_the_enriched_languages() {
        let found =
            places("Die Züge nach München und Wien fielen aus; en Nueva York y Bruselas no.");
        for (name, code) in [
            ("München", Some("DE")),
            ("Wien", Some("AT")),
            ("Nueva York", Some("US")),
            ("Bruselas", Some("BE")),
        ] {
            assert!(has(&found, name, code), "{name} in {found:?}");
        }
    }

    #[test]
    fn another_name_of_a_place_found_is_a_mention_of_it() {
        let body = "Schools in New York City (NYC) closed. NYC officials and Bruselas agreed.";
        let found = find_places(&story_of(body), &Text::new(body));
        let found: Vec<_> = found
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len()))
            .collect();
        assert_eq!(found, [("New York City", 3), ("Bruselas", 1)]);
    }

    #[test]
    fn a_town_named_like_a_function_word_does_not_open_a_sentence() {
        let in_language = |code: &'static str, body: &str| {
            find_places(&story_in(code, body), &Text::new(body))
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            in_language(
                "es",
                "Como dijo el ministro, el tren llegó tarde a Como, en Italia."
            ),
            vec!["Como", "Italia"]
        );
        assert_eq!(
            in_language(
                "es",
                "Como dijo el ministro, el tren llegó tarde en Italia."
            ),
            vec!["Italia"]
        );
        assert!(in_language("pt", "LISBOA - Uma greve parou o metro.").is_empty());
    }

    #[test]
    fn a_town_named_like_a_month_is_the_month() {
        let found =
            places("Ortberg, who took over in August, will visit Everett, Washington, in March.");
        assert!(has(&found, "Everett", Some("US")), "{found:?}");
        assert!(!found.iter().any(|(name, _)| name == "August"), "{found:?}");
        // March, Cambridgeshire is a town of the story's country here, and still the month.
        let found = places("Floods in Britain closed roads around Peterborough in March.");
        assert!(has(&found, "Peterborough", Some("GB")), "{found:?}");
        assert!(!found.iter().any(|(name, _)| name == "March"), "{found:?}");
    }

    #[test]
    fn demonyms_and_parts_of_longer_names_are_not_places() {
        let found =
            places("Cuban officials met Bernardo Arévalo and the Miami Herald reported it.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn ambiguous_names_follow_the_story_countries() {
        let found = places("Floods hit Texas as rivers rose near Paris, officials said.");
        assert!(
            has(&found, "Paris", Some("US")) || has(&found, "Paris", Some("FR")),
            "{found:?}"
        );
        let found = places("Strikes in France closed airports in Paris and Nice.");
        assert!(
            has(&found, "Paris", Some("FR")) && has(&found, "Nice", Some("FR")),
            "{found:?}"
        );
    }

    #[test]
    fn a_named_country_does_not_make_its_small_town_outrank_a_world_city() {
        let body = "The fine was the largest in the United States. The regulator has its office in Dublin, and the activist spoke in Vienna.";
        let found = places(body);
        assert!(has(&found, "Dublin", Some("IE")), "{found:?}");
        assert!(has(&found, "Vienna", Some("AT")), "{found:?}");
        // Also where a region of the name outweighs that city: a town gives way to a city.
        let found =
            places("The fine was the largest in the United States. It has an office in Victoria.");
        assert!(has(&found, "Victoria", Some("HK")), "{found:?}");
        // Where the dateline puts the story in that country, its town it is.
        let found = places_from("COLUMBUS", "US", body);
        assert!(
            found
                .iter()
                .any(|p| p.name == "Dublin" && p.country_code.as_deref() == Some("US")),
            "{found:?}"
        );
    }

    #[test]
    fn a_german_noun_after_an_article_is_no_foreign_town_or_region() {
        let body = "Wir investieren in die Zukunft dieses Landes und in Landes, sagte er in Köln.";
        let found = find_places(&story_in("de", body), &Text::new(body));
        let found: Vec<_> = found
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len()))
            .collect();
        assert_eq!(found, [("Landes", 1), ("Köln", 1)]);
        // A first-level region takes its article: "in der Toskana".
        let body = "Unwetter in der Toskana und in der Bretagne, sagte er in Köln.";
        let found = find_places(&story_in("de", body), &Text::new(body));
        let found: Vec<_> = found
            .iter()
            .map(|p| (p.name.as_str(), p.country_code.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("Toskana", Some("IT")),
                ("Bretagne", Some("FR")),
                ("Köln", Some("DE"))
            ]
        );
    }

    #[test]
    fn a_region_named_by_a_direction_needs_its_country_in_the_story() {
        let found = places_from(
            "Lisboa",
            "PT",
            "Small firms in the Norte and the Algarve will struggle, the CIP said.",
        );
        assert!(!found.iter().any(|p| p.name == "Norte"), "{found:?}");
        let found = places_from("Bissau", "GW", "Floods cut roads in Norte, officials said.");
        assert!(
            found
                .iter()
                .any(|p| p.name == "Norte" && p.country_code.as_deref() == Some("GW")),
            "{found:?}"
        );
    }

    #[test]
    fn a_direction_word_opening_a_sentence_is_no_place_even_in_the_story_country() {
        // Central, Bahia, is a Brazilian town; Central, Hong Kong, a district.
        let found = places_from(
            "Brasília",
            "BR",
            "Rates held. Central bank governor Gabriel Galipolo spoke in Brasília.",
        );
        assert!(!found.iter().any(|p| p.name == "Central"), "{found:?}");
        let found = places_from(
            "Hong Kong",
            "HK",
            "Protesters gathered in Central on Sunday, police said.",
        );
        assert!(found.iter().any(|p| p.name == "Central"), "{found:?}");
    }

    #[test]
    fn possessives_count_and_attributive_abbreviations_do_not() {
        let found = places(
            "Russia’s wheat quota rose as U.S. officials met in the U.S. capital, then in the U.S.",
        );
        assert!(has(&found, "Russia", Some("RU")), "{found:?}");
        assert_eq!(
            found.iter().filter(|(n, _)| n == "United States").count(),
            1,
            "{found:?}"
        );
        let found = places("U.S. carriers said little.");
        assert!(found.is_empty(), "{found:?}");
        // Before a function word an abbreviation is the country: it is no adjective there.
        let body = "Los gobiernos de EE.UU. y México acordaron medidas.";
        let found = find_places(&story_of(body), &Text::new(body));
        let united_states = found.iter().find(|p| p.name == "United States");
        assert_eq!(
            united_states.map(|p| p.mentions.clone()),
            Some(vec![(17, 23)])
        );
        // Only English puts an abbreviation before a noun: in Portuguese the verb follows.
        let body = "Até os EUA acompanham as negociações.";
        let found = find_places(&story_in("pt", body), &Text::new(body));
        let united_states = found.iter().find(|p| p.name == "United States");
        assert_eq!(
            united_states.map(|p| p.mentions.clone()),
            Some(vec![(7, 10)])
        );
    }

    #[test]
    fn country_abbreviations_in_capitals_name_their_country() {
        let body = "The UK and the US signed the pact in 2022, and the USA imposed more.";
        let found = find_places(&story_of(body), &Text::new(body));
        assert_eq!(
            country_of(&found, "United Kingdom"),
            Some("GB"),
            "{found:?}"
        );
        let united_states = found.iter().find(|p| p.name == "United States");
        assert_eq!(
            united_states.map(|p| p.mentions.clone()),
            Some(vec![(15, 17), (51, 54)])
        );
        // An adjective, a currency, a word of text written in capitals, and lower case: no
        // country.
        for body in [
            "UK officials and US carriers met.",
            "Fares rose to US$ 40 a ticket.",
            "The banner read:\nSAVE US.\nThe water rose.",
            "They told us about it.",
        ] {
            assert_eq!(places(body), [], "{body}");
        }
    }

    #[test]
    fn a_place_after_a_places_possessive_stands_on_its_own() {
        let found = places_from(
            "TOKYO",
            "JP",
            "Prices rose at a shop in Tokyo’s Setagaya ward and in Japan's Hokkaido.",
        );
        assert_eq!(country_of(&found, "Setagaya"), Some("JP"), "{found:?}");
        assert_eq!(country_of(&found, "Hokkaido"), Some("JP"), "{found:?}");
        // A known company named like a town stays the company; a person's possessive is no
        // place's, so the town after it is part of a longer name.
        let found = places_from(
            "TOKYO",
            "JP",
            "Japan's Toyota said sales fell. Kenji Morita's Setagaya shop closed.",
        );
        assert!(
            !found
                .iter()
                .any(|p| p.name == "Toyota" || p.name == "Setagaya"),
            "{found:?}"
        );
    }

    #[test]
    fn a_town_before_of_and_a_capitalized_word_heads_a_longer_name() {
        // University, Florida, has 40,000 people.
        let found = places_from(
            "DENVER",
            "US",
            "Scientists at the University of Colorado Boulder met in Denver.",
        );
        assert!(!found.iter().any(|p| p.name == "University"), "{found:?}");
        assert_eq!(country_of(&found, "Denver"), Some("US"));
    }

    #[test]
    fn a_citys_old_name_does_not_take_a_region_abroad_from_it() {
        // "Florida" is among Floridablanca's (Colombia, 260,000 people) GeoNames names.
        let found = places_from("LONDON", "GB", "In Florida, growers said costs rose.");
        assert_ne!(country_of(&found, "Florida"), Some("CO"), "{found:?}");
        let found = places_from("ATLANTA", "US", "In Florida, growers said costs rose.");
        assert_eq!(country_of(&found, "Florida"), Some("US"), "{found:?}");
        // An exonym written for news keeps its city: "Colonia" is Köln in Spanish copy,
        // though Uruguay has a department of that name.
        let found = places_from("BERLÍN", "DE", "Los trenes a Colonia circulan con retraso.");
        assert_eq!(country_of(&found, "Colonia"), Some("DE"), "{found:?}");
    }

    #[test]
    fn the_part_of_a_us_state_a_direction_names_is_in_that_state() {
        let found = places_from(
            "MIAMI",
            "US",
            "Investors in South Florida and Northern California joined West Virginia's.",
        );
        for name in ["South Florida", "Northern California", "West Virginia"] {
            assert_eq!(country_of(&found, name), Some("US"), "{name} in {found:?}");
        }
        // A directional part is no division with a GeoNames feature of its own; a state named
        // with a direction is that state.
        let id = |name: &str| {
            found
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.geonameid)
        };
        assert_eq!(id("South Florida"), None);
        assert_eq!(id("West Virginia"), gazetteer().region_geonameid("US-WV"));
        assert!(id("West Virginia").is_some());
        // Only the state is called so, so a story from abroad takes it too.
        let found = places_from("LONDON", "GB", "Coal mines in West Virginia closed.");
        assert_eq!(country_of(&found, "West Virginia"), Some("US"), "{found:?}");
        // Inside an institution's name it is no place.
        let found = places_from("TAMPA", "US", "The University of South Florida said.");
        assert!(
            !found.iter().any(|p| p.name == "South Florida"),
            "{found:?}"
        );
    }

    #[test]
    fn lakes_and_rivers_between_countries_lie_in_none() {
        let body = "Lake Kariba, on the border, fed the Kariba Dam; the Zambezi ran low.";
        let found = places_from("LUSAKA", "ZM", body);
        for name in ["Lake Kariba", "Kariba Dam", "Zambezi"] {
            let place = found.iter().find(|p| p.name == name);
            assert!(place.is_some(), "{name} in {found:?}");
            assert_eq!(place.and_then(|p| p.country_code.as_deref()), None);
            assert_eq!(place.map(|p| p.mentions.len()), Some(1), "{name}");
        }
    }

    #[test]
    fn a_capital_outranks_its_small_namesake_far_from_the_dateline() {
        let body = "Officials in Washington and Ottawa agreed on new tariffs.";
        let far = places_from("London", "GB", body);
        assert_eq!(country_of(&far, "Washington"), Some("US"), "{far:?}");
        // The English town of Washington lies a few kilometres from Sunderland.
        let body = "Traffic from Washington backed up on the A19 on Monday.";
        let near = places_from("Sunderland", "GB", body);
        assert_eq!(country_of(&near, "Washington"), Some("GB"), "{near:?}");
    }

    #[test]
    fn a_country_after_an_institution_and_a_connector_names_it_in_any_language() {
        for body in [
            "The Reserve Bank of Australia held rates.",
            "La Banque de France a revu sa prévision.",
            "Estudiantes de la Universidad de Chile marcharon.",
        ] {
            assert_eq!(places(body), [], "{body}");
        }
        // Nor is a country inside a known organisation's name.
        let found = places("Le Rassemblement national et La France insoumise ont voté contre.");
        assert!(!found.iter().any(|(name, _)| name == "France"), "{found:?}");
    }

    #[test]
    fn a_town_named_like_a_known_organisation_of_two_words_is_that_organisation() {
        let found = places_from(
            "WASHINGTON",
            "US",
            "The White House declined to comment, and Rio Tinto shares fell.",
        );
        assert!(
            !found
                .iter()
                .any(|p| p.name == "White House" || p.name == "Rio Tinto"),
            "{found:?}"
        );
        let found = places_from("MADRID", "ES", "El tren llegó a Santander el lunes.");
        assert!(found.iter().any(|p| p.name == "Santander"), "{found:?}");
    }

    #[test]
    fn a_town_elided_after_a_name_word_is_part_of_that_name() {
        // In a story from France, where the town of Orsay would be taken.
        let found = places_from(
            "PARIS",
            "FR",
            "L'ambassadeur a été reçu au Quai d'Orsay, puis à Versailles.",
        );
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Paris", "Versailles"]);
        let found = places_from("PARIS", "FR", "Il est parti d'Orsay mardi.");
        assert!(found.iter().any(|p| p.name == "Orsay"), "{found:?}");
    }

    #[test]
    fn a_paragraph_opening_word_is_no_part_of_the_name_after_it() {
        // The word before "Columbia" is "In", not "Spartanburg.\n\nIn": words end at line breaks.
        let body = "Tornadoes touched down near Greenville and Spartanburg.\n\nIn Columbia, crews \
                    cleared trees.";
        let found = places_from("CHARLOTTE", "US", body);
        assert!(found.iter().any(|p| p.name == "Columbia"), "{found:?}");
        // After a subheading, which has no full stop.
        let body = "Tornadoes touched down.\n\nDamage in the capital\n\nIn Columbia, crews \
                    cleared trees.";
        let found = places_from("CHARLOTTE", "US", body);
        assert!(found.iter().any(|p| p.name == "Columbia"), "{found:?}");
    }

    #[test]
    fn offsets_are_characters_into_the_body() {
        let body = "Café owners in Lisbon, Portugal protested.";
        let found = find_places(&story_of(body), &Text::new(body));
        let lisbon = found.iter().find(|p| p.name == "Lisbon").expect("Lisbon");
        let (start, end) = lisbon.mentions[0];
        assert_eq!(
            body.chars()
                .skip(start)
                .take(end - start)
                .collect::<String>(),
            "Lisbon"
        );
    }
}
