//! The real binary in a pseudo-terminal, read back through a terminal emulator:
//! the provenance of a contested claim is on screen, and the terminal is restored
//! on quit, on SIGTERM and on a panic.

#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const ARTICLE: &str = r#"title = "Kremlin denies reports of Trump-Putin call on Ukraine conflict"
published = 2024-11-11
body = """
According to a report by The Washington Post, the two leaders reportedly
discussed the Ukraine conflict, with Trump advising Putin against escalating
tensions. However, Kremlin spokesperson Dmitry Peskov dismissed this claim as
"pure fiction", maintaining that no such conversation has occurred.
"""

[actors.wapo]
name = "The Washington Post"
kind = "outlet"

[actors.wapo-sources]
name = "Sources familiar with the call"
kind = "anonymous"

[actors.peskov]
name = "Dmitry Peskov"
kind = "person"
role = "Kremlin spokesperson"

[[claims]]
id = "call-took-place"
statement = "Trump and Putin spoke by phone about the war in Ukraine."
quote = "the two leaders reportedly discussed the Ukraine conflict"

[[claims.asserted_by]]
actor = "wapo"
via = ["wapo-sources"]
cue = "reported"

[[claims.denied_by]]
actor = "peskov"
cue = "dismissed this claim as"
quote = "pure fiction"
"#;

const WAIT: Duration = Duration::from_secs(15);

/// The reader running in a pty, with everything it wrote kept and emulated.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    raw: Arc<Mutex<Vec<u8>>>,
    screen: Arc<Mutex<vt100::Parser>>,
    dir: tempfile::TempDir,
}

impl Session {
    fn start(env: &[(&str, &str)]) -> Session {
        Session::start_with(&[("world/kremlin-call.toml", ARTICLE)], env)
    }

    /// The reader on these files (paths below `articles/`).
    fn start_with(files: &[(&str, &str)], env: &[(&str, &str)]) -> Session {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join("articles").join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Session::start_at(dir, env)
    }

    /// The reader again in the folder of a session that ended.
    fn restart(self, env: &[(&str, &str)]) -> Session {
        Session::start_at(self.dir, env)
    }

