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
    /// How many characters come before each byte position (the last entry is the body's length in
    /// characters); positions inside a character repeat that character's offset.
    chars_before: Vec<u32>,
}

impl<'a> Text<'a> {
    pub fn new(body: &'a str) -> Self {
        let mut lower = String::with_capacity(body.len());
        let mut chars_before = Vec::with_capacity(body.len() + 1);
        let mut count: u32 = 0;
        for c in body.chars() {
            chars_before.extend(std::iter::repeat_n(count, c.len_utf8()));
            push_lower(&mut lower, c);
            count = count.saturating_add(1);
        }
        chars_before.push(count);
        Self {
            body,
            lower,
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
}

/// Appends `c` lower-cased when its lower case takes as many bytes, else `c` itself.
fn push_lower(lower: &mut String, c: char) {
    if c.is_ascii() {
        lower.push(c.to_ascii_lowercase());
        return;
    }
    let mut folded = c.to_lowercase();
    match (folded.next(), folded.next()) {
        (Some(single), None) if single.len_utf8() == c.len_utf8() => lower.push(single),
        _ => lower.push(c),
    }
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
    let mut start = None;
    for (index, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
        match (inside, start) {
            (true, None) => start = Some(index),
            (false, Some(s)) => {
                let word = text[s..index].trim_end_matches(['-', '\'', '’']);
                if !word.is_empty() {
                    spans.push((s, s + word.len()));
                }
                start = None;
            }
            _ => {}
        }
    }
    spans
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
    }
}
