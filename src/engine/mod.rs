//! The engine: Kafka in → parallel stage → Kafka out, at least once.
//!
//! A message's path: [`source::Intake`] receives it and starts its offset in
//! [`offsets::SharedOffsets`] → [`stage::ParallelStage`] runs the story stage on a lane →
//! [`sink::Sink`] produces the record or dead letter → the delivery callback finishes the offset →
//! the next commit includes it once every earlier offset of its partition is finished too.
//! [`run`] wires these together and owns the orderly stop.

mod history;
mod in_flight;
pub mod offsets;
pub mod shutdown;
pub mod sink;
pub mod source;
pub mod stage;

use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context};
use rdkafka::consumer::{Consumer, StreamConsumer};
use tokio::sync::watch;
use tracing::{info, warn};

use crate::config::Config;
use crate::story::StoryStage;
use crate::telemetry::health::Health;
use crate::telemetry::metrics::Metrics;
use in_flight::InFlight;
use offsets::SharedOffsets;
use sink::{Sink, SinkTopics};
use source::{Committer, Intake, IntakeLimits, SourceContext};
use stage::ParallelStage;

/// Runs the worker until `stop` turns true, then drains, commits and flushes within
/// `engine.shutdown_timeout_ms`. Returns an error if that budget ran out with messages still
/// unacknowledged (they stay uncommitted and will be reprocessed, so nothing is lost).
pub async fn run(
    config: &Config,
    metrics: Metrics,
    health: Arc<Health>,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let offsets = Arc::new(SharedOffsets::default());
    let in_flight = Arc::new(InFlight::new(metrics.in_flight.clone()));
    let sink = Arc::new(
        Sink::new(
            &config.producer_properties(),
            SinkTopics {
                output: config.topics.output.clone(),
                dead_letter: config.topics.dead_letter.clone(),
            },
            offsets.clone(),
            in_flight.clone(),
            metrics.clone(),
            health.clone(),
        )
        .context("creating the producer")?,
    );
    let consumer: Arc<StreamConsumer<SourceContext>> = config
        .consumer_properties()
        .create_with_context(SourceContext::new(
            config.topics.input.clone(),
            offsets.clone(),
            metrics.clone(),
            health.clone(),
            config.drain_timeout(),
        ))
        .map(Arc::new)
        .context("creating the consumer")?;
    let story_stage = StoryStage::new(config.stage_settings());
    {
        let (config, story_stage, metrics, stop) = (
            config.clone(),
            story_stage.clone(),
            metrics.clone(),
            stop.clone(),
        );
        tokio::task::spawn_blocking(move || {
            history::rebuild(&config, story_stage.history(), &metrics, &stop)
        })
        .await
        .context("rebuilding the history")?;
    }
    // The group is joined only once the history is back: no message is processed without it.
    consumer
        .subscribe(&[&config.topics.input])
        .context("subscribing to the input topic")?;
    let workers = config.stage_workers();
    let stage = ParallelStage::start(
        workers,
        config.engine.stage_batch,
        story_stage,
        sink.clone(),
        metrics.clone(),
    )
    .context("starting the stage threads")?;
    info!(input = %config.topics.input, output = %config.topics.output,
          dead_letter = %config.topics.dead_letter, workers,
          stage_batch = config.engine.stage_batch, "worker started");

    let limits = IntakeLimits {
        max_in_flight: config.engine.max_in_flight,
        max_in_flight_per_partition: config.engine.max_in_flight_per_partition,
        commit_interval: config.commit_interval(),
    };
    let committer = Committer {
        topic: config.topics.input.clone(),
        offsets: offsets.clone(),
        metrics: metrics.clone(),
    };
    let mut intake = Intake::new(
        consumer.clone(),
        committer.clone(),
        in_flight.clone(),
        &stage,
        limits,
    );
    intake.run(stop).await;
    drop(intake);
    let stopping_since = Instant::now();
    info!("stopping: intake closed, draining in-flight messages");

    let budget = config.shutdown_timeout();
    let remaining = |since: Instant| budget.saturating_sub(since.elapsed());
    let unacknowledged =
        shutdown::block_in_place(|| offsets.wait_drained(None, remaining(stopping_since)));
    shutdown::block_in_place(|| committer.commit(&*consumer, None));
    let flushed = shutdown::block_in_place(|| sink.flush(remaining(stopping_since)));
    sink.stop_retries();
    stage.stop();
    health.set_consumer_joined(false);
    // Forget every partition before closing, so the revoke that closing triggers neither waits
    // for stragglers a second time nor commits anything after the final commit above.
    {
        let mut tracker = offsets.lock();
        for partition in tracker.owned_partitions() {
            tracker.revoke(partition);
        }
    }
    drop(consumer);
    if unacknowledged > 0 {
        bail!("shutdown timed out with {unacknowledged} messages unacknowledged; they were not committed and will be reprocessed");
    }
    if let Err(error) = flushed {
        warn!(%error, "producer flush did not complete");
    }
    info!(
        elapsed_ms = stopping_since.elapsed().as_millis() as u64,
        "stopped cleanly"
    );
    Ok(())
}
