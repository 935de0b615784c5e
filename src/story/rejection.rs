//! Why a raw message could not become a story.
//!
//! Every rejection carries a stable class (written into the dead-letter headers and counted in
//! metrics, so it must never change spelling), the stage of the story pipeline that refused the
//! input, and a human-readable message for the operator who opens the dead-letter topic.

use std::fmt;

/// The stable classification of a rejected input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectionClass {
    /// Zero bytes, or nothing but whitespace.
    Empty,
    /// Bytes that are not valid in the message's encoding, binary data included.
    Encoding,
    /// A recognisable format that is broken (ill-formed or truncated JSON/XML).
    Malformed,
    /// Well-formed input that carries no story (a keep-alive ping, an empty object).
    NotAStory,
    /// Larger than the configured size limit; refused before parsing.
    TooLarge,
    /// A recognised format that this build cannot read yet.
    UnsupportedFormat,
    /// The stage failed unexpectedly (a bug); the input is kept for a replay once fixed.
    Internal,
}

impl RejectionClass {
    /// Every class, for metrics that must show a zero series for each.
    pub const ALL: [RejectionClass; 7] = [
        RejectionClass::Empty,
        RejectionClass::Encoding,
        RejectionClass::Malformed,
        RejectionClass::NotAStory,
        RejectionClass::TooLarge,
        RejectionClass::UnsupportedFormat,
        RejectionClass::Internal,
    ];

    /// The wire spelling used in headers, metrics labels and CLI errors.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectionClass::Empty => "empty",
            RejectionClass::Encoding => "encoding",
            RejectionClass::Malformed => "malformed",
            RejectionClass::NotAStory => "not_a_story",
            RejectionClass::TooLarge => "too_large",
            RejectionClass::UnsupportedFormat => "unsupported_format",
            RejectionClass::Internal => "internal",
        }
    }
}

impl fmt::Display for RejectionClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The step of the story pipeline that refused an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineStep {
    /// Size limit and byte decoding.
    Decode,
    /// Format detection and parsing.
    Parse,
    /// Building the ninjs record.
    Render,
}

impl PipelineStep {
    pub fn as_str(self) -> &'static str {
        match self {
            PipelineStep::Decode => "decode",
            PipelineStep::Parse => "parse",
            PipelineStep::Render => "render",
        }
    }
}

/// A typed refusal: the input goes, unchanged, to the dead-letter topic with these facts attached.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{class} at {}: {message}", step.as_str())]
pub struct Rejection {
    pub class: RejectionClass,
    pub step: PipelineStep,
    pub message: String,
}

impl Rejection {
    pub fn new(class: RejectionClass, step: PipelineStep, message: impl Into<String>) -> Self {
        Self {
            class,
            step,
            message: message.into(),
        }
    }
}
