//! The corpus-wide questions the index answers in SQL: who said what, about whom,
//! through whom, what is contested, and which articles match a filter.

use std::sync::Arc;

use compact_str::CompactString;
use rusqlite::{Connection, Row, params_from_iter, types::Value};

use super::store::{SEP, kind_of, status_of};
use crate::model::{ActorId, ArticleId, ClaimId, StanceKind, Status};

/// The article a result comes from, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    pub id: ArticleId,
    pub title: String,
    /// RFC 3339 as written in the file.
    pub published: Option<String>,
}

/// A claim, with its article: shared, since a result may list many claims of one
/// article (an actor's stances, by the thousand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    pub article: Arc<ArticleRef>,
    pub claim: ClaimId,
    pub statement: String,
    pub status: Status,
    pub suggested: bool,
}

/// One stance of an actor: what they asserted or denied, where and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorStance {
    pub claim: ClaimRef,
    pub kind: StanceKind,
    pub via: Vec<ActorId>,
    /// A few words ("said", "told reporters"), as often as the stances: kept inline.
    pub cue: Option<CompactString>,
    pub quote: Option<String>,
}

/// A claim on which an actor is relayed: `by` took the stance, through a `via`
/// chain naming the actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relay {
    pub claim: ClaimRef,
    pub by: ActorId,
    pub kind: StanceKind,
    pub via: Vec<ActorId>,
}

/// A contested claim and who takes each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contested {
    pub claim: ClaimRef,
    pub asserters: Vec<ActorId>,
    pub deniers: Vec<ActorId>,
}

/// An actor across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSummary {
    pub id: ActorId,
    /// The name and kind of the first declaration, in article id order.
    pub name: String,
    pub kind: String,
    /// The role of that same declaration.
    pub role: Option<String>,
    /// Every distinct name files give the id, `name` first.
    pub names: Vec<String>,
    /// Articles that declare the actor.
    pub articles: u64,
    pub asserted: u64,
    pub denied: u64,
    /// Stances that relay the actor (it is in their `via`).
    pub relayed: u64,
    /// Claims about the actor.
    pub about: u64,
    /// Files declare the id with more than one name or kind.
    pub conflict: bool,
}

/// What the actors screen sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorColumn {
    Name,
    Kind,
    Role,
    Articles,
    Asserted,
    Denied,
    Relayed,
    About,
}

/// What the index stores of an actor's names beside its counts: `name` folded (a
/// sort by name compares it), its role folded, and every name and the id folded one
/// per line (what a search looks in). Its words go to `actor_words` (see [`word_rows`]).
fn folded_names(a: &ActorSummary) -> (String, String, String) {
    use crate::query::fold::{fold, fold_into};
    let mut search = String::new();
    for name in &a.names {
        fold_into(name, &mut search);
        search.push('\n');
    }
    fold_into(a.id.as_str(), &mut search);
    let role = a.role.as_deref().map(fold).unwrap_or_default();
    (fold(&a.name), role, search)
}

/// The rows `actor_words` holds for an actor named `names`: each name's words (see
/// [`crate::actors::words`]), those with any, as whole names, and their proper
/// suffixes; by words, each once. Worked out again from the names its summary
/// keeps, rather than looked up through an index of the table by actor (which would
/// repeat every row).
fn word_rows<'n>(names: impl IntoIterator<Item = &'n str>) -> Vec<(String, bool)> {
    let mut words: Vec<String> = names
        .into_iter()
        .map(crate::actors::words)
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut rows: Vec<(String, bool)> = Vec::new();
    for w in &words {
        rows.push((w.clone(), true));
        rows.extend(crate::actors::proper_suffixes(w).map(|s| (s.to_string(), false)));
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// What [`stored_names`] runs.
const NAMES: &str = "SELECT names FROM actor_summary WHERE actor = ?1";

/// The names an actor's summary keeps (`None` when it has none), by [`NAMES`].
fn stored_names(names: &mut rusqlite::Statement, actor: &str) -> rusqlite::Result<Option<String>> {
    let mut rows = names.query([actor])?;
    rows.next()?.map(|r| r.get(0)).transpose()
}

/// Which claims an article must hold to match [`Filter::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Contested,
    Unattributed,
    Suggested,
}

/// Articles to list: every condition given must hold (an empty filter matches all
/// articles that loaded). Dates compare the `YYYY-MM-DD` part of `published`,
/// both ends included; an article without a date matches no date range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The actor takes a stance in the article.
    pub actor: Option<ActorId>,
    /// A claim of the article is about the actor.
    pub about: Option<ActorId>,
    pub status: Option<StatusFilter>,
    pub tag: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

const CLAIM_COLUMNS: &str = "f.id, f.title, f.published, c.id, c.statement, c.status, c.suggested";

/// Column `i` of `row` as text, borrowed: an id is copied once, into its inline
/// form, not first into a `String` of its own.
pub(super) fn text<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    Ok(row.get_ref(i)?.as_str()?)
}

