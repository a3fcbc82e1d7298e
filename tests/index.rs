//! The persistent index: what it answers (rows, search, corpus queries), how it
//! follows the files, and how it survives deletion, damage, foreign or outdated
//! databases, an unwritable cache and two processes at once.
//!
//! Every article here is fictional: invented people, places and outlets.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;
use whosaid::index::{Changes, Field, Filter, Index, StatusFilter, db_path};
use whosaid::{ActorId, ArticleId, StanceKind, Status};

const HARBOUR: &str = r#"# Fictional: invented people, places and outlets.
title = "Council of Port Velmar approves the harbour tunnel"
published = 2025-03-02
outlet = "Velmar Courier"
language = "en"
tags = ["harbour", "budget"]
body = """
The council of Port Velmar approved the harbour tunnel on Monday. Mayor Lín Xiǎowén \
said the tunnel would open in 2027. Engineer Oskar Brannvik called that date pure fantasy.
"""

[actors.lin]
name = "Lín Xiǎowén"
kind = "person"
role = "Mayor of Port Velmar"

[actors.brannvik]
name = "Oskar Brannvik"
kind = "person"

[actors.courier]
name = "Velmar Courier"
kind = "outlet"

[[claims]]
id = "opens-2027"
statement = "The tunnel will open in 2027."
quote = "the tunnel would open in 2027"
about = ["lin"]

[[claims.asserted_by]]
actor = "courier"
via = ["lin"]
cue = "said"

[[claims.denied_by]]
actor = "brannvik"
cue = "called that date"
quote = "pure fantasy"
"#;

const MARKET: &str = r#"# Fictional: invented people, places and outlets.
title = "林晓雯 opens the night market"
published = 2025-04-10
outlet = "Eastbay Ledger"
language = "zh"
tags = ["market"]
body = """
林晓雯宣布夜市开放。The stalls stay open until midnight, the organisers wrote.
"""

[actors.lin]
name = "林晓雯"
kind = "person"

[actors.organisers]
name = "Night market organisers"
kind = "organization"
suggested = true

[[claims]]
id = "midnight"
statement = "The stalls stay open until midnight."
quote = "The stalls stay open until midnight"
suggested = true

[[claims.asserted_by]]
actor = "organisers"
cue = "wrote"

[[claims]]
id = "opened"
statement = "The night market is open."
quote = "林晓雯宣布夜市开放"
about = ["lin"]

[[claims.asserted_by]]
actor = "lin"
"#;

const BROKEN: &str = "title = \"Unfinished\"\n";

/// A folder of articles and a cache folder, both removed at the end.
struct Setup {
    _dir: TempDir,
    articles: PathBuf,
    cache: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir_all(articles.join("city")).unwrap();
    fs::write(articles.join("city/harbour.toml"), HARBOUR).unwrap();
    fs::write(articles.join("market.toml"), MARKET).unwrap();
    fs::write(articles.join("broken.toml"), BROKEN).unwrap();
    let cache = dir.path().join("cache");
    Setup {
        _dir: dir,
        articles,
        cache,
    }
}

fn ids(list: &[&str]) -> Vec<ArticleId> {
    list.iter().map(ArticleId::new).collect()
}

/// Opens and brings up to date; returns the index and what the update changed.
fn fresh(s: &Setup) -> (Index, Changes) {
    let (index, notice) = Index::open_in(&s.cache, &s.articles).unwrap();
    assert_eq!(notice, None, "a new index needs no notice");
    let changes = index.verify(&mut |_| {}).unwrap();
    (index, changes)
}

/// A row as (id, title, claims, contested, has_suggested, has_errors).
type RowSummary = (String, Option<String>, u32, u32, bool, bool);
/// An actor as (id, name, articles, asserted, denied, relayed, about, conflict).
type ActorCounts = (String, String, u64, u64, u64, u64, u64, bool);

/// The rows, summed up.
fn summary(index: &Index) -> Vec<RowSummary> {
    index
        .rows()
        .unwrap()
        .into_iter()
        .map(|r| {
            let id = r.id.as_str().to_string();
            (
                id,
                r.title,
                r.claims,
                r.contested,
                r.has_suggested,
                r.has_errors,
            )
        })
        .collect()
}

fn expected_rows() -> Vec<RowSummary> {
    vec![
        ("broken".into(), None, 0, 0, false, true),
        (
            "city/harbour".into(),
            Some("Council of Port Velmar approves the harbour tunnel".into()),
            1,
            1,
            false,
            false,
        ),
        (
            "market".into(),
            Some("林晓雯 opens the night market".into()),
            2,
            0,
            true,
            false,
        ),
    ]
}

#[test]
fn a_new_index_lists_every_file_with_its_row() {
    let s = setup();
    let (index, changes) = fresh(&s);
    assert_eq!(changes.inserted, ids(&["broken", "city/harbour", "market"]));
    assert!(changes.replaced.is_empty() && changes.removed.is_empty());
    assert_eq!(summary(&index), expected_rows());
    let harbour = index.row(&ArticleId::new("city/harbour")).unwrap().unwrap();
    assert_eq!(harbour.published.as_deref(), Some("2025-03-02"));
    assert_eq!(harbour.outlet.as_deref(), Some("Velmar Courier"));
    assert_eq!(harbour.language.as_deref(), Some("en"));
    assert_eq!(harbour.tags, vec!["harbour", "budget"]);
    assert_eq!(harbour.path, s.articles.join("city/harbour.toml"));
    // The rejected file keeps its diagnostics, as the loader words them.
    let diagnostics = index.diagnostics(&ArticleId::new("broken")).unwrap();
    assert!(!diagnostics.is_empty());
    assert!(diagnostics.iter().any(|d| d.message.contains("body")));
}

#[test]
fn a_second_verification_finds_nothing_and_a_new_process_reads_the_same_rows() {
    let s = setup();
    let (index, _) = fresh(&s);
    assert_eq!(index.verify(&mut |_| {}).unwrap(), Changes::default());
    drop(index);
    let (index, notice) = Index::open_in(&s.cache, &s.articles).unwrap();
    assert_eq!(notice, None);
    assert_eq!(summary(&index), expected_rows());
}

