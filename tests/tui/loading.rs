//! The reader on real files: rows arrive from the background loader in batches and land
//! in list order, a search typed while loading keeps filtering what arrives, and an
//! article is read again from its file when opened.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;
use whosaid::tui::app::{App, Loading};
use whosaid::tui::config::{Config, Sort};
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;

/// More files than the loader's threshold for using every core.
const FILES: usize = 150;

fn article_toml(i: usize, title: &str) -> String {
    format!(
        r#"title = "{title}"
published = 20{:02}-{:02}-{:02}
outlet = "Outlet {i}"
body = """
Story number {i}. The minister said the
bridge will open in spring.
"""

[actors.minister]
name = "Minister {i}"
kind = "person"

[[claims]]
id = "bridge"
statement = "The bridge opens in spring."
quote = "the bridge will open in spring"
asserted_by = [{{ actor = "minister", cue = "said" }}]
"#,
        10 + (i * 7) % 15,
        1 + (i * 5) % 12,
        1 + (i * 3) % 28
    )
}

fn write_corpus(dir: &Path) {
    for i in 0..FILES {
        let sub = dir.join(format!("batch-{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        let title = format!("Story {i}");
        std::fs::write(
            sub.join(format!("story-{i:03}.toml")),
            article_toml(i, &title),
        )
        .unwrap();
    }
    std::fs::write(dir.join("broken-b.toml"), "titel = \"Oops\"\n").unwrap();
    std::fs::write(dir.join("broken-a.toml"), "title = \n").unwrap();
}

fn loading_app(config: Config) -> App {
    let theme = Theme::new(&config.colors, false);
    let library = Library::loading(config.sort);
    App::new(library, config, theme, (100, 30))
}

/// Feeds the loader's events to the app in small batches, as the event loop does.
fn load(app: &mut App, dir: &Path, batch: usize) {
    let events = whosaid::tui::loader::spawn(dir.to_path_buf());
    let deadline = Instant::now() + Duration::from_secs(30);
    while matches!(app.loading, Loading::Running { .. }) {
        assert!(Instant::now() < deadline, "loading never finished");
        for _ in 0..batch {
            match events.recv_timeout(Duration::from_millis(50)) {
                Ok(ev) => app.on_load(ev),
                Err(_) => break,
            }
        }
        app.after_loading_batch();
    }
}

fn listed_ids(app: &App) -> Vec<String> {
    app.visible
        .iter()
        .map(|&i| app.library.row(i).unwrap().id.to_string())
        .collect()
}

/// The ids of the written corpus in the order `sort` gives, worked out independently.
fn expected_order(dir: &Path, sort: Sort) -> Vec<String> {
    let sources = whosaid::load::discover(&[dir.to_path_buf()]).unwrap();
    let mut keyed: Vec<(String, String)> = sources
        .iter()
        .filter_map(|s| {
            let a = whosaid::load::load_file(s).article?;
            Some((a.published?.as_str().to_string(), a.id.to_string()))
        })
        .collect();
    match sort {
        Sort::Newest => keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1))),
        _ => keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1))),
    }
    keyed.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn rows_arriving_in_batches_end_in_list_order_with_problems_by_id() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    for (sort, batch) in [(Sort::Newest, 7), (Sort::Oldest, 1), (Sort::Newest, 1000)] {
        let config = Config {
            sort,
            ..Config::builtin().unwrap()
        };
        let mut app = loading_app(config);
        load(&mut app, dir.path(), batch);
        assert_eq!(app.loading, Loading::Done);
        assert_eq!(listed_ids(&app), expected_order(dir.path(), sort));
        let problems: Vec<&str> = app
            .library
            .problems()
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(problems, ["broken-a", "broken-b"]);
        assert!(!app.library.problems()[1].diagnostics.is_empty());
    }
}

