//! Format detection: which parser reads a message.
//!
//! A Kafka `content-type` header, when present, decides; otherwise the first non-blank character
//! does. Each format lives in its own file and returns the neutral [`Story`].

mod dateline;
mod feed;
mod html;
mod json;

pub use json::MAPPABLE_FIELDS as JSON_MAPPABLE_FIELDS;
mod newsml;
mod nitf;
mod text;
mod wire;
mod xml;

use super::bylines::{author_names, title_case_if_capitals, without_lead};
use super::gazetteer::{fold, gazetteer};
use super::model::{SourceFormat, Story};
use super::rejection::{PipelineStep, Rejection, RejectionClass};
use super::stamps::StampKind;
use super::StageSettings;

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
pub fn parse(
    text: &str,
    content_type: Option<&str>,
    settings: &StageSettings,
) -> Result<Story, Rejection> {
    let (mut story, stamps) = match detect(text, content_type) {
        Detected::Json => (json::parse(text, &settings.json_fields)?, Vec::new()),
        Detected::PlainText => {
            let parsed = if wire::is_wire(text) {
                wire::parse(text)
            } else {
                text::parse(text)
            };
            (parsed.story, parsed.stamps)
        }
        Detected::Markup => (read_markup(text)?, Vec::new()),
    };
    story
        .paragraphs
        .retain(|paragraph| !text::is_inline_boilerplate(paragraph));
    while story
        .paragraphs
        .last()
        .is_some_and(|last| text::is_end_matter(last))
    {
        story.paragraphs.pop();
    }
    // A dateline set above the first paragraph belongs to it, as in every other wire layout.
    if story.paragraphs.len() >= 2 && dateline::stands_alone(&story.paragraphs[0]) {
        let first = story.paragraphs.remove(0);
        story.paragraphs[0] = format!("{} {}", first.trim_end(), story.paragraphs[0]);
    }
    let printed = story
        .paragraphs
        .first()
        .and_then(|first| dateline::parse_dateline(first));
    if let Some(parsed) = &printed {
        // The dateline as printed wins over structured location metadata, whose country it
        // keeps when both name the same place.
        let mut printed_dateline = parsed.dateline.clone();
        if let Some(structured) = &story.dateline {
            if fold(&structured.place) == fold(&printed_dateline.place) {
                printed_dateline.country_code = structured.country_code.clone();
            }
        }
        story.dateline = Some(printed_dateline);
        // A wire story republished on a web page keeps the agency of its dateline as source.
        let republished = story.format == SourceFormat::Html && parsed.agency.is_some();
        if story.source.is_none() || republished {
            story.source = parsed.agency.clone().or(story.source.take());
        }
    }
    if let Some(dateline) = story.dateline.as_mut().filter(|d| d.country_code.is_none()) {
        dateline.country_code =
            gazetteer().dateline_country(&dateline.place, dateline.region.as_deref());
    }
    // Printed stamps without a zone are read in the source's home zone, once the source is known.
    let home_zone = story
        .source
        .as_deref()
        .and_then(|source| settings.home_zone(source));
    for (kind, slot) in [
        (StampKind::Published, &mut story.first_published),
        (StampKind::Updated, &mut story.updated),
    ] {
        if slot.is_some() {
            continue;
        }
        if let Some(stamp) = text::first_stamp(&stamps, kind) {
            *slot = stamp.resolve(home_zone);
            if slot.is_some() && stamp.offset.is_none() {
                story.assumed_timezone = home_zone.map(|zone| zone.name().to_owned());
            }
        }
    }
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
    story.byline = story
        .byline
        .as_deref()
        .map(|b| without_lead(b).to_owned())
        .filter(|b| !b.is_empty());
    for author in &mut story.authors {
        *author = title_case_if_capitals(author);
    }
    if story.byline.is_none() && !story.authors.is_empty() {
        story.byline = Some(story.authors.join(", "));
    }
    Ok(story)
}

/// HTML pages go to the HTML reader (they are rarely well-formed XML); XML documents are parsed
/// and routed by their root element.
fn read_markup(text: &str) -> Result<Story, Rejection> {
    let start = text.trim_start();
    let head = start
        .get(..start.len().min(512))
        .unwrap_or(start)
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.contains("<html") && !head.starts_with("<?xml"))
    {
        return Ok(html::read(text));
    }
    let root = xml::parse(text)?;
    match root.name.as_str() {
        "nitf" => Ok(nitf::read(&root)),
        "newsItem" | "newsMessage" => Ok(newsml::read(&root)),
        "item" | "rss" => Ok(feed::read_rss(&root)),
        "entry" | "feed" => Ok(feed::read_atom(&root)),
        "html" => Ok(html::read(text)),
        other => Err(Rejection::new(
            RejectionClass::UnsupportedFormat,
            PipelineStep::Parse,
            format!("XML document <{other}> is not a news format the stage reads"),
        )),
    }
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
    fn a_dateline_set_above_the_first_paragraph_joins_it() {
        let text = "Lluvias en Valencia\n\nMADRID, 13 Nov. (EUROPA PRESS) -\n\nLa Agencia \
                    Estatal de Meteorología ha activado el aviso rojo en el litoral sur de \
                    Valencia este miércoles, y se esperan lluvias muy intensas.";
        let story = parse(text, None, &StageSettings::default()).expect("a story");
        assert_eq!(story.dateline.map(|d| d.place).as_deref(), Some("MADRID"));
        assert_eq!(story.source.as_deref(), Some("EUROPA PRESS"));
        assert!(story.images.is_empty(), "{:?}", story.images);
        assert!(
            story.paragraphs[0].starts_with("MADRID, 13 Nov. (EUROPA PRESS) - La Agencia"),
            "{:?}",
            story.paragraphs
        );
    }

    #[test]
    fn sniffing_uses_first_non_blank_character() {
        assert_eq!(detect("  \n{\"a\":1}", None), Detected::Json);
        assert_eq!(detect("<?xml version=\"1.0\"?>", None), Detected::Markup);
        assert_eq!(detect("Headline\n\nBody", None), Detected::PlainText);
    }
}