#[test]
fn edits_additions_and_removals_are_reported_by_id() {
    let s = setup();
    let (index, _) = fresh(&s);
    let harbour = s.articles.join("city/harbour.toml");
    // Same size and modification time, other content: only the hash can tell.
    let mtime = fs::metadata(&harbour).unwrap().modified().unwrap();
    let edited = HARBOUR.replace("approves the harbour", "rejects  the harbour");
    assert_eq!(edited.len(), HARBOUR.len());
    fs::write(&harbour, &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&harbour)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(fs::metadata(&harbour).unwrap().modified().unwrap(), mtime);
    fs::remove_file(s.articles.join("market.toml")).unwrap();
    fs::write(s.articles.join("city/copy.toml"), MARKET).unwrap();
    let changes = index.verify(&mut |_| {}).unwrap();
    assert_eq!(
        changes,
        Changes {
            inserted: ids(&["city/copy"]),
            replaced: ids(&["city/harbour"]),
            removed: ids(&["market"]),
        }
    );
    let row = index.row(&ArticleId::new("city/harbour")).unwrap().unwrap();
    assert_eq!(
        row.title.as_deref(),
        Some("Council of Port Velmar rejects  the harbour tunnel")
    );
    assert_eq!(index.row(&ArticleId::new("market")).unwrap(), None);
    // Touching a file without changing it is no change.
    fs::write(s.articles.join("city/copy.toml"), MARKET).unwrap();
    assert_eq!(index.verify(&mut |_| {}).unwrap(), Changes::default());
}

#[test]
fn progress_counts_up_to_every_file() {
    let s = setup();
    let (index, _) = Index::open_in(&s.cache, &s.articles).unwrap();
    let mut last = None;
    index
        .verify(&mut |p| last = Some((p.done, p.total)))
        .unwrap();
    assert_eq!(last, Some((3, 3)));
}

/// (id, field) of every hit, in order.
fn search(index: &Index, query: &str) -> Vec<(String, Field)> {
    index
        .search(query, usize::MAX)
        .unwrap()
        .into_iter()
        .map(|h| (h.id.as_str().to_string(), h.field))
        .collect()
}

fn found(id: &str, field: Field) -> Vec<(String, Field)> {
    vec![(id.to_string(), field)]
}

#[test]
fn search_finds_substrings_in_any_case_and_names_the_field() {
    let s = setup();
    let (index, _) = fresh(&s);
    // Inside a word, any case.
    assert_eq!(
        search(&index, "ouncil"),
        found("city/harbour", Field::Title)
    );
    assert_eq!(
        search(&index, "COUNCIL OF"),
        found("city/harbour", Field::Title)
    );
    assert_eq!(
        search(&index, "fantas"),
        found("city/harbour", Field::Claim)
    );
    assert_eq!(
        search(&index, "brannvik"),
        found("city/harbour", Field::Actor)
    );
    assert_eq!(
        search(&index, "on Monday"),
        found("city/harbour", Field::Body)
    );
    // Both articles, the title match first.
    assert_eq!(
        search(&index, "night market"),
        vec![("market".to_string(), Field::Title),]
    );
    assert_eq!(
        search(&index, "open"),
        vec![
            ("market".to_string(), Field::Title),
            ("city/harbour".to_string(), Field::Claim),
        ]
    );
    // A limit keeps the best.
    let first: Vec<_> = index
        .search("open", 1)
        .unwrap()
        .into_iter()
        .map(|h| (h.id, h.field, h.rank))
        .collect();
    assert_eq!(first, vec![(ArticleId::new("market"), Field::Title, 0)]);
    assert_eq!(search(&index, "no such words"), vec![]);
    assert_eq!(search(&index, ""), vec![]);
    // Wildcards of the underlying GLOB are plain characters.
    assert_eq!(search(&index, "*"), vec![]);
    assert_eq!(search(&index, "t?nnel"), vec![]);
}

#[test]
fn search_finds_short_and_cjk_queries() {
    let s = setup();
    let (index, _) = fresh(&s);
    assert_eq!(search(&index, "晓雯"), found("market", Field::Title));
    assert_eq!(search(&index, "夜"), found("market", Field::Claim));
    assert_eq!(search(&index, "开放"), found("market", Field::Claim));
    assert_eq!(search(&index, "林晓雯宣布"), found("market", Field::Claim));
    // Two Latin letters: a plain scan, still case-blind.
    assert_eq!(search(&index, "VE"), found("city/harbour", Field::Title));
}

#[test]
fn search_folds_accents_both_ways() {
    let s = setup();
    let (index, _) = fresh(&s);
    assert_eq!(
        search(&index, "Lin Xiaowen"),
        found("city/harbour", Field::Actor)
    );
    assert_eq!(
        search(&index, "xiaowen"),
        found("city/harbour", Field::Actor)
    );
    assert_eq!(search(&index, "Lín"), found("city/harbour", Field::Actor));
    // Accents in the query fold too: "Cóuncil" finds "Council".
    assert_eq!(
        search(&index, "Cóuncil"),
        found("city/harbour", Field::Title)
    );
    assert_eq!(
        search(&index, "XIǍOWÉN"),
        found("city/harbour", Field::Actor)
    );
}

const WRAPPED: &str = r#"# Fictional: invented people, places and outlets.
title = "The  Quillmouth   ferry"
published = 2025-05-01
body = """
The ferry from Quillmouth
runs again, the harbour   master
	said on Friday.
"""

[actors.ann]
name = "Ann Quill"
kind = "person"

[actors.bo]
name = "Bo Marsh"
kind = "person"
"#;

#[test]
fn search_matches_a_phrase_across_wrapped_lines_and_runs_of_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir_all(&articles).unwrap();
    fs::write(articles.join("ferry.toml"), WRAPPED).unwrap();
    let (index, _) = Index::open_in(&dir.path().join("cache"), &articles).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let ferry = |field| found("ferry", field);
    assert_eq!(search(&index, "quillmouth runs again"), ferry(Field::Body));
    assert_eq!(search(&index, "harbour master said"), ferry(Field::Body));
    assert_eq!(search(&index, "master said on"), ferry(Field::Body));
    // White space in the query folds the same way.
    assert_eq!(search(&index, "Quillmouth \n  RUNS"), ferry(Field::Body));
    assert_eq!(search(&index, "the quillmouth ferry"), ferry(Field::Title));
    // Two actors' names stay apart: no phrase runs from one into the next.
    assert_eq!(search(&index, "ann quill"), ferry(Field::Actor));
    assert_eq!(search(&index, "quill bo"), vec![]);
}

