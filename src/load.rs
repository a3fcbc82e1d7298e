//! Folder scan → TOML with spans → checked model, with diagnostics.
//!
//! Each file is parsed once into toml's spanned document tree and checked in
//! one walk; positions become line and column only for the few diagnostics.

mod check;
mod discover;
mod position;
mod split;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::model::{ActorId, Article, ArticleId};

pub use discover::{discover, source_below};
pub use position::{EXCERPT_BEFORE, EXCERPT_WIDTH, site};

/// Diagnostics shown per file; the rest are counted (see [`Loaded::hidden`]).
pub const MAX_SHOWN: usize = 100;

/// Files larger than this are rejected unread: an article is prose, and a limit
/// keeps a stray multi-gigabyte dump from stalling the reader or filling
/// memory. Loading costs O(size), so the limit can sit far above any article.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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
            UsageError::NotFound(path) => {
                write!(f, "{}: no such file or folder", crate::text::path(path))
            }
            UsageError::DuplicateId { id, first, second } => write!(
                f,
                "{} and {} both have the article id `{}`",
                crate::text::path(first),
                crate::text::path(second),
                crate::text::sanitize(id.as_str())
            ),
            UsageError::Unreadable { path, reason } => {
                write!(f, "{}: cannot read: {reason}", crate::text::path(path))
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
    /// The diagnostics shown: all of them, or the first [`MAX_SHOWN`] with errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// What was found beyond those shown: counted, so no error hides behind the cap.
    pub hidden: Tally,
}

/// A place in a file, ready to become a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    /// The part of the line shown: see [`Diagnostic::source_line`].
    pub source_line: String,
    pub excerpt_column: usize,
    pub excerpt_cut: bool,
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
            excerpt_column: self.excerpt_column,
            excerpt_cut: self.excerpt_cut,
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
            hidden: Tally::default(),
        }
    }

    /// A file rejected before parsing, with one error at `site`.
    pub(crate) fn rejected(source: &SourceFile, site: Site, message: String) -> Self {
        let diagnostic = site.diagnostic(source.path.clone(), Severity::Error, message);
        Loaded {
            diagnostics: vec![diagnostic],
            ..Loaded::new(source.clone(), None)
        }
    }
}

/// Reads and checks one file. Never panics, whatever the bytes, and never
/// blocks on a FIFO or a device: only regular files are read.
pub fn load_file(source: &SourceFile) -> Loaded {
    match read_bounded(&source.path) {
        Ok(bytes) => load_bytes(source, &bytes),
        Err(message) => Loaded::rejected(source, Site::start(), message),
    }
}

