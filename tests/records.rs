//! Records for every input format: valid against the official ninjs 2.2 schema in strict mode
//! and against the extension schema otherwise, with the fields each format carries.

mod support;

use serde_json::Value;
use support::schemas;
use support::stories::{
    anpa_story, atom_entry, html_page, json_story, newsml_story, nitf_story, rss_item, text_story,
};
use wirestream::config::Config;
use wirestream::story::{RawMessage, StoryStage};

fn stage(strict: bool) -> StoryStage {
    let mut config = Config::default();
    config.story.strict = strict;
    StoryStage::new(config.stage_settings())
}

fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("json", json_story("id-1", "Harbour reopens", 2)),
        ("text", text_story("Council passes budget")),
        ("nitf", nitf_story("nitf-1", "Lisbon harbour reopens")),
        (
            "newsml",
            newsml_story("tag:wire,2024:1", "Porto dock strike ends"),
        ),
        ("rss", rss_item("rss-1", "Ferry repairs drag on")),
        (
            "atom",
            atom_entry("tag:atom,2024:1", "Rice shortage empties shelves"),
        ),
        ("html", html_page("Chile’s lithium pact faces pushback")),
        ("anpa", anpa_story("Ice storm closes schools")),
    ]
}

fn record(stage: &StoryStage, bytes: &[u8]) -> Value {
    let record = stage
        .process(&RawMessage {
            value: bytes,
            content_type: None,
            sent: None,
        })
        .expect("a record");
    serde_json::from_slice(&record.json).expect("JSON")
}

#[test]
fn every_format_validates_in_strict_and_extended_form() {
    let (ninjs, extension) = (schemas::ninjs(), schemas::extension());
    for strict in [true, false] {
        let stage = stage(strict);
        for (format, bytes) in inputs() {
            let document = record(&stage, &bytes);
            let errors = schemas::errors(&document, &ninjs, &extension);
            assert!(
                errors.is_empty(),
                "{format} (strict {strict}): {errors:?}\n{document}"
            );
            assert_eq!(
                document.get("wirestream").is_none(),
                strict,
                "{format}: extension only when not strict"
            );
            if !strict {
                assert_eq!(document["wirestream"]["format"], format);
                if document.get("language").is_some() {
                    let confidence = document["wirestream"]["language_confidence"].as_f64();
                    assert!(
                        confidence.is_some_and(|c| (0.0..=1.0).contains(&c)),
                        "{format}: {confidence:?}"
                    );
                }
            }
        }
    }
    // The extension schema is not a rubber stamp: an unknown property fails it.
    let mut document = record(&stage(false), &inputs()[0].1);
    document["wirestream"]["unexpected"] = Value::from(1);
    assert!(!schemas::errors(&document, &ninjs, &extension).is_empty());
}

