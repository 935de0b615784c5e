//! ANPA-1312 and IPTC 7901 wire transmissions: SYN/SOH framing, a header line (service, selector,
//! priority, category, keyword), STX, the text with its formatting codes, ETX (and EOT).
//!
//! The framing and codes are removed; the text is then read like any plain-text story, and the
//! priority code becomes the ninjs urgency.

use super::text::{self, TextStory};

const SYN: char = '\u{16}';
const SOH: char = '\u{1}';
const STX: char = '\u{2}';
const ETX: char = '\u{3}';
const EOT: char = '\u{4}';

/// Whether the text is framed as a wire transmission.
pub fn is_wire(text: &str) -> bool {
    let start = text.trim_start_matches([SYN, '\r', '\n', ' ']);
    start.starts_with(SOH) || (start.contains(STX) && start.contains(ETX))
}

pub fn parse(raw: &str) -> TextStory {
    let start = raw.trim_start_matches([SYN, '\r', '\n', ' ']);
    let (header, body) = match start.find(STX) {
        Some(at) => (&start[..at], &start[at + STX.len_utf8()..]),
        None => ("", start),
    };
    let body = body.split([ETX, EOT]).next().unwrap_or(body);
    let cleaned: String = body
        .lines()
        .map(strip_format_codes)
        .collect::<Vec<_>>()
        .join("\n");
    let mut parsed = text::parse(&cleaned);
    parsed.story.format = crate::story::model::SourceFormat::Wire;
    parsed.story.urgency = priority(header);
    if parsed.story.slugline.is_none() {
        parsed.story.slugline = keyword(header);
    }
    parsed
}

/// ANPA line codes: `^` opens a headline or slug line, `<` and `=` close lines; tabs indent.
fn strip_format_codes(line: &str) -> String {
    line.trim_start_matches(['^', '\t', ' '])
        .trim_end_matches(['<', '=', '\r', ' ', '\t'])
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

/// The header's priority code: f(lash) 1, b(ulletin) 2, u(rgent) 3, r(egular) 5, d(eferred) 6,
/// a(dvance) 7, the other letters of ANPA's set 8.
fn priority(header: &str) -> Option<u8> {
    let fields: Vec<&str> = header.trim_start_matches(SOH).split_whitespace().collect();
    let code = fields
        .iter()
        .skip(1)
        .find(|f| f.len() == 1 && f.chars().all(|c| c.is_ascii_lowercase()))?;
    Some(match *code {
        "f" => 1,
        "b" => 2,
        "u" => 3,
        "r" => 5,
        "d" => 6,
        "a" => 7,
        _ => 8,
    })
}

/// The keyword (slug) in the header: the first field that reads like one (`BC-Storm`).
fn keyword(header: &str) -> Option<String> {
    header
        .trim_start_matches(SOH)
        .split_whitespace()
        .find(|f| f.contains('-') && f.chars().any(char::is_alphabetic) && f.len() > 3)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_and_codes_are_removed() {
        let raw = "\u{16}\u{16}\u{1}a0412 u i BC-Storm 02-22 0412\r\n\u{2}^BC-US--Storm,0412<\r\n^URGENT<\r\n^Ice storm leaves thousands without power<\r\n\r\n\tMINNEAPOLIS (AP) _ An ice storm coated much of southern Minnesota in freezing rain on Thursday, snapping power lines across the region, utilities said.<\r\n\u{3}\u{4}";
        assert!(is_wire(raw));
        let parsed = parse(raw);
        assert_eq!(
            parsed.story.headline.as_deref(),
            Some("Ice storm leaves thousands without power")
        );
        assert_eq!(parsed.story.urgency, Some(3));
        assert_eq!(parsed.story.slugline.as_deref(), Some("BC-Storm"));
        assert_eq!(parsed.story.paragraphs.len(), 1);
        assert!(parsed.story.paragraphs[0].starts_with("MINNEAPOLIS (AP)"));
    }

    #[test]
    fn plain_text_is_not_wire() {
        assert!(!is_wire("Headline\n\nBody text."));
    }
}
