//! The review edits of FORMAT.md 1.1 ("suggested"): accepting or rejecting a
//! suggested claim in its file, and restoring the bytes an edit replaced (undo).
//!
//! Each edit rewrites only what it must (`toml_edit` keeps every other byte:
//! comments, order, spacing, quoting), replaces the file atomically (a temporary
//! file in the same folder, then a rename), and is refused with the file
//! untouched when the target is not a regular file, when the file on disk is no
//! longer the bytes the caller read, or when it (or the result) does not load.
//! Who names whom is read from the checked model, so every TOML spelling of a
//! stance, a `via` or an `about` counts.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Value};

use crate::diagnostic::Diagnostic;
use crate::load::{self, SourceFile};
use crate::model::{ActorId, Article, ArticleId, Claim};

/// Why a review edit was refused. In every case the file is as it was.
#[derive(Debug)]
pub enum ReviewError {
    /// The target is a folder, a link, a device … : only a regular file is replaced.
    NotRegularFile(PathBuf),
    /// The file on disk is not the bytes the caller read: read it again first.
    Changed(PathBuf),
    /// The file (or what the edit would write) does not load.
    DoesNotLoad {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
    /// No claim of the file has this id.
    NoSuchClaim { path: PathBuf, id: String },
    /// The claim is not suggested: there is nothing to accept or reject.
    NotSuggested { path: PathBuf, id: String },
    /// Reading or writing failed.
    Io { path: PathBuf, source: io::Error },
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| crate::text::path(p);
        match self {
            ReviewError::NotRegularFile(p) => {
                write!(f, "{} is not a regular file; it was left alone", shown(p))
            }
            ReviewError::Changed(p) => write!(
                f,
                "{} changed on disk since it was read; nothing was written",
                shown(p)
            ),
            ReviewError::DoesNotLoad { path, diagnostics } => write!(
                f,
                "{} does not load ({} problem(s)); nothing was written",
                shown(path),
                diagnostics.len()
            ),
            ReviewError::NoSuchClaim { path, id } => write!(
                f,
                "{} has no claim `{}`",
                shown(path),
                crate::text::sanitize(id)
            ),
            ReviewError::NotSuggested { path, id } => write!(
                f,
                "claim `{}` of {} is not suggested",
                crate::text::sanitize(id),
                shown(path)
            ),
            ReviewError::Io { path, source } => write!(f, "{}: {source}", shown(path)),
        }
    }
}

impl std::error::Error for ReviewError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReviewError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Accepts the suggested claim `claim` of the file at `path`, which the caller
/// read as `read`: removes the claim's `suggested` key and that of every actor
/// it names (a stance's `actor`, a `via`, its `about`). Returns the bytes written.
pub fn accept(path: &Path, read: &[u8], claim: &str) -> Result<Vec<u8>, ReviewError> {
    edit(path, read, claim, |doc, article, index| {
        let target = &article.claims[index];
        if let Some(table) = claim_item(doc, index) {
            remove_key(table, "suggested");
        }
        for id in named_by(target) {
            if let Some(actor) = actor_item(doc, id.as_str()) {
                remove_key(actor, "suggested");
            }
        }
    })
}

/// Rejects the suggested claim `claim` of the file at `path`, which the caller
/// read as `read`: removes the claim, then every actor with `suggested = true`
/// that nothing remaining names (a stance's `actor`, a `via`, an `about`, an
/// `affiliation`). Returns the bytes written.
pub fn reject(path: &Path, read: &[u8], claim: &str) -> Result<Vec<u8>, ReviewError> {
    edit(path, read, claim, |doc, article, index| {
        remove_claim(doc, index);
        if let Some(actors) = doc.get_mut("actors") {
            for id in orphans(article, index) {
                if let Some(table) = as_table(actors) {
                    remove_key(table, id.as_str());
                }
            }
        }
    })
}

/// Undo: puts `previous` back in place of the file at `path`, if the file is
/// still `expected_current` (what the edit wrote) and `previous` loads.
pub fn restore(path: &Path, expected_current: &[u8], previous: &[u8]) -> Result<(), ReviewError> {
    unchanged(path, expected_current)?;
    loads(path, previous)?;
    replace(path, expected_current, previous)
}

