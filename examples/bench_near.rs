//! How long the "did you mean" passage for a quote not in the body takes on a
//! 3 MB body with a 3,000-word quote, alone and inside `check` of one file.
//!
//! `cargo build --release --example bench_near && target/release/examples/bench_near`
//!
//! Goal (issue 8): well under 0.3 s on 2 cores.

use std::time::Instant;

use whosaid::anchor::near::{BodyWords, near_miss};
use whosaid::load::{self, SourceFile};
use whosaid::model::ArticleId;

const BODY_BYTES: usize = 3 * 1024 * 1024;
const QUOTE_WORDS: usize = 3_000;
const RUNS: usize = 3;

fn main() {
    let body = body();
    let words: Vec<&str> = body.split_whitespace().collect();
    // The quote: 3,000 words from the middle of the body, with the mistakes people
    // make (capitals, a straight quote mark, one word more in the middle).
    let from = words.len() / 2;
    let mut quote_words: Vec<String> = words[from..from + QUOTE_WORDS]
        .iter()
        .map(|w| w.to_string())
        .collect();
    quote_words[0] = quote_words[0].to_uppercase();
    quote_words.insert(QUOTE_WORDS / 3, "\"extra\"".to_string());
    let quote = quote_words.join(" ");
    println!(
        "body {:.1} MB, {} words; quote {} words",
        body.len() as f64 / 1e6,
        words.len(),
        quote_words.len()
    );

    for _ in 0..RUNS {
        let t = Instant::now();
        let near = near_miss(&body, &quote);
        let total = t.elapsed();
        let t = Instant::now();
        let index = BodyWords::new(&body);
        let build = t.elapsed();
        let t = Instant::now();
        let again = index.nearest(&quote);
        let lookup = t.elapsed();
        assert_eq!(near, again);
        println!(
            "near_miss {:>6.1} ms (index {:.1} ms + lookup {:.1} ms): {} shared words",
            total.as_secs_f64() * 1e3,
            build.as_secs_f64() * 1e3,
            lookup.as_secs_f64() * 1e3,
            near.map_or(0, |n| n.words)
        );
    }

    let file = format!(
        "title = \"Bench\"\nbody = '''\n{body}'''\n\n[actors.a]\nname = \"A\"\nkind = \"person\"\n\n\
         [[claims]]\nid = \"c\"\nstatement = \"S.\"\nquote = '''{quote}'''\n\n[[claims.asserted_by]]\nactor = \"a\"\n"
    );
    let source = SourceFile {
        path: "bench.toml".into(),
        id: ArticleId::new("bench"),
    };
    for _ in 0..RUNS {
        let t = Instant::now();
        let loaded = load::load_bytes(&source, file.as_bytes());
        let took = t.elapsed();
        let message = loaded
            .diagnostics
            .first()
            .map(|d| d.message.clone())
            .unwrap_or_default();
        println!(
            "check of the file {:>6.1} ms: {}",
            took.as_secs_f64() * 1e3,
            message.chars().take(160).collect::<String>()
        );
    }
}

/// Prose-like text from a vocabulary of a few thousand words, lines of about 70 bytes.
fn body() -> String {
    let vocabulary: Vec<String> = (0..4_000)
        .map(|i| format!("w{}", i * 7919 % 10_007))
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = String::with_capacity(BODY_BYTES + 100);
    let mut line = 0;
    while out.len() < BODY_BYTES {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let word = &vocabulary[(state % vocabulary.len() as u64) as usize];
        out.push_str(word);
        line += word.len() + 1;
        if line > 70 {
            out.push('\n');
            line = 0;
        } else {
            out.push(' ');
        }
    }
    out.push('\n');
    out
}
