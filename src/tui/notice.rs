//! Whole-screen notes: the terminal is too small, or there is nothing to read yet.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::text;

pub fn too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small ({}×{}). whosaid needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

/// The friendly screen for a missing or empty articles folder: what to write, and where.
pub fn no_articles(frame: &mut Frame, area: Rect, app: &App, reason: &str) {
    let theme = &app.theme;
    let dir = text::sanitize(&app.articles_dir.display().to_string()).into_owned();
    let lines = vec![
        Line::styled("Nothing to read yet", theme.title),
        Line::default(),
        Line::raw(text::sanitize(reason).into_owned()),
        Line::default(),
        Line::raw(format!(
            "whosaid reads annotated articles: one TOML file per article in {dir}/"
        )),
        Line::raw("(or the folder given with --articles DIR). A minimal file:"),
        Line::default(),
        Line::styled(
            "  title = \"Kremlin denies reports of a Trump-Putin call\"",
            theme.focus,
        ),
        Line::styled(
            "  body = \"\"\"The Post reported the call. Peskov called it \"pure fiction\".\"\"\"",
            theme.focus,
        ),
        Line::styled("  [actors.wapo]", theme.focus),
        Line::styled("  name = \"The Washington Post\"", theme.focus),
        Line::styled("  kind = \"outlet\"", theme.focus),
        Line::styled("  [actors.peskov]", theme.focus),
        Line::styled("  name = \"Dmitry Peskov\"", theme.focus),
        Line::styled("  kind = \"person\"", theme.focus),
        Line::styled("  [[claims]]", theme.focus),
        Line::styled("  id = \"call\"", theme.focus),
        Line::styled(
            "  statement = \"Trump and Putin spoke by phone.\"",
            theme.focus,
        ),
        Line::styled(
            "  asserted_by = [{ actor = \"wapo\", cue = \"reported\" }]",
            theme.focus,
        ),
        Line::styled(
            "  denied_by = [{ actor = \"peskov\", quote = \"pure fiction\" }]",
            theme.focus,
        ),
        Line::default(),
        Line::raw("Check files with `whosaid check`. Press q to quit."),
    ];
    let block = Block::bordered()
        .title(" whosaid ")
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
