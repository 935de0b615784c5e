//! The consumer side: intake with backpressure, commits, and rebalances.
//!
//! Intake admits a message into the stage only while the global and per-partition in-flight
//! bounds allow; otherwise the message waits in its partition's backlog and the partition is
//! paused, while the consumer keeps polling (so the group never thinks this member has hung).
//!
//! On revoke, [`SourceContext::pre_rebalance`] runs inside the consumer's poll: it waits (bounded
//! by `engine.drain_timeout_ms`) for the partitions' in-flight messages to be acknowledged,
//! commits their acknowledged prefix synchronously, and only then forgets them, which fences any
//! later acknowledgement out of the commit.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Message, OwnedMessage};
use rdkafka::statistics::Statistics;
use rdkafka::topic_partition_list::TopicPartitionList;
use rdkafka::{ClientContext, Offset};
use tokio::sync::watch;
use tracing::{debug, info, warn};

use super::in_flight::InFlight;
use super::offsets::SharedOffsets;
use super::shutdown::block_in_place;
use super::stage::{Job, ParallelStage};
use crate::telemetry::health::Health;
use crate::telemetry::metrics::Metrics;

/// Consumer callbacks: rebalances, commit results, statistics.
pub struct SourceContext {
    topic: String,
    offsets: Arc<SharedOffsets>,
    metrics: Metrics,
    health: Arc<Health>,
    drain_timeout: Duration,
}

impl SourceContext {
    pub fn new(
        topic: String,
        offsets: Arc<SharedOffsets>,
        metrics: Metrics,
        health: Arc<Health>,
        drain_timeout: Duration,
    ) -> Self {
        Self {
            topic,
            offsets,
            metrics,
            health,
            drain_timeout,
        }
    }

    fn committer(&self) -> Committer {
        Committer {
            topic: self.topic.clone(),
            offsets: self.offsets.clone(),
            metrics: self.metrics.clone(),
        }
    }

    fn our_partitions(&self, list: &TopicPartitionList) -> Vec<i32> {
        list.elements_for_topic(&self.topic)
            .iter()
            .map(|element| element.partition())
            .collect()
    }

    fn revoke(&self, consumer: &BaseConsumer<Self>, partitions: &[i32]) {
        self.health.set_consumer_joined(false);
        self.metrics.rebalances.with_label_values(&["revoke"]).inc();
        if consumer.assignment_lost() {
            // The group already gave these partitions away (session timeout, fenced member):
            // a commit would be refused and waiting would only delay rejoining. Fence at once.
            warn!(
                ?partitions,
                "partitions lost; in-flight work will be reprocessed by their next owner"
            );
        } else {
            let still_in_flight = block_in_place(|| {
                self.offsets
                    .wait_drained(Some(partitions), self.drain_timeout)
            });
            if still_in_flight > 0 {
                warn!(?partitions, still_in_flight, "drain timed out; unacknowledged messages will be reprocessed by the next owner");
            }
            block_in_place(|| self.committer().commit(consumer, Some(partitions)));
        }
        let mut tracker = self.offsets.lock();
        for partition in partitions {
            tracker.revoke(*partition);
            self.metrics.forget_partition(&self.topic, *partition);
        }
        info!(?partitions, "partitions revoked");
    }
}

impl ClientContext for SourceContext {
    fn stats(&self, statistics: Statistics) {
        let connected = statistics
            .brokers
            .values()
            .any(|broker| broker.state == "UP");
        self.health.set_consumer_connected(connected);
        let Some(topic) = statistics.topics.get(&self.topic) else {
            return;
        };
        let owned = self.offsets.lock().owned_partitions();
        for partition in owned {
            if let Some(stats) = topic.partitions.get(&partition) {
                if stats.consumer_lag >= 0 {
                    self.metrics
                        .consumer_lag
                        .with_label_values(&[&self.topic, &partition.to_string()])
                        .set(stats.consumer_lag);
                }
            }
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown) {
            self.health.set_consumer_connected(false);
        }
        warn!(%error, reason, "consumer error");
    }
}

impl ConsumerContext for SourceContext {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        match rebalance {
            Rebalance::Revoke(list) => self.revoke(consumer, &self.our_partitions(list)),
            Rebalance::Assign(list) => {
                let partitions = self.our_partitions(list);
                let mut tracker = self.offsets.lock();
                for partition in &partitions {
                    tracker.assign(*partition);
                }
                self.metrics.rebalances.with_label_values(&["assign"]).inc();
                info!(?partitions, "partitions assigned");
            }
            Rebalance::Error(error) => warn!(%error, "rebalance error"),
        }
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(_) = rebalance {
            self.health.set_consumer_joined(true);
        }
    }
}

