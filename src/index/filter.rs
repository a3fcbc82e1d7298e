//! A query of the filter language ([`crate::query`]) answered by the index: its
//! filters as one SQL statement, its words through the FTS5 tables, with the
//! same meaning as [`crate::query::Query::matches`] (the ground truth).

use std::cell::RefCell;
use std::sync::Arc;

use rusqlite::{Connection, params_from_iter, types::Value};

use super::grams;
use super::packed;
use super::search::{Field, fold};
use super::words;
use crate::model::ArticleId;
use crate::query::fold::fold as fold_value;
use crate::query::{Filter, Query, ReadState, State, Term, Vocabulary};

/// One article a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub id: ArticleId,
    /// Its number in this index (see [`crate::index::Index::data_version`]): what
    /// [`crate::index::Index::matching_within`] is given.
    pub num: i64,
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
/// numbers, ascending; their words are looked for in them only); `cache` keeps
/// what the filters kept for the next query with the same ones. In no particular order.
pub fn matching(
    conn: &Connection,
    query: &Query,
    vocabulary: &Vocabulary,
    read: &dyn ReadState,
    within: Option<&[i64]>,
    cache: &FilterCache,
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
            Filter::Actor(_) | Filter::About(_) | Filter::Tag(_) if !term.negated => {
                // `f.num IN (…)` of non-null numbers is never NULL: bare, SQLite
                // reads the files it names by number rather than every file.
                filter.push(" AND ");
                condition(&mut filter, &term.filter, vocabulary);
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
    let args: Vec<Value> = select.args.into_iter().chain(filter.args).collect();
    let rows = filtered(conn, cache, sql, args)?;
    // The articles the filters keep, by number: the words are looked for in them only.
    let mut kept: Vec<(i64, &ArticleId)> = Vec::new();
    for (i, (num, id)) in rows.rows.iter().enumerate() {
        if within.is_some_and(|w| w.binary_search(num).is_err()) {
            continue;
        }
        let others = rows.others.get(i * rows.unread..).unwrap_or_default();
        let keep = unread_terms
            .iter()
            .zip(others)
            .all(|(term, others)| (*others || !read.is_read(id)) != term.negated);
        if keep {
            kept.push((*num, id));
        }
    }
    let Some(best) = words(conn, query.terms(), &kept)? else {
        return Ok(kept
            .into_iter()
            .map(|(num, id)| Match {
                id: id.clone(),
                num,
                field: None,
            })
            .collect());
    };
    Ok(kept
        .into_iter()
        .filter_map(|(num, id)| {
            let state = best.get(usize::try_from(num).ok()?).copied()?;
            (state != OUT).then(|| Match {
                id: id.clone(),
                num,
                field: field_of(state),
            })
        })
        .collect())
}

/// The articles the filters of a query kept: their numbers and ids, and per
/// article, per term naming `is:unread`, whether its other states hold (`others`,
/// `unread` flags an article, in its order).
#[derive(Default)]
struct Kept {
    rows: Vec<(i64, ArticleId)>,
    unread: usize,
    others: Vec<bool>,
}

/// What the filters (the terms but words) of the last few queries kept, so a
/// keystroke in a word does not ask them again: valid for the same statement
/// while no connection has written the index (`PRAGMA data_version`, and this
/// one's own count of changes). The read state is applied after, so it may change.
/// A few, not one: a query typed anew starts with words alone (every article
/// that loaded), the statement most often asked again, kept while others come and go.
#[derive(Default)]
pub struct FilterCache(RefCell<Vec<Cached>>);

/// How many statements' answers [`FilterCache`] keeps, the last asked first.
const CACHED_AT_MOST: usize = 4;

struct Cached {
    sql: String,
    args: Vec<Value>,
    version: (i64, u64),
    rows: Arc<Kept>,
}

/// The rows of the filters' statement `sql`, from `cache` when it holds them.
fn filtered(
    conn: &Connection,
    cache: &FilterCache,
    sql: String,
    args: Vec<Value>,
) -> rusqlite::Result<Arc<Kept>> {
    let version = (
        conn.query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))?,
        conn.total_changes(),
    );
    {
        let mut cached = cache.0.borrow_mut();
        cached.retain(|c| c.version == version);
        if let Some(at) = cached.iter().position(|c| c.sql == sql && c.args == args) {
            let hit = cached.remove(at);
            let rows = Arc::clone(&hit.rows);
            cached.insert(0, hit);
            return Ok(rows);
        }
    }
    let mut stmt = conn.prepare(&sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut kept = Kept {
        unread: columns.saturating_sub(2),
        ..Kept::default()
    };
    while let Some(r) = rows.next()? {
        for k in 2..columns {
            kept.others.push(r.get::<_, bool>(k)?);
        }
        kept.rows
            .push((r.get(0)?, ArticleId::new(super::query::text(r, 1)?)));
    }
    drop(rows);
    drop(stmt);
    let rows = Arc::new(kept);
    let mut cached = cache.0.borrow_mut();
    // The statement of words alone (no argument, no condition) stays: every
    // query typed anew starts with it, and asks it again after each filter.
    while cached.len() >= CACHED_AT_MOST {
        let unfiltered = |c: &Cached| c.args.is_empty() && !c.sql.contains(" AND ");
        let at = cached
            .iter()
            .rposition(|c| !unfiltered(c))
            .unwrap_or(cached.len() - 1);
        cached.remove(at);
    }
    cached.insert(
        0,
        Cached {
            sql,
            args,
            version,
            rows: Arc::clone(&rows),
        },
    );
    Ok(rows)
}

