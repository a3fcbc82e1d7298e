//! What the reader keeps of every article: one list row, keyed by article id, the list
//! order, and the files that failed. Articles themselves are re-read when opened, so
//! memory holds rows, not a corpus; their folded search text is made only for a search
//! asked while there is no index (see [`Library::fold_search_texts`]).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

use crate::diagnostic::{Diagnostic, Tally};
use crate::load::{self, Loaded, SourceFile};
use crate::model::{Article, ArticleId, Published, Status};
use crate::summary::ClaimSummary;
use crate::text;
use compact_str::CompactString;
use hashbrown::HashTable;

use super::config::Sort;

/// One article as the list shows it, already made safe for the terminal.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: ArticleId,
    /// The file, to read again when the article is opened or exported.
    pub path: Box<Path>,
    pub title: Box<str>,
    published: Option<Published>,
    pub outlet: CompactString,
    pub claims: u32,
    pub contested: u32,
    /// Claims a program suggested and no person has reviewed yet.
    pub suggested: u32,
    /// Title, body, statements, actor names and aliases, each folded (see [`fold`]),
    /// one per line; sized exactly. Made from the file when a search without the index
    /// first needs it (see [`Library::fold_search_texts`]), never while loading: it
    /// would be most of what the reader keeps, and a tenth of the cost of a start.
    search: OnceLock<Box<str>>,
}

impl Row {
    /// The row of an article read from `source`.
    pub fn of(source: SourceFile, article: &Article) -> Row {
        Row {
            id: source.id,
            path: source.path.into_boxed_path(),
            title: text::sanitize(&article.title).into(),
            published: article.published.clone(),
            outlet: article
                .outlet
                .as_deref()
                .map(|o| CompactString::from(text::sanitize(o)))
                .unwrap_or_default(),
            claims: u32::try_from(article.claims.len()).unwrap_or(u32::MAX),
            contested: u32::try_from(contested(article)).unwrap_or(u32::MAX),
            suggested: u32::try_from(article.claims.iter().filter(|c| c.suggested).count())
                .unwrap_or(u32::MAX),
            search: OnceLock::new(),
        }
    }

    /// The row of an article as the index holds it (`None` when the file had errors:
    /// that is a problem, not a row). The search prompt asks the index about it (see
    /// [`super::filter`]).
    pub fn indexed(row: crate::index::IndexedRow) -> Option<Row> {
        Row::from_indexed(row).ok()
    }

    /// As [`Row::indexed`], and the indexed row given back when it is a problem.
    pub fn from_indexed(
        mut row: crate::index::IndexedRow,
    ) -> Result<Row, Box<crate::index::IndexedRow>> {
        let Some(title) = row.title.take() else {
            return Err(Box::new(row));
        };
        // The title as read, unless it must change: no copy of every title.
        let safe = match text::sanitize(&title) {
            std::borrow::Cow::Owned(safe) => Some(safe),
            std::borrow::Cow::Borrowed(_) => None,
        };
        Ok(Row {
            id: row.id,
            path: row.path.into_boxed_path(),
            title: safe.unwrap_or(title).into_boxed_str(),
            published: row.published.map(Published::new),
            outlet: row
                .outlet
                .as_deref()
                .map(|o| CompactString::from(text::sanitize(o)))
                .unwrap_or_default(),
            claims: row.claims,
            contested: row.contested,
            // The index says whether any claim is unreviewed, not how many.
            suggested: u32::from(row.has_suggested),
            search: OnceLock::new(),
        })
    }

    /// `YYYY-MM-DD`, or empty.
    pub fn date(&self) -> &str {
        self.published.as_ref().map_or("", Published::date)
    }

    /// The file as the loader names it, to read it again.
    pub fn source(&self) -> SourceFile {
        SourceFile {
            path: self.path.to_path_buf(),
            id: self.id.clone(),
        }
    }
}

/// Counted from the library's summary, so the list agrees with the claims pane and the export.
fn contested(article: &Article) -> usize {
    article
        .claims
        .iter()
        .filter(|c| ClaimSummary::of(article, c).status == Status::Contested)
        .count()
}

fn search_text(article: &Article) -> Box<str> {
    let statements = article.claims.iter().map(|c| c.statement.as_str());
    let names = article
        .actors
        .iter()
        .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)));
    let parts = || {
        [article.title.as_str(), article.body.as_str()]
            .into_iter()
            .chain(statements.clone())
            .chain(names.clone())
    };
    let mut out = String::with_capacity(parts().map(|p| p.len() + 1).sum());
    for part in parts() {
        fold_into(&mut out, part);
        out.push('\n');
    }
    // Exact size: lowercasing rarely changes the length, and then the slack goes here.
    out.into_boxed_str()
}

