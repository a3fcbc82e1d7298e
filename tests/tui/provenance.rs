//! The provenance screens over an index of the bundled `articles/`: every actor, an
//! actor's page, every contested claim; moving between them and back; exporting what an
//! actor's page lists. Screens are snapshot-tested with their styles, with and without
//! colour.

use std::path::{Path, PathBuf};

use crate::support::{draw, text};
use whosaid::index::Index;
use whosaid::model::ActorId;
use whosaid::tui::app::{App, Effect, Prompt, Screen};
use whosaid::tui::config::Config;
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::layout::Pane;
use whosaid::tui::library::Library;
use whosaid::tui::provenance::{ActorPage, Column, Place};
use whosaid::tui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];
const SEED: &str = "world/kremlin-denies-trump-putin-call";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("articles")
}

/// The reader over the bundled articles with a fresh index of them (kept in `cache`).
fn bundled(cache: &Path, size: (u16, u16), no_color: bool) -> App {
    let dir = corpus();
    let (index, _) = Index::open_in(cache, &dir).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let sources = whosaid::load::discover(std::slice::from_ref(&dir)).unwrap();
    let loaded = whosaid::load::load_all(&sources, &|_| {});
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, no_color);
    let library = Library::in_memory(loaded, config.sort);
    let mut app = App::new(library, config, theme, size);
    app.articles_dir = dir;
    app.provenance_index = Some(index);
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(Command::Run(a));
    }
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Command::SearchInput(c));
    }
}

/// The screen's text and, below it, every cell's style: what colour shows.
fn snap(name: &str, app: &App) {
    let term = draw(app);
    let colour = if app.theme.asserted.fg.is_some() {
        "color"
    } else {
        "nocolor"
    };
    let name = format!("{name}_{}x{}_{colour}", app.size.0, app.size.1);
    insta::assert_snapshot!(name, format!("{:?}", term.backend().buffer()));
}

fn screen(app: &App) -> String {
    text(&draw(app))
}

/// Opens `id`'s page from the actors screen, by searching for it.
fn page_of(app: &mut App, search: &str) {
    run(app, &[Action::Actors, Action::Search]);
    type_text(app, search);
    app.update(Command::SearchAccept);
    run(app, &[Action::Open]);
}

#[test]
fn the_actors_screen_lists_every_actor_with_counts_markers_and_details() {
    let cache = tempfile::tempdir().unwrap();
    for size in SIZES {
        for no_color in [false, true] {
            let mut app = bundled(cache.path(), size, no_color);
            run(&mut app, &[Action::Actors]);
            snap("actors", &app);
        }
    }
    let mut app = bundled(cache.path(), (200, 50), false);
    run(&mut app, &[Action::Actors]);
    let s = screen(&app);
    // The wire service is declared in five articles, more than anyone: first by articles.
    let first = s.lines().nth(2).unwrap();
    assert!(
        first.contains("▶") && first.contains("Meridian Wire Service"),
        "{s}"
    );
    assert!(first.contains("outlet"), "{first}");
    // Peskov: one article, asserts twice (two claims), denies twice (one claim, two quotes).
    let peskov = s.lines().find(|l| l.contains("Dmitry Peskov")).unwrap();
    let counts: Vec<&str> = peskov
        .trim_end_matches('┃')
        .split_whitespace()
        .rev()
        .take(5)
        .collect();
    assert_eq!(counts, ["0", "0", "2", "2", "1"], "{peskov}");
    assert!(peskov.contains("Kremlin spokesperson"), "{peskov}");
}

