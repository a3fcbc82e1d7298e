//! `whosaid check` as a user runs it: exit codes 0/1/2, and every diagnostic on
//! standard error as `PATH:LINE:COLUMN: error|warning: MESSAGE` over its source line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn whosaid(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn check(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let out = whosaid(&all, manifest_dir());
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A parsed `PATH:LINE:COLUMN: severity: message` headline.
struct Headline<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    severity: &'a str,
    message: &'a str,
}

/// The places and message text of a fixture's `# expect:` line (in the file,
/// or in its `.expected` sidecar), as the fixture's author wrote them.
fn expected(path: &str) -> (Vec<(usize, usize)>, String) {
    let file = manifest_dir().join(path);
    let sidecar = file.with_extension("expected");
    let bytes = fs::read(if sidecar.exists() { &sidecar } else { &file }).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let header = String::from_utf8_lossy(bytes);
    let first = header.lines().next().unwrap().trim_end_matches('\r');
    let rest = first.strip_prefix("# expect: ").unwrap();
    let (places, rest) = rest.split_once(": ").unwrap();
    let text = rest.split_once(": ").unwrap().1.to_string();
    let places = places
        .split('|')
        .map(|p| {
            let (l, c) = p.split_once(':').unwrap();
            (l.parse().unwrap(), c.parse().unwrap())
        })
        .collect();
    (places, text)
}

fn headline(text: &str) -> Option<Headline<'_>> {
    let (place, rest) = text.split_once(": ")?;
    let (severity, message) = rest.split_once(": ")?;
    if severity != "error" && severity != "warning" {
        return None;
    }
    let mut parts = place.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    let path = parts.next()?;
    Some(Headline {
        path,
        line,
        column,
        severity,
        message,
    })
}

/// Every headline in stderr with the line printed under it.
fn diagnostics(stderr: &str) -> Vec<(Headline<'_>, &str)> {
    let lines: Vec<&str> = stderr.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((headline(l)?, *lines.get(i + 1)?)))
        .collect()
}

