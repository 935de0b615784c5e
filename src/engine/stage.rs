//! The parallel stage: a fixed set of lanes, each a thread running the story stage.
//!
//! Messages with the same Kafka key always take the same lane, and a lane handles its messages
//! in the order they came and hands them to the producer in that order, so per-key order holds
//! from input to output however many lanes run. Messages without a key are spread round-robin,
//! so one partition's messages are processed on every lane at once.
//!
//! A lane takes what has queued up for it, up to `engine.stage_batch` messages, as one batch:
//! the story stage then runs each finder over the whole batch, which keeps that finder's tables
//! in the cache. An idle lane takes a lone message at once, so batching costs no latency when
//! there is no backlog.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use rdkafka::message::{Headers, Message, OwnedMessage};
use tracing::{debug, error};

use super::offsets::Ticket;
use super::sink::Sink;
use crate::story::{PipelineStep, RawMessage, Rejection, RejectionClass, StoryRecord, StoryStage};
use crate::telemetry::metrics::Metrics;

/// One consumed message on its way through the stage.
pub struct Job {
    pub message: OwnedMessage,
    pub ticket: Ticket,
}

impl Job {
    fn size(&self) -> usize {
        self.message.payload().map_or(0, <[u8]>::len)
    }
}

pub struct ParallelStage {
    lanes: Vec<Sender<Job>>,
    threads: Vec<JoinHandle<()>>,
    next_unkeyed: AtomicUsize,
}

impl ParallelStage {
    pub fn start(
        workers: usize,
        batch_limit: usize,
        stage: StoryStage,
        sink: Arc<Sink>,
        metrics: Metrics,
    ) -> std::io::Result<Self> {
        let mut lanes = Vec::with_capacity(workers);
        let mut threads = Vec::with_capacity(workers);
        for lane in 0..workers.max(1) {
            let (sender, receiver) = mpsc::channel::<Job>();
            let stage = stage.clone();
            let sink = sink.clone();
            let metrics = metrics.clone();
            let thread = std::thread::Builder::new()
                .name(format!("wirestream-stage-{lane}"))
                .spawn(move || {
                    while let Some(batch) = next_batch(&receiver, batch_limit, Job::size) {
                        run_batch(&stage, &sink, &metrics, batch);
                    }
                })?;
            lanes.push(sender);
            threads.push(thread);
        }
        Ok(Self {
            lanes,
            threads,
            next_unkeyed: AtomicUsize::new(0),
        })
    }

    /// Queues a message on its lane. Never blocks: intake bounds what is in flight.
    pub fn submit(&self, job: Job) {
        let lane = match job.message.key() {
            Some(key) => lane_for_key(key, self.lanes.len()),
            None => self.next_unkeyed.fetch_add(1, Ordering::Relaxed) % self.lanes.len(),
        };
        if self.lanes[lane].send(job).is_err() {
            error!(
                lane,
                "stage lane has stopped; the message stays uncommitted and will be reprocessed"
            );
        }
    }

    /// Lets every lane finish what it holds, then joins the threads.
    pub fn stop(self) {
        drop(self.lanes);
        for thread in self.threads {
            if thread.join().is_err() {
                error!("a stage lane panicked");
            }
        }
    }
}

fn lane_for_key(key: &[u8], lanes: usize) -> usize {
    let mut hasher = DefaultHasher::new();
    key.hash(&mut hasher);
    (hasher.finish() % lanes as u64) as usize
}

/// A batch holds the text, word tables and findings of all its stories at once: past this many
/// input bytes a lane adds no more to it, so large stories are taken a few at a time and memory
/// stays near what one story at a time needs.
const BATCH_BYTES: usize = 1 << 20;

/// Waits for a message, then takes whatever else has queued behind it, up to `limit` messages
/// in all and while the batch's bytes (`size`) stay within [`BATCH_BYTES`]. `None` once the
/// lane is closed and empty.
fn next_batch<T>(
    receiver: &Receiver<T>,
    limit: usize,
    size: impl Fn(&T) -> usize,
) -> Option<Vec<T>> {
    let first = receiver.recv().ok()?;
    let mut bytes = size(&first);
    let mut batch = vec![first];
    while batch.len() < limit && bytes < BATCH_BYTES {
        match receiver.try_recv() {
            Ok(job) => {
                bytes += size(&job);
                batch.push(job);
            }
            Err(_) => break,
        }
    }
    Some(batch)
}

