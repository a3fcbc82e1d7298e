//! The non-interactive subcommands; each returns the process exit code.

use std::path::{Path, PathBuf};

pub mod check;
pub mod export;
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
