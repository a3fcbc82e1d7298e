//! The articles folder watched for changes: notify's events gathered until the folder
//! has been quiet a moment, then each changed file read again on the watcher's thread
//! and sent to the loop as rows, problems and removals. Never writes anything.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::load;
use crate::model::ArticleId;

use super::events::Event;
use super::library::{Problem, Row};

/// What one changed path became.
#[derive(Debug)]
pub enum FileChange {
    /// The file loads: its new row.
    Row(Box<Row>),
    /// The file fails: its diagnostics.
    Problem(Box<Problem>),
    /// The file is gone (deleted, or renamed away).
    Removed(ArticleId),
    /// A folder appeared, went or moved: only a scan of the whole folder says what changed.
    Rescan,
}

/// Quiet time after the last event before the files are read: an editor's save is a
/// burst of events (temporary file, rename, attributes), read once when it is over.
const QUIET: Duration = Duration::from_millis(40);
/// A folder that never goes quiet (a checkout) is still read this often.
const AT_MOST: Duration = Duration::from_millis(150);

/// Watches `root`; the returned watcher stops when dropped. `None` when the system
/// refuses a watch (no inotify, too many watches): the reader then works as before,
/// reloading by hand.
pub fn spawn(root: &Path, tx: Sender<Event>) -> Option<RecommendedWatcher> {
    let (raw_tx, raw_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            let _ = raw_tx.send(event.paths);
        }
    })
    .ok()?;
    watcher.watch(root, RecursiveMode::Recursive).ok()?;
    let root = root.to_path_buf();
    // Events may name paths absolutely; rows name them as the folder was given.
    let absolute = root.canonicalize().unwrap_or_else(|_| root.clone());
    thread::spawn(move || {
        let as_given = |p: PathBuf| match p.strip_prefix(&absolute) {
            Ok(rel) if absolute != root => root.join(rel),
            _ => p,
        };
        debounce(&root, &raw_rx, &tx, &as_given);
    });
    Some(watcher)
}

fn debounce(
    root: &Path,
    raw: &Receiver<Vec<PathBuf>>,
    tx: &Sender<Event>,
    as_given: &dyn Fn(PathBuf) -> PathBuf,
) {
    loop {
        // Block until something happens, then gather until quiet.
        let Ok(first) = raw.recv() else { return };
        let started = Instant::now();
        let mut paths: HashSet<PathBuf> = first.into_iter().map(as_given).collect();
        loop {
            let left = AT_MOST.saturating_sub(started.elapsed());
            match raw.recv_timeout(QUIET.min(left)) {
                Ok(more) => paths.extend(more.into_iter().map(as_given)),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
            if started.elapsed() >= AT_MOST {
                break;
            }
        }
        let changes = read_changes(root, paths);
        if !changes.is_empty() && tx.send(Event::Files(changes)).is_err() {
            return;
        }
    }
}

/// Each path as it is now on disk, in path order.
pub fn read_changes(root: &Path, paths: HashSet<PathBuf>) -> Vec<FileChange> {
    let mut paths: Vec<PathBuf> = paths.into_iter().collect();
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    let mut rescan = false;
    for path in paths {
        let meta = std::fs::symlink_metadata(&path);
        let Some(source) = load::source_below(root, &path) else {
            // A folder created, deleted or renamed holds files no event named one by one.
            let was_folder = meta
                .as_ref()
                .map_or(path.extension().is_none(), |m| m.is_dir());
            rescan |= was_folder && path != root;
            continue;
        };
        if meta.is_err() {
            out.push(FileChange::Removed(source.id));
            continue;
        }
        let loaded = load::load_file(&source);
        out.push(match &loaded.article {
            Some(article) => FileChange::Row(Box::new(Row::of(loaded.source.clone(), article))),
            None => FileChange::Problem(Box::new(Problem::of(loaded))),
        });
    }
    if rescan {
        out.push(FileChange::Rescan);
    }
    out
}
