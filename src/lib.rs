//! wirestream: raw wire-service stories from Kafka in, clean IPTC ninjs records out.
//!
//! The crate is laid out like the data flow. [`engine`] moves messages: the Kafka source, the
//! parallel stage, the sink, offset tracking and shutdown. [`story`] knows news: formats in,
//! normalization, the record out. [`telemetry`] watches both, and [`config`] sets them up.

pub mod config;
pub mod engine;
pub mod story;
pub mod telemetry;
