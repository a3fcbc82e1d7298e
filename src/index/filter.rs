//! A query of the filter language ([`crate::query`]) answered by the index: its
//! filters as one SQL statement, its words through the FTS5 tables, with the
//! same meaning as [`crate::query::Query::matches`] (the ground truth).

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, params_from_iter, types::Value, types::ValueRef};

use super::search::{Field, fold};
use crate::model::ArticleId;
use crate::query::fold::fold as fold_value;
use crate::query::{Filter, Query, ReadState, State, Term, Vocabulary};

/// One article a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub id: ArticleId,
    /// Where its words matched best (title before actor, claim, body); none
    /// when the query has no words.
    pub field: Option<Field>,
}

/// What the corpus names, for completion and for the folded comparison of tags
/// and outlets: actor ids with their first declared name (in article id order),
/// the ids claims are about, tags, outlets and languages.
pub fn vocabulary(conn: &Connection) -> rusqlite::Result<Vocabulary> {
    // Each actor's name as its first declaration in article id order gives it: what the
    // actor summary keeps, one row per actor in actor order. (Read from the
    // declarations, with a look-up of each one's file, this took ~1 s at 100,000
    // articles, and a map of them all ~20 MB.)
    let mut stmt = conn.prepare("SELECT actor, name FROM actor_summary ORDER BY actor")?;
    let actors = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let list = |sql: &str| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    Ok(Vocabulary {
        actors,
        about: list("SELECT DISTINCT actor FROM about ORDER BY actor")?,
        tags: list("SELECT DISTINCT tag FROM tags ORDER BY tag")?,
        outlets: list(
            "SELECT DISTINCT outlet FROM files
             WHERE outlet IS NOT NULL AND title IS NOT NULL ORDER BY outlet",
        )?,
        languages: list(
            "SELECT DISTINCT language FROM files
             WHERE language IS NOT NULL AND title IS NOT NULL ORDER BY language",
        )?,
    })
}

/// SQL text and its arguments, built side by side.
#[derive(Default)]
struct Sql {
    text: String,
    args: Vec<Value>,
}

impl Sql {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// `?, ?, …` for `values`.
    fn list<'a>(&mut self, values: impl IntoIterator<Item = &'a str>) {
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.text.push('?');
            self.args.push(Value::Text(v.to_string()));
        }
    }
}

/// The articles (that loaded) matching every term of `query`. `vocabulary` gives
/// the stored spellings of tags and outlets (compared folded); `read` answers
/// `is:unread`; `within`, when given, limits the answer to those articles (their
/// words are looked for in them only). In no particular order.
pub fn matching(
    conn: &Connection,
    query: &Query,
    vocabulary: &Vocabulary,
    read: &dyn ReadState,
    within: Option<&HashSet<ArticleId>>,
) -> rusqlite::Result<Vec<Match>> {
    let mut select = Sql::default();
    select.push("SELECT f.num, f.id");
    let mut filter = Sql::default();
    filter.push(" FROM files AS f WHERE f.title IS NOT NULL");
    // Terms naming `is:unread` are decided here, from a column with the rest of the term.
    let mut unread_terms: Vec<&Term> = Vec::new();
    for term in query.terms() {
        match &term.filter {
            Filter::Text(_) => {}
            Filter::Is(states) if states.contains(&State::Unread) => {
                let others: Vec<State> = states
                    .iter()
                    .copied()
                    .filter(|s| *s != State::Unread)
                    .collect();
                select.push(", coalesce(");
                if others.is_empty() {
                    select.push("0");
                } else {
                    condition(&mut select, &Filter::Is(others), vocabulary);
                }
                select.push(", 0)");
                unread_terms.push(term);
            }
            Filter::After(_) | Filter::Before(_) => {
                // Undated articles match no date term, negated or not.
                filter.push(" AND f.published IS NOT NULL AND ");
                filter.push(if term.negated { "NOT " } else { "" });
                filter.push("coalesce(");
                condition(&mut filter, &term.filter, vocabulary);
                filter.push(", 0)");
            }
            other => {
                filter.push(if term.negated { " AND NOT " } else { " AND " });
                filter.push("coalesce(");
                condition(&mut filter, other, vocabulary);
                filter.push(", 0)");
            }
        }
    }
    let sql = format!("{}{}", select.text, filter.text);
    let mut stmt = conn.prepare(&sql)?;
    let args = select.args.into_iter().chain(filter.args);
    let mut rows = stmt.query(params_from_iter(args))?;
    // The articles the filters keep, by number: the words are looked for in them only.
    let mut kept: Vec<(i64, ArticleId)> = Vec::new();
    while let Some(r) = rows.next()? {
        let num: i64 = r.get(0)?;
        let id = ArticleId::new(r.get::<_, String>(1)?);
        let mut keep = true;
        for (k, term) in unread_terms.iter().enumerate() {
            let others: bool = r.get(2 + k)?;
            if (others || !read.is_read(&id)) == term.negated {
                keep = false;
                break;
            }
        }
        if keep && within.is_none_or(|w| w.contains(&id)) {
            kept.push((num, id));
        }
    }
    let fields = words(conn, query.terms(), &kept)?;
    Ok(kept
        .into_iter()
        .filter_map(|(num, id)| match &fields {
            None => Some(Match { id, field: None }),
            Some(fields) => fields.get(&num).map(|field| Match { id, field: *field }),
        })
        .collect())
}

