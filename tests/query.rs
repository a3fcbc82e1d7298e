//! The query language of issue 12 over a fixture corpus of fictional articles
//! (`tests/fixtures/query`): which articles each query keeps, written by hand;
//! errors and their places; completion; `export --query`; the actor tools.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use whosaid::query::{
    NoneRead, Query, QueryErrorKind, ReadState, Vocabulary, complete, search_text,
};
use whosaid::{ArticleId, Corpus};

const FIXTURES: &str = "tests/fixtures/query";
const M: &str = "misc/river-festival";
const K: &str = "ostberg/mine-report";
const U: &str = "ostberg/undated-note";
const B: &str = "valmora/bridge-closure";
const H: &str = "valmora/harbour-deal";

fn corpus() -> Corpus {
    let corpus = Corpus::load(&[PathBuf::from(FIXTURES)]).unwrap();
    assert_eq!(corpus.articles().len(), 5, "every fixture loads");
    corpus
}

fn kept_with(corpus: &Corpus, query: &str, read: &dyn ReadState) -> Vec<String> {
    let query = Query::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    corpus
        .articles()
        .iter()
        .filter(|a| query.matches(a, read))
        .map(|a| a.id.to_string())
        .collect()
}

#[test]
fn each_query_keeps_the_articles_written_beside_it() {
    let corpus = corpus();
    let cases: &[(&str, &[&str])] = &[
        ("", &[M, K, U, B, H]),
        // A stance's actor, or a relayed source in its `via`; `about` alone is not a stance.
        ("actor:korv", &[K, U]),
        ("actor:lin", &[K, H]),
        ("actor:LIN", &[K, H]),
        ("actor:post", &[H]),
        ("actor:korv,marlo", &[M, K, U]),
        ("about:korv", &[B]),
        ("about:lin", &[K]),
        ("is:contested", &[K, H]),
        ("is:unattributed", &[B]),
        ("is:denied", &[B]),
        ("is:asserted", &[M, K, U, H]),
        ("is:suggested", &[K]),
        ("is:denied,suggested", &[K, B]),
        // Peskov-style: the actor takes a stance and some claim is contested.
        ("actor:council is:contested", &[H]),
        ("actor:lin is:contested", &[K, H]),
        ("tag:trade", &[K, H]),
        ("tag:culture,transport", &[M, U, B]),
        ("-tag:culture", &[K, B, H]),
        ("outlet:\"Valmora Post\"", &[B, H]),
        ("outlet:\"valmora post\"", &[B, H]),
        ("outlet:valmora", &[]),
        ("-outlet:\"Valmora Post\"", &[M, K, U]),
        ("lang:en", &[B, H]),
        ("language:EN-gb", &[B]),
        ("lang:e", &[]),
        ("lang:de,fr", &[M, K]),
        // Inclusive days; a date-time counts by its date as written.
        ("after:2024-11-01", &[M, K, H]),
        ("before:2024-11-01", &[K, B]),
        ("after:2024-11-02 before:2024-11-30", &[H]),
        // Undated articles are left out of date terms, negated too.
        ("-after:2024-11-01", &[B]),
        // Text: title, body, statements, quotes, actor names; case and accents folded.
        ("lin", &[K, U, H]),
        ("LÍN", &[K, U, H]),
        ("café", &[U]),
        ("CAFE", &[U]),
        ("zoe", &[M]),
        ("\"a fantasy\"", &[H]),
        ("\"Anton Korv\"", &[K, U, B]),
        ("twelve thousand", &[M]),
        ("-forty", &[M, K, U, B]),
        ("10:30", &[]),
        (
            "actor:lin tag:trade is:contested after:2024-11-01 council",
            &[H],
        ),
    ];
    let texts: Vec<String> = corpus.articles().iter().map(search_text).collect();
    let mut failures = Vec::new();
    for (query, expected) in cases {
        let kept = kept_with(&corpus, query, &NoneRead);
        if kept != *expected {
            failures.push(format!("{query:?}: kept {kept:?}, expected {expected:?}"));
        }
        // The reader's way, with each article's text folded beforehand.
        let parsed = Query::parse(query).unwrap();
        let prepared: Vec<&str> = corpus
            .articles()
            .iter()
            .zip(&texts)
            .filter(|(a, t)| parsed.matches_prepared(a, &NoneRead, t))
            .map(|(a, _)| a.id.as_str())
            .collect();
        if prepared != *expected {
            failures.push(format!(
                "{query:?} prepared: kept {prepared:?}, expected {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn unread_follows_the_read_state_the_caller_gives() {
    let corpus = corpus();
    let read: HashSet<ArticleId> = [ArticleId::new(H), ArticleId::new(M)].into();
    assert_eq!(kept_with(&corpus, "is:unread", &read), [K, U, B]);
    assert_eq!(kept_with(&corpus, "-is:unread", &read), [M, H]);
    let only_b = |id: &ArticleId| id.as_str() == B;
    assert_eq!(kept_with(&corpus, "is:unread actor:council", &only_b), [H]);
    assert_eq!(kept_with(&corpus, "is:unread", &NoneRead).len(), 5);
}

#[test]
fn bad_terms_say_what_and_where() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "actr:korv",
            1,
            "unknown key `actr:`; did you mean `actor:`?",
        ),
        ("tag:x afterr:2024-11-01", 7, "did you mean `after:`?"),
        (
            "zzzz:x",
            1,
            "the keys are actor: about: is: tag: outlet: lang: after: before:",
        ),
        // A value's place is its own, after the key.
        (
            "after:2024-02-30",
            7,
            "`2024-02-30` is not a date; expected YYYY-MM-DD",
        ),
        ("before:2024-1-1", 8, "`2024-1-1` is not a date"),
        ("after:2024-11-01,2024-12-01", 7, "is not a date"),
        ("after:2024-02-29", 0, ""),
        (
            "is:contestd",
            4,
            "unknown state `is:contestd`; did you mean `is:contested`?",
        ),
        ("is:open", 4, "expected one of contested, asserted"),
        // Columns count characters, not bytes.
        ("lín actor:", 5, "`actor:` needs a value"),
        ("tag:a,,b", 7, "`tag:` needs a value"),
        ("outlet:\"  \"", 8, "`outlet:` needs a value"),
        ("putin \"pure fiction", 7, "a quote (\") is never closed"),
        (
            "a \" \"",
            3,
            "an empty phrase (\"\") has nothing to look for",
        ),
        (
            "https://example.org",
            1,
            "to search for text with a colon, put it in double quotes",
        ),
        ("\"https://example.org\"", 0, ""),
        ("tag:x - y", 7, "`-` must be followed by a term"),
    ];
    for (query, column, message) in cases {
        match Query::parse(query) {
            Ok(_) if *column == 0 => {}
            Ok(q) => panic!("{query:?} parsed as {q}"),
            Err(e) => {
                let shown = e.to_string();
                assert_eq!(e.column, *column, "{query:?}: {shown}");
                assert!(
                    shown.starts_with(&format!("column {column}: ")) && shown.contains(message),
                    "{query:?}: {shown}"
                );
            }
        }
    }
    let err = Query::parse("actr:x").unwrap_err();
    assert_eq!(
        err.kind,
        QueryErrorKind::UnknownKey {
            key: "actr".into(),
            suggestion: Some("actor")
        }
    );
    assert_eq!(err.span, 0..5);
}

#[test]
fn display_prints_the_normalised_query() {
    let cases = [
        (
            "  language:EN   -tag:\"Valmora Post\",x   IS:Contested  \"pure fiction\" ",
            "lang:en -tag:\"Valmora Post\",x is:contested \"pure fiction\"",
        ),
        ("Actor:Peskov,Kremlin  putin", "actor:peskov,kremlin putin"),
        (
            "after:2024-11-01 before:2024-12-31",
            "after:2024-11-01 before:2024-12-31",
        ),
        (
            "\"a:b\" \"-x\" \"say \\\"no\\\"\"",
            "\"a:b\" \"-x\" \"say \\\"no\\\"\"",
        ),
        ("", ""),
    ];
    for (typed, normal) in cases {
        let query = Query::parse(typed).unwrap();
        assert_eq!(query.to_string(), normal, "{typed:?}");
        // The normal form means the same: it parses to the same filters.
        let again = Query::parse(normal).unwrap();
        let filters = |q: &Query| {
            q.terms()
                .iter()
                .map(|t| (t.negated, t.filter.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(filters(&again), filters(&query), "{typed:?}");
    }
}

#[test]
fn completion_offers_the_corpus_vocabulary() {
    let corpus = corpus();
    let vocabulary = Vocabulary::collect(corpus.articles());
    let offered = |query: &str| {
        let completion = complete(query, query.len(), &vocabulary);
        let texts: Vec<String> = completion
            .candidates
            .iter()
            .map(|c| c.text.clone())
            .collect();
        (texts, completion.replace)
    };
    assert_eq!(offered("actor:k"), (vec!["korv".into()], 6..7));
    // By a word of the name, accents folded: "Zoë Marlo".
    assert_eq!(offered("actor:zo").0, ["marlo"]);
    assert_eq!(offered("tag:x -actor:MI").0, ["lin"]);
    assert_eq!(offered("about:").0, ["council", "korv", "lin"]);
    assert_eq!(
        offered("outlet:val"),
        (vec!["\"Valmora Post\"".into()], 7..10)
    );
    assert_eq!(
        offered("outlet:\"Valmora P"),
        (vec!["\"Valmora Post\"".into()], 7..17)
    );
    assert_eq!(offered("is:un").0, ["unattributed", "unread"]);
    assert_eq!(offered("lang:").0, ["de", "en", "en-GB", "fr"]);
    assert_eq!(offered("tag:culture,fe"), (vec!["festival".into()], 12..14));
    assert_eq!(offered("putin ta").0, ["tag:"]);
    assert_eq!(offered("la").0, ["lang:", "language:"]);
    assert!(offered("putin").0.is_empty());
    let korv = complete("actor:k", 7, &vocabulary);
    assert_eq!(korv.candidates[0].label.as_deref(), Some("Anton Korv"));
    // The cursor in the middle: the word under it, replaced to its end.
    let middle = complete("actor:ko tag:x", 7, &vocabulary);
    assert_eq!(middle.replace, 6..8);
    assert_eq!(middle.candidates[0].text, "korv");
}

fn whosaid(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn exported_ids(json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn export_query_keeps_the_matching_articles() {
    let (code, out, err) = whosaid(&[
        "export",
        "--format",
        "json",
        "--query",
        "actor:lin is:contested",
        FIXTURES,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(exported_ids(&out), [K, H]);
    let (code, out, _) = whosaid(&[
        "export",
        "--format",
        "json",
        "--query",
        "-tag:culture lín",
        "--article",
        K,
        FIXTURES,
    ]);
    assert_eq!(code, 0);
    assert_eq!(exported_ids(&out), [K]);
    let (code, out, _) = whosaid(&["export", "--format", "json", "--query", "zzyzx", FIXTURES]);
    assert_eq!(code, 0);
    assert_eq!(exported_ids(&out), Vec::<String>::new());
}

#[test]
fn export_refuses_a_bad_query_and_unread_with_usage_errors() {
    let (code, out, err) = whosaid(&["export", "--query", "lín actr:korv", FIXTURES]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "whosaid: error: bad --query: column 5: unknown key `actr:`; did you mean `actor:`?\n  \
         lín actr:korv\n      ^\n"
    );
    let (code, _, err) = whosaid(&["export", "--query", "is:unread", FIXTURES]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`is:unread` refers to the reader's read state"),
        "{err}"
    );
}

// ---- actors: census, merge --------------------------------------------------

const ACTORS: &str = "tests/fixtures/actors";

/// A copy of the actor fixtures' corpus to edit, and its folder.
fn actor_corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir(&root).unwrap();
    for name in ["one", "two", "three", "four"] {
        let from = Path::new(ACTORS)
            .join("corpus")
            .join(format!("{name}.toml"));
        std::fs::copy(from, root.join(format!("{name}.toml"))).unwrap();
    }
    (dir, root)
}

#[test]
fn census_counts_what_each_actor_did_and_finds_conflicts_and_duplicates() {
    let corpus = Corpus::load(&[Path::new(ACTORS).join("corpus")]).unwrap();
    let census = whosaid::actors::census(corpus.articles());
    let rows: Vec<(&str, &str, usize, usize, usize, usize, usize)> = census
        .actors
        .iter()
        .map(|a| {
            let id = a.id.as_str();
            (
                id,
                a.name.as_str(),
                a.articles,
                a.asserted,
                a.denied,
                a.relayed,
                a.about,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("aide", "An aide to the mayor", 1, 0, 0, 1, 0),
            ("council", "Brenn Council", 1, 1, 0, 0, 0),
            ("gazette", "Brenn Gazette", 2, 2, 0, 0, 1),
            ("o-vell", "Vell", 3, 2, 1, 1, 1),
            ("vell", "Oskar Vell", 1, 1, 0, 0, 0),
        ]
    );
    assert_eq!(census.conflicts.len(), 1);
    let conflict = &census.conflicts[0];
    assert_eq!(conflict.id.as_str(), "o-vell");
    let declared: Vec<(&str, Vec<&str>)> = conflict
        .declarations
        .iter()
        .map(|d| {
            (
                d.name.as_str(),
                d.articles.iter().map(|a| a.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        declared,
        [("Vell", vec!["one", "two"]), ("Ó. Vell", vec!["three"])]
    );
    let groups: Vec<(&str, Vec<&str>)> = census
        .duplicates
        .iter()
        .map(|g| (g.name.as_str(), g.ids.iter().map(|i| i.as_str()).collect()))
        .collect();
    assert_eq!(groups, [("vell", vec!["o-vell", "vell"])]);
}

#[test]
fn duplicates_fold_case_and_accents_and_match_whole_words_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, actors: &[(&str, &str)]| {
        let mut text = String::from("# Fictional.\ntitle = \"t\"\nbody = \"b\"\n");
        for (id, actor_name) in actors {
            text.push_str(&format!(
                "[actors.{id}]\nname = \"{actor_name}\"\nkind = \"person\"\n"
            ));
        }
        std::fs::write(dir.path().join(format!("{name}.toml")), text).unwrap();
    };
    file(
        "a",
        &[
            ("lin", "Mira Lín"),
            ("mira", "MIRA LIN"),
            ("kovel", "Kovel"),
        ],
    );
    file(
        "b",
        &[("anton-kovel", "Anton Kovel"), ("skovel", "Ada Skovel")],
    );
    let corpus = Corpus::load(&[dir.path().to_path_buf()]).unwrap();
    let census = whosaid::actors::census(corpus.articles());
    let groups: Vec<(&str, Vec<&str>)> = census
        .duplicates
        .iter()
        .map(|g| (g.name.as_str(), g.ids.iter().map(|i| i.as_str()).collect()))
        .collect();
    // "Skovel" ends in "kovel" but not as a word: no match.
    assert_eq!(
        groups,
        [
            ("kovel", vec!["anton-kovel", "kovel"]),
            ("mira lin", vec!["lin", "mira"])
        ]
    );
}

#[test]
fn actors_list_prints_counts_conflicts_and_duplicates() {
    let (code, out, err) = whosaid(&["actors", "tests/fixtures/actors/corpus"]);
    assert_eq!(code, 0, "{err}");
    let expected = "\
ID       NAME                  KIND        ARTICLES  ASSERTED  DENIED  RELAYED  ABOUT
aide     An aide to the mayor  anonymous          1         0       0        1      0
council  Brenn Council         government         1         1       0        0      0
gazette  Brenn Gazette         outlet             2         2       0        0      1
o-vell   Vell                  person             3         2       1        1      1
vell     Oskar Vell            person             1         1       0        0      0

Conflicting declarations (one id, different names or kinds):
  o-vell
    \"Vell\" (person) in tests/fixtures/actors/corpus/one.toml, tests/fixtures/actors/corpus/two.toml
    \"Ó. Vell\" (person) in tests/fixtures/actors/corpus/three.toml

Likely duplicates (same name, or one name ending another):
  vell: o-vell, vell
";
    assert_eq!(out, expected);
    let (code, list, _) = whosaid(&["actors", "list", "tests/fixtures/actors/corpus"]);
    assert_eq!((code, list.as_str()), (0, expected));
}

#[test]
fn merge_rewrites_every_reference_and_keeps_every_other_byte() {
    let (_dir, root) = actor_corpus();
    let (code, out, err) = whosaid(&["actors", "merge", "o-vell", "vell", root.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 3, "{out}");
    for name in ["one", "two", "three", "four"] {
        let got = std::fs::read(root.join(format!("{name}.toml"))).unwrap();
        let want = std::fs::read(
            Path::new(ACTORS)
                .join("merged")
                .join(format!("{name}.toml")),
        )
        .unwrap();
        assert!(
            got == want,
            "{name}.toml:\n{}",
            String::from_utf8_lossy(&got)
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let (code, _, err) = whosaid(&["check", root.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // Nothing is left to merge.
    let (code, _, err) = whosaid(&["actors", "merge", "o-vell", "vell", root.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no file that loads declares the actor `o-vell`"),
        "{err}"
    );
}

#[test]
fn a_merge_that_would_break_a_file_writes_nothing() {
    let (_dir, root) = actor_corpus();
    // vell affiliated with o-vell: merged, vell would be affiliated with itself.
    let text = "# Fictional.\ntitle = \"t\"\nbody = \"b\"\n[actors.vell]\nname = \"Oskar Vell\"\n\
                kind = \"person\"\naffiliation = \"o-vell\"\n[actors.o-vell]\nname = \"Vell\"\nkind = \"person\"\n";
    std::fs::write(root.join("zz.toml"), text).unwrap();
    let before: Vec<Vec<u8>> = ["one", "two", "three", "zz"]
        .iter()
        .map(|n| std::fs::read(root.join(format!("{n}.toml"))).unwrap())
        .collect();
    let (code, _, err) = whosaid(&["actors", "merge", "o-vell", "vell", root.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("zz.toml would not load after the merge; nothing was written"),
        "{err}"
    );
    assert!(err.contains("affiliated with itself"), "{err}");
    let after: Vec<Vec<u8>> = ["one", "two", "three", "zz"]
        .iter()
        .map(|n| std::fs::read(root.join(format!("{n}.toml"))).unwrap())
        .collect();
    assert!(before == after, "files changed");
}

#[test]
fn merge_refuses_bad_ids_and_a_file_changed_since_it_was_planned() {
    let (_dir, root) = actor_corpus();
    let (code, _, err) = whosaid(&["actors", "merge", "o-vell", "Vell", root.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("`Vell` is not an actor id"), "{err}");
    let (code, _, err) = whosaid(&["actors", "merge", "vell", "vell", root.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("merged into itself"), "{err}");

    let sources = whosaid::load::discover(std::slice::from_ref(&root)).unwrap();
    let plan = whosaid::actors::merge::plan(&sources, "o-vell", "vell").unwrap();
    assert_eq!(plan.edits.len(), 3);
    // Someone edits the second planned file (three.toml) meanwhile.
    let three = root.join("three.toml");
    let mut edited = std::fs::read(&three).unwrap();
    edited.extend_from_slice(b"# touched\r\n");
    std::fs::write(&three, &edited).unwrap();
    let err = whosaid::actors::merge::apply(&plan).unwrap_err();
    match err {
        whosaid::actors::merge::MergeError::Write { written, .. } => {
            assert_eq!(written, [root.join("one.toml")]);
        }
        other => panic!("{other}"),
    }
    assert_eq!(std::fs::read(&three).unwrap(), edited);
}

#[test]
fn a_file_declaring_both_keeps_into_and_its_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("both.toml");
    let before = "\u{feff}# Fictional.\ntitle = \"t\"\nbody = \"Vell and Oskar Vell.\"\n\n\
                  [actors.vell]\nname = \"Oskar Vell\"\nkind = \"person\"\n\n\
                  # The short name, declared twice.\n[actors.o-vell]\nname = \"Vell\"\nkind = \"person\"\n\n\
                  [[claims]]\nid = \"c\"\nstatement = \"s\"\nabout = [\"o-vell\"]\n\n\
                  [[claims.denied_by]]\nactor = \"vell\"\nvia = [\"o-vell\"]\n";
    let after = "\u{feff}# Fictional.\ntitle = \"t\"\nbody = \"Vell and Oskar Vell.\"\n\n\
                 [actors.vell]\nname = \"Oskar Vell\"\nkind = \"person\"\n\n\
                 [[claims]]\nid = \"c\"\nstatement = \"s\"\nabout = [\"vell\"]\n\n\
                 [[claims.denied_by]]\nactor = \"vell\"\nvia = [\"vell\"]\n";
    std::fs::write(&path, before).unwrap();
    let sources = whosaid::load::discover(std::slice::from_ref(&path)).unwrap();
    let plan = whosaid::actors::merge::plan(&sources, "o-vell", "vell").unwrap();
    let written = whosaid::actors::merge::apply(&plan).unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0], path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}
