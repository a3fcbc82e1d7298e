//! The asserted-by and denied-by panes: for the selected claim, each stance's actor
//! (name, role, kind), the chain it came through, the cue and the quote.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use whosaid::model::{ActorId, Article, Stance, StanceKind};

use super::app::ArticleView;
use super::layout::Pane;
use super::theme::Theme;
use whosaid::text;

fn name_of(article: &Article, id: &ActorId) -> String {
    let name = article.actor(id).map_or(id.as_str(), |a| a.name.as_str());
    text::sanitize(name).into_owned()
}

/// `The Washington Post ← Sources familiar with the call`: the speaker, then whom it relays.
pub fn chain(article: &Article, stance: &Stance) -> String {
    std::iter::once(&stance.actor)
        .chain(&stance.via)
        .map(|id| name_of(article, id))
        .collect::<Vec<_>>()
        .join(" ← ")
}

fn stance_lines(
    article: &Article,
    stance: &Stance,
    kind: StanceKind,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let sign = match kind {
        StanceKind::Asserts => "+ asserts",
        StanceKind::Denies => "− denies",
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(name_of(article, &stance.actor), theme.stance(kind)),
        Span::styled(format!("  {sign}"), theme.dim),
    ])];
    if let Some(actor) = article.actor(&stance.actor) {
        let mut who = String::new();
        if let Some(role) = actor.role.as_deref().filter(|r| !r.trim().is_empty()) {
            who.push_str(&text::sanitize(role));
            who.push_str(", ");
        }
        who.push_str(actor.kind.as_str());
        lines.push(Line::styled(format!("  {who}"), theme.dim));
    }
    let field = |label: &str, value: String, style: Style| {
        Line::from(vec![
            Span::styled(format!("  {label}: "), theme.dim),
            Span::styled(value, style),
        ])
    };
    if !stance.via.is_empty() {
        lines.push(field("via", chain(article, stance), Style::new()));
    }
    if let Some(cue) = &stance.cue {
        lines.push(field("cue", text::sanitize(cue).into_owned(), Style::new()));
    }
    if let Some(quote) = &stance.quote {
        lines.push(field(
            "quote",
            format!("“{}”", text::sanitize(quote)),
            theme.stance(kind),
        ));
    }
    lines
}

/// Every line of one pane, before wrapping.
fn pane_lines(
    article: &Article,
    claim: usize,
    kind: StanceKind,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(claim) = article.claims.get(claim) else {
        return Vec::new();
    };
    let list = match kind {
        StanceKind::Asserts => &claim.asserted_by,
        StanceKind::Denies => &claim.denied_by,
    };
    let mut lines = Vec::new();
    for (i, stance) in list.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.extend(stance_lines(article, stance, kind, theme));
    }
    if lines.is_empty() {
        let none = match kind {
            StanceKind::Asserts => "No one asserts this claim.",
            StanceKind::Denies => "No one denies this claim.",
        };
        lines.push(Line::styled(none, theme.dim));
    }
    lines
}

/// How many lines (before wrapping) the pane has, for scrolling.
pub fn line_count(article: &Article, claim: usize, denied: bool) -> usize {
    let kind = if denied {
        StanceKind::Denies
    } else {
        StanceKind::Asserts
    };
    pane_lines(article, claim, kind, &Theme::default()).len()
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    article: &Article,
    view: &ArticleView,
    kind: StanceKind,
    theme: &Theme,
) {
    let (pane, scroll) = match kind {
        StanceKind::Asserts => (Pane::Asserted, view.stance_scroll[0]),
        StanceKind::Denies => (Pane::Denied, view.stance_scroll[1]),
    };
    let count = article.claims.get(view.claim).map_or(0, |c| match kind {
        StanceKind::Asserts => c.asserted_by.len(),
        StanceKind::Denies => c.denied_by.len(),
    });
    let title = Line::from(vec![
        Span::raw(" "),
        Span::styled(pane.title(), theme.stance(kind)),
        Span::raw(format!(" ({count}) ")),
    ]);
    let block = Block::bordered()
        .title(title)
        .border_style(if view.focus == pane {
            theme.focus
        } else {
            theme.border
        });
    let lines = pane_lines(article, view.claim, kind, theme);
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    let para = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(para, area);
}
