//! Starting from the index: its rows at once, then what changed on disk once `verify` ran,
//! as the same file changes the watcher reports, so one path takes both into the list.

use std::path::Path;

use crate::index::{Changes, Index, IndexedRow, RowOrder};
use crate::model::ArticleId;

use super::app::{App, Loading};
use super::config::Sort;
use super::filter::Indexed;
use super::library::{Problem, Row};
use super::watch::FileChange;

/// Rows read for the first screen before the whole list: more than any terminal shows.
pub const HEAD_ROWS: usize = 200;

/// What starting from the index reports, in this order: `Opened`, `Head` (when asked
/// for, and the index holds any row), `Listed`, `Checked`, then `Vocabulary` when no
/// `Ready` came after the check (or `Failed` at any point, after which the files must
/// be scanned as without an index). `Ready` comes before the check (a warm index) or
/// just before `Checked`.
#[derive(Debug)]
pub enum IndexEvent {
    /// The index is open; a one-line notice when it was rebuilt or is a private one.
    Opened(Option<String>),
    /// The first [`HEAD_ROWS`] rows in the list's order, to draw before the whole list
    /// is read; `Listed` follows with every row (these again among them).
    Head(Vec<FileChange>),
    /// Every row the index held (those of failed files as problems).
    Listed(Listing),
    /// The index, as a second connection with what the corpus names, for the search
    /// prompt: sent once it holds the files as the list shows (or is about to).
    Ready(Box<Indexed>),
    /// A check run after files changed under the reader is over (see
    /// [`reindex`]): the index holds them now.
    Reindexed(Box<Indexed>),
    /// What the corpus names, read once the check is over (when the prompt got the
    /// index before it, and nothing changed): for the prompt, unless it has read it.
    Vocabulary(Box<crate::query::Vocabulary>),
    /// Verification is over: the rows that differ from `Listed` (files added, edited,
    /// re-read) and the ids gone, to apply as the watcher's changes are.
    Checked(Vec<FileChange>),
    /// The index cannot be used: why.
    Failed(String),
}

/// Every row the index held, as the list takes them in: the rows of files that load
/// and the problems of those that fail. Rows travel unboxed, in one buffer: a box each
/// would leave 100,000 holes in the worker's heap once the list has taken them.
#[derive(Debug, Default)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub problems: Vec<Problem>,
}

impl Listing {
    /// How many files: rows and problems.
    pub fn len(&self) -> usize {
        self.rows.len() + self.problems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.problems.is_empty()
    }

    /// The same, as the changes the watcher reports.
    pub fn into_changes(self) -> Vec<FileChange> {
        let rows = self.rows.into_iter().map(|r| FileChange::Row(Box::new(r)));
        let problems = self.problems.into_iter();
        rows.chain(problems.map(|p| FileChange::Problem(Box::new(p))))
            .collect()
    }
}

/// One indexed row as the list holds it: its row, or its file's stored diagnostics.
fn listed_of(index: &Index, row: IndexedRow) -> Result<Result<Row, Problem>, crate::index::Error> {
    Ok(match Row::from_indexed(row) {
        Ok(row) => Ok(row),
        Err(row) => {
            let row = *row;
            Err(Problem {
                diagnostics: index.diagnostics(&row.id)?,
                id: row.id,
                path: row.path,
                // The index keeps the diagnostics the loader showed, not its tally of the rest.
                hidden: crate::diagnostic::Tally::default(),
            })
        }
    })
}

/// The change for one indexed row: its row, or its file's stored diagnostics.
fn change_of(index: &Index, row: IndexedRow) -> Result<FileChange, crate::index::Error> {
    Ok(match listed_of(index, row)? {
        Ok(row) => FileChange::Row(Box::new(row)),
        Err(problem) => FileChange::Problem(Box::new(problem)),
    })
}

/// A hash of everything a listed row shows: what is kept of the list to compare with
/// the index after the check (a row each, not a copy of it; 100,000 rows are many MB).
fn fingerprint(row: &IndexedRow) -> u64 {
    use std::hash::{Hash, Hasher};
    // Fixed keys: the same row gives the same value all through the process.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    row.hash(&mut hasher);
    hasher.finish()
}

/// What is kept of the list while the files are checked: each listed id with its row's
/// [`fingerprint`], sorted by id (32 bytes a row, where a hash map took twice that).
type Kept = Vec<(ArticleId, u64)>;

