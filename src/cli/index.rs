//! `whosaid index [--rebuild] [--stats]`: brings the articles folder's index up to
//! date without the reader, and says what it holds.

use std::io::{self, Write};
use std::path::Path;

use whosaid::index::{Changes, Error, Index, Stats};
use whosaid::text;

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Empty the index first, so every file is parsed again.
    #[arg(long)]
    pub rebuild: bool,
    /// Also print what the index holds.
    #[arg(long)]
    pub stats: bool,
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    if !articles.is_dir() {
        eprintln!("whosaid: error: {}: no such folder", text::path(articles));
        return EXIT_USAGE;
    }
    let result = Index::open(articles).and_then(|(index, notice)| {
        if let Some(notice) = notice {
            eprintln!("whosaid: {}", text::sanitize(&notice.0));
        }
        if args.rebuild {
            index.clear()?;
        }
        let changes = index.verify(&mut |_| {})?;
        let stats = args.stats.then(|| index.stats()).transpose()?;
        Ok((index, changes, stats))
    });
    match result {
        Ok((index, changes, stats)) => {
            // A closed stdout is no failure: the index is up to date either way.
            let _ = report(&index, &changes, stats.as_ref(), &mut io::stdout().lock());
            EXIT_OK
        }
        Err(Error::Usage(err)) => {
            eprintln!("whosaid: error: {err}");
            EXIT_USAGE
        }
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            EXIT_ERRORS
        }
    }
}

fn report(
    index: &Index,
    changes: &Changes,
    stats: Option<&Stats>,
    out: &mut impl Write,
) -> io::Result<()> {
    let private = if index.is_private() {
        " (private, removed on exit)"
    } else {
        ""
    };
    writeln!(out, "index: {}{private}", text::path(index.path()))?;
    writeln!(
        out,
        "updated: {} inserted, {} replaced, {} removed",
        changes.inserted.len(),
        changes.replaced.len(),
        changes.removed.len()
    )?;
    if let Some(s) = stats {
        writeln!(out, "files: {} ({} with errors)", s.files, s.rejected)?;
        writeln!(out, "actors: {}", s.actors)?;
        writeln!(out, "claims: {}", s.claims)?;
        writeln!(out, "stances: {}", s.stances)?;
        writeln!(out, "size: {:.1} MB", s.bytes as f64 / 1_000_000.0)?;
    }
    Ok(())
}
