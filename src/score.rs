//! The scoring command: how well the stage extracts what an editor would, measured against a
//! folder of raw messages with `.gold.json` answers (the layout of `shared/corpus`).
//!
//! Every raw file goes through [`StoryStage::process`], the worker's own code path; the record
//! it returns is read back the way a consumer of the output topic would read it. Each field is
//! counted as true/false positives and false negatives, then precision, recall and F1.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::story::gazetteer::fold;
use crate::story::{RawMessage, StoryStage};

/// Counts of one field over a corpus.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct FieldScore {
    pub true_positives: u32,
    pub false_positives: u32,
    pub false_negatives: u32,
}

impl FieldScore {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Scores one single-valued field.
    fn single(
        &mut self,
        predicted: Option<&str>,
        gold: Option<&str>,
        same: impl Fn(&str, &str) -> bool,
    ) {
        match (predicted, gold) {
            (Some(p), Some(g)) if same(p, g) => self.true_positives += 1,
            (Some(_), Some(_)) => {
                self.false_positives += 1;
                self.false_negatives += 1;
            }
            (Some(_), None) => self.false_positives += 1,
            (None, Some(_)) => self.false_negatives += 1,
            (None, None) => {}
        }
    }

    /// Scores a set-valued field: each gold item matched at most once.
    fn set(&mut self, predicted: &[String], gold: &[String], same: impl Fn(&str, &str) -> bool) {
        let mut unmatched: Vec<&String> = predicted.iter().collect();
        for item in gold {
            match unmatched.iter().position(|p| same(p, item)) {
                Some(index) => {
                    unmatched.remove(index);
                    self.true_positives += 1;
                }
                None => self.false_negatives += 1,
            }
        }
        self.false_positives += unmatched.len() as u32;
    }
}

fn ratio(numerator: u32, denominator: u32) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        f64::from(numerator) / f64::from(denominator)
    }
}

/// The outcome of one file.
#[derive(Debug, Serialize)]
pub struct FileOutcome {
    pub file: String,
    /// The record, or the rejection class.
    pub outcome: String,
    /// Fields that missed, for reading the failures.
    pub misses: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub files: usize,
    pub fields: BTreeMap<&'static str, FieldScore>,
    pub outcomes: Vec<FileOutcome>,
}

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid gold JSON: {source}")]
    Gold {
        path: String,
        source: serde_json::Error,
    },
}

/// Scores every raw file of `dir` that has a `.gold.json` beside it.
pub fn score_folder(stage: &StoryStage, dir: &Path) -> Result<Report, ScoreError> {
    let read_error = |path: &Path, source| ScoreError::Read {
        path: path.display().to_string(),
        source,
    };
    // In name order, through one stage: later stories find the earlier ones they duplicate or
    // supersede, as they would in the worker.
    let raw_files: Vec<PathBuf> = raw_inputs(dir)
        .map_err(|e| read_error(dir, e))?
        .into_iter()
        .filter(|path| gold_path(path).is_file())
        .collect();
    let mut seen = BTreeMap::new();
    let mut report = Report {
        files: 0,
        fields: BTreeMap::new(),
        outcomes: Vec::new(),
    };
    for raw_path in raw_files {
        let gold_path = gold_path(&raw_path);
        let bytes = std::fs::read(&raw_path).map_err(|e| read_error(&raw_path, e))?;
        let gold_text =
            std::fs::read_to_string(&gold_path).map_err(|e| read_error(&gold_path, e))?;
        let gold: Value = serde_json::from_str(&gold_text).map_err(|source| ScoreError::Gold {
            path: gold_path.display().to_string(),
            source,
        })?;
        let stem = raw_path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = score_file(stage, &bytes, &gold, &stem, &mut seen, &mut report.fields);
        report.files += 1;
        report.outcomes.push(FileOutcome {
            file: raw_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            outcome: outcome.0,
            misses: outcome.1,
        });
    }
    Ok(report)
}

