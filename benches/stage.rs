//! The story stage on its own: raw message bytes in, ninjs record out, per input shape.
//!
//! The `baseline/json_roundtrip` case parses and re-serializes the same JSON inputs with
//! serde_json and nothing else: the stage's cost is read as a ratio against it.
//! Set `WIRESTREAM_BENCH_CORPUS=DIR` to add every file of a corpus folder as one more case, and
//! the whole folder as the `mix`, `flushed` and `steps` groups.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use wirestream::story::model::Story;
use wirestream::story::text::Text;
use wirestream::story::{enrich, language, RawMessage, StoryStage};

/// The worker's allocator, so that the stage is measured as it runs in the worker.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn fetcher_json(paragraphs: usize) -> Vec<u8> {
    let body: String = (0..paragraphs)
        .map(|i| format!("<p>Paragraph {i}: officials said on Tuesday that the harbour would reopen after a week of repairs, and ferry operators reported steady traffic &amp; few delays.</p>"))
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "id": "bench-1", "source": "wire", "headline": "Harbour reopens after repairs &#8212; ferries resume",
        "byline": "By ANA COSTA and JONAS WEBER Associated Press", "body_html": body,
        "published": "2024-05-14T09:30:00Z",
    }))
    .expect("serializable")
}

fn plain_text(paragraphs: usize) -> Vec<u8> {
    let mut text =
        String::from("Council approves budget after late-night session\n\nBy Jonas Weber\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!("BERLIN (Wire) — Paragraph {i}: the city council approved the budget on Monday by 31 votes to 12, officials said.\n\n"));
    }
    text.into_bytes()
}

fn ninjs(paragraphs: usize) -> Vec<u8> {
    let body: String = (0..paragraphs)
        .map(|i| format!("<p>Paragraph {i}: the brigade will be fully operational by 2027, the ministry said.</p>"))
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "uri": "urn:newsml:example.com:20240515:doc-1", "type": "text",
        "headlines": [{"role": "main", "value": "Germany stations brigade in Lithuania"}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "firstcreated": "2024-05-15T07:55:00Z", "versioncreated": "2024-05-15T10:12:00Z",
    }))
    .expect("serializable")
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut cases = vec![
        ("fetcher_json_12p".to_owned(), fetcher_json(12)),
        ("plain_text_12p".to_owned(), plain_text(12)),
        ("ninjs_12p".to_owned(), ninjs(12)),
        (
            "rejected_invalid_utf8".to_owned(),
            b"Caf\xe9 \xff\xfe broken".to_vec(),
        ),
    ];
    if let Some(dir) = std::env::var_os("WIRESTREAM_BENCH_CORPUS") {
        let files = wirestream::score::raw_inputs(dir.as_ref()).unwrap_or_default();
        for path in files {
            if let Ok(bytes) = std::fs::read(&path) {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                cases.push((format!("corpus/{name}"), bytes));
            }
        }
    }
    cases
}

fn stage(c: &mut Criterion) {
    let stage = StoryStage::new(wirestream::config::Config::default().stage_settings());
    let mut group = c.benchmark_group("stage");
    for (name, bytes) in inputs() {
        group.throughput(Throughput::Elements(1));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
            b.iter(|| {
                let message = RawMessage {
                    value: black_box(bytes),
                    content_type: None,
                    sent: None,
                };
                black_box(stage.process(&message).is_ok())
            })
        });
    }
    group.finish();

    // The corpus as a mix: every input once per iteration, so throughput is inputs per second
    // on one core for the stories a desk actually receives, taken one at a time and as one
    // batch (the way a busy lane takes them).
    let mix: Vec<Vec<u8>> = inputs()
        .into_iter()
        .filter(|(name, _)| name.starts_with("corpus/"))
        .map(|(_, bytes)| bytes)
        .collect();
    let messages: Vec<RawMessage<'_>> = mix
        .iter()
        .map(|bytes| RawMessage {
            value: bytes,
            content_type: None,
            sent: None,
        })
        .collect();
    if !mix.is_empty() {
        let mut group = c.benchmark_group("mix");
        group.throughput(Throughput::Elements(mix.len() as u64));
        group.bench_function("corpus", |b| {
            b.iter(|| {
                for bytes in &mix {
                    let message = RawMessage {
                        value: black_box(bytes),
                        content_type: None,
                        sent: None,
                    };
                    black_box(stage.process(&message).is_ok());
                }
            })
        });
        // The same mix as one batch, the way a busy lane takes it: finder by finder.
        group.bench_function("corpus_batch", |b| {
            b.iter(|| {
                let outcomes = stage.process_batch(black_box(&messages));
                black_box(outcomes.iter().filter(|outcome| outcome.is_ok()).count())
            })
        });
        group.finish();

        // The mix in turn with the caches emptied before each input (only the stage is
        // timed): how much of a story's time is the gazetteer, automata and word lists coming
        // back from L3 (a core's L2 is 1 MB here) or from memory (L3 is 32 MB).
        let mut group = c.benchmark_group("flushed");
        group.throughput(Throughput::Elements(mix.len() as u64));
        for (name, bytes) in [("mix_l2", 1 << 20), ("mix_l2_l3", 64 << 20)] {
            let mut buffer = vec![0u8; bytes];
            group.bench_function(name, |b| {
                b.iter_custom(|iterations| {
                    let mut staged = std::time::Duration::ZERO;
                    for _ in 0..iterations {
                        for message in &messages {
                            evict_caches(&mut buffer);
                            let start = std::time::Instant::now();
                            black_box(stage.process(black_box(message)).is_ok());
                            staged += start.elapsed();
                        }
                    }
                    staged
                })
            });
        }
        group.finish();
    }

    steps(c, &stage, &messages);

    let mut baseline = c.benchmark_group("baseline");
    let json = fetcher_json(12);
    baseline.throughput(Throughput::Elements(1));
    baseline.bench_function("json_roundtrip", |b| {
        b.iter(|| {
            let value: serde_json::Value =
                serde_json::from_slice(black_box(&json)).expect("valid json");
            black_box(serde_json::to_vec(&value).expect("serializable"))
        })
    });
    baseline.finish();
}

