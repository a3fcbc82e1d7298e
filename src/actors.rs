//! Actors across a corpus: what each did everywhere (counts), ids declared
//! differently in different files, likely duplicates (the same person under two
//! ids), and merging one id into another ([`merge`]).

pub mod merge;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::model::{ActorId, ActorKind, Article, ArticleId};
use crate::query::fold::fold;

/// One actor id across every article, with what it did there. Suggested claims
/// count as reviewed ones do: this is a tool for the people annotating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSummary {
    pub id: ActorId,
    /// As the first article (in id order) declares it.
    pub name: String,
    pub kind: ActorKind,
    /// Articles that declare the id.
    pub articles: usize,
    /// Stances asserting a claim with this actor as the speaker.
    pub asserted: usize,
    /// Stances denying a claim with this actor as the speaker.
    pub denied: usize,
    /// Stances whose `via` chain holds this actor: its words reached through others.
    pub relayed: usize,
    /// Claims about this actor.
    pub about: usize,
}

/// One id declared with different names or kinds: each declaration and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: ActorId,
    /// In the order first seen (article id order).
    pub declarations: Vec<Declaration>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub name: String,
    pub kind: ActorKind,
    pub articles: Vec<ArticleId>,
    pub paths: Vec<PathBuf>,
}

/// Ids whose names suggest one actor: equal once case and accents are folded,
/// or one ending another's, word for word (`Peskov`, `Dmitry Peskov`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicates {
    /// The shared name or name ending, folded.
    pub name: String,
    /// In id order, at least two.
    pub ids: Vec<ActorId>,
}

/// Every actor, conflict and likely duplicate of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Census {
    /// In id order.
    pub actors: Vec<ActorSummary>,
    /// In id order.
    pub conflicts: Vec<Conflict>,
    /// In order of the shared name.
    pub duplicates: Vec<Duplicates>,
}

/// The census of `articles` (given in id order, as a corpus holds them).
pub fn census(articles: &[Article]) -> Census {
    let mut actors: BTreeMap<&ActorId, ActorSummary> = BTreeMap::new();
    let mut declarations: HashMap<&ActorId, Vec<Declaration>> = HashMap::new();
    for article in articles {
        for actor in &article.actors {
            let summary = actors.entry(&actor.id).or_insert_with(|| ActorSummary {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                articles: 0,
                asserted: 0,
                denied: 0,
                relayed: 0,
                about: 0,
            });
            summary.articles += 1;
            declare(declarations.entry(&actor.id).or_default(), article, actor);
        }
        count_claims(article, &mut actors);
    }
    let mut conflicts: Vec<Conflict> = declarations
        .into_iter()
        .filter(|(_, d)| d.len() > 1)
        .map(|(id, declarations)| Conflict {
            id: id.clone(),
            declarations,
        })
        .collect();
    conflicts.sort_by(|a, b| a.id.cmp(&b.id));
    let duplicates = duplicates(articles);
    Census {
        actors: actors.into_values().collect(),
        conflicts,
        duplicates,
    }
}

/// Adds the article to the declaration with the same name and kind, or a new one.
/// An id has few distinct declarations, so the search is short.
fn declare(list: &mut Vec<Declaration>, article: &Article, actor: &crate::model::Actor) {
    let same = list
        .iter_mut()
        .find(|d| d.name == actor.name && d.kind == actor.kind);
    let declaration = match same {
        Some(d) => d,
        None => {
            list.push(Declaration {
                name: actor.name.clone(),
                kind: actor.kind,
                articles: Vec::new(),
                paths: Vec::new(),
            });
            let last = list.len() - 1;
            &mut list[last]
        }
    };
    declaration.articles.push(article.id.clone());
    declaration.paths.push(article.path.clone());
}

