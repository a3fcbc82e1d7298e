//! A persistent index of an articles folder: an SQLite cache of every file's list
//! row, actors, claims, stances and diagnostics, with full-text search.
//!
//! The files stay the only source of truth. The index lives in
//! `$XDG_CACHE_HOME/whosaid/` (else `~/.cache/whosaid/`), one database per
//! articles folder, and may be deleted at any time. A damaged, foreign or
//! outdated index is rebuilt, with a one-line [`Notice`]; where none can be
//! written, a private one in a temporary folder is used (and removed on drop).
//! Several processes may read one index at once (WAL mode); writes take turns.
//!
//! Start-up: [`Index::open`], then [`Index::rows`] at once, then [`Index::verify`]
//! on a worker, which reports what changed on disk as [`Changes`].

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::UsageError;
use crate::model::{ActorId, ArticleId, ClaimId};

mod filter;
mod grams;
mod packed;
mod page;
mod query;
mod schema;
mod search;
mod store;
mod verify;
mod words;

pub use filter::Match;
pub use page::{Declaration, Side, Sided};
pub use query::{
    ActorColumn, ActorStance, ActorSummary, ArticleRef, ClaimRef, Contested, Filter, Relay,
    StatusFilter,
};
pub use search::{Field, Hit, fold};
pub use verify::{Changes, Progress};

/// How long a write waits for another process's write to finish.
const BUSY: Duration = Duration::from_secs(10);
/// How long a new file's journal mode may stay another process's before we give up on it.
const MODE_WAIT: Duration = Duration::from_secs(1);

/// Why the index could not be used at all (not even a private temporary one).
#[derive(Debug)]
pub enum Error {
    /// The articles folder itself is wrong (see [`UsageError`]).
    Usage(UsageError),
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(e) => write!(f, "{e}"),
            Error::Sqlite(e) => write!(f, "index: {e}"),
            Error::Io(e) => write!(f, "index: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

impl From<UsageError> for Error {
    fn from(e: UsageError) -> Self {
        Error::Usage(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

/// A one-line message about how the index was opened, for the status bar or stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One article (or rejected file) as the article list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndexedRow {
    pub id: ArticleId,
    pub path: PathBuf,
    /// `None` when the file has errors and so no article.
    pub title: Option<String>,
    /// RFC 3339 as written in the file.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub claims: u32,
    pub contested: u32,
    pub has_suggested: bool,
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub has_errors: bool,
}

/// An order of the article list that the index can give its first rows in (see
/// [`Index::head`]); the same order as the reader's list sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// Newest `published` first, undated last, then by id.
    Newest,
    /// Oldest `published` first, undated last, then by id.
    Oldest,
    Id,
}

/// What `whosaid index --stats` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub path: PathBuf,
    pub files: u64,
    pub rejected: u64,
    pub actors: u64,
    pub claims: u64,
    pub stances: u64,
    /// Bytes of the database file and its write-ahead log.
    pub bytes: u64,
}

/// An open index of one articles folder.
pub struct Index {
    conn: Connection,
    root: PathBuf,
    path: PathBuf,
    /// What the filters of the last query kept (see [`filter::FilterCache`]).
    filters: filter::FilterCache,
    /// Holds the private temporary index's folder, removed when the last
    /// connection to it is dropped (see [`Index::another`]).
    _private: Option<std::sync::Arc<tempfile::TempDir>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("root", &self.root)
            .field("path", &self.path)
            .finish()
    }
}

/// The page cache of a connection, in KiB: what building the index and searching it
/// want. A reader that only reads its rows once asks for less ([`Index::limit_cache`]).
pub const CACHE_KIB: u32 = 32 * 1024;

/// Where indexes live: `$XDG_CACHE_HOME/whosaid`, else `$HOME/.cache/whosaid`.
pub fn cache_dir() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| {
        let p = PathBuf::from(v);
        p.is_absolute().then_some(p)
    };
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(".cache"))
        })
        .map(|c| c.join("whosaid"))
}

