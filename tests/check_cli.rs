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

// ----- hostile and odd input (issue 7) -----

/// Runs `whosaid ARGS` in `cwd`, failing the test (not hanging it) if it has
/// not ended within `secs`: these tests look for hangs.
fn run_bounded(args: &[&str], cwd: &Path, secs: u64) -> (Option<i32>, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(cwd)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Read on a thread, so a chatty child never blocks on a full pipe.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(out) => {
            let out = out.unwrap();
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        }
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("`whosaid {}` still running after {secs} s", args.join(" "));
        }
    }
}

const VALID: &str = "title = \"T\"\nbody = \"b\"\n";

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Whether the tests run as root (a file we create is owned by uid 0).
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

#[test]
fn an_error_after_a_hundred_warnings_fails_the_check_and_is_shown_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(VALID);
    for i in 0..150 {
        text.push_str(&format!("[[claims]]\nid = \"c{i}\"\nstatement = \"s\"\n"));
    }
    text.push_str("[[claims]]\nid = \"late\"\nstatement = \"s\"\nquote = \"not there\"\n");
    fs::write(dir.path().join("a.toml"), text).unwrap();
    let (code, stderr) = run_bounded(&["check", "a.toml"], dir.path(), 30);
    assert_eq!(code, Some(1), "{stderr}");
    let first = stderr.lines().next().unwrap();
    assert!(
        first.contains(": error: `quote` is not in the body"),
        "{first}"
    );
    assert!(
        stderr.contains("a.toml: note: 52 more in this file not shown (0 errors, 52 warnings)"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("checked 1 file: 0 loaded, 1 rejected; 1 error, 151 warnings\n"),
        "{stderr}"
    );
    // The export drops the file and says why with the error, not only warnings.
    let (code, stderr) = run_bounded(&["export", "a.toml"], dir.path(), 30);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(": error: `quote` is not in the body"),
        "{stderr}"
    );
}

#[test]
fn fifos_named_or_found_are_reported_never_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(dir.path().join("in/good.toml"), VALID).unwrap();
    mkfifo(&dir.path().join("in/pipe.toml"));
    mkfifo(&dir.path().join("named"));
    let (code, stderr) = run_bounded(&["check", "in", "named"], dir.path(), 20);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("in/pipe.toml:1:1: error: not a regular file (a FIFO)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("named:1:1: error: not a regular file (a FIFO)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("checked 3 files: 1 loaded, 2 rejected"),
        "{stderr}"
    );
    let (code, stderr) = run_bounded(&["export", "in", "named"], dir.path(), 20);
    assert_eq!(code, Some(1), "{stderr}");
}

#[test]
fn sockets_are_reported_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("s.toml")).unwrap();
    let (code, stderr) = run_bounded(&["check", "."], dir.path(), 20);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("s.toml:1:1: error: not a regular file (a socket)"),
        "{stderr}"
    );
}

#[test]
fn dangling_and_looping_links_are_reported_named_or_found() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::os::unix::fs::symlink("gone.toml", d.join("dangling.toml")).unwrap();
    std::os::unix::fs::symlink("loop-b.toml", d.join("loop-a.toml")).unwrap();
    std::os::unix::fs::symlink("loop-a.toml", d.join("loop-b.toml")).unwrap();
    fs::write(d.join("fine.toml"), VALID).unwrap();
    let (code, stderr) = run_bounded(&["check", "."], d, 20);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "dangling.toml:1:1: error: a symbolic link to gone.toml, which does not exist"
        ),
        "{stderr}"
    );
    for name in ["loop-a.toml", "loop-b.toml"] {
        assert!(
            stderr.contains(&format!("{name}:1:1: error: a symbolic link that loops")),
            "{stderr}"
        );
    }
    assert!(
        stderr.contains("checked 4 files: 1 loaded, 3 rejected"),
        "{stderr}"
    );
    // Named on its own, a dangling link is a diagnostic too, not "no such file".
    let (code, stderr) = run_bounded(&["check", "dangling.toml"], d, 20);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("dangling.toml:1:1: error: a symbolic link to"),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_folder_is_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("a/locked")).unwrap();
    fs::write(d.join("a/ok.toml"), VALID).unwrap();
    fs::write(d.join("a/locked/hidden.toml"), VALID).unwrap();
    fs::write(d.join("a/secret.toml"), VALID).unwrap();
    use std::os::unix::fs::PermissionsExt;
    for (path, mode) in [(d.to_path_buf(), 0o755), (d.join("a"), 0o755)] {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }
    fs::set_permissions(d.join("a/locked"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(d.join("a/secret.toml"), fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads everything: run as an unprivileged user, as a user would.
    // The binary is copied where that user may run it: the build folder's
    // parents need not be open to everyone.
    let bin = tempfile::tempdir().unwrap();
    fs::set_permissions(bin.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let whosaid = bin.path().join("whosaid");
    fs::copy(env!("CARGO_BIN_EXE_whosaid"), &whosaid).unwrap();
    let mut cmd = if running_as_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&whosaid);
        c
    } else {
        Command::new(&whosaid)
    };
    let out = cmd.args(["check", "a"]).current_dir(d).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a/locked:1:1: error: cannot read this folder: Permission denied"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a/secret.toml:1:1: error: cannot read the file: Permission denied"),
        "{stderr}"
    );
    assert!(
        stderr.contains("checked 3 files: 1 loaded, 2 rejected"),
        "{stderr}"
    );
}

