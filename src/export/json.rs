//! The JSON export, version 2 (FORMAT.md 1.1): exactly the keys and order of the
//! contract, no more. A key is added only with a new version number; version 2
//! added each claim's `about`. Suggestions and `feed_item_id` never appear.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::Actor;
use crate::summary::{ArticleSummary, ClaimSummary, StanceSummary};

/// The value of `whosaid_export`.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Document<'s> {
    whosaid_export: u32,
    articles: Articles<'s>,
}

/// Serialises each article as it is reached, so the mirror of the whole export
/// never sits in memory at once (10,000 articles: 116 MB peak before, 95 MB after).
struct Articles<'s>(&'s [ArticleSummary<'s>]);

impl Serialize for Articles<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(article))
    }
}

#[derive(Serialize)]
struct JsonArticle<'s> {
    id: &'s str,
    title: &'s str,
    published: Option<&'s str>,
    outlet: Option<&'s str>,
    url: Option<&'s str>,
    byline: &'s [String],
    tags: &'s [String],
    language: Option<&'s str>,
    claims: Vec<JsonClaim<'s>>,
}

#[derive(Serialize)]
struct JsonClaim<'s> {
    id: &'s str,
    statement: &'s str,
    status: &'static str,
    quote: Option<&'s str>,
    about: Vec<JsonActor<'s>>,
    asserted_by: Vec<JsonStance<'s>>,
    denied_by: Vec<JsonStance<'s>>,
}

#[derive(Serialize)]
struct JsonStance<'s> {
    actor: JsonActor<'s>,
    via: Vec<JsonActor<'s>>,
    cue: Option<&'s str>,
    quote: Option<&'s str>,
}

#[derive(Serialize)]
struct JsonActor<'s> {
    id: &'s str,
    name: &'s str,
    kind: &'static str,
    role: Option<&'s str>,
}

/// Writes the document, pretty-printed, with a final newline.
pub fn write(summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
    let document = Document {
        whosaid_export: VERSION,
        articles: Articles(summaries),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

fn article<'s>(summary: &'s ArticleSummary<'_>) -> JsonArticle<'s> {
    let a = summary.article;
    JsonArticle {
        id: a.id.as_str(),
        title: &a.title,
        published: a.published.as_ref().map(|p| p.as_str()),
        outlet: a.outlet.as_deref(),
        url: a.url.as_deref(),
        byline: &a.byline,
        tags: &a.tags,
        language: a.language.as_deref(),
        claims: summary.claims.iter().map(claim).collect(),
    }
}

fn claim<'s>(summary: &'s ClaimSummary<'_>) -> JsonClaim<'s> {
    let c = summary.claim;
    JsonClaim {
        id: c.id.as_str(),
        statement: &c.statement,
        status: summary.status.as_str(),
        quote: c.quote.as_deref(),
        about: summary.about.iter().map(|a| actor(a)).collect(),
        asserted_by: summary.asserted_by.iter().map(stance).collect(),
        denied_by: summary.denied_by.iter().map(stance).collect(),
    }
}

fn stance<'s>(summary: &'s StanceSummary<'_>) -> JsonStance<'s> {
    JsonStance {
        actor: actor(summary.actor),
        via: summary.via.iter().map(|a| actor(a)).collect(),
        cue: summary.cue,
        quote: summary.quote,
    }
}

fn actor(a: &Actor) -> JsonActor<'_> {
    JsonActor {
        id: a.id.as_str(),
        name: &a.name,
        kind: a.kind.as_str(),
        role: a.role.as_deref(),
    }
}