/// What to apply to a list made of `kept` so it shows the index as it is now (its rows
/// read one at a time): rows that differ or that `verify` re-read, and ids gone.
/// Compared with what was listed rather than taken from `verify`'s changes alone,
/// because those are relative to the index when verification began, and another
/// reader may have written it since our list.
fn changes_since(
    index: &Index,
    mut kept: Kept,
    changes: Changes,
) -> Result<Vec<FileChange>, crate::index::Error> {
    // Each list is in id order; together, sorted once, looked up by halving.
    let mut touched = changes.inserted;
    touched.extend(changes.replaced);
    touched.sort_unstable();
    // Listed in the index's id order, which is the bytes' order, as here: this sort
    // only checks that.
    kept.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut seen = vec![false; kept.len()];
    let mut out = Vec::new();
    index.each_row(&mut |row| {
        let listed = kept.binary_search_by(|(id, _)| id.cmp(&row.id)).ok();
        if let Some(at) = listed {
            seen[at] = true;
        }
        let same = listed.is_some_and(|at| kept[at].1 == fingerprint(&row))
            && touched.binary_search(&row.id).is_err();
        if !same {
            out.push(change_of(index, row)?);
        }
        Ok(())
    })?;
    let gone = kept.into_iter().zip(seen).filter(|(_, seen)| !seen);
    out.extend(gone.map(|((id, _), _)| FileChange::Removed(id)));
    Ok(out)
}

/// Opens the index of `articles` (kept in `cache`, else the user's cache folder), lists
/// its rows, verifies it against the files and reports each step to `send` (false:
/// nobody listens, stop). Runs on a worker: verification reads every file.
pub fn start(cache: Option<&Path>, articles: &Path, send: &dyn Fn(IndexEvent) -> bool) {
    start_with_head(cache, articles, None, send);
}

/// As [`start`], and first sends the list's first screen in the order `sort` (when the
/// index can give it in that order): a query of a few rows, drawn while every row
/// is read.
pub fn start_with_head(
    cache: Option<&Path>,
    articles: &Path,
    sort: Option<Sort>,
    send: &dyn Fn(IndexEvent) -> bool,
) {
    if let Err(e) = run(cache, articles, sort.and_then(head_order), send) {
        send(IndexEvent::Failed(e.to_string().replace(['\n', '\r'], " ")));
    }
}

/// The index's order for the list's `sort`: none for titles, which the list compares
/// folded, as SQL does not.
fn head_order(sort: Sort) -> Option<RowOrder> {
    match sort {
        Sort::Newest => Some(RowOrder::Newest),
        Sort::Oldest => Some(RowOrder::Oldest),
        Sort::Id => Some(RowOrder::Id),
        Sort::Title => None,
    }
}

/// The page cache, in KiB, of the connection that lists the rows and checks the files.
const ROWS_CACHE_KIB: u32 = 4096;

fn run(
    cache: Option<&Path>,
    articles: &Path,
    head: Option<RowOrder>,
    send: &dyn Fn(IndexEvent) -> bool,
) -> Result<(), crate::index::Error> {
    let (index, notice) = match cache {
        Some(cache) => Index::open_in(cache, articles)?,
        None => Index::open(articles)?,
    };
    if !send(IndexEvent::Opened(notice.map(|n| n.0))) {
        return Ok(());
    }
    // The rows are read once: pages kept for later would only be the reader's memory
    // (tens of MB at 100,000 articles). A build or a large check gets the full cache back.
    let _ = index.limit_cache(ROWS_CACHE_KIB);
    // One snapshot for the head and the rows: no row of the head can be missing from
    // the list because another reader's check removed it in between.
    let read = index.snapshot(|index| {
        if let Some(order) = head {
            let first = index.head(order, HEAD_ROWS)?;
            if !first.is_empty() {
                let first = first
                    .into_iter()
                    .map(|row| change_of(index, row))
                    .collect::<Result<_, _>>()?;
                if !send(IndexEvent::Head(first)) {
                    return Ok(None);
                }
            }
        }
        // One row at a time: all of them read first would be ~20 MB more at the peak.
        let mut kept = Kept::new();
        let mut listed = Listing::default();
        index.each_row(&mut |row| {
            kept.push((row.id.clone(), fingerprint(&row)));
            match listed_of(index, row)? {
                Ok(row) => listed.rows.push(row),
                Err(problem) => listed.problems.push(problem),
            }
            Ok(())
        })?;
        Ok(Some((kept, listed)))
    })?;
    let Some((kept, listed)) = read else {
        return Ok(());
    };
    let warm = !listed.is_empty();
    if !send(IndexEvent::Listed(listed)) {
        return Ok(());
    }
    // A warm index answers the prompt at once: it holds what was just listed. Its
    // vocabulary comes after the check, so the two are not in memory at once (the
    // prompt reads it itself if asked before).
    if warm && !send(IndexEvent::Ready(Box::new(Indexed::new(index.another()?)))) {
        return Ok(());
    }
    if !warm {
        let _ = index.limit_cache(crate::index::CACHE_KIB);
    }
    let changes = index.verify(&mut |_| {})?;
    let changed = changes_since(&index, kept, changes)?;
    // Before the changes, so the list they make is filtered by the index that holds them;
    // a warm index that nothing changed already answers the prompt.
    let again = !warm || !changed.is_empty();
    if again && !send(IndexEvent::Ready(Box::new(indexed(&index)?))) {
        return Ok(());
    }
    if !send(IndexEvent::Checked(changed)) || again {
        return Ok(());
    }
    // The prompt reads it when first asked, should this fail.
    if let Ok(vocabulary) = index.vocabulary() {
        send(IndexEvent::Vocabulary(Box::new(vocabulary)));
    }
    Ok(())
}

