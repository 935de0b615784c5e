//! One RSS 2.0 `item` or Atom `entry` per message (a whole feed document reads its first one).

use super::xml::Element;
use crate::story::dates::parse_timestamp;
use crate::story::model::{Image, SourceFormat, Story};
use crate::story::normalize::{clean_inline, html_paragraphs};

fn text_of(element: Option<&Element>) -> Option<String> {
    element
        .map(|e| clean_inline(&e.text()))
        .filter(|t| !t.is_empty())
}

pub fn read_rss(root: &Element) -> Story {
    let item = if root.name == "item" {
        root
    } else {
        root.find("item").unwrap_or(root)
    };
    let mut story = Story::new(SourceFormat::Rss);
    story.headline = text_of(item.child("title"));
    story.url = text_of(item.child("link"));
    story.provider_id = text_of(item.child("guid"));
    story.first_published = item
        .child("pubDate")
        .and_then(|d| parse_timestamp(&d.text()));
    let author = text_of(item.child("creator")).or_else(|| {
        // RSS `author` is "email (Name)".
        text_of(item.child("author")).map(|a| match (a.find('('), a.rfind(')')) {
            (Some(open), Some(close)) if open < close => a[open + 1..close].trim().to_owned(),
            _ => a,
        })
    });
    story.byline = author;
    story.source = text_of(item.child("source"));
    let body = item
        .elements()
        .find(|e| e.qualified == "content:encoded")
        .or_else(|| item.child("description"));
    story.paragraphs = body.map(|b| html_paragraphs(&b.text())).unwrap_or_default();
    story.html_body = true;
    let mut media = Vec::new();
    item.find_all("content", &mut media);
    story.images = media
        .into_iter()
        .filter(|m| {
            m.qualified.starts_with("media:") && m.attribute("medium").is_none_or(|k| k == "image")
        })
        .map(|m| {
            let credit = text_of(m.child("credit"));
            let (credit, agency) = split_credit(credit);
            Image {
                caption: text_of(m.child("description")),
                credit,
                agency,
                href: m.attribute("url").map(str::to_owned),
            }
        })
        .collect();
    story
}

pub fn read_atom(root: &Element) -> Story {
    let entry = if root.name == "entry" {
        root
    } else {
        root.find("entry").unwrap_or(root)
    };
    let mut story = Story::new(SourceFormat::Atom);
    story.headline = text_of(entry.child("title"));
    story.provider_id = text_of(entry.child("id"));
    story.url = entry
        .elements()
        .find(|e| e.name == "link" && e.attribute("rel").is_none_or(|r| r == "alternate"))
        .and_then(|l| l.attribute("href").map(str::to_owned));
    story.first_published = entry
        .child("published")
        .and_then(|d| parse_timestamp(&d.text()));
    story.updated = entry
        .child("updated")
        .and_then(|d| parse_timestamp(&d.text()))
        .filter(|u| Some(*u) != story.first_published);
    story.authors = entry
        .elements()
        .filter(|e| e.name == "author")
        .filter_map(|a| text_of(a.child("name")))
        .collect();
    if !story.authors.is_empty() {
        story.byline = Some(story.authors.join(", "));
    }
    story.source = entry
        .child("source")
        .and_then(|s| text_of(s.child("title")));
    if let Some(content) = entry.child("content") {
        story.html_body = content
            .attribute("type")
            .is_some_and(|t| t.contains("html"));
        story.paragraphs = if story.html_body {
            html_paragraphs(&content.text())
        } else {
            crate::story::normalize::text_paragraphs(&content.text())
        };
    }
    story.summary = text_of(entry.child("summary"));
    story
}

/// `Callum Strachan/PA Media` → photographer and agency.
pub fn split_credit(credit: Option<String>) -> (Option<String>, Option<String>) {
    match credit {
        Some(credit) => match credit.split_once('/') {
            Some((person, agency)) => (
                Some(person.trim().to_owned()),
                Some(agency.trim().to_owned()),
            ),
            None => (Some(credit), None),
        },
        None => (None, None),
    }
}
