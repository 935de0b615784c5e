//! NITF 3.x: `hedline/hl1`, `byline`, `dateline`, `docdata` ids and dates, `body.content`,
//! `media` with captions and credits; `body.end` taglines are end matter, not story text.

use super::dateline::parse_printed;
use super::feed::split_credit;
use super::xml::Element;
use crate::story::dates::parse_timestamp;
use crate::story::gazetteer::gazetteer;
use crate::story::model::{Dateline, Image, SourceFormat, Story};
use crate::story::normalize::{clean_inline, html_paragraphs};

pub fn read(root: &Element) -> Story {
    let mut story = Story::new(SourceFormat::Nitf);
    story.subheadline = root
        .find("hl2")
        .map(|e| clean_inline(&e.text()))
        .filter(|h| !h.is_empty());
    story.headline = root
        .find("hl1")
        .or_else(|| root.find("title"))
        .map(|e| clean_inline(&e.text()))
        .filter(|h| !h.is_empty());
    if let Some(byline) = root.find("byline") {
        let mut people = Vec::new();
        byline.find_all("person", &mut people);
        story.authors = people
            .iter()
            .map(|p| clean_inline(&p.text()))
            .filter(|p| !p.is_empty())
            .collect();
        story.byline = Some(clean_inline(&byline.text())).filter(|b| !b.is_empty());
    }
    if let Some(id) = root.find("doc-id") {
        story.provider_id = id.attribute("id-string").map(str::to_owned);
        story.source = id.attribute("regsrc").map(str::to_owned);
    }
    story.first_published = root
        .find("date.issue")
        .and_then(|d| d.attribute("norm"))
        .and_then(parse_nitf_date);
    story.updated = root
        .find("date.release")
        .and_then(|d| d.attribute("norm"))
        .and_then(parse_nitf_date)
        .filter(|updated| Some(*updated) != story.first_published);
    if let Some(location) = root.find("dateline") {
        let place = location
            .find("city")
            .map(|c| clean_inline(&c.text()))
            .unwrap_or_default();
        let country = location.find("country").map(|c| clean_inline(&c.text()));
        if !place.is_empty() {
            let country_code = country
                .as_deref()
                .and_then(|c| gazetteer().country_code(c).map(str::to_owned));
            story.dateline = Some(Dateline {
                place,
                country_code,
                region: country,
                date: None,
            });
        } else {
            // No `city` element: the dateline as printed (`NAIROBI, Kenya, June 11`).
            story.dateline =
                parse_printed(&clean_inline(&location.text())).map(|parsed| parsed.dateline);
        }
    }
    if let Some(content) = root.find("body.content") {
        story.paragraphs = html_paragraphs(&content.markup());
        story.html_body = true;
    }
    story.urgency = root
        .find("urgency")
        .and_then(|u| u.attribute("ed-urg"))
        .and_then(|u| u.parse().ok())
        .filter(|u| (1..=9).contains(u));
    story.copyright_holder = root
        .find("doc.copyright")
        .and_then(|c| c.attribute("holder"))
        .map(str::to_owned);
    story.slugline = root
        .find("du-key")
        .and_then(|k| k.attribute("key"))
        .map(str::to_owned);
    if let Some(summary) = root.find("abstract") {
        story.summary = Some(clean_inline(&summary.text())).filter(|s| !s.is_empty());
    }
    let mut media = Vec::new();
    root.find_all("media", &mut media);
    story.images = media
        .into_iter()
        .filter(|m| {
            m.attribute("media-type")
                .is_none_or(|t| t == "image" || t == "photo")
        })
        .map(|m| {
            let text_of = |name: &str| {
                m.find(name)
                    .map(|e| clean_inline(&e.text()))
                    .filter(|t| !t.is_empty())
            };
            let (credit, agency) = split_credit(text_of("media-producer"));
            Image {
                caption: text_of("media-caption"),
                credit,
                agency,
                href: m
                    .find("media-reference")
                    .and_then(|r| r.attribute("source"))
                    .map(str::to_owned),
            }
        })
        .collect();
    story
}

/// NITF `norm` dates: ISO 8601 basic (`20240722T153000Z`, `20240722T153000-0500`) or extended.
fn parse_nitf_date(text: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    parse_timestamp(text).or_else(|| {
        let text = text.trim();
        let with_zone = text.replace('Z', "+0000");
        chrono::DateTime::parse_from_str(&with_zone, "%Y%m%dT%H%M%S%z").ok()
    })
}