/// A second connection to `index`, with what the corpus names.
fn indexed(index: &Index) -> Result<Indexed, crate::index::Error> {
    Ok(Indexed::with_vocabulary(
        index.another()?,
        index.vocabulary()?,
    ))
}

/// Checks the files again against the index (after the watcher or a reload read
/// some) and sends [`IndexEvent::Reindexed`]; on a worker. Errors are dropped:
/// the rows it would have covered stay judged in memory.
pub fn reindex(index: Index, send: &dyn Fn(IndexEvent) -> bool) {
    let done = index
        .verify(&mut |_| {})
        .and_then(|_| index.vocabulary())
        .map(|vocabulary| Indexed::with_vocabulary(index, vocabulary));
    if let Ok(indexed) = done {
        send(IndexEvent::Reindexed(Box::new(indexed)));
    }
}

/// What the loop must do after an index event: nothing, or read the files as without an
/// index (on a list still loading, or again over a list the index filled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    Nothing,
    /// Start the loader: the list is still empty and loading.
    Scan,
    /// Read every file again over the rows the index gave (a reload).
    Rescan,
}

/// How far starting from the index has got, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Progress {
    /// Not started from the index (a test's app, say).
    #[default]
    Off,
    /// Waiting for the index or for its check against the files.
    Checking,
    /// The check is over, or the index gave up and the files are read instead.
    Over,
}

impl App {
    /// Takes in one report of [`start`]. A new (empty) index makes the loader start at
    /// once beside the check, so a first start fills the list as fast as without an
    /// index while the check builds the index for the next one.
    pub fn on_index(&mut self, event: IndexEvent) -> Then {
        match event {
            IndexEvent::Opened(notice) => {
                self.index_progress = Progress::Checking;
                if notice.is_some() {
                    self.message = notice;
                }
                Then::Nothing
            }
            IndexEvent::Head(rows) => {
                // Loading goes on: `Listed` brings the rest.
                self.on_changes(rows);
                Then::Nothing
            }
            // The loader already reads every file (started as no index was there).
            IndexEvent::Listed(_) if self.index_scanning => Then::Nothing,
            IndexEvent::Listed(rows) if rows.is_empty() => {
                self.index_scanning = true;
                Then::Scan
            }
            IndexEvent::Listed(listing) => {
                // Room for every row at once: growing by doubling would, at 100,000
                // rows, briefly hold the list twice.
                self.library.reserve(listing.rows.len());
                let Listing { rows, problems } = listing;
                let rows = rows.into_iter().map(|r| FileChange::Row(Box::new(r)));
                let problems = problems.into_iter();
                self.on_changes(rows.chain(problems.map(|p| FileChange::Problem(Box::new(p)))));
                self.library.finish();
                self.loading = Loading::Done;
                Then::Nothing
            }
            IndexEvent::Ready(indexed) => {
                self.use_index(*indexed);
                Then::Nothing
            }
            IndexEvent::Reindexed(indexed) => {
                self.reindexed(*indexed);
                Then::Nothing
            }
            IndexEvent::Vocabulary(vocabulary) => {
                if let Some(indexed) = &self.index {
                    indexed.offer_vocabulary(*vocabulary);
                }
                Then::Nothing
            }
            IndexEvent::Checked(changes) => {
                self.index_progress = Progress::Over;
                self.on_checked(changes);
                Then::Nothing
            }
            IndexEvent::Failed(reason) => {
                self.index_progress = Progress::Over;
                self.changed_during_check.clear();
                self.index = None;
                self.message = Some(format!("Index not used ({reason}): reading the files."));
                if std::mem::replace(&mut self.index_scanning, true) {
                    // The loader already runs and fills the list.
                    Then::Nothing
                } else if matches!(self.loading, Loading::Done) || !self.library.is_empty() {
                    // Rows the index gave (a whole list or its head): a reload, so what
                    // the files no longer have goes.
                    Then::Rescan
                } else {
                    Then::Scan
                }
            }
        }
    }
}
