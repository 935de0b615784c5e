//! The clean body read once for everything that reads it: language detection, every finder of
//! enrichment and the duplicate fingerprint.
//!
//! Each of them needs the body's words, often lower-cased, and reports positions as character
//! offsets. Done separately, that meant one tokenization, one lower-cased copy per word and one
//! count of characters from the start per mention, in each finder; done here, it is one pass over
//! the body, and a character offset is a look-up.

/// A story body with its words and character positions worked out once.
pub struct Text<'a> {
    body: &'a str,
    /// The body lower-cased byte for byte: a character whose lower case is written with another
    /// number of bytes (rare: 'İ', 'ẞ') stays as written, so any byte range of the body is the
    /// same range here.
    lower: String,
    /// Byte ranges of the words: runs of letters and digits with the hyphens and apostrophes
    /// inside them ("sexta-feira", "aujourd’hui"), trailing ones left out.
    words: Vec<(usize, usize)>,
    /// Byte ranges of the maximal runs of letters and digits: where a name can begin.
    alphanumeric: Vec<(usize, usize)>,
    /// Byte ranges of the maximal runs of characters other than white space.
    pieces: Vec<(usize, usize)>,
    /// How many characters begin before each byte position (the last entry is the body's length
    /// in characters).
    chars_before: Vec<u32>,
}

impl<'a> Text<'a> {
    pub fn new(body: &'a str) -> Self {
        let mut chars_before = Vec::with_capacity(body.len() + 1);
        let mut count: u32 = 0;
        chars_before.extend(body.as_bytes().iter().map(|&byte| {
            let before = count;
            // Every byte but a UTF-8 continuation byte starts a character.
            count += u32::from(byte & 0xC0 != 0x80);
            before
        }));
        chars_before.push(count);
        let spans = Spans::of(body);
        Self {
            body,
            lower: lower_case_in_place(body),
            words: spans.words,
            alphanumeric: spans.alphanumeric,
            pieces: spans.pieces,
            chars_before,
        }
    }

    pub fn body(&self) -> &'a str {
        self.body
    }

    /// The whole body lower-cased, with the same byte positions as the body.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// The words' byte ranges, in order.
    pub fn words(&self) -> &[(usize, usize)] {
        &self.words
    }

    /// The maximal runs of letters and digits, in order.
    pub fn alphanumeric_runs(&self) -> &[(usize, usize)] {
        &self.alphanumeric
    }

    /// The maximal runs of characters other than white space, in order.
    pub fn pieces(&self) -> &[(usize, usize)] {
        &self.pieces
    }

    /// Word `index` as written.
    pub fn word(&self, index: usize) -> &'a str {
        let (start, end) = self.words[index];
        &self.body[start..end]
    }

    /// Word `index` lower-cased.
    pub fn lower_word(&self, index: usize) -> &str {
        let (start, end) = self.words[index];
        &self.lower[start..end]
    }

    /// A byte position of the body as a character offset, the unit mentions are reported in.
    /// Positions past the end count as the end.
    pub fn char_offset(&self, byte: usize) -> usize {
        let last = self.chars_before.len() - 1;
        self.chars_before[byte.min(last)] as usize
    }

    /// A character offset as the byte position where that character begins; offsets past the
    /// end count as the end.
    pub fn byte_offset(&self, char_offset: usize) -> usize {
        // The character's first byte is the last position with no more characters before it
        // (its other bytes, if any, count it too).
        let char_offset = u32::try_from(char_offset).unwrap_or(u32::MAX);
        self.chars_before
            .partition_point(|&before| before <= char_offset)
            .saturating_sub(1)
    }
}

