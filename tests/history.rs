//! Duplicates and versions against a real broker: the history the worker keeps survives a
//! restart because it is read back from the output topic.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::broker::Broker;
use support::kafka::{produce_all, read_topic, Input};
use support::scenario::{spec, topics, wait_committed_to_end};
use support::wait_for;

/// Paragraphs of a made-up wire story; each sentence different, so shingles are distinctive.
fn paragraphs() -> Vec<String> {
    let places = [
        "Kestrel Bay",
        "Marrow Hill",
        "Saltmere",
        "Ostwick",
        "Farrow Point",
        "Linden Cross",
    ];
    places
        .iter()
        .enumerate()
        .map(|(index, place)| {
            format!(
                "Crews in {place} worked through night {index} to clear {} fallen trees, while the regional water board said {} homes were still waiting for supplies and engineers checked pumping station number {}.",
                12 + index * 7,
                340 + index * 55,
                index + 3
            )
        })
        .collect()
}

fn story(id: &str, source: &str, headline: &str, paragraphs: &[String]) -> Input {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    Input {
        value: serde_json::to_vec(&json!({
            "id": id,
            "source": source,
            "headline": headline,
            "body_html": body,
            "published": "2024-11-02T08:00:00Z",
        }))
        .unwrap(),
        // Keyed by story id, as fetchers do: one story's versions keep their order.
        key: Some(id.as_bytes().to_vec()),
        partition: Some(0),
        ..Input::default()
    }
}

#[test]
fn duplicates_and_versions_are_found_across_a_restart() {
    let broker = Broker::start();
    let topics = topics(&broker, 2);
    let original = paragraphs();
    let mut corrected = original.clone();
    corrected.push("This story has been corrected to show that the water board, not the council, gave the number of homes.".into());

    // First run: the original and its corrected version.
    let first_inputs = vec![
        story("storm-1", "Wire", "Storm clean-up continues", &original),
        story("storm-1", "Wire", "Storm clean-up continues", &corrected),
    ];
    let end = produce_all(&broker.bootstrap, &topics.input, &first_inputs);
    let mut worker = spec(&broker, &topics).spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(60));
    worker.signal(15);
    let (status, _) = worker.wait_exit(Duration::from_secs(30));
    assert!(status.success(), "{}", worker.log());

    // Second run, a new process: a republication elsewhere with small edits, an independent
    // story, and the original delivered again.
    let mut republished: Vec<String> = original[..original.len() - 1].to_vec();
    republished[0] = republished[0].replace("fallen trees", "downed trees");
    let independent = vec![
        "The festival in Ostwick opened with a parade of twenty brass bands and a market selling cheese from the valley farms.".to_owned(),
        "Organisers expect forty thousand visitors over the weekend and have added late trains from the coast.".to_owned(),
    ];
    let second_inputs = vec![
        story(
            "gazette-77",
            "Coast Gazette",
            "Towns still without water after storm",
            &republished,
        ),
        story(
            "fest-1",
            "Wire",
            "Brass bands open Ostwick festival",
            &independent,
        ),
        story("storm-1", "Wire", "Storm clean-up continues", &corrected),
    ];
    let end = produce_all(&broker.bootstrap, &topics.input, &second_inputs);
    let worker = spec(&broker, &topics).spawn();
    wait_committed_to_end(&broker, &topics, &end, Duration::from_secs(60));

    let records: Vec<Value> = read_topic(
        &broker.bootstrap,
        &topics.output,
        5,
        Duration::from_secs(30),
    )
    .iter()
    .map(|r| serde_json::from_slice(r.value.as_deref().unwrap()).unwrap())
    .collect();
    assert_eq!(records.len(), 5);
    let of_uri = |suffix: &str| -> Vec<&Value> {
        records
            .iter()
            .filter(|r| r["uri"].as_str().unwrap().ends_with(suffix))
            .collect()
    };
    let hash = |record: &Value| {
        record["wirestream"]["content_hash"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // The storm story: original, correction, and the correction delivered again (one partition,
    // so in that order).
    let storm = of_uri(":storm-1");
    assert_eq!(storm.len(), 3);
    let (original_hash, corrected_hash) = (hash(storm[0]), hash(storm[1]));
    assert_eq!(
        storm[1]["wirestream"]["version_of"]["content_hash"], original_hash,
        "the correction supersedes the original"
    );
    assert_eq!(hash(storm[2]), corrected_hash);
    for unrelated in [storm[0], storm[2], of_uri(":fest-1")[0]] {
        assert!(
            unrelated["wirestream"].get("duplicate_of").is_none()
                && unrelated["wirestream"].get("version_of").is_none(),
            "relates to nothing: {}",
            unrelated["wirestream"]
        );
    }
    let republished = &of_uri(":gazette-77")[0]["wirestream"];
    assert_eq!(
        republished["duplicate_of"]["uri"], storm[0]["uri"],
        "the republication is found after the restart: {republished}"
    );
    assert!(
        [original_hash, corrected_hash].contains(
            &republished["duplicate_of"]["content_hash"]
                .as_str()
                .unwrap()
                .to_owned()
        ),
        "it names one of the story's versions"
    );
    assert!(republished["duplicate_of"]["similarity"].as_f64().unwrap() >= 0.5);
    wait_for("the history metrics", Duration::from_secs(10), || {
        (worker.metric("wirestream_history_rebuilt_stories_total") == Some(2.0)).then_some(())
    });
    assert_eq!(
        worker.metric("wirestream_related_stories_total{relation=\"duplicate\"}"),
        Some(1.0)
    );
    assert_eq!(
        worker.metric("wirestream_related_stories_total{relation=\"version\"}"),
        Some(0.0)
    );
}
