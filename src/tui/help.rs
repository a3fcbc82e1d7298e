//! The `?` overlay: generated from the live key table, plus what the badges and colours mean.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::model::Status;

use super::app::App;
use super::claims::{SUGGESTED_BADGE, badge};
use super::keymap::Action;

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
    "    tag:T  outlet:\"Name\"  lang:en  (Tab completes ids, tags, outlets)",
    "    after:2024-11-01  before:…  inclusive; undated articles left out",
    "  e.g. actor:peskov tag:ukraine is:contested after:2024-11-01 putin",
];

fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let keymap = &app.config.keymap;
    let width = Action::ALL
        .iter()
        .map(|a| keymap.label(*a).len())
        .max()
        .unwrap_or(8)
        .min(24);
    let mut out = vec![Line::styled("Keys", theme.title)];
    for (action, keys) in keymap.table() {
        if keys.is_empty() {
            continue;
        }
        let label = keymap.label(*action);
        out.push(Line::from(vec![
            Span::styled(format!("  {label:<width$}  "), theme.focus),
            Span::raw(action.describe()),
        ]));
    }
    out.push(Line::raw(
        "  At the / prompt: Tab completes, Enter keeps the filter, Esc clears it.",
    ));
    out.push(Line::raw(
        "  Export asks the format: m/j/c, or arrows and Enter; Esc cancels.",
    ));
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
    // The keys named are the ones bound, first of each.
    let first = |a: super::keymap::Action| {
        app.config
            .keymap
            .keys(a)
            .first()
            .map_or_else(|| "?".to_string(), ToString::to_string)
    };
    let title = format!(
        " Help — {}/{} scroll, any other key closes ",
        first(super::keymap::Action::Down),
        first(super::keymap::Action::Up)
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
