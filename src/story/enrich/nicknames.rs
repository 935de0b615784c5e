//! Nicknames written in quotation marks inside a person's name: `Joaquín "El Chapo" Guzmán`,
//! `Ismael «El Mayo» Zambada`, `Earvin “Magic” Johnson`. Crime, sport and Latin American copy
//! names people so. The quoted words are what the person is called, not a place ("El Mayo" is
//! no town of Mayo) and not a quotation; the name around them is the person's.

use std::ops::Range;

/// A nickname between the given name and the surname of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Nickname {
    /// The quoted words with their quotation marks, as a byte range of the text.
    pub(super) quoted: Range<usize>,
    /// Where the surname after the nickname starts.
    pub(super) surname_start: usize,
}

/// The most words a nickname has, and the most bytes between its quotation marks.
const MOST_WORDS: usize = 3;
const MOST_BYTES: usize = 40;

/// Every nickname of `text`, in order. Quotation marks are few in a story, so the text is only
/// searched for them, a machine word at a time.
pub(super) fn nicknames(text: &str) -> Vec<Nickname> {
    // The first bytes of the opening marks: `"`, `“` (E2 80 9C) and `«` (C2 AB).
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes())
        .filter_map(|open| nickname_at(text, open))
        .collect()
}

/// The nickname whose opening mark is at byte `open`: one to three capitalized words in
/// quotation marks, with a capitalized word one space before them and one after.
fn nickname_at(text: &str, open: usize) -> Option<Nickname> {
    let mark = text.get(open..)?.chars().next()?;
    let closing = match mark {
        '"' => '"',
        '“' => '”',
        '«' => '»',
        _ => return None,
    };
    let given = text[..open].strip_suffix(' ')?;
    let given = &given[given.rfind(' ').map_or(0, |space| space + 1)..];
    if !is_name_word(given) {
        return None;
    }
    let inside_start = open + mark.len_utf8();
    let (inside_len, _) = text[inside_start..]
        .char_indices()
        .take_while(|&(at, _)| at <= MOST_BYTES)
        .find(|&(_, c)| c == closing)?;
    let inside = text[inside_start..inside_start + inside_len].trim_matches(' ');
    let words: Vec<&str> = inside.split(' ').collect();
    if words.len() > MOST_WORDS || !words.iter().all(|word| starts_upper(word) && is_word(word)) {
        return None;
    }
    let quoted_end = inside_start + inside_len + closing.len_utf8();
    let surname_start = quoted_end + 1;
    let surname = text.get(surname_start..)?;
    let surname = surname
        .split(|c: char| !c.is_alphabetic() && !matches!(c, '-' | '\'' | '’'))
        .next()
        .unwrap_or("");
    (text[quoted_end..].starts_with(' ') && is_name_word(surname)).then_some(Nickname {
        quoted: open..quoted_end,
        surname_start,
    })
}

/// A capitalized word of letters with some in lower case, as names are written: "Guzmán",
/// "McCarthy", "O'Neal", not "CNN", whose quotation after it is a quotation.
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Letters, with hyphens, apostrophes and dots inside: "El Chapo", "Magic", "J.R.".
fn is_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Whether `range` of the text lies inside one of `nicknames`' quotation marks.
pub(super) fn inside(nicknames: &[Nickname], range: Range<usize>) -> bool {
    nicknames
        .iter()
        .any(|n| n.quoted.start < range.start && range.end < n.quoted.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        nicknames(text)
            .into_iter()
            .map(|n| &text[n.quoted])
            .collect()
    }

    #[test]
    fn quoted_words_between_a_given_name_and_a_surname_are_a_nickname() {
        let text = "los hijos de Joaquín \"El Chapo\" Guzmán y de Ismael «El Mayo» Zambada, \
                    y Earvin “Magic” Johnson.";
        assert_eq!(quoted(text), vec!["\"El Chapo\"", "«El Mayo»", "“Magic”"]);
        let found = nicknames(text);
        assert!(text[found[0].surname_start..].starts_with("Guzmán y"));
    }

    #[test]
    fn a_surname_with_capitals_inside_ends_a_nickname() {
        let text = "the coach Joe \"Tiger\" McAllister and DeShawn \"Boom\" O'Reilly.";
        assert_eq!(quoted(text), vec!["\"Tiger\"", "\"Boom\""]);
    }

    #[test]
    fn a_quotation_is_no_nickname() {
        for text in [
            "Trump called it \"Liberation Day\" on Tuesday.",
            "He told CNN \"Very Bad\" Things happen.",
            "Smith said \"we will win\" Tuesday.",
            "The film \"Lady Bird\" Director Greta Gerwig.",
            "Maria \"The shaking was longer than anything I have felt before\" Lopez",
            "Ana \"Bia\"",
        ] {
            assert!(nicknames(text).is_empty(), "{text}");
        }
    }
}
