//! Commands change the state here, and only here; effects go back to the loop.

use super::app::{App, ArticleView, Effect, ListFocus, Prompt, Screen};
use super::body;
use super::keymap::{Action, Command};
use super::layout::{self, Pane};

/// How far a move goes.
#[derive(Debug, Clone, Copy)]
enum Step {
    By(isize),
    Page(isize),
    Start,
    End,
}

fn step_of(action: Action) -> Option<Step> {
    match action {
        Action::Up => Some(Step::By(-1)),
        Action::Down => Some(Step::By(1)),
        Action::PageUp => Some(Step::Page(-1)),
        Action::PageDown => Some(Step::Page(1)),
        Action::Top => Some(Step::Start),
        Action::Bottom => Some(Step::End),
        _ => None,
    }
}

/// `pos` moved by `step` within `0..len`, a page being `page` lines.
fn moved(pos: usize, len: usize, page: usize, step: Step) -> usize {
    let last = len.saturating_sub(1);
    // A stale position (the pane grew, the text got shorter) moves from what is shown.
    let pos = pos.min(last);
    match step {
        Step::By(d) => pos.saturating_add_signed(d).min(last),
        Step::Page(d) => pos
            .saturating_add_signed(d * page.max(1) as isize)
            .min(last),
        Step::Start => 0,
        Step::End => last,
    }
}

impl App {
    pub fn update(&mut self, command: Command) -> Option<Effect> {
        // Keys typed into the query may wait for the end of a burst; anything else
        // (Tab, Enter, a move, export) sees the list the query makes.
        if !matches!(
            command,
            Command::SearchInput(_) | Command::SearchBackspace | Command::Resize(..)
        ) && self.search.stale
        {
            let deferred = std::mem::take(&mut self.search.deferred);
            self.edit_query();
            self.search.deferred = deferred;
        }
        if !matches!(command, Command::Resize(..) | Command::Wheel(..)) {
            self.message = None;
        }
        match command {
            Command::Run(action) => self.run(action),
            Command::SearchInput(c) if self.actors_typing() => {
                self.actors_search(Some(c), false, false);
                None
            }
            Command::SearchBackspace if self.actors_typing() => {
                self.actors_search(None, false, false);
                None
            }
            Command::SearchAccept if self.actors_typing() => {
                self.actors_search(None, true, false);
                None
            }
            Command::SearchCancel if self.actors_typing() => {
                self.actors_search(None, false, true);
                None
            }
            Command::SearchInput(c) => {
                self.search.query.push(c);
                self.edit_query();
                None
            }
            Command::SearchBackspace => {
                self.search.query.pop();
                self.edit_query();
                None
            }
            Command::SearchComplete => {
                self.complete_query();
                None
            }
            Command::SearchAccept => {
                self.search.typing = false;
                self.search.candidates.clear();
                None
            }
            Command::SearchCancel => {
                self.clear_search();
                None
            }
            Command::CloseHelp => {
                self.help = false;
                self.help_scroll = 0;
                None
            }
            Command::PromptChar(_)
            | Command::PromptMove(_)
            | Command::PromptAccept
            | Command::PromptCancel => self.answer_prompt(command),
            Command::Resize(w, h) => {
                self.size = (w, h);
                self.keep_selection_visible();
                None
            }
            Command::Click(x, y) => {
                self.click(x, y);
                None
            }
            Command::Wheel(d, x, y) => {
                self.wheel(d, x, y);
                None
            }
        }
    }

