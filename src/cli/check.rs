//! `whosaid check [PATH…]`.

use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to check (default: the articles folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    let _ = (args, articles);
    super::EXIT_OK
}
