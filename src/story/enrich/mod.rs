//! Enrichment: what a normalized story mentions. Each finder reads the clean body (and the
//! headline) and reports what it found with character offsets into the body, the way GDELT's
//! GKG does; the renderer puts the findings in ninjs slots and the extension.

pub mod dates;
pub mod features;
pub mod keywords;
mod nicknames;
pub mod organisations;
pub mod people;
pub mod places;
pub mod quotes;
pub mod topics;
mod word_starts;

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::story::gazetteer::fold;
use crate::story::model::Story;
use crate::story::text::Text;

/// A fixed list of words with constant-time look-up: the finders test every word of a story
/// against several such lists of a hundred words or more.
pub(crate) struct WordList {
    words: &'static [&'static str],
    lookup: OnceLock<WordLookup>,
}

/// A word list's set, behind a bitmap of the (first byte, length) pairs its words have: most
/// words a finder asks about are not in the list, and the bitmap turns nearly all of them away
/// without hashing the word or reading the set, which on a stream of different stories is a
/// cache miss as often as not.
struct WordLookup {
    set: FxHashSet<&'static str>,
    /// Per first byte (modulo 64), bit `n`: some word of that first byte has `n` bytes (63 for
    /// 63 or more).
    shapes: [u64; 64],
}

impl WordLookup {
    fn shape(word: &str) -> (usize, u64) {
        let first = word
            .as_bytes()
            .first()
            .map_or(0, |&byte| usize::from(byte & 63));
        (first, 1 << word.len().min(63))
    }
}

impl WordList {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            lookup: OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let lookup = self.lookup.get_or_init(|| {
            let mut shapes = [0u64; 64];
            for word in self.words {
                let (first, length) = WordLookup::shape(word);
                shapes[first] |= length;
            }
            WordLookup {
                set: self.words.iter().copied().collect(),
                shapes,
            }
        });
        let (first, length) = WordLookup::shape(word);
        lookup.shapes[first] & length != 0 && lookup.set.contains(word)
    }
}

/// German articles and determiners, which stand before nouns (and so before a role: "Der Chef
/// der Gewerkschaft") and seldom before a place's name.
static GERMAN_DETERMINERS: WordList = WordList::new(&[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einem", "einen", "einer",
    "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden",
    "kein", "keine", "keines", "keinem", "keinen", "unser", "unseres", "unserem", "unseren",
    "ihres", "seines",
]);

/// Focus words and sentence adverbs, which open a sentence right before a name: "Even Keir
/// Starmer said", "Auch Catherine Colonna sagte", "Incluso Pedro Sánchez dijo", "Only Northlake
/// Logistics said". None is a given name (the stop-word lists hold "Will", "Bill" and "Ali", so
/// they cannot serve).
static SENTENCE_ADVERBS: WordList = WordList::new(&[
    "Even",
    "Only",
    "Still",
    "Just",
    "Yet",
    "Perhaps",
    "Maybe",
    "Indeed",
    "Now",
    "Here",
    "There",
    "Instead",
    "Thus",
    "Moreover",
    "Furthermore",
    "Besides",
    "Nor",
    "Or",
    "Already",
    "Earlier",
    "Once",
    "Neither",
    "Unlike",
    "Like",
    "Against",
    "Among",
    "Despite",
    "Without",
    "Auch",
    "Selbst",
    "Sogar",
    "Nur",
    "Doch",
    "Bereits",
    "Schon",
    "Noch",
    "Jetzt",
    "Nun",
    "Dort",
    "Damals",
    "Zuletzt",
    "Zuvor",
    "Bisher",
    "Inzwischen",
    "Mittlerweile",
    "Trotzdem",
    "Dennoch",
    "Jedoch",
    "Aber",
    "Und",
    "Oder",
    "Denn",
    "Allerdings",
    "Immerhin",
    "Vielleicht",
    "Offenbar",
    "Zunächst",
    "Später",
    "Wie",
    "Als",
    "Weil",
    "Wenn",
    "Für",
    "Gegen",
    "Über",
    "Vor",
    "Neben",
    "Ohne",
    "Même",
    "Seul",
    "Seule",
    "Pourtant",
    "Aussi",
    "Déjà",
    "Encore",
    "Enfin",
    "Désormais",
    "Toutefois",
    "Cependant",
    "Donc",
    "Et",
    "Ou",
    "Ni",
    "Quant",
    "Lorsque",
    "Quand",
    "Comme",
    "Pendant",
    "Avant",
    "Sans",
    "Contre",
    "Vers",
    "Parmi",
    "Malgré",
    "Outre",
    "Incluso",
    "Solo",
    "Sólo",
    "Aun",
    "Aún",
    "Ya",
    "Todavía",
    "Mientras",
    "Cuando",
    "Como",
    "Pues",
    "Así",
    "Tampoco",
    "Hacia",
    "Aunque",
    "Antes",
    "Allí",
    "Aquí",
    "Até",
    "Só",
    "Apenas",
    "Mesmo",
    "Já",
    "Porém",
    "Contudo",
    "Entretanto",
    "Assim",
    "Quando",
    "Embora",
    "Enquanto",
    "Aqui",
    "Nem",
    "Mas",
    "Se",
]);

