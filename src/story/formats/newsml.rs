//! NewsML-G2 `newsItem` (alone or inside a `newsMessage`): itemMeta and contentMeta, an inline
//! XHTML or NITF body.

use super::dateline::parse_printed;
use super::nitf;
use super::xml::Element;
use crate::story::dates::parse_timestamp;
use crate::story::model::{Dateline, SourceFormat, Story};
use crate::story::normalize::{clean_inline, html_paragraphs};

pub fn read(root: &Element) -> Story {
    let item = if root.name == "newsItem" {
        root
    } else {
        root.find("newsItem").unwrap_or(root)
    };
    let mut story = Story::new(SourceFormat::NewsMl);
    story.provider_id = item.attribute("guid").map(str::to_owned);
    story.version = item.attribute("version").map(str::to_owned);
    let content_meta = item.find("contentMeta");
    let meta_text = |name: &str| {
        content_meta
            .and_then(|m| m.child(name))
            .map(|e| clean_inline(&e.text()))
            .filter(|t| !t.is_empty())
    };
    story.headline = meta_text("headline");
    story.slugline = meta_text("slugline");
    story.urgency = meta_text("urgency")
        .and_then(|u| u.parse().ok())
        .filter(|u| (1..=9).contains(u));
    story.summary = content_meta
        .and_then(|m| m.elements().find(|e| e.name == "description"))
        .map(|d| clean_inline(&d.text()))
        .filter(|d| !d.is_empty());
    if let Some(rights) = item.find("rightsInfo") {
        story.copyright_holder = rights.child("copyrightHolder").and_then(|h| {
            h.attribute("literal")
                .map(str::to_owned)
                .or_else(|| h.child("name").map(|n| clean_inline(&n.text())))
        });
        story.copyright_notice = rights
            .child("copyrightNotice")
            .map(|n| clean_inline(&n.text()))
            .filter(|n| !n.is_empty());
    }
    story.byline = meta_text("by");
    if let Some(meta) = content_meta {
        story.authors = meta
            .elements()
            .filter(|e| e.name == "creator")
            .filter_map(|c| {
                c.child("name")
                    .map(|n| n.text())
                    .or_else(|| c.attribute("literal").map(str::to_owned))
            })
            .map(|name| clean_inline(&name))
            .filter(|name| !name.is_empty())
            .collect();
        story.source = meta
            .elements()
            .find(|e| e.name == "infoSource")
            .and_then(|s| {
                s.attribute("literal")
                    .map(str::to_owned)
                    .or_else(|| s.child("name").map(|n| clean_inline(&n.text())))
            });
        if let Some(located) = meta.child("located") {
            let place = located
                .child("name")
                .map(|n| clean_inline(&n.text()))
                .or_else(|| located.attribute("literal").map(str::to_owned));
            let country = located
                .find("broader")
                .and_then(|b| b.attribute("qcode"))
                .and_then(|q| q.strip_prefix("iso3166-1a2:"))
                .map(str::to_owned);
            if let Some(place) = place.filter(|p| !p.is_empty()) {
                story.dateline = Some(Dateline {
                    place,
                    country_code: country,
                    region: None,
                    date: None,
                });
            }
        }
        // Without a structured place, the dateline as the provider printed it.
        if story.dateline.is_none() {
            story.dateline = meta
                .child("dateline")
                .and_then(|printed| parse_printed(&clean_inline(&printed.text())))
                .map(|parsed| parsed.dateline);
        }
    }
    let item_meta = item.find("itemMeta");
    let meta_time = |name: &str| {
        item_meta
            .and_then(|m| m.child(name))
            .and_then(|e| parse_timestamp(&e.text()))
    };
    story.first_published = meta_time("firstCreated");
    story.updated = meta_time("versionCreated").filter(|v| Some(*v) > story.first_published);
    story.embargoed = meta_time("embargoed");
    story.pubstatus = item_meta
        .and_then(|m| m.child("pubStatus"))
        .and_then(|p| p.attribute("qcode"))
        .map(|q| q.rsplit(':').next().unwrap_or(q).to_owned());
    if let Some(inline) = item.find("inlineXML") {
        story.html_body = true;
        if let Some(nitf_root) = inline.find("nitf") {
            let body = nitf::read(nitf_root);
            story.paragraphs = body.paragraphs;
            story.images = body.images;
        } else {
            let body = inline.find("body").unwrap_or(inline);
            story.paragraphs = html_paragraphs(&body.markup());
        }
    }
    story
}
