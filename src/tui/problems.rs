//! The problems list: files that failed to load, each with its diagnostics.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use std::path::Path;

use crate::diagnostic::Tally;
use crate::{Diagnostic, Severity};

use super::app::{App, ListFocus};
use super::library::Library;
use super::theme::Theme;
use crate::text;

/// One file's diagnostics, each as the compiler-style headline, its source line and caret.
pub fn file_lines(
    path: &Path,
    diagnostics: &[Diagnostic],
    hidden: Tally,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for d in diagnostics {
        let style = match d.severity {
            Severity::Error => theme.error,
            Severity::Warning => theme.warning,
        };
        let shown = d.to_string();
        for (i, l) in shown.lines().enumerate() {
            let l = text::sanitize(l).into_owned();
            out.push(if i == 0 {
                Line::styled(l, style)
            } else {
                Line::raw(format!("  {l}"))
            });
        }
    }
    if hidden.total() > 0 {
        out.push(Line::raw(format!(
            "  … {} more not shown ({} errors, {} warnings)",
            hidden.total(),
            hidden.errors,
            hidden.warnings
        )));
    }
    if diagnostics.is_empty() {
        out.push(Line::styled(
            format!(
                "{}: could not be loaded",
                text::sanitize(&path.display().to_string())
            ),
            theme.error,
        ));
    }
    out
}

/// How many lines the pane gives one problem.
pub fn lines_of(problem: &super::library::Problem, theme: &Theme) -> usize {
    file_lines(&problem.path, &problem.diagnostics, problem.hidden, theme).len()
}

/// The text of the pane: every rejected file's diagnostics.
fn lines(library: &Library, theme: &Theme) -> Vec<Line<'static>> {
    library
        .problems()
        .iter()
        .flat_map(|p| file_lines(&p.path, &p.diagnostics, p.hidden, theme))
        .collect()
}

pub fn line_count(library: &Library, theme: &Theme) -> usize {
    lines(library, theme).len()
}

/// Draws the pane; returns its largest first line (one of the pane's lines, as
/// `problems_scroll` counts them and the editor key reads them), measured with the
/// lines wrapped at the width drawn, for key handling to clamp against.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) -> usize {
    let theme = &app.theme;
    let focused = app.list_focus == ListFocus::Problems;
    let count = app.library.problem_count();
    let files = if count == 1 { "file" } else { "files" };
    let hint = if focused { "" } else { " (Tab to focus)" };
    let block = theme
        .pane(focused, theme.error)
        .title(format!(" Problems: {count} {files} not loaded{hint} "));
    let inner = block.inner(area);
    let all = lines(&app.library, theme);
    let max = last_first_line(&all, inner.width, usize::from(inner.height));
    let shown: Vec<Line> = all.into_iter().skip(app.problems_scroll.min(max)).collect();
    frame.render_widget(
        Paragraph::new(shown)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
    max
}

/// The first of the last lines that fill `height` rows once wrapped at `width`: the
/// last page stays full and ends on the last line.
fn last_first_line(lines: &[Line], width: u16, height: usize) -> usize {
    let mut room = height;
    let mut first = lines.len();
    while let Some(line) = first.checked_sub(1).and_then(|i| lines.get(i)) {
        let rows = Paragraph::new(line.clone())
            .wrap(Wrap { trim: false })
            .line_count(width);
        if rows > room {
            break;
        }
        room -= rows;
        first -= 1;
    }
    first.min(lines.len().saturating_sub(1))
}