#[test]
fn actor_pages_come_from_the_index() {
    let s = setup();
    let (index, _) = fresh(&s);
    let brannvik = index.stances_of(&ActorId::new("brannvik")).unwrap();
    assert_eq!(brannvik.len(), 1);
    let stance = &brannvik[0];
    assert_eq!(stance.kind, StanceKind::Denies);
    assert_eq!(stance.cue.as_deref(), Some("called that date"));
    assert_eq!(stance.quote.as_deref(), Some("pure fantasy"));
    assert_eq!(stance.claim.claim.as_str(), "opens-2027");
    assert_eq!(stance.claim.status, Status::Contested);
    assert_eq!(stance.claim.article.id.as_str(), "city/harbour");
    assert_eq!(
        stance.claim.article.published.as_deref(),
        Some("2025-03-02")
    );

    // `lin` is relayed by the courier in one article and asserts in the other.
    let relayed = index.relayed(&ActorId::new("lin")).unwrap();
    assert_eq!(relayed.len(), 1);
    assert_eq!(relayed[0].by.as_str(), "courier");
    assert_eq!(relayed[0].kind, StanceKind::Asserts);
    assert_eq!(relayed[0].via, vec![ActorId::new("lin")]);
    let lin = index.stances_of(&ActorId::new("lin")).unwrap();
    assert_eq!(lin.len(), 1);
    assert_eq!(lin[0].claim.article.id.as_str(), "market");

    // Claims about `lin`, newest first.
    let about: Vec<(String, String)> = index
        .about(&ActorId::new("lin"))
        .unwrap()
        .into_iter()
        .map(|c| (c.article.id.as_str().into(), c.claim.as_str().into()))
        .collect();
    assert_eq!(
        about,
        vec![
            ("market".into(), "opened".into()),
            ("city/harbour".into(), "opens-2027".into()),
        ]
    );

    let contested = index.contested().unwrap();
    assert_eq!(contested.len(), 1);
    assert_eq!(contested[0].claim.claim.as_str(), "opens-2027");
    assert_eq!(contested[0].asserters, vec![ActorId::new("courier")]);
    assert_eq!(contested[0].deniers, vec![ActorId::new("brannvik")]);
}

#[test]
fn actors_have_counts_and_cross_file_conflicts() {
    let s = setup();
    let (index, _) = fresh(&s);
    let actors: Vec<ActorCounts> = index
        .actors()
        .unwrap()
        .into_iter()
        .map(|a| {
            let id = a.id.as_str().to_string();
            (
                id, a.name, a.articles, a.asserted, a.denied, a.relayed, a.about, a.conflict,
            )
        })
        .collect();
    assert_eq!(
        actors,
        vec![
            (
                "brannvik".into(),
                "Oskar Brannvik".into(),
                1,
                0,
                1,
                0,
                0,
                false
            ),
            (
                "courier".into(),
                "Velmar Courier".into(),
                1,
                1,
                0,
                0,
                0,
                false
            ),
            // Declared as "Lín Xiǎowén" first (city/harbour sorts before market).
            ("lin".into(), "Lín Xiǎowén".into(), 2, 1, 0, 1, 2, true),
            (
                "organisers".into(),
                "Night market organisers".into(),
                1,
                1,
                0,
                0,
                0,
                false
            ),
        ]
    );
    // Re-indexed after market, city/harbour still comes first by id and names `lin`.
    let harbour = s.articles.join("city/harbour.toml");
    fs::write(&harbour, format!("{HARBOUR}\n# edited\n")).unwrap();
    let changes = index.verify(&mut |_| {}).unwrap();
    assert_eq!(changes.replaced, ids(&["city/harbour"]));
    let actors = index.actors().unwrap();
    let lin = actors.iter().find(|a| a.id.as_str() == "lin").unwrap();
    assert_eq!(lin.name, "Lín Xiǎowén");
    assert_eq!((lin.articles, lin.conflict), (2, true));
}

/// An article declaring `id`, who asserts one claim.
fn lone_actor(id: &str) -> String {
    format!(
        "# Fictional: an invented person.\ntitle = \"Notice {id}\"\npublished = 2025-01-01\n\
         body = \"{id} posted a notice.\"\n\n[actors.{id}]\nname = \"Person {id}\"\n\
         kind = \"person\"\n\n[[claims]]\nid = \"notice\"\nstatement = \"A notice was posted.\"\n\n\
         [[claims.asserted_by]]\nactor = \"{id}\"\n"
    )
}

