//! What the benchmarks share: the generated corpus they all measure, and the
//! process's CPU time and peak memory. Each example uses part of it.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use whosaid::ActorKind;

/// CPU time (user + system) this process has used, from Linux's /proc.
pub fn cpu_time() -> Duration {
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

pub fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// The process's peak resident memory so far, from Linux's /proc (0 elsewhere).
pub fn vm_hwm_kb() -> u64 {
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
/// (always with the same name and kind) and the cross-file checks and the index have work;
/// see [`skewed_actor`] for how often each recurs.
fn pool_actor(n: usize) -> (String, String, &'static str) {
    let id = format!("actor-{n:03}");
    let name = format!(
        "{} {} {n}",
        NAMES[n % NAMES.len()],
        SURNAMES[(n / NAMES.len()) % SURNAMES.len()]
    );
    (id, name, ActorKind::ALL[n % ActorKind::ALL.len()].as_str())
}

/// Which pool actor fills an article's `slot` (0 asserts every claim), skewed as
/// in a real archive: actor 0 leads a fifth of all articles; actors 1-50 recur in
/// hundreds to thousands (the smaller the id, the more); the rest are drawn from a
/// tail that grows with the archive, so most of them appear in one or two articles.
fn skewed_actor(rng: &mut Rng, slot: usize, n: usize) -> usize {
    if slot == 0 && rng.below(5) == 0 {
        return 0;
    }
    if rng.below(10) < 3 {
        let span = 1 + rng.below(50);
        1 + rng.below(span)
    } else {
        1000 + rng.below(2 * (n + 1))
    }
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
    let actors: Vec<(String, String, &str)> = (0..4)
        .map(|slot| pool_actor(skewed_actor(rng, slot, n)))
        .collect();
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

/// Writes `count` articles below `root`, 500 to a folder; returns the bytes written.
pub fn generate(root: &Path, count: usize) -> io::Result<u64> {
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

/// The generated corpus of `count` articles in `root`, generated only if `root`
/// does not already hold a complete one (a hidden marker file, which the loader
/// skips, says so): 100,000 articles take minutes and 350 MB, so a bench
/// reuses them. Returns the corpus's bytes.
pub fn generate_once(root: &Path, count: usize) -> io::Result<u64> {
    let marker = root.join(format!(".complete-{count}"));
    if let Ok(text) = fs::read_to_string(&marker)
        && let Ok(bytes) = text.trim().parse()
    {
        return Ok(bytes);
    }
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    let bytes = generate(root, count)?;
    fs::write(marker, bytes.to_string())?;
    Ok(bytes)
}
