//! Text clean-up shared by every format: HTML to paragraphs, entities, Unicode NFC, whitespace.

use std::borrow::Cow;

use scraper::{ElementRef, Html, Node};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::scan::{any_byte, any_pair};

/// Characters that carry no text and are deleted outright: soft hyphen, zero-width space, word
/// joiner and a byte-order mark left in the middle of a text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// One clean line of text: NFC, invisible characters deleted, every run of whitespace (NBSP and
/// narrow NBSP included) collapsed to one space, trimmed. Quotes, dashes and case are kept.
pub fn clean_inline(text: &str) -> String {
    // ASCII is composed, and nearly all other text arrives composed too: the checks spare the
    // NFC pass then.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        if is_collapsed(text) {
            return text.to_owned();
        }
        collapse(text.chars(), text.len())
    } else {
        collapse(text.nfc(), text.len())
    }
}

/// Whether `text` is clean already: no invisible character, and no whitespace but single spaces
/// between words. Most lines of a story are, and are copied whole.
fn is_collapsed(text: &str) -> bool {
    if text.starts_with(' ') || text.ends_with(' ') {
        return false;
    }
    // ASCII white space other than a space is `\t`..=`\r`.
    let bytes = text.as_bytes();
    let breaks = any_byte(bytes, |byte| byte.wrapping_sub(b'\t') < 5);
    let doubled = any_pair(bytes, |a, b| (a == b' ') & (b == b' '));
    if breaks | doubled {
        return false;
    }
    // Other white space and the invisible characters are not ASCII.
    chars_outside_ascii(text).all(|c| !(c.is_whitespace() || is_invisible(c)))
}

fn collapse(chars: impl Iterator<Item = char>, length: usize) -> String {
    let mut out = String::with_capacity(length);
    let mut pending_space = false;
    for c in chars.filter(|c| !is_invisible(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// `text` with every line ending a `\n` (Windows and old Mac ones rewritten). Most texts have
/// no carriage return and are given back as they are, without a copy.
pub fn unix_line_ends(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Plain text to paragraphs: blank lines separate paragraphs, single line breaks inside a
/// paragraph are wrapping and become spaces.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    let text = unix_line_ends(text);
    crate::story::text::blocks(&text)
        .map(clean_inline)
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

/// Whether a string looks like HTML markup rather than text that happens to contain `<`.
pub fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "</", "<span", "<a ", "<h1", "<h2", "<ul", "<li",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Decodes character references in a one-line field (a headline, a byline) that may carry HTML.
pub fn html_inline(text: &str) -> String {
    if !text.contains('&') && !text.contains('<') {
        return clean_inline(text);
    }
    let fragment = Html::parse_fragment(text);
    clean_inline(&fragment.root_element().text().collect::<String>())
}

/// Elements whose content is never story text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "figure", "form",
    "button", "media",
];

/// Elements that end a paragraph.
pub(super) const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "pre",
    "hr",
];

/// An HTML body to clean paragraphs: block elements separate paragraphs, scripts, styles, figures
/// and navigation are dropped, entities decoded.
pub fn html_paragraphs(html: &str) -> Vec<String> {
    // Simple markup, the usual body, is read without building a DOM, to the same paragraphs.
    super::simple_markup::paragraphs(html, flush_paragraph).unwrap_or_else(|| dom_paragraphs(html))
}

fn dom_paragraphs(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    collect_blocks(fragment.root_element(), &mut current, &mut paragraphs);
    flush_paragraph(&mut current, &mut paragraphs);
    paragraphs
}

fn collect_blocks(element: ElementRef<'_>, current: &mut String, paragraphs: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(tag) => {
                let name = tag.name();
                if SKIPPED_ELEMENTS.contains(&name) {
                    continue;
                }
                let is_block = BLOCK_ELEMENTS.contains(&name);
                if is_block {
                    flush_paragraph(current, paragraphs);
                }
                if let Some(child_element) = ElementRef::wrap(child) {
                    collect_blocks(child_element, current, paragraphs);
                }
                if is_block {
                    flush_paragraph(current, paragraphs);
                }
            }
            _ => {}
        }
    }
}

