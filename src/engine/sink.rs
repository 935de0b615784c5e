//! The producer side: records to the output topic, rejected inputs to the dead-letter topic, and
//! nothing dropped.
//!
//! The producer is idempotent with `acks=all`. librdkafka retries transient errors itself; a
//! delivery that still fails (its `message.timeout.ms` ran out, or a permanent error) comes back
//! to [`DeliveryContext::delivery`], is counted, marks the worker not ready, and is produced again
//! after a backoff, for as long as it takes. Until it is acknowledged its input offset stays in
//! flight, so its partition's commit cannot pass it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{BorrowedMessage, Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::{BaseRecord, DeliveryResult, Producer, ProducerContext, ThreadedProducer};
use rdkafka::statistics::Statistics;
use rdkafka::{ClientConfig, ClientContext};
use tracing::{debug, error, warn};

use super::in_flight::InFlight;
use super::offsets::{SharedOffsets, Ticket};
use crate::story::{Rejection, RejectionClass, StoryRecord};
use crate::telemetry::health::Health;
use crate::telemetry::metrics::{Destination, Metrics};

/// Provenance headers on every output record.
pub const HEADER_SOURCE_TOPIC: &str = "wirestream.source.topic";
pub const HEADER_SOURCE_PARTITION: &str = "wirestream.source.partition";
pub const HEADER_SOURCE_OFFSET: &str = "wirestream.source.offset";
/// W3C trace context, passed from input to output when present.
pub const HEADER_TRACEPARENT: &str = "traceparent";
pub const HEADER_TRACESTATE: &str = "tracestate";
/// Dead-letter headers, modelled on Kafka Connect's `__connect.errors.*`.
pub const HEADER_ERROR_CLASS: &str = "wirestream.errors.class";
pub const HEADER_ERROR_MESSAGE: &str = "wirestream.errors.message";
pub const HEADER_ERROR_STAGE: &str = "wirestream.errors.stage";
pub const HEADER_ERROR_TOPIC: &str = "wirestream.errors.topic";
pub const HEADER_ERROR_PARTITION: &str = "wirestream.errors.partition";
pub const HEADER_ERROR_OFFSET: &str = "wirestream.errors.offset";

/// How long to wait before producing again when librdkafka's queue is full.
const QUEUE_FULL_BACKOFF: Duration = Duration::from_millis(5);
/// Backoff for re-producing a failed delivery: doubles from the first to the cap.
const RETRY_BACKOFF_FIRST: Duration = Duration::from_millis(200);
const RETRY_BACKOFF_CAP: Duration = Duration::from_secs(10);

/// What travels with each produced message to its delivery callback.
#[derive(Debug)]
pub struct Delivery {
    ticket: Ticket,
    destination: Destination,
    rejection_class: Option<RejectionClass>,
    /// The input message's timestamp (ms since the epoch), for end-to-end latency.
    input_timestamp_ms: Option<i64>,
    /// Failed deliveries of this message so far.
    failures: u32,
}

/// An owned message ready to be produced (again).
#[derive(Debug, Clone)]
struct Outgoing {
    topic: String,
    key: Option<Vec<u8>>,
    payload: Option<Vec<u8>>,
    headers: OwnedHeaders,
}

impl Outgoing {
    fn from_failed(message: &BorrowedMessage<'_>) -> Self {
        let owned = message.detach();
        Outgoing {
            topic: owned.topic().to_owned(),
            key: owned.key().map(<[u8]>::to_vec),
            payload: owned.payload().map(<[u8]>::to_vec),
            headers: owned.headers().cloned().unwrap_or_default(),
        }
    }
}

type Retry = (Outgoing, Box<Delivery>, Instant);

/// Producer callbacks: acknowledgements finish offsets, failures go to the retry queue,
/// statistics feed readiness and the queue-depth gauge.
pub struct DeliveryContext {
    offsets: Arc<SharedOffsets>,
    in_flight: Arc<InFlight>,
    metrics: Metrics,
    health: Arc<Health>,
    retries: Mutex<Sender<Retry>>,
}

impl ClientContext for DeliveryContext {
    fn stats(&self, statistics: Statistics) {
        let connected = statistics
            .brokers
            .values()
            .any(|broker| broker.state == "UP");
        self.health.set_producer_connected(connected);
        self.metrics.producer_queue.set(statistics.msg_cnt as i64);
    }

    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown) {
            self.health.set_producer_connected(false);
        }
        warn!(%error, reason, "producer error");
    }
}

impl ProducerContext for DeliveryContext {
    type DeliveryOpaque = Box<Delivery>;

    fn delivery(&self, result: &DeliveryResult<'_>, delivery: Box<Delivery>) {
        match result {
            Ok(_) => self.acknowledged(&delivery),
            Err((error, message)) => {
                self.schedule_retry(Outgoing::from_failed(message), delivery, error)
            }
        }
    }
}

