//! Search over the index: any substring, in any case, accents folded, naming the field.
//!
//! Text is folded in Rust before it is stored and before it is sought (decomposed,
//! combining marks dropped, lower-cased, white-space runs made one space), so `Lin`
//! finds `Lín`, `LÍN` finds `lin`, and a phrase is found across a wrapped line.
//! A query of one or two characters (`晓雯`) is looked up in the grams (see
//! `grams`): which articles hold each character and each pair; a longer word in
//! the tokens holding it (see `words`); a phrase is checked, in the texts of the
//! articles holding each of its words. Either way the match is exact: a
//! substring of the folded text.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::packed;
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: ArticleId,
    /// The most telling field that matched (title before actor, claim, body).
    pub field: Field,
    /// The hit's place in the results, 0 first: by field as above, then in the
    /// order the articles were indexed.
    pub rank: usize,
}

/// Folds text for search, applied alike to what is stored and what is sought:
/// the query language's own folding ([`crate::query::fold`]), then each run of
/// white space made one space, as the reader's in-memory search does, so a phrase
/// matches across the line breaks of a wrapped paragraph.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded `text` to `out`: the query language's folding (case,
/// accents, white-space runs), so the index and `export --query` agree.
fn fold_into(text: &str, out: &mut String) {
    crate::query::fold::fold_into(text, out);
}

/// Folds each of `parts` and puts a line break after each: no folded query (which has
/// no line break) matches across two of them, say the end of one actor's name and the
/// start of the next.
pub fn fold_parts<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        fold_into(part, &mut out);
        out.push('\n');
    }
    out
}

/// The FTS5 query for the tokens holding every trigram of `folded` (three
/// characters or more): each trigram a quoted string, ANDed. What it finds may
/// hold them apart, so each is checked (see `words::holding`).
pub(crate) fn trigrams(folded: &str) -> String {
    let chars: Vec<char> = folded.chars().collect();
    let mut seen: HashSet<&[char]> = HashSet::new();
    let mut out = String::new();
    for trigram in chars.windows(3) {
        if !seen.insert(trigram) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(" AND ");
        }
        out.push('"');
        for &c in trigram {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    }
    out
}

/// The first `limit` articles with `query` in their title, actors' names, claims
/// (statements and quotes) or body: titles first, then actors, claims and bodies,
/// each article once, at its best field. An empty query finds nothing. The cost
/// is bounded by `limit` when many articles match (each field's scan stops
/// early), and by the trigram index when few do.
pub fn search(conn: &Connection, query: &str, limit: usize) -> rusqlite::Result<Vec<Hit>> {
    let folded = fold(query);
    if folded.trim().is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    // (number, field) of each hit, best first.
    let mut found: Vec<(i64, Field)> = Vec::new();
    let mut seen: HashSet<i64> = HashSet::new();
    if let Some(gram) = super::grams::of_word(&folded) {
        // Too short for the trigrams: the grams answer, in the order of indexing.
        'fields: for field in Field::ALL {
            for num in super::grams::holding(conn, field, gram)? {
                if seen.insert(num) {
                    found.push((num, field));
                    if found.len() == limit {
                        break 'fields;
                    }
                }
            }
        }
        return with_ids(conn, found);
    }
    if super::words::answers(&folded) {
        // The tokens holding it name the articles, in the order of indexing per field.
        let keys = super::words::holding(conn, &folded)?;
        let mut nums = Vec::new();
        'by_field: for field in Field::ALL {
            nums.clear();
            super::grams::each_holding(conn, field, &keys, |num| nums.push(num))?;
            nums.sort_unstable();
            nums.dedup();
            for &num in &nums {
                if seen.insert(num) {
                    found.push((num, field));
                    if found.len() == limit {
                        break 'by_field;
                    }
                }
            }
        }
        return with_ids(conn, found);
    }
    // A phrase: the articles holding each of its words, in the order of indexing,
    // each checked against its text (the words may be apart).
    let finder = memchr::memmem::Finder::new(folded.as_bytes());
    let (mut dict, mut buffer) = (Vec::new(), Vec::new());
    'all: for field in Field::ALL {
        let mut text = conn.prepare(&format!(
            "SELECT {} FROM text_content WHERE num = ?1",
            packed::columns(field)
        ))?;
        for num in super::words::phrase_candidates(conn, field, &folded)? {
            if seen.contains(&num) {
                continue;
            }
            let holds = text.query_row([num], |r| {
                let text = packed::unpack_columns(r, 0, &mut dict, &mut buffer)?;
                Ok(finder.find(text).is_some())
            })?;
            if holds {
                seen.insert(num);
                found.push((num, field));
                if found.len() == limit {
                    break 'all;
                }
            }
        }
    }
    with_ids(conn, found)
}

/// The hits numbered in `found`, in its order, with their articles' ids (read in
/// one statement, not one per hit).
fn with_ids(conn: &Connection, found: Vec<(i64, Field)>) -> rusqlite::Result<Vec<Hit>> {
    let mut nums: Vec<i64> = found.iter().map(|(n, _)| *n).collect();
    nums.sort_unstable();
    let json = serde_json::to_string(&nums).unwrap_or_else(|_| "[]".to_string());
    let mut stmt =
        conn.prepare("SELECT num, id FROM files WHERE num IN (SELECT value FROM json_each(?1))")?;
    let mut ids: HashMap<i64, String> = HashMap::with_capacity(nums.len());
    let mut rows = stmt.query([json])?;
    while let Some(r) = rows.next()? {
        ids.insert(r.get(0)?, r.get(1)?);
    }
    Ok(found
        .into_iter()
        .filter_map(|(num, field)| Some((ids.remove(&num)?, field)))
        .enumerate()
        .map(|(rank, (id, field))| Hit {
            id: ArticleId::new(id),
            field,
            rank,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_accents_and_case() {
        assert_eq!(fold("Lín Xiǎowén"), "lin xiaowen");
        assert_eq!(fold("ZOË"), "zoe");
        assert_eq!(fold("林晓雯"), "林晓雯");
        assert_eq!(fold("Port VELMAR"), "port velmar");
    }

    #[test]
    fn fold_makes_each_white_space_run_one_space() {
        assert_eq!(
            fold("the  ferry\n   runs\t\u{a0}again"),
            "the ferry runs again"
        );
        assert_eq!(fold_parts(["Ann  Lee", "Bo\nKim"]), "ann lee\nbo kim\n");
    }

    #[test]
    fn trigrams_are_quoted_and_each_asked_once() {
        assert_eq!(trigrams("abcab"), r#""abc" AND "bca" AND "cab""#);
        assert_eq!(trigrams("a\"b c"), r#""a""b" AND """b " AND "b c""#);
        assert_eq!(trigrams("aaaa"), r#""aaa""#);
    }
}
