//! The corpus-wide provenance screens: every actor, one actor's page, every contested
//! claim. Each is made from index queries when it is entered (nothing of it outlives the
//! screen), and [`Place`]s remember where the user was so `back` can return there.

use std::collections::HashMap;

use crate::index::{self, ActorStance, ActorSummary, ClaimRef, Index, Relay, Sided};
use crate::model::{ActorId, ArticleId, ClaimId};

use super::layout::Pane;

/// A column of the actors screen, which its sort key cycles through: the index's
/// own sort column, so the screen asks for exactly what it shows.
pub use crate::index::ActorColumn as Column;

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Name,
        Column::Kind,
        Column::Role,
        Column::Articles,
        Column::Asserted,
        Column::Denied,
        Column::Relayed,
        Column::About,
    ];

    pub fn next(self) -> Column {
        let at = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(at + 1) % Column::ALL.len()]
    }

    /// Counts sort largest first unless reversed; words sort A to Z.
    pub fn numeric(self) -> bool {
        !matches!(self, Column::Name | Column::Kind | Column::Role)
    }

    /// The header, long or abbreviated to five columns.
    pub fn title(self, short: bool) -> &'static str {
        match (self, short) {
            (Column::Name, _) => "Name",
            (Column::Kind, _) => "Kind",
            (Column::Role, _) => "Role",
            (Column::Articles, false) => "Articles",
            (Column::Asserted, false) => "Asserted",
            (Column::Denied, false) => "Denied",
            (Column::Relayed, false) => "Relayed",
            (Column::About, false) => "About",
            (Column::Articles, true) => "Art.",
            (Column::Asserted, true) => "Ass.",
            (Column::Denied, true) => "Den.",
            (Column::Relayed, true) => "Rel.",
            (Column::About, true) => "About",
        }
    }
}

/// One actor as the actors screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRow {
    pub summary: ActorSummary,
    /// Other ids whose names suggest the same actor.
    pub duplicates: Vec<ActorId>,
}

/// The actors screen: the ids shown in order (sorted and searched by the index),
/// and the rows of those near the view, read as the user scrolls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorsView {
    /// Actors in the index.
    pub all: usize,
    /// Ids shown, sorted and filtered.
    pub shown: Vec<ActorId>,
    /// Rows read, by id: those near the view.
    pub rows: HashMap<ActorId, ActorRow>,
    pub sort: Column,
    pub reverse: bool,
    pub query: String,
    /// Keys go into the query.
    pub typing: bool,
    /// Position in `shown`.
    pub selected: usize,
    pub offset: usize,
    /// What to say about the selected actor: its conflicting declarations and likely
    /// duplicates, or where it is declared.
    pub details: Vec<String>,
}

/// One line of an actor's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The actor asserted or denied a claim.
    Stance(ActorStance),
    /// Someone took a stance through a chain naming the actor.
    Relay(Relay),
    /// A claim about the actor, with both its sides.
    About(Sided),
}

impl Entry {
    pub fn claim(&self) -> &ClaimRef {
        match self {
            Entry::Stance(s) => &s.claim,
            Entry::Relay(r) => &r.claim,
            Entry::About(a) => &a.claim,
        }
    }
}

/// Everything one actor did, across articles: its stances read as the user scrolls
/// (an actor may take thousands), the relays and claims about it all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPage {
    pub id: ActorId,
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    /// Articles declaring the id.
    pub declared: usize,
    /// Stances fetched (newest first), from stance `start` on.
    stances: Vec<Entry>,
    start: usize,
    /// Relays, then claims about the actor, each newest first.
    rest: Vec<Entry>,
    /// How many entries of each kind: stances, relays, claims about the actor.
    pub sections: [usize; 3],
    /// Names of every id the entries fetched mention.
    pub names: HashMap<ActorId, String>,
    pub selected: usize,
    /// First line shown.
    pub offset: usize,
}

/// Every contested claim of the corpus: how many, and those near the view, fetched
/// as the user scrolls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContestedView {
    /// Articles with contested claims, newest first: number in the index, how many.
    files: Vec<(i64, u32)>,
    /// Position of each article's first contested claim.
    starts: Vec<usize>,
    /// Contested claims in all.
    pub total: usize,
    /// The claims fetched, from position `start` on.
    pub rows: Vec<Sided>,
    pub start: usize,
    pub selected: usize,
    pub offset: usize,
}

/// Claims fetched beyond each end of the view, so a few steps need no query.
const MARGIN: usize = 50;

