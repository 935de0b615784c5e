//! `wsctl`: a small Kafka companion for the demo and the end-to-end benchmark.
//!
//! ```text
//! cargo run --example wsctl -- produce --brokers B --topic T FILE...      # one message per file
//! cargo run --example wsctl -- consume --brokers B --topic T [--max N] [--idle-ms 2000]
//! cargo run --example wsctl -- load --brokers B --topic T --count N --size BYTES [--corpus DIR]
//! cargo run --example wsctl -- copy --brokers B --from T --to U --count N  # baseline copy
//! ```

use std::borrow::Cow;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::producer::{BaseRecord, DefaultProducerContext, Producer, ThreadedProducer};
use rdkafka::ClientConfig;

#[derive(Parser)]
struct Cli {
    #[arg(long, default_value = "127.0.0.1:9092")]
    brokers: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Produces each file's bytes, unchanged, as one message.
    Produce {
        #[arg(long)]
        topic: String,
        files: Vec<PathBuf>,
    },
    /// Prints records of a topic (from the beginning) as JSON lines.
    Consume {
        #[arg(long)]
        topic: String,
        #[arg(long)]
        max: Option<usize>,
        /// Stop after this long without a new record.
        #[arg(long, default_value_t = 2000)]
        idle_ms: u64,
    },
    /// Produces COUNT synthetic JSON stories of about SIZE bytes (or, with CORPUS, the raw
    /// inputs of a corpus folder in turn), stamped with the send time, as fast as possible or at
    /// RATE messages per second.
    Load {
        #[arg(long)]
        topic: String,
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = 4096)]
        size: usize,
        #[arg(long)]
        rate: Option<u64>,
        /// A folder laid out like `shared/corpus`: its raw inputs, not the gold answers.
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// The baseline: copies COUNT records from one topic to another, unchanged, in a consumer
    /// group with commits after acknowledgement; prints throughput.
    Copy {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        count: usize,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Produce { topic, files } => {
            let producer = producer(&cli.brokers)?;
            for file in &files {
                let bytes =
                    std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
                send(&producer, &topic, &bytes)?;
            }
            producer.flush(Duration::from_secs(30))?;
            eprintln!("produced {} messages to {topic}", files.len());
        }
        Command::Consume {
            topic,
            max,
            idle_ms,
        } => consume(&cli.brokers, &topic, max, idle_ms)?,
        Command::Load {
            topic,
            count,
            size,
            rate,
            corpus,
        } => {
            let producer = producer(&cli.brokers)?;
            let paragraph = "<p>Officials said the harbour reopened after a week of repairs, and ferry operators reported steady traffic.</p>";
            let body = paragraph.repeat(size / paragraph.len() + 1);
            let inputs = match &corpus {
                Some(dir) => raw_inputs(dir)?,
                None => Vec::new(),
            };
            let started = Instant::now();
            let mut bytes_sent = 0;
            for index in 0..count {
                if let Some(rate) = rate {
                    let due =
                        started + Duration::from_micros(index as u64 * 1_000_000 / rate.max(1));
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                }
                let message: Cow<'_, [u8]> = match inputs.get(index % inputs.len().max(1)) {
                    Some(input) => Cow::Borrowed(input),
                    None => Cow::Owned(serde_json::to_vec(&serde_json::json!({
                        "id": format!("load-{index}"), "source": "bench",
                        "headline": format!("Harbour reopens after repairs, update {index}"),
                        "byline": "By Ana Costa", "body_html": body,
                        "published": "2024-05-14T09:30:00Z",
                    }))?),
                };
                send(&producer, &topic, &message)?;
                bytes_sent += message.len();
            }
            producer.flush(Duration::from_secs(120))?;
            println!(
                "{}",
                serde_json::json!({"messages": count, "bytes": bytes_sent})
            );
        }
        Command::Copy { from, to, count } => copy(&cli.brokers, &from, &to, count)?,
    }
    Ok(())
}

/// The raw inputs of a corpus folder, in name order.
fn raw_inputs(dir: &std::path::Path) -> Result<Vec<Vec<u8>>> {
    let paths =
        wirestream::score::raw_inputs(dir).with_context(|| format!("reading {}", dir.display()))?;
    if paths.is_empty() {
        bail!("no raw inputs in {}", dir.display());
    }
    paths
        .iter()
        .map(|path| std::fs::read(path).with_context(|| format!("reading {}", path.display())))
        .collect()
}

fn producer(brokers: &str) -> Result<ThreadedProducer<DefaultProducerContext>> {
    Ok(ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "5")
        .set("message.max.bytes", "16777216")
        .create()?)
}

fn send(
    producer: &ThreadedProducer<DefaultProducerContext>,
    topic: &str,
    bytes: &[u8],
) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match producer.send(BaseRecord::<(), [u8]>::to(topic).payload(bytes)) {
            Ok(()) => return Ok(()),
            Err((error, _)) if Instant::now() < deadline => {
                let _ = error;
                std::thread::sleep(Duration::from_millis(5));
            }
            Err((error, _)) => bail!("cannot produce: {error}"),
        }
    }
}

