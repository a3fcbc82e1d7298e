//! `whosaid import` as a user runs it: which files appear, what they say when
//! loaded back, what a second run does, and the exit codes. Fixtures are
//! fictional (see `tests/fixtures/import/README.md`); feeds and pages are
//! served from 127.0.0.1 inside the test, never fetched from the internet.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use whosaid::{Article, Corpus, StanceKind};

struct Run {
    code: i32,
    stderr: String,
}

fn import(args: &[&str]) -> Run {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    whosaid(&all)
}

fn whosaid(args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    // The fixtures' server is on 127.0.0.1: no proxy may stand in between.
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "all_proxy",
    ] {
        command.env_remove(var);
    }
    let out = command.args(args).output().unwrap();
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

/// What the test server answers, by path: (content type, body). Shared so a
/// test can change a feed between two imports.
type Routes = Arc<Mutex<HashMap<String, (String, String)>>>;

/// A tiny HTTP/1.1 server on 127.0.0.1 for one test; its base URL. Paths not
/// in `routes` get a 404. It lives until the test process ends.
fn serve(routes: Routes) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // Read the headers to their end, so the client is not cut off mid-request.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let found = routes.lock().unwrap().get(&path).cloned();
            let (status, kind, body) = match found {
                Some((kind, body)) => ("200 OK", kind, body),
                None => ("404 Not Found", "text/plain".into(), "no such page".into()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

fn routes(list: &[(&str, &str, String)]) -> Routes {
    Arc::new(Mutex::new(
        list.iter()
            .map(|(path, kind, body)| (path.to_string(), (kind.to_string(), body.clone())))
            .collect(),
    ))
}

fn read_fixture(rel: &str) -> String {
    fs::read_to_string(fixture(rel)).unwrap()
}

/// The fields a reader sees of an article, for comparison with the original.
#[derive(Debug, PartialEq)]
struct Seen {
    title: String,
    published: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    byline: Vec<String>,
    tags: Vec<String>,
    language: Option<String>,
    body: String,
}

fn seen(a: &Article) -> Seen {
    Seen {
        title: a.title.clone(),
        published: a.published.as_ref().map(|p| p.as_str().to_owned()),
        outlet: a.outlet.clone(),
        url: a.url.clone(),
        byline: a.byline.clone(),
        tags: a.tags.clone(),
        language: a.language.clone(),
        body: a.body.clone(),
    }
}

fn by_id<'a>(articles: &'a [Article], id: &str) -> &'a Article {
    articles
        .iter()
        .find(|a| a.id.as_str() == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

const LIGHTHOUSE_BODY: &str = "The old lighthouse on Velmar Point will close for repairs in December, the harbour board said on Wednesday, after storms cracked the lantern room and loosened stones along the seaward wall of the tower.\n\nRepairs are expected to take three months. During that time a temporary light on the breakwater will guide the fishing boats and the ferry into the harbour, and the keepers' cottage will stay open to visitors on weekends.\n\nBoard member Anja Kestrel said the work was long planned and would be paid for from the harbour fund, so that neither fares nor mooring fees would rise to cover it.";

#[test]
fn a_served_feed_reads_as_the_original_and_full_text_fetches_summaries() {
    let routes = routes(&[]);
    let base = serve(routes.clone());
    let rss = read_fixture("feed/quay-post.rss").replace("LINK_BASE", &base);
    routes.lock().unwrap().extend([
        (
            "/rss.xml".to_string(),
            ("application/rss+xml".to_string(), rss),
        ),
        (
            "/lighthouse.html".to_string(),
            (
                "text/html".to_string(),
                read_fixture("page/lighthouse.html"),
            ),
        ),
    ]);
    let out = tempfile::tempdir().unwrap();
    let feed_url = format!("{base}/rss.xml");
    let run = import(&["--into", s(out.path()), "--full-text", &feed_url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imported 3, skipped 0 as existing, failed 0"),
        "{}",
        run.stderr
    );
    // Two items with one title get two files.
    assert_eq!(
        names(out.path()),
        [
            "ferry-fares-rise-in-port-velmar-2.toml",
            "ferry-fares-rise-in-port-velmar.toml",
            "lighthouse-to-close-for-repairs.toml"
        ]
    );
    let articles = load(out.path());
    let first = by_id(&articles, "ferry-fares-rise-in-port-velmar");
    assert_eq!(
        seen(first),
        Seen {
            title: "Ferry fares rise in Port Velmar".into(),
            published: Some("2024-11-11T09:30:00Z".into()),
            outlet: Some("The Quay Post".into()),
            url: Some("http://quay-post.invalid/2024/ferry-fares".into()),
            byline: vec!["Ines Halvard".into()],
            tags: vec!["ferries".into(), "port-velmar".into()],
            language: Some("en".into()),
            body: "Fares on the harbour ferry rise by a tenth from Monday, the operator said.\n\n\
                   Harbour master Oskar Brenn called the rise \u{201c}overdue\u{201d}.\nPassengers were not asked."
                .into(),
        }
    );
    assert_eq!(first.feed_item_id.as_deref(), Some("quay-post-1001"));
    let second = by_id(&articles, "ferry-fares-rise-in-port-velmar-2");
    // 08:00 at +01:00 is 07:00 UTC.
    assert_eq!(
        second.published.as_ref().map(|p| p.as_str()),
        Some("2024-11-12T07:00:00Z")
    );
    assert_eq!(second.body, "An update: the rise starts a week later.");
    // Only a summary in the feed: --full-text took the linked page's article.
    let third = by_id(&articles, "lighthouse-to-close-for-repairs");
    assert_eq!(third.body, LIGHTHOUSE_BODY);
    let link = format!("{base}/lighthouse.html");
    assert_eq!(third.feed_item_id.as_deref(), Some(link.as_str()));
}

#[test]
fn a_feed_imported_again_adds_only_new_items_known_by_guid_not_title() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("quay.rss");
    let rss = read_fixture("feed/quay-post.rss").replace("LINK_BASE", "http://quay-post.invalid");
    fs::write(&feed, &rss).unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), s(&feed)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lighthouse = out.path().join("lighthouse-to-close-for-repairs.toml");
    // Without --full-text the summary is the body.
    assert_eq!(load(out.path()).len(), 3);
    let before = fs::read_to_string(&lighthouse).unwrap();
    assert!(before.contains("The lighthouse closes in December."));

    // The feed renames an old item and adds a new one with an old title.
    let grown = rss
        .replacen(
            "<title>Ferry fares rise in Port Velmar</title>",
            "<title>Ferry fares rise (corrected)</title>",
            1,
        )
        .replace(
            "</channel>",
            "<item><title>Lighthouse to close for repairs</title><guid>quay-post-1004</guid>\
             <description>It reopens in March.</description></item></channel>",
        );
    fs::write(&feed, grown).unwrap();
    let run = import(&["--into", s(out.path()), s(&feed)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imported 1, skipped 3 as existing, failed 0"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&lighthouse).unwrap(), before);
    let articles = load(out.path());
    assert_eq!(articles.len(), 4);
    let new = by_id(&articles, "lighthouse-to-close-for-repairs-2");
    assert_eq!(new.body, "It reopens in March.");
    assert_eq!(new.feed_item_id.as_deref(), Some("quay-post-1004"));
}

#[test]
fn atom_and_json_feeds_read_as_the_originals() {
    let out = tempfile::tempdir().unwrap();
    let run = import(&[
        "--into",
        s(out.path()),
        s(&fixture("feed/quay-post-atom.xml")),
        s(&fixture("feed/quay-post.json")),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles = load(out.path());
    assert_eq!(
        seen(by_id(&articles, "night-market-returns-to-the-quay")),
        Seen {
            title: "Night market returns to the quay".into(),
            published: Some("2024-11-14T10:00:00Z".into()),
            outlet: Some("The Quay Post".into()),
            url: Some("http://quay-post.invalid/2024/night-market".into()),
            byline: vec!["Tomas Eld".into()],
            tags: vec!["markets".into()],
            language: Some("en".into()),
            body: "Stalls open at dusk.\n\nThey close at midnight.".into(),
        }
    );
    assert_eq!(
        seen(by_id(&articles, "new-tide-tables-printed")),
        Seen {
            title: "New tide tables printed".into(),
            published: Some("2024-11-15T07:00:00Z".into()),
            outlet: Some("The Quay Post".into()),
            url: Some("http://quay-post.invalid/2024/tide-tables".into()),
            byline: vec!["Ines Halvard".into()],
            tags: vec!["tides".into()],
            language: Some("en".into()),
            body: "The tables are free.\n\nAsk at the harbour office.".into(),
        }
    );
}

#[test]
fn a_saved_page_and_a_served_page_read_as_the_original() {
    let expected = |url: Option<String>| Seen {
        title: "Lighthouse to close for repairs".into(),
        published: Some("2024-11-13T12:00:00+00:00".into()),
        outlet: Some("The Quay Post".into()),
        url,
        byline: vec!["Ines Halvard".into()],
        tags: vec![],
        language: Some("en".into()),
        body: LIGHTHOUSE_BODY.into(),
    };
    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), s(&fixture("page/lighthouse.html"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(seen(by_id(&load(out.path()), "lighthouse")), expected(None));

    let base = serve(routes(&[(
        "/news/lighthouse",
        "text/html; charset=utf-8",
        read_fixture("page/lighthouse.html"),
    )]));
    let url = format!("{base}/news/lighthouse");
    let out = tempfile::tempdir().unwrap();
    let run = import(&["--into", s(out.path()), &url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles = load(out.path());
    assert_eq!(
        seen(by_id(&articles, "lighthouse-to-close-for-repairs")),
        expected(Some(url))
    );
}

#[test]
fn refresh_imports_every_subscription_and_a_failing_feed_stops_none() {
    let base = serve(routes(&[
        (
            "/rss.xml",
            "application/rss+xml",
            read_fixture("feed/quay-post.rss").replace("LINK_BASE", "http://quay-post.invalid"),
        ),
        (
            "/atom.xml",
            "application/atom+xml",
            read_fixture("feed/quay-post-atom.xml"),
        ),
    ]));
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(
        &config,
        format!(
            "[[feeds]]\nurl = \"{base}/gone.xml\"\nfolder = \"feeds/gone\"\n\n\
             [[feeds]]\nurl = \"{base}/rss.xml\"\nfolder = \"feeds/quay\"\n\n\
             [[feeds]]\nurl = \"{base}/atom.xml\"\nfolder = \"feeds/quay-atom\"\n"
        ),
    )
    .unwrap();
    let articles = dir.path().join("articles");
    let args = [
        "--articles",
        s(&articles),
        "--config",
        s(&config),
        "refresh",
    ];
    let run = whosaid(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("gone.xml"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imported 4, skipped 0 as existing, failed 1"),
        "{}",
        run.stderr
    );
    assert_eq!(names(&articles.join("feeds/quay")).len(), 3);
    assert_eq!(
        names(&articles.join("feeds/quay-atom")),
        ["night-market-returns-to-the-quay.toml"]
    );
    assert_eq!(load(&articles).len(), 4);

    let run = whosaid(&args);
    assert!(
        run.stderr
            .contains("imported 0, skipped 4 as existing, failed 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_subscription_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(
        &config,
        "[[feeds]]\nurl = \"http://127.0.0.1:9/x\"\nfolder = \"../outside\"\n",
    )
    .unwrap();
    let run = whosaid(&[
        "--articles",
        s(&dir.path().join("a")),
        "--config",
        s(&config),
        "refresh",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("../outside"));
    assert!(!dir.path().join("outside").exists());
}

#[test]
fn resolve_actors_reuses_a_declared_actor_and_its_declaration() {
    let out = tempfile::tempdir().unwrap();
    // An article already in the folder declares the spokesperson (fictional).
    fs::write(
        out.path().join("earlier.toml"),
        "title = \"Council meets\"\nbody = \"Zoë Marrick spoke.\"\n\n\
         [actors.marrick]\nname = \"Zoë Marrick\"\nkind = \"person\"\nrole = \"council spokesperson\"\n\n\
         [[claims]]\nid = \"spoke\"\nstatement = \"She spoke.\"\n\n\
         [[claims.asserted_by]]\nactor = \"marrick\"\n",
    )
    .unwrap();
    let run = import(&[
        "--into",
        s(out.path()),
        "--resolve-actors",
        s(&fixture("brat/harbour.ann")),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles = load(out.path());
    let a = by_id(&articles, "harbour");
    type Declared<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Vec<&'a str>);
    let actors: Vec<Declared> = a
        .actors
        .iter()
        .map(|x| {
            let aliases = x.aliases.iter().map(String::as_str).collect();
            (
                x.id.as_str(),
                x.name.as_str(),
                x.kind.as_str(),
                x.role.as_deref(),
                aliases,
            )
        })
        .collect();
    // "ZOË MARRICK" and "Zoë Marrick" are one person, the one declared before.
    assert_eq!(
        actors,
        [
            (
                "the-velmar-tribune",
                "The Velmar Tribune",
                "outlet",
                None,
                vec![]
            ),
            (
                "council-spokesperson-zo-marrick",
                "Council spokesperson Zoë Marrick",
                "person",
                None,
                vec![]
            ),
            ("she", "She", "person", None, vec![]),
            (
                "marrick",
                "Zoë Marrick",
                "person",
                Some("council spokesperson"),
                vec!["ZOË MARRICK"]
            ),
        ]
    );
    let speakers: Vec<(&str, &str)> = a
        .claims
        .iter()
        .flat_map(|c| {
            c.stances()
                .map(move |(_, st)| (c.id.as_str(), st.actor.as_str()))
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("e1", "the-velmar-tribune"),
            ("e2", "council-spokesperson-zo-marrick"),
            ("e3", "she"),
            ("e5", "marrick"),
            ("e10", "marrick"),
        ]
    );
}

#[test]
fn suggest_after_import_proposes_attributions_in_the_new_files() {
    // Fictional: invented people and places.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("ferry.txt");
    fs::write(
        &source,
        "Ferry to Quellmouth suspended\n\nThe ferry to Quellmouth will not run on Sunday, Odile Vell said.\n",
    )
    .unwrap();
    let into = dir.path().join("articles");
    let run = import(&["--into", s(&into), "--suggest", s(&source)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles = load(&into);
    assert_eq!(articles.len(), 1);
    let claim = &articles[0].claims[0];
    assert!(claim.suggested);
    assert_eq!(
        claim.quote.as_deref(),
        Some("The ferry to Quellmouth will not run on Sunday")
    );
    let actor = &articles[0].actors[0];
    assert_eq!((actor.name.as_str(), actor.suggested), ("Odile Vell", true));
}
