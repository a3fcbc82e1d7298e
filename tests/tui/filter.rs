//! The search prompt as the filter of issue 12, answered by the index: the query
//! fixtures of `tests/fixtures/query` (and one fictional CJK article) typed into the
//! reader, each with the articles written beside it by hand; the ranking and the
//! field named per row; a bad term's message; Tab completion; export of what is in
//! view; a file changed under the reader; and the filtered list's screens.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use whosaid::model::ArticleId;
use whosaid::tui::app::{App, Prompt};
use whosaid::tui::config::Config;
use whosaid::tui::indexed::{self, Then};
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;

use crate::support::{draw, text};

const M: &str = "misc/river-festival";
const K: &str = "ostberg/mine-report";
const U: &str = "ostberg/undated-note";
const B: &str = "valmora/bridge-closure";
const H: &str = "valmora/harbour-deal";
const Q: &str = "asia/ferry-returns";

/// One more fictional article, beside the query fixtures: CJK text, a name with
/// tone marks as an alias, a Japanese voiced letter.
const FERRY: &str = r#"# Fictional: every person, place and outlet here is invented for the reader's search tests.
title = "渡轮下周复航"
published = 2024-12-01
outlet = "Qiaolin Daily"
language = "zh"
tags = ["ferry"]
body = """
林晓雯说，渡轮下周复航。看板には「がんばろう」とある。
"""

[actors.xiaowen]
name = "林晓雯"
aliases = ["Lín Xiǎowén"]
kind = "person"

[[claims]]
id = "returns"
statement = "渡轮下周复航。"

[[claims.asserted_by]]
actor = "xiaowen"
cue = "说"
"#;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The articles folder and the cache the index lives in.
struct Corpus {
    articles: tempfile::TempDir,
    cache: tempfile::TempDir,
}

fn corpus() -> Corpus {
    let articles = tempfile::tempdir().unwrap();
    copy_dir(Path::new("tests/fixtures/query"), articles.path());
    std::fs::create_dir_all(articles.path().join("asia")).unwrap();
    std::fs::write(articles.path().join("asia/ferry-returns.toml"), FERRY).unwrap();
    let cache = tempfile::tempdir().unwrap();
    // A first start builds the index; the reader then starts warm from it.
    indexed::start(Some(cache.path()), articles.path(), &|_| true);
    Corpus { articles, cache }
}

/// A reader started from the warm index, as `tui::run` starts one.
fn reader(corpus: &Corpus, size: (u16, u16), no_color: bool) -> App {
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, no_color);
    let mut app = App::new(Library::loading(config.sort), config, theme, size);
    app.articles_dir = corpus.articles.path().to_path_buf();
    let events = std::sync::Mutex::new(Vec::new());
    indexed::start(Some(corpus.cache.path()), corpus.articles.path(), &|ev| {
        events.lock().unwrap().push(ev);
        true
    });
    for ev in events.into_inner().unwrap() {
        assert_eq!(app.on_index(ev), Then::Nothing);
    }
    assert!(app.index.is_some(), "the prompt has the index");
    app
}

fn type_in(app: &mut App, query: &str) {
    app.update(Command::Run(Action::Search));
    for c in query.chars() {
        app.update(Command::SearchInput(c));
    }
}

/// Ids listed, in list order.
fn listed(app: &App) -> Vec<String> {
    app.visible
        .iter()
        .map(|&s| app.library.row(s).unwrap().id.to_string())
        .collect()
}

