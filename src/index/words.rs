//! The index of words: which articles hold each distinct token of the folded
//! texts, field by field, so a word of the filter is answered without reading a
//! text.
//!
//! A token is a maximal run of the folded text without a space or a line break
//! (the only white space folding leaves). A query word without white space that
//! occurs in a text lies inside one of its tokens, so the articles holding the
//! word are exactly those holding a token that contains it, for any alphabet:
//! `arbou` is found through `harbour,`, `宣布` through `林晓雯宣布夜市开放`.
//!
//! Table `text_tokens` numbers every token met (`id`), with a trigram index over
//! them (`text_token_grams`) to find those holding a word. Which articles hold a
//! token is kept beside the grams in `text_grams` (see [`super::grams`]), under
//! the key [`key`] of its number (negative, so it never meets a gram). A token
//! no article holds any longer keeps its number (its rows are gone): the list
//! only grows, as the vocabulary does.

use rusqlite::{Connection, OptionalExtension, Statement, params};

use super::grams;
use super::search::Field;

/// The distinct tokens of a folded `text`, sorted.
pub fn of_text(text: &str) -> Vec<&str> {
    let mut tokens: Vec<&str> = text.split([' ', '\n']).filter(|t| !t.is_empty()).collect();
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Where the distinct tokens of a folded `text` are (byte ranges of one of each):
/// what the worker that parsed an article hands the writer, rather than a string each.
pub fn spans(text: &str) -> Vec<(u32, u32)> {
    let base = text.as_ptr() as usize;
    of_text(text)
        .into_iter()
        .map(|t| {
            let start = t.as_ptr() as usize - base;
            (start as u32, (start + t.len()) as u32)
        })
        .collect()
}

/// The key in `text_grams` of the token numbered `id` (ids are positive).
pub fn key(id: i64) -> i64 {
    -1 - id
}

/// Whether a folded word is answered by the tokens: three characters or more
/// (shorter ones are grams) and no white space (a phrase may span tokens).
pub fn answers(folded: &str) -> bool {
    folded.chars().nth(2).is_some() && !folded.contains([' ', '\n'])
}

/// The keys (see [`key`]) of every token holding the folded `word` (see
/// [`answers`]): those with all its trigrams, each checked whole.
pub fn holding(conn: &Connection, word: &str) -> rusqlite::Result<Vec<i64>> {
    let query = super::search::trigrams(word);
    let mut stmt =
        conn.prepare("SELECT rowid, token FROM text_token_grams WHERE text_token_grams MATCH ?1")?;
    let mut rows = stmt.query([query])?;
    let mut keys = Vec::new();
    while let Some(r) = rows.next()? {
        let token = r.get_ref(1)?.as_str()?;
        if token.contains(word) {
            keys.push(key(r.get(0)?));
        }
    }
    Ok(keys)
}

/// The articles (ascending numbers) whose `field` may hold the folded `phrase`
/// (with white space): those holding each of its words, as a word — a superset
/// (the words may be apart), to be checked against the texts. A phrase of white
/// space alone is one character, a gram, never asked here.
pub fn phrase_candidates(
    conn: &Connection,
    field: Field,
    phrase: &str,
) -> rusqlite::Result<Vec<i64>> {
    let mut words: Vec<&str> = phrase
        .split([' ', '\n'])
        .filter(|w| !w.is_empty())
        .collect();
    // Longest first: the rarest, likely, so the others only narrow it.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    let mut kept: Option<Vec<i64>> = None;
    for word in words {
        let mut nums = Vec::new();
        match grams::of_word(word) {
            Some(gram) => nums = grams::holding(conn, field, gram)?,
            None => {
                let keys = holding(conn, word)?;
                grams::each_holding(conn, field, &keys, |num| nums.push(num))?;
                nums.sort_unstable();
                nums.dedup();
            }
        }
        if let Some(before) = &kept {
            nums.retain(|n| before.binary_search(n).is_ok());
        }
        let empty = nums.is_empty();
        kept = Some(nums);
        if empty {
            break;
        }
    }
    Ok(kept.unwrap_or_default())
}

/// The writer's numbering of tokens: each looked up once per write and kept.
pub struct Numbers<'c> {
    known: rustc_hash::FxHashMap<String, i64>,
    find: Statement<'c>,
    add: Statement<'c>,
    add_grams: Statement<'c>,
    /// No token was numbered when the write began: one not met yet is new.
    fresh: bool,
}

impl<'c> Numbers<'c> {
    pub fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        let any: Option<i64> = conn
            .query_row("SELECT id FROM text_tokens LIMIT 1", [], |r| r.get(0))
            .optional()?;
        Ok(Numbers {
            known: rustc_hash::FxHashMap::default(),
            find: conn.prepare("SELECT id FROM text_tokens WHERE token = ?1")?,
            add: conn.prepare("INSERT INTO text_tokens(token) VALUES (?1)")?,
            add_grams: conn
                .prepare("INSERT INTO text_token_grams(rowid, token) VALUES (?1, ?2)")?,
            fresh: any.is_none(),
        })
    }

    /// The key of `token`, numbered now if it is new.
    pub fn key(&mut self, token: &str) -> rusqlite::Result<i64> {
        if let Some(id) = self.known.get(token) {
            return Ok(key(*id));
        }
        let found = if self.fresh {
            None
        } else {
            self.find.query_row([token], |r| r.get(0)).optional()?
        };
        let id = match found {
            Some(id) => id,
            None => {
                let id = self.add.insert([token])?;
                self.add_grams.execute(params![id, token])?;
                id
            }
        };
        self.known.insert(token.to_string(), id);
        Ok(key(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_the_runs_between_spaces_and_line_breaks() {
        assert_eq!(
            of_text("the harbour, the (story 9) \nlin\n"),
            vec!["(story", "9)", "harbour,", "lin", "the"]
        );
        let text = "b a b\nc";
        let spans: Vec<&str> = spans(text)
            .into_iter()
            .map(|(s, e)| &text[s as usize..e as usize])
            .collect();
        assert_eq!(spans, vec!["a", "b", "c"]);
        assert!(answers("arb"));
        assert!(!answers("ar"));
        assert!(!answers("a b"));
        assert!(answers("宣布夜"));
        assert!(key(1) < 0 && key(1) != key(2));
    }
}