#[test]
fn file_names_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\u{1b}[31m\nforged.toml:1:1: error: y.toml";
    fs::write(dir.path().join(name), "title = 1\n").unwrap();
    let (code, stderr) = run_bounded(&["check", "."], dir.path(), 20);
    assert_eq!(code, Some(1));
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    // Both errors start a line with the whole escaped name: no line is forged.
    let headlines: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(headlines.len(), 2, "{stderr:?}");
    for line in headlines {
        assert!(
            line.starts_with("./x\\u{1b}[31m\\nforged.toml:1:1: error: y.toml:1:"),
            "{stderr:?}"
        );
    }
}

#[test]
fn a_valid_article_over_4_mib_loads() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The council met on Tuesday and talked about the harbour. ".repeat(20);
    let body = vec![paragraph; 4600].join("\n\n");
    assert!(body.len() > 5_000_000);
    let text = format!("title = \"Long\"\nbody = \"\"\"\n{body}\n\"\"\"\n");
    fs::write(dir.path().join("long.toml"), text).unwrap();
    let (code, stderr) = run_bounded(&["check", "long.toml"], dir.path(), 60);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.ends_with("1 loaded, 0 rejected; 0 errors, 0 warnings\n"),
        "{stderr}"
    );
}

#[test]
fn a_multi_megabyte_line_prints_a_bounded_window_per_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    // One line: 300 unknown keys of an actor, 4 MB of padding between them.
    let pad = "p".repeat(13_000);
    let keys: Vec<String> = (0..300).map(|i| format!("k{i}{pad} = 1")).collect();
    let text = format!(
        "title = \"T\"\nbody = \"b\"\nactors = {{ a = {{ name = \"A\", kind = \"person\", {} }} }}\n",
        keys.join(", ")
    );
    assert!(text.len() > 3_900_000);
    fs::write(dir.path().join("wide.toml"), text).unwrap();
    let (code, stderr) = run_bounded(&["check", "wide.toml"], dir.path(), 60);
    assert_eq!(code, Some(1));
    assert!(stderr.len() < 100_000, "{} bytes printed", stderr.len());
    // Each source line shown is a window of at most 120 characters and its
    // `…` marks; past the first key, the window starts mid-line.
    let lines: Vec<&str> = stderr.lines().collect();
    let shown: Vec<&str> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("wide.toml:3:"))
        .map(|i| lines[i + 1])
        .collect();
    assert_eq!(shown.len(), 100, "{stderr}");
    assert!(shown.iter().all(|l| l.chars().count() <= 122), "{stderr}");
    assert!(
        shown[1].starts_with('…') && shown[1].ends_with('…'),
        "{}",
        shown[1]
    );
}

#[test]
fn a_second_byte_order_mark_is_an_error_at_1_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(VALID.as_bytes());
    fs::write(dir.path().join("b.toml"), bytes).unwrap();
    let (code, stderr) = run_bounded(&["check", "b.toml"], dir.path(), 20);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with("b.toml:1:1: error: a second byte-order mark"),
        "{stderr}"
    );
}

#[test]
fn too_deep_a_key_is_placed_where_it_passes_the_nesting_limit() {
    let dir = tempfile::tempdir().unwrap();
    let key = vec!["a"; 120].join(".");
    fs::write(dir.path().join("d.toml"), format!("{VALID}{key} = 1\n")).unwrap();
    let (code, stderr) = run_bounded(&["check", "d.toml"], dir.path(), 20);
    assert_eq!(code, Some(1), "{stderr}");
    // The 80th part of the key on line 3: column 1 + 2 × 79.
    assert!(stderr.starts_with("d.toml:3:159: error: "), "{stderr}");
}

#[test]
fn suggest_and_import_never_wait_on_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(dir.path().join("in/good.toml"), VALID).unwrap();
    mkfifo(&dir.path().join("in/pipe.toml"));
    let (code, stderr) = run_bounded(&["suggest", "--dry-run", "in"], dir.path(), 20);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("in/pipe.toml:1:1: error: not a regular file (a FIFO)"),
        "{stderr}"
    );
    mkfifo(&dir.path().join("feed.txt"));
    let (code, stderr) = run_bounded(&["import", "--into", "out", "feed.txt"], dir.path(), 20);
    assert_ne!(code, Some(0), "{stderr}");
    assert!(stderr.contains("feed.txt: a FIFO, not a file"), "{stderr}");
}
