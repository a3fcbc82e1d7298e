//! Export files for the reader's key: atomic, never clobbering unasked, never
//! inside the articles folder, and nothing left behind on failure.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use whosaid::Corpus;
use whosaid::export::{self, ExportError, Format};
use whosaid::summary::{ArticleSummary, summarize};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

fn corpus() -> Corpus {
    Corpus::load(&[fixtures()]).unwrap()
}

fn render(format: Format, summaries: &[ArticleSummary<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    format.write(summaries, &mut out).unwrap();
    out
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn one_article_is_written_under_its_id_and_a_list_under_a_fixed_name() {
    let corpus = corpus();
    let summaries = summarize(corpus.articles());
    let one = summaries
        .iter()
        .find(|s| s.article.id.as_str() == "world/kremlin-call")
        .unwrap();
    let one = std::slice::from_ref(one);
    let dir = tempfile::tempdir().unwrap();
    let articles = fixtures();

    let stem = export::default_stem(one);
    let path = export::write_file(dir.path(), &stem, Format::Json, one, &articles, false).unwrap();
    assert_eq!(path, dir.path().join("world-kremlin-call.json"));
    assert_eq!(fs::read(&path).unwrap(), render(Format::Json, one));

    let stem = export::default_stem(&summaries);
    let path =
        export::write_file(dir.path(), &stem, Format::Csv, &summaries, &articles, false).unwrap();
    assert_eq!(path, dir.path().join("whosaid-export.csv"));
    assert_eq!(fs::read(&path).unwrap(), render(Format::Csv, &summaries));

    // Only the two exports: no temporary file left over.
    assert_eq!(
        entries(dir.path()),
        ["whosaid-export.csv", "world-kremlin-call.json"]
    );
}

#[cfg(unix)]
#[test]
fn an_export_file_gets_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = corpus();
    let summaries = summarize(corpus.articles());
    let dir = tempfile::tempdir().unwrap();
    let path =
        export::write_file(dir.path(), "x", Format::Csv, &summaries, &fixtures(), false).unwrap();
    let mode = fs::metadata(path).unwrap().permissions().mode();
    // Readable by others under any usual umask, unlike tempfile's 0600.
    assert_eq!(mode & 0o644, 0o644, "{mode:o}");
}

#[test]
fn an_existing_file_is_kept_unless_overwriting_is_allowed() {
    let corpus = corpus();
    let summaries = summarize(corpus.articles());
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("whosaid-export.md");
    fs::write(&target, "my notes").unwrap();

    let err = export::write_file(
        dir.path(),
        "whosaid-export",
        Format::Markdown,
        &summaries,
        &fixtures(),
        false,
    )
    .unwrap_err();
    assert!(
        matches!(&err, ExportError::Exists(p) if *p == target),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "my notes");
    assert_eq!(entries(dir.path()), ["whosaid-export.md"]);

    export::write_file(
        dir.path(),
        "whosaid-export",
        Format::Markdown,
        &summaries,
        &fixtures(),
        true,
    )
    .unwrap();
    assert_eq!(
        fs::read(&target).unwrap(),
        render(Format::Markdown, &summaries)
    );
}

#[test]
fn the_articles_folder_and_anything_inside_it_are_refused() {
    let corpus = corpus();
    let summaries = summarize(corpus.articles());
    let root = tempfile::tempdir().unwrap();
    let articles = root.path().join("articles");
    fs::create_dir_all(articles.join("world")).unwrap();
    let outside = root.path().join("out");
    fs::create_dir(&outside).unwrap();
    let mut inside = vec![
        articles.clone(),
        articles.join("world"),
        // `..` and `.` are resolved before comparing.
        outside.join("../articles/./world"),
    ];
    #[cfg(unix)]
    {
        let link = root.path().join("link");
        std::os::unix::fs::symlink(&articles, &link).unwrap();
        inside.push(link);
    }
    for dir in &inside {
        let err =
            export::write_file(dir, "x", Format::Json, &summaries, &articles, true).unwrap_err();
        assert!(
            matches!(err, ExportError::InsideArticles { .. }),
            "{}: {err}",
            dir.display()
        );
    }
    assert_eq!(entries(&articles), ["world"]);
    assert!(entries(&articles.join("world")).is_empty());
    // A sibling whose name merely starts the same is not inside.
    let sibling = root.path().join("articles-out");
    fs::create_dir(&sibling).unwrap();
    export::write_file(&sibling, "x", Format::Json, &summaries, &articles, false).unwrap();
}

#[test]
fn a_folder_that_cannot_hold_files_is_an_error_and_leaves_nothing() {
    let corpus = corpus();
    let summaries = summarize(corpus.articles());
    let dir = tempfile::tempdir().unwrap();
    // A regular file as the parent folder stops root too.
    let file = dir.path().join("not-a-folder");
    fs::write(&file, "x").unwrap();
    let err =
        export::write_file(&file, "x", Format::Json, &summaries, &fixtures(), false).unwrap_err();
    assert!(matches!(err, ExportError::Io { .. }), "{err}");
    let err = export::write_atomically(&file.join("x.json"), true, |out| {
        Format::Json.write(&summaries, out)
    })
    .unwrap_err();
    assert!(matches!(err, ExportError::Io { .. }), "{err}");
    assert_eq!(entries(dir.path()), ["not-a-folder"]);
}

#[test]
fn a_write_that_fails_halfway_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("export.json");
    let err = export::write_atomically(&target, false, |out| {
        // More than a buffer's worth, so bytes really reach the temporary file.
        out.write_all(&vec![b'x'; 100_000])?;
        Err(io::Error::other("disk full"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
}

#[test]
fn a_failed_overwrite_keeps_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("export.json");
    fs::write(&target, "old export").unwrap();
    export::write_atomically(&target, true, |out| {
        out.write_all(b"new, half")?;
        Err(io::Error::other("disk full"))
    })
    .unwrap_err();
    assert_eq!(fs::read_to_string(&target).unwrap(), "old export");
    assert_eq!(entries(dir.path()), ["export.json"]);
}
