//! The claims pane: each claim's status badge (and a `[suggested]` badge for a claim
//! no person has reviewed) and statement; the selected one in full, with whom it is about.

use std::ops::Range;

use crate::model::{Article, Claim, Status};
use crate::summary::ClaimSummary;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::ArticleView;
use super::layout::Pane;
use super::theme::Theme;
use crate::text;

/// `[contested]` and the like: the status in words, so it reads without colour.
pub fn badge(status: Status) -> String {
    format!("[{}]", status.as_str())
}

/// Marks a claim (and its stances) that a program proposed and no person has
/// reviewed: words, so it reads without colour, beside the status badge.
pub const SUGGESTED_BADGE: &str = "[suggested]";

/// The claim's status as the library's summary resolves it, as the export shows it.
fn status_of(article: &Article, claim: &Claim) -> Status {
    ClaimSummary::of(article, claim).status
}

/// The badges before a statement: the status, then `[suggested]` where it applies.
fn badges(claim: &Claim, status: Status, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(badge(status), theme.status(status))];
    if claim.suggested {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(SUGGESTED_BADGE, theme.suggested));
    }
    spans
}

/// The display width of [`badges`].
fn badges_width(claim: &Claim, status: Status) -> usize {
    let suggested = if claim.suggested {
        1 + SUGGESTED_BADGE.len()
    } else {
        0
    };
    badge(status).len() + suggested
}

/// `about: Donald Trump; Vladimir Putin` under the selected claim, if it names subjects.
fn about_line(article: &Article, claim: &Claim) -> Option<String> {
    let names = ClaimSummary::of(article, claim).about_names("; ");
    (!names.is_empty()).then(|| text::sanitize(&names).into_owned())
}

const MARK_SELECTED: &str = "▶ ";
const MARK_OTHER: &str = "  ";
const INDENT: usize = 4;

/// The statement's continuation lines when the claim is selected and does not fit.
fn more_lines(article: &Article, claim: &Claim, width: usize) -> Vec<Range<usize>> {
    let badges = badges_width(claim, status_of(article, claim));
    let first_room = width.saturating_sub(text::width(MARK_OTHER) + badges + 1);
    if text::width(&claim.statement) <= first_room {
        return Vec::new();
    }
    text::wrap(&claim.statement, width.saturating_sub(INDENT).max(1))
}

/// Which lines of the pane each claim takes.
pub fn rows(article: &Article, selected: usize, width: usize) -> Vec<Range<usize>> {
    let mut at = 0;
    article
        .claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let n = 1 + if i == selected {
                let about = usize::from(about_line(article, claim).is_some());
                more_lines(article, claim, width).len() + about
            } else {
                0
            };
            at += n;
            at - n..at
        })
        .collect()
}

/// The first line shown: as little scrolling as keeps the selected claim in view.
pub fn offset(rows: &[Range<usize>], selected: usize, height: usize) -> usize {
    rows.get(selected)
        .map_or(0, |r| r.end.saturating_sub(height.max(1)).min(r.start))
}

pub fn draw(frame: &mut Frame, area: Rect, article: &Article, view: &ArticleView, theme: &Theme) {
    let focused = view.focus == Pane::Claims;
    let title = format!(
        " Claims ({}/{}) ",
        (view.claim + 1).min(article.claims.len()),
        article.claims.len()
    );
    let block = theme.pane(focused, theme.border).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    if article.claims.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("No claims annotated.", theme.dim)),
            inner,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    for (i, claim) in article.claims.iter().enumerate() {
        let selected = i == view.claim;
        let status = status_of(article, claim);
        let mark = if selected { MARK_SELECTED } else { MARK_OTHER };
        let room = width.saturating_sub(text::width(mark) + badges_width(claim, status) + 1);
        let statement = text::sanitize(&claim.statement);
        let line_style = if selected {
            theme.selection
        } else {
            Default::default()
        };
        let more = if selected {
            more_lines(article, claim, width)
        } else {
            Vec::new()
        };
        // A long selected statement gets lines of its own, in full, under the badge.
        let head = if more.is_empty() {
            text::truncate(&statement, room).into_owned()
        } else {
            String::new()
        };
        let mut first = vec![Span::raw(mark)];
        first.extend(badges(claim, status, theme));
        first.push(Span::raw(" "));
        first.push(Span::raw(head));
        lines.push(Line::from(first).style(line_style));
        for r in more {
            let piece = text::sanitize(claim.statement.get(r).unwrap_or(""));
            lines.push(Line::from(format!("{}{piece}", " ".repeat(INDENT))).style(line_style));
        }
        if selected && let Some(about) = about_line(article, claim) {
            let about = text::truncate(&about, width.saturating_sub(INDENT + 7)).into_owned();
            lines.push(
                Line::from(vec![
                    Span::styled(format!("{}about: ", " ".repeat(INDENT)), theme.dim),
                    Span::raw(about),
                ])
                .style(line_style),
            );
        }
    }
    let rows = rows(article, view.claim, width);
    let skip = offset(&rows, view.claim, usize::from(inner.height));
    let shown: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