fn flush_paragraph(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = clean_inline(current);
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

/// Case, accents and punctuation folded away, for comparing names: `MÜNCHEN` → `munchen`,
/// `Ore.` → `ore`, `O'Neill` → `oneill`.
pub fn fold(name: &str) -> String {
    // Most names are ASCII and have no accents to take off: no decomposition needed.
    if name.is_ascii() {
        return fold_chars(name.chars(), name.len());
    }
    // Each character decomposed on its own, marks dropped. NFD would also put the marks of a
    // character in canonical order, but every character it reorders is a mark, and the marks
    // all go: the letters come out the same, without NFD's buffering (a test holds this over
    // every Unicode character).
    let mut letters = Vec::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            letters.push(c);
        } else if let Some(base) = without_stroke(c) {
            letters.push(base);
        } else {
            unicode_normalization::char::decompose_canonical(c, |part| {
                if !unicode_normalization::char::is_combining_mark(part) {
                    letters.push(part);
                }
            });
        }
    }
    fold_chars(letters.into_iter(), name.len())
}

/// The base letter of a Latin letter drawn with a stroke or without its dot, which Unicode
/// does not decompose into a letter and a mark: copy in English writes "Đắk Lắk" as "Dak Lak",
/// "Łódź" as "Lodz", "Tromsø" as "Tromso".
pub fn without_stroke(c: char) -> Option<char> {
    match c {
        'Đ' | 'Ð' => Some('D'),
        'đ' | 'ð' => Some('d'),
        'Ł' => Some('L'),
        'ł' => Some('l'),
        'Ø' => Some('O'),
        'ø' => Some('o'),
        'Ħ' => Some('H'),
        'ħ' => Some('h'),
        'ı' => Some('i'),
        _ => None,
    }
}

fn fold_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut space = false;
    for c in chars {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c != '.' && c != '\'' && c != '’' {
            space = true;
        }
    }
    out
}

/// The characters of `text` outside ASCII, decoded from the bytes that begin them (0xC2 and
/// up) without decoding the ASCII around them.
fn chars_outside_ascii(text: &str) -> impl Iterator<Item = char> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, byte)| *byte >= 0xC2)
        .filter_map(|(index, _)| text[index..].chars().next())
}