/// The database for `root` inside `cache`: named after the folder's canonical path,
/// so each articles folder has its own.
pub fn db_path(cache: &Path, root: &Path) -> PathBuf {
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = xxhash_rust::xxh3::xxh3_64(&verify::path_bytes(&canonical));
    let name = canonical
        .file_name()
        .map(|n| crate::slug::slug(&n.to_string_lossy(), "articles"))
        .unwrap_or_default();
    cache.join(format!("{name}-{hash:016x}.sqlite"))
}

fn code(err: &rusqlite::Error) -> Option<ErrorCode> {
    err.sqlite_error_code()
}

/// The kind of failure that means "this file is not a usable database": delete it.
fn damaged(err: &rusqlite::Error) -> bool {
    matches!(
        code(err),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY)?;
    // Before WAL mode, so a new file gets it: rows of a few KB (bodies) pack
    // into 16 KB pages with little waste, where 4 KB pages hold one each.
    conn.execute_batch(&format!(
        "PRAGMA page_size = 16384; PRAGMA cache_size = -{CACHE_KIB};"
    ))?;
    let mode = wal_mode(&conn)?;
    if !mode.eq_ignore_ascii_case("wal") {
        // Another process holds it in a mode where we would block its readers.
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some(format!("journal mode is {mode}, not wal")),
        ));
    }
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;")?;
    Ok(conn)
}