#[test]
fn a_search_typed_while_loading_filters_the_rows_that_arrive_after_it() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut app = loading_app(Config::builtin().unwrap());
    app.update(Command::Run(Action::Search));
    // "Story number 1…" matches 1, 10-19 and 100-149 in the body: 61 articles. In
    // quotes, as a phrase: bare words would each be looked for alone.
    for c in "\"NUMBER   1\"".chars() {
        app.update(Command::SearchInput(c));
    }
    load(&mut app, dir.path(), 5);
    let all = expected_order(dir.path(), Sort::Newest);
    let wanted: Vec<String> = all
        .into_iter()
        .filter(|id| {
            let n: usize = id.rsplit('-').next().unwrap().parse().unwrap();
            n.to_string().starts_with('1')
        })
        .collect();
    assert_eq!(wanted.len(), 61);
    assert_eq!(listed_ids(&app), wanted);
}

#[test]
fn an_article_is_read_again_when_opened_and_a_broken_file_shows_why() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut app = loading_app(Config::builtin().unwrap());
    load(&mut app, dir.path(), 1000);
    let row = app.visible[0];
    let path = app.library.row(row).unwrap().path.to_path_buf();
    let title = app.library.row(row).unwrap().title.to_string();

    // Edited since the list was read: the view shows the file as it is now.
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("The bridge opens", "The tunnel opens");
    std::fs::write(&path, edited).unwrap();
    app.update(Command::Run(Action::Open));
    let screen = text(&draw(&app));
    assert!(screen.contains(&title), "{screen}");
    assert!(screen.contains("The tunnel opens in spring."), "{screen}");
    assert!(screen.contains("Minister"), "{screen}");
    app.update(Command::Run(Action::Back));
    assert!(
        app.opened.is_none(),
        "only the open article stays in memory"
    );

    std::fs::write(&path, "title = \"Half written\nbody =").unwrap();
    app.update(Command::Run(Action::Open));
    for action in [
        Action::NextClaim,
        Action::NextPane,
        Action::Down,
        Action::PageDown,
        Action::Open,
    ] {
        app.update(Command::Run(action));
    }
    let screen = text(&draw(&app));
    assert!(screen.contains("no longer loads"), "{screen}");
    assert!(
        screen.contains("error:"),
        "the loader's diagnostic: {screen}"
    );
    app.update(Command::Run(Action::Back));
    assert_eq!(app.screen, whosaid::tui::app::Screen::List);
}

#[test]
fn a_search_matches_across_the_line_breaks_of_a_paragraph() {
    let mut app = app(80, 24);
    app.update(Command::Run(Action::Search));
    for c in "Reportedly Discussed".chars() {
        app.update(Command::SearchInput(c));
    }
    assert_eq!(listed_ids(&app), ["world/kremlin-call"]);
}

#[test]
fn a_search_without_an_index_finds_the_words_of_a_file_edited_after_the_first_search() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut app = loading_app(Config::builtin().unwrap());
    load(&mut app, dir.path(), 50);
    let search = |app: &mut App, query: &str| {
        app.update(Command::SearchCancel);
        app.update(Command::Run(Action::Search));
        for c in query.chars() {
            app.update(Command::SearchInput(c));
        }
        listed_ids(app)
    };
    // The first search reads the files for their words (no index to ask).
    // A phrase, in quotes: bare words are substrings each ("7" is in many ids).
    assert_eq!(search(&mut app, "\"number 7.\""), ["batch-1/story-007"]);
    assert!(search(&mut app, "harbourmaster").is_empty());
    // Saved with a new word in its body, and read again as the watcher does.
    let path = dir.path().join("batch-1/story-007.toml");
    let text = article_toml(7, "Story 7").replace("Story number 7.", "The harbourmaster spoke.");
    std::fs::write(&path, text).unwrap();
    let changes =
        whosaid::tui::watch::read_changes(dir.path(), std::iter::once((path, false)).collect());
    app.on_files(changes);
    assert_eq!(search(&mut app, "harbourmaster"), ["batch-1/story-007"]);
    assert!(search(&mut app, "\"number 7.\"").is_empty());
}
