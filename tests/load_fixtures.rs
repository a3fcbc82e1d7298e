//! Holds the loader to FORMAT.md through the fixture folders: every valid file
//! loads clean, every invalid one fails first where its `# expect:` line says,
//! every warn file loads with its warning; and folders load the way the contract says.
//!
//! An expectation is `# expect: LINE:COLUMN[|LINE:COLUMN…]: error|warning: TEXT`
//! (alternatives only where FORMAT.md allows more than one place), optionally
//! followed by `# expect-also: TEXT` and `# expect-not: TEXT` lines; it sits at
//! the top of the file, or in a sibling `NAME.expected` when the file cannot
//! hold a comment. TEXT is matched case-insensitively as a substring.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use unicode_segmentation::UnicodeSegmentation;
use whosaid::anchor;
use whosaid::load::{self, Loaded, SourceFile, UsageError};
use whosaid::{ArticleId, Corpus, Diagnostic, Severity};

fn fixture_dir(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
}

/// The `.toml` files of one fixture folder, sorted by name.
fn fixtures(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(fixture_dir(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {folder}");
    files
}

fn source(path: &Path) -> SourceFile {
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    SourceFile {
        path: path.to_path_buf(),
        id: ArticleId::new(stem),
    }
}

fn load(path: &Path) -> Loaded {
    load::load_file(&source(path))
}

#[derive(Debug)]
struct Expect {
    places: Vec<(usize, usize)>,
    severity: Severity,
    text: String,
    also: Vec<String>,
    not: Vec<String>,
}

impl Expect {
    fn of(path: &Path) -> Expect {
        let sidecar = path.with_extension("expected");
        let header = if sidecar.exists() {
            fs::read_to_string(&sidecar).unwrap()
        } else {
            let bytes = fs::read(path).unwrap();
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            String::from_utf8_lossy(bytes).into_owned()
        };
        let mut lines = header.lines().map(|l| l.trim_end_matches('\r'));
        let first = lines.next().unwrap_or_default();
        let rest = first
            .strip_prefix("# expect: ")
            .unwrap_or_else(|| panic!("{}: no `# expect:` line", path.display()));
        let mut parts = rest.splitn(3, ": ");
        let places = parts
            .next()
            .unwrap()
            .split('|')
            .map(|p| {
                let (l, c) = p.split_once(':').unwrap();
                (l.parse().unwrap(), c.parse().unwrap())
            })
            .collect();
        let severity = match parts.next().unwrap() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            other => panic!("{}: bad severity {other}", path.display()),
        };
        let text = parts.next().unwrap().to_string();
        let mut also = Vec::new();
        let mut not = Vec::new();
        for line in lines {
            if let Some(t) = line.strip_prefix("# expect-also: ") {
                also.push(t.to_string());
            } else if let Some(t) = line.strip_prefix("# expect-not: ") {
                not.push(t.to_string());
            } else {
                break;
            }
        }
        Expect {
            places,
            severity,
            text,
            also,
            not,
        }
    }

    fn wanted(&self) -> String {
        let places: Vec<String> = self
            .places
            .iter()
            .map(|(l, c)| format!("{l}:{c}"))
            .collect();
        format!(
            "{}: {}: …{}…",
            places.join("|"),
            self.severity.as_str(),
            self.text
        )
    }

    /// Why `d` is not the expected diagnostic, if it is not.
    fn mismatch(&self, d: &Diagnostic) -> Option<String> {
        let message = d.message.to_lowercase();
        let has = |t: &String| message.contains(&t.to_lowercase());
        let problem = if d.severity != self.severity {
            "wrong severity"
        } else if !self.places.contains(&(d.line, d.column)) {
            "wrong place"
        } else if !has(&self.text) || !self.also.iter().all(has) {
            "message lacks the expected text"
        } else if self.not.iter().any(has) {
            "message has text it should not"
        } else {
            return None;
        };
        Some(problem.to_string())
    }
}

fn show(d: &Diagnostic) -> String {
    format!(
        "{}:{}: {}: {}",
        d.line,
        d.column,
        d.severity.as_str(),
        d.message
    )
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Fails with every problem at once, so one run shows the whole picture.
fn assert_no_failures(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} {what} fixture(s) disagree with FORMAT.md:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn is_grapheme_boundary(body: &str, at: usize) -> bool {
    at == body.len() || body.grapheme_indices(true).any(|(i, _)| i == at)
}

/// A stored quote is the collapsed form, and its anchor is a grapheme-aligned
/// range of the body that collapses to the same text.
fn check_anchor(
    body: &str,
    quote: &Option<String>,
    at: &Option<std::ops::Range<usize>>,
) -> Option<String> {
    let quote = quote.as_ref()?;
    let Some(range) = at else {
        return Some(format!("quote {quote:?} has no anchor"));
    };
    if *quote != anchor::collapse(quote) {
        return Some(format!("quote {quote:?} is not stored collapsed"));
    }
    let Some(found) = body.get(range.clone()) else {
        return Some(format!(
            "anchor {range:?} of {quote:?} is not inside the body"
        ));
    };
    if anchor::collapse(found) != *quote {
        return Some(format!("anchor of {quote:?} covers {found:?}"));
    }
    if !is_grapheme_boundary(body, range.start) || !is_grapheme_boundary(body, range.end) {
        return Some(format!("anchor {range:?} of {quote:?} splits a grapheme"));
    }
    None
}

#[test]
fn every_valid_fixture_loads_with_no_diagnostic_and_anchored_quotes() {
    let mut failures = Vec::new();
    for path in fixtures("valid") {
        let loaded = load(&path);
        for d in &loaded.diagnostics {
            failures.push(format!("{}: unexpected {}", name(&path), show(d)));
        }
        let Some(article) = loaded.article else {
            failures.push(format!("{}: rejected", name(&path)));
            continue;
        };
        for claim in &article.claims {
            let mut problems = vec![check_anchor(&article.body, &claim.quote, &claim.anchor)];
            for (_, stance) in claim.stances() {
                problems.push(check_anchor(&article.body, &stance.quote, &stance.anchor));
            }
            for p in problems.into_iter().flatten() {
                failures.push(format!("{}: claim {}: {p}", name(&path), claim.id));
            }
        }
    }
    assert_no_failures("valid", &failures);
}

#[test]
fn every_invalid_fixture_is_rejected_first_where_expected() {
    let mut failures = Vec::new();
    for path in fixtures("invalid") {
        let expect = Expect::of(&path);
        let loaded = load(&path);
        let file = name(&path);
        if loaded.article.is_some() {
            failures.push(format!("{file}: loaded, but should be rejected"));
        }
        let first = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .min_by_key(|d| (d.line, d.column));
        let Some(first) = first else {
            failures.push(format!("{file}: no error; wanted {}", expect.wanted()));
            continue;
        };
        if let Some(problem) = expect.mismatch(first) {
            failures.push(format!(
                "{file}: {problem}: got {}; wanted {}",
                show(first),
                expect.wanted()
            ));
        }
        if let Some(problem) = source_line_problem(&path, first) {
            failures.push(format!("{file}: {problem}"));
        }
    }
    assert_no_failures("invalid", &failures);
}

/// A diagnostic quotes the line it points at, without its line ending.
fn source_line_problem(path: &Path, d: &Diagnostic) -> Option<String> {
    let bytes = fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    let line = text
        .split('\n')
        .nth(d.line.saturating_sub(1))
        .unwrap_or_default()
        .trim_end_matches('\r');
    (d.source_line != line).then(|| {
        format!(
            "source line {:?} is not line {} of the file ({line:?})",
            d.source_line, d.line
        )
    })
}

#[test]
fn every_warn_fixture_loads_with_its_one_warning_and_no_error() {
    let mut failures = Vec::new();
    for path in fixtures("warn") {
        let expect = Expect::of(&path);
        let loaded = load(&path);
        let file = name(&path);
        for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
            failures.push(format!("{file}: unexpected {}", show(d)));
        }
        if loaded.article.is_none() {
            failures.push(format!("{file}: rejected"));
        }
        let matching = loaded
            .diagnostics
            .iter()
            .filter(|d| expect.mismatch(d).is_none())
            .count();
        // Its one warning and nothing else: a stray extra warning is a bug too.
        if matching != 1 || loaded.diagnostics.len() != 1 {
            let got: Vec<String> = loaded.diagnostics.iter().map(show).collect();
            failures.push(format!(
                "{file}: {matching} diagnostics match, wanted exactly one {}; got [{}]",
                expect.wanted(),
                got.join("; ")
            ));
        }
    }
    assert_no_failures("warn", &failures);
}

fn load_valid(stem: &str) -> whosaid::Article {
    let path = fixture_dir("valid").join(format!("{stem}.toml"));
    let loaded = load(&path);
    loaded
        .article
        .unwrap_or_else(|| panic!("{stem}: {:?}", loaded.diagnostics))
}

#[test]
fn published_keeps_the_toml_value_in_rfc3339_form() {
    let published = |stem| load_valid(stem).published.map(|p| p.as_str().to_string());
    assert_eq!(published("published-date").as_deref(), Some("2024-11-11"));
    assert_eq!(
        published("published-local-datetime").as_deref(),
        Some("2024-11-11T09:30:00")
    );
    assert_eq!(
        published("published-offset-z").as_deref(),
        Some("2024-11-11T09:30:00Z")
    );
    let fraction = published("published-offset-fraction").unwrap();
    assert!(
        fraction.starts_with("2024-11-11T09:30:00.25") && fraction.ends_with("+02:00"),
        "{fraction}"
    );
}

#[test]
fn other_spellings_of_tables_keep_all_their_data() {
    let dotted = load_valid("dotted-keys");
    let names: Vec<&str> = dotted.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["The Wexbridge Gazette", "Mill owner"]);
    assert_eq!(dotted.actors[1].role.as_deref(), Some("Owner of the mill"));
    assert_eq!(dotted.claims[0].asserted_by[0].via[0].as_str(), "owner");

    let inline = load_valid("inline-tables");
    assert_eq!(inline.actors.len(), 2);
    let statuses: Vec<&str> = inline.claims.iter().map(|c| c.status().as_str()).collect();
    assert_eq!(statuses, ["asserted", "asserted"]);
    assert_eq!(
        inline.claims[1].asserted_by[0].cue.as_deref(),
        Some("called the rise")
    );

    let stances = load_valid("inline-stances");
    let claim = &stances.claims[0];
    assert_eq!(claim.status().as_str(), "contested");
    assert_eq!(claim.denied_by.len(), 2);
    assert_eq!(claim.denied_by[1].quote.as_deref(), Some("baseless"));

    let quoted = load_valid("quoted-keys");
    assert_eq!(quoted.claims[0].asserted_by[0].actor.as_str(), "mayor");

    let shuffled = load_valid("tables-any-order");
    assert_eq!(shuffled.byline, ["Ann Example", "Bo Example"]);
    assert_eq!(shuffled.claims[0].status().as_str(), "contested");
}

