//! Inputs for the tests: stories in the shapes the stage reads, and every kind of bad input.
//! Generated, not copied from the sample corpus, so the tests measure behaviour, not samples.

use serde_json::json;

use super::kafka::Input;

/// A JSON story from an upstream fetcher; `filler` paragraphs make it bigger (and slower).
pub fn json_story(id: &str, headline: &str, filler: usize) -> Vec<u8> {
    let mut body = String::from("<p>LISBON (Wire) — Officials said the harbour reopened on Tuesday after a week of repairs.</p>");
    for index in 0..filler {
        body.push_str(&format!(
            "<p>Paragraph {index}: ferry operators reported steady traffic and the port authority said inspections would continue through the month.</p>"
        ));
    }
    serde_json::to_vec(&json!({
        "id": id,
        "source": "wire",
        "headline": headline,
        "byline": "By Ana Costa",
        "body_html": body,
        "published": "2024-05-14T09:30:00Z",
    }))
    .unwrap()
}

/// A scraped plain-text story.
pub fn text_story(headline: &str) -> Vec<u8> {
    format!(
        "{headline}\n\nBy Jonas Weber\n\nBERLIN (Wire) — The city council approved the budget on Monday.\n\nThe vote was 31 to 12, officials said.\n"
    )
    .into_bytes()
}

/// The kinds of input the stage must reject, with the class each must get.
pub fn bad_inputs(too_large_bytes: usize) -> Vec<(Vec<u8>, &'static str)> {
    vec![
        (Vec::new(), "empty"),
        (b"  \n\t ".to_vec(), "empty"),
        (
            b"Caf\xe9 society headline\n\nBody with a latin-1 byte.".to_vec(),
            "encoding",
        ),
        (vec![0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x13], "encoding"),
        (
            br#"{"headline": "Truncated", "body": "never clo"#.to_vec(),
            "malformed",
        ),
        (br#"{"ping": 1}"#.to_vec(), "not_a_story"),
        (
            text_story(&"Oversized ".repeat(too_large_bytes / 10 + 1)),
            "too_large",
        ),
    ]
}

pub fn input(value: Vec<u8>) -> Input {
    Input {
        value,
        ..Input::default()
    }
}
