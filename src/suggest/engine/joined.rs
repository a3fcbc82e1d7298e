//! A verb of saying joined by `and` or `but` to a verb before it, with no
//! subject of its own: `In Elsby, Vell shook her head and said …`, `Bell, a
//! pilot, left the pier and said …`. The subject is the one of the clause the
//! first verb opens, found after the clause's comma.

use std::ops::Range;

use super::{Doc, Found, MIN_CONTENT, cue_adverb, reported_clause, source_before};
use crate::suggest::lexicon::{self, Verb};
use crate::suggest::tokens::Kind;

/// Words that bring a clause of their own between the subject and `and`.
const CLAUSE: &[&str] = &[
    "who", "whom", "which", "that", "when", "while", "if", "because", "after", "before", "as",
    "where", "whether", "said", "says", "told",
];

/// `said` (or `says`, `told`, `added`) after `and` or `but` (and an adverb),
/// where the clause before holds no other clause word: its subject is the noun
/// phrase after the clause's comma (or at the sentence's start), a name or a
/// pronoun followed by a lower-case verb; or, when a lower-case verb follows
/// the comma, that verb's own subject (`Bell, a pilot, left … and said`). The
/// rest of the sentence is the content. On develop 7 of 7 new are gold.
pub(super) fn joined(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    // `said`, `says`, `told`, `tells`, `added`, `adds`: a cheap test first, as
    // this rule is tried on nearly every word.
    let w = doc.word(v);
    if w.len() > 5 || !w.starts_with(['s', 't', 'a']) {
        return None;
    }
    let form = lexicon::verb(w).filter(|f| {
        !f.gerund && !f.is_base && matches!(f.base, "say" | "tell" | "add") && doc.is_word(v)
    })?;
    let mut j = v.checked_sub(1)?;
    while j > s.start && j + 3 > v && cue_adverb(doc, j) {
        j -= 1;
    }
    if j <= s.start || !(doc.is(j, "and") || doc.is(j, "but")) || doc.in_quote(j) {
        return None;
    }
    // `…, but said`: a comma before the conjunction belongs to neither clause.
    let last = if doc.is_punct(j - 1, ",") { j - 1 } else { j };
    let floor = s.start.max(last.saturating_sub(40));
    let mut b = last;
    while b > floor && !clause_mark(doc, b - 1) {
        b -= 1;
    }
    if b == floor && floor > s.start {
        return None;
    }
    if (b..last).any(|i| {
        doc.in_quote(i)
            || matches!(doc.toks[i].kind, Kind::Open | Kind::Close)
            || CLAUSE.iter().any(|w| doc.is(i, w))
    }) {
        return None;
    }
    if ["but", "and", "then", "so"].iter().any(|w| doc.is(b, w)) {
        b += 1;
    }
    let source = if doc.word(b).starts_with(char::is_lowercase)
        && lexicon::verb(doc.word(b)).is_none()
        && b > s.start
        && doc.is_punct(b - 1, ",")
        && !lexicon::is_subject_pronoun(doc.word(b))
        && !doc.is(b, "the")
    {
        // `Bell, a pilot, left the pier and said`: the first verb's subject.
        source_before(doc, s, b)?.np
    } else if let Some(np) = determined_to_past(doc, b, last) {
        np
    } else {
        let np = doc.np_forward(b, last)?;
        let first = doc.word(np.start);
        let named = np.len() == 1
            && ["he", "she", "they", "we", "i"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w))
            || doc.capitalized(np.start) && !lexicon::is_capital_stop(first)
            // `some senators`, `the district chairman Bo Quell`: a determined noun phrase.
            || [
                "the", "a", "an", "some", "many", "several", "most", "both", "all", "his", "her",
                "their", "its",
            ]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
                && np.len() > 1;
        let verb_follows = np.end < last
            && doc.is_word(np.end)
            && doc.word(np.end).starts_with(char::is_lowercase)
            && !lexicon::is_np_word(doc.word(np.end))
            && ![
                "of", "for", "in", "on", "at", "to", "from", "with", "and", "or", "by",
            ]
            .iter()
            .any(|w| doc.is(np.end, w));
        if !named || !verb_follows {
            return None;
        }
        np
    };
    let t = reported_clause(doc, s, v, form.verb == Verb::Tell, &["some", "one"])?;
    let end = doc.trim_end(t, s.end);
    if end < t + MIN_CONTENT {
        return None;
    }
    Some(Found::said(Some(source), v..v + 1, vec![t..end]))
}

/// A mark that ends the clause before a subject: a comma, a semicolon, a dash, a colon.
fn clause_mark(doc: &Doc, i: usize) -> bool {
    [",", ";", ":", "—", "–"].iter().any(|m| doc.is_punct(i, m)) || doc.toks[i].kind == Kind::Break
}

/// `the district chairman Bo Quell declined`, `some senators vented`: a
/// determiner and at most seven plain words (no function word, no verb of
/// saying), up to a lower-case word in -ed, the first verb.
fn determined_to_past(doc: &Doc, b: usize, last: usize) -> Option<Range<usize>> {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "some", "many", "several", "most", "both", "all", "his", "her", "their",
        "its",
    ];
    const FUNCTION: &[&str] = &[
        "of", "for", "in", "on", "at", "to", "from", "with", "and", "or", "by", "not", "no", "the",
        "a", "an", "is", "was", "were", "are", "has", "have", "had",
    ];
    if !DETERMINERS.iter().any(|w| doc.is(b, w)) {
        return None;
    }
    let mut k = b + 1;
    while k < last && k < b + 8 {
        let w = doc.word(k);
        if !doc.is_word(k) || FUNCTION.iter().any(|f| doc.is(k, f)) || lexicon::verb(w).is_some() {
            return None;
        }
        if k > b + 1 && w.starts_with(char::is_lowercase) && w.ends_with("ed") {
            return Some(b..k);
        }
        k += 1;
    }
    None
}