#[test]
fn actor_counts_follow_edits_removals_and_additions() {
    let s = setup();
    // Enough other actors that one edit refreshes only the actors it touches.
    fs::create_dir_all(s.articles.join("extra")).unwrap();
    for i in 0..30 {
        let id = format!("x{i:02}");
        fs::write(s.articles.join(format!("extra/{id}.toml")), lone_actor(&id)).unwrap();
    }
    let (index, _) = fresh(&s);
    assert_eq!(index.actors().unwrap().len(), 34);
    // market: `lin` now has one name only, the organisers are gone;
    // harbour removed; a newcomer relays `lin`.
    let market = MARKET
        .replace("name = \"林晓雯\"", "name = \"Lín Xiǎowén\"")
        .replace(
            "[actors.organisers]\nname = \"Night market organisers\"\nkind = \"organization\"\nsuggested = true\n",
            "",
        )
        .replace("[[claims.asserted_by]]\nactor = \"organisers\"\ncue = \"wrote\"\n", "");
    assert!(!market.contains("organisers\""), "{market}");
    fs::write(s.articles.join("market.toml"), market).unwrap();
    fs::remove_file(s.articles.join("city/harbour.toml")).unwrap();
    fs::write(
        s.articles.join("newcomer.toml"),
        lone_actor("newcomer").replace(
            "actor = \"newcomer\"\n",
            "actor = \"newcomer\"\nvia = [\"lin\"]\n",
        ) + "\n[actors.lin]\nname = \"Lín Xiǎowén\"\nkind = \"person\"\n",
    )
    .unwrap();
    let changes = index.verify(&mut |_| {}).unwrap();
    assert_eq!(changes.replaced, ids(&["market"]));
    assert_eq!(changes.removed, ids(&["city/harbour"]));
    assert_eq!(changes.inserted, ids(&["newcomer"]));
    let actors = index.actors().unwrap();
    let counts: Vec<ActorCounts> = actors
        .iter()
        .filter(|a| !a.id.as_str().starts_with('x'))
        .map(|a| {
            let id = a.id.as_str().to_string();
            let name = a.name.clone();
            (
                id, name, a.articles, a.asserted, a.denied, a.relayed, a.about, a.conflict,
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            ("lin".into(), "Lín Xiǎowén".into(), 2, 1, 0, 1, 1, false),
            (
                "newcomer".into(),
                "Person newcomer".into(),
                1,
                1,
                0,
                0,
                0,
                false
            ),
        ]
    );
    assert_eq!(actors.len(), 32);
    // The same as an index built from scratch on the folder as it is now.
    let other = s.articles.parent().unwrap().join("other-cache");
    let (rebuilt, _) = Index::open_in(&other, &s.articles).unwrap();
    rebuilt.verify(&mut |_| {}).unwrap();
    assert_eq!(actors, rebuilt.actors().unwrap());
    for a in &actors {
        assert_eq!(
            index.duplicates_of(&a.id).unwrap(),
            rebuilt.duplicates_of(&a.id).unwrap(),
            "{}",
            a.id
        );
        // The first declaration kept with the summary is the first by article id.
        let first = index.first_declaration(&a.id).unwrap().unwrap();
        assert_eq!(first, index.declarations(&a.id, 1).unwrap()[0], "{}", a.id);
        assert_eq!(first, rebuilt.first_declaration(&a.id).unwrap().unwrap());
    }
    let lin = index
        .first_declaration(&ActorId::new("lin"))
        .unwrap()
        .unwrap();
    assert_eq!(lin.article.as_str(), "market");
}

/// An article declaring each (id, name), fictional.
fn declaring(actors: &[(&str, &str)]) -> String {
    let mut text =
        "# Fictional: invented people.\ntitle = \"Names\"\nbody = \"Names.\"\n".to_string();
    for (id, name) in actors {
        text.push_str(&format!(
            "\n[actors.{id}]\nname = \"{name}\"\nkind = \"person\"\n"
        ));
    }
    text
}

#[test]
fn likely_duplicates_from_the_index_are_those_the_names_give() {
    let s = setup();
    fs::write(
        s.articles.join("names.toml"),
        declaring(&[
            ("oskar", "Brannvik"),
            ("o-brannvik", "O. Brannvik"),
            ("mayor", "Lín Xiǎowén"),
            ("council", "Council of Port Velmar"),
            ("port", "Port Velmar"),
            ("velmar", "VELMAR"),
            ("alone", "Nobody Else"),
        ]),
    )
    .unwrap();
    let (index, _) = fresh(&s);
    let actors = index.actors().unwrap();
    // The second implementation: the library's grouping of every name, as the
    // reader without an index computes it.
    let groups = whosaid::actors::duplicates_of(
        actors
            .iter()
            .flat_map(|a| a.names.iter().map(move |n| (&a.id, n.as_str()))),
    );
    let mut any = 0;
    for a in &actors {
        let mut expected: Vec<ActorId> = Vec::new();
        for g in groups.iter().filter(|g| g.ids.contains(&a.id)) {
            for id in g.ids.iter().filter(|id| **id != a.id) {
                if !expected.contains(id) {
                    expected.push(id.clone());
                }
            }
        }
        any += expected.len();
        assert_eq!(index.duplicates_of(&a.id).unwrap(), expected, "{}", a.id);
    }
    // By hand: the shared ending and the same name are found.
    let of = |id: &str| index.duplicates_of(&ActorId::new(id)).unwrap();
    assert_eq!(
        of("brannvik"),
        vec![ActorId::new("o-brannvik"), ActorId::new("oskar")]
    );
    assert!(of("lin").contains(&ActorId::new("mayor")));
    assert!(of("alone").is_empty());
    assert!(any > 6, "{any}");
}

#[test]
fn filters_select_articles() {
    let s = setup();
    let (index, _) = fresh(&s);
    let select = |filter: Filter| -> Vec<String> {
        index
            .articles(&filter)
            .unwrap()
            .into_iter()
            .map(|id| id.as_str().to_string())
            .collect()
    };
    // Every loaded article, newest first; the broken file is no article.
    assert_eq!(select(Filter::default()), vec!["market", "city/harbour"]);
    let actor = |id: &str| Some(ActorId::new(id));
    assert_eq!(
        select(Filter {
            actor: actor("brannvik"),
            ..Filter::default()
        }),
        vec!["city/harbour"]
    );
    assert_eq!(
        select(Filter {
            actor: actor("lin"),
            ..Filter::default()
        }),
        vec!["market"]
    );
    assert_eq!(
        select(Filter {
            about: actor("lin"),
            ..Filter::default()
        }),
        vec!["market", "city/harbour"]
    );
    let status = |s| Filter {
        status: Some(s),
        ..Filter::default()
    };
    assert_eq!(
        select(status(StatusFilter::Contested)),
        vec!["city/harbour"]
    );
    assert_eq!(select(status(StatusFilter::Suggested)), vec!["market"]);
    assert_eq!(
        select(status(StatusFilter::Unattributed)),
        Vec::<String>::new()
    );
    let text = |s: &str| Some(s.to_string());
    assert_eq!(
        select(Filter {
            tag: text("budget"),
            ..Filter::default()
        }),
        vec!["city/harbour"]
    );
    assert_eq!(
        select(Filter {
            outlet: text("Eastbay Ledger"),
            ..Filter::default()
        }),
        vec!["market"]
    );
    assert_eq!(
        select(Filter {
            language: text("zh"),
            ..Filter::default()
        }),
        vec!["market"]
    );
    assert_eq!(
        select(Filter {
            from: text("2025-03-02"),
            to: text("2025-04-09"),
            ..Filter::default()
        }),
        vec!["city/harbour"]
    );
    assert_eq!(
        select(Filter {
            tag: text("market"),
            actor: actor("brannvik"),
            ..Filter::default()
        }),
        Vec::<String>::new()
    );
}

fn db(s: &Setup) -> PathBuf {
    db_path(&s.cache, &s.articles)
}

/// After `damage`, the index still opens (with a notice) and answers as a new one.
fn survives(damage: impl FnOnce(&Path), notice_says: &str) {
    let s = setup();
    drop(fresh(&s));
    damage(&db(&s));
    let (index, notice) = Index::open_in(&s.cache, &s.articles).unwrap();
    let notice = notice.map(|n| n.0).unwrap_or_default();
    assert!(notice.contains(notice_says), "notice: {notice}");
    assert!(!notice.contains('\n'));
    assert!(!index.is_private());
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(summary(&index), expected_rows());
    assert_eq!(search(&index, "晓雯"), found("market", Field::Title));
}

#[test]
fn a_deleted_index_is_built_again_without_a_notice() {
    let s = setup();
    drop(fresh(&s));
    fs::remove_dir_all(&s.cache).unwrap();
    let (index, changes) = fresh(&s);
    assert_eq!(changes.inserted.len(), 3);
    assert_eq!(summary(&index), expected_rows());
}

#[test]
fn a_damaged_index_is_rebuilt() {
    survives(
        |path| {
            let garbage: Vec<u8> = (0..70_000u32).map(|i| (i * 7919 % 251) as u8).collect();
            fs::write(path, garbage).unwrap();
            for suffix in ["-wal", "-shm"] {
                let _ = fs::remove_file(format!("{}{suffix}", path.display()));
            }
        },
        "was damaged; rebuilt",
    );
}

#[test]
fn a_foreign_database_is_rebuilt() {
    survives(
        |path| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = fs::remove_file(format!("{}{suffix}", path.display()));
            }
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch("CREATE TABLE files(x); INSERT INTO files VALUES (1);")
                .unwrap();
        },
        "was not a whosaid index; rebuilt",
    );
}

