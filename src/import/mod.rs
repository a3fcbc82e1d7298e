//! `whosaid import`: articles from elsewhere (BRAT standoff annotations, plain
//! text, Markdown, RSS/Atom/JSON feeds, web pages, from files or URLs) written
//! as article files, one per article, never over an existing file, each
//! checked by the library's loader before it is written. No terminal here:
//! the command line reports progress and the summary.

pub mod actors;
pub mod brat;
pub mod draft;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod kind;
pub mod page;
pub mod plain;
mod state;
pub mod subscriptions;
pub mod write;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use draft::{Draft, DraftActor, DraftClaim, DraftStance};
use state::FeedState;
use write::Written;

use crate::actor_directory::ActorDirectory;
use crate::slug::slug;

/// Sources larger than this are not read: an article file may be at most
/// 4 MiB, and a source is rarely much larger than its article.
pub const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// What `import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The articles root the files are written below.
    pub into: PathBuf,
    /// Where the texts of `.ann` files are, when not beside them.
    pub texts: Option<PathBuf>,
    /// Fetch an item's page when its feed carries only a summary.
    pub full_text: bool,
    /// Match imported actors with those declared in the articles folder, and a
    /// surname with the full name in the same article ([`actors::resolve`]).
    pub resolve_actors: bool,
}

/// Where a feed or a page comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Url(String),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", crate::text::path(p)),
            Location::Url(u) => f.write_str(u),
        }
    }
}

/// One unit of work: a source that gives one or more articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// A BRAT `.ann` file; its text is found by [`brat::text_for`].
    Brat(PathBuf),
    Text(PathBuf),
    Markdown(PathBuf),
    /// A feed; its items go to `folder` below the root (a relative path, `""` for the root).
    Feed {
        source: Location,
        folder: String,
    },
    Page(Location),
    /// A URL that may be a feed or a page: told apart once fetched.
    Url(String),
}

