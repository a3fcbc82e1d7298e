//! How fast 10,000 generated articles load, index and check, and how much memory it takes.
//!
//! `cargo build --release --bin whosaid --example bench_load && target/release/examples/bench_load [N]`
//!
//! Goals (issue 2, on 2 cores): loaded and indexed in at most 0.4 s, `whosaid check`
//! in at most 0.5 s, peak memory under twice the corpus's size on disk.

use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use whosaid::Corpus;
use whosaid::load::{self, Loaded};

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

    let (discover, sources) = best(|| load::discover(std::slice::from_ref(&root)))?;
    println!("discover                      {}", ms(discover));

    let serial = best_of(|| sources.iter().map(load::load_file).collect::<Vec<Loaded>>());
    println!("load, single thread           {}", ms(serial.0));
    drop(serial);

    let mut parallel = Duration::MAX;
    let mut index = Duration::MAX;
    let mut summary = (0, 0, 0);
    let cpu_before = cpu_time();
    for _ in 0..RUNS {
        let started = Instant::now();
        let loaded = load::load_all(&sources, &|_| {});
        let loaded_at = Instant::now();
        let corpus = Corpus::from_loaded(loaded);
        parallel = parallel.min(loaded_at - started);
        index = index.min(loaded_at.elapsed());
        let rejected = corpus.rejected().count();
        summary = (
            corpus.articles().len(),
            rejected,
            corpus.diagnostics().count(),
        );
    }
    let cpu = (cpu_time() - cpu_before) / RUNS as u32;
    println!("load, parallel (load_all)     {}", ms(parallel));
    println!("Corpus::from_loaded           {}", ms(index));
    println!(
        "loaded + indexed              {}   (goal ≤ 400 ms)",
        ms(discover + parallel + index)
    );
    println!("  CPU time per load_all + from_loaded: {}", ms(cpu));
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

/// CPU time (user + system) this process has used, from Linux's /proc.
fn cpu_time() -> Duration {
    let stat = fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .map(|t| t.parse::<u64>().unwrap_or(0))
        .sum();
    // Linux reports in clock ticks of 1/100 s on every common configuration.
    Duration::from_millis(ticks * 10)
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

fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1000.0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// The process's peak resident memory so far, from Linux's /proc (0 elsewhere).
fn vm_hwm_kb() -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

// ---- the generated corpus ----------------------------------------------------------

/// A small deterministic generator (xorshift), so every run benches the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "council", "harbour", "minister", "report", "budget", "river", "bridge", "school", "vote",
    "plan", "storm", "market", "railway", "court", "agency", "union", "festival", "hospital",
    "tunnel", "library", "farmers", "water", "prices", "summit", "talks", "treaty", "border",
    "election", "inquiry", "contract", "workers", "museum", "airport", "forest", "energy", "grid",
    "ferry", "district", "mayor", "police", "census",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "announced",
    "questioned",
    "confirmed",
    "praised",
    "criticised",
    "reviewed",
    "extended",
    "cancelled",
    "funded",
    "opened",
    "closed",
];
const CONNECT: &[&str] = &[
    "after weeks of",
    "despite",
    "because of",
    "ahead of",
    "following",
    "amid",
    "without",
];
const NAMES: &[&str] = &[
    "Ada", "Bo", "Cai", "Dana", "Eli", "Femi", "Gus", "Hana", "Ivo", "Juno", "Kai", "Lena", "Mo",
    "Nia", "Oskar", "Pia", "Quin", "Rosa", "Sami", "Tove", "Zoë", "Łukasz", "Åsa",
];
const SURNAMES: &[&str] = &[
    "Brann", "Calder", "Dufrêne", "Eskil", "Fenwick", "Garza", "Holm", "Ibsen", "Jarl", "Kovač",
    "Lund", "Marsh", "Novak", "Orr", "Pike", "Quist", "Rahn", "Sato", "田中",
];
const KINDS: &[&str] = &[
    "person",
    "organization",
    "government",
    "outlet",
    "anonymous",
    "document",
];
const CUES: &[&str] = &[
    "said",
    "reported",
    "claimed",
    "denied",
    "dismissed",
    "told reporters",
    "wrote",
];

