//! JSON from upstream fetchers: the common flat shapes and ninjs documents.
//!
//! Field names are tried in a documented order (README, "Formats in"): the first one present with
//! a usable value wins. A document with neither a headline nor a body is not a story.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::story::dates::{from_epoch, parse_timestamp};
use crate::story::model::{Image, SourceFormat, Story};
use crate::story::normalize::{html_inline, html_paragraphs, looks_like_html, text_paragraphs};
use crate::story::rejection::{PipelineStep, Rejection, RejectionClass};

const HEADLINE_FIELDS: &[&str] = &["headline", "title"];
const HTML_BODY_FIELDS: &[&str] = &["body_html"];
const BODY_FIELDS: &[&str] = &["body", "content", "text", "body_text"];
const BYLINE_FIELDS: &[&str] = &["byline", "author", "authors", "by"];
const PUBLISHED_FIELDS: &[&str] = &[
    "published",
    "date",
    "pubDate",
    "published_at",
    "firstcreated",
];
const UPDATED_FIELDS: &[&str] = &["updated", "modified", "updated_at", "versioncreated"];
const ID_FIELDS: &[&str] = &["id", "guid", "uri"];
const SOURCE_FIELDS: &[&str] = &["source", "provider"];
const URL_FIELDS: &[&str] = &["url", "link"];
const SUMMARY_FIELDS: &[&str] = &[
    "summary",
    "abstract",
    "description",
    "description_text",
    "teaser",
    "standfirst",
];
const SLUG_FIELDS: &[&str] = &["slugline", "slug"];
const SUBHEADLINE_FIELDS: &[&str] = &["subheadline", "subtitle", "deck", "dek"];
/// ninjs properties the stage reads into the story; every other one is passed through.
const NINJS_READ: &[&str] = &[
    "uri",
    "type",
    "version",
    "firstcreated",
    "versioncreated",
    "embargoed",
    "pubstatus",
    "urgency",
    "copyrightholder",
    "copyrightnotice",
    "language",
    "descriptions",
    "headlines",
    "bodies",
    "by",
    "slugline",
    "associations",
    "standard",
    "headline",
    "body_text",
    "body_html",
    "byline",
    "description_text",
    "located",
];
const COPYRIGHT_FIELDS: &[&str] = &["copyrightholder", "copyright"];

/// The canonical fields a configured mapping may fill (`story.json_fields`).
pub const MAPPABLE_FIELDS: &[&str] = &[
    "headline",
    "body",
    "body_html",
    "byline",
    "published",
    "updated",
    "id",
    "source",
    "url",
    "summary",
];

/// Copies the values at configured dotted paths (`data.title`, `authors.0.name`) to the
/// canonical top-level names, so that other shapes read like the default ones. A path that is
/// absent from a document changes nothing.
fn apply_mapping(fields: &mut Map<String, Value>, mapping: &BTreeMap<String, String>) {
    for (field, paths) in mapping {
        let found = paths
            .split(',')
            .map(str::trim)
            .find_map(|path| lookup(fields, path).filter(|v| !v.is_null()).cloned());
        if let Some(value) = found {
            fields.insert(field.clone(), value);
        }
    }
}

