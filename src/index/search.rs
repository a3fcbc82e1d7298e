//! Search over the index: any substring, in any case, accents folded, naming the field.
//!
//! Text is folded in Rust before it is stored and before it is sought (decomposed,
//! combining marks dropped, lower-cased), so `Lin` finds `Lín` and `LÍN` finds
//! `lin`. The FTS5 table uses the trigram tokenizer; the query is a GLOB pattern,
//! which FTS5 answers from the trigram index when the query has three characters
//! or more and by a plain scan of the folded text when it is shorter (`晓雯`).
//! Either way the match is exact: a substring of the folded text.

use std::collections::HashMap;

use rusqlite::Connection;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::ArticleId;

/// Where in an article a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Actor,
    Claim,
    Body,
}

impl Field {
    /// Fields in the order a match is named: the title says most, the body least.
    pub const ALL: [Field; 4] = [Field::Title, Field::Actor, Field::Claim, Field::Body];

    /// The part of the FTS rowid that says the field (`rowid = file * 4 + code`).
    pub(crate) fn code(self) -> i64 {
        match self {
            Field::Title => 0,
            Field::Actor => 1,
            Field::Claim => 2,
            Field::Body => 3,
        }
    }

    fn from_code(code: i64) -> Field {
        match code {
            0 => Field::Title,
            1 => Field::Actor,
            2 => Field::Claim,
            _ => Field::Body,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Actor => "actor",
            Field::Claim => "claim",
            Field::Body => "body",
        }
    }
}

/// One article a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: ArticleId,
    /// The most telling field that matched (title before actor, claim, body).
    pub field: Field,
    /// Lower is better: the field's place in [`Field::ALL`], then how little
    /// of the field the rest of its text is (a title that is mostly the query
    /// ranks before a long one that mentions it).
    pub rank: f64,
}

/// Folds text for search: canonical decomposition, combining marks dropped,
/// lower case. Applied alike to what is stored and what is sought.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The GLOB pattern that matches `folded` as a substring: `*`, `?` and `[`
/// are put in brackets, so they match themselves.
fn glob(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() + 2);
    out.push('*');
    for c in folded.chars() {
        match c {
            '*' | '?' | '[' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out.push('*');
    out
}

/// Every article with `query` in its title, actors' names, claims (statements
/// and quotes) or body; best first. An empty query finds nothing.
pub fn search(conn: &Connection, query: &str) -> rusqlite::Result<Vec<Hit>> {
    let folded = fold(query);
    if folded.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT t.rowid, length(t.body), f.id FROM text AS t
         JOIN files AS f ON f.num = t.rowid / 4
         WHERE t.body GLOB ?1",
    )?;
    let query_len = folded.chars().count() as f64;
    let mut best: HashMap<i64, Hit> = HashMap::new();
    let mut rows = stmt.query([glob(&folded)])?;
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        let len: i64 = row.get(1)?;
        let field = Field::from_code(rowid % 4);
        // In [0, 1): the share of the field that is not the query.
        let rest = 1.0 - query_len / (len.max(1) as f64).max(query_len);
        let rank = field.code() as f64 + rest.clamp(0.0, 0.999);
        let id: String = row.get(2)?;
        let hit = Hit {
            id: ArticleId::new(id),
            field,
            rank,
        };
        best.entry(rowid / 4)
            .and_modify(|old| {
                if hit.rank < old.rank {
                    *old = hit.clone();
                }
            })
            .or_insert(hit);
    }
    let mut hits: Vec<Hit> = best.into_values().collect();
    hits.sort_by(|a, b| a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id)));
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_accents_and_case() {
        assert_eq!(fold("Lín Xiǎowén"), "lin xiaowen");
        assert_eq!(fold("ZOË"), "zoe");
        assert_eq!(fold("林晓雯"), "林晓雯");
    }

    #[test]
    fn glob_brackets_its_wildcards() {
        assert_eq!(glob("a*b?c[d"), "*a[*]b[?]c[[]d*");
    }
}
