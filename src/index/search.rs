//! Search over the index: any substring, in any case, accents folded, naming the field.
//!
//! Text is folded in Rust before it is stored and before it is sought (decomposed,
//! combining marks dropped, lower-cased, white-space runs made one space), so `Lin`
//! finds `Lín`, `LÍN` finds `lin`, and a phrase is found across a wrapped line.
//! The FTS5 table uses the trigram tokenizer; the query is a GLOB pattern, which FTS5
//! answers from the trigram index when the query has three characters or more. A
//! shorter one (`晓雯`) is looked up in the grams (see `grams`): which articles hold
//! each character and each pair. Either way the match is exact: a substring of the
//! folded text.

use std::collections::HashSet;

use rusqlite::Connection;

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

    /// The FTS5 table holding this field of every article (rowid = `files.num`).
    pub(crate) fn table(self) -> &'static str {
        match self {
            Field::Title => "text_title",
            Field::Actor => "text_actor",
            Field::Claim => "text_claim",
            Field::Body => "text_body",
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

/// The GLOB pattern that matches `folded` as a substring: `*`, `?` and `[`
/// are put in brackets, so they match themselves.
pub(crate) fn glob(folded: &str) -> String {
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
    let pattern = glob(&folded);
    let mut seen: HashSet<i64> = HashSet::new();
    let mut hits: Vec<Hit> = Vec::new();
    if let Some(gram) = super::grams::of_word(&folded) {
        // Too short for the trigrams: the grams answer, in the order of indexing.
        let mut id = conn.prepare("SELECT id FROM files WHERE num = ?1")?;
        for field in Field::ALL {
            for num in super::grams::holding(conn, field, gram)? {
                if !seen.insert(num) {
                    continue;
                }
                hits.push(Hit {
                    id: ArticleId::new(id.query_row([num], |r| r.get::<_, String>(0))?),
                    field,
                    rank: hits.len(),
                });
                if hits.len() == limit {
                    return Ok(hits);
                }
            }
        }
        return Ok(hits);
    }
    for field in Field::ALL {
        // CROSS JOIN keeps the FTS table outermost: it drives, files are looked up.
        let sql = format!(
            "SELECT t.rowid, f.id FROM {} AS t CROSS JOIN files AS f ON f.num = t.rowid
             WHERE t.body GLOB ?1",
            field.table()
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([&pattern])?;
        while let Some(row) = rows.next()? {
            if !seen.insert(row.get(0)?) {
                continue;
            }
            hits.push(Hit {
                id: ArticleId::new(row.get::<_, String>(1)?),
                field,
                rank: hits.len(),
            });
            if hits.len() == limit {
                return Ok(hits);
            }
        }
    }
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
    fn glob_brackets_its_wildcards() {
        assert_eq!(glob("a*b?c[d"), "*a[*]b[?]c[[]d*");
    }
}