#[test]
fn optional_values_are_kept_as_written() {
    let article = load_valid("empty-optional-strings");
    assert_eq!(article.outlet.as_deref(), Some(""));
    assert_eq!(article.actors[0].role.as_deref(), Some(""));
    assert_eq!(article.actors[1].role.as_deref(), Some("  "));
    assert_eq!(article.claims[0].asserted_by[0].cue.as_deref(), Some(""));

    let minimal = load_valid("minimal");
    assert!(minimal.actors.is_empty() && minimal.claims.is_empty());
    assert_eq!(minimal.published, None);

    let empty = load_valid("empty-stance-arrays");
    let statuses: Vec<&str> = empty.claims.iter().map(|c| c.status().as_str()).collect();
    assert_eq!(statuses, ["denied", "asserted"]);
}

#[test]
fn strings_are_decoded_as_toml_says() {
    let escapes = load_valid("escapes");
    assert!(escapes.body.starts_with("The café owner, Renée Dufrêne"));
    assert!(escapes.body.contains("\"We\tare delighted.\"\nThe jury"));
    assert_eq!(escapes.title, "Café owner wins award 🏆");

    let literal = load_valid("literal-strings");
    assert_eq!(literal.title, "Court rules on C:\\Archive case");
    assert!(literal.body.contains("\\n is not a newline"));

    let joined = load_valid("line-continuation");
    assert_eq!(
        joined.body,
        "The planning board of Carrow approved the stadium plan, its spokesperson said on Friday.\n"
    );

    let bom = load_valid("bom");
    assert_eq!(bom.title, "Harbour reopens after storm");

    let padded = load_valid("quote-padded");
    assert_eq!(
        padded.claims[0].quote.as_deref(),
        Some("The Tarn library will open on Sundays")
    );
    assert_eq!(
        padded.claims[0].asserted_by[0].quote.as_deref(),
        Some("its director said")
    );
}