/// Column `i` of `row`, text or null, as an inline string (on the heap only past 24 bytes).
fn short_text(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<CompactString>> {
    Ok(row.get_ref(i)?.as_str_or_null()?.map(CompactString::new))
}

fn ids(joined: &str) -> Vec<ActorId> {
    // Most stances are direct: no chain to split.
    if joined.is_empty() {
        return Vec::new();
    }
    joined
        .split(SEP)
        .filter(|s| !s.is_empty())
        .map(ActorId::new)
        .collect()
}

/// Reads [`CLAIM_COLUMNS`] starting at column `at`.
fn claim_ref(row: &Row, at: usize) -> rusqlite::Result<ClaimRef> {
    Ok(ClaimRef {
        article: Arc::new(ArticleRef {
            id: ArticleId::new(text(row, at)?),
            title: row.get::<_, Option<String>>(at + 1)?.unwrap_or_default(),
            published: row.get(at + 2)?,
        }),
        claim: ClaimId::new(text(row, at + 3)?),
        statement: row.get(at + 4)?,
        status: status_of(row.get(at + 5)?),
        suggested: row.get(at + 6)?,
    })
}

/// Every stance `actor` takes, in every article, newest first (see [`stances_page`]).
///
/// Two statements read side by side, both in file order: the actor's range of
/// stances (each with its claim), and the article row of each file that declares
/// the actor, from the actor's range of `actors_actor` (they hold every file with a
/// stance of the actor: a checked article declares every actor its stances name;
/// the others are passed over). Each article is read once and shared by its
/// stances. A file's stances come out of the range together and already in claim
/// order, so only the files are ranked; their runs of stances are then put into
/// that order in place.
pub fn stances_of(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Vec<ActorStance>> {
    let mut stances = conn.prepare(
        "SELECT file, kind, via, cue, quote, claim_id, statement, status, claim_suggested
         FROM stances WHERE actor = ?1 ORDER BY file, claim, kind, pos",
    )?;
    let mut files = conn.prepare(
        "SELECT num, id, title, published FROM files
         WHERE num IN (SELECT file FROM actors WHERE actor = ?1) ORDER BY num",
    )?;
    let hint: i64 = conn
        .query_row(
            "SELECT asserted + denied FROM actor_summary WHERE actor = ?1",
            [actor.as_str()],
            |r| r.get(0),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(0),
            e => Err(e),
        })?;
    let hint = usize::try_from(hint).unwrap_or(0).min(1 << 20);
    // The articles met so far, in file order, each with its file's number.
    let mut articles: Vec<(i64, Arc<ArticleRef>)> = Vec::new();
    let mut file_rows = files.query([actor.as_str()])?;
    let mut ahead = None;
    let mut out: Vec<ActorStance> = Vec::with_capacity(hint);
    // Per run of stances of one article: the article (in `articles`), its first stance.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut rows = stances.query([actor.as_str()])?;
    while let Some(r) = rows.next()? {
        let file: i64 = r.get(0)?;
        if articles.last().is_none_or(|(num, _)| *num != file) {
            let Some(article) = article_at(&mut file_rows, &mut ahead, file)? else {
                // A stance whose article is missing is not listed (as a join would drop it).
                continue;
            };
            articles.push((file, Arc::new(article)));
            runs.push((articles.len() - 1, out.len()));
        }
        let Some((_, article)) = articles.last() else {
            continue;
        };
        out.push(ActorStance {
            kind: kind_of(r.get(1)?),
            via: ids(text(r, 2)?),
            cue: short_text(r, 3)?,
            quote: r.get(4)?,
            claim: ClaimRef {
                article: Arc::clone(article),
                claim: ClaimId::new(text(r, 5)?),
                statement: r.get(6)?,
                status: status_of(r.get(7)?),
                suggested: r.get(8)?,
            },
        });
    }
    drop(rows);
    drop(file_rows);
    let rank = rank_articles(&articles, |a| (&a.1.published, a.1.id.as_str()));
    // Each run ends where the next (in file order) starts.
    let mut ordered: Vec<(usize, usize, usize)> = runs
        .iter()
        .enumerate()
        .map(|(i, &(article, start))| {
            let end = runs.get(i + 1).map_or(out.len(), |next| next.1);
            (rank[article], start, end)
        })
        .collect();
    ordered.sort_unstable();
    // In place: a second vector of them all would be as large again.
    let mut from: Vec<usize> = Vec::with_capacity(out.len());
    for (_, start, end) in ordered {
        from.extend(start..end);
    }
    permute(&mut out, &mut from);
    Ok(out)
}

/// The article of `file`, from `files` (num, id, title, published, ascending) read
/// up to it; `ahead` keeps a row read past it, for the next file asked for.
fn article_at(
    files: &mut rusqlite::Rows<'_>,
    ahead: &mut Option<(i64, ArticleRef)>,
    file: i64,
) -> rusqlite::Result<Option<ArticleRef>> {
    while ahead.as_ref().is_none_or(|(num, _)| *num < file) {
        let Some(f) = files.next()? else {
            return Ok(None);
        };
        let num: i64 = f.get(0)?;
        // Rows before `file` are passed over without being read.
        if num >= file {
            let article = ArticleRef {
                id: ArticleId::new(text(f, 1)?),
                title: f.get::<_, Option<String>>(2)?.unwrap_or_default(),
                published: f.get(3)?,
            };
            *ahead = Some((num, article));
        }
    }
    Ok(ahead
        .take_if(|(num, _)| *num == file)
        .map(|(_, article)| article))
}

/// Puts `items[from[i]]` at `i`, for every `i`, in place (`from` is a permutation,
/// used up): each cycle of it is followed once, by swaps.
fn permute<T>(items: &mut [T], from: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..from.len() {
        let mut at = start;
        while from[at] != DONE {
            let next = from[at];
            from[at] = DONE;
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// Where a stance is stored: its file's number, claim position, kind code and
/// position among the claim's stances of that kind.
type StanceKey = (i64, i64, i64, i64);

/// Each of `files`' place in the page's order: newest first, undated (`None`) last,
/// then by article id. `date_id` gives a file's date and id.
fn rank_articles<T>(files: &[T], date_id: impl Fn(&T) -> (&Option<String>, &str)) -> Vec<usize> {
    // The keys side by side with their file's place: a comparison reads no file.
    let mut by_date: Vec<(Option<&str>, &str, usize)> = files
        .iter()
        .enumerate()
        .map(|(at, file)| {
            let (date, id) = date_id(file);
            (date.as_deref(), id, at)
        })
        .collect();
    // Article ids are unique: no two files compare equal.
    by_date.sort_unstable_by(|(a_date, a_id, _), (b_date, b_id, _)| {
        b_date.cmp(a_date).then_with(|| a_id.cmp(b_id))
    });
    let mut rank = vec![0usize; files.len()];
    for (at, &(_, _, f)) in by_date.iter().enumerate() {
        rank[f] = at;
    }
    rank
}

/// Reads a stance row: kind, via, cue, quote, then [`CLAIM_COLUMNS`].
fn actor_stance(r: &Row) -> rusqlite::Result<ActorStance> {
    Ok(ActorStance {
        kind: kind_of(r.get(0)?),
        via: ids(text(r, 1)?),
        cue: short_text(r, 2)?,
        quote: r.get(3)?,
        claim: claim_ref(r, 4)?,
    })
}

/// The keys of every stance `actor` takes, in the page's order: newest article
/// first (undated last), then by article id, each article's in claim order.
///
/// The keys come from the actor's range of `stances` (in file order), each file's
/// date and id from one look-up per file (ascending, so each page of `files` is read
/// once); files are ranked, then the keys sorted by rank. Nothing but the keys and
/// one date and id per file is held.
fn stance_order(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Vec<StanceKey>> {
    let mut keys = conn.prepare("SELECT file, claim, kind, pos FROM stances WHERE actor = ?1")?;
    let mut file = conn.prepare("SELECT published, id FROM files WHERE num = ?1")?;
    // Per file of the actor's: its number, date and id.
    let mut files: Vec<(i64, Option<String>, String)> = Vec::new();
    // Per stance: the index of its file in `files`, then its key.
    let mut stances: Vec<(usize, StanceKey)> = Vec::new();
    let mut rows = keys.query([actor.as_str()])?;
    while let Some(r) = rows.next()? {
        let key: StanceKey = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if files.last().is_none_or(|f| f.0 != key.0) {
            let (published, id) =
                file.query_row([key.0], |f| Ok((f.get(0)?, f.get::<_, String>(1)?)))?;
            files.push((key.0, published, id));
        }
        stances.push((files.len() - 1, key));
    }
    drop(rows);
    let rank = rank_articles(&files, |f| (&f.1, f.2.as_str()));
    stances.sort_unstable_by_key(|&(f, key)| (rank[f], key));
    Ok(stances.into_iter().map(|(_, key)| key).collect())
}

/// The stances `actor` takes from the `from`th on, at most `limit`: newest first
/// (undated last), then by article id, each article's in claim order.
///
/// The order is worked out from the keys alone (see [`stance_order`]); only the
/// stances returned are read whole, with their claim and article.
pub fn stances_page(
    conn: &Connection,
    actor: &ActorId,
    from: usize,
    limit: usize,
) -> rusqlite::Result<Vec<ActorStance>> {
    let order = stance_order(conn, actor)?;
    let Some(window) = order.get(from..) else {
        return Ok(Vec::new());
    };
    let window = &window[..limit.min(window.len())];
    let mut stmt = conn.prepare(
        "SELECT s.kind, s.via, s.cue, s.quote, f.id, f.title, f.published,
                c.id, c.statement, c.status, c.suggested
         FROM stances AS s
         CROSS JOIN claims AS c ON c.file = s.file AND c.pos = s.claim
         CROSS JOIN files AS f ON f.num = s.file
         WHERE s.actor = ?1 AND s.file = ?2 AND s.claim = ?3 AND s.kind = ?4 AND s.pos = ?5",
    )?;
    let mut out = Vec::with_capacity(window.len());
    for &(file, claim, kind, pos) in window {
        let args = rusqlite::params![actor.as_str(), file, claim, kind, pos];
        out.push(stmt.query_row(args, actor_stance)?);
    }
    Ok(out)
}

/// Every stance that relays `actor` (names it in its `via`), newest first.
pub fn relayed(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Vec<Relay>> {
    let sql = format!(
        "SELECT DISTINCT s.actor, s.kind, s.via, {CLAIM_COLUMNS}, s.claim, s.pos
         FROM via AS v INDEXED BY via_actor
         CROSS JOIN stances AS s ON s.file = v.file AND s.claim = v.claim AND s.kind = v.kind
              AND s.pos = v.pos
         CROSS JOIN claims AS c ON c.file = v.file AND c.pos = v.claim
         CROSS JOIN files AS f ON f.num = v.file
         WHERE v.actor = ?1
         ORDER BY f.published DESC, f.id, s.claim, s.kind, s.pos"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([actor.as_str()], |r| {
        Ok(Relay {
            by: ActorId::new(text(r, 0)?),
            kind: kind_of(r.get(1)?),
            via: ids(text(r, 2)?),
            claim: claim_ref(r, 3)?,
        })
    })?;
    rows.collect()
}

/// Every claim about `actor`, newest first.
pub fn about(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Vec<ClaimRef>> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS}
         FROM about AS a
         CROSS JOIN claims AS c ON c.file = a.file AND c.pos = a.claim
         CROSS JOIN files AS f ON f.num = a.file
         WHERE a.actor = ?1
         ORDER BY f.published DESC, f.id, c.pos"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([actor.as_str()], |r| claim_ref(r, 0))?;
    rows.collect()
}

/// Every contested claim with its asserters and deniers (in file order), newest first.
pub fn contested(conn: &Connection) -> rusqlite::Result<Vec<Contested>> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS},
           (SELECT group_concat(actor, char(31)) FROM
              (SELECT actor FROM stances WHERE file = c.file AND claim = c.pos
               AND kind = 0 ORDER BY pos)),
           (SELECT group_concat(actor, char(31)) FROM
              (SELECT actor FROM stances WHERE file = c.file AND claim = c.pos
               AND kind = 1 ORDER BY pos))
         FROM files AS f
         JOIN claims AS c ON c.file = f.num
         WHERE f.contested > 0 AND c.status = 2
         ORDER BY f.published DESC, f.id, c.pos"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(Contested {
            claim: claim_ref(r, 0)?,
            asserters: ids(&r.get::<_, Option<String>>(7)?.unwrap_or_default()),
            deniers: ids(&r.get::<_, Option<String>>(8)?.unwrap_or_default()),
        })
    })?;
    rows.collect()
}

