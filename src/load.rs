//! Folder scan → TOML with spans → checked model, with diagnostics.
//!
//! Each file is parsed once into toml's spanned document tree and checked in
//! one walk; positions become line and column only for the few diagnostics.

mod check;
mod discover;
mod position;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ActorId, Article, ArticleId};

pub use discover::discover;

/// Files larger than this are rejected unread: an article is prose, and a limit
/// keeps a stray 50 MB dump from stalling the reader or filling memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A file to load, with the id and display path the contract gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// As reached from the argument (or the articles folder).
    pub path: PathBuf,
    pub id: ArticleId,
}

/// What went wrong with the arguments themselves (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    NotFound(PathBuf),
    DuplicateId {
        id: ArticleId,
        first: PathBuf,
        second: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        reason: String,
    },
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UsageError::NotFound(path) => write!(f, "{}: no such file or folder", path.display()),
            UsageError::DuplicateId { id, first, second } => write!(
                f,
                "{} and {} both have the article id `{id}`",
                first.display(),
                second.display()
            ),
            UsageError::Unreadable { path, reason } => {
                write!(f, "{}: cannot read: {reason}", path.display())
            }
        }
    }
}

impl std::error::Error for UsageError {}

/// The result of loading one file: the article if it had no error, and every diagnostic.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub source: SourceFile,
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A place in a file, ready to become a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub source_line: String,
}

impl Site {
    pub fn diagnostic(&self, path: PathBuf, severity: Severity, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            path,
            line: self.line,
            column: self.column,
            message,
            source_line: self.source_line.clone(),
            width: self.width,
        }
    }
}

impl Loaded {
    /// A result built in code (tests, generated corpora): no diagnostics, no sites.
    pub fn new(source: SourceFile, article: Option<Article>) -> Self {
        Loaded {
            source,
            article,
            diagnostics: Vec::new(),
        }
    }

    /// A file rejected before parsing, with one error at `site`.
    fn rejected(source: &SourceFile, site: Site, message: String) -> Self {
        let diagnostic = site.diagnostic(source.path.clone(), Severity::Error, message);
        Loaded {
            diagnostics: vec![diagnostic],
            ..Loaded::new(source.clone(), None)
        }
    }
}

/// Reads and checks one file. Never panics, whatever the bytes.
pub fn load_file(source: &SourceFile) -> Loaded {
    match read_bounded(source) {
        Ok(bytes) => load_bytes(source, &bytes),
        Err(message) => Loaded::rejected(source, Site::start(), message),
    }
}

fn read_bounded(source: &SourceFile) -> Result<Vec<u8>, String> {
    let file = File::open(&source.path).map_err(|e| format!("cannot read the file: {e}"))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // Take one byte past the limit, so a file that grows while read is still caught.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_big(len: u64) -> String {
    format!(
        "the file is {len} bytes, over the {} MiB limit for an article",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Checks one file's bytes as if read from `source`.
pub fn load_bytes(source: &SourceFile, bytes: &[u8]) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Loaded::rejected(source, Site::start(), too_big(bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => check::check(source, text),
        Err(err) => {
            let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
            let site = position::site_at_end(&valid);
            let message = format!(
                "the file is not UTF-8 (invalid byte 0x{:02X}); save it as UTF-8",
                bytes.get(err.valid_up_to()).copied().unwrap_or(0)
            );
            Loaded::rejected(source, site, message)
        }
    }
}

/// Where each of `actors` is declared in the file at `path`, read again (once for
/// all of them): only the rare warning about an actor declared differently across
/// files needs it, and keeping every actor's place in memory would cost more.
/// `None` for an actor no longer found there (the file changed since).
pub fn actor_sites(path: &Path, actors: &[&ActorId]) -> Vec<Option<Site>> {
    let found = |text: &str| -> Option<Vec<Option<Site>>> {
        let doc = toml::de::DeTable::parse(text).ok()?;
        let (_, table) = doc
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == "actors")?;
        let toml::de::DeValue::Table(table) = table.get_ref() else {
            return None;
        };
        let site_of = |id: &&ActorId| {
            let (key, _) = table.iter().find(|(k, _)| k.get_ref() == id.as_str())?;
            Some(position::site(text, key.span()))
        };
        Some(actors.iter().map(site_of).collect())
    };
    let bytes = std::fs::read(path).unwrap_or_default();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    std::str::from_utf8(bytes)
        .ok()
        .and_then(found)
        .unwrap_or_else(|| vec![None; actors.len()])
}

/// Loads every source on all cores, calling `each` as each file finishes
/// (from worker threads), and returns the results in the order of `sources`.
pub fn load_all(sources: &[SourceFile], each: &(dyn Fn(&Loaded) + Sync)) -> Vec<Loaded> {
    load_mapped(sources, &|loaded| {
        each(&loaded);
        loaded
    })
}

/// Like [`load_all`], but each result passes through `map` on its worker as soon as
/// it is loaded: a caller that needs only part of each article drops the rest there,
/// before the next file is read.
pub fn load_mapped(sources: &[SourceFile], map: &(dyn Fn(Loaded) -> Loaded + Sync)) -> Vec<Loaded> {
    // Each result goes straight to its slot, so no vector is grown or copied.
    let slots: Vec<OnceLock<Loaded>> = sources.iter().map(|_| OnceLock::new()).collect();
    load_each(sources, &|i, loaded| {
        let _ = slots[i].set(map(loaded));
    });
    slots
        .into_iter()
        .zip(sources)
        .map(|(slot, source)| {
            // Empty only if a worker panicked: report the file rather than drop it.
            slot.into_inner().unwrap_or_else(|| {
                let message = "internal error while loading this file".to_string();
                Loaded::rejected(source, Site::start(), message)
            })
        })
        .collect()
}

/// Loads every source on all cores and hands each result, with its index in
/// `sources`, to `each` (from worker threads, in no set order), keeping nothing:
/// for a reader that keeps only part of each article.
pub fn load_each(sources: &[SourceFile], each: &(dyn Fn(usize, Loaded) + Sync)) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || sources.len() < 64 {
        for (i, source) in sources.iter().enumerate() {
            each(i, load_file(source));
        }
        return;
    }
    // Work is handed out a small batch at a time so one slow file can't idle a core.
    const BATCH: usize = 16;
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let start = next.fetch_add(BATCH, Ordering::Relaxed);
                    let end = (start + BATCH).min(sources.len());
                    let Some(batch) = sources.get(start..end) else {
                        break;
                    };
                    for (i, source) in batch.iter().enumerate() {
                        each(start + i, load_file(source));
                    }
                }
            });
        }
    });
}
