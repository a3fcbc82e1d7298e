//! The `whosaid` command line: the reader, `check`, `export`, `import` and `refresh`, and their exit codes.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod cli;

use whosaid::tui;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A terminal news reader with a provenance view: for every claim in a story,
/// who asserted it, through whom, and who denied it.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about)]
struct Cli {
    /// The folder of annotated articles to read.
    #[arg(long, value_name = "DIR", default_value = "articles")]
    articles: PathBuf,
    /// The configuration file (default: ./config.toml, then the user's, then built-in).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate article files and folders; print every error and warning.
    Check(cli::check::Args),
    /// Write the claim summary as Markdown, JSON or CSV.
    Export(cli::export::Args),
    /// Write article files from BRAT annotations, text, Markdown, feeds and web pages.
    Import(cli::import::Args),
    /// Import what is new from every feed listed in the configuration's [[feeds]].
    Refresh(cli::refresh::Args),
    /// List actors across files (counts, conflicts, likely duplicates), or merge one id into another.
    Actors(cli::actors::Args),
    /// Find attributions in English text and add them as suggested claims (or print BRAT standoff).
    Suggest(cli::suggest::Args),
    /// Build or refresh the index of the articles folder (a cache, safe to delete).
    Index(cli::index::Args),
    /// Print the built-in configuration (every key, with its default and what it does).
    Config,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout with success; usage errors exit 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Some(Command::Check(args)) => cli::check::run(&args, &cli.articles),
        Some(Command::Export(args)) => cli::export::run(&args, &cli.articles),
        Some(Command::Import(args)) => cli::import::run(&args, &cli.articles),
        Some(Command::Refresh(args)) => {
            cli::refresh::run(&args, &cli.articles, cli.config.as_deref())
        }
        Some(Command::Actors(args)) => cli::actors::run(&args, &cli.articles),
        Some(Command::Suggest(args)) => cli::suggest::run(&args, &cli.articles),
        Some(Command::Index(args)) => cli::index::run(&args, &cli.articles),
        Some(Command::Config) => {
            // The embedded config.toml is the only default: printed as it is.
            use std::io::Write as _;
            let mut out = std::io::stdout().lock();
            match out.write_all(tui::config::DEFAULT_TOML.as_bytes()) {
                Ok(()) => 0,
                // A closed pipe (`whosaid config | head`) is no failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(_) => 1,
            }
        }
        None => tui::run(&cli.articles, cli.config.as_deref()),
    };
    ExitCode::from(code)
}