#[test]
fn ids_chains_and_affiliations_come_through() {
    let long = load_valid("ids-64-bytes");
    assert_eq!(long.actors[0].id.as_str().len(), 64);
    assert_eq!(long.claims[0].id.as_str().len(), 64);

    let chain = load_valid("via-two-step");
    let via: Vec<&str> = chain.claims[0].asserted_by[0]
        .via
        .iter()
        .map(|a| a.as_str())
        .collect();
    assert_eq!(via, ["mera", "mera-officials"]);

    let affiliated = load_valid("affiliation");
    let varga = &affiliated.actors[0];
    assert_eq!(
        varga.affiliation.as_ref().map(|a| a.as_str()),
        Some("ministry")
    );
    assert_eq!(affiliated.actors[1].wikidata.as_deref(), Some("Q123"));

    let kinds = load_valid("all-kinds");
    let kinds: Vec<&str> = kinds.actors.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "person",
            "organization",
            "government",
            "outlet",
            "anonymous",
            "document"
        ]
    );
}

#[test]
fn about_suggested_and_feed_item_id_come_through() {
    let article = load_valid("about-and-suggested");
    assert_eq!(
        article.feed_item_id.as_deref(),
        Some("https://courier.example/feed/4411")
    );
    let about =
        |i: usize| -> Vec<&str> { article.claims[i].about.iter().map(|a| a.as_str()).collect() };
    assert_eq!(about(0), ["harbour-board", "ferry-line"]);
    assert_eq!(about(1), ["elsby-courier"]);
    let suggested: Vec<bool> = article.claims.iter().map(|c| c.suggested).collect();
    assert_eq!(suggested, [false, true]);
    let actors: Vec<(&str, bool)> = article
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.suggested))
        .collect();
    assert_eq!(
        actors,
        [
            ("elsby-courier", false),
            ("barrow", false),
            ("harbour-board", false),
            ("ferry-line", false),
            ("mayor-guess", true)
        ]
    );
}