/// `body` lower-cased without moving any byte: ASCII at once, then each other character whose
/// lower case is one character of the same UTF-8 length.
fn lower_case_in_place(body: &str) -> String {
    let mut lower = body.to_ascii_lowercase();
    if body.is_ascii() {
        return lower;
    }
    let mut replacements = Vec::new();
    // Only the bytes that begin a character of two bytes or more need decoding.
    let starts_of_others = body
        .bytes()
        .enumerate()
        .filter(|(_, byte)| *byte >= 0xC0)
        .map(|(index, _)| index);
    for index in starts_of_others {
        let Some(c) = body[index..].chars().next() else {
            continue;
        };
        let mut folded = c.to_lowercase();
        if let (Some(single), None) = (folded.next(), folded.next()) {
            if single != c && single.len_utf8() == c.len_utf8() {
                replacements.push((index, single));
            }
        }
    }
    for (index, single) in replacements {
        let mut buffer = [0u8; 4];
        let encoded = single.encode_utf8(&mut buffer);
        lower.replace_range(index..index + encoded.len(), encoded);
    }
    lower
}

/// Whether the word at byte `start` of `text` opens a sentence, where every word is capitalized
/// whatever it is: after a sentence's end, or at a paragraph's start (a subheading before it
/// has no full stop).
pub fn opens_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    before.is_empty()
        || before.ends_with(['.', '!', '?', '“', '"', ':'])
        || text[before.len()..start].contains('\n')
}

/// Whether byte `start` of `text` follows a dash set off by spaces, as the text after a
/// dateline does ("KINSHASA (AFP) — La République…", "WIEN - „Wir…"): it opens a sentence there
/// too. A hyphen inside a name does not ("Jean-Pierre Paris").
pub fn follows_a_dash(text: &str, start: usize) -> bool {
    let before = &text[..start];
    before.ends_with(' ') && before.trim_end().ends_with(['-', '—', '–'])
}

/// `word` without its possessive ending: "Zambia’s" and "Zambia's" are "Zambia".
pub fn without_possessive(word: &str) -> &str {
    let mut stem = word;
    while let Some(shorter) = stem.strip_suffix("’s").or_else(|| stem.strip_suffix("'s")) {
        stem = shorter;
    }
    stem
}

/// The blocks of `text` between blank lines (`"\n\n"`), as `str::split("\n\n")` gives them,
/// empty ones included. Bodies are joined from their paragraphs this way and several steps walk
/// them paragraph by paragraph: memchr's searcher finds the two-byte separator with vector
/// instructions, where `str::split` runs its general two-way search a byte at a time.
pub fn blocks(text: &str) -> impl Iterator<Item = &str> {
    let mut separators = memchr::memmem::find_iter(text.as_bytes(), b"\n\n");
    let mut next_start = Some(0);
    std::iter::from_fn(move || {
        let start = next_start?;
        match separators.next() {
            Some(separator) => {
                next_start = Some(separator + 2);
                Some(&text[start..separator])
            }
            None => {
                next_start = None;
                Some(&text[start..])
            }
        }
    })
}

/// The words of `text` as byte ranges: runs of letters and digits with the hyphens and
/// apostrophes inside them ("sexta-feira", "aujourd’hui"), trailing ones left out.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    Spans::of(text).words
}

/// The tokenizations of a text that the finders use, from one pass over its bytes.
struct Spans {
    /// Maximal runs of letters and digits.
    alphanumeric: Vec<(usize, usize)>,
    /// Words as [`word_spans`] gives them.
    words: Vec<(usize, usize)>,
    /// Maximal runs of characters other than white space.
    pieces: Vec<(usize, usize)>,
}

/// Which characters a byte belongs to: a letter or digit, a hyphen or apostrophe (which can join
/// the parts of a word), or white space.
const LETTER_OR_DIGIT: u8 = 1;
const JOINER: u8 = 2;
const SPACE: u8 = 4;
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The classes of the bytes of a chunk of up to 64, one bit per byte.
struct ChunkClasses {
    letters: u64,
    joiners: u64,
    spaces: u64,
    /// Bytes that begin a character of two bytes or more.
    leads: u64,
    /// The other bytes of such characters.
    continuations: u64,
}

