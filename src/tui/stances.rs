//! The asserted-by and denied-by panes: for the selected claim, each stance's actor
//! (name, role, kind), the chain it came through, the cue and the quote, as the
//! library's summary resolves them (the same summary the export writers read).

use crate::model::{Actor, Article, StanceKind};
use crate::summary::{ClaimSummary, StanceSummary};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::ArticleView;
use super::claims::SUGGESTED_BADGE;
use super::layout::Pane;
use super::theme::Theme;
use crate::text;

fn name(actor: &Actor) -> String {
    text::sanitize(&actor.name).into_owned()
}

/// `value` after `prefix` (a dim label), wrapped to `width` columns with a hanging
/// indent: continuation lines start under the value, not at the pane's edge.
fn hanging(
    prefix: &str,
    value: &str,
    style: Style,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = text::width(prefix);
    let room = width.saturating_sub(indent).max(8);
    text::wrap(value, room)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let lead = if i == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![
                Span::styled(lead, theme.dim),
                Span::styled(value[r].trim_end().to_string(), style),
            ])
        })
        .collect()
}

fn stance_lines(
    stance: &StanceSummary,
    suggested: bool,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let kind = stance.kind;
    let sign = match kind {
        StanceKind::Asserts => "+ asserts",
        StanceKind::Denies => "− denies",
    };
    let mut head = Vec::new();
    // A stance of an unreviewed claim is as unreviewed as the claim: the badge
    // comes first, where a narrow pane cannot wrap it away from the name.
    if suggested {
        head.push(Span::styled(SUGGESTED_BADGE, theme.suggested));
        head.push(Span::raw(" "));
    }
    head.push(Span::styled(name(stance.actor), theme.stance(kind)));
    head.push(Span::styled(format!("  {sign}"), theme.dim));
    let mut lines = vec![Line::from(head)];
    let mut who = String::new();
    if let Some(role) = stance
        .actor
        .role
        .as_deref()
        .filter(|r| !r.trim().is_empty())
    {
        who.push_str(&text::sanitize(role));
        who.push_str(", ");
    }
    who.push_str(stance.actor.kind.as_str());
    lines.extend(hanging("  ", &who, theme.dim, width, theme));
    let field = |label: &str, value: String, style: Style| {
        hanging(&format!("  {label}: "), &value, style, width, theme)
    };
    if !stance.via.is_empty() {
        let path = text::sanitize(&stance.path()).into_owned();
        lines.extend(field("via", path, Style::new()));
    }
    if let Some(cue) = stance.cue {
        lines.extend(field("cue", text::sanitize(cue).into_owned(), Style::new()));
    }
    if let Some(quote) = stance.quote {
        lines.extend(field(
            "quote",
            format!("“{}”", text::sanitize(quote)),
            theme.stance(kind),
        ));
    }
    lines
}

/// The selected claim's stances of one kind, resolved by the library's summary,
/// and whether the claim is suggested (unreviewed).
fn resolved(article: &Article, claim: usize, kind: StanceKind) -> (Vec<StanceSummary<'_>>, bool) {
    let Some(claim) = article.claims.get(claim) else {
        return (Vec::new(), false);
    };
    let summary = ClaimSummary::of(article, claim);
    let stances = match kind {
        StanceKind::Asserts => summary.asserted_by,
        StanceKind::Denies => summary.denied_by,
    };
    (stances, claim.suggested)
}

/// Every line of one pane, detail lines wrapped to `width` with a hanging indent.
fn pane_lines(
    stances: &[StanceSummary],
    suggested: bool,
    kind: StanceKind,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (i, stance) in stances.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.extend(stance_lines(stance, suggested, theme, width));
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

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    article: &Article,
    view: &ArticleView,
    kind: StanceKind,
    theme: &Theme,
) -> usize {
    let (pane, scroll) = match kind {
        StanceKind::Asserts => (Pane::Asserted, view.stance_scroll[0]),
        StanceKind::Denies => (Pane::Denied, view.stance_scroll[1]),
    };
    let (stances, suggested) = resolved(article, view.claim, kind);
    let count = stances.len();
    let title = Line::from(vec![
        Span::raw(" "),
        Span::styled(pane.title(), theme.stance(kind)),
        Span::raw(format!(" ({count}) ")),
    ]);
    let block = theme.pane(view.focus == pane, theme.border).title(title);
    // Measured as drawn: wrapped at the pane's inner width.
    let inner = block.inner(area);
    let lines = pane_lines(&stances, suggested, kind, theme, usize::from(inner.width));
    let wrapped = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(inner.width);
    let max = wrapped.saturating_sub(usize::from(inner.height));
    let scroll = scroll.min(max);
    // A pane cut off says so: at 80×24 the denials rarely fit.
    let block = if scroll < max {
        block.title_bottom(Line::from(" ↓ more ").right_aligned())
    } else {
        block
    };
    let para = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0));
    frame.render_widget(para, area);
    max
}