fn lookup<'a>(fields: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut segments = path.split('.');
    let mut value = fields.get(segments.next()?)?;
    for segment in segments {
        value = match value {
            Value::Object(map) => map.get(segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value)
}

pub fn parse(text: &str, mapping: &BTreeMap<String, String>) -> Result<Story, Rejection> {
    let document: Value = serde_json::from_str(text).map_err(|error| {
        let class = if error.is_eof() || error.is_syntax() {
            RejectionClass::Malformed
        } else {
            RejectionClass::NotAStory
        };
        Rejection::new(class, PipelineStep::Parse, format!("invalid JSON: {error}"))
    })?;
    let Value::Object(mut fields) = document else {
        return Err(Rejection::new(
            RejectionClass::NotAStory,
            PipelineStep::Parse,
            "JSON value is not an object",
        ));
    };
    apply_mapping(&mut fields, mapping);
    let story = if is_ninjs(&fields) {
        read_ninjs(&fields)
    } else {
        read_flat(&fields)
    };
    if story.headline.is_none() && story.paragraphs.is_empty() {
        return Err(Rejection::new(
            RejectionClass::NotAStory,
            PipelineStep::Parse,
            "JSON object has neither a headline nor a body",
        ));
    }
    Ok(story)
}

fn is_ninjs(fields: &Map<String, Value>) -> bool {
    fields.get("headlines").is_some_and(Value::is_array)
        || fields.get("bodies").is_some_and(Value::is_array)
}

fn read_flat(fields: &Map<String, Value>) -> Story {
    let mut story = Story::new(SourceFormat::Json);
    story.headline = first_string(fields, HEADLINE_FIELDS).map(html_inline);
    story.paragraphs = match first_string(fields, HTML_BODY_FIELDS) {
        Some(html) => {
            story.html_body = true;
            html_paragraphs(html)
        }
        None => match first_string(fields, BODY_FIELDS) {
            Some(body) => {
                story.html_body = looks_like_html(body);
                body_paragraphs(body)
            }
            None => Vec::new(),
        },
    };
    story.summary = first_string(fields, SUMMARY_FIELDS).map(html_inline);
    story.slugline = first_string(fields, SLUG_FIELDS).map(html_inline);
    story.subheadline = first_string(fields, SUBHEADLINE_FIELDS).map(html_inline);
    story.copyright_holder = first_string(fields, COPYRIGHT_FIELDS).map(html_inline);
    story.version = fields.get("version").and_then(scalar_string);
    story.urgency = fields
        .get("urgency")
        .and_then(|u| u.as_u64().or_else(|| u.as_str()?.trim().parse().ok()))
        .and_then(|u| u8::try_from(u).ok())
        .filter(|u| (1..=9).contains(u));
    story.pubstatus = fields
        .get("pubstatus")
        .and_then(Value::as_str)
        .map(str::to_owned);
    story.embargoed = fields.get("embargoed").and_then(timestamp);
    story.byline = first_present(fields, BYLINE_FIELDS).and_then(byline_statement);
    story.first_published = first_present(fields, PUBLISHED_FIELDS).and_then(timestamp);
    story.updated = first_present(fields, UPDATED_FIELDS).and_then(timestamp);
    story.provider_id = first_present(fields, ID_FIELDS).and_then(scalar_string);
    story.source = first_string(fields, SOURCE_FIELDS).map(html_inline);
    story.url = first_string(fields, URL_FIELDS).map(str::to_owned);
    story
}

/// ninjs 1.x–3.x: `headlines[]`/`bodies[]` (2.x+) or `headline`/`body_text`/`body_html` (1.x).
fn read_ninjs(fields: &Map<String, Value>) -> Story {
    let mut story = read_flat(fields);
    story.format = SourceFormat::Ninjs;
    story.images = ninjs_pictures(fields);
    if let Some(summary) = role_value(fields.get("descriptions"), "summary") {
        story.summary = Some(html_inline(summary));
    }
    if let Some(holder) = fields.get("copyrightholder").and_then(Value::as_str) {
        story.source.get_or_insert_with(|| html_inline(holder));
    }
    if let Some(headline) = role_value(fields.get("headlines"), "main") {
        story.headline = Some(html_inline(headline));
    }
    if let Some(Value::Array(headlines)) = fields.get("headlines") {
        story.subheadline = headlines
            .iter()
            .find(|h| h.get("role").and_then(Value::as_str) == Some("sub"))
            .and_then(|h| h.get("value")?.as_str())
            .map(html_inline);
    }
    story.copyright_notice = fields
        .get("copyrightnotice")
        .and_then(Value::as_str)
        .map(html_inline);
    if story.source.is_none() {
        story.source = fields
            .get("infosources")
            .and_then(Value::as_array)
            .and_then(|sources| sources.first()?.get("name")?.as_str())
            .map(html_inline);
    }
    if let Some(place) = fields.get("located").and_then(Value::as_str) {
        story.dateline = Some(crate::story::model::Dateline {
            place: html_inline(place),
            country_code: None,
            region: None,
            date: None,
        });
    }
    story.passthrough = fields
        .iter()
        .filter(|(key, _)| !NINJS_READ.contains(&key.as_str()))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    if let Some(Value::Array(bodies)) = fields.get("bodies") {
        let main = bodies
            .iter()
            .find(|body| body.get("role").and_then(Value::as_str) == Some("main"))
            .or_else(|| bodies.first());
        if let Some(body) = main {
            let value = body.get("value").and_then(Value::as_str).unwrap_or("");
            let is_html = body
                .get("contenttype")
                .and_then(Value::as_str)
                .is_some_and(|t| t.contains("html"));
            story.html_body = is_html;
            story.paragraphs = if is_html {
                html_paragraphs(value)
            } else {
                body_paragraphs(value)
            };
        }
    }
    story
}

/// ninjs `associations` of type picture: caption, photographer, copyright holder, rendition.
fn ninjs_pictures(fields: &Map<String, Value>) -> Vec<Image> {
    let Some(Value::Array(associations)) = fields.get("associations") else {
        return Vec::new();
    };
    associations
        .iter()
        .filter(|a| a.get("type").and_then(Value::as_str) == Some("picture"))
        .map(|a| {
            let caption = a
                .get("descriptions")
                .and_then(Value::as_array)
                .and_then(|d| {
                    d.iter()
                        .find(|d| d.get("role").and_then(Value::as_str) == Some("caption"))
                        .or_else(|| d.first())
                })
                .and_then(|d| d.get("value")?.as_str())
                .map(html_inline);
            Image {
                caption,
                credit: a.get("by").and_then(Value::as_str).map(html_inline),
                agency: a
                    .get("copyrightholder")
                    .and_then(Value::as_str)
                    .map(html_inline),
                href: a
                    .get("renditions")
                    .and_then(Value::as_array)
                    .and_then(|r| r.first()?.get("href")?.as_str())
                    .map(str::to_owned),
            }
        })
        .collect()
}

/// The `value` of the entry with the given role in a ninjs array, else of its first entry.
fn role_value<'a>(array: Option<&'a Value>, role: &str) -> Option<&'a str> {
    let entries = array?.as_array()?;
    entries
        .iter()
        .find(|entry| entry.get("role").and_then(Value::as_str) == Some(role))
        .or_else(|| entries.first())?
        .get("value")?
        .as_str()
}

