//! The index on a generated corpus: cold build, warm rows, verification, search,
//! an actor's stances, and size on disk.
//!
//! `cargo run --release --example bench_index -- [COUNT] [DIR] [--warm]` (default 10000
//! articles in /tmp/whosaid-bench-COUNT, generated once and reused; the index goes
//! to DIR.cache, deleted before the cold build; `--warm` keeps an index built before
//! and skips the cold build, which takes minutes at 100,000 articles).

mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use support::{cpu_time, generate_once, mb, ms};
use whosaid::ActorId;
use whosaid::index::Index;

/// Hits a search returns, as a reader's result list would show.
const LIMIT: usize = 200;

/// Typed queries: each prefix of each is one search, as a user typing it would run.
const QUERIES: &[&str] = &[
    "Łukasz Novak",
    "Zoë Kovač",
    "officials in Garza",
    "harbour tunnel",
    "田中",
    "story 4242",
    "Dufrene",
    "xylophone",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let warm = std::env::args().any(|a| a == "--warm");
    let mut args = std::env::args().skip(1).filter(|a| a != "--warm");
    let count: usize = args.next().map_or(Ok(10_000), |a| a.parse())?;
    let root = args.next().map_or_else(
        || PathBuf::from(format!("/tmp/whosaid-bench-{count}")),
        PathBuf::from,
    );
    let started = Instant::now();
    let corpus = generate_once(&root, count)?;
    println!(
        "corpus: {count} articles, {:.1} MB in {} (ready in {:.1} s)",
        mb(corpus),
        root.display(),
        started.elapsed().as_secs_f64()
    );
    let cache = root.with_extension("cache");
    if cache.exists() && !warm {
        std::fs::remove_dir_all(&cache)?;
    }

    // Cold: no index at all (or, with --warm, whatever the last run left up to date).
    let (cpu, t) = (cpu_time(), Instant::now());
    let (index, _) = Index::open_in(&cache, &root)?;
    let changes = index.verify(&mut |_| {})?;
    index.checkpoint()?;
    let cold = t.elapsed();
    println!(
        "index built {}:             {} (CPU {}), {} inserted",
        if warm { "or checked" } else { "cold" },
        ms(cold),
        ms(cpu_time() - cpu),
        changes.inserted.len()
    );
    let size = index.stats()?.bytes;
    println!(
        "index size on disk:           {:.1} MB = {:.2}x the corpus",
        mb(size),
        size as f64 / corpus as f64
    );
    drop(index);

    // Warm: a new process would open the index and list its rows at once.
    let mut best = Duration::MAX;
    let mut rows = 0;
    let cpu = cpu_time();
    for _ in 0..5 {
        let t = Instant::now();
        let (index, _) = Index::open_in(&cache, &root)?;
        rows = index.rows()?.len();
        best = best.min(t.elapsed());
    }
    println!(
        "all rows from the index, warm: {} (CPU {} a run) ({rows} rows, open included, best of 5)",
        ms(best),
        ms((cpu_time() - cpu) / 5)
    );

    let (index, _) = Index::open_in(&cache, &root)?;
    let (cpu, t) = (cpu_time(), Instant::now());
    let changes = index.verify(&mut |_| {})?;
    println!(
        "all files verified:           {} (CPU {}), {} changed",
        ms(t.elapsed()),
        ms(cpu_time() - cpu),
        changes.inserted.len() + changes.replaced.len() + changes.removed.len()
    );

    for limit in [LIMIT, usize::MAX] {
        let mut times = Vec::new();
        let mut long = Vec::new();
        for query in QUERIES {
            let chars: Vec<char> = query.chars().collect();
            for end in 1..=chars.len() {
                let prefix: String = chars[..end].iter().collect();
                let t = Instant::now();
                let hits = index.search(&prefix, limit)?.len();
                let took = t.elapsed();
                times.push((took, prefix.clone(), hits));
                if end >= 3 {
                    long.push(took);
                }
            }
        }
        times.sort();
        long.sort();
        let p95 = |v: &[Duration]| v[(v.len() * 95).div_ceil(100).saturating_sub(1)];
        let all: Vec<Duration> = times.iter().map(|t| t.0).collect();
        let (slowest, query, hits) = times.last().cloned().unwrap_or_default();
        let shown = if limit == LIMIT {
            format!("first {LIMIT}")
        } else {
            "all hits".into()
        };
        println!(
            "search p95 over {} typed prefixes ({shown}): {} (3+ characters: {}); slowest {query:?}, {hits} hits, {}",
            all.len(),
            ms(p95(&all)),
            ms(p95(&long)),
            ms(slowest),
        );
    }

    let actor = ActorId::new("actor-000");
    let articles = index
        .articles(&whosaid::index::Filter {
            actor: Some(actor.clone()),
            ..Default::default()
        })?
        .len();
    let mut best = Duration::MAX;
    let mut stances = 0;
    let cpu = cpu_time();
    for _ in 0..5 {
        let t = Instant::now();
        stances = index.stances_of(&actor)?.len();
        best = best.min(t.elapsed());
    }
    println!(
        "every stance of actor-000:    {} (CPU {} a run) ({stances} stances in {articles} articles = {:.0}%, best of 5)",
        ms(best),
        ms((cpu_time() - cpu) / 5),
        100.0 * articles as f64 / count as f64
    );
    let t = Instant::now();
    let actors = index.actors()?.len();
    println!(
        "all actors with counts:       {} ({actors})",
        ms(t.elapsed())
    );
    let t = Instant::now();
    let contested = index.contested()?.len();
    println!(
        "every contested claim:        {} ({contested})",
        ms(t.elapsed())
    );
    Ok(())
}