#[test]
fn an_index_of_version_4_whose_text_kept_white_space_runs_is_rebuilt() {
    survives(
        |path| {
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch("PRAGMA user_version = 4;").unwrap();
        },
        "another version; rebuilt",
    );
}

#[test]
fn an_index_of_another_version_is_rebuilt() {
    survives(
        |path| {
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch("PRAGMA user_version = 999;").unwrap();
        },
        "another version; rebuilt",
    );
}

#[test]
fn an_unwritable_cache_gives_a_private_index_that_is_removed_after() {
    let s = setup();
    // A regular file where the cache folder should be: nobody, root included, can
    // create the index there.
    fs::write(&s.cache, "in the way").unwrap();
    let (index, notice) = Index::open_in(&s.cache, &s.articles).unwrap();
    assert!(index.is_private());
    let notice = notice.map(|n| n.0).unwrap_or_default();
    assert!(
        notice.contains("private temporary index"),
        "notice: {notice}"
    );
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(summary(&index), expected_rows());
    let private = index.path().to_path_buf();
    assert!(private.exists());
    drop(index);
    assert!(!private.exists(), "the private index is left behind");
    assert_eq!(fs::read_to_string(&s.cache).unwrap(), "in the way");
}

#[test]
fn two_handles_share_one_index() {
    let s = setup();
    let (first, _) = fresh(&s);
    let (second, notice) = Index::open_in(&s.cache, &s.articles).unwrap();
    assert_eq!(notice, None);
    fs::remove_file(s.articles.join("market.toml")).unwrap();
    // One writes while the other has just read; the other sees the change next.
    let rows_before = first.rows().unwrap().len();
    let changes = second.verify(&mut |_| {}).unwrap();
    assert_eq!(changes.removed, ids(&["market"]));
    assert_eq!(rows_before, 3);
    assert_eq!(first.rows().unwrap().len(), 2);
    assert_eq!(first.verify(&mut |_| {}).unwrap(), Changes::default());
}

fn whosaid_index(s: &Setup, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.arg("--articles")
        .arg(&s.articles)
        .arg("index")
        .args(extra)
        .env("XDG_CACHE_HOME", &s.cache);
    cmd
}

