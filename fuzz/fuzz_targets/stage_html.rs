//! The story stage on arbitrary bytes, the html reader forced by the content-type header.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::check(bytes, Some("text/html")));