impl ContestedView {
    /// How many claims are contested, and in which articles; no claim is read yet.
    pub fn query(index: &Index) -> Result<ContestedView, index::Error> {
        let files = index.contested_files()?;
        let mut starts = Vec::with_capacity(files.len());
        let mut total = 0usize;
        for &(_, n) in &files {
            starts.push(total);
            total += n as usize;
        }
        Ok(ContestedView {
            files,
            starts,
            total,
            rows: Vec::new(),
            start: 0,
            selected: 0,
            offset: 0,
        })
    }

    /// The claim at `pos`, if fetched.
    pub fn row(&self, pos: usize) -> Option<&Sided> {
        self.rows.get(pos.checked_sub(self.start)?)
    }

    /// Makes sure the claims at `from..from + count` are fetched: the articles
    /// holding them and a margin either side, nothing else.
    pub fn fetch(&mut self, index: &Index, from: usize, count: usize) -> Result<(), index::Error> {
        let end = (from + count).min(self.total);
        if from >= self.start && end <= self.start + self.rows.len() {
            return Ok(());
        }
        let (lo, hi) = (from.saturating_sub(MARGIN), end + MARGIN);
        // The article holding `lo`, through the one holding `hi - 1`.
        let first = self.starts.partition_point(|&s| s <= lo).saturating_sub(1);
        let last = self.starts.partition_point(|&s| s < hi);
        let nums: Vec<i64> = self.files[first..last].iter().map(|f| f.0).collect();
        self.rows = index.contested_of(&nums)?;
        self.start = self.starts.get(first).copied().unwrap_or(0);
        Ok(())
    }
}

/// Where the user was: enough to make the screen again, selection included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    List {
        selected: Option<ArticleId>,
    },
    Article {
        id: ArticleId,
        /// The claim by id, found again even if the file changed; else by position.
        claim: Option<ClaimId>,
        position: usize,
        focus: Pane,
    },
    Actors {
        sort: Column,
        reverse: bool,
        query: String,
        selected: Option<ActorId>,
    },
    Actor {
        id: ActorId,
        selected: usize,
    },
    Contested {
        selected: usize,
    },
}

/// How many places `back` can return to; the oldest are forgotten past this.
pub const HISTORY: usize = 100;

fn fold(s: &str) -> String {
    crate::query::fold::fold(s)
}

/// Rows read beyond each end of the actors screen's view.
const ACTOR_MARGIN: usize = 50;

impl ActorsView {
    /// Every actor of the index, most articles first.
    pub fn query(index: &Index) -> Result<ActorsView, index::Error> {
        let mut view = ActorsView {
            all: index.actor_total()?,
            shown: Vec::new(),
            rows: HashMap::new(),
            sort: Column::Articles,
            reverse: false,
            query: String::new(),
            typing: false,
            selected: 0,
            offset: 0,
            details: Vec::new(),
        };
        view.reshow(index, None)?;
        Ok(view)
    }

    pub fn selected_row(&self) -> Option<&ActorRow> {
        self.rows.get(self.shown.get(self.selected)?)
    }

    /// The id at `pos` in the list shown.
    pub fn selected_id(&self) -> Option<&ActorId> {
        self.shown.get(self.selected)
    }

    /// Searches and sorts again, keeping `keep` selected when it is still shown.
    pub fn reshow(&mut self, index: &Index, keep: Option<&ActorId>) -> Result<(), index::Error> {
        let q = fold(&self.query);
        self.shown = index.actor_order(self.sort, self.reverse, &q)?;
        self.selected = keep
            .and_then(|k| self.shown.iter().position(|id| id == k))
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
        Ok(())
    }

    /// Reads the rows from `from` on, `count` of them and a margin either side,
    /// that are not read yet; forgets those far from them.
    pub fn fetch(&mut self, index: &Index, from: usize, count: usize) -> Result<(), index::Error> {
        let lo = from.saturating_sub(ACTOR_MARGIN);
        let hi = (from + count + ACTOR_MARGIN).min(self.shown.len());
        let near = &self.shown[lo.min(hi)..hi];
        let (first, last) = (from.min(hi), (from + count).min(hi));
        if self.shown[first..last]
            .iter()
            .all(|id| self.rows.contains_key(id))
        {
            return Ok(());
        }
        let mut rows: HashMap<ActorId, ActorRow> = HashMap::with_capacity(near.len());
        for id in near {
            if let Some(row) = self.rows.remove(id) {
                rows.insert(id.clone(), row);
                continue;
            }
            let Some(summary) = index.actor(id)? else {
                continue;
            };
            let duplicates = index.duplicates_of(id)?;
            rows.insert(
                id.clone(),
                ActorRow {
                    summary,
                    duplicates,
                },
            );
        }
        self.rows = rows;
        Ok(())
    }

