//! The reader started from the index (`whosaid::tui::indexed`): a warm index lists the
//! articles at once, a missing or garbage index is rebuilt and still gives the right list,
//! an edit made while the reader was closed that keeps size and time shows after the
//! check, and two readers starting at once both end with the right list. Every test
//! keeps its index in a temporary cache folder.

use std::path::Path;

use whosaid::tui::app::App;
use whosaid::tui::app::Loading;
use whosaid::tui::config::{Config, Sort};
use whosaid::tui::indexed::{self, IndexEvent, Listing, Then};
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;
use whosaid::tui::watch::FileChange;

fn article(title: &str) -> String {
    format!(
        r#"title = "{title}"
published = 2024-03-01
outlet = "The Fictional Gazette"
body = """
An invented story: the harbour master said the ferry runs again.
"""

[actors.master]
name = "Harbour Master Quill"
kind = "person"

[[claims]]
id = "ferry"
statement = "The ferry runs again."
quote = "the ferry runs again"
asserted_by = [{{ actor = "master", cue = "said" }}]
"#
    )
}

/// Three fictional articles and one broken file.
fn write_corpus(dir: &Path) {
    for (name, title) in [
        ("alpha", "Alpha ferry"),
        ("beta", "Beta bridge"),
        ("gamma", "Gamma dock"),
    ] {
        std::fs::write(dir.join(format!("{name}.toml")), article(title)).unwrap();
    }
    std::fs::write(dir.join("broken.toml"), "title = \n").unwrap();
}

/// Runs a start and gives back its events, in order.
fn start(cache: &Path, articles: &Path) -> Vec<IndexEvent> {
    let events = std::sync::Mutex::new(Vec::new());
    indexed::start(Some(cache), articles, &|ev| {
        // The index handed to the search prompt is the filter tests' business.
        if !matches!(ev, IndexEvent::Ready(_) | IndexEvent::Vocabulary(_)) {
            events.lock().unwrap().push(ev);
        }
        true
    });
    events.into_inner().unwrap()
}

/// The three steps of a start that went well: the notice, the rows, the changes.
fn steps(events: Vec<IndexEvent>) -> (Option<String>, Listing, Vec<FileChange>) {
    let mut it = events.into_iter();
    match (it.next(), it.next(), it.next(), it.next()) {
        (
            Some(IndexEvent::Opened(notice)),
            Some(IndexEvent::Listed(rows)),
            Some(IndexEvent::Checked(changes)),
            None,
        ) => (notice, rows, changes),
        other => panic!("unexpected events: {other:?}"),
    }
}

fn app() -> App {
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, false);
    App::new(Library::loading(config.sort), config, theme, (100, 30))
}

/// (id, title) of every listed row, in list order, then the problem ids.
fn listed(app: &App) -> (Vec<(String, String)>, Vec<String>) {
    let rows = app
        .visible
        .iter()
        .map(|&s| {
            let r = app.library.row(s).unwrap();
            (r.id.to_string(), r.title.to_string())
        })
        .collect();
    let problems = app
        .library
        .problems()
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    (rows, problems)
}

/// (id, title) pairs as [`listed`] gives them.
fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(i, t)| (i.to_string(), t.to_string()))
        .collect()
}

fn expected() -> (Vec<(String, String)>, Vec<String>) {
    // Same date for all: the list orders them by id.
    let rows = pairs(&[
        ("alpha", "Alpha ferry"),
        ("beta", "Beta bridge"),
        ("gamma", "Gamma dock"),
    ]);
    (rows, vec!["broken".to_string()])
}

