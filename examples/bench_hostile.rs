//! What hostile input costs the loader: each generated case at size n and 4n,
//! so the growth shows (4× the input should cost about 4× the time, not 16×).
//!
//! `cargo build --release --bin whosaid --example bench_hostile && target/release/examples/bench_hostile`
//!
//! Goals (issue 7, on this 2-core machine): a valid 4 MB file with 20,000
//! claims loads in ≤ 0.3 s; a 3 MB body with a 3,000-word near-miss quote is
//! rejected in ≤ 0.3 s; `whosaid check` of a 4 MB single-line file with 100
//! diagnostics stays under 50 MB and prints under 100 KB; the peak memory of
//! each is at most 10× the file's size.

use std::error::Error;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use whosaid::ArticleId;
use whosaid::load::{self, SourceFile};

mod support;

use support::{mb, ms, vm_hwm_kb};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const RUNS: usize = 3;
/// Loads one file in a fresh process and prints its peak memory, so each
/// case's figure is its own.
const MEASURE: &str = "--measure";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, path] = &args[..]
        && flag == MEASURE
    {
        let before = vm_hwm_kb();
        let loaded = load::load_file(&source(Path::new(path)));
        println!("{before} {} {}", vm_hwm_kb(), loaded.diagnostics.len());
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    println!(
        "case                                   size      load (best of {RUNS})   peak memory   diagnostics"
    );
    for scale in [1, 4] {
        let claims = 5_000 * scale;
        let path = dir.path().join(format!("claims-{scale}.toml"));
        std::fs::write(&path, many_claims(claims))?;
        report(&format!("valid, {claims} claims"), &path)?;
        check_output(&path)?;
    }
    for scale in [1, 4] {
        let words = 750 * scale;
        let path = dir.path().join(format!("near-miss-{scale}.toml"));
        std::fs::write(&path, near_miss(750_000 * scale, words))?;
        report(&format!("near miss, {words}-word quote"), &path)?;
        check_output(&path)?;
    }
    for scale in [1, 4] {
        let path = dir.path().join(format!("one-line-{scale}.toml"));
        std::fs::write(&path, one_line(1_000_000 * scale))?;
        report("one line, 300 unknown keys", &path)?;
        check_output(&path)?;
    }
    Ok(())
}

fn source(path: &Path) -> SourceFile {
    SourceFile {
        path: path.to_path_buf(),
        id: ArticleId::new("bench"),
    }
}

/// Prints the best load time, the fresh-process peak memory and how many
/// diagnostics the file got.
fn report(case: &str, path: &Path) -> Result<()> {
    let size = std::fs::metadata(path)?.len();
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let started = Instant::now();
        let loaded = load::load_file(&source(path));
        best = best.min(started.elapsed());
        drop(loaded);
    }
    let out = Command::new(std::env::current_exe()?)
        .arg(MEASURE)
        .arg(path)
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let figures: Vec<u64> = text
        .split_whitespace()
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    let (peak, diagnostics) = match figures[..] {
        [_, peak, diagnostics] => (peak, diagnostics),
        _ => (0, 0),
    };
    println!(
        "{case:<36} {:6.2} MB   {}          {:6.1} MB ({:4.1}×)   {diagnostics}",
        mb(size),
        ms(best),
        peak as f64 / 1024.0,
        peak as f64 * 1024.0 / size as f64,
    );
    Ok(())
}

/// `whosaid check FILE` as a user runs it: bytes printed and peak memory
/// (the whole process's, as `/usr/bin/time` sees it), also as a multiple of
/// the file's size.
fn check_output(path: &Path) -> Result<()> {
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/whosaid");
    let time = Path::new("/usr/bin/time");
    if !binary.exists() || !time.exists() {
        println!("  whosaid check: skipped (build the release binary; needs /usr/bin/time)");
        return Ok(());
    }
    let size = std::fs::metadata(path)?.len();
    let out = Command::new(time)
        .args(["-f", "%M"])
        .arg(&binary)
        .arg("check")
        .arg(path)
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak: f64 = stderr
        .lines()
        .last()
        .unwrap_or("0")
        .trim()
        .parse()
        .unwrap_or(0.0);
    println!(
        "  whosaid check: printed {:.1} KB, peak {:.1} MB ({:.1}× the file)",
        (out.stderr.len() as f64) / 1024.0,
        peak / 1024.0,
        peak * 1024.0 / size as f64,
    );
    Ok(())
}

/// A valid article with `claims` claims, each quoting its own sentence of the body.
fn many_claims(claims: usize) -> String {
    let mut body = String::new();
    for i in 0..claims {
        body.push_str(&format!(
            "Sentence {i} says the harbour of Valmora opens on day {i}. "
        ));
        if i % 8 == 7 {
            body.push_str("\n\n");
        }
    }
    let mut text = format!(
        "# Fictional: generated for a benchmark.\ntitle = \"Many claims\"\nbody = \"\"\"\n{body}\n\"\"\"\n\n[actors.port]\nname = \"Port authority of Valmora\"\nkind = \"government\"\n"
    );
    for i in 0..claims {
        text.push_str(&format!(
            "\n[[claims]]\nid = \"c{i}\"\nstatement = \"The harbour opens on day {i}.\"\nquote = \"Sentence {i} says the harbour\"\nasserted_by = [{{ actor = \"port\", cue = \"says\" }}]\n"
        ));
    }
    text
}

/// A repetitive body of about `bytes`, and a claim whose quote repeats the
/// body's words for `words` words but differs in its last: the worst case of
/// a word-by-word matcher restarted at every occurrence of the first word.
fn near_miss(bytes: usize, words: usize) -> String {
    let unit = "the tide came in and the tide went out ";
    let body = unit.repeat(bytes / unit.len());
    let mut quote: Vec<&str> = unit.split_whitespace().cycle().take(words).collect();
    quote.push("sideways");
    format!(
        "# Fictional: generated for a benchmark.\ntitle = \"Tides\"\nbody = \"\"\"\n{body}\n\"\"\"\n\n[actors.a]\nname = \"A\"\nkind = \"person\"\n\n[[claims]]\nid = \"c\"\nstatement = \"s\"\nquote = \"{}\"\nasserted_by = [{{ actor = \"a\" }}]\n",
        quote.join(" ")
    )
}

/// One line of about `bytes`: an actor with 300 unknown keys, padded long.
fn one_line(bytes: usize) -> String {
    let pad = "p".repeat(bytes / 300);
    let keys: Vec<String> = (0..300).map(|i| format!("k{i}{pad} = 1")).collect();
    format!(
        "title = \"T\"\nbody = \"b\"\nactors = {{ a = {{ name = \"A\", kind = \"person\", {} }} }}\n",
        keys.join(", ")
    )
}