/// Which of the `kept` articles every word term allows (`None`: no word term),
/// each with the best field its wanted words matched in (none with only negated
/// words). Each word is looked for only in the articles the words before it left.
fn words(
    conn: &Connection,
    terms: &[Term],
    kept: &[(i64, ArticleId)],
) -> rusqlite::Result<Option<HashMap<i64, Option<Field>>>> {
    let words: Vec<(&Term, String)> = terms
        .iter()
        .filter_map(|t| match &t.filter {
            Filter::Text(word) => Some((t, fold(word))),
            _ => None,
        })
        .collect();
    if words.is_empty() {
        return Ok(None);
    }
    // About how many articles a search of a whole field reads (numbers are rowids).
    let total: i64 = conn.query_row("SELECT coalesce(max(num), 0) FROM files", [], |r| r.get(0))?;
    let mut left: HashMap<i64, Option<Field>> = kept.iter().map(|(n, _)| (*n, None)).collect();
    // Wanted words first: they narrow what the others must look at.
    let mut ordered = words;
    ordered.sort_by_key(|(t, _)| t.negated);
    for (term, folded) in ordered {
        if left.is_empty() {
            break;
        }
        if folded.is_empty() {
            // Folds to nothing (a lone accent): in every text, so it holds everywhere.
            if term.negated {
                left.clear();
            }
            continue;
        }
        let candidates: Vec<i64> = left.keys().copied().collect();
        let hits = hits(conn, &folded, candidates, total)?;
        if term.negated {
            left.retain(|n, _| !hits.contains_key(n));
        } else {
            left = left
                .into_iter()
                .filter_map(|(n, best)| {
                    let field = *hits.get(&n)?;
                    Some((n, Some(best.map_or(field, |b: Field| b.min(field)))))
                })
                .collect();
        }
    }
    Ok(Some(left))
}

/// Which of `candidates` hold `folded` in their text, each at its best field.
/// Field by field, best first, each looking only at the candidates not found
/// yet: a word of three characters or more is found through the trigram index
/// unless few candidates are left; otherwise the stored (folded) text of the
/// candidates left — looked up by number when few, else all of it — is searched
/// here, so a word found in every claim never reads the bodies.
fn hits(
    conn: &Connection,
    folded: &str,
    candidates: Vec<i64>,
    total: i64,
) -> rusqlite::Result<HashMap<i64, Field>> {
    let pattern = super::search::glob(folded);
    let finder = memchr::memmem::Finder::new(folded.as_bytes());
    let mut left: HashSet<i64> = candidates.into_iter().collect();
    let mut out: HashMap<i64, Field> = HashMap::new();
    for field in Field::ALL {
        if left.is_empty() {
            break;
        }
        // A search of the whole field reads every article's text under three
        // characters, and those the trigrams allow from three on (often few): the
        // candidates left are looked up one by one when that reads less.
        let left_count = left.len() as i64;
        let short = folded.chars().count() < 3;
        let by_number = if short {
            left_count < total
        } else {
            left_count * 3 <= total
        };
        let found: Vec<i64> = if by_number || short {
            scan(conn, field, &left, by_number, &finder)?
        } else {
            // The trigram index answers a rare word at once; a common one (found in
            // more than an eighth of the candidates) would have each of its many
            // texts checked by SQLite's GLOB, which a scan here does faster.
            let limit = (left.len() / 8).max(64);
            let sql = format!(
                "SELECT rowid FROM {} WHERE body GLOB ?1 LIMIT ?2",
                field.table()
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params![pattern, limit as i64], |r| r.get(0))?;
            let found: Vec<i64> = rows.collect::<rusqlite::Result<_>>()?;
            if found.len() < limit {
                found
            } else {
                scan(conn, field, &left, false, &finder)?
            }
        };
        for num in found {
            if left.remove(&num) {
                out.insert(num, field);
            }
        }
    }
    Ok(out)
}