/// Per article number, while words are sought: out, in at its best field so far
/// (`Field::ALL` index + 1), or in without a field (only negated words yet).
const OUT: u8 = 0;
const NO_FIELD: u8 = u8::MAX;

fn state_of(field: Field) -> u8 {
    Field::ALL
        .iter()
        .position(|f| *f == field)
        .map_or(NO_FIELD, |i| i as u8 + 1)
}

fn field_of(state: u8) -> Option<Field> {
    Field::ALL.get(usize::from(state).checked_sub(1)?).copied()
}

/// Which of the `kept` articles every word term allows (`None`: no word term), as
/// a state per article number (see [`OUT`]): each with the best field its wanted
/// words matched in (none with only negated words). Each word is looked for only
/// in the articles the words before it left. Arrays by number, not hash maps: a
/// keystroke may keep every article.
fn words(
    conn: &Connection,
    terms: &[Term],
    kept: &[(i64, &ArticleId)],
) -> rusqlite::Result<Option<Vec<u8>>> {
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
    // Numbers are rowids: the arrays span them all.
    let total = kept.iter().map(|(n, _)| *n).max().unwrap_or(0).max(0);
    let mut state = vec![OUT; usize::try_from(total).unwrap_or(0) + 1];
    let mut left = 0usize;
    for (num, _) in kept {
        if let Some(s) = usize::try_from(*num).ok().and_then(|n| state.get_mut(n)) {
            *s = NO_FIELD;
            left += 1;
        }
    }
    // Wanted words first: they narrow what the others must look at.
    let mut ordered = words;
    ordered.sort_by_key(|(t, _)| t.negated);
    for (term, folded) in ordered {
        if left == 0 {
            break;
        }
        if folded.is_empty() {
            // Folds to nothing (a lone accent): in every text, so it holds everywhere.
            if term.negated {
                state.fill(OUT);
                left = 0;
            }
            continue;
        }
        let found = hits(conn, &folded, &state, left)?;
        left = 0;
        for (s, f) in state.iter_mut().zip(&found) {
            if *s == OUT {
                continue;
            }
            *s = match (term.negated, *f) {
                (true, OUT) => *s,
                (true, _) | (false, OUT) => OUT,
                (false, f) => (*s).min(f),
            };
            if *s != OUT {
                left += 1;
            }
        }
    }
    Ok(Some(state))
}

