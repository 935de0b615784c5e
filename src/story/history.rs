//! What the worker has recently written, so that a story can name the one it duplicates or
//! supersedes.
//!
//! Each story leaves a fingerprint: a hash of its folded body (exact duplicates) and a
//! one-permutation MinHash signature of its five-word shingles (near duplicates: a wire story republished with a new
//! headline, trimmed paragraphs or changed spellings keeps most of its shingles; independent
//! coverage of the same event shares almost none). Signatures are banded for locality-sensitive
//! lookup, so a story is compared only with the few earlier ones that share a band.
//!
//! A **version** is a later story with the same provider id (the same `uri`) or the same source
//! and headline and different text; it points to the immediately preceding version. A
//! **duplicate** is a story of another `uri` whose estimated shingle similarity reaches the
//! threshold. The same story seen again (the same `uri` and text: a redelivery under
//! at-least-once) is neither.
//!
//! Memory is bounded twice: stories seen longer ago than the window and beyond the capacity are
//! forgotten oldest first. The window runs on when the worker saw a story, not on the dates a
//! story prints, so one story with a wrong date cannot empty or pin the history. The history is shared by every stage
//! lane and rebuilt from the output topic when the worker starts (`engine::history`).

use std::collections::hash_map::{Entry, RandomState};
use std::collections::{HashMap, VecDeque};
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashTable;
use rustc_hash::FxHashSet;
use sha2::{Digest, Sha256};

use super::normalize::fold;
use super::text::Text;

/// The fingerprint of a record this worker wrote, read back from the output topic: its `uri`,
/// first source, main headline and plain-text body; `seen` is the record's Kafka timestamp.
pub fn fingerprint_of_record(json: &[u8], seen: DateTime<Utc>) -> Option<Fingerprint> {
    let record: serde_json::Value = serde_json::from_slice(json).ok()?;
    let uri = record["uri"].as_str()?;
    let body = record["bodies"]
        .as_array()?
        .iter()
        .find(|b| b["contenttype"] == "text/plain")?["value"]
        .as_str()?;
    let headline = record["headlines"]
        .as_array()
        .and_then(|h| h.iter().find(|h| h["role"] == "main"))
        .and_then(|h| h["value"].as_str());
    let source = record["infosources"][0]["name"].as_str();
    Some(Fingerprint::new(
        uri,
        source,
        headline,
        &Text::new(body),
        seen,
    ))
}

/// Signature length: 32 bands of 2 rows. A pair with similarity 0.5 shares at least one band
/// with probability 1 − (1 − 0.5²)³² ≈ 0.9990, so the look-up rarely misses a duplicate at the
/// default threshold; unrelated stories (similarity near 0) almost never collide.
const BANDS: usize = 32;
const ROWS: usize = 2;
const SIGNATURE: usize = BANDS * ROWS;
// `minhash` keeps one bit per bin in a `u64`.
const _: () = assert!(SIGNATURE <= 64);
/// A band bucket keeps its newest stories only: templated stories (results tables, weather
/// reports) would otherwise fill one bucket with thousands of near-copies.
const BUCKET_CAPACITY: usize = 64;
/// At most this many earlier stories are compared with a new one.
const MAX_COMPARISONS: usize = 256;
/// Words per shingle.
const SHINGLE: usize = 5;

/// How the history is bounded and when two stories count as duplicates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HistorySettings {
    /// Stories older than this are forgotten.
    pub window: Duration,
    /// At most this many stories are kept (oldest forgotten first).
    pub capacity: usize,
    /// Estimated Jaccard similarity of shingles from which a story is a near duplicate.
    pub near_duplicate_similarity: f64,
}

impl Default for HistorySettings {
    fn default() -> Self {
        Self {
            window: Duration::hours(48),
            capacity: 100_000,
            near_duplicate_similarity: 0.5,
        }
    }
}

/// How a story relates to one seen before.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    /// The earlier story's `uri`.
    pub uri: String,
    /// The earlier story's content hash: versions share a `uri`, so this tells them apart.
    pub content_hash: String,
    /// Estimated similarity of the two bodies' shingles (1.0 for identical text).
    pub similarity: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    Duplicate,
    Version,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Duplicate => "duplicate",
            RelationKind::Version => "version",
        }
    }
}

