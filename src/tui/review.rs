//! Review of suggested claims from the article view: accept or reject the selected one
//! (or all, after a question), undo the last edit, step through suggestions, and list
//! only articles that have them. The edits are the library's [`crate::review`]
//! functions, run off the UI thread; the file is read again when they are done.

use std::path::PathBuf;

use crate::load::{self, SourceFile};
use crate::model::ArticleId;
use crate::review::{self as edit, ReviewError};

use super::app::{App, Effect, Prompt, Screen};
use super::keymap::Action;
use super::watch::FileChange;

/// An accept or reject to carry out: the claims of one file, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewJob {
    pub id: ArticleId,
    pub path: PathBuf,
    /// The bytes the article on screen was read from.
    pub read: Vec<u8>,
    pub claims: Vec<String>,
    pub accept: bool,
}

/// What `u` puts back: the file's bytes before and after the last edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoRecord {
    pub id: ArticleId,
    pub path: PathBuf,
    pub before: Vec<u8>,
    pub after: Vec<u8>,
    /// For the message: "accept of 2 claims".
    pub what: String,
}

/// A finished review edit or undo.
#[derive(Debug)]
pub struct ReviewDone {
    pub id: ArticleId,
    pub path: PathBuf,
    /// The record to undo it with, or why nothing was written.
    pub outcome: Result<Option<UndoRecord>, ReviewError>,
    pub message: String,
}

impl ReviewJob {
    /// Applies each edit to the bytes the previous one wrote. A refusal part way
    /// leaves the edits before it in place, and undo puts all of them back.
    pub fn run(self) -> ReviewDone {
        let mut current = self.read.clone();
        let verb = if self.accept { "Accepted" } else { "Rejected" };
        for claim in &self.claims {
            let result = if self.accept {
                edit::accept(&self.path, &current, claim)
            } else {
                edit::reject(&self.path, &current, claim)
            };
            match result {
                Ok(written) => current = written,
                Err(e) => {
                    let undo = (current != self.read).then(|| self.record(current.clone()));
                    return ReviewDone {
                        message: format!("Not done: {e}"),
                        outcome: match undo {
                            Some(u) => Ok(Some(u)),
                            None => Err(e),
                        },
                        id: self.id,
                        path: self.path,
                    };
                }
            }
        }
        let n = self.claims.len();
        let what = if n == 1 {
            format!("claim {}", self.claims[0])
        } else {
            format!("{n} suggested claims")
        };
        ReviewDone {
            message: format!("{verb} {what} (u undoes)."),
            outcome: Ok(Some(self.record(current))),
            id: self.id.clone(),
            path: self.path.clone(),
        }
    }

    fn record(&self, after: Vec<u8>) -> UndoRecord {
        UndoRecord {
            id: self.id.clone(),
            path: self.path.clone(),
            before: self.read.clone(),
            after,
            what: format!(
                "{} of {} claim(s)",
                if self.accept { "accept" } else { "reject" },
                self.claims.len()
            ),
        }
    }
}

impl UndoRecord {
    /// Puts the bytes back, unless the file changed since the edit.
    pub fn run(self) -> ReviewDone {
        match edit::restore(&self.path, &self.after, &self.before) {
            Ok(()) => ReviewDone {
                message: format!("Undone: {}.", self.what),
                outcome: Ok(None),
                id: self.id,
                path: self.path,
            },
            Err(e) => ReviewDone {
                message: format!("Not undone: {e}"),
                outcome: Err(e),
                id: self.id,
                path: self.path,
            },
        }
    }
}

