//! The loader on valid articles mutated at the TOML token level: tokens of a
//! seed article deleted, repeated, swapped or replaced by others, so the
//! fuzzer spends its time on inputs that parse, or nearly, and reach the
//! checker's rules instead of the TOML lexer's first error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::ArticleId;
use whosaid::load::{self, SourceFile};

mod invariants;

/// FORMAT.md's example, with a stance quote and `via` (the seeds' shape): the
/// loader's valid fixture.
const SEED: &str = include_str!("../../tests/fixtures/valid/format-example.toml");

/// Tokens that are not in the seed but make interesting neighbours.
const EXTRA: [&str; 16] = [
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "=",
    "\n",
    "\"\"",
    "'x'",
    "\"\"\"a\"\"\"",
    "1",
    "true",
    "2024-11-11T09:30:00Z",
    "\u{feff}",
    "\"Zoe\u{301}\"",
];

fuzz_target!(|data: &[u8]| {
    let tokens: Vec<&str> = toml_parser::Source::new(SEED)
        .lex()
        .map(|t| &SEED[t.span().start()..t.span().end()])
        .collect();
    let mut out: Vec<&str> = tokens;
    // Each 3 bytes of input are one edit: what, where, with which token.
    for edit in data.chunks_exact(3) {
        if out.is_empty() {
            break;
        }
        let len = out.len();
        let at = edit[1] as usize * len / 256;
        let pick = edit[2] as usize;
        match edit[0] % 4 {
            0 => {
                out.remove(at);
            }
            1 => {
                let copy = out[pick % len];
                out.insert(at, copy);
            }
            2 => out.swap(at, pick % len),
            _ => out[at] = EXTRA[pick % EXTRA.len()],
        }
    }
    let text = out.concat();
    let source = SourceFile {
        path: "fuzz.toml".into(),
        id: ArticleId::new("fuzz"),
    };
    let loaded = load::load_bytes(&source, text.as_bytes());
    invariants::check(&loaded, text.len());
    invariants::pieces_agree(text.as_bytes());
});
