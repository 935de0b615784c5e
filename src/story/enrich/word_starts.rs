//! A list of names (places, organisations) searched for where words start.
//!
//! Names only ever match as whole words, so a name can only begin at a word's first character
//! and end where a word ends. The index holds each name and each of its beginnings that ends
//! with a word ("New", "New York" of "New York City"), by hash; the search reads the text word by
//! word from a word start, looking each longer beginning up, and stops at the first one no name
//! has. A capitalized word that starts no name costs one look-up. A gazetteer of a hundred
//! thousand names as an automaton is tens of megabytes that a walk misses the cache in at
//! nearly every byte; this index is a few megabytes and a few look-ups per name.

use std::hash::{BuildHasher, Hasher};

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

/// Names searched at word starts, longest first.
pub(crate) struct WordStartNames {
    /// Each name and each beginning of one, by the hash of its text.
    index: FxHashMap<u64, Entry>,
    /// The names, each with its index in the list it was built from (the first, for a repeated
    /// name): a hash found in the index is checked against the text here.
    names: Vec<(Box<str>, usize)>,
    /// The characters names begin with (capitals, mostly), ASCII ones in a table and the rest
    /// in a set: most words of a story are passed over on this test alone.
    first_ascii: [bool; 128],
    first_chars: FxHashSet<char>,
    /// Characters other than letters and digits that end a name: the stop of "U.S.", "St.".
    closing: Vec<char>,
}

/// What a text stands for in the index.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// The name it is, as an index into `names`.
    name: Option<u32>,
    /// Whether some longer name begins with it.
    begins_longer: bool,
}

/// A name found in a text: which one, and its byte range there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameMatch {
    /// The name's index in the list the matcher was built from.
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl WordStartNames {
    /// The names, in pattern order: a match's `pattern` is the name's index here.
    pub(crate) fn new<I, P>(names: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let mut unique: Vec<(Box<str>, usize)> = Vec::new();
        let mut seen = FxHashSet::default();
        for (pattern, name) in names.into_iter().enumerate() {
            let name = name.as_ref();
            if name.chars().any(char::is_alphanumeric) && seen.insert(name.to_owned()) {
                unique.push((name.into(), pattern));
            }
        }
        let mut matcher = Self {
            index: FxHashMap::default(),
            names: Vec::new(),
            first_ascii: [false; 128],
            first_chars: FxHashSet::default(),
            closing: Vec::new(),
        };
        for last in unique
            .iter()
            .filter_map(|(name, _)| name.chars().next_back())
        {
            if !last.is_alphanumeric() && !matcher.closing.contains(&last) {
                matcher.closing.push(last);
            }
        }
        for (name, pattern) in unique {
            matcher.add(name, pattern);
        }
        matcher
    }

    fn add(&mut self, name: Box<str>, pattern: usize) {
        let Some(first) = name.chars().next() else {
            return;
        };
        match usize::try_from(u32::from(first)) {
            Ok(ascii) if ascii < 128 => self.first_ascii[ascii] = true,
            _ => {
                self.first_chars.insert(first);
            }
        }
        let beginnings: Vec<usize> = self
            .ends(&name, 0)
            .filter(|&end| end < name.len())
            .collect();
        for end in beginnings {
            self.index
                .entry(text_hash(&name[..end]))
                .or_default()
                .begins_longer = true;
        }
        let Ok(id) = u32::try_from(self.names.len()) else {
            return;
        };
        self.index.entry(text_hash(&name)).or_default().name = Some(id);
        self.names.push((name, pattern));
    }

    /// The name `text` is, whole.
    fn name(&self, text: &str) -> Option<&(Box<str>, usize)> {
        let entry = self.index.get(&text_hash(text))?;
        let name = self.names.get(usize::try_from(entry.name?).ok()?)?;
        (*name.0 == *text).then_some(name)
    }

    /// Whether `word` is one of the names, whole.
    pub(crate) fn is_name(&self, word: &str) -> bool {
        self.name(word).is_some()
    }

    /// The longest name at each word start of `text`, left to right and never overlapping, kept
    /// when `accept` takes it (the caller's whole-word rule). A word starts after any character
    /// that is not a letter, a digit or `continues_word`.
    pub(crate) fn find(
        &self,
        text: &str,
        continues_word: impl Fn(char) -> bool,
        mut accept: impl FnMut(&NameMatch) -> bool,
    ) -> Vec<NameMatch> {
        // The same two tests for ASCII characters from a table: a story is mostly ASCII.
        let mut ascii = [(false, false); 128];
        for (byte, class) in (0u8..128).zip(ascii.iter_mut()) {
            let c = char::from(byte);
            *class = (
                c.is_alphanumeric() || continues_word(c),
                self.first_ascii[usize::from(byte)],
            );
        }
        let mut found = Vec::new();
        let mut in_word = false;
        let mut resume = 0;
        let mut start = 0;
        while let Some(&byte) = text.as_bytes().get(start) {
            let (inside, may_start, width) = match ascii.get(usize::from(byte)) {
                Some(&(inside, may_start)) => (inside, may_start, 1),
                None => {
                    let Some(c) = text[start..].chars().next() else {
                        break;
                    };
                    let inside = c.is_alphanumeric() || continues_word(c);
                    (inside, self.first_chars.contains(&c), c.len_utf8())
                }
            };
            let word_start = !in_word;
            in_word = inside;
            if start >= resume && word_start && may_start {
                if let Some(hit) = self.longest_at(text, start).filter(|hit| accept(hit)) {
                    resume = hit.end;
                    found.push(hit);
                }
            }
            start += width;
        }
        found
    }

    /// The longest name `text` has at `start`: its beginnings are looked up one word longer at
    /// a time, until one is no name's.
    fn longest_at(&self, text: &str, start: usize) -> Option<NameMatch> {
        let mut longest = None;
        for end in self.ends(text, start) {
            let Some(entry) = self.index.get(&text_hash(&text[start..end])) else {
                break;
            };
            if let Some((_, pattern)) = entry.name.and_then(|_| self.name(&text[start..end])) {
                longest = Some(NameMatch {
                    pattern: *pattern,
                    start,
                    end,
                });
            }
            if !entry.begins_longer {
                break;
            }
        }
        longest
    }

    /// Where a name beginning at `start` could end, in order: at the end of each word, and after
    /// a closing character that follows one.
    fn ends<'t>(&'t self, text: &'t str, start: usize) -> impl Iterator<Item = usize> + 't {
        let mut chars = text[start..].char_indices();
        let mut in_word = false;
        let mut pending = None;
        std::iter::from_fn(move || {
            if let Some(end) = pending.take() {
                return Some(end);
            }
            for (offset, c) in chars.by_ref() {
                if c.is_alphanumeric() {
                    in_word = true;
                    continue;
                }
                if in_word {
                    in_word = false;
                    let at = start + offset;
                    if self.closing.contains(&c) {
                        pending = Some(at + c.len_utf8());
                    }
                    return Some(at);
                }
            }
            std::mem::take(&mut in_word).then_some(text.len())
        })
    }
}

