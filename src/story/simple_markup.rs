//! Story bodies in simple markup, read as a stream of tags and text instead of a DOM.
//!
//! Most HTML bodies of wire stories (JSON, ninjs, NITF, NewsML, feed items) are paragraphs,
//! headings and list items with inline formatting. Building an HTML5 DOM for them with
//! html5ever costs some 100,000 instructions a body. When a body keeps to what is read here, its
//! DOM would hold the same text in the same order and break paragraphs at the same tags, so a
//! scan gives the same paragraphs:
//! - the block and inline elements below, block elements properly nested, and none that the
//!   HTML parser would close on its own (a block inside an open `p`, a heading inside a heading,
//!   a list item inside a list item of the same list);
//! - attributes of plain form (they are not read);
//! - the character references of markup (`&amp;`, `&lt;`, `&nbsp;`…), of typography (`&rsquo;`,
//!   `&ldquo;`, `&mdash;`…) and numeric ones of printable characters, and `&` before white space.
//!
//! Anything else (a comment, a script, a table, an unknown tag or reference, a `<` that opens no
//! tag, a carriage return or NUL, which the parser rewrites) gives `None`, and the caller
//! builds the DOM.

use memchr::memchr2;

use super::normalize::BLOCK_ELEMENTS;

/// Block elements the parser builds its own way (a table its rows and cells, `pre` without its
/// first line break): bodies with them are left to the DOM.
const LEFT_TO_THE_DOM: &[&str] = &["table", "tr", "pre"];
/// Block elements without content.
const VOID_BLOCKS: &[&str] = &["br", "hr"];
/// Inline elements: they neither end a paragraph nor drop their text.
const INLINES: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "u", "small", "sup", "sub", "abbr", "cite", "mark", "s",
    "time",
];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// What a tag does to the text.
enum Tag {
    /// Starts a block element (`"p"`, `"li"`), or is a block without content (`"br"`).
    BlockStart(&'static str),
    BlockEnd(&'static str),
    Inline,
}

/// The paragraphs of `html` when it keeps to simple markup, each made by `flush` from the text
/// gathered since the last paragraph break.
pub(super) fn paragraphs(
    html: &str,
    flush: impl Fn(&mut String, &mut Vec<String>),
) -> Option<Vec<String>> {
    let bytes = html.as_bytes();
    // Both are ASCII, so a byte search finds them (`str::contains` would decode every character).
    if memchr2(b'\0', b'\r', bytes).is_some() {
        return None;
    }
    let mut paragraphs = Vec::new();
    let mut current = String::with_capacity(html.len().min(4096));
    let mut open: Vec<&'static str> = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let Some(offset) = memchr2(b'<', b'&', &bytes[at..]) else {
            current.push_str(&html[at..]);
            break;
        };
        current.push_str(&html[at..at + offset]);
        at += offset;
        let rest = &html[at..];
        if rest.starts_with('&') {
            let (c, length) = reference(rest)?;
            current.push(c);
            at += length;
            continue;
        }
        let (tag, length) = tag(rest)?;
        at += length;
        match tag {
            Tag::Inline => {}
            Tag::BlockStart(name) => {
                if closes_on_its_own(&open, name) {
                    return None;
                }
                flush(&mut current, &mut paragraphs);
                if !VOID_BLOCKS.contains(&name) {
                    open.push(name);
                }
            }
            Tag::BlockEnd(name) => {
                // Only the innermost open block may end: the parser ignores a stray end tag, or
                // makes a line break of `</br>`, and closes blocks left open inside.
                if open.pop() != Some(name) {
                    return None;
                }
                flush(&mut current, &mut paragraphs);
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    Some(paragraphs)
}

/// Whether the HTML parser would close an open element when `name` starts: a paragraph before
/// any block but a line break, a heading before a heading, a list item before a list item of
/// the same list.
fn closes_on_its_own(open: &[&str], name: &str) -> bool {
    let in_paragraph = open.contains(&"p") && name != "br";
    let heading_in_heading =
        HEADINGS.contains(&name) && open.iter().any(|element| HEADINGS.contains(element));
    let item_in_item = name == "li"
        && open
            .iter()
            .rev()
            .take_while(|element| !matches!(**element, "ul" | "ol"))
            .any(|element| *element == "li");
    in_paragraph || heading_in_heading || item_in_item
}

/// The character a reference at the start of `text` stands for, and the reference's length.
fn reference(text: &str) -> Option<(char, usize)> {
    const NAMED: &[(&str, char)] = &[
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
        ("&nbsp;", '\u{a0}'),
        ("&lsquo;", '‘'),
        ("&rsquo;", '’'),
        ("&ldquo;", '“'),
        ("&rdquo;", '”'),
        ("&laquo;", '«'),
        ("&raquo;", '»'),
        ("&ndash;", '–'),
        ("&mdash;", '—'),
        ("&hellip;", '…'),
        ("&euro;", '€'),
        ("&copy;", '©'),
    ];
    if let Some((name, c)) = NAMED.iter().find(|(name, _)| text.starts_with(name)) {
        return Some((*c, name.len()));
    }
    let after = &text[1..];
    if after.is_empty() || after.starts_with(|c: char| c.is_ascii_whitespace()) {
        return Some(('&', 1));
    }
    let numeric = after.strip_prefix('#')?;
    let (digits, radix, prefix) = match numeric.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 3),
        None => (numeric, 10, 2),
    };
    // Seven digits at most, then the semicolon the parser would otherwise forgive.
    let length = digits
        .bytes()
        .take(8)
        .take_while(|byte| char::from(*byte).is_digit(radix))
        .count();
    if length == 0 || length > 7 || digits.as_bytes().get(length) != Some(&b';') {
        return None;
    }
    let value = u32::from_str_radix(&digits[..length], radix).ok()?;
    let printable = matches!(value, 0x09 | 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFDCF | 0xFDF0..=0xFFFD)
        || (0x1_0000..=0x10_FFFF).contains(&value) && value & 0xFFFE != 0xFFFE;
    if !printable {
        return None;
    }
    Some((char::from_u32(value)?, prefix + length + 1))
}

/// The tag at the start of `text` (which begins with `<`), and its length.
fn tag(text: &str) -> Option<(Tag, usize)> {
    let bytes = text.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_length = bytes[name_start..]
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric())
        .count();
    let written = &text[name_start..name_start + name_length];
    let known = |list: &[&'static str]| {
        list.iter()
            .copied()
            .find(|name| name.eq_ignore_ascii_case(written))
    };
    // The elements that break paragraphs are the DOM reading's own, less those left to it.
    let block = known(BLOCK_ELEMENTS).filter(|name| !LEFT_TO_THE_DOM.contains(name));
    let mut at = name_start + name_length;
    if closing {
        at += whitespace(&bytes[at..]);
        if bytes.get(at) != Some(&b'>') {
            return None;
        }
        let tag = match (block, known(INLINES)) {
            (Some(block), _) => Tag::BlockEnd(block),
            (None, Some(_)) => Tag::Inline,
            (None, None) => return None,
        };
        return Some((tag, at + 1));
    }
    at += attributes(&bytes[at..])?;
    let tag = match (block, known(INLINES)) {
        (Some(block), _) => Tag::BlockStart(block),
        (None, Some(_)) => Tag::Inline,
        (None, None) => return None,
    };
    Some((tag, at))
}

