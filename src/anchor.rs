//! Finding a quote in a body, by FORMAT.md's rule: every white-space run (in both)
//! counts as one space, the quote's ends are trimmed, nothing else is folded, and a
//! match must start and end on grapheme-cluster boundaries of the body.

pub mod near;

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use unicode_segmentation::GraphemeCursor;

/// The result of looking for a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The quote is empty once trimmed.
    Empty,
    NotFound,
    /// The first match, and whether there is another (overlapping ones count).
    Found {
        range: Range<usize>,
        repeated: bool,
    },
}

/// Collapses white-space runs to one space and trims: the form quotes are exported in.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Looks for `quote` in `body`; the range is in bytes of `body`.
pub fn find(body: &str, quote: &str) -> Anchor {
    let key = collapse(quote);
    find_many(body, [quote])
        .remove(&key)
        .unwrap_or(Anchor::NotFound)
}

/// Looks for every quote in `body` at once, keyed by the quote [`collapse`]d.
///
/// One pass over the body for all quotes together (Aho-Corasick over the body
/// with its white-space runs collapsed), so a file of many claims over a long
/// body costs O(body + quotes + matches), never body × quotes, and a long
/// quote that nearly matches a repetitive body costs no more than one that
/// doesn't. Matches that split a grapheme are skipped; a quote stops counting
/// matches at its second.
pub fn find_many<'q>(
    body: &str,
    quotes: impl IntoIterator<Item = &'q str>,
) -> HashMap<String, Anchor> {
    let mut results: HashMap<String, Anchor> = HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    for quote in quotes {
        let key = collapse(quote);
        if results.contains_key(&key) {
            continue;
        }
        let anchor = if key.is_empty() {
            Anchor::Empty
        } else {
            patterns.push(key.clone());
            Anchor::NotFound
        };
        results.insert(key, anchor);
    }
    if patterns.is_empty() {
        return results;
    }
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
    else {
        // Only a pattern set too large for the automaton's ids can fail: fall
        // back to nothing found rather than panic; the file is over any real size.
        return results;
    };
    let collapsed = Collapsed::new(body);
    let mut seen = vec![0u8; patterns.len()];
    for m in automaton.find_overlapping_iter(collapsed.text.as_slice()) {
        let p = m.pattern().as_usize();
        if seen[p] >= 2 {
            continue;
        }
        let start = collapsed.origin(m.start());
        let end = collapsed.origin(m.end() - 1) + 1;
        if !(is_boundary(body, start) && is_boundary(body, end)) {
            continue;
        }
        seen[p] += 1;
        let Some(anchor) = results.get_mut(&patterns[p]) else {
            continue;
        };
        match anchor {
            Anchor::Found { repeated, .. } => *repeated = true,
            _ => {
                *anchor = Anchor::Found {
                    range: start..end,
                    repeated: false,
                }
            }
        }
    }
    results
}

/// The body with every white-space run as one ASCII space, and where each of
/// its bytes came from: the form quotes are compared in.
struct Collapsed {
    text: Vec<u8>,
    /// `origin[i]`: the byte of the body that `text[i]` stands for (a run's first).
    origins: Vec<u32>,
}

impl Collapsed {
    fn new(body: &str) -> Collapsed {
        let mut text = Vec::with_capacity(body.len());
        let mut origins = Vec::with_capacity(body.len());
        let mut in_space = false;
        for (i, c) in body.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(b' ');
                    origins.push(offset(i));
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let mut buf = [0u8; 4];
            for (j, b) in c.encode_utf8(&mut buf).bytes().enumerate() {
                text.push(b);
                origins.push(offset(i + j));
            }
        }
        Collapsed { text, origins }
    }

    fn origin(&self, i: usize) -> usize {
        self.origins.get(i).map_or(0, |&o| o as usize)
    }
}

/// Byte offsets fit in 32 bits: files are far smaller than 4 GiB.
fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn is_boundary(body: &str, at: usize) -> bool {
    GraphemeCursor::new(at, body.len(), true)
        .is_boundary(body, 0)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str, quote: &str) -> Option<(&'static str, bool)> {
        match find(body, quote) {
            Anchor::Found { range, repeated } => Some((
                Box::leak(body[range].to_string().into_boxed_str()),
                repeated,
            )),
            _ => None,
        }
    }

    #[test]
    fn white_space_runs_count_as_one_space() {
        let body = "the two leaders\n  reportedly\tdiscussed it";
        assert_eq!(
            found(body, "  two leaders reportedly   discussed "),
            Some(("two leaders\n  reportedly\tdiscussed", false))
        );
    }

    #[test]
    fn unicode_white_space_counts_too() {
        let body = "pure\u{a0}fiction and\u{3000}more";
        assert_eq!(
            found(body, "pure fiction"),
            Some(("pure\u{a0}fiction", false))
        );
        assert_eq!(
            found(body, "and\u{2003}more"),
            Some(("and\u{3000}more", false))
        );
    }

    #[test]
    fn a_space_is_required_where_the_quote_has_one() {
        assert_eq!(find("purefiction", "pure fiction"), Anchor::NotFound);
    }

    #[test]
    fn matching_is_exact_otherwise() {
        assert_eq!(find("Pure Fiction", "pure fiction"), Anchor::NotFound);
        assert_eq!(find("it’s", "it's"), Anchor::NotFound);
    }

    #[test]
    fn empty_quotes_are_reported() {
        assert_eq!(find("body", ""), Anchor::Empty);
        assert_eq!(find("body", " \t\u{3000}\n"), Anchor::Empty);
    }

    #[test]
    fn the_first_occurrence_anchors_and_repeats_are_flagged() {
        let body = "no plans. no plans yet.";
        assert_eq!(
            find(body, "no plans"),
            Anchor::Found {
                range: 0..8,
                repeated: true
            }
        );
        assert_eq!(
            find(body, "plans yet"),
            Anchor::Found {
                range: 13..22,
                repeated: false
            }
        );
    }

    #[test]
    fn overlapping_occurrences_count_as_repeats() {
        assert_eq!(
            find("aaa", "aa"),
            Anchor::Found {
                range: 0..2,
                repeated: true
            }
        );
    }

    #[test]
    fn matches_never_split_a_grapheme() {
        let decomposed = "Zoe\u{301} said so";
        assert_eq!(find(decomposed, "Zoe"), Anchor::NotFound);
        assert_eq!(
            find(decomposed, "Zoe\u{301}"),
            Anchor::Found {
                range: 0..5,
                repeated: false
            }
        );
        // A later, whole-grapheme occurrence is still found.
        assert_eq!(
            find("Zoe\u{301} and Zoe", "Zoe"),
            Anchor::Found {
                range: 10..13,
                repeated: false
            }
        );
    }

    #[test]
    fn emoji_and_cjk_anchor_on_their_own_bytes() {
        let body = "記者会見で「事実無根」と述べた 👨‍👩‍👧 家族";
        let Anchor::Found { range, .. } = find(body, "「事実無根」") else {
            panic!("not found");
        };
        assert_eq!(&body[range], "「事実無根」");
        // The man alone is not a grapheme of its own inside the family ZWJ sequence.
        assert_eq!(find(body, "👨"), Anchor::NotFound);
    }

    #[test]
    fn collapse_folds_runs_and_trims() {
        assert_eq!(collapse("  a \n\t b\u{3000}c  "), "a b c");
        assert_eq!(collapse(" \n "), "");
    }
}
