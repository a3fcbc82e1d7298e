//! Drawing: reads the state, never changes it. Generic over the backend via `Frame`,
//! so tests draw into `TestBackend` with the same code.

use crate::model::StanceKind;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, ArticleView, Loading, Screen};
use super::layout::{self, Pane};
use super::{
    article_list, body, claims, export_prompt, help, notice, problems, provenance_ui, stances,
    status_bar,
};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        notice::too_small(frame, area);
        return;
    }
    let (main, status) = layout::screen(area);
    let nothing = app.library.is_empty() && app.library.problem_count() == 0;
    match (&app.loading, &app.screen) {
        (Loading::Unavailable(reason), _) => notice::no_articles(frame, main, app, reason),
        (Loading::Done, _) if nothing => {
            let reason = format!(
                "No article files (*.toml) in {}.",
                app.articles_dir.display()
            );
            notice::no_articles(frame, main, app, &reason);
        }
        (_, Screen::List) => draw_list(frame, main, app),
        (_, Screen::Article(view)) => draw_article(frame, main, app, view),
        (_, Screen::Actors(view)) => provenance_ui::draw_actors(frame, main, app, view),
        (_, Screen::Actor(page)) => provenance_ui::draw_actor(frame, main, app, page),
        (_, Screen::Contested(view)) => provenance_ui::draw_contested(frame, main, app, view),
    }
    status_bar::draw(frame, status, app);
    if app.help {
        help::draw(frame, main, app);
    }
    if let Some(prompt) = &app.prompt {
        export_prompt::draw(frame, main, app, prompt);
    }
}

fn draw_list(frame: &mut Frame, main: Rect, app: &App) {
    let (list, problems) = layout::list(main, app.library.problem_count() > 0, &app.config.layout);
    article_list::draw(frame, list, app);
    if let Some(area) = problems {
        let mut limits = app.limits.get();
        limits.problems = problems::draw(frame, area, app);
        app.limits.set(limits);
    }
}

fn draw_article(frame: &mut Frame, main: Rect, app: &App, view: &ArticleView) {
    let Some(article) = app.article_of(view) else {
        draw_unreadable(frame, main, app, view);
        return;
    };
    let theme = &app.theme;
    let areas = layout::article(main, &app.config.layout, view.focus);
    if let Some(tabs) = areas.tabs {
        draw_tabs(frame, tabs, app, view);
    }
    let mut limits = app.limits.get();
    if let Some(r) = areas.body {
        limits.body = body::draw(frame, r, article, view, theme);
    }
    if let Some(r) = areas.claims {
        claims::draw(frame, r, article, view, theme);
    }
    if let Some(r) = areas.asserted {
        limits.stances[0] = stances::draw(frame, r, article, view, StanceKind::Asserts, theme);
    }
    if let Some(r) = areas.denied {
        limits.stances[1] = stances::draw(frame, r, article, view, StanceKind::Denies, theme);
    }
    app.limits.set(limits);
}

/// The article's file no longer loads (it changed since the list was read): say why.
fn draw_unreadable(frame: &mut Frame, area: Rect, app: &App, view: &ArticleView) {
    let Some(opened) = app.opened.as_ref().filter(|o| o.id == view.id) else {
        return;
    };
    let path = app
        .library
        .get(&view.id)
        .map(|r| r.path.to_path_buf())
        .unwrap_or_default();
    let mut lines = vec![
        Line::styled(
            "This file no longer loads; it may have changed since the list was read.",
            app.theme.error,
        ),
        Line::default(),
    ];
    lines.extend(problems::file_lines(
        &path,
        &opened.diagnostics,
        opened.hidden,
        &app.theme,
    ));
    let title = format!(" {} ", text::sanitize(&path.display().to_string()));
    let block = Block::bordered().title(title).border_style(app.theme.error);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// One label per pane; the focused one is marked with brackets as well as a style.
fn draw_tabs(frame: &mut Frame, area: Rect, app: &App, view: &ArticleView) {
    let theme = &app.theme;
    let short = usize::from(area.width) < 48;
    // Narrower still, the labels lose their padding rather than their last letters:
    // "Text Claims Asserted [Denied]" fits 30 columns.
    let tight = usize::from(area.width) < 34;
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .map(|&p| {
            let name = match (p, short) {
                (Pane::Asserted, true) => "Asserted",
                (Pane::Denied, true) => "Denied",
                (Pane::Body, true) => "Text",
                _ => p.title(),
            };
            if p == view.focus {
                Span::styled(format!("[{name}]"), theme.focus)
            } else if tight {
                let style = match p {
                    Pane::Asserted => theme.stance(StanceKind::Asserts),
                    Pane::Denied => theme.stance(StanceKind::Denies),
                    _ => theme.dim,
                };
                Span::styled(format!("{name} "), style)
            } else {
                let style = match p {
                    Pane::Asserted => theme.stance(StanceKind::Asserts),
                    Pane::Denied => theme.stance(StanceKind::Denies),
                    _ => theme.dim,
                };
                Span::styled(format!(" {name} "), style)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
