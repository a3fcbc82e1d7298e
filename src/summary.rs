//! What each claim's stances say, resolved once: the one view that the export
//! writers and the reader both read, so none of them re-derives a status or a chain.
//!
//! Stances name actors by id. The loader guarantees that every id a stance or a
//! `via` names is declared in the same article, so resolving never fails for a
//! loaded article. An [`Article`] built by hand may break that rule; rather than
//! panic, or invent an actor whose name and kind would be made up, a stance
//! whose actor is undeclared is left out, as is an undeclared link of a `via`
//! chain, and the claim's status is derived from the stances that remain, so
//! every view of one summary agrees with itself. An undeclared `about` actor is
//! left out the same way.
//!
//! Suggested claims (proposed by a program, not yet reviewed) are in the
//! reader's summary ([`ArticleSummary::of`]) and never in the export's
//! ([`summarize`], [`ArticleSummary::reviewed`]): actors only they name drop out
//! of an export with them, since writers and tallies reach actors through claims.

use std::collections::HashMap;

use crate::model::{Actor, ActorId, ActorKind, Article, Claim, Stance, StanceKind, Status};

/// One article and its claims, resolved.
#[derive(Debug, Clone)]
pub struct ArticleSummary<'a> {
    pub article: &'a Article,
    /// In file order (for an export, the reviewed ones only).
    pub claims: Vec<ClaimSummary<'a>>,
}

/// One claim with its status and who took which stance on it.
#[derive(Debug, Clone)]
pub struct ClaimSummary<'a> {
    pub claim: &'a Claim,
    pub status: Status,
    /// In file order.
    pub asserted_by: Vec<StanceSummary<'a>>,
    /// In file order.
    pub denied_by: Vec<StanceSummary<'a>>,
    /// Whom the claim is about, in file order, each once.
    pub about: Vec<&'a Actor>,
}

/// One stance with its actors resolved.
#[derive(Debug, Clone)]
pub struct StanceSummary<'a> {
    pub kind: StanceKind,
    pub actor: &'a Actor,
    /// The chain of actors relayed, nearest first.
    pub via: Vec<&'a Actor>,
    pub cue: Option<&'a str>,
    /// Collapsed and trimmed, as the loader keeps it.
    pub quote: Option<&'a str>,
}

/// One actor across a whole export: on how many claims it took each stance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorTally<'a> {
    pub id: &'a ActorId,
    /// As the first article (in export order) that uses the actor declares it.
    pub name: &'a str,
    pub kind: ActorKind,
    /// Claims the actor asserted, each counted once.
    pub asserted: usize,
    /// Claims the actor denied, each counted once.
    pub denied: usize,
    /// Claims on which the actor was relayed by another (named in a `via`).
    pub relayed: usize,
}

/// The export's summaries of `articles`: reviewed claims only, articles in id
/// order (byte-wise), which is the export's order.
pub fn summarize<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<ArticleSummary<'a>> {
    let mut out: Vec<_> = articles.into_iter().map(ArticleSummary::reviewed).collect();
    out.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    out
}

impl<'a> ArticleSummary<'a> {
    /// Every claim, suggested ones included: what the reader shows.
    pub fn of(article: &'a Article) -> Self {
        Self::keeping(article, |_| true)
    }

    /// The claims a person wrote or reviewed: what an export carries.
    pub fn reviewed(article: &'a Article) -> Self {
        Self::keeping(article, |claim| !claim.suggested)
    }

    fn keeping(article: &'a Article, keep: impl Fn(&Claim) -> bool) -> Self {
        let claims = article
            .claims
            .iter()
            .filter(|claim| keep(claim))
            .map(|claim| ClaimSummary::of(article, claim))
            .collect();
        ArticleSummary { article, claims }
    }
}

impl<'a> ClaimSummary<'a> {
    pub fn of(article: &'a Article, claim: &'a Claim) -> Self {
        let resolve = |kind, stances: &'a [Stance]| -> Vec<StanceSummary<'a>> {
            stances
                .iter()
                .filter_map(|s| StanceSummary::of(article, kind, s))
                .collect()
        };
        let asserted_by = resolve(StanceKind::Asserts, &claim.asserted_by);
        let denied_by = resolve(StanceKind::Denies, &claim.denied_by);
        let about = claim
            .about
            .iter()
            .filter_map(|id| article.actor(id))
            .collect();
        ClaimSummary {
            claim,
            status: Status::of(asserted_by.len(), denied_by.len()),
            asserted_by,
            denied_by,
            about,
        }
    }

    /// The `about` actors' names joined by `separator` (the CSV's `about` uses `; `).
    pub fn about_names(&self, separator: &str) -> String {
        join_names(self.about.iter().copied(), separator)
    }

