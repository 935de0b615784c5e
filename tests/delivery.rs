//! The worker against a real Kafka-protocol broker: what goes in comes out, exactly.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use support::broker::Broker;
use support::kafka::{committed_offsets, produce_all, read_topic, Input, Record};
use support::stories::{bad_inputs, json_story, text_story};
use support::worker::WorkerSpec;
use support::{unique, wait_for};

const TOO_LARGE_LIMIT: usize = 64 * 1024;

struct Topics {
    input: String,
    output: String,
    dead_letter: String,
    group: String,
}

fn topics(broker: &Broker, partitions: i32) -> Topics {
    let topics = Topics {
        input: unique("raw"),
        output: unique("ninjs"),
        dead_letter: unique("dlq"),
        group: unique("group"),
    };
    broker.create_topic(&topics.input, partitions);
    broker.create_topic(&topics.output, 3);
    broker.create_topic(&topics.dead_letter, 1);
    topics
}

fn spec(broker: &Broker, topics: &Topics) -> WorkerSpec {
    WorkerSpec::new(
        &broker.bootstrap,
        &topics.group,
        &topics.input,
        &topics.output,
        &topics.dead_letter,
    )
    .set("WIRESTREAM_STORY_MAX_MESSAGE_BYTES", TOO_LARGE_LIMIT)
}

fn ninjs_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/specs/ninjs/ninjs-schema_2.2.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .with_resource(
            "https://geojson.org/schema/GeoJSON.json",
            jsonschema::Resource::from_contents(serde_json::json!({})),
        )
        .build(&schema)
        .expect("the ninjs schema compiles")
}

/// Waits until the group's committed offsets equal the input's end offsets (partitions without
/// input must have no commit).
fn wait_committed_to_end(
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
fn all_positions(end: &BTreeMap<i32, i64>) -> BTreeSet<(i32, i64)> {
    end.iter()
        .flat_map(|(p, e)| (0..*e).map(move |o| (*p, o)))
        .collect()
}

fn positions(records: &[Record]) -> BTreeSet<(i32, i64)> {
    records.iter().map(Record::source_position).collect()
}

/// Test 1: good and bad inputs mixed → exactly the good ones as schema-valid ninjs, exactly the
/// bad ones as unchanged dead letters with their class, commits at the end.
#[test]
fn good_and_bad_inputs_reach_exactly_their_topics() {
    let broker = Broker::start();
    let topics = topics(&broker, 3);
    let bad = bad_inputs(TOO_LARGE_LIMIT);
    let mut inputs = Vec::new();
    let mut expected_class = BTreeMap::new();
    for index in 0..120 {
        let value = if index % 2 == 0 {
            json_story(
                &format!("id-{index}"),
                &format!("Harbour reopens, part {index}"),
                index % 5,
            )
        } else {
            text_story(&format!("Council passes budget, part {index}"))
        };
        inputs.push(Input {
            key: Some(format!("key-{}", index % 17).into_bytes()),
            value,
            headers: vec![(
                "traceparent".into(),
                format!("00-{index:032x}-{index:016x}-01").into_bytes(),
            )],
            partition: None,
        });
        if index % 10 == 5 {
            let (value, class) = &bad[(index / 10) % bad.len()];
            let key = format!("bad-{index}").into_bytes();
            expected_class.insert(key.clone(), *class);
            inputs.push(Input {
                key: Some(key),
                value: value.clone(),
                headers: vec![("origin".into(), b"fetcher-7".to_vec())],
                partition: None,
            });
        }
    }
    let good = inputs.len() - expected_class.len();
    let end = produce_all(&broker.bootstrap, &topics.input, &inputs);
    assert_eq!(end.values().sum::<i64>() as usize, inputs.len());

    let _worker = spec(&broker, &topics).spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(60));

    let outputs = read_topic(
        &broker.bootstrap,
        &topics.output,
        good,
        Duration::from_secs(30),
    );
    let dead = read_topic(
        &broker.bootstrap,
        &topics.dead_letter,
        expected_class.len(),
        Duration::from_secs(30),
    );
    assert_eq!(
        outputs.len(),
        good,
        "exactly the good inputs are in the output topic"
    );
    assert_eq!(
        dead.len(),
        expected_class.len(),
        "exactly the bad inputs are dead letters"
    );
    assert_eq!(
        positions(&outputs).len() + positions(&dead).len(),
        inputs.len()
    );
    assert_eq!(
        &positions(&outputs) | &positions(&dead),
        all_positions(&end),
        "every input offset is accounted for"
    );

    let validator = ninjs_validator();
    for record in &outputs {
        let json: serde_json::Value =
            serde_json::from_slice(record.value.as_deref().unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "invalid ninjs {json}: {errors:?}");
        assert_eq!(
            record.key.as_deref(),
            json["uri"].as_str().map(str::as_bytes),
            "key is the uri"
        );
        assert_eq!(
            record.header("wirestream.source.topic"),
            Some(topics.input.as_str())
        );
        let (_, offset) = record.source_position();
        assert!(offset >= 0);
        assert!(
            record
                .header("traceparent")
                .is_some_and(|t| t.starts_with("00-")),
            "traceparent passed through"
        );
    }

    let by_key: BTreeMap<Vec<u8>, &Input> = inputs
        .iter()
        .filter_map(|i| Some((i.key.clone()?, i)))
        .collect();
    for record in &dead {
        let key = record.key.clone().expect("the original key is kept");
        let original = by_key[&key];
        assert_eq!(
            record.value.as_deref().unwrap_or_default(),
            &original.value[..],
            "value unchanged"
        );
        assert_eq!(
            record.header("origin"),
            Some("fetcher-7"),
            "original headers kept"
        );
        assert_eq!(
            record.header("wirestream.errors.class"),
            Some(expected_class[&key])
        );
        assert!(!record
            .header("wirestream.errors.message")
            .unwrap_or_default()
            .is_empty());
        assert!(record.header("wirestream.errors.stage").is_some());
        assert_eq!(
            record.header("wirestream.errors.topic"),
            Some(topics.input.as_str())
        );
    }
}