/// As [`load_file`], also handing back the bytes read (none when the file could not
/// be read): an edit of the file is refused when they are no longer what is on disk.
pub fn load_file_with_bytes(source: &SourceFile) -> (Loaded, Option<Vec<u8>>) {
    match read_bounded(&source.path) {
        Ok(bytes) => (load_bytes(source, &bytes), Some(bytes)),
        Err(message) => (Loaded::rejected(source, Site::start(), message), None),
    }
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`], or why not (a message as in diagnostics).
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    read_regular(path).map(|(bytes, _)| bytes)
}

/// The bytes of a regular file (never a FIFO or device), at most [`MAX_FILE_BYTES`],
/// with the metadata of the file read: the index compares both with what it holds.
/// The message of an error is the diagnostic [`load_file`] would give.
pub fn read_regular(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), String> {
    let (file, meta) = open_regular(path)?;
    Ok((read_whole(&file, meta.len())?, meta))
}

/// As [`read_bounded`], also handing back the file, still open: `suggest` keeps
/// each original it replaces open until the end of its run.
pub fn read_open(path: &Path) -> Result<(Vec<u8>, File), String> {
    let (file, meta) = open_regular(path)?;
    Ok((read_whole(&file, meta.len())?, file))
}

/// The bytes of an open regular file of `len` bytes, at most [`MAX_FILE_BYTES`].
fn read_whole(file: &File, len: u64) -> Result<Vec<u8>, String> {
    if len > MAX_FILE_BYTES {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // Take one byte past the limit, so a file that grows while read is still caught.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {}", io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens `path` for reading if it is a regular file (links followed). Anything
/// else is never opened: opening a FIFO would release a writer waiting on it.
/// Should a FIFO be swapped in between the look and the open, the open does
/// not block, and what was opened is refused by its type. With the metadata of the
/// file opened (one system call fewer per file than asking again).
fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), String> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(not_a_file(path, &meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options
        .open(path)
        .map_err(|e| match std::fs::metadata(path) {
            // What cannot even be opened (a socket, a folder without permission)
            // is named by its type where that explains more than the error.
            Ok(meta) if !meta.is_file() => not_a_file(path, &meta),
            _ => unopenable(path, &e),
        })?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read the file: {}", io_reason(&e)))?;
    if !meta.is_file() {
        return Err(not_a_file(path, &meta));
    }
    Ok((file, meta))
}

fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> String {
    if meta.is_dir() {
        return unlistable(path);
    }
    format!(
        "not a regular file ({}); only regular files are read",
        file_kind(&meta.file_type())
    )
}

/// Why a path could not be opened, in the user's terms: a link that leads
/// nowhere or in a circle says so.
fn unopenable(path: &Path, err: &std::io::Error) -> String {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    match err.raw_os_error() {
        #[cfg(unix)]
        Some(libc::ELOOP) => "a symbolic link that loops; it leads to no file".to_string(),
        _ if is_link && err.kind() == std::io::ErrorKind::NotFound => {
            match std::fs::read_link(path) {
                Ok(to) => format!(
                    "a symbolic link to {}, which does not exist",
                    crate::text::path(&to)
                ),
                Err(_) => "a symbolic link to nothing".to_string(),
            }
        }
        _ => format!("cannot read the file: {}", io_reason(err)),
    }
}

/// A folder reached as a source: the scan could not list it. Listing it again
/// gives the reason (permission, I/O) for the diagnostic.
fn unlistable(path: &Path) -> String {
    match std::fs::read_dir(path) {
        Err(e) => format!(
            "cannot read this folder: {}; its articles were not checked",
            io_reason(&e)
        ),
        Ok(_) => "this folder could not be read during the scan; check again".to_string(),
    }
}

/// The kind of a file that is not a regular file, in words.
pub fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "not a file"
    }
}

/// An I/O error's words without Rust's `(os error 13)` suffix.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

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
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        // One mark is tolerated; a second is text, and TOML has no place for it.
        Ok(text) if text.starts_with('\u{feff}') => Loaded::rejected(
            source,
            position::site(text, 0..3),
            "a second byte-order mark at the start of the file; remove it".to_string(),
        ),
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

/// For the fuzz targets only (`cargo fuzz` builds with `--cfg fuzzing`, so
/// this is never in the program): `bytes` checked piece by piece and whole,
/// when it is a file the piecewise check takes at all, for them to compare.
#[cfg(fuzzing)]
pub fn check_both_ways(source: &SourceFile, bytes: &[u8]) -> Option<(Loaded, Loaded)> {
    let text = std::str::from_utf8(bytes.strip_prefix(BOM).unwrap_or(bytes)).ok()?;
    check::both_ways(source, text)
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
        // One map of the table's keys: a file that redeclares thousands of
        // actors must not cost thousands × thousands.
        let keys: std::collections::HashMap<&str, std::ops::Range<usize>> = table
            .iter()
            .map(|(k, _)| (k.get_ref().as_ref(), k.span()))
            .collect();
        let mut found: Vec<(usize, std::ops::Range<usize>)> = actors
            .iter()
            .enumerate()
            .filter_map(|(i, id)| Some((i, keys.get(id.as_str())?.clone())))
            .collect();
        found.sort_by_key(|(_, span)| span.start);
        let spans: Vec<_> = found.iter().map(|(_, span)| span.clone()).collect();
        let mut out = vec![None; actors.len()];
        for ((i, _), site) in found.iter().zip(position::sites(text, &spans)) {
            out[*i] = Some(site);
        }
        Some(out)
    };
    let bytes = read_bounded(path).unwrap_or_default();
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    std::str::from_utf8(bytes)
        .ok()
        .and_then(found)
        .unwrap_or_else(|| vec![None; actors.len()])
}

/// Where the claim at `index` of the file's `claims` array is, in `bytes` (the file as
/// read): its `id` value, else the claim's own place. For an editor opened at the claim.
pub fn claim_site(bytes: &[u8], index: usize) -> Option<Site> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    let doc = toml::de::DeTable::parse(text).ok()?;
    let (_, claims) = doc
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "claims")?;
    let toml::de::DeValue::Array(claims) = claims.get_ref() else {
        return None;
    };
    let claim = claims.get(index)?;
    let span = match claim.get_ref() {
        toml::de::DeValue::Table(table) => table
            .iter()
            .find(|(k, _)| k.get_ref() == "id")
            .map_or_else(|| claim.span(), |(_, v)| v.span()),
        _ => claim.span(),
    };
    Some(position::site(text, span))
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
