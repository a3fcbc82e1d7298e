//! Finding a quote in a body, by FORMAT.md's rule: every white-space run (in both)
//! counts as one space, the quote's ends are trimmed, nothing else is folded, and a
//! match must start and end on grapheme-cluster boundaries of the body.

pub mod near;

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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
    // Most quotes are ASCII with single spaces between words already: copied at once.
    let bytes = s.as_bytes();
    let plain = bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes
            .iter()
            .all(|&b| b.is_ascii() && (b == b' ' || !is_ascii_space(b)))
        && memchr::memmem::find(bytes, b"  ").is_none();
    if plain {
        return s.to_string();
    }
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
    let collapsed = Collapsed::new(body);
    let found = match few_quotes(&collapsed, &patterns) {
        Some(found) => found,
        None => match all_quotes(&collapsed, &patterns) {
            Some(found) => found,
            // Only a pattern set too large for the automaton's ids can fail: nothing
            // found rather than a panic; the file is over any real size.
            None => return results,
        },
    };
    for (p, range) in found {
        let Some(anchor) = results.get_mut(&patterns[p]) else {
            continue;
        };
        let (start, end) = (
            collapsed.origin(range.start),
            collapsed.origin(range.end - 1) + 1,
        );
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

/// Quotes at most this many are sought one by one (see [`few_quotes`]).
const FEW: usize = 8;
/// Or more, while one search each scans at most this many bytes in all: a short
/// body with a few dozen suggested claims (a file `suggest` just wrote, checked
/// before it is) is searched quote by quote in less time than an automaton for
/// its quotes takes to build: `whosaid check` of 10,000 such files (about 20
/// quotes each) takes 1.2 s of CPU instead of 1.8 s.
const SMALL_SCAN: usize = 256 * 1024;

/// For a file's usual handful of quotes: each sought alone with `memmem`, which
/// costs far less than building an automaton for them. Each pattern's first two
/// matches on grapheme boundaries of the body (overlapping ones count), as
/// [`all_quotes`] finds them, in the collapsed text. The work is bounded by a
/// multiple of the body: a hostile body with many matches that split graphemes
/// gives up (`None`) and the automaton, linear in matches, takes over.
fn few_quotes(body: &Collapsed, patterns: &[String]) -> Option<Vec<(usize, Range<usize>)>> {
    let text = body.text.as_slice();
    let scan = patterns.len().saturating_mul(text.len() + 64);
    if patterns.len() > FEW && scan > SMALL_SCAN {
        return None;
    }
    let mut budget = ((FEW + 2) * (text.len() + 64)).max(2 * SMALL_SCAN);
    let mut found = Vec::new();
    for (p, pattern) in patterns.iter().enumerate() {
        let finder = memchr::memmem::Finder::new(pattern.as_bytes());
        let (mut from, mut count) = (0, 0);
        while count < 2 {
            let hit = text.get(from..).and_then(|rest| finder.find(rest));
            let scanned = hit.map_or(text.len(), |at| from + at + pattern.len());
            budget = budget.checked_sub(scanned.saturating_sub(from) + 1)?;
            let Some(at) = hit else {
                break;
            };
            let start = from + at;
            from = start + 1;
            let range = start..start + pattern.len();
            if body.on_boundaries(&range) {
                found.push((p, range));
                count += 1;
            }
        }
    }
    Some(found)
}

/// Every quote at once: Aho-Corasick over the collapsed body, so many claims over
/// a long body cost O(body + quotes + matches). `None` if the automaton cannot be
/// built (a pattern set too large for its ids).
fn all_quotes(body: &Collapsed, patterns: &[String]) -> Option<Vec<(usize, Range<usize>)>> {
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        // An NFA builds in time and memory linear in the quotes; a DFA's
        // transition table would cost quotes × alphabet, which a single long
        // quote already makes the largest cost of a load.
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()?;
    let mut seen = vec![0u8; patterns.len()];
    let mut found = Vec::new();
    for m in automaton.find_overlapping_iter(body.text.as_slice()) {
        let p = m.pattern().as_usize();
        if seen[p] >= 2 || !body.on_boundaries(&m.range()) {
            continue;
        }
        seen[p] += 1;
        found.push((p, m.range()));
    }
    Some(found)
}

/// The body with every white-space run as one ASCII space, and where each of
/// its bytes came from: the form quotes are compared in.
struct Collapsed<'b> {
    body: &'b str,
    text: Vec<u8>,
    /// Where the offset between the text and the body changes: from `text[c]` on
    /// (until the next entry), `text[i]` stands for the body's byte `i - c + b`
    /// for the entry `(c, b)`. One entry per white-space run that is not a single
    /// byte, rather than one per byte: most of the body is copied as it is.
    shifts: Vec<(u32, u32)>,
}