impl ChunkClasses {
    /// Gives bits `from..to` the class `class`.
    fn mark(&mut self, from: u32, to: u32, class: u8) {
        if to <= from {
            return;
        }
        let span = (u64::MAX >> (64 - (to - from))) << from;
        let bits = |member: bool| if member { span } else { 0 };
        self.letters |= bits(class & LETTER_OR_DIGIT != 0);
        self.joiners |= bits(class & JOINER != 0);
        self.spaces |= bits(class & SPACE != 0);
    }
}

/// Classes a chunk eight bytes at a time in a `u64` (SWAR): each comparison covers eight bytes,
/// and no branch depends on the text. ASCII bytes get their class (the same as [`class_of`]);
/// the bytes of other characters are only marked as leading or continuing one.
fn byte_classes(chunk: &[u8]) -> ChunkClasses {
    let mut classes = ChunkClasses {
        letters: 0,
        joiners: 0,
        spaces: 0,
        leads: 0,
        continuations: 0,
    };
    for (group, bytes) in chunk.chunks(8).enumerate() {
        // Padding bytes are NUL, which is in no class.
        let mut eight = [0u8; 8];
        eight[..bytes.len()].copy_from_slice(bytes);
        let raw = u64::from_le_bytes(eight);
        let ascii = !raw & HIGH_BITS;
        let x = raw & !HIGH_BITS;
        let letter = in_range(x | (0x20 * ONES), b'a', b'z') | in_range(x, b'0', b'9');
        let joiner = in_range(x, b'-', b'-') | in_range(x, b'\'', b'\'');
        let space = in_range(x, b'\t', b'\r') | in_range(x, b' ', b' ');
        // Bit 6 moved up to bit 7: `11xxxxxx` leads a character, `10xxxxxx` continues one.
        let second_bit = raw << 1;
        let shift = group * 8;
        classes.letters |= high_bits(letter & ascii) << shift;
        classes.joiners |= high_bits(joiner & ascii) << shift;
        classes.spaces |= high_bits(space & ascii) << shift;
        classes.leads |= high_bits(raw & second_bit) << shift;
        classes.continuations |= high_bits(raw & !second_bit) << shift;
    }
    classes
}

/// For eight ASCII bytes: the high bit of each byte set when the byte lies in `low..=high`. No
/// sum overflows into the next byte, since every byte is below 0x80.
fn in_range(bytes: u64, low: u8, high: u8) -> u64 {
    let above_high = bytes.wrapping_add(u64::from(0x7F - high) * ONES);
    let from_low = bytes.wrapping_add(u64::from(0x80 - low) * ONES);
    from_low & !above_high & HIGH_BITS
}

/// The high bits of eight bytes gathered into the low eight bits, byte 0 first.
fn high_bits(flags: u64) -> u64 {
    (flags & HIGH_BITS).wrapping_mul(0x0002_0408_1020_4081) >> 56
}

fn class_of(c: char) -> u8 {
    if c.is_alphanumeric() {
        LETTER_OR_DIGIT
    } else if matches!(c, '-' | '\'' | '’') {
        JOINER
    } else if c.is_whitespace() {
        SPACE
    } else {
        0
    }
}

/// Run boundaries from one bit mask per 64 bytes, a set bit for each byte inside a run.
#[derive(Default)]
struct RunEdges {
    runs: Vec<(usize, usize)>,
    open: Option<usize>,
    /// Whether the previous chunk's last byte was inside a run.
    carry: u64,
}

impl RunEdges {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            runs: Vec::with_capacity(capacity),
            ..Self::default()
        }
    }

    /// Adds the chunk of 64 bytes that starts at byte `base`: a run starts or ends wherever a
    /// byte's bit differs from the bit before it, so only those positions are visited.
    fn push(&mut self, base: usize, inside: u64) {
        let mut edges = inside ^ ((inside << 1) | self.carry);
        while edges != 0 {
            let at = base + edges.trailing_zeros() as usize;
            edges &= edges - 1;
            match self.open.take() {
                None => self.open = Some(at),
                Some(start) => self.runs.push((start, at)),
            }
        }
        self.carry = inside >> 63;
    }

    fn finish(mut self, len: usize) -> Vec<(usize, usize)> {
        if let Some(start) = self.open {
            self.runs.push((start, len));
        }
        self.runs
    }
}