/// Appends `s` folded as every search folds (see [`crate::query::fold`]).
fn fold_into(out: &mut String, s: &str) {
    crate::query::fold::fold_into(s, out);
}

/// A query as the search text is written: the one search folding.
pub fn fold(query: &str) -> String {
    crate::query::fold::fold(query)
}

/// Title order without allocating: case-insensitive, char by char.
fn by_title(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

fn compare(a: &Row, b: &Row, sort: Sort) -> Ordering {
    fn published(r: &Row) -> &str {
        r.published.as_ref().map_or("", Published::as_str)
    }
    // Undated articles go last in both date orders.
    let undated = |r: &Row| r.published.is_none();
    // Lazily: most comparisons are settled by the date, and this runs per row per batch.
    let by_id = || a.id.cmp(&b.id);
    match sort {
        Sort::Newest => undated(a)
            .cmp(&undated(b))
            .then_with(|| published(b).cmp(published(a)))
            .then_with(by_id),
        Sort::Oldest => undated(a)
            .cmp(&undated(b))
            .then_with(|| published(a).cmp(published(b)))
            .then_with(by_id),
        Sort::Title => by_title(&a.title, &b.title).then_with(by_id),
        Sort::Id => by_id(),
    }
}

/// Where a search matched an article first: what the list says beside its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    Title,
    Body,
    Claim,
    Actor,
}

impl Why {
    pub fn label(self) -> &'static str {
        match self {
            Why::Title => "title",
            Why::Body => "body",
            Why::Claim => "claim",
            Why::Actor => "actor",
        }
    }
}

impl Row {
    /// The folded search text, or none (matching no word) until
    /// [`Library::fold_search_texts`] made it.
    fn search_text(&self) -> &str {
        self.search.get().map_or("", |s| s)
    }

    /// Whether every word of `query` holds for this row (a wanted word is in its
    /// search text, a negated one is not), and if so where its wanted words match
    /// best: title, then actor names, statements, body. Other terms are not
    /// looked at (they need the index).
    pub fn why_all(&self, query: &crate::query::Query) -> Option<Option<Why>> {
        let text = self.search_text().as_bytes();
        let mut best: Option<Why> = None;
        for term in query.terms() {
            let crate::query::Filter::Text(word) = &term.filter else {
                continue;
            };
            let word = fold(word);
            let found = word.is_empty() || memchr::memmem::find(text, word.as_bytes()).is_some();
            if found == term.negated {
                return None;
            }
            if !term.negated && !word.is_empty() {
                let why = self.best_part(&word);
                best = match (best, why) {
                    (Some(b), Some(w)) => Some(if rank(w) < rank(b) { w } else { b }),
                    (b, w) => b.or(w),
                };
            }
        }
        Some(best)
    }

    /// The most telling part of the search text (title, body, statements, names,
    /// one per line) that holds `folded`.
    fn best_part(&self, folded: &str) -> Option<Why> {
        let parts: Vec<&str> = self.search_text().split('\n').collect();
        let statements = 2..(2 + self.claims as usize).min(parts.len());
        let in_range = |r: std::ops::Range<usize>| {
            parts
                .get(r)
                .is_some_and(|ps| ps.iter().any(|p| p.contains(folded)))
        };
        if in_range(0..1) {
            Some(Why::Title)
        } else if in_range(statements.end..parts.len()) {
            Some(Why::Actor)
        } else if in_range(statements) {
            Some(Why::Claim)
        } else if in_range(1..2) {
            Some(Why::Body)
        } else {
            None
        }
    }
}

/// A field's place when naming where a search matched: the title says most.
fn rank(why: Why) -> u8 {
    match why {
        Why::Title => 0,
        Why::Actor => 1,
        Why::Claim => 2,
        Why::Body => 3,
    }
}

/// A file that failed to load, with what the loader said about it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub id: ArticleId,
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    /// Found beyond those shown.
    pub hidden: Tally,
}

impl Problem {
    pub fn of(loaded: Loaded) -> Problem {
        Problem {
            id: loaded.source.id,
            path: loaded.source.path,
            diagnostics: loaded.diagnostics,
            hidden: loaded.hidden,
        }
    }
}