fn run_batch(stage: &StoryStage, sink: &Sink, metrics: &Metrics, batch: Vec<Job>) {
    let started = Instant::now();
    let raws: Vec<RawMessage<'_>> = batch.iter().map(|job| raw_message(&job.message)).collect();
    let outcomes = outcomes_surviving_panics(
        &raws,
        |raws| stage.process_batch(raws),
        |raw| stage.process(raw),
        stage_panicked,
    );
    // Each message is timed as its share of the batch.
    let per_message = started.elapsed().as_secs_f64() / batch.len() as f64;
    for (job, outcome) in batch.into_iter().zip(outcomes) {
        metrics.stage_seconds.observe(per_message);
        match &outcome {
            Ok(record) => {
                if let Some(relation) = record.relation {
                    metrics
                        .related_stories
                        .with_label_values(&[relation.as_str()])
                        .inc();
                }
            }
            Err(rejection) => {
                debug!(partition = job.ticket.partition, offset = job.ticket.offset, class = %rejection.class,
                       reason = %rejection.message, "input rejected");
            }
        }
        sink.emit(&job.message, outcome, job.ticket);
    }
    metrics.history_stories.set(stage.history().len() as i64);
}

/// The outcome of each message of a batch, run as one batch by `together`. The stage is built
/// never to panic on input (property-tested and fuzzed); should a bug slip through anyway, the
/// batch is run again one message at a time by `alone`, so that only the message that panics
/// gets `panicked()` (a rejection, for the dead-letter topic) instead of the whole batch failing
/// or its partition stalling forever. A batch whose outcomes do not pair one for one with its
/// messages is the same kind of bug, and is run again the same way: the lane pairs them up, and
/// a message left without an outcome would never be emitted. Stories of the batch that the
/// history had already seen then count as delivered twice and relate to nothing, as a
/// redelivery would.
fn outcomes_surviving_panics<M, O>(
    messages: &[M],
    together: impl FnOnce(&[M]) -> Vec<O>,
    alone: impl Fn(&M) -> O,
    panicked: impl Fn() -> O,
) -> Vec<O> {
    catch_unwind(AssertUnwindSafe(|| together(messages)))
        .ok()
        .filter(|outcomes| outcomes.len() == messages.len())
        .unwrap_or_else(|| {
            messages
                .iter()
                .map(|message| {
                    catch_unwind(AssertUnwindSafe(|| alone(message))).unwrap_or_else(|_| panicked())
                })
                .collect()
        })
}

fn stage_panicked() -> Result<StoryRecord, Rejection> {
    Err(Rejection::new(
        RejectionClass::Internal,
        PipelineStep::Parse,
        "the story stage panicked on this input (a wirestream bug; please report it)",
    ))
}

fn raw_message(message: &OwnedMessage) -> RawMessage<'_> {
    RawMessage {
        value: message.payload().unwrap_or_default(),
        content_type: content_type(message),
        sent: message
            .timestamp()
            .to_millis()
            .and_then(chrono::DateTime::from_timestamp_millis),
    }
}

