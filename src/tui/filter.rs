//! The search prompt as a filter: the query language of [`crate::query`] parsed on
//! each keystroke and answered by the index (filters in SQL, words through FTS5),
//! ranked by the field the words matched in; the rows the index does not know yet
//! (changed on disk since) are judged in memory by the ground truth,
//! [`Query::matches`]. Without an index, words are sought in the rows' folded text
//! (made from the files on the first such search), and filters wait for the index.

use std::collections::HashSet;

use crate::index::{Field, Index};
use crate::model::{Article, ArticleId};
use crate::query::fold::fold;
use crate::query::{Filter, Query, State, Vocabulary, complete};

use super::app::App;
use super::library::{Slot, Why};

/// The index the prompt asks, with what the corpus names (for completion and for
/// comparing tags and outlets folded).
#[derive(Debug)]
pub struct Indexed {
    pub index: Index,
    /// Made when first asked for, unless the start's worker hands it over first (see
    /// [`Indexed::offer_vocabulary`]): at 100,000 articles it is ~9 MB, which should
    /// not be held while the files are checked.
    vocabulary: std::cell::OnceCell<Vocabulary>,
}

impl Indexed {
    /// The index, its vocabulary to be read when first needed.
    pub fn new(index: Index) -> Indexed {
        Indexed {
            index,
            vocabulary: std::cell::OnceCell::new(),
        }
    }

    pub fn with_vocabulary(index: Index, vocabulary: Vocabulary) -> Indexed {
        Indexed {
            index,
            vocabulary: vocabulary.into(),
        }
    }

    /// What the corpus names, read from the index the first time.
    pub fn vocabulary(&self) -> Result<&Vocabulary, crate::index::Error> {
        if let Some(vocabulary) = self.vocabulary.get() {
            return Ok(vocabulary);
        }
        let vocabulary = self.index.vocabulary()?;
        Ok(self.vocabulary.get_or_init(|| vocabulary))
    }

    /// Takes `vocabulary` (read by another connection to the same index, as it is
    /// now) unless one was read already.
    pub fn offer_vocabulary(&self, vocabulary: Vocabulary) {
        let _ = self.vocabulary.set(vocabulary);
    }
}

/// The search prompt: the text typed, the last query that parsed (what the list
/// shows), and what the last keystroke found wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Whether keys are being typed into the query.
    pub typing: bool,
    /// The last good query: the list shows what it matches.
    pub active: Query,
    /// The one-line message for the text typed, while it does not parse (or
    /// cannot be answered): the last good result stays.
    pub error: Option<String>,
    /// Where the words matched, for each row shown (none without words).
    pub fields: SlotMap<Why>,
    /// What the last Tab offered, shown under the prompt.
    pub candidates: Vec<String>,
    /// Set by the loop while it takes a burst of queued keys: the query is then
    /// applied once, after the last of them, not once per key.
    pub deferred: bool,
    /// The text changed while deferred: apply it before anything reads the list.
    pub stale: bool,
    /// The last query the index answered while typing, the index's data version
    /// then, and the numbers of the articles it matched, ascending: a query that
    /// only narrows it (see [`narrows`]) looks among those alone, while the index
    /// is unchanged.
    pub last_answer: Option<(Query, i64, Vec<i64>)>,
    /// The slot of each article number the index answered with, as last found,
    /// and the index's data version then: a keystroke that keeps every article
    /// checks each slot's id rather than looking every id up (see `slot_of`).
    pub slots: Option<(i64, Vec<Slot>)>,
}

/// A map keyed by slot, with rustc's multiplicative hash: a keystroke may fill it
/// with every row, and slots are small integers that SipHash would only slow down.
pub type SlotMap<V> = rustc_hash::FxHashMap<Slot, V>;

impl Search {
    /// Where the words of the query matched in the row in `slot`.
    pub fn why(&self, slot: Slot) -> Option<Why> {
        self.fields.get(&slot).copied()
    }
}

impl From<Field> for Why {
    fn from(field: Field) -> Why {
        match field {
            Field::Title => Why::Title,
            Field::Actor => Why::Actor,
            Field::Claim => Why::Claim,
            Field::Body => Why::Body,
        }
    }
}

/// The most rows changed on disk since the index was written that a keystroke
/// judges in memory (each is a file read).
const IN_MEMORY_AT_MOST: usize = 256;

/// A field's place in the ranking: the title says most, the body least.
fn rank(why: Option<Why>) -> u8 {
    match why {
        Some(Why::Title) | None => 0,
        Some(Why::Actor) => 1,
        Some(Why::Claim) => 2,
        Some(Why::Body) => 3,
    }
}

