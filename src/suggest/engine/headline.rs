//! Headlines in title case that report (`Mayor Vell Says The Pier Will
//! Close`, `Quell Slams Harbour Board Over Tolls`): the verb is capitalised
//! like every word around it, so the sentence rules, which read only a
//! lower-case verb, miss it. On develop 32 of 34 such lines are gold.

use std::ops::Range;

use super::{Doc, Found};
use crate::suggest::lexicon;
use crate::suggest::tokens::Kind;

/// Title-case verbs a headline reports with, in their third-person form.
const VERBS: &[&str] = &[
    "Says",
    "Said",
    "Tells",
    "Warns",
    "Claims",
    "Calls",
    "Slams",
    "Wants",
    "Urges",
    "Denies",
    "Admits",
    "Blasts",
    "Rips",
    "Accuses",
    "Praises",
    "Defends",
    "Suggests",
    "Predicts",
    "Vows",
    "Pledges",
    "Insists",
    "Explains",
    "Knocks",
    "Questions",
    "Criticizes",
    "Announces",
    "Reveals",
    "Asks",
    "Argues",
    "Touts",
    "Endorses",
    "Promises",
    "Tweets",
    "Compares",
];

/// `Mayor Vell Says The Pier Will Close`: a line that opens with one to five
/// capitalised words (the speaker), then one of `VERBS`, then more words (what
/// is said). `Calls For`, `Calls On` take their preposition into the cue, and
/// a capitalised adverb right before the verb (`Finally Endorses`) belongs to it.
pub(super) fn find(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if v <= s.start
        || v - s.start > 6
        || !doc.capitalized(v)
        || !VERBS.iter().any(|w| doc.word(v) == *w)
    {
        return None;
    }
    if !doc.is_word(v) || !line_start(doc, s.start) {
        return None;
    }
    let mut cue = v..v + 1;
    if doc.word(v - 1).ends_with("ly") && doc.capitalized(v - 1) && v - 1 > s.start {
        cue.start = v - 1;
    }
    let source = s.start..cue.start;
    let named = source.clone().all(|i| {
        doc.capitalized(i)
            && !lexicon::is_capital_stop(doc.word(i))
            && !lexicon::is_subject_pronoun(doc.word(i))
    });
    if !named {
        return None;
    }
    if doc.word(v) == "Calls" && (doc.is(v + 1, "for") || doc.is(v + 1, "on")) {
        cue.end += 1;
    }
    let t = cue.end;
    let opens = doc.toks.get(t).is_some_and(|x| x.kind == Kind::Open);
    // `Bell Tells #Tarrow Voters …`: a hashtag opens what is said as a capital does.
    let hashtag = doc.is_punct(t, "#");
    if !(doc.capitalized(t)
        || opens
        || hashtag
        || doc.word(t).starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let end = doc.trim_end(t, s.end);
    if end < t + 2 {
        return None;
    }
    Some(Found::said(Some(source), cue, vec![t..end]))
}

/// Whether the sentence starting at token `i` starts its line too.
fn line_start(doc: &Doc, i: usize) -> bool {
    i == 0
        || doc.toks[i - 1].kind == Kind::Break
        || doc.text[doc.toks[i - 1].end..doc.toks[i].start].contains('\n')
}