/// The candidates `left` whose stored (folded) `field` text holds the word of
/// `finder`: the FTS table's own content table, read here and searched with
/// memchr (SQLite's GLOB decodes every character) — by number when `by_number`
/// (few candidates), else every row, skipping those not among them.
fn scan(
    conn: &Connection,
    field: Field,
    left: &HashSet<i64>,
    by_number: bool,
    finder: &memchr::memmem::Finder<'_>,
) -> rusqlite::Result<Vec<i64>> {
    let mut sql = format!("SELECT id, c0 FROM {}_content", field.table());
    let mut args: Vec<String> = Vec::new();
    if by_number {
        let mut nums: Vec<i64> = left.iter().copied().collect();
        nums.sort_unstable();
        args.push(serde_json::to_string(&nums).unwrap_or_else(|_| "[]".to_string()));
        sql.push_str(" WHERE id IN (SELECT value FROM json_each(?1))");
    }
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    let mut found = Vec::new();
    while let Some(r) = rows.next()? {
        let num: i64 = r.get(0)?;
        if !left.contains(&num) {
            continue;
        }
        let text = match r.get_ref(1)? {
            ValueRef::Text(t) | ValueRef::Blob(t) => t,
            _ => continue,
        };
        if finder.find(text).is_some() {
            found.push(num);
        }
    }
    Ok(found)
}

/// Appends the SQL condition (over `files AS f`) that `filter` holds, not negated.
/// May be NULL where a column is (the caller wraps it in `coalesce`).
fn condition(sql: &mut Sql, filter: &Filter, vocabulary: &Vocabulary) {
    match filter {
        Filter::Actor(ids) => {
            sql.push("f.num IN (SELECT file FROM stances WHERE actor IN (");
            sql.list(ids.iter().map(String::as_str));
            sql.push(") UNION ALL SELECT file FROM via WHERE actor IN (");
            sql.list(ids.iter().map(String::as_str));
            sql.push("))");
        }
        Filter::About(ids) => {
            sql.push("f.num IN (SELECT file FROM about WHERE actor IN (");
            sql.list(ids.iter().map(String::as_str));
            sql.push("))");
        }
        Filter::Is(states) => {
            sql.push("(0");
            for state in states {
                sql.push(match state {
                    State::Contested => " OR f.contested > 0",
                    State::Unattributed => " OR f.unattributed > 0",
                    State::Suggested => " OR f.suggested != 0",
                    State::Asserted => " OR f.num IN (SELECT file FROM claims WHERE status = 0)",
                    State::Denied => " OR f.num IN (SELECT file FROM claims WHERE status = 1)",
                    // Decided from the read state, not the index (see `matching`).
                    State::Unread => "",
                });
            }
            sql.push(")");
        }
        Filter::Tag(tags) => {
            let stored = same_folded(&vocabulary.tags, tags);
            sql.push("f.num IN (SELECT file FROM tags WHERE tag IN (");
            sql.list(stored.iter().copied());
            sql.push("))");
        }
        Filter::Outlet(outlets) => {
            let stored = same_folded(&vocabulary.outlets, outlets);
            sql.push("f.outlet IN (");
            sql.list(stored.iter().copied());
            sql.push(")");
        }
        Filter::Language(langs) => {
            sql.push("(0");
            for lang in langs {
                sql.push(" OR lower(f.language) = ? OR substr(lower(f.language), 1, ?) = ?");
                sql.args.push(Value::Text(lang.clone()));
                sql.args
                    .push(Value::Integer(lang.chars().count() as i64 + 1));
                sql.args.push(Value::Text(format!("{lang}-")));
            }
            sql.push(")");
        }
        Filter::After(day) | Filter::Before(day) => {
            let op = if matches!(filter, Filter::After(_)) {
                ">="
            } else {
                "<="
            };
            sql.push(&format!("substr(f.published, 1, 10) {op} ?"));
            sql.args.push(Value::Text(day.to_string()));
        }
        // Words are matched through the text tables (see `words`).
        Filter::Text(_) => sql.push("1"),
    }
}

/// The stored values (trimmed and folded) equal to one of `wanted` (folded).
fn same_folded<'v>(stored: &'v [String], wanted: &[String]) -> Vec<&'v str> {
    let wanted: Vec<String> = wanted.iter().map(|w| fold_value(w)).collect();
    stored
        .iter()
        .filter(|s| wanted.contains(&fold_value(s.trim())))
        .map(String::as_str)
        .collect()
}