impl App {
    /// The query text changed: parse it; a good query is applied at once, a bad one
    /// says what and where and leaves the list as the last good one made it.
    pub fn edit_query(&mut self) {
        self.search.candidates.clear();
        if self.search.deferred {
            self.search.stale = true;
            return;
        }
        self.search.stale = false;
        let query = match Query::parse(&self.search.query) {
            Ok(query) => query,
            Err(e) => {
                self.search.error = Some(e.to_string());
                return;
            }
        };
        let before = std::mem::replace(&mut self.search.active, query);
        let keep = self.visible.get(self.selected).copied();
        match self.matching(true) {
            Ok((slots, fields)) => {
                self.search.error = None;
                self.visible = self.shown(slots);
                self.search.fields = fields;
                self.select_again(keep);
            }
            Err(message) => {
                self.search.active = before;
                self.search.error = Some(message);
            }
        }
    }

    /// Applies a query typed during a burst of keys (see [`Search::deferred`]).
    pub fn settle_query(&mut self) {
        self.search.deferred = false;
        if self.search.stale {
            self.edit_query();
        }
    }

    /// Clears the query and shows every row again.
    pub fn clear_search(&mut self) {
        let deferred = self.search.deferred;
        self.search = Search {
            deferred,
            ..Default::default()
        };
        let keep = self.visible.get(self.selected).copied();
        self.filter_again();
        self.select_again(keep);
    }

    /// Makes the list again with the active query (the rows or the index changed);
    /// the caller places the selection. Should the index fail, the list stays as it
    /// was, less the rows that are gone, and the status bar says why.
    pub fn filter_again(&mut self) {
        // The rows or the index changed: an earlier answer may be out of date.
        self.search.last_answer = None;
        match self.matching(false) {
            Ok((slots, fields)) => {
                self.visible = self.shown(slots);
                self.search.fields = fields;
            }
            Err(message) => {
                self.visible.retain(|&s| self.library.row(s).is_some());
                self.message = Some(message);
            }
        }
    }

    /// The selection back on `keep` when it is still listed, else on the first row.
    fn select_again(&mut self, keep: Option<Slot>) {
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.keep_selection_visible();
    }

