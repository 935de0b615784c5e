//! The story stage on arbitrary bytes, the format sniffed from the content.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::check(bytes, None));
