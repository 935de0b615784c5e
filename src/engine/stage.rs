//! The parallel stage: a fixed set of lanes, each a thread running the story stage.
//!
//! Messages with the same Kafka key always take the same lane, and a lane handles its messages
//! one after another and hands each to the producer before the next, so per-key order holds from
//! input to output however many lanes run. Messages without a key are spread round-robin, so one
//! partition's messages are processed on every lane at once.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use rdkafka::message::{Headers, Message, OwnedMessage};
use tracing::{debug, error};

use super::offsets::Ticket;
use super::sink::Sink;
use crate::story::{PipelineStep, RawMessage, Rejection, RejectionClass, StoryStage};
use crate::telemetry::metrics::Metrics;

/// One consumed message on its way through the stage.
pub struct Job {
    pub message: OwnedMessage,
    pub ticket: Ticket,
}

pub struct ParallelStage {
    lanes: Vec<Sender<Job>>,
    threads: Vec<JoinHandle<()>>,
    next_unkeyed: AtomicUsize,
}

impl ParallelStage {
    pub fn start(
        workers: usize,
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
                    for job in receiver {
                        run_job(&stage, &sink, &metrics, job);
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

fn run_job(stage: &StoryStage, sink: &Sink, metrics: &Metrics, job: Job) {
    let started = Instant::now();
    let raw = RawMessage {
        value: job.message.payload().unwrap_or_default(),
        content_type: content_type(&job.message),
    };
    // The stage is built never to panic on input (property-tested and fuzzed); should a bug slip
    // through anyway, the input still reaches the dead-letter topic instead of stalling its
    // partition forever.
    let outcome = catch_unwind(AssertUnwindSafe(|| stage.process(&raw))).unwrap_or_else(|_| {
        Err(Rejection::new(
            RejectionClass::Internal,
            PipelineStep::Parse,
            "the story stage panicked on this input (a wirestream bug; please report it)",
        ))
    });
    metrics
        .stage_seconds
        .observe(started.elapsed().as_secs_f64());
    if let Ok(record) = &outcome {
        if let Some(relation) = record.relation {
            metrics
                .related_stories
                .with_label_values(&[relation.as_str()])
                .inc();
        }
        metrics.history_stories.set(stage.history().len() as i64);
    }
    if let Err(rejection) = &outcome {
        debug!(partition = job.ticket.partition, offset = job.ticket.offset, class = %rejection.class,
               reason = %rejection.message, "input rejected");
    }
    sink.emit(&job.message, outcome, job.ticket);
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
}