/// Every actor declared anywhere, in id order, with its counts: one read of
/// `actor_summary`, which the writer keeps.
pub fn actors(conn: &Connection) -> rusqlite::Result<Vec<ActorSummary>> {
    let mut stmt = conn.prepare(&format!("{SUMMARY} ORDER BY actor"))?;
    let rows = stmt.query_map([], summary_row)?;
    rows.collect()
}

const SUMMARY: &str = "SELECT actor, name, kind, role, names, articles, asserted, denied,
    relayed, about, conflict FROM actor_summary";

/// Reads a row of [`SUMMARY`].
fn summary_row(r: &Row) -> rusqlite::Result<ActorSummary> {
    let count = |i: usize| r.get::<_, i64>(i).map(|n| u64::try_from(n).unwrap_or(0));
    Ok(ActorSummary {
        id: ActorId::new(text(r, 0)?),
        name: r.get(1)?,
        kind: r.get(2)?,
        role: r.get(3)?,
        names: r
            .get_ref(4)?
            .as_str()?
            .split(SEP)
            .map(str::to_string)
            .collect(),
        articles: count(5)?,
        asserted: count(6)?,
        denied: count(7)?,
        relayed: count(8)?,
        about: count(9)?,
        conflict: r.get(10)?,
    })
}

/// The ids of the actors whose names or id hold `search` (folded; empty: every
/// actor), in the order of `column` (counts largest first, words A to Z; ties by
/// name, then id), or its reverse. Actors without a kind or role go last either way.
pub fn actor_order(
    conn: &Connection,
    column: ActorColumn,
    reverse: bool,
    search: &str,
) -> rusqlite::Result<Vec<ActorId>> {
    let (asc, desc) = if reverse {
        ("DESC", "ASC")
    } else {
        ("ASC", "DESC")
    };
    let order = match column {
        ActorColumn::Name => format!("sort_name {asc}, actor {asc}"),
        ActorColumn::Kind => format!("kind = '', kind {asc}, sort_name, actor"),
        ActorColumn::Role => format!("sort_role = '', sort_role {asc}, sort_name, actor"),
        count => {
            let name = match count {
                ActorColumn::Articles => "articles",
                ActorColumn::Asserted => "asserted",
                ActorColumn::Denied => "denied",
                ActorColumn::Relayed => "relayed",
                _ => "about",
            };
            format!("{name} {desc}, sort_name, actor")
        }
    };
    // Without a search, no row is read: the first order is an index of its own
    // (`actor_summary_articles`), which holds every column it needs.
    // With one, every row is read once in table order and only the matches sorted
    // (through that index, each row would be a look-up of its own).
    let filter = if search.is_empty() {
        ""
    } else {
        "NOT INDEXED WHERE instr(search, ?1) > 0"
    };
    let sql = format!("SELECT actor FROM actor_summary {filter} ORDER BY {order}");
    let mut stmt = conn.prepare(&sql)?;
    let args: &[&str] = if search.is_empty() { &[] } else { &[search] };
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        Ok(ActorId::new(text(r, 0)?))
    })?;
    rows.collect()
}

