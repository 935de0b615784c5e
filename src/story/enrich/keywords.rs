//! Keywords: the words a story leans on most, for search and tagging.
//!
//! Words of four letters or more (no digits) that are not stop words of the story's language (the
//! ISO lists of the `stop-words` crate), counted once per use in the body and three times in the
//! headline; those used at least twice (a headline word once more in the body counts), most used
//! first. A possessive counts for its word ("Zambia's" for "Zambia"), and a word keeps the form
//! the story uses most.

use std::collections::hash_map::Entry;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::story::text::{without_possessive, Text};

/// At most this many keywords per story.
const MAX_KEYWORDS: usize = 8;
const HEADLINE_WEIGHT: u32 = 3;
const MIN_USES: u32 = 2;
const MIN_LETTERS: usize = 4;

/// The languages whose stop words are known.
const ENRICHED: [&str; 5] = ["en", "es", "fr", "de", "pt"];

fn stop_words(language: Option<&str>) -> &'static FxHashSet<&'static str> {
    static LISTS: OnceLock<FxHashMap<&'static str, FxHashSet<&'static str>>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        ENRICHED
            .into_iter()
            .filter_map(|code| Some((code, stop_words::lookup(code)?.iter().copied().collect())))
            .collect()
    });
    static NONE: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    language
        .and_then(|code| lists.get(code))
        .or_else(|| lists.get("en"))
        .unwrap_or_else(|| NONE.get_or_init(FxHashSet::default))
}

/// Whether `word`, lower-cased, is a stop word of `language` (English when it is not known).
pub(super) fn is_stop_word(language: Option<&str>, word: &str) -> bool {
    stop_words(language).contains(word.to_lowercase().as_str())
}

/// Whether `word`, lower-cased, is a stop word of any of the enriched languages.
pub(super) fn is_stop_word_in_any(word: &str) -> bool {
    let lower = word.to_lowercase();
    ENRICHED
        .iter()
        .any(|code| stop_words(Some(code)).contains(lower.as_str()))
}

/// Builds the stop-word lists now rather than on the first story.
pub fn prepare() {
    stop_words(None);
}

