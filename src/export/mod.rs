//! The claim summary for people and other tools: Markdown, JSON (version 2) and
//! CSV, all written from the same [`ArticleSummary`] values into any
//! `io::Write`, or atomically into a file for the reader's export key.
//!
//! The writers take the summaries in the order given: [`summarize`] gives the
//! contract's order (articles by id, claims and stances in file order), and
//! only reviewed claims: nothing suggested reaches an export.
//!
//! [`summarize`]: crate::summary::summarize

mod atomic;
pub mod csv;
pub mod json;
pub mod markdown;
mod originals;
mod output;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::summary::ArticleSummary;
use crate::text;

pub use atomic::{Staged, Sync, remove_temporary_files, stage, write_atomically, write_file_with};
pub use originals::Originals;
pub use output::write_output;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Csv];

    /// The spelling of `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// Writes `summaries` in this format.
    pub fn write(self, summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
        match self {
            Format::Markdown => markdown::write(summaries, out),
            Format::Json => json::write(summaries, out),
            Format::Csv => csv::write(summaries, out),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(
            f,
            "unknown format `{}` (expected {})",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// A `--format` name or an extension: `markdown`/`md`, `json`, `csv`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s || f.extension() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Why an export file was not written. Nothing is left behind in any case.
#[derive(Debug)]
pub enum ExportError {
    /// The file exists and overwriting was not allowed: ask, then retry with `overwrite`.
    Exists(PathBuf),
    /// The target folder is the articles folder or inside it.
    InsideArticles { target: PathBuf, articles: PathBuf },
    /// The file system said no (read-only folder, disk full, no such folder …).
    Io { path: PathBuf, source: io::Error },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Exists(path) => write!(f, "{} already exists", text::path(path)),
            ExportError::InsideArticles { target, articles } if articles.is_dir() => write!(
                f,
                "will not write {} inside the articles folder {}",
                text::path(target),
                text::path(articles)
            ),
            ExportError::InsideArticles { target, articles } => write!(
                f,
                "will not write {} over the article {} being exported",
                text::path(target),
                text::path(articles)
            ),
            ExportError::Io { path, source } => {
                write!(
                    f,
                    "cannot write {}: {}",
                    text::path(path),
                    crate::load::io_reason(source)
                )
            }
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The file name stem for an export of `summaries`: the article id with `/` as
/// `-` for one article (`world/kremlin-call` → `world-kremlin-call`), else
/// `whosaid-export`.
pub fn default_stem(summaries: &[ArticleSummary<'_>]) -> String {
    const LIST: &str = "whosaid-export";
    let [one] = summaries else {
        return LIST.to_string();
    };
    // Ids come from file names, which need not follow the id pattern: keep the
    // stem one plain, visible file name.
    let stem: String = one
        .article
        .id
        .as_str()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let stem = stem.trim_start_matches('.');
    if stem.is_empty() {
        LIST.to_string()
    } else {
        stem.to_string()
    }
}

/// Writes `summaries` to `dir/stem.ext` atomically and returns the path written.
///
/// Refuses a `dir` that is `articles_root` or inside it (compared after
/// resolving links and `..`), and an existing file unless `overwrite`.
/// Creates a missing `dir` whose parent exists (the reader's default `exports`
/// folder appears on the first export), never inside the articles folder.
/// On any failure no file, partial or temporary, is left behind.
pub fn write_file(
    dir: &Path,
    stem: &str,
    format: Format,
    summaries: &[ArticleSummary<'_>],
    articles_root: &Path,
    overwrite: bool,
) -> Result<PathBuf, ExportError> {
    let target = dir.join(format!("{stem}.{}", format.extension()));
    create_missing(dir, &target, articles_root)?;
    refuse_inside(dir, &target, articles_root)?;
    write_atomically(&target, overwrite, |out| format.write(summaries, out))?;
    Ok(target)
}

/// Creates `dir` if it is missing, one level only: a mistyped path deep in
/// nowhere is still an error, and nothing is created inside the articles folder.
fn create_missing(dir: &Path, target: &Path, articles_root: &Path) -> Result<(), ExportError> {
    if dir.exists() {
        return Ok(());
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    refuse_inside(parent, target, articles_root)?;
    std::fs::create_dir(dir).map_err(|source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    })
}

fn refuse_inside(dir: &Path, target: &Path, articles_root: &Path) -> Result<(), ExportError> {
    let dir = dir.canonicalize().map_err(|source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    })?;
    // No articles folder (a corpus given as files, say): nothing to protect.
    let Ok(articles) = articles_root.canonicalize() else {
        return Ok(());
    };
    if dir.starts_with(&articles) {
        return Err(ExportError::InsideArticles {
            target: target.to_path_buf(),
            articles: articles_root.to_path_buf(),
        });
    }
    Ok(())
}
