//! The queries behind the reader's provenance screens that [`super::query`] does not
//! answer as they need: each side of a claim with the names its article gives,
//! an actor's declarations with their files, and display names for ids.

use std::path::PathBuf;

use rusqlite::Connection;

use super::query::{ArticleRef, ClaimRef, text};
use super::store::{SEP, status_of};
use crate::model::{ActorId, ArticleId, ClaimId};

/// An actor on one side of a claim, named as the claim's article declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub id: ActorId,
    pub name: String,
}

/// A claim with who asserts and who denies it (each actor once, in file order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sided {
    pub claim: ClaimRef,
    pub asserters: Vec<Side>,
    pub deniers: Vec<Side>,
}

/// One file's declaration of an actor id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub article: ArticleId,
    pub path: PathBuf,
}

/// Between an id and its name inside one side's list (the list itself is split on [`SEP`]).
const PAIR: char = '\u{1e}';

/// The side (`kind` 0 asserts, 1 denies) of the claim `c`, as `id PAIR name` joined by [`SEP`].
fn side_sql(kind: u8) -> String {
    format!(
        "(SELECT group_concat(id || char(30) || name, char(31)) FROM
            (SELECT s.actor AS id, coalesce(a.name, s.actor) AS name FROM stances AS s
             LEFT JOIN actors AS a ON a.file = s.file AND a.actor = s.actor
             WHERE s.file = c.file AND s.claim = c.pos AND s.kind = {kind} ORDER BY s.pos))"
    )
}

fn sides(joined: Option<String>) -> Vec<Side> {
    let mut out: Vec<Side> = Vec::new();
    for pair in joined.unwrap_or_default().split(SEP) {
        let Some((id, name)) = pair.split_once(PAIR) else {
            continue;
        };
        // An actor taking the same side twice (two quotes) is named once.
        if !out.iter().any(|s| s.id.as_str() == id) {
            out.push(Side {
                id: ActorId::new(id),
                name: name.to_string(),
            });
        }
    }
    out
}

const CLAIM_COLUMNS: &str = "f.id, f.title, f.published, c.id, c.statement, c.status, c.suggested";

fn sided(r: &rusqlite::Row) -> rusqlite::Result<Sided> {
    Ok(Sided {
        claim: ClaimRef {
            article: std::sync::Arc::new(ArticleRef {
                id: ArticleId::new(text(r, 0)?),
                title: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                published: r.get(2)?,
            }),
            claim: ClaimId::new(text(r, 3)?),
            statement: r.get(4)?,
            status: status_of(r.get(5)?),
            suggested: r.get(6)?,
        },
        asserters: sides(r.get(7)?),
        deniers: sides(r.get(8)?),
    })
}

/// Every claim about `actor` with both its sides, newest first.
pub fn about_sides(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Vec<Sided>> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS}, {}, {}
         FROM about AS ab
         CROSS JOIN claims AS c ON c.file = ab.file AND c.pos = ab.claim
         CROSS JOIN files AS f ON f.num = ab.file
         WHERE ab.actor = ?1
         ORDER BY f.published DESC, f.id, c.pos",
        side_sql(0),
        side_sql(1)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([actor.as_str()], sided)?;
    rows.collect()
}

/// Every article holding contested claims, newest first: its number and how many.
pub fn contested_files(conn: &Connection) -> rusqlite::Result<Vec<(i64, u32)>> {
    let mut stmt = conn.prepare(
        "SELECT num, contested FROM files INDEXED BY files_contested
         WHERE contested > 0 ORDER BY published DESC, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get(0)?, u32::try_from(r.get::<_, i64>(1)?).unwrap_or(0)))
    })?;
    rows.collect()
}

/// The contested claims of the articles numbered `files` (in that order), each
/// article's in claim order, with both sides.
pub fn contested_of(conn: &Connection, files: &[i64]) -> rusqlite::Result<Vec<Sided>> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS}, {}, {}
         FROM files AS f
         JOIN claims AS c ON c.file = f.num
         WHERE f.num = ?1 AND c.status = 2
         ORDER BY c.pos",
        side_sql(0),
        side_sql(1)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut out = Vec::new();
    for &file in files {
        let rows = stmt.query_map([file], sided)?;
        for row in rows {
            out.push(row?);
        }
    }
    Ok(out)
}

/// Every contested claim (article and claim id), newest first: what the contested
/// screen lists, for an export.
pub fn contested_ids(conn: &Connection) -> rusqlite::Result<Vec<(ArticleId, ClaimId)>> {
    let mut stmt = conn.prepare(
        "SELECT f.id, c.id FROM files AS f INDEXED BY files_contested
         JOIN claims AS c ON c.file = f.num
         WHERE f.contested > 0 AND c.status = 2
         ORDER BY f.published DESC, f.id, c.pos",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((ArticleId::new(text(r, 0)?), ClaimId::new(text(r, 1)?)))
    })?;
    rows.collect()
}

/// The first `limit` declarations of `actor`, in article id order.
pub fn declarations(
    conn: &Connection,
    actor: &ActorId,
    limit: usize,
) -> rusqlite::Result<Vec<Declaration>> {
    let mut stmt = conn.prepare(
        "SELECT a.name, a.kind, a.role, f.id, f.path FROM actors AS a INDEXED BY actors_actor
         JOIN files AS f ON f.num = a.file WHERE a.actor = ?1 ORDER BY f.id LIMIT ?2",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(rusqlite::params![actor.as_str(), limit], declaration)?;
    rows.collect()
}

/// A declaration from a row of (name, kind, role, article id, path).
fn declaration(r: &rusqlite::Row<'_>) -> rusqlite::Result<Declaration> {
    Ok(Declaration {
        name: r.get(0)?,
        kind: r.get(1)?,
        role: r.get(2)?,
        article: ArticleId::new(text(r, 3)?),
        path: super::verify::path_from_bytes(r.get(4)?),
    })
}

/// The first declaration of `actor`, in article id order (as its summary keeps it).
pub fn first_declaration(
    conn: &Connection,
    actor: &ActorId,
) -> rusqlite::Result<Option<Declaration>> {
    let mut stmt = conn.prepare(
        "SELECT a.name, a.kind, a.role, f.id, f.path FROM actor_summary AS s
         CROSS JOIN actors AS a ON a.file = s.first_file AND a.actor = s.actor
         CROSS JOIN files AS f ON f.num = s.first_file WHERE s.actor = ?1",
    )?;
    let mut rows = stmt.query_map([actor.as_str()], declaration)?;
    rows.next().transpose()
}
