//! What a story is about, as IPTC Media Topics (ninjs `subjects`).
//!
//! Each topic has cue words in the five enriched languages (`data/topics/mediatopics.tsv`), all
//! in one Aho-Corasick automaton started at each word of the lower-cased headline and body. A
//! topic scores one point per cue in the body and three per cue in the headline; a top-level topic
//! adds its second-level topics' points. A top-level topic is assigned when it has enough
//! evidence and is not dwarfed by the story's main topic; a second-level topic only under an
//! assigned parent and with evidence of its own. `relevance` is a topic's share of the main
//! topic's points, `confidence` grows with the evidence.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind, PatternID};

use crate::story::text::Text;

const MEDIA_TOPICS: &str = include_str!("../../../data/topics/mediatopics.tsv");

/// Where Media Topic codes live: a subject's `uri` is this plus the code.
pub const MEDIA_TOPIC_URI: &str = "http://cv.iptc.org/newscodes/mediatopic/";

/// Points a top-level topic needs.
const MIN_TOP_LEVEL: u32 = 4;
/// Points a second-level topic needs of its own.
const MIN_SECOND_LEVEL: u32 = 3;
/// A top-level topic below this share of the main topic's points is incidental.
const MIN_SHARE: f64 = 0.35;
/// At most this many top-level topics, and this many second-level topics under each.
const MAX_TOP_LEVEL: usize = 3;
const MAX_SECOND_LEVEL: usize = 2;
/// Headline cues weigh this much more than body cues.
const HEADLINE_WEIGHT: u32 = 3;

/// An assigned Media Topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The eight-digit Media Topic code.
    pub code: &'static str,
    pub name: &'static str,
    /// 0–100: how central the topic is to the story.
    pub relevance: u8,
    /// 0–100: how sure the assignment is.
    pub confidence: u8,
}

struct Topic {
    code: &'static str,
    parent: Option<usize>,
    name: &'static str,
}

struct Cues {
    automaton: NFA,
    /// The three bytes each cue begins with: most words begin no cue, and one bit test turns
    /// them away before a walk through the automaton, whose every step is a branch that a
    /// stream of different stories mispredicts.
    openings: Openings,
    /// Per pattern: the topics it is a cue for, and whether it matches any ending.
    patterns: Vec<(Vec<usize>, bool)>,
    topics: Vec<Topic>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut topics: Vec<Topic> = Vec::new();
        let mut by_pattern: HashMap<(String, bool), Vec<usize>> = HashMap::new();
        let rows = MEDIA_TOPICS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for row in rows {
            let fields: Vec<&'static str> = row.split('\t').collect();
            let [code, parent, name, words] = fields[..] else {
                continue;
            };
            let index = topics.len();
            topics.push(Topic {
                code,
                parent: topics.iter().position(|t| t.code == parent),
                name,
            });
            for cue in words.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                let prefix = cue.ends_with('*');
                let entry = by_pattern
                    .entry((cue.trim_end_matches('*').to_owned(), prefix))
                    .or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        let (keys, patterns): (Vec<String>, Vec<(Vec<usize>, bool)>) = by_pattern
            .into_iter()
            .map(|((cue, prefix), topics)| (cue, (topics, prefix)))
            .unzip();
        let automaton = cue_automaton(&keys).expect("the topic cues build an automaton");
        Cues {
            openings: Openings::of(&keys),
            automaton,
            patterns,
            topics,
        }
    })
}

/// The cues' automaton, searched anchored at word starts, longest cue first.
///
/// A contiguous NFA, not a DFA: the DFA took each byte in one table look-up but spread the
/// 800 cues over a megabyte, and on a stream of different stories, with the other finders'
/// tables in between, its look-ups missed the cache. The NFA packs each state's transitions
/// together in a tenth of that: a few more instructions a byte, and less time.
fn cue_automaton(cues: &[impl AsRef<[u8]>]) -> Result<NFA, BuildError> {
    aho_corasick::nfa::contiguous::Builder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(cues)
}

/// Builds the automaton now rather than on the first story.
pub fn prepare() {
    cues();
}