impl DeliveryContext {
    /// Counts a failed delivery, marks the worker not ready while it is outstanding, and queues
    /// the message to be produced again after a backoff.
    fn schedule_retry(&self, outgoing: Outgoing, mut delivery: Box<Delivery>, error: &KafkaError) {
        self.metrics
            .delivery_failures
            .with_label_values(&[delivery.destination.as_str()])
            .inc();
        if delivery.failures == 0 {
            self.health.add_undeliverable(1);
            self.metrics.undeliverable.inc();
        }
        delivery.failures += 1;
        let backoff = retry_backoff(delivery.failures);
        if delivery.failures == 1 {
            warn!(%error, topic = outgoing.topic, partition = delivery.ticket.partition,
                  offset = delivery.ticket.offset, retry_in_ms = backoff.as_millis() as u64,
                  "delivery failed; will produce again until it succeeds");
        } else {
            debug!(%error, topic = outgoing.topic, partition = delivery.ticket.partition,
                   offset = delivery.ticket.offset, failures = delivery.failures,
                   "delivery failed again");
        }
        let sender = self.retries.lock().unwrap_or_else(|p| p.into_inner());
        if sender
            .send((outgoing, delivery, Instant::now() + backoff))
            .is_err()
        {
            error!("retry queue closed during shutdown; the message stays uncommitted and will be reprocessed");
        }
    }

    fn acknowledged(&self, delivery: &Delivery) {
        if delivery.failures > 0 {
            self.health.add_undeliverable(-1);
            self.metrics.undeliverable.dec();
        }
        match delivery.destination {
            Destination::Output => self.metrics.produced.inc(),
            Destination::DeadLetter => {
                let class = delivery
                    .rejection_class
                    .map_or("unknown", RejectionClass::as_str);
                self.metrics.dead_lettered.with_label_values(&[class]).inc();
            }
        }
        if let Some(timestamp_ms) = delivery.input_timestamp_ms {
            let now_ms = chrono::Utc::now().timestamp_millis();
            let seconds = (now_ms - timestamp_ms).max(0) as f64 / 1000.0;
            self.metrics.end_to_end_seconds.observe(seconds);
        }
        if !self.offsets.finish(delivery.ticket) {
            self.metrics.fenced_completions.inc();
            debug!(
                partition = delivery.ticket.partition,
                offset = delivery.ticket.offset,
                "acknowledged after its partition was revoked; commits nothing"
            );
        }
        self.in_flight.release();
    }
}

fn retry_backoff(failures: u32) -> Duration {
    let factor = 1u32 << failures.saturating_sub(1).min(16);
    (RETRY_BACKOFF_FIRST * factor).min(RETRY_BACKOFF_CAP)
}

/// Names of the topics the sink writes to.
#[derive(Debug, Clone)]
pub struct SinkTopics {
    pub output: String,
    pub dead_letter: String,
}

/// Produces stage outcomes. Shared by every stage lane; sending never blocks on the network.
pub struct Sink {
    producer: ThreadedProducer<DeliveryContext>,
    topics: SinkTopics,
    stopping: Arc<AtomicBool>,
    retry_thread: Mutex<Option<JoinHandle<()>>>,
}

impl Sink {
    pub fn new(
        properties: &ClientConfig,
        topics: SinkTopics,
        offsets: Arc<SharedOffsets>,
        in_flight: Arc<InFlight>,
        metrics: Metrics,
        health: Arc<Health>,
    ) -> Result<Self, KafkaError> {
        let (retry_sender, retry_receiver) = mpsc::channel();
        let context = DeliveryContext {
            offsets,
            in_flight,
            metrics,
            health,
            retries: Mutex::new(retry_sender),
        };
        let producer: ThreadedProducer<DeliveryContext> =
            properties.create_with_context(context)?;
        let stopping = Arc::new(AtomicBool::new(false));
        let retry_thread = std::thread::Builder::new()
            .name("wirestream-retry".into())
            .spawn({
                let producer = producer.clone();
                let stopping = stopping.clone();
                move || run_retries(&producer, &retry_receiver, &stopping)
            })
            .map_err(|error| KafkaError::ClientCreation(error.to_string()))?;
        Ok(Self {
            producer,
            topics,
            stopping,
            retry_thread: Mutex::new(Some(retry_thread)),
        })
    }

    /// Produces the stage's outcome for one input: the record, or the input as a dead letter.
    pub fn emit(
        &self,
        input: &OwnedMessage,
        outcome: Result<StoryRecord, Rejection>,
        ticket: Ticket,
    ) {
        let input_timestamp_ms = input.timestamp().to_millis();
        let (outgoing, delivery) = match outcome {
            Ok(record) => (
                self.record_message(input, record),
                Delivery {
                    ticket,
                    destination: Destination::Output,
                    rejection_class: None,
                    input_timestamp_ms,
                    failures: 0,
                },
            ),
            Err(rejection) => (
                self.dead_letter_message(input, &rejection),
                Delivery {
                    ticket,
                    destination: Destination::DeadLetter,
                    rejection_class: Some(rejection.class),
                    input_timestamp_ms,
                    failures: 0,
                },
            ),
        };
        produce(&self.producer, outgoing, Box::new(delivery));
    }

