//! Completion for the query prompt: given the text and the cursor, what the
//! word under the cursor may become (`actor:pes` → `peskov`), from a
//! vocabulary the caller collects once from its corpus.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::fold::fold;
use super::{KEYS, State, quoted};
use crate::model::Article;

/// The values a query may name, collected from a corpus; each list sorted, each value once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Actor ids with the name first declared for them (in the order the articles are given).
    pub actors: Vec<(String, String)>,
    /// Actor ids some claim is about.
    pub about: Vec<String>,
    pub tags: Vec<String>,
    pub outlets: Vec<String>,
    pub languages: Vec<String>,
}

impl Vocabulary {
    /// Everything the articles name, in one pass over them.
    pub fn collect<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vocabulary {
        let mut actors: BTreeMap<&str, &str> = BTreeMap::new();
        let mut about = BTreeSet::new();
        let mut tags = BTreeSet::new();
        let mut outlets = BTreeSet::new();
        let mut languages = BTreeSet::new();
        for article in articles {
            for actor in &article.actors {
                actors.entry(actor.id.as_str()).or_insert(&actor.name);
            }
            for claim in &article.claims {
                about.extend(claim.about.iter().map(|a| a.as_str()));
            }
            tags.extend(article.tags.iter().map(String::as_str));
            outlets.extend(article.outlet.as_deref());
            languages.extend(article.language.as_deref());
        }
        let owned = |set: BTreeSet<&str>| set.into_iter().map(str::to_string).collect();
        Vocabulary {
            actors: actors
                .into_iter()
                .map(|(id, name)| (id.to_string(), name.to_string()))
                .collect(),
            about: owned(about),
            tags: owned(tags),
            outlets: owned(outlets),
            languages: owned(languages),
        }
    }

    fn name_of(&self, id: &str) -> Option<&str> {
        let at = self
            .actors
            .binary_search_by(|(a, _)| a.as_str().cmp(id))
            .ok()?;
        Some(&self.actors[at].1)
    }
}

/// What the text in `replace` may be replaced with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completion {
    /// The bytes of the query the chosen candidate replaces.
    pub replace: Range<usize>,
    pub candidates: Vec<Candidate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// What to insert, quoted where it must be (`"Valmora Post"`).
    pub text: String,
    /// What to show beside it: an actor's name.
    pub label: Option<String>,
}

/// Candidates for the word under `cursor` (a byte offset into `query`).
/// A word with no key completes to keys (`ac` → `actor:`); after a key, to
/// that key's values, matched by prefix in any case and accent (and, for
/// actors, by the start of any word of their name: `actor:dmi` → `peskov`).
pub fn complete(query: &str, cursor: usize, vocabulary: &Vocabulary) -> Completion {
    let mut cursor = cursor.min(query.len());
    while !query.is_char_boundary(cursor) {
        cursor -= 1;
    }
    let start = word_start(&query[..cursor]);
    let body = if query[start..].starts_with('-') {
        start + 1
    } else {
        start
    };
    let word = &query[body..cursor];
    let Some((key, _)) = word.split_once(':') else {
        return keys(word, body..cursor);
    };
    let value_start = body + key.len() + 1;
    // The item under the cursor: after the last comma outside quotes.
    let item_start = value_start + last_item(&query[value_start..cursor]);
    let end = item_end(query, cursor);
    let typed = query[item_start..cursor].trim_start_matches('"');
    let prefix = fold(typed);
    let plain = |values: &[String]| -> Vec<Candidate> {
        values
            .iter()
            .filter(|v| fold(v).starts_with(&prefix))
            .map(|v| Candidate {
                text: quoted(v),
                label: None,
            })
            .collect()
    };
    let candidates = match key.to_ascii_lowercase().as_str() {
        "actor" => actor_candidates(
            vocabulary.actors.iter().map(|(id, _)| id),
            &prefix,
            vocabulary,
        ),
        "about" => actor_candidates(vocabulary.about.iter(), &prefix, vocabulary),
        "tag" => plain(&vocabulary.tags),
        "outlet" => plain(&vocabulary.outlets),
        "lang" | "language" => plain(&vocabulary.languages),
        "is" => State::ALL
            .iter()
            .filter(|s| s.as_str().starts_with(&prefix))
            .map(|s| Candidate {
                text: s.as_str().to_string(),
                label: None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Completion {
        replace: item_start..end,
        candidates,
    }
}

fn keys(word: &str, replace: Range<usize>) -> Completion {
    if word.is_empty() || word.contains('"') {
        return Completion {
            replace,
            candidates: Vec::new(),
        };
    }
    let word = word.to_ascii_lowercase();
    let candidates = KEYS
        .iter()
        .chain(&["language"])
        .filter(|k| k.starts_with(&word))
        .map(|k| Candidate {
            text: format!("{k}:"),
            label: None,
        })
        .collect();
    Completion {
        replace,
        candidates,
    }
}

fn actor_candidates<'v>(
    ids: impl Iterator<Item = &'v String>,
    prefix: &str,
    vocabulary: &Vocabulary,
) -> Vec<Candidate> {
    ids.filter_map(|id| {
        let name = vocabulary.name_of(id);
        let by_name = name.is_some_and(|n| {
            fold(n)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| !prefix.is_empty() && w.starts_with(prefix))
        });
        (id.starts_with(prefix) || by_name).then(|| Candidate {
            text: id.clone(),
            label: name.map(str::to_string),
        })
    })
    .collect()
}

/// Where the word ending at the end of `before` starts: after the last white
/// space outside double quotes.
fn word_start(before: &str) -> usize {
    let mut start = 0;
    let mut in_quotes = false;
    let mut escaped = false;
    for (i, c) in before.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_quotes => escaped = true,
            '"' => in_quotes = !in_quotes,
            c if c.is_whitespace() && !in_quotes => start = i + c.len_utf8(),
            _ => {}
        }
    }
    start
}

/// The offset in `value` after its last comma outside quotes.
fn last_item(value: &str) -> usize {
    let mut start = 0;
    let mut in_quotes = false;
    for (i, c) in value.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => start = i + 1,
            _ => {}
        }
    }
    start
}

/// The end of the item under the cursor: the next white space or comma.
fn item_end(query: &str, cursor: usize) -> usize {
    query[cursor..]
        .find(|c: char| c.is_whitespace() || c == ',')
        .map_or(query.len(), |i| cursor + i)
}