/// Capitalized words that are dates, not names: they neither extend a place name ("in Cuba
/// Tuesday") nor make a person ("Tuesday March").
static CALENDAR: WordList = WordList::new(&[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]);

/// Offices whose complement is a portfolio, a country or an institution rather than a person
/// ("Secretary of State", "ministra de Hacienda", "Governor of the Bank of England", "head of
/// the International Monetary Fund"): only these take a domain after them, so that "the lawyer
/// of Ana Maria Costa" keeps her whole name. Capitalized, they also bound an organisation's
/// name: neither "Governor of the" nor "Governor Andrew Bailey" belongs to the Bank of England.
static OFFICES: WordList = WordList::new(&[
    "commander",
    "comandante",
    "commandant",
    "kommandeur",
    "minister",
    "ministre",
    "ministro",
    "ministra",
    "secretary",
    "secretario",
    "secretaria",
    "secrétaire",
    "secretário",
    "secretária",
    "president",
    "président",
    "présidente",
    "presidente",
    "presidenta",
    "governor",
    "gouverneur",
    "gobernador",
    "gobernadora",
    "governador",
    "governadora",
    "chancellor",
    "mayor",
    "maire",
    "alcalde",
    "alcaldesa",
    "prefeito",
    "prefeita",
    "commissioner",
    "commissaire",
    "comisario",
    "comisaria",
    "comissário",
    "comissária",
    "head",
    "chief",
    "jefe",
    "jefa",
    "chefe",
    "director",
    "directora",
    "directeur",
    "directrice",
    "diretor",
    "diretora",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "portavoz",
    "porte-parole",
    "porta-voz",
    "ambassador",
    "embajador",
    "embajadora",
    "ambassadeur",
    "ambassadrice",
    "embaixador",
    "embaixadora",
]);

/// Whether a word, in any case, is one of the [`OFFICES`]. The organisation finder asks it of
/// capitalized words in runs, so an ASCII word is lower-cased on the stack.
pub(crate) fn is_office(word: &str) -> bool {
    const LONGEST: usize = 16;
    if OFFICES.contains(word) {
        return true;
    }
    // A former holder's office: "ex-comandante da Marinha", "Ex-Minister", "la exministra
    // de Cultura".
    if let Some(office) = ["ex-", "Ex-", "ex"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .filter(|office| office.len() > 3)
    {
        return is_office(office);
    }
    if word.is_ascii() {
        let mut lower = [0u8; LONGEST];
        let Some(lower) = lower.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|lower| OFFICES.contains(lower))
    } else {
        OFFICES.contains(&word.to_lowercase())
    }
}

/// Whether `body[start..end]` stands inside the agency tag of a dateline: a group in
/// parentheses of a few words that closes right before the dash ending the dateline (`(AFP) -`,
/// `(EFE).-`, `(La Presse Canadienne) -`).
pub(crate) fn in_dateline_tag(body: &str, start: usize, end: usize) -> bool {
    /// Longer than any agency's name, so that the look-around stays short.
    const LONGEST_TAG: usize = 48;
    let bytes = body.as_bytes();
    let opens = bytes[start.saturating_sub(LONGEST_TAG)..start]
        .iter()
        .rev()
        .find(|&&byte| matches!(byte, b'(' | b')'))
        == Some(&b'(');
    let close = bytes[end..(end + LONGEST_TAG).min(bytes.len())]
        .iter()
        .position(|&byte| matches!(byte, b'(' | b')'))
        .map(|at| end + at)
        .filter(|&at| bytes[at] == b')');
    opens
        && close.is_some_and(|at| {
            body[at + 1..]
                .trim_start_matches('.')
                .trim_start()
                .starts_with(['-', '—', '–'])
        })
}