/// What the history keeps of a story.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub uri: String,
    /// SHA-256 (first 32 hex digits) of the body's lower-cased words.
    pub content_hash: String,
    /// Folded source + headline, for versions sent without a stable id.
    headline_key: Option<String>,
    signature: [u32; SIGNATURE],
    /// When the worker saw the story; what the window is measured on.
    seen: DateTime<Utc>,
}

impl Fingerprint {
    pub fn new(
        uri: &str,
        source: Option<&str>,
        headline: Option<&str>,
        body: &Text<'_>,
        seen: DateTime<Utc>,
    ) -> Self {
        let (words, content_hash) = word_hashes(body);
        Self {
            uri: uri.to_owned(),
            content_hash,
            headline_key: headline
                .map(fold)
                .filter(|h| !h.is_empty())
                .map(|h| format!("{}\u{1f}{h}", fold(source.unwrap_or("")))),
            signature: minhash(&words),
            seen,
        }
    }
}

/// One-permutation MinHash of the text's word shingles (`word_hashes`, in order): each
/// shingle's hash picks one of the signature's bins with its top bits and competes for that
/// bin's least value with the rest; a bin no shingle reached borrows the value of a filled bin
/// found by a fixed probe sequence ("optimal densification", Shrivastava 2017). One hash per
/// shingle rather than one per shingle and row: the same estimate of shingle overlap at a
/// sixty-fourth of the cost.
fn minhash(word_hashes: &[u64]) -> [u32; SIGNATURE] {
    let mut signature = [u32::MAX; SIGNATURE];
    // One bit per bin: whether some shingle reached it. Each bin keeps its least value without a
    // branch on the data (one that nobody reached still holds `u32::MAX`): whether a value is
    // the least so far is a coin toss the branch predictor loses half the time.
    let mut filled: u64 = 0;
    for shingle in word_hashes.windows(SHINGLE.min(word_hashes.len().max(1))) {
        // Order matters in a shingle: rotate before mixing each word in.
        let hash = mix(shingle.iter().fold(0u64, |acc, word| {
            (acc.rotate_left(17) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        }));
        let bin = (hash >> (64 - SIGNATURE.trailing_zeros())) as usize;
        signature[bin] = signature[bin].min(hash as u32);
        filled |= 1 << bin;
    }
    if filled == 0 {
        return signature;
    }
    let dense = signature;
    for (bin, value) in signature.iter_mut().enumerate() {
        if filled & (1 << bin) != 0 {
            continue;
        }
        let mut attempt: u64 = 0;
        loop {
            attempt += 1;
            let probe = (mix((bin as u64) << 32 | attempt) % SIGNATURE as u64) as usize;
            if filled & (1 << probe) != 0 {
                *value = dense[probe];
                break;
            }
        }
    }
    signature
}

/// SplitMix64's finalizer: every bit of the result depends on every bit of `z`.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The body's words, lower-cased, each hashed once; and the content hash over the same words,
/// so that case, punctuation and spacing changes leave both unchanged (hyphens and apostrophes
/// inside words are left out too: "re-elected" and "reelected", "O'Brien" and "O’Brien" agree).
fn word_hashes(body: &Text<'_>) -> (Vec<u64>, String) {
    let mut hashes = Vec::with_capacity(body.words().len());
    let mut content = String::with_capacity(body.body().len());
    for index in 0..body.words().len() {
        let word = body.lower_word(index);
        let start = content.len();
        if word.bytes().any(|b| matches!(b, b'-' | b'\'' | 0xE2)) {
            content.extend(word.split(['-', '\'', '’']));
        } else {
            content.push_str(word);
        }
        // FNV-1a: fixed, so the same words hash alike in every process and after a rebuild.
        let hash = content.as_bytes()[start..]
            .iter()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            });
        content.push(' ');
        hashes.push(hash);
    }
    let digest = Sha256::digest(content.as_bytes());
    let mut hex = String::with_capacity(32);
    for byte in &digest[..16] {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0xF)]));
    }
    (hashes, hex)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn similarity(a: &[u32; SIGNATURE], b: &[u32; SIGNATURE]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE as f64
}

/// The shared history of recent stories.
#[derive(Debug)]
pub struct StoryHistory {
    settings: HistorySettings,
    index: Mutex<Index>,
    /// How many stories are kept, readable without the lock (the stage reports it per message).
    kept: AtomicUsize,
}

