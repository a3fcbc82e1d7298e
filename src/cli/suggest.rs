//! `whosaid suggest [--dry-run] [PATH…]`: attributions found in each article's
//! body appended as suggested claims and actors; `--format brat [--output DIR]
//! FILE.txt…`: the same attributions as BRAT standoff for plain text.
//!
//! Exit codes: 0 every file handled; 1 a file had errors (left untouched, the
//! others handled) or could not be written; 2 a usage error.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use whosaid::actor_directory::ActorDirectory;
use whosaid::export::{Originals, Staged, Sync, stage, write_atomically};
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
    if !args.dry_run {
        // Ctrl-C while files are rewritten leaves each old or new, no temporary file.
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
    suggest_sources(&sources, args.dry_run, articles)
}

/// Suggests into the article files just written by `import --suggest`.
pub fn suggest_written(paths: &[PathBuf], articles: &Path) -> u8 {
    let sources: Vec<SourceFile> = paths
        .iter()
        .map(|path| SourceFile {
            id: whosaid::ArticleId::new(path.to_string_lossy()),
            path: path.clone(),
        })
        .collect();
    suggest_sources(&sources, false, articles)
}

/// Threads that write the new files and rename them over the old ones, while
/// the finding keeps one worker per core: many overlap the writes' and renames'
/// waits on the disk (10,000 files: 2.82 s with 12 writers, 2.96-3.01 s with 4
/// or 2, measured twice each).
const WRITERS: usize = 12;

/// A file to replace once its suggestions are made, with what the run prints about it.
struct PendingWrite {
    index: usize,
    path: PathBuf,
    /// The original, still open: see [`Originals`].
    original: File,
    /// What the original held when read: it is replaced only if it still does.
    old: Fingerprint,
    new: Vec<u8>,
    claims: usize,
    actors: usize,
    report: Report,
}

/// Handles each file on a worker and prints what each says, in their order.
fn suggest_sources(sources: &[SourceFile], dry_run: bool, articles: &Path) -> u8 {
    // Actors declared anywhere in the articles folder: a source named like one
    // of them is that actor, by the same id, in every file.
    let directory = ActorDirectory::load(articles);
    // Files are independent: each is handled on a worker, and what each prints
    // is kept and printed in the files' order.
    let slots: Vec<OnceLock<Report>> = sources.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(sources.len().max(1));
    let writers = if dry_run {
        0
    } else {
        WRITERS.min(sources.len())
    };
    // Bounded, so the files waiting to be written stay few whatever the run's size.
    let (send, receive) = std::sync::mpsc::sync_channel::<PendingWrite>(4 * WRITERS);
    let receive = Mutex::new(receive);
    // Each new file replaces its original as soon as it is written, the
    // original kept open until the end (see `Originals`); past the room for
    // open originals, new files stay staged until every file is written.
    let originals = if dry_run {
        Originals::with_room(0)
    } else {
        Originals::new()
    };
    let deferred: Mutex<Vec<StagedWrite>> = Mutex::new(Vec::new());
    let hand_over = |job: PendingWrite| match stage_write(job) {
        Err((index, report)) => {
            let _ = slots[index].set(report);
        }
        Ok(write) if originals.reserve() => {
            let index = write.index;
            let (report, original) = commit_write(write);
            if let Some(original) = original {
                originals.keep(original);
            }
            let _ = slots[index].set(report);
        }
        Ok(mut write) => {
            // Closed now, while it still has its name, it is not deleted.
            write.original = None;
            deferred
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(write);
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..writers {
            scope.spawn(|| {
                loop {
                    // The lock is held only while taking a job, never while writing.
                    let job = receive
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    let Ok(job) = job else { break };
                    hand_over(job);
                }
            });
        }
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let send = send.clone();
                let (next, slots, directory, hand_over) = (&next, &slots, &directory, &hand_over);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = sources.get(i) else { break };
                        let mut report = Report::default();
                        match suggest_file(source, dry_run, directory, &mut report) {
                            Ok(None) => {}
                            Ok(Some(mut job)) => {
                                job.index = i;
                                job.report = report;
                                // With no writer (none can fail to start), the job comes back.
                                if let Err(back) = send.send(job) {
                                    hand_over(back.0);
                                }
                                continue;
                            }
                            Err(Failure::File) => report.failed = true,
                        }
                        let _ = slots[i].set(report);
                    }
                })
            })
            .collect();
        drop(send);
        for w in workers {
            let _ = w.join();
        }
    });
    commit_all(
        deferred
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner),
        &slots,
    );
    originals.close_all();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr().lock();
    let mut code = EXIT_OK;
    for (slot, source) in slots.into_iter().zip(sources) {
        let report = slot.into_inner().unwrap_or_else(|| Report {
            err: format!(
                "{}: internal error: not handled\n",
                whosaid::text::path(&source.path)
            ),
            failed: true,
            ..Report::default()
        });
        let _ = err.write_all(report.err.as_bytes());
        // A closed standard output (a pipe to `head`) is no reason to fail loudly.
        let _ = out.write_all(report.out.as_bytes());
        if report.failed {
            code = EXIT_ERRORS;
        }
    }
    let _ = out.flush();
    code
}

