//! Writing an imported article: checked with the library's own loader first,
//! then created all at once and never over an existing file (a temporary file
//! in the target's folder, then a no-clobber rename), with the export's writer.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::export::{ExportError, write_atomically};
use crate::load::{self, SourceFile};
use crate::model::ArticleId;

/// What became of one article.
#[derive(Debug)]
pub enum Written {
    /// Written at this path.
    New(PathBuf),
    /// A file (or anything else) already had this path: left alone.
    Existing(PathBuf),
}

/// Why an article could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The file would not load; the first error the loader gave.
    Invalid(String),
    Io {
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Invalid(diagnostic) => {
                write!(f, "the article would not load: {diagnostic}")
            }
            WriteError::Io { path, source } => write!(f, "{}: {source}", crate::text::path(path)),
        }
    }
}

impl std::error::Error for WriteError {}

/// The file of article `id` below `root`: `root/ID.toml`.
pub fn article_path(root: &Path, id: &str) -> PathBuf {
    root.join(format!("{id}.toml"))
}

/// Checks `text` as article `id` of `root`, then writes it there unless a file exists.
pub fn write_article(root: &Path, id: &str, text: &str) -> Result<Written, WriteError> {
    let target = article_path(root, id);
    if target.symlink_metadata().is_ok() {
        return Ok(Written::Existing(target));
    }
    verify(&target, id, text)?;
    let io_error = |source| WriteError::Io {
        path: target.clone(),
        source,
    };
    if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io_error)?;
    }
    // The export's writer: a registered temporary file beside the target (so
    // an interrupting signal deletes it, see `cli::interrupt`), synced, then
    // renamed without clobbering.
    match write_atomically(&target, false, |out| out.write_all(text.as_bytes())) {
        Ok(()) => Ok(Written::New(target)),
        // Something appeared there meanwhile: it wins, the temporary file goes.
        Err(ExportError::Exists(_)) => Ok(Written::Existing(target)),
        Err(ExportError::Io { source, .. }) => Err(io_error(source)),
        Err(other) => Err(io_error(io::Error::other(other.to_string()))),
    }
}

/// Loads `text` with the library's loader, as `check` would load the written file.
fn verify(target: &Path, id: &str, text: &str) -> Result<(), WriteError> {
    let source = SourceFile {
        path: target.to_path_buf(),
        id: ArticleId::new(id),
    };
    let loaded = load::load_bytes(&source, text.as_bytes());
    if loaded.article.is_some() {
        return Ok(());
    }
    let first = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map_or_else(
            || "unknown error".to_owned(),
            |d| format!("line {}, column {}: {}", d.line, d.column, d.message),
        );
    Err(WriteError::Invalid(first))
}