    /// Assertions, then denials, each in file order: the CSV's row order.
    pub fn stances(&self) -> impl Iterator<Item = &StanceSummary<'a>> {
        self.asserted_by.iter().chain(&self.denied_by)
    }
}

impl<'a> StanceSummary<'a> {
    /// `None` when the stance's actor is not declared in `article` (see the module note).
    pub fn of(article: &'a Article, kind: StanceKind, stance: &'a Stance) -> Option<Self> {
        let actor = article.actor(&stance.actor)?;
        let via = stance
            .via
            .iter()
            .filter_map(|id| article.actor(id))
            .collect();
        Some(StanceSummary {
            kind,
            actor,
            via,
            cue: stance.cue.as_deref(),
            quote: stance.quote.as_deref(),
        })
    }

    /// The actor, then everyone it relays, nearest first.
    pub fn chain(&self) -> impl Iterator<Item = &'a Actor> + '_ {
        std::iter::once(self.actor).chain(self.via.iter().copied())
    }

    /// The chain as the reader shows it:
    /// `The Washington Post ← Sources familiar with the call`.
    /// Names are as written: sanitise before printing to a terminal.
    pub fn path(&self) -> String {
        self.chain_names(" ← ")
    }

    /// The chain's names joined by `separator`.
    pub fn chain_names(&self, separator: &str) -> String {
        join_names(self.chain(), separator)
    }

    /// Only the `via` names joined by `separator` (the CSV's `via` uses ` > `).
    pub fn via_names(&self, separator: &str) -> String {
        join_names(self.via.iter().copied(), separator)
    }
}

fn join_names<'a>(actors: impl Iterator<Item = &'a Actor>, separator: &str) -> String {
    let mut out = String::new();
    for (i, actor) in actors.enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(&actor.name);
    }
    out
}

/// Every actor that asserts, denies or is relayed in `articles`, in order of
/// first appearance, with how many claims it asserted, denied and was relayed on.
pub fn tally<'a>(articles: &[ArticleSummary<'a>]) -> Vec<ActorTally<'a>> {
    let mut tallies: Vec<ActorTally<'a>> = Vec::new();
    let mut index: HashMap<&'a ActorId, usize> = HashMap::new();
    for claim in articles.iter().flat_map(|a| &a.claims) {
        // Per claim, each actor counts at most once in each column.
        let mut seen: Vec<(&ActorId, Column)> = Vec::new();
        for stance in claim.stances() {
            let column = match stance.kind {
                StanceKind::Asserts => Column::Asserted,
                StanceKind::Denies => Column::Denied,
            };
            let relayed = stance.via.iter().map(|a| (*a, Column::Relayed));
            for (actor, column) in std::iter::once((stance.actor, column)).chain(relayed) {
                let i = *index.entry(&actor.id).or_insert_with(|| {
                    tallies.push(ActorTally::new(actor));
                    tallies.len() - 1
                });
                if seen.contains(&(&actor.id, column)) {
                    continue;
                }
                seen.push((&actor.id, column));
                tallies[i].count(column);
            }
        }
    }
    tallies
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Asserted,
    Denied,
    Relayed,
}

impl<'a> ActorTally<'a> {
    fn new(actor: &'a Actor) -> Self {
        ActorTally {
            id: &actor.id,
            name: &actor.name,
            kind: actor.kind,
            asserted: 0,
            denied: 0,
            relayed: 0,
        }
    }

    fn count(&mut self, column: Column) {
        match column {
            Column::Asserted => self.asserted += 1,
            Column::Denied => self.denied += 1,
            Column::Relayed => self.relayed += 1,
        }
    }
}

