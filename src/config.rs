//! Configuration: a TOML file, every key overridable by a `WIRESTREAM_<SECTION>_<KEY>` variable.
//!
//! Loading is strict and happens before anything connects: an unknown key, a value of the wrong
//! type or an impossible combination stops the process with exit code 2 and a message that names
//! the key. `config/wirestream.toml` documents every key.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use rdkafka::ClientConfig;
use serde::{Deserialize, Serialize};

use crate::story::StageSettings;

/// The prefix of every environment override.
pub const ENV_PREFIX: &str = "WIRESTREAM_";
/// Names the config file; not a config key, so it is exempt from override parsing.
pub const CONFIG_PATH_ENV: &str = "WIRESTREAM_CONFIG";

/// librdkafka's defaults, used to check the drain bound when the passthrough does not set them.
const LIBRDKAFKA_DEFAULT_SESSION_TIMEOUT_MS: u64 = 45_000;
const LIBRDKAFKA_DEFAULT_MAX_POLL_INTERVAL_MS: u64 = 300_000;

/// Properties wirestream sets itself because its delivery guarantees depend on them.
const RESERVED_CONSUMER_PROPERTIES: &[(&str, &str)] = &[
    ("bootstrap.servers", "kafka.brokers"),
    ("group.id", "kafka.group_id"),
    (
        "enable.auto.commit",
        "offsets are committed by wirestream after output is acknowledged",
    ),
    (
        "enable.auto.offset.store",
        "offsets are stored by wirestream after output is acknowledged",
    ),
];
const RESERVED_PRODUCER_PROPERTIES: &[(&str, &str)] = &[
    ("bootstrap.servers", "kafka.brokers"),
    ("enable.idempotence", "the producer is always idempotent"),
    ("acks", "the producer always waits for acks=all"),
    (
        "transactional.id",
        "delivery is at-least-once without transactions",
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid TOML: {message}")]
    Syntax { path: String, message: String },
    #[error("environment variable {variable}: {problem}")]
    Environment { variable: String, problem: String },
    #[error("config key `{key}`: {problem}")]
    Invalid { key: String, problem: String },
}

impl ConfigError {
    fn invalid(key: &str, problem: impl Into<String>) -> Self {
        ConfigError::Invalid {
            key: key.to_owned(),
            problem: problem.into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub kafka: KafkaConfig,
    pub topics: TopicsConfig,
    pub engine: EngineConfig,
    pub story: StoryConfig,
    pub history: HistoryConfig,
    pub metrics: MetricsConfig,
    pub log: LogConfig,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KafkaConfig {
    /// Comma-separated `host:port` bootstrap list.
    pub brokers: String,
    pub group_id: String,
    /// Extra librdkafka properties for the consumer (TLS, SASL, timeouts...).
    pub consumer: BTreeMap<String, String>,
    /// Extra librdkafka properties for the producer.
    pub producer: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TopicsConfig {
    pub input: String,
    pub output: String,
    pub dead_letter: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EngineConfig {
    /// Threads of the parallel story stage; 0 means one per CPU core.
    pub workers: usize,
    /// Messages a stage lane takes at once when they have queued up for it (and at most 1 MiB
    /// of input): the stage runs each finder over the whole batch, which keeps its tables in the
    /// cache. 1 turns it off.
    pub stage_batch: usize,
    /// Messages consumed but not yet acknowledged, across all partitions.
    pub max_in_flight: usize,
    /// Messages consumed but not yet acknowledged, per partition.
    pub max_in_flight_per_partition: usize,
    pub commit_interval_ms: u64,
    /// How long a revoked partition's in-flight messages may take to finish.
    pub drain_timeout_ms: u64,
    /// How long SIGTERM/SIGINT may take from signal to exit.
    pub shutdown_timeout_ms: u64,
    /// How often librdkafka reports statistics (lag, broker state, queue depth).
    pub stats_interval_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoryConfig {
    pub max_message_bytes: usize,
    /// Plain ninjs 2.2 records, without the `wirestream` extension object.
    pub strict: bool,
    /// Home time zone (IANA name) per source, for printed times without a zone.
    pub source_timezones: BTreeMap<String, String>,
    /// Where to find the canonical fields in other JSON shapes: field → comma-separated
    /// dotted paths, tried before the default names.
    pub json_fields: BTreeMap<String, String>,
}

/// Home zones of common agencies and outlets; `story.source_timezones` adds to and overrides them.
const DEFAULT_SOURCE_TIMEZONES: &[(&str, &str)] = &[
    ("AP", "America/New_York"),
    ("Miami Herald", "America/New_York"),
    ("el Nuevo Herald", "America/New_York"),
    ("Reuters", "Europe/London"),
    ("AFP", "Europe/Paris"),
    ("dpa", "Europe/Berlin"),
    ("Lusa", "Europe/Lisbon"),
    ("EFE", "Europe/Madrid"),
    ("AAP", "Australia/Sydney"),
    ("Interfax", "Europe/Moscow"),
];

/// The history of recent stories that duplicates and versions are found in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HistoryConfig {
    /// Stories seen longer ago than this are forgotten.
    pub window_hours: u64,
    /// At most this many stories are remembered (about 1.4 KB each).
    pub max_stories: usize,
    /// Estimated shingle similarity (0–1) from which a story is a near duplicate.
    pub near_duplicate_similarity: f64,
    /// How long the start may spend reading the window back from the output topic.
    pub rebuild_timeout_ms: u64,
}

impl Default for HistoryConfig {
    fn default() -> Self {
        Self {
            window_hours: 48,
            max_stories: 100_000,
            near_duplicate_similarity: 0.5,
            rebuild_timeout_ms: 60_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MetricsConfig {
    pub listen: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// A `tracing` filter directive (`info`, `wirestream=debug,rdkafka=warn`).
    pub level: String,
    /// `json` for machines, `text` for people.
    pub format: String,
}

impl Default for KafkaConfig {
    fn default() -> Self {
        Self {
            brokers: "localhost:9092".into(),
            group_id: "wirestream".into(),
            consumer: BTreeMap::new(),
            producer: BTreeMap::new(),
        }
    }
}

impl Default for TopicsConfig {
    fn default() -> Self {
        Self {
            input: "stories.raw".into(),
            output: "stories.ninjs".into(),
            dead_letter: "stories.dead-letter".into(),
        }
    }
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            workers: 0,
            stage_batch: 32,
            max_in_flight: 10_000,
            max_in_flight_per_partition: 2_000,
            commit_interval_ms: 1_000,
            drain_timeout_ms: 10_000,
            shutdown_timeout_ms: 30_000,
            stats_interval_ms: 1_000,
        }
    }
}

impl Default for StoryConfig {
    fn default() -> Self {
        Self {
            max_message_bytes: 2_000_000,
            strict: false,
            source_timezones: BTreeMap::new(),
            json_fields: BTreeMap::new(),
        }
    }
}

impl Default for MetricsConfig {
    fn default() -> Self {
        Self {
            listen: "0.0.0.0:9464".into(),
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            level: "info".into(),
            format: "json".into(),
        }
    }
}

impl Config {
    /// Reads the file (if any), applies `WIRESTREAM_*` overrides from `environment`, validates.
    pub fn load(
        path: Option<&Path>,
        environment: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let (mut table, origin) = match path {
            Some(path) => {
                let origin = path.display().to_string();
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: origin.clone(),
                    source,
                })?;
                let table = text
                    .parse::<toml::Table>()
                    .map_err(|error| ConfigError::Syntax {
                        path: origin.clone(),
                        message: error.to_string(),
                    })?;
                (table, origin)
            }
            None => (toml::Table::new(), "defaults".to_owned()),
        };
        apply_environment(&mut table, environment)?;
        let config: Config =
            serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|error| {
                let key = error.path().to_string();
                ConfigError::invalid(&key, format!("{} (from {origin})", error.inner()))
            })?;
        config.validate()?;
        Ok(config)
    }

    /// Threads of the parallel stage, with 0 resolved to the number of cores.
    pub fn stage_workers(&self) -> usize {
        match self.engine.workers {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        }
    }

    pub fn stage_settings(&self) -> StageSettings {
        let configured = self
            .story
            .source_timezones
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()));
        let source_timezones = DEFAULT_SOURCE_TIMEZONES
            .iter()
            .copied()
            .chain(configured)
            .filter_map(|(source, zone)| Some((source.to_lowercase(), zone.parse().ok()?)))
            .collect();
        StageSettings {
            max_message_bytes: self.story.max_message_bytes,
            source_timezones,
            strict: self.story.strict,
            json_fields: self.story.json_fields.clone(),
            history: crate::story::history::HistorySettings {
                window: self.history_window(),
                capacity: self.history.max_stories,
                near_duplicate_similarity: self.history.near_duplicate_similarity,
            },
        }
    }

    /// How far back the history reaches.
    pub fn history_window(&self) -> chrono::Duration {
        chrono::Duration::hours(
            i64::try_from(self.history.window_hours).unwrap_or(i64::MAX / 3_600_000),
        )
    }

    pub fn history_rebuild_timeout(&self) -> Duration {
        Duration::from_millis(self.history.rebuild_timeout_ms)
    }

    pub fn metrics_listen(&self) -> SocketAddr {
        self.metrics
            .listen
            .parse()
            .expect("validated when the config was loaded")
    }

    pub fn commit_interval(&self) -> Duration {
        Duration::from_millis(self.engine.commit_interval_ms)
    }

    pub fn drain_timeout(&self) -> Duration {
        Duration::from_millis(self.engine.drain_timeout_ms)
    }

    pub fn shutdown_timeout(&self) -> Duration {
        Duration::from_millis(self.engine.shutdown_timeout_ms)
    }

    /// The consumer's librdkafka properties: wirestream's required settings, defaults the
    /// passthrough may change, then the passthrough.
    pub fn consumer_properties(&self) -> ClientConfig {
        let mut client = ClientConfig::new();
        client
            .set("auto.offset.reset", "earliest")
            .set(
                "statistics.interval.ms",
                self.engine.stats_interval_ms.to_string(),
            )
            .set("client.id", "wirestream");
        for (key, value) in &self.kafka.consumer {
            client.set(key, value);
        }
        client
            .set("bootstrap.servers", &self.kafka.brokers)
            .set("group.id", &self.kafka.group_id)
            .set("enable.auto.commit", "false")
            .set("enable.auto.offset.store", "false");
        client
    }

    /// The producer's librdkafka properties: idempotent, `acks=all`, large enough for any input
    /// the stage accepts to reach the dead-letter topic unchanged.
    pub fn producer_properties(&self) -> ClientConfig {
        let message_max_bytes = (self.story.max_message_bytes + 1_048_576).max(16 * 1_048_576);
        let mut client = ClientConfig::new();
        client
            .set("linger.ms", "5")
            .set("compression.type", "lz4")
            .set("message.max.bytes", message_max_bytes.to_string())
            .set(
                "statistics.interval.ms",
                self.engine.stats_interval_ms.to_string(),
            )
            .set("client.id", "wirestream");
        for (key, value) in &self.kafka.producer {
            client.set(key, value);
        }
        client
            .set("bootstrap.servers", &self.kafka.brokers)
            .set("enable.idempotence", "true")
            .set("acks", "all");
        client
    }

    fn validate(&self) -> Result<(), ConfigError> {
        require_non_empty("kafka.brokers", &self.kafka.brokers)?;
        require_non_empty("kafka.group_id", &self.kafka.group_id)?;
        let topics = [
            ("topics.input", &self.topics.input),
            ("topics.output", &self.topics.output),
            ("topics.dead_letter", &self.topics.dead_letter),
        ];
        for (key, topic) in topics {
            validate_topic_name(key, topic)?;
        }
        if self.topics.output == self.topics.input || self.topics.dead_letter == self.topics.input {
            return Err(ConfigError::invalid(
                "topics.input",
                "must differ from topics.output and topics.dead_letter (a loop would reprocess every record)",
            ));
        }
        if self.topics.output == self.topics.dead_letter {
            return Err(ConfigError::invalid(
                "topics.dead_letter",
                "must differ from topics.output",
            ));
        }
        let engine = &self.engine;
        require_positive("engine.max_in_flight", engine.max_in_flight as u64)?;
        require_positive(
            "engine.max_in_flight_per_partition",
            engine.max_in_flight_per_partition as u64,
        )?;
        if engine.max_in_flight_per_partition > engine.max_in_flight {
            return Err(ConfigError::invalid(
                "engine.max_in_flight_per_partition",
                format!(
                    "{} is larger than engine.max_in_flight ({})",
                    engine.max_in_flight_per_partition, engine.max_in_flight
                ),
            ));
        }
        if engine.workers > 4096 {
            return Err(ConfigError::invalid("engine.workers", "at most 4096"));
        }
        require_positive("engine.stage_batch", engine.stage_batch as u64)?;
        if engine.stage_batch > 1024 {
            return Err(ConfigError::invalid("engine.stage_batch", "at most 1024"));
        }
        require_positive("engine.commit_interval_ms", engine.commit_interval_ms)?;
        require_positive("engine.drain_timeout_ms", engine.drain_timeout_ms)?;
        require_positive("engine.shutdown_timeout_ms", engine.shutdown_timeout_ms)?;
        require_positive("engine.stats_interval_ms", engine.stats_interval_ms)?;
        self.validate_drain_bound()?;
        require_positive(
            "story.max_message_bytes",
            self.story.max_message_bytes as u64,
        )?;
        self.validate_story_tables()?;
        require_positive("history.window_hours", self.history.window_hours)?;
        require_positive("history.max_stories", self.history.max_stories as u64)?;
        if !(self.history.near_duplicate_similarity > 0.0
            && self.history.near_duplicate_similarity <= 1.0)
        {
            return Err(ConfigError::invalid(
                "history.near_duplicate_similarity",
                "must be above 0 and at most 1",
            ));
        }
        self.metrics.listen.parse::<SocketAddr>().map_err(|error| {
            ConfigError::invalid("metrics.listen", format!("not host:port ({error})"))
        })?;
        if !matches!(self.log.format.as_str(), "json" | "text") {
            return Err(ConfigError::invalid(
                "log.format",
                "must be `json` or `text`",
            ));
        }
        tracing_subscriber::EnvFilter::try_new(&self.log.level)
            .map_err(|error| ConfigError::invalid("log.level", error.to_string()))?;
        validate_passthrough(
            "kafka.consumer",
            &self.kafka.consumer,
            RESERVED_CONSUMER_PROPERTIES,
        )?;
        validate_passthrough(
            "kafka.producer",
            &self.kafka.producer,
            RESERVED_PRODUCER_PROPERTIES,
        )?;
        self.consumer_properties()
            .create_native_config()
            .map_err(|error| ConfigError::invalid("kafka.consumer", error.to_string()))?;
        self.producer_properties()
            .create_native_config()
            .map_err(|error| ConfigError::invalid("kafka.producer", error.to_string()))?;
        Ok(())
    }

    fn validate_story_tables(&self) -> Result<(), ConfigError> {
        for (source, zone) in &self.story.source_timezones {
            zone.parse::<chrono_tz::Tz>().map_err(|_| {
                ConfigError::invalid(
                    &format!("story.source_timezones.{source}"),
                    format!("`{zone}` is not an IANA time zone"),
                )
            })?;
        }
        for (field, paths) in &self.story.json_fields {
            let key = format!("story.json_fields.{field}");
            if !crate::story::JSON_MAPPABLE_FIELDS.contains(&field.as_str()) {
                return Err(ConfigError::invalid(
                    &key,
                    format!(
                        "not a mappable field (one of {})",
                        crate::story::JSON_MAPPABLE_FIELDS.join(", ")
                    ),
                ));
            }
            if paths.split(',').any(|path| path.trim().is_empty()) {
                return Err(ConfigError::invalid(&key, "contains an empty path"));
            }
        }
        Ok(())
    }

    /// A revoked partition must be drained before the group gives up on this member, or the
    /// drain would race the next owner.
    fn validate_drain_bound(&self) -> Result<(), ConfigError> {
        let passthrough_ms = |key: &str, default: u64| -> Result<u64, ConfigError> {
            match self.kafka.consumer.get(key) {
                Some(value) => value.parse().map_err(|_| {
                    ConfigError::invalid(&format!("kafka.consumer.{key}"), "must be milliseconds")
                }),
                None => Ok(default),
            }
        };
        let session = passthrough_ms("session.timeout.ms", LIBRDKAFKA_DEFAULT_SESSION_TIMEOUT_MS)?;
        let poll = passthrough_ms(
            "max.poll.interval.ms",
            LIBRDKAFKA_DEFAULT_MAX_POLL_INTERVAL_MS,
        )?;
        let bound = session.min(poll);
        if self.engine.drain_timeout_ms >= bound {
            return Err(ConfigError::invalid(
                "engine.drain_timeout_ms",
                format!(
                    "{} must be shorter than the consumer's session.timeout.ms and max.poll.interval.ms ({bound})",
                    self.engine.drain_timeout_ms
                ),
            ));
        }
        Ok(())
    }
}

fn require_non_empty(key: &str, value: &str) -> Result<(), ConfigError> {
    if value.trim().is_empty() {
        return Err(ConfigError::invalid(key, "must not be empty"));
    }
    Ok(())
}

fn require_positive(key: &str, value: u64) -> Result<(), ConfigError> {
    if value == 0 {
        return Err(ConfigError::invalid(key, "must be greater than 0"));
    }
    Ok(())
}

/// Kafka's own rule: 1–249 characters of `[a-zA-Z0-9._-]`.
fn validate_topic_name(key: &str, topic: &str) -> Result<(), ConfigError> {
    let legal = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if topic.is_empty()
        || topic.len() > 249
        || !topic.chars().all(legal)
        || topic == "."
        || topic == ".."
    {
        return Err(ConfigError::invalid(
            key,
            format!("`{topic}` is not a legal Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)"),
        ));
    }
    Ok(())
}

fn validate_passthrough(
    section: &str,
    properties: &BTreeMap<String, String>,
    reserved: &[(&str, &str)],
) -> Result<(), ConfigError> {
    for (property, reason) in reserved {
        if properties.contains_key(*property) {
            return Err(ConfigError::invalid(
                &format!("{section}.{property}"),
                format!("is set by wirestream ({reason})"),
            ));
        }
    }
    Ok(())
}

/// Applies `WIRESTREAM_<SECTION>_<KEY>` variables to the parsed file.
///
/// The key schema is the default config itself, so every key is overridable and a misspelt
/// variable is an error rather than silently ignored. For the librdkafka passthrough tables the
/// rest of the name is the property with `_` for `.`:
/// `WIRESTREAM_KAFKA_CONSUMER_SECURITY_PROTOCOL` sets `kafka.consumer."security.protocol"`.
fn apply_environment(
    table: &mut toml::Table,
    environment: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    let schema = toml::Table::try_from(Config::default()).expect("the default config serializes");
    let mut overrides: Vec<(String, String)> = environment
        .into_iter()
        .filter(|(name, _)| name.starts_with(ENV_PREFIX) && name != CONFIG_PATH_ENV)
        .collect();
    overrides.sort();
    for (variable, raw) in overrides {
        let suffix = variable[ENV_PREFIX.len()..].to_ascii_lowercase();
        let (section, key, value) =
            resolve_override(&schema, &suffix, &raw).map_err(|problem| {
                ConfigError::Environment {
                    variable: variable.clone(),
                    problem,
                }
            })?;
        let section_table = table
            .entry(section.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let Some(section_table) = section_table.as_table_mut() else {
            return Err(ConfigError::invalid(&section, "must be a table"));
        };
        match key {
            OverrideKey::Scalar(key) => {
                section_table.insert(key, value);
            }
            OverrideKey::Passthrough { map, property } => {
                let map_table = section_table
                    .entry(map.clone())
                    .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                let Some(map_table) = map_table.as_table_mut() else {
                    return Err(ConfigError::invalid(
                        &format!("{section}.{map}"),
                        "must be a table",
                    ));
                };
                map_table.insert(property, value);
            }
        }
    }
    Ok(())
}

enum OverrideKey {
    Scalar(String),
    Passthrough { map: String, property: String },
}

/// Finds which key a variable suffix names and converts its text to that key's type.
fn resolve_override(
    schema: &toml::Table,
    suffix: &str,
    raw: &str,
) -> Result<(String, OverrideKey, toml::Value), String> {
    for (section, fields) in schema {
        let Some(fields) = fields.as_table() else {
            continue;
        };
        let Some(rest) = suffix
            .strip_prefix(section.as_str())
            .and_then(|r| r.strip_prefix('_'))
        else {
            continue;
        };
        for (key, default) in fields {
            if let toml::Value::Table(_) = default {
                if let Some(property) = rest
                    .strip_prefix(key.as_str())
                    .and_then(|r| r.strip_prefix('_'))
                {
                    let key = OverrideKey::Passthrough {
                        map: key.clone(),
                        property: property.replace('_', "."),
                    };
                    return Ok((section.clone(), key, toml::Value::String(raw.to_owned())));
                }
            } else if rest == key {
                let value = match default {
                    toml::Value::Integer(_) => raw
                        .trim()
                        .parse::<i64>()
                        .map(toml::Value::Integer)
                        .map_err(|_| format!("`{raw}` is not an integer (for {section}.{key})"))?,
                    toml::Value::Float(_) => raw
                        .trim()
                        .parse::<f64>()
                        .map(toml::Value::Float)
                        .map_err(|_| format!("`{raw}` is not a number (for {section}.{key})"))?,
                    toml::Value::Boolean(_) => raw
                        .trim()
                        .parse::<bool>()
                        .map(toml::Value::Boolean)
                        .map_err(|_| format!("`{raw}` is not true/false (for {section}.{key})"))?,
                    _ => toml::Value::String(raw.to_owned()),
                };
                return Ok((section.clone(), OverrideKey::Scalar(key.clone()), value));
            }
        }
    }
    Err("names no config key (see config/wirestream.toml)".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn load_text(text: &str, environment: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        Config::load(Some(file.path()), env(environment))
    }

    fn invalid_key(result: Result<Config, ConfigError>) -> String {
        match result {
            Err(ConfigError::Invalid { key, .. }) => key,
            other => panic!("expected an invalid key, got {other:?}"),
        }
    }

    #[test]
    fn the_shipped_example_is_the_default() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/wirestream.toml");
        let loaded = Config::load(Some(&path), Vec::new()).unwrap();
        assert_eq!(loaded, Config::default());
    }

    #[test]
    fn environment_overrides_file_with_typed_values() {
        let config = load_text(
            "[topics]\ninput = \"a\"\n[engine]\nworkers = 3\n",
            &[
                ("WIRESTREAM_TOPICS_INPUT", "from-env"),
                ("WIRESTREAM_ENGINE_MAX_IN_FLIGHT", "500"),
                ("WIRESTREAM_ENGINE_MAX_IN_FLIGHT_PER_PARTITION", "50"),
                ("WIRESTREAM_KAFKA_GROUP_ID", "g2"),
                ("WIRESTREAM_KAFKA_CONSUMER_SECURITY_PROTOCOL", "ssl"),
                ("OTHER_VARIABLE", "ignored"),
            ],
        )
        .unwrap();
        assert_eq!(config.topics.input, "from-env");
        assert_eq!(config.engine.workers, 3);
        assert_eq!(config.engine.max_in_flight, 500);
        assert_eq!(config.kafka.group_id, "g2");
        assert_eq!(
            config
                .kafka
                .consumer
                .get("security.protocol")
                .map(String::as_str),
            Some("ssl")
        );
    }

    #[test]
    fn errors_name_the_key() {
        assert_eq!(
            invalid_key(load_text("[engine]\nmax_in_flight = \"many\"\n", &[])),
            "engine.max_in_flight"
        );
        assert_eq!(
            invalid_key(load_text("[engine]\nmax_inflight = 3\n", &[])),
            "engine.max_inflight"
        );
        assert_eq!(
            invalid_key(load_text("[topics]\noutput = \"stories.raw\"\n", &[])),
            "topics.input"
        );
        assert_eq!(
            invalid_key(load_text("[topics]\ninput = \"bad topic\"\n", &[])),
            "topics.input"
        );
        assert_eq!(
            invalid_key(load_text("[metrics]\nlisten = \"nowhere\"\n", &[])),
            "metrics.listen"
        );
        for batch in ["0", "1025"] {
            assert_eq!(
                invalid_key(load_text(
                    &format!("[engine]\nstage_batch = {batch}\n"),
                    &[]
                )),
                "engine.stage_batch"
            );
        }
        assert_eq!(
            invalid_key(load_text(
                "[engine]\nmax_in_flight = 10\nmax_in_flight_per_partition = 20\n",
                &[]
            )),
            "engine.max_in_flight_per_partition"
        );
        assert_eq!(
            invalid_key(load_text(
                "[kafka.consumer]\n\"enable.auto.commit\" = \"true\"\n",
                &[]
            )),
            "kafka.consumer.enable.auto.commit"
        );
        assert_eq!(
            invalid_key(load_text(
                "[kafka.producer]\n\"no.such.property\" = \"1\"\n",
                &[]
            )),
            "kafka.producer"
        );
    }

    #[test]
    fn story_tables_are_checked() {
        let zone = "[story.source_timezones]\n\"Harbour Post\" = \"Mars/Olympus\"\n";
        assert_eq!(
            invalid_key(load_text(zone, &[])),
            "story.source_timezones.Harbour Post"
        );
        let field = "[story.json_fields]\nkicker = \"data.kicker\"\n";
        assert_eq!(
            invalid_key(load_text(field, &[])),
            "story.json_fields.kicker"
        );
        let good = "[story.json_fields]\nheadline = \"data.title\"\n[story.source_timezones]\n\"Harbour Post\" = \"Europe/Lisbon\"\n";
        let config = load_text(good, &[]).unwrap();
        assert!(config.stage_settings().home_zone("harbour post").is_some());
    }

    #[test]
    fn drain_must_be_shorter_than_the_session_timeout() {
        let text = "[engine]\ndrain_timeout_ms = 7000\n[kafka.consumer]\n\"session.timeout.ms\" = \"6000\"\n";
        assert_eq!(invalid_key(load_text(text, &[])), "engine.drain_timeout_ms");
    }

    #[test]
    fn bad_environment_values_name_the_variable() {
        let error = load_text("", &[("WIRESTREAM_ENGINE_WORKERS", "lots")]).unwrap_err();
        assert!(
            matches!(&error, ConfigError::Environment { variable, .. } if variable == "WIRESTREAM_ENGINE_WORKERS"),
            "{error}"
        );
        let error = load_text("", &[("WIRESTREAM_TOPICS_INPUTT", "x")]).unwrap_err();
        assert!(
            matches!(&error, ConfigError::Environment { variable, .. } if variable == "WIRESTREAM_TOPICS_INPUTT"),
            "{error}"
        );
    }
}