/// The length of a start tag's attributes and its closing `>` or `/>`, when they have plain form:
/// `name`, `name="value"`, `name='value'` or `name=value`, separated by white space.
fn attributes(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let space = whitespace(&bytes[at..]);
        at += space;
        match bytes.get(at)? {
            b'>' => return Some(at + 1),
            b'/' if bytes.get(at + 1) == Some(&b'>') => return Some(at + 2),
            _ if space == 0 => return None,
            _ => {}
        }
        let name = bytes[at..]
            .iter()
            .take_while(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':'))
            .count();
        if name == 0 || !bytes[at].is_ascii_alphabetic() {
            return None;
        }
        at += name;
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        at += match bytes.get(at)? {
            quote @ (b'"' | b'\'') => 2 + bytes[at + 1..].iter().position(|byte| byte == quote)?,
            _ => {
                let value = bytes[at..]
                    .iter()
                    .take_while(|byte| {
                        !byte.is_ascii_whitespace()
                            && !matches!(byte, b'"' | b'\'' | b'=' | b'<' | b'>' | b'`' | b'/')
                    })
                    .count();
                if value == 0 {
                    return None;
                }
                value
            }
        };
    }
}

/// How many ASCII white-space bytes `bytes` begins with (the HTML ones: space, tab, line feed,
/// form feed).
fn whitespace(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\x0C'))
        .count()
}