/// Counts words the way editors do: whitespace-separated tokens.
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    // White space outside ASCII (no-break spaces and the like) is rare: only when a character
    // outside ASCII is one is the text split character by character.
    let other_space = chars_outside_ascii(text).any(char::is_whitespace);
    if other_space {
        return text.split_whitespace().count();
    }
    // A word begins at each byte that is not ASCII white space after one that is; the bytes of
    // other characters are never white space here. Folded without a branch per byte.
    let (words, _) = bytes
        .iter()
        .fold((0usize, true), |(words, after_space), &byte| {
            let space = byte == b' ' || byte.wrapping_sub(b'\t') < 5;
            (words + usize::from(after_space & !space), space)
        });
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::simple_markup;

    /// `fold` drops the marks of each character's own decomposition instead of decomposing the
    /// whole name (NFD), which also sorts marks by their combining class. That gives the same
    /// letters only if every character NFD can move, one of non-zero combining class, is a
    /// mark that `fold` drops: held here over every Unicode character, so that a new version
    /// of the tables cannot break it unseen.
    #[test]
    fn every_character_that_canonical_ordering_moves_is_a_dropped_mark() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        let moved_but_kept: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| canonical_combining_class(c) != 0 && !is_combining_mark(c))
            .collect();
        assert!(moved_but_kept.is_empty(), "{moved_but_kept:?}");
    }

    /// `fold` as it reads: the whole name decomposed, the marks dropped, the strokes too.
    fn fold_by_nfd(name: &str) -> String {
        fold_chars(
            name.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .map(|c| without_stroke(c).unwrap_or(c)),
            name.len(),
        )
    }

    proptest::proptest! {
        #[test]
        fn folding_character_by_character_is_folding_the_nfd(
            name in crate::story::text::text_of_pieces(
                vec![
                    "a", "Z", " ", ".", "'", "’", "-", "é", "É", "ñ", "Ñ", "ü", "ß", "ẞ", "İ", "ı",
                    "ø", "Å", "Ω", "Σ", "ς", "ǅ", "ﬁ", "Ⅻ", "東", "한", "각", "ệ", "ở", "ǘ", "Đ", "ł",
                    "\u{301}", "\u{323}", "\u{302}", "\u{31b}", "\u{345}", "\u{5b0}",
                    "\u{93c}", "\u{e49}", "\u{1e0b}", "\u{0958}", "\u{fb1d}", "Ǆ", "ǈ",
                ],
                16,
            ),
        ) {
            proptest::prop_assert_eq!(fold(&name), fold_by_nfd(&name));
        }
    }

    proptest::proptest! {
        /// Read without a DOM, simple markup gives the paragraphs the DOM gives; and markup
        /// that is not simple (misnested, a table, a comment, an unknown reference) is left to
        /// the DOM rather than read wrong.
        #[test]
        fn simple_markup_reads_as_the_dom_does(
            html in crate::story::text::text_of_pieces(
                vec![
                    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<hr>", "<li>", "</li>",
                    "<ul>", "</ul>", "<h2>", "</h2>", "<h3>", "<b>", "</b>", "<a href=\"/x\">",
                    "</a>", "<span class='c'>", "</span>", "<P>", "</P >", "<blockquote>",
                    "</blockquote>", "<table>", "<td>", "<!-- c -->", "<script>x</script>",
                    "<figure>", "</figure>", "<pre>", "<x-y>", "<p class=a>",
                    "<p>Hello <b>world</b></p>", "<ul><li>one</li><li>two</li></ul>",
                    "<div><p>x</p>y</div>", "<li><p>item</p></li>", "<h2>Head</h2>",
                    "Hello", " ", "world", "\n", "\t", "é", ">", "a < b",
                    "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#8212;", "&#x2019;", "&#39;",
                    "& ", "&", "&#0;", "&#x80;", "&#+1;", "&ampx", "&copy;", "&#12", "\r\n",
                    "&rsquo;", "&mdash;", "&ldquo;", "&rdquo", "&hellip;", "&frac12;", "&mdashx;",
                ],
                24,
            ),
        ) {
            if let Some(simple) = simple_markup::paragraphs(&html, flush_paragraph) {
                proptest::prop_assert_eq!(simple, dom_paragraphs(&html));
            }
        }
    }

    /// Bodies of simple markup: blocks properly nested, inline formatting anywhere, opened and
    /// closed at random (which the parser's adoption agency rearranges).
    fn simple_bodies() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let inline = || {
            crate::story::text::text_of_pieces(
                vec![
                    "Hello",
                    " ",
                    "world",
                    "\n",
                    "é",
                    ">",
                    "&amp;",
                    "&lt;",
                    "&#8212;",
                    "&rsquo;",
                    "&ldquo;",
                    "&rdquo;",
                    "&mdash;",
                    "&ndash;",
                    "&hellip;",
                    "&laquo;",
                    "&raquo;",
                    "&euro;",
                    "&copy;",
                    "&#x2019;",
                    "&nbsp;",
                    "& ",
                    "<b>",
                    "</b>",
                    "<i>",
                    "</i>",
                    "<a href=\"/x\">",
                    "</a>",
                    "<span class='c'>",
                    "</span>",
                    "<em>",
                    "</em>",
                    "<br>",
                    "<br />",
                ],
                8,
            )
        };
        let block = (0usize..8, inline(), inline()).prop_map(|(kind, a, b)| match kind {
            0 => format!("<p>{a}</p>"),
            1 => format!("<h2>{a}</h2>{b}"),
            2 => format!("<ul><li>{a}</li><li>{b}</li></ul>"),
            3 => format!("<div>{a}<p>{b}</p></div>"),
            4 => format!("<blockquote><p>{a}</p></blockquote>"),
            5 => format!("<li><p>{a}</p>{b}</li>"),
            6 => format!("{a}<hr>{b}"),
            _ => a,
        });
        proptest::collection::vec(block, 0..6).prop_map(|blocks| blocks.concat())
    }

    proptest::proptest! {
        #[test]
        fn simple_bodies_read_as_the_dom_reads_them(html in simple_bodies()) {
            let simple = simple_markup::paragraphs(&html, flush_paragraph);
            proptest::prop_assert!(simple.is_some(), "{:?}", html);
            proptest::prop_assert_eq!(simple.unwrap_or_default(), dom_paragraphs(&html));
        }
    }

    #[test]
    fn a_wire_body_is_read_as_simple_markup() {
        let body = "<p>LISBON (Lusa) &#8212; Firefighters &amp; <b>soldiers</b> fought the \
                    <a href=\"https://example.com/fire\" class='link'>blaze</a>.</p>\n\
                    <h2>Evacuations</h2><ul><li>Odemira</li><li><p>Aljezur &lt;b&gt;</p></li></ul>\
                    <p>“It is not over,” the mayor said.<br/>More later&nbsp;today.</p>";
        let simple = simple_markup::paragraphs(body, flush_paragraph).expect("simple markup");
        assert_eq!(simple, dom_paragraphs(body));
        assert_eq!(
            simple,
            [
                "LISBON (Lusa) — Firefighters & soldiers fought the blaze.",
                "Evacuations",
                "Odemira",
                "Aljezur <b>",
                "“It is not over,” the mayor said.",
                "More later today.",
            ]
        );
    }

    #[test]
    fn markup_the_parser_would_rearrange_is_left_to_it() {
        for html in [
            "<p>a<div>b</div>c</p>",
            "<li>a<li>b</li>x</li>c",
            "<h1>a<h2>b</h2>c</h1>",
            "a</li>b",
            "a</br>b",
            "<table><tr><td>a</td></tr></table>b",
            "a<!-- b -->c",
            "&frac12; cup",
            "a\r\nb",
        ] {
            assert!(
                simple_markup::paragraphs(html, flush_paragraph).is_none(),
                "{html}"
            );
            assert!(!html_paragraphs(html).is_empty(), "{html}");
        }
    }

    #[test]
    fn inline_cleaning_collapses_all_spaces_and_deletes_invisibles() {
        let dirty = "  In\u{ad}fla\u{200b}tion\u{a0}rose \u{202f}3\u{2060}% \n today ";
        assert_eq!(clean_inline(dirty), "Inflation rose 3% today");
    }

    #[test]
    fn a_clean_line_is_kept_as_it_is_and_any_one_flaw_is_cleaned() {
        let clean = "Officials in São Tomé said “no” — twice.";
        assert_eq!(clean_inline(clean), clean);
        for flawed in [
            "Officials  in São Tomé said “no” — twice.",
            " Officials in São Tomé said “no” — twice.",
            "Officials in São Tomé said “no” — twice. ",
            "Officials\tin São Tomé said “no” — twice.",
            "Officials in São\u{a0}Tomé said “no” — twice.",
            "Officials in São Tomé said “no”\u{200b} — twice.",
        ] {
            assert_eq!(clean_inline(flawed), clean, "{flawed:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_splitting_on_white_space_counts_them(
            text in crate::story::text::text_of_pieces(
                vec![
                    "a", " ", "\t", "\n", "\u{b}", "\u{1f}", "é", "\u{a0}", "\u{2009}", "’", "\u{85}",
                ],
                40,
            ),
        ) {
            proptest::prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        /// A line counts as clean exactly when cleaning would leave it as it is.
        #[test]
        fn a_line_is_clean_when_cleaning_leaves_it_unchanged(
            line in crate::story::text::text_of_pieces(
                vec![
                    "a", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1f}", "-", "é", "\u{a0}",
                    "\u{ad}", "\u{200b}", "\u{feff}", "\u{3000}", "’",
                ],
                40,
            ),
        ) {
            proptest::prop_assert_eq!(is_collapsed(&line), collapse(line.chars(), line.len()) == line);
        }
    }

    #[test]
    fn inline_cleaning_composes_to_nfc_and_keeps_typography() {
        assert_eq!(
            clean_inline("Are\u{301}valo said “no” — it’s"),
            "Arévalo said “no” — it’s"
        );
    }

    #[test]
    fn text_paragraphs_join_wrapped_lines_and_split_on_blank_lines() {
        let text = "First line\r\ncontinues here.\r\n\r\n\r\nSecond paragraph.\n";
        assert_eq!(
            text_paragraphs(text),
            vec!["First line continues here.", "Second paragraph."]
        );
    }

    #[test]
    fn html_paragraphs_decode_entities_and_drop_scripts() {
        let html = "<p>PRINEVILLE, Ore. (AP) &#8212; A fire&nbsp;grew.</p><script>x=1</script>\
                    <div>Crews &amp; engines <b>arrived</b>.<br>Later, rain.</div>";
        assert_eq!(
            html_paragraphs(html),
            vec![
                "PRINEVILLE, Ore. (AP) — A fire grew.",
                "Crews & engines arrived.",
                "Later, rain."
            ]
        );
    }

    #[test]
    fn html_inline_decodes_references() {
        assert_eq!(
            html_inline("Oregon&#8217;s fire &amp; heat"),
            "Oregon’s fire & heat"
        );
    }
}
