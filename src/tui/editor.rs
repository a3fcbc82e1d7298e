//! The editor key: `$VISUAL`, else `$EDITOR`, else `vi`, opened at the selected claim's
//! line (or the selected problem's line and column) with the `+LINE` convention, the
//! terminal handed over while it runs and taken back after.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::load;

use super::app::{App, Effect, ListFocus, Screen};

/// The editor command the environment names, split into words (`code -w` works).
pub fn editor_command() -> Vec<OsString> {
    let named = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty());
    match named.as_ref().and_then(|v| v.to_str()) {
        Some(v) => v.split_whitespace().map(OsString::from).collect(),
        None => vec![named.unwrap_or_else(|| OsString::from("vi"))],
    }
}

/// The arguments after the editor's own: `+LINE FILE` (vi, vim, nano, emacs, kak and
/// micro all read it), or `+LINE:COLUMN`-less when the line is unknown.
pub fn arguments(path: &Path, line: usize) -> Vec<OsString> {
    vec![
        OsString::from(format!("+{line}")),
        path.as_os_str().to_owned(),
    ]
}

/// Runs the editor and waits for it. The caller has left the terminal.
pub fn run(path: &Path, line: usize) -> io::Result<std::process::ExitStatus> {
    let mut words = editor_command();
    if words.is_empty() {
        words.push(OsString::from("vi"));
    }
    let program = words.remove(0);
    Command::new(program)
        .args(words)
        .args(arguments(path, line))
        .status()
}

/// Opens `url` with `$BROWSER`, else the system's opener, without waiting and
/// without the terminal: a browser in the terminal would need it, a desktop one not.
pub fn open_url(url: &str) -> io::Result<()> {
    let opener = std::env::var_os("BROWSER")
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| {
            OsString::from(if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            })
        });
    Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped when it ends, so no zombie stays behind while the reader runs.
            std::thread::spawn(move || child.wait());
        })
}

impl App {
    /// The open-url key: the open article's `url`, web addresses only.
    pub(super) fn open_url(&mut self) {
        let Some(article) = self.open_article() else {
            self.message = Some("Open an article to open its url.".to_string());
            return;
        };
        let Some(url) = article.url.clone() else {
            self.message = Some("This article has no url.".to_string());
            return;
        };
        // Only the web: a file: or other scheme from an article file is not followed.
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            self.message = Some("Only http and https addresses are opened.".to_string());
            return;
        }
        self.message = Some(match open_url(&url) {
            Ok(()) => format!("Opening {}", crate::text::sanitize(&url)),
            Err(e) => format!("Cannot open the url: {e}"),
        });
    }

    /// The editor key: which file, and where.
    pub(super) fn ask_edit(&mut self) -> Option<Effect> {
        let (path, line, column): (PathBuf, usize, Option<usize>) = match &self.screen {
            Screen::Article(view) => {
                let opened = self.opened.as_ref()?;
                let site = opened
                    .bytes
                    .as_deref()
                    .filter(|_| opened.article.is_some())
                    .and_then(|b| load::claim_site(b, view.claim));
                let first = opened.diagnostics.first();
                match (site, first) {
                    (Some(site), _) => (opened.path.clone(), site.line, Some(site.column)),
                    (None, Some(d)) => (opened.path.clone(), d.line, Some(d.column)),
                    (None, None) => (opened.path.clone(), 1, None),
                }
            }
            Screen::List if self.list_focus == ListFocus::Problems => {
                let problem = self.selected_problem()?;
                let d = problem.diagnostics.first();
                (
                    problem.path.clone(),
                    d.map_or(1, |d| d.line),
                    d.map(|d| d.column),
                )
            }
            Screen::List => {
                let row = self.selected_row()?;
                (row.path.to_path_buf(), 1, None)
            }
            _ => return None,
        };
        Some(Effect::Edit { path, line, column })
    }

    /// The problem whose lines are at the top of the problems pane.
    fn selected_problem(&self) -> Option<&super::library::Problem> {
        let mut line = 0;
        for p in self.library.problems() {
            let lines = super::problems::lines_of(p, &self.theme);
            if self.problems_scroll < line + lines {
                return Some(p);
            }
            line += lines;
        }
        self.library.problems().last()
    }
}
