//! The dashboard and the alert rules ask for series the worker really exports: every
//! `wirestream_*` and `process_*` name in `deploy/grafana` and `deploy/prometheus` is scraped from
//! a running worker's `/metrics` (after it has handled a story, so labelled series exist).

mod support;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use support::broker::Broker;
use support::kafka::produce_all;
use support::scenario::{spec, topics, wait_committed_to_end};
use support::stories::{input, json_story};

/// Metric names referred to in a text: `wirestream_…` and `process_…` words, histogram suffixes
/// taken off. Recording-rule names (`wirestream:…`) are not metric names and do not match.
fn referenced_names(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (start, _) in text
        .match_indices("wirestream_")
        .chain(text.match_indices("process_"))
    {
        let preceded_by_word = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
        if preceded_by_word {
            continue;
        }
        let name: String = text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let base = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .unwrap_or(&name);
        names.insert(base.to_owned());
    }
    names
}

fn exported_names(metrics: &str) -> BTreeSet<String> {
    metrics
        .lines()
        .filter(|line| line.starts_with("# TYPE "))
        .filter_map(|line| line.split_whitespace().nth(2).map(str::to_owned))
        .collect()
}

fn read(path: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn dashboards_and_rules_use_only_exported_metric_names() {
    let broker = Broker::start();
    let topics = topics(&broker, 1);
    let worker = spec(&broker, &topics).spawn();
    let end = produce_all(
        &broker.bootstrap,
        &topics.input,
        &[input(json_story("m-1", "Harbour reopens", 1))],
    );
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(60));

    let files = [
        "deploy/grafana/dashboards/wirestream.json",
        "deploy/prometheus/rules.yml",
        "deploy/prometheus/tests/rules_test.yml",
    ];
    let mut referenced = BTreeSet::new();
    for path in files {
        let names = referenced_names(&read(path));
        assert!(!names.is_empty(), "{path} names no metric");
        referenced.extend(names);
    }
    assert!(referenced.len() >= 15, "only {} names", referenced.len());
    // Labelled series appear once their first value is set (lag comes with librdkafka's next
    // statistics), so the scrape is repeated for a while before a name counts as missing.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (_, metrics) = worker.get("/metrics").expect("/metrics answers");
        let exported = exported_names(&metrics);
        let missing: Vec<&String> = referenced.difference(&exported).collect();
        if missing.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "deploy/ refers to metrics the worker does not export: {missing:?}\nexported: {exported:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn names_are_read_from_queries_without_suffixes_or_rule_names() {
    let names = referenced_names(
        "histogram_quantile(0.5, rate(wirestream_stage_duration_seconds_bucket[5m])) + wirestream:records_produced:rate5m + process_resident_memory_bytes",
    );
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        vec![
            "process_resident_memory_bytes".to_owned(),
            "wirestream_stage_duration_seconds".to_owned()
        ]
    );
}
