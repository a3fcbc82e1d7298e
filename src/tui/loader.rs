//! Loading in the background: a thread reads the files and sends each one's row as it
//! finishes, then the finished library, so the first frame never waits for the disk.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::thread;

use whosaid::Corpus;
use whosaid::corpus::FileReport;
use whosaid::load::{self, Loaded, UsageError};

use super::app::{App, Loading};
use super::config::Sort;
use super::library::{Library, Row};

/// What the loading thread reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many article files were found.
    Found(usize),
    Row(Box<Row>),
    Problem(Box<FileReport>),
    Done(Box<Library>),
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

fn event_of(loaded: &Loaded) -> LoadEvent {
    match &loaded.article {
        Some(article) => LoadEvent::Row(Box::new(Row::of(article))),
        None => LoadEvent::Problem(Box::new(FileReport {
            id: loaded.source.id.clone(),
            path: loaded.source.path.clone(),
            diagnostics: loaded.diagnostics.clone(),
            article: None,
        })),
    }
}

/// Starts loading `dir`; events arrive on the returned channel. Never writes anything.
pub fn spawn(dir: PathBuf, sort: Sort) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let sources = match load::discover(std::slice::from_ref(&dir)) {
            Ok(s) => s,
            Err(e) => {
                let _ = tx.send(LoadEvent::Unavailable(describe(&e)));
                return;
            }
        };
        let _ = tx.send(LoadEvent::Found(sources.len()));
        let each = |l: &Loaded| {
            // The reader may have quit already; then nobody listens and that is fine.
            let _ = tx.send(event_of(l));
        };
        let loaded = load::load_all(&sources, &each);
        let library = Library::new(Corpus::from_loaded(loaded), sort);
        let _ = tx.send(LoadEvent::Done(Box::new(library)));
    });
    rx
}

impl App {
    /// Takes in one loading event; call `after_loading_batch` once the queue is drained.
    pub fn on_load(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Found(n) => {
                if let Loading::Running { total, .. } = &mut self.loading {
                    *total = Some(n);
                }
            }
            LoadEvent::Row(row) => {
                self.library.push_row(*row, self.config.sort);
                self.count_loaded();
            }
            LoadEvent::Problem(report) => {
                self.library.push_problem(*report);
                self.count_loaded();
            }
            LoadEvent::Done(library) => self.finish_loading(*library),
            LoadEvent::Unavailable(reason) => self.loading = Loading::Unavailable(reason),
        }
    }

    fn count_loaded(&mut self) {
        if let Loading::Running { done, .. } = &mut self.loading {
            *done += 1;
        }
    }

    /// Brings the visible list up to date with the rows that arrived.
    pub fn after_loading_batch(&mut self) {
        if matches!(self.loading, Loading::Running { .. }) {
            // New rows may match: what was remembered for the query is out of date.
            self.search.history.clear();
            self.refilter(false);
        }
    }
}
