//! Live files: what the watcher, a reload or a finished job changed, taken into the
//! state by article id, so the list, the problems and the open article follow the disk.

use std::collections::HashSet;

use crate::model::ArticleId;

use super::app::{App, Loading, Opened, Screen};
use super::indexed::Progress;
use super::layout::Pane;
use super::library::Change;
use super::watch::FileChange;
use super::work::Finished;

impl App {
    /// Takes in the files the watcher (or an edit) read again.
    pub fn on_files(&mut self, changes: Vec<FileChange>) {
        if self.index_progress == Progress::Checking {
            let ids = changes.iter().filter_map(FileChange::id).cloned();
            self.changed_during_check.extend(ids);
        }
        self.on_changes(changes);
    }

    /// Takes in what the start's check of the files found changed since the index was
    /// written, except for the files changed on disk since it began: the watcher
    /// brought those, newer than what the check read.
    pub fn on_checked(&mut self, mut changes: Vec<FileChange>) {
        let newer = std::mem::take(&mut self.changed_during_check);
        changes.retain(|c| c.id().is_none_or(|id| !newer.contains(id)));
        if !changes.is_empty() {
            self.on_changes(changes);
        }
    }

    /// Takes in file changes as they come, one at a time (a whole list from the index
    /// is not collected into changes first).
    pub fn on_changes(&mut self, changes: impl IntoIterator<Item = FileChange>) {
        let open = self.open_view().map(|v| v.id.clone());
        let mut touched_open = false;
        for change in changes {
            let id = match change {
                FileChange::Row(row) => {
                    let id = row.id.clone();
                    self.library.insert(*row);
                    id
                }
                FileChange::Problem(problem) => {
                    let id = problem.id.clone();
                    self.library.insert_problem(*problem);
                    id
                }
                FileChange::Removed(id) => {
                    self.library.remove(&id);
                    id
                }
                FileChange::Rescan => {
                    self.rescan = true;
                    continue;
                }
            };
            touched_open |= open.as_ref() == Some(&id);
        }
        self.library.settle();
        self.relist();
        if touched_open {
            self.refresh_open();
        }
    }

    /// Whether a change asked for the whole folder to be scanned again (once).
    pub fn rescan_requested(&mut self) -> bool {
        std::mem::take(&mut self.rescan)
    }

    /// A scan of the whole folder begins: what it does not find is gone at its end.
    pub fn start_reload(&mut self) {
        self.reload_seen = Some(HashSet::new());
        self.loading = Loading::Running {
            done: 0,
            total: None,
        };
    }

    /// Notes an article a reload found.
    pub fn seen(&mut self, id: &ArticleId, change: Change) {
        if let Some(seen) = &mut self.reload_seen {
            seen.insert(id.clone());
        }
        if change == Change::Replaced {
            self.relist = true;
        }
    }

    /// A reload is over: whatever it did not find was deleted meanwhile.
    pub fn finish_reload(&mut self) {
        let Some(seen) = self.reload_seen.take() else {
            return;
        };
        let gone: Vec<ArticleId> = self
            .library
            .ids()
            .filter(|id| !seen.contains(*id))
            .cloned()
            .collect();
        if self.library.remove_many(&gone) > 0 {
            self.relist = true;
        }
        // The open article may have changed too.
        self.refresh_open();
        self.message = Some("Every file read again.".to_string());
    }

    /// Makes the list again from the library: the filter over the list order, the
    /// selection kept on its article (or at its place, when that article went).
    pub fn relist(&mut self) {
        let keep = self.selected_row().map(|r| r.id.clone());
        self.filter_again();
        if let Some(at) = keep
            .and_then(|id| self.library.slot(&id))
            .and_then(|slot| self.visible.iter().position(|&v| v == slot))
        {
            self.selected = at;
        }
        let problem_lines = super::problems::line_count(&self.library, &self.theme);
        self.problems_scroll = self.problems_scroll.min(problem_lines.saturating_sub(1));
        if self.library.problem_count() == 0 {
            self.list_focus = super::app::ListFocus::Articles;
        }
        self.keep_selection_visible();
        self.relist = false;
    }

    /// Reads the open article again after its file changed: the selected claim stays
    /// selected by id while it exists; a file that fails shows why; a deleted one closes.
    pub fn refresh_open(&mut self) {
        let Screen::Article(mut view) = self.screen.clone() else {
            return;
        };
        let claim_id = self
            .open_article()
            .and_then(|a| a.claims.get(view.claim))
            .map(|c| c.id.clone());
        if let Some(problem) = self.library.problems().iter().find(|p| p.id == view.id) {
            self.opened = Some(Opened {
                id: view.id.clone(),
                path: problem.path.clone(),
                bytes: None,
                article: None,
                diagnostics: problem.diagnostics.clone(),
                hidden: problem.hidden,
            });
            view.focus = Pane::Body;
            view.body_scroll = 0;
            self.screen = Screen::Article(view);
            return;
        }
        let path = self
            .opened
            .as_ref()
            .map(|o| o.path.clone())
            .unwrap_or_default();
        let Some((loaded, bytes)) = self.library.read_with_bytes(&view.id) else {
            self.message = Some(format!("{} was deleted.", view.id));
            self.opened = None;
            self.screen = Screen::List;
            self.keep_selection_visible();
            return;
        };
        let claims = loaded.article.as_ref().map_or(0, |a| a.claims.len());
        view.claim = loaded
            .article
            .as_ref()
            .zip(claim_id)
            .and_then(|(a, id)| a.claims.iter().position(|c| c.id == id))
            .unwrap_or(view.claim)
            .min(claims.saturating_sub(1));
        view.stance_scroll = [0, 0];
        self.opened = Some(Opened {
            id: view.id.clone(),
            path: if path.as_os_str().is_empty() {
                loaded.source.path.clone()
            } else {
                path
            },
            bytes,
            article: loaded.article,
            diagnostics: loaded.diagnostics,
            hidden: loaded.hidden,
        });
        self.screen = Screen::Article(view);
    }

    /// Takes in what a background job found.
    pub fn on_finished(&mut self, finished: Finished) {
        match finished {
            Finished::Export { request, outcome } => self.export_finished(request, outcome),
            Finished::Review(done) => self.review_finished(done),
        }
    }
}
