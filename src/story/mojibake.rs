//! Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 or ISO-8859-1 and
//! re-encoded (`DÃ­az-Canel` → `Díaz-Canel`, `â€œ` → `“`), whole or only in places.
//!
//! Each character is mapped back to the byte it came from; wherever those bytes form a complete
//! UTF-8 multi-byte sequence, the sequence replaces the characters. Genuine Latin-1 text (`café`)
//! never forms such sequences, so it is left alone.

use std::borrow::Cow;

/// Windows-1252's printable characters in 0x80–0x9F.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The byte a character stands for when Windows-1252/Latin-1 decoded it.
fn original_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ 0x80..=0xFF => Some(code as u8),
        _ => CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b),
    }
}

pub fn repair(text: &str) -> Cow<'_, str> {
    // Every mojibake sequence starts with a lead byte shown as one of Â..ô.
    if !text.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    let mut repaired = false;
    while index < chars.len() {
        if let Some(sequence) = sequence_at(&chars, index) {
            out.push_str(&sequence.0);
            index += sequence.1;
            repaired = true;
        } else {
            out.push(chars[index]);
            index += 1;
        }
    }
    if repaired {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The repaired text and the number of characters it replaces, if a UTF-8 sequence starts here.
fn sequence_at(chars: &[char], index: usize) -> Option<(String, usize)> {
    let lead = original_byte(chars[index]).filter(|b| (0xC2..=0xF4).contains(b))?;
    let continuation = match lead {
        0xF0..=0xF4 => 3,
        0xE0..=0xEF => 2,
        _ => 1,
    };
    let mut bytes = vec![lead];
    for offset in 1..=continuation {
        let byte = chars
            .get(index + offset)
            .and_then(|c| original_byte(*c))
            .filter(|b| (0x80..=0xBF).contains(b))?;
        bytes.push(byte);
    }
    let decoded = String::from_utf8(bytes).ok()?;
    Some((decoded, continuation + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_cp1252_mojibake_is_repaired_in_place() {
        assert_eq!(repair("Miguel DÃ\u{ad}az-Canel"), "Miguel Díaz-Canel");
        assert_eq!(
            repair("â€œenergy blockadeâ€\u{9d} and Cubaâ€™s"),
            "“energy blockade” and Cuba’s"
        );
        assert_eq!(
            repair("HAVANA, Cuba â\u{80}\u{94} Cuban"),
            "HAVANA, Cuba — Cuban"
        );
        assert_eq!(repair("Ã\u{81}lvaro"), "Álvaro");
    }

    #[test]
    fn genuine_text_is_untouched() {
        for text in [
            "café São Paulo Ångström",
            "Plain ASCII",
            "naïve Zoë, 25°C ± 2",
        ] {
            assert!(matches!(repair(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