impl<'b> Collapsed<'b> {
    fn new(body: &'b str) -> Collapsed<'b> {
        let bytes = body.as_bytes();
        let mut text = Vec::with_capacity(body.len());
        let mut shifts = vec![(0, 0)];
        // `bytes[copied..i]` is still to be copied as it is.
        let (mut i, mut copied) = (0, 0);
        while i < bytes.len() {
            // Past plain bytes at once: only white space and non-ASCII chars need a look.
            match bytes[i..]
                .iter()
                .position(|&b| !b.is_ascii() || is_ascii_space(b))
            {
                Some(skip) => i += skip,
                None => break,
            }
            // A lone space between words is copied as it is.
            if bytes[i] == b' '
                && bytes
                    .get(i + 1)
                    .is_some_and(|&b| b.is_ascii() && !is_ascii_space(b))
            {
                i += 1;
                continue;
            }
            let (space, len) = white_space_at(body, i);
            if !space {
                i += len;
                continue;
            }
            text.extend_from_slice(&bytes[copied..i]);
            let run = i;
            while i < bytes.len() {
                let (space, len) = white_space_at(body, i);
                if !space {
                    break;
                }
                i += len;
            }
            // The run's space stands for its first byte; what follows, for `i`.
            if shifts
                .last()
                .is_none_or(|&(c, b)| text.len() - c as usize != run - b as usize)
            {
                shifts.push((offset(text.len()), offset(run)));
            }
            text.push(b' ');
            if i != run + 1 {
                shifts.push((offset(text.len()), offset(i)));
            }
            copied = i;
        }
        text.extend_from_slice(&bytes[copied..]);
        Collapsed { body, text, shifts }
    }

    /// The byte of the body that `text[i]` stands for (a run's first for its space).
    fn origin(&self, i: usize) -> usize {
        let at = self.shifts.partition_point(|&(c, _)| c as usize <= i);
        let (c, b) = self
            .shifts
            .get(at.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        i - c as usize + b as usize
    }

    /// Whether the match `range` of the text starts and ends on grapheme-cluster
    /// boundaries of the body.
    fn on_boundaries(&self, range: &Range<usize>) -> bool {
        let start = self.origin(range.start);
        let end = self.origin(range.end - 1) + 1;
        is_boundary(self.body, start) && is_boundary(self.body, end)
    }
}

/// Whether the ASCII byte `b` is white space as `char::is_whitespace` says (the
/// vertical tab too, unlike `u8::is_ascii_whitespace`).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Whether the char at byte `i` of `s` is white space, and its length in bytes.
fn white_space_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes()[i] {
        b if b.is_ascii() => (is_ascii_space(b), 1),
        _ => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
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
        assert_eq!(collapse("plain words"), "plain words");
        assert_eq!(collapse("two  spaces"), "two spaces");
        assert_eq!(collapse(" lead"), "lead");
        assert_eq!(collapse("trail "), "trail");
        assert_eq!(collapse("tab\there"), "tab here");
        assert_eq!(collapse("vertical\u{b}tab"), "vertical tab");
        assert_eq!(collapse("caf\u{e9}\u{a0}noir"), "caf\u{e9} noir");
        assert_eq!(collapse(""), "");
    }
}

#[cfg(test)]
mod two_ways {
    use super::*;

    /// The quotes sought one by one and all at once by the automaton: the same matches.
    fn both(body: &str, quotes: &[&str]) -> Vec<(usize, Range<usize>)> {
        let patterns: Vec<String> = quotes.iter().map(|q| collapse(q)).collect();
        let collapsed = Collapsed::new(body);
        let mut few = few_quotes(&collapsed, &patterns).unwrap_or_default();
        let mut all = all_quotes(&collapsed, &patterns).unwrap_or_default();
        few.sort_by_key(|(p, r)| (*p, r.start));
        all.sort_by_key(|(p, r)| (*p, r.start));
        assert_eq!(few, all, "{body:?} {quotes:?}");
        let origins: Vec<(usize, usize)> = few
            .iter()
            .map(|(_, r)| (collapsed.origin(r.start), collapsed.origin(r.end - 1) + 1))
            .collect();
        assert!(
            origins
                .iter()
                .all(|&(s, e)| body.is_char_boundary(s) && body.is_char_boundary(e))
        );
        few
    }

