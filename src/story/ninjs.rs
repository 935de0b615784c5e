//! The record out: a story as an IPTC ninjs 2.2 document, and the rule for its `uri`.
//!
//! The struct field order is the JSON key order, so the same story always serializes to the same
//! bytes: `wirestream process` and the worker print identical records.

use std::borrow::Cow;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::enrich::quotes::SpeakerKind;
use super::enrich::topics::MEDIA_TOPIC_URI;
use super::history::{Relation, RelationKind};
use super::model::{Image, Story};
use super::text::Text;

/// Where the ninjs 2.2 schema lives: `standard.schema` of strict records.
pub const NINJS_SCHEMA_URI: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
/// The extension schema (`specs/wirestream-ninjs-extension.json`): ninjs 2.2 plus the one
/// namespaced `wirestream` object; `standard.schema` of full records.
pub const EXTENSION_SCHEMA_URI: &str = "urn:wirestream:schema:ninjs-2.2-extension:1";

#[derive(Serialize)]
struct Ninjs<'a> {
    uri: String,
    standard: Standard,
    #[serde(rename = "type")]
    item_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    firstcreated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    versioncreated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    embargoed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pubstatus: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    urgency: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copyrightholder: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copyrightnotice: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    descriptions: Vec<Description<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    headlines: Vec<Headline<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slugline: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<Entity<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organisations: Vec<Entity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    located: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    places: Vec<Entity<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    subjects: Vec<SubjectOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    infosources: Vec<InfoSource<'a>>,
    bodies: Vec<Body<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    associations: Vec<Picture<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    altids: Vec<AltId<'a>>,
    /// What has no ninjs slot; absent in strict mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    wirestream: Option<Extension<'a>>,
}

/// The namespaced extension object, described by the extension schema.
#[derive(Serialize)]
struct Extension<'a> {
    /// The input format the stage detected.
    format: &'static str,
    /// The home zone a printed local time was read in, when the message gave no zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    assumed_timezone: Option<&'a str>,
    /// The region printed beside the dateline place (a state, district or country).
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline_region: Option<&'a str>,
    /// How sure the language detection is (0–1).
    #[serde(skip_serializing_if = "Option::is_none")]
    language_confidence: Option<f64>,
    /// Every person found, with character offsets into the clean body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<PersonMention<'a>>,
    /// Every place found, with character offsets into the clean body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    places: Vec<PlaceMention<'a>>,
    /// Every organisation found, with its acronym and character offsets into the clean body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organisations: Vec<OrganisationMention<'a>>,
    /// Direct quotations with their speakers and character offsets into the clean body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<QuoteOut<'a>>,
    /// Dates the story mentions, normalized, with character offsets into the clean body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dates: Vec<DateOut<'a>>,
    /// The words the story leans on most.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    keywords: &'a [String],
    /// SHA-256 (32 hex digits) of the folded body: equal for equal text.
    content_hash: &'a str,
    /// The earlier story this one republishes.
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<RelatedStory<'a>>,
    /// The preceding version this one supersedes.
    #[serde(skip_serializing_if = "Option::is_none")]
    version_of: Option<RelatedStory<'a>>,
    /// A ninjs input's properties the stage does not read, unchanged.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    passthrough: &'a serde_json::Map<String, serde_json::Value>,
}

/// A person or place with its relation to the story (`author`, `dateline`, `mentioned`).
#[derive(Serialize)]
struct Entity<'a> {
    name: &'a str,
    rel: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geojson: Option<Point>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Longitude, latitude.
    coordinates: [f64; 2],
}

/// A found person in the extension, with where the body mentions them.
#[derive(Serialize)]
struct PersonMention<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    mentions: &'a [(usize, usize)],
}

/// A found organisation in the extension: the abbreviation the story also uses, and where the
/// body mentions it.
#[derive(Serialize)]
struct OrganisationMention<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    acronym: Option<&'a str>,
    mentions: &'a [(usize, usize)],
}