/// What handling one file prints, on standard output and standard error.
#[derive(Default)]
struct Report {
    out: String,
    err: String,
    failed: bool,
}

enum Failure {
    /// The file had errors or could not be written: reported, left untouched.
    File,
}

fn suggest_file(
    source: &SourceFile,
    dry_run: bool,
    directory: &ActorDirectory,
    report: &mut Report,
) -> Result<Option<PendingWrite>, Failure> {
    let (out, errs) = (&mut report.out, &mut report.err);
    let path = whosaid::text::path(&source.path);
    // Only regular files are read: a FIFO among the articles must not hang the run.
    let (bytes, original) = match load::read_open(&source.path) {
        Ok(read) => read,
        Err(message) => {
            let _ = writeln!(errs, "{path}:1:1: error: {message}");
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
            let _ = writeln!(errs, "{d}");
        }
        let _ = writeln!(errs, "{path}: left untouched: it has errors");
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
    let (toml, claims, actors) = match suggest::article::plan(text, article, Some(directory)) {
        Plan::Inline(key) => {
            let _ = writeln!(
                errs,
                "{path}: left untouched: `{key}` is written as an inline value, so no table can be appended"
            );
            if dry_run {
                let _ = writeln!(out, "# {path}");
            }
            return Ok(None);
        }
        Plan::Append {
            toml,
            claims,
            actors,
        } => (toml, claims, actors),
    };
    if dry_run {
        let _ = writeln!(out, "# {path}");
        out.push_str(&toml);
        return Ok(None);
    }
    if claims == 0 {
        let _ = writeln!(errs, "{path}: nothing to suggest");
        return Ok(None);
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
            let _ = writeln!(errs, "{d}");
        }
        let _ = writeln!(
            errs,
            "{path}: left untouched: the suggestions would not load (a bug in whosaid: please report it)"
        );
        return Err(Failure::File);
    }
    Ok(Some(PendingWrite {
        index: 0,
        path: source.path.clone(),
        original,
        old: Fingerprint::of(&bytes),
        new,
        claims,
        actors,
        report: Report::default(),
    }))
}

/// A file written in full beside the one it replaces, not yet renamed over it.
struct StagedWrite {
    index: usize,
    staged: Staged,
    /// The original, still open until it is replaced (`None` once closed).
    original: Option<File>,
    /// What the original held when read: it is replaced only if it still does.
    old: Fingerprint,
    claims: usize,
    actors: usize,
    report: Report,
}

/// A file's length and xxh3 hash, as the index keeps for each file: enough to
/// see that it changed, without keeping every original in memory until the renames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint(bytes.len(), xxhash_rust::xxh3::xxh3_64(bytes))
    }
}

/// Writes a file's new text beside it, or says in its report why not.
fn stage_write(job: PendingWrite) -> Result<StagedWrite, (usize, Report)> {
    // The shared atomic writer (mode and owner kept, no temporary file left on
    // a signal), without an fsync per file: for thousands of files in one run
    // it would be the whole cost, and the rename is atomic without it.
    let staged = regular_file(&job.path).and_then(|()| {
        stage(&job.path, true, Sync::Fast, |out| out.write_all(&job.new)).map_err(|e| e.to_string())
    });
    match staged {
        Ok(staged) => Ok(StagedWrite {
            index: job.index,
            staged,
            original: Some(job.original),
            old: job.old,
            claims: job.claims,
            actors: job.actors,
            report: job.report,
        }),
        Err(reason) => Err((job.index, not_written(job.report, &job.path, &reason))),
    }
}

/// Renames every file left staged over its original, each report into its
/// file's slot, once no file is created any more. The renames run on the
/// writer pool's threads: on a busy machine a lone renamer loses the core
/// between disk waits (2,000 files at load 5.5: 3.3 s against 5.8 s on one
/// thread); on an idle one both take the same time.
fn commit_all(staged: Vec<StagedWrite>, slots: &[OnceLock<Report>]) {
    let threads = WRITERS.min(staged.len());
    let queue = Mutex::new(staged);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).pop();
                    let Some(write) = next else { break };
                    let index = write.index;
                    let _ = slots[index].set(commit_write(write).0);
                }
            });
        }
    });
}