#[test]
fn two_processes_at_once_both_succeed() {
    let s = setup();
    // Two refreshes and three rebuilds, all started before any has finished.
    let children: Vec<_> = ["", "", "--rebuild", "--rebuild", "--rebuild"]
        .iter()
        .map(|flag| {
            let flags: &[&str] = if flag.is_empty() { &[] } else { &[flag] };
            whosaid_index(&s, flags)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{output:?}");
        assert!(output.stderr.is_empty(), "{output:?}");
    }
    let index_dir = s.cache.join("whosaid");
    let (index, notice) = Index::open_in(&index_dir, &s.articles).unwrap();
    assert_eq!(notice, None);
    assert_eq!(summary(&index), expected_rows());
}

#[test]
fn the_index_command_says_where_and_what() {
    let s = setup();
    let output = whosaid_index(&s, &["--stats"]).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let path = db_path(&s.cache.join("whosaid"), &s.articles);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("index: {}", path.display()));
    assert_eq!(lines[1], "updated: 3 inserted, 0 replaced, 0 removed");
    assert_eq!(lines[2], "files: 3 (1 with errors)");
    assert_eq!(lines[3], "actors: 4");
    assert_eq!(lines[4], "claims: 3");
    assert_eq!(lines[5], "stances: 4");
    assert!(lines[6].starts_with("size: "));
    let again = whosaid_index(&s, &[]).output().unwrap();
    let stdout = String::from_utf8(again.stdout).unwrap();
    assert!(stdout.contains("updated: 0 inserted, 0 replaced, 0 removed"));
    let rebuilt = whosaid_index(&s, &["--rebuild"]).output().unwrap();
    let stdout = String::from_utf8(rebuilt.stdout).unwrap();
    assert!(stdout.contains("updated: 3 inserted, 0 replaced, 0 removed"));
    let missing = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--articles", "/nonexistent/whosaid-articles", "index"])
        .env("XDG_CACHE_HOME", &s.cache)
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn an_index_another_process_is_writing_still_opens_and_answers() {
    let s = setup();
    drop(fresh(&s));
    // Another process in the middle of a write transaction.
    let writer = rusqlite::Connection::open(db(&s)).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM files;")
        .unwrap();
    let (index, notice) = Index::open_in(&s.cache, &s.articles).unwrap();
    assert_eq!(notice, None, "a busy index is neither rebuilt nor replaced");
    assert!(!index.is_private());
    // Readers see the last committed state, not the writer's half-done work.
    assert_eq!(summary(&index), expected_rows());
    assert_eq!(
        search(&index, "brannvik"),
        found("city/harbour", Field::Actor)
    );
    writer.execute_batch("ROLLBACK").unwrap();
    assert_eq!(index.verify(&mut |_| {}).unwrap(), Changes::default());
}

/// A fictional article in which `ann` asserts the first claim and denies the second.
fn two_stances(published: Option<&str>) -> String {
    let date = published.map_or(String::new(), |d| format!("published = {d}\n"));
    format!(
        r#"title = "An invented council story"
{date}body = """
Ann Quill said the bridge opens soon. Ann Quill denied the tunnel closes.
"""

[actors.ann]
name = "Ann Quill"
kind = "person"

[[claims]]
id = "bridge"
statement = "The bridge opens soon."
asserted_by = [{{ actor = "ann", cue = "said" }}]

[[claims]]
id = "tunnel"
statement = "The tunnel closes."
denied_by = [{{ actor = "ann", cue = "denied" }}]
"#
    )
}

/// Four articles in which `ann` asserts `bridge` and denies `tunnel`: two on one
/// date, one newer, one undated; indexed.
fn four_dated_articles() -> (TempDir, Index) {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir_all(&articles).unwrap();
    for (name, date) in [
        ("a-old", Some("2023-01-05")),
        ("b-undated", None),
        ("c-new", Some("2025-06-01")),
        ("d-old-too", Some("2023-01-05")),
    ] {
        fs::write(articles.join(format!("{name}.toml")), two_stances(date)).unwrap();
    }
    let (index, _) = Index::open_in(&dir.path().join("cache"), &articles).unwrap();
    index.verify(&mut |_| {}).unwrap();
    (dir, index)
}

#[test]
fn an_actors_stances_come_newest_first_undated_last_each_article_in_claim_order() {
    let (_dir, index) = four_dated_articles();
    let got: Vec<(String, String, StanceKind)> = index
        .stances_of(&ActorId::new("ann"))
        .unwrap()
        .into_iter()
        .map(|s| {
            let c = s.claim;
            (c.article.id.to_string(), c.claim.to_string(), s.kind)
        })
        .collect();
    let want: Vec<(String, String, StanceKind)> = [
        ("c-new", "bridge", StanceKind::Asserts),
        ("c-new", "tunnel", StanceKind::Denies),
        ("a-old", "bridge", StanceKind::Asserts),
        ("a-old", "tunnel", StanceKind::Denies),
        ("d-old-too", "bridge", StanceKind::Asserts),
        ("d-old-too", "tunnel", StanceKind::Denies),
        ("b-undated", "bridge", StanceKind::Asserts),
        ("b-undated", "tunnel", StanceKind::Denies),
    ]
    .into_iter()
    .map(|(a, c, k)| (a.to_string(), c.to_string(), k))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn an_actors_stances_page_by_page_keep_article_id_order_on_a_shared_date_after_an_edit() {
    let (dir, index) = four_dated_articles();
    let articles = dir.path().join("articles");
    // Rewritten, `a-old` is stored again after `d-old-too`: the order stays by id.
    let edited = two_stances(Some("2023-01-05")).replace("soon.", "soon, again.");
    fs::write(articles.join("a-old.toml"), edited).unwrap();
    let changes = index.verify(&mut |_| {}).unwrap();
    assert_eq!(changes.replaced, ids(&["a-old"]));
    let ann = ActorId::new("ann");
    let want = [
        ("c-new", "bridge"),
        ("c-new", "tunnel"),
        ("a-old", "bridge"),
        ("a-old", "tunnel"),
        ("d-old-too", "bridge"),
        ("d-old-too", "tunnel"),
        ("b-undated", "bridge"),
        ("b-undated", "tunnel"),
    ];
    let pairs = |stances: Vec<whosaid::index::ActorStance>| -> Vec<(String, String)> {
        stances
            .into_iter()
            .map(|s| (s.claim.article.id.to_string(), s.claim.claim.to_string()))
            .collect()
    };
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
    assert_eq!(pairs(index.stances_of(&ann).unwrap()), want);
    for size in 1..=3 {
        let mut paged = Vec::new();
        for from in (0..want.len()).step_by(size) {
            paged.extend(pairs(index.stances_page(&ann, from, size).unwrap()));
        }
        assert_eq!(paged, want, "pages of {size}");
    }
    // Past the end: nothing, not an error.
    assert!(index.stances_page(&ann, 8, 5).unwrap().is_empty());
    assert!(index.stances_page(&ann, 100, 5).unwrap().is_empty());
    assert_eq!(pairs(index.stances_page(&ann, 6, 100).unwrap()), want[6..]);
}

#[test]
fn likely_duplicates_follow_a_rename_and_a_removal() {
    let s = setup();
    let many: Vec<(String, String)> = (0..12)
        .map(|i| (format!("extra-{i}"), format!("Extra Person {i}")))
        .collect();
    let mut declared: Vec<(&str, &str)> = vec![("port", "Port Velmar"), ("alone", "Nobody Else")];
    declared.extend(many.iter().map(|(id, name)| (id.as_str(), name.as_str())));
    fs::write(s.articles.join("names.toml"), declaring(&declared)).unwrap();
    fs::write(
        s.articles.join("solo.toml"),
        declaring(&[("solo", "Velmar Harbour Port Velmar")]),
    )
    .unwrap();
    let (index, _) = fresh(&s);
    let of = |id: &str| index.duplicates_of(&ActorId::new(id)).unwrap();
    assert_eq!(of("port"), vec![ActorId::new("solo")]);
    assert_eq!(of("solo"), vec![ActorId::new("port")]);
    assert!(of("alone").is_empty());

    // Renamed: a few actors touched, so only theirs are brought up to date.
    fs::write(
        s.articles.join("solo.toml"),
        declaring(&[("solo", "Nobody Else")]),
    )
    .unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert!(of("port").is_empty());
    assert_eq!(of("alone"), vec![ActorId::new("solo")]);
    assert_eq!(of("solo"), vec![ActorId::new("alone")]);

    fs::remove_file(s.articles.join("solo.toml")).unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert!(of("alone").is_empty());
    assert!(of("solo").is_empty());
    // Declared again under its first name: its old words are gone, not doubled.
    fs::write(
        s.articles.join("solo.toml"),
        declaring(&[("solo", "Velmar Harbour Port Velmar")]),
    )
    .unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(of("port"), vec![ActorId::new("solo")]);
    assert!(of("alone").is_empty());
}

const SHORT_ALPHA: &str = r#"# Fictional: invented people, places and outlets.
title = "Zoë at the Ōsaka—東京 fair!"
published = 2025-06-01
body = """
Quiet day.
"""

[actors.zoe]
name = "Zoë Quill"
kind = "person"

[actors.zed]
name = "Zed Ray"
kind = "person"
"#;

const SHORT_BETA: &str = r#"# Fictional: invented people, places and outlets.
title = "Plain news"
published = 2025-06-02
body = """
A report on 東 wind, e.g. X-ray. Codes abcx and bcdy.
"""

[actors.bo]
name = "Bo Marsh"
kind = "person"
"#;

/// (id, field) of every hit, sorted (hits in one field come in the order the
/// files were indexed, which the parallel readers leave open).
fn search_sorted(index: &Index, query: &str) -> Vec<(String, Field)> {
    let mut hits = search(index, query);
    hits.sort();
    hits
}

/// Each query of `cases` finds exactly its articles (id, best field), in id order.
fn assert_searches(index: &Index, cases: &[(&str, &[(&str, Field)])]) {
    for (query, want) in cases {
        let want: Vec<(String, Field)> = want.iter().map(|&(id, f)| (id.to_string(), f)).collect();
        assert_eq!(search_sorted(index, query), want, "search {query:?}");
    }
}

/// The articles the filter language's `text` keeps, with their best field, in id order.
fn matching_sorted(index: &Index, text: &str) -> Vec<(String, Option<Field>)> {
    let query = whosaid::query::Query::parse(text).unwrap();
    let vocabulary = index.vocabulary().unwrap();
    let mut found: Vec<_> = index
        .matching(&query, &vocabulary, &|_: &ArticleId| false)
        .unwrap()
        .into_iter()
        .map(|m| (m.id.as_str().to_string(), m.field))
        .collect();
    found.sort();
    found
}

/// Each filter of `cases` keeps exactly its articles (id, best field), in id order.
fn assert_filters(index: &Index, cases: &[(&str, &[(&str, Field)])]) {
    for (query, want) in cases {
        let want: Vec<(String, Option<Field>)> = want
            .iter()
            .map(|&(id, f)| (id.to_string(), Some(f)))
            .collect();
        assert_eq!(matching_sorted(index, query), want, "filter {query:?}");
    }
}

#[test]
fn one_and_two_character_queries_find_exactly_the_texts_holding_them() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir_all(&articles).unwrap();
    fs::write(articles.join("alpha.toml"), SHORT_ALPHA).unwrap();
    fs::write(articles.join("beta.toml"), SHORT_BETA).unwrap();
    let (index, _) = Index::open_in(&dir.path().join("cache"), &articles).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let hit = |id: &str, field| (id.to_string(), field);
    use Field::{Actor, Body, Title};
    assert_searches(
        &index,
        &[
            // Accents fold both ways, one letter or two.
            ("Ë", &[("alpha", Title), ("beta", Title)]),
            ("ōs", &[("alpha", Title)]),
            ("OE", &[("alpha", Title)]),
            // CJK and punctuation, alone and in pairs.
            ("東", &[("alpha", Title), ("beta", Body)]),
            ("—東", &[("alpha", Title)]),
            ("r!", &[("alpha", Title)]),
            ("!", &[("alpha", Title)]),
            ("e.", &[("beta", Body)]),
            ("x-", &[("beta", Body)]),
            ("東 ", &[("beta", Body)]),
            // Actors' names: inside one, and never across two.
            ("ll", &[("alpha", Actor)]),
            ("lz", &[]),
            ("q", &[("alpha", Actor)]),
            ("?", &[]),
            // Longer words: every trigram of `abcd` is in the text, but not together.
            ("bcd", &[("beta", Body)]),
            ("ABCX", &[("beta", Body)]),
            ("abcd", &[]),
        ],
    );
    // The filter language gives the same rows.
    assert_filters(
        &index,
        &[
            ("東 y", &[("alpha", Title), ("beta", Body)]),
            ("-東", &[]),
            ("abcd", &[]),
            ("bcdy", &[("beta", Body)]),
            ("ōs -ll", &[]),
        ],
    );
    // A file changed on disk: its old pairs are gone, its new ones found.
    fs::write(
        articles.join("beta.toml"),
        SHORT_BETA.replace("東 wind", "西 wind"),
    )
    .unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(
        search_sorted(&index, "東"),
        vec![hit("alpha", Field::Title)]
    );
    assert_eq!(search_sorted(&index, "西 "), vec![hit("beta", Field::Body)]);
    fs::remove_file(articles.join("alpha.toml")).unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(search_sorted(&index, "東"), vec![]);
    assert_eq!(search_sorted(&index, "ll"), vec![]);
}

#[test]
fn the_vocabulary_names_each_actor_as_the_first_article_by_id_declares_it() {
    let s = setup();
    let (index, _) = fresh(&s);
    let actors = |index: &Index| index.vocabulary().unwrap().actors;
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(id, name)| (id.to_string(), name.to_string()))
            .collect()
    };
    // `lin` is declared in city/harbour and in market: city/harbour comes first.
    assert_eq!(
        actors(&index),
        pairs(&[
            ("brannvik", "Oskar Brannvik"),
            ("courier", "Velmar Courier"),
            ("lin", "Lín Xiǎowén"),
            ("organisers", "Night market organisers"),
        ])
    );
    // A file before both, by id, declares it again under another name.
    let first = "# Fictional.\ntitle = \"A note\"\nbody = \"b\"\n\n[actors.lin]\nname = \"Mayor Lin\"\nkind = \"person\"\n";
    fs::write(s.articles.join("a-note.toml"), first).unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(
        actors(&index)[2],
        ("lin".to_string(), "Mayor Lin".to_string())
    );
    assert_eq!(actors(&index).len(), 4);
    // Gone again: the next declaration names it.
    fs::remove_file(s.articles.join("a-note.toml")).unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(
        actors(&index)[2],
        ("lin".to_string(), "Lín Xiǎowén".to_string())
    );
    // An actor no file declares any more is no longer offered.
    fs::remove_file(s.articles.join("market.toml")).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let ids: Vec<String> = actors(&index).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["brannvik", "courier", "lin"]);
}

