//! The filter language of the reader's search prompt and `export --query`:
//! `actor:peskov tag:ukraine is:contested after:2024-11-01 putin`.
//!
//! A query is a list of [`Term`]s that must all hold. The AST is public so that
//! an index can translate it (to SQL, say); [`Query::matches`] evaluates it in
//! memory over the loaded model, which is the ground truth.

mod complete;
mod eval;
pub mod fold;
mod parse;

use std::fmt;
use std::ops::Range;

pub use complete::{Candidate, Completion, Vocabulary, complete};
pub use eval::{NoneRead, ReadState, search_text};

/// A parsed query: every term must hold (AND). The empty query matches everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Term>,
}

/// One term of a query, as typed: `-actor:peskov`, `tag:a,b`, `"pure fiction"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// `-term`: the article must *not* match the filter (see [`Filter::After`]
    /// for the one exception).
    pub negated: bool,
    pub filter: Filter,
    /// Where the term sits in the query text (bytes), for messages and completion.
    pub span: Range<usize>,
}

/// What a term asks of an article. Lists are alternatives (`tag:a,b` is either
/// tag); a term holds when any claim or stance of the article satisfies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `actor:ID,…`: some stance's actor, or an actor in its `via` chain, has one
    /// of these ids. Ids are matched in ASCII lower case, as the format spells them.
    Actor(Vec<String>),
    /// `about:ID,…`: some claim is about one of these actors.
    About(Vec<String>),
    /// `is:STATUS,…`: some claim has one of these states (or the article is unread).
    Is(Vec<State>),
    /// `tag:T,…`: the article has one of these tags (folded comparison).
    Tag(Vec<String>),
    /// `outlet:O,…`: the article's outlet is one of these (folded comparison of the whole name).
    Outlet(Vec<String>),
    /// `lang:L,…` or `language:L,…`: the language tag is L or starts with `L-`, in any case.
    Language(Vec<String>),
    /// `after:YYYY-MM-DD`: published on that day or later. Undated articles never
    /// match a date term, negated or not.
    After(Date),
    /// `before:YYYY-MM-DD`: published on that day or earlier.
    Before(Date),
    /// A bare word or a quoted phrase: a folded substring of the title, body,
    /// statements, quotes or actor names. Kept as typed; matched folded.
    Text(String),
}

/// A value of `is:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    Contested,
    Asserted,
    Denied,
    Unattributed,
    Suggested,
    Unread,
}

impl State {
    pub const ALL: [State; 6] = [
        State::Contested,
        State::Asserted,
        State::Denied,
        State::Unattributed,
        State::Suggested,
        State::Unread,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Contested => "contested",
            State::Asserted => "asserted",
            State::Denied => "denied",
            State::Unattributed => "unattributed",
            State::Suggested => "suggested",
            State::Unread => "unread",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A calendar day, checked (month 1-12, a day the month has).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The keys a term may have, in their normal spelling.
pub const KEYS: [&str; 8] = [
    "actor", "about", "is", "tag", "outlet", "lang", "after", "before",
];

/// Why a query did not parse, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub kind: QueryErrorKind,
    /// The offending part of the query (bytes).
    pub span: Range<usize>,
    /// Where it starts, counted in characters from 1 (what a prompt shows).
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// `actr:x`: with the nearest key, when one is close.
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
    },
    /// `is:contestd`: with the nearest value, when one is close.
    UnknownState {
        value: String,
        suggestion: Option<&'static str>,
    },
    /// `after:2024-13-01`.
    BadDate(String),
    /// `actor:` or `tag:a,,b`.
    EmptyValue(String),
    /// `"pure fiction` with no closing quote.
    UnclosedQuote,
    /// `""`: a phrase with nothing to look for.
    EmptyPhrase,
    /// A `-` with nothing after it.
    NothingNegated,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |s: &str| crate::text::sanitize(s).into_owned();
        write!(f, "column {}: ", self.column)?;
        match &self.kind {
            QueryErrorKind::UnknownKey { key, suggestion } => {
                write!(f, "unknown key `{}:`", shown(key))?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean `{s}:`?"),
                    None => write!(
                        f,
                        "; the keys are {}; to search for text with a colon, put it in double quotes",
                        KEYS.map(|k| format!("{k}:")).join(" ")
                    ),
                }
            }
            QueryErrorKind::UnknownState { value, suggestion } => {
                write!(f, "unknown state `is:{}`", shown(value))?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean `is:{s}`?"),
                    None => write!(
                        f,
                        "; expected one of {}",
                        State::ALL.map(State::as_str).join(", ")
                    ),
                }
            }
            QueryErrorKind::BadDate(value) => write!(
                f,
                "`{}` is not a date; expected YYYY-MM-DD, e.g. 2024-11-01",
                shown(value)
            ),
            QueryErrorKind::EmptyValue(key) => write!(f, "`{key}:` needs a value"),
            QueryErrorKind::UnclosedQuote => write!(f, "a quote (\") is never closed"),
            QueryErrorKind::EmptyPhrase => {
                write!(f, "an empty phrase (\"\") has nothing to look for")
            }
            QueryErrorKind::NothingNegated => write!(f, "`-` must be followed by a term"),
        }
    }
}

impl std::error::Error for QueryError {}

impl Query {
    /// Parses a query; the first bad term is the error.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        parse::parse(text).map(|terms| Query { terms })
    }

    /// The terms, in the order typed.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether some term is `is:unread` (negated or not): it needs read state.
    pub fn uses_read_state(&self) -> bool {
        self.terms
            .iter()
            .any(|t| matches!(&t.filter, Filter::Is(states) if states.contains(&State::Unread)))
    }
}

/// The normalised query: one space between terms, keys in their normal
/// spelling (`language:` → `lang:`), ids and states in lower case, values
/// quoted only where they must be.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        let list = |f: &mut fmt::Formatter<'_>, key: &str, values: &[String]| {
            write!(f, "{key}:")?;
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    f.write_str(",")?;
                }
                f.write_str(&quoted(v))?;
            }
            Ok(())
        };
        match &self.filter {
            Filter::Actor(v) => list(f, "actor", v),
            Filter::About(v) => list(f, "about", v),
            Filter::Tag(v) => list(f, "tag", v),
            Filter::Outlet(v) => list(f, "outlet", v),
            Filter::Language(v) => list(f, "lang", v),
            Filter::Is(states) => {
                let names: Vec<String> = states.iter().map(|s| s.as_str().to_string()).collect();
                list(f, "is", &names)
            }
            Filter::After(d) => write!(f, "after:{d}"),
            Filter::Before(d) => write!(f, "before:{d}"),
            Filter::Text(t) => f.write_str(&quoted_text(t)),
        }
    }
}

/// A value as it must be typed to mean itself: in double quotes (with `\"` and
/// `\\`) when it holds white space, a comma or a quote, or is empty.
pub fn quoted(value: &str) -> String {
    let plain = !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == '"' || c == '\\');
    if plain {
        value.to_string()
    } else {
        quote(value)
    }
}

/// Bare text must also not look like a term (`a:b`, `-x`).
fn quoted_text(text: &str) -> String {
    if text.contains(':') || text.starts_with('-') {
        quote(text)
    } else {
        quoted(text)
    }
}

fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}