/// The stage's steps one at a time over the corpus, the way a batch takes them (step by step,
/// story by story): where the time goes. Each step gets what the steps before it found, worked
/// out once outside the timing; rendering and the history are what `mix/corpus_batch` takes
/// beyond the steps' sum.
fn steps(c: &mut Criterion, stage: &StoryStage, messages: &[RawMessage<'_>]) {
    let mut stories: Vec<Story> = messages
        .iter()
        .filter_map(|message| stage.read(message).ok())
        .collect();
    if stories.is_empty() {
        return;
    }
    let bodies: Vec<String> = stories.iter().map(Story::body_text).collect();
    let texts: Vec<Text<'_>> = bodies.iter().map(|body| Text::new(body)).collect();
    let mut batch: Vec<(&mut Story, &Text<'_>)> = stories.iter_mut().zip(&texts).collect();
    for (story, text) in batch.iter_mut() {
        story.language = language::detect_language(text);
    }
    enrich::enrich(&mut batch);
    let stories: Vec<(&Story, &Text<'_>)> = batch
        .into_iter()
        .map(|(story, text)| (&*story, text))
        .collect();

    let mut group = c.benchmark_group("steps");
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.bench_function("read", |b| {
        b.iter(|| {
            messages
                .iter()
                .filter_map(|message| stage.read(black_box(message)).ok())
                .count()
        })
    });
    group.throughput(Throughput::Elements(stories.len() as u64));
    let mut step = |name: &str, run: &dyn Fn(&Story, &Text<'_>) -> usize| {
        group.bench_function(name, |b| {
            b.iter(|| {
                stories
                    .iter()
                    .map(|(story, text)| run(black_box(story), black_box(text)))
                    .sum::<usize>()
            })
        });
    };
    step("text", &|_, text| Text::new(text.body()).words().len());
    step("language", &|_, text| {
        usize::from(language::detect_language(text).is_some())
    });
    step("places", &|story, text| {
        enrich::places::find_places(story, text).len()
    });
    step("organisations", &|story, text| {
        let language = story.language.map(|l| l.code);
        enrich::organisations::find_organisations(text, &story.places, language).len()
    });
    step("people", &|story, text| {
        let (places, organisations) = (&story.places, &story.organisations);
        let language = story.language.map(|l| l.code);
        enrich::people::find_people(text, places, organisations, &story.authors, language).len()
    });
    step("quotes", &|story, text| {
        enrich::quotes::find_quotes(text, &story.people, &story.organisations).len()
    });
    step("dates", &|story, text| {
        enrich::dates::find_dates(text, enrich::dates::story_date(story)).len()
    });
    step("topics", &|story, text| {
        let language = story.language.map(|l| l.code);
        enrich::topics::find_subjects(story.headline.as_deref(), text, language).len()
    });
    step("keywords", &|story, text| {
        let language = story.language.map(|detected| detected.code);
        enrich::keywords::find_keywords(story.headline.as_deref(), text, language).len()
    });
    group.finish();
}

/// Writes one byte of every cache line of `buffer`, pushing whatever the caches held out.
fn evict_caches(buffer: &mut [u8]) {
    for line in buffer.chunks_mut(64) {
        line[0] = line[0].wrapping_add(1);
    }
    black_box(&buffer);
}

criterion_group!(benches, stage);
criterion_main!(benches);