/// Finds everything a batch of stories mentions, one finder at a time over the whole batch, in
/// the order the finders depend on each other: places first (organisations and people leave them
/// out), then organisations (people inside their names are not people), people, quotes (their
/// speakers are people and organisations), dates, topics and keywords.
///
/// Finder by finder rather than story by story: each finder's automata, word lists and code then
/// stay in the cache for the whole batch instead of being evicted by the other finders' between
/// one story and the next.
pub fn enrich(batch: &mut [(&mut Story, &Text<'_>)]) {
    for (story, text) in batch.iter_mut() {
        story.places = places::find_places(story, text);
    }
    for (story, text) in batch.iter_mut() {
        story.organisations =
            organisations::find_organisations(text, &story.places, story.language.map(|l| l.code));
        let named = story.organisations.iter().flat_map(|o| o.mentions.iter());
        leave_mentions_to(&mut story.places, named.copied(), false);
    }
    for (story, text) in batch.iter_mut() {
        story.people = people::find_people(
            text,
            &story.places,
            &story.organisations,
            &story.authors,
            story.language.map(|l| l.code),
        );
        // The outlet that filed the story is no person, though a dateline prints its name
        // like one: "OSLO (Nordic Wire) -", and nor is any agency a dateline names: "MONTRÉAL
        // (La Presse Canadienne) -".
        if let Some(source) = story.source.as_deref().map(fold) {
            story.people.retain(|person| fold(&person.name) != source);
        }
        for person in &mut story.people {
            person.mentions.retain(|&(start, end)| {
                !in_dateline_tag(text.body(), text.byte_offset(start), text.byte_offset(end))
            });
        }
        story.people.retain(|person| !person.mentions.is_empty());
        let named = story
            .people
            .iter()
            .flat_map(|person| person.mentions.iter());
        leave_mentions_to(&mut story.places, named.copied(), true);
    }
    for (story, text) in batch.iter_mut() {
        story.quotes = quotes::find_quotes(text, &story.people, &story.organisations);
    }
    for (story, text) in batch.iter_mut() {
        story.dates = dates::find_dates(text, dates::story_date(story));
    }
    for (story, text) in batch.iter_mut() {
        story.subjects = topics::find_subjects(
            story.headline.as_deref(),
            text,
            story.language.map(|l| l.code),
        );
    }
    for (story, text) in batch.iter_mut() {
        story.keywords = keywords::find_keywords(
            story.headline.as_deref(),
            text,
            story.language.map(|l| l.code),
        );
    }
}

/// A place the body names only where it names a person or an organisation is that person or
/// organisation: "o primeiro-ministro Luís Montenegro … disse Montenegro" names no country,
/// "Google, Meta and X" no Topeka (whose GeoNames nicknames include Google), "O Palmeiras,
/// rival do Flamengo" no town in Bahia. The place finder cannot tell, as it runs first and takes
/// a country beside a capitalized word ("Air France") for the country elsewhere; the later
/// finders have by then made the name a mention of theirs (`taken`, character offsets). A place
/// named in the body elsewhere too keeps those mentions.
///
/// With `inside`, a place inside a taken mention goes too: "Nicolás de la Cruz" names no Cruz.
/// Organisations take only their exact mentions, as "the Bank of Canada" does name Canada.
fn leave_mentions_to(
    places: &mut Vec<places::Place>,
    taken: impl Iterator<Item = (usize, usize)>,
    inside: bool,
) {
    let taken: Vec<(usize, usize)> = taken.collect();
    if taken.is_empty() {
        return;
    }
    let is_taken = |&(start, end): &(usize, usize)| {
        taken
            .iter()
            .any(|&(s, e)| (s, e) == (start, end) || inside && s <= start && end <= e)
    };
    places.retain_mut(|place| {
        let named_in_body = !place.mentions.is_empty();
        place.mentions.retain(|mention| !is_taken(mention));
        !(named_in_body && place.mentions.is_empty())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Longer than the bitmap's 63 lengths: it shares a bit with every longer word.
    const LONG: &str = "Internationalisierungsbestrebungen-Koordinierungsstelle-Abteilung";

    /// A one-paragraph plain-text story with `body`, enriched.
    fn enriched(body: &str) -> Story {
        let mut story = Story::new(crate::story::model::SourceFormat::PlainText);
        story.paragraphs = vec![body.to_owned()];
        let text = Text::new(body);
        enrich(&mut [(&mut story, &text)]);
        story
    }

    #[test]
    fn the_outlet_that_filed_the_story_is_no_person() {
        let body = "OSLO (Nordic Wire) - Nicolai Tangen spoke in Oslo, Nordic Wire learned.";
        let mut story = Story::new(crate::story::model::SourceFormat::PlainText);
        story.paragraphs = vec![body.to_owned()];
        story.source = Some("Nordic Wire".to_owned());
        let text = Text::new(body);
        enrich(&mut [(&mut story, &text)]);
        let people: Vec<&str> = story.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Nicolai Tangen"]);
    }

    #[test]
    fn a_country_named_only_as_a_persons_surname_is_no_place() {
        let people_of = |body: &str| {
            let story = enriched(body);
            let people: Vec<String> = story.people.iter().map(|p| p.name.clone()).collect();
            let places: Vec<String> = story.places.iter().map(|p| p.name.clone()).collect();
            (people, places)
        };
        let (people, places) = people_of(
            "O primeiro-ministro Luís Montenegro falou em Lisboa. \"Bom\", disse Montenegro.",
        );
        assert_eq!(people, ["Luís Montenegro"]);
        assert_eq!(places, ["Lisboa"]);
        // With no role, two words one of which is a place the story names stay no person.
        let (people, places) = people_of("Shares of Tokyo Electron rose 4% in Tokyo.");
        assert!(people.is_empty(), "{people:?}");
        assert_eq!(places, ["Tokyo"]);
    }

    #[test]
    fn a_place_named_only_as_an_organisation_is_no_place() {
        let found = |body: &str| {
            let story = enriched(body);
            let organisations: Vec<String> =
                story.organisations.iter().map(|o| o.name.clone()).collect();
            let places: Vec<String> = story.places.iter().map(|p| p.name.clone()).collect();
            (organisations, places)
        };
        // GeoNames lists "Google" among Topeka's names.
        let (organisations, places) =
            found("Its members include Google, Meta and Amazon, the group said in Austin.");
        assert!(
            organisations.contains(&"Google".to_owned()),
            "{organisations:?}"
        );
        assert_eq!(places, ["Austin"]);
    }

    #[test]
    fn a_place_keeps_the_mentions_no_person_has_and_a_headline_place_stays() {
        let place = |name: &str, mentions: Vec<(usize, usize)>| places::Place {
            name: name.to_owned(),
            country_code: None,
            geonameid: None,
            point: None,
            mentions,
        };
        let mut found = vec![
            place("Jordan", vec![(0, 6), (40, 46)]),
            place("Chad", vec![(60, 64)]),
            place("Georgia", vec![]),
        ];
        // "Michael Jordan" … "Jordan" … "Chad": a person's mentions.
        let taken = [(10, 24), (40, 46), (60, 64)];
        leave_mentions_to(&mut found, taken.into_iter(), true);
        let left: Vec<(&str, &[(usize, usize)])> = found
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.as_slice()))
            .collect();
        assert_eq!(left, [("Jordan", &[(0, 6)][..]), ("Georgia", &[][..])]);

        // "Nicolás de la Cruz" (97..115) holds "Cruz" (111..115) as a person's name does, and
        // "the Bank of Canada" (0..16) holds "Canada" (10..16) as an organisation's does not.
        let mut cruz = vec![place("Cruz", vec![(111, 115)])];
        leave_mentions_to(&mut cruz, [(97, 115)].into_iter(), true);
        assert!(cruz.is_empty());
        let mut canada = vec![place("Canada", vec![(10, 16)])];
        leave_mentions_to(&mut canada, [(0, 16)].into_iter(), false);
        assert_eq!(canada.len(), 1);
    }

    #[test]
    fn no_agency_a_dateline_names_is_a_person() {
        let story = enriched("MONTRÉAL, 4 novembre (La Presse Canadienne) - Christine Fréchette a parlé. Elle a rencontré Paul Martin (le maire) - puis elle est partie.");
        let people: Vec<&str> = story.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Christine Fréchette", "Paul Martin"]);
    }

    #[test]
    fn dateline_tags_are_the_parentheses_before_the_dateline_dash() {
        let body = "LIMA (EFE).- Hola. (Reuters) — x. (Ana Ruiz, AFP) y (Ana) z";
        let at = |name: &str| {
            let start = body.find(name).unwrap_or(0);
            in_dateline_tag(body, start, start + name.len())
        };
        assert!(at("EFE"));
        assert!(at("Reuters"));
        assert!(!at("Ana Ruiz"));
        assert!(!at("Hola"));
        assert!(!in_dateline_tag(body, body.len() - 1, body.len()));
        // A closing parenthesis with no opening one before it.
        assert!(!in_dateline_tag("Ana Ruiz) - dijo", 0, 8));
    }

    #[test]
    fn word_lists_answer_exactly_whatever_the_bitmap_lets_through() {
        static LIST: WordList = WordList::new(&["said", "sagte", "A", "", "Ríos", LONG]);
        for member in ["said", "sagte", "A", "", "Ríos", LONG] {
            assert!(LIST.contains(member), "{member}");
        }
        // Same first byte and length as a member, same length only, same first byte only, a
        // first byte 64 apart from a member's, longer than 63 bytes but not the member.
        let long_other = format!("{LONG}x");
        for other in [
            "sail",
            "Said",
            "saidx",
            "a",
            "\u{1}",
            "Rios",
            "Río",
            &long_other,
        ] {
            assert!(!LIST.contains(other), "{other}");
        }
    }
}