fn body_paragraphs(body: &str) -> Vec<String> {
    if looks_like_html(body) {
        html_paragraphs(body)
    } else {
        text_paragraphs(body)
    }
}

fn first_present<'a>(fields: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names
        .iter()
        .filter_map(|name| fields.get(*name))
        .find(|value| !value.is_null())
}

fn first_string<'a>(fields: &'a Map<String, Value>, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .filter_map(|name| fields.get(*name)?.as_str())
        .find(|value| !value.trim().is_empty())
}

fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn timestamp(value: &Value) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    match value {
        Value::String(text) => parse_timestamp(text),
        Value::Number(number) => number.as_i64().and_then(from_epoch),
        _ => None,
    }
}

/// A byline from a string, a list of names, or author objects with a `name`, with a leading
/// "By" dropped.
fn byline_statement(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::String(text) => vec![html_inline(text)],
        Value::Array(items) => items.iter().filter_map(author_name).collect(),
        Value::Object(_) => author_name(value).into_iter().collect(),
        _ => Vec::new(),
    };
    let joined = names
        .into_iter()
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let statement = joined
        .strip_prefix("By ")
        .or_else(|| joined.strip_prefix("BY "))
        .unwrap_or(&joined)
        .trim();
    (!statement.is_empty()).then(|| statement.to_owned())
}

