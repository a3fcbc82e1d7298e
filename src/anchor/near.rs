//! The passage of a body nearest a quote that is not in it: the longest run of
//! words the two share once case, quote marks and dashes are folded, for the
//! "did you mean …?" of a `quote` that does not match.
//!
//! Words are the runs of letters and digits, lowercased: punctuation (straight
//! or curly quote marks, hyphens and dashes, commas) only separates them, so
//! `"Pure fiction"` and `“pure fiction,”` share both words, and `Trump-Putin`
//! matches `Trump–Putin`. A suffix automaton of the quote's words, fed the
//! body's words once, finds the longest shared run in time linear in body and
//! quote (expected, with hashing), whatever either holds.

use std::collections::HashMap;
use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

/// The passage of the body that shares the longest run of words with a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    /// Byte range in the body: the first shared word's start to the last one's
    /// end (extended to a grapheme boundary).
    pub range: Range<usize>,
    /// How many words the passage shares with the quote.
    pub words: usize,
}

/// The body's words, folded and numbered once, to look for several quotes in it.
pub struct BodyWords<'b> {
    body: &'b str,
    /// Each word's number (equal numbers, equal folded words) and byte range.
    words: Vec<(u32, Range<usize>)>,
    numbers: HashMap<String, u32>,
}

impl<'b> BodyWords<'b> {
    pub fn new(body: &'b str) -> Self {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut words = Vec::new();
        let mut folded = String::new();
        for range in word_ranges(body) {
            fold_into(&body[range.clone()], &mut folded);
            let number = match numbers.get(folded.as_str()) {
                Some(n) => *n,
                None => {
                    let n = u32::try_from(numbers.len()).unwrap_or(u32::MAX - 1);
                    numbers.insert(folded.clone(), n);
                    n
                }
            };
            words.push((number, range));
        }
        BodyWords {
            body,
            words,
            numbers,
        }
    }

    /// The passage sharing the longest run of words with `quote` (the first such
    /// passage), if it shares at least two words, or the quote's only word.
    pub fn nearest(&self, quote: &str) -> Option<NearMiss> {
        // A word the body lacks gets a number no body word has: it breaks runs.
        const ABSENT: u32 = u32::MAX;
        let mut folded = String::new();
        let quote_words: Vec<u32> = word_ranges(quote)
            .map(|r| {
                fold_into(&quote[r], &mut folded);
                self.numbers.get(folded.as_str()).copied().unwrap_or(ABSENT)
            })
            .collect();
        let automaton = Automaton::of(&quote_words);
        let (mut state, mut length) = (0usize, 0usize);
        let (mut best_len, mut best_end) = (0usize, 0usize);
        for (i, (word, _)) in self.words.iter().enumerate() {
            // Follow suffix links until the run can grow by this word.
            loop {
                if let Some(&next) = automaton.states[state].next.get(word) {
                    state = next;
                    length += 1;
                    break;
                }
                match automaton.states[state].link {
                    Some(link) => {
                        state = link;
                        length = automaton.states[state].len;
                    }
                    None => {
                        length = 0;
                        break;
                    }
                }
            }
            if length > best_len {
                best_len = length;
                best_end = i;
            }
        }
        let enough = best_len >= 2 || (best_len == 1 && quote_words.len() == 1);
        if !enough {
            return None;
        }
        let first = &self.words[best_end + 1 - best_len].1;
        let last = &self.words[best_end].1;
        Some(NearMiss {
            range: first.start..grapheme_end(self.body, last.end),
            words: best_len,
        })
    }
}

/// [`BodyWords::nearest`] for one quote.
pub fn near_miss(body: &str, quote: &str) -> Option<NearMiss> {
    BodyWords::new(body).nearest(quote)
}

/// The byte ranges of the runs of letters and digits in `s`.
fn word_ranges(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// `word` lowercased into `out` (cleared first), without allocating per word.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().flat_map(char::to_lowercase));
}

/// `at`, or the next grapheme boundary after it (a word may end before a combining mark).
fn grapheme_end(body: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, body.len(), true);
    match cursor.is_boundary(body, 0) {
        Ok(true) => at,
        _ => cursor
            .next_boundary(body, 0)
            .ok()
            .flatten()
            .unwrap_or(body.len()),
    }
}

/// The suffix automaton of a sequence of word numbers: every run of words in the
/// quote is a path from the start state.
struct Automaton {
    states: Vec<State>,
}

#[derive(Clone)]
struct State {
    /// The longest run of words that ends in this state.
    len: usize,
    link: Option<usize>,
    next: HashMap<u32, usize>,
}

