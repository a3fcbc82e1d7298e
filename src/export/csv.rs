//! The CSV export: one row per stance, RFC 4180 quoting, the contract's header.
//! Rows follow the JSON's order, a claim's assertions before its denials; an
//! unattributed claim has one row of its own with the stance fields empty
//! (FORMAT.md 1.1), and every row of a claim carries its `about` names.

use std::io::{self, Write};

use crate::summary::{ArticleSummary, ClaimSummary, StanceSummary};

/// The header row, exactly as FORMAT.md 1.1 gives it.
pub const HEADER: [&str; 14] = [
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
    "about",
];

/// How the `via` chain's names are joined in one field.
pub const VIA_SEPARATOR: &str = " > ";

/// How the names of a claim's `about` actors are joined in one field.
pub const ABOUT_SEPARATOR: &str = "; ";

pub fn write(summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
    let mut csv = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(&mut *out);
    csv.write_record(HEADER).map_err(io_error)?;
    for summary in summaries {
        for claim in &summary.claims {
            let about = claim.about_names(ABOUT_SEPARATOR);
            let mut stances = claim.stances().peekable();
            if stances.peek().is_none() {
                csv.write_record(row(summary, claim, None, "", &about))
                    .map_err(io_error)?;
            }
            for stance in stances {
                let via = stance.via_names(VIA_SEPARATOR);
                csv.write_record(row(summary, claim, Some(stance), &via, &about))
                    .map_err(io_error)?;
            }
        }
    }
    csv.flush()
}

/// One row: the stance's fields, or empty ones for a claim nobody took a stance on.
fn row<'r>(
    summary: &'r ArticleSummary<'_>,
    claim: &'r ClaimSummary<'_>,
    stance: Option<&'r StanceSummary<'_>>,
    via: &'r str,
    about: &'r str,
) -> [&'r str; 14] {
    let article = summary.article;
    let field = |f: &dyn Fn(&'r StanceSummary<'_>) -> &'r str| stance.map_or("", f);
    [
        article.id.as_str(),
        &article.title,
        claim.claim.id.as_str(),
        &claim.claim.statement,
        claim.status.as_str(),
        field(&|s| s.kind.as_str()),
        field(&|s| s.actor.id.as_str()),
        field(&|s| &s.actor.name),
        field(&|s| s.actor.kind.as_str()),
        field(&|s| s.actor.role.as_deref().unwrap_or("")),
        via,
        field(&|s| s.cue.unwrap_or("")),
        field(&|s| s.quote.unwrap_or("")),
        about,
    ]
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