/// What a commit needs besides the consumer; cheap to clone into a blocking task.
#[derive(Clone)]
pub struct Committer {
    pub topic: String,
    pub offsets: Arc<SharedOffsets>,
    pub metrics: Metrics,
}

impl Committer {
    /// Synchronously commits the acknowledged prefix of the given partitions (all owned when
    /// `None`) and records the outcome. Returns whether every requested commit succeeded.
    ///
    /// Always synchronous: rust-rdkafka does not deliver `commit_callback` for manual async
    /// commits (fede1024/rust-rdkafka#856), and without the broker's answer a failed commit could
    /// not be retried. Intake runs it on a blocking thread, one commit at a time.
    pub fn commit<C: Consumer<SourceContext>>(&self, consumer: &C, only: Option<&[i32]>) -> bool {
        let points = self.offsets.lock().pending_commits(only);
        if points.is_empty() {
            return true;
        }
        let mut list = TopicPartitionList::with_capacity(points.len());
        for point in &points {
            if let Err(error) = list.add_partition_offset(
                &self.topic,
                point.partition,
                Offset::Offset(point.offset),
            ) {
                warn!(%error, "cannot build commit request");
                return false;
            }
        }
        match consumer.commit(&list, CommitMode::Sync) {
            Ok(()) => {
                self.metrics.commits.with_label_values(&["ok"]).inc();
                let mut tracker = self.offsets.lock();
                for point in points {
                    tracker.confirm_commit(point);
                    if tracker.committed(point.partition).is_some() {
                        self.metrics
                            .committed_offset
                            .with_label_values(&[&self.topic, &point.partition.to_string()])
                            .set(point.offset);
                    }
                }
                true
            }
            Err(error) => {
                self.metrics.commits.with_label_values(&["error"]).inc();
                warn!(%error, "offset commit failed; it will be retried");
                false
            }
        }
    }
}

/// The in-flight bounds intake enforces.
#[derive(Debug, Clone, Copy)]
pub struct IntakeLimits {
    pub max_in_flight: usize,
    pub max_in_flight_per_partition: usize,
    pub commit_interval: Duration,
}

/// A message waiting for a slot, with the ownership generation it was received under.
struct Waiting {
    message: OwnedMessage,
    generation: u64,
}

/// The intake loop's state. Owned by one task; shares only the offset tracker and slot count.
pub struct Intake<'a> {
    consumer: Arc<StreamConsumer<SourceContext>>,
    /// The input topic, the offset tracker and the metrics, shared with commits.
    committer: Committer,
    in_flight: Arc<InFlight>,
    stage: &'a ParallelStage,
    limits: IntakeLimits,
    backlog: BTreeMap<i32, VecDeque<Waiting>>,
    /// Partitions this loop paused, with the generation they were paused under.
    paused: BTreeMap<i32, u64>,
}

impl<'a> Intake<'a> {
    pub fn new(
        consumer: Arc<StreamConsumer<SourceContext>>,
        committer: Committer,
        in_flight: Arc<InFlight>,
        stage: &'a ParallelStage,
        limits: IntakeLimits,
    ) -> Self {
        Self {
            consumer,
            committer,
            in_flight,
            stage,
            limits,
            backlog: BTreeMap::new(),
            paused: BTreeMap::new(),
        }
    }

