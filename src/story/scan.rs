//! Scans over every byte of a story for things it almost never has (a control byte, a run of
//! spaces, a mojibake lead): folded without a branch per byte, so that the compiler turns the
//! loop into vector code. The test must be branch-free arithmetic too: a `matches!` over byte
//! ranges compiles to a jump table, a jump per byte.

/// Whether `test` holds for any byte.
pub fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |found, &byte| found | test(byte))
}

/// Whether `test` holds for any two neighbouring bytes.
pub fn any_pair(bytes: &[u8], test: impl Fn(u8, u8) -> bool) -> bool {
    bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |found, (&first, &second)| {
            found | test(first, second)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_answer_as_the_iterators_do() {
        let text = b"ab  c\td";
        assert!(any_byte(text, |b| b == b'\t'));
        assert!(!any_byte(text, |b| b == b'x'));
        assert!(!any_byte(b"", |_| true));
        assert!(any_pair(text, |a, b| a == b' ' && b == b' '));
        assert!(!any_pair(text, |a, b| a == b'a' && b == b'c'));
        // The last pair counts; a single byte has none.
        assert!(any_pair(text, |a, b| a == b'\t' && b == b'd'));
        assert!(!any_pair(b"a", |_, _| true));
    }
}