    fn start_at(dir: tempfile::TempDir, env: &[(&str, &str)]) -> Session {
        let (rows, cols) = (40, 120);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_whosaid"));
        cmd.cwd(dir.path());
        // No user config may leak in: the reader must start on its built-in defaults.
        cmd.env("HOME", dir.path());
        cmd.env("XDG_CONFIG_HOME", dir.path().join("xdg"));
        // What was opened is remembered here, never in the user's own state folder.
        cmd.env("XDG_STATE_HOME", dir.path().join("state"));
        // The index is kept here, never in the user's own cache folder.
        cmd.env("XDG_CACHE_HOME", dir.path().join("cache"));
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let raw = Arc::new(Mutex::new(Vec::new()));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let (raw2, screen2) = (Arc::clone(&raw), Arc::clone(&screen));
        std::thread::spawn(move || {
            // The master must live as long as the reader thread reads from it.
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw2.lock().unwrap().extend_from_slice(&buf[..n]);
                screen2.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            raw,
            screen,
            dir,
        }
    }

    fn article(&self, path: &str) -> std::path::PathBuf {
        self.dir.path().join("articles").join(path)
    }

    /// Replaces an article as vim and VS Code save: a temporary file beside it, renamed
    /// over it.
    fn save_as_an_editor_does(&self, path: &str, text: &str) {
        let target = self.article(path);
        let temp = target.with_file_name(".whosaid-test-save.tmp");
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(&temp, &target).unwrap();
    }

    /// Waits until the screen shows none of `texts`.
    fn wait_gone(&self, texts: &[&str]) {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.contents();
            if texts.iter().all(|t| !screen.contains(t)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {texts:?} to go; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.contents();
            if texts.iter().all(|t| screen.contains(t)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {texts:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end; returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "did not exit; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal was given back: the alternate screen left after it was entered,
    /// the cursor shown again, and the emulator back on the main screen.
    fn assert_restored(&self) {
        let raw = self.raw.lock().unwrap().clone();
        let find = |pat: &[u8]| raw.windows(pat.len()).rposition(|w| w == pat);
        let entered = find(b"\x1b[?1049h").expect("entered the alternate screen");
        let left = find(b"\x1b[?1049l").expect("left the alternate screen");
        assert!(
            left > entered,
            "the last alternate-screen switch must be the way out"
        );
        assert!(!self.screen.lock().unwrap().screen().alternate_screen());
        assert!(
            !self.screen.lock().unwrap().screen().hide_cursor(),
            "cursor hidden after exit"
        );
    }
}

#[test]
fn reads_a_contested_claims_provenance_then_quits_cleanly() {
    let mut s = Session::start(&[]);
    s.wait_for(&["Articles (1)", "Kremlin denies reports"]);
    s.send("\r");
    // The first claim is selected on opening: it is contested.
    s.wait_for(&["[contested]", "Asserted by (1)", "Denied by (1)"]);
    // The asserter with the chain it relays (the pane may wrap it), the denier and the quote.
    s.wait_for(&[
        "via: The Washington Post ←",
        "Sources familiar",
        "cue: reported",
    ]);
    s.wait_for(&[
        "Dmitry Peskov",
        "Kremlin spokesperson, person",
        "quote: “pure fiction”",
    ]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_export_key_writes_the_open_article_and_shows_where() {
    let mut s = Session::start(&[]);
    s.wait_for(&["Kremlin denies reports"]);
    s.send("\r");
    s.wait_for(&["[contested]"]);
    // Written into `exports/` (the default export folder, created on demand), never `articles/`.
    assert!(!s.dir.path().join("exports").exists());
    s.send("e");
    s.wait_for(&["[j] JSON", "Esc cancel"]);
    s.send("j");
    s.wait_for(&["Exported 1 article as json to exports/world-kremlin-call.json"]);
    let written = s.dir.path().join("exports/world-kremlin-call.json");
    let json = std::fs::read_to_string(&written).unwrap();
    assert!(json.contains("pure fiction"), "{json}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// Two claims, each asserted by an actor whose name appears nowhere else on screen,
/// in the order given; `b_statement` is the second claim's statement.
fn two_claims(first: &str, b_statement: &str) -> String {
    let a = r#"
[[claims]]
id = "claim-a"
statement = "The bridge opens in spring."

[[claims.asserted_by]]
actor = "alpha"
"#;
    let b = format!(
        r#"
[[claims]]
id = "claim-b"
statement = "{b_statement}"

[[claims.asserted_by]]
actor = "beta"
"#
    );
    let claims = if first == "a" {
        format!("{a}{b}")
    } else {
        format!("{b}{a}")
    };
    format!(
        r#"# A fictional article for the reader's tests.
title = "Harbour bridge plans"
published = 2025-03-01
body = """
The bridge will open in spring, one side said. The other said it will not.
"""

[actors.alpha]
name = "Alpha Ministry"
kind = "government"

[actors.beta]
name = "Beta Council"
kind = "organization"
{claims}"#
    )
}

#[test]
fn an_article_fixed_on_disk_leaves_the_problems_and_opens() {
    let broken = two_claims("a", "Tolls will rise.").replace("title =", "titel =");
    let mut s = Session::start_with(
        &[
            ("world/kremlin-call.toml", ARTICLE),
            ("local/harbour.toml", &broken),
        ],
        &[],
    );
    s.wait_for(&["Articles (1)", "Problems", "titel"]);
    s.save_as_an_editor_does("local/harbour.toml", &two_claims("a", "Tolls will rise."));
    s.wait_for(&["Articles (2)", "Harbour bridge plans"]);
    s.wait_gone(&["Problems", "titel"]);
    // Newest first: the fixed article is on top (the selection stayed on its article).
    s.send("g\r");
    s.wait_for(&["The bridge opens in spring.", "Alpha Ministry"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn an_article_edited_on_disk_changes_on_screen_with_its_claim_still_selected() {
    let mut s = Session::start_with(
        &[("local/harbour.toml", &two_claims("a", "Tolls will rise."))],
        &[],
    );
    s.wait_for(&["Harbour bridge plans"]);
    s.send("\r");
    s.wait_for(&["Alpha Ministry"]);
    // The second claim: its asserter replaces the first's in the stance pane.
    s.send("n");
    s.wait_for(&["Beta Council"]);
    s.wait_gone(&["Alpha Ministry"]);
    // Saved with the claims swapped and the selected one reworded: it stays selected.
    s.save_as_an_editor_does(
        "local/harbour.toml",
        &two_claims("b", "Tolls will rise next year."),
    );
    s.wait_for(&["Tolls will rise next year.", "Beta Council"]);
    s.wait_gone(&["Alpha Ministry"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_file_deleted_on_disk_disappears_from_the_list() {
    let mut s = Session::start_with(
        &[
            ("world/kremlin-call.toml", ARTICLE),
            ("local/harbour.toml", &two_claims("a", "Tolls will rise.")),
        ],
        &[],
    );
    s.wait_for(&["Articles (2)", "Harbour bridge plans", "Kremlin denies"]);
    std::fs::remove_file(s.article("local/harbour.toml")).unwrap();
    s.wait_for(&["Articles (1)", "Kremlin denies"]);
    s.wait_gone(&["Harbour bridge plans"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

fn review_fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/review")
            .join(name),
    )
    .unwrap()
}

/// Waits until the file holds `expected`.
fn wait_for_bytes(path: &std::path::Path, expected: &[u8]) {
    let deadline = Instant::now() + WAIT;
    while std::fs::read(path).unwrap() != expected {
        assert!(
            Instant::now() < deadline,
            "{} never became the expected bytes; it is:\n{}",
            path.display(),
            String::from_utf8_lossy(&std::fs::read(path).unwrap())
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn accept_and_reject_edit_only_what_the_contract_says_and_u_puts_the_bytes_back() {
    let original = review_fixture("harbour.toml");
    let original_text = String::from_utf8(original.clone()).unwrap();
    let mut s = Session::start_with(&[("local/harbour.toml", &original_text)], &[]);
    let file = s.article("local/harbour.toml");
    s.wait_for(&["Port Elsby mayor denies"]);
    s.send("\r");
    s.wait_for(&["Claims (1/3)"]);
    // The second claim is suggested; accept it.
    s.send("n");
    s.wait_for(&["Claims (2/3)"]);
    s.send("a");
    s.wait_for(&["Accepted claim board-silent"]);
    wait_for_bytes(
        &file,
        &review_fixture("harbour.accept-board-silent.expected"),
    );
    s.send("u");
    s.wait_for(&["Undone"]);
    wait_for_bytes(&file, &original);
    // Still on the same claim, which is suggested again: reject it.
    s.wait_for(&["Claims (2/3)"]);
    s.send("x");
    s.wait_for(&["Rejected claim board-silent", "Claims (2/2)"]);
    wait_for_bytes(
        &file,
        &review_fixture("harbour.reject-board-silent.expected"),
    );
    s.send("u");
    s.wait_for(&["Undone"]);
    wait_for_bytes(&file, &original);
    // Nothing else was written into the articles folder.
    let names: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["harbour.toml"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_editor_key_runs_editor_with_plus_line_and_file_and_the_terminal_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("fake-editor");
    let record = dir.path().join("editor-args");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n",
            record.display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    let editor = script.to_str().unwrap();
    let mut s = Session::start(&[("VISUAL", ""), ("EDITOR", editor)]);
    s.wait_for(&["Kremlin denies reports"]);
    s.send("\r");
    s.wait_for(&["[contested]"]);
    s.send("E");
    // The claim's `id` is on line 24 of the file.
    s.wait_for(&["Edited articles/world/kremlin-call.toml"]);
    let args = std::fs::read_to_string(&record).unwrap();
    assert_eq!(args, "+24\narticles/world/kremlin-call.toml\n");
    // Back in the reader, on the alternate screen, keys working.
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.wait_for(&["Asserted by (1)", "Denied by (1)"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn opened_articles_are_remembered_apart_from_the_articles_and_m_toggles() {
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let files = [
        ("world/kremlin-call.toml", ARTICLE.to_string()),
        ("local/harbour.toml", two_claims("a", "Tolls will rise.")),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let line_of = |screen: &str, title: &str| -> String {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap()
            .to_string()
    };
    let mut s = Session::start_with(&files, &env);
    s.wait_for(&["Harbour bridge plans", "Kremlin denies"]);
    // Both unread: a dot after the selection column.
    let top = line_of(&s.contents(), "Harbour bridge plans");
    assert!(top.contains("▶•2025"), "{top}");
    assert!(line_of(&s.contents(), "Kremlin denies").contains(" •2024"));
    s.send("\r");
    s.wait_for(&["Alpha Ministry"]);
    s.send("\x1b");
    s.wait_for(&["Articles (2)"]);
    s.wait_for(&["▶ 2025"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(state.path().join("whosaid/state.sqlite").is_file());
    // Started again: the opened one is read, the other still unread; m marks it unread.
    let mut s = s.restart(&env);
    s.wait_for(&["Harbour bridge plans", "Kremlin denies"]);
    assert!(line_of(&s.contents(), "Harbour bridge plans").contains("▶ 2025"));
    assert!(line_of(&s.contents(), "Kremlin denies").contains(" •2024"));
    s.send("m");
    s.wait_for(&["Marked unread", "▶•2025"]);
    // Nothing was written beside the articles.
    let mut names: Vec<_> = walk(&s.dir.path().join("articles"));
    names.sort();
    assert_eq!(names, ["local/harbour.toml", "world/kremlin-call.toml"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_title_changed_while_closed_keeping_size_and_time_shows_after_the_check() {
    let mut s = Session::start(&[]);
    s.wait_for(&["Articles (1)", "Kremlin denies reports"]);
    // The check over, the index holds the article.
    s.wait_gone(&["checking…"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.dir.path().join("cache/whosaid").is_dir());

    // While the reader is closed: same length, same modification time, other title.
    let file = s.article("world/kremlin-call.toml");
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    let edited = ARTICLE.replacen("denies reports", "denies rumours", 1);
    assert_eq!(edited.len(), ARTICLE.len());
    std::fs::write(&file, &edited).unwrap();
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (meta.len(), meta.modified().unwrap()),
        (ARTICLE.len() as u64, mtime)
    );

    let mut s = s.restart(&[]);
    s.wait_for(&["Articles (1)", "Kremlin denies rumours"]);
    s.wait_gone(&["Kremlin denies reports", "checking…"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Every file below `root`, as a path relative to it.
fn walk(root: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for(&["Kremlin denies reports"]);
    let pid = s.child.process_id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(s.wait_exit(), 143);
    s.assert_restored();
}

// The trigger exists in debug builds only (see `event_loop::test_panic`).
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_shows_the_message() {
    let mut s = Session::start(&[("WHOSAID_TEST_PANIC", "1")]);
    let code = s.wait_exit();
    assert_ne!(code, 0);
    s.assert_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let left = raw.rfind("\x1b[?1049l").unwrap();
    assert!(
        raw[left..].contains("WHOSAID_TEST_PANIC"),
        "the panic message comes after the restore"
    );
}

#[test]
fn ctrl_c_quits_like_q() {
    let mut s = Session::start(&[]);
    s.wait_for(&["Kremlin denies reports"]);
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn whosaid_config_prints_the_built_in_configuration() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let file = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml"))
        .unwrap();
    assert_eq!(out.stdout, file);
    assert!(String::from_utf8_lossy(&out.stdout).contains("reload = [\"r\"]"));
}

#[test]
fn a_bad_config_stops_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "[colors]\ndenied = \"rde\"\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--articles", "nowhere", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:2:10: error:", config.display())),
        "{err}"
    );
    assert!(
        err.contains("colors.denied") && err.contains("rde"),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"));
}

#[test]
fn a_reader_whose_terminal_vanishes_ends_instead_of_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("kremlin-call.toml"), ARTICLE).unwrap();
    let size = PtySize {
        rows: 24,
        cols: 80,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.cwd(dir.path());
    cmd.env("HOME", dir.path());
    cmd.env("XDG_CONFIG_HOME", dir.path().join("xdg"));
    cmd.env("XDG_STATE_HOME", dir.path().join("state"));
    cmd.env("XDG_CACHE_HOME", dir.path().join("cache"));
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Articles") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the reader never drew its first frame");
        seen.extend_from_slice(&buf[..n]);
    }
    // Closing the master is what a terminal emulator does when its window closes;
    // crossterm then spins on the dead tty, and only the watchdog can end it.
    drop(reader);
    drop(pair.master);
    let deadline = Instant::now() + WAIT;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Copies the bundled `articles/` into `dir/articles`.
fn copy_bundled(dir: &std::path::Path) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    for rel in walk(&from) {
        let to = dir.join("articles").join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&rel), to).unwrap();
    }
}

#[test]
fn provenance_walk_seed_peskov_back_contested_call_post_and_back_again() {
    let dir = tempfile::tempdir().unwrap();
    copy_bundled(dir.path());
    // The provenance screens ask the index, which a first start builds only after the
    // list: build it first, as `whosaid index` does, so the reader starts warm.
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .args(["--articles", "articles", "index"])
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");
    let mut s = Session::start_at(dir, &[]);
    s.wait_for(&["Articles (7)", "Kremlin denies reports"]);
    // Until the files are checked against it, the index is not asked.
    s.wait_gone(&["checking…"]);
    // The seed is the oldest dated article: last but the undated one.
    s.send("Gk\r");
    s.wait_for(&["[contested]", "Denied by (2)"]);
    // Denied-by pane, then its actor's page.
    s.send("\t\t");
    s.wait_for(&["┏ Denied by (2)"]);
    s.send("w");
    s.wait_for(&[
        "actor peskov",
        "Asserted or denied (4)",
        "dismissed this claim as",
    ]);
    // Back: the seed, the same claim and pane.
    s.send("\x1b");
    s.wait_for(&["┏ Denied by (2)", "Claims (1/18)"]);
    // The contested screen; down to the call claim.
    s.send("C");
    s.wait_for(&["Contested claims ("]);
    let mut tries = 0;
    while !s
        .contents()
        .contains("▶ 2024-11-11 [contested] Trump and Putin")
    {
        assert!(tries < 30, "call claim not found:\n{}", s.contents());
        s.send("j");
        tries += 1;
        std::thread::sleep(Duration::from_millis(50));
    }
    s.send("\r");
    s.wait_for(&[SEED_ID, "Claims (1/18)"]);
    // The asserted-by pane: the Post relays its sources, so the reader asks whose page.
    s.send("\t");
    s.wait_for(&["┏ Asserted by ("]);
    s.send("w");
    s.wait_for(&[
        "Whose page?",
        "The Washington Post (asserts)",
        "(via, link 1 of 1)",
    ]);
    s.send("1");
    s.wait_for(&["actor wapo", "Asserted or denied (12)"]);
    // Back through the history: the seed at the Post's pane, the contested screen at
    // the call, the seed again, the list.
    s.send("\x1b");
    s.wait_for(&["┏ Asserted by (", SEED_ID]);
    s.send("\x1b");
    s.wait_for(&[
        "Contested claims (",
        "▶ 2024-11-11 [contested] Trump and Putin",
    ]);
    s.send("\x1b");
    s.wait_for(&["┏ Denied by (2)", SEED_ID]);
    s.send("\x1b");
    s.wait_for(&["Articles (7)"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

const SEED_ID: &str = "world/kremlin-denies-trump-putin-call";