/// An earlier story: its uri, its content hash (versions share a uri) and how alike the two are.
#[derive(Serialize)]
struct RelatedStory<'a> {
    uri: &'a str,
    content_hash: &'a str,
    similarity: f64,
}

/// A quotation in the extension: the words, who said them and how, and where they are.
#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: &'a str,
    speaker_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    verb: Option<&'a str>,
    offsets: (usize, usize),
}

/// A found place in the extension: its country and where the body mentions it.
#[derive(Serialize)]
struct PlaceMention<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_code: Option<&'a str>,
    mentions: &'a [(usize, usize)],
}

/// A mentioned date in the extension.
#[derive(Serialize)]
struct DateOut<'a> {
    text: &'a str,
    value: &'a str,
    resolution: &'static str,
    relative: bool,
    offsets: (usize, usize),
}

/// An IPTC Media Topic the stage assigned.
#[derive(Serialize)]
struct SubjectOut {
    name: &'static str,
    rel: &'static str,
    uri: String,
    creator: &'static str,
    relevance: u8,
    confidence: u8,
}

#[derive(Serialize)]
struct InfoSource<'a> {
    name: &'a str,
    role: &'static str,
}

/// An image as a ninjs association: caption as a description, photographer in `by`, agency as
/// the copyright holder.
#[derive(Serialize)]
struct Picture<'a> {
    name: String,
    uri: String,
    #[serde(rename = "type")]
    item_type: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    descriptions: Vec<Description<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copyrightholder: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    renditions: Vec<Rendition<'a>>,
}

#[derive(Serialize)]
struct Description<'a> {
    role: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct Rendition<'a> {
    name: &'static str,
    href: &'a str,
}

#[derive(Serialize)]
struct Standard {
    name: &'static str,
    version: &'static str,
    schema: &'static str,
}

#[derive(Serialize)]
struct Headline<'a> {
    role: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct Body<'a> {
    role: &'static str,
    contenttype: &'static str,
    /// The text body as the story holds it; the HTML rendition made for the record.
    value: Cow<'a, str>,
    charcount: usize,
    wordcount: usize,
}

#[derive(Serialize)]
struct AltId<'a> {
    role: &'static str,
    value: &'a str,
}

/// A rendered record: the Kafka key (the story's `uri`), the JSON bytes, and whether the story
/// duplicates or supersedes an earlier one (counted by the engine).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRecord {
    pub uri: String,
    pub json: Vec<u8>,
    pub relation: Option<RelationKind>,
}

/// Who a story is and what the history says of it: its `uri` (`story_uri`, worked out once by
/// the stage, which the history needed first), content hash and relation to an earlier one.
pub struct Provenance<'a> {
    pub uri: &'a str,
    pub content_hash: &'a str,
    pub relation: Option<&'a Relation>,
}

