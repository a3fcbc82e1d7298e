//! Every article that loaded and every file that did not, with the cross-file warnings.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::{Severity, Tally};
use crate::load::{self, Loaded, Site, SourceFile, UsageError};
use crate::model::{ActorId, ActorKind, Article, ArticleId};

/// One file's outcome as the corpus keeps it.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub id: ArticleId,
    pub path: PathBuf,
    /// Errors and warnings shown: in source order, or errors first when
    /// there were more than [`load::MAX_SHOWN`].
    pub diagnostics: Vec<Diagnostic>,
    /// Errors and warnings found beyond those shown.
    pub hidden: Tally,
    /// Index into `Corpus::articles` when the file loaded.
    pub article: Option<usize>,
}

impl FileReport {
    pub fn has_errors(&self) -> bool {
        self.hidden.errors > 0 || self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Every error and warning found in the file, shown or not.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::of(&self.diagnostics);
        tally += self.hidden;
        tally
    }
}

/// Immutable once built.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    files: Vec<FileReport>,
}

impl Corpus {
    /// Discovers and loads every file under `roots`.
    pub fn load(roots: &[PathBuf]) -> Result<Corpus, UsageError> {
        let sources = load::discover(roots)?;
        Ok(Corpus::from_sources(&sources))
    }

    /// Every file's diagnostics, the cross-file warnings included, without keeping
    /// the articles: each is cut down to its actors (all those warnings need) on the
    /// worker that loaded it, so checking an archive takes a fraction of the memory
    /// of holding it.
    pub fn diagnose(roots: &[PathBuf]) -> Result<Vec<FileReport>, UsageError> {
        let sources = load::discover(roots)?;
        let loaded = load::load_mapped(&sources, &|mut loaded| {
            if let Some(article) = &mut loaded.article {
                article.body = String::new();
                article.claims = Vec::new();
            }
            loaded
        });
        Ok(Corpus::from_loaded(loaded).files)
    }

    pub fn from_sources(sources: &[SourceFile]) -> Corpus {
        Corpus::from_loaded(load::load_all(sources, &|_| {}))
    }

    /// Builds the corpus from per-file results: sorts by id, adds the cross-file
    /// warnings (same actor id, different name or kind). Who said what across
    /// articles is the persistent index's to answer ([`crate::index::Index::stances_of`]).
    pub fn from_loaded(mut loaded: Vec<Loaded>) -> Corpus {
        // Usually sorted already (discover sorts); sorting anyway would allocate at the peak.
        if !loaded.is_sorted_by(|a, b| a.source.id <= b.source.id) {
            loaded.sort_by(|a, b| a.source.id.cmp(&b.source.id));
        }
        let mut files = Vec::with_capacity(loaded.len());
        let mut first_seen = HashMap::new();
        let mut kept = 0;
        // `filter_map` over the vector's own buffer collects in place: a second
        // buffer of every article would be the largest allocation at peak memory.
        let articles: Vec<Article> = loaded
            .into_iter()
            .filter_map(|mut file| {
                let article = file.article.take();
                let index = article.as_ref().map(|article| {
                    warn_on_redeclared(&mut file, article, &mut first_seen);
                    kept += 1;
                    kept - 1
                });
                files.push(FileReport {
                    id: file.source.id,
                    path: file.source.path,
                    diagnostics: file.diagnostics,
                    hidden: file.hidden,
                    article: index,
                });
                article
            })
            .collect();
        Corpus { articles, files }
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
}

/// Same id, same actor: a later file that declares it with another name or kind
/// gets a warning at that declaration; the first file gets none.
fn warn_on_redeclared(
    file: &mut Loaded,
    article: &Article,
    first_seen: &mut HashMap<ActorId, (String, ActorKind, ArticleId)>,
) {
    let mut differing = Vec::new();
    for actor in &article.actors {
        match first_seen.get(&actor.id) {
            None => {
                let entry = (actor.name.clone(), actor.kind, article.id.clone());
                first_seen.insert(actor.id.clone(), entry);
            }
            Some((name, kind, _)) if *name == actor.name && *kind == actor.kind => {}
            Some((name, kind, first)) => differing.push((
                &actor.id,
                format!(
                    "actor `{}` is declared as {:?} ({}) here but as {:?} ({}) in `{}`; \
                     the same id is the same actor everywhere",
                    actor.id, actor.name, actor.kind, name, kind, first
                ),
            )),
        }
    }
    if differing.is_empty() {
        return;
    }
    let ids: Vec<&ActorId> = differing.iter().map(|(id, _)| *id).collect();
    let sites = load::actor_sites(&file.source.path, &ids);
    for ((_, message), site) in differing.into_iter().zip(sites) {
        let site = site.unwrap_or_else(Site::start);
        let diagnostic = site.diagnostic(file.source.path.clone(), Severity::Warning, message);
        let at = file
            .diagnostics
            .partition_point(|d| (d.line, d.column) <= (diagnostic.line, diagnostic.column));
        file.diagnostics.insert(at, diagnostic);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_file};
    use std::path::Path;

    fn loaded(dir: &Path, id: &str, text: &str) -> Loaded {
        let path = dir.join(format!("{id}.toml"));
        std::fs::write(&path, text).unwrap();
        load_file(&SourceFile {
            path,
            id: ArticleId::new(id),
        })
    }

    fn article(actor_name: &str, kind: &str, asserts: bool) -> String {
        let stance = if asserts { "asserted_by" } else { "denied_by" };
        format!(
            "title = \"t\"\nbody = \"b\"\n[actors.p]\nname = \"{actor_name}\"\nkind = \"{kind}\"\n\
             [[claims]]\nid = \"c\"\nstatement = \"s\"\n{stance} = [{{ actor = \"p\" }}]\n"
        )
    }

    #[test]
    fn later_files_that_redeclare_an_actor_differently_are_warned() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Corpus::from_loaded(vec![
            loaded(dir.path(), "c", &article("Peskov", "person", true)),
            loaded(dir.path(), "a", &article("Dmitry Peskov", "person", true)),
            loaded(
                dir.path(),
                "b",
                &article("Dmitry Peskov", "government", false),
            ),
        ]);
        let warned: Vec<_> = corpus
            .files()
            .iter()
            .map(|f| (f.id.as_str(), f.diagnostics.len()))
            .collect();
        assert_eq!(warned, [("a", 0), ("b", 1), ("c", 1)]);
        let message = &corpus.files()[1].diagnostics[0];
        assert_eq!((message.line, message.column), (3, 9));
        assert!(message.message.contains("`p`"), "{}", message.message);
    }

    #[test]
    fn articles_are_kept_in_id_order_and_rejected_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Corpus::from_loaded(vec![
            loaded(dir.path(), "b", &article("P", "person", false)),
            loaded(dir.path(), "a", &article("P", "person", true)),
            loaded(dir.path(), "bad", "title = 1"),
        ]);
        let kept: Vec<_> = corpus
            .files()
            .iter()
            .map(|f| (f.id.as_str(), f.article))
            .collect();
        assert_eq!(kept, [("a", Some(0)), ("b", Some(1)), ("bad", None)]);
        assert_eq!(corpus.rejected().count(), 1);
        assert_eq!(corpus.articles().len(), 2);
    }
}
