//! Plain text as scrapers and wire printers deliver it: a headline line, maybe a byline, then
//! paragraphs separated by blank lines.

use crate::story::model::{SourceFormat, Story};
use crate::story::normalize::{clean_inline, text_paragraphs, word_count};

/// A first paragraph longer than this is story text, not a headline.
const MAX_HEADLINE_WORDS: usize = 40;
/// Bylines sit near the top; a "By ..." paragraph further down is body text.
const BYLINE_SEARCH_DEPTH: usize = 6;
/// A byline is a short line; anything longer starting with "By" is a sentence.
const MAX_BYLINE_WORDS: usize = 16;

/// Reads a plain-text story. Never fails: whether anything usable was found is decided by the
/// caller from the body it gets back.
pub fn parse(text: &str) -> Story {
    let mut story = Story::new(SourceFormat::PlainText);
    let mut paragraphs = text_paragraphs(text);
    if paragraphs.len() > 1 && word_count(&paragraphs[0]) <= MAX_HEADLINE_WORDS {
        story.headline = Some(paragraphs.remove(0));
    }
    let search_depth = paragraphs.len().min(BYLINE_SEARCH_DEPTH);
    if let Some(position) = paragraphs[..search_depth]
        .iter()
        .position(|paragraph| byline_statement(paragraph).is_some())
    {
        let paragraph = paragraphs.remove(position);
        story.byline = byline_statement(&paragraph);
    }
    story.paragraphs = paragraphs;
    story
}

/// The names part of a "By ..." line, or `None` when the paragraph is not a byline.
fn byline_statement(paragraph: &str) -> Option<String> {
    let rest = paragraph
        .strip_prefix("By ")
        .or_else(|| paragraph.strip_prefix("BY "))?;
    let words = word_count(rest);
    (words > 0 && words <= MAX_BYLINE_WORDS).then(|| clean_inline(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_byline_and_paragraphs() {
        let story = parse(
            "Storm closes schools\n\nBy JANE DOE and JOHN ROE\nAssociated Press\n\n\
             DENVER (AP) — Schools closed.\n\nMore snow is due.\n",
        );
        assert_eq!(story.headline.as_deref(), Some("Storm closes schools"));
        assert_eq!(
            story.byline.as_deref(),
            Some("JANE DOE and JOHN ROE Associated Press")
        );
        assert_eq!(
            story.paragraphs,
            vec!["DENVER (AP) — Schools closed.", "More snow is due."]
        );
    }

    #[test]
    fn a_long_first_paragraph_is_body_not_headline() {
        let long = "word ".repeat(60);
        let story = parse(&format!("{long}\n\nSecond."));
        assert_eq!(story.headline, None);
        assert_eq!(story.paragraphs.len(), 2);
    }

    #[test]
    fn a_sentence_starting_with_by_is_not_a_byline() {
        let sentence = format!("By {} the river had risen.", "far ".repeat(20));
        let story = parse(&format!("Flood\n\n{sentence}"));
        assert_eq!(story.byline, None);
        assert_eq!(story.paragraphs.len(), 1);
    }
}
