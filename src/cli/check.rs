//! `whosaid check [PATH…]`: every error and warning on standard error, then a count.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use whosaid::Corpus;
use whosaid::corpus::FileReport;
use whosaid::diagnostic::Tally;

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to check (default: the articles folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    let roots = super::roots(&args.paths, articles);
    let files = match Corpus::diagnose(&roots) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let mut err = BufWriter::new(io::stderr().lock());
    // A closed stderr is no reason to fail the check: the exit code still tells.
    let _ = report(&files, &mut err);
    if files.iter().any(FileReport::has_errors) {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

fn report(files: &[FileReport], out: &mut impl Write) -> io::Result<()> {
    for file in files {
        super::write_diagnostics(file, out)?;
    }
    writeln!(out, "{}", summary(files))?;
    out.flush()
}

/// `checked 7 files: 7 loaded, 0 rejected; 0 errors, 2 warnings`.
fn summary(reports: &[FileReport]) -> String {
    let files = reports.len();
    let rejected = reports.iter().filter(|f| f.has_errors()).count();
    let mut tally = Tally::default();
    for file in reports {
        tally += file.tally();
    }
    let (errors, warnings) = (tally.errors, tally.warnings);
    format!(
        "checked {files} {}: {} loaded, {rejected} rejected; {errors} {}, {warnings} {}",
        super::plural(files, "file"),
        files - rejected,
        super::plural(errors, "error"),
        super::plural(warnings, "warning"),
    )
}