fn only_sqlite(cache: &Path) -> std::path::PathBuf {
    let mut found: Vec<_> = std::fs::read_dir(cache.join("whosaid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

#[test]
fn a_warm_index_lists_every_article_before_the_check() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    // First start: nothing indexed yet, the check finds every file.
    let (notice, rows, changes) = steps(start(&cache_dir, articles.path()));
    assert_eq!(notice, None);
    assert!(rows.is_empty());
    let mut first = app();
    first.on_files(changes);
    assert_eq!(listed(&first), expected());

    // Second start: the rows alone make the whole list; the check changes nothing.
    let (notice, rows, changes) = steps(start(&cache_dir, articles.path()));
    assert_eq!(notice, None);
    assert!(changes.is_empty(), "{changes:?}");
    let mut warm = app();
    warm.on_files(rows.into_changes());
    assert_eq!(listed(&warm), expected());
    let problem = &warm.library.problems()[0];
    assert!(
        !problem.diagnostics.is_empty(),
        "the broken file keeps its diagnostics"
    );
}

#[test]
fn a_deleted_or_garbage_index_is_rebuilt_and_lists_correctly() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    steps(start(&cache_dir, articles.path()));

    std::fs::remove_dir_all(&cache_dir).unwrap();
    let (notice, rows, changes) = steps(start(&cache_dir, articles.path()));
    assert_eq!(notice, None, "a missing index is simply made");
    let mut app1 = app();
    app1.on_files(rows.into_changes());
    app1.on_files(changes);
    assert_eq!(listed(&app1), expected());

    let db = only_sqlite(cache.path());
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::write(&db, vec![0x5a; 64 * 1024]).unwrap();
    let (notice, rows, changes) = steps(start(&cache_dir, articles.path()));
    let notice = notice.expect("a rebuilt index says so");
    assert!(notice.contains("rebuilt"), "{notice}");
    let mut app2 = app();
    app2.on_files(rows.into_changes());
    app2.on_files(changes);
    assert_eq!(listed(&app2), expected());
}

#[test]
fn an_edit_keeping_size_and_time_shows_after_the_check() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    steps(start(&cache_dir, articles.path()));

    // While the reader is closed: same length, same modification time, other title.
    let file = articles.path().join("beta.toml");
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    let before = std::fs::read(&file).unwrap();
    std::fs::write(&file, article("Bete bridge")).unwrap();
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (meta.len(), meta.modified().unwrap()),
        (before.len() as u64, mtime)
    );

    let (_, rows, changes) = steps(start(&cache_dir, articles.path()));
    let mut app = app();
    app.on_files(rows.into_changes());
    let (old, _) = listed(&app);
    assert_eq!(old[1], ("beta".to_string(), "Beta bridge".to_string()));
    app.on_files(changes);
    let (new, problems) = listed(&app);
    assert_eq!(new[1], ("beta".to_string(), "Bete bridge".to_string()));
    assert_eq!((new.len(), problems), (3, vec!["broken".to_string()]));
}

#[test]
fn files_added_deleted_broken_and_fixed_while_closed_show_after_the_check() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    steps(start(&cache_dir, articles.path()));

    // While the reader is closed: one file goes, one comes, one breaks, one is fixed.
    let dir = articles.path();
    std::fs::remove_file(dir.join("gamma.toml")).unwrap();
    std::fs::write(dir.join("delta.toml"), article("Delta pier")).unwrap();
    std::fs::write(dir.join("beta.toml"), "title = \n").unwrap();
    std::fs::write(dir.join("broken.toml"), article("Broken no more")).unwrap();

    let (_, listing, changes) = steps(start(&cache_dir, dir));
    assert_eq!(
        (listing.rows.len(), listing.problems.len()),
        (3, 1),
        "the list first shows the index as it was"
    );
    let mut app = app();
    app.on_index(IndexEvent::Opened(None));
    app.on_index(IndexEvent::Listed(listing));
    assert_eq!(listed(&app), expected());
    app.on_index(IndexEvent::Checked(changes));
    let rows = pairs(&[
        ("alpha", "Alpha ferry"),
        ("broken", "Broken no more"),
        ("delta", "Delta pier"),
    ]);
    assert_eq!(listed(&app), (rows, vec!["beta".to_string()]));
}

#[test]
fn two_readers_starting_at_once_both_list_correctly() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    let barrier = std::sync::Barrier::new(2);
    let results: Vec<Vec<IndexEvent>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    start(&cache_dir, articles.path())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for events in results {
        let (notice, rows, changes) = steps(events);
        assert_eq!(notice, None);
        let mut app = app();
        app.on_files(rows.into_changes());
        app.on_files(changes);
        assert_eq!(listed(&app), expected());
    }
}

/// The last line drawn: the status bar.
fn status_bar(app: &App) -> String {
    let text = crate::support::text(&crate::support::draw(app));
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_reader_lists_a_warm_index_at_once_and_says_checking_until_the_check_is_over() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    steps(start(&cache_dir, articles.path()));

    let mut app = app();
    let mut events = start(&cache_dir, articles.path()).into_iter();
    assert_eq!(
        app.on_index(events.next().unwrap()),
        Then::Nothing,
        "opened"
    );
    let listed_rows = events.next().unwrap();
    assert!(matches!(&listed_rows, IndexEvent::Listed(r) if !r.is_empty()));
    assert_eq!(app.on_index(listed_rows), Then::Nothing, "no scan needed");
    assert_eq!(listed(&app), expected());
    assert_eq!(app.loading, Loading::Done);
    assert!(
        status_bar(&app).contains("checking…"),
        "{}",
        status_bar(&app)
    );
    assert_eq!(app.on_index(events.next().unwrap()), Then::Nothing);
    assert!(
        !status_bar(&app).contains("checking…"),
        "{}",
        status_bar(&app)
    );
    assert_eq!(listed(&app), expected());
}

