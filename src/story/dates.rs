//! Timestamps as upstream systems write them, to instants with a UTC offset.
//!
//! Only stamps that state their zone are turned into instants here. A local time without a zone
//! is left out rather than guessed: inventing an offset (or falling back to the processing clock)
//! would publish a wrong time as if it were a fact.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};

/// Epoch values above this are milliseconds, below are seconds (year 5138 in seconds).
const EPOCH_MILLIS_THRESHOLD: i64 = 100_000_000_000;

/// Parses a textual timestamp that carries its own offset (RFC 3339 / ISO 8601 with offset or
/// `Z`, RFC 2822 as RSS uses) or is a numeric epoch.
pub fn parse_timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(epoch) = text.parse::<i64>() {
        return from_epoch(epoch);
    }
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z"))
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .ok()
        .or_else(|| parse_utc_without_offset_marker(text))
}

/// A numeric epoch timestamp in seconds or milliseconds, as UTC.
pub fn from_epoch(epoch: i64) -> Option<DateTime<FixedOffset>> {
    let utc = if epoch.abs() >= EPOCH_MILLIS_THRESHOLD {
        Utc.timestamp_millis_opt(epoch).single()
    } else {
        Utc.timestamp_opt(epoch, 0).single()
    }?;
    Some(utc.fixed_offset())
}

/// `2024-07-19 21:14:37 UTC` / `GMT`: explicit UTC spelled as a word.
fn parse_utc_without_offset_marker(text: &str) -> Option<DateTime<FixedOffset>> {
    let stripped = text
        .strip_suffix(" UTC")
        .or_else(|| text.strip_suffix(" GMT"))?;
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(stripped, format).ok())
        .map(|naive| naive.and_utc().fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_timestamp(text).map(|t| t.to_rfc3339())
    }

    #[test]
    fn offsets_are_kept() {
        assert_eq!(
            iso("2024-07-19T21:14:37Z").as_deref(),
            Some("2024-07-19T21:14:37+00:00")
        );
        assert_eq!(
            iso("2024-03-05T16:18:00-05:00").as_deref(),
            Some("2024-03-05T16:18:00-05:00")
        );
        assert_eq!(
            iso("2024-03-05T16:18:00+0100").as_deref(),
            Some("2024-03-05T16:18:00+01:00")
        );
        assert_eq!(
            iso("Tue, 05 Mar 2024 16:18:00 GMT").as_deref(),
            Some("2024-03-05T16:18:00+00:00")
        );
    }

    #[test]
    fn epochs_in_seconds_and_millis() {
        assert_eq!(iso("1710000000"), iso("1710000000000"));
        assert_eq!(
            iso("1710000000").as_deref(),
            Some("2024-03-09T16:00:00+00:00")
        );
    }

    #[test]
    fn local_times_without_zone_are_not_guessed() {
        assert_eq!(iso("2024-02-08 07:30"), None);
        assert_eq!(iso("March 10, 2024 5:40 p.m."), None);
    }
}
