//! Finding a quote in a body, by FORMAT.md's rule: every white-space run (in both)
//! counts as one space, the quote's ends are trimmed, nothing else is folded, and a
//! match must start and end on grapheme-cluster boundaries of the body.

pub mod near;

use std::ops::Range;

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
    let words: Vec<&str> = quote.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Anchor::Empty;
    };
    let finder = memchr::memmem::Finder::new(first.as_bytes());
    let mut matches = Matches {
        body,
        words: &words,
        first,
        finder,
        from: 0,
    };
    match matches.next() {
        None => Anchor::NotFound,
        Some(range) => Anchor::Found {
            repeated: matches.next().is_some(),
            range,
        },
    }
}

/// Successive grapheme-aligned matches, each starting after the previous one's start.
struct Matches<'a> {
    body: &'a str,
    words: &'a [&'a str],
    first: &'a str,
    /// Every quote is looked for across the whole body (to see repeats): SIMD pays.
    finder: memchr::memmem::Finder<'a>,
    from: usize,
}

impl Iterator for Matches<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while let Some(offset) = self.finder.find(self.body.get(self.from..)?.as_bytes()) {
            let start = self.from + offset;
            // Step one char past this start, so overlapping occurrences are seen.
            let step = self.body[start..].chars().next().map_or(1, char::len_utf8);
            self.from = start + step;
            if let Some(end) = match_rest(self.body, start + self.first.len(), &self.words[1..])
                && is_boundary(self.body, start)
                && is_boundary(self.body, end)
            {
                return Some(start..end);
            }
        }
        None
    }
}

/// Matches the remaining words from `pos`, each after at least one white-space char.
fn match_rest(body: &str, mut pos: usize, words: &[&str]) -> Option<usize> {
    for word in words {
        let rest = &body[pos..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 || !rest[gap..].starts_with(word) {
            return None;
        }
        pos += gap + word.len();
    }
    Some(pos)
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
