//! Which articles were opened, as every news reader remembers: a small SQLite file in
//! `$XDG_STATE_HOME/whosaid/` (user data, kept apart from any cache), keyed by the
//! articles folder and the article id. A missing or unreadable file is no error: the
//! reader then starts with everything unread. Writes go to a thread of their own.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};

use rusqlite::{Connection, OpenFlags, params};

use crate::model::ArticleId;

/// The opened articles of one folder, and where changes are written.
#[derive(Debug, Default)]
pub struct ReadState {
    read: HashSet<ArticleId>,
    writer: Option<Sender<(ArticleId, bool)>>,
    /// Joined on drop, so marks made just before quitting are written.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for ReadState {
    fn drop(&mut self) {
        // Hanging up ends the writer's loop once it has written what it was sent.
        self.writer = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS opened (
    folder TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (folder, id)
) WITHOUT ROWID";

/// `$XDG_STATE_HOME/whosaid/state.sqlite`, else `~/.local/state/whosaid/state.sqlite`.
pub fn state_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|h| h.join(".local/state"))
        })?;
    Some(base.join("whosaid").join("state.sqlite"))
}

impl ReadState {
    /// Nothing remembered and nothing written (tests, benches).
    pub fn in_memory() -> ReadState {
        ReadState::default()
    }

    /// What was opened in `articles` before, from `file`; changes are written back.
    pub fn open(file: PathBuf, articles: &Path) -> ReadState {
        let folder = std::fs::canonicalize(articles)
            .unwrap_or_else(|_| articles.to_path_buf())
            .to_string_lossy()
            .into_owned();
        let read = read_ids(&file, &folder).unwrap_or_default();
        let (tx, rx) = mpsc::channel::<(ArticleId, bool)>();
        let thread = std::thread::spawn(move || {
            // Opened (and the folder made) on the first change only: merely reading
            // leaves nothing behind.
            let mut db: Option<Connection> = None;
            for (id, read) in rx {
                if db.is_none() {
                    db = open_for_writing(&file);
                }
                let Some(conn) = &db else { continue };
                let sql = if read {
                    "INSERT OR IGNORE INTO opened (folder, id) VALUES (?1, ?2)"
                } else {
                    "DELETE FROM opened WHERE folder = ?1 AND id = ?2"
                };
                // Best effort: a full disk loses a mark, never the reader.
                let _ = conn.execute(sql, params![folder, id.as_str()]);
            }
        });
        ReadState {
            read,
            writer: Some(tx),
            thread: Some(thread),
        }
    }

    pub fn is_read(&self, id: &ArticleId) -> bool {
        self.read.contains(id)
    }

    /// Marks `id` read or unread, here and in the file.
    pub fn set(&mut self, id: &ArticleId, read: bool) {
        let changed = if read {
            self.read.insert(id.clone())
        } else {
            self.read.remove(id)
        };
        if changed && let Some(w) = &self.writer {
            let _ = w.send((id.clone(), read));
        }
    }
}

fn read_ids(file: &Path, folder: &str) -> Option<HashSet<ArticleId>> {
    if !file.is_file() {
        return None;
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let mut stmt = conn
        .prepare("SELECT id FROM opened WHERE folder = ?1")
        .ok()?;
    let rows = stmt
        .query_map(params![folder], |r| r.get::<_, String>(0))
        .ok()?;
    Some(rows.filter_map(Result::ok).map(ArticleId::new).collect())
}

fn open_for_writing(file: &Path) -> Option<Connection> {
    std::fs::create_dir_all(file.parent()?).ok()?;
    let conn = Connection::open(file).ok()?;
    // A corrupt file fails here: then nothing is remembered this time, and that is all.
    // A few rows a session: SQLite's default 2 MB page cache would only cost memory.
    conn.execute_batch(&format!(
        "PRAGMA cache_size = -64; PRAGMA journal_mode = WAL; {SCHEMA};"
    ))
    .ok()?;
    Some(conn)
}
