//! Claims, their stances, and the quotes that anchor them in the body.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{Checker, Declared, Entry, Key, Span, Value, as_str, table_entry};
use crate::anchor::near::BodyWords;
use crate::anchor::{self, Anchor};
use crate::model::{ActorId, Claim, ClaimId, Stance};
use crate::text;

const CLAIM_KEYS: [&str; 7] = [
    "id",
    "statement",
    "quote",
    "asserted_by",
    "denied_by",
    "about",
    "suggested",
];
const STANCE_KEYS: [&str; 4] = ["actor", "via", "cue", "quote"];

impl<'s> Checker<'s> {
    pub(super) fn claims(
        &mut self,
        key: &Key<'s>,
        value: &Value<'s>,
        body: Option<&Body<'_>>,
        declared: &mut Declared,
    ) -> Vec<Claim> {
        let Some(items) = self.array(key, value) else {
            return Vec::new();
        };
        if let Some(body) = body {
            self.anchors = anchor::find_many(body.text, quotes_in(items));
        }
        let mut seen = HashMap::new();
        let mut claims = Vec::with_capacity(items.len());
        for item in items {
            if let Some(claim) = self.claim_item(item, &mut seen, body, declared) {
                claims.push(claim);
            }
        }
        claims
    }

    /// One element of the `claims` array; `seen` holds the ids met before it
    /// and where (in the file), for the duplicate check.
    pub(super) fn claim_item(
        &mut self,
        item: &Value<'s>,
        seen: &mut HashMap<String, usize>,
        body: Option<&Body<'_>>,
        declared: &mut Declared,
    ) -> Option<Claim> {
        let table = self.element_table(item, "claims")?;
        if let Some((_, id)) = table_entry(table, "id")
            && let DeValue::String(s) = id.get_ref()
        {
            if let Some(&first) = seen.get(s.as_ref()) {
                let line = self.line_of(first);
                let message = format!("duplicate claim id `{s}` (first used on line {line})");
                self.error(id.span(), message);
            } else {
                seen.insert(s.to_string(), self.in_file(id.span()).start);
            }
        }
        self.claim(item.span(), table, body, declared)
    }

    fn claim(
        &mut self,
        header: Span,
        table: &DeTable<'s>,
        body: Option<&Body<'_>>,
        declared: &mut Declared,
    ) -> Option<Claim> {
        let [
            id,
            statement,
            quote,
            asserted_by,
            denied_by,
            about,
            suggested,
        ] = self.fields(table, CLAIM_KEYS);
        let id_value = id.map(|(_, v)| v);
        let id = match id {
            None => {
                self.missing(&header, "id", "this claim");
                None
            }
            Some((_, v)) => self
                .string(v, "id")
                .filter(|s| self.check_id(v.span(), s, "claim")),
        };
        let place = match id {
            Some(id) => format!("claim `{id}`"),
            None => "this claim".to_string(),
        };
        let statement = self.required_text(statement, "statement", &header, &place);
        let (quote, anchor) = self.quote(quote, body);
        let problems_before = self.problems.len();
        let asserted_by = self.stances(asserted_by, body, declared);
        let denied_by = self.stances(denied_by, body, declared);
        // A stance that failed its checks would make the claim look unattributed.
        let stances_ok = self.problems.len() == problems_before;
        let about = self.about(about, declared);
        let suggested = self.flag(suggested);
        let claim = Claim {
            id: ClaimId::new(id?),
            statement: statement?,
            quote,
            anchor,
            asserted_by,
            denied_by,
            about,
            suggested,
        };
        if stances_ok {
            self.claim_warnings(&claim, id_value.map_or(header, |v| v.span()));
        }
        Some(claim)
    }

    fn claim_warnings(&mut self, claim: &Claim, at: Span) {
        if claim.asserted_by.is_empty() && claim.denied_by.is_empty() {
            self.warning(
                at.clone(),
                format!(
                    "claim `{}` is unattributed: nobody asserts or denies it",
                    claim.id
                ),
            );
        }
        let asserters: HashSet<_> = claim.asserted_by.iter().map(|s| &s.actor).collect();
        let mut both: Vec<_> = claim
            .denied_by
            .iter()
            .map(|s| &s.actor)
            .filter(|a| asserters.contains(a))
            .collect();
        both.dedup();
        for actor in both {
            self.warning(
                at.clone(),
                format!(
                    "actor `{actor}` both asserts and denies claim `{}`",
                    claim.id
                ),
            );
        }
    }

    /// `about`: declared actors, each kept once at its first place; a repeat is a warning.
    fn about(&mut self, entry: Entry<'_, 's>, declared: &mut Declared) -> Vec<ActorId> {
        let Some((key, value)) = entry else {
            return Vec::new();
        };
        let Some(items) = self.array(key, value) else {
            return Vec::new();
        };
        let mut about = Vec::with_capacity(items.len());
        let mut seen = HashSet::with_capacity(items.len());
        for item in items {
            let Some(name) = self.string(item, "about") else {
                continue;
            };
            let Some(id) = self.reference(item.span(), name, declared) else {
                continue;
            };
            if seen.insert(id.clone()) {
                about.push(id);
            } else {
                let message = format!("`{id}` is named twice in `about`; it counts once");
                self.warning(item.span(), message);
            }
        }
        about
    }

    fn stances(
        &mut self,
        entry: Entry<'_, 's>,
        body: Option<&Body<'_>>,
        declared: &mut Declared,
    ) -> Vec<Stance> {
        let Some((key, value)) = entry else {
            return Vec::new();
        };
        let Some(items) = self.array(key, value) else {
            return Vec::new();
        };
        let name = as_str(key);
        // Exact capacity: collecting a filter would reserve four, and these stay in memory.
        let mut stances = Vec::with_capacity(items.len());
        for item in items {
            if let Some(table) = self.element_table(item, name)
                && let Some(stance) = self.stance(item.span(), table, body, declared)
            {
                stances.push(stance);
            }
        }
        stances
    }

