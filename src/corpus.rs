//! Every article that loaded, every file that did not, and who said what across articles.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::load::{self, Loaded, SourceFile, UsageError};
use crate::model::{ActorId, Article, ArticleId, StanceKind};

/// Where one stance sits: `corpus.articles()[article].claims[claim]`, the `index`-th
/// assertion or denial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceRef {
    pub article: usize,
    pub claim: usize,
    pub kind: StanceKind,
    pub index: usize,
}

/// One file's outcome as the corpus keeps it.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub id: ArticleId,
    pub path: PathBuf,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Index into `Corpus::articles` when the file loaded.
    pub article: Option<usize>,
}

impl FileReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Immutable once built.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    files: Vec<FileReport>,
    by_actor: HashMap<ActorId, Vec<StanceRef>>,
}

impl Corpus {
    /// Discovers and loads every file under `roots`.
    pub fn load(roots: &[PathBuf]) -> Result<Corpus, UsageError> {
        let sources = load::discover(roots)?;
        Ok(Corpus::from_sources(&sources))
    }

    pub fn from_sources(sources: &[SourceFile]) -> Corpus {
        Corpus::from_loaded(load::load_all(sources, &|_| {}))
    }

    /// Builds the corpus from per-file results: sorts by id, adds the cross-file
    /// warnings (same actor id, different name or kind) and indexes actors.
    pub fn from_loaded(loaded: Vec<Loaded>) -> Corpus {
        let mut corpus = Corpus::default();
        for l in loaded {
            let article = l.article.map(|a| {
                corpus.articles.push(a);
                corpus.articles.len() - 1
            });
            corpus.files.push(FileReport {
                id: l.source.id,
                path: l.source.path,
                diagnostics: l.diagnostics,
                article,
            });
        }
        corpus
    }

    /// Loaded articles, in id order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Every file, loaded or not, in id order, with its diagnostics.
    pub fn files(&self) -> &[FileReport] {
        &self.files
    }

    /// Files rejected because of errors.
    pub fn rejected(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|f| f.article.is_none())
    }

    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|f| f.diagnostics.iter())
    }

    /// Every stance of this actor, in every article, in id and file order.
    pub fn stances_of(&self, actor: &ActorId) -> &[StanceRef] {
        self.by_actor.get(actor).map(Vec::as_slice).unwrap_or(&[])
    }
}
