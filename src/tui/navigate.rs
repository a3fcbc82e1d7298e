//! Moving between screens like a browser: every move to another screen remembers the
//! [`Place`] left, and `back` makes it again from the index or the file, selection
//! included. Also the keys of the provenance screens.

use crate::index::Index;
use crate::model::{ActorId, ArticleId, ClaimId, StanceKind};

use super::app::{App, ArticleView, ListFocus, Opened, Prompt, Screen};
use super::keymap::Action;
use super::layout::{self, Pane};
use super::provenance::{
    ActorPage, ActorsView, ContestedView, HISTORY, Place, page_lines, scrolled,
};

/// The page cache of the reader's index connection, in KiB.
pub const QUERY_CACHE_KIB: u32 = 4096;

/// How far a move goes in a provenance screen's list.
fn moved(pos: usize, len: usize, page: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::Up => pos.saturating_sub(1),
        Action::Down => (pos + 1).min(last),
        Action::PageUp => pos.saturating_sub(page.max(1)),
        Action::PageDown => (pos + page.max(1)).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

impl App {
    /// The index the provenance screens ask: the search prompt's connection once the
    /// index holds the files as listed (a first start builds it after the list), or
    /// one given for the screens alone (tests, benchmarks).
    pub(super) fn index(&self) -> Result<&Index, String> {
        if let Some(own) = &self.provenance_index {
            return Ok(own);
        }
        self.index.as_ref().map(|i| &i.index).ok_or_else(|| {
            "The index is still being built: the corpus views open once it is ready.".to_string()
        })
    }

    /// Asks the index with `ask`; either failure (no index yet, or its error) as the
    /// status bar says it.
    pub(super) fn ask<T>(
        &self,
        ask: impl FnOnce(&Index) -> Result<T, crate::index::Error>,
    ) -> Result<T, String> {
        ask(self.index()?).map_err(|e| format!("Index: {e}"))
    }

    /// Queries the provenance screens through `index`, with a page cache of
    /// [`QUERY_CACHE_KIB`]: the screens read each page once, and the reader's memory
    /// must stay small.
    pub fn use_provenance_index(&mut self, index: Index) {
        // A larger cache only makes repeated queries faster; failing to shrink it is harmless.
        let _ = index.limit_cache(QUERY_CACHE_KIB);
        self.provenance_index = Some(index);
    }

    /// Where the user is now, to come back to.
    pub fn place(&self) -> Place {
        match &self.screen {
            Screen::List => Place::List {
                selected: self.selected_row().map(|r| r.id.clone()),
            },
            Screen::Article(v) => Place::Article {
                id: v.id.clone(),
                claim: self
                    .article_of(v)
                    .and_then(|a| a.claims.get(v.claim))
                    .map(|c| c.id.clone()),
                position: v.claim,
                focus: v.focus,
            },
            Screen::Actors(v) => Place::Actors {
                sort: v.sort,
                reverse: v.reverse,
                query: v.query.clone(),
                selected: v.selected_id().cloned(),
            },
            Screen::Actor(p) => Place::Actor {
                id: p.id.clone(),
                selected: p.selected,
            },
            Screen::Contested(v) => Place::Contested {
                selected: v.selected,
            },
        }
    }

    /// Goes to `to`, remembering where the user was; stays (with a message) when `to`
    /// cannot be made.
    pub fn go(&mut self, to: Place) {
        let from = self.place();
        if self.enter(to) {
            self.remember(from);
        }
    }

    /// Puts `from` where `back` finds it.
    pub(super) fn remember(&mut self, from: Place) {
        self.history.push(from);
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
    }

    pub fn on_provenance_screen(&self) -> bool {
        matches!(
            self.screen,
            Screen::Actors(_) | Screen::Actor(_) | Screen::Contested(_)
        )
    }

    pub(super) fn actors_typing(&self) -> bool {
        matches!(&self.screen, Screen::Actors(v) if v.typing)
    }

    /// Returns to the last place left; false when there is none.
    pub fn back(&mut self) -> bool {
        while let Some(place) = self.history.pop() {
            if self.enter(place) {
                return true;
            }
        }
        false
    }

    /// Makes the screen of `place`; false (with a message) when it cannot be made.
    pub fn enter(&mut self, place: Place) -> bool {
        let ok = match place {
            Place::List { selected } => {
                self.screen = Screen::List;
                self.opened = None;
                self.list_focus = ListFocus::Articles;
                if let Some(at) = selected
                    .and_then(|id| self.library.slot(&id))
                    .and_then(|slot| self.visible.iter().position(|&s| s == slot))
                {
                    self.selected = at;
                }
                self.keep_selection_visible();
                true
            }
            Place::Article {
                id,
                claim,
                position,
                focus,
            } => self.open_article_at(&id, claim.as_ref(), position, Some(focus)),
            Place::Actors {
                sort,
                reverse,
                query,
                selected,
            } => self.enter_actors(sort, reverse, query, selected.as_ref()),
            Place::Actor { id, selected } => self.enter_actor(&id, selected),
            Place::Contested { selected } => self.enter_contested(selected),
        };
        if ok && !matches!(self.screen, Screen::Article(_)) {
            // Only the article on screen is kept in memory.
            self.opened = None;
        }
        ok
    }

    /// Opens article `id` at `claim` (by id, else at `position`); false when it is
    /// not in the library.
    pub fn open_article_at(
        &mut self,
        id: &ArticleId,
        claim: Option<&ClaimId>,
        position: usize,
        focus: Option<Pane>,
    ) -> bool {
        let Some((loaded, bytes)) = self.library.read_with_bytes(id) else {
            self.message = Some(format!(
                "{} is not in the list (yet).",
                crate::text::sanitize(id.as_str())
            ));
            return false;
        };
        self.read.set(id, true);
        let opened = Opened {
            id: id.clone(),
            path: loaded.source.path.clone(),
            bytes,
            article: loaded.article,
            diagnostics: loaded.diagnostics,
            hidden: loaded.hidden,
        };
        let claims = opened.article.as_ref().map_or(0, |a| a.claims.len());
        let at = claim
            .and_then(|c| {
                opened
                    .article
                    .as_ref()
                    .and_then(|a| a.claims.iter().position(|x| x.id == *c))
            })
            .unwrap_or(position)
            .min(claims.saturating_sub(1));
        let focus = match focus {
            Some(f) => f,
            None if claims > 0 => Pane::Claims,
            None => Pane::Body,
        };
        self.opened = Some(opened);
        let mut view = ArticleView {
            id: id.clone(),
            claim: at,
            focus,
            body_scroll: 0,
            stance_scroll: [0, 0],
        };
        self.scroll_to_claim(&mut view);
        self.screen = Screen::Article(view);
        true
    }

    fn fail(&mut self, why: String) -> bool {
        self.message = Some(why);
        false
    }

    fn enter_actors(
        &mut self,
        sort: super::provenance::Column,
        reverse: bool,
        query: String,
        selected: Option<&ActorId>,
    ) -> bool {
        let dir = self.articles_dir.clone();
        let page = self.actors_page();
        let made = self.ask(|index| {
            let mut view = ActorsView::query(index)?;
            view.sort = sort;
            view.reverse = reverse;
            view.query = query;
            view.reshow(index, selected)?;
            view.keep_visible(page);
            view.fetch(index, view.offset, page)?;
            view.describe(index, &dir);
            Ok(view)
        });
        let view = match made {
            Ok(view) => view,
            Err(e) => return self.fail(e),
        };
        self.screen = Screen::Actors(Box::new(view));
        true
    }

    fn enter_actor(&mut self, id: &ActorId, selected: usize) -> bool {
        let page = match self.ask(|i| ActorPage::query(i, id)) {
            Ok(page) => page,
            Err(e) => return self.fail(e),
        };
        if page.declared == 0 {
            return self.fail(format!(
                "No article declares {}.",
                crate::text::sanitize(id.as_str())
            ));
        }
        let mut page = Box::new(page);
        page.selected = selected.min(page.len().saturating_sub(1));
        self.keep_page_visible(&mut page);
        if let Err(e) = self.fetch_page(&mut page) {
            return self.fail(e);
        }
        self.screen = Screen::Actor(page);
        true
    }

    fn enter_contested(&mut self, selected: usize) -> bool {
        let page = self.provenance_page() / 2;
        let view = match self.ask(|i| {
            let mut view = ContestedView::query(i)?;
            view.selected = selected.min(view.total.saturating_sub(1));
            view.offset = scrolled(0, view.selected, 1, page);
            view.fetch(i, view.offset, page.max(1))?;
            Ok(view)
        }) {
            Ok(view) => view,
            Err(e) => return self.fail(e),
        };
        self.screen = Screen::Contested(Box::new(view));
        true
    }

    /// Lines the provenance screens show at once (inside the border, under the header).
    pub fn provenance_page(&self) -> usize {
        let (main, _) = layout::screen(self.area());
        usize::from(layout::inner(main).height.saturating_sub(1)).max(1)
    }

    /// Rows of the actors screen shown at once: less the details lines at its foot.
    pub fn actors_page(&self) -> usize {
        self.provenance_page().saturating_sub(2).max(1)
    }

    /// Fetches the stances of an actor's page that can be in view: the selected
    /// entry stays in view, so those within a screen of it.
    fn fetch_page(&mut self, page: &mut ActorPage) -> Result<(), String> {
        let rows = (self.provenance_page() / page_lines::ENTRY).max(1);
        let from = page.selected.saturating_sub(rows);
        self.index().and_then(|i| {
            page.fetch(i, from, 2 * rows + 1)
                .map_err(|e| format!("Index: {e}"))
        })
    }

    fn keep_page_visible(&self, page: &mut ActorPage) {
        let height = self.provenance_page() + 1;
        let first = page_lines::line_of(page, page.selected);
        // The section's title stays in view above its first entry.
        let at_start =
            [0, page.sections[0], page.sections[0] + page.sections[1]].contains(&page.selected);
        let (first, lines) = if at_start {
            (first.saturating_sub(2), page_lines::ENTRY + 2)
        } else {
            (first, page_lines::ENTRY)
        };
        page.offset = scrolled(page.offset, first, lines, height);
        if page.selected == 0 {
            page.offset = 0;
        }
    }

    /// Keys of the screens added for provenance; true when the key was theirs.
    pub(super) fn run_in_provenance(&mut self, action: Action) -> bool {
        match action {
            Action::Actors => {
                self.go(Place::Actors {
                    sort: super::provenance::Column::Articles,
                    reverse: false,
                    query: String::new(),
                    selected: None,
                });
                return true;
            }
            Action::Contested => {
                self.go(Place::Contested { selected: 0 });
                return true;
            }
            _ => {}
        }
        match std::mem::replace(&mut self.screen, Screen::List) {
            Screen::Actors(view) => self.run_in_actors(view, action),
            Screen::Actor(page) => self.run_in_actor(page, action),
            Screen::Contested(view) => self.run_in_contested(view, action),
            other => {
                self.screen = other;
                if action == Action::ActorPage && self.open_view().is_some() {
                    self.ask_actor();
                    return true;
                }
                return false;
            }
        }
        true
    }

    fn run_in_actors(&mut self, mut view: Box<ActorsView>, action: Action) {
        let page = self.actors_page();
        let before = view.selected;
        match action {
            Action::Open | Action::ActorPage => {
                let id = view.selected_id().cloned();
                self.screen = Screen::Actors(view);
                if let Some(id) = id {
                    self.go(Place::Actor { id, selected: 0 });
                }
                return;
            }
            Action::Back => {
                if !view.query.is_empty() {
                    let keep = view.selected_id().cloned();
                    view.query.clear();
                    self.actors_index(|i| view.reshow(i, keep.as_ref()));
                } else {
                    self.screen = Screen::Actors(view);
                    if !self.back() {
                        self.enter(Place::List { selected: None });
                    }
                    return;
                }
            }
            Action::Search => view.typing = true,
            Action::Sort => {
                let next = view.sort.next();
                self.actors_index(|i| view.sort_by(i, next, false));
            }
            Action::ReverseSort => {
                let (sort, reverse) = (view.sort, !view.reverse);
                self.actors_index(|i| view.sort_by(i, sort, reverse));
            }
            other => {
                if let Some(to) = moved(view.selected, view.shown.len(), page, other) {
                    view.selected = to;
                }
            }
        }
        view.keep_visible(page);
        let offset = view.offset;
        self.actors_index(|i| view.fetch(i, offset, page));
        if view.selected != before || view.details.is_empty() {
            self.describe(&mut view);
        }
        self.screen = Screen::Actors(view);
    }

    /// Asks the index for the actors screen; a failure is said in the status bar.
    fn actors_index(&mut self, ask: impl FnOnce(&Index) -> Result<(), crate::index::Error>) {
        if let Err(e) = self.ask(ask) {
            self.message = Some(e);
        }
    }

    fn describe(&mut self, view: &mut ActorsView) {
        let dir = self.articles_dir.clone();
        if let Ok(index) = self.index() {
            view.describe(index, &dir);
        }
    }

    /// A character typed into the actors screen's search (None: Backspace).
    pub(super) fn actors_search(&mut self, input: Option<char>, done: bool, cancel: bool) {
        let Screen::Actors(mut view) = std::mem::replace(&mut self.screen, Screen::List) else {
            return;
        };
        let keep = view.selected_id().cloned();
        if cancel {
            view.query.clear();
            view.typing = false;
        } else if done {
            view.typing = false;
        } else {
            match input {
                Some(c) => view.query.push(c),
                None => {
                    view.query.pop();
                }
            }
        }
        let page = self.actors_page();
        self.actors_index(|i| {
            view.reshow(i, keep.as_ref())?;
            view.keep_visible(page);
            view.fetch(i, view.offset, page)
        });
        self.describe(&mut view);
        self.screen = Screen::Actors(view);
    }

    fn run_in_actor(&mut self, mut page: Box<ActorPage>, action: Action) {
        match action {
            Action::Open => {
                let to = page.entry(page.selected).map(|e| {
                    let c = e.claim();
                    (c.article.id.clone(), c.claim.clone())
                });
                self.screen = Screen::Actor(page);
                self.open_claim(to);
                return;
            }
            Action::Back => {
                self.screen = Screen::Actor(page);
                self.back_or_list();
                return;
            }
            other => {
                let rows = self.provenance_page() / page_lines::ENTRY;
                if let Some(to) = moved(page.selected, page.len(), rows, other) {
                    page.selected = to;
                }
            }
        }
        self.keep_page_visible(&mut page);
        if let Err(e) = self.fetch_page(&mut page) {
            self.message = Some(e);
        }
        self.screen = Screen::Actor(page);
    }

    /// Opens the article at the claim of a provenance row (when there is a row).
    fn open_claim(&mut self, to: Option<(ArticleId, ClaimId)>) {
        if let Some((id, claim)) = to {
            self.go(Place::Article {
                id,
                claim: Some(claim),
                position: 0,
                focus: Pane::Claims,
            });
        }
    }

    /// Back where the user came from, or the list when there is nowhere.
    fn back_or_list(&mut self) {
        if !self.back() {
            self.enter(Place::List { selected: None });
        }
    }

    fn run_in_contested(&mut self, mut view: Box<ContestedView>, action: Action) {
        let rows = (self.provenance_page() / 2).max(1);
        match action {
            Action::Open => {
                let to = view
                    .row(view.selected)
                    .map(|r| (r.claim.article.id.clone(), r.claim.claim.clone()));
                self.screen = Screen::Contested(view);
                self.open_claim(to);
                return;
            }
            Action::Back => {
                self.screen = Screen::Contested(view);
                self.back_or_list();
                return;
            }
            other => {
                if let Some(to) = moved(view.selected, view.total, rows, other) {
                    view.selected = to;
                }
            }
        }
        view.offset = scrolled(view.offset, view.selected, 1, rows);
        if let Err(e) = self.ask(|i| view.fetch(i, view.offset, rows)) {
            self.message = Some(e);
        }
        self.screen = Screen::Contested(view);
    }

    /// The actor-page key in an article: the stance's actor (and its `via` chain) in
    /// the asserted-by or denied-by pane, else the claim's subjects; asks which when
    /// there is more than one.
    fn ask_actor(&mut self) {
        let Some(view) = self.open_view().cloned() else {
            return;
        };
        let Some(article) = self.article_of(&view) else {
            return;
        };
        let Some(claim) = article.claims.get(view.claim) else {
            self.message = Some("No claim selected.".to_string());
            return;
        };
        let name = |id: &ActorId| {
            article
                .actors
                .iter()
                .find(|a| a.id == *id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        let mut choices: Vec<(ActorId, String)> = Vec::new();
        let mut add = |id: &ActorId, label: String| {
            if !choices.iter().any(|(c, _)| c == id) {
                choices.push((id.clone(), label));
            }
        };
        let stances = |kind| match kind {
            StanceKind::Asserts => &claim.asserted_by,
            StanceKind::Denies => &claim.denied_by,
        };
        let kinds: &[StanceKind] = match view.focus {
            Pane::Asserted => &[StanceKind::Asserts],
            Pane::Denied => &[StanceKind::Denies],
            _ => &[],
        };
        for &kind in kinds {
            for s in stances(kind) {
                add(&s.actor, format!("{} ({})", name(&s.actor), kind.as_str()));
                for (step, v) in s.via.iter().enumerate() {
                    add(
                        v,
                        format!("{} (via, link {} of {})", name(v), step + 1, s.via.len()),
                    );
                }
            }
        }
        if kinds.is_empty() {
            for a in &claim.about {
                add(a, format!("{} (about)", name(a)));
            }
            if claim.about.is_empty() {
                // A claim about no one: its speakers instead.
                for (kind, s) in claim.stances() {
                    add(&s.actor, format!("{} ({})", name(&s.actor), kind.as_str()));
                }
            }
        }
        match choices.len() {
            0 => self.message = Some("No actor here.".to_string()),
            1 => {
                let id = choices.remove(0).0;
                self.go(Place::Actor { id, selected: 0 });
            }
            _ => self.prompt = Some(Prompt::Actor { choices, choice: 0 }),
        }
    }

    /// An answer to the actor prompt.
    pub(super) fn answer_actor(
        &mut self,
        choices: Vec<(ActorId, String)>,
        choice: usize,
        command: super::keymap::Command,
    ) {
        use super::keymap::Command;
        let n = choices.len().max(1);
        let pick = match command {
            Command::PromptAccept => Some(choice),
            Command::PromptChar(c @ '1'..='9') => Some(usize::from(c as u8 - b'1')),
            Command::PromptMove(d) => {
                let to = (choice as isize + isize::from(d)).rem_euclid(n as isize) as usize;
                self.prompt = Some(Prompt::Actor {
                    choices,
                    choice: to,
                });
                return;
            }
            Command::PromptChar('j') => {
                self.prompt = Some(Prompt::Actor {
                    choice: (choice + 1) % n,
                    choices,
                });
                return;
            }
            Command::PromptChar('k') => {
                self.prompt = Some(Prompt::Actor {
                    choice: (choice + n - 1) % n,
                    choices,
                });
                return;
            }
            Command::PromptCancel => return,
            _ => {
                self.prompt = Some(Prompt::Actor { choices, choice });
                return;
            }
        };
        match pick.and_then(|i| choices.get(i)) {
            Some((id, _)) => {
                let id = id.clone();
                self.go(Place::Actor { id, selected: 0 });
            }
            None => self.prompt = Some(Prompt::Actor { choices, choice }),
        }
    }
}
