//! Finding a quote in a body: white-space runs count as one space, matches on grapheme boundaries.

use std::ops::Range;

/// The result of looking for a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The quote is empty once trimmed.
    Empty,
    NotFound,
    /// The first match, and whether there are others (overlapping ones count).
    Found { range: Range<usize>, repeated: bool },
}

/// Collapses white-space runs to one space and trims: the form quotes are exported in.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
