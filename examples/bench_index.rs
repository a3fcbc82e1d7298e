//! The index on a generated corpus: cold build, warm rows, verification, search,
//! an actor's stances, and size on disk.
//!
//! Then, in a fresh process of its own (so its peak memory is a reader's, not the
//! index build's), the reader's provenance screens over that index: the actors screen
//! opened (query + first draw at 200×50), the page of actor-000 (in about a fifth of
//! the articles), the contested screen, and the process's peak memory.
//!
//! `cargo run --release --example bench_index -- [COUNT] [DIR] [--warm] [--screens]` (default 10000
//! articles in /tmp/whosaid-bench-COUNT, generated once and reused; the index goes
//! to DIR.cache, deleted before the cold build). `--warm` keeps an index built
//! before and skips the cold build, which takes minutes at 100,000 articles;
//! `--screens` runs only the second part, on the index left by an earlier run.

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
    let all: Vec<String> = std::env::args().skip(1).collect();
    let screens_only = all.iter().any(|a| a == "--screens");
    let warm = all.iter().any(|a| a == "--warm");
    let mut args = all
        .into_iter()
        .filter(|a| a != "--screens" && a != "--warm");
    let count: usize = args.next().map_or(Ok(10_000), |a| a.parse())?;
    let root = args.next().map_or_else(
        || PathBuf::from(format!("/tmp/whosaid-bench-{count}")),
        PathBuf::from,
    );
    if screens_only {
        return screens(&root);
    }
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
    drop(index);
    // The reader's screens in a process of its own, for an honest peak memory.
    let status = std::process::Command::new(std::env::current_exe()?)
        .args([
            count.to_string(),
            root.display().to_string(),
            "--screens".into(),
        ])
        .status()?;
    if !status.success() {
        return Err(format!("the screens bench failed: {status}").into());
    }
    Ok(())
}

/// Best of five runs of `f`, which returns how long its measured part took.
fn best_of(f: &mut dyn FnMut() -> Duration) -> Duration {
    (0..5).map(|_| f()).min().unwrap_or_default()
}

/// The reader as it starts from a warm index (every list row from it), then each
/// provenance screen opened: the query and the first draw, as a key press costs.
fn screens(root: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use whosaid::tui::app::App;
    use whosaid::tui::config::Config;
    use whosaid::tui::keymap::{Action, Command};
    use whosaid::tui::library::{Library, Row};
    use whosaid::tui::provenance::Place;
    use whosaid::tui::theme::Theme;

    let cache = root.with_extension("cache");
    let t = Instant::now();
    let (index, _) = Index::open_in(&cache, root)?;
    let rows = index.rows()?;
    let config = Config::builtin().map_err(|e| e.to_string())?;
    let mut library = Library::loading(config.sort);
    library.reserve(rows.len());
    for row in rows {
        if let Some(row) = Row::indexed(row) {
            library.insert(row);
        }
    }
    library.settle();
    library.finish();
    let theme = Theme::new(&config.colors, false);
    let mut app = App::new(library, config, theme, (200, 50));
    app.use_provenance_index(index);
    let mut term = Terminal::new(TestBackend::new(200, 50))?;
    term.draw(|f| whosaid::tui::ui::draw(f, &app))?;
    println!(
        "reader listed from the index:  {} ({} rows, first draw included)",
        ms(t.elapsed()),
        app.library.len()
    );
    // Best wall time of five, and the mean CPU time a run (other processes share the
    // cores: CPU time is what the reader itself spends).
    let open = |app: &mut App, term: &mut Terminal<TestBackend>, to: &dyn Fn(&mut App)| {
        let mut cpu = Duration::ZERO;
        let best = best_of(&mut || {
            let (c, t) = (cpu_time(), Instant::now());
            to(app);
            let _ = term.draw(|f| whosaid::tui::ui::draw(f, app));
            let took = t.elapsed();
            cpu += cpu_time() - c;
            app.update(Command::Run(Action::Back));
            took
        });
        format!("{} (CPU {} a run)", ms(best), ms(cpu / 5))
    };
    let actors = open(&mut app, &mut term, &|app| {
        app.update(Command::Run(Action::Actors));
    });
    let listed = match &app.screen {
        whosaid::tui::app::Screen::List => {
            app.update(Command::Run(Action::Actors));
            let n = match &app.screen {
                whosaid::tui::app::Screen::Actors(v) => v.shown.len(),
                _ => 0,
            };
            app.update(Command::Run(Action::Back));
            n
        }
        _ => 0,
    };
    println!(
        "actors screen opened:          {actors} ({listed} actors; goal 50 ms at 10k, 200 ms at 100k)"
    );
    let id = ActorId::new("actor-000");
    if let Some(index) = app.provenance_index.as_ref() {
        let mut n = 0;
        let c = cpu_time();
        let best = best_of(&mut || {
            let t = Instant::now();
            n = index
                .actor_order(whosaid::index::ActorColumn::Articles, false, "")
                .map_or(0, |a| a.len());
            t.elapsed()
        });
        println!(
            "  of which the sorted ids:     {} (CPU {} a run) ({n})",
            ms(best),
            ms((cpu_time() - c) / 5)
        );
        let c = cpu_time();
        let best = best_of(&mut || {
            let t = Instant::now();
            if let Ok(mut view) = whosaid::tui::provenance::ActorsView::query(index) {
                let _ = view.fetch(index, 0, 50);
            }
            t.elapsed()
        });
        println!(
            "  ids + rows in view:          {} (CPU {} a run)",
            ms(best),
            ms((cpu_time() - c) / 5)
        );
        let t = Instant::now();
        let n = index.stances_of(&id)?.len();
        println!("  actor-000's stances query:   {} ({n})", ms(t.elapsed()));
        let t = Instant::now();
        let n = index.relayed(&id)?.len();
        println!("  actor-000's relays query:    {} ({n})", ms(t.elapsed()));
        let t = Instant::now();
        let n = index.about_sides(&id)?.len();
        println!("  actor-000's about query:     {} ({n})", ms(t.elapsed()));
    }
    let page = open(&mut app, &mut term, &|app| {
        app.go(Place::Actor {
            id: id.clone(),
            selected: 0,
        });
    });
    app.go(Place::Actor {
        id: id.clone(),
        selected: 0,
    });
    let entries = match &app.screen {
        whosaid::tui::app::Screen::Actor(p) => (
            p.len(),
            app.provenance_index
                .as_ref()
                .and_then(|i| p.listed(i).ok())
                .map_or(0, |l| l.0.len()),
        ),
        _ => (0, 0),
    };
    app.update(Command::Run(Action::Back));
    println!(
        "page of actor-000 opened:      {page} ({} entries from {} articles; goal 30 ms at 10k, 100 ms at 100k)",
        entries.0, entries.1
    );
    let contested = open(&mut app, &mut term, &|app| {
        app.update(Command::Run(Action::Contested));
    });
    println!("contested screen opened:       {contested}");
    println!(
        "reader peak memory:            {:.1} MB (VmHWM; goal 40 MB at 10k, 80 MB at 100k)",
        support::vm_hwm_kb() as f64 / 1024.0
    );
    Ok(())
}
