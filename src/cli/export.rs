//! `whosaid export [--format markdown|json|csv] [--output FILE] [--article ID]… [PATH…]`:
//! the claim summary of every file that loads; files with errors are reported
//! on standard error and left out.
//!
//! Exit codes: 0 all files loaded; 1 some file had errors (the rest is
//! exported); 2 a usage error, or the export itself could not be written, so
//! that a script never takes a failed write for the partial success of 1.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use whosaid::Corpus;
use whosaid::export::{self, Format};
use whosaid::load;
use whosaid::select;
use whosaid::summary::{ArticleSummary, summarize};

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The output format.
    #[arg(
        long,
        value_name = "FORMAT",
        default_value = "markdown",
        // The names come from `Format::ALL`, so the list can't drift from the writers.
        value_parser = PossibleValuesParser::new(Format::ALL.map(Format::name))
            .try_map(|name| name.parse::<Format>()),
    )]
    pub format: Format,
    /// Write to FILE (replaced all at once) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep only the article with this id; repeat for more.
    #[arg(long = "article", value_name = "ID")]
    pub articles: Vec<String>,
    /// Files or folders to export (default: the articles folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    if args.output.is_some() {
        super::interrupt::clean_up_on_signals();
    }
    let roots = super::roots(&args.paths, articles);
    let sources = match load::discover(&roots) {
        Ok(sources) => sources,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let sources = match select::by_id(sources, &args.articles) {
        Ok(sources) => sources,
        Err(unknown) => {
            eprintln!("whosaid: error: {unknown}");
            return EXIT_USAGE;
        }
    };
    let corpus = Corpus::from_sources(&sources);
    let rejected = report_rejected(&corpus);
    let summaries = summarize(corpus.articles());
    // Neither an article being exported nor the articles folder is ever an output.
    let mut protected = roots.clone();
    protected.push(articles.to_path_buf());
    if let Err(message) = write(args, &summaries, &protected) {
        eprintln!("whosaid: error: {message}");
        return EXIT_USAGE;
    }
    if rejected > 0 { EXIT_ERRORS } else { EXIT_OK }
}

/// Prints every diagnostic of each file left out, and how many were; returns that count.
fn report_rejected(corpus: &Corpus) -> usize {
    let mut err = BufWriter::new(io::stderr().lock());
    let mut count = 0;
    for file in corpus.rejected() {
        count += 1;
        // A closed stderr is no reason to fail the export: the exit code still tells.
        let _ = super::write_diagnostics(file, &mut err);
    }
    if count > 0 {
        let files = if count == 1 { "file" } else { "files" };
        let _ = writeln!(
            err,
            "whosaid: left {count} {files} with errors out of the export"
        );
    }
    let _ = err.flush();
    count
}

fn write(
    args: &Args,
    summaries: &[ArticleSummary<'_>],
    protected: &[PathBuf],
) -> Result<(), String> {
    match &args.output {
        Some(path) => {
            let written = export::write_output(path, protected, |mut out| {
                args.format.write(summaries, &mut out)
            });
            match written {
                // A FIFO whose reader left: the end of its reading, not a failure.
                Err(export::ExportError::Io { source, .. })
                    if source.kind() == io::ErrorKind::BrokenPipe =>
                {
                    Ok(())
                }
                other => other.map_err(|e| e.to_string()),
            }
        }
        None => match to_stdout(args.format, summaries) {
            // The reader went away (`whosaid export | head`): that is a normal end.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(format!("cannot write to standard output: {e}")),
            Ok(()) => Ok(()),
        },
    }
}

fn to_stdout(format: Format, summaries: &[ArticleSummary<'_>]) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    format.write(summaries, &mut out)?;
    out.flush()
}