/// The Media Topics of a story, most relevant first.
/// `language` is the story's ISO 639-1 code, when known: German compounds are read inside.
pub fn find_subjects(
    headline: Option<&str>,
    body: &Text<'_>,
    language: Option<&str>,
) -> Vec<Subject> {
    let cues = cues();
    let compounds = language == Some("de");
    let mut points = vec![0u32; cues.topics.len()];
    if let Some(headline) = headline {
        count(
            &Text::new(headline),
            HEADLINE_WEIGHT,
            compounds,
            &mut points,
        );
    }
    count(body, 1, compounds, &mut points);

    let mut totals = points.clone();
    for (index, topic) in cues.topics.iter().enumerate() {
        if let Some(parent) = topic.parent {
            totals[parent] += points[index];
        }
    }
    let Some(best) = cues
        .topics
        .iter()
        .enumerate()
        .filter(|(_, t)| t.parent.is_none())
        .map(|(i, _)| totals[i])
        .max()
        .filter(|best| *best >= MIN_TOP_LEVEL)
    else {
        return Vec::new();
    };
    let mut top_level: Vec<usize> = (0..cues.topics.len())
        .filter(|&i| cues.topics[i].parent.is_none())
        .filter(|&i| {
            totals[i] >= MIN_TOP_LEVEL && f64::from(totals[i]) >= MIN_SHARE * f64::from(best)
        })
        .collect();
    top_level.sort_by_key(|&i| std::cmp::Reverse(totals[i]));
    top_level.truncate(MAX_TOP_LEVEL);

    let subject = |index: usize| Subject {
        code: cues.topics[index].code,
        name: cues.topics[index].name,
        relevance: (100.0 * f64::from(totals[index]) / f64::from(best))
            .round()
            .min(100.0) as u8,
        confidence: (40 + 5 * totals[index]).min(95) as u8,
    };
    let mut subjects = Vec::new();
    for parent in top_level {
        subjects.push(subject(parent));
        let mut children: Vec<usize> = (0..cues.topics.len())
            .filter(|&i| cues.topics[i].parent == Some(parent) && points[i] >= MIN_SECOND_LEVEL)
            .collect();
        children.sort_by_key(|&i| std::cmp::Reverse(points[i]));
        subjects.extend(children.into_iter().take(MAX_SECOND_LEVEL).map(subject));
    }
    subjects
}

/// Adds `weight` to every topic per cue found in `text`, whole words only unless the cue matches
/// any ending; with `compounds`, a long cue also counts inside a longer word (`cue_in_compound`).
fn count(text: &Text<'_>, weight: u32, compounds: bool, points: &mut [u32]) {
    let cues = cues();
    let lower = text.lower();
    // Cues start words: the automaton is run from each word's start only, longest cue first,
    // and the words a cue covers are not searched again.
    let mut resume = 0;
    for &(word_start, word_end) in text.words() {
        if word_start < resume {
            continue;
        }
        // The cue after an elided article or preposition: "l'immigration", "d'emplois".
        let start = word_start + super::keywords::elision_length(&lower[word_start..word_end]);
        let found = cue_at(cues, lower, start).or_else(|| {
            compounds
                .then(|| cue_in_compound(cues, lower, start, word_end))
                .flatten()
        });
        let Some((pattern, end)) = found else {
            continue;
        };
        resume = end;
        for &topic in &cues.patterns[pattern.as_usize()].0 {
            points[topic] += weight;
        }
    }
}

