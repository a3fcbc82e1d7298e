//! The index's tables, and how an existing database is judged: ours, outdated or foreign.

use rusqlite::Connection;

/// `PRAGMA application_id` of a whosaid index ("wsix"): tells ours from another program's.
pub const APPLICATION_ID: i32 = 0x7773_6978;
/// `PRAGMA user_version`: raised whenever the tables below change, so an index
/// written by another version is rebuilt rather than misread.
pub const VERSION: i32 = 15;

/// Per file a row, keyed by `num` (its rowid); every other table starts its key
/// (stances: an index)
/// with `file` (= `files.num`), so one file's rows are deleted by range. Search
/// looks at each field in turn (titles first) and stops once it has enough; its
/// text is folded (see `search::fold`), which is all search needs. `text_content`
/// keeps one row per article (`num`), its folded texts by field, long ones
/// LZ4-compressed (see `packed`), against which a phrase is checked.
/// `text_grams` answers the words too short for trigrams (one or two characters):
/// which articles hold each folded character and pair, per field (see `grams`),
/// and, under negative keys, each token (a run without white space) that
/// `text_tokens` numbers, found by its trigrams in `text_token_grams`: a longer
/// word is answered from them without reading a text (see `words`).
/// A claim's status and a stance's kind are small integers (see `store::status_code`):
/// they repeat in every row and in the key of every stance. Stances are stored
/// in actor order, so an actor's page reads them in one range, without lookups;
/// each carries its claim's id, statement, status and flag (copied from `claims`,
/// written with them), so every stance of an actor is that range and one row per
/// file, not a second walk through the claims of a fifth of the corpus;
/// the page's order (newest article first) is worked out from their keys and one
/// date per file (see `query::stances_page`), not kept in an index of its own.
/// `files_newest` gives the first screen of the list, newest first, without a sort.
/// `files_contested` lists the articles with contested claims newest first, with how
/// many, so the contested screen reads only the claims in view.
/// `actor_summary` holds per declared actor what the actors screen lists (its first
/// declaration by article id, every name it is given joined by `SEP`, its counts),
/// kept by the writer for the actors a write touches, so the screen is one read;
/// with its names folded as the screen sorts and searches them, and the file of its
/// first declaration; `actor_summary_articles` gives the screen's first order. `actor_words` holds
/// each name's words (`whole`) and their proper suffixes, so the likely duplicates
/// of an actor (see [`crate::actors::duplicates_of`]) are a look-up per word; an
/// actor's own words are worked out from the names its summary keeps.
pub const TABLES: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files(
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path BLOB NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    title TEXT,
    published TEXT,
    outlet TEXT,
    language TEXT,
    tags TEXT NOT NULL,
    claims INTEGER NOT NULL,
    contested INTEGER NOT NULL,
    unattributed INTEGER NOT NULL,
    suggested INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL
);
CREATE INDEX files_newest ON files(published DESC, id);
CREATE INDEX files_contested ON files(published DESC, id, contested) WHERE contested > 0;
CREATE TABLE tags(file INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY(file, tag)) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag);
CREATE TABLE actors(
    file INTEGER NOT NULL, actor TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    role TEXT, suggested INTEGER NOT NULL,
    PRIMARY KEY(file, actor)
) WITHOUT ROWID;
CREATE INDEX actors_actor ON actors(actor);
CREATE TABLE claims(
    file INTEGER NOT NULL, pos INTEGER NOT NULL, id TEXT NOT NULL, statement TEXT NOT NULL,
    status INTEGER NOT NULL, suggested INTEGER NOT NULL,
    PRIMARY KEY(file, pos)
) WITHOUT ROWID;
CREATE TABLE stances(
    file INTEGER NOT NULL, claim INTEGER NOT NULL, kind INTEGER NOT NULL, pos INTEGER NOT NULL,
    actor TEXT NOT NULL, via TEXT NOT NULL, cue TEXT, quote TEXT,
    claim_id TEXT NOT NULL, statement TEXT NOT NULL, status INTEGER NOT NULL,
    claim_suggested INTEGER NOT NULL,
    PRIMARY KEY(actor, file, claim, kind, pos)
) WITHOUT ROWID;
CREATE INDEX stances_file ON stances(file, claim, kind, pos);
CREATE TABLE via(
    file INTEGER NOT NULL, claim INTEGER NOT NULL, kind INTEGER NOT NULL, pos INTEGER NOT NULL,
    step INTEGER NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY(file, claim, kind, pos, step)
) WITHOUT ROWID;
CREATE INDEX via_actor ON via(actor);
CREATE TABLE about(
    file INTEGER NOT NULL, claim INTEGER NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY(file, claim, actor)
) WITHOUT ROWID;
CREATE INDEX about_actor ON about(actor);
CREATE TABLE actor_summary(
    actor TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, role TEXT,
    names TEXT NOT NULL, articles INTEGER NOT NULL, asserted INTEGER NOT NULL,
    denied INTEGER NOT NULL, relayed INTEGER NOT NULL, about INTEGER NOT NULL,
    conflict INTEGER NOT NULL, sort_name TEXT NOT NULL, sort_role TEXT NOT NULL,
    search TEXT NOT NULL, first_file INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX actor_summary_articles ON actor_summary(articles DESC, sort_name, actor);
CREATE TABLE actor_words(
    words TEXT NOT NULL, actor TEXT NOT NULL, whole INTEGER NOT NULL,
    PRIMARY KEY(words, actor, whole)
) WITHOUT ROWID;
CREATE TABLE diagnostics(
    file INTEGER NOT NULL, seq INTEGER NOT NULL, severity TEXT NOT NULL,
    line INTEGER NOT NULL, col INTEGER NOT NULL, message TEXT NOT NULL,
    source_line TEXT NOT NULL, width INTEGER NOT NULL, excerpt_column INTEGER NOT NULL,
    excerpt_cut INTEGER NOT NULL,
    PRIMARY KEY(file, seq)
) WITHOUT ROWID;
CREATE TABLE text_content(num INTEGER PRIMARY KEY, title, actor, claim, body);
CREATE TABLE text_grams(
    field INTEGER NOT NULL, gram INTEGER NOT NULL, chunk INTEGER NOT NULL, nums BLOB NOT NULL,
    PRIMARY KEY(field, gram, chunk)
) WITHOUT ROWID;
CREATE TABLE text_tokens(id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE text_token_grams USING fts5(token, content = 'text_tokens', content_rowid = 'id', tokenize = 'trigram case_sensitive 1', detail = none, columnsize = 0);
";

/// What an existing database is, judged before anything is read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No tables at all: a new file.
    Empty,
    /// Ours, this version.
    Current,
    /// Ours, another version.
    Outdated,
    /// Someone else's database.
    Foreign,
}

/// Reads the header fields; fails on a file that is not an SQLite database.
pub fn kind(conn: &Connection) -> rusqlite::Result<Kind> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(match (app, version, tables) {
        (0, 0, 0) => Kind::Empty,
        (APPLICATION_ID, VERSION, _) => Kind::Current,
        (APPLICATION_ID, _, _) => Kind::Outdated,
        _ => Kind::Foreign,
    })
}