    #[test]
    fn one_by_one_finds_what_the_automaton_finds() {
        let body = "Zoe\u{301} said\u{3000}\u{3000}no plans.\n\n  No plans yet, aaa Zoe and\tZoe \u{a0}again";
        let quotes = [
            "Zoe",
            "no plans",
            "aa",
            "said no",
            "plans yet",
            "again",
            "missing",
            "Zoe and Zoe",
        ];
        let found = both(body, &quotes);
        assert!(!found.is_empty());
        both(
            "記者会見で「事実無根」と述べた 👨‍👩‍👧 家族",
            &["「事実無根」", "👨", "家族"],
        );
        both("", &["x"]);
        both("   ", &["a"]);
    }

    #[test]
    fn a_short_body_with_many_quotes_is_searched_one_by_one_and_agrees() {
        // A file `suggest` just wrote: a few hundred bytes of body, thirty quotes.
        let body = "Mayor Ilse Varga said the bridge would reopen. \
                    The Tessel Courier reported that the ferry, she said, was late. "
            .repeat(3);
        let words: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
        let quotes: Vec<String> = words.windows(2).take(30).map(|w| w.join(" ")).collect();
        let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        assert!(quotes.len() > FEW);
        let found = both(&body, &quotes);
        // Each quote is in the body three times: its first two matches are kept.
        assert_eq!(found.len(), 2 * quotes.len());
    }

    #[test]
    fn the_collapsed_body_and_its_origins_agree_with_a_char_by_char_walk() {
        // The rule written a second way: each char in turn, a run's space standing
        // for the run's first byte, every other byte for itself.
        let slow = |body: &str| {
            let (mut text, mut origins, mut in_space) = (Vec::new(), Vec::new(), false);
            for (i, c) in body.char_indices() {
                if c.is_whitespace() {
                    if !in_space {
                        text.push(b' ');
                        origins.push(i);
                    }
                    in_space = true;
                } else {
                    in_space = false;
                    for j in 0..c.len_utf8() {
                        text.push(body.as_bytes()[i + j]);
                        origins.push(i + j);
                    }
                }
            }
            (text, origins)
        };
        for body in [
            "",
            " ",
            "plain words only",
            "  lead and trail  ",
            "a\u{3000}b \n c\td\u{85}\u{85}e f\u{b}g",
            "記者会見で 「事実無根」\u{3000}と\n\n述べた 👨‍👩‍👧",
            "x\u{a0}\u{2028} y \u{202f}",
        ] {
            let fast = Collapsed::new(body);
            let (text, origins) = slow(body);
            assert_eq!(fast.text, text, "{body:?}");
            let found: Vec<usize> = (0..text.len()).map(|i| fast.origin(i)).collect();
            assert_eq!(found, origins, "{body:?}");
        }
    }

    #[test]
    fn body_offsets_are_found_across_every_kind_of_run() {
        let body = "a\u{3000}b \n c\td\u{85}\u{85}e f";
        for (quote, want) in [
            ("a b", "a\u{3000}b"),
            ("b c d", "b \n c\td"),
            ("d e f", "d\u{85}\u{85}e f"),
        ] {
            let Anchor::Found { range, .. } = find(body, quote) else {
                panic!("{quote:?} not found");
            };
            assert_eq!(&body[range], want);
        }
    }

    #[test]
    fn many_matches_that_split_graphemes_leave_it_to_the_automaton() {
        // Every "e" of the body splits a grapheme (e + accent): none anchors, and
        // seeking them one by one gives up before costing body × matches.
        let body = "e\u{301}".repeat(20_000);
        let quote = format!("{}e", "e\u{301}".repeat(50));
        let patterns = vec![collapse(&quote)];
        assert_eq!(few_quotes(&Collapsed::new(&body), &patterns), None);
        assert_eq!(find(&body, &quote), Anchor::NotFound);
    }
}
