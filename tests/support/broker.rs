//! A Tansu broker process on loopback (memory storage), one per test.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{free_port, wait_for};

pub struct Broker {
    process: Child,
    /// The address clients bootstrap from (the advertised one: the proxy's, when behind one).
    pub bootstrap: String,
    pub listen_port: u16,
}

/// The broker binary: `$TANSU_BIN`, else `.tools/tansu` as `scripts/get-tansu` installs it.
pub fn tansu_binary() -> PathBuf {
    let path = std::env::var_os("TANSU_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/tansu"));
    assert!(
        path.is_file(),
        "no Tansu broker at {} — run scripts/get-tansu (or set TANSU_BIN)",
        path.display()
    );
    path
}

impl Broker {
    /// Starts a broker that advertises its own listener.
    pub fn start() -> Broker {
        let port = free_port();
        Self::start_advertising(port, port)
    }

    /// Starts a broker listening on `listen_port` that tells clients to connect to
    /// `advertised_port` (where a proxy forwards to it).
    pub fn start_advertising(listen_port: u16, advertised_port: u16) -> Broker {
        let log_dir = std::env::temp_dir().join("wirestream-test-logs");
        std::fs::create_dir_all(&log_dir).expect("log dir");
        let log = std::fs::File::create(log_dir.join(format!("tansu-{listen_port}.log")))
            .expect("log file");
        let process = Command::new(tansu_binary())
            .args([
                "broker",
                "--listener-url",
                &format!("tcp://127.0.0.1:{listen_port}"),
                "--advertised-listener-url",
                &format!("tcp://127.0.0.1:{advertised_port}"),
            ])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("start the Tansu broker");
        let mut broker = Broker {
            process,
            bootstrap: format!("127.0.0.1:{advertised_port}"),
            listen_port,
        };
        wait_for("the broker to listen", Duration::from_secs(20), || {
            if let Ok(Some(status)) = broker.process.try_wait() {
                panic!("the broker exited at start-up: {status}");
            }
            std::net::TcpStream::connect(("127.0.0.1", listen_port)).ok()
        });
        broker
    }

    /// Creates a topic with the broker's own CLI.
    pub fn create_topic(&self, name: &str, partitions: i32) {
        let status = Command::new(tansu_binary())
            .args([
                "topic",
                "create",
                name,
                "--partitions",
                &partitions.to_string(),
                "--broker",
                &format!("tcp://127.0.0.1:{}", self.listen_port),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run tansu topic create");
        assert!(status.success(), "creating topic {name} failed: {status}");
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
