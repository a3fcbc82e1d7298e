//! Times the reader on a generated corpus of 10,000 articles (~3.5 KB each: 8 paragraphs,
//! 4 actors, 5 claims): the first frame, loading in the background until every article
//! is listed (wall and CPU time), drawing into a 200×50 TestBackend, update+draw per
//! navigation key and per search keystroke.
//!
//! `cargo run --release --example bench_tui [-- N]`; `--keep DIR` writes the corpus to
//! DIR and keeps it (for timing the real binary in a pseudo-terminal); `--corpus DIR`
//! benches a corpus written before instead of generating one.
//!
//! `--filter` times only the search prompt answered by the index (issue 12 item 5):
//! the index is built (in `--cache DIR`, kept for the next run, else a temporary
//! folder), the reader starts from it, and every keystroke of a set of queries is
//! timed (update + draw at 200×50), reported as p50 / p95 / max.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

mod support;

use support::{cpu_time, generate, vm_hwm_kb};

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::tui::app::App;
use whosaid::tui::config::Config;
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1000.0)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Duration {
    let t = Instant::now();
    terminal.draw(|f| whosaid::tui::ui::draw(f, app)).unwrap();
    t.elapsed()
}

/// update + draw for one command; returns the time taken.
fn step(terminal: &mut Terminal<TestBackend>, app: &mut App, command: Command) -> Duration {
    let t = Instant::now();
    app.update(command);
    terminal.draw(|f| whosaid::tui::ui::draw(f, app)).unwrap();
    t.elapsed()
}