#[derive(Debug)]
struct Index {
    /// Kept stories, oldest first.
    stories: VecDeque<Kept>,
    /// The sequence number of the next story.
    next: u64,
    /// Per band, the newest kept story with each value of the band's rows. The stories before
    /// it with the same value follow from its `earlier` links: one map entry per distinct value
    /// and one link per story and band, where a list per value cost an allocation per band for
    /// every story that shares none (most of them) and more than doubled a story's memory.
    bands: Vec<HashMap<u64, u64>>,
    /// Latest story per `uri` and per source + headline, for versions.
    latest_by_uri: LatestByKey,
    latest_by_headline: LatestByKey,
}

/// The newest kept story per key (a `uri`, a source + headline) as its sequence number, in a
/// table hashed by the key. The key is read from the kept story whenever it is needed rather
/// than copied into the table: two copies of every `uri` and headline were about a tenth of a
/// remembered story's memory.
#[derive(Debug, Default)]
struct LatestByKey {
    sequences: HashTable<u64>,
    /// Randomly keyed SipHash, as std's maps use: keys come from story text.
    hasher: RandomState,
}

impl LatestByKey {
    /// The newest kept story with `key`; `key_of` gives a kept story's key by sequence number.
    fn get<'k>(&self, key: &str, key_of: impl Fn(u64) -> Option<&'k str>) -> Option<u64> {
        self.sequences
            .find(self.hasher.hash_one(key), |&sequence| {
                key_of(sequence) == Some(key)
            })
            .copied()
    }

    /// `sequence`, already kept, is now the newest story with `key`.
    fn set<'k>(&mut self, key: &str, sequence: u64, key_of: impl Fn(u64) -> Option<&'k str>) {
        let hasher = &self.hasher;
        let rehash = |&kept: &u64| hasher.hash_one(key_of(kept).unwrap_or_default());
        match self.sequences.entry(
            hasher.hash_one(key),
            |&kept| key_of(kept) == Some(key),
            rehash,
        ) {
            hashbrown::hash_table::Entry::Occupied(mut newest) => *newest.get_mut() = sequence,
            hashbrown::hash_table::Entry::Vacant(absent) => {
                absent.insert(sequence);
            }
        }
    }

    /// Forgets `key` if the story being forgotten, `sequence`, is still its newest.
    fn forget(&mut self, key: &str, sequence: u64) {
        if let Ok(newest) = self
            .sequences
            .find_entry(self.hasher.hash_one(key), |&kept| kept == sequence)
        {
            newest.remove();
        }
    }
}

/// A kept story.
#[derive(Debug)]
struct Kept {
    sequence: u64,
    fingerprint: Fingerprint,
    /// Per band, how many stories back the newest earlier one with the same rows is: 0 when
    /// there was none, or when it was more than `u32::MAX` stories back (long forgotten). A link
    /// to a forgotten story leads nowhere: everything before it is forgotten too.
    earlier: [u32; BANDS],
}

impl Kept {
    /// The sequence number of the newest earlier story whose `band` has the same rows, if any.
    fn earlier(&self, band: usize) -> Option<u64> {
        match self.earlier[band] {
            0 => None,
            back => self.sequence.checked_sub(u64::from(back)),
        }
    }
}

impl StoryHistory {
    pub fn new(settings: HistorySettings) -> Self {
        Self {
            settings,
            index: Mutex::new(Index::new()),
            kept: AtomicUsize::new(0),
        }
    }

