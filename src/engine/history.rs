//! The history window read back from the output topic when the worker starts, so that a restart
//! (or a new replica) still knows which stories it has written and finds their duplicates and
//! versions.
//!
//! The read uses its own consumer with manual assignment: it joins no group and commits nothing.
//! Each partition starts at the first record of the window (`offsetsForTimes`, or the beginning
//! when the broker cannot answer) and is read to the end it had when the read began (its high
//! watermark then, or else the end of the partition, `enable.partition.eof`), so that records
//! other replicas write meanwhile are not chased. The read, its requests included, is bounded by
//! `history.rebuild_timeout_ms`; a broker that cannot be read leaves the history empty with a
//! warning rather than keep the worker from starting — duplicates of older stories are then
//! missed, nothing else.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, Utc};
use rdkafka::client::ClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::KafkaError;
use rdkafka::message::Message;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};
use tokio::sync::watch;
use tracing::{info, warn};

use crate::config::Config;
use crate::story::history::{fingerprint_of_record, StoryHistory};
use crate::telemetry::metrics::Metrics;

/// How long one metadata or offsets request may take (within the whole read's budget).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Reads the window back into `history`. Blocking; run it off the async runtime. A stop asked for
/// meanwhile (SIGTERM) ends the read at once: nothing has been consumed yet, so there is nothing
/// to drain.
pub fn rebuild(
    config: &Config,
    history: &StoryHistory,
    metrics: &Metrics,
    stop: &watch::Receiver<bool>,
) {
    let started = Instant::now();
    match read_back(config, history, metrics, stop) {
        Ok(stories) => info!(
            stories,
            topic = %config.topics.output,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "history rebuilt from the output topic"
        ),
        Err(error) => warn!(
            error = format!("{error:#}"),
            "could not read the history back from the output topic; duplicates and versions of earlier stories will be missed"
        ),
    }
    metrics.history_stories.set(history.len() as i64);
}

fn read_back(
    config: &Config,
    history: &StoryHistory,
    metrics: &Metrics,
    stop: &watch::Receiver<bool>,
) -> anyhow::Result<usize> {
    // One budget for everything, requests included: an unreachable leader must not hold the
    // worker's start longer than history.rebuild_timeout_ms.
    let deadline = Instant::now() + config.history_rebuild_timeout();
    let request_timeout =
        || REQUEST_TIMEOUT.min(deadline.saturating_duration_since(Instant::now()));
    let topic = config.topics.output.as_str();
    let mut properties = config.consumer_properties();
    properties
        .set("enable.partition.eof", "true")
        .set("statistics.interval.ms", "0");
    let consumer: BaseConsumer<ReadBackContext> = properties
        .create_with_context(ReadBackContext)
        .context("creating the history consumer")?;
    let metadata = consumer
        .fetch_metadata(Some(topic), request_timeout())
        .context("reading the output topic's metadata")?;
    let partitions: Vec<i32> = metadata
        .topics()
        .iter()
        .filter(|t| t.name() == topic && t.error().is_none())
        .flat_map(|t| t.partitions().iter().map(|p| p.id()))
        .collect();
    if partitions.is_empty() {
        return Ok(0);
    }
    let window_start = Utc::now() - config.history_window();
    let assignment = start_offsets(
        &consumer,
        topic,
        &partitions,
        window_start,
        request_timeout(),
    );
    consumer
        .assign(&assignment)
        .context("assigning the output topic's partitions")?;

    // Each partition is read to the end it has now: records written meanwhile by other replicas
    // are not waited for (the read would chase them). Where the broker does not tell the end,
    // reaching the end of the partition (EOF) closes it.
    let mut ends: BTreeMap<i32, i64> = BTreeMap::new();
    let mut open: BTreeSet<i32> = BTreeSet::new();
    for &partition in &partitions {
        match consumer.fetch_watermarks(topic, partition, request_timeout()) {
            Ok((low, high)) if high <= low => {}
            Ok((_, high)) => {
                ends.insert(partition, high);
                open.insert(partition);
            }
            Err(_) => {
                open.insert(partition);
            }
        }
    }
    let mut stories = 0;
    while !open.is_empty() && Instant::now() < deadline && !*stop.borrow() {
        match consumer.poll(Duration::from_millis(200)) {
            None => {}
            Some(Ok(message)) => {
                // A record at or past the end reported at the start was written since: the
                // partition is read (or the end of the partition says so first). Closing one record
                // late rather than at `end - 1` also tolerates brokers that report the last offset
                // instead of the next one.
                if ends
                    .get(&message.partition())
                    .is_some_and(|end| message.offset() >= *end)
                {
                    open.remove(&message.partition());
                }
                let seen = message
                    .timestamp()
                    .to_millis()
                    .and_then(DateTime::from_timestamp_millis)
                    .unwrap_or_else(Utc::now);
                if seen < window_start {
                    continue;
                }
                let fingerprint = message
                    .payload()
                    .and_then(|json| fingerprint_of_record(json, seen));
                if let Some(fingerprint) = fingerprint {
                    history.remember(fingerprint);
                    metrics.history_rebuilt.inc();
                    stories += 1;
                }
            }
            Some(Err(KafkaError::PartitionEOF(partition))) => {
                open.remove(&partition);
            }
            Some(Err(error)) => return Err(error).context("reading the output topic"),
        }
    }
    if *stop.borrow() {
        info!(
            stories,
            "history read stopped early: the worker is stopping"
        );
    } else if !open.is_empty() {
        warn!(
            partitions = ?open,
            stories,
            "history rebuild ran out of time (history.rebuild_timeout_ms); continuing with what was read"
        );
    }
    Ok(stories)
}

/// The read-back consumer's context: reaching the end of a partition is how the read knows it is
/// done, not an error to log.
struct ReadBackContext;

impl ClientContext for ReadBackContext {
    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() != Some(RDKafkaErrorCode::PartitionEOF) {
            warn!(%error, reason, "history consumer error");
        }
    }
}

impl ConsumerContext for ReadBackContext {}

/// The first offset of the window per partition, or the beginning where the broker does not
/// answer the time query.
fn start_offsets(
    consumer: &BaseConsumer<ReadBackContext>,
    topic: &str,
    partitions: &[i32],
    window_start: DateTime<Utc>,
    timeout: Duration,
) -> TopicPartitionList {
    let mut query = TopicPartitionList::new();
    for &partition in partitions {
        // An index from metadata is always a valid partition.
        let _ = query.add_partition_offset(
            topic,
            partition,
            Offset::Offset(window_start.timestamp_millis()),
        );
    }
    let answered = consumer.offsets_for_times(query, timeout).ok();
    let mut assignment = TopicPartitionList::new();
    for &partition in partitions {
        let answer = answered
            .as_ref()
            .and_then(|list| list.find_partition(topic, partition))
            .filter(|element| element.error().is_ok())
            .map(|element| element.offset());
        let offset = match answer {
            Some(offset @ Offset::Offset(_)) => offset,
            // No record at or after the window's start: only what is written from now on.
            Some(Offset::End) => Offset::End,
            _ => Offset::Beginning,
        };
        let _ = assignment.add_partition_offset(topic, partition, offset);
    }
    assignment
}
