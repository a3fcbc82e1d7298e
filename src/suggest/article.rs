//! What `whosaid suggest` appends to an article file: the attributions found in
//! its body as `[actors.x]` and `[[claims]]` tables marked `suggested = true`,
//! never repeating a claim whose quote overlaps one already in the file.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::{Attribution, lexicon};
use crate::actor_directory::{ActorDirectory, FullNames};
use crate::anchor;
use crate::model::{ActorKind, Article};
use crate::slug::{IdAllocator, slug};

/// What to do with one article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Append this TOML after the file's text (it may be empty: nothing to add).
    Append {
        toml: String,
        claims: usize,
        actors: usize,
    },
    /// The file spells this key (`claims` or `actors`) as an inline value, where
    /// tables cannot be appended: leave it alone.
    Inline(&'static str),
}

/// Which of `claims` and `actors` the file `text` writes as an inline value
/// (`claims = [ … ]`, `actors = { … }`), if any.
pub fn inline_key(text: &str) -> Option<&'static str> {
    let doc = toml::de::DeTable::parse(text).ok()?;
    for (key, _) in doc.get_ref().iter() {
        let name = match key.get_ref().as_ref() {
            "claims" => "claims",
            "actors" => "actors",
            _ => continue,
        };
        let after = text.get(key.span().end..).unwrap_or("");
        // `claims = …` is inline; `[[claims]]`, `[actors.x]` and `actors.x.name = …` are not.
        let after = after.trim_start_matches(['"', '\'', ' ', '\t']);
        if after.starts_with('=') {
            return Some(name);
        }
    }
    None
}

/// Plans the suggestions for `article`, loaded from `text`. Actors new to the
/// file take the id and declaration that `directory` (the articles folder's
/// actors) knows for their name, so one person stays one actor across files.
pub fn plan(text: &str, article: &Article, directory: Option<&ActorDirectory>) -> Plan {
    if let Some(key) = inline_key(text) {
        return Plan::Inline(key);
    }
    plan_found(article, &super::find(&article.body), directory)
}

/// One actor to name in a stance: an existing one, or a new one to declare.
struct Actors<'d> {
    /// Actors declared elsewhere in the articles folder.
    directory: Option<&'d ActorDirectory>,
    /// The file's own actors' names and ids, and the full names among them
    /// by their last word, for a surname alone ("Peskov").
    names: Vec<(String, String)>,
    full_names: FullNames,
    /// Existing actors' names and aliases (lower case) → ids.
    known: HashMap<String, String>,
    ids: IdAllocator,
    /// Names of actors declared by this run → their ids.
    new: HashMap<String, String>,
    declared: Vec<NewActor>,
}

/// An actor this run declares in the file.
struct NewActor {
    id: String,
    name: String,
    kind: ActorKind,
    role: Option<String>,
}

impl Actors<'_> {
    /// The id of the actor named `name`: an existing actor with that name or
    /// alias, or one whose name or alias ends `name`'s words (`Kremlin
    /// spokesperson Dmitry Peskov` → `Dmitry Peskov`), else a new suggested actor.
    fn id_for(&mut self, name: &str, kind: ActorKind) -> String {
        let name = anchor::collapse(name);
        let lower = name.to_lowercase();
        if let Some(id) = self.known.get(&lower) {
            return id.clone();
        }
        // Each shorter ending of the name, at word boundaries, looked up once.
        for (i, _) in lower.match_indices(' ') {
            let tail = &lower[i + 1..];
            if tail.len() >= 4
                && let Some(id) = self.known.get(tail)
            {
                return id.clone();
            }
        }
        // A surname alone is the one full name of the file that ends with it.
        if let Some(i) = self.full_names.of(&name) {
            return self.names[i].1.clone();
        }
        if let Some(id) = self.new.get(&name) {
            return id.clone();
        }
        // Someone declared in another file keeps that id and declaration,
        // unless this file already uses the id for someone else.
        let known = self
            .directory
            .and_then(|d| d.find(&name))
            .filter(|k| !self.ids.is_taken(&k.id));
        let actor = match known {
            Some(k) => {
                self.ids.reserve(&k.id);
                NewActor {
                    id: k.id.clone(),
                    name: k.name.clone(),
                    kind: k.kind,
                    role: k.role.clone(),
                }
            }
            None => NewActor {
                id: self.ids.allocate(&slug(&name, "source")),
                name: name.clone(),
                kind,
                role: None,
            },
        };
        let id = actor.id.clone();
        self.new.insert(name, id.clone());
        self.declared.push(actor);
        id
    }
}