    /// How many stories are kept now.
    pub fn len(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How the story relates to what came before, and remembers it.
    pub fn observe(&self, fingerprint: Fingerprint) -> Option<Relation> {
        let mut index = self.lock();
        let relation = index.relate(&fingerprint, self.settings.near_duplicate_similarity);
        let redelivered = index
            .latest_of_uri(&fingerprint.uri)
            .is_some_and(|seen| seen.content_hash == fingerprint.content_hash);
        if !redelivered {
            index.insert(fingerprint, &self.settings);
            self.kept.store(index.stories.len(), Ordering::Relaxed);
        }
        relation
    }

    /// Remembers a story without relating it (rebuilding from what was already written).
    pub fn remember(&self, fingerprint: Fingerprint) {
        let mut index = self.lock();
        index.insert(fingerprint, &self.settings);
        self.kept.store(index.stories.len(), Ordering::Relaxed);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Index> {
        // A panic while holding the lock leaves the index consistent (every update is completed
        // before anything can panic), so a poisoned lock is still usable.
        self.index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Index {
    fn new() -> Self {
        Self {
            stories: VecDeque::new(),
            next: 0,
            bands: vec![HashMap::new(); BANDS],
            latest_by_uri: LatestByKey::default(),
            latest_by_headline: LatestByKey::default(),
        }
    }

    fn get(&self, sequence: u64) -> Option<&Kept> {
        kept(&self.stories, sequence)
    }

    /// The newest kept story with this `uri`.
    fn latest_of_uri(&self, uri: &str) -> Option<&Fingerprint> {
        let sequence = self
            .latest_by_uri
            .get(uri, |sequence| uri_of(&self.stories, sequence))?;
        self.fingerprint(sequence)
    }

    /// The newest kept story with this source + headline key.
    fn latest_of_headline(&self, key: &str) -> Option<&Fingerprint> {
        let sequence = self
            .latest_by_headline
            .get(key, |sequence| headline_of(&self.stories, sequence))?;
        self.fingerprint(sequence)
    }

    fn fingerprint(&self, sequence: u64) -> Option<&Fingerprint> {
        self.get(sequence).map(|kept| &kept.fingerprint)
    }

    fn relate(&self, story: &Fingerprint, threshold: f64) -> Option<Relation> {
        let relation = |kind, earlier: &Fingerprint| Relation {
            kind,
            uri: earlier.uri.clone(),
            content_hash: earlier.content_hash.clone(),
            similarity: similarity(&story.signature, &earlier.signature),
        };
        let latest_of_uri = self.latest_of_uri(&story.uri);
        if latest_of_uri.is_some_and(|seen| seen.content_hash == story.content_hash) {
            // The same story delivered again (at-least-once): related to nothing.
            return None;
        }
        let previous_version = latest_of_uri
            .or_else(|| {
                story
                    .headline_key
                    .as_deref()
                    .and_then(|key| self.latest_of_headline(key))
            })
            .filter(|earlier| earlier.content_hash != story.content_hash);
        if let Some(earlier) = previous_version {
            return Some(relation(RelationKind::Version, earlier));
        }
        let mut best: Option<(f64, &Fingerprint)> = None;
        for earlier in self
            .candidates(story)
            .into_iter()
            .map(|kept| &kept.fingerprint)
        {
            if earlier.uri == story.uri {
                continue;
            }
            let score = similarity(&story.signature, &earlier.signature);
            if score >= threshold && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, earlier));
            }
        }
        best.map(|(_, earlier)| relation(RelationKind::Duplicate, earlier))
    }

    /// The kept stories that share a band with `story`, each once, in the order they are
    /// compared: band by band, newest first. MAX_COMPARISONS at most, so that a flood of
    /// templated near-copies costs the same as any story.
    fn candidates(&self, story: &Fingerprint) -> Vec<&Kept> {
        let mut compared = Vec::new();
        let mut seen = FxHashSet::default();
        for band in 0..BANDS {
            for kept in self.sharing_band(band, band_rows(&story.signature, band)) {
                if compared.len() >= MAX_COMPARISONS {
                    return compared;
                }
                if seen.insert(kept.sequence) {
                    compared.push(kept);
                }
            }
        }
        compared
    }

    /// The newest BUCKET_CAPACITY kept stories whose `band` has these `rows`, newest first.
    fn sharing_band(&self, band: usize, rows: u64) -> impl Iterator<Item = &Kept> {
        let newest = self.bands[band]
            .get(&rows)
            .and_then(|&sequence| self.get(sequence));
        std::iter::successors(newest, move |kept| {
            kept.earlier(band).and_then(|sequence| self.get(sequence))
        })
        .take(BUCKET_CAPACITY)
    }

    fn insert(&mut self, story: Fingerprint, settings: &HistorySettings) {
        let sequence = self.next;
        self.next += 1;
        let mut earlier = [0; BANDS];
        for (band, values) in self.bands.iter_mut().enumerate() {
            if let Some(previous) = values.insert(band_rows(&story.signature, band), sequence) {
                earlier[band] = u32::try_from(sequence - previous).unwrap_or(0);
            }
        }
        let newest = story.seen;
        if self.stories.len() == self.stories.capacity() {
            // Doubling, as the deque would, but never past what the history keeps (one more
            // while a story waits for the oldest to go): at the default 100,000 stories, plain
            // doubling made room for 31,072 stories more than the history ever holds, about 500
            // bytes each, which a full history's queue touches as it wraps around.
            let most = settings.capacity.saturating_add(1);
            let room = self
                .stories
                .len()
                .clamp(1, most.saturating_sub(self.stories.len()).max(1));
            self.stories.reserve_exact(room);
        }
        self.stories.push_back(Kept {
            sequence,
            fingerprint: story,
            earlier,
        });
        // Keyed by the kept story itself, so it is kept first.
        let stories = &self.stories;
        if let Some(Kept { fingerprint, .. }) = stories.back() {
            self.latest_by_uri
                .set(&fingerprint.uri, sequence, |kept| uri_of(stories, kept));
            if let Some(key) = &fingerprint.headline_key {
                self.latest_by_headline
                    .set(key, sequence, |kept| headline_of(stories, kept));
            }
        }
        while let Some(oldest) = self.stories.front() {
            let too_many = self.stories.len() > settings.capacity;
            let too_old = newest - oldest.fingerprint.seen > settings.window;
            if !(too_many || too_old) {
                break;
            }
            self.evict_oldest();
        }
    }

    fn evict_oldest(&mut self) {
        let Some(Kept {
            sequence,
            fingerprint: story,
            ..
        }) = self.stories.pop_front()
        else {
            return;
        };
        // The oldest story is the newest with some band value only when no later story
        // shares that value: then the value goes.
        for (band, values) in self.bands.iter_mut().enumerate() {
            if let Entry::Occupied(newest) = values.entry(band_rows(&story.signature, band)) {
                if *newest.get() == sequence {
                    newest.remove();
                }
            }
        }
        self.latest_by_uri.forget(&story.uri, sequence);
        if let Some(key) = &story.headline_key {
            self.latest_by_headline.forget(key, sequence);
        }
    }
}

/// The kept story with this sequence number: stories are kept in sequence, so its position
/// follows from the oldest one's.
fn kept(stories: &VecDeque<Kept>, sequence: u64) -> Option<&Kept> {
    let first = stories.front()?.sequence;
    let position = usize::try_from(sequence.checked_sub(first)?).ok()?;
    stories
        .get(position)
        .filter(|kept| kept.sequence == sequence)
}

fn uri_of(stories: &VecDeque<Kept>, sequence: u64) -> Option<&str> {
    kept(stories, sequence).map(|kept| kept.fingerprint.uri.as_str())
}

fn headline_of(stories: &VecDeque<Kept>, sequence: u64) -> Option<&str> {
    kept(stories, sequence).and_then(|kept| kept.fingerprint.headline_key.as_deref())
}

/// The band's rows of the signature as one number: the rows themselves, not a hash of them, so
/// stories share a band only when its rows are equal.
fn band_rows(signature: &[u32; SIGNATURE], band: usize) -> u64 {
    signature[band * ROWS..(band + 1) * ROWS]
        .iter()
        .fold(0, |rows, &row| rows << 32 | u64::from(row))
}

// `band_rows` fits a band's rows in a `u64`.
const _: () = assert!(ROWS * 32 <= 64);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const STORY: &str = "LUSAKA, Zambia (AP) — Zambia's worst drought in decades has left the Kariba dam so low that the country's power utility now rations electricity for up to 21 hours a day, shutting factories and leaving hospitals on generators. Small businesses say they cannot plan. Welders work through the night when power returns, and bakers have cut production by half. The government says rains expected later in the year may ease the crisis, but engineers warn that refilling the reservoir will take several seasons.";