/// Renders a story as compact ninjs 2.2 JSON; `strict` leaves out the extension object and names
/// the official schema.
/// `body` is the story's clean body as the finders read it, whose characters and words the
/// record counts.
pub fn render(
    story: &Story,
    body: &Text<'_>,
    provenance: &Provenance<'_>,
    strict: bool,
) -> Result<StoryRecord, serde_json::Error> {
    let related = |kind: RelationKind| {
        provenance
            .relation
            .filter(|r| r.kind == kind)
            .map(|r| RelatedStory {
                uri: &r.uri,
                content_hash: &r.content_hash,
                similarity: (r.similarity * 100.0).round() / 100.0,
            })
    };
    let uri = provenance.uri.to_owned();
    let versioncreated = story.updated.or(story.first_published);
    let mut altids = Vec::new();
    if let Some(id) = &story.provider_id {
        altids.push(AltId {
            role: "provider-id",
            value: id,
        });
    }
    if let Some(url) = &story.url {
        altids.push(AltId {
            role: "url",
            value: url,
        });
    }
    let document = Ninjs {
        uri: uri.clone(),
        standard: Standard {
            name: "ninjs",
            version: "2.2",
            schema: if strict {
                NINJS_SCHEMA_URI
            } else {
                EXTENSION_SCHEMA_URI
            },
        },
        item_type: "text",
        version: story.version.as_deref(),
        firstcreated: story.first_published.map(|t| t.to_rfc3339()),
        versioncreated: versioncreated.map(|t| t.to_rfc3339()),
        embargoed: story.embargoed.map(|t| t.to_rfc3339()),
        pubstatus: story.pubstatus.as_deref(),
        urgency: story.urgency,
        copyrightholder: story.copyright_holder.as_deref(),
        copyrightnotice: story.copyright_notice.as_deref(),
        language: story.language.map(|l| l.code),
        descriptions: story
            .summary
            .as_deref()
            .map(|value| Description {
                role: "summary",
                value,
            })
            .into_iter()
            .collect(),
        headlines: story
            .headline
            .as_deref()
            .map(|value| Headline {
                role: "main",
                value,
            })
            .into_iter()
            .chain(
                story
                    .subheadline
                    .as_deref()
                    .map(|value| Headline { role: "sub", value }),
            )
            .collect(),
        by: story.byline.as_deref(),
        slugline: story.slugline.as_deref(),
        people: story
            .authors
            .iter()
            .map(|name| Entity {
                name,
                rel: "author",
                uri: None,
                geojson: None,
            })
            .chain(story.people.iter().map(|person| Entity {
                name: &person.name,
                rel: "mentioned",
                uri: None,
                geojson: None,
            }))
            .collect(),
        organisations: story
            .organisations
            .iter()
            .map(|organisation| Entity {
                name: &organisation.name,
                rel: "mentioned",
                uri: None,
                geojson: None,
            })
            .collect(),
        located: story.dateline.as_ref().map(|d| d.place.as_str()),
        places: story
            .dateline
            .iter()
            .map(|dateline| Entity {
                name: &dateline.place,
                rel: "dateline",
                uri: dateline
                    .country_code
                    .as_ref()
                    .map(|code| format!("iso3166-1a2:{code}")),
                geojson: None,
            })
            .chain(story.places.iter().map(|place| {
                Entity {
                    name: &place.name,
                    rel: "mentioned",
                    uri: place
                        .geonameid
                        .map(|id| format!("http://sws.geonames.org/{id}/")),
                    geojson: place.point.map(|(lon, lat)| Point {
                        kind: "Point",
                        coordinates: [lon, lat],
                    }),
                }
            }))
            .collect(),
        subjects: story
            .subjects
            .iter()
            .map(|subject| SubjectOut {
                name: subject.name,
                rel: "about",
                uri: format!("{MEDIA_TOPIC_URI}{}", subject.code),
                creator: "machine",
                relevance: subject.relevance,
                confidence: subject.confidence,
            })
            .collect(),
        infosources: story
            .source
            .iter()
            .map(|name| InfoSource {
                name,
                role: "source",
            })
            .collect(),
        associations: story
            .images
            .iter()
            .enumerate()
            .map(|(index, image)| picture(&uri, index, image))
            .collect(),
        bodies: bodies(story, body),
        altids,
        wirestream: (!strict).then(|| Extension {
            format: story.format.as_str(),
            assumed_timezone: story.assumed_timezone.as_deref(),
            dateline_region: story.dateline.as_ref().and_then(|d| d.region.as_deref()),
            language_confidence: story.language.map(|l| l.confidence),
            people: story
                .people
                .iter()
                .map(|person| PersonMention {
                    name: &person.name,
                    role: person.role.as_deref(),
                    mentions: &person.mentions,
                })
                .collect(),
            places: story
                .places
                .iter()
                .map(|place| PlaceMention {
                    name: &place.name,
                    country_code: place.country_code.as_deref(),
                    mentions: &place.mentions,
                })
                .collect(),
            organisations: story
                .organisations
                .iter()
                .map(|organisation| OrganisationMention {
                    name: &organisation.name,
                    acronym: organisation.acronym.as_deref(),
                    mentions: &organisation.mentions,
                })
                .collect(),
            quotes: story
                .quotes
                .iter()
                .map(|quote| QuoteOut {
                    text: &quote.text,
                    speaker: &quote.speaker,
                    speaker_type: match quote.speaker_kind {
                        SpeakerKind::Person => "person",
                        SpeakerKind::Organisation => "organisation",
                    },
                    verb: quote.verb.as_deref(),
                    offsets: quote.offsets,
                })
                .collect(),
            dates: story
                .dates
                .iter()
                .map(|date| DateOut {
                    text: &date.text,
                    value: &date.value,
                    resolution: date.resolution.as_str(),
                    relative: date.relative,
                    offsets: date.offsets,
                })
                .collect(),
            keywords: &story.keywords,
            content_hash: provenance.content_hash,
            duplicate_of: related(RelationKind::Duplicate),
            version_of: related(RelationKind::Version),
            passthrough: &story.passthrough,
        }),
    };
    // The record holds the body twice (text and HTML) plus mentions: sized for that up front
    // rather than grown by copying.
    let body_bytes: usize = document.bodies.iter().map(|b| b.value.len()).sum();
    let mut json = Vec::with_capacity(2 * body_bytes + 4096);
    serde_json::to_writer(&mut json, &document)?;
    Ok(StoryRecord {
        uri,
        json,
        relation: provenance.relation.map(|r| r.kind),
    })
}