fn report(label: &str, times: &[Duration]) {
    let max = times.iter().max().copied().unwrap_or_default();
    let total: Duration = times.iter().sum();
    let mean = total / times.len().max(1) as u32;
    println!("{label:<44} mean {} max {}", ms(mean), ms(max));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let existing = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let tmp = tempfile::tempdir().unwrap();
    let dir = match &existing {
        Some(dir) => dir.clone(),
        None => {
            let dir = keep.clone().unwrap_or_else(|| tmp.path().join("articles"));
            let t = Instant::now();
            let bytes = generate(&dir, n).unwrap();
            println!(
                "generated {n} articles, {:.1} MB, in {}",
                bytes as f64 / 1e6,
                ms(t.elapsed())
            );
            if keep.is_some() {
                return;
            }
            dir
        }
    };

    if args.iter().any(|a| a == "--filter") {
        let cache = args
            .iter()
            .position(|a| a == "--cache")
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
            .unwrap_or_else(|| tmp.path().join("cache"));
        bench_filter(&dir, &cache);
        return;
    }

    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, false);
    let cpu = cpu_time();
    let t = Instant::now();
    let loads = whosaid::tui::loader::spawn(dir.clone());
    let library = Library::loading(config.sort);
    let mut app = App::new(library, config, theme, (200, 50));
    let first = draw(&mut terminal, &app);
    let first_at = t.elapsed();
    // As the event loop does while no key comes: wait a batch interval, take every
    // queued result, settle the batch, draw.
    let mut batches = Vec::new();
    while matches!(app.loading, whosaid::tui::app::Loading::Running { .. }) {
        std::thread::sleep(whosaid::tui::event_loop::LOAD_BATCH);
        let b = Instant::now();
        while let Ok(ev) = loads.try_recv() {
            app.on_load(ev);
        }
        let took = b.elapsed();
        app.after_loading_batch();
        let settled = b.elapsed();
        terminal.draw(|f| whosaid::tui::ui::draw(f, &app)).unwrap();
        batches.push((took, settled - took, b.elapsed() - settled));
    }
    let all = t.elapsed();
    let cpu = cpu_time() - cpu;
    println!(
        "first frame (spawn loader, App::new, draw)   {}",
        ms(first_at)
    );
    println!("  of which the draw                          {}", ms(first));
    println!(
        "all {} listed (load in the background)   {}  (CPU {} on all threads)",
        app.library.len(),
        ms(all),
        ms(cpu)
    );
    let n = batches.len();
    report(
        &format!("  per UI batch ({n}): take events"),
        &batches.iter().map(|b| b.0).collect::<Vec<_>>(),
    );
    report(
        "  per UI batch: sort, merge, filter",
        &batches.iter().map(|b| b.1).collect::<Vec<_>>(),
    );
    report(
        "  per UI batch: draw",
        &batches.iter().map(|b| b.2).collect::<Vec<_>>(),
    );
    println!(
        "peak memory of this process so far          {:8} kB",
        vm_hwm_kb()
    );
    // What the rows add to loading: the same files loaded with nothing kept.
    let sources = whosaid::load::discover(std::slice::from_ref(&dir)).unwrap();
    for (label, keep_rows) in [("load_each alone", false), ("load_each + rows", true)] {
        let cpu = cpu_time();
        let t = Instant::now();
        whosaid::load::load_each(&sources, &|_, loaded| {
            if keep_rows {
                drop(whosaid::tui::loader::event_of(loaded));
            }
        });
        println!(
            "{label:<44} {}  (CPU {})",
            ms(t.elapsed()),
            ms(cpu_time() - cpu)
        );
    }

    println!(
        "draw list screen (first)                     {}",
        ms(draw(&mut terminal, &app))
    );
    let nav: Vec<Duration> = (0..50)
        .flat_map(|_| [Action::Down, Action::Down, Action::Up])
        .map(|a| step(&mut terminal, &mut app, Command::Run(a)))
        .collect();
    report("list: j/k (update + draw)", &nav);
    report(
        "list: G",
        &[step(&mut terminal, &mut app, Command::Run(Action::Bottom))],
    );
    report(
        "list: g",
        &[step(&mut terminal, &mut app, Command::Run(Action::Top))],
    );
    report(
        "list: PageDown",
        &[step(
            &mut terminal,
            &mut app,
            Command::Run(Action::PageDown),
        )],
    );
    let open = step(&mut terminal, &mut app, Command::Run(Action::Open));
    report("open article (Enter)", &[open]);
    let claims: Vec<Duration> = (0..4)
        .map(|_| step(&mut terminal, &mut app, Command::Run(Action::NextClaim)))
        .collect();
    report("article: n (next claim, scroll into view)", &claims);
    let panes: Vec<Duration> = (0..4)
        .map(|_| step(&mut terminal, &mut app, Command::Run(Action::NextPane)))
        .collect();
    report("article: Tab", &panes);
    let body: Vec<Duration> = (0..10)
        .map(|_| step(&mut terminal, &mut app, Command::Run(Action::Down)))
        .collect();
    report("article: j in the body", &body);
    report(
        "back to the list (Esc)",
        &[step(&mut terminal, &mut app, Command::Run(Action::Back))],
    );

    // One article, a common word (most rows match), nothing, and an actor name with a diacritic.
    for query in ["(story 9999)", "harbour", "zzzz", "zoë brann"] {
        step(&mut terminal, &mut app, Command::Run(Action::Search));
        let keys: Vec<Duration> = query
            .chars()
            .map(|c| step(&mut terminal, &mut app, Command::SearchInput(c)))
            .collect();
        let matches = app.visible.len();
        let back: Vec<Duration> = (0..3)
            .map(|_| step(&mut terminal, &mut app, Command::SearchBackspace))
            .collect();
        step(&mut terminal, &mut app, Command::SearchCancel);
        report(
            &format!("search {query:?} per keystroke ({matches} match)"),
            &keys,
        );
        report("  backspace", &back);
    }
}

/// CPU time of this thread (the reader's loop runs every keystroke on one thread):
/// less swayed than wall time by other processes on a busy machine.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the one we pass.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// update + draw for one command: (wall, thread CPU).
fn step_cpu(
    terminal: &mut Terminal<TestBackend>,
    app: &mut App,
    command: Command,
) -> (Duration, Duration) {
    let cpu = thread_cpu();
    let wall = step(terminal, app, command);
    (wall, thread_cpu() - cpu)
}

