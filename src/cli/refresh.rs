//! `whosaid refresh`: imports what is new from every feed listed in the
//! configuration's `[[feeds]]`, all at once, each into its folder below the
//! articles folder; one failing feed never stops the others.
//!
//! Exit codes as for `import`: 0 all feeds read, 1 one failed, 2 a usage or
//! configuration error.

use std::path::Path;

use whosaid::import::{Options, subscriptions};

use super::{EXIT_OK, EXIT_USAGE};
use crate::tui::config::{DEFAULT_TOML, locate};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// When a feed item carries only a summary, fetch its link and take the page's text.
    #[arg(long)]
    pub full_text: bool,
}

pub fn run(args: &Args, articles: &Path, config: Option<&Path>) -> u8 {
    let env = |name: &str| std::env::var_os(name);
    let (source, name) = match locate(config, Path::new(""), &env) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => (text, whosaid::text::path(&path).to_string()),
            Err(e) => {
                eprintln!(
                    "whosaid: error: {}: cannot read: {e}",
                    whosaid::text::path(&path)
                );
                return EXIT_USAGE;
            }
        },
        None => (DEFAULT_TOML.to_owned(), "the built-in config".to_owned()),
    };
    let feeds = match subscriptions::parse(&source) {
        Ok(feeds) => feeds,
        Err(e) => {
            eprintln!("whosaid: error: {name}: {e}");
            return EXIT_USAGE;
        }
    };
    if feeds.is_empty() {
        eprintln!("whosaid: no [[feeds]] in {name}; nothing to refresh");
        return EXIT_OK;
    }
    let options = Options {
        into: articles.to_path_buf(),
        texts: None,
        full_text: args.full_text,
        resolve_actors: false,
    };
    let jobs: Vec<_> = feeds.iter().map(|f| f.job()).collect();
    super::import::execute(&jobs, &options).0
}
