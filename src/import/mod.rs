//! `whosaid import`: articles from elsewhere (BRAT standoff annotations, plain
//! text, Markdown) written as article files, one per article, never over an
//! existing file, each checked by the library's loader before it is written.
//! No terminal here: the command line reports progress and the summary.

pub mod brat;
pub mod cue;
pub mod draft;
pub mod kind;
pub mod plain;
pub mod write;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use draft::{Draft, DraftActor, DraftClaim, DraftStance};
use write::Written;

/// Sources larger than this are not read: an article file may be at most
/// 4 MiB, and a source is rarely much larger than its article.
pub const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// What `import` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The articles root the files are written below.
    pub into: PathBuf,
    /// Where the texts of `.ann` files are, when not beside them.
    pub texts: Option<PathBuf>,
}

/// One unit of work: a source that gives one or more articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// A BRAT `.ann` file; its text is found by [`brat::text_for`].
    Brat(PathBuf),
    Text(PathBuf),
    Markdown(PathBuf),
}

impl Job {
    /// The source as the user named it, for messages.
    pub fn name(&self) -> String {
        match self {
            Job::Brat(p) | Job::Text(p) | Job::Markdown(p) => p.display().to_string(),
        }
    }
}

/// A command line that cannot be carried out (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    NotFound(PathBuf),
    NotAFolder(PathBuf),
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    /// A file whose kind cannot be told from its name.
    UnknownKind(PathBuf),
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UsageError::NotFound(p) => write!(f, "{}: no such file or folder", p.display()),
            UsageError::NotAFolder(p) => write!(f, "{}: not a folder", p.display()),
            UsageError::Unreadable { path, reason } => {
                write!(f, "{}: cannot read: {reason}", path.display())
            }
            UsageError::UnknownKind(p) => write!(
                f,
                "{}: cannot tell what to import from its name (expected .ann, .txt, .md)",
                p.display()
            ),
        }
    }
}

impl std::error::Error for UsageError {}

/// How an import went, for the summary line and the exit status.
#[derive(Debug, Default)]
pub struct Report {
    pub imported: Vec<PathBuf>,
    pub existing: Vec<PathBuf>,
    /// Each failed source or article, with why.
    pub failed: Vec<String>,
    /// What was imported but not all of it (an annotation left out, say).
    pub notes: Vec<String>,
}

impl Report {
    /// `imported 3, skipped 1 as existing, failed 0`.
    pub fn summary(&self) -> String {
        format!(
            "imported {}, skipped {} as existing, failed {}",
            self.imported.len(),
            self.existing.len(),
            self.failed.len()
        )
    }
}

/// The jobs the sources name, in order; folders give their files in name order.
pub fn plan(sources: &[PathBuf], options: &Options) -> Result<Vec<Job>, UsageError> {
    if let Some(texts) = &options.texts
        && !texts.is_dir()
    {
        return Err(if texts.exists() {
            UsageError::NotAFolder(texts.clone())
        } else {
            UsageError::NotFound(texts.clone())
        });
    }
    let mut jobs = Vec::new();
    for source in sources {
        let meta = source
            .metadata()
            .map_err(|_| UsageError::NotFound(source.clone()))?;
        if meta.is_dir() {
            jobs.extend(folder_jobs(source)?);
        } else {
            jobs.push(file_job(source).ok_or_else(|| UsageError::UnknownKind(source.clone()))?);
        }
    }
    Ok(jobs)
}

/// The job for a file, by its extension.
fn file_job(path: &Path) -> Option<Job> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "ann" => Some(Job::Brat(path.to_path_buf())),
        "txt" | "text" => Some(Job::Text(path.to_path_buf())),
        "md" | "markdown" => Some(Job::Markdown(path.to_path_buf())),
        _ => None,
    }
}

/// A folder's files (not its subfolders), in name order: `.ann` files are
/// BRAT annotations and the `.txt` beside one is its text, not an article of
/// its own; other files by extension; hidden and unknown files are passed over.
fn folder_jobs(dir: &Path) -> Result<Vec<Job>, UsageError> {
    let unreadable = |e: std::io::Error| UsageError::Unreadable {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink())
        {
            paths.push(entry.path());
        }
    }
    paths.sort();
    let anns: std::collections::HashSet<PathBuf> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .map(|p| p.with_extension(""))
        .collect();
    Ok(paths
        .iter()
        .filter(|p| {
            !(p.extension().is_some_and(|e| e == "txt") && anns.contains(&p.with_extension("")))
        })
        .filter_map(|p| file_job(p))
        .collect())
}

