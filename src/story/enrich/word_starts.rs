//! A list of names (places, organisations, topic cues) searched for where words start.
//!
//! Names only ever match as whole words, so there is no point in running an automaton over every
//! byte of a story: it is started, anchored, only at a word's first character, and only when the
//! word begins the way some name does: first its first character (a capital, mostly), then the
//! hash of the whole word against the names' first words. A walk through a gazetteer's
//! automaton misses the cache at nearly every byte; these tests turn away most words first.
//! The second test is itself a look-up in a table as large as the list of names is long, so it
//! is a Bloom filter small enough to stay in the core's cache (`FirstWords`).

use std::hash::{BuildHasher, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, Match, MatchKind, StartKind};
use rustc_hash::{FxBuildHasher, FxHashSet};

/// Names searched at word starts, longest first.
pub(crate) struct WordStartNames {
    automaton: AhoCorasick,
    /// The characters names begin with (capitals, mostly), ASCII ones in a table and the rest
    /// in a set: most words of a story are passed over on this test alone.
    first_ascii: [bool; 128],
    first_chars: FxHashSet<char>,
    /// Whether some name begins with a sign rather than a letter or digit ("'s-Hertogenbosch"):
    /// only then are the gaps between words searched too.
    opens_with_sign: bool,
    /// The names' first words: a word this turns away starts no name.
    first_words: FirstWords,
}

/// The hashes of the names' first words as a blocked Bloom filter: two bits of one 64-bit block
/// per hash. It answers "maybe" for every hash put in and for under 1 % of the others, which
/// then cost one walk of the automaton each.
///
/// A set of the hashes themselves answers exactly, but for the gazetteer's 77,000 first words it
/// takes about 1.1 MiB, more than a core's L2; on a stream of different stories nearly every
/// capitalized word's look-up missed the cache. The filter takes at least 16 bits a word,
/// rounded up to a power of two (256 KiB for the gazetteer), and a look-up reads one 8-byte
/// block.
struct FirstWords {
    blocks: Vec<u64>,
    /// log2 of the number of blocks: a hash's top bits pick its block.
    block_bits: u32,
}

impl FirstWords {
    const BITS_PER_WORD: usize = 16;

    fn new(hashes: &[u64]) -> Self {
        let blocks = (hashes.len() * Self::BITS_PER_WORD / 64)
            .max(1)
            .next_power_of_two();
        let mut filter = Self {
            blocks: vec![0; blocks],
            block_bits: blocks.trailing_zeros(),
        };
        for &hash in hashes {
            let (block, bits) = filter.place(hash);
            filter.blocks[block] |= bits;
        }
        filter
    }

    /// A hash's block and its two bits there. The hash is mixed first: FxHash's low bits are
    /// weak, and a multiplication carries every input bit into the product's high bits.
    fn place(&self, hash: u64) -> (usize, u64) {
        let mixed = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let block = mixed.checked_shr(64 - self.block_bits).unwrap_or(0) as usize;
        let bits = 1 << ((mixed >> 20) & 63) | 1 << ((mixed >> 26) & 63);
        (block, bits)
    }

    fn may_contain(&self, hash: u64) -> bool {
        let (block, bits) = self.place(hash);
        self.blocks[block] & bits == bits
    }
}

impl WordStartNames {
    /// The names, in pattern order: a match's pattern index is the name's index here.
    pub(crate) fn new<I, P>(names: I) -> Result<Self, aho_corasick::BuildError>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let names: Vec<P> = names.into_iter().collect();
        let mut first_ascii = [false; 128];
        let mut first_chars = FxHashSet::default();
        for first in names.iter().filter_map(|name| name.as_ref().chars().next()) {
            match usize::try_from(u32::from(first)) {
                Ok(ascii) if ascii < 128 => first_ascii[ascii] = true,
                _ => {
                    first_chars.insert(first);
                }
            }
        }
        let opens_with_sign = names
            .iter()
            .filter_map(|name| name.as_ref().chars().next())
            .any(|first| !first.is_alphanumeric());
        let first_word_hashes: Vec<u64> = names
            .iter()
            .map(|name| word_hash(first_word(name.as_ref())))
            .collect();
        let first_words = FirstWords::new(&first_word_hashes);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(names.iter().map(AsRef::as_ref))?;
        Ok(Self {
            automaton,
            first_ascii,
            first_chars,
            opens_with_sign,
            first_words,
        })
    }

    /// Whether some name begins with `c`.
    fn may_start(&self, c: char) -> bool {
        match self.first_ascii.get(c as usize) {
            Some(&ascii) => ascii,
            None => self.first_chars.contains(&c),
        }
    }

    /// Where the longest name that begins at byte `start` of `text` ends, if one does.
    pub(crate) fn longest_at(&self, text: &str, start: usize) -> Option<usize> {
        self.automaton
            .find(Input::new(text).range(start..).anchored(Anchored::Yes))
            .map(|hit| hit.end())
    }

    /// Whether `word` is one of the names, whole.
    pub(crate) fn is_name(&self, word: &str) -> bool {
        self.name_of(word).is_some()
    }

    /// The name `word` is, whole: its pattern.
    pub(crate) fn name_of(&self, word: &str) -> Option<Match> {
        self.automaton
            .find(Input::new(word).anchored(Anchored::Yes))
            .filter(|hit| hit.end() == word.len())
    }

    /// The longest name at each word start of `text`, left to right and never overlapping, kept
    /// when `accept` takes it (the caller's whole-word rule). A word starts after any character
    /// that is not a letter, a digit or `continues_word`. `alphanumeric` are the text's runs of
    /// letters and digits ([`crate::story::text::alphanumeric_runs`]): most names begin one, so
    /// the search visits words, not bytes.
    pub(crate) fn find(
        &self,
        text: &str,
        alphanumeric: &[(usize, usize)],
        continues_word: impl Fn(char) -> bool,
        mut accept: impl FnMut(&Match) -> bool,
    ) -> Vec<Match> {
        let mut found = Vec::new();
        let mut resume = 0;
        let mut try_at = |start: usize, first_word: &str| {
            if start < resume || !self.first_words.may_contain(word_hash(first_word)) {
                return;
            }
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            if let Some(hit) = self.automaton.find(input).filter(|hit| accept(hit)) {
                resume = hit.end();
                found.push(hit);
            }
        };
        let mut gap_start = 0;
        // The last gap runs from the last run to the end of the text.
        let last_gap = (text.len(), text.len());
        for &(start, end) in alphanumeric.iter().chain([&last_gap]) {
            if self.opens_with_sign {
                for (offset, c) in text[gap_start..start].char_indices() {
                    let at = gap_start + offset;
                    let word_start = !text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|before| before.is_alphanumeric() || continues_word(before));
                    if word_start && self.may_start(c) {
                        try_at(at, &text[at..at + c.len_utf8()]);
                    }
                }
            }
            gap_start = end;
            let word = &text[start..end];
            let Some(first) = word.chars().next() else {
                continue;
            };
            let joined = text[..start]
                .chars()
                .next_back()
                .is_some_and(&continues_word);
            if self.may_start(first) && !joined {
                try_at(start, word);
            }
        }
        found
    }
}