/// Actors are drawn from a shared pool, so the same ids recur across articles
/// (always with the same name and kind) and the cross-article index has work.
fn pool_actor(n: usize) -> (String, String, &'static str) {
    let id = format!("actor-{n:03}");
    let name = format!(
        "{} {} {n}",
        NAMES[n % NAMES.len()],
        SURNAMES[(n / NAMES.len()) % SURNAMES.len()]
    );
    (id, name, KINDS[n % KINDS.len()])
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let words = 4 + rng.below(4);
    let subject = rng.pick(WORDS);
    let mut s = format!("The {subject} {}", rng.pick(VERBS));
    for i in 0..words {
        let _ = match i % 5 {
            2 => write!(s, " {}", rng.pick(CONNECT)),
            4 => write!(s, " {}", rng.pick(VERBS)),
            _ => write!(s, " {}", rng.pick(WORDS)),
        };
    }
    s.push('.');
    out.push_str(&s);
}

/// One article of about 3.5 KB: 8 paragraphs, 4 actors, 5 claims whose quotes are
/// sentences of the body (each made unique by a numbered place name).
fn article(n: usize, rng: &mut Rng) -> String {
    let mut paragraphs: Vec<String> = Vec::with_capacity(8);
    let mut quotes: Vec<String> = Vec::new();
    for p in 0..8 {
        let mut para = String::new();
        for s in 0..3 {
            if !para.is_empty() {
                para.push(if s == 1 { '\n' } else { ' ' });
            }
            sentence(rng, &mut para);
        }
        if p < 5 {
            let quote = format!(
                "officials in {} district {n}-{p} {} the {} {}",
                rng.pick(SURNAMES),
                rng.pick(VERBS),
                rng.pick(WORDS),
                rng.pick(WORDS)
            );
            let _ = write!(para, " According to {}, {quote}.", rng.pick(NAMES));
            quotes.push(quote);
        }
        paragraphs.push(para);
    }
    let actors: Vec<(String, String, &str)> = (0..4).map(|_| pool_actor(rng.below(400))).collect();
    let mut out = String::with_capacity(4096);
    let _ = writeln!(
        out,
        "title = \"The {} {} the {} (story {n})\"",
        rng.pick(WORDS),
        rng.pick(VERBS),
        rng.pick(WORDS)
    );
    let _ = writeln!(out, "published = 2024-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
    let _ = writeln!(out, "tags = [\"{}\", \"generated\"]", rng.pick(WORDS));
    let _ = writeln!(out, "body = \"\"\"\n{}\n\"\"\"\n", paragraphs.join("\n\n"));
    for (i, (id, name, kind)) in actors.iter().enumerate() {
        if actors[..i].iter().any(|(other, _, _)| other == id) {
            continue;
        }
        let _ = writeln!(out, "[actors.{id}]\nname = \"{name}\"\nkind = \"{kind}\"\n");
    }
    let [a, b, c, d] = [&actors[0].0, &actors[1].0, &actors[2].0, &actors[3].0];
    for (k, quote) in quotes.iter().enumerate() {
        let _ = writeln!(
            out,
            "[[claims]]\nid = \"claim-{k}\"\nstatement = \"Claim {k} of story {n}.\"\nquote = \"{quote}\"\n"
        );
        let via = if k == 0 {
            format!("\nvia = [\"{b}\", \"{c}\"]")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "[[claims.asserted_by]]\nactor = \"{a}\"{via}\ncue = \"{}\"\n",
            rng.pick(CUES)
        );
        if k % 2 == 1 && d != a {
            let _ = writeln!(
                out,
                "[[claims.denied_by]]\nactor = \"{d}\"\ncue = \"denied\"\n"
            );
        } else if c != a {
            let _ = writeln!(
                out,
                "[[claims.asserted_by]]\nactor = \"{c}\"\nquote = \"district {n}-{k}\"\n"
            );
        }
    }
    out
}

fn generate(root: &Path, count: usize) -> Result<u64> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bytes = 0;
    for n in 0..count {
        // A few hundred per folder, as a large archive might be organised.
        let path: PathBuf = root
            .join(format!("{:02}", n / 500))
            .join(format!("story-{n:05}.toml"));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let text = article(n, &mut rng);
        bytes += text.len() as u64;
        fs::write(path, text)?;
    }
    Ok(bytes)
}
