//! The story domain: raw message bytes in, a ninjs record or a typed rejection out.
//!
//! [`StoryStage::process_batch`] is the interface the engine calls ([`StoryStage::process`]
//! does the same for one message). Inside, a message flows through the rooms of this module in
//! order: `decode` (size, bytes to text) → `mojibake` → `formats` (detect and parse into a
//! neutral [`model::Story`], cleaned by `normalize`, times by `dates`) → `text` (the body read
//! once) → `language` → `enrich` → `history` (duplicates and versions) → `ninjs` (the record
//! out).

mod bylines;
mod dates;
mod decode;
pub mod enrich;
mod formats;
pub mod gazetteer;
pub mod history;
pub mod language;
pub mod model;
mod mojibake;
mod ninjs;
mod normalize;
mod rejection;
mod scan;
mod simple_markup;
mod stamps;
pub mod text;

pub use formats::JSON_MAPPABLE_FIELDS;
pub use ninjs::{StoryRecord, EXTENSION_SCHEMA_URI, NINJS_SCHEMA_URI};
pub use rejection::{PipelineStep, Rejection, RejectionClass};

/// A raw message as the stage sees it: the value bytes and the hints Kafka headers give.
#[derive(Debug, Clone, Copy)]
pub struct RawMessage<'a> {
    pub value: &'a [u8],
    /// The `content-type` header, when the producer set one.
    pub content_type: Option<&'a str>,
    /// When the message was sent (its Kafka timestamp), when known.
    pub sent: Option<chrono::DateTime<chrono::Utc>>,
}

/// The story stage's settings.
#[derive(Debug, Clone, Default)]
pub struct StageSettings {
    /// Inputs larger than this many bytes are rejected as `too_large` before parsing.
    pub max_message_bytes: usize,
    /// Home time zone per source (lower-cased name), for printed times without a zone.
    pub source_timezones: std::collections::BTreeMap<String, chrono_tz::Tz>,
    /// Plain ninjs 2.2 without the `wirestream` extension object.
    pub strict: bool,
    /// Canonical JSON field → comma-separated dotted paths to read it from first.
    pub json_fields: std::collections::BTreeMap<String, String>,
    /// How far back duplicates and versions are looked for.
    pub history: history::HistorySettings,
}

impl StageSettings {
    pub fn home_zone(&self, source: &str) -> Option<chrono_tz::Tz> {
        self.source_timezones.get(&source.to_lowercase()).copied()
    }
}

/// Turns raw messages into story records. Cheap to clone for each lane: the clones share the
/// settings and one history of recent stories.
#[derive(Debug, Clone)]
pub struct StoryStage {
    settings: StageSettings,
    history: std::sync::Arc<history::StoryHistory>,
}

impl StoryStage {
    /// A stage with its data loaded: the gazetteer, the name and topic automata, the region
    /// names, the function-word index and the stop-word lists are built here, once per process,
    /// so the first story does not pay for them. (Small word lists build their sets on first
    /// use, in microseconds.)
    pub fn new(settings: StageSettings) -> Self {
        language::prepare();
        enrich::places::prepare();
        enrich::features::prepare();
        enrich::organisations::prepare();
        enrich::topics::prepare();
        enrich::keywords::prepare();
        let history = std::sync::Arc::new(history::StoryHistory::new(settings.history));
        Self { settings, history }
    }

    /// The history of recent stories, to rebuild from the output topic at start.
    pub fn history(&self) -> &history::StoryHistory {
        &self.history
    }

    /// Raw message in, record or typed rejection out. Never panics on any input.
    pub fn process(&self, message: &RawMessage<'_>) -> Result<StoryRecord, Rejection> {
        let mut story = self.read(message)?;
        let body = story.body_text();
        let text = text::Text::new(&body);
        understand(&mut [(&mut story, &text)]);
        self.record(&story, &text)
    }

