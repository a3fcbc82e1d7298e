//! The checked article model: plain data, built only by `load`, read by everyone else.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use compact_str::CompactString;

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        // Ids are short and repeated in every stance: kept inline, not on the heap.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(CompactString);

        impl $name {
            /// Wraps an id that `load` has already checked.
            pub fn new(id: impl AsRef<str>) -> Self {
                Self(CompactString::new(id))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_newtype!(
    /// An article's id: its path below the articles root, without `.toml`, `/`-separated.
    ArticleId
);
id_newtype!(
    /// An actor's id: `[a-z0-9][a-z0-9_-]*`, at most 64 bytes; the same id is the same actor in every file.
    ActorId
);
id_newtype!(
    /// A claim's id, unique within its article.
    ClaimId
);

/// What kind of speaker an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKind {
    Person,
    Organization,
    Government,
    Outlet,
    Anonymous,
    Document,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Government,
        ActorKind::Outlet,
        ActorKind::Anonymous,
        ActorKind::Document,
    ];

    /// The spelling used in article files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Government => "government",
            ActorKind::Outlet => "outlet",
            ActorKind::Anonymous => "anonymous",
            ActorKind::Document => "document",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Someone (or something) that speaks in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub affiliation: Option<ActorId>,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    /// Proposed by a program and not yet reviewed by a person (`suggested = true`).
    pub suggested: bool,
}

/// Whether a stance asserts or denies its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StanceKind {
    Asserts,
    Denies,
}

impl StanceKind {
    /// The spelling used in the CSV export.
    pub fn as_str(self) -> &'static str {
        match self {
            StanceKind::Asserts => "asserts",
            StanceKind::Denies => "denies",
        }
    }
}

/// One actor's position on a claim, possibly relayed through others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    pub actor: ActorId,
    /// The chain of actors relayed, nearest first.
    pub via: Vec<ActorId>,
    pub cue: Option<String>,
    /// The quote with its white space collapsed and trimmed, as exported.
    pub quote: Option<String>,
    /// Where `quote` sits in the body (byte range on grapheme boundaries).
    pub anchor: Option<Range<usize>>,
}

/// A claim's status, derived from who asserted and who denied it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Contested,
    Asserted,
    Denied,
    Unattributed,
}

impl Status {
    pub fn of(asserters: usize, deniers: usize) -> Self {
        match (asserters > 0, deniers > 0) {
            (true, true) => Status::Contested,
            (true, false) => Status::Asserted,
            (false, true) => Status::Denied,
            (false, false) => Status::Unattributed,
        }
    }

    /// The spelling used in exports and badges.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Contested => "contested",
            Status::Asserted => "asserted",
            Status::Denied => "denied",
            Status::Unattributed => "unattributed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something claimed in an article, with who asserted and who denied it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: ClaimId,
    pub statement: String,
    /// The quote with its white space collapsed and trimmed, as exported.
    pub quote: Option<String>,
    /// Where `quote` sits in the body (byte range on grapheme boundaries).
    pub anchor: Option<Range<usize>>,
    pub asserted_by: Vec<Stance>,
    pub denied_by: Vec<Stance>,
    /// The actors the claim is about, in file order, each once (at its first place).
    pub about: Vec<ActorId>,
    /// Proposed by a program and not yet reviewed by a person (`suggested = true`):
    /// shown apart in the reader, left out of every export.
    pub suggested: bool,
}

impl Claim {
    pub fn status(&self) -> Status {
        Status::of(self.asserted_by.len(), self.denied_by.len())
    }

    /// Every stance with its kind: assertions first, then denials, each in file order.
    pub fn stances(&self) -> impl Iterator<Item = (StanceKind, &Stance)> {
        let asserts = self.asserted_by.iter().map(|s| (StanceKind::Asserts, s));
        let denies = self.denied_by.iter().map(|s| (StanceKind::Denies, s));
        asserts.chain(denies)
    }
}

/// A TOML date or date-time, kept as written (RFC 3339 form).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published(CompactString);

impl Published {
    pub fn new(rfc3339: impl AsRef<str>) -> Self {
        Self(CompactString::new(rfc3339))
    }

    /// `2024-11-11`, `2024-11-11T09:30:00`, `2024-11-11T09:30:00Z`, `2024-11-11T09:30:00+02:00`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar date part, `YYYY-MM-DD`, which is what lists sort and show.
    pub fn date(&self) -> &str {
        self.0.get(..10).unwrap_or(&self.0)
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One annotated article, checked: every id it uses is declared, every quote anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    /// The file it came from, as reached from the argument or the articles folder.
    pub path: PathBuf,
    pub title: String,
    pub body: String,
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Vec<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    /// Declared actors, in file order.
    pub actors: Vec<Actor>,
    /// Claims, in file order.
    pub claims: Vec<Claim>,
    /// A project extension: the identity (guid, else link) of the feed item the
    /// article was imported from. Never exported.
    pub feed_item_id: Option<String>,
}

impl Article {
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_who_spoke() {
        assert_eq!(Status::of(1, 1), Status::Contested);
        assert_eq!(Status::of(2, 0), Status::Asserted);
        assert_eq!(Status::of(0, 3), Status::Denied);
        assert_eq!(Status::of(0, 0), Status::Unattributed);
    }

    #[test]
    fn kind_spellings_round_trip() {
        for kind in ActorKind::ALL {
            assert_eq!(ActorKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ActorKind::parse("Person"), None);
    }
}
