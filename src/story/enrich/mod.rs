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
mod word_starts;

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::story::model::Story;
use crate::story::text::Text;

/// A fixed list of words with constant-time look-up: the finders test every word of a story
/// against several such lists of a hundred words or more.
pub(crate) struct WordList {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
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

/// Finds everything the story mentions, in the order the finders depend on each other: places
/// first (organisations and people leave them out), then organisations (people inside their
/// names are not people), people, quotes (their speakers are people and organisations), dates,
/// topics and keywords.
pub fn enrich(story: &mut Story, text: &Text<'_>) {
    story.places = places::find_places(story, text);
    story.organisations = organisations::find_organisations(text, &story.places);
    story.people = people::find_people(text, &story.places, &story.organisations, &story.authors);
    story.quotes = quotes::find_quotes(text, &story.people, &story.organisations);
    let story_date = story
        .first_published
        .or(story.updated)
        .map(|time| time.date_naive());
    story.dates = dates::find_dates(text, story_date);
    story.subjects = topics::find_subjects(story.headline.as_deref(), text);
    story.keywords = keywords::find_keywords(
        story.headline.as_deref(),
        text,
        story.language.map(|l| l.code),
    );
}
