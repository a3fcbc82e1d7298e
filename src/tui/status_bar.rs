//! The bottom line: the search prompt, a message, or where you are and the main keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Screen};
use super::keymap::Action;
use crate::text;

fn hints(app: &App) -> String {
    let bindings = app.screen_bindings();
    let k = |a| bindings.first(a);
    match app.screen {
        Screen::List => format!(
            "{} open  {} search  {} help  {} quit",
            k(Action::Open),
            k(Action::Search),
            k(Action::Help),
            k(Action::Quit)
        ),
        Screen::Article(_) => format!(
            "{}/{} claim  {} pane  {} actor  {} back  {} help",
            k(Action::NextClaim),
            k(Action::PrevClaim),
            k(Action::NextPane),
            k(Action::ActorPage),
            k(Action::Back),
            k(Action::Help)
        ),
        Screen::Actors(_) => format!(
            "{} page  {} search  {}/{} sort  {} back  {} help",
            k(Action::Open),
            k(Action::Search),
            k(Action::Sort),
            k(Action::ReverseSort),
            k(Action::Back),
            k(Action::Help)
        ),
        Screen::Actor(_) | Screen::Contested(_) => format!(
            "{} open claim  {} export  {} back  {} help",
            k(Action::Open),
            k(Action::Export),
            k(Action::Back),
            k(Action::Help)
        ),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = usize::from(area.width);
    let right = hints(app);
    let actors_query = match &app.screen {
        Screen::Actors(v) if v.typing => Some(v.query.as_str()),
        _ => None,
    };
    let left: Vec<Span> = if let Some(q) = actors_query {
        let q = text::sanitize(q).into_owned();
        vec![
            Span::styled("actors /", app.theme.focus),
            Span::raw(q),
            Span::styled("▏", app.theme.focus),
        ]
    } else if app.search.typing {
        let q = text::sanitize(&app.search.query).into_owned();
        let mut spans = vec![
            Span::styled("/", app.theme.focus),
            Span::raw(q),
            Span::styled("▏", app.theme.focus),
        ];
        // What Tab just offered, else what is wrong with the query as typed (the
        // list keeps the last good one).
        if !app.search.candidates.is_empty() {
            let offered = app.search.candidates.join(" · ");
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                text::sanitize(&offered).into_owned(),
                app.theme.dim,
            ));
        } else if let Some(error) = &app.search.error {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                text::sanitize(error).into_owned(),
                app.theme.warning,
            ));
        }
        spans
    } else if let Some(m) = &app.message {
        vec![Span::styled(
            text::sanitize(m).into_owned(),
            app.theme.warning,
        )]
    } else if !app.search.active.is_empty() && app.open_view().is_none() {
        // The filter in force, in its normal spelling.
        let active = app.search.active.to_string();
        vec![
            Span::styled("filter: ", app.theme.dim),
            Span::styled(text::sanitize(&active).into_owned(), app.theme.focus),
        ]
    } else {
        let where_ = match &app.screen {
            Screen::Article(v) => v.id.to_string(),
            Screen::Actors(_) => "actors".to_string(),
            Screen::Actor(p) => format!("actor {}", p.id),
            Screen::Contested(_) => "contested claims".to_string(),
            Screen::List => app.articles_dir.display().to_string(),
        };
        vec![Span::styled(
            text::sanitize(&where_).into_owned(),
            app.theme.dim,
        )]
    };
    let mut left = left;
    if app.index_progress == super::indexed::Progress::Checking && !app.search.typing {
        left.push(Span::styled("  checking…", app.theme.dim));
    }
    let left_width: usize = left.iter().map(|s| text::width(&s.content)).sum();
    let mut spans = left;
    if left_width + 2 + text::width(&right) <= width {
        let gap = width - left_width - text::width(&right);
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(right, app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