    fn fingerprint(uri: &str, headline: &str, body: &str, minutes: i64) -> Fingerprint {
        let seen = DateTime::from_timestamp(1_700_000_000 + minutes * 60, 0).expect("valid time");
        Fingerprint::new(uri, Some("AP"), Some(headline), &Text::new(body), seen)
    }

    #[test]
    fn the_content_hash_is_of_the_words_alone_in_a_fixed_form() {
        // Records carry the hash and a restarted worker compares it with new stories: its form
        // is a contract. The lower-cased words without inner hyphens and apostrophes, each
        // followed by one space, SHA-256, the first 16 bytes in hex.
        let expected: String = Sha256::digest("reelected obrien said yes ".as_bytes())[..16]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        for body in [
            "Re-elected O’Brien said: “Yes.”",
            "REELECTED  O'Brien said -- yes!",
        ] {
            assert_eq!(
                fingerprint("a", "h", body, 0).content_hash,
                expected,
                "{body}"
            );
        }
        assert_ne!(
            fingerprint("a", "h", "Re-elected O’Brien said no", 0).content_hash,
            expected
        );
    }

    #[test]
    fn a_republication_with_small_edits_is_a_near_duplicate() {
        let history = StoryHistory::new(HistorySettings::default());
        assert_eq!(history.observe(fingerprint("a", "Drought", STORY, 0)), None);
        let edited = STORY
            .replace("LUSAKA, Zambia (AP) — ", "")
            .replace("by half", "by 50 percent");
        let relation = history
            .observe(fingerprint("b", "Zambia rations power", &edited, 30))
            .expect("a duplicate");
        assert_eq!(relation.kind, RelationKind::Duplicate);
        assert_eq!(relation.uri, "a");
        assert!(relation.similarity > 0.5, "{}", relation.similarity);
    }

