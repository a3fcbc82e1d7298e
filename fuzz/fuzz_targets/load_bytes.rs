//! The loader on arbitrary bytes: never a panic, always a coherent answer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::ArticleId;
use whosaid::load::{self, SourceFile};

mod invariants;

fuzz_target!(|data: &[u8]| {
    let source = SourceFile {
        path: "fuzz.toml".into(),
        id: ArticleId::new("fuzz"),
    };
    let loaded = load::load_bytes(&source, data);
    invariants::check(&loaded, data.len());
    invariants::pieces_agree(data);
});