#[test]
fn the_actors_search_folds_case_and_accents_and_sorting_cycles_and_reverses() {
    let cache = tempfile::tempdir().unwrap();
    let mut app = bundled(cache.path(), (120, 30), false);
    run(&mut app, &[Action::Actors, Action::Search]);
    type_text(&mut app, "PESKÓV");
    let Screen::Actors(view) = &app.screen else {
        panic!("not the actors screen")
    };
    let names: Vec<&str> = view.shown.iter().map(|id| id.as_str()).collect();
    assert_eq!(names, ["peskov"]);
    assert!(screen(&app).contains("actors /PESKÓV"));
    app.update(Command::SearchCancel);
    // Every actor's counts, by id, to check the screen's order against.
    let summaries: std::collections::HashMap<ActorId, whosaid::index::ActorSummary> = app
        .provenance_index
        .as_ref()
        .unwrap()
        .actors()
        .unwrap()
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    // s: name, kind, role, articles…; from articles (the default) the next is asserted.
    run(&mut app, &[Action::Sort]);
    let Screen::Actors(view) = &app.screen else {
        panic!()
    };
    assert_eq!(view.sort, Column::Asserted);
    let asserted: Vec<u64> = view.shown.iter().map(|id| summaries[id].asserted).collect();
    assert!(asserted.windows(2).all(|w| w[0] >= w[1]), "{asserted:?}");
    assert!(asserted[0] > 0);
    run(&mut app, &[Action::ReverseSort]);
    let Screen::Actors(view) = &app.screen else {
        panic!()
    };
    let asserted: Vec<u64> = view.shown.iter().map(|id| summaries[id].asserted).collect();
    assert!(asserted.windows(2).all(|w| w[0] <= w[1]), "{asserted:?}");
    // Four presses more come round to the name column, A to Z with accents folded.
    run(&mut app, &[Action::Sort; 4]);
    let Screen::Actors(view) = &app.screen else {
        panic!()
    };
    assert_eq!(view.sort, Column::Name);
    let names: Vec<String> = view
        .shown
        .iter()
        .map(|id| whosaid::query::fold::fold(&summaries[id].name))
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn an_actor_page_lists_stances_relays_and_claims_about_them() {
    let cache = tempfile::tempdir().unwrap();
    for size in SIZES {
        for no_color in [false, true] {
            let mut app = bundled(cache.path(), size, no_color);
            page_of(&mut app, "peskov");
            snap("actor_peskov", &app);
        }
    }
    let mut app = bundled(cache.path(), (200, 50), false);
    page_of(&mut app, "Vladimir Putin");
    let s = screen(&app);
    // Putin takes no stance; Peskov relays him once; six claims are about him.
    assert!(s.contains("Asserted or denied (0)"), "{s}");
    assert!(s.contains("Relayed by others (1)"), "{s}");
    assert!(
        s.contains("Dmitry Peskov asserts via Vladimir Putin"),
        "{s}"
    );
    assert!(s.contains("Claims about them (6)"), "{s}");
    // The call: the Post asserts, Peskov denies.
    assert!(s.contains("+ The Washington Post · − Dmitry Peskov"), "{s}");
}

#[test]
fn the_wire_service_page_lists_all_five_articles() {
    let cache = tempfile::tempdir().unwrap();
    let app = bundled(cache.path(), (200, 50), false);
    let page = ActorPage::query(
        app.provenance_index.as_ref().unwrap(),
        &ActorId::new("meridian-wire"),
    )
    .unwrap();
    let (mut articles, _) = page.listed(app.provenance_index.as_ref().unwrap()).unwrap();
    articles.sort();
    let ids: Vec<&str> = articles.iter().map(|a| a.as_str()).collect();
    assert_eq!(
        ids,
        [
            "fictional/elections/lower-tarrow-recount",
            "fictional/finance/valmora-rate-rumour",
            "fictional/harbour/kestrel-haven-swing-bridge",
            "fictional/sport/al-haddad-transfer",
            "fictional/tech/hoshinari-mikage-leak",
        ]
    );
    assert_eq!(page.declared, 5);
    // And on screen: each of the five titles.
    let mut app = app;
    page_of(&mut app, "meridian");
    // Every screen of the page, moving down through every entry.
    let mut s = String::new();
    for _ in 0..page.len() {
        s.push_str(&screen(&app));
        run(&mut app, &[Action::Down]);
    }
    for title in [
        "Lower Tarrow recount",
        "Valmora’s central bank",
        "Kestrel Haven’s swing bridge",
        "Corvenna close in on al-Haddad",
        "星鳴電機",
    ] {
        // Wide characters are drawn with their second cell blank: compare without spaces.
        let (s, title) = (s.replace(' ', ""), title.replace(' ', ""));
        assert!(s.contains(&title), "{title} missing:\n{s}");
    }
}

#[test]
fn the_contested_screen_shows_both_sides_newest_first() {
    let cache = tempfile::tempdir().unwrap();
    for size in SIZES {
        for no_color in [false, true] {
            let mut app = bundled(cache.path(), size, no_color);
            run(&mut app, &[Action::Contested]);
            snap("contested", &app);
        }
    }
    let mut app = bundled(cache.path(), (200, 50), false);
    run(&mut app, &[Action::Contested]);
    let Screen::Contested(view) = &app.screen else {
        panic!("not the contested screen")
    };
    let dates: Vec<String> = view
        .rows
        .iter()
        .filter_map(|r| r.claim.article.published.clone())
        .map(|d| d[..10].to_string())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let call = view
        .rows
        .iter()
        .find(|r| r.claim.claim.as_str() == "call-took-place")
        .unwrap();
    let names = |s: &[whosaid::index::Side]| s.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&call.asserters), ["The Washington Post"]);
    // Peskov denies it twice (two quotes): named once.
    assert_eq!(names(&call.deniers), ["Dmitry Peskov"]);
}

