//! The non-interactive subcommands; each returns the process exit code.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use whosaid::corpus::FileReport;
use whosaid::text;

pub mod actors;
pub mod check;
pub mod export;
pub mod import;
pub mod index;
pub mod interrupt;
pub mod refresh;
pub mod suggest;

/// No file had an error.
pub const EXIT_OK: u8 = 0;
/// Some file had an error.
pub const EXIT_ERRORS: u8 = 1;
/// The command line itself was wrong.
pub const EXIT_USAGE: u8 = 2;

/// The paths named on the command line, or the articles folder when none is.
pub fn roots(paths: &[PathBuf], articles: &Path) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![articles.to_path_buf()]
    } else {
        paths.to_vec()
    }
}

/// One file's diagnostics, then a note on those not shown, if any.
pub fn write_diagnostics(file: &FileReport, out: &mut impl Write) -> io::Result<()> {
    for diagnostic in &file.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let hidden = file.hidden;
    if hidden.total() > 0 {
        writeln!(
            out,
            "{}: note: {} more in this file not shown ({} {}, {} {})",
            text::path(&file.path),
            hidden.total(),
            hidden.errors,
            plural(hidden.errors, "error"),
            hidden.warnings,
            plural(hidden.warnings, "warning"),
        )?;
    }
    Ok(())
}

/// `word`, with an `s` unless `n` is 1.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