/// What one keyword candidate has gathered: its weight and each written form with its count.
/// Tallies are kept in order of first use, which breaks ties between equal weights.
struct Tally<'t> {
    weight: u32,
    /// The first form with its count; most words are only ever written one way.
    first: (&'t str, u32),
    /// Any other forms with theirs.
    others: Vec<(&'t str, u32)>,
}

impl<'t> Tally<'t> {
    fn count(&mut self, form: &'t str) {
        if self.first.0 == form {
            self.first.1 += 1;
            return;
        }
        match self.others.iter_mut().find(|(f, _)| *f == form) {
            Some((_, count)) => *count += 1,
            None => self.others.push((form, 1)),
        }
    }

    fn forms(&self) -> impl Iterator<Item = &(&'t str, u32)> {
        std::iter::once(&self.first).chain(&self.others)
    }
}

/// How many bytes of a lower-cased word a French elided article or pronoun takes up (`c'`,
/// `d'`, `j'`, `l'`, `m'`, `n'`, `qu'`, `s'`, `t'`, with either apostrophe), if it opens with
/// one: "d’urgence" and "l'urgence" count for "urgence". Only a word with an apostrophe in
/// second or third place is compared further.
pub(super) fn elision_length(lower: &str) -> usize {
    let (letters, rest) = match lower.as_bytes() {
        [b'q', b'u', rest @ ..] => (2, rest),
        [b'c' | b'd' | b'j' | b'l' | b'm' | b'n' | b's' | b't', rest @ ..] => (1, rest),
        _ => return 0,
    };
    if rest.starts_with(b"'") {
        letters + 1
    } else if rest.starts_with("’".as_bytes()) {
        letters + "’".len()
    } else {
        0
    }
}

/// Whether a form is written all in capitals ("TOULOUSE" in a dateline): a keyword is shown
/// as the story writes it in running text when it is written both ways as often.
fn is_shouted(form: &str) -> bool {
    form.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !form.chars().any(char::is_lowercase)
}

/// Whether a lower-cased word can be a keyword: letters (and inner hyphens and apostrophes)
/// only, at least `MIN_LETTERS` of them.
fn is_candidate(lower: &str) -> bool {
    // Fewer bytes means fewer characters; most words are ASCII and are checked byte by byte.
    if lower.len() < MIN_LETTERS {
        return false;
    }
    if lower.is_ascii() {
        return lower
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'\''));
    }
    lower.chars().count() >= MIN_LETTERS
        && lower
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// The story's keywords; `language` is its ISO 639-1 code when known.
pub fn find_keywords(
    headline: Option<&str>,
    body: &Text<'_>,
    language: Option<&str>,
) -> Vec<String> {
    let stop = stop_words(language);
    let headline = headline.map(Text::new);
    let texts = headline
        .iter()
        .map(|h| (h, HEADLINE_WEIGHT))
        .chain(std::iter::once((body, 1)));
    let mut tallies: Vec<Tally<'_>> = Vec::new();
    // Sized for the story at once: about one word in three is a distinct candidate.
    let mut by_word: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(body.words().len() / 3, Default::default());
    for (text, weight) in texts {
        for index in 0..text.words().len() {
            let (form, lower) = (
                without_possessive(text.word(index)),
                without_possessive(text.lower_word(index)),
            );
            // The lower-cased word has the written one's bytes, so one length strips both.
            let elided = elision_length(lower);
            let (form, lower) = (&form[elided..], &lower[elided..]);
            if !is_candidate(lower) || stop.contains(lower) {
                continue;
            }
            let next = tallies.len();
            let tally = match by_word.entry(lower) {
                Entry::Occupied(entry) => &mut tallies[*entry.get()],
                Entry::Vacant(entry) => {
                    entry.insert(next);
                    tallies.push(Tally {
                        weight: 0,
                        first: (form, 0),
                        others: Vec::new(),
                    });
                    &mut tallies[next]
                }
            };
            tally.weight += weight;
            tally.count(form);
        }
    }
    let mut ranked: Vec<(u32, usize, &str)> = tallies
        .iter()
        .enumerate()
        .filter(|(_, tally)| tally.forms().map(|(_, count)| count).sum::<u32>() >= MIN_USES)
        .filter_map(|(first, tally)| {
            let form = tally
                .forms()
                .max_by_key(|(form, count)| (*count, !is_shouted(form), std::cmp::Reverse(*form)))?
                .0;
            Some((tally.weight, first, form))
        })
        .collect();
    ranked.sort_by_key(|(weight, first, _)| (std::cmp::Reverse(*weight), *first));
    ranked
        .into_iter()
        .take(MAX_KEYWORDS)
        .map(|(_, _, form)| form.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_content_words_rank_and_stop_words_do_not() {
        let keywords = find_keywords(
            Some("Ferry cancellations anger islanders"),
            &Text::new("The ferry was cancelled again. Islanders say the ferry service has failed them, and that they have been waiting for a new ferry for years."),
            Some("en"),
        );
        assert_eq!(keywords.first().map(String::as_str), Some("ferry"));
        assert!(keywords.iter().any(|k| k == "Islanders"), "{keywords:?}");
        assert!(!keywords.iter().any(|k| k == "have" || k == "that"));
    }

    #[test]
    fn candidates_are_counted_in_characters_not_bytes() {
        for word in ["ação", "re-elected", "aujourd’hui", "streik"] {
            assert!(is_candidate(word), "{word}");
        }
        // Three characters in four bytes; digits; a full stop.
        for word in ["año", "covid19", "u.s.a", "abc"] {
            assert!(!is_candidate(word), "{word}");
        }
    }

    #[test]
    fn possessives_count_for_their_word() {
        let keywords = find_keywords(
            None,
            &Text::new(
                "Zambia’s drought deepened. Zambia's dams ran low, and Zambia rationed power.",
            ),
            Some("en"),
        );
        assert_eq!(keywords.first().map(String::as_str), Some("Zambia"));
        assert!(!keywords.iter().any(|k| k.contains('\'') || k.contains('’')));
    }

    #[test]
    fn elided_articles_are_not_part_of_the_word() {
        let keywords = find_keywords(
            None,
            &Text::new("L’urgence est réelle. Un plan d'urgence suit, car l'urgence demeure."),
            Some("fr"),
        );
        assert_eq!(keywords, ["urgence"]);
    }

    #[test]
    fn a_word_written_in_capitals_and_in_running_text_keeps_the_running_form() {
        let keywords = find_keywords(
            None,
            &Text::new("TOULOUSE (AFP) - Farmers in Toulouse met. Farmers protested."),
            Some("en"),
        );
        assert_eq!(keywords, ["Toulouse", "Farmers"]);
    }

    #[test]
    fn stop_words_follow_the_language() {
        let keywords = find_keywords(
            None,
            &Text::new("Die Gewerkschaft hat den Streik angekündigt. Der Streik soll zwei Tage dauern, weil die Gewerkschaft mehr Lohn will."),
            Some("de"),
        );
        assert!(keywords.contains(&"Streik".to_owned()), "{keywords:?}");
        assert!(!keywords.iter().any(|k| k == "weil" || k == "soll"));
    }
}