fn place_of(app: &App) -> Place {
    app.place()
}

#[test]
fn moving_through_provenance_keeps_a_history_that_back_walks() {
    let cache = tempfile::tempdir().unwrap();
    let mut app = bundled(cache.path(), (120, 40), false);
    // The seed, from the list.
    let at = app
        .visible
        .iter()
        .position(|&s| app.library.row(s).unwrap().id.as_str() == SEED)
        .unwrap();
    app.selected = at;
    let list = place_of(&app);
    run(&mut app, &[Action::Open]);
    let seed = place_of(&app);
    // Denied-by pane: its one actor's page opens at once.
    run(
        &mut app,
        &[Action::NextPane, Action::NextPane, Action::ActorPage],
    );
    assert!(matches!(&app.screen, Screen::Actor(p) if p.id.as_str() == "peskov"));
    run(&mut app, &[Action::Back]);
    let Screen::Article(view) = &app.screen else {
        panic!("back did not return to the article")
    };
    assert_eq!((view.claim, view.focus), (0, Pane::Denied));
    // The contested screen, the call claim, the Post's page through the asserted pane.
    run(&mut app, &[Action::Contested]);
    let Screen::Contested(view) = &app.screen else {
        panic!()
    };
    let row = view
        .rows
        .iter()
        .position(|r| r.claim.claim.as_str() == "call-took-place")
        .unwrap();
    for _ in 0..row {
        run(&mut app, &[Action::Down]);
    }
    let contested = place_of(&app);
    run(&mut app, &[Action::Open]);
    let Screen::Article(view) = &app.screen else {
        panic!()
    };
    assert_eq!(view.id.as_str(), SEED);
    assert_eq!(view.claim, 0);
    let call = place_of(&app);
    run(&mut app, &[Action::NextPane, Action::ActorPage]);
    // The Post relays its sources: which page?
    let Some(Prompt::Actor { choices, .. }) = &app.prompt else {
        panic!("no choice asked: {:?}", app.prompt)
    };
    let ids: Vec<&str> = choices.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["wapo", "wapo-sources"]);
    app.update(Command::PromptChar('1'));
    assert!(matches!(&app.screen, Screen::Actor(p) if p.id.as_str() == "wapo"));
    // Back, step by step: the article (asserted pane), the contested screen at the call,
    // the article (claims pane), the seed as first opened, the list.
    run(&mut app, &[Action::Back]);
    assert!(matches!(&app.screen, Screen::Article(v) if v.focus == Pane::Asserted));
    run(&mut app, &[Action::Back]);
    assert_eq!(place_of(&app), contested);
    run(&mut app, &[Action::Back]);
    let Place::Article {
        id,
        claim,
        position,
        ..
    } = seed
    else {
        panic!("{seed:?}")
    };
    assert_eq!(
        place_of(&app),
        Place::Article {
            id,
            claim,
            position,
            focus: Pane::Denied,
        }
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(place_of(&app), list);
    assert!(app.history.is_empty());
    let _ = call;
}

#[test]
fn a_claims_subjects_are_offered_from_the_claims_pane() {
    let cache = tempfile::tempdir().unwrap();
    let mut app = bundled(cache.path(), (120, 40), false);
    app.go(Place::Article {
        id: whosaid::model::ArticleId::new(SEED),
        claim: None,
        position: 0,
        focus: Pane::Claims,
    });
    run(&mut app, &[Action::ActorPage]);
    let Some(Prompt::Actor { choices, .. }) = &app.prompt else {
        panic!("no choice asked")
    };
    let labels: Vec<&str> = choices.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["Donald Trump (about)", "Vladimir Putin (about)"]);
    assert!(screen(&app).contains("[2] Vladimir Putin (about)"));
    app.update(Command::PromptMove(1));
    app.update(Command::PromptAccept);
    assert!(matches!(&app.screen, Screen::Actor(p) if p.id.as_str() == "putin"));
}

