//! The article's own keys and its actors.

use std::collections::HashSet;

use toml::de::{DeTable, DeValue};

use super::claims::Body;
use super::pieces::Pieces;
use super::{Checker, Declared, Entry, Key, Span, Value, as_str, looks_like_language_tag};
use crate::diagnostic::Severity;
use crate::load::SourceFile;
use crate::model::{Actor, ActorId, ActorKind, Article, Published};

const ARTICLE_KEYS: [&str; 11] = [
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
    // A project extension (docs/format.md): where `import` took the article from.
    "feed_item_id",
];
const ACTOR_KEYS: [&str; 7] = [
    "name",
    "kind",
    "role",
    "affiliation",
    "aliases",
    "wikidata",
    "suggested",
];

impl<'s> Checker<'s> {
    /// The article of `root`, with the actors and claims of `pieces` if the
    /// file was cut into pieces (they are then not in `root`).
    pub(super) fn article(
        &mut self,
        source: &SourceFile,
        root: &DeTable<'s>,
        mut pieces: Option<&mut Pieces>,
    ) -> Option<Article> {
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
            feed_item_id,
        ] = self.fields(root, ARTICLE_KEYS);
        let whole_file = 0..0;
        let title = self.required_text(title, "title", &whole_file, "the article");
        let body_entry = body;
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
        let feed_item_id = self.optional_string(feed_item_id);
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
        let actors = match (actors, pieces.as_deref_mut()) {
            (Some((k, v)), _) => self.actors(k, v, &mut declared),
            (None, Some(pieces)) => self.actor_pieces(pieces, &mut declared),
            (None, None) => Vec::new(),
        };
        let claims = match (claims, pieces) {
            (Some((k, v)), _) => {
                let body = self.body(body_entry, body.as_deref());
                self.claims(k, v, body.as_ref(), &mut declared)
            }
            (None, Some(pieces)) => {
                let body = self.body(body_entry, body.as_deref());
                self.claim_pieces(pieces, body.as_ref(), &mut declared)
            }
            (None, None) => Vec::new(),
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
            feed_item_id,
        })
    }

    /// The body as the claims' quotes are checked against it.
    fn body<'b>(&self, entry: Entry<'_, 's>, text: Option<&'b str>) -> Option<Body<'b>> {
        text.map(|text| {
            let in_file = entry.and_then(|(_, v)| verbatim_start(self.text, v.span(), text));
            Body::new(text, in_file)
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
                self.actor_spans.push(self.in_file(id_key.span()));
                actors.push(actor);
            }
        }
        actors
    }

    pub(super) fn actor(
        &mut self,
        id_key: &Key<'s>,
        value: &Value<'s>,
        declared: &mut Declared,
    ) -> Option<Actor> {
        let id = as_str(id_key);
        let id_ok = self.check_id(id_key.span(), id, "actor");
        let table = self.table(id_key, value)?;
        let place = format!("actor `{id}`");
        let [name, kind, role, affiliation, aliases, wikidata, suggested] =
            self.fields(table, ACTOR_KEYS);
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
        let suggested = self.flag(suggested);
        Some(Actor {
            id: ActorId::new(id),
            name: name?,
            kind: kind?,
            role,
            affiliation,
            aliases,
            wikidata,
            suggested,
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
}

/// Where the decoded `body` starts in the file, if the string value at `span`
/// holds it verbatim (any of TOML's four string forms, without escapes; a
/// multi-line string's first newline is not part of its value).
fn verbatim_start(text: &str, span: std::ops::Range<usize>, body: &str) -> Option<usize> {
    let raw = text.get(span.clone())?;
    let delimiter = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|d| raw.starts_with(d))?;
    let mut start = span.start + delimiter.len();
    if delimiter.len() == 3 {
        let rest = text.get(start..)?;
        start += if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(rest.starts_with('\n'))
        };
    }
    text.get(start..)?.starts_with(body).then_some(start)
}
