//! Producing inputs and reading topics back, with plain rdkafka clients.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{BaseRecord, DeliveryResult, Producer, ProducerContext, ThreadedProducer};
use rdkafka::topic_partition_list::TopicPartitionList;
use rdkafka::{ClientConfig, ClientContext, Offset};
use std::sync::Mutex;

/// Remembers failed deliveries, so a test never runs on inputs that silently did not arrive.
#[derive(Default)]
pub struct CheckedDelivery {
    failures: Mutex<Vec<String>>,
    delivered: Mutex<BTreeMap<i32, i64>>,
}

impl ClientContext for CheckedDelivery {}

impl ProducerContext for CheckedDelivery {
    type DeliveryOpaque = ();
    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(message) => {
                let mut delivered = self.delivered.lock().unwrap();
                let end = delivered.entry(message.partition()).or_insert(0);
                *end = (*end).max(message.offset() + 1);
            }
            Err((error, _)) => self.failures.lock().unwrap().push(error.to_string()),
        }
    }
}

pub type TestProducer = ThreadedProducer<CheckedDelivery>;

/// Waits for every queued input and fails the test if any was not delivered. Returns, per
/// partition, one past the highest offset this producer wrote (from the broker's
/// acknowledgements: Tansu's ListOffsets answers are not reliable enough to test against).
pub fn flush_checked(producer: &TestProducer) -> BTreeMap<i32, i64> {
    producer
        .flush(Duration::from_secs(60))
        .expect("inputs acknowledged");
    let failures = producer.context().failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "inputs failed to deliver: {failures:?}"
    );
    producer.context().delivered.lock().unwrap().clone()
}

/// One input to produce.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub key: Option<Vec<u8>>,
    pub value: Vec<u8>,
    pub headers: Vec<(String, Vec<u8>)>,
    /// Explicit partition, else the producer's partitioner decides (by key).
    pub partition: Option<i32>,
}

/// A message read back, owned.
#[derive(Debug, Clone)]
pub struct Record {
    pub partition: i32,
    pub offset: i64,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(String, Vec<u8>)>,
}

impl Record {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| std::str::from_utf8(value).ok())
    }

    /// `(source partition, source offset)` from the worker's provenance or error headers.
    pub fn source_position(&self) -> (i32, i64) {
        let partition = self
            .header("wirestream.source.partition")
            .or_else(|| self.header("wirestream.errors.partition"))
            .expect("a provenance header");
        let offset = self
            .header("wirestream.source.offset")
            .or_else(|| self.header("wirestream.errors.offset"))
            .expect("a provenance header");
        (partition.parse().unwrap(), offset.parse().unwrap())
    }
}

pub fn producer(bootstrap: &str) -> TestProducer {
    ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("linger.ms", "5")
        .set("message.max.bytes", "16777216")
        .create_with_context(CheckedDelivery::default())
        .expect("test producer")
}

/// Produces every input, waits until all are acknowledged, and returns the end offset of each
/// partition written to (the topic must have been empty).
pub fn produce_all(bootstrap: &str, topic: &str, inputs: &[Input]) -> BTreeMap<i32, i64> {
    let producer = producer(bootstrap);
    for input in inputs {
        send(&producer, topic, input);
    }
    flush_checked(&producer)
}

