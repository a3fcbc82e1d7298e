//! Writing one file's outcome into the index, and taking it out again.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Statement, params};

use super::grams::Pending;
use super::packed;
use super::search::{fold, fold_parts};
use super::words::{self, Numbers};
use crate::diagnostic::Severity;
use crate::load::Loaded;
use crate::model::{Article, StanceKind, Status};

/// Separates the items of a list held in one column (tags, a `via` chain).
pub const SEP: char = '\u{1f}';

/// A claim's status as stored.
pub fn status_code(status: Status) -> i64 {
    match status {
        Status::Asserted => 0,
        Status::Denied => 1,
        Status::Contested => 2,
        Status::Unattributed => 3,
    }
}

/// The status stored as `code`.
pub fn status_of(code: i64) -> Status {
    match code {
        0 => Status::Asserted,
        1 => Status::Denied,
        2 => Status::Contested,
        _ => Status::Unattributed,
    }
}

/// A stance's kind as stored: 0 asserts, 1 denies (the SQL of `query` says so too).
pub fn kind_code(kind: StanceKind) -> i64 {
    match kind {
        StanceKind::Asserts => 0,
        StanceKind::Denies => 1,
    }
}

/// The stance kind stored as `code`.
pub fn kind_of(code: i64) -> StanceKind {
    if code == 1 {
        StanceKind::Denies
    } else {
        StanceKind::Asserts
    }
}

/// What the index compares with the file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub size: i64,
    /// Nanoseconds since the Unix epoch (negative before it).
    pub mtime: i64,
    /// xxh3-64 of the file's bytes, as SQLite's signed integer.
    pub hash: i64,
}

/// Prepared statements for one write transaction: prepared once, used per file.
pub struct Writer<'c> {
    file: Statement<'c>,
    tag: Statement<'c>,
    actor: Statement<'c>,
    claim: Statement<'c>,
    stance: Statement<'c>,
    via: Statement<'c>,
    about: Statement<'c>,
    diagnostic: Statement<'c>,
    /// A file's stored texts, read before they are deleted: their grams and
    /// tokens go too.
    stored: Statement<'c>,
    content: Statement<'c>,
    grams: Pending,
    /// Numbers the tokens whose articles `grams` keeps (see [`words`]).
    numbers: Numbers<'c>,
    deletes: Vec<Statement<'c>>,
    touch: Statement<'c>,
    /// Every actor named by a file's rows, read before the rows are deleted.
    named: Statement<'c>,
    /// Actors whose rows were added or removed: their summaries are refreshed at [`Writer::finish`].
    touched: HashSet<String>,
    conn: &'c Connection,
}