#[test]
fn format_fields_reach_their_ninjs_slots() {
    let stage = stage(false);
    let nitf = record(&stage, &nitf_story("nitf-1", "Lisbon harbour reopens"));
    assert_eq!(nitf["headlines"][0]["value"], "Lisbon harbour reopens");
    assert_eq!(
        nitf["people"][0],
        serde_json::json!({"name": "Marta Vieira", "rel": "author"})
    );
    assert_eq!(nitf["located"], "LISBON");
    assert_eq!(nitf["places"][0]["uri"], "iso3166-1a2:PT");
    assert_eq!(nitf["associations"][0]["by"], "Ana Costa");
    assert_eq!(nitf["associations"][0]["copyrightholder"], "Wire");
    let body = nitf["bodies"][0]["value"].as_str().unwrap();
    assert!(
        body.starts_with("LISBON (Wire) — The harbour reopened"),
        "{body}"
    );
    assert!(
        !body.contains("contributed to this report") && !body.contains("Ferries leave"),
        "{body}"
    );

    let newsml = record(
        &stage,
        &newsml_story("tag:wire,2024:1", "Porto dock strike ends"),
    );
    assert_eq!(newsml["firstcreated"], "2024-05-29T06:18:00+00:00");
    assert_eq!(newsml["versioncreated"], "2024-05-29T08:00:00+00:00");
    assert_eq!(newsml["infosources"][0]["name"], "Wire");
    assert_eq!(newsml["version"], "2");
    assert_eq!(newsml["urgency"], 3);
    assert_eq!(newsml["pubstatus"], "usable");
    assert_eq!(newsml["slugline"], "PORTUGAL-PORTS/STRIKE");
    assert_eq!(newsml["copyrightholder"], "Wire Agency");
    assert_eq!(newsml["bodies"][1]["contenttype"], "text/html");
    assert!(!newsml["bodies"][0]["value"]
        .as_str()
        .unwrap()
        .contains("Editing by"));

    let html = record(&stage, &html_page("Chile’s lithium pact faces pushback"));
    let body = html["bodies"][0]["value"].as_str().unwrap();
    for boilerplate in ["cookies", "Home", "Advertisement", "Related", "©", "Photo:"] {
        assert!(!body.contains(boilerplate), "{boilerplate} in {body}");
    }
    assert_eq!(
        html["infosources"][0]["name"], "Wire",
        "the dateline's agency wins on a republished story"
    );
    assert_eq!(html["associations"][0]["by"], "Matías Undurraga");

    let rss = record(&stage, &rss_item("rss-1", "Ferry repairs drag on"));
    assert_eq!(rss["firstcreated"], "2024-04-16T07:45:12+01:00");
    assert_eq!(rss["associations"][0]["copyrightholder"], "PA Media");

    let anpa = record(&stage, &anpa_story("Ice storm closes schools"));
    assert_eq!(anpa["headlines"][0]["value"], "Ice storm closes schools");
    assert_eq!(anpa["urgency"], 3);
    assert_eq!(anpa["located"], "DULUTH");
    assert_eq!(anpa["places"][0]["uri"], "iso3166-1a2:US");

    let atom = record(
        &stage,
        &atom_entry("tag:atom,2024:1", "Rice shortage empties shelves"),
    );
    assert_eq!(
        atom["bodies"][0]["value"],
        "TOKYO — Supermarkets are rationing rice, the ministry said on Tuesday."
    );
    assert_eq!(atom["located"], "TOKYO");
    assert_eq!(atom["places"][0]["uri"], "iso3166-1a2:JP");
}

/// A dateline that the provider prints only in the metadata, not at the start of the body,
/// still places the story: NewsML-G2's `dateline` without `located`, NITF's without `city`.
#[test]
fn a_dateline_printed_only_in_the_metadata_places_the_story() {
    let stage = stage(false);
    let newsml = String::from_utf8(newsml_story("tag:wire,2024:2", "Dock strike ends"))
        .expect("UTF-8")
        .replace(
            r#"<located literal="Porto"><name>Porto</name><broader qcode="iso3166-1a2:PT"><name>Portugal</name></broader></located>"#,
            "<dateline>PORT SUDAN, March 4, 2025 (AFP)</dateline>",
        )
        .replace("PORTO, May 29 (Wire) - Dock workers", "Dock workers");
    let newsml = record(&stage, newsml.as_bytes());
    assert_eq!(newsml["located"], "PORT SUDAN");
    assert_eq!(newsml["places"][0]["uri"], "iso3166-1a2:SD");

    let nitf = String::from_utf8(nitf_story("nitf-2", "Harbour reopens"))
        .expect("UTF-8")
        .replace(
            "<dateline><location><city>LISBON</city><country>Portugal</country></location></dateline>",
            "<dateline>NAIROBI, Kenya, June 11</dateline>",
        )
        .replace("LISBON (Wire) &#8212; The harbour", "The harbour");
    let nitf = record(&stage, nitf.as_bytes());
    assert_eq!(nitf["located"], "NAIROBI");
    assert_eq!(nitf["places"][0]["uri"], "iso3166-1a2:KE");
}
