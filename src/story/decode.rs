//! Raw bytes to text: the size limit, emptiness and strict UTF-8.
//!
//! This is the first gate of the story pipeline, so it is also where hostile input is cheapest to
//! refuse: the size check runs before a single byte is inspected, and nothing here allocates.

use super::rejection::{PipelineStep, Rejection, RejectionClass};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Turns a message value into text, or says precisely why it cannot be text.
///
/// `max_bytes` is the configured story size limit; larger inputs are refused without being read.
pub fn decode_text(bytes: &[u8], max_bytes: usize) -> Result<&str, Rejection> {
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
    let text = std::str::from_utf8(bytes).map_err(|error| {
        reject(
            RejectionClass::Encoding,
            format!(
                "not valid UTF-8: invalid byte sequence at offset {}",
                error.valid_up_to()
            ),
        )
    })?;
    if let Some(position) = text.find(is_binary_control) {
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

/// Control characters that never occur in text a newsroom sends: NUL and the C0 controls other
/// than tab, line feed, form feed and carriage return (and the wire-service SOH/STX/ETX/EOT
/// framing bytes, which ANPA-1312 and IPTC 7901 feeds legitimately carry).
fn is_binary_control(c: char) -> bool {
    matches!(c, '\0' | '\u{5}'..='\u{8}' | '\u{e}'..='\u{1a}' | '\u{1c}'..='\u{1f}' | '\u{7f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_of(bytes: &[u8], limit: usize) -> RejectionClass {
        decode_text(bytes, limit).unwrap_err().class
    }

    #[test]
    fn size_limit_is_checked_before_content() {
        assert_eq!(class_of(&[0xff; 11], 10), RejectionClass::TooLarge);
        assert!(decode_text(b"0123456789", 10).is_ok());
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
        let rejection = decode_text(b"Caf\xe9 au lait", 100).unwrap_err();
        assert_eq!(rejection.class, RejectionClass::Encoding);
        assert!(rejection.message.contains("offset 3"), "{rejection}");
    }

    #[test]
    fn binary_control_bytes_are_an_encoding_error() {
        assert_eq!(class_of(b"abc\0def", 100), RejectionClass::Encoding);
    }

    #[test]
    fn bom_is_skipped_and_text_kept() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFHello", 100).unwrap(), "Hello");
    }
}