impl App {
    /// The accept and reject keys, in the article view.
    pub(super) fn ask_review(&mut self, action: Action) -> Option<Effect> {
        let accept = matches!(action, Action::Accept | Action::AcceptAll);
        let all = matches!(action, Action::AcceptAll | Action::RejectAll);
        let (Some(view), Some(article)) = (self.open_view(), self.open_article()) else {
            self.message = Some("Open an article to review its suggestions.".to_string());
            return None;
        };
        if all {
            let count = article.claims.iter().filter(|c| c.suggested).count();
            if count == 0 {
                self.message = Some("This article has no suggested claim.".to_string());
                return None;
            }
            self.prompt = Some(Prompt::ReviewAll { accept, count });
            return None;
        }
        let Some(claim) = article.claims.get(view.claim).filter(|c| c.suggested) else {
            self.message = Some("The selected claim is not suggested.".to_string());
            return None;
        };
        let claims = vec![claim.id.as_str().to_string()];
        self.review_job(claims, accept)
    }

    /// Yes to "accept/reject all?".
    pub(super) fn review_all(&mut self, accept: bool) -> Option<Effect> {
        let claims = self
            .open_article()?
            .claims
            .iter()
            .filter(|c| c.suggested)
            .map(|c| c.id.as_str().to_string())
            .collect();
        self.review_job(claims, accept)
    }

    fn review_job(&mut self, claims: Vec<String>, accept: bool) -> Option<Effect> {
        let opened = self.opened.as_ref()?;
        let Some(read) = opened.bytes.clone() else {
            self.message = Some("This article was not read from a file.".to_string());
            return None;
        };
        self.message = Some("Editing the file…".to_string());
        Some(Effect::Review(ReviewJob {
            id: opened.id.clone(),
            path: opened.path.clone(),
            read,
            claims,
            accept,
        }))
    }

    pub(super) fn undo_review(&mut self) -> Option<Effect> {
        match self.undo.take() {
            Some(record) => Some(Effect::Undo(record)),
            None => {
                self.message = Some("No review edit to undo.".to_string());
                None
            }
        }
    }

    /// Takes in a finished edit or undo, and reads the file again at once (the watcher
    /// would too, a moment later), so the next edit starts from what is on disk.
    pub fn review_finished(&mut self, done: ReviewDone) {
        if let Ok(record) = done.outcome {
            self.undo = record;
        }
        self.message = Some(done.message);
        let source = SourceFile {
            path: done.path,
            id: done.id,
        };
        let loaded = load::load_file(&source);
        let change = match &loaded.article {
            Some(article) => FileChange::Row(Box::new(super::library::Row::of(
                loaded.source.clone(),
                article,
            ))),
            None => FileChange::Problem(Box::new(super::library::Problem::of(loaded))),
        };
        let message = self.message.take();
        self.on_files(vec![change]);
        self.message = message;
    }

    pub(super) fn toggle_suggestions_only(&mut self) {
        self.suggestions_only = !self.suggestions_only;
        self.message = Some(
            if self.suggestions_only {
                "Only articles with suggestions."
            } else {
                "All articles."
            }
            .to_string(),
        );
        self.relist();
    }

    /// `]` and `[`: the next suggested claim of the open article, or in the list the
    /// next article with suggestions.
    pub(super) fn step_suggested(&mut self, action: Action) {
        let forward = action == Action::NextSuggested;
        if let Screen::Article(mut view) = self.screen.clone() {
            let Some(article) = self.open_article() else {
                return;
            };
            let n = article.claims.len();
            let found = (1..n)
                .map(|k| {
                    if forward {
                        (view.claim + k) % n
                    } else {
                        (view.claim + n - k) % n
                    }
                })
                .find(|&i| article.claims[i].suggested);
            match found {
                Some(i) => self.select_claim(&mut view, i),
                None => self.message = Some("No other suggested claim here.".to_string()),
            }
            self.screen = Screen::Article(view);
            return;
        }
        let n = self.visible.len();
        let found = (1..n)
            .map(|k| {
                if forward {
                    (self.selected + k) % n
                } else {
                    (self.selected + n - k) % n
                }
            })
            .find(|&i| {
                self.library
                    .row(self.visible[i])
                    .is_some_and(|r| r.suggested > 0)
            });
        match found {
            Some(i) => {
                self.selected = i;
                self.keep_selection_visible();
            }
            None => self.message = Some("No other article with suggestions.".to_string()),
        }
    }
}
