//! Fault injection with rdkafka's in-process MockCluster (a complement to the real broker): the
//! output topic's leader goes away for longer than `message.timeout.ms`. Deliveries fail, are
//! produced again until they succeed, hold their partition's commit meanwhile, show in metrics
//! and `/readyz`, and nothing is dropped.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::mocking::{MockCluster, MockCoordinator};
use rdkafka::producer::{BaseRecord, DefaultProducerContext, Producer, ThreadedProducer};
use rdkafka::{ClientConfig, Offset, TopicPartitionList};
use tokio::sync::watch;

use wirestream::config::Config;
use wirestream::engine;
use wirestream::telemetry::health::Health;
use wirestream::telemetry::metrics::Metrics;

const INPUT: &str = "raw";
const OUTPUT: &str = "ninjs";
const DEAD_LETTER: &str = "dlq";
const GROUP: &str = "mock-group";
const INPUTS: i64 = 60;

fn config(bootstrap: &str) -> Config {
    let environment = [
        ("WIRESTREAM_KAFKA_BROKERS", bootstrap),
        ("WIRESTREAM_KAFKA_GROUP_ID", GROUP),
        ("WIRESTREAM_TOPICS_INPUT", INPUT),
        ("WIRESTREAM_TOPICS_OUTPUT", OUTPUT),
        ("WIRESTREAM_TOPICS_DEAD_LETTER", DEAD_LETTER),
        ("WIRESTREAM_KAFKA_CONSUMER_SESSION_TIMEOUT_MS", "6000"),
        ("WIRESTREAM_KAFKA_CONSUMER_MAX_POLL_INTERVAL_MS", "6000"),
        ("WIRESTREAM_KAFKA_PRODUCER_MESSAGE_TIMEOUT_MS", "1000"),
        ("WIRESTREAM_ENGINE_DRAIN_TIMEOUT_MS", "2000"),
        ("WIRESTREAM_ENGINE_COMMIT_INTERVAL_MS", "100"),
        ("WIRESTREAM_ENGINE_STATS_INTERVAL_MS", "200"),
        // The output's leader is down from the start: the history read-back gives up quickly.
        ("WIRESTREAM_HISTORY_REBUILD_TIMEOUT_MS", "2000"),
        ("WIRESTREAM_METRICS_LISTEN", "127.0.0.1:0"),
    ];
    Config::load(None, environment.map(|(k, v)| (k.to_owned(), v.to_owned()))).expect("test config")
}

fn committed(bootstrap: &str) -> i64 {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", GROUP)
        .create()
        .unwrap();
    let mut list = TopicPartitionList::new();
    list.add_partition(INPUT, 0);
    match consumer.committed_offsets(list, Duration::from_secs(5)) {
        Ok(list) => match list.elements()[0].offset() {
            Offset::Offset(offset) => offset,
            _ => -1,
        },
        Err(_) => -1,
    }
}

fn output_positions(bootstrap: &str) -> BTreeSet<i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", "reader")
        .create()
        .unwrap();
    let mut list = TopicPartitionList::new();
    list.add_partition_offset(OUTPUT, 0, Offset::Beginning)
        .unwrap();
    consumer.assign(&list).unwrap();
    let mut seen = BTreeSet::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline && (seen.len() as i64) < INPUTS {
        if let Some(Ok(message)) = consumer.poll(Duration::from_millis(100)) {
            let offset = message
                .headers()
                .and_then(|h| h.iter().find(|h| h.key == "wirestream.source.offset"))
                .and_then(|h| std::str::from_utf8(h.value?).ok()?.parse().ok())
                .expect("provenance header");
            seen.insert(offset);
        }
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undeliverable_output_blocks_the_commit_until_it_is_delivered() {
    let cluster = MockCluster::new(2).expect("mock cluster");
    let bootstrap = cluster.bootstrap_servers();
    cluster.create_topic(INPUT, 1, 1).unwrap();
    cluster.partition_leader(INPUT, 0, Some(1)).unwrap();
    for topic in [OUTPUT, DEAD_LETTER] {
        cluster.create_topic(topic, 1, 1).unwrap();
        cluster.partition_leader(topic, 0, Some(2)).unwrap();
    }
    cluster
        .coordinator(MockCoordinator::Group(GROUP.into()), 1)
        .unwrap();

    let producer: ThreadedProducer<DefaultProducerContext> = ClientConfig::new()
        .set("bootstrap.servers", &bootstrap)
        .create()
        .unwrap();
    for index in 0..INPUTS {
        let story = format!("Ferry strike day {index}\n\nBy Ana Costa\n\nLISBON (Wire) — Ferries stopped on day {index} of the strike.");
        producer
            .send(BaseRecord::<(), str>::to(INPUT).payload(&story))
            .unwrap();
    }
    producer.flush(Duration::from_secs(10)).unwrap();

    // The output's leader is down before the worker starts: nothing can be delivered.
    cluster.broker_down(2).unwrap();
    let config = config(&bootstrap);
    let metrics = Metrics::new();
    let health = Arc::new(Health::default());
    let (stop_sender, stop) = watch::channel(false);
    let worker = tokio::spawn({
        let (metrics, health) = (metrics.clone(), health.clone());
        async move { engine::run(&config, metrics, health, stop).await }
    });

    let deadline = Instant::now() + Duration::from_secs(30);
    while metrics
        .delivery_failures
        .with_label_values(&["output"])
        .get()
        == 0
    {
        assert!(
            Instant::now() < deadline,
            "no delivery failure was reported"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(metrics.undeliverable.get() > 0);
    assert!(
        !health.readiness().ready,
        "not ready while messages cannot be delivered"
    );
    assert_eq!(metrics.produced.get(), 0);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let held = committed(&bootstrap);
    assert!(held <= 0, "the commit passed undelivered output: {held}");

    cluster.broker_up(2).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while committed(&bootstrap) != INPUTS {
        assert!(
            Instant::now() < deadline,
            "commits did not reach the end after recovery"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(metrics.undeliverable.get(), 0);
    assert_eq!(metrics.produced.get(), INPUTS as u64);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !health.readiness().ready {
        assert!(
            Instant::now() < deadline,
            "ready again after recovery: {:?}",
            health.readiness()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let positions = tokio::task::spawn_blocking(move || output_positions(&bootstrap))
        .await
        .unwrap();
    assert_eq!(
        positions,
        (0..INPUTS).collect::<BTreeSet<_>>(),
        "every input delivered"
    );

    stop_sender.send(true).unwrap();
    worker.await.unwrap().expect("clean stop");
}
