//! wirestream: raw wire-service stories from Kafka in, clean IPTC ninjs records out.
//!
//! The crate is laid out like the data flow. [`engine`] moves messages: the Kafka source, the
//! parallel stage, the sink, offset tracking and shutdown. [`story`] knows news: formats in,
//! normalization, the record out. [`telemetry`] watches both, [`config`] sets them up, and [`score`] measures
//! the story stage against gold answers.

pub mod config;
pub mod engine;
pub mod score;
pub mod story;
pub mod telemetry;
