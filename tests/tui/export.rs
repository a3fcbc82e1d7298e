//! The reader's export key on real files: the format prompt, the file written and the
//! path shown, the overwrite question, the articles folder refused, failures shown.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::{draw, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use whosaid::tui::app::{App, Effect, Loading, Prompt, Screen};
use whosaid::tui::config::Config;
use whosaid::tui::keymap;
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;

fn article_toml(title: &str, date: &str, speaker: &str) -> String {
    format!(
        r#"title = "{title}"
published = {date}
body = """
The ministry said the bridge will open in spring. The mayor denied it.
"""

[actors.ministry]
name = "{speaker}"
kind = "government"

[actors.mayor]
name = "The mayor"
kind = "person"

[[claims]]
id = "bridge"
statement = "The bridge opens in spring."
quote = "the bridge will open in spring"
asserted_by = [{{ actor = "ministry", cue = "said" }}]
denied_by = [{{ actor = "mayor", cue = "denied" }}]
"#
    )
}

/// A folder with `articles/` (three files, one in a subfolder) and an empty `out/`.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir_all(articles.join("world")).unwrap();
        std::fs::create_dir_all(dir.path().join("out")).unwrap();
        let files = [
            (
                "world/bridge.toml",
                "Bridge to open",
                "2024-05-01",
                "Ministry",
            ),
            (
                "tunnel.toml",
                "Tunnel to close",
                "2024-04-01",
                "Tunnel agency",
            ),
            (
                "harbour.toml",
                "Harbour sold",
                "2024-03-01",
                "Port authority",
            ),
        ];
        for (path, title, date, speaker) in files {
            std::fs::write(articles.join(path), article_toml(title, date, speaker)).unwrap();
        }
        Setup { dir }
    }

    fn articles(&self) -> PathBuf {
        self.dir.path().join("articles")
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    /// The reader on `articles/`, exporting to `folder`, with every file loaded.
    fn app(&self, folder: &Path) -> App {
        let config = Config {
            export_folder: folder.to_path_buf(),
            ..Config::builtin().unwrap()
        };
        let theme = Theme::new(&config.colors, false);
        let mut app = App::new(Library::loading(config.sort), config, theme, (80, 24));
        app.articles_dir = self.articles();
        let events = whosaid::tui::loader::spawn(self.articles());
        let deadline = Instant::now() + Duration::from_secs(20);
        while matches!(app.loading, Loading::Running { .. }) {
            assert!(Instant::now() < deadline, "loading never finished");
            if let Ok(ev) = events.recv_timeout(Duration::from_millis(50)) {
                app.on_load(ev);
            }
            app.after_loading_batch();
        }
        app
    }
}

/// A key as the event loop handles it: keymap, update, then the effect carried out.
fn press(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    let Some(command) = keymap::command(&app.config.keymap, app.mode(), &event) else {
        return;
    };
    if let Some(Effect::Export(request)) = app.update(command) {
        whosaid::tui::export::carry_out(app, request);
    }
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for &code in codes {
        press(app, code);
    }
}

fn message(app: &App) -> String {
    app.message.clone().unwrap_or_default()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

use KeyCode::{Char, Down, Enter, Esc, Up};

#[test]
fn e_then_j_writes_the_open_article_as_json_and_shows_the_path() {
    let s = Setup::new();
    let mut app = s.app(&s.out());
    // Newest first: the bridge story is at the top.
    keys(&mut app, &[Enter, Char('e')]);
    assert!(matches!(app.prompt, Some(Prompt::Format { .. })));
    press(&mut app, Char('j'));
    assert!(app.prompt.is_none());
    let written = s.out().join("world-bridge.json");
    assert_eq!(files_in(&s.out()), ["world-bridge.json"]);
    assert!(
        message(&app).contains(&written.display().to_string()),
        "{}",
        message(&app)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&written).unwrap()).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], "world/bridge");
    assert_eq!(
        articles[0]["claims"][0]["denied_by"][0]["actor"]["name"],
        "The mayor"
    );
    // Still in the article view, which the prompt covered only while it asked.
    assert!(matches!(app.screen, Screen::Article(_)));
}

#[test]
fn arrows_and_enter_choose_the_format_and_esc_cancels() {
    let s = Setup::new();
    let mut app = s.app(&s.out());
    keys(&mut app, &[Enter, Char('e'), Esc]);
    assert!(app.prompt.is_none());
    assert!(message(&app).contains("cancelled"));
    assert!(files_in(&s.out()).is_empty());
    // Down twice from Markdown is CSV; Up once more and back down stays on CSV.
    keys(&mut app, &[Char('e'), Down, Down, Up, Down, Enter]);
    assert_eq!(files_in(&s.out()), ["world-bridge.csv"]);
    let csv = std::fs::read_to_string(s.out().join("world-bridge.csv")).unwrap();
    assert!(csv.contains("The mayor"), "{csv}");
}

