//! `wsctl`: a small Kafka companion for the demo and the end-to-end benchmark.
//!
//! ```text
//! cargo run --example wsctl -- produce --brokers B --topic T FILE...      # one message per file
//! cargo run --example wsctl -- consume --brokers B --topic T [--max N] [--idle-ms 2000]
//! cargo run --example wsctl -- load --brokers B --topic T --count N --size BYTES
//! cargo run --example wsctl -- copy --brokers B --from T --to U --count N  # baseline copy
//! ```

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
    /// Produces COUNT synthetic JSON stories of about SIZE bytes, stamped with the send time.
    Load {
        #[arg(long)]
        topic: String,
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = 4096)]
        size: usize,
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
        Command::Load { topic, count, size } => {
            let producer = producer(&cli.brokers)?;
            let paragraph = "<p>Officials said the harbour reopened after a week of repairs, and ferry operators reported steady traffic.</p>";
            let body = paragraph.repeat(size / paragraph.len() + 1);
            for index in 0..count {
                let story = serde_json::json!({
                    "id": format!("load-{index}"), "source": "bench",
                    "headline": format!("Harbour reopens after repairs, update {index}"),
                    "byline": "By Ana Costa", "body_html": body,
                    "published": "2024-05-14T09:30:00Z",
                });
                send(&producer, &topic, &serde_json::to_vec(&story)?)?;
            }
            producer.flush(Duration::from_secs(120))?;
        }
        Command::Copy { from, to, count } => copy(&cli.brokers, &from, &to, count)?,
    }
    Ok(())
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
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .create()?;
    consumer.subscribe(&[topic])?;
    let mut seen = 0;
    let mut last = Instant::now();
    while max.is_none_or(|max| seen < max)
        && last.elapsed() < Duration::from_millis(idle_ms.max(8000))
    {
        let Some(message) = consumer.poll(Duration::from_millis(200)) else {
            if seen > 0 && last.elapsed() > Duration::from_millis(idle_ms) {
                break;
            }
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
    let producer: ThreadedProducer<DefaultProducerContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "5")
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("compression.type", "lz4")
        .set("message.max.bytes", "16777216")
        .create()?;
    let mut copied = 0;
    let mut started = None;
    let deadline = Instant::now() + Duration::from_secs(600);
    while copied < count && Instant::now() < deadline {
        let Some(message) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let message = message?;
        started.get_or_insert_with(Instant::now);
        let mut record = BaseRecord::<[u8], [u8]>::to(to);
        if let Some(payload) = message.payload() {
            record = record.payload(payload);
        }
        if let Some(key) = message.key() {
            record = record.key(key);
        }
        while let Err((error, returned)) = producer.send(record) {
            record = returned;
            let _ = error;
            std::thread::sleep(Duration::from_millis(1));
        }
        copied += 1;
        if copied % 500 == 0 || copied == count {
            producer.flush(Duration::from_secs(60))?;
            consumer.commit_consumer_state(rdkafka::consumer::CommitMode::Async)?;
        }
    }
    let elapsed = started.map_or(Duration::ZERO, |s| s.elapsed());
    println!(
        "{}",
        serde_json::json!({"copied": copied, "seconds": elapsed.as_secs_f64(),
                           "msgs_per_s": copied as f64 / elapsed.as_secs_f64().max(1e-9)})
    );
    Ok(())
}