/// Every declared actor's name and aliases, white space collapsed and in lower
/// case, to its id (the first actor that has it, in file order).
fn known_names(article: &Article) -> HashMap<String, String> {
    let mut known = HashMap::new();
    for actor in &article.actors {
        for n in std::iter::once(&actor.name).chain(&actor.aliases) {
            known
                .entry(anchor::collapse(n).to_lowercase())
                .or_insert_with(|| actor.id.to_string());
        }
    }
    known
}

/// Byte ranges that never overlap one another, for overlap checks in log time.
#[derive(Default)]
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// Whether `r` overlaps a range taken.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        // The last range starting before `r` ends is the only one that can overlap it,
        // since the ranges are disjoint and sorted.
        self.0
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    /// Whether `r` lies within a range taken.
    fn contains(&self, r: &Range<usize>) -> bool {
        self.0
            .range(..=r.start)
            .next_back()
            .is_some_and(|(_, &end)| end >= r.end)
    }

    /// Takes `r`, merging it with any range it overlaps.
    fn take(&mut self, r: Range<usize>) {
        let (mut start, mut end) = (r.start, r.end);
        while let Some((&s, &e)) = self.0.range(..end.max(start + 1)).next_back() {
            if e < start {
                break;
            }
            start = start.min(s);
            end = end.max(e);
            self.0.remove(&s);
        }
        self.0.insert(start, end);
    }
}

struct NewClaim {
    id: String,
    statement: String,
    quote: String,
    asserted: Vec<StanceOut>,
    denied: Vec<StanceOut>,
}

struct StanceOut {
    actor: String,
    via: Option<String>,
    cue: String,
    quote: Option<String>,
}