#[test]
fn the_filtered_list_is_exported_as_one_file() {
    let s = Setup::new();
    let mut app = s.app(&s.out());
    // "to " is in two titles only ("Bridge to open", "Tunnel to close").
    press(&mut app, Char('/'));
    for c in "TO ".chars() {
        press(&mut app, Char(c));
    }
    press(&mut app, Enter);
    assert_eq!(app.visible.len(), 2);
    keys(&mut app, &[Char('e'), Char('m')]);
    let md = std::fs::read_to_string(s.out().join("whosaid-export.md")).unwrap();
    assert!(
        md.contains("Bridge to open") && md.contains("Tunnel to close"),
        "{md}"
    );
    assert!(!md.contains("Harbour sold"), "{md}");
    assert!(
        message(&app).starts_with("Exported 2 articles as markdown to "),
        "{}",
        message(&app)
    );
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let s = Setup::new();
    let target = s.out().join("world-bridge.md");
    std::fs::write(&target, "old notes").unwrap();
    let mut app = s.app(&s.out());
    keys(&mut app, &[Enter, Char('e'), Char('m')]);
    assert!(matches!(app.prompt, Some(Prompt::Overwrite { .. })));
    let screen = text(&draw(&app));
    assert!(screen.contains("Overwrite? y/n"), "{screen}");
    // Enter and other keys do not answer; n keeps the file.
    keys(&mut app, &[Enter, Char('x'), Char('q')]);
    assert!(matches!(app.prompt, Some(Prompt::Overwrite { .. })));
    press(&mut app, Char('n'));
    assert!(app.prompt.is_none());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old notes");
    assert!(message(&app).contains("left as it was"));
    // Asked again, y replaces it.
    keys(&mut app, &[Char('e'), Char('m'), Char('y')]);
    let md = std::fs::read_to_string(&target).unwrap();
    assert!(md.contains("Bridge to open"), "{md}");
    assert_eq!(
        files_in(&s.out()),
        ["world-bridge.md"],
        "no temporary file left"
    );
}

#[test]
fn export_refuses_the_articles_folder_and_says_so() {
    let s = Setup::new();
    for folder in [s.articles(), s.articles().join("world")] {
        let mut app = s.app(&folder);
        keys(&mut app, &[Enter, Char('e'), Char('j')]);
        assert!(
            message(&app).contains("inside the articles folder"),
            "{}",
            message(&app)
        );
        assert_eq!(files_in(&s.articles().join("world")), ["bridge.toml"]);
    }
}

#[test]
fn a_missing_export_folder_is_created_but_never_inside_the_articles() {
    let s = Setup::new();
    let exports = s.dir.path().join("exports");
    let mut app = s.app(&exports);
    keys(&mut app, &[Enter, Char('e'), Char('j')]);
    assert_eq!(
        files_in(&exports),
        ["world-bridge.json"],
        "{}",
        message(&app)
    );

    let inside = s.articles().join("exports");
    let mut app = s.app(&inside);
    keys(&mut app, &[Enter, Char('e'), Char('j')]);
    assert!(
        message(&app).contains("inside the articles folder"),
        "{}",
        message(&app)
    );
    assert!(!inside.exists(), "no folder made inside the articles");
}

#[test]
fn the_default_export_folder_is_exports() {
    assert_eq!(
        Config::builtin().unwrap().export_folder,
        Path::new("exports")
    );
}

#[test]
fn a_folder_that_cannot_be_written_is_a_message() {
    let s = Setup::new();
    // One missing level is created (see below); two are a mistake to report.
    let missing = s.dir.path().join("no-such-folder/inner");
    let mut app = s.app(&missing);
    keys(&mut app, &[Enter, Char('e'), Char('c')]);
    assert!(
        message(&app).starts_with("Export failed: cannot write"),
        "{}",
        message(&app)
    );

    // A folder path that is a regular file fails for root too: no skipping.
    let not_a_folder = s.dir.path().join("plain-file");
    std::fs::write(&not_a_folder, "keep").unwrap();
    let mut app = s.app(&not_a_folder);
    keys(&mut app, &[Enter, Char('e'), Char('c')]);
    assert!(
        message(&app).starts_with("Export failed"),
        "{}",
        message(&app)
    );
    assert_eq!(std::fs::read_to_string(&not_a_folder).unwrap(), "keep");
    let screen = text(&draw(&app));
    assert!(screen.contains("Export failed"), "{screen}");
}

#[test]
fn the_format_prompt_on_screen() {
    let s = Setup::new();
    let mut app = s.app(Path::new("exports"));
    // The status bar shows the articles folder: keep the temporary path off the snapshot.
    app.articles_dir = PathBuf::from("articles");
    keys(&mut app, &[Char('e'), Down]);
    insta::assert_snapshot!("export_prompt_80x24", text(&draw(&app)));
    // The question as the export leaves it (a path as configured, so the snapshot is stable).
    keys(&mut app, &[Esc, Enter]);
    app.prompt = Some(Prompt::Overwrite {
        request: whosaid::tui::app::ExportRequest {
            only: None,
            ids: app
                .visible
                .iter()
                .map(|&s| app.library.row(s).unwrap().id.clone())
                .collect(),
            format: whosaid::export::Format::Markdown,
            overwrite: true,
        },
        path: PathBuf::from("exports/world-bridge.md"),
    });
    insta::assert_snapshot!("export_overwrite_80x24", text(&draw(&app)));
}