    /// Raw messages in, one outcome per message in the same order; a message's outcome does not
    /// depend on the others in its batch, except through the history, which sees them in order.
    ///
    /// The batch is read story by story, enriched finder by finder ([`enrich::enrich`]), and
    /// then each story is related to the history and rendered, in order.
    pub fn process_batch(
        &self,
        messages: &[RawMessage<'_>],
    ) -> Vec<Result<StoryRecord, Rejection>> {
        let stories: Vec<Result<model::Story, Rejection>> =
            messages.iter().map(|message| self.read(message)).collect();
        // Empty for a rejected message: an empty `String` does not allocate.
        let bodies: Vec<String> = stories
            .iter()
            .map(|story| {
                story
                    .as_ref()
                    .map(model::Story::body_text)
                    .unwrap_or_default()
            })
            .collect();
        let mut readings: Vec<Result<(model::Story, text::Text<'_>), Rejection>> = stories
            .into_iter()
            .zip(&bodies)
            .map(|(story, body)| story.map(|story| (story, text::Text::new(body))))
            .collect();
        let mut batch: Vec<(&mut model::Story, &text::Text<'_>)> = readings
            .iter_mut()
            .flatten()
            .map(|(story, text)| (story, &*text))
            .collect();
        understand(&mut batch);
        readings
            .into_iter()
            .map(|reading| reading.and_then(|(story, text)| self.record(&story, &text)))
            .collect()
    }

    /// Decodes and parses a message into a story, not yet enriched: the first step of
    /// [`StoryStage::process`], public so that the benches can time the steps one by one.
    pub fn read(&self, message: &RawMessage<'_>) -> Result<model::Story, Rejection> {
        let text = decode::decode_text(
            message.value,
            self.settings.max_message_bytes,
            message.content_type,
        )?;
        let text = mojibake::repair(&text);
        let mut story = formats::parse(&text, message.content_type, &self.settings)?;
        story.sent = message.sent;
        Ok(story)
    }

    /// Relates an enriched story to the history of recent stories and renders its record.
    fn record(
        &self,
        story: &model::Story,
        text: &text::Text<'_>,
    ) -> Result<StoryRecord, Rejection> {
        let uri = ninjs::story_uri(story);
        let fingerprint = history::Fingerprint::new(
            &uri,
            story.source.as_deref(),
            story.headline.as_deref(),
            text,
            chrono::Utc::now(),
        );
        let content_hash = fingerprint.content_hash.clone();
        let relation = self.history.observe(fingerprint);
        ninjs::render(
            story,
            text,
            &ninjs::Provenance {
                uri: &uri,
                content_hash: &content_hash,
                relation: relation.as_ref(),
            },
            self.settings.strict,
        )
        .map_err(|error| {
            Rejection::new(
                RejectionClass::Malformed,
                PipelineStep::Render,
                format!("could not serialize the record: {error}"),
            )
        })
    }
}

/// A batch of read stories' language, then everything the finders find in them.
fn understand(batch: &mut [(&mut model::Story, &text::Text<'_>)]) {
    for (story, text) in batch.iter_mut() {
        story.language = language::detect_language(text);
    }
    enrich::enrich(batch);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stage() -> StoryStage {
        StoryStage::new(StageSettings {
            max_message_bytes: 4096,
            ..StageSettings::default()
        })
    }

    #[test]
    fn a_batch_has_the_outcomes_its_messages_have_one_at_a_time() {
        let body = "LISBON (Wire) — The harbour reopened on Monday, the port authority said. \
                    \"We are back,\" said Ana Costa, its director.\n";
        let story = format!("Harbour reopens\n\n{body}");
        let republished = format!("Lisbon harbour open again\n\n{body}");
        let json =
            r#"{"headline": "Council votes", "body": "The council in Porto voted on Friday."}"#;
        let inputs: [&[u8]; 6] = [
            story.as_bytes(),
            b"",
            json.as_bytes(),
            b"Caf\xe9 \xff broken",
            // The first story under another headline: a duplicate, however the batch is taken.
            republished.as_bytes(),
            b"<html><body><p>A page in Faro.</p></body></html>",
        ];
        let messages: Vec<RawMessage<'_>> = inputs
            .iter()
            .map(|value| RawMessage {
                value,
                content_type: None,
                sent: None,
            })
            .collect();
        let one_at_a_time = stage();
        let alone: Vec<_> = messages
            .iter()
            .map(|message| one_at_a_time.process(message))
            .collect();
        let batched = stage().process_batch(&messages);
        assert_eq!(batched, alone);
        assert_eq!(batched.iter().filter(|outcome| outcome.is_ok()).count(), 4);
        let repeated = batched[4].as_ref().map(|record| record.relation);
        assert_eq!(repeated, Ok(Some(history::RelationKind::Duplicate)));
    }

    #[test]
    fn a_story_without_a_time_resolves_its_weekdays_against_its_dateline() {
        let story = "Le gouvernement annonce un plan\n\n\
                     TOULOUSE, 12 septembre 2024 (AFP) - Le ministre a annoncé jeudi une aide \
                     pour les éleveurs, touchés depuis juin par la sécheresse.\n";
        let message = RawMessage {
            value: story.as_bytes(),
            content_type: None,
            sent: None,
        };
        let record = stage().process(&message).expect("a story");
        let json: serde_json::Value = serde_json::from_slice(&record.json).expect("json");
        let dates: Vec<(&str, &str)> = json["wirestream"]["dates"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|date| Some((date["text"].as_str()?, date["value"].as_str()?)))
            .collect();
        // 2024-09-12 was a Thursday.
        assert_eq!(
            dates,
            [
                ("12 septembre 2024", "2024-09-12"),
                ("jeudi", "2024-09-12"),
                ("juin", "2024-06")
            ]
        );
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_end_as_a_record_or_a_typed_rejection(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let message = RawMessage { value: &bytes, content_type: None, sent: None };
            match stage().process(&message) {
                Ok(record) => {
                    let json: serde_json::Value = serde_json::from_slice(&record.json).unwrap();
                    prop_assert_eq!(json["uri"].as_str(), Some(record.uri.as_str()));
                }
                Err(rejection) => prop_assert!(!rejection.message.is_empty()),
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
            let message = RawMessage { value: text.as_bytes(), content_type: None, sent: None };
            let _ = stage().process(&message);
        }
    }
}
