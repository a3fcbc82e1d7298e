//! The export prompt: a small box over the screen asking for the format, or whether
//! to replace a file that exists.

use crate::export::Format;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::app::{App, Prompt};
use super::export::format_key;
use super::help::centered;

fn what(rows: usize) -> String {
    match rows {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}

fn format_lines(app: &App, rows: usize, choice: usize) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for (i, format) in Format::ALL.into_iter().enumerate() {
        let label = format!(
            "[{}] {:<9} .{}",
            format_key(format),
            name(format),
            format.extension()
        );
        // The choice is marked with an arrow as well as the style, so it reads without colour.
        lines.push(if i == choice {
            Line::styled(format!("▶ {label}"), theme.selection)
        } else {
            Line::raw(format!("  {label}"))
        });
    }
    let folder = text::sanitize(&app.config.export_folder.display().to_string()).into_owned();
    lines.push(Line::styled(format!("  into {folder}"), theme.dim));
    lines.push(Line::styled("  Enter export · Esc cancel", theme.dim));
    (format!(" Export {} as ", what(rows)), lines)
}

fn name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Json => "JSON",
        Format::Csv => "CSV",
    }
}

fn overwrite_lines(app: &App, path: &std::path::Path) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let shown = text::sanitize(&path.display().to_string()).into_owned();
    let lines = vec![
        Line::raw(format!(" {shown}")),
        Line::raw(" already exists."),
        Line::from(vec![
            Span::styled(" Overwrite? ", theme.warning),
            Span::styled("y/n", theme.focus),
        ]),
    ];
    (" Export ".to_string(), lines)
}

fn actor_lines(
    app: &App,
    choices: &[(crate::model::ActorId, String)],
    choice: usize,
) -> (String, Vec<Line<'static>>) {
    let mut lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, (_, label))| {
            let label = text::truncate(&text::sanitize(label), 60).into_owned();
            let n = if i < 9 {
                format!("[{}]", i + 1)
            } else {
                "   ".to_string()
            };
            if i == choice {
                Line::styled(format!("▶ {n} {label}"), app.theme.selection)
            } else {
                Line::raw(format!("  {n} {label}"))
            }
        })
        .collect();
    lines.push(Line::styled("  Enter open · Esc cancel", app.theme.dim));
    (" Whose page? ".to_string(), lines)
}

fn review_lines(app: &App, accept: bool, count: usize) -> (String, Vec<Line<'static>>) {
    let verb = if accept { "Accept" } else { "Reject" };
    let lines = vec![
        Line::raw(format!(
            " {verb} all {count} suggested claim(s) of this article?"
        )),
        Line::from(vec![
            Span::styled(" The file is edited. ", app.theme.warning),
            Span::styled("y/n", app.theme.focus),
        ]),
    ];
    (format!(" {verb} all "), lines)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, prompt: &Prompt) {
    let (title, lines) = match prompt {
        Prompt::Format { ids, choice, .. } => format_lines(app, ids.len(), *choice),
        Prompt::Actor { choices, choice } => actor_lines(app, choices, *choice),
        Prompt::Overwrite { path, .. } => overwrite_lines(app, path),
        Prompt::ReviewAll { accept, count } => review_lines(app, *accept, *count),
    };
    let widest = lines
        .iter()
        .map(Line::width)
        .chain([text::width(&title)])
        .max()
        .unwrap_or(0);
    let w = u16::try_from(widest + 4).unwrap_or(u16::MAX);
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, w, h);
    let block = Block::bordered().title(title).border_style(app.theme.focus);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}
