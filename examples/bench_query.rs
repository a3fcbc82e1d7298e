//! Times the query language over a generated corpus: parsing, and matching
//! every article in memory (as `export --query` and the reader's search do),
//! for filter-only, text and combined queries; plus the actor census, and
//! parsing a hostile 1 MB query at n and 4n.
//!
//! `cargo run --release --example bench_query [ARTICLES]` (default 10,000).

use std::time::Instant;

use whosaid::Corpus;
use whosaid::query::{NoneRead, Query, Vocabulary, complete, search_text};

mod support;

use support::{cpu_time, generate, ms};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("articles");
    let bytes = generate(&root, count)?;
    let corpus = Corpus::load(&[root])?;
    println!(
        "{} articles ({:.1} MB) loaded",
        corpus.articles().len(),
        support::mb(bytes)
    );
    let queries = [
        "actor:actor-007",
        "is:contested tag:budget,river",
        "after:2024-06-01 before:2024-08-31 -tag:vote",
        "officials",
        "kovač",
        "zzzzzz",
        "actor:actor-007 is:contested after:2024-03-01 \"district 1\"",
    ];
    for text in queries {
        let query = Query::parse(text)?;
        let (wall, cpu) = (Instant::now(), cpu_time());
        let kept = corpus
            .articles()
            .iter()
            .filter(|a| query.matches(a, &NoneRead))
            .count();
        println!(
            "match {text:<60} {kept:>6} kept  wall {}  cpu {}",
            ms(wall.elapsed()),
            ms(cpu_time() - cpu)
        );
    }
    // The reader's way: each article's text folded once, then every query is a plain search.
    let (wall, cpu) = (Instant::now(), cpu_time());
    let texts: Vec<String> = corpus.articles().iter().map(search_text).collect();
    println!(
        "search_text of every article: wall {}  cpu {}",
        ms(wall.elapsed()),
        ms(cpu_time() - cpu)
    );
    for text in ["officials", "kovač", "zzzzzz"] {
        let query = Query::parse(text)?;
        let (wall, cpu) = (Instant::now(), cpu_time());
        let kept = corpus
            .articles()
            .iter()
            .zip(&texts)
            .filter(|(a, t)| query.matches_prepared(a, &NoneRead, t))
            .count();
        println!(
            "prepared {text:<57} {kept:>6} kept  wall {}  cpu {}",
            ms(wall.elapsed()),
            ms(cpu_time() - cpu)
        );
    }
    let start = Instant::now();
    let vocabulary = Vocabulary::collect(corpus.articles());
    let collected = start.elapsed();
    let start = Instant::now();
    let completion = complete("actor:actor-0", 13, &vocabulary);
    println!(
        "vocabulary {}  completion of actor:actor-0 ({} candidates) {}",
        ms(collected),
        completion.candidates.len(),
        ms(start.elapsed())
    );
    let start = Instant::now();
    let census = whosaid::actors::census(corpus.articles());
    println!(
        "actor census: {} actors, {} duplicate groups, {}",
        census.actors.len(),
        census.duplicates.len(),
        ms(start.elapsed())
    );
    for n in [1usize << 20, 4 << 20] {
        let hostile = format!("{}:x ", "a".repeat(n / 2)) + &"tag:a,".repeat(n / 12);
        let start = Instant::now();
        let result = Query::parse(&hostile);
        println!(
            "parse hostile {:>5} KB query: {} ({})",
            n / 1024,
            ms(start.elapsed()),
            if result.is_err() { "error" } else { "ok" }
        );
    }
    Ok(())
}
