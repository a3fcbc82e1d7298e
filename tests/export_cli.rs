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

/// The content of a golden file of `tests/snapshots`, reviewed by hand when
/// it was accepted: everything after insta's header.
fn golden(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("export__{name}.snap"));
    let text = fs::read_to_string(path).unwrap();
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    body.to_string()
}

#[test]
fn each_format_prints_the_golden_export() {
    let ws = workspace(false);
    for (format, name) in [
        ("markdown", "fixtures.md"),
        ("json", "fixtures.json"),
        ("csv", "fixtures.csv"),
    ] {
        let out = whosaid(ws.path(), &["export", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let printed = String::from_utf8(out.stdout).unwrap();
        assert_eq!(printed.trim_end(), golden(name).trim_end(), "{format}");
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

/// The hidden temporary files an export writes before renaming.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".whosaid-"))
        .collect()
}

#[test]
fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary_one() {
    let ws = workspace(false);
    fs::write(ws.path().join("out.json"), "old").unwrap();
    // A file-size limit of 512 bytes makes the write fail after the temporary
    // file exists, for root too; SIGXFSZ is ignored so the write returns EFBIG.
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' export --format json --output out.json",
        env!("CARGO_BIN_EXE_whosaid")
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(ws.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write out.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(ws.path().join("out.json")).unwrap(),
        "old"
    );
    assert_eq!(leftovers(ws.path()), Vec::<String>::new());
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
fn a_closed_pipe_ends_every_format_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let text = fs::read_to_string(fixtures().join("world/kremlin-call.toml")).unwrap();
        fs::write(dir.path().join(format!("a{i:03}.toml")), text).unwrap();
    }
    for format in ["markdown", "json", "csv"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["export", "--format", format])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut head = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut head).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{format}: {}", stderr(&out));
    }
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

// ----- `--output` targets, as a shell's `>` would treat them (issue 7) -----

/// Whether the tests run as root (a file we create is owned by uid 0).
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

fn export_to(ws: &Path, target: &str) -> Output {
    whosaid(ws, &["export", "--format", "json", "--output", target])
}

fn is_export(path: &Path) -> bool {
    let text = fs::read_to_string(path).unwrap();
    text.starts_with("{\n  \"whosaid_export\"")
}

#[test]
fn output_through_a_link_replaces_the_file_it_leads_to_and_keeps_the_link() {
    let ws = workspace(false);
    let d = ws.path();
    fs::create_dir(d.join("real")).unwrap();
    fs::write(d.join("real/out.json"), "old").unwrap();
    std::os::unix::fs::symlink("real/out.json", d.join("link.json")).unwrap();
    let out = export_to(d, "link.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = fs::symlink_metadata(d.join("link.json")).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(is_export(&d.join("real/out.json")));
    assert_eq!(leftovers(&d.join("real")), Vec::<String>::new());
    // A link to a file not there yet creates it, as `>` does.
    std::os::unix::fs::symlink("real/new.json", d.join("new-link.json")).unwrap();
    assert_eq!(export_to(d, "new-link.json").status.code(), Some(0));
    assert!(is_export(&d.join("real/new.json")));
}

#[test]
fn output_over_a_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace(false);
    let target = ws.path().join("out.json");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let out = export_to(ws.path(), "out.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(is_export(&target));
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let ws = workspace(false);
    let fifo = ws.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = export_to(ws.path(), "pipe");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = reader.join().unwrap();
    assert!(read.starts_with("{\n  \"whosaid_export\""), "{read}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(leftovers(ws.path()), Vec::<String>::new());
}

#[test]
fn a_fifo_nobody_reads_waits_and_ctrl_c_ends_the_wait_cleanly() {
    use std::os::unix::fs::FileTypeExt;
    let ws = workspace(false);
    let fifo = ws.path().join("pipe");
    mkfifo(&fifo);
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(ws.path())
        .args(["export", "--output", "pipe"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "did not wait for a reader"
    );
    signal(child.id(), "INT");
    let status = wait_at_most(&mut child, 10);
    assert_eq!(status.code(), None, "ended by the signal, as with `>`");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(leftovers(ws.path()), Vec::<String>::new());
}

#[test]
fn output_to_a_character_device_writes_into_it_and_leaves_it_a_device() {
    use std::os::unix::fs::FileTypeExt;
    if !running_as_root() {
        // Only root may make a device node; there is nothing to test otherwise.
        eprintln!("not root: no device node can be made");
        return;
    }
    let ws = workspace(false);
    let null = ws.path().join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status();
    assert!(made.unwrap().success());
    let out = export_to(ws.path(), "null");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let kind = fs::symlink_metadata(&null).unwrap().file_type();
    assert!(kind.is_char_device());
    assert_eq!(leftovers(ws.path()), Vec::<String>::new());
}

#[test]
fn output_to_a_socket_or_a_folder_is_refused() {
    let ws = workspace(false);
    let _socket = std::os::unix::net::UnixListener::bind(ws.path().join("sock")).unwrap();
    let out = export_to(ws.path(), "sock");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot write sock: it is a socket"),
        "{}",
        stderr(&out)
    );
    fs::create_dir(ws.path().join("folder")).unwrap();
    let out = export_to(ws.path(), "folder");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("it is a folder"), "{}", stderr(&out));
    assert!(ws.path().join("folder").is_dir());
}

#[test]
fn a_file_the_user_may_not_write_is_refused_and_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace(false);
    let d = ws.path();
    fs::set_permissions(d, fs::Permissions::from_mode(0o777)).unwrap();
    let target = d.join("out.json");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
    // Root may write anything: run as an unprivileged user, as a user would.
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
    let out = cmd
        .current_dir(d)
        .args(["export", "--output", "out.json", "articles"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write out.json: Permission denied"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn output_inside_an_exported_folder_or_onto_an_exported_article_is_refused() {
    let ws = workspace(false);
    let d = ws.path();
    let article = d.join("articles/world/kremlin-call.toml");
    let before = fs::read(&article).unwrap();
    let cases: [&[&str]; 4] = [
        &["export", "--output", "articles/x.toml"],
        &["export", "--output", "articles/world/kremlin-call.toml"],
        &[
            "export",
            "--output",
            "elsewhere/../articles/y.md",
            "articles",
        ],
        &[
            "export",
            "--output",
            "articles/world/kremlin-call.toml",
            "articles/world/kremlin-call.toml",
        ],
    ];
    fs::create_dir(d.join("elsewhere")).unwrap();
    for args in cases {
        let out = whosaid(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("will not write"), "{}", stderr(&out));
    }
    assert_eq!(fs::read(&article).unwrap(), before);
    assert!(!d.join("articles/x.toml").exists());
    assert!(!d.join("articles/y.md").exists());
    // Another folder being exported is protected the same way.
    fs::create_dir(d.join("more")).unwrap();
    fs::copy(&article, d.join("more/a.toml")).unwrap();
    let out = whosaid(d, &["export", "--output", "more/out.md", "more"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!d.join("more/out.md").exists());
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn signal(pid: u32, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status();
    assert!(sent.unwrap().success());
}

fn wait_at_most(child: &mut std::process::Child, secs: u64) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_signal_during_the_write_leaves_the_old_file_or_the_new_one_and_no_litter() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let text = fs::read_to_string(fixtures().join("world/kremlin-call.toml")).unwrap();
    for i in 0..1500 {
        fs::write(corpus.join(format!("a{i:04}.toml")), &text).unwrap();
    }
    for name in ["INT", "TERM", "HUP", "PIPE"] {
        let out_dir = dir.path().join(format!("out-{name}"));
        fs::create_dir(&out_dir).unwrap();
        let target = out_dir.join("export.json");
        fs::write(&target, "old").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["export", "--format", "json", "--output"])
            .arg(&target)
            .arg(&corpus)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Catch the export while its temporary file exists: stop it there,
        // signal it, let it go on.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while leftovers(&out_dir).is_empty() {
            assert!(
                child.try_wait().unwrap().is_none(),
                "{name}: ended before writing"
            );
            assert!(
                std::time::Instant::now() < deadline,
                "{name}: no temporary file"
            );
        }
        signal(child.id(), "STOP");
        signal(child.id(), name);
        signal(child.id(), "CONT");
        let status = wait_at_most(&mut child, 60);
        assert_eq!(leftovers(&out_dir), Vec::<String>::new(), "{name}");
        let written = fs::read_to_string(&target).unwrap();
        if name == "PIPE" {
            // Ignored, as Rust sets it: the export completes.
            assert_eq!(status.code(), Some(0));
            assert!(serde_json::from_str::<Value>(&written).is_ok());
        } else {
            assert_eq!(status.code(), None, "{name}: not ended by the signal");
            assert!(
                written == "old" || serde_json::from_str::<Value>(&written).is_ok(),
                "{name}: a partial file"
            );
        }
    }
}