/// The raw inputs of a folder laid out like `shared/corpus`, in name order: every file but the
/// gold answers and the folder's own notes, manifest and tools. The scorer, the stage bench and
/// the load generator all read a corpus through this.
pub fn raw_inputs(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && is_raw_input(&path) {
            inputs.push(path);
        }
    }
    inputs.sort();
    Ok(inputs)
}

fn is_raw_input(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !(name.ends_with(".gold.json")
        || name == "manifest.json"
        || name.ends_with(".md")
        || name.ends_with(".py"))
}

/// `NNN-slug.ext` → `NNN-slug.gold.json`.
fn gold_path(raw: &Path) -> PathBuf {
    let name = raw
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let stem = name.rsplit_once('.').map_or(&*name, |(stem, _)| stem);
    raw.with_file_name(format!("{stem}.gold.json"))
}

/// `seen` maps the content hash of every record scored so far to its file's stem (`NNN-slug`),
/// the name the gold uses for `duplicate_of` and `version_of`.
fn score_file(
    stage: &StoryStage,
    bytes: &[u8],
    gold: &Value,
    stem: &str,
    seen: &mut BTreeMap<String, String>,
    fields: &mut BTreeMap<&'static str, FieldScore>,
) -> (String, Vec<String>) {
    let mut misses = Vec::new();
    let result = stage.process(&RawMessage {
        value: bytes,
        content_type: None,
        sent: None,
    });
    let expect_error = gold["expect_error"].as_bool().unwrap_or(false);
    let gold_class = gold["error_class"].as_str();
    let record = match result {
        Err(rejection) => {
            let class = rejection.class.as_str();
            let field = fields.entry("error_class").or_default();
            let before = field.true_positives;
            field.single(Some(class), gold_class, |a, b| a == b);
            if field.true_positives == before {
                misses.push(format!("error_class: got {class}, expected {gold_class:?}"));
            }
            return (format!("rejected: {class}"), misses);
        }
        Ok(record) => record,
    };
    if expect_error {
        fields.entry("error_class").or_default().false_negatives += 1;
        misses.push(format!("error_class: accepted, expected {gold_class:?}"));
        return ("record".into(), misses);
    }
    let Ok(ninjs) = serde_json::from_slice::<Value>(&record.json) else {
        return (
            "unreadable record".into(),
            vec!["record is not JSON".into()],
        );
    };
    let mut check = |name: &'static str, score: &mut dyn FnMut(&mut FieldScore)| {
        let field = fields.entry(name).or_default();
        let before = (field.false_positives, field.false_negatives);
        score(field);
        if (field.false_positives, field.false_negatives) != before {
            misses.push(name.to_owned());
        }
    };
    let headline = ninjs["headlines"]
        .as_array()
        .and_then(|h| h.iter().find(|h| h["role"] == "main"))
        .and_then(|h| h["value"].as_str());
    check("headline", &mut |f| {
        f.single(headline, gold["headline"].as_str(), |a, b| a == b)
    });
    let authors: Vec<String> = strings(&ninjs["people"], |p| {
        (p["rel"] == "author").then(|| p["name"].as_str()).flatten()
    });
    check("byline", &mut |f| {
        f.set(
            &authors,
            &strings(&gold["byline"], Value::as_str),
            same_text,
        )
    });
    let first = ninjs["firstcreated"].as_str();
    let version = ninjs["versioncreated"].as_str();
    let updated = version.filter(|v| Some(*v) != first);
    check("published", &mut |f| {
        f.single(first, gold["published"].as_str(), same_instant)
    });
    check("updated", &mut |f| {
        f.single(updated, gold["updated"].as_str(), same_instant)
    });
    let dateline_place = ninjs["located"].as_str();
    check("dateline", &mut |f| {
        f.single(
            dateline_place,
            gold["dateline"]["place"].as_str(),
            same_text,
        )
    });
    let dateline_country = ninjs["places"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["rel"] == "dateline"))
        .and_then(|p| p["uri"].as_str())
        .and_then(|u| u.strip_prefix("iso3166-1a2:"));
    check("dateline_country", &mut |f| {
        f.single(
            dateline_country,
            gold["dateline"]["country_code"].as_str(),
            |a, b| a.eq_ignore_ascii_case(b),
        )
    });
    let places: Vec<String> = place_keys(&ninjs["wirestream"]["places"], |p| {
        p["country_code"].as_str()
    });
    let gold_places = place_keys(&gold["places"], |p| p["country_code"].as_str());
    check("places", &mut |f| {
        f.set(&places, &gold_places, |a, b| a == b)
    });
    let people = strings(&ninjs["wirestream"]["people"], |p| p["name"].as_str());
    check("people", &mut |f| {
        f.set(&people, &strings(&gold["people"], Value::as_str), same_text)
    });
    let organisations = strings(&ninjs["organisations"], |o| o["name"].as_str());
    check("organisations", &mut |f| {
        f.set(
            &organisations,
            &strings(&gold["organisations"], Value::as_str),
            same_text,
        )
    });
    // A quotation as `speaker` + unit separator + `text`, scored on both together.
    let quote_key = |speaker: &str, text: &str| format!("{speaker}\u{1f}{text}");
    let quotes = strings_owned(&ninjs["wirestream"]["quotes"], |q| {
        Some(quote_key(q["speaker"].as_str()?, q["text"].as_str()?))
    });
    let gold_quotes = strings_owned(&gold["quotes"], |q| {
        Some(quote_key(
            q["speaker"].as_str()?,
            q["text_prefix"].as_str()?,
        ))
    });
    check("quotes", &mut |f| {
        f.set(&quotes, &gold_quotes, |predicted, expected| {
            match (
                predicted.split_once('\u{1f}'),
                expected.split_once('\u{1f}'),
            ) {
                (Some((speaker, text)), Some((gold_speaker, prefix))) => {
                    same_text(speaker, gold_speaker) && fold(text).starts_with(&fold(prefix))
                }
                _ => false,
            }
        })
    });
    let speakers = strings(&ninjs["wirestream"]["quotes"], |q| q["speaker"].as_str());
    check("quote_speaker", &mut |f| {
        f.set(
            &speakers,
            &strings(&gold["quotes"], |q| q["speaker"].as_str()),
            same_text,
        )
    });
    let extension = &ninjs["wirestream"];
    if let Some(hash) = extension["content_hash"].as_str() {
        seen.insert(hash.to_owned(), stem.to_owned());
    }
    for relation in ["duplicate_of", "version_of"] {
        let predicted = extension[relation]["content_hash"]
            .as_str()
            .map(|hash| seen.get(hash).map_or("(unknown)", String::as_str));
        check(relation, &mut |f| {
            f.single(predicted, gold[relation].as_str(), |a, b| a == b)
        });
    }
    let source = ninjs["infosources"]
        .as_array()
        .and_then(|s| s.first())
        .and_then(|s| s["name"].as_str());
    check("source", &mut |f| {
        f.single(source, gold["source"].as_str(), same_text)
    });
    check("language", &mut |f| {
        f.single(
            ninjs["language"].as_str(),
            gold["language"].as_str(),
            |a, b| a == b,
        )
    });
    let captions: Vec<String> = strings(&ninjs["associations"], |a| {
        a["descriptions"]
            .as_array()?
            .iter()
            .find(|d| d["role"] == "caption")?["value"]
            .as_str()
    });
    let gold_captions = strings(&gold["images"], |i| i["caption_prefix"].as_str());
    check("images", &mut |f| {
        f.set(&captions, &gold_captions, |predicted, prefix| {
            fold(predicted).starts_with(&fold(prefix))
        })
    });
    let credits: Vec<String> = strings(&ninjs["associations"], |a| a["by"].as_str());
    check("image_credit", &mut |f| {
        f.set(
            &credits,
            &strings(&gold["images"], |i| i["credit"].as_str()),
            same_text,
        )
    });
    let body = ninjs["bodies"]
        .as_array()
        .and_then(|b| b.first())
        .and_then(|b| b["value"].as_str())
        .unwrap_or("");
    let folded_body = fold(body);
    for fragment in strings(&gold["body_must_contain"], Value::as_str) {
        check("body_must_contain", &mut |f| {
            if folded_body.contains(&fold(&fragment)) {
                f.true_positives += 1
            } else {
                f.false_negatives += 1
            }
        });
    }
    for fragment in strings(&gold["body_must_not_contain"], Value::as_str) {
        check("body_must_not_contain", &mut |f| {
            if folded_body.contains(&fold(&fragment)) {
                f.false_positives += 1
            } else {
                f.true_positives += 1
            }
        });
    }
    ("record".into(), misses)
}

