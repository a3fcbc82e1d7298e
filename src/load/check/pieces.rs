//! A large file checked piece by piece: its leading keys, then each
//! `[actors.ID]` and `[[claims]]` section (see `load::split`), each parsed on its
//! own and dropped before the next, so memory stays near the file's size
//! however many claims it holds (toml's tokens and tree for a whole file cost
//! over 20 times its size).
//!
//! The walk is the whole-document walk, in the same order, over the same
//! values: only their spans are shifted back to the file. Wherever the pieces
//! could mean something other than the whole file (a piece that fails to parse,
//! declares more than its header, an actor declared twice, `actors` or `claims`
//! also among the leading keys), the file is checked whole instead, so every
//! error is toml's own, at its own place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::claims::{Body, quotes_in};
use super::{Checker, Declared, Key, Value, as_str};
use crate::anchor;
use crate::load::split::{Kind, split};
use crate::load::{Loaded, SourceFile};
use crate::model::{Actor, Claim};

/// What the survey of the pieces found, for the checking walk.
#[derive(Default)]
pub(super) struct Pieces {
    /// Where each `[actors.ID]` piece is, in file order.
    actors: Vec<Range<usize>>,
    /// Where each `[[claims]]` piece is, in file order.
    claims: Vec<Range<usize>>,
    /// Every actor id the pieces declare.
    actor_ids: HashSet<String>,
    /// Every well-typed quote of the claims, in the order the whole walk finds them.
    quotes: Vec<String>,
}

/// Checks `text` piece by piece; `None` when it must be checked whole.
pub(super) fn check(source: &SourceFile, text: &str) -> Option<Loaded> {
    let split = split(text);
    if split.pieces.is_empty() {
        return None;
    }
    let root = DeTable::parse(&text[split.root]).ok()?;
    let mut pieces = survey(text, &split.pieces)?;
    let declares = |key: &str| root.get_ref().iter().any(|(k, _)| as_str(k) == key);
    if (!pieces.actors.is_empty() && declares("actors"))
        || (!pieces.claims.is_empty() && declares("claims"))
    {
        return None;
    }
    let mut checker = Checker::new(text);
    let article = checker.article(source, root.get_ref(), Some(&mut pieces));
    if checker.abandoned {
        return None;
    }
    Some(checker.finish(source, article))
}

/// Parses each piece once, keeping only what the walk needs before it starts:
/// the actor ids (a claim may name an actor declared below it) and the quotes
/// (all are looked for in the body in one pass).
fn survey(text: &str, split: &[(Kind, Range<usize>)]) -> Option<Pieces> {
    let mut pieces = Pieces::default();
    for (kind, range) in split {
        let doc = DeTable::parse(&text[range.clone()]).ok()?;
        match kind {
            Kind::Actor => {
                let (id, _) = actor_of(doc.get_ref())?;
                if !pieces.actor_ids.insert(as_str(id).to_string()) {
                    return None;
                }
                pieces.actors.push(range.clone());
            }
            Kind::Claim => {
                let claim = claim_of(doc.get_ref())?;
                let quotes = quotes_in(std::slice::from_ref(claim)).map(str::to_string);
                pieces.quotes.extend(quotes);
                pieces.claims.push(range.clone());
            }
        }
    }
    Some(pieces)
}

/// The one actor an `[actors.ID]` piece declares, if that is all it declares.
fn actor_of<'a, 's>(doc: &'a DeTable<'s>) -> Option<(&'a Key<'s>, &'a Value<'s>)> {
    let (key, actors) = single(doc)?;
    match actors.get_ref() {
        DeValue::Table(actors) if as_str(key) == "actors" => single(actors),
        _ => None,
    }
}

/// The one claim a `[[claims]]` piece declares, if that is all it declares.
fn claim_of<'a, 's>(doc: &'a DeTable<'s>) -> Option<&'a Value<'s>> {
    let (key, claims) = single(doc)?;
    match claims.get_ref() {
        DeValue::Array(claims) if as_str(key) == "claims" => match claims.as_ref() {
            [claim] => Some(claim),
            _ => None,
        },
        _ => None,
    }
}

fn single<'a, 's>(table: &'a DeTable<'s>) -> Option<(&'a Key<'s>, &'a Value<'s>)> {
    let mut entries = table.iter();
    match (entries.next(), entries.next()) {
        (Some(entry), None) => Some(entry),
        _ => None,
    }
}

impl<'s> Checker<'s> {
    /// The `[actors.ID]` pieces, in file order, as `actors` checks the whole table.
    pub(super) fn actor_pieces(
        &mut self,
        pieces: &mut Pieces,
        declared: &mut Declared,
    ) -> Vec<Actor> {
        declared.ids.extend(std::mem::take(&mut pieces.actor_ids));
        let mut actors = Vec::with_capacity(pieces.actors.len());
        for range in &pieces.actors {
            let Some(piece) = self.piece(range) else {
                break;
            };
            let Some((id_key, value)) = actor_of(piece.get_ref()) else {
                self.abandoned = true;
                break;
            };
            self.offset = range.start;
            if let Some(actor) = self.actor(id_key, value, declared) {
                self.actor_spans.push(self.in_file(id_key.span()));
                actors.push(actor);
            }
            self.offset = 0;
        }
        actors
    }

    /// The `[[claims]]` pieces, in file order, as `claims` checks the whole array.
    pub(super) fn claim_pieces(
        &mut self,
        pieces: &mut Pieces,
        body: Option<&Body<'_>>,
        declared: &mut Declared,
    ) -> Vec<Claim> {
        let quotes = std::mem::take(&mut pieces.quotes);
        if let Some(body) = body {
            self.anchors = anchor::find_many(body.text, quotes.iter().map(String::as_str));
        }
        drop(quotes);
        let mut seen = HashMap::new();
        let mut claims = Vec::with_capacity(pieces.claims.len());
        for range in &pieces.claims {
            let Some(piece) = self.piece(range) else {
                break;
            };
            let Some(item) = claim_of(piece.get_ref()) else {
                self.abandoned = true;
                break;
            };
            self.offset = range.start;
            if let Some(claim) = self.claim_item(item, &mut seen, body, declared) {
                claims.push(claim);
            }
            self.offset = 0;
        }
        claims
    }

    /// The piece at `range` parsed again (the survey parsed it the same way).
    fn piece(&mut self, range: &Range<usize>) -> Option<toml::Spanned<DeTable<'s>>> {
        let parsed = DeTable::parse(&self.text[range.clone()]).ok();
        self.abandoned |= parsed.is_none();
        parsed
    }
}

#[cfg(test)]
mod tests;
