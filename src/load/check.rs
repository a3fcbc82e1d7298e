//! One walk over a parsed file: every rule of FORMAT.md, every problem reported.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use super::position::sites;
use super::{Loaded, SourceFile};
use crate::anchor::{self, Anchor};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Actor, ActorId, ActorKind, Article, Claim, ClaimId, Published, Stance};

type Key<'s> = Spanned<DeString<'s>>;
type Value<'s> = Spanned<DeValue<'s>>;
type Entry<'a, 's> = Option<(&'a Key<'s>, &'a Value<'s>)>;
type Span = Range<usize>;

const ARTICLE_KEYS: [&str; 10] = [
    "title",
    "body",
    "published",
    "outlet",
    "url",
    "byline",
    "tags",
    "language",
    "actors",
    "claims",
];
const ACTOR_KEYS: [&str; 6] = ["name", "kind", "role", "affiliation", "aliases", "wikidata"];
const CLAIM_KEYS: [&str; 5] = ["id", "statement", "quote", "asserted_by", "denied_by"];
const STANCE_KEYS: [&str; 4] = ["actor", "via", "cue", "quote"];
const MAX_ID_BYTES: usize = 64;
/// Diagnostics shown per file; the rest are counted.
const MAX_SHOWN: usize = 100;

/// Parses and checks `text` (already UTF-8, BOM removed).
pub fn check(source: &SourceFile, text: &str) -> Loaded {
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        actor_spans: Vec::new(),
    };
    let article = match DeTable::parse(text) {
        Ok(doc) => checker.article(source, doc.get_ref()),
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = err.message().trim().replace('\n', "; ");
            checker.error(span, format!("TOML syntax error: {message}"));
            None
        }
    };
    checker.finish(source, article)
}

struct Problem {
    severity: Severity,
    span: Span,
    message: String,
}

struct Checker<'s> {
    text: &'s str,
    problems: Vec<Problem>,
    actor_spans: Vec<Span>,
}

/// What the actors table declared, for the claims to refer to.
struct Declared {
    ids: HashSet<String>,
    used: HashSet<String>,
}

impl<'s> Checker<'s> {
    fn finish(mut self, source: &SourceFile, article: Option<Article>) -> Loaded {
        let has_error = self.problems.iter().any(|p| p.severity == Severity::Error);
        self.problems.sort_by_key(|p| (p.span.start, p.severity));
        // A file of garbage can hold a million problems: the first ones are enough.
        let hidden = self.problems.len().saturating_sub(MAX_SHOWN);
        self.problems.truncate(MAX_SHOWN);
        if hidden > 0
            && let Some(last) = self.problems.last()
        {
            let message = format!("too many problems; {hidden} more in this file not shown");
            let note = Problem {
                severity: last.severity,
                span: last.span.clone(),
                message,
            };
            self.problems.push(note);
        }
        let spans: Vec<Span> = self.problems.iter().map(|p| p.span.clone()).collect();
        let diagnostics = sites(self.text, &spans)
            .into_iter()
            .zip(self.problems)
            .map(|(site, p)| site.diagnostic(source.path.clone(), p.severity, p.message))
            .collect::<Vec<Diagnostic>>();
        let article = article.filter(|_| !has_error);
        Loaded {
            source: source.clone(),
            article,
            diagnostics,
        }
    }

    fn error(&mut self, span: Span, message: String) {
        self.problems.push(Problem {
            severity: Severity::Error,
            span,
            message,
        });
    }

