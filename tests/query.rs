//! The query language of issue 12 over a fixture corpus of fictional articles
//! (`tests/fixtures/query`): which articles each query keeps, written by hand;
//! errors and their places; completion; `export --query`; the actor tools.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use whosaid::query::{NoneRead, Query, QueryErrorKind, ReadState, Vocabulary, complete};
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
    let mut failures = Vec::new();
    for (query, expected) in cases {
        let kept = kept_with(&corpus, query, &NoneRead);
        if kept != *expected {
            failures.push(format!("{query:?}: kept {kept:?}, expected {expected:?}"));
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