fn sorted(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn each_query_typed_keeps_the_articles_written_beside_it() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    assert_eq!(
        listed(&app),
        [M, Q, H, K, B, U],
        "newest first, undated last"
    );
    let cases: &[(&str, &[&str])] = &[
        ("actor:korv", &[K, U]),
        ("actor:lin", &[K, H]),
        ("actor:LIN", &[K, H]),
        // Relayed through a `via` counts; `about` alone does not.
        ("actor:post", &[H]),
        ("actor:korv,marlo", &[M, K, U]),
        ("about:korv", &[B]),
        ("about:lin", &[K]),
        ("is:contested", &[K, H]),
        ("is:unattributed", &[B]),
        ("is:denied", &[B]),
        ("is:asserted", &[M, K, U, H, Q]),
        ("is:suggested", &[K]),
        ("is:denied,suggested", &[K, B]),
        ("actor:council is:contested", &[H]),
        ("actor:lin is:contested", &[K, H]),
        ("tag:trade", &[K, H]),
        ("tag:culture,transport", &[M, U, B]),
        ("-tag:culture", &[K, B, H, Q]),
        ("outlet:\"Valmora Post\"", &[B, H]),
        ("outlet:\"valmora post\"", &[B, H]),
        ("outlet:valmora", &[]),
        ("-outlet:\"Valmora Post\"", &[M, K, U, Q]),
        ("lang:en", &[B, H]),
        ("language:EN-gb", &[B]),
        ("lang:e", &[]),
        ("lang:de,fr", &[M, K]),
        ("lang:zh", &[Q]),
        ("after:2024-11-01", &[M, K, H, Q]),
        ("before:2024-11-01", &[K, B]),
        ("after:2024-11-02 before:2024-11-30", &[H]),
        ("-after:2024-11-01", &[B]),
        ("lin", &[K, U, H, Q]),
        ("LÍN", &[K, U, H, Q]),
        ("café", &[U]),
        ("CAFE", &[U]),
        ("zoe", &[M]),
        ("\"a fantasy\"", &[H]),
        ("\"Anton Korv\"", &[K, U, B]),
        ("twelve thousand", &[M]),
        ("-forty", &[M, K, U, B, Q]),
        ("10:30", &[]),
        (
            "actor:lin tag:trade is:contested after:2024-11-01 council",
            &[H],
        ),
        // Any substring, inside words and in CJK, below three characters too.
        ("晓雯", &[Q]),
        ("渡轮", &[Q]),
        ("航", &[Q]),
        ("nton ko", &[K, U, B]),
        // Tone marks fold away both ways: typed bare, or typed on a bare name.
        ("Xiaowen", &[Q]),
        ("xiǎowén", &[Q]),
        ("Lín", &[K, U, H, Q]),
        // A Japanese voiced mark makes another letter: it is not an accent.
        ("がんば", &[Q]),
        ("かんは", &[]),
    ];
    let mut failures = Vec::new();
    for (query, expected) in cases {
        app.update(Command::SearchCancel);
        type_in(&mut app, query);
        assert_eq!(app.search.error, None, "{query}");
        let mut kept = listed(&app);
        kept.sort();
        if kept != sorted(expected) {
            failures.push(format!("{query:?}: kept {kept:?}, expected {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn unread_comes_from_the_readers_own_state() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    app.read.set(&ArticleId::new(H), true);
    app.read.set(&ArticleId::new(M), true);
    type_in(&mut app, "is:unread");
    assert_eq!(listed(&app), [Q, K, B, U]);
    app.update(Command::SearchCancel);
    type_in(&mut app, "-is:unread");
    assert_eq!(listed(&app), [M, H]);
    app.update(Command::SearchCancel);
    type_in(&mut app, "is:unread,contested");
    assert_eq!(listed(&app), [Q, H, K, B, U]);
}

#[test]
fn words_rank_by_the_field_they_match_and_each_row_names_it() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    type_in(&mut app, "lin");
    // The title first; then actor names, newest first.
    assert_eq!(listed(&app), [U, Q, H, K]);
    let screen = text(&draw(&app));
    let line = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} in {screen}"))
            .to_string()
    };
    assert!(
        line("A note from the Café Lín").contains("(title)"),
        "{screen}"
    );
    assert!(line("渡 轮").contains("(actor)"), "{screen}");
    assert!(line("Harbour deal").contains("(actor)"), "{screen}");
    app.update(Command::SearchCancel);
    type_in(&mut app, "spring");
    // "Dredging starts in spring." is a claim of the harbour deal and in its body.
    assert!(line_of(&app, "Harbour deal").contains("(claim)"));
}

fn line_of(app: &App, title: &str) -> String {
    let screen = text(&draw(app));
    screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} in {screen}"))
        .to_string()
}

fn status_line(app: &App) -> String {
    text(&draw(app)).lines().last().unwrap().to_string()
}

