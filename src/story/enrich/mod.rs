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

/// A byte position in `text` as a character offset, the unit mentions are reported in.
fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}