fn consume(brokers: &str, topic: &str, max: Option<usize>, idle_ms: u64) -> Result<()> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", format!("wsctl-{}", std::process::id()))
        .set("enable.auto.commit", "false")
        .create()?;
    // Assigning every partition from the beginning reads at once, without a group join.
    let metadata = consumer.fetch_metadata(Some(topic), Duration::from_secs(10))?;
    let mut assignment = rdkafka::TopicPartitionList::new();
    for partition in metadata.topics().iter().flat_map(|t| t.partitions()) {
        assignment.add_partition_offset(topic, partition.id(), rdkafka::Offset::Beginning)?;
    }
    consumer.assign(&assignment)?;
    let mut seen = 0;
    let mut last = Instant::now();
    while max.is_none_or(|max| seen < max) && last.elapsed() < Duration::from_millis(idle_ms) {
        let Some(message) = consumer.poll(Duration::from_millis(200)) else {
            continue;
        };
        let message = message?;
        let headers: serde_json::Map<String, serde_json::Value> = message
            .headers()
            .map(|headers| {
                headers
                    .iter()
                    .map(|h| {
                        (
                            h.key.to_owned(),
                            String::from_utf8_lossy(h.value.unwrap_or_default()).into(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let value = message.payload().map(String::from_utf8_lossy);
        let value: serde_json::Value = value
            .as_deref()
            .and_then(|v| serde_json::from_str(v).ok())
            .unwrap_or_else(|| value.as_deref().unwrap_or("").into());
        println!(
            "{}",
            serde_json::json!({
                "partition": message.partition(), "offset": message.offset(),
                "key": message.key().map(String::from_utf8_lossy), "headers": headers, "value": value,
            })
        );
        seen += 1;
        last = Instant::now();
    }
    Ok(())
}

/// Records, for every acknowledged copy, the time from the input's timestamp to the ack: the
/// same definition as the worker's `wirestream_end_to_end_latency_seconds`.
#[derive(Default)]
struct AckLatency {
    millis: std::sync::Mutex<Vec<i64>>,
}

impl rdkafka::ClientContext for AckLatency {}

impl rdkafka::producer::ProducerContext for AckLatency {
    type DeliveryOpaque = Box<i64>;
    fn delivery(&self, result: &rdkafka::producer::DeliveryResult<'_>, input_timestamp: Box<i64>) {
        if result.is_ok() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64);
            self.millis.lock().unwrap().push(now - *input_timestamp);
        }
    }
}

fn percentile(sorted: &[i64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index] as f64 / 1000.0
}

/// The copy waits for acknowledgements and commits after every this many messages: rarely
/// enough not to stall the pipeline, so the baseline is as fast as a careful copy can be.
const COMMIT_EVERY: usize = 5_000;

fn copy(brokers: &str, from: &str, to: &str, count: usize) -> Result<()> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", format!("wsctl-copy-{}", std::process::id()))
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set("session.timeout.ms", "6000")
        .set("max.poll.interval.ms", "6000")
        .create()?;
    consumer.subscribe(&[from])?;
    let producer: ThreadedProducer<AckLatency> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "5")
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("compression.type", "lz4")
        .set("message.max.bytes", "16777216")
        .create_with_context(AckLatency::default())?;
    let mut copied = 0;
    let mut started = None;
    let deadline = Instant::now() + Duration::from_secs(600);
    while copied < count && Instant::now() < deadline {
        let Some(message) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let message = message?;
        started.get_or_insert_with(Instant::now);
        let timestamp = Box::new(message.timestamp().to_millis().unwrap_or_default());
        let mut record = BaseRecord::<[u8], [u8], Box<i64>>::with_opaque_to(to, timestamp);
        if let Some(payload) = message.payload() {
            record = record.payload(payload);
        }
        if let Some(key) = message.key() {
            record = record.key(key);
        }
        while let Err((_, returned)) = producer.send(record) {
            record = returned;
            std::thread::sleep(Duration::from_millis(1));
        }
        copied += 1;
        if copied % COMMIT_EVERY == 0 || copied == count {
            producer.flush(Duration::from_secs(60))?;
            consumer.commit_consumer_state(rdkafka::consumer::CommitMode::Async)?;
        }
    }
    let elapsed = started.map_or(Duration::ZERO, |s| s.elapsed());
    let mut latencies = producer.context().millis.lock().unwrap().clone();
    latencies.sort_unstable();
    println!(
        "{}",
        serde_json::json!({"copied": copied, "seconds": elapsed.as_secs_f64(),
                           "msgs_per_s": copied as f64 / elapsed.as_secs_f64().max(1e-9),
                           "latency_p50_s": percentile(&latencies, 0.5),
                           "latency_p99_s": percentile(&latencies, 0.99)})
    );
    Ok(())
}