/// The letters and digits `text` begins with ("New" of "New York", "U" of "U.S."), or its first
/// character when it begins with another one ("'s-Hertogenbosch", "(AP)").
fn first_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(index, _)| index);
    if end > 0 {
        &text[..end]
    } else {
        text.chars().next().map_or("", |c| &text[..c.len_utf8()])
    }
}

fn word_hash(word: &str) -> u64 {
    let mut hasher = FxBuildHasher.build_hasher();
    hasher.write(word.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::text::alphanumeric_runs;
    use proptest::prelude::*;

    /// The search as a walk over every character, which `find` must agree with.
    fn find_by_walking(
        matcher: &WordStartNames,
        text: &str,
        continues_word: impl Fn(char) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut in_word = false;
        let mut resume = 0;
        for (start, c) in text.char_indices() {
            let word_start = !in_word;
            in_word = c.is_alphanumeric() || continues_word(c);
            let first = word_hash(first_word(&text[start..]));
            if start >= resume
                && word_start
                && matcher.may_start(c)
                && matcher.first_words.may_contain(first)
            {
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                if let Some(hit) = matcher.automaton.find(input) {
                    resume = hit.end();
                    found.push((hit.start(), hit.end()));
                }
            }
        }
        found
    }

    proptest! {
        #[test]
        fn visiting_words_finds_what_walking_every_character_finds(
            text in crate::story::text::text_of_pieces(
                vec![
                    "New", "York", "City", " ", "-", "'s-Hertogenbosch", "(AP)", "(", "Ürümqi",
                    "Über", "é", ",", "’", "Nova", "Nova-York", "\u{a0}", "X",
                ],
                60,
            ),
        ) {
            let names = ["New York", "New York City", "York", "'s-Hertogenbosch", "(AP)", "Ürümqi", "Nova"];
            let matcher = WordStartNames::new(names).expect("builds");
            for hyphen_joins in [false, true] {
                let continues = |c: char| hyphen_joins && c == '-';
                let visited: Vec<(usize, usize)> = matcher
                    .find(&text, &alphanumeric_runs(&text), continues, |_| true)
                    .into_iter()
                    .map(|hit| (hit.start(), hit.end()))
                    .collect();
                prop_assert_eq!(visited, find_by_walking(&matcher, &text, continues));
            }
        }
    }

    fn found(names: &[&str], text: &str) -> Vec<String> {
        let matcher = WordStartNames::new(names).expect("builds");
        matcher
            .find(text, &alphanumeric_runs(text), |c| c == '-', |_| true)
            .into_iter()
            .map(|m| text[m.range()].to_owned())
            .collect()
    }

    #[test]
    fn longest_name_at_each_word_start_without_overlap() {
        let names = ["New York", "New York City", "York", "City Hall"];
        assert_eq!(
            found(&names, "In New York City Hall, York."),
            ["New York City", "York"]
        );
    }

    #[test]
    fn the_first_words_filter_keeps_every_word_and_few_others() {
        // Hashes as varied as FxHash's, from a fixed generator: the same figures every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let kept: Vec<u64> = (0..77_000).map(|_| next()).collect();
        let filter = FirstWords::new(&kept);
        assert!(kept.iter().all(|&hash| filter.may_contain(hash)));
        let others = 100_000;
        let let_through = (0..others).filter(|_| filter.may_contain(next())).count();
        // 0.7 % with these hashes; taking either of the two bits for both lets 13 % through.
        assert!(
            let_through * 100 < others * 2,
            "{let_through} of {others} other hashes let through"
        );
        let small = FirstWords::new(&kept[..3]);
        assert!(kept[..3].iter().all(|&hash| small.may_contain(hash)));
    }

    #[test]
    fn a_whole_name_is_told_from_its_beginning() {
        let matcher = WordStartNames::new(["Reserve Bank", "RBA"]).expect("builds");
        assert!(matcher.is_name("RBA"));
        assert!(matcher.is_name("Reserve Bank"));
        assert!(!matcher.is_name("Reserve"));
        assert!(!matcher.is_name("RBAX"));
    }

    #[test]
    fn names_inside_words_are_not_found() {
        let names = ["York", "Ham", "U.S."];
        assert_eq!(
            found(
                &names,
                "Yorkshire, Birmingham, pre-York and the U.S. market"
            ),
            ["U.S."]
        );
    }
}
