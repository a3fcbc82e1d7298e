//! The reader's state: the library and everything about what is in view.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Tally};
use crate::export::Format;
use crate::model::{Article, ArticleId};
use ratatui::layout::Rect;

use super::config::Config;
use super::keymap::Mode;
use super::layout::{self, ArticleAreas, Pane};
use super::library::{Library, Row, Slot};
use super::theme::Theme;

/// What the open article view shows and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleView {
    /// The article shown.
    pub id: ArticleId,
    pub claim: usize,
    pub focus: Pane,
    /// First body line shown.
    pub body_scroll: usize,
    /// First line shown in the asserted-by and denied-by panes.
    pub stance_scroll: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    List,
    Article(ArticleView),
    /// Every actor of the corpus.
    Actors(Box<super::provenance::ActorsView>),
    /// Everything one actor did.
    Actor(Box<super::provenance::ActorPage>),
    /// Every contested claim.
    Contested(Box<super::provenance::ContestedView>),
}

/// Which part of the list screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFocus {
    Articles,
    Problems,
}

/// How far loading has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loading {
    /// Files are being read: so many done out of so many found (once known).
    Running {
        done: usize,
        total: Option<usize>,
    },
    Done,
    /// The articles folder could not be used: the friendly screen says why.
    Unavailable(String),
}

pub use super::filter::Search;

/// What the loop must do for the state: things that touch the world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Export these articles (the open article, or the filtered list).
    Export(ExportRequest),
    /// Accept or reject suggested claims of the open article's file.
    Review(super::review::ReviewJob),
    /// Put back the bytes the last review edit replaced.
    Undo(super::review::UndoRecord),
    /// Open the editor at this file and line (and column).
    Edit {
        path: PathBuf,
        line: usize,
        column: Option<usize>,
    },
    /// Scan the articles folder and read every file again.
    Reload,
}

/// What the export key asked for, once the format is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub ids: Vec<ArticleId>,
    /// Only these claims of the articles (what an actor page lists), else all.
    pub only: Option<Vec<(ArticleId, crate::model::ClaimId)>>,
    pub format: Format,
    /// The user said yes to replacing the file.
    pub overwrite: bool,
}

/// A question the export key asks before writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Accept (or reject) all `count` suggested claims of the open article? y/n.
    ReviewAll { accept: bool, count: usize },
    /// Which format, for these articles; `choice` indexes [`Format::ALL`].
    Format {
        ids: Vec<ArticleId>,
        choice: usize,
        /// Only these claims of them (an actor page's), else every claim.
        only: Option<Vec<(ArticleId, crate::model::ClaimId)>>,
    },
    /// Whose page to open: the actors of a stance's `via` chain, or a claim's subjects.
    Actor {
        choices: Vec<(crate::model::ActorId, String)>,
        choice: usize,
    },
    /// `path` exists: replace it? `request` is what runs on yes.
    Overwrite {
        request: ExportRequest,
        path: PathBuf,
    },
}

/// The article on screen, read again from its file when opened: the only one in memory.
#[derive(Debug, Clone)]
pub struct Opened {
    pub id: ArticleId,
    /// The file, for the editor and review edits.
    pub path: PathBuf,
    /// The bytes it was read from: a review edit is refused when the file is no longer
    /// these (none for articles built in memory).
    pub bytes: Option<Vec<u8>>,
    /// `None` when the file no longer loads; then `diagnostics` say why.
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
    /// Found beyond those shown.
    pub hidden: Tally,
}

/// Scroll limits the last draw measured (lines wrapped at the width drawn), which key
/// handling clamps against: no second layout pass, no guessed bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    /// The help overlay's largest first line.
    pub help: usize,
    /// The asserted-by and denied-by panes' largest first lines.
    pub stances: [usize; 2],
    /// The article body's largest first line.
    pub body: usize,
    /// The problems pane's largest first line, its diagnostics wrapped as drawn.
    pub problems: usize,
}

#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub config: Config,
    pub theme: Theme,
    /// Where the articles come from, for messages.
    pub articles_dir: PathBuf,
    /// Where the config came from, for the help screen.
    pub config_source: String,
    pub loading: Loading,
    pub screen: Screen,
    /// The article of the article view, while it is open.
    pub opened: Option<Opened>,
    pub list_focus: ListFocus,
    /// Rows shown (library slots), in list order, after the filter.
    pub visible: Vec<Slot>,
    /// Position of the selection in `visible`.
    pub selected: usize,
    /// First position of `visible` on screen.
    pub list_offset: usize,
    pub problems_scroll: usize,
    pub search: Search,
    pub help: bool,
    pub help_scroll: usize,
    /// The export prompt, while it asks.
    pub prompt: Option<Prompt>,
    /// A one-line note for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The terminal size the state last knew.
    pub size: (u16, u16),
    /// Rows were replaced or removed since the list was last made: make it again.
    pub relist: bool,
    /// During a reload, the ids read so far: at its end, the others are gone.
    pub reload_seen: Option<std::collections::HashSet<crate::model::ArticleId>>,
    /// A file change named a folder: only a new scan says what is in it.
    pub rescan: bool,
    /// The list shows only articles with suggested claims.
    pub suggestions_only: bool,
    /// What `u` puts back: the last review edit.
    pub undo: Option<super::review::UndoRecord>,
    /// Written by drawing, read by key handling.
    pub limits: std::cell::Cell<Limits>,
    /// Which articles were opened.
    pub read: super::unread::ReadState,
    /// How far starting from the index has got ("checking…" in the status bar).
    pub index_progress: super::indexed::Progress,
    /// The loader was started beside (or instead of) the index.
    pub index_scanning: bool,
    /// Dropped when loading ends: the folder is watched, then a new index built, only
    /// then (see `tui::run`).
    pub after_scan: Option<std::sync::mpsc::Sender<()>>,
    /// Where `back` returns, the latest last.
    pub history: Vec<super::provenance::Place>,
    /// An index given to the provenance screens alone (tests, benchmarks); else they
    /// ask the search prompt's `index`.
    pub provenance_index: Option<crate::index::Index>,
    /// The index the search prompt asks, once it holds the files as listed.
    pub index: Option<super::filter::Indexed>,
    /// Rows changed on disk since the index was written: filtered in memory.
    pub unindexed: std::collections::HashSet<ArticleId>,
    /// While a check of those runs, the ids it covers.
    pub reindexing: Option<std::collections::HashSet<ArticleId>>,
    /// Articles the watcher (or an edit) changed while the start's check ran: what
    /// the check read of them may be older (a file it read just before it was
    /// deleted), so its word on them is not taken.
    pub changed_during_check: std::collections::HashSet<ArticleId>,
}

