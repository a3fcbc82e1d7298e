//! Drawing the provenance screens: every actor, an actor's page, every contested claim.
//! All article text goes through `text::sanitize`/`truncate`/`pad` (grapheme clusters,
//! display width, control characters shown visibly).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::index::{ClaimRef, Side};
use crate::model::{ActorId, StanceKind};
use crate::text;

use super::app::App;
use super::claims::{SUGGESTED_BADGE, badge};
use super::keymap::Action;
use super::provenance::{ActorPage, ActorsView, Column, ContestedView, Entry, page_lines};
use super::theme::Theme;

/// `s` made safe, cut and padded to exactly `width` columns.
fn cell(s: &str, width: usize) -> String {
    text::pad(&text::sanitize(s), width)
}

/// `s` made safe and cut to `width` columns.
fn cut(s: &str, width: usize) -> String {
    text::truncate(&text::sanitize(s), width).into_owned()
}

fn key(app: &App, action: Action) -> String {
    app.screen_bindings()
        .keys(action)
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The width of each column of the actors screen at `width`: name, kind, role (0:
/// hidden), and whether counts use long headers.
struct Widths {
    name: usize,
    kind: usize,
    role: usize,
    count: usize,
    short: bool,
}

impl Widths {
    fn of(width: usize) -> Widths {
        let short = width < 120;
        let count = if short { 5 } else { 9 };
        // Selection mark, flags, spaces, the kind and five counts.
        let kind = 12;
        let fixed = 2 + 2 + 1 + 1 + kind + 5 * (count + 1);
        let rest = width.saturating_sub(fixed);
        let (name, role) = if rest >= 30 {
            // Names and roles are a few words: past that, room is left blank at the end.
            let name = (rest * 3 / 5).min(48);
            (name, (rest - name - 1).min(56))
        } else {
            (rest.max(4), 0)
        };
        Widths {
            name,
            kind,
            role,
            count,
            short,
        }
    }
}

fn header(view: &ActorsView, w: &Widths) -> String {
    let title = |c: Column, width: usize, right: bool| {
        let mut t = c.title(w.short).to_string();
        if c == view.sort {
            let down = c.numeric() != view.reverse;
            t.push(if down { '▼' } else { '▲' });
        }
        if right {
            format!("{t:>width$}")
        } else {
            text::pad(&t, width)
        }
    };
    let mut h = format!(
        "    {} {}",
        title(Column::Name, w.name, false),
        title(Column::Kind, w.kind, false)
    );
    if w.role > 0 {
        h.push(' ');
        h.push_str(&title(Column::Role, w.role, false));
    }
    for c in [
        Column::Articles,
        Column::Asserted,
        Column::Denied,
        Column::Relayed,
        Column::About,
    ] {
        h.push(' ');
        h.push_str(&title(c, w.count, true));
    }
    h
}

pub fn draw_actors(frame: &mut Frame, area: Rect, app: &App, view: &ActorsView) {
    let theme = &app.theme;
    let total = view.all;
    let mut title = if view.query.is_empty() {
        format!(" Actors ({total}) ")
    } else {
        format!(
            " Actors ({} of {total} match “{}”) ",
            view.shown.len(),
            cut(&view.query, 20)
        )
    };
    title.push_str("· ! conflict · ≈ likely duplicate ");
    let block = theme.pane(true, theme.border).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let w = Widths::of(width);
    let mut lines = vec![Line::styled(cut(&header(view, &w), width), theme.title)];
    let page = usize::from(inner.height).saturating_sub(3).max(1);
    if view.shown.is_empty() {
        let note = if view.query.is_empty() {
            "No actor in the index yet.".to_string()
        } else {
            format!(
                "No actor matches. {} clears the search.",
                key(app, Action::Back)
            )
        };
        lines.push(Line::styled(format!("  {note}"), theme.dim));
    }
    for (pos, id) in view.shown.iter().enumerate().skip(view.offset).take(page) {
        // Rows in view were read; should one not be, it is left out.
        let Some(row) = view.rows.get(id) else {
            continue;
        };
        let a = &row.summary;
        let selected = pos == view.selected;
        let flags = format!(
            "{}{}",
            if a.conflict { "!" } else { " " },
            if row.duplicates.is_empty() {
                " "
            } else {
                "≈"
            }
        );
        let mut spans = vec![
            Span::raw(if selected { "▶ " } else { "  " }),
            Span::styled(flags, theme.warning),
            Span::raw(" "),
            Span::raw(cell(&a.name, w.name)),
            Span::raw(" "),
            Span::styled(cell(&a.kind, w.kind), theme.dim),
        ];
        if w.role > 0 {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                cell(a.role.as_deref().unwrap_or(""), w.role),
                theme.dim,
            ));
        }
        let count = |n: u64, style: Style| {
            let width = w.count;
            Span::styled(format!(" {n:>width$}"), style)
        };
        spans.push(count(a.articles, Style::new()));
        spans.push(count(a.asserted, theme.asserted));
        spans.push(count(a.denied, theme.denied));
        spans.push(count(a.relayed, Style::new()));
        spans.push(count(a.about, Style::new()));
        let line = Line::from(spans);
        lines.push(if selected {
            line.style(theme.selection)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    // The selected actor's conflicts and likely duplicates, at the foot.
    let foot = inner.height.min(2);
    let rect = Rect::new(inner.x, inner.y + inner.height - foot, inner.width, foot);
    // Each detail wrapped at the width; what does not fit the foot ends in `…`.
    let mut details: Vec<Line> = Vec::new();
    for d in &view.details {
        let style = if d.starts_with(['!', '≈']) {
            theme.warning
        } else {
            theme.dim
        };
        for range in text::wrap(d, width) {
            details.push(Line::styled(text::flatten(&d[range]).into_owned(), style));
        }
    }
    if details.len() > usize::from(foot) {
        details.truncate(usize::from(foot));
        if let Some(last) = details.last_mut() {
            let shown = format!("{last}…");
            *last = Line::styled(cut(&shown, width), last.style);
        }
    }
    frame.render_widget(Paragraph::new(details), rect);
}

/// `2024-11-11` of an article, or blanks.
fn date(c: &ClaimRef) -> String {
    let d = c.article.published.as_deref().unwrap_or("");
    text::pad(d.get(..10).unwrap_or(d), 10)
}

/// The badges and the statement, cut to `width`.
fn claim_spans(c: &ClaimRef, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(badge(c.status), theme.status(c.status))];
    let mut used = badge(c.status).len();
    if c.suggested {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(SUGGESTED_BADGE, theme.suggested));
        used += 1 + SUGGESTED_BADGE.len();
    }
    spans.push(Span::raw(" "));
    spans.push(Span::raw(cut(
        &text::flatten(&c.statement),
        width.saturating_sub(used + 1),
    )));
    spans
}

fn kind_span(kind: StanceKind, theme: &Theme) -> Span<'static> {
    let label = match kind {
        StanceKind::Asserts => "+ asserts",
        StanceKind::Denies => "− denies ",
    };
    Span::styled(label, theme.stance(kind))
}