/// Places as `folded name|country code` keys, so that name and country are scored together.
fn place_keys(value: &Value, country: impl Fn(&Value) -> Option<&str>) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|p| {
                    Some(format!(
                        "{}|{}",
                        fold(p["name"].as_str()?),
                        country(p).unwrap_or("")
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn strings_owned(value: &Value, pick: impl Fn(&Value) -> Option<String>) -> Vec<String> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(&pick).collect())
        .unwrap_or_default()
}

fn strings(value: &Value, pick: impl Fn(&Value) -> Option<&str>) -> Vec<String> {
    strings_owned(value, |item| pick(item).map(str::to_owned))
}

fn same_text(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

fn same_instant(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The human-readable table.
pub fn render_table(report: &Report) -> String {
    let mut out = format!(
        "{} files scored\n\n{:<22} {:>9} {:>9} {:>9} {:>5} {:>5} {:>5}\n",
        report.files, "field", "precision", "recall", "f1", "tp", "fp", "fn"
    );
    for (name, score) in &report.fields {
        out.push_str(&format!(
            "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}\n",
            name,
            score.precision(),
            score.recall(),
            score.f1(),
            score.true_positives,
            score.false_positives,
            score.false_negatives
        ));
    }
    out.push('\n');
    for outcome in &report.outcomes {
        if !outcome.misses.is_empty() {
            out.push_str(&format!(
                "{}: {} — missed {}\n",
                outcome.file,
                outcome.outcome,
                outcome.misses.join(", ")
            ));
        }
    }
    out
}

/// The JSON summary: per field precision, recall, F1 and counts.
pub fn summary(report: &Report) -> Value {
    let fields: serde_json::Map<String, Value> = report
        .fields
        .iter()
        .map(|(name, s)| {
            (name.to_string(), serde_json::json!({
                "precision": round3(s.precision()), "recall": round3(s.recall()), "f1": round3(s.f1()),
                "tp": s.true_positives, "fp": s.false_positives, "fn": s.false_negatives,
            }))
        })
        .collect();
    serde_json::json!({"files": report.files, "fields": fields})
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_scoring_counts_each_match_once() {
        let mut score = FieldScore::default();
        score.set(
            &["Ana Costa".into(), "ana costa".into(), "Bo".into()],
            &["Ana Costa".into(), "Jo".into()],
            same_text,
        );
        assert_eq!(
            (
                score.true_positives,
                score.false_positives,
                score.false_negatives
            ),
            (1, 2, 1)
        );
    }

    #[test]
    fn folding_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("Ramón  ECHEVERRÍA, Jr."), "ramon echeverria jr");
        assert_eq!(fold("O’Neill"), fold("O'Neill"));
        assert!(same_instant(
            "2024-03-10T17:40:00-04:00",
            "2024-03-10T21:40:00Z"
        ));
    }
}