/// The line as `check` shows it: control characters made visible.
fn shown(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn file_line(path: &str, line: usize) -> Option<String> {
    let bytes = fs::read(manifest_dir().join(path)).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    let found = text.split('\n').nth(line - 1).unwrap_or_default();
    Some(shown(found.trim_end_matches('\r')))
}

#[test]
fn valid_files_pass_with_exit_0_and_nothing_on_stdout() {
    let (code, stdout, stderr) = check(&["tests/fixtures/valid"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(diagnostics(&stderr).is_empty(), "{stderr}");
}

#[test]
fn warnings_alone_still_exit_0() {
    let (code, _, stderr) = check(&["tests/fixtures/warn"]);
    assert_eq!(code, 0, "{stderr}");
    let found = diagnostics(&stderr);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|(h, _)| h.severity == "warning"),
        "{stderr}"
    );
}

#[test]
fn every_invalid_file_is_reported_at_its_place_over_its_source_line() {
    let (code, stdout, stderr) = check(&["tests/fixtures/invalid"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let found = diagnostics(&stderr);
    let mut failures = Vec::new();
    for entry in fs::read_dir(manifest_dir().join("tests/fixtures/invalid")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".toml") else {
            continue;
        };
        let path = format!("tests/fixtures/invalid/{name}");
        let errors: Vec<_> = found
            .iter()
            .filter(|(h, _)| h.path == path && h.severity == "error")
            .collect();
        if errors.is_empty() {
            failures.push(format!("{stem}: no `{path}:LINE:COLUMN: error:` line"));
        }
        let (places, text) = expected(&path);
        let at_place = errors
            .iter()
            .any(|(h, _)| places.contains(&(h.line, h.column)) && h.message.contains(&text));
        if !at_place {
            failures.push(format!(
                "{stem}: no error printed at {places:?} saying {text:?}"
            ));
        }
        for (h, source) in errors {
            if let Some(line) = file_line(&path, h.line).filter(|l| l != source) {
                failures.push(format!(
                    "{stem}:{}:{}: printed {source:?} under the headline, not {line:?}",
                    h.line, h.column
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_named_alone_is_reported_by_the_path_as_given_with_a_caret() {
    let (code, _, stderr) = check(&["tests/fixtures/invalid/unknown-top-close.toml"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[0],
        "tests/fixtures/invalid/unknown-top-close.toml:7:1: error: unknown key `tag`; did you mean `tags`?"
    );
    assert_eq!(lines[1], "tag = [\"ukraine\"]");
    assert_eq!(lines[2], "^^^");
}

#[test]
fn carets_line_up_under_wide_and_combined_characters() {
    let (code, _, stderr) = check(&["tests/fixtures/invalid/column-counts-scalar-values.toml"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].contains(":9:48: error: "), "{stderr}");
    // The caret sits under `"persn"`, counted in terminal columns, not scalar values.
    let source = lines[1];
    let value = source.find("\"persn\"").unwrap();
    let before = unicode_width::UnicodeWidthStr::width(&source[..value]);
    let caret = lines[2];
    assert_eq!(caret.trim_start().chars().next(), Some('^'));
    assert_eq!(caret.len() - caret.trim_start().len(), before, "{stderr}");
}

#[test]
fn any_error_among_good_files_exits_1() {
    let (code, _, stderr) = check(&[
        "tests/fixtures/valid/minimal.toml",
        "tests/fixtures/invalid/empty-title.toml",
        "tests/fixtures/warn",
    ]);
    assert_eq!(code, 1);
    let found = diagnostics(&stderr);
    assert!(
        found
            .iter()
            .any(|(h, _)| h.path == "tests/fixtures/invalid/empty-title.toml")
    );
    assert!(
        !found
            .iter()
            .any(|(h, _)| h.path == "tests/fixtures/valid/minimal.toml")
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let (code, _, stderr) = check(&["tests/fixtures/no-such-folder"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    let (code, _, _) = check(&["tests/fixtures/valid", "no-such-file.toml"]);
    assert_eq!(code, 2);
}

#[test]
fn two_files_with_one_id_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["one", "two"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        fs::write(
            dir.path().join(sub).join("same.toml"),
            "title = \"T\"\nbody = \"B\"\n",
        )
        .unwrap();
    }
    let out = whosaid(&["check", "one", "two"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("same"));
}

#[test]
fn without_paths_the_articles_folder_is_checked_and_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let missing = whosaid(&["check"], dir.path());
    assert_eq!(missing.status.code(), Some(2), "no articles folder");

    fs::create_dir_all(dir.path().join("articles/world")).unwrap();
    fs::write(
        dir.path().join("articles/world/x.toml"),
        "title = \"\"\nbody = \"B\"\n",
    )
    .unwrap();
    let out = whosaid(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("articles/world/x.toml:1:9: error: "),
        "{stderr}"
    );

    let elsewhere = whosaid(&["--articles", "articles/world", "check"], dir.path());
    assert_eq!(elsewhere.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&elsewhere.stderr);
    assert!(stderr.starts_with("articles/world/x.toml:1:9:"), "{stderr}");
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    for args in [
        &["--help"][..],
        &["--version"],
        &["check", "--help"],
        &["-h"],
    ] {
        let out = whosaid(args, manifest_dir());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("whosaid"), "{args:?}: {stdout}");
    }
    let version = whosaid(&["--version"], manifest_dir());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("whosaid {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let (code, stdout, stderr) = check(&["--frobnicate", "tests/fixtures/valid"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("--frobnicate"), "{stderr}");
}

#[test]
fn the_current_folder_as_root_is_scanned_and_paths_keep_its_spelling() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.toml"), "title = \"T\"\nbody = \"\"\n").unwrap();
    let out = whosaid(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("./a.toml:2:8: error: "), "{stderr}");
}