/// Which of the articles still in (`state`, `left` of them) hold `folded` in
/// their text, as the field they hold it in best, per number ([`OUT`]: not found).
/// A word of one or two characters is looked up in the grams ([`grams`]): exact,
/// a few small rows per field; a longer one in the tokens holding it ([`words`]).
/// A phrase (with white space), field by field, best first, each looking only
/// at the articles not found yet: those holding each of its words may hold it,
/// and their stored texts say which do, so a phrase found in every claim never
/// reads the bodies.
fn hits(
    conn: &Connection,
    folded: &str,
    state: &[u8],
    mut left: usize,
) -> rusqlite::Result<Vec<u8>> {
    let mut found = vec![OUT; state.len()];
    // Still sought: in, and not found in a better field.
    let sought = |found: &[u8], num: i64| -> Option<usize> {
        let n = usize::try_from(num).ok()?;
        (state.get(n).is_some_and(|s| *s != OUT) && found[n] == OUT).then_some(n)
    };
    if let Some(gram) = grams::of_word(folded) {
        // Too short for the trigrams: the articles holding it, exactly, field by field.
        for field in Field::ALL {
            if left == 0 {
                break;
            }
            for num in grams::holding(conn, field, gram)? {
                if let Some(n) = sought(&found, num) {
                    found[n] = state_of(field);
                    left -= 1;
                }
            }
        }
        return Ok(found);
    }
    if words::answers(folded) {
        // The tokens holding it, then the articles holding those: exact, no text read.
        let keys = words::holding(conn, folded)?;
        for field in Field::ALL {
            if left == 0 || keys.is_empty() {
                break;
            }
            grams::each_holding(conn, field, &keys, |num| {
                if let Some(n) = sought(&found, num) {
                    found[n] = state_of(field);
                    left -= 1;
                }
            })?;
        }
        return Ok(found);
    }
    // A phrase (white space inside): the articles holding each of its words, then
    // their texts checked.
    let finder = memchr::memmem::Finder::new(folded.as_bytes());
    for field in Field::ALL {
        if left == 0 {
            break;
        }
        // Checked one by one when they are a third of the corpus or less, else in
        // one pass over every text of the field.
        let mut candidates = words::phrase_candidates(conn, field, folded)?;
        candidates.retain(|num| sought(&found, *num).is_some());
        if candidates.is_empty() {
            continue;
        }
        let by_number = candidates.len() * 3 <= state.len();
        for num in scan(conn, field, &candidates, by_number, &finder)? {
            if let Some(n) = sought(&found, num) {
                found[n] = state_of(field);
                left -= 1;
            }
        }
    }
    Ok(found)
}

/// Which of `candidates` (ascending numbers) have a stored (folded) `field` text
/// holding the word of `finder`: `text_content`, read here (decompressed where
/// compressed) and searched with memchr — by number when `by_number` (few
/// candidates), else every row, skipping those not among them.
fn scan(
    conn: &Connection,
    field: Field,
    candidates: &[i64],
    by_number: bool,
    finder: &memchr::memmem::Finder<'_>,
) -> rusqlite::Result<Vec<i64>> {
    let mut sql = format!("SELECT num, {} FROM text_content", packed::columns(field));
    let mut args: Vec<String> = Vec::new();
    if by_number {
        args.push(serde_json::to_string(candidates).unwrap_or_else(|_| "[]".to_string()));
        sql.push_str(" WHERE num IN (SELECT value FROM json_each(?1))");
    }
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    let mut found = Vec::new();
    let (mut dict, mut buffer) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next()? {
        let num: i64 = r.get(0)?;
        if candidates.binary_search(&num).is_err() {
            continue;
        }
        let text = packed::unpack_columns(r, 1, &mut dict, &mut buffer)?;
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