impl Spans {
    /// Classes the bytes 64 at a time, ASCII without a branch per byte: a byte-at-a-time
    /// tokenizer mispredicts a branch at every word boundary, and on a stream of different
    /// stories that was most of its cost. Only the characters outside ASCII are decoded, once
    /// each, and all their bytes take their class.
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut alphanumeric = RunEdges::with_capacity(text.len() / 5);
        let mut words = RunEdges::with_capacity(text.len() / 5);
        let mut pieces = RunEdges::with_capacity(text.len() / 5);
        // The class of the previous chunk's last character, for its bytes in this chunk.
        let mut carried = 0u8;
        for (index, chunk) in bytes.chunks(64).enumerate() {
            let base = index * 64;
            let mut classes = byte_classes(chunk);
            if classes.leads | classes.continuations != 0 {
                // The rest of a character begun in the previous chunk, then each other
                // character, decoded once for all its bytes.
                let continued = classes.continuations.trailing_ones();
                classes.mark(0, continued, carried);
                let mut leads = classes.leads;
                while leads != 0 {
                    let bit = leads.trailing_zeros();
                    leads &= leads - 1;
                    let c = text[base + bit as usize..].chars().next().unwrap_or(' ');
                    carried = class_of(c);
                    let width = u32::try_from(c.len_utf8()).unwrap_or(1);
                    classes.mark(bit, (bit + width).min(64), carried);
                }
            }
            let ChunkClasses {
                letters,
                joiners,
                spaces,
                ..
            } = classes;
            // Bits past the end of a short last chunk are outside every run.
            let in_chunk = u64::MAX >> (64 - chunk.len());
            alphanumeric.push(base, letters);
            words.push(base, letters | joiners);
            pieces.push(base, !spaces & in_chunk);
        }
        let mut words = words.finish(text.len());
        // A word does not end in a joiner; a run of joiners alone is no word.
        words.retain_mut(|(start, end)| {
            *end = *start + text[*start..*end].trim_end_matches(['-', '\'', '’']).len();
            end > start
        });
        Self {
            alphanumeric: alphanumeric.finish(text.len()),
            words,
            pieces: pieces.finish(text.len()),
        }
    }
}

/// The maximal runs of letters and digits of `text` (`char::is_alphanumeric`), as byte ranges.
pub fn alphanumeric_runs(text: &str) -> Vec<(usize, usize)> {
    Spans::of(text).alphanumeric
}

