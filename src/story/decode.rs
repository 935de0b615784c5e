//! Raw bytes to text: the size limit, emptiness, and the charset — strict UTF-8 unless the
//! message declares another (a `charset` on the `content-type` header, an XML declaration, an
//! HTML `<meta charset>`), in which case that charset is decoded, just as strictly.
//!
//! This is the first gate of the story pipeline, so it is also where hostile input is cheapest to
//! refuse: the size check runs before a single byte is inspected, and valid UTF-8 is borrowed,
//! not copied.

use std::borrow::Cow;

use super::rejection::{PipelineStep, Rejection, RejectionClass};
use super::scan::any_byte;

/// Declarations are looked for in this many leading bytes.
const DECLARATION_WINDOW: usize = 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Turns a message value into text, or says precisely why it cannot be text.
///
/// `max_bytes` is the configured story size limit; larger inputs are refused without being read.
pub fn decode_text<'a>(
    bytes: &'a [u8],
    max_bytes: usize,
    content_type: Option<&str>,
) -> Result<Cow<'a, str>, Rejection> {
    let reject = |class, message: String| Rejection::new(class, PipelineStep::Decode, message);
    if bytes.len() > max_bytes {
        return Err(reject(
            RejectionClass::TooLarge,
            format!(
                "message is {} bytes, over the {max_bytes}-byte limit",
                bytes.len()
            ),
        ));
    }
    if bytes.is_empty() {
        return Err(reject(
            RejectionClass::Empty,
            "message value is zero bytes".into(),
        ));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text: Cow<'a, str> = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(error) => match declared_charset(bytes, content_type) {
            Some(encoding) if encoding != encoding_rs::UTF_8 => {
                let (decoded, had_errors) = encoding.decode_without_bom_handling(bytes);
                if had_errors {
                    return Err(reject(
                        RejectionClass::Encoding,
                        format!("bytes that are not valid {}", encoding.name()),
                    ));
                }
                decoded
            }
            _ => {
                return Err(reject(
                    RejectionClass::Encoding,
                    format!(
                        "not valid UTF-8 (and no other charset declared): invalid byte sequence at offset {}",
                        error.valid_up_to()
                    ),
                ))
            }
        },
    };
    // The controls are ASCII, which never occurs inside a multi-byte character: a byte scan,
    // since text almost never has one; only then is it found.
    if let Some(position) = has_binary_control(text.as_bytes())
        .then(|| text.bytes().position(is_binary_control))
        .flatten()
    {
        return Err(reject(
            RejectionClass::Encoding,
            format!("binary data: control character at byte {position}"),
        ));
    }
    if text.chars().all(char::is_whitespace) {
        return Err(reject(
            RejectionClass::Empty,
            "message value is only whitespace".into(),
        ));
    }
    Ok(text)
}

/// The charset the message declares: the header's `charset=`, else an XML `encoding=` or an
/// HTML `charset=` near the start.
fn declared_charset(
    bytes: &[u8],
    content_type: Option<&str>,
) -> Option<&'static encoding_rs::Encoding> {
    let from_header = content_type.and_then(|value| charset_after(value, "charset="));
    let head =
        String::from_utf8_lossy(&bytes[..bytes.len().min(DECLARATION_WINDOW)]).to_ascii_lowercase();
    let from_document = if head.trim_start().starts_with("<?xml") {
        charset_after(&head, "encoding=")
    } else {
        charset_after(&head, "charset=")
    };
    from_header
        .or(from_document)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
}

fn charset_after<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let start = text.to_ascii_lowercase().find(key)? + key.len();
    let value = text[start..].trim_start_matches(['"', '\'', ' ']);
    let end = value
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(value.len());
    Some(&value[..end]).filter(|v| !v.is_empty())
}

/// Control characters that never occur in text a newsroom sends: NUL and the C0 controls other
/// than tab, line feed, form feed and carriage return (and the wire-service SYN/SOH/STX/ETX/EOT
/// framing bytes, which ANPA-1312 and IPTC 7901 feeds legitimately carry).
const fn is_binary_control(byte: u8) -> bool {
    matches!(byte, 0 | 0x05..=0x08 | 0x0e..=0x15 | 0x17..=0x1a | 0x1c..=0x1f | 0x7f)
}

/// [`is_binary_control`] for the bytes below 0x20, one bit each.
const CONTROL_BITS: u32 = {
    let mut bits = 0;
    let mut byte = 0;
    while byte < 32 {
        if is_binary_control(byte) {
            bits |= 1 << byte;
        }
        byte += 1;
    }
    bits
};

/// Whether any byte is a binary control: a shift and a mask per byte, where
/// [`is_binary_control`]'s `matches!` would compile to a jump per byte.
fn has_binary_control(bytes: &[u8]) -> bool {
    any_byte(bytes, |byte| {
        let low_control = (byte < 32) & ((CONTROL_BITS >> (byte & 31)) & 1 != 0);
        low_control | (byte == 0x7f)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_scanned_as_the_byte_test_says() {
        for byte in 0..=u8::MAX {
            assert_eq!(
                has_binary_control(&[b'a', byte]),
                is_binary_control(byte),
                "{byte:#x}"
            );
        }
        assert!(!has_binary_control(b""));
    }

    fn class_of(bytes: &[u8], limit: usize) -> RejectionClass {
        decode_text(bytes, limit, None).unwrap_err().class
    }

    #[test]
    fn size_limit_is_checked_before_content() {
        assert_eq!(class_of(&[0xff; 11], 10), RejectionClass::TooLarge);
        assert!(decode_text(b"0123456789", 10, None).is_ok());
    }

    #[test]
    fn zero_bytes_and_whitespace_including_nbsp_are_empty() {
        assert_eq!(class_of(b"", 100), RejectionClass::Empty);
        assert_eq!(
            class_of(" \n\t\u{a0}\r\n".as_bytes(), 100),
            RejectionClass::Empty
        );
    }

    #[test]
    fn invalid_utf8_is_an_encoding_error_not_replaced() {
        let rejection = decode_text(b"Caf\xe9 au lait", 100, None).unwrap_err();
        assert_eq!(rejection.class, RejectionClass::Encoding);
        assert!(rejection.message.contains("offset 3"), "{rejection}");
    }

    #[test]
    fn binary_control_bytes_are_an_encoding_error() {
        assert_eq!(class_of(b"abc\0def", 100), RejectionClass::Encoding);
        let rejection = decode_text("Café\tok\n\u{7f}".as_bytes(), 100, None).unwrap_err();
        assert!(rejection.message.contains("at byte 9"), "{rejection}");
        // Tab, line feed, form feed, carriage return and the wire framing bytes are text.
        assert!(decode_text(b"\x01\x16BC-Story\tline\x0c\r\n\x03\x04", 100, None).is_ok());
    }

    #[test]
    fn declared_legacy_charsets_are_decoded() {
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>Caf\xe9</p>";
        assert!(decode_text(xml, 1000, None).unwrap().contains("Café"));
        let html =
            b"<html><head><meta charset=\"windows-1252\"></head><body>\x93Hi\x94</body></html>";
        assert!(decode_text(html, 1000, None).unwrap().contains("“Hi”"));
        let text = b"Caf\xe9";
        assert_eq!(
            decode_text(text, 100, Some("text/plain; charset=latin1")).unwrap(),
            "Café"
        );
    }

    #[test]
    fn bom_is_skipped_and_text_kept() {
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFHello", 100, None).unwrap(),
            "Hello"
        );
    }
}