/// Carries out `jobs`, calling `progress(done, total)` as each finishes.
///
/// Jobs run on a few threads (writing a file waits on the disk more than on a
/// core); the report lists them in job order all the same. Two jobs that
/// would write the same article (two annotators of one text) are settled
/// before any runs: the first in order is imported, the others are skipped as
/// existing, as a second run would skip them.
pub fn run(jobs: &[Job], options: &Options, progress: &mut dyn FnMut(usize, usize)) -> Report {
    let mut seen = std::collections::HashSet::new();
    let duplicate: Vec<Option<PathBuf>> = jobs
        .iter()
        .map(|job| {
            let id = article_id(job, options)?;
            (!seen.insert(id.clone())).then(|| write::article_path(&options.into, &id))
        })
        .collect();
    let slots: Vec<std::sync::OnceLock<Report>> =
        jobs.iter().map(|_| std::sync::OnceLock::new()).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, usize::from) * 2;
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(jobs.len()) {
            let done_tx = done_tx.clone();
            let (slots, next, duplicate) = (&slots, &next, &duplicate);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let report = match &duplicate[i] {
                        Some(path) => Report {
                            existing: vec![path.clone()],
                            ..Report::default()
                        },
                        None => run_one(job, options),
                    };
                    let _ = slots[i].set(report);
                    let _ = done_tx.send(());
                }
            });
        }
        drop(done_tx);
        for (done, ()) in done_rx.iter().enumerate() {
            progress(done + 1, jobs.len());
        }
    });
    let mut report = Report::default();
    for (slot, job) in slots.into_iter().zip(jobs) {
        // Empty only if a worker panicked: the job is reported, not dropped.
        let one = slot.into_inner().unwrap_or_else(|| Report {
            failed: vec![format!("{}: internal error", job.name())],
            ..Report::default()
        });
        report.imported.extend(one.imported);
        report.existing.extend(one.existing);
        report.failed.extend(one.failed);
        report.notes.extend(one.notes);
    }
    report
}

/// The article id a job will write, when it follows from the source's name alone.
fn article_id(job: &Job, options: &Options) -> Option<String> {
    match job {
        Job::Brat(ann) => stem(&brat::text_for(ann, options.texts.as_deref())?).ok(),
        Job::Text(path) | Job::Markdown(path) => stem(path).ok(),
    }
}

/// One job, start to end.
fn run_one(job: &Job, options: &Options) -> Report {
    let mut report = Report::default();
    match articles_of(job, options) {
        Ok((articles, notes)) => {
            report
                .notes
                .extend(notes.into_iter().map(|n| format!("{}: {n}", job.name())));
            for article in articles {
                match article {
                    Pending::Write(id, draft) => {
                        save(&options.into, &id, &draft, &job.name(), &mut report);
                    }
                    Pending::Exists(path) => report.existing.push(path),
                }
            }
        }
        Err(reason) => report.failed.push(format!("{}: {reason}", job.name())),
    }
    report
}

/// Writes one article and records the outcome.
fn save(root: &Path, id: &str, draft: &Draft, source: &str, report: &mut Report) {
    match write::write_article(root, id, &draft.to_toml()) {
        Ok(Written::New(path)) => report.imported.push(path),
        Ok(Written::Existing(path)) => report.existing.push(path),
        Err(err) => report.failed.push(format!("{source}: {err}")),
    }
}

/// An article a job gives: to write under its id below the root, or known to exist.
enum Pending {
    Write(String, Box<Draft>),
    Exists(PathBuf),
}

type Articles = (Vec<Pending>, Vec<String>);

/// The articles a job gives, each with its id below the root, and notes.
fn articles_of(job: &Job, options: &Options) -> Result<Articles, String> {
    match job {
        Job::Brat(ann) => {
            let text_path = brat::text_for(ann, options.texts.as_deref())
                .ok_or("its text (the .txt of the same name) was not found")?;
            let id = stem(&text_path)?;
            // A second annotation of a text already imported: skipped unread.
            let target = write::article_path(&options.into, &id);
            if target.symlink_metadata().is_ok() {
                return Ok((vec![Pending::Exists(target)], Vec::new()));
            }
            let text = read_text(&text_path)?;
            let ann = read_text(ann)?;
            let converted = brat::convert(&text, &ann)?;
            Ok((
                vec![Pending::Write(id, Box::new(converted.draft))],
                converted.notes,
            ))
        }
        Job::Text(path) => {
            let draft = plain::from_text(&read_text(path)?).ok_or("the file is empty")?;
            Ok((
                vec![Pending::Write(stem(path)?, Box::new(draft))],
                Vec::new(),
            ))
        }
        Job::Markdown(path) => {
            let draft = plain::from_markdown(&read_text(path)?).ok_or("the file is empty")?;
            Ok((
                vec![Pending::Write(stem(path)?, Box::new(draft))],
                Vec::new(),
            ))
        }
    }
}

/// A file name without its extension, as an article id.
fn stem(path: &Path) -> Result<String, String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{}: the file name is not UTF-8", path.display()))
}

/// A UTF-8 file of at most [`MAX_SOURCE_BYTES`], without its byte-order mark.
pub fn read_text(path: &Path) -> Result<String, String> {
    let why = |e: std::io::Error| format!("{}: cannot read: {e}", path.display());
    let file = File::open(path).map_err(why)?;
    let mut bytes = Vec::new();
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(why)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(format!(
            "{}: larger than {} MiB",
            path.display(),
            MAX_SOURCE_BYTES >> 20
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