/// The longest cue that starts at byte `start` of the lower-cased text and ends a word there (or
/// matches any ending), and where it ends.
fn cue_at(cues: &Cues, lower: &str, start: usize) -> Option<(PatternID, usize)> {
    if !cues.openings.may_open(&lower.as_bytes()[start..]) {
        return None;
    }
    let (pattern, end) = longest_cue_at(&cues.automaton, lower.as_bytes(), start)?;
    let prefix = cues.patterns[pattern.as_usize()].1;
    let ends_word = prefix
        || !lower[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    ends_word.then_some((pattern, end))
}

/// Bytes a cue needs to count inside a compound, and bytes of the compound before it: short cues
/// hide inside unrelated words (`gang` in `Rückgang`, `port` in `Sport`, `arbeit` in
/// `Zusammenarbeit`).
const COMPOUND_PART: usize = 7;
const COMPOUND_HEAD: usize = 3;

/// German writes a compound as one word, and its parts keep their meaning: `Bundesregierung`,
/// `Bundesfinanzminister`, `Regierungssprecher`. The leftmost cue of `COMPOUND_PART` bytes or
/// more inside the word `start..word_end`, when it runs to the word's end or matches any ending.
fn cue_in_compound(
    cues: &Cues,
    lower: &str,
    start: usize,
    word_end: usize,
) -> Option<(PatternID, usize)> {
    let last_start = word_end.checked_sub(COMPOUND_PART)?;
    (start + COMPOUND_HEAD..=last_start)
        .filter(|&at| lower.is_char_boundary(at))
        .find_map(|at| {
            let (pattern, end) = cue_at(cues, lower, at)?;
            (end - at >= COMPOUND_PART && end <= word_end).then_some((pattern, word_end))
        })
}

/// The cues' openings as a bitmap of their hashes, 4 KiB: no false negatives, few false
/// positives for the few hundred openings of the cue list. An opening is a cue's first four
/// bytes, or the whole cue when it has three: with three bytes only, every "the", "con" or
/// "pro" of a story matched the opening of some cue ("theatre", "concert", "profit") and walked
/// the automaton for nothing.
struct Openings {
    bits: Vec<u64>,
    /// Some cue has three bytes: then a text's first three bytes are looked up too.
    has_three_byte_cue: bool,
    /// Some cue is shorter than three bytes: then every position may open one.
    has_short_cue: bool,
}

impl Openings {
    const LENGTH: usize = 4;
    const SHORTEST: usize = 3;
    const BITS: u32 = 15;

    fn of(cues: &[String]) -> Self {
        let mut openings = Self {
            bits: vec![0; 1 << (Self::BITS - 6)],
            has_three_byte_cue: false,
            has_short_cue: false,
        };
        for cue in cues.iter().map(String::as_bytes) {
            if cue.len() < Self::SHORTEST {
                openings.has_short_cue = true;
                continue;
            }
            openings.has_three_byte_cue |= cue.len() == Self::SHORTEST;
            let bit = Self::bit(&cue[..cue.len().min(Self::LENGTH)]);
            openings.bits[bit / 64] |= 1 << (bit % 64);
        }
        openings
    }

    /// The bit of an opening of three or four bytes. A three-byte opening never has the key of
    /// a four-byte one, whose top byte is not NUL (no cue begins with NUL).
    fn bit(opening: &[u8]) -> usize {
        let key = opening
            .iter()
            .fold(0u64, |key, &byte| key << 8 | u64::from(byte));
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - Self::BITS)) as usize
    }

    fn contains(&self, opening: &[u8]) -> bool {
        let bit = Self::bit(opening);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether some cue may begin `text`.
    fn may_open(&self, text: &[u8]) -> bool {
        if self.has_short_cue {
            return true;
        }
        let three_byte_cue = self.has_three_byte_cue
            && text
                .get(..Self::SHORTEST)
                .is_some_and(|opening| self.contains(opening));
        three_byte_cue
            || text
                .get(..Self::LENGTH)
                .is_some_and(|opening| self.contains(opening))
    }
}