    #[test]
    fn signature_agreement_tracks_shingle_overlap() {
        // Texts of invented words, the second with every n-th word changed: the share of equal
        // bins estimates the Jaccard similarity of the two texts' shingle sets.
        let base: Vec<String> = (0..400u64).map(|i| format!("w{}", mix(i) % 5000)).collect();
        for every in [3usize, 7, 20, 60] {
            let changed: Vec<String> = base
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i % every == 0 {
                        format!("x{i}")
                    } else {
                        w.clone()
                    }
                })
                .collect();
            let shingles = |words: &[String]| -> HashSet<String> {
                words.windows(SHINGLE).map(|w| w.join(" ")).collect()
            };
            let (a, b) = (shingles(&base), shingles(&changed));
            let jaccard = a.intersection(&b).count() as f64 / a.union(&b).count() as f64;
            let signature =
                |words: &[String]| minhash(&word_hashes(&Text::new(&words.join(" "))).0);
            let estimate = similarity(&signature(&base), &signature(&changed));
            assert!(
                (estimate - jaccard).abs() < 0.15,
                "every {every}: estimate {estimate:.2}, jaccard {jaccard:.2}"
            );
        }
        let empty = minhash(&[]);
        assert_eq!(similarity(&empty, &empty), 1.0);
    }

    #[test]
    fn independent_coverage_is_not_a_duplicate() {
        let history = StoryHistory::new(HistorySettings::default());
        history.observe(fingerprint("a", "Drought", STORY, 0));
        let other = "Zambia's drought has cut the Kariba dam's output. Power cuts now last most of the day in Lusaka, where shop owners and hospitals rely on diesel generators, and officials hope the rainy season brings relief, although engineers are not optimistic.";
        assert_eq!(
            history.observe(fingerprint("b", "Power cuts", other, 10)),
            None
        );
    }

    #[test]
    fn versions_point_to_the_preceding_one_and_redeliveries_to_none() {
        let history = StoryHistory::new(HistorySettings::default());
        let first = fingerprint("id-1", "Fed holds", STORY, 0);
        let first_hash = first.content_hash.clone();
        history.observe(first);
        let corrected = format!("{STORY} This story has been corrected.");
        let second = fingerprint("id-1", "Fed holds", &corrected, 60);
        let second_hash = second.content_hash.clone();
        let relation = history.observe(second).expect("a version");
        assert_eq!(relation.kind, RelationKind::Version);
        assert_eq!(relation.content_hash, first_hash);
        // Delivered again: the same story, not a version of itself.
        assert_eq!(
            history.observe(fingerprint("id-1", "Fed holds", &corrected, 60)),
            None
        );
        let third = format!("{corrected} Updated again.");
        let relation = history
            .observe(fingerprint("id-1", "Fed holds", &third, 90))
            .expect("a version");
        assert_eq!(relation.content_hash, second_hash);
    }

    /// A fingerprint with the given signature and nothing else to tell it apart.
    fn with_signature(index: usize, signature: [u32; SIGNATURE]) -> Fingerprint {
        Fingerprint {
            uri: format!("s{index}"),
            content_hash: format!("h{index}"),
            headline_key: None,
            signature,
            seen: DateTime::from_timestamp(1_700_000_000, 0).expect("valid time"),
        }
    }

    proptest::proptest! {
        /// The links between stories give what a list per band value gave: the kept stories
        /// with the same rows, newest first, BUCKET_CAPACITY of them per band.
        #[test]
        fn linked_bands_find_the_newest_kept_stories_that_share_a_band(
            // Rows from a small alphabet, so that bands are shared often and long.
            signatures in proptest::collection::vec(
                proptest::array::uniform::<_, SIGNATURE>(0u32..3), 1..800),
            probe in proptest::array::uniform::<_, SIGNATURE>(0u32..3),
            capacity in 1usize..800,
        ) {
            let settings = HistorySettings { capacity, ..HistorySettings::default() };
            let mut index = Index::new();
            for (number, signature) in signatures.into_iter().enumerate() {
                index.insert(with_signature(number, signature), &settings);
            }
            let mut expected = Vec::new();
            for band in 0..BANDS {
                let sharing = index
                    .stories
                    .iter()
                    .rev()
                    .filter(|kept| band_rows(&kept.fingerprint.signature, band) == band_rows(&probe, band))
                    .take(BUCKET_CAPACITY);
                for kept in sharing {
                    if !expected.contains(&kept.sequence) {
                        expected.push(kept.sequence);
                    }
                }
            }
            expected.truncate(MAX_COMPARISONS);
            let candidates: Vec<u64> = index
                .candidates(&with_signature(0, probe))
                .into_iter()
                .map(|kept| kept.sequence)
                .collect();
            proptest::prop_assert_eq!(candidates, expected);
        }
    }

    #[test]
    fn a_flood_of_near_copies_keeps_each_look_up_bounded() {
        let history = StoryHistory::new(HistorySettings::default());
        for index in 0..2_000 {
            let relation = history.observe(fingerprint(
                &format!("t{index}"),
                &format!("Results {index}"),
                &format!("{STORY} Table {index}."),
                index,
            ));
            if index > 0 {
                assert_eq!(relation.map(|r| r.kind), Some(RelationKind::Duplicate));
            }
        }
        let index = history.lock();
        let newest = &index.stories.back().expect("kept stories").fingerprint;
        for band in 0..BANDS {
            let sharing = index.sharing_band(band, band_rows(&newest.signature, band));
            assert!(sharing.count() <= BUCKET_CAPACITY);
        }
    }

    #[test]
    fn the_window_and_the_capacity_bound_memory() {
        let history = StoryHistory::new(HistorySettings {
            window: Duration::hours(1),
            capacity: 3,
            near_duplicate_similarity: 0.5,
        });
        for minute in 0..5 {
            history.observe(fingerprint(
                &format!("s{minute}"),
                &format!("h{minute}"),
                &format!("{minute} {STORY}"),
                minute,
            ));
        }
        assert_eq!(history.len(), 3);
        // Forgotten stories' keys go with them (`tests/history_memory.rs` holds the room the
        // stories take to the capacity).
        let holds_only_what_is_kept = |history: &StoryHistory| {
            let index = history.lock();
            assert_eq!(index.latest_by_uri.sequences.len(), index.stories.len());
            assert_eq!(
                index.latest_by_headline.sequences.len(),
                index.stories.len()
            );
        };
        holds_only_what_is_kept(&history);
        history.observe(fingerprint(
            "late",
            "late",
            "something else entirely here now",
            200,
        ));
        assert_eq!(history.len(), 1, "everything older than an hour is gone");
        holds_only_what_is_kept(&history);
        // Band values of forgotten stories go with them.
        let remembered: usize = history.lock().bands.iter().map(HashMap::len).sum();
        assert!(
            remembered <= BANDS * history.len(),
            "{remembered} band values"
        );
        // A republication of a forgotten story is not found.
        assert_eq!(
            history.observe(fingerprint("again", "again", STORY, 201)),
            None
        );
    }
}
