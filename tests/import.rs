//! `whosaid import` as a user runs it: which files appear, what they say when
//! loaded back, what a second run does, and the exit codes. Fixtures are
//! fictional (see `tests/fixtures/import/README.md`); feeds and pages are
//! served from 127.0.0.1 inside the test, never fetched from the internet.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use whosaid::{Article, Corpus, StanceKind};

struct Run {
    code: i32,
    stderr: String,
}

fn import(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("import")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(rel)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every article below `dir`, loaded by the library; panics if any file fails to load.
fn load(dir: &Path) -> Vec<Article> {
    let corpus = Corpus::load(&[dir.to_path_buf()]).unwrap();
    let rejected: Vec<_> = corpus.rejected().map(|f| f.path.clone()).collect();
    assert!(rejected.is_empty(), "files that do not load: {rejected:?}");
    corpus.articles().to_vec()
}

/// File names in `dir`, hidden ones included (a temporary file left behind shows).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// (claim id, statement, quote, [(stance, actor id, cue)]) of every claim.
type ClaimRow = (
    String,
    String,
    Option<String>,
    Vec<(StanceKind, String, Option<String>)>,
);

fn claims(article: &Article) -> Vec<ClaimRow> {
    article
        .claims
        .iter()
        .map(|c| {
            let stances = c
                .stances()
                .map(|(k, s)| (k, s.actor.to_string(), s.cue.clone()))
                .collect();
            (
                c.id.to_string(),
                c.statement.clone(),
                c.quote.clone(),
                stances,
            )
        })
        .collect()
}

fn row(id: &str, statement: &str, quote: &str, stances: &[(StanceKind, &str, &str)]) -> ClaimRow {
    (
        id.into(),
        statement.into(),
        Some(quote.into()),
        stances
            .iter()
            .map(|(k, a, c)| (*k, a.to_string(), Some(c.to_string())))
            .collect(),
    )
}

#[test]
fn brat_annotations_become_the_article_the_contract_describes() {
    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), s(&fixture("brat/harbour.ann"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imported 1, skipped 0 as existing, failed 0")
    );
    assert_eq!(names(out.path()), ["harbour.toml"]);

    let articles = load(out.path());
    let a = &articles[0];
    assert_eq!(a.id.as_str(), "harbour");
    assert_eq!(a.title, "Harbour council denies ferry deal");
    // The byte-order mark is not part of the body; the rest is the whole text.
    assert!(
        a.body
            .starts_with("Harbour council denies ferry deal\n(Fictional")
    );
    assert!(a.body.ends_with("ZOË MARRICK said the fares were fair.\n"));

    use StanceKind::{Asserts, Denies};
    let expected = vec![
        row(
            "e1",
            "the council had signed a secret ferry deal",
            "the council had signed a secret ferry deal",
            &[(Asserts, "the-velmar-tribune", "reported")],
        ),
        row(
            "e2",
            "pure fiction",
            "pure fiction",
            &[(
                Denies,
                "council-spokesperson-zo-marrick",
                "dismissed the report as",
            )],
        ),
        row(
            "e3",
            "the council has signed nothing … nothing at all",
            "the council has signed nothing",
            &[(Denies, "she", "said")],
        ),
        (
            "e4".into(),
            "the ferry will run on Sundays".into(),
            Some("the ferry will run on Sundays".into()),
            vec![],
        ),
        row(
            "e5",
            "the fares were fair",
            "the fares were fair",
            &[(Asserts, "zo-marrick", "said")],
        ),
        // The span stops between `e` and its combining accent; the quote takes the whole `é`.
        row(
            "e10",
            "talks continue with Ame",
            "talks continue with Ame\u{301}",
            &[(Asserts, "zo-marrick-2", "added")],
        ),
    ];
    assert_eq!(claims(a), expected);

    let actors: Vec<(&str, &str, &str)> = a
        .actors
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str(), x.kind.as_str()))
        .collect();
    assert_eq!(
        actors,
        [
            ("the-velmar-tribune", "The Velmar Tribune", "outlet"),
            (
                "council-spokesperson-zo-marrick",
                "Council spokesperson Zoë Marrick",
                "person"
            ),
            ("she", "She", "person"),
            ("zo-marrick", "ZOË MARRICK", "person"),
            ("zo-marrick-2", "Zoë Marrick", "person"),
        ]
    );
}

#[test]
fn a_second_import_skips_the_existing_file_and_leaves_it_alone() {
    let out = tempfile::tempdir().unwrap();
    let source = fixture("brat");
    assert_eq!(import(&["--into", s(out.path()), s(&source)]).code, 0);
    let target = out.path().join("harbour.toml");
    fs::write(&target, "title = \"edited by hand\"\nbody = \"kept\"\n").unwrap();
    let run = import(&["--into", s(out.path()), s(&source)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imported 0, skipped 1 as existing, failed 0")
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "title = \"edited by hand\"\nbody = \"kept\"\n"
    );
    assert_eq!(names(out.path()), ["harbour.toml"]);
}

#[test]
fn polnear_layout_finds_texts_by_name_and_skips_a_second_annotator() {
    let corpus = tempfile::tempdir().unwrap();
    let (texts, anns) = (
        corpus.path().join("text"),
        corpus.path().join("attributions"),
    );
    fs::create_dir_all(&texts).unwrap();
    fs::create_dir_all(&anns).unwrap();
    fs::copy(fixture("brat/harbour.txt"), texts.join("harbour.txt")).unwrap();
    fs::copy(fixture("brat/harbour.ann"), anns.join("harbour_a1b2.ann")).unwrap();
    fs::copy(fixture("brat/harbour.ann"), anns.join("harbour_c3d4.ann")).unwrap();
    // An annotation whose text is missing fails alone; the others are imported.
    fs::copy(fixture("brat/harbour.ann"), anns.join("lost_e5f6.ann")).unwrap();

    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), "--texts", s(&texts), s(&anns)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imported 1, skipped 1 as existing, failed 1"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("lost_e5f6.ann"));
    assert_eq!(names(out.path()), ["harbour.toml"]);
    assert_eq!(load(out.path())[0].claims.len(), 6);
}

#[test]
fn a_source_that_does_not_exist_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), "/no/such/source.ann"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("/no/such/source.ann"));
    assert!(names(out.path()).is_empty());
}

#[test]
fn text_and_markdown_keep_title_and_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("note.txt");
    fs::write(
        &text,
        "Ferry fares rise\n\nThe first paragraph.\n\nThe second\nparagraph.\n",
    )
    .unwrap();
    let md = dir.path().join("story.md");
    fs::write(&md, "# A *calm* sea\n\nWaves, [mostly](https://example.invalid) small.\n\n## Later\n\nThe end.\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), s(&text), s(&md)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles = load(out.path());
    let got: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str(), a.body.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "note",
                "Ferry fares rise",
                "The first paragraph.\n\nThe second\nparagraph."
            ),
            (
                "story",
                "A calm sea",
                "Waves, mostly small.\n\nLater\n\nThe end."
            ),
        ]
    );
}
