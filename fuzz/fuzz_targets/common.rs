//! What every fuzz target checks: arbitrary bytes through the story stage end as a record (valid
//! JSON) or a typed rejection, never a panic or a hang.

use std::sync::OnceLock;
use wirestream::config::Config;
use wirestream::story::{RawMessage, StoryStage};

fn stage() -> &'static StoryStage {
    static STAGE: OnceLock<StoryStage> = OnceLock::new();
    STAGE.get_or_init(|| StoryStage::new(Config::default().stage_settings()))
}

/// Runs one input, with the `content-type` header the target forces (or none: sniffed).
pub fn check(bytes: &[u8], content_type: Option<&str>) {
    let message = RawMessage { value: bytes, content_type, sent: None };
    if let Ok(record) = stage().process(&message) {
        assert!(serde_json::from_slice::<serde_json::Value>(&record.json).is_ok());
    }
}
