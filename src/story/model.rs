//! The story as the parsers understand it, before it is written out as ninjs.
//!
//! Parsers fill this in from whatever format arrived; the renderer turns it into a record. Keeping
//! one neutral shape between them is what lets new formats plug in without touching the output.

use chrono::{DateTime, FixedOffset, Utc};

/// The input formats the stage recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    PlainText,
    Json,
    Ninjs,
    Nitf,
    NewsMl,
    Rss,
    Atom,
    Html,
    /// ANPA-1312 / IPTC 7901 wire transmissions.
    Wire,
}

impl SourceFormat {
    /// The format's name in records and scores.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "text",
            SourceFormat::Json | SourceFormat::Ninjs => "json",
            SourceFormat::Nitf => "nitf",
            SourceFormat::NewsMl => "newsml",
            SourceFormat::Rss => "rss",
            SourceFormat::Atom => "atom",
            SourceFormat::Html => "html",
            SourceFormat::Wire => "anpa",
        }
    }
}

/// One parsed, normalized story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub format: SourceFormat,
    /// The provider's own identifier for the story, stable across its versions.
    pub provider_id: Option<String>,
    /// The agency or outlet that produced the story, as the message states it.
    pub source: Option<String>,
    pub headline: Option<String>,
    /// The byline as a natural-language statement ("Kelsey Hartley and Ramón Echeverría").
    pub byline: Option<String>,
    pub first_published: Option<DateTime<FixedOffset>>,
    pub updated: Option<DateTime<FixedOffset>>,
    /// Clean body paragraphs, in order, never empty strings.
    pub paragraphs: Vec<String>,
    /// The canonical web address of the story, when the message gives one.
    pub url: Option<String>,
    /// The people credited as writers, in byline order ("By X and Y" → X, Y).
    pub authors: Vec<String>,
    /// Where the story was filed from, as printed in the dateline.
    pub dateline: Option<Dateline>,
    /// When the message that carried the story was sent (its Kafka timestamp), when known: not a
    /// time the story states, only the year a dateline's month and day fall in.
    pub sent: Option<DateTime<Utc>>,
    /// Photos and graphics that came with the story.
    pub images: Vec<Image>,
    /// The IANA zone a printed local time was read in, when the message gave none.
    pub assumed_timezone: Option<String>,
    /// Wire urgency, 1 (most urgent) to 9.
    pub urgency: Option<u8>,
    /// `usable`, `withheld` or `canceled`.
    pub pubstatus: Option<String>,
    /// Not to be published before this instant.
    pub embargoed: Option<DateTime<FixedOffset>>,
    /// The provider's version number of this story.
    pub version: Option<String>,
    pub slugline: Option<String>,
    /// A summary or abstract that is not part of the body.
    pub summary: Option<String>,
    pub copyright_holder: Option<String>,
    pub copyright_notice: Option<String>,
    /// Whether the body came as HTML (the record then also carries a sanitized HTML body).
    pub html_body: bool,
    /// A subheadline or deck under the headline.
    pub subheadline: Option<String>,
    /// Top-level properties of a ninjs input that have no place in the story model, kept so
    /// that nothing the provider sent is lost (`wirestream.passthrough` in the record).
    pub passthrough: serde_json::Map<String, serde_json::Value>,
    /// ISO 639-1 code of the body's language, when detected with confidence (enrichment).
    pub language: Option<crate::story::language::Detected>,
    /// People the story mentions, bylined authors aside (enrichment).
    pub people: Vec<crate::story::enrich::people::Person>,
    /// Places the story mentions (enrichment).
    pub places: Vec<crate::story::enrich::places::Place>,
    /// Organisations the story mentions (enrichment).
    pub organisations: Vec<crate::story::enrich::organisations::Organisation>,
    /// Direct quotations with their speakers (enrichment).
    pub quotes: Vec<crate::story::enrich::quotes::Quote>,
    /// IPTC Media Topics (enrichment).
    pub subjects: Vec<crate::story::enrich::topics::Subject>,
    /// The words the story leans on most (enrichment).
    pub keywords: Vec<String>,
    /// Dates the story mentions, normalized (enrichment).
    pub dates: Vec<crate::story::enrich::dates::MentionedDate>,
}

/// A dateline place: the city part as printed, and its country when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    /// What is printed beside the place: a state, district or country (`Ore.`, `Cuba`).
    pub region: Option<String>,
    /// The date printed with the place, as printed (`May 29`, `12 septembre 2024`): what a
    /// story that states no time of its own is dated by.
    pub date: Option<String>,
}

/// A picture that accompanies the story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    pub caption: Option<String>,
    /// The photographer.
    pub credit: Option<String>,
    /// The agency or outlet that holds the picture's rights.
    pub agency: Option<String>,
    /// Where the picture file is, when given.
    pub href: Option<String>,
}

impl Story {
    pub fn new(format: SourceFormat) -> Self {
        Self {
            format,
            provider_id: None,
            source: None,
            headline: None,
            byline: None,
            first_published: None,
            updated: None,
            paragraphs: Vec::new(),
            url: None,
            authors: Vec::new(),
            dateline: None,
            sent: None,
            images: Vec::new(),
            assumed_timezone: None,
            urgency: None,
            pubstatus: None,
            embargoed: None,
            version: None,
            slugline: None,
            summary: None,
            copyright_holder: None,
            copyright_notice: None,
            html_body: false,
            subheadline: None,
            passthrough: serde_json::Map::new(),
            language: None,
            people: Vec::new(),
            places: Vec::new(),
            organisations: Vec::new(),
            quotes: Vec::new(),
            subjects: Vec::new(),
            keywords: Vec::new(),
            dates: Vec::new(),
        }
    }

    /// The clean body as one text, paragraphs separated by a blank line.
    pub fn body_text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}
