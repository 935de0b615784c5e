//! The story as the parsers understand it, before it is written out as ninjs.
//!
//! Parsers fill this in from whatever format arrived; the renderer turns it into a record. Keeping
//! one neutral shape between them is what lets new formats plug in without touching the output.

use chrono::{DateTime, FixedOffset};

/// The input formats the stage recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    PlainText,
    Json,
    Ninjs,
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
        }
    }

    /// The clean body as one text, paragraphs separated by a blank line.
    pub fn body_text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}