/// Plans the tables for attributions already found in `article.body`.
pub fn plan_found(
    article: &Article,
    found: &[Attribution],
    directory: Option<&ActorDirectory>,
) -> Plan {
    let body = &article.body;
    let mut taken = Taken::default();
    for anchor in article.claims.iter().filter_map(|c| c.anchor.clone()) {
        taken.take(anchor);
    }
    let names: Vec<&str> = article.actors.iter().map(|a| a.name.as_str()).collect();
    let mut actors = Actors {
        directory,
        names: article
            .actors
            .iter()
            .map(|a| (a.name.clone(), a.id.to_string()))
            .collect(),
        full_names: FullNames::new(&names),
        known: known_names(article),
        ids: IdAllocator::new(article.actors.iter().map(|a| a.id.to_string())),
        new: HashMap::new(),
        declared: Vec::new(),
    };
    let mut claim_ids = IdAllocator::new(article.claims.iter().map(|c| c.id.to_string()));
    let mut claims: Vec<NewClaim> = Vec::new();
    // A quote the file already has is never suggested again, wherever it occurs.
    let existing: std::collections::HashSet<&str> = article
        .claims
        .iter()
        .filter_map(|c| c.quote.as_deref())
        .collect();
    let text_of = |r: &Range<usize>| body.get(r.clone()).unwrap_or("");
    // The sources relayed (`citing sources familiar with the call`): what names one
    // is who spoke, never a claim of its own.
    let mut relayed = Taken::default();
    for v in found.iter().filter_map(|a| a.via.clone()) {
        relayed.take(v);
    }
    // Whether the attribution just before was suggested as a claim here.
    let mut last_suggested = false;
    for a in found {
        let follows_suggestion = std::mem::replace(&mut last_suggested, false);
        let Some(name) = actor_name(body, a) else {
            continue;
        };
        let cue = anchor::collapse(text_of(&a.cue));
        let Some(content) = a.content.iter().max_by_key(|r| r.len()) else {
            continue;
        };
        if relayed.contains(content) {
            continue;
        }
        let range = claim_range(body, content.clone());
        let quote = anchor::collapse(text_of(&range));
        // A quote must start and end between grapheme clusters to anchor.
        if quote.is_empty() || existing.contains(quote.as_str()) || !on_graphemes(body, &range) {
            continue;
        }
        let overlaps = taken.overlaps(&range);
        // A verdict on what went before (`dismissed this claim as “pure fiction”`)
        // is a stance on the claim just suggested.
        if a.refers_back {
            // Only right after the claim it takes up; that claim may be one a
            // person wrote (or an earlier run suggested), which is not touched.
            let Some(last) = claims.last_mut().filter(|_| follows_suggestion) else {
                continue;
            };
            let actor = actors.id_for(&name, a.kind);
            let stance = StanceOut {
                actor,
                via: None,
                cue,
                quote: (!overlaps).then_some(quote),
            };
            if a.denial {
                last.denied.push(stance);
            } else {
                last.asserted.push(stance);
            }
            last_suggested = true;
            continue;
        }
        if overlaps {
            continue;
        }
        taken.take(range);
        let actor = actors.id_for(&name, a.kind);
        let via = a.via.as_ref().map(|v| {
            let via_name = strip_report(text_of(v));
            actors.id_for(&via_name, lexicon::guess_kind(&via_name))
        });
        // A claim of its own is denied by its cue (`denied that …`); a verdict in
        // what is said (`maintaining that no such call took place`) is that claim,
        // asserted: it denies only a claim it refers back to.
        let denies = a.denial && lexicon::cue_denies(&cue);
        // The words that carry the stance: source and cue, in whichever order they come.
        let stance_quote = a
            .source
            .as_ref()
            .map(|s| s.start.min(a.cue.start)..s.end.max(a.cue.end))
            .filter(|r| r.len() < 300 && on_graphemes(body, r))
            .map(|r| anchor::collapse(text_of(&r)));
        let stance = StanceOut {
            actor,
            via,
            cue,
            quote: stance_quote,
        };
        let id = claim_ids.allocate(&slug(&first_words(&quote, 6), "claim"));
        let mut claim = NewClaim {
            id,
            statement: statement(&quote),
            quote,
            asserted: Vec::new(),
            denied: Vec::new(),
        };
        if denies {
            claim.denied.push(stance);
        } else {
            claim.asserted.push(stance);
        }
        claims.push(claim);
        last_suggested = true;
    }
    let mut toml = String::new();
    if !claims.is_empty() {
        toml.push_str(
            "\n# Suggested by `whosaid suggest`: review each, then accept or reject it.\n",
        );
    }
    // Only actors some claim names (a verdict on a claim not suggested names none).
    for a in &actors.declared {
        let _ = write!(
            toml,
            "\n[actors.{}]\nname = {}\nkind = \"{}\"\n",
            a.id,
            crate::toml_text::basic(&a.name),
            a.kind.as_str()
        );
        if let Some(role) = &a.role {
            let _ = writeln!(toml, "role = {}", crate::toml_text::basic(role));
        }
        toml.push_str("suggested = true\n");
    }
    for c in &claims {
        let _ = write!(
            toml,
            "\n[[claims]]\nid = \"{}\"\nstatement = {}\nquote = {}\nsuggested = true\n",
            c.id,
            crate::toml_text::basic(&c.statement),
            crate::toml_text::basic(&c.quote)
        );
        for (table, stances) in [("asserted_by", &c.asserted), ("denied_by", &c.denied)] {
            for s in stances {
                let _ = write!(toml, "\n[[claims.{table}]]\nactor = \"{}\"\n", s.actor);
                if let Some(v) = &s.via {
                    let _ = writeln!(toml, "via = [\"{v}\"]");
                }
                let _ = writeln!(toml, "cue = {}", crate::toml_text::basic(&s.cue));
                if let Some(q) = &s.quote {
                    let _ = writeln!(toml, "quote = {}", crate::toml_text::basic(q));
                }
            }
        }
    }
    Plan::Append {
        toml,
        claims: claims.len(),
        actors: actors.declared.len(),
    }
}