#[test]
fn a_repeated_about_actor_is_kept_once_at_its_first_place() {
    let path = fixture_dir("warn").join("about-repeated.toml");
    let article = load(&path).article.unwrap();
    let about: Vec<&str> = article.claims[0].about.iter().map(|a| a.as_str()).collect();
    assert_eq!(about, ["mayor"]);
}

// ---- folders -------------------------------------------------------------------

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const ARTICLE: &str = "title = \"T\"\nbody = \"B\"\n";

fn ids(sources: &[SourceFile]) -> Vec<&str> {
    sources.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn one_bad_file_never_stops_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut valid = 0;
    let mut invalid = 0;
    for folder in ["valid", "warn", "invalid"] {
        fs::create_dir_all(dir.path().join(folder)).unwrap();
        for path in fixtures(folder) {
            fs::copy(
                &path,
                dir.path().join(folder).join(path.file_name().unwrap()),
            )
            .unwrap();
            if folder == "invalid" {
                invalid += 1;
            } else {
                valid += 1;
            }
        }
    }
    let corpus = Corpus::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(corpus.files().len(), valid + invalid);
    assert_eq!(corpus.articles().len(), valid);
    assert_eq!(corpus.rejected().count(), invalid);
    assert!(
        corpus
            .rejected()
            .all(|f| f.id.as_str().starts_with("invalid/"))
    );
    assert!(corpus.rejected().all(|f| f.has_errors()));
}