    fn stance(
        &mut self,
        header: Span,
        table: &DeTable<'s>,
        body: Option<&Body<'_>>,
        declared: &mut Declared,
    ) -> Option<Stance> {
        let [actor, via, cue, quote] = self.fields(table, STANCE_KEYS);
        let actor = match actor {
            None => {
                self.missing(&header, "actor", "this stance");
                None
            }
            Some((_, v)) => {
                let name = self.string(v, "actor")?;
                self.reference(v.span(), name, declared)
            }
        };
        let via = match via {
            None => Some(Vec::new()),
            Some((key, value)) => self.array(key, value).map(|items| {
                let mut via = Vec::with_capacity(items.len());
                for item in items {
                    if let Some(name) = self.string(item, "via")
                        && let Some(id) = self.reference(item.span(), name, declared)
                    {
                        via.push(id);
                    }
                }
                via
            }),
        };
        let cue = self.optional_string(cue);
        let (quote, anchor) = self.quote(quote, body);
        Some(Stance {
            actor: actor?,
            via: via?,
            cue,
            quote,
            anchor,
        })
    }

    fn quote(
        &mut self,
        entry: Entry<'_, 's>,
        body: Option<&Body<'_>>,
    ) -> (Option<String>, Option<Range<usize>>) {
        let Some((_, value)) = entry else {
            return (None, None);
        };
        let Some(quote) = self.string(value, "quote") else {
            return (None, None);
        };
        // Every quote of the file was looked for at once, before the walk.
        let found = self.anchors.get(&anchor::collapse(quote)).cloned();
        let found = found.unwrap_or_else(|| anchor::find(body.map_or("", |b| b.text), quote));
        match (found, body) {
            (Anchor::Empty, _) => self.error(value.span(), "`quote` is empty".to_string()),
            // Without a body the body's own error says it all.
            (_, None) => {}
            (Anchor::NotFound, Some(body)) => {
                let hint = self.near_hint(body, quote);
                self.error(
                    value.span(),
                    format!(
                        "`quote` is not in the body; it must match the body's words exactly \
                         (white space aside){hint}"
                    ),
                );
            }
            (Anchor::Found { range, repeated }, Some(_)) => {
                if repeated {
                    self.warning(
                        value.span(),
                        "`quote` occurs more than once in the body; the first occurrence is the anchor"
                            .to_string(),
                    );
                }
                return (Some(anchor::collapse(quote)), Some(range));
            }
        }
        (None, None)
    }
}

/// The article's body as the claims' quotes are checked against it.
pub(super) struct Body<'b> {
    pub text: &'b str,
    /// Where the body's text starts in the file, when the file holds it verbatim
    /// (no escapes), so that a place in the body is a place in the file.
    pub in_file: Option<usize>,
    /// The body's words for near-miss hints: built for the first quote not found.
    words: OnceCell<BodyWords<'b>>,
}

impl<'b> Body<'b> {
    pub fn new(text: &'b str, in_file: Option<usize>) -> Self {
        Body {
            text,
            in_file,
            words: OnceCell::new(),
        }
    }
}

/// Near-miss hints per file: each costs a pass over the body, so a file of many
/// bad quotes stays linear in its size.
const MAX_NEAR_HINTS: usize = 10;
/// The longest passage a hint shows, in columns.
const MAX_HINT_COLUMNS: usize = 60;

impl Checker<'_> {
    /// `; did you mean “…” at 12:5?` for the body's passage nearest `quote`, or nothing.
    fn near_hint(&mut self, body: &Body<'_>, quote: &str) -> String {
        if self.near_hints >= MAX_NEAR_HINTS || !self.hints_wanted() {
            return String::new();
        }
        self.near_hints += 1;
        let words = body.words.get_or_init(|| BodyWords::new(body.text));
        let Some(near) = words.nearest(quote) else {
            return String::new();
        };
        let passage = body.text.get(near.range.clone()).unwrap_or_default();
        let shown = text::truncate(&text::flatten(passage), MAX_HINT_COLUMNS).into_owned();
        let start = near.range.start;
        match body.in_file {
            Some(at) => {
                let (line, column) = self.line_column(at + start);
                format!("; did you mean “{shown}” at {line}:{column}?")
            }
            None => {
                let before = &body.text[..start];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                format!("; did you mean “{shown}” (line {line}, column {column} of the body)?")
            }
        }
    }

    /// Line and column (in Unicode scalar values), from 1, of a byte offset of the file.
    fn line_column(&mut self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let before = self.text.get(..offset).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

/// Every well-typed `quote` string of the claims and their stances, for one
/// batch search of the body; what is mistyped is reported by the walk itself.
pub(super) fn quotes_in<'a, 's: 'a>(items: &'a [Value<'s>]) -> impl Iterator<Item = &'a str> {
    let quote_of = |table: &'a DeTable<'s>| match table_entry(table, "quote") {
        Some((_, v)) => match v.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            _ => None,
        },
        None => None,
    };
    let tables = |value: &'a Value<'s>| match value.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => None,
    };
    items.iter().filter_map(tables).flat_map(move |claim| {
        let stances = ["asserted_by", "denied_by"]
            .into_iter()
            .filter_map(move |name| match table_entry(claim, name)?.1.get_ref() {
                DeValue::Array(a) => Some(a.iter()),
                _ => None,
            })
            .flatten()
            .filter_map(tables);
        std::iter::once(claim).chain(stances).filter_map(quote_of)
    })
}