/// Takes the write lock (`BEGIN IMMEDIATE`). The busy timeout covers the usual
/// wait for another writer; a busy answer SQLite gives at once (a snapshot
/// another process has just moved past) is retried too, as long as a busy
/// connection would wait.
pub(crate) fn begin_immediate(conn: &Connection) -> rusqlite::Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.execute_batch("BEGIN IMMEDIATE") {
            Err(e) if code(&e) == Some(ErrorCode::DatabaseBusy) && started.elapsed() < BUSY => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// Switches to WAL mode. When several processes open a new file at once, the
/// switch can meet another's lock in a way SQLite reports as busy at once,
/// without waiting (its busy handler is not called for it): retried, briefly,
/// for as long as a busy connection would wait.
fn wal_mode(conn: &Connection) -> rusqlite::Result<String> {
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(e) if code(&e) == Some(ErrorCode::DatabaseBusy) && started.elapsed() < BUSY => {}
            // Another process may still be switching the new file's mode.
            Ok(mode) if !mode.eq_ignore_ascii_case("wal") && started.elapsed() < MODE_WAIT => {}
            other => return other,
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Opens the database at `path` for `root`, creating or rebuilding its tables as
/// needed; returns what was done, if worth a notice.
fn open_db(path: &Path, root: &str) -> rusqlite::Result<(Connection, Option<String>)> {
    let conn = connect(path)?;
    // Judged again under the write lock: another process may have just built it.
    let note = match schema::kind(&conn)? {
        schema::Kind::Current if schema::held_root(&conn).as_deref() == Some(root) => None,
        schema::Kind::Current => {
            schema::recreate(&conn, root, false)?.then_some("held another folder; rebuilt")
        }
        schema::Kind::Empty => {
            schema::recreate(&conn, root, false)?;
            None
        }
        schema::Kind::Outdated => schema::recreate(&conn, root, false)?
            .then_some("was written by another version; rebuilt"),
        schema::Kind::Foreign => {
            schema::recreate(&conn, root, false)?.then_some("was not a whosaid index; rebuilt")
        }
    };
    Ok((conn, note.map(str::to_string)))
}

/// Removes a database and its WAL and shared-memory files.
fn remove_db(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

impl Index {
    /// Opens (creating if needed) the index of `articles` in the user's cache folder.
    /// See [`Index::open_in`].
    pub fn open(articles: &Path) -> Result<(Index, Option<Notice>), Error> {
        match cache_dir() {
            Some(cache) => Index::open_in(&cache, articles),
            None => {
                let (index, _) = Index::private(articles)?;
                let notice = "index: no cache folder (neither XDG_CACHE_HOME nor HOME is set); \
                              using a private temporary index";
                Ok((index, Some(Notice(notice.to_string()))))
            }
        }
    }

    /// Opens the index of `articles` kept in `cache`. Never fails over the index
    /// itself: a damaged one is deleted and rebuilt, a foreign or outdated one is
    /// rebuilt in place (in one write transaction, so other readers keep their
    /// view), and where none can be written a private temporary index is used;
    /// the [`Notice`] says which. Fails only when not even that can be created.
    ///
    /// A new or rebuilt index is empty: [`Index::verify`] fills it.
    pub fn open_in(cache: &Path, articles: &Path) -> Result<(Index, Option<Notice>), Error> {
        let root = std::fs::canonicalize(articles).unwrap_or_else(|_| articles.to_path_buf());
        let root_text = root.to_string_lossy().into_owned();
        let path = db_path(cache, articles);
        let attempt = std::fs::create_dir_all(cache)
            .map_err(Error::Io)
            .and_then(|()| open_db(&path, &root_text).map_err(Error::Sqlite));
        let failure = match attempt {
            Ok((conn, note)) => {
                let index = Index {
                    conn,
                    root: articles.to_path_buf(),
                    path: path.clone(),
                    _private: None,
                    filters: Default::default(),
                };
                let notice =
                    note.map(|n| Notice(format!("index {}: {n}", crate::text::path(&path))));
                return Ok((index, notice));
            }
            Err(Error::Sqlite(e)) if damaged(&e) => {
                // Not a database at all: nobody can be using it, so start afresh.
                if remove_db(&path).is_ok()
                    && let Ok((conn, _)) = open_db(&path, &root_text)
                {
                    let index = Index {
                        conn,
                        root: articles.to_path_buf(),
                        path: path.clone(),
                        _private: None,
                        filters: Default::default(),
                    };
                    let notice = format!("index {} was damaged; rebuilt", crate::text::path(&path));
                    return Ok((index, Some(Notice(notice))));
                }
                e.to_string()
            }
            Err(e) => e.to_string(),
        };
        let (index, _) = Index::private(articles)?;
        let notice = format!(
            "index {} cannot be used ({}); using a private temporary index",
            crate::text::path(&path),
            failure.replace(['\n', '\r'], " ")
        );
        Ok((index, Some(Notice(notice))))
    }

    /// An index in a new temporary folder, removed when the index is dropped.
    fn private(articles: &Path) -> Result<(Index, Option<Notice>), Error> {
        let dir = tempfile::Builder::new()
            .prefix("whosaid-index-")
            .tempdir()?;
        let path = dir.path().join("index.sqlite");
        let root = std::fs::canonicalize(articles).unwrap_or_else(|_| articles.to_path_buf());
        let (conn, _) = open_db(&path, &root.to_string_lossy())?;
        let index = Index {
            conn,
            root: articles.to_path_buf(),
            path,
            _private: Some(std::sync::Arc::new(dir)),
            filters: Default::default(),
        };
        Ok((index, None))
    }

    /// A second connection to the same index, for another thread (the reader
    /// queries on one while a worker verifies on another): it sees what the
    /// other commits. A private index's folder lives as long as either.
    pub fn another(&self) -> Result<Index, Error> {
        Ok(Index {
            conn: connect(&self.path)?,
            root: self.root.clone(),
            path: self.path.clone(),
            _private: self._private.clone(),
            filters: Default::default(),
        })
    }

    /// The database file in use.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this is a private temporary index (the shared one could not be used).
    pub fn is_private(&self) -> bool {
        self._private.is_some()
    }

    /// Empties the index (in one write transaction); the next [`Index::verify`]
    /// parses every file again.
    pub fn clear(&self) -> Result<(), Error> {
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        schema::recreate(&self.conn, &root.to_string_lossy(), true)?;
        Ok(())
    }

    /// Compares every file of the folder with the index (size, modification time
    /// and an xxh3 hash of the bytes, so an edit that keeps both is still seen),
    /// parses again only what changed, and stores it. Reads and parses on all
    /// cores; `progress` is called on this thread. Waits while another process
    /// writes the index.
    pub fn verify(&self, progress: &mut dyn FnMut(Progress)) -> Result<Changes, Error> {
        verify::verify(&self.conn, &self.root, progress)
    }

    /// Every file's list row, in id order.
    pub fn rows(&self) -> Result<Vec<IndexedRow>, Error> {
        let mut stmt = self.conn.prepare(&format!("{ROW_SELECT} ORDER BY id"))?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every file's list row, in id order, handed to `each` one at a time: for a
    /// comparison that keeps only what differs (all rows at once are tens of MB at
    /// 100,000 articles).
    pub fn each_row(
        &self,
        each: &mut dyn FnMut(IndexedRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut stmt = self.conn.prepare(&format!("{ROW_SELECT} ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(row(r)?)?;
        }
        Ok(())
    }

    /// The first `limit` rows of articles (files that loaded) in the list order
    /// `order`: the first screen of a list, read before [`Index::rows`] so it can be
    /// drawn at once. Newest first and id order read only `limit` rows, through an
    /// index; oldest first sorts (a bounded sort, no row kept beyond `limit`).
    pub fn head(&self, order: RowOrder, limit: usize) -> Result<Vec<IndexedRow>, Error> {
        let order_by = match order {
            // Undated rows last, as the reader's list has them (NULL sorts low).
            RowOrder::Newest => "published DESC, id",
            RowOrder::Oldest => "published IS NULL, published, id",
            RowOrder::Id => "id",
        };
        let sql = format!("{ROW_SELECT} WHERE title IS NOT NULL ORDER BY {order_by} LIMIT ?1");
        let mut stmt = self.conn.prepare(&sql)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map([limit], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Runs `read` in one read transaction, so every query it makes sees the index as
    /// it was at its first (another process's writes meanwhile are not seen).
    pub fn snapshot<T>(&self, read: impl FnOnce(&Index) -> Result<T, Error>) -> Result<T, Error> {
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let result = read(self);
        // Read only: ending it cannot lose anything; a failure to end it is reported.
        let end = self
            .conn
            .execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let value = result?;
        end?;
        Ok(value)
    }

    /// One file's list row, for applying a change reported by [`Index::verify`].
    pub fn row(&self, id: &ArticleId) -> Result<Option<IndexedRow>, Error> {
        let mut stmt = self.conn.prepare(&format!("{ROW_SELECT} WHERE id = ?1"))?;
        let mut rows = stmt.query_map([id.as_str()], row)?;
        Ok(rows.next().transpose()?)
    }

    /// The errors and warnings of one file, as the loader reported them (cross-file
    /// warnings are not stored: they depend on the other files).
    pub fn diagnostics(&self, id: &ArticleId) -> Result<Vec<Diagnostic>, Error> {
        let mut stmt = self.conn.prepare(
            "SELECT f.path, d.severity, d.line, d.col, d.message, d.source_line, d.width,
                    d.excerpt_column, d.excerpt_cut
             FROM diagnostics AS d JOIN files AS f ON f.num = d.file
             WHERE f.id = ?1 ORDER BY d.seq",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| {
            let severity: String = r.get(1)?;
            Ok(Diagnostic {
                path: verify::path_from_bytes(r.get(0)?),
                severity: if severity == Severity::Error.as_str() {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                line: r.get::<_, i64>(2)? as usize,
                column: r.get::<_, i64>(3)? as usize,
                message: r.get(4)?,
                source_line: r.get(5)?,
                width: r.get::<_, i64>(6)? as usize,
                excerpt_column: r.get::<_, i64>(7)? as usize,
                excerpt_cut: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first `limit` articles containing `query` (any substring, any case,
    /// accents folded) in a title, an actor's name or alias, a claim's statement
    /// or quote, or the body; best first (titles, then actors, claims, bodies),
    /// each with the most telling field that matched. `usize::MAX` for all.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        let search = |index: &Index| Ok(search::search(&index.conn, query, limit)?);
        if self.conn.is_autocommit() {
            // One read transaction: a phrase reads one text per candidate (so that it
            // stops at `limit`), and outside a transaction each read would take and
            // drop SQLite's file lock.
            self.snapshot(search)
        } else {
            search(self)
        }
    }

    /// Every stance of `actor` across articles, newest first.
    pub fn stances_of(&self, actor: &ActorId) -> Result<Vec<ActorStance>, Error> {
        Ok(query::stances_of(&self.conn, actor)?)
    }

    /// Every stance that relays `actor` through its `via`, and by whom, newest first.
    pub fn relayed(&self, actor: &ActorId) -> Result<Vec<Relay>, Error> {
        Ok(query::relayed(&self.conn, actor)?)
    }

    /// Every claim about `actor`, newest first.
    pub fn about(&self, actor: &ActorId) -> Result<Vec<ClaimRef>, Error> {
        Ok(query::about(&self.conn, actor)?)
    }

    /// The stances `actor` takes from the `from`th on (in the order of
    /// [`Index::stances_of`]), at most `limit`.
    pub fn stances_page(
        &self,
        actor: &ActorId,
        from: usize,
        limit: usize,
    ) -> Result<Vec<ActorStance>, Error> {
        Ok(query::stances_page(&self.conn, actor, from, limit)?)
    }

    /// The ids of the actors whose names or id hold `search` (folded), sorted by
    /// `column` (see [`query::actor_order`]).
    pub fn actor_order(
        &self,
        column: ActorColumn,
        reverse: bool,
        search: &str,
    ) -> Result<Vec<ActorId>, Error> {
        Ok(query::actor_order(&self.conn, column, reverse, search)?)
    }

    /// Display names of `ids` (those declared anywhere), as [`Index::actors`] gives
    /// them: one look-up each, however many articles declare them.
    pub fn summary_names(
        &self,
        ids: &[ActorId],
    ) -> Result<std::collections::HashMap<ActorId, String>, Error> {
        Ok(query::summary_names(&self.conn, ids)?)
    }

    /// How many actors [`Index::actors`] lists.
    pub fn actor_total(&self) -> Result<usize, Error> {
        Ok(query::actor_total(&self.conn)?)
    }

    /// The ids that may name the same actor as `actor`, by their names.
    pub fn duplicates_of(&self, actor: &ActorId) -> Result<Vec<ActorId>, Error> {
        Ok(query::duplicates_of(&self.conn, actor)?)
    }

    /// One actor's counts, as [`Index::actors`] lists it; `None` when undeclared.
    pub fn actor(&self, actor: &ActorId) -> Result<Option<ActorSummary>, Error> {
        Ok(query::actor(&self.conn, actor)?)
    }

    /// Every contested claim with its asserters and deniers, newest first.
    pub fn contested(&self) -> Result<Vec<Contested>, Error> {
        Ok(query::contested(&self.conn)?)
    }

    /// Every actor with its counts and whether files disagree on its name or kind.
    pub fn actors(&self) -> Result<Vec<ActorSummary>, Error> {
        Ok(query::actors(&self.conn)?)
    }

    /// Every claim about `actor` with who asserts and who denies it, newest first.
    pub fn about_sides(&self, actor: &ActorId) -> Result<Vec<Sided>, Error> {
        Ok(page::about_sides(&self.conn, actor)?)
    }

    /// Every article holding contested claims, newest first: its number in the index
    /// and how many it holds (for [`Index::contested_of`]).
    pub fn contested_files(&self) -> Result<Vec<(i64, u32)>, Error> {
        Ok(page::contested_files(&self.conn)?)
    }

    /// The contested claims of the articles numbered `files`, in that order, with
    /// their two sides named.
    pub fn contested_of(&self, files: &[i64]) -> Result<Vec<Sided>, Error> {
        Ok(page::contested_of(&self.conn, files)?)
    }

    /// Every contested claim by article and claim id, newest first.
    pub fn contested_ids(&self) -> Result<Vec<(ArticleId, ClaimId)>, Error> {
        Ok(page::contested_ids(&self.conn)?)
    }

    /// The first `limit` declarations of `actor`, in article id order.
    pub fn declarations(&self, actor: &ActorId, limit: usize) -> Result<Vec<Declaration>, Error> {
        Ok(page::declarations(&self.conn, actor, limit)?)
    }

    /// The first declaration of `actor` in article id order, found through its
    /// summary: one look-up, however many articles declare it.
    pub fn first_declaration(&self, actor: &ActorId) -> Result<Option<Declaration>, Error> {
        Ok(page::first_declaration(&self.conn, actor)?)
    }

    /// Caps this connection's page cache at `kib` KiB (the default suits building the
    /// index; a reader that only queries it keeps its memory small with less).
    pub fn limit_cache(&self, kib: u32) -> Result<(), Error> {
        Ok(self
            .conn
            .execute_batch(&format!("PRAGMA cache_size = -{kib};"))?)
    }

    /// The articles matching `filter`, newest first.
    pub fn articles(&self, filter: &Filter) -> Result<Vec<ArticleId>, Error> {
        Ok(query::articles(&self.conn, filter)?)
    }

    /// The articles matching a query of the filter language, in no particular
    /// order, each with the best field its words matched in: the same answer as
    /// [`crate::query::Query::matches`] over the indexed articles. `vocabulary`
    /// (see [`Index::vocabulary`]) gives the stored spellings of tags and outlets;
    /// `read` answers `is:unread` (the read state is not the index's to keep).
    pub fn matching(
        &self,
        query: &crate::query::Query,
        vocabulary: &crate::query::Vocabulary,
        read: &dyn crate::query::ReadState,
    ) -> Result<Vec<Match>, Error> {
        Ok(filter::matching(
            &self.conn,
            query,
            vocabulary,
            read,
            None,
            &self.filters,
        )?)
    }

    /// [`Index::matching`] among the articles numbered `within` only (ascending
    /// [`Match::num`]s of an earlier answer, while [`Index::data_version`] is the
    /// same): a query that narrows another (see [`crate::query::Query::narrows`])
    /// looks only at what that one matched.
    pub fn matching_within(
        &self,
        query: &crate::query::Query,
        vocabulary: &crate::query::Vocabulary,
        read: &dyn crate::query::ReadState,
        within: &[i64],
    ) -> Result<Vec<Match>, Error> {
        Ok(filter::matching(
            &self.conn,
            query,
            vocabulary,
            read,
            Some(within),
            &self.filters,
        )?)
    }

    /// Changes whenever another connection commits to the index: the numbers of
    /// [`Match::num`] may then name other articles.
    pub fn data_version(&self) -> Result<i64, Error> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// What the corpus names, for completion and for [`Index::matching`].
    pub fn vocabulary(&self) -> Result<crate::query::Vocabulary, Error> {
        Ok(filter::vocabulary(&self.conn)?)
    }

    /// What the index holds.
    pub fn stats(&self) -> Result<Stats, Error> {
        let count = |sql: &str| -> rusqlite::Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
        };
        let size = |suffix: &str| {
            let mut p = self.path.as_os_str().to_os_string();
            p.push(suffix);
            std::fs::metadata(p).map_or(0, |m| m.len())
        };
        Ok(Stats {
            path: self.path.clone(),
            files: count("SELECT count(*) FROM files")?,
            rejected: count("SELECT count(*) FROM files WHERE title IS NULL")?,
            actors: count("SELECT count(DISTINCT actor) FROM actors")?,
            claims: count("SELECT count(*) FROM claims")?,
            stances: count("SELECT count(*) FROM stances")?,
            bytes: size("") + size("-wal"),
        })
    }

    /// Moves the write-ahead log into the database file, so its size on disk is all
    /// in one file (SQLite also does this on its own as the log grows).
    pub fn checkpoint(&self) -> Result<(), Error> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

const ROW_SELECT: &str = "SELECT id, path, title, published, outlet, claims, contested, suggested,
    tags, language, errors FROM files";

fn row(r: &rusqlite::Row) -> rusqlite::Result<IndexedRow> {
    let tags: String = r.get(8)?;
    Ok(IndexedRow {
        id: ArticleId::new(query::text(r, 0)?),
        path: verify::path_from_bytes(r.get(1)?),
        title: r.get(2)?,
        published: r.get(3)?,
        outlet: r.get(4)?,
        claims: r.get::<_, i64>(5)? as u32,
        contested: r.get::<_, i64>(6)? as u32,
        has_suggested: r.get(7)?,
        tags: tags
            .split(store::SEP)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        language: r.get(9)?,
        has_errors: r.get::<_, i64>(10)? > 0,
    })
}
