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
            "{}/{} claim  {} pane  {} back  {} help",
            k(Action::NextClaim),
            k(Action::PrevClaim),
            k(Action::NextPane),
            k(Action::Back),
            k(Action::Help)
        ),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = usize::from(area.width);
    let right = hints(app);
    let left: Vec<Span> = if app.search.typing {
        let q = text::sanitize(&app.search.query).into_owned();
        vec![
            Span::styled("/", app.theme.focus),
            Span::raw(q),
            Span::styled("▏", app.theme.focus),
        ]
    } else if let Some(m) = &app.message {
        vec![Span::styled(
            text::sanitize(m).into_owned(),
            app.theme.warning,
        )]
    } else {
        let where_ = match app.open_view() {
            Some(v) => v.id.to_string(),
            None => app.articles_dir.display().to_string(),
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
