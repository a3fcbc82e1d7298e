//! `whosaid actors merge FROM INTO`: one actor id rewritten as another in every
//! file, keeping every other byte (`toml_edit`, as review edits do).
//!
//! Every file is planned first: read, loaded, edited in memory, and the result
//! loaded and checked to name FROM nowhere. Only when every planned file passes
//! is anything written, each file atomically and only if it is still the bytes
//! that were read (the write machinery of [`crate::review`]).

use std::fmt;
use std::path::PathBuf;

use toml_edit::{DocumentMut, Item, Key, TableLike, Value};

use crate::diagnostic::Diagnostic;
use crate::load::{self, SourceFile};
use crate::model::{ActorId, Article};
use crate::review::{self, ReviewError};

/// Why a merge was refused; nothing was written.
#[derive(Debug)]
pub enum MergeError {
    /// An id that breaks the pattern `[a-z0-9][a-z0-9_-]*` (at most 64 bytes).
    BadId(String),
    /// FROM and INTO are the same id.
    SameId(String),
    /// No loaded file declares FROM.
    NotDeclared(String),
    /// The rewritten file would not load (or would still name FROM).
    WouldBreak {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
    /// Writing a planned file failed or was refused; the files before it in
    /// [`MergePlan::edits`] were written.
    Write {
        written: Vec<PathBuf>,
        error: ReviewError,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |s: &str| crate::text::sanitize(s).into_owned();
        match self {
            MergeError::BadId(id) => write!(
                f,
                "`{}` is not an actor id (lower-case letters, digits, `_` and `-`, at most 64 bytes)",
                shown(id)
            ),
            MergeError::SameId(id) => write!(f, "`{}` would be merged into itself", shown(id)),
            MergeError::NotDeclared(id) => {
                write!(f, "no file that loads declares the actor `{}`", shown(id))
            }
            MergeError::WouldBreak { path, diagnostics } => {
                write!(
                    f,
                    "{} would not load after the merge; nothing was written",
                    crate::text::path(path)
                )?;
                for d in diagnostics.iter().filter(|d| d.is_error()).take(3) {
                    write!(f, "\n  {}", crate::text::sanitize(&d.message))?;
                }
                Ok(())
            }
            MergeError::Write { written, error } => write!(
                f,
                "{error} ({} file(s) before it were merged)",
                written.len()
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// One file's merge: the bytes read and the bytes to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEdit {
    pub path: PathBuf,
    pub read: Vec<u8>,
    pub written: Vec<u8>,
}

/// What a merge will do: the files to rewrite, and the files left alone
/// because they do not load (they cannot be checked after an edit).
#[derive(Debug, Clone, Default)]
pub struct MergePlan {
    pub edits: Vec<FileEdit>,
    pub rejected: Vec<(PathBuf, Vec<Diagnostic>)>,
}

/// Plans the merge of actor `from` into `into` over `sources`, writing nothing.
pub fn plan(sources: &[SourceFile], from: &str, into: &str) -> Result<MergePlan, MergeError> {
    for id in [from, into] {
        if !valid_id(id) {
            return Err(MergeError::BadId(id.to_string()));
        }
    }
    if from == into {
        return Err(MergeError::SameId(from.to_string()));
    }
    let from_id = ActorId::new(from);
    let mut plan = MergePlan::default();
    let mut declared = false;
    for source in sources {
        let bytes = match load::read_bounded(&source.path) {
            Ok(bytes) => bytes,
            Err(message) => {
                let loaded = load::Loaded::rejected(source, load::Site::start(), message);
                plan.rejected
                    .push((source.path.clone(), loaded.diagnostics));
                continue;
            }
        };
        let loaded = load::load_bytes(source, &bytes);
        let Some(article) = loaded.article else {
            plan.rejected
                .push((source.path.clone(), loaded.diagnostics));
            continue;
        };
        if article.actor(&from_id).is_none() {
            // Every id a file uses is declared in it: no declaration, no mention.
            continue;
        }
        declared = true;
        let written = rewrite(source, &bytes, &article, from, into)?;
        plan.edits.push(FileEdit {
            path: source.path.clone(),
            read: bytes,
            written,
        });
    }
    if !declared {
        return Err(MergeError::NotDeclared(from.to_string()));
    }
    Ok(plan)
}

/// Writes a plan's files, in order, each atomically and only if unchanged since read.
pub fn apply(plan: &MergePlan) -> Result<Vec<PathBuf>, MergeError> {
    let mut written = Vec::new();
    for edit in &plan.edits {
        if let Err(error) = review::replace(&edit.path, &edit.read, &edit.written) {
            return Err(MergeError::Write { written, error });
        }
        written.push(edit.path.clone());
    }
    Ok(written)
}

fn valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    id.len() <= 64
        && bytes
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// The file's bytes with `from` rewritten as `into`, checked to load and to name `from` nowhere.
fn rewrite(
    source: &SourceFile,
    bytes: &[u8],
    article: &Article,
    from: &str,
    into: &str,
) -> Result<Vec<u8>, MergeError> {
    let broken = |diagnostics| MergeError::WouldBreak {
        path: source.path.clone(),
        diagnostics,
    };
    let (bom, text) = review::split_bom(bytes);
    let mut doc: DocumentMut = text.parse().map_err(|_| broken(Vec::new()))?;
    let both = article.actor(&ActorId::new(into)).is_some();
    if let Some(actors) = doc.get_mut("actors") {
        rename_declaration(actors, from, into, both);
        if let Some(table) = actors.as_table_like_mut() {
            for (_, actor) in table.iter_mut() {
                if let Some(actor) = actor.as_table_like_mut() {
                    rename_in_item(actor.get_mut("affiliation"), from, into);
                }
            }
        }
    }
    if let Some(claims) = doc.get_mut("claims") {
        each_table(claims, &mut |claim| {
            for key in ["asserted_by", "denied_by"] {
                if let Some(stances) = claim.get_mut(key) {
                    each_table(stances, &mut |stance| {
                        rename_in_item(stance.get_mut("actor"), from, into);
                        rename_in_item(stance.get_mut("via"), from, into);
                    });
                }
            }
            rename_in_item(claim.get_mut("about"), from, into);
        });
    }
    let mut written = bom.to_vec();
    written.extend_from_slice(review::keep_line_endings(text, &doc.to_string()).as_bytes());
    let loaded = load::load_bytes(source, &written);
    match loaded.article {
        Some(merged) if !names(&merged, &ActorId::new(from)) => Ok(written),
        _ => Err(broken(loaded.diagnostics)),
    }
}

/// Whether the article declares or uses `id` anywhere.
fn names(article: &Article, id: &ActorId) -> bool {
    article.actor(id).is_some()
        || article
            .actors
            .iter()
            .any(|a| a.affiliation.as_ref() == Some(id))
        || article.claims.iter().any(|c| {
            c.about.contains(id)
                || c.stances()
                    .any(|(_, s)| &s.actor == id || s.via.contains(id))
        })
}

/// Renames the key `from` of the actors table to `into`, keeping its place and
/// spacing; when the file declares both, `from`'s declaration goes and `into`'s stays.
/// Entries are taken out and put back in order, since a key cannot be renamed in place.
fn rename_declaration(actors: &mut Item, from: &str, into: &str, both: bool) {
    let renamed = |key: &Key| {
        Key::new(into)
            .with_leaf_decor(key.leaf_decor().clone())
            .with_dotted_decor(key.dotted_decor().clone())
    };
    match actors {
        Item::Table(table) => {
            let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
            for k in keys {
                let Some((key, item)) = table.remove_entry(&k) else {
                    continue;
                };
                if k == from {
                    if !both {
                        table.insert_formatted(&renamed(&key), item);
                    }
                } else {
                    table.insert_formatted(&key, item);
                }
            }
        }
        Item::Value(Value::InlineTable(table)) => {
            let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
            let last = keys.last().cloned();
            for k in keys {
                let Some((key, value)) = table.remove_entry(&k) else {
                    continue;
                };
                if k == from {
                    if both {
                        // The space before `}` rode on the last entry: the new last takes it.
                        if last.as_deref() == Some(k.as_str()) {
                            let suffix = value.decor().suffix().cloned().unwrap_or_default();
                            match table.iter_mut().last() {
                                Some((_, v)) => v.decor_mut().set_suffix(suffix),
                                None => table.set_trailing(suffix),
                            }
                        }
                    } else {
                        table.insert_formatted(&renamed(&key), value);
                    }
                } else {
                    table.insert_formatted(&key, value);
                }
            }
        }
        _ => {}
    }
}

/// Calls `f` on each table of an array of tables, whichever way it is spelled.
fn each_table(item: &mut Item, f: &mut dyn FnMut(&mut dyn TableLike)) {
    match item {
        Item::ArrayOfTables(tables) => tables.iter_mut().for_each(|t| f(t)),
        Item::Value(Value::Array(values)) => {
            for value in values.iter_mut() {
                if let Some(table) = value.as_inline_table_mut() {
                    f(table);
                }
            }
        }
        _ => {}
    }
}

/// Rewrites a string `from` (or each such element of an array) as `into`.
fn rename_in_item(item: Option<&mut Item>, from: &str, into: &str) {
    let Some(value) = item.and_then(Item::as_value_mut) else {
        return;
    };
    match value {
        Value::Array(values) => values.iter_mut().for_each(|v| rename_value(v, from, into)),
        v => rename_value(v, from, into),
    }
}

/// Replaces the string `from` by `into` in the same quotes, with the same spacing around it.
fn rename_value(value: &mut Value, from: &str, into: &str) {
    if value.as_str() != Some(from) {
        return;
    }
    let literal = match &*value {
        Value::String(s) => s
            .as_repr()
            .and_then(|r| r.as_raw().as_str())
            .is_some_and(|raw| raw.starts_with('\'')),
        _ => false,
    };
    let spelled = if literal {
        format!("'{into}'")
    } else {
        format!("\"{into}\"")
    };
    // An id needs no escapes, so the quoted form always parses.
    if let Ok(mut new) = spelled.parse::<Value>() {
        *new.decor_mut() = value.decor().clone();
        *value = new;
    }
}
