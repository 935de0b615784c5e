//! Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 or ISO-8859-1 and
//! re-encoded (`DÃ­az-Canel` → `Díaz-Canel`, `â€œ` → `“`), whole or only in places.
//!
//! Each character is mapped back to the byte it came from; wherever those bytes form a complete
//! UTF-8 multi-byte sequence, the sequence replaces the characters. Genuine Latin-1 text (`café`)
//! never forms such sequences, so it is left alone.

use std::borrow::Cow;

use super::scan::any_pair;

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
        0..=0x7F => None,
        code @ 0x80..=0xFF => Some(code as u8),
        _ => CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b),
    }
}

pub fn repair(text: &str) -> Cow<'_, str> {
    // Every mojibake sequence starts with a lead byte shown as one of Â..ô, which UTF-8 writes
    // as 0xC3 and a second byte from 0x82 to 0xB4.
    let shows_a_lead_byte = any_pair(text.as_bytes(), |first, second| {
        (first == 0xC3) & (second.wrapping_sub(0x82) <= 0xB4 - 0x82)
    });
    if !shows_a_lead_byte {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut index = 0;
    // Only the characters Â..ô can begin a sequence, and UTF-8 writes every one of them with the
    // byte 0xC3 first, a byte that only ever begins a character: the walk jumps from one 0xC3 to
    // the next rather than decoding every character (the accents of French or Portuguese text
    // pass the check above, and most of such a text is still plain letters).
    while let Some(offset) = memchr::memchr(0xC3, &text.as_bytes()[index..]) {
        let at = index + offset;
        match sequence_at(&text[at..]) {
            Some((repaired, consumed)) => {
                out.push_str(&text[copied..at]);
                out.push(repaired);
                index = at + consumed;
                copied = index;
            }
            // The two bytes of a character from À to ÿ.
            None => index = at + 2,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The character a UTF-8 sequence shown as Windows-1252/Latin-1 text at the start of `text`
/// stands for, and how many bytes of `text` show it.
fn sequence_at(text: &str) -> Option<(char, usize)> {
    let mut shown = text.char_indices();
    let (_, first) = shown.next()?;
    // A lead byte is shown as itself, Â..ô (never as one of Windows-1252's other characters).
    let lead = u8::try_from(u32::from(first))
        .ok()
        .filter(|b| (0xC2..=0xF4).contains(b))?;
    let continuation = match lead {
        0xF0..=0xF4 => 3,
        0xE0..=0xEF => 2,
        _ => 1,
    };
    let mut bytes = [lead, 0, 0, 0];
    for slot in bytes.iter_mut().skip(1).take(continuation) {
        let (_, c) = shown.next()?;
        *slot = original_byte(c).filter(|b| (0x80..=0xBF).contains(b))?;
    }
    let repaired = std::str::from_utf8(&bytes[..=continuation])
        .ok()?
        .chars()
        .next()
        .filter(|&c| continuation > 1 || is_likely_two_byte(c))?;
    let consumed = shown.next().map_or(text.len(), |(end, _)| end);
    Some((repaired, consumed))
}

/// Whether a character UTF-8 writes in two bytes is one that mojibake of news text stands for:
/// Latin-1's, or a letter of Latin Extended, Greek or Cyrillic. Genuine Latin-1 text does form
/// two-byte sequences, a capital or `ß` before a closing mark (`groß“`, `gemäß»`: U+07D3 and
/// U+07FB, NKo), and they decode to marks, IPA or scripts that such text never holds.
fn is_likely_two_byte(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{ff}')
        || c.is_alphabetic() && matches!(c, '\u{100}'..='\u{24f}' | '\u{370}'..='\u{52f}')
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
        assert_eq!(repair("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "Привет");
        // The lowest lead byte shown (Â, UTF-8 0xC3 0x82), at the very end of the text too.
        assert_eq!(repair("25Â°C"), "25°C");
        assert_eq!(repair("25Â°"), "25°");
    }

    /// The repair as a walk over every character, which `repair` must agree with.
    fn repair_by_walking(text: &str) -> String {
        let mut out = String::new();
        let mut index = 0;
        while let Some(c) = text[index..].chars().next() {
            let shows_lead = ('\u{c2}'..='\u{f4}').contains(&c);
            match shows_lead.then(|| sequence_at(&text[index..])).flatten() {
                Some((repaired, consumed)) => {
                    out.push(repaired);
                    index += consumed;
                }
                None => {
                    out.push(c);
                    index += c.len_utf8();
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn jumping_between_leads_repairs_what_walking_every_character_repairs(
            text in crate::story::text::text_of_pieces(
                vec![
                    "Ã", "\u{ad}", "Â", "°", "â", "€", "\u{9d}", "™", "œ", "é", "À", "ÿ", "ô", "ð",
                    "Ÿ", "\u{80}", "\u{94}", "a", " ", "東", "😀", "ç", "ã",
                ],
                24,
            ),
        ) {
            proptest::prop_assert_eq!(repair(&text).into_owned(), repair_by_walking(&text));
        }
    }

    #[test]
    fn genuine_text_is_untouched() {
        for text in [
            "café São Paulo Ångström",
            "Plain ASCII",
            "naïve Zoë, 25°C ± 2",
            "„Das ist groß“, sagte er: «verfassungsgemäß», „MENÜ“",
        ] {
            assert!(matches!(repair(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
