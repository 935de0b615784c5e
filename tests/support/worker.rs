//! The wirestream binary as a child process, with its HTTP endpoints.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::{free_port, wait_for};

/// The settings of one worker process, as environment overrides.
#[derive(Debug, Clone)]
pub struct WorkerSpec {
    pub env: BTreeMap<String, String>,
}

impl WorkerSpec {
    /// A worker for the given broker and topics, with fast group timings for tests.
    pub fn new(bootstrap: &str, group: &str, input: &str, output: &str, dead_letter: &str) -> Self {
        let mut env = BTreeMap::new();
        for (key, value) in [
            ("WIRESTREAM_KAFKA_BROKERS", bootstrap),
            ("WIRESTREAM_KAFKA_GROUP_ID", group),
            ("WIRESTREAM_TOPICS_INPUT", input),
            ("WIRESTREAM_TOPICS_OUTPUT", output),
            ("WIRESTREAM_TOPICS_DEAD_LETTER", dead_letter),
            ("WIRESTREAM_KAFKA_CONSUMER_SESSION_TIMEOUT_MS", "6000"),
            ("WIRESTREAM_KAFKA_CONSUMER_MAX_POLL_INTERVAL_MS", "6000"),
            ("WIRESTREAM_KAFKA_CONSUMER_HEARTBEAT_INTERVAL_MS", "500"),
            ("WIRESTREAM_ENGINE_DRAIN_TIMEOUT_MS", "4000"),
            ("WIRESTREAM_ENGINE_COMMIT_INTERVAL_MS", "200"),
            ("WIRESTREAM_ENGINE_SHUTDOWN_TIMEOUT_MS", "15000"),
            ("WIRESTREAM_ENGINE_STATS_INTERVAL_MS", "300"),
            ("WIRESTREAM_LOG_FORMAT", "text"),
            ("WIRESTREAM_LOG_LEVEL", "info"),
        ] {
            env.insert(key.to_owned(), value.to_owned());
        }
        WorkerSpec { env }
    }

    pub fn set(mut self, key: &str, value: impl ToString) -> Self {
        self.env.insert(key.to_owned(), value.to_string());
        self
    }

    pub fn spawn(&self) -> Worker {
        let metrics_port = free_port();
        let log_dir = std::env::temp_dir().join("wirestream-test-logs");
        std::fs::create_dir_all(&log_dir).expect("log dir");
        let log_path = log_dir.join(format!("worker-{metrics_port}.log"));
        let log = std::fs::File::create(&log_path).expect("worker log");
        let process = Command::new(env!("CARGO_BIN_EXE_wirestream"))
            .arg("run")
            .env_clear()
            .envs(&self.env)
            .env(
                "WIRESTREAM_METRICS_LISTEN",
                format!("127.0.0.1:{metrics_port}"),
            )
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("start the worker");
        let worker = Worker {
            process,
            metrics_port,
            log_path,
        };
        wait_for(
            "the worker's HTTP endpoint",
            Duration::from_secs(20),
            || worker.get("/healthz").map(|_| ()),
        );
        worker
    }
}

pub struct Worker {
    process: Child,
    pub metrics_port: u16,
    pub log_path: PathBuf,
}

impl Worker {
    /// `(status, body)` of a GET on the worker's HTTP port, `None` when it does not answer.
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .into();
        let mut response = agent
            .get(&format!("http://127.0.0.1:{}{path}", self.metrics_port))
            .call()
            .ok()?;
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().ok()?;
        Some((status, body))
    }

    pub fn is_ready(&self) -> bool {
        matches!(self.get("/readyz"), Some((200, _)))
    }

    pub fn wait_ready(&self, timeout: Duration) {
        wait_for("the worker to become ready", timeout, || {
            self.is_ready().then_some(())
        });
    }

    /// The value of a metric series (name plus exact label set as printed), if exported.
    pub fn metric(&self, series: &str) -> Option<f64> {
        let (_, body) = self.get("/metrics")?;
        parse_metric(&body, series)
    }

    pub fn kill_9(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }

    pub fn signal(&self, signal: i32) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.process.id().to_string())
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// Waits for the process to exit, or panics after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> (ExitStatus, Duration) {
        let started = Instant::now();
        let status = wait_for("the worker to exit", timeout, || {
            self.process.try_wait().ok().flatten()
        });
        (status, started.elapsed())
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Finds `series value` in Prometheus text; `series` is the name, or name{labels} as printed.
pub fn parse_metric(body: &str, series: &str) -> Option<f64> {
    body.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let (name, value) = line.rsplit_once(' ')?;
            (name == series).then(|| value.parse().ok()).flatten()
        })
}