/// The name of each of `ids` that some article declares, as the actors screen
/// lists it (its first declaration, in article id order).
pub fn summary_names(
    conn: &Connection,
    ids: &[ActorId],
) -> rusqlite::Result<std::collections::HashMap<ActorId, String>> {
    let mut stmt = conn.prepare("SELECT name FROM actor_summary WHERE actor = ?1")?;
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for id in ids {
        let mut rows = stmt.query([id.as_str()])?;
        if let Some(r) = rows.next()? {
            out.insert(id.clone(), r.get(0)?);
        }
    }
    Ok(out)
}

/// How many actors the index lists.
pub fn actor_total(conn: &Connection) -> rusqlite::Result<usize> {
    conn.query_row("SELECT count(*) FROM actor_summary", [], |r| {
        r.get::<_, i64>(0).map(|n| usize::try_from(n).unwrap_or(0))
    })
}

/// The likely duplicates of `actor` (see [`crate::actors::duplicates_of`]): every
/// other id sharing a group with it, groups in order of their name, ids in order.
pub fn duplicates_of(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Vec<ActorId>> {
    // A group is a whole name K: the ids named K, and those whose names end with K.
    // The actor is in the groups of its names and of their suffixes that are names.
    let Some(names) = stored_names(&mut conn.prepare(NAMES)?, actor.as_str())? else {
        return Ok(Vec::new());
    };
    let mut keys: Vec<String> = word_rows(names.split(SEP))
        .into_iter()
        .map(|w| w.0)
        .collect();
    keys.dedup();
    let mut whole = conn.prepare("SELECT 1 FROM actor_words WHERE words = ?1 AND whole LIMIT 1")?;
    let mut members = conn.prepare(
        "SELECT DISTINCT actor FROM actor_words WHERE words = ?1 AND actor != ?2 ORDER BY actor",
    )?;
    let mut out: Vec<ActorId> = Vec::new();
    for key in &keys {
        if !whole.exists([key])? {
            continue;
        }
        let mut rows = members.query([key.as_str(), actor.as_str()])?;
        while let Some(r) = rows.next()? {
            let id = ActorId::new(text(r, 0)?);
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    Ok(out)
}

/// One actor's row of [`actors`]; `None` when no article declares it.
pub fn actor(conn: &Connection, actor: &ActorId) -> rusqlite::Result<Option<ActorSummary>> {
    let mut stmt = conn.prepare(&format!("{SUMMARY} WHERE actor = ?1"))?;
    let mut rows = stmt.query_map([actor.as_str()], summary_row)?;
    rows.next().transpose()
}

/// Folds one declaration (in actor, then article id order) into `out`: the first of
/// each actor names it.
fn declare(
    out: &mut Vec<ActorSummary>,
    id: String,
    name: String,
    kind: String,
    role: Option<String>,
) {
    match out.last_mut() {
        Some(last) if last.id.as_str() == id => {
            last.articles += 1;
            last.conflict |= last.name != name || last.kind != kind;
            // An id has few distinct names, so the look-up is short.
            if !last.names.contains(&name) {
                last.names.push(name);
            }
        }
        _ => out.push(ActorSummary {
            id: ActorId::new(id),
            names: vec![name.clone()],
            name,
            kind,
            role,
            articles: 1,
            asserted: 0,
            denied: 0,
            relayed: 0,
            about: 0,
            conflict: false,
        }),
    }
}

/// Brings `actor_summary` up to date for the actors in `touched` (every actor whose
/// rows a write added or removed). When they are many (a new index), every summary
/// is computed again in one pass over the tables, which is cheaper than one set of
/// look-ups per actor.
pub(super) fn refresh_summary(
    conn: &Connection,
    touched: &std::collections::HashSet<String>,
) -> rusqlite::Result<()> {
    if touched.is_empty() {
        return Ok(());
    }
    let held: i64 = conn.query_row("SELECT count(*) FROM actor_summary", [], |r| r.get(0))?;
    let bulk = i64::try_from(touched.len())
        .unwrap_or(i64::MAX)
        .saturating_mul(4)
        >= held;
    let mut insert = conn.prepare(
        "INSERT OR REPLACE INTO actor_summary(actor, name, kind, role, names, articles,
             asserted, denied, relayed, about, conflict, sort_name, sort_role, search,
             first_file)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut word =
        conn.prepare("INSERT OR IGNORE INTO actor_words(words, actor, whole) VALUES (?1, ?2, ?3)")?;
    let mut unword = conn.prepare("DELETE FROM actor_words WHERE words = ?1 AND actor = ?2")?;
    let mut names = conn.prepare(NAMES)?;
    // Takes out the words of the names `actor`'s summary keeps, before it changes.
    let mut drop_words = |actor: &str| -> rusqlite::Result<()> {
        if let Some(names) = stored_names(&mut names, actor)? {
            for (words, _) in word_rows(names.split(SEP)) {
                unword.execute([words.as_str(), actor])?;
            }
        }
        Ok(())
    };
    let mut write = |a: &ActorSummary, first_file: i64| {
        let (sort_name, sort_role, search) = folded_names(a);
        for (w, whole) in word_rows(a.names.iter().map(String::as_str)) {
            word.execute(rusqlite::params![w, a.id.as_str(), whole])?;
        }
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        insert.execute(rusqlite::params![
            a.id.as_str(),
            a.name,
            a.kind,
            a.role,
            a.names.join(&SEP.to_string()),
            n(a.articles),
            n(a.asserted),
            n(a.denied),
            n(a.relayed),
            n(a.about),
            a.conflict,
            sort_name,
            sort_role,
            search,
            first_file,
        ])
    };
    if bulk {
        conn.execute("DELETE FROM actor_summary", [])?;
        conn.execute("DELETE FROM actor_words", [])?;
        for (a, first) in actors_from_tables(conn)? {
            write(&a, first)?;
        }
        return Ok(());
    }
    // One actor's rows, each found through its table's actor index.
    let mut declarations = conn.prepare(
        "SELECT a.name, a.kind, a.role, a.file FROM actors AS a INDEXED BY actors_actor
         JOIN files AS f ON f.num = a.file WHERE a.actor = ?1 ORDER BY f.id",
    )?;
    let mut stances =
        conn.prepare("SELECT count(*) FROM stances WHERE actor = ?1 AND kind = ?2")?;
    let mut relayed = conn.prepare("SELECT count(*) FROM via WHERE actor = ?1")?;
    let mut about = conn.prepare("SELECT count(*) FROM about WHERE actor = ?1")?;
    let mut delete = conn.prepare("DELETE FROM actor_summary WHERE actor = ?1")?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    for actor in touched {
        let mut one: Vec<ActorSummary> = Vec::with_capacity(1);
        let mut first = 0;
        let mut rows = declarations.query([actor])?;
        while let Some(r) = rows.next()? {
            if one.is_empty() {
                first = r.get(3)?;
            }
            declare(&mut one, actor.clone(), r.get(0)?, r.get(1)?, r.get(2)?);
        }
        drop(rows);
        let Some(mut a) = one.pop() else {
            // No article declares it (any more): not listed.
            drop_words(actor)?;
            delete.execute([actor])?;
            continue;
        };
        let of_kind = |stmt: &mut rusqlite::Statement, kind: i64| {
            stmt.query_row(rusqlite::params![actor, kind], |r| r.get(0))
                .map(count)
        };
        a.asserted = of_kind(&mut stances, 0)?;
        a.denied = of_kind(&mut stances, 1)?;
        a.relayed = relayed.query_row([actor], |r| r.get(0)).map(count)?;
        a.about = about.query_row([actor], |r| r.get(0)).map(count)?;
        drop_words(actor)?;
        write(&a, first)?;
    }
    Ok(())
}

/// Every actor declared anywhere, in id order, with its counts, computed from the
/// tables (what [`refresh_summary`] stores when a write touches most actors).
///
/// Declarations are read once in table order, sorted by actor and article id in
/// Rust and folded; stances are counted in one pass over a covering index, the
/// other counts are one grouped pass over their actor index each.
/// Each with the number of the file of its first declaration.
fn actors_from_tables(conn: &Connection) -> rusqlite::Result<Vec<(ActorSummary, i64)>> {
    // Each file's rank in article id order (from the id index, no table read), so the
    // declarations can be read in table order, sequentially, rather than one look-up
    // into the actors table and one into files for every declaration.
    let mut rank: Vec<u32> = Vec::new();
    {
        let mut stmt = conn.prepare("SELECT num FROM files ORDER BY id")?;
        let mut rows = stmt.query([])?;
        let mut at = 0u32;
        while let Some(r) = rows.next()? {
            let num = usize::try_from(r.get::<_, i64>(0)?).unwrap_or(usize::MAX);
            if num != usize::MAX {
                if rank.len() <= num {
                    rank.resize(num + 1, u32::MAX);
                }
                rank[num] = at;
            }
            at += 1;
        }
    }
    type Decl = (String, u32, String, String, Option<String>, i64);
    let mut declarations: Vec<Decl> = Vec::new();
    {
        let mut stmt = conn.prepare("SELECT actor, file, name, kind, role FROM actors")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let file = usize::try_from(r.get::<_, i64>(1)?).unwrap_or(usize::MAX);
            let at = rank.get(file).copied().unwrap_or(u32::MAX);
            let num: i64 = r.get(1)?;
            declarations.push((r.get(0)?, at, r.get(2)?, r.get(3)?, r.get(4)?, num));
        }
    }
    // By actor, then article id order: the first of each actor names it.
    declarations.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<ActorSummary> = Vec::new();
    let mut first: Vec<i64> = Vec::new();
    for (id, _, name, kind, role, num) in declarations {
        declare(&mut out, id, name, kind, role);
        if first.len() < out.len() {
            first.push(num);
        }
    }
    {
        // Counted here from the covering index rather than grouped in SQL, which
        // sorts every stance by (actor, kind) first.
        let mut stmt = conn.prepare("SELECT actor, kind FROM stances INDEXED BY stances_file")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id = match r.get_ref(0)? {
                rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
                _ => "",
            };
            if let Ok(at) = out.binary_search_by(|a| a.id.as_str().cmp(id)) {
                if r.get::<_, i64>(1)? == 0 {
                    out[at].asserted += 1;
                } else {
                    out[at].denied += 1;
                }
            }
        }
    }
    let mut add = |sql: &str, count: &mut dyn FnMut(&mut ActorSummary, i64, u64)| {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let tag: i64 = r.get(1)?;
            let n = r.get::<_, i64>(2)? as u64;
            if let Ok(at) = out.binary_search_by(|a| a.id.as_str().cmp(&id)) {
                count(&mut out[at], tag, n);
            }
        }
        Ok::<(), rusqlite::Error>(())
    };
    add(
        "SELECT actor, 0, count(*) FROM via GROUP BY actor",
        &mut |a, _, n| a.relayed = n,
    )?;
    add(
        "SELECT actor, 0, count(*) FROM about GROUP BY actor",
        &mut |a, _, n| a.about = n,
    )?;
    Ok(out.into_iter().zip(first).collect())
}