/// How an article is read again when opened: from its file, or (tests, benches) from memory.
/// With the bytes read, when there was a file to read.
/// Shared with worker threads when search texts are made (see [`Library::fold_search_texts`]).
type Reader = Box<dyn Fn(&SourceFile) -> (Loaded, Option<Vec<u8>>) + Send + Sync>;

/// A row's handle inside the library: stable while its article is in the library (a
/// replaced article keeps it), never reused. The view keeps [`ArticleId`]s; slots are
/// what the list order and the filter hold, to stay small and quick at 10,000 rows.
pub type Slot = usize;

/// What [`Library::insert`] and [`Library::insert_problem`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Replaced,
}

/// The hash of the id of the row in a slot the id table holds (such a slot is never empty).
fn hash_of(hasher: &RandomState, row: &Option<Row>) -> u64 {
    row.as_ref().map_or(0, |r| hasher.hash_one(&r.id))
}

/// The articles by id, in list order, and the files that failed. Filled by a folder
/// scan, a watcher or any other source through [`Library::insert`],
/// [`Library::insert_problem`] and [`Library::remove`]; an id is a row or a problem,
/// never both.
pub struct Library {
    /// Rows by slot; `None` once removed.
    slots: Vec<Option<Row>>,
    /// Slots by their row's id. The table holds slots only and compares through
    /// `slots`: a map keyed by a copy of every id cost ~0.9 MB at 10,000 rows.
    by_id: HashTable<Slot>,
    hasher: RandomState,
    /// Slots in list order; those in `pending` are not in it yet.
    order: Vec<Slot>,
    /// Slots added or replaced since the last [`Library::settle`], marked in `marked`.
    pending: Vec<Slot>,
    marked: Vec<bool>,
    /// Pending slots that were already in `order` (replaced): taken out at settle.
    moved: usize,
    /// In id order.
    problems: Vec<Problem>,
    sort: Sort,
    complete: bool,
    read: Reader,
}

impl fmt::Debug for Library {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Library")
            .field("rows", &self.by_id.len())
            .field("problems", &self.problems.len())
            .field("complete", &self.complete)
            .finish_non_exhaustive()
    }
}

impl Library {
    /// An empty library that fills up as files load, and opens articles from their files.
    pub fn loading(sort: Sort) -> Library {
        Library {
            slots: Vec::new(),
            by_id: HashTable::new(),
            hasher: RandomState::new(),
            order: Vec::new(),
            pending: Vec::new(),
            marked: Vec::new(),
            moved: 0,
            problems: Vec::new(),
            sort,
            complete: false,
            read: Box::new(load::load_file_with_bytes),
        }
    }

    /// A finished library over results already in memory, which it keeps to open them:
    /// for tests and benches that build articles in code.
    pub fn in_memory(loaded: Vec<Loaded>, sort: Sort) -> Library {
        let mut library = Library::loading(sort);
        let mut kept = HashMap::new();
        for l in loaded {
            match &l.article {
                Some(article) => library.insert(Row::of(l.source.clone(), article)),
                None => library.insert_problem(Problem::of(l.clone())),
            };
            kept.insert(l.source.path.clone(), l);
        }
        library.settle();
        library.complete = true;
        library.read = Box::new(move |source| match kept.get(&source.path) {
            Some(l) => (l.clone(), None),
            None => (Loaded::new(source.clone(), None), None),
        });
        library
    }

    /// Makes room for `n` more rows at once, rather than growing by doubling.
    pub fn reserve(&mut self, n: usize) {
        self.slots.reserve_exact(n);
        let (slots, hasher) = (&self.slots, &self.hasher);
        self.by_id.reserve(n, |&s| hash_of(hasher, &slots[s]));
        self.order.reserve_exact(n);
    }

    /// Adds a row, or replaces the row or problem with its id; it takes its place in
    /// the list order at the next [`Library::settle`].
    pub fn insert(&mut self, row: Row) -> Change {
        let had_problem = self.take_problem(&row.id);
        if let Some(slot) = self.slot(&row.id) {
            self.slots[slot] = Some(row);
            if !self.marked[slot] {
                self.marked[slot] = true;
                self.pending.push(slot);
                self.moved += 1;
            }
            return Change::Replaced;
        }
        let slot = self.slots.len();
        let hash = self.hasher.hash_one(&row.id);
        self.slots.push(Some(row));
        let (slots, hasher) = (&self.slots, &self.hasher);
        self.by_id
            .insert_unique(hash, slot, |&s| hash_of(hasher, &slots[s]));
        self.marked.push(true);
        self.pending.push(slot);
        if had_problem {
            Change::Replaced
        } else {
            Change::Added
        }
    }