fn picture<'a>(story_uri: &str, index: usize, image: &'a Image) -> Picture<'a> {
    Picture {
        name: format!("picture{}", index + 1),
        uri: format!("{story_uri}#picture{}", index + 1),
        item_type: "picture",
        descriptions: image
            .caption
            .as_deref()
            .map(|value| Description {
                role: "caption",
                value,
            })
            .into_iter()
            .collect(),
        by: image.credit.as_deref(),
        copyrightholder: image.agency.as_deref(),
        renditions: image
            .href
            .as_deref()
            .filter(|href| is_absolute_uri(href))
            .map(|href| Rendition {
                name: "original",
                href,
            })
            .into_iter()
            .collect(),
    }
}

/// The clean text body, and for HTML sources a sanitized HTML rendition of the same paragraphs
/// (only `<p>` elements, text escaped: no markup, scripts or attributes from the source survive).
fn bodies<'a>(story: &Story, body: &Text<'a>) -> Vec<Body<'a>> {
    let text = body.body();
    let charcount = body.char_offset(text.len());
    // Words the way editors count them: whitespace-separated tokens.
    let wordcount = body.pieces().len();
    let html = story.html_body.then(|| {
        let mut html = String::with_capacity(text.len() + 16 * story.paragraphs.len());
        for paragraph in &story.paragraphs {
            html.push_str("<p>");
            escape_html_into(&mut html, paragraph);
            html.push_str("</p>");
        }
        html
    });
    let mut bodies = vec![Body {
        role: "main",
        contenttype: "text/plain",
        charcount,
        wordcount,
        value: Cow::Borrowed(text),
    }];
    if let Some(value) = html {
        bodies.push(Body {
            role: "main",
            contenttype: "text/html",
            charcount,
            wordcount,
            value: Cow::Owned(value),
        });
    }
    bodies
}

/// Appends `text` with `<`, `>` and `&` escaped, copying the runs between them whole.
fn escape_html_into(out: &mut String, text: &str) {
    let mut copied = 0;
    for (index, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            _ => continue,
        };
        out.push_str(&text[copied..index]);
        out.push_str(entity);
        copied = index + 1;
    }
    out.push_str(&text[copied..]);
}

