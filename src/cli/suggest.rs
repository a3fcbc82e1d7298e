//! `whosaid suggest [--dry-run] [PATH…]`: attributions found in each article's
//! body appended as suggested claims and actors; `--format brat [--output DIR]
//! FILE.txt…`: the same attributions as BRAT standoff for plain text.
//!
//! Exit codes: 0 every file handled; 1 a file had errors (left untouched, the
//! others handled) or could not be written; 2 a usage error.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use whosaid::export::write_atomically;
use whosaid::load::{self, SourceFile};
use whosaid::suggest::{self, article::Plan, brat};

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Append suggested claims and actors to article files.
    Toml,
    /// Print BRAT standoff annotations for plain-text files.
    Brat,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write nothing: print, per file, `# PATH` and the TOML that would be appended.
    #[arg(long)]
    pub dry_run: bool,
    /// `brat` reads plain UTF-8 text files and writes their attributions as BRAT standoff.
    #[arg(long, value_enum, default_value = "toml")]
    pub format: Format,
    /// With `--format brat`: write DIR/NAME.ann for each NAME.txt instead of standard output.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Article files or folders (default: the articles folder); with `--format brat`, text files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &Args, articles: &Path) -> u8 {
    match args.format {
        Format::Brat => run_brat(args),
        Format::Toml => {
            if args.output.is_some() {
                eprintln!("whosaid: error: --output goes with --format brat");
                return EXIT_USAGE;
            }
            run_articles(args, articles)
        }
    }
}

fn run_articles(args: &Args, articles: &Path) -> u8 {
    let roots = super::roots(&args.paths, articles);
    let sources = match load::discover(&roots) {
        Ok(sources) => sources,
        Err(err) => {
            eprintln!("whosaid: error: {err}");
            return EXIT_USAGE;
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    for source in &sources {
        match suggest_file(source, args.dry_run, &mut out) {
            Ok(()) => {}
            Err(Failure::File) => code = EXIT_ERRORS,
        }
    }
    if out.flush().is_err() {
        // A closed standard output (a pipe to `head`) is no reason to fail loudly.
        return code;
    }
    code
}

enum Failure {
    /// The file had errors or could not be written: reported, left untouched.
    File,
}

fn suggest_file(source: &SourceFile, dry_run: bool, out: &mut impl Write) -> Result<(), Failure> {
    let path = source.path.display();
    let bytes = match fs::read(&source.path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: error: cannot read the file: {e}");
            return Err(Failure::File);
        }
    };
    let loaded = load::load_bytes(source, &bytes);
    let Some(article) = loaded
        .article
        .as_ref()
        .filter(|_| !loaded.diagnostics.iter().any(|d| d.is_error()))
    else {
        for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{d}");
        }
        eprintln!("{path}: left untouched: it has errors");
        return Err(Failure::File);
    };
    // Offsets and appending work on the text after a byte-order mark; the mark is kept.
    let (bom, text) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (&bytes[..3], rest),
        None => (&bytes[..0], &bytes[..]),
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return Err(Failure::File);
    };
    let (toml, claims, actors) = match suggest::article::plan(text, article) {
        Plan::Inline(key) => {
            eprintln!(
                "{path}: left untouched: `{key}` is written as an inline value, so no table can be appended"
            );
            if dry_run {
                let _ = writeln!(out, "# {path}");
            }
            return Ok(());
        }
        Plan::Append {
            toml,
            claims,
            actors,
        } => (toml, claims, actors),
    };
    if dry_run {
        let _ = writeln!(out, "# {path}");
        let _ = out.write_all(toml.as_bytes());
        return Ok(());
    }
    if claims == 0 {
        eprintln!("{path}: nothing to suggest");
        return Ok(());
    }
    let mut new = Vec::with_capacity(bytes.len() + toml.len() + 1);
    new.extend_from_slice(bom);
    new.extend_from_slice(text.as_bytes());
    if !text.is_empty() && !text.ends_with('\n') {
        new.push(b'\n');
    }
    new.extend_from_slice(toml.as_bytes());
    // Every file written still loads: checked before anything touches the disk.
    let check = load::load_bytes(source, &new);
    if check.article.is_none() || check.diagnostics.iter().any(|d| d.is_error()) {
        for d in check.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{d}");
        }
        eprintln!(
            "{path}: left untouched: the suggestions would not load (a bug in whosaid: please report it)"
        );
        return Err(Failure::File);
    }
    match write_file(&source.path, &bytes, &new) {
        Ok(()) => {
            eprintln!("{path}: suggested {claims} claim(s), {actors} new actor(s)");
            Ok(())
        }
        Err(reason) => {
            eprintln!("{path}: error: not written: {reason}");
            Err(Failure::File)
        }
    }
}

/// Replaces the regular file at `path` with `new`, unless it changed since it was read as `old`.
fn write_file(path: &Path, old: &[u8], new: &[u8]) -> Result<(), String> {
    let meta = fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if !meta.file_type().is_file() {
        return Err("it is not a regular file".into());
    }
    if fs::read(path).map_err(|e| e.to_string())? != old {
        return Err("it changed on disk while suggestions were made".into());
    }
    let result = write_atomically(path, true, |out| out.write_all(new)).map_err(|e| e.to_string());
    // Keep the file's permissions: the temporary file got the default ones.
    if result.is_ok() {
        let _ = fs::set_permissions(path, meta.permissions());
    }
    result
}

fn run_brat(args: &Args) -> u8 {
    if args.paths.is_empty() {
        eprintln!("whosaid: error: --format brat needs one or more text files");
        return EXIT_USAGE;
    }
    if let Some(p) = args.paths.iter().find(|p| !p.is_file()) {
        eprintln!("whosaid: error: {}: no such file", p.display());
        return EXIT_USAGE;
    }
    if let Some(dir) = &args.output
        && let Err(e) = fs::create_dir_all(dir)
    {
        eprintln!(
            "whosaid: error: {}: cannot create the folder: {e}",
            dir.display()
        );
        return EXIT_USAGE;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    for path in &args.paths {
        let text = match fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                eprintln!("{}: error: the file is not UTF-8", path.display());
                code = EXIT_ERRORS;
                continue;
            }
            Err(e) => {
                eprintln!("{}: error: cannot read the file: {e}", path.display());
                code = EXIT_ERRORS;
                continue;
            }
        };
        // Offsets count after a byte-order mark, as BRAT does.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let found = suggest::find(text);
        match &args.output {
            None => {
                if brat::write(text, &found, &mut out).is_err() {
                    return code;
                }
            }
            Some(dir) => {
                let stem = path.file_stem().unwrap_or(path.as_os_str());
                let target = dir.join(Path::new(stem).with_extension("ann"));
                if let Err(e) = write_atomically(&target, true, |w| brat::write(text, &found, w)) {
                    eprintln!("{}: error: {e}", target.display());
                    code = EXIT_ERRORS;
                }
            }
        }
    }
    let _ = out.flush();
    code
}