impl<'c> Writer<'c> {
    pub fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        let tables = [
            "tags",
            "actors",
            "claims",
            "stances",
            "via",
            "about",
            "diagnostics",
        ];
        let deletes = tables
            .iter()
            .map(|table| format!("DELETE FROM {table} WHERE file = ?1"))
            .chain(["DELETE FROM text_content WHERE num = ?1".to_string()])
            .chain(["DELETE FROM files WHERE num = ?1".to_string()])
            .map(|sql| conn.prepare(&sql))
            .collect::<rusqlite::Result<_>>()?;
        Ok(Writer {
            file: conn.prepare(
                "INSERT INTO files(id, path, size, mtime, hash, title, published, outlet,
                 language, tags, claims, contested, unattributed, suggested, errors, warnings)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?,
            tag: conn.prepare("INSERT OR IGNORE INTO tags(file, tag) VALUES (?1, ?2)")?,
            actor: conn.prepare(
                "INSERT OR IGNORE INTO actors(file, actor, name, kind, role, suggested)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            claim: conn.prepare(
                "INSERT INTO claims(file, pos, id, statement, status, suggested)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            stance: conn.prepare(
                "INSERT INTO stances(file, claim, kind, pos, actor, via, cue, quote,
                 claim_id, statement, status, claim_suggested)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            via: conn.prepare(
                "INSERT INTO via(file, claim, kind, pos, step, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            about: conn
                .prepare("INSERT OR IGNORE INTO about(file, claim, actor) VALUES (?1, ?2, ?3)")?,
            diagnostic: conn.prepare(
                "INSERT INTO diagnostics(file, seq, severity, line, col, message, source_line,
                 width, excerpt_column, excerpt_cut)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            stored: conn
                .prepare("SELECT title, actor, claim, body FROM text_content WHERE num = ?1")?,
            content: conn.prepare(
                "INSERT INTO text_content(num, title, actor, claim, body)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            grams: Pending::default(),
            numbers: Numbers::new(conn)?,
            deletes,
            touch: conn.prepare("UPDATE files SET size = ?2, mtime = ?3 WHERE num = ?1")?,
            named: conn.prepare(
                "SELECT actor FROM actors WHERE file = ?1
                 UNION SELECT actor FROM stances INDEXED BY stances_file WHERE file = ?1
                 UNION SELECT actor FROM via WHERE file = ?1
                 UNION SELECT actor FROM about WHERE file = ?1",
            )?,
            touched: HashSet::new(),
            conn,
        })
    }

    /// Brings the actors' summaries up to date with what was written; call once, before
    /// the transaction commits.
    pub fn finish(&mut self) -> rusqlite::Result<()> {
        self.grams.write(self.conn)?;
        super::query::refresh_summary(self.conn, &self.touched)?;
        self.touched.clear();
        Ok(())
    }

    /// Removes every row of the file numbered `num`.
    pub fn remove(&mut self, num: i64) -> rusqlite::Result<()> {
        let mut rows = self.named.query([num])?;
        while let Some(r) = rows.next()? {
            self.touched.insert(r.get(0)?);
        }
        drop(rows);
        let old: Option<[String; 4]> = self
            .stored
            .query_row([num], |r| {
                let claim = packed::unpack_string(r.get_ref(2)?, &[], 2)?;
                // The body is packed against the claims (see `Texts::of`).
                let body = packed::unpack_string(r.get_ref(3)?, claim.as_bytes(), 3)?;
                Ok([
                    packed::unpack_string(r.get_ref(0)?, &[], 0)?,
                    packed::unpack_string(r.get_ref(1)?, &[], 1)?,
                    claim,
                    body,
                ])
            })
            .optional()?;
        if let Some(texts) = old {
            let mut keys = texts.each_ref().map(|t| super::grams::of_text(t));
            for (keys, text) in keys.iter_mut().zip(&texts) {
                for token in words::of_text(text) {
                    keys.push(self.numbers.key(token)?);
                }
            }
            self.grams.remove(self.conn, num, &keys)?;
        }
        for delete in &mut self.deletes {
            delete.execute([num])?;
        }
        Ok(())
    }

    /// Records a new size and modification time for a file whose bytes are unchanged.
    pub fn touch(&mut self, num: i64, stat: Stat) -> rusqlite::Result<()> {
        self.touch.execute(params![num, stat.size, stat.mtime])?;
        Ok(())
    }

    /// Adds one file's outcome; returns its number.
    pub fn insert(
        &mut self,
        path: &[u8],
        stat: Stat,
        loaded: &Loaded,
        texts: &Texts,
    ) -> rusqlite::Result<i64> {
        let article = loaded.article.as_ref();
        let errors = loaded.hidden.errors
            + loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
        let warnings = loaded.hidden.warnings + loaded.diagnostics.len()
            - loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
        let count = |status: Status| {
            article.map_or(0, |a| {
                a.claims.iter().filter(|c| c.status() == status).count() as i64
            })
        };
        let tags = article.map_or(String::new(), |a| a.tags.join(&SEP.to_string()));
        let num = self.file.insert(params![
            loaded.source.id.as_str(),
            path,
            stat.size,
            stat.mtime,
            stat.hash,
            article.map(|a| a.title.as_str()),
            article
                .and_then(|a| a.published.as_ref())
                .map(|p| p.as_str()),
            article.and_then(|a| a.outlet.as_deref()),
            article.and_then(|a| a.language.as_deref()),
            tags,
            article.map_or(0, |a| a.claims.len() as i64),
            count(Status::Contested),
            count(Status::Unattributed),
            article.is_some_and(|a| a.claims.iter().any(|c| c.suggested)),
            errors as i64,
            warnings as i64,
        ])?;
        for (seq, d) in loaded.diagnostics.iter().enumerate() {
            self.diagnostic.execute(params![
                num,
                seq as i64,
                d.severity.as_str(),
                d.line as i64,
                d.column as i64,
                d.message,
                d.source_line,
                d.width as i64,
                d.excerpt_column as i64,
                d.excerpt_cut,
            ])?;
        }
        if let Some(article) = article {
            self.article(num, article, texts)?;
        }
        Ok(num)
    }

    fn article(&mut self, num: i64, article: &Article, texts: &Texts) -> rusqlite::Result<()> {
        for tag in &article.tags {
            self.tag.execute(params![num, tag])?;
        }
        for actor in &article.actors {
            self.touched.insert(actor.id.as_str().to_string());
            self.actor.execute(params![
                num,
                actor.id.as_str(),
                actor.name,
                actor.kind.as_str(),
                actor.role,
                actor.suggested,
            ])?;
        }
        for (pos, claim) in article.claims.iter().enumerate() {
            let pos = pos as i64;
            let status = status_code(claim.status());
            self.claim.execute(params![
                num,
                pos,
                claim.id.as_str(),
                claim.statement,
                status,
                claim.suggested,
            ])?;
            for actor in &claim.about {
                self.touched.insert(actor.as_str().to_string());
                self.about.execute(params![num, pos, actor.as_str()])?;
            }
            let mut counts = [0i64; 2];
            for (kind, stance) in claim.stances() {
                let slot = &mut counts[kind_code(kind) as usize];
                let spos = *slot;
                *slot += 1;
                let via: Vec<&str> = stance.via.iter().map(|v| v.as_str()).collect();
                self.touched.insert(stance.actor.as_str().to_string());
                self.touched.extend(via.iter().map(|v| v.to_string()));
                self.stance.execute(params![
                    num,
                    pos,
                    kind_code(kind),
                    spos,
                    stance.actor.as_str(),
                    via.join(&SEP.to_string()),
                    stance.cue,
                    stance.quote,
                    claim.id.as_str(),
                    claim.statement,
                    status,
                    claim.suggested,
                ])?;
                for (step, actor) in via.iter().enumerate() {
                    self.via.execute(params![
                        num,
                        pos,
                        kind_code(kind),
                        spos,
                        step as i64,
                        actor
                    ])?;
                }
            }
        }
        if texts.folded.iter().any(|t| !t.is_empty()) {
            let [title, actor, claim, body] = &texts.packed;
            self.content
                .execute(params![num, title, actor, claim, body])?;
        }
        // The grams, and the keys of the tokens (numbered here, the one writer).
        let mut keys = texts.grams.clone();
        for ((keys, spans), text) in keys.iter_mut().zip(&texts.tokens).zip(&texts.folded) {
            for &(start, end) in spans {
                let token = text.get(start as usize..end as usize).unwrap_or_default();
                keys.push(self.numbers.key(token)?);
            }
        }
        self.grams.add(self.conn, num, &keys)
    }
}

/// An article's searchable text per field, in the order of [`Field::ALL`]: folded,
/// as `text_content` stores it (see [`packed`]), its grams (see
/// [`super::grams`]) and its tokens (see [`words`]). Made on the worker that parsed the article, so the one
/// thread that writes the index does not fold, compress or count too.
#[derive(Debug)]
pub struct Texts {
    folded: [String; 4],
    packed: [rusqlite::types::Value; 4],
    grams: [Vec<i64>; 4],
    /// Where each distinct token is in `folded` (see [`words::spans`]).
    tokens: [Vec<(u32, u32)>; 4],
}

impl Default for Texts {
    fn default() -> Texts {
        Texts::of(Default::default())
    }
}

impl Texts {
    fn of(folded: [String; 4]) -> Texts {
        Texts {
            // The body holds its claims' quotes: packed against them, it shrinks by
            // about what they take (see `packed::columns`).
            packed: [
                packed::pack(&folded[0]),
                packed::pack(&folded[1]),
                packed::pack(&folded[2]),
                packed::pack_with(&folded[3], folded[2].as_bytes()),
            ],
            grams: folded.each_ref().map(|t| super::grams::of_text(t)),
            tokens: folded.each_ref().map(|t| words::spans(t)),
            folded,
        }
    }
}

/// What search looks in: built on the worker that parsed the article, so the one
/// thread that writes the index does not fold text too.
pub fn texts(article: Option<&Article>) -> Texts {
    let Some(article) = article else {
        return Default::default();
    };
    let names = fold_parts(
        article
            .actors
            .iter()
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .map(String::as_str),
    );
    let claims = fold_parts(article.claims.iter().flat_map(|claim| {
        let quotes = claim.stances().filter_map(|(_, s)| s.quote.as_deref());
        std::iter::once(claim.statement.as_str())
            .chain(claim.quote.as_deref())
            .chain(quotes)
    }));
    // In the order of `Field::ALL`: title, actors, claims, body.
    Texts::of([fold(&article.title), names, claims, fold(&article.body)])
}
