//! The article body pane: wrapped text with every claim's quote highlighted, the selected
//! claim emphasised, and the selected claim's stance quotes in their stance's style.

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{Article, StanceKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::ArticleView;
use super::layout::Pane;
use super::theme::Theme;
use crate::text;

/// One screen line of the body pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyLine {
    /// Part of the title (byte range of `Article::title`).
    Title(Range<usize>),
    /// Date, outlet and byline.
    Meta,
    Blank,
    /// Part of a paragraph (byte range of `Article::body`).
    Text(Range<usize>),
}

/// The longest line the body is wrapped to, however wide its pane: about what a book
/// sets, as longer lines are hard to follow back to the next one.
pub const MEASURE: usize = 80;

/// The body laid out for a pane `width` columns wide (at most [`MEASURE`]): title,
/// meta, a blank line, then the paragraphs wrapped, an empty line between two paragraphs.
pub fn lines(article: &Article, width: usize) -> Vec<BodyLine> {
    let width = width.min(MEASURE);
    let mut out: Vec<BodyLine> = text::wrap(&article.title, width)
        .into_iter()
        .map(BodyLine::Title)
        .collect();
    out.push(BodyLine::Meta);
    out.push(BodyLine::Blank);
    out.extend(
        text::wrap_paragraphs(&article.body, width)
            .into_iter()
            .map(BodyLine::Text),
    );
    out
}

/// The line that shows byte `at` of the body (or the nearest line after it).
pub fn line_of(lines: &[BodyLine], at: usize) -> Option<usize> {
    lines
        .iter()
        .position(|l| matches!(l, BodyLine::Text(r) if at < r.end))
}

/// The meta line's text: date · outlet · byline.
fn meta(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &article.published {
        parts.push(p.date().to_string());
    }
    if let Some(o) = &article.outlet {
        parts.push(o.clone());
    }
    if !article.byline.is_empty() {
        parts.push(format!("by {}", article.byline.join(", ")));
    }
    text::sanitize(&parts.join(" · ")).into_owned()
}

/// A fragment of a wrapped line made safe, white space shown as wrapping measured it.
fn clean(s: &str) -> Cow<'_, str> {
    text::flatten(s)
}

/// How a stance's words are marked in the body, besides their colour.
pub fn stance_mark(kind: StanceKind) -> Modifier {
    match kind {
        StanceKind::Asserts => Modifier::ITALIC,
        StanceKind::Denies => Modifier::BOLD,
    }
}

/// Highlighted byte ranges of the body, most important first.
fn highlights(article: &Article, selected: usize, theme: &Theme) -> Vec<(Range<usize>, Style)> {
    let mut out = Vec::new();
    if let Some(claim) = article.claims.get(selected) {
        if let Some(r) = &claim.anchor {
            out.push((r.clone(), theme.claim_selected));
        }
        for (kind, stance) in claim.stances() {
            if let Some(r) = &stance.anchor {
                // Apart without colour too; not struck through, which reads as "retracted".
                let mark = stance_mark(kind);
                out.push((r.clone(), theme.stance(kind).add_modifier(mark)));
            }
        }
    }
    for claim in &article.claims {
        if let Some(r) = &claim.anchor {
            out.push((r.clone(), theme.claim));
        }
    }
    out
}

/// Spans of one body line, split wherever a highlight starts or ends.
fn styled(body: &str, line: &Range<usize>, marks: &[(Range<usize>, Style)]) -> Line<'static> {
    let mut cuts = vec![line.start, line.end];
    for (r, _) in marks {
        for b in [r.start, r.end] {
            if b > line.start && b < line.end {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span<'static>> = cuts
        .windows(2)
        .filter_map(|w| {
            let piece = body.get(w[0]..w[1])?;
            let style = marks
                .iter()
                .find(|(r, _)| r.start <= w[0] && w[0] < r.end)
                .map_or_else(Style::new, |(_, s)| *s);
            Some(Span::styled(clean(piece).into_owned(), style))
        })
        .collect();
    Line::from(spans)
}

/// Draws the body; returns its largest first line at this size, for key handling.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    article: &Article,
    view: &ArticleView,
    theme: &Theme,
) -> usize {
    let focused = view.focus == Pane::Body;
    let block = theme.pane(focused, theme.border).title(" Article ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let all = lines(article, usize::from(inner.width));
    let marks = highlights(article, view.claim, theme);
    let height = usize::from(inner.height);
    let max = all.len().saturating_sub(height);
    let scroll = view.body_scroll.min(max);
    let shown: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(height)
        .map(|l| match l {
            BodyLine::Title(r) => Line::styled(
                clean(article.title.get(r.clone()).unwrap_or("")).into_owned(),
                theme.title,
            ),
            BodyLine::Meta => Line::styled(
                text::truncate(&meta(article), usize::from(inner.width)).into_owned(),
                theme.dim,
            ),
            BodyLine::Blank => Line::default(),
            BodyLine::Text(r) => styled(&article.body, r, &marks),
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    max
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_inside_a_paragraph_never_reach_the_screen() {
        assert_eq!(clean("a\nb\tc"), "a b c");
        assert!(!clean("x\u{1b}[31my").contains('\u{1b}'));
    }
}
