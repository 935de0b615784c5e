//! Every Prometheus series wirestream exports, in one registry.
//!
//! The README's metrics reference lists the same names; the dashboard and alert rules use them.

use prometheus::{
    Encoder, Histogram, HistogramOpts, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};

use crate::story::RejectionClass;

/// Latency buckets from 100 µs to 30 s: the stage is sub-millisecond, end-to-end spans seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0, 30.0,
];

/// Where a produced message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Output,
    DeadLetter,
}

impl Destination {
    pub fn as_str(self) -> &'static str {
        match self {
            Destination::Output => "output",
            Destination::DeadLetter => "dead_letter",
        }
    }
}

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    pub consumed: IntCounter,
    pub produced: IntCounter,
    pub dead_lettered: IntCounterVec,
    pub delivery_failures: IntCounterVec,
    pub undeliverable: IntGauge,
    pub stage_seconds: Histogram,
    pub end_to_end_seconds: Histogram,
    pub in_flight: IntGauge,
    pub committed_offset: IntGaugeVec,
    pub consumer_lag: IntGaugeVec,
    pub commits: IntCounterVec,
    pub rebalances: IntCounterVec,
    pub producer_queue: IntGauge,
    pub paused_partitions: IntGauge,
    pub fenced_completions: IntCounter,
    pub related_stories: IntCounterVec,
    pub history_stories: IntGauge,
    pub history_rebuilt: IntCounter,
    pub ready: IntGauge,
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let metrics = Self {
            consumed: IntCounter::new(
                "wirestream_messages_consumed_total",
                "Messages read from the input topic.",
            )
            .expect("valid metric"),
            produced: IntCounter::new(
                "wirestream_records_produced_total",
                "Story records acknowledged by the broker on the output topic.",
            )
            .expect("valid metric"),
            dead_lettered: IntCounterVec::new(
                Opts::new(
                    "wirestream_dead_letters_total",
                    "Inputs acknowledged on the dead-letter topic, by rejection class.",
                ),
                &["class"],
            )
            .expect("valid metric"),
            delivery_failures: IntCounterVec::new(
                Opts::new(
                    "wirestream_delivery_failures_total",
                    "Produce attempts that failed after librdkafka's own retries; each is retried.",
                ),
                &["destination"],
            )
            .expect("valid metric"),
            undeliverable: IntGauge::new(
                "wirestream_undeliverable_messages",
                "Messages whose delivery failed and is being retried; they hold their partition's commit.",
            )
            .expect("valid metric"),
            stage_seconds: Histogram::with_opts(
                HistogramOpts::new(
                    "wirestream_stage_duration_seconds",
                    "Time the story stage spent on one message (its share of the batch it was processed in).",
                )
                .buckets(LATENCY_BUCKETS.to_vec()),
            )
            .expect("valid metric"),
            end_to_end_seconds: Histogram::with_opts(
                HistogramOpts::new(
                    "wirestream_end_to_end_latency_seconds",
                    "From the input message's timestamp to the broker's acknowledgement of its output.",
                )
                .buckets(LATENCY_BUCKETS.to_vec()),
            )
            .expect("valid metric"),
            in_flight: IntGauge::new(
                "wirestream_in_flight_messages",
                "Messages consumed and not yet acknowledged on the output or dead-letter topic.",
            )
            .expect("valid metric"),
            committed_offset: IntGaugeVec::new(
                Opts::new(
                    "wirestream_committed_offset",
                    "Last offset committed for an owned input partition (next offset to read).",
                ),
                &["topic", "partition"],
            )
            .expect("valid metric"),
            consumer_lag: IntGaugeVec::new(
                Opts::new(
                    "wirestream_consumer_lag_messages",
                    "High watermark minus committed offset, per owned input partition.",
                ),
                &["topic", "partition"],
            )
            .expect("valid metric"),
            commits: IntCounterVec::new(
                Opts::new(
                    "wirestream_offset_commits_total",
                    "Offset commit requests, by result.",
                ),
                &["result"],
            )
            .expect("valid metric"),
            rebalances: IntCounterVec::new(
                Opts::new(
                    "wirestream_rebalances_total",
                    "Consumer-group rebalance events, by kind (assign, revoke).",
                ),
                &["kind"],
            )
            .expect("valid metric"),
            producer_queue: IntGauge::new(
                "wirestream_producer_queue_messages",
                "Messages in the producer's queue waiting for the broker.",
            )
            .expect("valid metric"),
            paused_partitions: IntGauge::new(
                "wirestream_paused_partitions",
                "Input partitions paused because their in-flight bound is reached (backpressure).",
            )
            .expect("valid metric"),
            fenced_completions: IntCounter::new(
                "wirestream_fenced_completions_total",
                "Outputs acknowledged after their partition was revoked; they commit nothing.",
            )
            .expect("valid metric"),
            related_stories: IntCounterVec::new(
                Opts::new(
                    "wirestream_related_stories_total",
                    "Stories that duplicate or supersede one in the history, by relation (duplicate, version).",
                ),
                &["relation"],
            )
            .expect("valid metric"),
            history_stories: IntGauge::new(
                "wirestream_history_stories",
                "Stories remembered for finding duplicates and versions.",
            )
            .expect("valid metric"),
            history_rebuilt: IntCounter::new(
                "wirestream_history_rebuilt_stories_total",
                "Records read back from the output topic into the history at start.",
            )
            .expect("valid metric"),
            ready: IntGauge::new(
                "wirestream_ready",
                "1 when /readyz answers 200 (group joined, brokers reachable, nothing stuck in delivery), else 0.",
            )
            .expect("valid metric"),
            registry,
        };
        metrics.register_all();
        metrics
    }

    fn register_all(&self) {
        let build_info = IntGaugeVec::new(
            Opts::new(
                "wirestream_build_info",
                "Build information; the value is always 1.",
            ),
            &["version"],
        )
        .expect("valid metric");
        build_info
            .with_label_values(&[env!("CARGO_PKG_VERSION")])
            .set(1);
        let collectors: Vec<Box<dyn prometheus::core::Collector>> = vec![
            Box::new(self.consumed.clone()),
            Box::new(self.produced.clone()),
            Box::new(self.dead_lettered.clone()),
            Box::new(self.delivery_failures.clone()),
            Box::new(self.undeliverable.clone()),
            Box::new(self.stage_seconds.clone()),
            Box::new(self.end_to_end_seconds.clone()),
            Box::new(self.in_flight.clone()),
            Box::new(self.committed_offset.clone()),
            Box::new(self.consumer_lag.clone()),
            Box::new(self.commits.clone()),
            Box::new(self.rebalances.clone()),
            Box::new(self.producer_queue.clone()),
            Box::new(self.paused_partitions.clone()),
            Box::new(self.fenced_completions.clone()),
            Box::new(self.related_stories.clone()),
            Box::new(self.history_stories.clone()),
            Box::new(self.history_rebuilt.clone()),
            Box::new(self.ready.clone()),
            Box::new(build_info),
        ];
        // process_resident_memory_bytes, process_cpu_seconds_total, open file descriptors, …
        #[cfg(target_os = "linux")]
        self.registry
            .register(Box::new(
                prometheus::process_collector::ProcessCollector::for_self(),
            ))
            .expect("the process collector registers once");
        for collector in collectors {
            self.registry
                .register(collector)
                .expect("metric names are unique");
        }
        for class in RejectionClass::ALL {
            self.dead_lettered.with_label_values(&[class.as_str()]);
        }
        for relation in ["duplicate", "version"] {
            self.related_stories.with_label_values(&[relation]);
        }
        for destination in [Destination::Output, Destination::DeadLetter] {
            self.delivery_failures
                .with_label_values(&[destination.as_str()]);
        }
        for result in ["ok", "error"] {
            self.commits.with_label_values(&[result]);
        }
        for kind in ["assign", "revoke"] {
            self.rebalances.with_label_values(&[kind]);
        }
    }

    /// Stops exporting a partition's series once this worker no longer owns it.
    pub fn forget_partition(&self, topic: &str, partition: i32) {
        let partition = partition.to_string();
        let _ = self
            .committed_offset
            .remove_label_values(&[topic, &partition]);
        let _ = self.consumer_lag.remove_label_values(&[topic, &partition]);
    }

    /// The Prometheus text exposition of every series.
    pub fn render(&self) -> String {
        let mut buffer = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buffer)
            .expect("text encoding into a Vec cannot fail");
        String::from_utf8(buffer).expect("the text format is UTF-8")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}
