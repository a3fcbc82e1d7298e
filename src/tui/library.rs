//! What the reader precomputes once per article at load: list rows, the sort order,
//! and a lowercase search text, so no keystroke re-reads the articles.

use std::cmp::Ordering;

use whosaid::Corpus;
use whosaid::corpus::FileReport;
use whosaid::model::{Article, ArticleId};

use super::config::Sort;
use whosaid::text;

/// One article as the list shows it, already made safe for the terminal.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: ArticleId,
    pub title: String,
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    /// The full published value, for sorting.
    published: String,
    pub outlet: String,
    pub claims: usize,
    pub contested: usize,
    /// Lowercase title, body, statements, actor names and aliases.
    search: String,
}

impl Row {
    pub fn of(article: &Article) -> Row {
        let mut search = String::with_capacity(article.body.len() + 256);
        for part in [&article.title, &article.body] {
            search.push_str(&part.to_lowercase());
            search.push('\n');
        }
        for claim in &article.claims {
            search.push_str(&claim.statement.to_lowercase());
            search.push('\n');
        }
        for actor in &article.actors {
            search.push_str(&actor.name.to_lowercase());
            search.push('\n');
            for alias in &actor.aliases {
                search.push_str(&alias.to_lowercase());
                search.push('\n');
            }
        }
        Row {
            id: article.id.clone(),
            title: text::sanitize(&article.title).into_owned(),
            date: article
                .published
                .as_ref()
                .map(|p| p.date().to_string())
                .unwrap_or_default(),
            published: article
                .published
                .as_ref()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            outlet: article
                .outlet
                .as_deref()
                .map(|o| text::sanitize(o).into_owned())
                .unwrap_or_default(),
            claims: article.claims.len(),
            contested: article.contested_count(),
            search,
        }
    }
}

fn compare(a: &Row, b: &Row, sort: Sort) -> Ordering {
    // Undated articles go last in both date orders.
    let dated = |r: &Row| r.published.is_empty();
    let by_id = a.id.cmp(&b.id);
    match sort {
        Sort::Newest => dated(a)
            .cmp(&dated(b))
            .then(b.published.cmp(&a.published))
            .then(by_id),
        Sort::Oldest => dated(a)
            .cmp(&dated(b))
            .then(a.published.cmp(&b.published))
            .then(by_id),
        Sort::Title => a
            .title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then(by_id),
        Sort::Id => by_id,
    }
}

/// The corpus with its rows (in corpus order) and the list order.
#[derive(Debug, Default)]
pub struct Library {
    corpus: Corpus,
    rows: Vec<Row>,
    /// Indices into `rows`, in list order.
    order: Vec<usize>,
    /// Files that failed while loading is still going on.
    pending_problems: Vec<FileReport>,
    complete: bool,
}

impl Library {
    /// A finished library: rows for every article, sorted.
    pub fn new(corpus: Corpus, sort: Sort) -> Library {
        let rows: Vec<Row> = corpus.articles().iter().map(Row::of).collect();
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| compare(&rows[a], &rows[b], sort));
        Library {
            corpus,
            rows,
            order,
            pending_problems: Vec::new(),
            complete: true,
        }
    }

    /// An empty library that fills up as files load.
    pub fn loading() -> Library {
        Library::default()
    }

    /// Adds a row while loading (the article itself arrives with the finished corpus).
    pub fn push_row(&mut self, row: Row, sort: Sort) {
        let at = self
            .order
            .partition_point(|&i| compare(&self.rows[i], &row, sort).is_lt());
        self.rows.push(row);
        self.order.insert(at, self.rows.len() - 1);
    }

    pub fn push_problem(&mut self, report: FileReport) {
        self.pending_problems.push(report);
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The article of a row, once loading is complete.
    pub fn article(&self, row: usize) -> Option<&Article> {
        if self.complete {
            self.corpus.articles().get(row)
        } else {
            None
        }
    }

    /// Files rejected with errors, in id order once complete, as they come before.
    pub fn problems(&self) -> Vec<&FileReport> {
        if self.complete {
            self.corpus.rejected().collect()
        } else {
            self.pending_problems.iter().collect()
        }
    }

    /// How many rejected files there are, without collecting them.
    pub fn problem_count(&self) -> usize {
        if self.complete {
            self.corpus.rejected().count()
        } else {
            self.pending_problems.len()
        }
    }

    /// Rows matching `lower_query` in list order, looking only at `within` when given
    /// (a longer query can only match a subset of what a shorter one matched).
    /// Large scans are split over two threads: the machines this targets have two cores.
    pub fn filter(&self, lower_query: &str, within: Option<&[usize]>) -> Vec<usize> {
        if lower_query.is_empty() {
            return self.order.clone();
        }
        let candidates = within.unwrap_or(&self.order);
        let finder = memchr::memmem::Finder::new(lower_query.as_bytes());
        let scan = |part: &[usize]| -> Vec<usize> {
            part.iter()
                .copied()
                .filter(|&i| finder.find(self.rows[i].search.as_bytes()).is_some())
                .collect()
        };
        if candidates.len() < PARALLEL_FROM {
            return scan(candidates);
        }
        let (first, second) = candidates.split_at(candidates.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| scan(second));
            let mut out = scan(first);
            // A panic in the other half would be a bug in `scan`; fall back to scanning here.
            out.extend(other.join().unwrap_or_else(|_| scan(second)));
            out
        })
    }
}

/// Below this many rows a second thread costs more than it saves.
const PARALLEL_FROM: usize = 2048;