/// Drops whatever the database holds and creates our tables, in one write
/// transaction: readers of the old content keep their snapshot (WAL), and a
/// second writer waits or fails instead of seeing half a schema.
///
/// Unless `force`, an index that another process made current for `root` while
/// this one waited for the lock is kept as it is: returns whether it rebuilt.
pub fn recreate(conn: &Connection, root: &str, force: bool) -> rusqlite::Result<bool> {
    super::begin_immediate(conn)?;
    let result = (|| {
        if !force && kind(conn)? == Kind::Current && held_root(conn).as_deref() == Some(root) {
            return Ok(false);
        }
        let names: Vec<(String, String)> = {
            let mut stmt = conn.prepare(
                "SELECT type, name FROM sqlite_master
                 WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
            )?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (kind, name) in names {
            // FTS shadow tables go with their virtual table; skip those already gone.
            let quoted = name.replace('"', "\"\"");
            let sql = format!("DROP {} IF EXISTS \"{quoted}\"", kind.to_uppercase());
            conn.execute_batch(&sql)?;
        }
        conn.execute_batch(TABLES)?;
        conn.execute("INSERT INTO meta(key, value) VALUES ('root', ?1)", [root])?;
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {VERSION};"
        ))?;
        Ok(true)
    })();
    match result {
        Ok(rebuilt) => conn.execute_batch("COMMIT").map(|()| rebuilt),
        Err(err) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(err)
        }
    }
}

/// The articles folder an index of ours was built for.
pub fn held_root(conn: &Connection) -> Option<String> {
    conn.query_row("SELECT value FROM meta WHERE key = 'root'", [], |r| {
        r.get(0)
    })
    .ok()
}
