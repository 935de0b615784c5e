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
        Self {
            body,
            lower: lower_case_in_place(body),
            words: word_spans(body),
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

/// `word` without its possessive ending: "Zambia’s" and "Zambia's" are "Zambia".
pub fn without_possessive(word: &str) -> &str {
    let mut stem = word;
    while let Some(shorter) = stem.strip_suffix("’s").or_else(|| stem.strip_suffix("'s")) {
        stem = shorter;
    }
    stem
}

/// The words of `text` as byte ranges: runs of letters and digits with the hyphens and
/// apostrophes inside them ("sexta-feira", "aujourd’hui"), trailing ones left out.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(text.len() / 5);
    for (start, end) in runs(text, |c| {
        c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')
    }) {
        let word = text[start..end].trim_end_matches(['-', '\'', '’']);
        if !word.is_empty() {
            spans.push((start, start + word.len()));
        }
    }
    spans
}

/// The byte ranges of the maximal runs of characters `inside` accepts, in order. ASCII bytes are
/// taken as they are; only other characters are decoded.
pub fn runs<'t>(
    text: &'t str,
    inside: impl Fn(char) -> bool + 't,
) -> impl Iterator<Item = (usize, usize)> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some(&byte) = text.as_bytes().get(at) {
            let (accepted, width) = if byte.is_ascii() {
                (inside(char::from(byte)), 1)
            } else {
                match text[at..].chars().next() {
                    Some(c) => (inside(c), c.len_utf8()),
                    None => break,
                }
            };
            match (accepted, start) {
                (true, None) => start = Some(at),
                (false, Some(run_start)) => {
                    let run_end = at;
                    at += width;
                    return Some((run_start, run_end));
                }
                _ => {}
            }
            at += width;
        }
        start.map(|run_start| (run_start, text.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn runs_read_ascii_and_other_characters_alike() {
        let text = "Ação, 12 São-Paulo’s\u{a0}ok";
        let found: Vec<&str> = runs(text, char::is_alphabetic)
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(found, ["Ação", "São", "Paulo", "s", "ok"]);
        assert_eq!(runs("", char::is_alphabetic).count(), 0);
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
