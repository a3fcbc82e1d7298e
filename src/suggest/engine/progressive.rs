//! Reporting in the progressive (`Vell is telling voters that …`, `Quell is
//! calling for a new vote`), as live blogs write it: the sentence rules read
//! a verb after `is` as passive and skip it. PolNeAR marks the form of `be`
//! as part of the cue.

use std::ops::Range;

use super::{Doc, Found, MIN_CONTENT, skip_addressee, source_before};
use crate::suggest::lexicon::{self, Verb};

/// `Vell is telling the crowd that …`: a name or a personal pronoun, a form of
/// `be`, and the -ing form of a verb of saying (`calling` only with `for` or
/// `on`, which join the cue); the rest of the sentence is the content.
pub(super) fn find(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    // The form of `be` first: it rules out nearly every token at the cost of a comparison.
    if v < s.start + 2
        || !["is", "are", "was", "were"]
            .iter()
            .any(|w| doc.is(v - 1, w))
    {
        return None;
    }
    let be = v - 1;
    let form = lexicon::verb(doc.word(v))
        .filter(|f| f.gerund && f.verb != Verb::QuoteOnly && f.verb != Verb::Evidence);
    let calling = doc.is(v, "calling") && (doc.is(v + 1, "for") || doc.is(v + 1, "on"));
    if (form.is_none() && !calling) || doc.in_quote(v) {
        return None;
    }
    let source = source_before(doc, s, be)?.np;
    let last = source.end - 1;
    let personal = ["he", "she", "they"].iter().any(|w| doc.is(last, w))
        || doc.capitalized(last) && !lexicon::is_capital_stop(doc.word(last));
    if source.end != be || !personal {
        return None;
    }
    let mut t = v + 1;
    if calling {
        t += 1;
    }
    let cue = be..t;
    if form.is_some_and(|f| f.verb == Verb::Tell) {
        t = skip_addressee(doc, v, t, s.end);
    }
    if [
        "to", "by", "for", "of", "with", "about", "up", "out", "back",
    ]
    .iter()
    .any(|w| doc.is(t, w))
        && !calling
        && !(form.is_some_and(|f| lexicon::commits(f.base)) && doc.is(t, "to"))
    {
        return None;
    }
    let end = doc.trim_end(t, s.end);
    if end < t + MIN_CONTENT || !doc.is_word(t) {
        return None;
    }
    Some(Found::said(Some(source), cue, vec![t..end]))
}
