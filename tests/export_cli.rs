//! `whosaid export` as a user runs it: what reaches stdout and stderr, and the exit codes.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BAD: &str = "title = \"Broken\"\nbody = \"b\"\nbylin = [\"x\"]\n";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

fn whosaid(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary folder with the fixtures as `articles/`, plus a broken file if asked.
fn workspace(with_bad_file: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures(), &dir.path().join("articles"));
    if with_bad_file {
        fs::write(dir.path().join("articles/world/broken.toml"), BAD).unwrap();
    }
    dir
}

fn ids(stdout: &[u8]) -> Vec<String> {
    let json: Value = serde_json::from_slice(stdout).unwrap();
    json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn exports_the_articles_folder_by_default_as_markdown() {
    let ws = workspace(false);
    let out = whosaid(ws.path(), &["export"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with("# Claim summary\n"), "{text}");
    assert!(text.contains("## Kremlin denies reports"));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn the_global_articles_option_and_paths_choose_the_input() {
    let ws = workspace(false);
    let out = whosaid(
        ws.path(),
        &["--articles", "articles/world", "export", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out.stdout), ["kremlin-call", "port-elsby-ferry"]);

    let out = whosaid(
        ws.path(),
        &[
            "export",
            "--format",
            "json",
            "articles/Zeta.toml",
            "articles/world",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ids(&out.stdout),
        ["Zeta", "kremlin-call", "port-elsby-ferry"]
    );
}

#[test]
fn each_format_is_what_the_library_writes() {
    let ws = workspace(false);
    for format in whosaid::export::Format::ALL {
        let out = whosaid(ws.path(), &["export", "--format", format.name()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let corpus = whosaid::Corpus::load(&[ws.path().join("articles")]).unwrap();
        let mut want = Vec::new();
        format
            .write(&whosaid::summary::summarize(corpus.articles()), &mut want)
            .unwrap();
        assert_eq!(out.stdout, want, "{format}");
    }
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let ws = workspace(false);
    let out = whosaid(ws.path(), &["export", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("xml") && err.contains("markdown, json, csv"),
        "{err}"
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let ws = workspace(false);
    let out = whosaid(ws.path(), &["export", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("nowhere"), "{}", stderr(&out));
}

#[test]
fn two_files_with_one_id_are_a_usage_error() {
    let ws = workspace(false);
    fs::create_dir(ws.path().join("more")).unwrap();
    fs::copy(
        ws.path().join("articles/Zeta.toml"),
        ws.path().join("more/Zeta.toml"),
    )
    .unwrap();
    let out = whosaid(ws.path(), &["export", "articles", "more"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("`Zeta`"), "{}", stderr(&out));
}

#[test]
fn article_keeps_only_the_named_ids() {
    let ws = workspace(false);
    let out = whosaid(
        ws.path(),
        &[
            "export",
            "--format",
            "json",
            "--article",
            "world/kremlin-call",
            "--article",
            "Zeta",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out.stdout), ["Zeta", "world/kremlin-call"]);
}

#[test]
fn an_article_id_that_matches_no_file_is_a_usage_error() {
    let ws = workspace(false);
    let out = whosaid(
        ws.path(),
        &["export", "--article", "Zeta", "--article", "world/nope"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("`world/nope`"), "{}", stderr(&out));
}

#[test]
fn an_unknown_article_id_gets_a_did_you_mean() {
    let ws = workspace(false);
    // The id under the articles folder is `world/kremlin-call`.
    let out = whosaid(ws.path(), &["export", "--article", "kremlin-call"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "no article has the id `kremlin-call`; did you mean `world/kremlin-call` (articles/world/kremlin-call.toml)?"
        ),
        "{err}"
    );
    assert!(
        err.contains("An article's id is its file's path below the folder"),
        "{err}"
    );
    // Below the folder `articles/world`, the same file's id is `kremlin-call`.
    let out = whosaid(
        ws.path(),
        &[
            "export",
            "--article",
            "world/kremlin-call",
            "articles/world",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `kremlin-call` (articles/world/kremlin-call.toml)?"),
        "{}",
        stderr(&out)
    );
    // A typo.
    let out = whosaid(ws.path(), &["export", "--article", "world/kremlin-cal"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `world/kremlin-call`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn files_with_errors_are_reported_and_left_out_and_the_rest_exported() {
    let ws = workspace(true);
    let out = whosaid(ws.path(), &["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        ids(&out.stdout),
        [
            "Zeta",
            "unicode/mixed",
            "world/kremlin-call",
            "world/port-elsby-ferry"
        ]
    );
    let err = stderr(&out);
    assert!(
        err.contains("articles/world/broken.toml:3:1: error: unknown key `bylin`"),
        "{err}"
    );
    assert!(err.contains("left 1 file with errors out"), "{err}");
}

#[test]
fn warnings_alone_do_not_fail_the_export() {
    // The fixtures have an unattributed claim, which is a warning.
    let ws = workspace(false);
    let out = whosaid(ws.path(), &["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn an_article_with_errors_named_by_id_is_reported_with_exit_1() {
    let ws = workspace(true);
    let out = whosaid(
        ws.path(),
        &["export", "--format", "json", "--article", "world/broken"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(ids(&out.stdout).is_empty());
    assert!(
        stderr(&out).contains("broken.toml:3:1: error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let ws = workspace(false);
    fs::write(ws.path().join("out.csv"), "old").unwrap();
    let out = whosaid(
        ws.path(),
        &["export", "--format", "csv", "--output", "out.csv"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(ws.path().join("out.csv")).unwrap();
    assert!(
        written.starts_with("article_id,article_title,"),
        "{written}"
    );
}

#[test]
fn an_output_that_cannot_be_written_fails_with_2_and_leaves_nothing() {
    let ws = workspace(false);
    let out = whosaid(ws.path(), &["export", "--output", "no-such-folder/out.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no-such-folder/out.md"),
        "{}",
        stderr(&out)
    );
    assert!(!ws.path().join("no-such-folder").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_an_error() {
    let ws = workspace(false);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(ws.path())
        .arg("export")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("standard output"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_the_export_quietly() {
    // Far more output than a pipe holds, so the writer must meet the closed end.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let text = fs::read_to_string(fixtures().join("world/kremlin-call.toml")).unwrap();
        fs::write(dir.path().join(format!("a{i:03}.toml")), text).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["export", "--format", "json"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, like `head -c 100`, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 100];
    std::io::Read::read_exact(&mut stdout, &mut head).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(head.starts_with(b"{\n  \"whosaid_export\": 2"));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}
