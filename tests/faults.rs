//! The worker under failure: crashes, signals, broker outages and group changes. In every case
//! each input offset reaches the output or the dead letters at least once.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use support::broker::Broker;
use support::kafka::committed_offsets;
use support::proxy::Proxy;
use support::scenario::{
    assert_none_missing, feed_stories, positions, spec, topics, wait_committed_to_end,
};
use support::worker::Worker;
use support::{free_port, wait_for};

fn wait_produced(worker: &Worker, at_least: f64, timeout: Duration) {
    wait_for(&format!("{at_least} records produced"), timeout, || {
        let produced = worker.metric("wirestream_records_produced_total")?;
        (produced >= at_least).then_some(())
    });
}

/// Test 2: `kill -9` in the middle of a stream of thousands, then a restart: nothing is missing.
#[test]
fn kill_9_mid_stream_then_restart_loses_nothing() {
    let broker = Broker::start();
    let topics = topics(&broker, 4);
    let feeder = feed_stories(&broker, &topics, 4000, 200, 60);
    let spec = spec(&broker, &topics);
    let mut worker = spec.spawn();
    wait_produced(&worker, 800.0, Duration::from_secs(60));
    worker.kill_9();
    let end = feeder.join();
    assert_eq!(end.values().sum::<i64>(), 4000);
    let committed = committed_offsets(&broker.bootstrap, &topics.group, &topics.input);
    assert!(
        committed.iter().any(|(p, c)| *c < end[p]),
        "the crash must come before the end: {committed:?}"
    );

    let _restarted = spec.spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(90));
    let (outputs, _) = assert_none_missing(&broker, &topics, &end);
    assert!(outputs.len() >= 4000, "at least once: {}", outputs.len());
}

/// Test 6: SIGTERM under load exits 0 within the timeout; after a restart nothing acknowledged
/// before the signal is processed again, so with a clean stop every input is output exactly once.
#[test]
fn sigterm_under_load_exits_zero_and_nothing_acknowledged_is_redone() {
    let broker = Broker::start();
    let topics = topics(&broker, 3);
    let feeder = feed_stories(&broker, &topics, 3000, 150, 60);
    // Small in-flight bounds leave a backlog at the signal, which must not be committed.
    let spec = spec(&broker, &topics)
        .set("WIRESTREAM_ENGINE_SHUTDOWN_TIMEOUT_MS", 10_000)
        .set("WIRESTREAM_ENGINE_MAX_IN_FLIGHT", 120)
        .set("WIRESTREAM_ENGINE_MAX_IN_FLIGHT_PER_PARTITION", 40);
    let mut worker = spec.spawn();
    wait_produced(&worker, 600.0, Duration::from_secs(60));
    worker.signal(15);
    let (status, took) = worker.wait_exit(Duration::from_secs(20));
    assert_eq!(
        status.code(),
        Some(0),
        "exit code after SIGTERM; log:\n{}",
        worker.log()
    );
    assert!(
        took < Duration::from_secs(10),
        "stopped within the shutdown timeout: {took:?}"
    );
    let committed_at_stop = committed_offsets(&broker.bootstrap, &topics.group, &topics.input);
    let end = feeder.join();
    assert!(
        committed_at_stop.iter().any(|(p, c)| *c < end[p]),
        "the signal must come before the end"
    );

    let _restarted = spec.spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(90));
    let (outputs, _) = assert_none_missing(&broker, &topics, &end);
    let mut seen: BTreeMap<(i32, i64), usize> = BTreeMap::new();
    for record in &outputs {
        *seen.entry(record.source_position()).or_default() += 1;
    }
    let redone: Vec<_> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(p, _)| *p)
        .collect();
    assert!(
        redone.is_empty(),
        "reprocessed after a clean stop: {:?}",
        &redone[..redone.len().min(10)]
    );
    assert_eq!(outputs.len(), 3000);
}