/// The contested claims of `articles`, each with its article, in export order.
pub fn contested<'s, 'a>(
    articles: &'s [ArticleSummary<'a>],
) -> impl Iterator<Item = (&'s ArticleSummary<'a>, &'s ClaimSummary<'a>)> {
    articles.iter().flat_map(|article| {
        article
            .claims
            .iter()
            .filter(|c| c.status == Status::Contested)
            .map(move |claim| (article, claim))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, ClaimId};

    fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
        Actor {
            id: ActorId::new(id),
            name: name.to_string(),
            kind,
            role: None,
            affiliation: None,
            aliases: Vec::new(),
            wikidata: None,
            suggested: false,
        }
    }

    fn stance(actor: &str, via: &[&str]) -> Stance {
        Stance {
            actor: ActorId::new(actor),
            via: via.iter().map(ActorId::new).collect(),
            cue: None,
            quote: None,
            anchor: None,
        }
    }

    fn claim(id: &str, asserted_by: Vec<Stance>, denied_by: Vec<Stance>) -> Claim {
        Claim {
            id: ClaimId::new(id),
            statement: format!("statement {id}"),
            quote: None,
            anchor: None,
            asserted_by,
            denied_by,
            about: Vec::new(),
            suggested: false,
        }
    }

    fn article(id: &str, claims: Vec<Claim>) -> Article {
        Article {
            id: ArticleId::new(id),
            path: format!("{id}.toml").into(),
            title: "t".into(),
            body: "b".into(),
            published: None,
            outlet: None,
            url: None,
            byline: Vec::new(),
            tags: Vec::new(),
            language: None,
            actors: vec![
                actor("wapo", "The Washington Post", ActorKind::Outlet),
                actor(
                    "src",
                    "Sources familiar with the call",
                    ActorKind::Anonymous,
                ),
                actor("aide", "An aide", ActorKind::Person),
                actor("peskov", "Dmitry Peskov", ActorKind::Person),
            ],
            claims,
            feed_item_id: None,
        }
    }

    #[test]
    fn the_reader_path_runs_from_the_actor_through_the_chain() {
        let a = article(
            "a",
            vec![claim("c", vec![stance("wapo", &["src", "aide"])], vec![])],
        );
        let summary = ArticleSummary::of(&a);
        let s = &summary.claims[0].asserted_by[0];
        assert_eq!(
            s.path(),
            "The Washington Post ← Sources familiar with the call ← An aide"
        );
        assert_eq!(
            s.via_names(" > "),
            "Sources familiar with the call > An aide"
        );
        assert_eq!(summary.claims[0].status, Status::Asserted);
    }

    #[test]
    fn an_undeclared_actor_drops_its_stance_and_the_status_follows() {
        let a = article(
            "a",
            vec![claim(
                "c",
                vec![stance("wapo", &["ghost", "src"])],
                vec![stance("ghost", &[])],
            )],
        );
        let summary = ArticleSummary::of(&a);
        let c = &summary.claims[0];
        assert_eq!(c.status, Status::Asserted);
        assert!(c.denied_by.is_empty());
        assert_eq!(
            c.asserted_by[0].path(),
            "The Washington Post ← Sources familiar with the call"
        );
    }

    #[test]
    fn tally_counts_each_claim_once_per_actor_and_column() {
        let a = article(
            "a",
            vec![
                claim(
                    "c1",
                    vec![stance("wapo", &["src"]), stance("wapo", &["src"])],
                    vec![stance("peskov", &[])],
                ),
                claim(
                    "c2",
                    vec![],
                    vec![stance("peskov", &[]), stance("wapo", &[])],
                ),
            ],
        );
        let b = article("b", vec![claim("c1", vec![stance("peskov", &[])], vec![])]);
        let summaries = summarize([&b, &a]);
        assert_eq!(summaries[0].article.id.as_str(), "a");
        let counts: Vec<_> = tally(&summaries)
            .iter()
            .map(|t| (t.id.as_str(), t.asserted, t.denied, t.relayed))
            .collect();
        assert_eq!(
            counts,
            [("wapo", 1, 1, 0), ("src", 0, 0, 1), ("peskov", 1, 2, 0)]
        );
        let contested: Vec<_> = contested(&summaries)
            .map(|(a, c)| (a.article.id.as_str(), c.claim.id.as_str()))
            .collect();
        assert_eq!(contested, [("a", "c1")]);
    }

    #[test]
    fn exports_keep_reviewed_claims_only_and_tally_them_alone() {
        let mut suggested = claim(
            "s",
            vec![stance("aide", &["src"])],
            vec![stance("wapo", &[])],
        );
        suggested.suggested = true;
        suggested.about = vec![ActorId::new("peskov")];
        let mut reviewed = claim("r", vec![stance("wapo", &[])], vec![]);
        reviewed.about = vec![ActorId::new("peskov"), ActorId::new("ghost")];
        let a = article("a", vec![suggested, reviewed]);

        let reader: Vec<_> = ArticleSummary::of(&a)
            .claims
            .iter()
            .map(|c| c.claim.id.as_str())
            .collect();
        assert_eq!(reader, ["s", "r"]);

        let export = summarize([&a]);
        let ids: Vec<_> = export[0]
            .claims
            .iter()
            .map(|c| c.claim.id.as_str())
            .collect();
        assert_eq!(ids, ["r"]);
        // An undeclared `about` id is left out, as an undeclared stance actor is.
        assert_eq!(export[0].claims[0].about_names("; "), "Dmitry Peskov");
        let counts: Vec<_> = tally(&export)
            .iter()
            .map(|t| (t.id.as_str(), t.asserted, t.denied, t.relayed))
            .collect();
        // Neither the aide nor the sources (only the suggested claim names them)
        // nor the suggested denial by the Post is counted.
        assert_eq!(counts, [("wapo", 1, 0, 0)]);
    }
}