impl Automaton {
    /// The classic online construction: at most `2n` states, amortised `O(n)`.
    fn of(words: &[u32]) -> Self {
        let mut states = Vec::with_capacity(2 * words.len() + 1);
        states.push(State {
            len: 0,
            link: None,
            next: HashMap::new(),
        });
        let mut last = 0;
        for &word in words {
            let current = states.len();
            states.push(State {
                len: states[last].len + 1,
                link: None,
                next: HashMap::new(),
            });
            let mut p = Some(last);
            while let Some(at) = p {
                if states[at].next.contains_key(&word) {
                    break;
                }
                states[at].next.insert(word, current);
                p = states[at].link;
            }
            match p {
                None => states[current].link = Some(0),
                Some(at) => {
                    let q = states[at].next[&word];
                    if states[at].len + 1 == states[q].len {
                        states[current].link = Some(q);
                    } else {
                        let clone = states.len();
                        let mut copy = states[q].clone();
                        copy.len = states[at].len + 1;
                        states.push(copy);
                        let mut p = Some(at);
                        while let Some(at) = p {
                            if states[at].next.get(&word) != Some(&q) {
                                break;
                            }
                            states[at].next.insert(word, clone);
                            p = states[at].link;
                        }
                        states[q].link = Some(clone);
                        states[current].link = Some(clone);
                    }
                }
            }
            last = current;
        }
        Automaton { states }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn passage<'b>(body: &'b str, quote: &str) -> Option<&'b str> {
        near_miss(body, quote).map(|n| &body[n.range])
    }

    #[test]
    fn straight_quotes_and_case_are_folded() {
        let body = "Peskov dismissed this claim as “pure fiction,” maintaining it.";
        assert_eq!(
            passage(body, "\"Pure Fiction\", maintaining"),
            Some("pure fiction,” maintaining")
        );
    }

    #[test]
    fn dashes_are_folded() {
        let body = "No plans for a Putin–Trump conversation exist.";
        assert_eq!(
            passage(body, "plans for a Putin-Trump call"),
            Some("plans for a Putin–Trump")
        );
    }

    #[test]
    fn one_word_more_or_less_keeps_the_longest_run() {
        let body = "the two leaders reportedly discussed the Ukraine conflict, with Trump";
        // A word too many in the middle: the longer of the two halves wins.
        assert_eq!(
            passage(
                body,
                "the two leaders reportedly also discussed the Ukraine conflict"
            ),
            Some("the two leaders reportedly")
        );
        // A word missing.
        assert_eq!(
            passage(body, "two leaders discussed the Ukraine conflict"),
            Some("discussed the Ukraine conflict")
        );
    }

    #[test]
    fn the_first_of_equal_runs_is_chosen() {
        let body = "no plans yet. Later: no plans yet.";
        let near = near_miss(body, "No plans yet!").unwrap();
        assert_eq!(near.range, 0..12);
        assert_eq!(near.words, 3);
    }

    #[test]
    fn a_single_shared_common_word_is_no_hint() {
        assert_eq!(passage("the cat sat", "the dog ran"), None);
        assert_eq!(passage("the cat sat", ""), None);
        assert_eq!(passage("", "the cat"), None);
        // But a one-word quote that differs in case only is.
        assert_eq!(passage("Pure Fiction", "FICTION"), Some("Fiction"));
    }

    #[test]
    fn repeats_inside_the_quote_are_handled() {
        // A quote with repeated words exercises the automaton's clones.
        let body = "a b a b c a b a b a b c d";
        assert_eq!(
            passage(body, "x a b a b a b c d y"),
            Some("a b a b a b c d")
        );
        assert_eq!(passage("b a b c", "a b a b c"), Some("b a b c"));
    }

    #[test]
    fn the_passage_ends_on_a_grapheme_boundary() {
        let body = "met Zoe\u{301} at noon";
        assert_eq!(passage(body, "met Zoe"), Some("met Zoe\u{301}"));
    }

    /// The longest shared run of words, by trying every pair of starting places.
    fn brute_force(body: &[&str], quote: &[&str]) -> usize {
        let mut best = 0;
        for i in 0..body.len() {
            for j in 0..quote.len() {
                let run = body[i..]
                    .iter()
                    .zip(&quote[j..])
                    .take_while(|(b, q)| b.eq_ignore_ascii_case(q))
                    .count();
                best = best.max(run);
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn the_run_found_is_as_long_as_the_longest_by_brute_force(
            body in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "B", "c"]), 0..14),
            quote in proptest::collection::vec(proptest::sample::select(vec!["a", "A", "b", "c", "d"]), 0..9),
        ) {
            let want = brute_force(&body, &quote);
            let found = near_miss(&body.join(" "), &quote.join(" "));
            let expected = want >= 2 || (want == 1 && quote.len() == 1);
            proptest::prop_assert_eq!(found.as_ref().map(|n| n.words), expected.then_some(want));
            if let Some(near) = found {
                let text = body.join(" ");
                let shown: Vec<String> = text[near.range].split(' ').map(str::to_lowercase).collect();
                let quote: Vec<String> = quote.iter().map(|w| w.to_lowercase()).collect();
                proptest::prop_assert!(quote.windows(shown.len()).any(|w| w == shown.as_slice()));
            }
        }
    }
}
