//! Evaluating a query over one loaded article, in memory: time linear in the
//! article (the searched text is folded once per article, whatever the number
//! of words).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};

use super::fold::{fold, fold_into};
use super::{Date, Filter, Query, State, Term};
use crate::model::{Article, ArticleId, Claim, Status};

/// Which articles the user has read: what `is:unread` asks about.
pub trait ReadState {
    fn is_read(&self, article: &ArticleId) -> bool;
}

/// No read state at all: every article counts as unread.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoneRead;

impl ReadState for NoneRead {
    fn is_read(&self, _: &ArticleId) -> bool {
        false
    }
}

impl ReadState for HashSet<ArticleId> {
    fn is_read(&self, article: &ArticleId) -> bool {
        self.contains(article)
    }
}

impl ReadState for BTreeSet<ArticleId> {
    fn is_read(&self, article: &ArticleId) -> bool {
        self.contains(article)
    }
}

impl<F: Fn(&ArticleId) -> bool> ReadState for F {
    fn is_read(&self, article: &ArticleId) -> bool {
        self(article)
    }
}

impl Query {
    /// Whether every term holds for `article`; `read` answers `is:unread`.
    /// Folds the article's text when the query has words; a caller matching
    /// the same articles often (a search prompt) keeps [`search_text`] and
    /// calls [`Query::matches_prepared`].
    pub fn matches(&self, article: &Article, read: &dyn ReadState) -> bool {
        self.matches_with(article, read, None)
    }

    /// As [`Query::matches`], with the article's [`search_text`] computed beforehand.
    pub fn matches_prepared(&self, article: &Article, read: &dyn ReadState, text: &str) -> bool {
        self.matches_with(article, read, Some(text))
    }

    fn matches_with(
        &self,
        article: &Article,
        read: &dyn ReadState,
        prepared: Option<&str>,
    ) -> bool {
        let mut text: Option<Cow<'_, str>> = prepared.map(Cow::Borrowed);
        // Cheap terms first: the text is folded only for articles that pass them.
        let (words, filters): (Vec<&Term>, Vec<&Term>) = self
            .terms
            .iter()
            .partition(|t| matches!(t.filter, Filter::Text(_)));
        filters
            .into_iter()
            .chain(words)
            .all(|term| holds(term, article, read, &mut text))
    }
}

fn holds(
    term: &Term,
    article: &Article,
    read: &dyn ReadState,
    text: &mut Option<Cow<'_, str>>,
) -> bool {
    let date = article.published.as_ref().map(|p| p.date());
    let result = match &term.filter {
        Filter::After(day) | Filter::Before(day) => {
            // Undated articles are left out by every date term, negated or not.
            let Some(date) = date else { return false };
            let day = day_string(*day);
            if matches!(term.filter, Filter::After(_)) {
                date >= day.as_str()
            } else {
                date <= day.as_str()
            }
        }
        Filter::Actor(ids) => article.claims.iter().any(|c| names_actor(c, ids)),
        Filter::About(ids) => article.claims.iter().any(|c| {
            c.about
                .iter()
                .any(|a| ids.iter().any(|id| id == a.as_str()))
        }),
        Filter::Is(states) => states.iter().any(|s| has_state(article, *s, read)),
        Filter::Tag(tags) => any_folded_equal(&article.tags, tags),
        Filter::Outlet(outlets) => any_folded_equal(article.outlet.as_slice(), outlets),
        Filter::Language(langs) => article.language.as_deref().is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            langs.iter().any(|want| {
                l == *want
                    || l.strip_prefix(want.as_str())
                        .is_some_and(|rest| rest.starts_with('-'))
            })
        }),
        Filter::Text(word) => {
            let haystack = text.get_or_insert_with(|| Cow::Owned(search_text(article)));
            haystack.contains(&fold(word))
        }
    };
    result != term.negated
}

fn day_string(day: Date) -> String {
    day.to_string()
}

/// Whether a stance of the claim is by one of `ids`, directly or as a relayed source.
fn names_actor(claim: &Claim, ids: &[String]) -> bool {
    claim.stances().any(|(_, stance)| {
        std::iter::once(&stance.actor)
            .chain(&stance.via)
            .any(|a| ids.iter().any(|id| id == a.as_str()))
    })
}

fn has_state(article: &Article, state: State, read: &dyn ReadState) -> bool {
    let status = |s: Status| article.claims.iter().any(|c| c.status() == s);
    match state {
        State::Contested => status(Status::Contested),
        State::Asserted => status(Status::Asserted),
        State::Denied => status(Status::Denied),
        State::Unattributed => status(Status::Unattributed),
        State::Suggested => article.claims.iter().any(|c| c.suggested),
        State::Unread => !read.is_read(&article.id),
    }
}

fn any_folded_equal(have: &[String], wanted: &[String]) -> bool {
    have.iter().any(|h| {
        let h = fold(h.trim());
        wanted.iter().any(|w| fold(w) == h)
    })
}

/// What the words of a query are looked for in: the title, body, statements,
/// quotes and actor names (with aliases), folded, separated by NUL so that no
/// match spans two of them.
pub fn search_text(article: &Article) -> String {
    let mut out = String::with_capacity(article.body.len() + article.title.len() + 256);
    let mut add = |s: &str| {
        fold_into(s, &mut out);
        out.push('\0');
    };
    add(&article.title);
    add(&article.body);
    for claim in &article.claims {
        add(&claim.statement);
        if let Some(q) = &claim.quote {
            add(q);
        }
        for (_, stance) in claim.stances() {
            if let Some(q) = &stance.quote {
                add(q);
            }
        }
    }
    for actor in &article.actors {
        add(&actor.name);
        for alias in &actor.aliases {
            add(alias);
        }
    }
    out
}