#[test]
fn export_from_an_actor_page_writes_the_claims_it_lists() {
    let cache = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut app = bundled(cache.path(), (120, 40), false);
    app.config.export_folder = out.path().to_path_buf();
    page_of(&mut app, "peskov");
    run(&mut app, &[Action::Export]);
    let Some(Effect::Export(request)) = app.update(Command::PromptChar('j')) else {
        panic!("no export")
    };
    whosaid::tui::export::carry_out(&mut app, request);
    let message = app.message.clone().unwrap();
    assert!(
        message.starts_with("Exported 1 article as json"),
        "{message}"
    );
    let written = std::fs::read_dir(out.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(written).unwrap()).unwrap();
    let text = json.to_string();
    // Peskov's stances (no-plans, contact-depends, the call) and nothing he is not in.
    for id in [
        "call-took-place",
        "no-plans-for-call",
        "contact-depends-on-context",
    ] {
        assert!(text.contains(id), "{id} missing: {text}");
    }
    assert!(!text.contains("team-fears-leaks"), "{text}");
}

/// Two invented articles (fictional people and bodies): `harbour-board` declared with a
/// different name and kind in each, and `marrow` / `ilsa-marrow`, one name ending the other.
fn conflicting(dir: &Path) {
    let article = |title: &str, actors: &str, speaker: &str| {
        format!(
            "# Fictional, for tests.\ntitle = \"{title}\"\npublished = 2025-01-0{}\nbody = \"\"\"\nThe ferry will run on Sunday, a spokesperson said.\n\"\"\"\n{actors}\n[[claims]]\nid = \"ferry\"\nstatement = \"The ferry runs on Sunday.\"\nquote = \"The ferry will run on Sunday\"\nasserted_by = [{{ actor = \"{speaker}\", cue = \"said\" }}]\n",
            title.len() % 9 + 1
        )
    };
    std::fs::write(
        dir.join("a.toml"),
        article(
            "Ferry back on Sunday",
            "[actors.harbour-board]\nname = \"Harbour Board\"\nkind = \"organization\"\n\n[actors.ilsa-marrow]\nname = \"Ilsa Marrow\"\nkind = \"person\"\n",
            "ilsa-marrow",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.toml"),
        article(
            "Sunday ferry confirmed",
            "[actors.harbour-board]\nname = \"Port Authority\"\nkind = \"government\"\n\n[actors.marrow]\nname = \"Marrow\"\nkind = \"person\"\n",
            "harbour-board",
        ),
    )
    .unwrap();
}

#[test]
fn conflicts_and_likely_duplicates_are_marked_with_their_files_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    conflicting(dir.path());
    let (index, _) = Index::open_in(cache.path(), dir.path()).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let sources = whosaid::load::discover(&[dir.path().to_path_buf()]).unwrap();
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, false);
    let library = Library::in_memory(whosaid::load::load_all(&sources, &|_| {}), config.sort);
    let mut app = App::new(library, config, theme, (80, 24));
    app.articles_dir = dir.path().to_path_buf();
    app.provenance_index = Some(index);
    run(&mut app, &[Action::Actors]);
    let s = screen(&app);
    insta::assert_snapshot!("actors_markers_80x24", s);
    let line = |name: &str| s.lines().find(|l| l.contains(name)).unwrap().to_string();
    // The first declaration in id order names the actor: a.toml's.
    assert!(line("Harbour Board").contains("! "), "{s}");
    assert!(line("Ilsa Marrow").contains(" ≈ "), "{s}");
    let marrow = s
        .lines()
        .find(|l| l.contains("Marrow") && !l.contains("Ilsa"))
        .unwrap();
    assert!(marrow.contains(" ≈ "), "{s}");
    // Details of the selected actor (the board, first by articles) at the foot.
    // Wrapped over the two lines of the foot.
    let foot: String = s
        .lines()
        .rev()
        .skip(2)
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(|l| l.trim_matches('┃').trim_end())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        foot,
        "! harbour-board declared as “Harbour Board” (organization) in a.toml; “Port Authority” (government) in b.toml",
        "{s}"
    );
    run(&mut app, &[Action::Search]);
    type_text(&mut app, "marrow");
    app.update(Command::SearchAccept);
    let s = screen(&app);
    assert!(
        s.contains("≈ ilsa-marrow may be the same actor as marrow “Marrow”"),
        "{s}"
    );
}

