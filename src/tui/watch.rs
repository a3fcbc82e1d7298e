//! The articles folder watched for changes: notify's events gathered until the folder
//! has been quiet a moment, then each changed file read again on the watcher's thread
//! and sent to the loop as rows, problems and removals. Never writes anything.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{EventKind, ModifyKind};
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

impl FileChange {
    /// The article changed (none for a rescan).
    pub fn id(&self) -> Option<&ArticleId> {
        match self {
            FileChange::Row(row) => Some(&row.id),
            FileChange::Problem(problem) => Some(&problem.id),
            FileChange::Removed(id) => Some(id),
            FileChange::Rescan => None,
        }
    }
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
        let Ok(event) = res else { return };
        // Opening and reading (ours included: the loader, the watcher's own reads) change
        // nothing; taking them in would read files again forever.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        let structural = !matches!(
            event.kind,
            EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_))
        );
        let _ = raw_tx.send(
            event
                .paths
                .into_iter()
                .map(|p| (p, structural))
                .collect::<Vec<_>>(),
        );
    })
    .ok()?;
    watcher.watch(root, RecursiveMode::Recursive).ok()?;
    let root = root.to_path_buf();
    // Events may name paths absolutely; rows name them as the folder was given.
    let absolute = root.canonicalize().unwrap_or_else(|_| root.clone());
    thread::spawn(move || {
        let as_given = |(p, structural): (PathBuf, bool)| match p.strip_prefix(&absolute) {
            Ok(rel) if absolute != root => (root.join(rel), structural),
            _ => (p, structural),
        };
        debounce(&root, &raw_rx, &tx, &as_given);
    });
    Some(watcher)
}

fn debounce(
    root: &Path,
    raw: &Receiver<Vec<(PathBuf, bool)>>,
    tx: &Sender<Event>,
    as_given: &dyn Fn((PathBuf, bool)) -> (PathBuf, bool),
) {
    loop {
        // Block until something happens, then gather until quiet.
        let Ok(first) = raw.recv() else { return };
        let started = Instant::now();
        let mut paths = Paths::default();
        paths.extend(first.into_iter().map(as_given));
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

/// Changed paths, each with whether it was created, removed or renamed (not only
/// written): only such a change of a folder asks for a scan.
#[derive(Debug, Default)]
pub struct Paths(HashMap<PathBuf, bool>);

impl FromIterator<(PathBuf, bool)> for Paths {
    fn from_iter<I: IntoIterator<Item = (PathBuf, bool)>>(iter: I) -> Paths {
        let mut paths = Paths::default();
        paths.extend(iter);
        paths
    }
}

impl Extend<(PathBuf, bool)> for Paths {
    fn extend<I: IntoIterator<Item = (PathBuf, bool)>>(&mut self, iter: I) {
        for (path, structural) in iter {
            *self.0.entry(path).or_default() |= structural;
        }
    }
}

/// Each path as it is now on disk, in path order.
pub fn read_changes(root: &Path, paths: Paths) -> Vec<FileChange> {
    let mut paths: Vec<(PathBuf, bool)> = paths.0.into_iter().collect();
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    let mut rescan = false;
    for (path, structural) in paths {
        let meta = std::fs::symlink_metadata(&path);
        let Some(source) = load::source_below(root, &path) else {
            // A folder created, deleted or renamed holds files no event named one by one.
            let was_folder = meta
                .as_ref()
                .map_or(path.extension().is_none(), |m| m.is_dir());
            rescan |= structural && was_folder && path != root;
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