#[test]
fn a_new_index_starts_the_loader_at_once_and_a_failed_one_reads_the_files() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    // Cold: nothing listed, so the files are read now rather than after the check.
    let mut cold = app();
    let events = start(&cache_dir, articles.path());
    let thens: Vec<Then> = events.into_iter().map(|e| cold.on_index(e)).collect();
    assert_eq!(thens, [Then::Nothing, Then::Scan, Then::Nothing]);

    // The index gave rows, then failed: every file is read again over them.
    let mut warm = app();
    let (_, rows, _) = steps(start(&cache_dir, articles.path()));
    warm.on_index(IndexEvent::Opened(None));
    warm.on_index(IndexEvent::Listed(rows));
    let then = warm.on_index(IndexEvent::Failed("disk I/O error".to_string()));
    assert_eq!(then, Then::Rescan);
    assert!(
        status_bar(&warm).contains("disk I/O error"),
        "{}",
        status_bar(&warm)
    );
    assert!(!status_bar(&warm).contains("checking…"));

    // Failed before any row: the loader starts on the empty list, once.
    let mut bare = app();
    assert_eq!(
        bare.on_index(IndexEvent::Failed("no".to_string())),
        Then::Scan
    );
    assert_eq!(
        bare.on_index(IndexEvent::Failed("no".to_string())),
        Then::Nothing
    );
}

/// An article dated `published` (TOML date), or undated when `None`.
fn dated(title: &str, published: Option<&str>) -> String {
    let date = published.map_or(String::new(), |d| format!("published = {d}\n"));
    article(title).replace("published = 2024-03-01\n", &date)
}

#[test]
fn the_first_screen_comes_first_in_the_lists_order_then_the_whole_list() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (name, date) in [
        ("alpha", Some("2024-03-01")),
        ("beta", Some("2024-05-01")),
        ("gamma", None),
        ("delta", Some("2024-04-01")),
    ] {
        std::fs::write(
            articles.path().join(format!("{name}.toml")),
            dated(name, date),
        )
        .unwrap();
    }
    std::fs::write(articles.path().join("broken.toml"), "title = \n").unwrap();
    let cache_dir = cache.path().join("whosaid");
    // A first start builds the index; no head: it holds nothing yet.
    let events = std::sync::Mutex::new(Vec::new());
    let start_sorted = |sort| {
        events.lock().unwrap().clear();
        indexed::start_with_head(Some(&cache_dir), articles.path(), Some(sort), &|ev| {
            events.lock().unwrap().push(ev);
            true
        });
        std::mem::take(&mut *events.lock().unwrap())
    };
    let first = start_sorted(Sort::Newest);
    assert!(!first.iter().any(|e| matches!(e, IndexEvent::Head(_))));

    for (sort, order) in [
        (Sort::Newest, ["beta", "delta", "alpha", "gamma"]),
        (Sort::Oldest, ["alpha", "delta", "beta", "gamma"]),
        (Sort::Id, ["alpha", "beta", "delta", "gamma"]),
    ] {
        let config = Config {
            sort,
            ..Config::builtin().unwrap()
        };
        let theme = Theme::new(&config.colors, false);
        let mut app = App::new(Library::loading(sort), config, theme, (100, 30));
        let mut events = start_sorted(sort).into_iter();
        app.on_index(events.next().unwrap());
        let head = events.next().unwrap();
        let IndexEvent::Head(rows) = &head else {
            panic!("{head:?}")
        };
        assert_eq!(rows.len(), 4, "rows only, the broken file is not in it");
        app.on_index(head);
        let ids = |app: &App| -> Vec<String> { listed(app).0.into_iter().map(|r| r.0).collect() };
        assert_eq!(ids(&app), order, "{sort:?}: the head alone");
        assert!(
            matches!(app.loading, Loading::Running { .. }),
            "still loading"
        );
        app.on_index(events.next().unwrap());
        assert_eq!(ids(&app), order, "{sort:?}: the whole list");
        assert_eq!(app.loading, Loading::Done);
        assert_eq!(listed(&app).1, ["broken"]);
    }

    // Sorted by title, the list's folded comparison decides: no head.
    let by_title = start_sorted(Sort::Title);
    assert!(!by_title.iter().any(|e| matches!(e, IndexEvent::Head(_))));
    assert!(matches!(by_title[1], IndexEvent::Listed(_)));
}

