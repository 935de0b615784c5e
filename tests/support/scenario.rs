//! The common shape of a worker test: one broker, fresh topics, a worker spec, and the checks
//! every scenario ends with.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use super::broker::Broker;
use super::kafka::{committed_offsets, Record};
use super::unique;
use super::worker::WorkerSpec;

pub const TOO_LARGE_LIMIT: usize = 64 * 1024;

pub struct Topics {
    pub input: String,
    pub partitions: i32,
    pub output: String,
    pub dead_letter: String,
    pub group: String,
}

pub fn topics(broker: &Broker, partitions: i32) -> Topics {
    topics_with(broker, partitions, 3)
}

pub fn topics_with(broker: &Broker, partitions: i32, output_partitions: i32) -> Topics {
    let topics = Topics {
        input: unique("raw"),
        partitions,
        output: unique("ninjs"),
        dead_letter: unique("dlq"),
        group: unique("group"),
    };
    broker.create_topic(&topics.input, partitions);
    broker.create_topic(&topics.output, output_partitions);
    broker.create_topic(&topics.dead_letter, 1);
    topics
}

pub fn spec(broker: &Broker, topics: &Topics) -> WorkerSpec {
    WorkerSpec::new(
        &broker.bootstrap,
        &topics.group,
        &topics.input,
        &topics.output,
        &topics.dead_letter,
    )
    .set("WIRESTREAM_STORY_MAX_MESSAGE_BYTES", TOO_LARGE_LIMIT)
}

/// Waits until the group's committed offsets equal the input's end offsets (partitions without
/// input must have no commit).
pub fn wait_committed_to_end(
    broker: &Broker,
    topics: &Topics,
    end: &BTreeMap<i32, i64>,
    timeout: Duration,
) {
    let mut last;
    let deadline = std::time::Instant::now() + timeout;
    loop {
        let committed = committed_offsets(&broker.bootstrap, &topics.group, &topics.input);
        let reached = committed
            .iter()
            .all(|(p, c)| end.get(p).map_or(*c == -1, |e| c == e));
        if reached {
            return;
        }
        last = committed;
        assert!(
            std::time::Instant::now() < deadline,
            "commits stopped at {last:?}, input ends at {end:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Every input offset of every partition, `0..end`.
pub fn all_positions(end: &BTreeMap<i32, i64>) -> BTreeSet<(i32, i64)> {
    end.iter()
        .flat_map(|(p, e)| (0..*e).map(move |o| (*p, o)))
        .collect()
}

pub fn positions(records: &[Record]) -> BTreeSet<(i32, i64)> {
    records.iter().map(Record::source_position).collect()
}

/// Reads the output and dead-letter topics and checks that every input offset in `end` appears
/// in one of them at least once. Returns all records read (outputs first).
pub fn assert_none_missing(
    broker: &Broker,
    topics: &Topics,
    end: &BTreeMap<i32, i64>,
) -> (Vec<Record>, Vec<Record>) {
    let expected = end.values().sum::<i64>() as usize;
    let outputs = super::kafka::read_topic(
        &broker.bootstrap,
        &topics.output,
        0,
        Duration::from_secs(60),
    );
    let dead = super::kafka::read_topic(
        &broker.bootstrap,
        &topics.dead_letter,
        0,
        Duration::from_secs(30),
    );
    let seen = &positions(&outputs) | &positions(&dead);
    let missing: Vec<_> = all_positions(end).difference(&seen).copied().collect();
    assert!(
        missing.is_empty(),
        "{} of {expected} input offsets missing, first: {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
    (outputs, dead)
}

/// Inputs spread over `partitions` partitions explicitly, JSON stories of a few paragraphs.
pub fn stream_of_stories(count: usize, partitions: i32) -> Vec<super::kafka::Input> {
    (0..count)
        .map(|index| super::kafka::Input {
            value: super::stories::json_story(
                &format!("s-{index}"),
                &format!("Harbour update {index}"),
                index % 4,
            ),
            partition: Some(index as i32 % partitions),
            ..Default::default()
        })
        .collect()
}

/// Feeds `count` stories over all input partitions from a background thread, `batch` at a time
/// with `pause_ms` between batches, so a test can act mid-stream.
pub fn feed_stories(
    broker: &Broker,
    topics: &Topics,
    count: usize,
    batch: usize,
    pause_ms: u64,
) -> super::kafka::Feeder {
    super::kafka::Feeder::start(
        &broker.bootstrap,
        &topics.input,
        stream_of_stories(count, topics.partitions),
        batch,
        Duration::from_millis(pause_ms),
    )
}