#[test]
fn hidden_entries_and_other_extensions_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in [
        "a.toml",
        ".hidden.toml",
        ".git/b.toml",
        ".drafts/c.toml",
        "notes.txt",
        "d.toml.bak",
        "README.md",
        "sub/e.toml",
        "sub/.f.toml",
        "sub/.deeper/g.toml",
    ] {
        write(root, file, ARTICLE);
    }
    let sources = load::discover(&[root.to_path_buf()]).unwrap();
    assert_eq!(ids(&sources), ["a", "sub/e"]);
    assert_eq!(sources[1].path, root.join("sub/e.toml"));
}

#[test]
fn ids_come_from_relative_paths_in_byte_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in [
        "a0.toml",
        "a/b.toml",
        "a-b.toml",
        "B.toml",
        "a/b/c.toml",
        "Über Café.toml",
        "v1.2.toml",
    ] {
        write(root, file, ARTICLE);
    }
    let first = load::discover(&[root.to_path_buf()]).unwrap();
    // Byte order: "B" < "a-b" ('-' is 0x2D) < "a/b" ('/' is 0x2F) < "a/b/c" < "a0".
    assert_eq!(
        ids(&first),
        ["B", "a-b", "a/b", "a/b/c", "a0", "v1.2", "Über Café"]
    );
    assert_eq!(first[2].path, root.join("a/b.toml"));
    let again = load::discover(&[root.to_path_buf()]).unwrap();
    assert_eq!(first, again);
}

#[test]
fn a_file_named_on_its_own_is_known_by_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "world/kremlin-call.toml", ARTICLE);
    let file = dir.path().join("world/kremlin-call.toml");
    let sources = load::discover(std::slice::from_ref(&file)).unwrap();
    assert_eq!(ids(&sources), ["kremlin-call"]);
    assert_eq!(sources[0].path, file);
}

#[test]
fn two_files_with_one_id_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one/x.toml", ARTICLE);
    write(dir.path(), "two/x.toml", ARTICLE);
    let roots = [dir.path().join("one"), dir.path().join("two")];
    let err = load::discover(&roots).unwrap_err();
    assert!(
        matches!(&err, UsageError::DuplicateId { id, .. } if id.as_str() == "x"),
        "{err:?}"
    );
    let mixed = [dir.path().join("one/x.toml"), dir.path().join("two")];
    assert!(matches!(
        load::discover(&mixed),
        Err(UsageError::DuplicateId { .. })
    ));
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    assert_eq!(
        load::discover(std::slice::from_ref(&missing)),
        Err(UsageError::NotFound(missing))
    );
}

fn declaring(name: &str, kind: &str) -> String {
    format!(
        "title = \"T\"\nbody = \"The Post said so.\"\n\n[actors.wapo]\nname = \"{name}\"\nkind = \"{kind}\"\n\n\
         [[claims]]\nid = \"so\"\nstatement = \"So.\"\n\n[[claims.asserted_by]]\nactor = \"wapo\"\n"
    )
}

/// The warnings about `wapo` in one file; each must sit on `[actors.wapo]`
/// (line 4), at the header or at the id in it.
fn redeclared_warnings(corpus: &Corpus, id: &str) -> usize {
    let file = corpus.files().iter().find(|f| f.id.as_str() == id).unwrap();
    let warnings: Vec<&Diagnostic> = file
        .diagnostics
        .iter()
        .filter(|d| !d.is_error() && d.message.contains("wapo"))
        .collect();
    for d in &warnings {
        assert!(
            d.line == 4 && [1, 9].contains(&d.column),
            "{id}: {}",
            show(d)
        );
    }
    warnings.len()
}