    fn warning(&mut self, span: Span, message: String) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            span,
            message,
        });
    }

    // ----- the article -----

    fn article(&mut self, source: &SourceFile, root: &DeTable<'s>) -> Option<Article> {
        let [
            title,
            body,
            published,
            outlet,
            url,
            byline,
            tags,
            language,
            actors,
            claims,
        ] = self.fields(root, ARTICLE_KEYS);
        let whole_file = 0..0;
        let title = self.required_text(title, "title", &whole_file, "the article");
        let body = self.required_text(body, "body", &whole_file, "the article");
        let published = published.and_then(|(_, v)| self.published(v));
        let outlet = self.optional_string(outlet);
        let url_entry = url;
        let url = self.optional_string(url_entry);
        if let (Some(u), Some((_, v))) = (&url, url_entry)
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            self.warning(
                v.span(),
                format!("`url` `{u}` does not start with http:// or https://"),
            );
        }
        let byline = self.string_array(byline);
        let tags = self.string_array(tags);
        let language_entry = language;
        let language = self.optional_string(language_entry);
        if let (Some(l), Some((_, v))) = (&language, language_entry)
            && !looks_like_language_tag(l)
        {
            self.warning(
                v.span(),
                format!("`language` `{l}` is not a BCP 47 tag such as `en` or `pt-BR`"),
            );
        }
        let mut declared = Declared {
            ids: HashSet::new(),
            used: HashSet::new(),
        };
        let actors = actors
            .map(|(k, v)| self.actors(k, v, &mut declared))
            .unwrap_or_default();
        let claims = match (claims, &body) {
            (Some((k, v)), body) => self.claims(k, v, body.as_deref(), &mut declared),
            (None, _) => Vec::new(),
        };
        self.warn_unused(&actors, &declared);
        Some(Article {
            id: source.id.clone(),
            path: source.path.clone(),
            title: title?,
            body: body?,
            published,
            outlet,
            url,
            byline,
            tags,
            language,
            actors,
            claims,
        })
    }

    /// A stance rejected by an error may have been the use, so a file with errors
    /// gets no such warning: it would only be noise beside the error.
    fn warn_unused(&mut self, actors: &[Actor], declared: &Declared) {
        if self.problems.iter().any(|p| p.severity == Severity::Error) {
            return;
        }
        let spans = std::mem::take(&mut self.actor_spans);
        for (actor, span) in actors.iter().zip(spans) {
            if !declared.used.contains(actor.id.as_str()) {
                let message = format!("actor `{}` is declared but never used", actor.id);
                self.warning(span, message);
            }
        }
    }

    fn published(&mut self, value: &Value<'s>) -> Option<Published> {
        let DeValue::Datetime(dt) = value.get_ref() else {
            self.wrong_type(value, "published", "a TOML date or date-time (2024-11-11)");
            return None;
        };
        if dt.date.is_none() {
            self.error(
                value.span(),
                "`published` is a bare time; expected a date or date-time such as 2024-11-11"
                    .to_string(),
            );
            return None;
        }
        // Kept as written, but with the `T` separator RFC 3339 asks for.
        let raw = &self.text[value.span()];
        let mut written = raw.to_string();
        if dt.time.is_some() && written.len() > 10 && written.is_char_boundary(11) {
            written.replace_range(10..11, "T");
        }
        Some(Published::new(written))
    }

    // ----- actors -----

    fn actors(&mut self, key: &Key<'s>, value: &Value<'s>, declared: &mut Declared) -> Vec<Actor> {
        let Some(table) = self.table(key, value) else {
            return Vec::new();
        };
        // Ids first, so affiliations may name an actor declared further down.
        for (id, _) in table.iter() {
            declared.ids.insert(as_str(id).to_string());
        }
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        let mut actors = Vec::with_capacity(entries.len());
        for (id_key, body) in entries {
            if let Some(actor) = self.actor(id_key, body, declared) {
                self.actor_spans.push(id_key.span());
                actors.push(actor);
            }
        }
        actors
    }

    fn actor(
        &mut self,
        id_key: &Key<'s>,
        value: &Value<'s>,
        declared: &mut Declared,
    ) -> Option<Actor> {
        let id = as_str(id_key);
        let id_ok = self.check_id(id_key.span(), id, "actor");
        let table = self.table(id_key, value)?;
        let place = format!("actor `{id}`");
        let [name, kind, role, affiliation, aliases, wikidata] = self.fields(table, ACTOR_KEYS);
        let header = value.span();
        let name = self.required_text(name, "name", &header, &place);
        let kind = self.kind(kind, &header, &place);
        let role = self.optional_string(role);
        let affiliation = affiliation.and_then(|(_, v)| {
            let target = self.string(v, "affiliation")?;
            if target == id {
                self.error(v.span(), format!("actor `{id}` is affiliated with itself"));
                return None;
            }
            self.reference(v.span(), target, declared)
        });
        let aliases = self.string_array(aliases);
        let wikidata = wikidata.and_then(|(_, v)| {
            let w = self.string(v, "wikidata")?;
            let valid =
                w.len() > 1 && w.starts_with('Q') && w[1..].bytes().all(|b| b.is_ascii_digit());
            if !valid {
                self.error(
                    v.span(),
                    format!("`wikidata` `{w}` is not a Wikidata item id such as `Q312847`"),
                );
            }
            Some(w.to_string())
        });
        Some(Actor {
            id: ActorId::new(id),
            name: name?,
            kind: kind?,
            role,
            affiliation,
            aliases,
            wikidata,
        })
        .filter(|_| id_ok)
    }

    fn kind(&mut self, entry: Entry<'_, 's>, header: &Span, place: &str) -> Option<ActorKind> {
        let Some((_, value)) = entry else {
            self.missing(header, "kind", place);
            return None;
        };
        let written = self.string(value, "kind")?;
        let kind = ActorKind::parse(written);
        if kind.is_none() {
            let expected: Vec<_> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
            self.error(
                value.span(),
                format!(
                    "unknown kind `{written}`; expected one of {}",
                    expected.join(", ")
                ),
            );
        }
        kind
    }

    // ----- claims -----

    fn claims(
        &mut self,
        key: &Key<'s>,
        value: &Value<'s>,
        body: Option<&str>,
        declared: &mut Declared,
    ) -> Vec<Claim> {
        let Some(items) = self.array(key, value) else {
            return Vec::new();
        };
        let text = self.text;
        let line_of = |span: Span| text[..span.start].matches('\n').count() + 1;
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut claims = Vec::with_capacity(items.len());
        for item in items {
            let Some(table) = self.element_table(item, "claims") else {
                continue;
            };
            if let Some((_, id)) = table_entry(table, "id")
                && let DeValue::String(s) = id.get_ref()
            {
                if let Some(first) = seen.get(s.as_ref()) {
                    let message = format!("duplicate claim id `{s}` (first used on line {first})");
                    self.error(id.span(), message);
                } else {
                    seen.insert(s.as_ref(), line_of(id.span()));
                }
            }
            if let Some(claim) = self.claim(item.span(), table, body, declared) {
                claims.push(claim);
            }
        }
        claims
    }

    fn claim(
        &mut self,
        header: Span,
        table: &DeTable<'s>,
        body: Option<&str>,
        declared: &mut Declared,
    ) -> Option<Claim> {
        let [id, statement, quote, asserted_by, denied_by] = self.fields(table, CLAIM_KEYS);
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
        let claim = Claim {
            id: ClaimId::new(id?),
            statement: statement?,
            quote,
            anchor,
            asserted_by,
            denied_by,
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

    fn stances(
        &mut self,
        entry: Entry<'_, 's>,
        body: Option<&str>,
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
        body: Option<&str>,
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
        body: Option<&str>,
    ) -> (Option<String>, Option<Range<usize>>) {
        let Some((_, value)) = entry else {
            return (None, None);
        };
        let Some(quote) = self.string(value, "quote") else {
            return (None, None);
        };
        match (anchor::find(body.unwrap_or_default(), quote), body) {
            (Anchor::Empty, _) => self.error(value.span(), "`quote` is empty".to_string()),
            // Without a body the body's own error says it all.
            (_, None) => {}
            (Anchor::NotFound, Some(_)) => self.error(
                value.span(),
                "`quote` is not in the body; it must match the body's words exactly (white space aside)"
                    .to_string(),
            ),
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

    // ----- shared checks -----

    /// Splits a table into the known keys, in `known` order, reporting every unknown one.
    fn fields<'a, const N: usize>(
        &mut self,
        table: &'a DeTable<'s>,
        known: [&'static str; N],
    ) -> [Entry<'a, 's>; N] {
        let mut out = [None; N];
        for (key, value) in table.iter() {
            match known.iter().position(|k| *k == as_str(key)) {
                Some(i) => out[i] = Some((key, value)),
                None => self.unknown_key(key, &known),
            }
        }
        out
    }

    fn unknown_key(&mut self, key: &Key<'s>, known: &[&str]) {
        let name = as_str(key);
        let message = match closest(name, known.iter().copied()) {
            Some(near) => format!("unknown key `{name}`; did you mean `{near}`?"),
            None => format!(
                "unknown key `{name}`; expected one of `{}`",
                known.join("`, `")
            ),
        };
        self.error(key.span(), message);
    }

    fn missing(&mut self, header: &Span, key: &str, place: &str) {
        self.error(
            header.clone(),
            format!("missing required key `{key}` in {place}"),
        );
    }

    fn wrong_type(&mut self, value: &Value<'s>, key: &str, expected: &str) {
        let found = type_name(value.get_ref());
        self.error(
            value.span(),
            format!("`{key}` should be {expected}, not {found}"),
        );
    }

    fn string<'a>(&mut self, value: &'a Value<'s>, key: &str) -> Option<&'a str> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            _ => {
                self.wrong_type(value, key, "a string");
                None
            }
        }
    }

    fn optional_string(&mut self, entry: Entry<'_, 's>) -> Option<String> {
        let (key, value) = entry?;
        self.string(value, as_str(key)).map(str::to_string)
    }

    fn required_text(
        &mut self,
        entry: Entry<'_, 's>,
        key: &str,
        header: &Span,
        place: &str,
    ) -> Option<String> {
        let Some((_, value)) = entry else {
            self.missing(header, key, place);
            return None;
        };
        let text = self.string(value, key)?;
        if text.trim().is_empty() {
            self.error(
                value.span(),
                format!("`{key}` is empty; it needs some text"),
            );
            return None;
        }
        Some(text.to_string())
    }

    fn string_array(&mut self, entry: Entry<'_, 's>) -> Vec<String> {
        let Some((key, value)) = entry else {
            return Vec::new();
        };
        let Some(items) = self.array(key, value) else {
            return Vec::new();
        };
        let name = as_str(key);
        let mut strings = Vec::with_capacity(items.len());
        for item in items {
            if let Some(s) = self.string(item, name) {
                strings.push(s.to_string());
            }
        }
        strings
    }

    fn array<'a>(&mut self, key: &Key<'s>, value: &'a Value<'s>) -> Option<&'a [Value<'s>]> {
        match value.get_ref() {
            DeValue::Array(items) => Some(items.as_ref()),
            _ => {
                self.wrong_type(value, as_str(key), "an array");
                None
            }
        }
    }

    fn table<'a>(&mut self, key: &Key<'s>, value: &'a Value<'s>) -> Option<&'a DeTable<'s>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, as_str(key), "a table");
                None
            }
        }
    }

    fn element_table<'a>(&mut self, item: &'a Value<'s>, key: &str) -> Option<&'a DeTable<'s>> {
        match item.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(item, key, "an array of tables");
                None
            }
        }
    }

    fn check_id(&mut self, span: Span, id: &str, what: &str) -> bool {
        let ok = is_valid_id(id);
        if !ok {
            self.error(
                span,
                format!(
                    "{what} id `{id}` is not valid: use lowercase letters, digits, `_` and `-`, \
                     starting with a letter or digit, at most {MAX_ID_BYTES} bytes"
                ),
            );
        }
        ok
    }

    /// An actor named by a stance, a `via` or an affiliation: it must be declared.
    fn reference(&mut self, span: Span, name: &str, declared: &mut Declared) -> Option<ActorId> {
        if declared.ids.contains(name) {
            declared.used.insert(name.to_string());
            return Some(ActorId::new(name));
        }
        let hint = match closest(name, declared.ids.iter().map(String::as_str)) {
            Some(near) => format!("; did you mean `{near}`?"),
            None => format!("; declare it as [actors.{name}]"),
        };
        self.error(span, format!("`{name}` is not a declared actor{hint}"));
        None
    }
}

fn as_str<'a>(key: &'a Key<'_>) -> &'a str {
    key.get_ref().as_ref()
}

fn table_entry<'a, 's>(table: &'a DeTable<'s>, name: &str) -> Entry<'a, 's> {
    table.iter().find(|(k, _)| as_str(k) == name)
}

/// The known name within edit distance 2 of `name`, the nearest first.
fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::levenshtein(name, k), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    id.len() <= MAX_ID_BYTES
        && bytes
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn looks_like_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests;
