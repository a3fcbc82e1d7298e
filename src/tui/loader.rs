//! Loading in the background: worker threads read the files, turn each into its list row
//! (or a problem) and drop the article there, so the reader never holds the corpus.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::load::{self, Loaded, UsageError};

use super::app::{App, Loading};
use super::events::Event;
use super::library::{Problem, Row};

/// What the loading thread reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many article files were found.
    Found(usize),
    Row(Box<Row>),
    Problem(Box<Problem>),
    /// Rows and problems sent together: one message (and one wake of the loop) for
    /// many files rather than one each.
    Batch(Vec<LoadEvent>),
    /// Every file has been read.
    Done,
    /// The folder cannot be read: say why.
    Unavailable(String),
}

fn describe(err: &UsageError) -> String {
    match err {
        UsageError::NotFound(p) => format!("The folder {} does not exist.", p.display()),
        UsageError::Unreadable { path, reason } => {
            format!("The folder {} cannot be read: {reason}", path.display())
        }
        UsageError::DuplicateId { id, first, second } => format!(
            "Two files have the id {id}: {} and {}.",
            first.display(),
            second.display()
        ),
    }
}

/// The event for one file: its row, or its diagnostics. The article ends here.
pub fn event_of(loaded: Loaded) -> LoadEvent {
    match &loaded.article {
        Some(article) => LoadEvent::Row(Box::new(Row::of(loaded.source.clone(), article))),
        None => LoadEvent::Problem(Box::new(Problem::of(loaded))),
    }
}

/// Starts loading `dir`; events arrive on the returned channel. Never writes anything.
pub fn spawn(dir: PathBuf) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || load(&dir, &|ev| tx.send(ev).is_ok()));
    rx
}

/// Starts loading `dir`, its events joining the loop's channel.
pub fn spawn_into(dir: PathBuf, tx: Sender<Event>) {
    thread::spawn(move || load(&dir, &|ev| tx.send(Event::Load(ev)).is_ok()));
}

/// Scans and reads `dir`, handing each result to `send` (false: nobody listens).
fn load(dir: &Path, send: &(dyn Fn(LoadEvent) -> bool + Sync)) {
    let sources = match load::discover(&[dir.to_path_buf()]) {
        Ok(s) => s,
        Err(e) => {
            send(LoadEvent::Unavailable(describe(&e)));
            return;
        }
    };
    send(LoadEvent::Found(sources.len()));
    let pending = Mutex::new(Pending::default());
    load::load_each(&sources, &|_, loaded| {
        let full = pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .add(event_of(loaded));
        // The reader may have quit already; then nobody listens and that is fine.
        if let Some(batch) = full {
            send(LoadEvent::Batch(batch));
        }
    });
    drop(sources);
    let rest = std::mem::take(
        &mut pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .events,
    );
    if !rest.is_empty() {
        send(LoadEvent::Batch(rest));
    }
    send(LoadEvent::Done);
}

/// Files per message at most: sending each file's row alone woke the loop (and both
/// threads' futexes) 10,000 times for 10,000 files.
const BATCH_FILES: usize = 64;
/// The oldest result waits at most this long for its batch to fill (slow files, a
/// slow disk): the list still grows as files load.
const BATCH_WAIT: Duration = Duration::from_millis(10);

/// The results the workers gathered and not yet sent.
#[derive(Default)]
struct Pending {
    events: Vec<LoadEvent>,
    since: Option<Instant>,
}

impl Pending {
    /// Adds one result; the whole batch, when it is due.
    fn add(&mut self, event: LoadEvent) -> Option<Vec<LoadEvent>> {
        let since = *self.since.get_or_insert_with(Instant::now);
        self.events.push(event);
        if self.events.len() < BATCH_FILES && since.elapsed() < BATCH_WAIT {
            return None;
        }
        self.since = None;
        Some(std::mem::replace(
            &mut self.events,
            Vec::with_capacity(BATCH_FILES),
        ))
    }
}

impl App {
    /// Takes in one loading event; call `after_loading_batch` once the queue is drained.
    pub fn on_load(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Found(n) => {
                self.library.reserve(n);
                if let Loading::Running { total, .. } = &mut self.loading {
                    *total = Some(n);
                }
            }
            LoadEvent::Batch(events) => {
                for event in events {
                    self.on_load(event);
                }
            }
            LoadEvent::Row(row) => {
                let id = row.id.clone();
                self.mark_unindexed([id.clone()]);
                let change = self.library.insert(*row);
                self.seen(&id, change);
                self.count_loaded();
            }
            LoadEvent::Problem(problem) => {
                let id = problem.id.clone();
                self.mark_unindexed([id.clone()]);
                let change = self.library.insert_problem(*problem);
                self.seen(&id, change);
                self.count_loaded();
            }
            LoadEvent::Done => {
                // A new index waiting for the files to be read is built once the loop
                // has drawn the whole list (it drops `after_scan` then).
                self.library.finish();
                self.loading = Loading::Done;
                self.finish_reload();
            }
            LoadEvent::Unavailable(reason) => {
                drop(self.after_scan.take());
                self.loading = Loading::Unavailable(reason);
            }
        }
    }

    fn count_loaded(&mut self) {
        if let Loading::Running { done, .. } = &mut self.loading {
            *done += 1;
        }
    }

    /// Puts the rows that arrived into the list: sorted once per batch and merged; with
    /// a query, the list is made again from it.
    pub fn after_loading_batch(&mut self) {
        let fresh = self.library.settle();
        if self.relist {
            // Rows were replaced or removed: positions are stale, make the list again.
            self.relist();
            return;
        }
        if fresh.is_empty() {
            return;
        }
        // On the first row, the selection stays at the top as newer rows arrive; moved
        // elsewhere, it stays on its article.
        let keep = self
            .visible
            .get(self.selected)
            .copied()
            .filter(|_| self.selected > 0);
        if self.search.active.is_empty() && !self.suggestions_only {
            self.visible = self.library.order().to_vec();
        } else {
            self.filter_again();
        }
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.keep_selection_visible();
    }
}