    /// The slots the active query keeps, best field first and then in list order,
    /// with where each one's words matched. `typing`: the query was just typed, so
    /// the index's last answer may be narrowed rather than the corpus searched.
    fn matching(&mut self, typing: bool) -> Result<(Vec<Slot>, SlotMap<Why>), String> {
        let last = std::mem::take(&mut self.search.last_answer);
        let query = &self.search.active;
        if query.is_empty() {
            return Ok((self.library.order().to_vec(), SlotMap::default()));
        }
        // Per slot: `None` not found, else where its words matched best. A vector, not a
        // map: a keystroke may find every row.
        let mut found: Vec<Option<Option<Why>>> = Vec::new();
        fn put(found: &mut Vec<Option<Option<Why>>>, slot: Slot, why: Option<Why>) {
            if found.len() <= slot {
                found.resize(slot + 1, None);
            }
            found[slot] = Some(why);
        }
        match &self.index {
            Some(indexed) => {
                let read = |id: &ArticleId| self.read.is_read(id);
                // Not with `is:unread`: the read state may have changed since.
                let unread = query.terms().iter().any(
                    |t| matches!(&t.filter, Filter::Is(states) if states.contains(&State::Unread)),
                );
                // The numbers of the last answer name the same articles only while no
                // other connection wrote the index.
                let version = indexed.index.data_version().ok();
                let within = last
                    .as_ref()
                    .filter(|(wider, at, _)| {
                        typing && !unread && Some(*at) == version && narrows(query, wider)
                    })
                    .map(|(_, _, nums)| nums.as_slice());
                let matches = indexed
                    .vocabulary()
                    .and_then(|vocabulary| match within {
                        Some(within) => indexed
                            .index
                            .matching_within(query, vocabulary, &read, within),
                        None => indexed.index.matching(query, vocabulary, &read),
                    })
                    .map_err(|e| format!("The index cannot answer: {e}"))?;
                if let Some(version) = version {
                    let mut answer: Vec<i64> = matches.iter().map(|m| m.num).collect();
                    answer.sort_unstable();
                    self.search.last_answer = Some((query.clone(), version, answer));
                }
                // Judging a row in memory reads its file: for a few rows (the watcher's)
                // that is quick; after a reload, every row waits for the index's check
                // instead, and the index's answer stands until it lands.
                let in_memory = self.unindexed.len() <= IN_MEMORY_AT_MOST;
                let judged = in_memory && !self.unindexed.is_empty();
                let mut slots = match self.search.slots.take() {
                    Some((at, slots)) if Some(at) == version => slots,
                    _ => Vec::new(),
                };
                for m in matches {
                    if judged && self.unindexed.contains(&m.id) {
                        continue;
                    }
                    if let Some(slot) = slot_of(&self.library, &mut slots, m.num, &m.id) {
                        put(&mut found, slot, m.field.map(Why::from));
                    }
                }
                if let Some(version) = version {
                    self.search.slots = Some((version, slots));
                }
                // Rows changed on disk since the index was written: judged in memory.
                for id in self.unindexed.iter().filter(|_| in_memory) {
                    let Some(slot) = self.library.slot(id) else {
                        continue;
                    };
                    let Some(article) = self.library.read(id).and_then(|l| l.article) else {
                        continue;
                    };
                    if query.matches(&article, &read) {
                        put(&mut found, slot, best_field(&article, query).map(Why::from));
                    }
                }
            }
            None => {
                if query
                    .terms()
                    .iter()
                    .any(|t| !matches!(t.filter, Filter::Text(_)))
                {
                    return Err(
                        "Filters need the index, which is still being built: words only for now."
                            .to_string(),
                    );
                }
                // Made once, on the first search without the index (a file read each).
                self.library.fold_search_texts();
                for slot in self.library.order() {
                    if let Some(why) = self.library.row(*slot).and_then(|r| r.why_all(query)) {
                        put(&mut found, *slot, why);
                    }
                }
            }
        }
        // One pass over the list order, into one bucket per rank.
        let mut buckets: [Vec<Slot>; 4] = Default::default();
        let mut fields = SlotMap::default();
        for &slot in self.library.order() {
            if let Some(Some(why)) = found.get(slot) {
                buckets[usize::from(rank(*why))].push(slot);
                if let Some(why) = why {
                    fields.insert(slot, *why);
                }
            }
        }
        Ok((buckets.concat(), fields))
    }

