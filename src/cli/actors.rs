//! `whosaid actors [list] [PATH…]`: every actor with what it did, conflicts and
//! likely duplicates; `whosaid actors merge FROM INTO [PATH…]`: one id
//! rewritten as another across the files.
//!
//! Exit codes: 0 done; 1 some file had errors (listed without it, or left
//! unmerged); 2 a usage error, a refused merge, or a failed write.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use whosaid::Corpus;
use whosaid::actors::{self, Census, merge};
use whosaid::load;
use whosaid::text;

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<ActorsCommand>,
    /// Files or folders to list (default: the articles folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub enum ActorsCommand {
    /// Every actor with its counts, then conflicting declarations and likely duplicates.
    List {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Rewrite the actor id FROM as INTO in every file (declaration, stances, via, about, affiliation).
    Merge {
        from: String,
        into: String,
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    match &args.command {
        None => list(&args.paths, articles),
        Some(ActorsCommand::List { paths }) => list(paths, articles),
        Some(ActorsCommand::Merge { from, into, paths }) => run_merge(from, into, paths, articles),
    }
}

fn list(paths: &[PathBuf], articles: &Path) -> u8 {
    let corpus = match Corpus::load(&super::roots(paths, articles)) {
        Ok(corpus) => corpus,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let mut err = BufWriter::new(io::stderr().lock());
    let mut rejected = 0;
    for file in corpus.rejected() {
        rejected += 1;
        let _ = super::write_diagnostics(file, &mut err);
    }
    if rejected > 0 {
        let _ = writeln!(
            err,
            "whosaid: left {rejected} {} with errors out",
            super::plural(rejected, "file")
        );
    }
    let _ = err.flush();
    let census = actors::census(corpus.articles());
    let mut out = BufWriter::new(io::stdout().lock());
    match write_census(&census, &mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("whosaid: error: cannot write to standard output: {e}");
            EXIT_USAGE
        }
        _ if rejected > 0 => EXIT_ERRORS,
        _ => EXIT_OK,
    }
}

/// The census as aligned columns, then the conflicts and duplicates, each line sanitised.
pub fn write_census(census: &Census, out: &mut impl Write) -> io::Result<()> {
    let header = [
        "ID", "NAME", "KIND", "ARTICLES", "ASSERTED", "DENIED", "RELAYED", "ABOUT",
    ];
    let rows: Vec<[String; 8]> = census
        .actors
        .iter()
        .map(|a| {
            [
                a.id.to_string(),
                text::truncate(&text::sanitize(&a.name), 40).into_owned(),
                a.kind.to_string(),
                a.articles.to_string(),
                a.asserted.to_string(),
                a.denied.to_string(),
                a.relayed.to_string(),
                a.about.to_string(),
            ]
        })
        .collect();
    let mut widths = header.map(text::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text::width(cell));
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> io::Result<()> {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            // Names and ids left, counts right.
            if i < 3 {
                s.push_str(&text::pad(cell, w));
            } else {
                s.push_str(&" ".repeat(w - text::width(cell)));
                s.push_str(cell);
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(&header.map(str::to_string), out)?;
    for row in &rows {
        line(row, out)?;
    }
    if !census.conflicts.is_empty() {
        writeln!(
            out,
            "\nConflicting declarations (one id, different names or kinds):"
        )?;
        for conflict in &census.conflicts {
            writeln!(out, "  {}", conflict.id)?;
            for d in &conflict.declarations {
                let paths: Vec<String> = d.paths.iter().map(|p| text::path(p)).collect();
                writeln!(
                    out,
                    "    {:?} ({}) in {}",
                    text::sanitize(&d.name),
                    d.kind,
                    paths.join(", ")
                )?;
            }
        }
    }
    if !census.duplicates.is_empty() {
        writeln!(
            out,
            "\nLikely duplicates (same name, or one name ending another):"
        )?;
        for group in &census.duplicates {
            let ids: Vec<&str> = group.ids.iter().map(|i| i.as_str()).collect();
            writeln!(out, "  {}: {}", text::sanitize(&group.name), ids.join(", "))?;
        }
    }
    Ok(())
}

fn run_merge(from: &str, into: &str, paths: &[PathBuf], articles: &Path) -> u8 {
    let sources = match load::discover(&super::roots(paths, articles)) {
        Ok(sources) => sources,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let plan = match merge::plan(&sources, from, into) {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let mut err = io::stderr().lock();
    for (path, diagnostics) in &plan.rejected {
        for d in diagnostics {
            let _ = writeln!(err, "{d}");
        }
        let _ = writeln!(
            err,
            "whosaid: {} has errors; it was not merged",
            text::path(path)
        );
    }
    // Ctrl-C while files are rewritten leaves each old or new, no temporary file.
    super::interrupt::clean_up_on_signals();
    match merge::apply(&plan) {
        Ok(written) => {
            for path in &written {
                println!(
                    "merged {} into {} in {}",
                    text::sanitize(from),
                    text::sanitize(into),
                    text::path(path)
                );
            }
            if plan.rejected.is_empty() {
                EXIT_OK
            } else {
                EXIT_ERRORS
            }
        }
        Err(e) => {
            let _ = writeln!(err, "whosaid: error: {e}");
            EXIT_USAGE
        }
    }
}