const WORDS_GAMMA: &str = r#"# Fictional: invented people, places and outlets.
title = "Ferry (story 12) resumes"
published = 2025-06-03
tags = ["sea"]
body = """
The harbour-master's report, dated 2025-06-03, says: "ferries resume."
林晓雯宣布夜市开放。
"""

[actors.ann]
name = "Ann O'Rourke"
kind = "person"
"#;

const WORDS_DELTA: &str = r#"# Fictional: invented people, places and outlets.
title = "Tram news"
published = 2025-06-04
tags = ["city"]
body = """
The tram resumes on Monday; the harbourmaster waves.
"""
"#;

#[test]
fn longer_words_are_found_inside_tokens_and_follow_edits() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir_all(&articles).unwrap();
    fs::write(articles.join("gamma.toml"), WORDS_GAMMA).unwrap();
    fs::write(articles.join("delta.toml"), WORDS_DELTA).unwrap();
    let cache = dir.path().join("cache");
    let (index, _) = Index::open_in(&cache, &articles).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let hit = |id: &str, field| (id.to_string(), field);
    let matching = matching_sorted;
    let some = |id: &str, field| (id.to_string(), Some(field));
    use Field::{Body, Title};
    let searches: &[(&str, &[(&str, Field)])] = &[
        // Inside a token with punctuation around, and across punctuation within it.
        ("arbour-mast", &[("gamma", Body)]),
        ("harbour", &[("delta", Body), ("gamma", Body)]),
        ("(story", &[("gamma", Title)]),
        ("06-03,", &[("gamma", Body)]),
        ("o'rour", &[("gamma", Field::Actor)]),
        ("resume.\"", &[("gamma", Body)]),
        ("harbourmasters", &[]),
        // CJK: a run without spaces is one token; any part of it is found.
        ("宣布夜市", &[("gamma", Body)]),
        ("晓雯宣", &[("gamma", Body)]),
        ("夜市关闭", &[]),
        // Phrases span tokens; their words apart do not make them.
        ("tram resumes", &[("delta", Body)]),
        ("ferry resumes", &[]),
        ("12) resumes", &[("gamma", Title)]),
        ("resumes on m", &[("delta", Body)]),
        ("the tram waves", &[]),
    ];
    assert_searches(&index, searches);
    // The filter language: words with filters, and negated.
    let filters: &[(&str, &[(&str, Field)])] = &[
        ("resum", &[("delta", Body), ("gamma", Title)]),
        ("resum tag:sea", &[("gamma", Title)]),
        ("resum -harbourm", &[("gamma", Title)]),
        ("resum -harbour", &[]),
        ("resum -arbour-", &[("delta", Body)]),
    ];
    assert_filters(&index, filters);
    // An edit takes a token out: no longer found; the new one is.
    fs::write(
        articles.join("gamma.toml"),
        WORDS_GAMMA.replace("harbour-master's", "pier-warden's"),
    )
    .unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(search_sorted(&index, "arbour-mast"), vec![]);
    assert_eq!(
        search_sorted(&index, "harbour"),
        vec![hit("delta", Field::Body)]
    );
    assert_eq!(
        search_sorted(&index, "warden"),
        vec![hit("gamma", Field::Body)]
    );
    assert_eq!(
        matching(&index, "resum -arbour-"),
        vec![some("delta", Field::Body), some("gamma", Field::Title)]
    );
    // The same filters again after another handle wrote the index: its answer, not the last.
    assert_eq!(
        matching(&index, "tag:city"),
        vec![("delta".to_string(), None)]
    );
    fs::write(
        articles.join("delta.toml"),
        WORDS_DELTA.replace("\"city\"", "\"town\""),
    )
    .unwrap();
    let (other, _) = Index::open_in(&cache, &articles).unwrap();
    other.verify(&mut |_| {}).unwrap();
    assert_eq!(matching(&index, "tag:city"), vec![]);
    assert_eq!(
        matching(&index, "tag:town tram"),
        vec![some("delta", Field::Title)]
    );
    // And after this handle wrote it.
    fs::remove_file(articles.join("delta.toml")).unwrap();
    index.verify(&mut |_| {}).unwrap();
    assert_eq!(matching(&index, "tag:town"), vec![]);
    assert_eq!(
        search_sorted(&index, "resumes"),
        vec![hit("gamma", Field::Title)]
    );
}

