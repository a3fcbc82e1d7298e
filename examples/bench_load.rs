//! How fast 10,000 generated articles load, index and check, and how much memory it takes.
//!
//! `cargo build --release --bin whosaid --example bench_load && target/release/examples/bench_load [N]`
//!
//! Goals (issue 2, on 2 cores): loaded and indexed in at most 0.4 s, `whosaid check`
//! in at most 0.5 s, peak memory under twice the corpus's size on disk.

use std::error::Error;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use whosaid::Corpus;
use whosaid::load::{self, Loaded};

mod support;

use support::{cpu_time, generate, mb, ms, vm_hwm_kb};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const ARTICLES: usize = 10_000;
const RUNS: usize = 3;
/// Runs `Corpus::load` alone in a fresh process, so its peak memory is its own.
const MEASURE: &str = "--measure-corpus-load";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, root] = &args[..]
        && flag == MEASURE
    {
        return measure_corpus_load(Path::new(root));
    }
    let count = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(ARTICLES);
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("articles");
    let started = Instant::now();
    let bytes = generate(&root, count)?;
    println!(
        "generated {count} articles, {:.1} MB on disk ({:.2} KB each) in {:.2?}",
        mb(bytes),
        bytes as f64 / count as f64 / 1024.0,
        started.elapsed()
    );
    println!(
        "cores: {}",
        std::thread::available_parallelism().map_or(1, usize::from)
    );

    let sources = load::discover(std::slice::from_ref(&root))?;
    let serial = best_of(|| sources.iter().map(load::load_file).collect::<Vec<Loaded>>());
    println!("load, single thread           {}", ms(serial.0));
    drop(serial);

    // Whole runs, each stage timed within the same run: a total is never the
    // sum of stages that were fastest in different runs.
    let mut totals = Vec::with_capacity(RUNS);
    let mut summary = (0, 0, 0);
    let cpu_before = cpu_time();
    for run in 1..=RUNS {
        let started = Instant::now();
        let sources = load::discover(std::slice::from_ref(&root))?;
        let discovered = Instant::now();
        let loaded = load::load_all(&sources, &|_| {});
        let loaded_at = Instant::now();
        let corpus = Corpus::from_loaded(loaded);
        let done = Instant::now();
        println!(
            "run {run}: discover {}, load_all {}, from_loaded {}, total {}",
            ms(discovered - started),
            ms(loaded_at - discovered),
            ms(done - loaded_at),
            ms(done - started)
        );
        totals.push(done - started);
        summary = (
            corpus.articles().len(),
            corpus.rejected().count(),
            corpus.diagnostics().count(),
        );
    }
    let cpu = (cpu_time() - cpu_before) / RUNS as u32;
    totals.sort();
    println!(
        "discovered + loaded + indexed {} median, {} best of {RUNS} whole runs   (goal ≤ 400 ms)",
        ms(totals[RUNS / 2]),
        ms(totals[0])
    );
    println!("  CPU time per run: {}", ms(cpu));
    let (whole, _) = best(|| Corpus::load(std::slice::from_ref(&root)))?;
    println!("Corpus::load end to end       {}", ms(whole));
    let (articles, rejected, diagnostics) = summary;
    println!("  {articles} articles, {rejected} rejected, {diagnostics} diagnostics");
    let peak = corpus_load_peak_kb(&root)?;
    println!(
        "peak memory, Corpus::load     {:.1} MB   (goal < {:.1} MB; a fresh process, {:.1} MB before loading)",
        peak.1 as f64 / 1024.0,
        2.0 * mb(bytes),
        peak.0 as f64 / 1024.0,
    );

    check(&root, bytes)?;
    Ok(())
}

fn measure_corpus_load(root: &Path) -> Result<()> {
    let before = vm_hwm_kb();
    let corpus = Corpus::load(&[root.to_path_buf()])?;
    println!("{before} {} {}", vm_hwm_kb(), corpus.articles().len());
    Ok(())
}

/// Peak memory (kB) of a fresh process before and after `Corpus::load`.
fn corpus_load_peak_kb(root: &Path) -> Result<(u64, u64)> {
    let out = Command::new(std::env::current_exe()?)
        .arg(MEASURE)
        .arg(root)
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut numbers = text.split_whitespace().map(|n| n.parse().unwrap_or(0));
    Ok((numbers.next().unwrap_or(0), numbers.next().unwrap_or(0)))
}

/// Times `whosaid check` on the corpus as a user would run it, with its peak memory.
fn check(root: &Path, bytes: u64) -> Result<()> {
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/whosaid");
    if !binary.exists() {
        println!("whosaid check: skipped, build it first: cargo build --release --bin whosaid");
        return Ok(());
    }
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let status = Command::new(&binary)
            .arg("check")
            .arg(root)
            .stderr(std::process::Stdio::null())
            .status()?;
        times.push(started.elapsed());
        if !status.success() {
            println!("whosaid check exited with {status}");
        }
    }
    let fastest = times.iter().min().copied().unwrap_or_default();
    println!(
        "whosaid check (subprocess)    {}   (goal ≤ 500 ms)",
        ms(fastest)
    );
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        println!("peak memory of check: skipped, /usr/bin/time is absent");
        return Ok(());
    }
    let out = Command::new(time)
        .args(["-f", "%e %U %S %M"])
        .arg(&binary)
        .arg("check")
        .arg(root)
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let figures: Vec<f64> = stderr
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .map(|n| n.parse().unwrap_or(0.0))
        .collect();
    if let [wall, user, system, kb] = figures[..] {
        // CPU time shows the work done whatever else the machine is running.
        println!(
            "  one more run: {:.0} ms wall, {:.0} ms CPU ({:.0} user + {:.0} system)",
            wall * 1000.0,
            (user + system) * 1000.0,
            user * 1000.0,
            system * 1000.0
        );
        println!(
            "peak memory, whosaid check    {:.1} MB   (goal < {:.1} MB)",
            kb / 1024.0,
            2.0 * mb(bytes)
        );
    }
    Ok(())
}

fn best<T, E>(
    mut f: impl FnMut() -> std::result::Result<T, E>,
) -> std::result::Result<(Duration, T), E> {
    let mut fastest = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        let value = f()?;
        fastest = fastest.min(started.elapsed());
        last = Some(value);
    }
    match last {
        Some(value) => Ok((fastest, value)),
        None => unreachable!("RUNS is at least 1"),
    }
}

fn best_of<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    match best(|| Ok::<T, ()>(f())) {
        Ok(pair) => pair,
        Err(()) => unreachable!("infallible"),
    }
}