    fn run(&mut self, action: Action) -> Option<Effect> {
        if self.help {
            return self.run_in_help(action);
        }
        let global = matches!(
            action,
            Action::Quit
                | Action::Help
                | Action::Export
                | Action::Reload
                | Action::Actors
                | Action::Contested
        ) || (action == Action::Search && !matches!(self.screen, Screen::Actors(_)));
        if self.on_provenance_screen() && !global {
            self.run_in_provenance(action);
            return None;
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Help => self.help = true,
            Action::Search => {
                if !matches!(self.screen, Screen::List) {
                    let from = self.place();
                    self.remember(from);
                }
                self.screen = Screen::List;
                self.opened = None;
                self.list_focus = ListFocus::Articles;
                self.search.typing = true;
            }
            Action::Export => self.ask_export(),
            Action::Undo => return self.undo_review(),
            Action::SuggestionsOnly => self.toggle_suggestions_only(),
            Action::Accept | Action::Reject | Action::AcceptAll | Action::RejectAll => {
                return self.ask_review(action);
            }
            Action::NextSuggested | Action::PrevSuggested => self.step_suggested(action),
            Action::Edit => return self.ask_edit(),
            Action::OpenUrl => self.open_url(),
            Action::ToggleRead => {
                let id = match self.open_view() {
                    Some(v) => Some(v.id.clone()),
                    None => self.selected_row().map(|r| r.id.clone()),
                };
                if let Some(id) = id {
                    let read = !self.read.is_read(&id);
                    self.read.set(&id, read);
                    self.message =
                        Some(format!("Marked {}.", if read { "read" } else { "unread" }));
                }
            }
            Action::Reload => {
                self.message = Some("Reading every file again…".to_string());
                return Some(Effect::Reload);
            }
            _ => {
                if !self.run_in_provenance(action) {
                    match &self.screen {
                        Screen::List => self.run_in_list(action),
                        Screen::Article(_) => self.run_in_article(action),
                        _ => {}
                    }
                }
            }
        }
        None
    }

