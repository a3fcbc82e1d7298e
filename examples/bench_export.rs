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

/// One generated article of about 3.5 KB: 8 paragraphs, 4 actors and 5
/// claims, each asserted through a one-step `via` chain and denied with a
/// quote, every quote found once in the body.
pub fn article_toml(n: usize) -> String {
    let mut body = String::new();
    for p in 0..8 {
        body.push_str(&format!(
            "Officials met on Tuesday about the budget ({n}.{p}), and the minister's \
             office said talks number {p} went well. Critics pointed to delays. \
             \"Claim {p} of {n} is simply untrue,\" the spokesperson said.\n\n"
        ));
    }
    let mut toml = format!(
        "title = \"Generated story {n}: budget talks and denials\"\n\
         published = 2024-11-{:02}T09:30:00Z\n\
         outlet = \"The Generated Times\"\n\
         url = \"https://example.org/story/{n}\"\n\
         tags = [\"budget\", \"generated\"]\n\
         body = \"\"\"\n{body}\"\"\"\n\n\
         [actors.times]\nname = \"The Generated Times\"\nkind = \"outlet\"\n\n\
         [actors.officials]\nname = \"Officials familiar with the talks\"\nkind = \"anonymous\"\n\n\
         [actors.spokesperson]\nname = \"Pat Example\"\nkind = \"person\"\n\
         role = \"Ministry spokesperson\"\naffiliation = \"ministry\"\n\n\
         [actors.ministry]\nname = \"The Ministry\"\nkind = \"government\"\n",
        n % 28 + 1
    );
    for c in 0..5 {
        toml.push_str(&format!(
            "\n[[claims]]\nid = \"claim-{c}\"\n\
             statement = \"Talks number {c} in story {n} went well.\"\n\
             quote = \"the minister's office said talks number {c} went well\"\n\n\
             [[claims.asserted_by]]\nactor = \"times\"\nvia = [\"officials\"]\ncue = \"reported\"\n\n\
             [[claims.denied_by]]\nactor = \"spokesperson\"\ncue = \"said\"\n\
             quote = \"Claim {c} of {n} is simply untrue\"\n"
        ));
    }
    toml
}

/// Writes `count` generated articles below `dir`, 100 to a folder; returns the bytes written.
pub fn write_corpus(dir: &Path, count: usize) -> io::Result<u64> {
    let mut bytes = 0;
    for n in 0..count {
        let folder = dir.join(format!("batch-{:03}", n / 100));
        if n % 100 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        let text = article_toml(n);
        bytes += text.len() as u64;
        std::fs::write(folder.join(format!("story-{n:05}.toml")), text)?;
    }
    Ok(bytes)
}

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

fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 10_000,
    };
    let dir = tempfile::tempdir()?;
    let bytes = write_corpus(dir.path(), count)?;
    println!(
        "corpus: {count} articles, {:.1} MB ({} bytes each on average), {} cores",
        bytes as f64 / 1e6,
        bytes / count.max(1) as u64,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    let roots = vec![PathBuf::from(dir.path())];

    let start = Instant::now();
    let sources = load::discover(&roots)?;
    let discovered = start.elapsed();
    let corpus = Corpus::from_sources(&sources);
    let loaded = start.elapsed();
    let summaries = summarize(corpus.articles());
    let summarised = start.elapsed();
    let mut sink = io::BufWriter::new(io::sink());
    Format::Json.write(&summaries, &mut sink)?;
    sink.flush()?;
    let total = start.elapsed();

    assert_eq!(corpus.rejected().count(), 0, "generated articles must load");
    println!("discover   {}", ms(discovered));
    println!("load       {}", ms(loaded - discovered));
    println!("summarise  {}", ms(summarised - loaded));
    println!("json       {}", ms(total - summarised));
    println!("total      {}   (target: at most 1000 ms)", ms(total));

    // For comparison, the other formats on the same summaries.
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
