//! `whosaid import [--into DIR] [--texts TDIR] [--full-text] SOURCE…`: one
//! article file per imported article, a progress bar on a terminal, then a
//! one-line summary.
//!
//! Exit codes: 0 every source imported or skipped as existing; 1 a source or
//! an article failed (the others are imported); 2 a usage error.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use whosaid::import::{self, Options};

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the articles below DIR (default: the articles folder).
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Find the text of each BRAT `X.ann` in TDIR (`X.txt`, or `NAME.txt` for `NAME_suffix.ann`).
    #[arg(long, value_name = "TDIR")]
    pub texts: Option<PathBuf>,
    /// When a feed item carries only a summary, fetch its link and take the page's text.
    #[arg(long)]
    pub full_text: bool,
    /// Treat BRAT sources as people: reuse the id and declaration of an actor declared
    /// in the articles folder with the same name or alias (case and accents folded),
    /// and merge a surname with the full name in the same article.
    #[arg(long)]
    pub resolve_actors: bool,
    /// Then run `suggest` on the articles just written.
    #[arg(long)]
    pub suggest: bool,
    /// Files, folders or http(s) URLs: BRAT `.ann` (with its `.txt`), `.txt`, `.md`,
    /// feeds (`.xml`, `.rss`, `.atom`, `.json`), web pages (`.html`).
    #[arg(value_name = "SOURCE", required = true)]
    pub sources: Vec<PathBuf>,
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    let options = Options {
        into: args.into.clone().unwrap_or_else(|| articles.to_path_buf()),
        texts: args.texts.clone(),
        full_text: args.full_text,
        resolve_actors: args.resolve_actors,
    };
    let jobs = match import::plan(&args.sources, &options) {
        Ok(jobs) => jobs,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let (code, written) = execute(&jobs, &options);
    if !args.suggest || written.is_empty() {
        return code;
    }
    let suggested = super::suggest::suggest_written(&written, &options.into);
    code.max(suggested)
}

/// Runs the jobs with a progress bar, prints notes, failures and the summary,
/// and gives the exit code and the files written; shared with `refresh`.
pub fn execute(jobs: &[import::Job], options: &Options) -> (u8, Vec<std::path::PathBuf>) {
    // Ctrl-C mid-import leaves the files written so far and no temporary one.
    super::interrupt::clean_up_on_signals();
    let mut bar = ProgressBar::new();
    let report = import::run(jobs, options, &mut |done, total| bar.show(done, total));
    bar.clear();
    let mut err = io::stderr().lock();
    // A closed stderr is no reason to fail the import: the exit code still tells.
    for line in report.notes.iter() {
        let _ = writeln!(err, "whosaid: note: {}", whosaid::text::sanitize(line));
    }
    for line in report.failed.iter() {
        let _ = writeln!(err, "whosaid: error: {}", whosaid::text::sanitize(line));
    }
    let _ = writeln!(err, "{}", report.summary());
    let code = if report.failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_ERRORS
    };
    (code, report.imported)
}

/// `[#####     ] 120/840` on standard error, redrawn at most ten times a
/// second, only on a terminal and only once the work has taken a moment.
pub struct ProgressBar {
    terminal: bool,
    started: Instant,
    last: Option<Instant>,
}

impl ProgressBar {
    const DELAY: Duration = Duration::from_millis(300);
    const EVERY: Duration = Duration::from_millis(100);
    const WIDTH: usize = 30;

    pub fn new() -> Self {
        ProgressBar {
            terminal: io::stderr().is_terminal(),
            started: Instant::now(),
            last: None,
        }
    }

    pub fn show(&mut self, done: usize, total: usize) {
        let now = Instant::now();
        if !self.terminal
            || now.duration_since(self.started) < Self::DELAY
            || self
                .last
                .is_some_and(|t| now.duration_since(t) < Self::EVERY)
        {
            return;
        }
        self.last = Some(now);
        let filled = (done * Self::WIDTH).checked_div(total).unwrap_or(0);
        let _ = write!(
            io::stderr(),
            "\r[{}{}] {done}/{total}",
            "#".repeat(filled),
            " ".repeat(Self::WIDTH - filled.min(Self::WIDTH))
        );
    }

    /// Erases the bar, if one was drawn, so the summary starts a clean line.
    pub fn clear(&mut self) {
        if self.last.is_some() {
            let _ = write!(io::stderr(), "\r\x1b[2K");
        }
    }
}