#[test]
fn a_bad_term_says_what_and_where_and_keeps_the_last_good_list() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    type_in(&mut app, "tag:trade");
    assert_eq!(listed(&app), [H, K]);
    app.update(Command::SearchInput(','));
    assert!(
        status_line(&app).starts_with("/tag:trade,▏  column 11: `tag:` needs a value"),
        "{}",
        status_line(&app)
    );
    assert_eq!(listed(&app), [H, K], "the last good result stays");
    for c in "x".chars() {
        app.update(Command::SearchInput(c));
    }
    assert_eq!(app.search.error, None);
    assert_eq!(listed(&app), [H, K]);

    app.update(Command::SearchCancel);
    type_in(&mut app, "is:contested actr:korv");
    assert!(
        status_line(&app).starts_with(
            "/is:contested actr:korv▏  column 14: unknown key `actr:`; did you mean `actor:`?"
        ),
        "{}",
        status_line(&app)
    );
    // What "is:contested actr" found (no article holds "actr"), as typed last.
    assert_eq!(listed(&app), Vec::<String>::new());
    app.update(Command::SearchCancel);
    type_in(&mut app, "after:2024-13-01");
    assert!(
        status_line(&app).contains(
            "/after:2024-13-01▏  column 7: `2024-13-01` is not a date; expected YYYY-MM-DD, e.g. 2024-11-01"
        ),
        "{}",
        status_line(&app)
    );
    // Accepted, the status bar shows the filter in force, in its normal spelling.
    app.update(Command::SearchCancel);
    type_in(&mut app, "language:ZH   Lín");
    app.update(Command::SearchAccept);
    assert!(
        status_line(&app).starts_with("filter: lang:zh Lín "),
        "{}",
        status_line(&app)
    );
}

#[test]
fn tab_completes_keys_ids_tags_and_outlets_from_the_index() {
    let corpus = corpus();
    let mut app = reader(&corpus, (120, 30), false);
    let tab = |app: &mut App| app.update(Command::SearchComplete);
    type_in(&mut app, "ac");
    tab(&mut app);
    assert_eq!(app.search.query, "actor:");
    for c in "ko".chars() {
        app.update(Command::SearchInput(c));
    }
    tab(&mut app);
    assert_eq!(app.search.query, "actor:korv");
    assert_eq!(listed(&app), [K, U]);
    // By a word of the name: "Mira" is Mira Lin.
    app.update(Command::SearchCancel);
    type_in(&mut app, "about:mi");
    tab(&mut app);
    assert_eq!(app.search.query, "about:lin");
    // Several: what they share goes in, and they are listed under the prompt.
    app.update(Command::SearchCancel);
    type_in(&mut app, "tag:");
    tab(&mut app);
    assert_eq!(app.search.query, "tag:");
    assert!(
        status_line(&app).starts_with(
            "/tag:▏  Trade · culture · ferry · festival · harbour · mining · trade · transport"
        ),
        "{}",
        status_line(&app)
    );
    app.update(Command::SearchInput('f'));
    tab(&mut app);
    // "ferry" and "festival" share "fe".
    assert_eq!(app.search.query, "tag:fe");
    assert!(
        status_line(&app).starts_with("/tag:fe▏  ferry · festival "),
        "{}",
        status_line(&app)
    );
    app.update(Command::SearchCancel);
    type_in(&mut app, "outlet:valmora");
    tab(&mut app);
    assert_eq!(app.search.query, "outlet:\"Valmora Post\"");
    assert_eq!(listed(&app), [H, B]);
    app.update(Command::SearchCancel);
    type_in(&mut app, "actor:xiao");
    tab(&mut app);
    assert_eq!(app.search.query, "actor:xiaowen");
}

#[test]
fn the_export_key_on_a_filtered_list_exports_what_is_in_view() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    type_in(&mut app, "tag:trade,ferry");
    app.update(Command::SearchAccept);
    app.update(Command::Run(Action::Export));
    let ids: Vec<ArticleId> = [Q, H, K].iter().map(ArticleId::new).collect();
    assert_eq!(
        app.prompt,
        Some(Prompt::Format {
            ids,
            choice: 0,
            only: None
        })
    );
}

