//! How fast `whosaid suggest` runs: the finder with the BRAT writer over a
//! folder of plain texts on one core, and `whosaid suggest` (the release binary)
//! over 10,000 generated articles with their claims removed.
//!
//! `cargo build --release --bin whosaid --example bench_suggest &&
//!  target/release/examples/bench_suggest [TEXT_DIR…]`
//!
//! Goals: PolNeAR's 840 training texts (3.9 MB) to BRAT in ≤ 1 s on one core;
//! `whosaid suggest` over 10,000 generated articles in ≤ 3 s.

use std::error::Error;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use whosaid::suggest::{self, brat};

mod support;

use support::{generate, mb, ms};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        println!("brat: skipped, name one or more folders of .txt files");
    } else {
        bench_brat(&dirs)?;
    }
    bench_articles(10_000)
}

/// The finder and the BRAT writer over every text, read into memory first, on this one thread.
fn bench_brat(dirs: &[String]) -> Result<()> {
    let mut texts = Vec::new();
    for dir in dirs {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(fs::read_to_string(&path)?);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let start = Instant::now();
        found = 0;
        for text in &texts {
            let attributions = suggest::find(text);
            found += attributions.len();
            let mut out = Vec::new();
            brat::write(text, &attributions, &mut out)?;
            std::hint::black_box(&out);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "brat: {} texts, {:.1} MB, {found} attributions: {}   (best of 3, one core; goal ≤ 1000 ms)",
        texts.len(),
        mb(bytes as u64),
        ms(std::time::Duration::from_secs_f64(best))
    );
    Ok(())
}

/// `whosaid suggest` as a user runs it, over generated articles whose claims were cut off.
fn bench_articles(count: usize) -> Result<()> {
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/whosaid");
    if !binary.exists() {
        println!("whosaid suggest: skipped, build it first: cargo build --release --bin whosaid");
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("articles");
    generate(&root, count)?;
    let mut bytes = 0u64;
    for folder in fs::read_dir(&root)? {
        for file in fs::read_dir(folder?.path())? {
            let path = file?.path();
            let text = fs::read_to_string(&path)?;
            let cut = text.find("[[claims]]").unwrap_or(text.len());
            bytes += cut as u64;
            fs::write(&path, &text[..cut])?;
        }
    }
    // First without writing: the finding, planning and printing alone.
    let start = Instant::now();
    let dry = Command::new(&binary)
        .args(["suggest", "--dry-run"])
        .arg(&root)
        .output()?;
    println!(
        "whosaid suggest --dry-run: {count} articles, {:.1} MB printed, exit {}: {}",
        mb(dry.stdout.len() as u64),
        dry.status.code().unwrap_or(-1),
        ms(start.elapsed())
    );
    let start = Instant::now();
    let out = Command::new(&binary).arg("suggest").arg(&root).output()?;
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let written = stderr
        .lines()
        .filter(|l| l.contains(": suggested "))
        .count();
    println!(
        "whosaid suggest: {count} articles, {:.1} MB, {written} files written, exit {}: {}   (goal ≤ 3000 ms)",
        mb(bytes),
        out.status.code().unwrap_or(-1),
        ms(elapsed)
    );
    Ok(())
}