/// The shared steps of an edit: the file is as read and loads, the claim is
/// suggested, `change` edits the document, the result loads and is written.
fn edit(
    path: &Path,
    read: &[u8],
    claim: &str,
    change: impl FnOnce(&mut DocumentMut, &Article, usize),
) -> Result<Vec<u8>, ReviewError> {
    unchanged(path, read)?;
    let article = loads(path, read)?;
    let index = article
        .claims
        .iter()
        .position(|c| c.id.as_str() == claim)
        .ok_or_else(|| ReviewError::NoSuchClaim {
            path: path.to_path_buf(),
            id: claim.to_string(),
        })?;
    if !article.claims[index].suggested {
        return Err(ReviewError::NotSuggested {
            path: path.to_path_buf(),
            id: claim.to_string(),
        });
    }
    let (bom, text) = split_bom(read);
    // It loaded, so it is UTF-8 TOML; a parse failure here is toml_edit disagreeing.
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| ReviewError::Io {
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::InvalidData, e.to_string()),
        })?;
    change(&mut doc, &article, index);
    let mut written = bom.to_vec();
    written.extend_from_slice(keep_line_endings(text, &doc.to_string()).as_bytes());
    loads(path, &written)?;
    replace(path, read, &written)?;
    Ok(written)
}

/// The file's bytes as `(byte-order mark, text)`; the text of bytes that loaded is UTF-8.
pub(crate) fn split_bom(bytes: &[u8]) -> (&[u8], &str) {
    let bom: &[u8] = if bytes.starts_with(b"\xEF\xBB\xBF") {
        &bytes[..3]
    } else {
        &[]
    };
    (bom, std::str::from_utf8(&bytes[bom.len()..]).unwrap_or(""))
}

/// Refuses anything but a regular file whose bytes are `expected`.
pub(crate) fn unchanged(path: &Path, expected: &[u8]) -> Result<(), ReviewError> {
    let io = |source| ReviewError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Not followed: a rename would replace a link, not the file it points to.
    let meta = std::fs::symlink_metadata(path).map_err(io)?;
    if !meta.file_type().is_file() {
        return Err(ReviewError::NotRegularFile(path.to_path_buf()));
    }
    let now = std::fs::read(path).map_err(io)?;
    if now != expected {
        return Err(ReviewError::Changed(path.to_path_buf()));
    }
    Ok(())
}

/// The article in `bytes`, or why it does not load.
fn loads(path: &Path, bytes: &[u8]) -> Result<Article, ReviewError> {
    let id = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let source = SourceFile {
        path: path.to_path_buf(),
        id: ArticleId::new(id),
    };
    let loaded = load::load_bytes(&source, bytes);
    loaded.article.ok_or_else(|| ReviewError::DoesNotLoad {
        path: path.to_path_buf(),
        diagnostics: loaded.diagnostics,
    })
}

/// Writes `new` over `path` atomically, after checking once more that it is
/// still the regular file holding `read`; keeps its permissions.
pub(crate) fn replace(path: &Path, read: &[u8], new: &[u8]) -> Result<(), ReviewError> {
    let io = |source| ReviewError::Io {
        path: path.to_path_buf(),
        source,
    };
    unchanged(path, read)?;
    // The one atomic writer: keeps mode and owner, leaves no temporary file,
    // even on a signal.
    crate::export::write_atomically(path, true, |out| out.write_all(new)).map_err(|e| match e {
        crate::export::ExportError::Io { source, .. } => io(source),
        other => io(std::io::Error::other(other.to_string())),
    })
}

/// The actors a claim names: its stances' actors and `via`s, and its `about`.
fn named_by(claim: &Claim) -> Vec<&ActorId> {
    let mut named: Vec<&ActorId> = Vec::new();
    for (_, stance) in claim.stances() {
        named.push(&stance.actor);
        named.extend(&stance.via);
    }
    named.extend(&claim.about);
    named
}

/// The suggested actors that nothing names once claim `rejected` is gone, nor
/// any actor that stays: found by counting references, so that an actor named
/// only by another orphan goes too, in time linear in the file.
fn orphans(article: &Article, rejected: usize) -> Vec<&ActorId> {
    let mut references: HashMap<&ActorId, usize> = HashMap::new();
    let remaining = article
        .claims
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != rejected);
    for (_, claim) in remaining {
        for id in named_by(claim) {
            *references.entry(id).or_default() += 1;
        }
    }
    for actor in &article.actors {
        if let Some(target) = &actor.affiliation {
            *references.entry(target).or_default() += 1;
        }
    }
    let by_id: HashMap<&ActorId, &crate::model::Actor> =
        article.actors.iter().map(|a| (&a.id, a)).collect();
    let unnamed =
        |id: &ActorId, refs: &HashMap<&ActorId, usize>| refs.get(id).copied().unwrap_or(0) == 0;
    let mut queue: Vec<&ActorId> = article
        .actors
        .iter()
        .filter(|a| a.suggested && unnamed(&a.id, &references))
        .map(|a| &a.id)
        .collect();
    let mut removed: Vec<&ActorId> = Vec::new();
    while let Some(id) = queue.pop() {
        removed.push(id);
        let Some(target) = by_id.get(id).and_then(|a| a.affiliation.as_ref()) else {
            continue;
        };
        if let Some(count) = references.get_mut(target) {
            *count = count.saturating_sub(1);
            if *count == 0 && by_id.get(target).is_some_and(|a| a.suggested) {
                queue.push(target);
            }
        }
    }
    removed
}