/// `scheme:rest`, the scheme a letter then letters, digits, `+`, `-` or `.` (RFC 3986).
fn is_absolute_uri(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && !text.contains(char::is_whitespace)
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// The story's stable identifier.
///
/// With a provider id: `urn:wirestream:<source>:<id>` (source defaults to `unknown`), so every
/// version the provider sends under one id keeps one uri. Without one:
/// `urn:wirestream:story:<hash>`, the first 32 hex digits of SHA-256 over the source, the
/// case-folded headline (or, lacking one, the body) and the first-published instant in UTC.
pub fn story_uri(story: &Story) -> String {
    if let Some(id) = &story.provider_id {
        if id.starts_with("urn:") {
            return id.clone();
        }
        let source = story.source.as_deref().unwrap_or("unknown");
        return format!("urn:wirestream:{}:{}", urn_segment(source), urn_segment(id));
    }
    let mut hasher = Sha256::new();
    hasher.update(story.source.as_deref().unwrap_or("").to_lowercase());
    hasher.update([0]);
    match &story.headline {
        Some(headline) => hasher.update(headline.to_lowercase()),
        None => hasher.update(story.body_text()),
    }
    hasher.update([0]);
    if let Some(published) = story.first_published {
        hasher.update(published.to_utc().to_rfc3339());
    }
    let digest = hasher.finalize();
    let hex: String = digest[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("urn:wirestream:story:{hex}")
}

/// Percent-encodes everything outside RFC 3986's unreserved set, so any id makes a valid URN.
fn urn_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.trim().to_lowercase().bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::model::SourceFormat;

    fn provenance() -> Provenance<'static> {
        Provenance {
            uri: "urn:wirestream:story:test",
            content_hash: "0123456789abcdef0123456789abcdef",
            relation: None,
        }
    }

    fn story(headline: &str) -> Story {
        let mut story = Story::new(SourceFormat::PlainText);
        story.headline = Some(headline.into());
        story.paragraphs = vec!["Body text here.".into()];
        story
    }

    #[test]
    fn provider_id_gives_a_uri_stable_across_versions() {
        let mut first = story("Fed holds rates");
        first.provider_id = Some("A B/1".into());
        first.source = Some("AP".into());
        let mut second = story("Fed holds rates steady (corrected)");
        second.provider_id = first.provider_id.clone();
        second.source = first.source.clone();
        assert_eq!(story_uri(&first), "urn:wirestream:ap:a%20b%2F1");
        assert_eq!(story_uri(&first), story_uri(&second));
    }

    #[test]
    fn derived_uri_ignores_headline_case_but_not_words() {
        assert_eq!(
            story_uri(&story("Fed Holds")),
            story_uri(&story("FED HOLDS"))
        );
        assert_ne!(
            story_uri(&story("Fed holds")),
            story_uri(&story("Fed cuts"))
        );
        assert!(story_uri(&story("x")).starts_with("urn:wirestream:story:"));
    }

    fn rendered(body: &str) -> StoryRecord {
        render(&story("Headline"), &Text::new(body), &provenance(), false).unwrap()
    }

    #[test]
    fn rendering_is_deterministic_and_counts_the_body() {
        let record = rendered("Body text here.");
        assert_eq!(record.json, rendered("Body text here.").json);
        let json: serde_json::Value = serde_json::from_slice(&record.json).unwrap();
        assert_eq!(json["bodies"][0]["wordcount"], 3);
        assert_eq!(json["bodies"][0]["charcount"], 15);
        assert_eq!(json["headlines"][0]["value"], "Headline");
        assert_eq!(json["uri"], record.uri.as_str());
        // A no-break space separates words too; characters, not bytes, are counted.
        let accented = rendered("Café au\u{a0}lait.");
        let json: serde_json::Value = serde_json::from_slice(&accented.json).unwrap();
        assert_eq!(json["bodies"][0]["wordcount"], 3);
        assert_eq!(json["bodies"][0]["charcount"], 13);
    }
}
