//! A verb of saying inside a relative clause whose missing subject is the
//! reported clause's (`a finish that he said defied expectations`, `which
//! officials say will take effect`): the relative word and what follows the
//! verb are the content, as PolNeAR marks it.

use std::ops::Range;

use super::{Doc, Found};
use crate::suggest::lexicon;

/// Words that open such a clause; `who` is left out of the content, as
/// annotators leave it out more often than not. Not `what` (`what they say
/// was her mishandling`): on develop 4 of 8 such are gold.
const RELATIVES: &[&str] = &["which", "that", "who", "whom"];

/// Past forms, besides those in -ed, that may start the reported clause
/// (`which they say left a vacuum`).
const PAST: &[&str] = &[
    "left", "went", "made", "took", "came", "gave", "won", "lost", "led", "cost", "meant", "kept",
    "held", "brought", "stood", "ran", "got", "grew", "fell", "began", "did",
];

/// `which he said was …`, `that several insiders said went unnoticed`: the
/// cue `said`, `say` or `says` right after a short subject (a pronoun, or up to
/// six plain words) that a relative word opens, and right before a finite verb
/// (a form of `be`, a modal, `had`, a word in -ed): the gap of the clause is
/// the verb's subject. The content runs to the next comma or the sentence's end.
/// On develop 16 of 20 such are gold.
pub(super) fn gap(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if !["said", "say", "says"].iter().any(|w| doc.is(v, w))
        || !doc.word(v).starts_with(char::is_lowercase)
        || v < s.start + 2
    {
        return None;
    }
    let next = doc.word(v + 1);
    let finite = doc.is_word(v + 1)
        && next.starts_with(char::is_lowercase)
        && (lexicon::is_be(next)
            || ["will", "would", "could", "might", "may", "can", "should", "had", "has"]
                .contains(&next)
            || (next.ends_with("ed") && next.len() > 4)
            || PAST.contains(&next));
    if !finite || doc.is(v + 2, "to") && lexicon::is_be(next) {
        return None;
    }
    // The subject: a pronoun, or plain words back to the relative word.
    let mut b = v;
    while b > s.start && v - b < 6 {
        let w = doc.word(b - 1);
        let plain = doc.is_word(b - 1)
            && !RELATIVES.iter().any(|r| doc.is(b - 1, r))
            && !doc.is(b - 1, "what")
            && lexicon::verb(w).is_none()
            && lexicon::mind_verb(w).is_none()
            && !lexicon::is_be(w)
            && !lexicon::is_auxiliary(w)
            && !lexicon::is_object_pronoun(w)
            && !["to", "of", "in", "on", "at", "for", "with", "by", "not", "and", "or"]
                .iter()
                .any(|x| doc.is(b - 1, x));
        if !plain {
            break;
        }
        b -= 1;
    }
    let rel = b.checked_sub(1)?;
    if b == v || rel < s.start || !RELATIVES.iter().any(|r| doc.is(rel, r)) || doc.in_quote(rel) {
        return None;
    }
    let subject = b..v;
    let pronoun = subject.len() == 1
        && ["he", "she", "they", "we", "i", "you"]
            .iter()
            .any(|w| doc.is(b, w));
    // A subject of words: a name, a noun of the lexicon, or a lower-case plural
    // (`critics`, `many analysts`), never a lone pronoun that is not a subject.
    let named = subject.clone().any(|i| {
        let w = doc.word(i);
        doc.capitalized(i) && !lexicon::is_capital_stop(w)
            || lexicon::is_head_noun(w)
            || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
    }) && !subject
        .clone()
        .any(|i| lexicon::is_subject_pronoun(doc.word(i)));
    if !pronoun && !named {
        return None;
    }
    let from = v + 1;
    let mut to = from;
    while to < s.end
        && to < from + 60
        && !([",", ";", "—", "–", "(", ":"]
            .iter()
            .any(|m| doc.is_punct(to, m))
            && !doc.in_quote(to))
    {
        to += 1;
    }
    let to = doc.trim_end(from, to);
    if to < from + 2 {
        return None;
    }
    let content = if doc.is(rel, "who") || doc.is(rel, "whom") {
        vec![from..to]
    } else {
        vec![rel..rel + 1, from..to]
    };
    Some(Found::said(Some(subject), v..v + 1, content))
}