impl Job {
    /// The source as the user named it, for messages.
    pub fn name(&self) -> String {
        match self {
            Job::Brat(p) | Job::Text(p) | Job::Markdown(p) => crate::text::path(p).to_string(),
            Job::Feed { source, .. } | Job::Page(source) => source.to_string(),
            Job::Url(u) => u.clone(),
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
            UsageError::NotFound(p) => {
                write!(f, "{}: no such file or folder", crate::text::path(p))
            }
            UsageError::NotAFolder(p) => write!(f, "{}: not a folder", crate::text::path(p)),
            UsageError::Unreadable { path, reason } => {
                write!(f, "{}: cannot read: {reason}", crate::text::path(path))
            }
            UsageError::UnknownKind(p) => write!(
                f,
                "{}: cannot tell what to import from its name (expected .ann, .txt, .md, \
                 .html, .xml, .rss, .atom or .json)",
                crate::text::path(p)
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

    fn absorb(&mut self, other: Report) {
        self.imported.extend(other.imported);
        self.existing.extend(other.existing);
        self.failed.extend(other.failed);
        self.notes.extend(other.notes);
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
        if let Some(url) = source.to_str().filter(|s| fetch::is_url(s)) {
            jobs.push(Job::Url(url.to_owned()));
            continue;
        }
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
    let p = path.to_path_buf();
    match ext.as_str() {
        "ann" => Some(Job::Brat(p)),
        "txt" | "text" => Some(Job::Text(p)),
        "md" | "markdown" => Some(Job::Markdown(p)),
        "html" | "htm" | "xhtml" => Some(Job::Page(Location::File(p))),
        "xml" | "rss" | "atom" | "json" | "feed" => Some(Job::Feed {
            source: Location::File(p),
            folder: String::new(),
        }),
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
        if entry.path().is_file() {
            paths.push(entry.path());
        }
    }
    paths.sort();
    let anns: std::collections::HashSet<PathBuf> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .map(|p| p.with_extension(""))
        .collect();
    let is_text_of_ann = |p: &PathBuf| {
        p.extension().is_some_and(|e| e == "txt") && anns.contains(&p.with_extension(""))
    };
    Ok(paths
        .iter()
        .filter(|p| !is_text_of_ann(p))
        .filter_map(|p| file_job(p))
        .collect())
}

/// What jobs share while they run.
struct Context<'a> {
    options: &'a Options,
    agent: ureq::Agent,
    /// Feed items already imported, and the file names taken, per folder.
    feeds: Mutex<FeedState>,
    /// The actors declared below the root when the import began, if asked for.
    directory: Option<ActorDirectory>,
}

/// Carries out `jobs`, calling `progress(done, total)` as each finishes.
///
/// Jobs run on a few threads (writing a file waits on the disk, fetching on
/// the network, more than on a core); the report lists them in job order all
/// the same, and one failing job never stops the others. Two jobs that would
/// write the same article (two annotators of one text) are settled before any
/// runs: the first in order is imported, the others are skipped as existing,
/// as a second run would skip them.
pub fn run(jobs: &[Job], options: &Options, progress: &mut dyn FnMut(usize, usize)) -> Report {
    let mut seen = std::collections::HashSet::new();
    let duplicate: Vec<Option<PathBuf>> = jobs
        .iter()
        .map(|job| {
            let id = article_id(job, options)?;
            (!seen.insert(id.clone())).then(|| write::article_path(&options.into, &id))
        })
        .collect();
    let context = Context {
        options,
        agent: fetch::agent(),
        feeds: Mutex::new(FeedState::new(&options.into)),
        // Read once, before any job writes: every job sees the same folder.
        directory: options
            .resolve_actors
            .then(|| ActorDirectory::load(&options.into)),
    };
    let slots: Vec<std::sync::OnceLock<Report>> =
        jobs.iter().map(|_| std::sync::OnceLock::new()).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, usize::from) * 2;
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(jobs.len()) {
            let done_tx = done_tx.clone();
            let (slots, next, duplicate, context) = (&slots, &next, &duplicate, &context);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let report = match &duplicate[i] {
                        Some(path) => Report {
                            existing: vec![path.clone()],
                            ..Report::default()
                        },
                        None => run_one(job, context),
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
        report.absorb(slot.into_inner().unwrap_or_else(|| Report {
            failed: vec![format!("{}: internal error", job.name())],
            ..Report::default()
        }));
    }
    report
}

/// The article id a job will write, when it follows from the source's name alone.
fn article_id(job: &Job, options: &Options) -> Option<String> {
    match job {
        Job::Brat(ann) => stem(&brat::text_for(ann, options.texts.as_deref())?).ok(),
        Job::Text(path) | Job::Markdown(path) => stem(path).ok(),
        Job::Feed { .. } | Job::Page(_) | Job::Url(_) => None,
    }
}

/// One job, start to end: what it imported, skipped and failed.
fn run_one(job: &Job, context: &Context) -> Report {
    let mut report = Report::default();
    let name = job.name();
    let result = match job {
        Job::Brat(ann) => brat_job(ann, context, &mut report),
        Job::Text(path) => read_text(path).and_then(|t| {
            let draft = plain::from_text(&t).ok_or("the file is empty")?;
            save(context.options, &stem(path)?, &draft, &name, &mut report);
            Ok(())
        }),
        Job::Markdown(path) => read_text(path).and_then(|t| {
            let draft = plain::from_markdown(&t).ok_or("the file is empty")?;
            save(context.options, &stem(path)?, &draft, &name, &mut report);
            Ok(())
        }),
        Job::Feed { source, folder } => load(source, context)
            .and_then(|(bytes, _)| feed_job(&bytes, folder, context, &mut report)),
        Job::Page(source) => load(source, context)
            .and_then(|(bytes, _)| page_job(&bytes, source, context, &mut report)),
        Job::Url(url) => {
            let source = Location::Url(url.clone());
            load(&source, context).and_then(|(bytes, media_type)| {
                if looks_like_feed(&bytes, &media_type) {
                    feed_job(&bytes, "", context, &mut report)
                } else {
                    page_job(&bytes, &source, context, &mut report)
                }
            })
        }
    };
    if let Err(reason) = result {
        report.failed.push(format!("{name}: {reason}"));
    }
    for note in &mut report.notes {
        *note = format!("{name}: {note}");
    }
    report
}

fn brat_job(ann: &Path, context: &Context, report: &mut Report) -> Result<(), String> {
    let options = context.options;
    let text_path = brat::text_for(ann, options.texts.as_deref())
        .ok_or("its text (the .txt of the same name) was not found")?;
    let id = stem(&text_path)?;
    // A second annotation of a text already imported: skipped unread.
    let target = write::article_path(&options.into, &id);
    if target.symlink_metadata().is_ok() {
        report.existing.push(target);
        return Ok(());
    }
    let mut converted = brat::convert(&read_text(&text_path)?, &read_text(ann)?)?;
    if let Some(directory) = &context.directory {
        actors::resolve(&mut converted.draft, directory);
    }
    report.notes.extend(converted.notes);
    save(
        options,
        &id,
        &converted.draft,
        &crate::text::path(ann).to_string(),
        report,
    );
    Ok(())
}

/// Every item of the feed in `bytes` not imported before, into `folder`.
fn feed_job(
    bytes: &[u8],
    folder: &str,
    context: &Context,
    report: &mut Report,
) -> Result<(), String> {
    let (items, notes) = feed::items(bytes)?;
    report.notes.extend(notes);
    for item in items {
        let identity = item.draft.feed_item_id.clone().unwrap_or_default();
        if let Some(path) = lock(&context.feeds).known(&identity) {
            report.existing.push(path);
            continue;
        }
        let mut draft = item.draft;
        if context.options.full_text
            && item.summary_only
            && let Some(link) = &item.link
        {
            match full_text(link, context) {
                Ok(body) => draft.body = body,
                Err(e) => report.notes.push(format!("{link}: kept the summary: {e}")),
            }
        }
        let mut feeds = lock(&context.feeds);
        let base = slug(&draft.title, "item");
        let text = draft.to_toml();
        // A name another writer takes meanwhile is passed over for the next one.
        let mut outcome = Err(String::new());
        for _ in 0..16 {
            let id = feeds.allocate(folder, &base);
            match write::write_article(&context.options.into, &id, &text) {
                Ok(Written::Existing(_)) => continue,
                Ok(Written::New(path)) => {
                    feeds.remember(identity.clone(), path.clone());
                    outcome = Ok(path);
                }
                Err(e) => outcome = Err(e.to_string()),
            }
            break;
        }
        match outcome {
            Ok(path) => report.imported.push(path),
            Err(e) => report.failed.push(format!("item {identity}: {e}")),
        }
    }
    Ok(())
}

/// The text of the page at `link`, as reader mode finds it.
fn full_text(link: &str, context: &Context) -> Result<String, String> {
    let fetched = fetch::get(&context.agent, link)?;
    let html_text = String::from_utf8_lossy(&fetched.body);
    Ok(page::article(&html_text, Some(link))?.body)
}

fn page_job(
    bytes: &[u8],
    source: &Location,
    context: &Context,
    report: &mut Report,
) -> Result<(), String> {
    let html_text = String::from_utf8_lossy(bytes);
    let url = match source {
        Location::Url(u) => Some(u.as_str()),
        Location::File(_) => None,
    };
    let draft = page::article(&html_text, url)?;
    let id = match source {
        Location::File(path) => stem(path)?,
        Location::Url(_) => slug(&draft.title, "page"),
    };
    save(context.options, &id, &draft, &source.to_string(), report);
    Ok(())
}

/// Whether a fetched body is a feed rather than a page.
fn looks_like_feed(bytes: &[u8], media_type: &str) -> bool {
    if media_type.contains("rss") || media_type.contains("atom") || media_type.contains("feed+json")
    {
        return true;
    }
    // A page says so; its head may well mention feeds (`<link … rss+xml>`, `<feedback>`).
    if media_type.contains("html") {
        return false;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('{')
        || head.contains("<rss")
        || head.contains("<feed ")
        || head.contains("<feed>")
        || head.contains("<rdf:rdf")
}

/// The bytes of a source, read or fetched, with the media type a server declared.
fn load(source: &Location, context: &Context) -> Result<(Vec<u8>, String), String> {
    match source {
        Location::Url(url) => fetch::get(&context.agent, url).map(|f| (f.body, f.media_type)),
        Location::File(path) => read_bytes(path).map(|b| (b, String::new())),
    }
}

/// Writes one article and records the outcome.
fn save(options: &Options, id: &str, draft: &Draft, source: &str, report: &mut Report) {
    match write::write_article(&options.into, id, &draft.to_toml()) {
        Ok(Written::New(path)) => report.imported.push(path),
        Ok(Written::Existing(path)) => report.existing.push(path),
        Err(err) => report.failed.push(format!("{source}: {err}")),
    }
}

/// The shared state, even if a worker panicked while holding it.
fn lock(state: &Mutex<FeedState>) -> std::sync::MutexGuard<'_, FeedState> {
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A file name without its extension, as an article id.
fn stem(path: &Path) -> Result<String, String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{}: the file name is not UTF-8", crate::text::path(path)))
}

/// A file of at most [`MAX_SOURCE_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let why = |e: std::io::Error| format!("cannot read {}: {e}", crate::text::path(path));
    // Never a FIFO or a device: opening one could wait forever.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(format!(
            "{}: {}, not a file",
            crate::text::path(path),
            crate::load::file_kind(&meta.file_type())
        ));
    }
    let file = File::open(path).map_err(why)?;
    let mut bytes = Vec::new();
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(why)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(format!(
            "{}: larger than {} MiB",
            crate::text::path(path),
            MAX_SOURCE_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// A UTF-8 file of at most [`MAX_SOURCE_BYTES`], without its byte-order mark.
pub fn read_text(path: &Path) -> Result<String, String> {
    let text = String::from_utf8(read_bytes(path)?).map_err(|e| {
        format!(
            "{}: not UTF-8 (byte {})",
            crate::text::path(path),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::looks_like_feed;

    #[test]
    fn feeds_are_told_from_pages() {
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?><rss version=\"2.0\">",
            "text/xml"
        ));
        assert!(looks_like_feed(
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            ""
        ));
        assert!(looks_like_feed(
            b"{\"version\": \"https://jsonfeed.org/version/1.1\"}",
            "application/json"
        ));
        assert!(looks_like_feed(b"<html>", "application/rss+xml"));
        assert!(!looks_like_feed(
            b"<html><link type=\"application/rss+xml\"><rss",
            "text/html"
        ));
        assert!(!looks_like_feed(b"<html><body><feedback>", ""));
    }
}