#[test]
fn a_redeclared_actor_warns_every_later_differing_file_but_not_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Rejected files do not count: `0-broken` differs but does not load.
    write(
        root,
        "0-broken.toml",
        &declaring("The Other Post", "outlet").replace("statement", "statment"),
    );
    write(root, "a.toml", &declaring("The Post", "outlet"));
    write(root, "b.toml", &declaring("The Washington Post", "outlet"));
    write(root, "c.toml", &declaring("The Post", "organization"));
    write(root, "d.toml", &declaring("The Post", "outlet"));
    let corpus = Corpus::load(&[root.to_path_buf()]).unwrap();
    assert_eq!(corpus.articles().len(), 4);
    let counts: Vec<usize> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| redeclared_warnings(&corpus, id))
        .collect();
    assert_eq!(counts, [0, 1, 1, 0]);

    // The same result whatever order the files arrive in.
    let mut loaded: Vec<Loaded> = load::discover(&[root.to_path_buf()])
        .unwrap()
        .iter()
        .map(load::load_file)
        .collect();
    loaded.reverse();
    let reversed = Corpus::from_loaded(loaded);
    let ids: Vec<&str> = reversed.files().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["0-broken", "a", "b", "c", "d"]);
    let counts: Vec<usize> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| redeclared_warnings(&reversed, id))
        .collect();
    assert_eq!(counts, [0, 1, 1, 0]);
}

#[test]
fn one_actor_id_gathers_its_stances_from_every_article() {
    // Across articles, an actor's stances are the persistent index's to answer.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    write(&articles, "x.toml", &declaring("The Post", "outlet"));
    write(&articles, "y.toml", &declaring("The Post", "outlet"));
    let (index, _) = whosaid::index::Index::open_in(&dir.path().join("cache"), &articles).unwrap();
    index.verify(&mut |_| {}).unwrap();
    let stances = index.stances_of(&whosaid::ActorId::new("wapo")).unwrap();
    let mut ids: Vec<&str> = stances
        .iter()
        .map(|s| s.claim.article.id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn loading_in_parallel_gives_the_same_results_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let all: Vec<PathBuf> = ["valid", "invalid", "warn"]
        .iter()
        .flat_map(|f| fixtures(f))
        .collect();
    // Enough files that `load_all` spreads them over threads.
    for round in 0..3 {
        for path in &all {
            let target = dir
                .path()
                .join(format!("r{round}"))
                .join(path.file_name().unwrap());
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::copy(path, target).unwrap();
        }
    }
    let sources = load::discover(&[dir.path().to_path_buf()]).unwrap();
    assert!(sources.len() >= 200);
    let seen = std::sync::atomic::AtomicUsize::new(0);
    let parallel = load::load_all(&sources, &|_| {
        seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    });
    assert_eq!(seen.into_inner(), sources.len());
    let serial: Vec<Loaded> = sources.iter().map(load::load_file).collect();
    assert_eq!(parallel.len(), serial.len());
    for (p, s) in parallel.iter().zip(&serial) {
        assert_eq!(p.source, s.source);
        assert_eq!(p.article, s.article);
        assert_eq!(p.diagnostics, s.diagnostics);
    }
}

#[test]
fn the_valid_folder_as_one_corpus_has_no_diagnostic() {
    let corpus = Corpus::load(&[fixture_dir("valid")]).unwrap();
    let found: Vec<String> = corpus.diagnostics().map(|d| d.headline()).collect();
    assert!(found.is_empty(), "{found:#?}");
    assert_eq!(corpus.articles().len(), fixtures("valid").len());
}

#[test]
fn an_oversized_file_is_rejected_quickly_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.toml");
    let line = "x = \"garbage garbage garbage garbage garbage garbage garbage\"\n";
    let lines = load::MAX_FILE_BYTES as usize / line.len() + 2;
    fs::write(&path, line.repeat(lines)).unwrap();
    let started = std::time::Instant::now();
    let loaded = load(&path);
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(loaded.article.is_none());
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    assert!(loaded.diagnostics[0].is_error());
}