    /// Adds a problem, or replaces the row or problem with its id.
    pub fn insert_problem(&mut self, problem: Problem) -> Change {
        // An id is a row or a problem, never both: this takes no problem.
        let had_row = self.slot(&problem.id).is_some() && self.remove_row(&problem.id);
        let at = self.problems.partition_point(|p| p.id < problem.id);
        if self.problems.get(at).is_some_and(|p| p.id == problem.id) {
            self.problems[at] = problem;
            return Change::Replaced;
        }
        self.problems.insert(at, problem);
        if had_row {
            Change::Replaced
        } else {
            Change::Added
        }
    }

    /// Removes the row or problem with this id (its file was deleted); says whether
    /// there was one.
    pub fn remove(&mut self, id: &ArticleId) -> bool {
        self.remove_many(std::slice::from_ref(id)) > 0
    }

    /// Removes the rows and problems with these ids in one pass over the list order;
    /// returns how many there were.
    pub fn remove_many(&mut self, ids: &[ArticleId]) -> usize {
        let mut gone = std::collections::HashSet::new();
        let mut count = 0;
        for id in ids {
            count += usize::from(self.take_problem(id));
            let hash = self.hasher.hash_one(id);
            let slots = &self.slots;
            let found = self
                .by_id
                .find_entry(hash, |&s| slots[s].as_ref().is_some_and(|r| &r.id == id));
            if let Ok(entry) = found {
                let (slot, _) = entry.remove();
                // A pending slot is skipped at settle once empty.
                self.slots[slot] = None;
                gone.insert(slot);
                count += 1;
            }
        }
        if !gone.is_empty() {
            self.order.retain(|s| !gone.contains(s));
        }
        count
    }

    /// Every article's id, rows and problems alike.
    pub fn ids(&self) -> impl Iterator<Item = &ArticleId> {
        let rows = self.slots.iter().flatten().map(|r| &r.id);
        rows.chain(self.problems.iter().map(|p| &p.id))
    }