/// The actor's name for an attribution's source: the name a pronoun stands for,
/// the outlet behind `a report by …`; `None` for a pronoun nobody was named for.
fn actor_name(body: &str, a: &Attribution) -> Option<String> {
    let source = a.source.as_ref()?;
    let text = body.get(source.clone())?;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() == 1 && lexicon::is_subject_pronoun(words[0]) {
        let r = a.resolved.as_ref()?;
        return Some(anchor::collapse(body.get(r.clone())?));
    }
    let name = name_in_apposition(&strip_report(text));
    (!name.is_empty()).then_some(name)
}

/// `Nahr al-Fidda’s vice-captain, Tariq Mansour` → `Tariq Mansour`; `Bill Marsh,
/// a harbour pilot who …` → `Bill Marsh`: of a source with an apposition, the
/// first part whose words are all capitalized (a parenthesis after it dropped),
/// so that the actor is the person, not their description.
fn name_in_apposition(text: &str) -> String {
    if !text.contains(',') {
        return text.to_string();
    }
    let named = text.split(',').map(str::trim).find_map(|part| {
        let part = part.split(" (").next().unwrap_or(part).trim();
        let words: Vec<&str> = part.split_whitespace().collect();
        let name = !words.is_empty()
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        name.then_some(part)
    });
    named.unwrap_or(text).to_string()
}

/// Whether `r` starts and ends on grapheme-cluster boundaries of `body`.
fn on_graphemes(body: &str, r: &Range<usize>) -> bool {
    let at = |i: usize| {
        unicode_segmentation::GraphemeCursor::new(i, body.len(), true)
            .is_boundary(body, 0)
            .unwrap_or(false)
    };
    body.is_char_boundary(r.start) && body.is_char_boundary(r.end) && at(r.start) && at(r.end)
}

/// `a report by The Washington Post` → `The Washington Post`.
fn strip_report(text: &str) -> String {
    let text = anchor::collapse(text);
    for lead in [
        "a report by ",
        "a report in ",
        "a report from ",
        "reports by ",
        "reports in ",
        "an article in ",
        "a story in ",
    ] {
        // `get`: the text's first bytes may end inside a character.
        if text.len() > lead.len()
            && let (Some(head), Some(rest)) = (text.get(..lead.len()), text.get(lead.len()..))
            && head.eq_ignore_ascii_case(lead)
        {
            return rest.to_string();
        }
    }
    text.trim_end_matches([',', '.', ';', ':']).to_string()
}

/// The words of a content worth anchoring: without its quotation marks, the
/// punctuation at its ends and a leading `that` (`said that X`: the claim is X).
fn claim_range(body: &str, r: Range<usize>) -> Range<usize> {
    let Some(text) = body.get(r.clone()) else {
        return r.start..r.start;
    };
    let edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '“' | '”' | '„' | '«' | '»' | ',' | '.' | ';' | ':' | '—' | '–'
            )
    };
    let start = r.start + (text.len() - text.trim_start_matches(edge).len());
    let end = r.start + text.trim_end_matches(edge).len();
    let (mut start, end) = (start, end.max(start));
    if let Some(lead) = body.get(start..start + 5)
        && lead.eq_ignore_ascii_case("that ")
        && start + 5 < end
    {
        start += 5;
        while body[start..end].starts_with(char::is_whitespace) {
            start += body[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    start..end
}

fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A claim's statement from its quote: one sentence, capitalised, with a full stop.
fn statement(quote: &str) -> String {
    let mut s = String::with_capacity(quote.len() + 1);
    let mut chars = quote.chars();
    if let Some(first) = chars.next() {
        s.extend(first.to_uppercase());
        s.push_str(chars.as_str());
    }
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}