    /// Consumes until `stop` turns true. Messages still in the backlog were never started and
    /// are simply left for the next consumer of their partition. Returns once no periodic commit
    /// is running any more.
    pub async fn run(&mut self, mut stop: watch::Receiver<bool>) {
        let mut commit_tick = tokio::time::interval(self.limits.commit_interval);
        commit_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let in_flight = self.in_flight.clone();
        let consumer = self.consumer.clone();
        let mut running_commit: Option<tokio::task::JoinHandle<bool>> = None;
        loop {
            tokio::select! {
                biased;
                _ = async { stop.wait_for(|stopped| *stopped).await.map(|_| ()) } => break,
                _ = async { running_commit.as_mut().expect("guarded").await }, if running_commit.is_some() => {
                    running_commit = None;
                }
                _ = in_flight.freed() => {}
                _ = commit_tick.tick(), if running_commit.is_none() => {
                    let (consumer, committer) = (self.consumer.clone(), self.committer.clone());
                    running_commit = Some(tokio::task::spawn_blocking(move || committer.commit(&*consumer, None)));
                }
                received = consumer.recv() => match received {
                    Ok(message) => self.admit(message.detach()),
                    Err(error) => {
                        warn!(%error, "consumer error while fetching");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                },
            }
            self.dispatch_backlog();
            self.apply_backpressure();
        }
        if let Some(commit) = running_commit {
            let _ = commit.await;
        }
    }

    fn admit(&mut self, message: OwnedMessage) {
        let partition = message.partition();
        let Some(generation) = self.committer.offsets.lock().generation(partition) else {
            debug!(
                partition,
                offset = message.offset(),
                "message for a partition no longer owned; left for its owner"
            );
            return;
        };
        self.committer.metrics.consumed.inc();
        let waiting = Waiting {
            message,
            generation,
        };
        let backlogged = self.backlog.get(&partition).is_some_and(|q| !q.is_empty());
        if !backlogged && self.has_slot(partition) {
            self.start(waiting);
        } else {
            self.backlog
                .entry(partition)
                .or_default()
                .push_back(waiting);
        }
    }

    fn has_slot(&self, partition: i32) -> bool {
        self.in_flight.count() < self.limits.max_in_flight
            && self.committer.offsets.lock().in_flight(partition)
                < self.limits.max_in_flight_per_partition
    }

    /// Starts a message's offset and hands it to the stage, unless its partition changed hands
    /// since it was received.
    fn start(&mut self, waiting: Waiting) {
        let partition = waiting.message.partition();
        let ticket = {
            let mut tracker = self.committer.offsets.lock();
            if tracker.generation(partition) != Some(waiting.generation) {
                return;
            }
            tracker.start(partition, waiting.message.offset())
        };
        if let Some(ticket) = ticket {
            self.in_flight.acquire();
            self.stage.submit(Job {
                message: waiting.message,
                ticket,
            });
        }
    }

    fn dispatch_backlog(&mut self) {
        let partitions: Vec<i32> = self.backlog.keys().copied().collect();
        for partition in partitions {
            let current = self.committer.offsets.lock().generation(partition);
            while let Some(waiting) = self.next_ready(partition, current) {
                self.start(waiting);
            }
        }
        self.backlog.retain(|_, queue| !queue.is_empty());
    }

    /// The next backlogged message of a partition that may start now, dropping any received
    /// under an earlier ownership.
    fn next_ready(&mut self, partition: i32, current: Option<u64>) -> Option<Waiting> {
        let has_slot = self.has_slot(partition);
        let queue = self.backlog.get_mut(&partition)?;
        while queue
            .front()
            .is_some_and(|front| Some(front.generation) != current)
        {
            queue.pop_front();
        }
        if has_slot {
            queue.pop_front()
        } else {
            None
        }
    }

    /// Pauses partitions that have a backlog and resumes those whose backlog has cleared.
    fn apply_backpressure(&mut self) {
        let generations: BTreeMap<i32, u64> = {
            let tracker = self.committer.offsets.lock();
            self.backlog
                .keys()
                .chain(self.paused.keys())
                .filter_map(|p| tracker.generation(*p).map(|g| (*p, g)))
                .collect()
        };
        let to_pause: Vec<i32> = self
            .backlog
            .keys()
            .filter(|p| {
                let current = generations.get(p);
                current.is_some() && self.paused.get(p) != current
            })
            .copied()
            .collect();
        let to_resume: Vec<i32> = self
            .paused
            .iter()
            .filter(|(p, generation)| {
                !self.backlog.contains_key(p) || generations.get(p) != Some(generation)
            })
            .map(|(p, _)| *p)
            .collect();
        for partition in to_resume {
            self.paused.remove(&partition);
            if generations.contains_key(&partition) {
                self.set_paused(partition, false);
            }
        }
        for partition in to_pause {
            if self.set_paused(partition, true) {
                self.paused.insert(partition, generations[&partition]);
            }
        }
        self.committer
            .metrics
            .paused_partitions
            .set(self.paused.len() as i64);
    }

    fn set_paused(&self, partition: i32, pause: bool) -> bool {
        let mut list = TopicPartitionList::new();
        list.add_partition(&self.committer.topic, partition);
        let result = if pause {
            self.consumer.pause(&list)
        } else {
            self.consumer.resume(&list)
        };
        match result {
            Ok(()) => true,
            Err(error) => {
                debug!(%error, partition, pause, "pause/resume refused (partition not assigned)");
                false
            }
        }
    }
}