pub fn send(producer: &TestProducer, topic: &str, input: &Input) {
    let mut headers = OwnedHeaders::new();
    for (key, value) in &input.headers {
        headers = headers.insert(Header {
            key,
            value: Some(value),
        });
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut record: BaseRecord<'_, [u8], [u8]> = BaseRecord::to(topic)
            .payload(&input.value[..])
            .headers(headers.clone());
        if let Some(key) = &input.key {
            record = record.key(&key[..]);
        }
        if let Some(partition) = input.partition {
            record = record.partition(partition);
        }
        match producer.send(record) {
            Ok(()) => return,
            Err((error, _)) => {
                assert!(Instant::now() < deadline, "cannot produce input: {error}");
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

fn consumer(bootstrap: &str, group: Option<&str>) -> BaseConsumer {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", bootstrap)
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "false")
        .set("fetch.wait.max.ms", "50");
    if let Some(group) = group {
        config.set("group.id", group);
    }
    config.create().expect("test consumer")
}

fn partition_count(consumer: &BaseConsumer, topic: &str) -> i32 {
    let metadata = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .expect("metadata");
    metadata.topics()[0].partitions().len() as i32
}

/// Reads a whole topic from the beginning until `expected` records arrived and nothing more
/// arrives for `settle`, or `timeout` passes.
pub fn read_topic(bootstrap: &str, topic: &str, expected: usize, timeout: Duration) -> Vec<Record> {
    let consumer = consumer(bootstrap, Some(&super::unique("reader")));
    let partitions = partition_count(&consumer, topic);
    let mut assignment = TopicPartitionList::new();
    for partition in 0..partitions {
        assignment
            .add_partition_offset(topic, partition, Offset::Beginning)
            .unwrap();
    }
    consumer.assign(&assignment).expect("assign");
    let deadline = Instant::now() + timeout;
    let settle = Duration::from_millis(1500);
    let mut records = Vec::new();
    let mut last_arrival = Instant::now();
    while Instant::now() < deadline {
        match consumer.poll(Duration::from_millis(100)) {
            Some(Ok(message)) => {
                let headers = message
                    .headers()
                    .map(|headers| {
                        headers
                            .iter()
                            .map(|h| (h.key.to_owned(), h.value.unwrap_or_default().to_vec()))
                            .collect()
                    })
                    .unwrap_or_default();
                records.push(Record {
                    partition: message.partition(),
                    offset: message.offset(),
                    key: message.key().map(<[u8]>::to_vec),
                    value: message.payload().map(<[u8]>::to_vec),
                    headers,
                });
                last_arrival = Instant::now();
            }
            Some(Err(error)) => panic!("reading {topic}: {error}"),
            None if records.len() >= expected && last_arrival.elapsed() > settle => break,
            None => {}
        }
    }
    records
}

/// The group's committed offset of every partition of a topic (-1 when none).
pub fn committed_offsets(bootstrap: &str, group: &str, topic: &str) -> BTreeMap<i32, i64> {
    let consumer = consumer(bootstrap, Some(group));
    let partitions = partition_count(&consumer, topic);
    let mut list = TopicPartitionList::new();
    for partition in 0..partitions {
        list.add_partition(topic, partition);
    }
    let committed = consumer
        .committed_offsets(list, Duration::from_secs(10))
        .expect("committed offsets");
    committed
        .elements()
        .iter()
        .map(|element| {
            let offset = match element.offset() {
                Offset::Offset(offset) => offset,
                _ => -1,
            };
            (element.partition(), offset)
        })
        .collect()
}

/// Produces inputs from a background thread in batches with a pause between them, so a test can
/// act on the worker in the middle of a stream. `join` returns the end offset per partition.
pub struct Feeder {
    thread: std::thread::JoinHandle<BTreeMap<i32, i64>>,
}

impl Feeder {
    pub fn start(
        bootstrap: &str,
        topic: &str,
        inputs: Vec<Input>,
        batch: usize,
        pause: Duration,
    ) -> Feeder {
        let (bootstrap, topic) = (bootstrap.to_owned(), topic.to_owned());
        let thread = std::thread::spawn(move || {
            let producer = producer(&bootstrap);
            for chunk in inputs.chunks(batch.max(1)) {
                for input in chunk {
                    send(&producer, &topic, input);
                }
                std::thread::sleep(pause);
            }
            flush_checked(&producer)
        });
        Feeder { thread }
    }

    pub fn join(self) -> BTreeMap<i32, i64> {
        self.thread.join().expect("the feeder thread")
    }
}
