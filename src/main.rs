//! The `wirestream` command line: the worker, the offline stage, and config checking.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use tokio::sync::watch;
use tracing::{error, info};

use wirestream::config::{Config, CONFIG_PATH_ENV};
use wirestream::engine;
use wirestream::story::{RawMessage, StoryStage};
use wirestream::telemetry::{health::Health, http, logging, metrics::Metrics};

/// mimalloc rather than the system allocator: the story stage allocates many short-lived strings
/// per story from several lanes at once, where glibc's malloc measured a sixth of the stage's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code for an invalid configuration (before anything connects).
const EXIT_CONFIG: u8 = 2;
/// Exit code of `process` when at least one input was rejected.
const EXIT_REJECTED: u8 = 1;

#[derive(Parser)]
#[command(
    name = "wirestream",
    version,
    about = "Raw wire-service stories from Kafka in, IPTC ninjs records out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the worker: consume, process in parallel, produce, commit.
    Run {
        /// TOML config file; every key can be overridden by WIRESTREAM_<SECTION>_<KEY>.
        #[arg(long, env = CONFIG_PATH_ENV)]
        config: Option<PathBuf>,
    },
    /// Run the story stage offline: each FILE (or stdin) is one raw message value; prints the
    /// exact record the worker would produce, one JSON document per line.
    Process {
        #[arg(long, env = CONFIG_PATH_ENV)]
        config: Option<PathBuf>,
        /// Raw message files; stdin when none.
        files: Vec<PathBuf>,
    },
    /// Score the story stage against a corpus folder: every raw file with a `.gold.json` beside
    /// it; prints precision/recall/F1 per field (`--json`: the JSON summary only).
    Score {
        #[arg(long, env = CONFIG_PATH_ENV)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        dir: PathBuf,
    },
    /// Validate the configuration and print it as resolved (file + environment).
    CheckConfig {
        #[arg(long, env = CONFIG_PATH_ENV)]
        config: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run { config } => match load_config(config.as_deref()) {
            Ok(config) => run_worker(config),
            Err(code) => code,
        },
        Command::Process { config, files } => match load_config(config.as_deref()) {
            Ok(config) => process_files(&config, &files),
            Err(code) => code,
        },
        Command::Score { config, json, dir } => match load_config(config.as_deref()) {
            Ok(config) => score_corpus(&config, &dir, json),
            Err(code) => code,
        },
        Command::CheckConfig { config } => match load_config(config.as_deref()) {
            Ok(config) => {
                match toml::to_string_pretty(&config) {
                    Ok(text) => print!("{text}"),
                    Err(error) => eprintln!("config is valid but could not be printed: {error}"),
                }
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}

fn load_config(path: Option<&Path>) -> Result<Config, ExitCode> {
    Config::load(path, std::env::vars()).map_err(|error| {
        eprintln!("wirestream: invalid configuration: {error}");
        ExitCode::from(EXIT_CONFIG)
    })
}

fn run_worker(config: Config) -> ExitCode {
    logging::init(&config.log.level, &config.log.format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            error!(%error, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            error!(error = format!("{error:#}"), "worker stopped with an error");
            ExitCode::FAILURE
        }
    }
}

/// Starts the HTTP endpoints, runs the engine until a termination signal, then stops it.
async fn serve(config: Config) -> anyhow::Result<()> {
    let metrics = Metrics::new();
    let health = Arc::new(Health::default());
    let (address, server) = http::bind(config.metrics_listen(), metrics.clone(), health.clone())
        .await
        .with_context(|| format!("binding metrics.listen {}", config.metrics.listen))?;
    info!(%address, "serving /metrics, /healthz and /readyz");
    let server = tokio::spawn(server);
    let (stop_sender, stop) = watch::channel(false);
    let signals = tokio::spawn(async move {
        match engine::shutdown::termination_signal().await {
            Ok(signal) => info!(signal, "termination signal received"),
            Err(error) => error!(%error, "cannot listen for termination signals"),
        }
        let _ = stop_sender.send(true);
    });
    let result = engine::run(&config, metrics, health, stop).await;
    signals.abort();
    server.abort();
    result
}

fn process_files(config: &Config, files: &[PathBuf]) -> ExitCode {
    let stage = StoryStage::new(config.stage_settings());
    let inputs: Vec<(String, std::io::Result<Vec<u8>>)> = if files.is_empty() {
        let mut bytes = Vec::new();
        let read = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
        vec![("-".to_owned(), read)]
    } else {
        files
            .iter()
            .map(|path| (path.display().to_string(), std::fs::read(path)))
            .collect()
    };
    let mut stdout = std::io::stdout().lock();
    let mut all_accepted = true;
    for (name, bytes) in inputs {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!(
                    "{}",
                    serde_json::json!({"input": name, "class": "io", "message": error.to_string()})
                );
                all_accepted = false;
                continue;
            }
        };
        let message = RawMessage {
            value: &bytes,
            content_type: None,
            sent: None,
        };
        match stage.process(&message) {
            Ok(record) => {
                let written = stdout
                    .write_all(&record.json)
                    .and_then(|()| stdout.write_all(b"\n"));
                if written.is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Err(rejection) => {
                all_accepted = false;
                eprintln!(
                    "{}",
                    serde_json::json!({
                        "input": name,
                        "class": rejection.class.as_str(),
                        "stage": rejection.step.as_str(),
                        "message": rejection.message,
                    })
                );
            }
        }
    }
    if all_accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_REJECTED)
    }
}

fn score_corpus(config: &Config, dir: &Path, json: bool) -> ExitCode {
    let stage = StoryStage::new(config.stage_settings());
    match wirestream::score::score_folder(&stage, dir) {
        Ok(report) => {
            let summary = wirestream::score::summary(&report);
            let text = if json {
                format!("{summary}\n")
            } else {
                format!("{}\n{summary}\n", wirestream::score::render_table(&report))
            };
            // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("wirestream score: {error}");
            ExitCode::FAILURE
        }
    }
}