    fn take_problem(&mut self, id: &ArticleId) -> bool {
        match self.problems.binary_search_by(|p| p.id.cmp(id)) {
            Ok(at) => {
                self.problems.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    fn remove_row(&mut self, id: &ArticleId) -> bool {
        self.remove_many(std::slice::from_ref(id)) > 0
    }

    /// Puts the rows inserted since the last call into the list order, and returns them
    /// in that order: one sort of the few new rows and one merge, not an insert per row.
    pub fn settle(&mut self) -> Vec<Slot> {
        let mut fresh = std::mem::take(&mut self.pending);
        for &slot in &fresh {
            self.marked[slot] = false;
        }
        fresh.retain(|&slot| self.slots[slot].is_some());
        if fresh.is_empty() {
            self.moved = 0;
            return fresh;
        }
        if self.moved > 0 {
            // Replaced rows may sort elsewhere now: out of the order, then merged back.
            let moved: std::collections::HashSet<Slot> = fresh.iter().copied().collect();
            self.order.retain(|s| !moved.contains(s));
            self.moved = 0;
        }
        fresh.sort_unstable_by(|&a, &b| self.compare_slots(a, b));
        self.order = self.merge(&self.order, &fresh);
        fresh
    }

    fn compare_slots(&self, a: Slot, b: Slot) -> Ordering {
        match (&self.slots[a], &self.slots[b]) {
            (Some(a), Some(b)) => compare(a, b, self.sort),
            _ => a.cmp(&b),
        }
    }

    /// Two lists of slots, each in list order, as one in list order.
    pub fn merge(&self, a: &[Slot], b: &[Slot]) -> Vec<Slot> {
        if b.is_empty() {
            return a.to_vec();
        }
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if self.compare_slots(b[j], a[i]).is_lt() {
                out.push(b[j]);
                j += 1;
            } else {
                out.push(a[i]);
                i += 1;
            }
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
        out
    }

    /// Every file has been read.
    pub fn finish(&mut self) {
        self.complete = true;
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// How many articles the library holds (problems apart).
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The row in `slot`, unless it was removed.
    pub fn row(&self, slot: Slot) -> Option<&Row> {
        self.slots.get(slot)?.as_ref()
    }

    /// The slot of the article with this id.
    pub fn slot(&self, id: &ArticleId) -> Option<Slot> {
        let hash = self.hasher.hash_one(id);
        self.by_id
            .find(hash, |&s| self.row(s).is_some_and(|r| &r.id == id))
            .copied()
    }

    /// The row of the article with this id.
    pub fn get(&self, id: &ArticleId) -> Option<&Row> {
        self.row(self.slot(id)?)
    }

    /// Slots in list order (settled rows only).
    pub fn order(&self) -> &[Slot] {
        &self.order
    }

    /// Reads the article `id` again, as it is now on disk.
    pub fn read(&self, id: &ArticleId) -> Option<Loaded> {
        self.read_with_bytes(id).map(|(loaded, _)| loaded)
    }

    /// Reads the article `id` again, with the bytes it was read from.
    pub fn read_with_bytes(&self, id: &ArticleId) -> Option<(Loaded, Option<Vec<u8>>)> {
        self.get(id).map(|r| (self.read)(&r.source()))
    }

    /// Makes the folded search text of every row that has none yet, reading their
    /// articles again (on every core): for a search while there is no index to ask.
    /// Once made, a row keeps it until it is replaced or [`Library::forget_search_texts`].
    /// A file that no longer reads gives an empty text (it matches no word), not a
    /// second try at every keystroke.
    pub fn fold_search_texts(&self) {
        let missing: Vec<&Row> = self
            .slots
            .iter()
            .flatten()
            .filter(|r| r.search.get().is_none())
            .collect();
        let fold_one = |row: &Row| {
            let (loaded, _) = (self.read)(&row.source());
            let text = loaded
                .article
                .as_ref()
                .map_or_else(Box::default, search_text);
            // Set once: another thread never has this row.
            let _ = row.search.set(text);
        };
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if threads < 2 || missing.len() < 64 {
            missing.into_iter().for_each(fold_one);
            return;
        }
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    while let Some(row) = missing.get(next.fetch_add(1, AtomicOrdering::Relaxed)) {
                        fold_one(row);
                    }
                });
            }
        });
    }

    /// Drops every row's search text (the index answers searches now): memory back.
    pub fn forget_search_texts(&mut self) {
        for row in self.slots.iter_mut().flatten() {
            row.search = OnceLock::new();
        }
    }

    /// Files rejected with errors, in id order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn title_order_ignores_case() {
        assert_eq!(by_title("apple", "Banana"), Ordering::Less);
        assert_eq!(by_title("Zoë", "zoë"), Ordering::Equal);
    }

    fn row(id: &str) -> Row {
        let source = SourceFile {
            path: PathBuf::from(format!("{id}.toml")),
            id: ArticleId::new(id),
        };
        let article = Article {
            id: ArticleId::new(id),
            path: PathBuf::from(format!("{id}.toml")),
            title: format!("T {id}"),
            body: String::new(),
            published: None,
            outlet: None,
            url: None,
            byline: vec![],
            tags: vec![],
            language: None,
            actors: vec![],
            claims: vec![],
            feed_item_id: None,
        };
        Row::of(source, &article)
    }

    #[test]
    fn rows_are_found_replaced_and_removed_by_id_as_the_table_grows() {
        let mut library = Library::loading(Sort::Id);
        // No reserve: the id table grows (and rehashes through the rows) as it fills.
        for n in 0..3000 {
            assert_eq!(library.insert(row(&format!("a/{n:05}"))), Change::Added);
        }
        library.settle();
        assert_eq!(library.len(), 3000);
        assert_eq!(library.insert(row("a/01234")), Change::Replaced);
        assert_eq!(library.len(), 3000);
        let removed: Vec<ArticleId> = (0..3000)
            .step_by(2)
            .map(|n| ArticleId::new(format!("a/{n:05}")))
            .collect();
        assert_eq!(library.remove_many(&removed), 1500);
        assert!(!library.remove(&ArticleId::new("a/00000")));
        assert_eq!(library.len(), 1500);
        for n in 0..3000 {
            let id = ArticleId::new(format!("a/{n:05}"));
            let found = library.get(&id).map(|r| r.title.to_string());
            let want = (n % 2 == 1).then(|| format!("T a/{n:05}"));
            assert_eq!(found, want, "{n}");
        }
        // Back again after removal: a new row, found by its id.
        assert_eq!(library.insert(row("a/00002")), Change::Added);
        assert!(library.get(&ArticleId::new("a/00002")).is_some());
        assert_eq!(library.ids().count(), 1501);
    }
}
