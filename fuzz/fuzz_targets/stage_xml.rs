//! Arbitrary bytes through the story stage with the xml parser forced by the content-type header: every input must end as a record or a typed rejection, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use wirestream::config::Config;
use wirestream::story::{RawMessage, StoryStage};

fn stage() -> &'static StoryStage {
    static STAGE: OnceLock<StoryStage> = OnceLock::new();
    STAGE.get_or_init(|| StoryStage::new(Config::default().stage_settings()))
}

fuzz_target!(|bytes: &[u8]| {
    let message = RawMessage { value: bytes, content_type: Some("application/xml") };
    if let Ok(record) = stage().process(&message) {
        assert!(serde_json::from_slice::<serde_json::Value>(&record.json).is_ok());
    }
});