/// The kinds of events a start sent, in order.
fn kinds(events: &[IndexEvent]) -> Vec<&'static str> {
    events
        .iter()
        .map(|e| match e {
            IndexEvent::Opened(_) => "opened",
            IndexEvent::Head(_) => "head",
            IndexEvent::Listed(_) => "listed",
            IndexEvent::Ready(_) => "ready",
            IndexEvent::Reindexed(_) => "reindexed",
            IndexEvent::Vocabulary(_) => "vocabulary",
            IndexEvent::Checked(_) => "checked",
            IndexEvent::Failed(_) => "failed",
        })
        .collect()
}

/// Every event of a start, the index handed to the prompt included.
fn every_event(cache: &Path, articles: &Path) -> Vec<IndexEvent> {
    let events = std::sync::Mutex::new(Vec::new());
    indexed::start(Some(cache), articles, &|ev| {
        events.lock().unwrap().push(ev);
        true
    });
    events.into_inner().unwrap()
}

/// `actor:` and Tab at the prompt: what the query becomes.
fn completed_actor(app: &mut App) -> String {
    use whosaid::tui::keymap::{Action, Command};
    app.update(Command::Run(Action::Search));
    for c in "actor:".chars() {
        app.update(Command::SearchInput(c));
    }
    app.update(Command::SearchComplete);
    app.search.query.clone()
}

#[test]
fn a_warm_start_gives_the_prompt_its_vocabulary_after_the_check_or_when_first_asked() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    let cold = every_event(&cache_dir, articles.path());
    // A new index: the prompt's index (with its vocabulary) comes with the check.
    assert_eq!(kinds(&cold), ["opened", "listed", "ready", "checked"]);

    let warm = every_event(&cache_dir, articles.path());
    assert_eq!(
        kinds(&warm),
        ["opened", "listed", "ready", "checked", "vocabulary"]
    );
    let mut all = app();
    for ev in warm {
        all.on_index(ev);
    }
    assert_eq!(completed_actor(&mut all), "actor:master");

    // Asked before the vocabulary came: the prompt reads it from the index itself.
    let mut early = app();
    for ev in every_event(&cache_dir, articles.path()) {
        if !matches!(ev, IndexEvent::Vocabulary(_)) {
            early.on_index(ev);
        }
    }
    assert_eq!(completed_actor(&mut early), "actor:master");
}

#[test]
fn files_the_watcher_changed_while_the_check_ran_keep_what_the_watcher_read() {
    let (articles, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(articles.path());
    let cache_dir = cache.path().join("whosaid");
    steps(start(&cache_dir, articles.path()));
    let dir = articles.path();
    // While the reader is closed: beta and gamma are edited, delta is added.
    std::fs::write(dir.join("beta.toml"), article("Beta edited")).unwrap();
    std::fs::write(dir.join("gamma.toml"), article("Gamma edited")).unwrap();
    std::fs::write(dir.join("delta.toml"), article("Delta pier")).unwrap();
    let (_, listing, changes) = steps(start(&cache_dir, dir));

    let mut app = app();
    app.on_index(IndexEvent::Opened(None));
    app.on_index(IndexEvent::Listed(listing));
    // While the check runs, after it read them: delta is deleted and beta saved again,
    // and the watcher brings both before the check's answer.
    std::fs::remove_file(dir.join("delta.toml")).unwrap();
    std::fs::write(dir.join("beta.toml"), article("Beta latest")).unwrap();
    let paths = [
        (dir.join("delta.toml"), false),
        (dir.join("beta.toml"), false),
    ];
    app.on_files(whosaid::tui::watch::read_changes(
        dir,
        paths.into_iter().collect(),
    ));
    app.on_index(IndexEvent::Checked(changes));

    let rows = pairs(&[
        ("alpha", "Alpha ferry"),
        ("beta", "Beta latest"),
        ("gamma", "Gamma edited"),
    ]);
    assert_eq!(listed(&app), (rows, vec!["broken".to_string()]));
}
