//! Times live files in the real reader, in a pseudo-terminal read back through a
//! terminal emulator (portable-pty and vt100, as the end-to-end tests use): a file
//! saved as editors save it (a temporary file renamed over it) until its new title is
//! on screen, 20 times; then 100 files rewritten at once (a `git checkout`) until the
//! screen is settled, with a key pressed every 20 ms meanwhile and the slowest answer
//! to a key (j, g alternately) reported: the loop cannot spend longer on a frame.
//!
//! `cargo build --release --bin whosaid --examples && target/release/examples/bench_live
//! [--corpus DIR] [N]` (default: 10,000 generated articles in a temporary folder; the
//! corpus's files are rewritten, so pass a copy).

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use support::{generate, ms};

const COLS: u16 = 120;
const ROWS: u16 = 40;

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    /// When bytes last arrived.
    last: Arc<Mutex<Instant>>,
}

impl Screen {
    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str, limit: Duration) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.contents().contains(text) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        None
    }
}

/// `text` with its title and date replaced, so it sorts first and shows `title`.
fn retitled(text: &str, title: &str, day: usize) -> String {
    let rest = text.splitn(3, '\n').nth(2).unwrap_or("");
    format!(
        "title = \"{title}\"\npublished = 2099-{:02}-{:02}\n{rest}",
        1 + day / 28 % 12,
        1 + day % 28
    )
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in std::fs::read_dir(dir).unwrap() {
        let sub = sub.unwrap().path();
        if sub.is_dir() {
            for f in std::fs::read_dir(&sub).unwrap() {
                out.push(f.unwrap().path());
            }
        }
    }
    out.sort();
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let n: usize = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .filter(|a| Some(PathBuf::from(a.as_str())) != corpus)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus.unwrap_or_else(|| {
        let dir = tmp.path().join("articles");
        generate(&dir, n).unwrap();
        dir
    });
    let paths = files(&dir);
    let n = paths.len();
    let bin = std::env::current_exe()
        .unwrap()
        .parent()
        .and_then(Path::parent)
        .map(|p| p.join("whosaid"))
        .unwrap();

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(&bin);
    cmd.args(["--articles", dir.to_str().unwrap()]);
    cmd.cwd(tmp.path());
    cmd.env("HOME", tmp.path());
    cmd.env("XDG_CONFIG_HOME", tmp.path().join("xdg"));
    cmd.env("XDG_STATE_HOME", tmp.path().join("state"));
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let screen = Screen {
        parser: Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0))),
        last: Arc::new(Mutex::new(Instant::now())),
    };
    let (parser, last) = (Arc::clone(&screen.parser), Arc::clone(&screen.last));
    std::thread::spawn(move || {
        let _master = pair.master;
        let mut buf = [0u8; 65536];
        while let Ok(k) = reader.read(&mut buf) {
            if k == 0 {
                break;
            }
            parser.lock().unwrap().process(&buf[..k]);
            *last.lock().unwrap() = Instant::now();
        }
    });
    let listed = format!("Articles ({n}) ━");
    let started = screen
        .wait_for(&listed, Duration::from_secs(60))
        .expect("the list never showed every article");
    println!("{n} articles listed in {}", ms(started));
    // Let loading finish its last batch and the machine calm down.
    std::thread::sleep(Duration::from_millis(500));

    // 1. Saved as vim does, 20 times: the new title on screen.
    let mut times = Vec::new();
    for k in 0..20 {
        let target = &paths[k * 37 % n];
        let text = std::fs::read_to_string(target).unwrap();
        let title = format!("Renamed into place {k}");
        let temp = target.with_file_name(".bench-save.tmp");
        std::fs::write(&temp, retitled(&text, &title, k)).unwrap();
        let t0 = Instant::now();
        std::fs::rename(&temp, target).unwrap();
        screen
            .wait_for(&title, Duration::from_secs(5))
            .expect("the renamed file never showed");
        times.push(t0.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    times.sort();
    println!(
        "rename into place → new title on screen, 20 saves: p50 {}  p95 {}  max {}",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(times[times.len() - 1])
    );

    // 2. 100 files rewritten at once, keys pressed meanwhile.
    let batch: Vec<&PathBuf> = paths.iter().skip(1000 % n).step_by(7).take(100).collect();
    let texts: Vec<String> = batch
        .iter()
        .enumerate()
        .map(|(k, p)| {
            retitled(
                &std::fs::read_to_string(p).unwrap(),
                &format!("Checked out {k:03}"),
                400 + k,
            )
        })
        .collect();
    let newest = format!("Checked out {:03}", batch.len() - 1);
    let t0 = Instant::now();
    for (p, text) in batch.iter().zip(&texts) {
        std::fs::write(p, text).unwrap();
    }
    let written = t0.elapsed();
    let mut slowest_key = Duration::ZERO;
    let mut keys = 0;
    let mut shown = None;
    while t0.elapsed() < Duration::from_secs(3) {
        let before = screen.contents();
        // Down one, back to the top: each changes the screen, and the top shows the
        // newest articles (the selection stays on its article as rows arrive above it).
        let key = if keys % 2 == 0 { "j" } else { "g" };
        let k0 = Instant::now();
        writer.write_all(key.as_bytes()).unwrap();
        writer.flush().unwrap();
        while screen.contents() == before && k0.elapsed() < Duration::from_secs(1) {
            std::thread::sleep(Duration::from_micros(300));
        }
        slowest_key = slowest_key.max(k0.elapsed());
        keys += 1;
        if shown.is_none() && screen.contents().contains(&newest) {
            shown = Some(t0.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    println!(
        "100 files rewritten (writes took {}): newest on top after {}; {keys} keys meanwhile, slowest answered in {}",
        ms(written),
        shown.map_or("never".to_string(), ms),
        ms(slowest_key)
    );
    if shown.is_none() {
        println!("{}", screen.contents());
    }

    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
}