/// The percentile `p` (0-100) of `times`, nearest rank.
fn percentile(times: &[Duration], p: usize) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// The search prompt as a filter over the index: every keystroke timed.
fn bench_filter(dir: &std::path::Path, cache: &std::path::Path) {
    use whosaid::tui::indexed;
    let t = Instant::now();
    // Builds (or refreshes) the index, as a first start does.
    indexed::start(Some(cache), dir, &|_| true);
    println!(
        "index built or refreshed                     {}",
        ms(t.elapsed())
    );
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, false);
    let mut app = App::new(Library::loading(config.sort), config, theme, (200, 50));
    let t = Instant::now();
    let events = std::sync::Mutex::new(Vec::new());
    indexed::start(Some(cache), dir, &|ev| {
        events.lock().unwrap().push(ev);
        true
    });
    for ev in events.into_inner().unwrap() {
        app.on_index(ev);
    }
    app.after_loading_batch();
    println!(
        "warm start, {} rows, index ready            {}",
        app.library.len(),
        ms(t.elapsed())
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    draw(&mut terminal, &app);
    let queries = [
        "actor:actor-007",
        "is:contested tag:budget,river",
        "after:2024-06-01 before:2024-08-31 -tag:vote",
        "officials",
        "kovač",
        "zzzzzz",
        "story 9999",
        "actor:actor-000 is:contested harbour",
        "-is:unread actor:actor-012,actor-013",
    ];
    let mut all = Vec::new();
    let mut all_cpu = Vec::new();
    for query in queries {
        step(&mut terminal, &mut app, Command::Run(Action::Search));
        let mut taken: Vec<(Duration, Duration)> = query
            .chars()
            .map(|c| step_cpu(&mut terminal, &mut app, Command::SearchInput(c)))
            .collect();
        let matches = app.visible.len();
        let keys: Vec<Duration> = taken.iter().map(|t| t.0).collect();
        let cpu: Vec<Duration> = taken.iter().map(|t| t.1).collect();
        if std::env::var_os("BENCH_KEYS").is_some() {
            let each: Vec<String> = taken
                .iter()
                .map(|k| {
                    format!(
                        "{:.1}/{:.1}",
                        k.0.as_secs_f64() * 1e3,
                        k.1.as_secs_f64() * 1e3
                    )
                })
                .collect();
            println!("  per key, wall/cpu ms: {}", each.join(" "));
        }
        taken.extend((0..3).map(|_| step_cpu(&mut terminal, &mut app, Command::SearchBackspace)));
        taken.push(step_cpu(&mut terminal, &mut app, Command::SearchComplete));
        step(&mut terminal, &mut app, Command::SearchCancel);
        println!(
            "{:<44} {matches:>6} kept  wall p50 {} p95 {}  cpu p50 {} p95 {}",
            format!("{query:?}"),
            ms(percentile(&keys, 50)),
            ms(percentile(&keys, 95)),
            ms(percentile(&cpu, 50)),
            ms(percentile(&cpu, 95)),
        );
        all.extend(taken.iter().map(|t| t.0));
        all_cpu.extend(taken.iter().map(|t| t.1));
    }
    println!(
        "every keystroke ({:>3}: typing, backspace, tab)  wall p50 {} p95 {} max {}",
        all.len(),
        ms(percentile(&all, 50)),
        ms(percentile(&all, 95)),
        ms(*all.iter().max().unwrap())
    );
    println!(
        "                        thread CPU per keystroke p50 {} p95 {} max {}",
        ms(percentile(&all_cpu, 50)),
        ms(percentile(&all_cpu, 95)),
        ms(*all_cpu.iter().max().unwrap())
    );
    println!(
        "peak memory of this process                  {:8} kB",
        vm_hwm_kb()
    );
}