/// The `index`th claim's table, whichever way the file spells the array.
fn claim_item(doc: &mut DocumentMut, index: usize) -> Option<TableMut<'_>> {
    match doc.get_mut("claims")? {
        Item::ArrayOfTables(tables) => tables.get_mut(index).map(TableMut::Standard),
        Item::Value(Value::Array(values)) => values
            .get_mut(index)?
            .as_inline_table_mut()
            .map(TableMut::Inline),
        _ => None,
    }
}

/// Actor `id`'s table, whether `[actors.ID]`, dotted keys or inline.
fn actor_item<'d>(doc: &'d mut DocumentMut, id: &str) -> Option<TableMut<'d>> {
    as_table(doc.get_mut("actors")?.as_table_like_mut()?.get_mut(id)?)
}

/// A table of the document, standard or inline: they lose a key differently.
enum TableMut<'d> {
    Standard(&'d mut toml_edit::Table),
    Inline(&'d mut toml_edit::InlineTable),
}

/// The table an item is, if it is one.
fn as_table(item: &mut Item) -> Option<TableMut<'_>> {
    match item {
        Item::Table(t) => Some(TableMut::Standard(t)),
        Item::Value(Value::InlineTable(t)) => Some(TableMut::Inline(t)),
        _ => None,
    }
}

/// Removes `key` with its line (standard table) or its `key = value` (inline).
/// An inline table's last entry carries the space before `}`: the new last
/// entry takes it over, so `{ a = 1, b = 2 }` loses `b` as `{ a = 1 }` (and
/// `{ a = 1 }` loses `a` as `{ }`).
fn remove_key(table: TableMut<'_>, key: &str) {
    match table {
        TableMut::Standard(table) => {
            table.remove(key);
        }
        TableMut::Inline(table) => {
            let was_last = table.iter().last().is_some_and(|(k, _)| k == key);
            let Some(removed) = table.remove(key) else {
                return;
            };
            let suffix = removed.decor().suffix().cloned().unwrap_or_default();
            if !was_last {
                return;
            }
            match table.iter_mut().last() {
                Some((_, value)) => value.decor_mut().set_suffix(suffix),
                // Emptied: `{ a = 1 }` becomes `{ }`.
                None => table.set_trailing(suffix),
            }
        }
    }
}

fn remove_claim(doc: &mut DocumentMut, index: usize) {
    match doc.get_mut("claims") {
        Some(Item::ArrayOfTables(tables)) if index < tables.len() => {
            tables.remove(index);
        }
        Some(Item::Value(Value::Array(values))) if index < values.len() => {
            values.remove(index);
        }
        _ => {}
    }
}

/// `edited` with the line endings of `original` where their lines agree:
/// `toml_edit` writes LF between items, and a CRLF file must stay CRLF. The
/// edits only remove text, so each line of `edited` is found at or after the
/// last line matched in `original`; a line changed in place (an inline table)
/// takes the ending of the original line where the search stands.
pub(crate) fn keep_line_endings(original: &str, edited: &str) -> String {
    if !original.contains('\r') {
        return edited.to_string();
    }
    let lines: Vec<&str> = original.split_inclusive('\n').collect();
    let content =
        |line: &str| -> usize { line.trim_end_matches('\n').trim_end_matches('\r').len() };
    let mut out = String::with_capacity(original.len());
    let mut at = 0;
    for line in edited.split_inclusive('\n') {
        let text = &line[..content(line)];
        let ends = line.ends_with('\n');
        let found = lines[at.min(lines.len())..]
            .iter()
            .position(|l| &l[..content(l)] == text);
        let source = match found {
            Some(k) => {
                at += k + 1;
                lines.get(at - 1)
            }
            None => lines.get(at),
        };
        out.push_str(text);
        if ends {
            match source.map(|l| &l[content(l)..]) {
                Some(ending) if !ending.is_empty() => out.push_str(ending),
                _ => out.push('\n'),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