/// Texts made of `pieces` in any order, up to `most` of them: the property tests' inputs, built
/// from the characters that make a scan hard (multi-byte letters, joiners, odd white space).
#[cfg(test)]
pub(crate) fn text_of_pieces(
    pieces: Vec<&'static str>,
    most: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(pieces), 0..most)
        .prop_map(|pieces| pieces.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn characters_across_chunk_boundaries_keep_their_class() {
        for letters in ["é", "東", "😀", "’", "\u{3000}"] {
            for padding in 56..=72 {
                for filler in ["a", " "] {
                    let text = format!("{}{letters}{letters}b ’x", filler.repeat(padding));
                    let spans = Spans::of(&text);
                    assert_eq!(
                        spans.alphanumeric,
                        runs(&text, char::is_alphanumeric),
                        "{text:?}"
                    );
                    assert_eq!(
                        spans.pieces,
                        runs(&text, |c| !c.is_whitespace()),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_sentence_opens_after_its_end_or_at_a_paragraph_start() {
        let text =
            "Damage in the capital\n\nIn Columbia, crews said: Trees fell. Then the Mayor left";
        let opens = |word: &str| text.find(word).is_some_and(|at| opens_sentence(text, at));
        assert!(opens("Damage"));
        assert!(opens("In"));
        assert!(opens("Trees"));
        assert!(opens("Then"));
        assert!(!opens("Columbia"));
        assert!(!opens("Mayor"));
        assert!(!opens("capital"));
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let text = Text::new("Na sexta-feira, aujourd’hui -- l'État's  rock- 'n' roll");
        let words: Vec<&str> = (0..text.words().len()).map(|i| text.word(i)).collect();
        assert_eq!(
            words,
            [
                "Na",
                "sexta-feira",
                "aujourd’hui",
                "l'État's",
                "rock",
                "'n",
                "roll"
            ]
        );
    }

    /// The maximal runs of characters `inside` accepts, one character at a time: what the
    /// chunked classes must agree with.
    fn runs(text: &str, inside: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut start = None;
        for (at, c) in text.char_indices() {
            match (inside(c), start) {
                (true, None) => start = Some(at),
                (false, Some(run_start)) => {
                    found.push((run_start, at));
                    start = None;
                }
                _ => {}
            }
        }
        found.extend(start.map(|run_start| (run_start, text.len())));
        found
    }

    /// Characters that make tokenizing hard: multi-byte letters and separators, joiners inside
    /// and around words, a right single quote (three bytes) as apostrophe.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        text_of_pieces(
            vec![
                "a", "Z", "9", " ", "-", "'", "’", ",", "é", "Ж", "東", "\u{a0}", "😀", "--",
                "Ação", "\n", "\u{3000}", "\t", "\u{b}", "\u{1f}", "\u{301}",
            ],
            200,
        )
    }

    /// Any ASCII, control characters included, long enough for whole chunks of it.
    fn ascii_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(0u8..128, 0..300)
            .prop_map(|bytes| bytes.into_iter().map(char::from).collect())
    }

    proptest::proptest! {
        #[test]
        fn chunked_spans_agree_with_a_character_walk(
            text in proptest::prop_oneof![tricky_text(), ascii_text()]
        ) {
            let alphanumeric: Vec<_> = runs(&text, char::is_alphanumeric);
            proptest::prop_assert_eq!(alphanumeric_runs(&text), alphanumeric);
            let words: Vec<_> = runs(&text, |c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
                .into_iter()
                .filter_map(|(start, end)| {
                    let word = text[start..end].trim_end_matches(['-', '\'', '’']);
                    (!word.is_empty()).then_some((start, start + word.len()))
                })
                .collect();
            proptest::prop_assert_eq!(word_spans(&text), words);
            let pieces: Vec<_> = runs(&text, |c| !c.is_whitespace());
            proptest::prop_assert_eq!(Spans::of(&text).pieces, pieces);
        }

        #[test]
        fn blocks_split_as_str_split_does(
            text in text_of_pieces(vec!["\n", "\n\n", "a", "é ", " ", "\r"], 40)
        ) {
            let blocks: Vec<&str> = blocks(&text).collect();
            proptest::prop_assert_eq!(blocks, text.split("\n\n").collect::<Vec<_>>());
        }
    }

    #[test]
    fn lower_case_keeps_byte_positions() {
        let body = "İstanbul ẞTRASSE Élysée ÖL";
        let text = Text::new(body);
        assert_eq!(text.lower().len(), body.len());
        assert_eq!(text.lower(), "İstanbul ẞtrasse élysée öl");
        let last = text.words().len() - 1;
        assert_eq!(text.lower_word(last), "öl");
    }

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        let body = "Ação em São Paulo";
        let text = Text::new(body);
        let paulo = body.find("Paulo").expect("present");
        assert_eq!(text.char_offset(paulo), 12);
        assert_eq!(text.char_offset(body.len()), body.chars().count());
        assert_eq!(text.char_offset(body.len() + 10), body.chars().count());
        assert_eq!(Text::new("").char_offset(0), 0);
        for (char_offset, (byte, _)) in body.char_indices().enumerate() {
            assert_eq!(text.byte_offset(char_offset), byte);
            assert_eq!(text.char_offset(byte), char_offset);
        }
        assert_eq!(text.byte_offset(body.chars().count()), body.len());
        assert_eq!(text.byte_offset(body.len() + 10), body.len());
        assert_eq!(Text::new("").byte_offset(3), 0);
    }
}
