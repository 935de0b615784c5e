//! Enrichment: what a normalized story mentions. Each finder reads the clean body (and the
//! headline) and reports what it found with character offsets into the body, the way GDELT's
//! GKG does; the renderer puts the findings in ninjs slots and the extension.

pub mod dates;
pub mod features;
pub mod keywords;
pub mod organisations;
pub mod people;
pub mod places;
pub mod quotes;
pub mod topics;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::story::model::Story;

/// A fixed list of words with constant-time look-up: the finders test every word of a story
/// against several such lists of a hundred words or more.
pub(crate) struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            set: OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Capitalized words that are dates, not names: they neither extend a place name ("in Cuba
/// Tuesday") nor make a person ("Tuesday March").
const CALENDAR: &[&str] = &[
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
];

/// Finds everything the story mentions, in the order the finders depend on each other: places
/// first (organisations and people leave them out), then organisations (people inside their
/// names are not people), people, quotes (their speakers are people and organisations), dates,
/// topics and keywords.
pub fn enrich(story: &mut Story, body: &str) {
    story.places = places::find_places(story, body);
    story.organisations = organisations::find_organisations(body, &story.places);
    story.people = people::find_people(body, &story.places, &story.organisations, &story.authors);
    story.quotes = quotes::find_quotes(body, &story.people, &story.organisations);
    let story_date = story
        .first_published
        .or(story.updated)
        .map(|time| time.date_naive());
    story.dates = dates::find_dates(body, story_date);
    story.subjects = topics::find_subjects(story.headline.as_deref(), body);
    story.keywords = keywords::find_keywords(
        story.headline.as_deref(),
        body,
        story.language.map(|l| l.code),
    );
}

/// The words of `text` as byte ranges: runs of letters and digits with the hyphens and
/// apostrophes inside them ("sexta-feira", "aujourd’hui"), trailing ones left out.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (index, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
        match (inside, start) {
            (true, None) => start = Some(index),
            (false, Some(s)) => {
                let word = text[s..index].trim_end_matches(['-', '\'', '’']);
                if !word.is_empty() {
                    spans.push((s, s + word.len()));
                }
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// A byte position in `text` as a character offset, the unit mentions are reported in.
fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}
