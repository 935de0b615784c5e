//! The command line: config errors, the offline stage and version, as a user meets them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn wirestream(args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wirestream"))
        .args(args)
        .env_clear()
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run wirestream");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn invalid_config_exits_2_naming_the_key_before_connecting() {
    let output = wirestream(
        &["run"],
        &[
            ("WIRESTREAM_ENGINE_MAX_IN_FLIGHT", "0"),
            ("WIRESTREAM_KAFKA_BROKERS", "nowhere.invalid:1"),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("engine.max_in_flight"), "{stderr}");

    let output = wirestream(
        &["check-config"],
        &[("WIRESTREAM_TOPICS_OUTPUT", "has space")],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("topics.output"));

    let output = wirestream(
        &["check-config", "--config", "/nonexistent/wirestream.toml"],
        &[],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn check_config_prints_the_resolved_config() {
    let output = wirestream(
        &["check-config"],
        &[("WIRESTREAM_TOPICS_INPUT", "wire.in")],
        b"",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let resolved: toml::Table = String::from_utf8(output.stdout).unwrap().parse().unwrap();
    assert_eq!(resolved["topics"]["input"].as_str(), Some("wire.in"));
}

#[test]
fn process_prints_one_record_per_line_and_rejects_with_a_json_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("story.txt");
    std::fs::write(&text, "Bridge reopens\n\nBy Ana Costa\n\nPORTO (Wire) — The bridge reopened on Friday after repairs.\n").unwrap();
    let json = dir.path().join("story.json");
    std::fs::write(&json, r#"{"title":"Port strike ends","content":"Dockers returned to work on Monday.","author":"Jo Lee"}"#).unwrap();
    let output = wirestream(
        &["process", text.to_str().unwrap(), json.to_str().unwrap()],
        &[],
        b"",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["headlines"][0]["value"], "Bridge reopens");
    assert_eq!(lines[0]["by"], "Ana Costa");
    assert_eq!(lines[1]["headlines"][0]["value"], "Port strike ends");

    let output = wirestream(&["process"], &[], b"\xff\xfe\x00binary");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let error: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["class"], "encoding");
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn version_is_printed() {
    let output = wirestream(&["--version"], &[], b"");
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains(env!("CARGO_PKG_VERSION")));
}