#[test]
fn an_actors_stances_show_each_claim_as_last_saved() {
    let (dir, index) = four_dated_articles();
    let articles = dir.path().join("articles");
    // `c-new` now words `bridge` otherwise, and Ben Moss denies it: contested.
    let edited = two_stances(Some("2025-06-01"))
        .replace("The bridge opens soon.", "The bridge opens in May.")
        .replacen(
            "[[claims]]",
            "[actors.ben]\nname = \"Ben Moss\"\nkind = \"person\"\n\n[[claims]]",
            1,
        )
        .replace(
            "asserted_by = [{ actor = \"ann\", cue = \"said\" }]",
            "asserted_by = [{ actor = \"ann\", cue = \"said\" }]\ndenied_by = [{ actor = \"ben\" }]",
        );
    fs::write(articles.join("c-new.toml"), edited).unwrap();
    let changes = index.verify(&mut |_| {}).unwrap();
    assert_eq!(changes.replaced, ids(&["c-new"]));
    let got: Vec<(String, String, String, Status)> = index
        .stances_of(&ActorId::new("ann"))
        .unwrap()
        .into_iter()
        .take(3)
        .map(|s| {
            let c = s.claim;
            (
                c.article.id.to_string(),
                c.claim.to_string(),
                c.statement,
                c.status,
            )
        })
        .collect();
    let want = [
        (
            "c-new",
            "bridge",
            "The bridge opens in May.",
            Status::Contested,
        ),
        ("c-new", "tunnel", "The tunnel closes.", Status::Denied),
        (
            "a-old",
            "bridge",
            "The bridge opens soon.",
            Status::Asserted,
        ),
    ];
    let want: Vec<(String, String, String, Status)> = want
        .into_iter()
        .map(|(a, c, s, st)| (a.to_string(), c.to_string(), s.to_string(), st))
        .collect();
    assert_eq!(got, want);
    let ben = index.stances_of(&ActorId::new("ben")).unwrap();
    assert_eq!(ben.len(), 1);
    assert_eq!(ben[0].kind, StanceKind::Denies);
    assert_eq!(ben[0].claim.statement, "The bridge opens in May.");
}