    /// Tab at the prompt: completes the word before the cursor (the end) — a key, or
    /// an actor id, tag, outlet or language the index knows. One candidate is put in;
    /// several put in what they share and are listed under the prompt.
    pub fn complete_query(&mut self) {
        let empty = Vocabulary::default();
        let vocabulary = self.index.as_ref().and_then(|i| i.vocabulary().ok());
        let vocabulary = vocabulary.unwrap_or(&empty);
        let query = &self.search.query;
        let completion = complete(query, query.len(), vocabulary);
        let texts: Vec<&str> = completion
            .candidates
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        let Some(first) = texts.first() else {
            self.search.candidates.clear();
            return;
        };
        let shared = texts.iter().fold(first.to_string(), |acc, t| {
            acc.chars()
                .zip(t.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        });
        let typed = &query[completion.replace.clone()];
        let offered: Vec<String> = completion
            .candidates
            .iter()
            .map(|c| match &c.label {
                Some(label) => format!("{} ({label})", c.text),
                None => c.text.clone(),
            })
            .collect();
        if texts.len() == 1 || shared.chars().count() > typed.chars().count() {
            let mut text = query.clone();
            text.replace_range(completion.replace.clone(), &shared);
            self.search.query = text;
            // At once, even in a burst: the candidates below belong to this text.
            let deferred = std::mem::take(&mut self.search.deferred);
            self.edit_query();
            self.search.deferred = deferred;
        }
        self.search.candidates = if texts.len() > 1 { offered } else { Vec::new() };
    }

    /// The rows changed on disk since the index was written (the watcher's, a
    /// reload's): the filter judges them in memory until the index has them.
    pub fn mark_unindexed(&mut self, ids: impl IntoIterator<Item = ArticleId>) {
        if self.index.is_none() {
            return;
        }
        for id in ids {
            // Changed again while a check runs: that check may have read it before.
            if let Some(covered) = &mut self.reindexing {
                covered.remove(&id);
            }
            self.unindexed.insert(id);
        }
    }

    /// A connection for a check of the files the index does not hold yet, when one
    /// is due: rows wait for it, loading is over and no other check runs.
    pub fn reindex_due(&mut self) -> Option<Index> {
        let due = !self.unindexed.is_empty()
            && self.reindexing.is_none()
            && matches!(self.loading, super::app::Loading::Done)
            && self.index_progress != super::indexed::Progress::Checking;
        if !due {
            return None;
        }
        let index = self.index.as_ref()?.index.another().ok()?;
        self.reindexing = Some(self.unindexed.clone());
        Some(index)
    }

    /// A check is over: the rows it covered are the index's again.
    pub fn reindexed(&mut self, indexed: Indexed) {
        let covered = self.reindexing.take().unwrap_or_default();
        self.unindexed.retain(|id| !covered.contains(id));
        self.index = Some(indexed);
        let keep = self.visible.get(self.selected).copied();
        self.filter_again();
        self.select_again(keep);
    }

    /// Marks the files the watcher (or an editor's save) read again as unindexed.
    pub fn mark_changed(&mut self, changes: &[super::watch::FileChange]) {
        use super::watch::FileChange;
        let ids = changes.iter().filter_map(|c| match c {
            FileChange::Row(row) => Some(row.id.clone()),
            FileChange::Problem(problem) => Some(problem.id.clone()),
            FileChange::Removed(_) | FileChange::Rescan => None,
        });
        let ids: Vec<ArticleId> = ids.collect();
        self.mark_unindexed(ids);
    }

    /// The index to ask from now on (a second connection to the one the start
    /// used), once it holds every file as this list shows it.
    pub fn use_index(&mut self, indexed: Indexed) {
        self.index = Some(indexed);
        self.search.last_answer = None;
        self.unindexed = HashSet::new();
        self.reindexing = None;
        // Searches ask the index from now on.
        self.library.forget_search_texts();
        // A query typed before the index came may be answered now.
        if !self.search.query.is_empty() {
            self.edit_query();
        }
    }
}

/// No slot known for an article number (see [`Search::slots`]).
const NO_SLOT: Slot = Slot::MAX;

/// The slot of the article `id`, numbered `num` by the index: the one `slots`
/// remembers for the number when it still holds that article (a compare), else
/// looked up and remembered.
fn slot_of(
    library: &super::library::Library,
    slots: &mut Vec<Slot>,
    num: i64,
    id: &ArticleId,
) -> Option<Slot> {
    let Ok(n) = usize::try_from(num) else {
        return library.slot(id);
    };
    if let Some(&slot) = slots.get(n)
        && slot != NO_SLOT
        && library.row(slot).is_some_and(|r| r.id == *id)
    {
        return Some(slot);
    }
    let slot = library.slot(id)?;
    if slots.len() <= n {
        slots.resize(n + 1, NO_SLOT);
    }
    slots[n] = slot;
    Some(slot)
}

/// Whether every article matching `new` matches `wider` too, as typing on shows:
/// `wider`'s terms come first, the same but for words typed further (`harb` after
/// `har`: a text holding the one holds the other), and terms added after them
/// only narrow (terms are ANDed).
pub fn narrows(new: &Query, wider: &Query) -> bool {
    let (new, wider) = (new.terms(), wider.terms());
    new.len() >= wider.len()
        && new.iter().zip(wider).all(|(n, w)| {
            n.negated == w.negated
                && match (&n.filter, &w.filter) {
                    (Filter::Text(a), Filter::Text(b)) if !n.negated => {
                        crate::index::fold(a).contains(&crate::index::fold(b))
                    }
                    (a, b) => a == b,
                }
        })
}

/// Where the words of `query` match `article` best, as the index names it: title,
/// then actor names, claims (statements and quotes), body.
fn best_field(article: &Article, query: &Query) -> Option<Field> {
    let words: Vec<String> = query
        .terms()
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| match &t.filter {
            Filter::Text(w) => Some(fold(w)),
            _ => None,
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let names = article
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|s| fold(s))
        .collect::<Vec<_>>()
        .join("\n");
    let claims = article
        .claims
        .iter()
        .flat_map(|c| {
            std::iter::once(c.statement.as_str())
                .chain(c.quote.as_deref())
                .chain(c.stances().filter_map(|(_, s)| s.quote.as_deref()))
        })
        .map(fold)
        .collect::<Vec<_>>()
        .join("\n");
    let texts = [
        (Field::Title, fold(&article.title)),
        (Field::Actor, names),
        (Field::Claim, claims),
        (Field::Body, fold(&article.body)),
    ];
    words
        .iter()
        .filter_map(|w| {
            texts
                .iter()
                .find(|(_, t)| t.contains(w.as_str()))
                .map(|(f, _)| *f)
        })
        .min()
}