fn text_hash(text: &str) -> u64 {
    let mut hasher = FxBuildHasher.build_hasher();
    hasher.write(text.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(names: &[&str], text: &str) -> Vec<String> {
        let matcher = WordStartNames::new(names);
        matcher
            .find(text, |c| c == '-', |_| true)
            .into_iter()
            .map(|m| text[m.start..m.end].to_owned())
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
    fn a_whole_name_is_told_from_its_beginning() {
        let matcher = WordStartNames::new(["Reserve Bank", "RBA"]);
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

    #[test]
    fn punctuation_inside_and_around_names_is_matched_exactly() {
        let names = [
            "'s-Hertogenbosch",
            "Guinea-Bissau",
            "Côte d'Ivoire",
            "St. Louis",
            "U.S. Virgin Islands",
            "U.S.",
        ];
        assert_eq!(
            found(
                &names,
                "From 's-Hertogenbosch to Guinea-Bissau, Côte d'Ivoire, St. Louis and the U.S. Virgin Islands; the U.S. too."
            ),
            [
                "'s-Hertogenbosch",
                "Guinea-Bissau",
                "Côte d'Ivoire",
                "St. Louis",
                "U.S. Virgin Islands",
                "U.S."
            ]
        );
        // Another gap between the words is another text.
        assert!(found(&names, "Côte  d'Ivoire, St.Louis").is_empty());
    }

    #[test]
    fn a_repeated_name_keeps_its_first_index() {
        let matcher = WordStartNames::new(["Fed", "Reserve", "Fed"]);
        let hits = matcher.find("the Fed said", |_| false, |_| true);
        assert_eq!(
            hits,
            [NameMatch {
                pattern: 0,
                start: 4,
                end: 7
            }]
        );
    }
}
