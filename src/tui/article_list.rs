//! The article list: date, title, outlet, claims and contested claims, one row per article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, ListFocus, Loading};
use super::library::{Row, Slot};
use crate::text;

const DATE: usize = 10;
const MARK: &str = "▶ ";

/// Column widths for a list `width` columns wide: (title, outlet, counts separate?).
struct Columns {
    title: usize,
    outlet: usize,
    wide_counts: bool,
}

impl Columns {
    fn for_width(width: usize) -> Columns {
        let wide_counts = width >= 56;
        // Mark, date and a space; the counts; the outlet and its space.
        let counts = if wide_counts { 19 } else { 7 };
        let outlet = if width >= 70 { (width / 5).min(24) } else { 0 };
        let fixed = 2 + DATE + 1 + counts + if outlet > 0 { outlet + 1 } else { 0 };
        Columns {
            title: width.saturating_sub(fixed).max(1),
            outlet,
            wide_counts,
        }
    }
}

fn cell(s: &str, width: usize) -> String {
    text::pad(&text::truncate(s, width), width)
}

fn header(cols: &Columns) -> String {
    let mut h = format!("  {} {}", cell("Date", DATE), cell("Title", cols.title));
    if cols.outlet > 0 {
        h.push(' ');
        h.push_str(&cell("Outlet", cols.outlet));
    }
    if cols.wide_counts {
        h.push_str("  Claims  Contested");
    } else {
        h.push_str("  Cl/Co");
    }
    h
}

fn row_line<'a>(row: &Row, slot: Slot, cols: &Columns, selected: bool, app: &App) -> Line<'a> {
    let theme = &app.theme;
    let unread = !app.read.is_read(&row.id);
    // The selection arrow, then a dot for unread: both readable without colour.
    let mark = match (selected, unread) {
        (true, true) => "▶•",
        (true, false) => MARK,
        (false, true) => " •",
        (false, false) => "  ",
    };
    let title_style = if unread {
        ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD)
    } else {
        ratatui::style::Style::new()
    };
    // While searching, each row says where it matched, in place of its title's end.
    let why = app
        .search
        .why(slot)
        .map(|w| format!(" ({})", w.label()))
        .filter(|w| text::width(w) + 8 <= cols.title);
    let title_width = cols.title - why.as_ref().map_or(0, |w| text::width(w));
    let mut spans = vec![
        Span::raw(mark),
        Span::styled(cell(row.date(), DATE), theme.dim),
        Span::raw(" "),
        Span::styled(cell(&row.title, title_width), title_style),
    ];
    if let Some(why) = why {
        spans.push(Span::styled(why, theme.dim));
    }
    if cols.outlet > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(cell(&row.outlet, cols.outlet), theme.dim));
    }
    let contested_style = if row.contested > 0 {
        theme.contested
    } else {
        theme.dim
    };
    if cols.wide_counts {
        spans.push(Span::raw(format!("  {:>6}", row.claims)));
        spans.push(Span::styled(
            format!("  {:>9}", row.contested),
            contested_style,
        ));
    } else {
        spans.push(Span::raw(format!("  {:>2}/", row.claims.min(99))));
        spans.push(Span::styled(
            format!("{:<2}", row.contested.min(99)),
            contested_style,
        ));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selection)
    } else {
        line
    }
}

fn title(app: &App) -> String {
    let total = app.library.len();
    let mut t = if app.search.query.is_empty() {
        format!(" Articles ({total}) ")
    } else {
        let q = text::truncate(&text::sanitize(&app.search.query), 20).into_owned();
        format!(" Articles ({} of {total} match “{q}”) ", app.visible.len())
    };
    if let Loading::Running { done, total } = &app.loading {
        let of = total.map(|t| format!("/{t}")).unwrap_or_default();
        t.push_str(&format!("loading {done}{of}… "));
    }
    t
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.list_focus == ListFocus::Articles;
    let theme = &app.theme;
    let block = theme.pane(focused, theme.border).title(title(app));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = Columns::for_width(usize::from(inner.width));
    let mut lines = vec![Line::styled(header(&cols), theme.title)];
    if app.visible.is_empty() {
        let note = if !app.search.query.is_empty() {
            "No article matches the search. Esc clears it.".to_string()
        } else if matches!(app.loading, Loading::Running { .. }) {
            "Loading…".to_string()
        } else {
            "No article loaded: see the problems below.".to_string()
        };
        lines.push(Line::styled(format!("  {note}"), theme.dim));
    }
    // The page and first row by the functions key handling uses: a stale offset
    // (the list changed under it) still shows the selection and a full page.
    let page = super::layout::list_page(area);
    let offset = super::layout::list_offset(app.selected, app.list_offset, app.visible.len(), page);
    for (pos, &i) in app.visible.iter().enumerate().skip(offset).take(page) {
        if let Some(row) = app.library.row(i) {
            lines.push(row_line(row, i, &cols, pos == app.selected, app));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
