//! The export key: the format and overwrite questions, and the write itself, which
//! reads the files in view again and hands them to the library's writers.

use std::path::Path;

use crate::export::{self, ExportError, Format};
use crate::load;
use crate::model::Article;
use crate::summary;

use super::app::{App, Effect, ExportRequest, Prompt};
use super::keymap::Command;

/// The key that picks each format at the prompt, in [`Format::ALL`] order.
pub fn format_key(format: Format) -> char {
    match format {
        Format::Markdown => 'm',
        Format::Json => 'j',
        Format::Csv => 'c',
    }
}

impl App {
    /// A key at the export prompt.
    pub fn answer_prompt(&mut self, command: Command) -> Option<Effect> {
        match self.prompt.take()? {
            Prompt::Format { rows, choice } => {
                let chosen = match command {
                    Command::PromptChar(c) => Format::ALL
                        .into_iter()
                        .position(|f| format_key(f) == c.to_ascii_lowercase()),
                    Command::PromptAccept => Some(choice),
                    Command::PromptMove(d) => {
                        let n = Format::ALL.len() as isize;
                        let to = (choice as isize + isize::from(d)).rem_euclid(n) as usize;
                        self.prompt = Some(Prompt::Format { rows, choice: to });
                        return None;
                    }
                    _ => {
                        self.message = Some("Export cancelled.".to_string());
                        return None;
                    }
                };
                let Some(format) = chosen.and_then(|i| Format::ALL.get(i).copied()) else {
                    // Another letter: keep asking.
                    self.prompt = Some(Prompt::Format { rows, choice });
                    return None;
                };
                Some(Effect::Export(ExportRequest {
                    rows,
                    format,
                    overwrite: false,
                }))
            }
            Prompt::Overwrite { request, path } => match command {
                Command::PromptChar('y' | 'Y') => Some(Effect::Export(request)),
                Command::PromptChar('n' | 'N') | Command::PromptCancel => {
                    self.message =
                        Some(format!("Not exported: {} left as it was.", path.display()));
                    None
                }
                // Only y or n answer: an overwrite must never happen by accident.
                _ => {
                    self.prompt = Some(Prompt::Overwrite { request, path });
                    None
                }
            },
        }
    }
}

/// Writes the export `request` asks for, and says how it went: the path written, the
/// overwrite question when the file exists, or why nothing was written.
pub fn carry_out(app: &mut App, request: ExportRequest) {
    let outcome = write(app, &request);
    app.message = None;
    match outcome {
        Ok((path, skipped)) => {
            let n = request.rows.len() - skipped;
            let mut m = format!(
                "Exported {n} article{} as {} to {}",
                if n == 1 { "" } else { "s" },
                request.format,
                path.display()
            );
            if skipped > 0 {
                m.push_str(&format!(" ({skipped} left out: the file no longer loads)"));
            }
            app.message = Some(m);
        }
        Err(Failure::Export(ExportError::Exists(path))) => {
            app.prompt = Some(Prompt::Overwrite {
                request: ExportRequest {
                    overwrite: true,
                    ..request
                },
                path,
            });
        }
        Err(Failure::Export(e)) => app.message = Some(format!("Export failed: {e}")),
        Err(Failure::NothingLoads) => {
            app.message = Some("Nothing exported: the files in view no longer load.".to_string());
        }
    }
}

enum Failure {
    Export(ExportError),
    NothingLoads,
}

/// The write itself: returns the path written and how many files were left out.
fn write(app: &App, request: &ExportRequest) -> Result<(std::path::PathBuf, usize), Failure> {
    // The open article is exported as it is on screen; a list is read again (in
    // parallel), since the reader keeps no article of the list in memory.
    let open = app.open_article().filter(|_| {
        request.rows.len() == 1 && app.open_view().map(|v| v.row) == request.rows.first().copied()
    });
    let read: Vec<Article>;
    let articles: Vec<&Article> = match open {
        Some(article) => vec![article],
        None => {
            let sources: Vec<_> = request
                .rows
                .iter()
                .filter_map(|&r| app.library.rows().get(r).map(|row| row.source()))
                .collect();
            read = load::load_all(&sources, &|_| {})
                .into_iter()
                .filter_map(|l| l.article)
                .collect();
            read.iter().collect()
        }
    };
    if articles.is_empty() {
        return Err(Failure::NothingLoads);
    }
    let skipped = request.rows.len() - articles.len();
    let summaries = summary::summarize(articles);
    let stem = export::default_stem(&summaries);
    let folder: &Path = &app.config.export_folder;
    export::write_file(
        folder,
        &stem,
        request.format,
        &summaries,
        &app.articles_dir,
        request.overwrite,
    )
    .map(|path| (path, skipped))
    .map_err(Failure::Export)
}