/// The reader over `n` generated articles (fictional: invented people), each with
/// one claim that `say-i` asserts and `deny-i` denies, dated a day apart; `hub`
/// asserts every claim too, through `say-i`.
fn generated(dir: &Path, cache: &Path, n: usize) -> App {
    for i in 0..n {
        let (month, day) = (1 + i / 28, 1 + i % 28);
        let text = format!(
            "# Fictional: invented people.\ntitle = \"Dispute {i:03}\"\n\
             published = 2025-{month:02}-{day:02}\nbody = \"Dispute {i:03}.\"\n\n\
             [actors.say-{i}]\nname = \"Sayer {i:03}\"\nkind = \"person\"\n\n\
             [actors.deny-{i}]\nname = \"Denier {i:03}\"\nkind = \"person\"\n\n\
             [[claims]]\nid = \"point\"\nstatement = \"Point {i:03} holds.\"\n\n\
             [actors.hub]\nname = \"Hub Agency\"\nkind = \"outlet\"\n\n\
             [[claims.asserted_by]]\nactor = \"say-{i}\"\n\n\
             [[claims.asserted_by]]\nactor = \"hub\"\nvia = [\"say-{i}\"]\n\n\
             [[claims.denied_by]]\nactor = \"deny-{i}\"\n"
        );
        std::fs::write(dir.join(format!("d{i:03}.toml")), text).unwrap();
    }
    let (index, _) = Index::open_in(cache, dir).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let sources = whosaid::load::discover(&[dir.to_path_buf()]).unwrap();
    let loaded = whosaid::load::load_all(&sources, &|_| {});
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, true);
    let library = Library::in_memory(loaded, config.sort);
    let mut app = App::new(library, config, theme, (80, 24));
    app.articles_dir = dir.to_path_buf();
    app.provenance_index = Some(index);
    app
}

#[test]
fn the_contested_screen_reads_claims_as_it_scrolls_and_lists_them_all() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut app = generated(dir.path(), cache.path(), 300);
    run(&mut app, &[Action::Contested]);
    let s = screen(&app);
    assert!(s.contains("Contested claims (300)"), "{s}");
    // Newest first: dispute 299 at the top, with its two sides named.
    assert!(s.contains("Point 299 holds."), "{s}");
    assert!(
        s.contains("+ Sayer 299") && s.contains("− Denier 299"),
        "{s}"
    );
    let Screen::Contested(view) = &app.screen else {
        panic!("not the contested screen")
    };
    assert!(view.rows.len() < 300, "every claim was read at once");
    // Down one at a time to the end: each claim in turn, on screen, with its sides.
    for i in (0..299).rev() {
        run(&mut app, &[Action::Down]);
        let s = screen(&app);
        let selected = s.lines().find(|l| l.contains('▶')).unwrap_or_default();
        assert!(
            selected.contains(&format!("Point {i:03} holds.")),
            "{i}:\n{s}"
        );
        assert!(s.contains(&format!("− Denier {i:03}")), "{i}:\n{s}");
    }
    // Back to the top in one step, then the last again, and open it.
    run(&mut app, &[Action::Top]);
    assert!(screen(&app).contains("Point 299 holds."));
    run(&mut app, &[Action::Bottom, Action::Open]);
    let Screen::Article(view) = &app.screen else {
        panic!("the claim did not open")
    };
    assert_eq!(view.id.as_str(), "d000");
}

#[test]
fn an_actor_page_reads_stances_as_it_scrolls_and_exports_them_all() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut app = generated(dir.path(), cache.path(), 300);
    app.go(Place::Actor {
        id: ActorId::new("hub"),
        selected: 0,
    });
    let s = screen(&app);
    assert!(s.contains("Asserted or denied (300)"), "{s}");
    assert!(s.contains("in 300 articles"), "{s}");
    let Screen::Actor(page) = &app.screen else {
        panic!("not the actor's page:\n{s}")
    };
    assert_eq!(page.len(), 300);
    let index = app.provenance_index.as_ref().unwrap();
    let (articles, claims) = page.listed(index).unwrap();
    assert_eq!((articles.len(), claims.len()), (300, 300));
    assert_eq!(articles[0].as_str(), "d299");
    // Newest first, one at a time to the end: each stance with the name of its source.
    for i in (0..300).rev() {
        let s = screen(&app);
        let lines: Vec<&str> = s.lines().collect();
        let at = lines.iter().position(|l| l.contains('▶')).unwrap();
        assert!(
            lines[at].contains(&format!("Point {i:03} holds.")),
            "{i}:\n{s}"
        );
        assert!(
            lines[at + 1].contains(&format!("via Sayer {i:03}")),
            "{i}:\n{s}"
        );
        run(&mut app, &[Action::Down]);
    }
    run(&mut app, &[Action::Top, Action::Bottom]);
    let s = screen(&app);
    assert!(s.contains("▶") && s.contains("Point 000 holds."), "{s}");
    run(&mut app, &[Action::Up, Action::Open]);
    let Screen::Article(view) = &app.screen else {
        panic!("the claim did not open")
    };
    assert_eq!(view.id.as_str(), "d001");
}