fn content_type(message: &OwnedMessage) -> Option<&str> {
    let headers = message.headers()?;
    headers
        .iter()
        .find(|header| header.key.eq_ignore_ascii_case("content-type"))
        .and_then(|header| std::str::from_utf8(header.value?).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::message::{OwnedHeaders, Timestamp};

    #[test]
    fn the_stage_sees_a_message_sent_when_kafka_says_it_was() {
        let message = |timestamp| {
            OwnedMessage::new(
                Some(b"story".to_vec()),
                None,
                "in".to_owned(),
                timestamp,
                0,
                7,
                Some(OwnedHeaders::new()),
            )
        };
        let sent = message(Timestamp::CreateTime(1_716_976_800_000));
        assert_eq!(
            raw_message(&sent).sent.map(|time| time.to_rfc3339()),
            Some("2024-05-29T10:00:00+00:00".to_owned())
        );
        let unknown = message(Timestamp::NotAvailable);
        assert_eq!(raw_message(&unknown).sent, None);
    }

    #[test]
    fn a_lane_takes_what_has_queued_up_to_its_limit_in_order() {
        let (sender, receiver) = mpsc::channel();
        for job in 0..5 {
            sender.send(job).unwrap();
        }
        let small = |_: &i32| 1;
        assert_eq!(next_batch(&receiver, 3, small), Some(vec![0, 1, 2]));
        assert_eq!(next_batch(&receiver, 3, small), Some(vec![3, 4]));
        sender.send(5).unwrap();
        assert_eq!(next_batch(&receiver, 1, small), Some(vec![5]));
        drop(sender);
        assert_eq!(next_batch(&receiver, 3, small), None);
    }

    #[test]
    fn a_batch_stops_growing_at_its_byte_budget_but_takes_a_large_message() {
        let (sender, receiver) = mpsc::channel();
        for size in [BATCH_BYTES * 2, 10, BATCH_BYTES / 2, BATCH_BYTES / 2, 10] {
            sender.send(size).unwrap();
        }
        let size = |bytes: &usize| *bytes;
        assert_eq!(next_batch(&receiver, 32, size), Some(vec![BATCH_BYTES * 2]));
        assert_eq!(
            next_batch(&receiver, 32, size),
            Some(vec![10, BATCH_BYTES / 2, BATCH_BYTES / 2])
        );
        assert_eq!(next_batch(&receiver, 32, size), Some(vec![10]));
    }

    #[test]
    fn a_key_always_takes_the_same_lane_and_keys_spread() {
        let lanes = 8;
        let mut used = std::collections::BTreeSet::new();
        for index in 0..200 {
            let key = format!("key-{index}");
            let lane = lane_for_key(key.as_bytes(), lanes);
            assert_eq!(lane, lane_for_key(key.as_bytes(), lanes));
            used.insert(lane);
        }
        assert_eq!(used.len(), lanes);
    }

    /// A stand-in for the stage with a bug: it panics on "bug", whether alone or in a batch.
    fn buggy(message: &&str) -> Result<String, String> {
        assert!(*message != "bug", "a bug in the stage");
        Ok(message.to_uppercase())
    }

    #[test]
    fn a_panicking_batch_is_run_again_one_by_one_and_only_the_culprit_is_rejected() {
        let messages = ["a", "bug", "c"];
        let outcomes = outcomes_surviving_panics(
            &messages,
            |all| all.iter().map(buggy).collect(),
            buggy,
            || Err("panicked".to_owned()),
        );
        assert_eq!(
            outcomes,
            [
                Ok("A".to_owned()),
                Err("panicked".to_owned()),
                Ok("C".to_owned())
            ]
        );
    }

    #[test]
    fn a_batch_that_does_not_panic_is_not_run_again() {
        let alone_runs = std::cell::Cell::new(0);
        let outcomes = outcomes_surviving_panics(
            &["a", "b"],
            |all| all.iter().map(buggy).collect(),
            |message| {
                alone_runs.set(alone_runs.get() + 1);
                buggy(message)
            },
            || Err("panicked".to_owned()),
        );
        assert_eq!(outcomes, [Ok("A".to_owned()), Ok("B".to_owned())]);
        assert_eq!(alone_runs.get(), 0);
    }

    #[test]
    fn a_batch_that_loses_an_outcome_is_run_again_one_by_one() {
        let outcomes = outcomes_surviving_panics(
            &["a", "b", "c"],
            |all| all.iter().skip(1).map(buggy).collect(),
            buggy,
            || Err("panicked".to_owned()),
        );
        assert_eq!(
            outcomes,
            [Ok("A".to_owned()), Ok("B".to_owned()), Ok("C".to_owned())]
        );
    }
}
