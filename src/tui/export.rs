//! The export key: the format and overwrite questions, and the write itself, which
//! reads the files in view again and hands them to the library's writers.

use std::path::PathBuf;

use crate::export::{self, ExportError, Format};
use crate::load::{self, SourceFile};
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
            Prompt::ReviewAll { accept, count } => match command {
                Command::PromptChar('y' | 'Y') => self.review_all(accept),
                Command::PromptChar('n' | 'N') | Command::PromptCancel => {
                    self.message = Some("Nothing changed.".to_string());
                    None
                }
                // Only y or n answer: an edit must never happen by accident.
                _ => {
                    self.prompt = Some(Prompt::ReviewAll { accept, count });
                    None
                }
            },
            Prompt::Actor { choices, choice } => {
                self.answer_actor(choices, choice, command);
                None
            }
            Prompt::Format { ids, choice, only } => {
                let chosen = match command {
                    Command::PromptChar(c) => Format::ALL
                        .into_iter()
                        .position(|f| format_key(f) == c.to_ascii_lowercase()),
                    Command::PromptAccept => Some(choice),
                    Command::PromptMove(d) => {
                        let n = Format::ALL.len() as isize;
                        let to = (choice as isize + isize::from(d)).rem_euclid(n) as usize;
                        self.prompt = Some(Prompt::Format {
                            ids,
                            choice: to,
                            only,
                        });
                        return None;
                    }
                    _ => {
                        self.message = Some("Export cancelled.".to_string());
                        return None;
                    }
                };
                let Some(format) = chosen.and_then(|i| Format::ALL.get(i).copied()) else {
                    // Another letter: keep asking.
                    self.prompt = Some(Prompt::Format { ids, choice, only });
                    return None;
                };
                Some(Effect::Export(ExportRequest {
                    ids,
                    only,
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

/// Writes the export `request` asks for, here and now, and says how it went (tests and
/// benches; the loop runs [`Job::run`] on a thread of its own).
pub fn carry_out(app: &mut App, request: ExportRequest) {
    let outcome = Job::of(app, &request).run();
    app.export_finished(request, outcome);
}

/// What an export needs, taken from the state so it can run off the UI thread.
#[derive(Debug)]
pub struct Job {
    /// The open article, exported as it is on screen.
    open: Option<Article>,
    /// The files of a list, read again (the reader keeps no article of the list).
    sources: Vec<SourceFile>,
    requested: usize,
    /// Only these claims of the articles, else all.
    only: Option<std::collections::HashSet<(crate::model::ArticleId, crate::model::ClaimId)>>,
    format: Format,
    overwrite: bool,
    folder: PathBuf,
    articles_dir: PathBuf,
}

/// How an export went: the path written and how many files were left out, or why not.
pub type Outcome = Result<(PathBuf, usize), Failure>;

impl Job {
    pub fn of(app: &App, request: &ExportRequest) -> Job {
        let open = app
            .open_article()
            .filter(|_| {
                request.ids.len() == 1 && app.open_view().map(|v| &v.id) == request.ids.first()
            })
            .cloned();
        let sources = if open.is_some() {
            Vec::new()
        } else {
            request
                .ids
                .iter()
                .filter_map(|id| app.library.get(id).map(|row| row.source()))
                .collect()
        };
        Job {
            open,
            sources,
            requested: request.ids.len(),
            only: request.only.as_ref().map(|o| o.iter().cloned().collect()),
            format: request.format,
            overwrite: request.overwrite,
            folder: app.config.export_folder.clone(),
            articles_dir: app.articles_dir.clone(),
        }
    }

    /// The write itself: reads the files (in parallel) and writes the summary.
    pub fn run(self) -> Outcome {
        let mut articles: Vec<Article> = match self.open {
            Some(article) => vec![article],
            None => load::load_all(&self.sources, &|_| {})
                .into_iter()
                .filter_map(|l| l.article)
                .collect(),
        };
        if articles.is_empty() {
            return Err(Failure::NothingLoads);
        }
        let skipped = self.requested - articles.len();
        if let Some(only) = &self.only {
            // What an actor page or the contested screen lists, not every claim.
            for a in &mut articles {
                let id = a.id.clone();
                a.claims
                    .retain(|c| only.contains(&(id.clone(), c.id.clone())));
            }
        }
        let summaries = summary::summarize(&articles);
        let stem = export::default_stem(&summaries);
        export::write_file(
            &self.folder,
            &stem,
            self.format,
            &summaries,
            &self.articles_dir,
            self.overwrite,
        )
        .map(|path| (path, skipped))
        .map_err(Failure::Export)
    }
}

#[derive(Debug)]
pub enum Failure {
    Export(ExportError),
    NothingLoads,
}

impl App {
    /// Says how the export of `request` went: the path written, the overwrite question
    /// when the file exists, or why nothing was written.
    pub fn export_finished(&mut self, request: ExportRequest, outcome: Outcome) {
        self.message = None;
        match outcome {
            Ok((path, skipped)) => {
                let n = request.ids.len() - skipped;
                let mut m = format!(
                    "Exported {n} article{} as {} to {}",
                    if n == 1 { "" } else { "s" },
                    request.format,
                    path.display()
                );
                if skipped > 0 {
                    m.push_str(&format!(" ({skipped} left out: the file no longer loads)"));
                }
                self.message = Some(m);
            }
            Err(Failure::Export(ExportError::Exists(path))) => {
                self.prompt = Some(Prompt::Overwrite {
                    request: ExportRequest {
                        overwrite: true,
                        ..request
                    },
                    path,
                });
            }
            Err(Failure::Export(e)) => self.message = Some(format!("Export failed: {e}")),
            Err(Failure::NothingLoads) => {
                self.message =
                    Some("Nothing exported: the files in view no longer load.".to_string());
            }
        }
    }
}