fn count_claims(article: &Article, actors: &mut BTreeMap<&ActorId, ActorSummary>) {
    // Every id a claim names is declared in its file, so it has a summary already.
    for claim in &article.claims {
        for (kind, stance) in claim.stances() {
            if let Some(s) = actors.get_mut(&stance.actor) {
                match kind {
                    crate::model::StanceKind::Asserts => s.asserted += 1,
                    crate::model::StanceKind::Denies => s.denied += 1,
                }
            }
            for relayed in &stance.via {
                if let Some(s) = actors.get_mut(relayed) {
                    s.relayed += 1;
                }
            }
        }
        for about in &claim.about {
            if let Some(s) = actors.get_mut(about) {
                s.about += 1;
            }
        }
    }
}

/// Names longer than this many words are compared whole only: the suffixes of
/// a name are looked up one by one, and a name is a few words.
const MAX_SUFFIX_WORDS: usize = 8;

/// Groups of ids sharing a folded name, or whose names end with another id's
/// whole name. Each distinct (id, name) pair is indexed once, then looked up
/// once per word suffix: linear in the names, however many articles.
fn duplicates(articles: &[Article]) -> Vec<Duplicates> {
    duplicates_of(articles.iter().flat_map(|a| {
        a.actors
            .iter()
            .map(|actor| (&actor.id, actor.name.as_str()))
    }))
}

/// [`Duplicates`] among these (id, name) declarations, in order of the shared name:
/// for a reader that has the names from an index rather than the articles.
pub fn duplicates_of<'a>(
    declarations: impl IntoIterator<Item = (&'a ActorId, &'a str)>,
) -> Vec<Duplicates> {
    let words: Vec<(&ActorId, String)> = declarations
        .into_iter()
        .map(|(id, name)| (id, words(name)))
        .collect();
    duplicates_of_words(words.iter().map(|(id, w)| (*id, w.as_str())))
}

/// [`duplicates_of`] with each name already made its [`words`] (as the index
/// stores them): the reader's actors screen folds no name.
pub fn duplicates_of_words<'a>(
    declarations: impl IntoIterator<Item = (&'a ActorId, &'a str)>,
) -> Vec<Duplicates> {
    let mut names: BTreeSet<(&ActorId, &str)> = BTreeSet::new();
    for (id, words) in declarations {
        if !words.is_empty() {
            names.insert((id, words));
        }
    }
    let mut whole: HashMap<&str, BTreeSet<&ActorId>> = HashMap::new();
    for &(id, name) in &names {
        whole.entry(name).or_default().insert(id);
    }
    let mut groups: BTreeMap<&str, BTreeSet<&ActorId>> = BTreeMap::new();
    for &(id, name) in &names {
        for suffix in proper_suffixes(name) {
            if let Some((key, ids)) = whole.get_key_value(suffix) {
                let group = groups.entry(key).or_insert_with(|| ids.clone());
                group.insert(id);
            }
        }
    }
    for (name, ids) in &whole {
        if ids.len() > 1 {
            groups.entry(name).or_insert_with(|| ids.clone());
        }
    }
    let mut seen: BTreeSet<Vec<&ActorId>> = BTreeSet::new();
    groups
        .into_iter()
        .filter_map(|(name, ids)| {
            let ids: Vec<&ActorId> = ids.into_iter().collect();
            (ids.len() > 1 && seen.insert(ids.clone())).then(|| Duplicates {
                name: name.to_string(),
                ids: ids.into_iter().cloned().collect(),
            })
        })
        .collect()
}

/// The name folded, its words (letters and digits) joined by one space.
pub fn words(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `b c`, `c` for `a b c`: the name without its first words, at most
/// [`MAX_SUFFIX_WORDS`] of them looked at.
pub fn proper_suffixes(name: &str) -> impl Iterator<Item = &str> {
    name.match_indices(' ')
        .take(MAX_SUFFIX_WORDS)
        .map(move |(i, _)| &name[i + 1..])
}

#[cfg(test)]
mod tests {
    use super::{proper_suffixes, words};

    #[test]
    fn names_fold_to_words_and_suffixes() {
        assert_eq!(words("  Dmitry  PESKÓV, Jr."), "dmitry peskov jr");
        let suffixes: Vec<_> = proper_suffixes("a b c").collect();
        assert_eq!(suffixes, ["b c", "c"]);
        assert_eq!(proper_suffixes("single").count(), 0);
    }
}