    fn record_message(&self, input: &OwnedMessage, record: StoryRecord) -> Outgoing {
        let mut headers = provenance_headers(input).insert(Header {
            key: "content-type",
            value: Some("application/json"),
        });
        if let Some(input_headers) = input.headers() {
            for header in input_headers.iter() {
                if header.key == HEADER_TRACEPARENT || header.key == HEADER_TRACESTATE {
                    headers = headers.insert(header);
                }
            }
        }
        Outgoing {
            topic: self.topics.output.clone(),
            key: Some(record.uri.into_bytes()),
            payload: Some(record.json),
            headers,
        }
    }

    /// The input exactly as it arrived (key, value, headers) plus `wirestream.errors.*`.
    fn dead_letter_message(&self, input: &OwnedMessage, rejection: &Rejection) -> Outgoing {
        let mut headers = input.headers().cloned().unwrap_or_default();
        let partition = input.partition().to_string();
        let offset = input.offset().to_string();
        for (key, value) in [
            (HEADER_ERROR_CLASS, rejection.class.as_str()),
            (HEADER_ERROR_MESSAGE, rejection.message.as_str()),
            (HEADER_ERROR_STAGE, rejection.step.as_str()),
            (HEADER_ERROR_TOPIC, input.topic()),
            (HEADER_ERROR_PARTITION, partition.as_str()),
            (HEADER_ERROR_OFFSET, offset.as_str()),
        ] {
            headers = headers.insert(Header {
                key,
                value: Some(value),
            });
        }
        Outgoing {
            topic: self.topics.dead_letter.clone(),
            key: input.key().map(<[u8]>::to_vec),
            payload: input.payload().map(<[u8]>::to_vec),
            headers,
        }
    }

    /// Waits for every queued message to be acknowledged, up to `timeout`.
    pub fn flush(&self, timeout: Duration) -> Result<(), KafkaError> {
        self.producer.flush(timeout)
    }

    /// Stops re-producing failed deliveries; used once shutdown has given up on them.
    pub fn stop_retries(&self) {
        self.stopping.store(true, Ordering::Release);
        let handle = self
            .retry_thread
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(handle) = handle {
            if handle.join().is_err() {
                error!("the retry thread panicked");
            }
        }
    }
}

fn provenance_headers(input: &OwnedMessage) -> OwnedHeaders {
    let partition = input.partition().to_string();
    let offset = input.offset().to_string();
    OwnedHeaders::new_with_capacity(6)
        .insert(Header {
            key: HEADER_SOURCE_TOPIC,
            value: Some(input.topic()),
        })
        .insert(Header {
            key: HEADER_SOURCE_PARTITION,
            value: Some(partition.as_str()),
        })
        .insert(Header {
            key: HEADER_SOURCE_OFFSET,
            value: Some(offset.as_str()),
        })
}

/// Hands a message to librdkafka, waiting while its queue is full. Any other immediate error is
/// routed through the same failure path as a failed delivery.
fn produce(
    producer: &ThreadedProducer<DeliveryContext>,
    outgoing: Outgoing,
    mut delivery: Box<Delivery>,
) {
    let refused = loop {
        let mut record =
            BaseRecord::with_opaque_to(&outgoing.topic, delivery).headers(outgoing.headers.clone());
        if let Some(key) = &outgoing.key {
            record = record.key(key);
        }
        if let Some(payload) = &outgoing.payload {
            record = record.payload(payload);
        }
        match producer.send(record) {
            Ok(()) => return,
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), record)) => {
                delivery = record.delivery_opaque;
                std::thread::sleep(QUEUE_FULL_BACKOFF);
            }
            Err((error, record)) => break (error, record.delivery_opaque),
        }
    };
    let (error, delivery) = refused;
    producer
        .context()
        .schedule_retry(outgoing, delivery, &error);
}

/// Re-produces failed messages in the order they failed, each after its backoff.
fn run_retries(
    producer: &ThreadedProducer<DeliveryContext>,
    retries: &Receiver<Retry>,
    stopping: &AtomicBool,
) {
    const STOP_CHECK: Duration = Duration::from_millis(100);
    while !stopping.load(Ordering::Acquire) {
        let (outgoing, delivery, not_before) = match retries.recv_timeout(STOP_CHECK) {
            Ok(retry) => retry,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        while Instant::now() < not_before {
            if stopping.load(Ordering::Acquire) {
                return;
            }
            std::thread::sleep((not_before - Instant::now()).min(STOP_CHECK));
        }
        produce(producer, outgoing, delivery);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_backoff_doubles_up_to_the_cap() {
        assert_eq!(retry_backoff(1), Duration::from_millis(200));
        assert_eq!(retry_backoff(2), Duration::from_millis(400));
        assert_eq!(retry_backoff(5), Duration::from_millis(3200));
        assert_eq!(retry_backoff(9), RETRY_BACKOFF_CAP);
        assert_eq!(retry_backoff(u32::MAX), RETRY_BACKOFF_CAP);
    }
}