/// The ids of the articles (that loaded) matching every condition of `filter`,
/// newest first.
pub fn articles(conn: &Connection, filter: &Filter) -> rusqlite::Result<Vec<ArticleId>> {
    let mut sql = String::from("SELECT f.id FROM files AS f WHERE f.title IS NOT NULL");
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |sql: &mut String, clause: &str, value: &str| {
        args.push(Value::Text(value.to_string()));
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(actor) = &filter.actor {
        let c = " AND EXISTS (SELECT 1 FROM stances WHERE file = f.num AND actor = ?)";
        arg(&mut sql, c, actor.as_str());
    }
    if let Some(actor) = &filter.about {
        let c = " AND EXISTS (SELECT 1 FROM about WHERE file = f.num AND actor = ?)";
        arg(&mut sql, c, actor.as_str());
    }
    if let Some(tag) = &filter.tag {
        let c = " AND EXISTS (SELECT 1 FROM tags WHERE file = f.num AND tag = ?)";
        arg(&mut sql, c, tag);
    }
    if let Some(outlet) = &filter.outlet {
        arg(&mut sql, " AND f.outlet = ?", outlet);
    }
    if let Some(language) = &filter.language {
        arg(&mut sql, " AND f.language = ?", language);
    }
    if let Some(from) = &filter.from {
        arg(&mut sql, " AND substr(f.published, 1, 10) >= ?", from);
    }
    if let Some(to) = &filter.to {
        arg(&mut sql, " AND substr(f.published, 1, 10) <= ?", to);
    }
    match filter.status {
        Some(StatusFilter::Contested) => sql.push_str(" AND f.contested > 0"),
        Some(StatusFilter::Unattributed) => sql.push_str(" AND f.unattributed > 0"),
        Some(StatusFilter::Suggested) => sql.push_str(" AND f.suggested"),
        None => {}
    }
    sql.push_str(" ORDER BY f.published DESC, f.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| Ok(ArticleId::new(text(r, 0)?)))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn a_permutation_is_applied_in_place() {
        let mut items = ['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles (0 3 1, 2 4) and a fixed point (5).
        permute(&mut items, &mut [3, 0, 4, 1, 2, 5]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c', 'f']);
        let mut none: [u8; 0] = [];
        permute(&mut none, &mut []);
    }
}
