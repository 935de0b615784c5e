//! Keywords: the words a story leans on most, for search and tagging.
//!
//! Words of four letters or more that are not stop words of the story's language (the ISO lists
//! of the `stop-words` crate), counted once per use in the body and three times in the headline;
//! those used at least twice (a headline word once more in the body counts), most used first. A word keeps the form the story uses most.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// At most this many keywords per story.
const MAX_KEYWORDS: usize = 8;
const HEADLINE_WEIGHT: u32 = 3;
const MIN_USES: u32 = 2;
const MIN_LETTERS: usize = 4;

fn stop_words(language: Option<&str>) -> &'static HashSet<&'static str> {
    static LISTS: OnceLock<HashMap<&'static str, HashSet<&'static str>>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        ["en", "es", "fr", "de", "pt"]
            .into_iter()
            .filter_map(|code| Some((code, stop_words::lookup(code)?.iter().copied().collect())))
            .collect()
    });
    static NONE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    language
        .and_then(|code| lists.get(code))
        .or_else(|| lists.get("en"))
        .unwrap_or_else(|| NONE.get_or_init(HashSet::new))
}

/// Builds the stop-word lists now rather than on the first story.
pub fn prepare() {
    stop_words(None);
}

/// The story's keywords; `language` is its ISO 639-1 code when known.
pub fn find_keywords(headline: Option<&str>, body: &str, language: Option<&str>) -> Vec<String> {
    let stop = stop_words(language);
    // Lower-cased word → (weight, each written form's count, first position).
    let mut counts: HashMap<String, (u32, HashMap<&str, u32>, usize)> = HashMap::new();
    let texts = headline
        .into_iter()
        .map(|h| (h, HEADLINE_WEIGHT))
        .chain(std::iter::once((body, 1)));
    let mut position = 0;
    for (text, weight) in texts {
        for word in text.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')) {
            let word = word.trim_matches(|c: char| c == '-' || c == '\'');
            if word.chars().count() < MIN_LETTERS {
                continue;
            }
            let lower = word.to_lowercase();
            if stop.contains(lower.as_str()) {
                continue;
            }
            position += 1;
            let entry = counts
                .entry(lower)
                .or_insert_with(|| (0, HashMap::new(), position));
            entry.0 += weight;
            *entry.1.entry(word).or_default() += 1;
        }
    }
    let mut ranked: Vec<(u32, usize, &str)> = counts
        .values()
        .filter(|(_, forms, _)| forms.values().sum::<u32>() >= MIN_USES)
        .filter_map(|(weight, forms, first)| {
            let form = forms
                .iter()
                .max_by_key(|(form, count)| (**count, std::cmp::Reverse(**form)))?
                .0;
            Some((*weight, *first, *form))
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
            "The ferry was cancelled again. Islanders say the ferry service has failed them, and that they have been waiting for a new ferry for years.",
            Some("en"),
        );
        assert_eq!(keywords.first().map(String::as_str), Some("ferry"));
        assert!(keywords.iter().any(|k| k == "Islanders"), "{keywords:?}");
        assert!(!keywords.iter().any(|k| k == "have" || k == "that"));
    }

    #[test]
    fn stop_words_follow_the_language() {
        let keywords = find_keywords(
            None,
            "Die Gewerkschaft hat den Streik angekündigt. Der Streik soll zwei Tage dauern, weil die Gewerkschaft mehr Lohn will.",
            Some("de"),
        );
        assert!(keywords.contains(&"Streik".to_owned()), "{keywords:?}");
        assert!(!keywords.iter().any(|k| k == "weil" || k == "soll"));
    }
}