impl App {
    /// A reader over a library; `size` is the terminal's columns and rows.
    pub fn new(library: Library, config: Config, theme: Theme, size: (u16, u16)) -> App {
        let loading = if library.is_complete() {
            Loading::Done
        } else {
            Loading::Running {
                done: 0,
                total: None,
            }
        };
        let visible = library.order().to_vec();
        App {
            library,
            config,
            theme,
            articles_dir: PathBuf::from("articles"),
            config_source: "built-in defaults".to_string(),
            loading,
            screen: Screen::List,
            opened: None,
            list_focus: ListFocus::Articles,
            visible,
            selected: 0,
            list_offset: 0,
            problems_scroll: 0,
            search: Search::default(),
            help: false,
            help_scroll: 0,
            prompt: None,
            message: None,
            size,
            relist: false,
            reload_seen: None,
            rescan: false,
            suggestions_only: false,
            undo: None,
            limits: std::cell::Cell::default(),
            read: super::unread::ReadState::in_memory(),
            index_progress: super::indexed::Progress::Off,
            index_scanning: false,
            after_scan: None,
            history: Vec::new(),
            provenance_index: None,
            index: None,
            unindexed: std::collections::HashSet::new(),
            reindexing: None,
            changed_during_check: std::collections::HashSet::new(),
        }
    }

    /// Which screen's key table the next key is looked up in.
    pub fn mode(&self) -> Mode {
        match (&self.prompt, &self.screen) {
            (Some(Prompt::Format { .. }), _) => Mode::Export,
            (Some(Prompt::Overwrite { .. } | Prompt::ReviewAll { .. }), _) => Mode::Confirm,
            (Some(Prompt::Actor { .. }), _) => Mode::Pick,
            (None, _) if self.help => Mode::Help,
            (None, _) if self.search.typing => Mode::Search,
            (None, Screen::Actors(v)) if v.typing => Mode::Search,
            (None, Screen::List) => Mode::List,
            (None, Screen::Article(_)) => Mode::Article,
            (None, Screen::Actors(_)) => Mode::Actors,
            (None, Screen::Actor(_)) => Mode::ActorPage,
            (None, Screen::Contested(_)) => Mode::Contested,
        }
    }

    /// What is bound on the screen the next key goes to.
    pub fn bindings(&self) -> &super::keymap::Bindings {
        self.config.keymap.get(self.mode())
    }

    /// What is bound on the screen under the help and the prompts.
    pub fn screen_bindings(&self) -> &super::keymap::Bindings {
        let mode = match self.screen {
            Screen::List => Mode::List,
            Screen::Article(_) => Mode::Article,
            Screen::Actors(_) => Mode::Actors,
            Screen::Actor(_) => Mode::ActorPage,
            Screen::Contested(_) => Mode::Contested,
        };
        self.config.keymap.get(mode)
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The row under the list selection.
    pub fn selected_row(&self) -> Option<&Row> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.library.row(i))
    }

    pub fn open_view(&self) -> Option<&ArticleView> {
        match &self.screen {
            Screen::Article(view) => Some(view),
            _ => None,
        }
    }

    /// The list's rectangles at the current size: articles, and problems if any.
    pub fn list_areas(&self) -> (Rect, Option<Rect>) {
        let (main, _) = layout::screen(self.area());
        layout::list(main, self.library.problem_count() > 0, &self.config.layout)
    }

    /// Rows of articles the list shows at once (inside the border, under the header).
    pub fn list_page(&self) -> usize {
        layout::list_page(self.list_areas().0)
    }

    pub fn article_areas(&self, focus: Pane) -> ArticleAreas {
        let (main, _) = layout::screen(self.area());
        layout::article(main, &self.config.layout, focus)
    }

    /// Keeps the list selection on screen, moving the view as little as possible.
    pub fn keep_selection_visible(&mut self) {
        let page = self.list_page();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.list_offset =
            layout::list_offset(self.selected, self.list_offset, self.visible.len(), page);
    }

    /// `slots` less those the suggestions-only view hides.
    pub fn shown(&self, mut slots: Vec<Slot>) -> Vec<Slot> {
        if self.suggestions_only {
            slots.retain(|&s| self.library.row(s).is_some_and(|r| r.suggested > 0));
        }
        slots
    }

    /// The article `view` shows, if its file still loaded when it was opened.
    pub fn article_of(&self, view: &ArticleView) -> Option<&Article> {
        self.opened
            .as_ref()
            .filter(|o| o.id == view.id)?
            .article
            .as_ref()
    }

    /// The article on screen, if any.
    pub fn open_article(&self) -> Option<&Article> {
        self.article_of(self.open_view()?)
    }
}