/// The longest cue that begins at `start`, and where it ends: the leftmost-longest anchored
/// search of the crate's own `find`, walked through the automaton directly. Started at every
/// word, the crate's search set up more per call than walking a cue's few bytes takes.
fn longest_cue_at(nfa: &NFA, haystack: &[u8], start: usize) -> Option<(PatternID, usize)> {
    let mut state = nfa.start_state(Anchored::Yes).ok()?;
    let mut longest = nfa
        .is_match(state)
        .then(|| (nfa.match_pattern(state, 0), start));
    for (at, &byte) in haystack.iter().enumerate().skip(start) {
        state = nfa.next_state(Anchored::Yes, state, byte);
        if !nfa.is_special(state) {
            continue;
        }
        if nfa.is_dead(state) {
            break;
        }
        if nfa.is_match(state) {
            let pattern = nfa.match_pattern(state, 0);
            // Match states also carry cues that begin later (reached by failure transitions):
            // only one that begins at `start` counts.
            if (at + 1).checked_sub(nfa.pattern_len(pattern)) == Some(start) {
                longest = Some((pattern, at + 1));
            }
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Input};

    proptest::proptest! {
        /// The walk finds what the crate's anchored leftmost-longest search finds, wherever it
        /// starts, with cues that begin and end inside each other ("b" inside the beginning of
        /// "cbba" is a match state's cue that does not begin where the walk did).
        #[test]
        fn walking_the_automaton_agrees_with_the_crates_search(
            text in "[abc ]{0,24}",
            start in 0usize..24,
        ) {
            let cues = ["a", "ab", "abc", "bc", "b", "cab", "ca", "c c", "bca", "cbba"];
            let nfa = cue_automaton(&cues).expect("builds");
            let search = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(cues)
                .expect("builds");
            let start = start.min(text.len());
            let expected = search
                .find(Input::new(&text).range(start..).anchored(Anchored::Yes))
                .map(|hit| (hit.pattern(), hit.end()));
            proptest::prop_assert_eq!(longest_cue_at(&nfa, text.as_bytes(), start), expected);
        }
    }

    proptest::proptest! {
        /// The openings never turn away a text that a cue begins, cues of every length
        /// included (those shorter than an opening, and those of one or two bytes that let
        /// everything through).
        #[test]
        fn openings_let_through_every_text_a_cue_begins(
            cues in proptest::collection::vec("[a-zé ]{1,6}", 1..20),
            long_cues in proptest::collection::vec("[a-zé ]{3,7}", 1..20),
            rest in "[a-z ]{0,4}",
        ) {
            for cues in [cues, long_cues] {
                let openings = Openings::of(&cues);
                for cue in &cues {
                    let text = format!("{cue}{rest}");
                    proptest::prop_assert!(openings.may_open(text.as_bytes()), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn openings_turn_away_words_that_begin_no_cue() {
        let cues = [
            "strike".to_owned(),
            "theatre".to_owned(),
            "oil".to_owned(),
            "wildfire".to_owned(),
        ];
        let openings = Openings::of(&cues);
        // Sharing three bytes with a longer cue is not enough: "the" against "theatre".
        for word in ["harbour", "the ", "their", "on", "x", "str", "oi"] {
            assert!(!openings.may_open(word.as_bytes()), "{word}");
        }
        for text in ["strikes", "theatres", "oil ", "oil", "oily"] {
            assert!(openings.may_open(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn german_compounds_are_read_inside_for_long_cues_only() {
        let politics = |body: &str, language| {
            find_subjects(None, &Text::new(body), language)
                .iter()
                .any(|subject| subject.code == "11000000")
        };
        let compounds = "Die Bundesregierung tagte. Der Bundesfinanzminister und der \
                         Regierungssprecher widersprachen dem Landesminister.";
        assert!(politics(compounds, Some("de")));
        // Only in German stories.
        assert!(!politics(compounds, Some("en")));
        // Short cues inside words are other words: `gang` in `Rückgang`, `port` in `Sport`.
        let short = "Rückgang, Zugang, Abgang und Untergang beim Sport, Transport und Export.";
        assert_eq!(
            find_subjects(None, &Text::new(short), Some("de")),
            Vec::<Subject>::new()
        );
    }

    fn codes(headline: &str, body: &str) -> Vec<&'static str> {
        find_subjects(Some(headline), &Text::new(body), None)
            .into_iter()
            .map(|s| s.code)
            .collect()
    }

    #[test]
    fn a_wind_farm_story_is_about_energy_in_any_language() {
        for (headline, body) in [
            ("Le Québec suspend un projet éolien", "Le parc éolien de 1200 mégawatts devait produire de l'électricité pour la province."),
            ("Portugal aprova novo parque eólico", "A usina eólica de 300 megawatts vai abastecer a rede com energia renovável."),
            ("Offshore wind farm approved", "The wind farm will add 1,500 megawatts of renewable power to the grid."),
        ] {
            let found = codes(headline, body);
            assert!(found.contains(&"20000209"), "{headline}: {found:?}");
        }
    }

    #[test]
    fn a_cue_after_an_elided_article_counts() {
        let found = codes(
            "Coopération contre l'immigration irrégulière",
            "L'immigration irrégulière a augmenté, selon l'office chargé de l'immigration.",
        );
        assert!(found.contains(&"20000771"), "{found:?}");
    }

    #[test]
    fn a_strike_story_is_labour_with_labour_relations() {
        let found = codes(
            "Dock workers strike over pay",
            "Thousands of dock workers walked out on Monday after pay talks with the port operator collapsed. The union said the strike would last three days and that workers wanted wages to keep up with prices.",
        );
        assert_eq!(found.first(), Some(&"09000000"), "{found:?}");
        assert!(found.contains(&"20000524"), "{found:?}");
    }

    /// A strike from the air is armed conflict, not a walkout: the longer cue takes the words,
    /// so "strikes" is not counted again for labour.
    #[test]
    fn a_drone_strike_is_conflict_not_labour() {
        let found = codes(
            "Drone strikes hit port as ships sail on",
            "Overnight drone strikes and shelling damaged the port. Air strikes followed, the army said.",
        );
        assert_eq!(found[..2], ["16000000", "20000056"], "{found:?}");
        assert!(!found.contains(&"09000000"), "{found:?}");
        assert!(!found.contains(&"20000524"), "{found:?}");
    }

    #[test]
    fn other_languages_are_read_too() {
        let found = codes(
            "Incendio obliga a evacuar tres pueblos",
            "Los bomberos luchan contra un incendio forestal. La protección civil evacuó a 200 vecinos y los bomberos esperan controlar el fuego.",
        );
        assert_eq!(found.first(), Some(&"03000000"), "{found:?}");
    }

    /// Each story names its subject only in its own language's words: a gallery, an epidemic,
    /// dismissals, floods on farms.
    #[test]
    fn stories_in_each_language_find_their_subject() {
        for (headline, body, code) in [
            (
                "Le musée de Lyon rouvre ses salles",
                "Après deux ans de travaux, le musée présente une exposition de peintures et de sculptures du XIXe siècle.",
                "01000000",
            ),
            (
                "Epidemia de sarampión en el norte",
                "Las autoridades confirmaron 40 casos de sarampión y temen que la epidemia llegue a las escuelas; piden vacunar a los niños.",
                "07000000",
            ),
            (
                "Zulieferer plant Kündigungen",
                "Der Zulieferer will 800 Stellen streichen. Der Betriebsrat kündigte Widerstand gegen die Kündigungen an.",
                "09000000",
            ),
            (
                "Enchentes destroem safra de arroz",
                "As enchentes alagaram lavouras e a safra de arroz deve cair 20%, segundo produtores rurais da região.",
                "03000000",
            ),
            (
                "Lluvias torrenciales en Valencia",
                "Se esperan lluvias intensas y granizo; el aviso rojo sigue activo en el litoral y la riada obligó a suspender las clases.",
                "17000000",
            ),
            (
                "Waldbrände bei Athen",
                "Heftige Waldbrände wüten seit Sonntag. Die Feuerwehr kämpft mit Löschflugzeugen gegen die Flammen.",
                "03000000",
            ),
            (
                "Eagles edge Cowboys in overtime",
                "The quarterback threw three touchdowns and the kicker added a field goal; the win sends them to the playoffs.",
                "15000000",
            ),
            (
                "Man charged after standoff",
                "The man was charged with assault after a standoff with sheriff's deputies and was held at the county jail.",
                "02000000",
            ),
            (
                "Quake strikes off Kyushu",
                "The magnitude 7.1 quake prompted a tsunami advisory for two prefectures.",
                "03000000",
            ),
            (
                "El Sevilla gana en Vigo",
                "Dos goles en la segunda parte dieron la victoria al equipo andaluz en el partido; los jugadores celebraron con la afición en el estadio.",
                "15000000",
            ),
        ] {
            let found = find_subjects(Some(headline), &Text::new(body), None);
            let codes: Vec<&str> = found.iter().map(|s| s.code).collect();
            assert!(codes.contains(&code), "{headline}: {codes:?}");
        }
    }

    #[test]
    fn a_spanish_party_is_politics_not_a_match() {
        let found = codes(
            "El Partido Popular gana en Galicia",
            "El Partido Popular ganó las elecciones gallegas. El partido obtuvo mayoría absoluta y el líder del partido, presidente de la Xunta, celebró el resultado. Los demás partidos reconocieron la derrota tras la votación, y el Gobierno felicitó al ganador.",
        );
        assert_eq!(found.first(), Some(&"11000000"), "{found:?}");
        assert!(!found.contains(&"15000000"), "{found:?}");
    }

    #[test]
    fn little_evidence_gives_no_subject() {
        assert!(codes("A quiet day", "Nothing much happened in the village.").is_empty());
    }

    #[test]
    fn cues_match_whole_words_unless_open_ended() {
        // "oil" must not match inside "spoil", "war" not inside "award" or "toward".
        assert!(codes(
            "Awards",
            "The award went toward a spoiled cake at the village fair."
        )
        .is_empty());
    }
}
