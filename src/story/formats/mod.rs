//! Format detection: which parser reads a message.
//!
//! A Kafka `content-type` header, when present, decides; otherwise the first non-blank character
//! does. Each format lives in its own file and returns the neutral [`Story`].

mod json;
mod text;

use super::bylines::author_names;
use super::model::Story;
use super::rejection::{PipelineStep, Rejection, RejectionClass};

/// What the bytes (or the header) say the message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detected {
    Json,
    Markup,
    PlainText,
}

fn detect(text: &str, content_type: Option<&str>) -> Detected {
    let media_type = content_type
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase());
    match media_type.as_deref() {
        Some(t) if t == "application/json" || t.ends_with("+json") => return Detected::Json,
        Some(t) if t.ends_with("xml") || t == "text/html" => return Detected::Markup,
        Some("text/plain") => return Detected::PlainText,
        _ => {}
    }
    match text.trim_start().chars().next() {
        Some('{') | Some('[') => Detected::Json,
        Some('<') => Detected::Markup,
        _ => Detected::PlainText,
    }
}

/// Parses decoded text into a story, choosing the parser by header or content.
pub fn parse(text: &str, content_type: Option<&str>) -> Result<Story, Rejection> {
    let mut story = match detect(text, content_type) {
        Detected::Json => json::parse(text)?,
        Detected::PlainText => text::parse(text),
        Detected::Markup => {
            return Err(Rejection::new(
                RejectionClass::UnsupportedFormat,
                PipelineStep::Parse,
                "markup input (XML or HTML) is not read by this version of the stage",
            ))
        }
    };
    if story.paragraphs.is_empty() {
        return Err(Rejection::new(
            RejectionClass::NotAStory,
            PipelineStep::Parse,
            "no body text found",
        ));
    }
    if story.authors.is_empty() {
        if let Some(byline) = &story.byline {
            story.authors = author_names(byline);
        }
    }
    Ok(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_wins_over_sniffing() {
        assert_eq!(detect("{not json", Some("text/plain")), Detected::PlainText);
        assert_eq!(
            detect("hello", Some("application/vnd.ninjs+json; charset=utf-8")),
            Detected::Json
        );
    }

    #[test]
    fn sniffing_uses_first_non_blank_character() {
        assert_eq!(detect("  \n{\"a\":1}", None), Detected::Json);
        assert_eq!(detect("<?xml version=\"1.0\"?>", None), Detected::Markup);
        assert_eq!(detect("Headline\n\nBody", None), Detected::PlainText);
    }
}