/// Renames a staged file over its original, unless the original changed since
/// it was read, and says so in its report. Hands back the original's file once
/// replaced, still open, for the caller to keep.
fn commit_write(write: StagedWrite) -> (Report, Option<File>) {
    let target = write.staged.target().to_path_buf();
    let committed = unchanged(&target, write.old)
        .and_then(|()| write.staged.commit().map_err(|e| e.to_string()));
    let mut report = write.report;
    match committed {
        Ok(()) => {
            let _ = writeln!(
                report.err,
                "{}: suggested {} claim(s), {} new actor(s)",
                whosaid::text::path(&target),
                write.claims,
                write.actors
            );
            (report, write.original)
        }
        Err(reason) => (not_written(report, &target, &reason), None),
    }
}

fn not_written(mut report: Report, path: &Path, reason: &str) -> Report {
    let path = whosaid::text::path(path);
    let _ = writeln!(report.err, "{path}: error: not written: {reason}");
    report.failed = true;
    report
}

/// Only a regular file is replaced: never a link, a folder or a device put in its place.
fn regular_file(path: &Path) -> Result<(), String> {
    let meta = fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if meta.file_type().is_file() {
        Ok(())
    } else {
        Err("it is not a regular file".into())
    }
}

/// Whether the regular file at `path` still holds what it held when read.
fn unchanged(path: &Path, old: Fingerprint) -> Result<(), String> {
    regular_file(path)?;
    if Fingerprint::of(&fs::read(path).map_err(|e| e.to_string())?) != old {
        return Err("it changed on disk while suggestions were made".into());
    }
    Ok(())
}

fn run_brat(args: &Args) -> u8 {
    if args.paths.is_empty() {
        eprintln!("whosaid: error: --format brat needs one or more text files");
        return EXIT_USAGE;
    }
    if let Some(p) = args.paths.iter().find(|p| !p.is_file()) {
        eprintln!("whosaid: error: {}: no such file", whosaid::text::path(p));
        return EXIT_USAGE;
    }
    if let Some(dir) = &args.output
        && let Err(e) = fs::create_dir_all(dir)
    {
        eprintln!(
            "whosaid: error: {}: cannot create the folder: {e}",
            whosaid::text::path(dir)
        );
        return EXIT_USAGE;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    for path in &args.paths {
        let text = match load::read_bounded(path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                eprintln!(
                    "{}: error: the file is not UTF-8",
                    whosaid::text::path(path)
                );
                code = EXIT_ERRORS;
                continue;
            }
            Err(message) => {
                eprintln!("{}: error: {message}", whosaid::text::path(path));
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
                    eprintln!("{}: error: {e}", whosaid::text::path(&target));
                    code = EXIT_ERRORS;
                }
            }
        }
    }
    let _ = out.flush();
    code
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const READ: &str = "title = \"Bridge\"\n";

    /// A file holding [`READ`], read and its new text staged, as a run does:
    /// its folder (kept alive), its path, and the write waiting to be committed.
    fn read_and_staged() -> (tempfile::TempDir, PathBuf, StagedWrite) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bridge.toml");
        fs::write(&path, READ).unwrap();
        let (bytes, original) = load::read_open(&path).unwrap();
        let job = PendingWrite {
            index: 0,
            path: path.clone(),
            original,
            old: Fingerprint::of(&bytes),
            new: format!("{READ}# suggested\n").into_bytes(),
            claims: 1,
            actors: 0,
            report: Report::default(),
        };
        let write = stage_write(job).ok().unwrap();
        (dir, path, write)
    }

    /// Commits `write` and checks that it was refused as a user sees it: the
    /// file as the person left it, the error on standard error, no temporary
    /// file left beside it, and the original not kept.
    fn assert_refused(write: StagedWrite, dir: &Path, path: &Path, on_disk: &str) {
        let (report, original) = commit_write(write);
        assert_eq!(fs::read_to_string(path).unwrap(), on_disk);
        assert!(report.failed);
        assert_eq!(
            report.err,
            format!(
                "{}: error: not written: it changed on disk while suggestions were made\n",
                whosaid::text::path(path)
            )
        );
        assert!(original.is_none(), "an original not replaced is not kept");
        assert_eq!(
            fs::read_dir(dir).unwrap().count(),
            1,
            "a temporary file is left"
        );
    }

    #[test]
    fn a_file_edited_after_it_was_read_is_left_as_edited_and_reported() {
        let (dir, path, write) = read_and_staged();
        // A person saves the file (same length) while the run is going.
        fs::write(&path, "title = \"Ridge\"\n\n").unwrap();
        assert_refused(write, dir.path(), &path, "title = \"Ridge\"\n\n");
    }

    #[test]
    fn a_file_replaced_by_another_after_it_was_read_is_left_as_replaced_and_reported() {
        let (dir, path, write) = read_and_staged();
        // An editor saves by renaming its own copy over the file.
        fs::write(dir.path().join("copy"), "title = \"Bridges\"\n").unwrap();
        fs::rename(dir.path().join("copy"), &path).unwrap();
        assert_refused(write, dir.path(), &path, "title = \"Bridges\"\n");
    }
}
