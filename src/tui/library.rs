//! What the reader keeps of every article: one list row with a folded search text, keyed
//! by article id, the list order, and the files that failed. Articles themselves are
//! re-read when opened, so memory holds rows, not a corpus.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};

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
    /// one per line; sized exactly, as it is most of what the reader keeps.
    search: Box<str>,
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
            search: search_text(article),
        }
    }

    /// The row of an article as the index holds it (`None` when the file had errors:
    /// that is a problem, not a row). The index keeps no folded search text in its list
    /// rows, so this row matches no in-memory search: a reader listing index rows must
    /// ask [`crate::index::Index::search`] about them.
    pub fn indexed(row: crate::index::IndexedRow) -> Option<Row> {
        let title = row.title?;
        Some(Row {
            id: row.id,
            path: row.path.into_boxed_path(),
            title: text::sanitize(&title).into(),
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
            search: Box::default(),
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

/// Appends `s` lowercased, accents folded (see [`fold_char`]), with each run of white space made one space, so a search
/// matches across the line breaks of a wrapped paragraph. Text that needs no change
/// (most of a body) is copied a run at a time rather than char by char.
fn fold_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut space = false;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ascii_space = b.is_ascii() && char::from(b).is_whitespace();
        if b == b' ' && !space || b.is_ascii() && !ascii_space && !b.is_ascii_uppercase() {
            space = b == b' ';
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            fold_char(out, c);
            space = false;
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&s[run..]);
}

/// One character lowercased, without the accents of Latin, Greek and Cyrillic letters
/// (the combining diacritical marks, U+0300–U+036F, of its canonical decomposition).
/// Other marks stay: a Japanese voiced mark changes the letter, not its accent.
fn fold_char(out: &mut String, c: char) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !('\u{300}'..='\u{36f}').contains(&d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// A query as the search text is written: lowercase, white space runs made one space.
pub fn fold(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    fold_into(&mut out, query);
    out
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
    /// Why `folded_query` (see [`fold`]) matches this row, if it does: the part of the
    /// search text (title, body, statements, names, one per line) where it first occurs.
    pub fn why(&self, folded_query: &str) -> Option<Why> {
        if folded_query.is_empty() {
            return None;
        }
        let at = memchr::memmem::find(self.search.as_bytes(), folded_query.as_bytes())?;
        let part = memchr::memchr_iter(b'\n', &self.search.as_bytes()[..at]).count();
        Some(match part {
            0 => Why::Title,
            1 => Why::Body,
            p if p < 2 + self.claims as usize => Why::Claim,
            _ => Why::Actor,
        })
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
type Reader = Box<dyn Fn(&SourceFile) -> (Loaded, Option<Vec<u8>>)>;

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

    /// Files rejected with errors, in id order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Slots matching `folded_query` (see [`fold`]) in list order, looking only at
    /// `within` when given (a longer query can only match a subset of what a shorter
    /// one matched, and new rows need a look only at themselves).
    /// Large scans are split over two threads: the machines this targets have two cores.
    pub fn filter(&self, folded_query: &str, within: Option<&[Slot]>) -> Vec<Slot> {
        let candidates = within.unwrap_or(&self.order);
        if folded_query.is_empty() {
            return candidates.to_vec();
        }
        let finder = memchr::memmem::Finder::new(folded_query.as_bytes());
        let slots = &self.slots;
        let scan = |part: &[Slot]| -> Vec<Slot> {
            part.iter()
                .copied()
                .filter(|&i| {
                    slots[i]
                        .as_ref()
                        .is_some_and(|r| finder.find(r.search.as_bytes()).is_some())
                })
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowercases_and_joins_white_space_runs() {
        assert_eq!(fold("Peskov  SAID\n\tno"), "peskov said no");
        assert_eq!(fold("ÉTÉ Zoë\u{3000}\u{3000}東京 "), "ete zoe 東京 ");
        // Accents fold both ways, precomposed or not; a Japanese voiced mark stays.
        assert_eq!(fold("Xiǎowén Lín"), "xiaowen lin");
        assert_eq!(fold("Zoe\u{308}"), "zoe");
        assert_eq!(fold("が"), "か\u{3099}");
        assert_eq!(fold("  a\u{b}b"), " a b");
        assert_eq!(fold("Straße İ"), "straße i");
    }

    #[test]
    fn folding_agrees_with_the_char_by_char_rule() {
        use unicode_normalization::UnicodeNormalization;
        let slow = |s: &str| {
            let mut out = String::new();
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    if !space {
                        out.push(' ');
                    }
                    space = true;
                } else {
                    // The rule as written: decompose, drop U+0300–U+036F, lowercase.
                    for d in std::iter::once(c).nfd() {
                        if !('\u{300}'..='\u{36f}').contains(&d) {
                            out.extend(d.to_lowercase());
                        }
                    }
                    space = false;
                }
            }
            out
        };
        for s in [
            "",
            " ",
            "Hello World",
            "a \r\n b",
            "東京で会見：大臣「合意は存在しない」🎉 Zoë's CAFÉ",
            "وقال المتحدث  إن",
            "x\u{a0}\u{a0}y\u{85}Z",
        ] {
            assert_eq!(fold(s), slow(s), "{s:?}");
        }
    }

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
