//! The `?` overlay: generated from the live key table, plus what the badges and colours mean.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::model::Status;

use super::app::App;
use super::claims::{SUGGESTED_BADGE, badge};
use super::keymap::{Action, Mode};

const STATUS_MEANINGS: [(Status, &str); 4] = [
    (
        Status::Contested,
        "someone asserts it and someone denies it",
    ),
    (Status::Asserted, "only asserted"),
    (Status::Denied, "only denied"),
    (Status::Unattributed, "no one is named for or against it"),
];

/// The query language of the search prompt, in short (the README has it whole).
const QUERY_HELP: &[&str] = &[
    "  Words find any part of a title, body, claim or actor name, in any",
    "  case and accent (\"a phrase\" in quotes). All terms must hold;",
    "  -term negates one; a,b is either.",
    "    actor:ID      takes a stance, or is relayed through a via",
    "    about:ID      a claim is about the actor",
    "    is:contested  or unattributed, suggested, unread, asserted, denied",
    "    tag:T  outlet:\"Name\"  lang:en",
    "    after:2024-11-01  before:…  inclusive; undated articles left out",
    "  e.g. actor:peskov tag:ukraine is:contested after:2024-11-01 putin",
];

/// The keys of the screen under the help, as its table resolves them, then one line
/// per prompt from the prompt's own table: what is listed is what is bound.
fn key_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let bindings = app.screen_bindings();
    let width = bindings
        .table()
        .iter()
        .map(|(a, _)| bindings.label(*a).len())
        .max()
        .unwrap_or(8)
        .min(24);
    let mut out = vec![Line::styled("Keys", theme.title)];
    for (action, keys) in bindings.table() {
        if keys.is_empty() {
            continue;
        }
        let label = bindings.label(*action);
        out.push(Line::from(vec![
            Span::styled(format!("  {label:<width$}  "), theme.focus),
            Span::raw(action.describe()),
        ]));
    }
    let keys = |mode: Mode, action: Action| {
        let label = app.config.keymap.get(mode).label(action);
        if label.is_empty() {
            "(unbound)".to_string()
        } else {
            label.replace(", ", "/")
        }
    };
    out.push(Line::raw(format!(
        "  Search prompt: type to filter; {} keeps, {} clears, {} erases;",
        keys(Mode::Search, Action::Open),
        keys(Mode::Search, Action::Back),
        keys(Mode::Search, Action::Erase),
    )));
    out.push(Line::raw(format!(
        "  {} completes actor ids, tags, outlets and filter names.",
        keys(Mode::Search, Action::Complete),
    )));
    out.push(Line::raw(format!(
        "  Export asks the format: m/j/c, or {} / {} and {}; {} cancels.",
        keys(Mode::Export, Action::Up),
        keys(Mode::Export, Action::Down),
        keys(Mode::Export, Action::Open),
        keys(Mode::Export, Action::Back),
    )));
    out.push(Line::raw(format!(
        "  A yes/no question takes y or n; {} is no.",
        keys(Mode::Confirm, Action::Back),
    )));
    out.push(Line::raw(format!(
        "  Whose page? takes a digit, or {} / {} and {}; {} cancels.",
        keys(Mode::Pick, Action::Up),
        keys(Mode::Pick, Action::Down),
        keys(Mode::Pick, Action::Open),
        keys(Mode::Pick, Action::Back),
    )));
    out
}

fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = key_lines(app);
    out.push(Line::default());
    out.push(Line::styled("Search and filters", theme.title));
    for line in QUERY_HELP {
        out.push(Line::raw(*line));
    }
    out.push(Line::default());
    out.push(Line::styled("Claims", theme.title));
    // The badges as the claims pane draws them, so the legend cannot drift from it.
    for (status, meaning) in STATUS_MEANINGS {
        out.push(Line::from(vec![
            Span::styled(format!("  {:<15}", badge(status)), theme.status(status)),
            Span::raw(meaning),
        ]));
    }
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(format!("{SUGGESTED_BADGE:<15}"), theme.suggested),
        Span::raw("proposed by a program, not yet reviewed; never exported"),
    ]));
    out.push(Line::from(vec![
        Span::styled("  underlined", theme.claim),
        Span::raw("     a claim's words in the article; the selected one is reversed"),
    ]));
    for (kind, label, meaning) in [
        (
            crate::model::StanceKind::Asserts,
            "  italic",
            "         an asserter's words in the article (green)",
        ),
        (
            crate::model::StanceKind::Denies,
            "  bold",
            "           a denier's words in the article (red)",
        ),
    ] {
        out.push(Line::from(vec![
            Span::styled(
                label,
                theme
                    .stance(kind)
                    .add_modifier(super::body::stance_mark(kind)),
            ),
            Span::raw(meaning),
        ]));
    }
    out.push(Line::raw(
        "  A ← B          A said it, relaying B (nearest source first)",
    ));
    out.push(Line::default());
    out.push(Line::styled(
        format!("Config: {}", app.config_source),
        theme.dim,
    ));
    out
}

/// A rectangle of at most `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(h.min(area.height)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, c, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(w.min(area.width)),
        Constraint::Fill(1),
    ])
    .areas(mid);
    c
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lines = lines(app);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 78, height);
    let max_scroll = usize::from(height.saturating_sub(rect.height));
    let mut limits = app.limits.get();
    limits.help = max_scroll;
    app.limits.set(limits);
    let scroll = u16::try_from(app.help_scroll.min(max_scroll)).unwrap_or(0);
    // The keys named are the ones the help's own table binds, first of each.
    let help = app.config.keymap.get(Mode::Help);
    let title = format!(
        " Help — {}/{} scroll, any other key closes ",
        help.first(Action::Down),
        help.first(Action::Up),
    );
    let block = Block::bordered().title(title).border_style(app.theme.focus);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rect,
    );
}