/// Test 4: the broker becomes unreachable and comes back. Readiness reports the outage, the
/// worker recovers by itself, and no input offset is skipped.
#[test]
fn broker_outage_is_survived_without_loss() {
    let proxy_port = free_port();
    let broker_port = free_port();
    let broker = Broker::start_advertising(broker_port, proxy_port);
    let proxy = Proxy::start(proxy_port, broker_port);
    let topics = topics(&broker, 3);
    let feeder = feed_stories(&broker, &topics, 3000, 150, 40);
    let worker = spec(&broker, &topics).spawn();
    worker.wait_ready(Duration::from_secs(30));
    wait_produced(&worker, 300.0, Duration::from_secs(60));
    let end = feeder.join();

    proxy.cut();
    let cut_at = Instant::now();
    wait_for(
        "/readyz to report the outage",
        Duration::from_secs(15),
        || (!worker.is_ready()).then_some(()),
    );
    let (_, readiness) = worker.get("/readyz").unwrap();
    assert!(
        readiness.contains("\"connected\":false") || readiness.contains("_connected\":false"),
        "{readiness}"
    );
    std::thread::sleep(Duration::from_secs(8).saturating_sub(cut_at.elapsed()));
    proxy.restore();

    worker.wait_ready(Duration::from_secs(60));
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(120));
    let (outputs, dead) = assert_none_missing(&broker, &topics, &end);
    assert!(dead.is_empty());
    assert!(positions(&outputs).len() == 3000);
    wait_for("retries to settle", Duration::from_secs(20), || {
        (worker.metric("wirestream_undeliverable_messages")? == 0.0).then_some(())
    });
    assert!(worker.is_ready());
}

/// Test 5: a second worker joins the group mid-stream and later leaves. Nothing is lost, and the
/// group's committed offsets never move backwards (a commit by a worker for a partition it no
/// longer owns would show as a step back once the new owner has committed further).
#[test]
fn a_second_worker_joins_and_leaves_without_loss() {
    let broker = Broker::start();
    let topics = topics(&broker, 6);
    // Fed over about 15 s, so that there is still work when the second worker has joined.
    let feeder = feed_stories(&broker, &topics, 6000, 40, 100);
    let spec = spec(&broker, &topics);

    let (stop_sampling, samples) = std::sync::mpsc::channel::<()>();
    let sampler = {
        let (bootstrap, group, input) = (
            broker.bootstrap.clone(),
            topics.group.clone(),
            topics.input.clone(),
        );
        std::thread::spawn(move || {
            let mut highest: BTreeMap<i32, i64> = BTreeMap::new();
            let mut regressions = Vec::new();
            while samples.try_recv().is_err() {
                for (partition, offset) in committed_offsets(&bootstrap, &group, &input) {
                    let previous = highest.entry(partition).or_insert(offset);
                    if offset < *previous {
                        regressions.push((partition, *previous, offset));
                    }
                    *previous = (*previous).max(offset);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            regressions
        })
    };

    let first = spec.spawn();
    wait_produced(&first, 500.0, Duration::from_secs(60));
    let mut second = spec.spawn();
    wait_for(
        "the second worker to get partitions and work",
        Duration::from_secs(60),
        || (second.metric("wirestream_records_produced_total")? > 0.0).then_some(()),
    );
    let first_revokes = first
        .metric("wirestream_rebalances_total{kind=\"revoke\"}")
        .unwrap_or_default();
    assert!(
        first_revokes >= 1.0,
        "the first worker gave up partitions when the second joined"
    );
    std::thread::sleep(Duration::from_secs(2));
    second.signal(15);
    let (status, _) = second.wait_exit(Duration::from_secs(30));
    assert_eq!(
        status.code(),
        Some(0),
        "the leaving worker stops cleanly; log:\n{}",
        second.log()
    );

    let end = feeder.join();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(120));
    stop_sampling.send(()).unwrap();
    let regressions = sampler.join().unwrap();
    assert!(
        regressions.is_empty(),
        "committed offsets moved backwards (partition, from, to): {regressions:?}"
    );
    assert_none_missing(&broker, &topics, &end);
}