    /// The sort key: the next column, or the same column reversed.
    pub fn sort_by(
        &mut self,
        index: &Index,
        column: Column,
        reverse: bool,
    ) -> Result<(), index::Error> {
        let keep = self.selected_id().cloned();
        self.sort = column;
        self.reverse = reverse;
        self.reshow(index, keep.as_ref())
    }

    /// Keeps the selection within `page` rows of the offset.
    pub fn keep_visible(&mut self, page: usize) {
        let page = page.max(1);
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }

    /// Says what the files say of the selected actor: conflicting declarations with
    /// their files, likely duplicates, or where it is declared.
    pub fn describe(&mut self, index: &Index, articles_dir: &std::path::Path) {
        self.details.clear();
        let Some(row) = self.selected_row() else {
            return;
        };
        let a = row.summary.clone();
        let duplicates = row.duplicates.clone();
        // Every declaration only where they differ (rare); else the first is enough.
        let limit = if a.conflict { usize::MAX } else { 1 };
        let named: Vec<(ActorId, String)> = duplicates
            .iter()
            .map(|id| {
                let name = index.actor(id).ok().flatten().map(|a| a.name);
                (id.clone(), name.unwrap_or_default())
            })
            .collect();
        // Where they do not, the first is kept with the actor's summary.
        let declarations = if a.conflict {
            index.declarations(&a.id, limit)
        } else {
            index
                .first_declaration(&a.id)
                .map(|d| d.into_iter().collect())
        };
        let Ok(declarations) = declarations else {
            return;
        };
        let file = |d: &index::Declaration| {
            let p = d.path.strip_prefix(articles_dir).unwrap_or(&d.path);
            crate::text::path(p)
        };
        if a.conflict {
            // Each distinct name and kind, with (some of) its files.
            let mut groups: Vec<(&str, &str, Vec<String>)> = Vec::new();
            for d in &declarations {
                match groups.iter_mut().find(|g| g.0 == d.name && g.1 == d.kind) {
                    Some(g) => g.2.push(file(d)),
                    None => groups.push((&d.name, &d.kind, vec![file(d)])),
                }
            }
            let parts: Vec<String> = groups
                .iter()
                .map(|(name, kind, files)| {
                    let more = files.len().saturating_sub(3);
                    let mut shown = files.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
                    if more > 0 {
                        shown.push_str(&format!(" and {more} more"));
                    }
                    format!("“{name}” ({kind}) in {shown}")
                })
                .collect();
            self.details
                .push(format!("! {} declared as {}", a.id, parts.join("; ")));
        }
        if !named.is_empty() {
            let names: Vec<String> = named
                .iter()
                .map(|(id, name)| format!("{id} “{name}”"))
                .collect();
            self.details.push(format!(
                "≈ {} may be the same actor as {}",
                a.id,
                names.join(", ")
            ));
        }
        if self.details.is_empty() {
            let first = declarations.first().map(file).unwrap_or_default();
            let n = usize::try_from(a.articles).unwrap_or(usize::MAX);
            let more = if n > 1 {
                format!(" and {} more file{}", n - 1, if n == 2 { "" } else { "s" })
            } else {
                String::new()
            };
            self.details
                .push(format!("{} · declared in {first}{more}", a.id));
        }
    }
}

/// What an actor's page lists: its articles in the order first listed, and its
/// claims.
pub type Listed = (Vec<ArticleId>, Vec<(ArticleId, ClaimId)>);

/// Stances fetched beyond each end of what is in view.
const STANCE_MARGIN: usize = 50;

impl ActorPage {
    /// What `id` did: how many stances it takes (none read yet), the stances
    /// relaying it, the claims about it.
    pub fn query(index: &Index, id: &ActorId) -> Result<ActorPage, index::Error> {
        let summary = index.actor(id)?;
        let relays = index.relayed(id)?;
        let about = index.about_sides(id)?;
        let stances = summary.as_ref().map_or(0, |a| a.asserted + a.denied);
        let sections = [
            usize::try_from(stances).unwrap_or(usize::MAX),
            relays.len(),
            about.len(),
        ];
        let rest: Vec<Entry> = relays
            .into_iter()
            .map(Entry::Relay)
            .chain(about.into_iter().map(Entry::About))
            .collect();
        let mut page = ActorPage {
            id: id.clone(),
            name: summary.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
            kind: summary.as_ref().map(|a| a.kind.clone()).unwrap_or_default(),
            role: summary.as_ref().and_then(|a| a.role.clone()),
            declared: summary.map_or(0, |a| usize::try_from(a.articles).unwrap_or(usize::MAX)),
            stances: Vec::new(),
            start: 0,
            rest,
            sections,
            names: HashMap::new(),
            selected: 0,
            offset: 0,
        };
        page.name_ids(index)?;
        Ok(page)
    }

