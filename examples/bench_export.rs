//! Times `whosaid export --format json` on a generated corpus: discover, load,
//! summarise and write JSON to a sink, as the command does (stdout aside).
//!
//! `cargo run --release --example bench_export [ARTICLES]` (default 10,000;
//! target: at most 1 s in all on 2 cores).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use whosaid::Corpus;
use whosaid::export::Format;
use whosaid::load;
use whosaid::summary::summarize;

mod support;

use support::{cpu_time, generate, ms};

/// Counts what would have been written.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Wall time of each stage of one export.
struct Stages {
    discover: Duration,
    load: Duration,
    summarise: Duration,
    json: Duration,
}

impl Stages {
    fn total(&self) -> Duration {
        self.discover + self.load + self.summarise + self.json
    }
}

fn export_once(roots: &[PathBuf]) -> Result<(Stages, Corpus), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let sources = load::discover(roots)?;
    let discover = start.elapsed();
    let corpus = Corpus::from_sources(&sources);
    let load = start.elapsed() - discover;
    let summaries = summarize(corpus.articles());
    let summarise = start.elapsed() - discover - load;
    let mut sink = io::BufWriter::new(io::sink());
    Format::Json.write(&summaries, &mut sink)?;
    sink.flush()?;
    let json = start.elapsed() - discover - load - summarise;
    drop(summaries);
    let stages = Stages {
        discover,
        load,
        summarise,
        json,
    };
    Ok((stages, corpus))
}

const RUNS: u32 = 3;

/// Times the real command, `whosaid export --format json DIR > /dev/null`, when
/// the release binary sits beside this example (`cargo build --release` first).
fn whole_command(dir: &Path) -> io::Result<()> {
    let exe = std::env::current_exe()?;
    let Some(bin) = exe
        .parent()
        .and_then(Path::parent)
        .map(|p| p.join("whosaid"))
    else {
        return Ok(());
    };
    if !bin.exists() {
        println!(
            "(no {} yet: `cargo build --release` to time the command too)",
            bin.display()
        );
        return Ok(());
    }
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = std::process::Command::new(&bin)
            .args(["export", "--format", "json"])
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .status()?;
        best = best.min(start.elapsed());
        if !status.success() {
            println!("whosaid export failed: {status}");
        }
    }
    println!(
        "whosaid export --format json DIR > /dev/null: {} (best of {RUNS})",
        ms(best)
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 10_000,
    };
    let dir = tempfile::tempdir()?;
    let bytes = generate(dir.path(), count)?;
    println!(
        "corpus: {count} articles, {:.1} MB ({} bytes each on average), {} cores",
        bytes as f64 / 1e6,
        bytes / count.max(1) as u64,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    let roots = vec![PathBuf::from(dir.path())];

    // The best of a few runs: the machine may be shared, and wall time shows it.
    let cpu_before = cpu_time();
    let mut best: Option<(Stages, Corpus)> = None;
    for _ in 0..RUNS {
        let run = export_once(&roots)?;
        if best.as_ref().is_none_or(|(b, _)| run.0.total() < b.total()) {
            best = Some(run);
        }
    }
    let cpu = (cpu_time() - cpu_before) / RUNS;
    let Some((stages, corpus)) = best else {
        return Ok(());
    };
    assert_eq!(corpus.rejected().count(), 0, "generated articles must load");
    println!("best of {RUNS} runs, discover + load + summarise + JSON to a sink:");
    println!("  discover   {}", ms(stages.discover));
    println!("  load       {}", ms(stages.load));
    println!("  summarise  {}", ms(stages.summarise));
    println!("  json       {}", ms(stages.json));
    println!(
        "  total      {}   (target: at most 1000 ms)",
        ms(stages.total())
    );
    println!("  CPU time per run (all threads): {}", ms(cpu));

    whole_command(dir.path())?;

    // For comparison, each format on the same summaries.
    let summaries = summarize(corpus.articles());
    for format in Format::ALL {
        let mut counter = Counter(0);
        let start = Instant::now();
        format.write(&summaries, &mut io::BufWriter::new(&mut counter))?;
        let took = start.elapsed();
        println!(
            "write {:<8} {}   {:.1} MB",
            format.name(),
            ms(took),
            counter.0 as f64 / 1e6
        );
    }
    Ok(())
}