fn author_name(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(html_inline(text)),
        Value::Object(fields) => fields.get("name")?.as_str().map(html_inline),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_default(text: &str) -> Result<Story, Rejection> {
        parse(text, &BTreeMap::new())
    }

    #[test]
    fn configured_paths_map_other_shapes() {
        let mapping = BTreeMap::from([
            ("headline".to_owned(), "data.title.main".to_owned()),
            ("body".to_owned(), "data.text, data.fulltext".to_owned()),
            ("byline".to_owned(), "meta.authors.0.display".to_owned()),
        ]);
        let story = parse(
            r#"{"data":{"title":{"main":"Port strike ends"},"fulltext":"Dockers went back to work."},
                "meta":{"authors":[{"display":"Jo Lee"}]}}"#,
            &mapping,
        )
        .unwrap();
        assert_eq!(story.headline.as_deref(), Some("Port strike ends"));
        assert_eq!(story.paragraphs, vec!["Dockers went back to work."]);
        assert_eq!(story.byline.as_deref(), Some("Jo Lee"));
    }

    fn class_of(text: &str) -> RejectionClass {
        parse_default(text).unwrap_err().class
    }

    #[test]
    fn fetcher_shape_with_html_body() {
        let story = parse_default(
            r#"{"source":"ap","id":"abc","headline":"Fire &amp; wind","byline":"By A. Writer",
                "body_html":"<p>One.</p><p>Two &#8212; three.</p>","published":"2024-07-19T21:14:37Z"}"#,
        )
        .unwrap();
        assert_eq!(story.headline.as_deref(), Some("Fire & wind"));
        assert_eq!(story.byline.as_deref(), Some("A. Writer"));
        assert_eq!(story.paragraphs, vec!["One.", "Two — three."]);
        assert_eq!(story.provider_id.as_deref(), Some("abc"));
        assert_eq!(story.source.as_deref(), Some("ap"));
        assert_eq!(
            story.first_published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2024-07-19T21:14:37+00:00")
        );
    }

    #[test]
    fn flat_scraper_shape_with_text_body_and_author_list() {
        let story = parse_default(
            r#"{"title":"Jobs cut","content":"First.\n\nSecond.","authors":[{"name":"Ana"},"Bo"]}"#,
        )
        .unwrap();
        assert_eq!(story.headline.as_deref(), Some("Jobs cut"));
        assert_eq!(story.byline.as_deref(), Some("Ana, Bo"));
        assert_eq!(story.paragraphs, vec!["First.", "Second."]);
    }

    #[test]
    fn ninjs_input_reads_main_headline_and_body() {
        let story = parse_default(
            r#"{"uri":"urn:x:1","headlines":[{"role":"sub","value":"S"},{"role":"main","value":"M"}],
                "bodies":[{"role":"main","contenttype":"text/html","value":"<p>B</p>"}]}"#,
        )
        .unwrap();
        assert_eq!(story.format, SourceFormat::Ninjs);
        assert_eq!(story.headline.as_deref(), Some("M"));
        assert_eq!(story.paragraphs, vec!["B"]);
        assert_eq!(story.provider_id.as_deref(), Some("urn:x:1"));
    }

    #[test]
    fn ninjs_input_keeps_what_the_stage_does_not_read() {
        let story = parse_default(
            r#"{"uri":"urn:x:2","headlines":[{"role":"main","value":"M"},{"role":"sub","value":"S"}],
                "bodies":[{"value":"Body."}],"subjects":[{"name":"politics"}],"genres":[{"name":"news"}],
                "located":"Vilnius","infosources":[{"name":"AFP"}]}"#,
        )
        .unwrap();
        assert_eq!(story.subheadline.as_deref(), Some("S"));
        assert_eq!(story.dateline.map(|d| d.place).as_deref(), Some("Vilnius"));
        assert_eq!(story.source.as_deref(), Some("AFP"));
        assert!(
            story.passthrough.contains_key("subjects") && story.passthrough.contains_key("genres")
        );
        assert!(!story.passthrough.contains_key("headlines"));
    }

    #[test]
    fn typed_rejections() {
        assert_eq!(
            class_of(r#"{"headline": "cut off"#),
            RejectionClass::Malformed
        );
        assert_eq!(class_of(r#"{"ping":1}"#), RejectionClass::NotAStory);
        assert_eq!(class_of("[1,2]"), RejectionClass::NotAStory);
    }
}