/// Test 8: the metrics show the run's exact counts, and /readyz flips from 503 to 200.
#[test]
fn metrics_and_readiness_reflect_the_run() {
    let broker = Broker::start();
    let topics = topics(&broker, 2);
    let worker = spec(&broker, &topics)
        .set("WIRESTREAM_ENGINE_WORKERS", 3)
        .spawn();
    let (status, body) = worker.get("/readyz").expect("readyz answers");
    assert_eq!(status, 503, "not ready before the group is joined: {body}");
    worker.wait_ready(Duration::from_secs(30));

    let bad = bad_inputs(TOO_LARGE_LIMIT);
    let mut inputs: Vec<Input> = (0..50)
        .map(|i| Input {
            value: json_story(&format!("m-{i}"), &format!("Story {i}"), 1),
            partition: Some(i % 2),
            ..Input::default()
        })
        .collect();
    for (index, (value, _)) in bad.iter().enumerate() {
        inputs.push(Input {
            value: value.clone(),
            partition: Some(index as i32 % 2),
            ..Input::default()
        });
    }
    let end = produce_all(&broker.bootstrap, &topics.input, &inputs);
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(60));

    let total = inputs.len() as f64;
    wait_for("the counters to settle", Duration::from_secs(10), || {
        (worker.metric("wirestream_messages_consumed_total") == Some(total)).then_some(())
    });
    assert_eq!(
        worker.metric("wirestream_records_produced_total"),
        Some(50.0)
    );
    let mut per_class: BTreeMap<&str, f64> = BTreeMap::new();
    for (_, class) in &bad {
        *per_class.entry(class).or_default() += 1.0;
    }
    for (class, count) in per_class {
        assert_eq!(
            worker.metric(&format!(
                "wirestream_dead_letters_total{{class=\"{class}\"}}"
            )),
            Some(count),
            "{class}"
        );
    }
    assert_eq!(
        worker.metric("wirestream_dead_letters_total{class=\"internal\"}"),
        Some(0.0)
    );
    assert_eq!(worker.metric("wirestream_in_flight_messages"), Some(0.0));
    assert_eq!(
        worker.metric("wirestream_stage_duration_seconds_count"),
        Some(total)
    );
    assert_eq!(
        worker.metric("wirestream_end_to_end_latency_seconds_count"),
        Some(total)
    );
    assert_eq!(
        worker.metric("wirestream_undeliverable_messages"),
        Some(0.0)
    );
    assert!(
        worker
            .metric("wirestream_rebalances_total{kind=\"assign\"}")
            .unwrap_or_default()
            >= 1.0
    );
    assert_eq!(
        worker.metric(&format!(
            "wirestream_build_info{{version=\"{}\"}}",
            env!("CARGO_PKG_VERSION")
        )),
        Some(1.0)
    );
    assert!(worker
        .metric("wirestream_producer_queue_messages")
        .is_some());
    for (partition, offset) in &end {
        let labels = format!("{{partition=\"{partition}\",topic=\"{}\"}}", topics.input);
        let committed = format!("wirestream_committed_offset{labels}");
        let lag = format!("wirestream_consumer_lag_messages{labels}");
        wait_for(
            &format!("{committed} = {offset} and {lag} = 0"),
            Duration::from_secs(10),
            || {
                (worker.metric(&committed)? == *offset as f64 && worker.metric(&lag)? == 0.0)
                    .then_some(())
            },
        );
    }
    assert!(worker.is_ready());
    let (status, body) = worker.get("/healthz").unwrap();
    assert_eq!((status, body.trim()), (200, "ok"));
}
