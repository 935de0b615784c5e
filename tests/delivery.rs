//! The worker against a real Kafka-protocol broker: what goes in comes out, exactly.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use support::broker::Broker;
use support::kafka::{produce_all, read_topic, Input};
use support::scenario::{
    all_positions, positions, spec, topics, topics_with, wait_committed_to_end, TOO_LARGE_LIMIT,
};
use support::stories::{bad_inputs, json_story, text_story};
use support::{schemas, wait_for};

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

    let (ninjs, extension) = (schemas::ninjs(), schemas::extension());
    for record in &outputs {
        let json: serde_json::Value =
            serde_json::from_slice(record.value.as_deref().unwrap()).unwrap();
        let errors = schemas::errors(&json, &ninjs, &extension);
        assert!(errors.is_empty(), "invalid record {json}: {errors:?}");
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

/// Test 3: a poison message in the middle of a partition goes to the dead letters; the other
/// partitions and the rest of its own partition flow past it, and the commit passes it only
/// once its dead letter is acknowledged.
#[test]
fn a_poison_message_neither_blocks_nor_is_skipped() {
    let broker = Broker::start();
    let topics = topics(&broker, 3);
    let per_partition = 80;
    let poison_offset = 40;
    let mut inputs = Vec::new();
    for index in 0..per_partition {
        for partition in 0..3 {
            let value = if partition == 1 && index == poison_offset {
                vec![b'x'; TOO_LARGE_LIMIT * 3]
            } else {
                json_story(
                    &format!("p{partition}-{index}"),
                    &format!("Port story {partition}/{index}"),
                    1,
                )
            };
            inputs.push(Input {
                value,
                partition: Some(partition),
                ..Input::default()
            });
        }
    }
    let end = produce_all(&broker.bootstrap, &topics.input, &inputs);
    assert_eq!(end, BTreeMap::from([(0, 80), (1, 80), (2, 80)]));

    let _worker = spec(&broker, &topics)
        .set("WIRESTREAM_ENGINE_WORKERS", 4)
        .spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(60));

    let outputs = read_topic(
        &broker.bootstrap,
        &topics.output,
        239,
        Duration::from_secs(30),
    );
    let dead = read_topic(
        &broker.bootstrap,
        &topics.dead_letter,
        1,
        Duration::from_secs(30),
    );
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].source_position(), (1, poison_offset as i64));
    assert_eq!(dead[0].header("wirestream.errors.class"), Some("too_large"));
    assert_eq!(
        dead[0].value.as_ref().map(Vec::len),
        Some(TOO_LARGE_LIMIT * 3),
        "the poison is kept whole"
    );
    assert_eq!(outputs.len(), 239);
    let mut expected = all_positions(&end);
    expected.remove(&(1, poison_offset as i64));
    assert_eq!(
        positions(&outputs),
        expected,
        "every other message, before and after the poison, is output"
    );
}

/// Test 7: with many lanes processing one partition's messages at once, messages that share a
/// key are produced in their input order; messages with different keys overtake each other.
#[test]
fn per_key_order_holds_while_the_stage_runs_in_parallel() {
    let broker = Broker::start();
    let topics = topics_with(&broker, 2, 1);
    let keys = 12;
    let count = 900;
    let inputs: Vec<Input> = (0..count)
        .map(|index| {
            let key = index % keys;
            let sequence = index / keys;
            // Very different sizes make lanes finish out of input order.
            let filler = if (index * 7919) % 5 == 0 { 120 } else { 0 };
            Input {
                key: Some(format!("key-{key}").into_bytes()),
                value: json_story(
                    &format!("{key}-{sequence}"),
                    &format!("key {key} sequence {sequence}"),
                    filler,
                ),
                partition: Some(key as i32 % 2),
                headers: Vec::new(),
            }
        })
        .collect();
    let end = produce_all(&broker.bootstrap, &topics.input, &inputs);

    let _worker = spec(&broker, &topics)
        .set("WIRESTREAM_ENGINE_WORKERS", 8)
        .spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(90));
    let outputs = read_topic(
        &broker.bootstrap,
        &topics.output,
        count,
        Duration::from_secs(30),
    );
    assert_eq!(outputs.len(), count, "each input exactly once");

    let mut last_sequence: BTreeMap<usize, usize> = BTreeMap::new();
    let mut overtakes = 0;
    let mut last_offset: BTreeMap<i32, i64> = BTreeMap::new();
    for record in &outputs {
        let json: serde_json::Value =
            serde_json::from_slice(record.value.as_deref().unwrap()).unwrap();
        let headline = json["headlines"][0]["value"].as_str().unwrap();
        let words: Vec<&str> = headline.split(' ').collect();
        let (key, sequence): (usize, usize) =
            (words[1].parse().unwrap(), words[3].parse().unwrap());
        if let Some(previous) = last_sequence.insert(key, sequence) {
            assert!(
                sequence > previous,
                "key {key}: sequence {sequence} produced after {previous}"
            );
        }
        let (partition, offset) = record.source_position();
        if last_offset
            .get(&partition)
            .is_some_and(|last| offset < *last)
        {
            overtakes += 1;
        }
        last_offset.insert(
            partition,
            offset.max(last_offset.get(&partition).copied().unwrap_or(-1)),
        );
    }
    assert_eq!(last_sequence.len(), keys);
    assert!(
        overtakes > 0,
        "the stage never ran messages of one partition in parallel"
    );
}