    /// Entries on the page in all.
    pub fn len(&self) -> usize {
        self.sections.iter().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `i`: stances first, then relays, then claims about the actor; a stance
    /// only if fetched.
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        match i.checked_sub(self.sections[0]) {
            Some(rest) => self.rest.get(rest),
            None => self.stances.get(i.checked_sub(self.start)?),
        }
    }

    /// Makes sure the entries `from..from + count` are at hand: fetches the stances
    /// among them (and a margin either side) when they are not.
    pub fn fetch(&mut self, index: &Index, from: usize, count: usize) -> Result<(), index::Error> {
        let end = (from + count).min(self.sections[0]);
        if from >= end || (from >= self.start && end <= self.start + self.stances.len()) {
            return Ok(());
        }
        let lo = from.saturating_sub(STANCE_MARGIN);
        let hi = end + STANCE_MARGIN;
        self.stances = index
            .stances_page(&self.id, lo, hi - lo)?
            .into_iter()
            .map(Entry::Stance)
            .collect();
        self.start = lo;
        self.name_ids(index)
    }

    /// Names every id the entries at hand mention.
    fn name_ids(&mut self, index: &Index) -> Result<(), index::Error> {
        let mut ids: Vec<ActorId> = vec![self.id.clone()];
        for e in self.stances.iter().chain(&self.rest) {
            match e {
                Entry::Stance(s) => ids.extend(s.via.iter().cloned()),
                Entry::Relay(r) => {
                    ids.push(r.by.clone());
                    ids.extend(r.via.iter().cloned());
                }
                Entry::About(_) => {}
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids.retain(|id| !self.names.contains_key(id));
        // From the actors' summaries: `names` reads every declaration of an id, and
        // the ids here may be declared in thousands of articles.
        let names = index.summary_names(&ids)?;
        self.names.extend(names);
        Ok(())
    }

    /// The name of `id` as the corpus gives it, else the id.
    pub fn name_of<'a>(&'a self, id: &'a ActorId) -> &'a str {
        self.names.get(id).map_or(id.as_str(), String::as_str)
    }

    /// The articles the page lists, in the order first listed, and its claims: asks
    /// the index for every stance, not only those fetched.
    pub fn listed(&self, index: &Index) -> Result<Listed, index::Error> {
        let stances = index.stances_of(&self.id)?;
        let mut articles: Vec<ArticleId> = Vec::new();
        // Borrowed from the entries: an actor may take stances in thousands of articles.
        let mut seen: std::collections::HashSet<&ArticleId> = std::collections::HashSet::new();
        let mut claims = Vec::with_capacity(stances.len() + self.rest.len());
        let all = stances.iter().map(|s| &s.claim);
        for c in all.chain(self.rest.iter().map(Entry::claim)) {
            if seen.insert(&c.article.id) {
                articles.push(c.article.id.clone());
            }
            claims.push((c.article.id.clone(), c.claim.clone()));
        }
        Ok((articles, claims))
    }
}

/// Lines of a page: the header, then each section's title and its entries.
pub mod page_lines {
    use super::ActorPage;

    /// Lines above the first section.
    pub const HEADER: usize = 2;
    /// Lines per entry.
    pub const ENTRY: usize = 2;

    /// The first line of entry `i`.
    pub fn line_of(page: &ActorPage, i: usize) -> usize {
        let mut line = HEADER;
        let mut before = 0;
        for n in page.sections {
            // A blank line and the section's title.
            line += 2;
            if i < before + n {
                return line + (i - before) * ENTRY;
            }
            line += n.max(1) * ENTRY;
            before += n;
        }
        line
    }

    /// Every line of the page.
    pub fn total(page: &ActorPage) -> usize {
        HEADER
            + page
                .sections
                .iter()
                .map(|n| 2 + n.max(&1) * ENTRY)
                .sum::<usize>()
    }
}

/// The first of `lines` lines starting at `first` shown in `height`, from `offset`.
pub fn scrolled(offset: usize, first: usize, lines: usize, height: usize) -> usize {
    let height = height.max(1);
    if first < offset {
        first
    } else if first + lines > offset + height {
        (first + lines).saturating_sub(height)
    } else {
        offset
    }
}