#[test]
fn a_file_changed_under_the_reader_is_filtered_as_it_is_now() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    type_in(&mut app, "tag:trade");
    app.update(Command::SearchAccept);
    assert_eq!(listed(&app), [H, K]);
    // The bridge article gains the tag; the watcher reads it, the index has not yet.
    edit_under_reader(
        &mut app,
        corpus.articles.path(),
        "valmora/bridge-closure.toml",
        (
            "tags = [\"transport\"]",
            "tags = [\"transport\", \"trade\"]",
        ),
    );
    assert_eq!(listed(&app), [H, K, B]);
    // Once the index has taken it in, it answers alone, the same.
    reindex_now(&mut app);
    assert!(app.unindexed.is_empty());
    assert_eq!(listed(&app), [H, K, B]);
}

/// The screen with its styles: each run of cells in one style, as `{style}text`.
fn styled(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut last = None;
        let mut line = String::new();
        // The cell after a wide character only holds its second half.
        let mut covered = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if covered > 0 {
                covered -= 1;
                continue;
            }
            covered = whosaid::text::width(cell.symbol()).saturating_sub(1);
            let style = (cell.fg, cell.bg, cell.modifier);
            if last != Some(style) {
                let mut s = Vec::new();
                if cell.fg != Color::Reset {
                    s.push(format!("{:?}", cell.fg));
                }
                if cell.bg != Color::Reset {
                    s.push(format!("on {:?}", cell.bg));
                }
                if cell.modifier != Modifier::empty() {
                    s.push(format!("{:?}", cell.modifier));
                }
                line.push_str(&format!("{{{}}}", s.join(" ")));
                last = Some(style);
            }
            line.push_str(cell.symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn a_filtered_list_at_two_sizes_with_and_without_colour() {
    let corpus = corpus();
    for (w, h) in [(80, 24), (200, 50)] {
        for no_color in [false, true] {
            let mut app = reader(&corpus, (w, h), no_color);
            type_in(&mut app, "lin -tag:culture");
            app.update(Command::SearchAccept);
            let colour = if no_color { "no_color" } else { "colour" };
            let name = format!("filtered_{colour}_{w}x{h}");
            insta::assert_snapshot!(name, styled(&draw(&app)));
        }
    }
}

#[test]
fn without_an_index_words_still_search_and_filters_say_they_wait() {
    // Built in memory, as while a first index is being built: no index to ask.
    let mut app = crate::support::app(100, 30);
    assert!(app.index.is_none());
    type_in(&mut app, "peskov");
    assert_eq!(listed(&app), ["world/kremlin-call"]);
    type_in(&mut app, " is:contested");
    assert!(
        status_line(&app).starts_with(
            "/peskov is:contested▏  Filters need the index, which is still being built: words only for now."
        ),
        "{}",
        status_line(&app)
    );
    assert_eq!(
        listed(&app),
        ["world/kremlin-call"],
        "the last good list stays"
    );
}

#[test]
fn a_burst_of_keys_is_filtered_once_at_its_end_and_before_any_other_key() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    app.update(Command::Run(Action::Search));
    // As the loop takes a burst of queued keys (a paste, a held key).
    app.search.deferred = true;
    for c in "tag:trade".chars() {
        app.update(Command::SearchInput(c));
    }
    assert_eq!(listed(&app).len(), 6, "not yet applied");
    // Enter (any key but typing) sees the list the query makes.
    app.update(Command::SearchAccept);
    assert_eq!(listed(&app), [H, K]);
    app.update(Command::Run(Action::Search));
    for c in ",ferry".chars() {
        app.update(Command::SearchInput(c));
    }
    app.settle_query();
    assert_eq!(listed(&app), [Q, H, K]);
    assert!(!app.search.deferred);
}

#[test]
fn the_help_screen_documents_the_query_language() {
    let mut a = crate::support::app(100, 70);
    a.update(Command::Run(Action::Help));
    let screen = text(&draw(&a));
    for wanted in [
        "Search and filters",
        "All terms must hold;",
        "actor:ID      takes a stance, or is relayed through a via",
        "is:contested  or unattributed, suggested, unread, asserted, denied",
        "after:2024-11-01  before:…  inclusive; undated articles left out",
        "e.g. actor:peskov tag:ukraine is:contested after:2024-11-01 putin",
        "Search prompt: type to filter; enter keeps, esc clears, backspace erases;",
        "tab completes actor ids, tags, outlets and filter names.",
    ] {
        assert!(screen.contains(wanted), "{wanted:?} in\n{screen}");
    }
}

#[test]
fn a_query_narrows_another_only_when_every_match_of_it_matches_the_other() {
    use whosaid::query::Query;
    use whosaid::tui::filter::narrows;
    let q = |s: &str| Query::parse(s).unwrap();
    for (new, wider, expected) in [
        ("harb", "har", true),
        ("Hárbour", "harb", true),
        ("har", "harb", false),
        ("-harb", "-har", false),
        ("-har", "-har", true),
        ("har bridge", "har", true),
        ("tag:river x", "tag:river", true),
        ("tag:river", "tag:river,harbour", false),
        ("tag:river,harbour", "tag:river", false),
        ("bridge har", "har", false),
        ("is:contested", "", true),
    ] {
        assert_eq!(
            narrows(&q(new), &q(wider)),
            expected,
            "{new:?} after {wider:?}"
        );
    }
}

#[test]
fn a_query_typed_key_by_key_lists_what_it_lists_when_put_in_at_once() {
    let c = corpus();
    for query in [
        "harbour",
        "-harbour",
        "valmora -bridge",
        "ha is:contested",
        "tag:harbour,river mine",
        "渡轮 林",
        "closure",
    ] {
        let mut typed = reader(&c, (120, 30), true);
        type_in(&mut typed, query);
        let mut at_once = reader(&c, (120, 30), true);
        at_once.search.query = query.to_string();
        at_once.edit_query();
        assert_eq!(typed.search.error, None, "{query}");
        assert_eq!(listed(&typed), listed(&at_once), "{query}");
        let fields = |app: &App| {
            let mut f: Vec<_> = app
                .search
                .fields
                .iter()
                .map(|(s, w)| (*s, format!("{w:?}")))
                .collect();
            f.sort();
            f
        };
        assert_eq!(fields(&typed), fields(&at_once), "{query}");
    }
}

#[test]
fn a_short_word_follows_a_file_changed_under_the_reader() {
    let corpus = corpus();
    let mut app = reader(&corpus, (100, 30), false);
    type_in(&mut app, "渡");
    app.update(Command::SearchAccept);
    assert_eq!(listed(&app), [Q]);
    // The ferry becomes a cruise ship everywhere in its file.
    edit_under_reader(
        &mut app,
        corpus.articles.path(),
        "asia/ferry-returns.toml",
        ("渡轮", "邮轮"),
    );
    assert_eq!(listed(&app), Vec::<String>::new());
    // Once the index has taken it in, its characters and pairs are the new ones.
    reindex_now(&mut app);
    assert!(app.unindexed.is_empty());
    assert_eq!(listed(&app), Vec::<String>::new());
    for query in ["邮", "邮轮", "邮轮下"] {
        app.update(Command::SearchCancel);
        type_in(&mut app, query);
        assert_eq!(listed(&app), [Q], "{query}");
    }
}

/// Runs the check of the files the watcher brought, as the reader's worker would, and
/// gives the app what it reports.
fn reindex_now(app: &mut App) {
    let index = app.reindex_due().expect("a check is due");
    let sent = std::sync::Mutex::new(Vec::new());
    indexed::reindex(index, &|ev| {
        sent.lock().unwrap().push(ev);
        true
    });
    for ev in sent.into_inner().unwrap() {
        app.on_index(ev);
    }
}

/// Replaces `from` with `to` in the file at `name` below `articles`, and gives the app
/// what the watcher reads of it.
fn edit_under_reader(app: &mut App, articles: &Path, name: &str, (from, to): (&str, &str)) {
    let path = articles.join(name);
    let edited = std::fs::read_to_string(&path).unwrap().replace(from, to);
    std::fs::write(&path, edited).unwrap();
    let changes = whosaid::tui::watch::read_changes(articles, [(path, true)].into_iter().collect());
    app.mark_changed(&changes);
    app.on_files(changes);
}
