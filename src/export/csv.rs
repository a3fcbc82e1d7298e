//! The CSV export: one row per stance, RFC 4180 quoting, the contract's header.
//! Rows follow the JSON's order, a claim's assertions before its denials; an
//! unattributed claim has no stance and so no row.

use std::io::{self, Write};

use crate::summary::ArticleSummary;

/// The header row, exactly as FORMAT.md gives it.
pub const HEADER: [&str; 13] = [
    "article_id",
    "article_title",
    "claim_id",
    "statement",
    "status",
    "stance",
    "actor_id",
    "actor_name",
    "actor_kind",
    "actor_role",
    "via",
    "cue",
    "quote",
];

/// How the `via` chain's names are joined in one field.
pub const VIA_SEPARATOR: &str = " > ";

pub fn write(summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
    let mut csv = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(&mut *out);
    csv.write_record(HEADER).map_err(io_error)?;
    for summary in summaries {
        let article = summary.article;
        for claim in &summary.claims {
            for stance in claim.stances() {
                let via = stance.via_names(VIA_SEPARATOR);
                csv.write_record([
                    article.id.as_str(),
                    &article.title,
                    claim.claim.id.as_str(),
                    &claim.claim.statement,
                    claim.status.as_str(),
                    stance.kind.as_str(),
                    stance.actor.id.as_str(),
                    &stance.actor.name,
                    stance.actor.kind.as_str(),
                    stance.actor.role.as_deref().unwrap_or(""),
                    &via,
                    stance.cue.unwrap_or(""),
                    stance.quote.unwrap_or(""),
                ])
                .map_err(io_error)?;
            }
        }
    }
    csv.flush()
}

/// The I/O error inside a CSV error, kind intact: a closed pipe must still be
/// a `BrokenPipe` for the caller to end quietly (the csv crate's own
/// conversion turns every error into `Other`).
fn io_error(err: ::csv::Error) -> io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}