    fn run_in_help(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Help | Action::Back => {
                self.help = false;
                self.help_scroll = 0;
            }
            other => {
                if let Some(step) = step_of(other) {
                    // Clamped to what the last draw measured, so G then k moves at once.
                    let max = self.limits.get().help;
                    self.help_scroll = moved(self.help_scroll, max + 1, 10, step);
                }
            }
        }
        None
    }

    /// The export key: asks for the format of what is in view.
    fn ask_export(&mut self) {
        let mut only = None;
        let ids = match &self.screen {
            Screen::Actor(_) => {
                let Screen::Actor(page) = std::mem::replace(&mut self.screen, Screen::List) else {
                    return;
                };
                let listed = self.ask(|i| page.listed(i));
                self.screen = Screen::Actor(page);
                let (ids, claims) = match listed {
                    Ok(listed) => listed,
                    Err(e) => {
                        self.message = Some(e);
                        return;
                    }
                };
                only = Some(claims);
                ids
            }
            Screen::Contested(_) => {
                // Every claim the screen lists, not only those fetched.
                let listed = match self.ask(|i| i.contested_ids()) {
                    Ok(listed) => listed,
                    Err(e) => {
                        self.message = Some(e);
                        return;
                    }
                };
                let mut ids: Vec<crate::model::ArticleId> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                for (article, _) in &listed {
                    if seen.insert(article) {
                        ids.push(article.clone());
                    }
                }
                only = Some(listed);
                ids
            }
            Screen::Actors(_) => {
                self.message =
                    Some("Open an actor's page (Enter) to export what it lists.".to_string());
                return;
            }
            Screen::Article(view) => vec![view.id.clone()],
            Screen::List => self
                .visible
                .iter()
                .filter_map(|&s| self.library.row(s).map(|r| r.id.clone()))
                .collect(),
        };
        if ids.is_empty() {
            self.message = Some("Nothing to export.".to_string());
            return;
        }
        self.prompt = Some(Prompt::Format {
            ids,
            choice: 0,
            only,
        });
    }

    fn run_in_list(&mut self, action: Action) {
        let has_problems = self.library.problem_count() > 0;
        match action {
            Action::NextPane | Action::PrevPane if has_problems => {
                self.list_focus = match self.list_focus {
                    ListFocus::Articles => ListFocus::Problems,
                    ListFocus::Problems => ListFocus::Articles,
                };
            }
            Action::Open => self.open_selected(),
            Action::Back => {
                if !self.search.query.is_empty() {
                    self.clear_search();
                } else if self.list_focus == ListFocus::Problems {
                    self.list_focus = ListFocus::Articles;
                } else {
                    self.back();
                }
            }
            other => {
                let Some(step) = step_of(other) else { return };
                match self.list_focus {
                    ListFocus::Articles => {
                        self.selected =
                            moved(self.selected, self.visible.len(), self.list_page(), step);
                        self.keep_selection_visible();
                    }
                    ListFocus::Problems => {
                        let page = self
                            .list_areas()
                            .1
                            .map_or(1, |r| usize::from(layout::inner(r).height));
                        // The last page stays full: the largest first line the last
                        // draw measured, wrapped lines included.
                        let last = self.limits.get().problems;
                        self.problems_scroll = moved(self.problems_scroll, last + 1, page, step);
                    }
                }
            }
        }
    }

    fn open_selected(&mut self) {
        let Some(id) = self.selected_row().map(|r| r.id.clone()) else {
            return;
        };
        let from = self.place();
        if self.open_article_at(&id, None, 0, None) {
            self.remember(from);
        }
    }

    fn run_in_article(&mut self, action: Action) {
        let Screen::Article(mut view) = std::mem::replace(&mut self.screen, Screen::List) else {
            return;
        };
        let claims = self.article_of(&view).map_or(0, |a| a.claims.len());
        match action {
            Action::Back => {
                self.screen = Screen::Article(view);
                if !self.back() {
                    // Only the article on screen is kept in memory.
                    self.screen = Screen::List;
                    self.opened = None;
                    self.keep_selection_visible();
                }
                return;
            }
            Action::NextPane => view.focus = view.focus.next(),
            Action::PrevPane => view.focus = view.focus.prev(),
            Action::NextClaim | Action::PrevClaim => {
                let d = if action == Action::NextClaim { 1 } else { -1 };
                let to = moved(view.claim, claims, 1, Step::By(d));
                self.select_claim(&mut view, to);
            }
            Action::Open => {
                if view.focus == Pane::Claims {
                    view.focus = Pane::Body;
                }
                self.scroll_to_claim(&mut view);
            }
            other => {
                if let Some(step) = step_of(other) {
                    self.move_in_pane(&mut view, step, claims);
                }
            }
        }
        self.screen = Screen::Article(view);
    }

    fn move_in_pane(&self, view: &mut ArticleView, step: Step, claims: usize) {
        let page = self
            .article_areas(view.focus)
            .pane(view.focus)
            .map_or(1, |r| {
                usize::from(layout::inner(r).height)
                    .saturating_sub(1)
                    .max(1)
            });
        match view.focus {
            Pane::Claims => {
                let to = moved(view.claim, claims, page, step);
                self.select_claim(view, to);
            }
            Pane::Body => {
                // The largest first line the last draw measured.
                let max = self.limits.get().body;
                view.body_scroll = moved(view.body_scroll, max + 1, page, step);
            }
            Pane::Asserted | Pane::Denied => {
                let i = usize::from(view.focus == Pane::Denied);
                // The largest first line the last draw measured, wrapping included.
                let max = self.limits.get().stances[i];
                view.stance_scroll[i] = moved(view.stance_scroll[i], max + 1, page, step);
            }
        }
    }

    pub(super) fn select_claim(&self, view: &mut ArticleView, claim: usize) {
        if claim != view.claim {
            view.claim = claim;
            view.stance_scroll = [0, 0];
        }
        self.scroll_to_claim(view);
    }

    /// The body laid out for the width its pane has at this size.
    fn body_lines(&self, view: &ArticleView) -> Option<Vec<body::BodyLine>> {
        let article = self.article_of(view)?;
        let areas = self.article_areas(view.focus);
        let rect = areas.body.or(areas.pane(view.focus))?;
        Some(body::lines(article, usize::from(layout::inner(rect).width)))
    }

    /// Scrolls the body so the selected claim's quote is in view, a third from the top.
    pub(super) fn scroll_to_claim(&self, view: &mut ArticleView) {
        let Some(article) = self.article_of(view) else {
            return;
        };
        let Some(anchor) = article
            .claims
            .get(view.claim)
            .and_then(|c| c.anchor.clone())
        else {
            return;
        };
        let Some(lines) = self.body_lines(view) else {
            return;
        };
        let areas = self.article_areas(view.focus);
        let height = areas
            .body
            .or(areas.pane(view.focus))
            .map_or(1, |r| usize::from(layout::inner(r).height).max(1));
        let Some(first) = body::line_of(&lines, anchor.start) else {
            return;
        };
        let last = body::line_of(&lines, anchor.end.saturating_sub(1)).unwrap_or(first);
        if first < view.body_scroll || last >= view.body_scroll + height {
            view.body_scroll = first.saturating_sub(height / 3);
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        if !self.config.mouse || self.help {
            return;
        }
        let pos = ratatui::layout::Position { x, y };
        match &self.screen {
            Screen::List => {
                let (list, problems) = self.list_areas();
                if problems.is_some_and(|r| r.contains(pos)) {
                    self.list_focus = ListFocus::Problems;
                    return;
                }
                let inner = layout::inner(list);
                // The first inner row is the column header.
                if !inner.contains(pos) || y == inner.y {
                    return;
                }
                self.list_focus = ListFocus::Articles;
                let at = self.list_offset + usize::from(y - inner.y - 1);
                if at >= self.visible.len() {
                    return;
                }
                if at == self.selected {
                    self.open_selected();
                } else {
                    self.selected = at;
                }
            }
            Screen::Actors(_) | Screen::Actor(_) | Screen::Contested(_) => {}
            Screen::Article(view) => {
                let mut view = view.clone();
                let areas = self.article_areas(view.focus);
                if let Some(tabs) = areas.tabs.filter(|r| r.contains(pos)) {
                    let slot =
                        usize::from(x - tabs.x) * Pane::ALL.len() / usize::from(tabs.width.max(1));
                    view.focus = Pane::ALL[slot.min(Pane::ALL.len() - 1)];
                } else if let Some(pane) = areas.pane_at(x, y) {
                    view.focus = pane;
                    if let Some(c) = self.claim_at(&view, areas.claims, pos) {
                        self.select_claim(&mut view, c);
                    }
                }
                self.screen = Screen::Article(view);
            }
        }
    }

    /// The claim drawn at `pos` in the claims pane, if that is where the click landed.
    fn claim_at(
        &self,
        view: &ArticleView,
        claims: Option<ratatui::layout::Rect>,
        pos: ratatui::layout::Position,
    ) -> Option<usize> {
        let inner = layout::inner(claims?);
        let article = self.article_of(view)?;
        if !inner.contains(pos) {
            return None;
        }
        let rows = super::claims::rows(article, view.claim, usize::from(inner.width));
        let offset = super::claims::offset(&rows, view.claim, usize::from(inner.height));
        let line = offset + usize::from(pos.y - inner.y);
        rows.iter().position(|r| r.contains(&line))
    }

    fn wheel(&mut self, d: i8, x: u16, y: u16) {
        if !self.config.mouse || self.help {
            return;
        }
        let step = Step::By(isize::from(d) * 3);
        if self.on_provenance_screen() {
            let action = if d < 0 { Action::Up } else { Action::Down };
            for _ in 0..3 {
                self.run_in_provenance(action);
            }
            return;
        }
        match self.screen.clone() {
            Screen::List => {
                let (_, problems) = self.list_areas();
                let pos = ratatui::layout::Position { x, y };
                if problems.is_some_and(|r| r.contains(pos)) {
                    let last = self.limits.get().problems;
                    self.problems_scroll = moved(self.problems_scroll, last + 1, 1, step);
                } else {
                    self.selected = moved(self.selected, self.visible.len(), 1, step);
                    self.keep_selection_visible();
                }
            }
            Screen::Article(mut view) => {
                let areas = self.article_areas(view.focus);
                let pane = areas.pane_at(x, y).unwrap_or(view.focus);
                let saved = view.focus;
                view.focus = pane;
                let claims = self.article_of(&view).map_or(0, |a| a.claims.len());
                self.move_in_pane(&mut view, step, claims);
                view.focus = saved;
                self.screen = Screen::Article(view);
            }
            Screen::Actors(_) | Screen::Actor(_) | Screen::Contested(_) => {}
        }
    }
}
