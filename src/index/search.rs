//! Search over the index: any substring, in any case, accents folded, naming the field.
//!
//! Text is folded in Rust before it is stored and before it is sought (decomposed,
//! combining marks dropped, lower-cased, white-space runs made one space), so `Lin`
//! finds `Lín`, `LÍN` finds `lin`, and a phrase is found across a wrapped line.
//! The FTS5 table uses the trigram tokenizer; the query is a GLOB pattern, which FTS5 answers from the trigram index when the query has three characters
//! or more and by a plain scan of the folded text when it is shorter (`晓雯`).
//! Either way the match is exact: a substring of the folded text.

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

/// What the trigram index is given for a folded `text`: a shorter text holding every
/// three-character window of `text` that a query can contain (none holds a line break),
/// each once, so FTS5 hashes each trigram of an article once rather than at every place
/// it occurs (about half the windows of news prose, far fewer of repetitive text).
///
/// The trigrams are the edges of a graph on character pairs (`abc` goes from `ab` to
/// `bc`); the result walks every edge once, starting new walks (after a line break) where
/// one runs out. The windows that span a line break are extra, but no query holds a
/// line break, so they are never sought. Search stays exact: the trigram index only picks
/// the candidates, and GLOB checks each against the folded text itself.
/// Deterministic, as deleting an article from the index must give FTS5 the same text.
pub fn trigram_cover(text: &str) -> String {
    const MASK: u64 = (1 << 21) - 1;
    let chars: Vec<char> = text.chars().collect();
    let key = |w: &[char]| (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2]);
    let mut edges: Vec<u64> = chars
        .windows(3)
        .filter(|w| !w.contains(&'\n'))
        .map(key)
        .collect();
    edges.sort_unstable();
    edges.dedup();
    // Each pair with an edge out of it, and where its edges start in `edges`.
    let mut nodes: Vec<u64> = Vec::new();
    let mut first: Vec<usize> = Vec::new();
    for (i, &e) in edges.iter().enumerate() {
        if nodes.last() != Some(&(e >> 21)) {
            nodes.push(e >> 21);
            first.push(i);
        }
    }
    first.push(edges.len());
    let mut next = first.clone();
    let mut surplus: Vec<i64> = (0..nodes.len())
        .map(|n| (first[n + 1] - first[n]) as i64)
        .collect();
    for &e in &edges {
        if let Ok(n) = nodes.binary_search(&(e & (MASK << 21 | MASK))) {
            surplus[n] -= 1;
        }
    }
    let char_of = |v: u64| char::from_u32((v & MASK) as u32).unwrap_or(' ');
    let mut out = String::with_capacity(edges.len() + 8);
    // Walks start where more edges leave than arrive (they cannot be passed through),
    // then wherever edges are left (cycles).
    let starts = (0..nodes.len())
        .filter(|&n| surplus[n] > 0)
        .chain(0..nodes.len());
    for start in starts {
        while next[start] < first[start + 1] {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push(char_of(nodes[start] >> 21));
            out.push(char_of(nodes[start]));
            let mut node = start;
            while next[node] < first[node + 1] {
                let e = edges[next[node]];
                next[node] += 1;
                out.push(char_of(e));
                match nodes.binary_search(&(e & (MASK << 21 | MASK))) {
                    Ok(n) => node = n,
                    Err(_) => break,
                }
            }
        }
    }
    // Never more to hash than the text itself.
    if out.len() >= text.len() {
        return text.to_string();
    }
    out
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

    /// Every window of three characters without a line break, as a second, plain
    /// implementation of what the trigram index must be given.
    fn windows(text: &str) -> HashSet<String> {
        let chars: Vec<char> = text.chars().collect();
        chars
            .windows(3)
            .filter(|w| !w.contains(&'\n'))
            .map(|w| w.iter().collect())
            .collect()
    }

    #[test]
    fn the_trigram_cover_holds_every_window_and_is_shorter_on_repetitive_text() {
        let texts = [
            "",
            "ab",
            "abc",
            "aaaa",
            "abcabcabc",
            "the ferry runs again and the ferry runs late",
            "lin xiaowen\n林晓雯 said\nport velmar\n",
            "a\nb\nc",
            "zoe brann, the harbour master, said the harbour tunnel will close; \
             the harbour master said so twice. the tunnel, said brann, is old.",
        ];
        for text in texts {
            let cover = trigram_cover(text);
            let missing: Vec<String> = windows(text).difference(&windows(&cover)).cloned().collect();
            assert!(missing.is_empty(), "{text:?} -> {cover:?} lacks {missing:?}");
            assert!(cover.len() <= text.len().max(2), "{text:?} -> {cover:?}");
            assert_eq!(cover, trigram_cover(text), "the same every time");
        }
        let repeated = "the harbour master said the harbour tunnel will close. ".repeat(20);
        assert!(trigram_cover(&repeated).len() * 10 < repeated.len());
    }

    #[test]
    fn glob_brackets_its_wildcards() {
        assert_eq!(glob("a*b?c[d"), "*a[*]b[?]c[[]d*");
    }
}
