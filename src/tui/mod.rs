//! The terminal reader.

use std::path::Path;

pub fn run(articles: &Path, config: Option<&Path>) -> u8 {
    let _ = (articles, config);
    crate::cli::EXIT_OK
}