fn names(page: &ActorPage, ids: &[ActorId]) -> String {
    ids.iter()
        .map(|id| page.name_of(id).to_string())
        .collect::<Vec<_>>()
        .join(" ← ")
}

fn side_names(sides: &[Side]) -> String {
    sides
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The two lines of one entry of an actor's page.
fn entry_lines(
    page: &ActorPage,
    entry: &Entry,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> [Line<'static>; 2] {
    let c = entry.claim();
    let mark = if selected { "▶ " } else { "  " };
    // Mark, date, a space: the second line starts under the statement.
    let indent = " ".repeat(13);
    let mut first = vec![
        Span::raw(mark),
        Span::styled(date(c), theme.dim),
        Span::raw(" "),
    ];
    let room = width.saturating_sub(13);
    let mut second: Vec<String> = Vec::new();
    match entry {
        Entry::Stance(s) => {
            first.push(kind_span(s.kind, theme));
            first.push(Span::raw(" "));
            first.extend(claim_spans(c, room.saturating_sub(10), theme));
            if !s.via.is_empty() {
                second.push(format!("via {}", names(page, &s.via)));
            }
            if let Some(cue) = &s.cue {
                second.push(format!("cue: {cue}"));
            }
            if let Some(q) = &s.quote {
                second.push(format!("“{}”", text::flatten(q)));
            }
        }
        Entry::Relay(r) => {
            first.extend(claim_spans(c, room, theme));
            let mut chain = vec![r.by.clone()];
            chain.extend(r.via.iter().cloned());
            second.push(format!(
                "{} {} via {}",
                page.name_of(&r.by),
                r.kind.as_str(),
                { names(page, &chain[1..]) }
            ));
        }
        Entry::About(a) => {
            first.extend(claim_spans(c, room, theme));
            if !a.asserters.is_empty() {
                second.push(format!("+ {}", side_names(&a.asserters)));
            }
            if !a.deniers.is_empty() {
                second.push(format!("− {}", side_names(&a.deniers)));
            }
            if a.asserters.is_empty() && a.deniers.is_empty() {
                second.push("nobody asserts or denies it".to_string());
            }
        }
    }
    second.push(format!("in “{}”", text::flatten(&c.article.title)));
    let second = Line::from(vec![
        Span::raw(indent),
        Span::styled(cut(&second.join(" · "), room), theme.dim),
    ]);
    let first = Line::from(first);
    if selected {
        [first.style(theme.selection), second]
    } else {
        [first, second]
    }
}

pub fn draw_actor(frame: &mut Frame, area: Rect, app: &App, page: &ActorPage) {
    let theme = &app.theme;
    let title = format!(" {} ", cut(&page.name, 60));
    let block = theme.pane(true, theme.border).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let mut about = vec![page.id.to_string(), page.kind.clone()];
    if let Some(role) = &page.role {
        about.push(role.clone());
    }
    let articles = page.declared;
    about.push(format!(
        "in {articles} article{}",
        if articles == 1 { "" } else { "s" }
    ));
    let [s, r, a] = page.sections;
    let titles = [
        format!("Asserted or denied ({s})"),
        format!("Relayed by others ({r})"),
        format!("Claims about them ({a})"),
    ];
    let empty = [
        "Takes no stance in any article.",
        "Nobody relays them.",
        "No claim is about them.",
    ];
    // Only the lines in view are made: a page may list thousands of entries.
    let (from, to) = (page.offset, page.offset + height);
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let mut put = |at: usize, make: &mut dyn FnMut() -> Line<'static>| {
        if (from..to).contains(&at) {
            lines.push(make());
        }
    };
    put(0, &mut || {
        Line::styled(cut(&about.join(" · "), width), theme.title)
    });
    put(1, &mut || {
        Line::styled(
            cut(
                &format!(
                    "{} opens the claim · {} back · {} exports what is listed",
                    key(app, Action::Open),
                    key(app, Action::Back),
                    key(app, Action::Export)
                ),
                width,
            ),
            theme.dim,
        )
    });
    let mut at = page_lines::HEADER;
    let mut before = 0;
    for (section, n) in page.sections.into_iter().enumerate() {
        put(at, &mut || Line::default());
        put(at + 1, &mut || {
            Line::styled(cut(&titles[section], width), theme.focus)
        });
        at += 2;
        if n == 0 {
            put(at, &mut || {
                Line::styled(format!("  {}", empty[section]), theme.dim)
            });
            put(at + 1, &mut || Line::default());
            at += page_lines::ENTRY;
        }
        // Entries wholly above the view are skipped without being drawn.
        let skip = from.saturating_sub(at) / page_lines::ENTRY;
        for i in skip.min(n)..n {
            if at + (i * page_lines::ENTRY) >= to {
                break;
            }
            let e = before + i;
            // Stances in view were fetched; should one not be, its lines stay blank.
            let [l1, l2] = match page.entry(e) {
                Some(entry) => entry_lines(page, entry, e == page.selected, width, theme),
                None => Default::default(),
            };
            let line = at + i * page_lines::ENTRY;
            let mut l1 = Some(l1);
            let mut l2 = Some(l2);
            put(line, &mut || l1.take().unwrap_or_default());
            put(line + 1, &mut || l2.take().unwrap_or_default());
        }
        at += n * page_lines::ENTRY;
        before += n;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_contested(frame: &mut Frame, area: Rect, app: &App, view: &ContestedView) {
    let theme = &app.theme;
    let title = format!(" Contested claims ({}) ", view.total);
    let block = theme.pane(true, theme.border).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let half = width.saturating_sub(13) / 2;
    let mut lines = vec![Line::styled(
        cut(
            &format!(
                "  {} {}{}",
                text::pad("Date", 10),
                text::pad("+ Asserted by", half),
                "− Denied by"
            ),
            width,
        ),
        theme.title,
    )];
    if view.total == 0 {
        lines.push(Line::styled("  No claim is contested.", theme.dim));
    }
    let rows = usize::from(inner.height).saturating_sub(1) / 2;
    // Only the claims in view were fetched.
    let shown =
        (view.offset..view.total.min(view.offset + rows)).filter_map(|p| Some((p, view.row(p)?)));
    for (pos, r) in shown {
        let selected = pos == view.selected;
        let c = &r.claim;
        let mut first = vec![
            Span::raw(if selected { "▶ " } else { "  " }),
            Span::styled(date(c), theme.dim),
            Span::raw(" "),
        ];
        first.extend(claim_spans(c, width.saturating_sub(13), theme));
        let first = Line::from(first);
        lines.push(if selected {
            first.style(theme.selection)
        } else {
            first
        });
        let left = format!("+ {}", side_names(&r.asserters));
        let right = format!("− {}", side_names(&r.deniers));
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(13)),
            Span::styled(cell(&left, half.saturating_sub(1)), theme.asserted),
            Span::raw(" "),
            Span::styled(cut(&right, width.saturating_sub(13 + half)), theme.denied),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
