//! A verb of saying inside a relative clause whose missing subject is the
//! reported clause's (`a finish that he said defied expectations`, `which
//! officials say will take effect`): the relative word and what follows the
//! verb are the content, as PolNeAR marks it.

use std::ops::Range;

use super::{Doc, Found};
use crate::suggest::lexicon;
use crate::suggest::tokens::Kind;

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
            || [
                "will", "would", "could", "might", "may", "can", "should", "had", "has",
            ]
            .contains(&next)
            || (next.ends_with("ed") && next.len() > 4)
            || PAST.contains(&next));
    if !finite || doc.is(v + 2, "to") && lexicon::is_be(next) {
        return None;
    }
    let (rel, subject) = relative_subject(doc, s, v, false)?;
    let from = v + 1;
    let mut to = from;
    // A mark outside a quotation ends the clause.
    let stop = |i: usize| {
        [",", ";", "—", "–", "(", ":"]
            .iter()
            .any(|m| doc.is_punct(i, m))
            && !doc.in_quote(i)
    };
    while to < s.end && to < from + 60 && !stop(to) {
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

/// `People briefed on the talks say …`, `Friends of Vell’s who have seen her
/// lately say …`, `Aides to Quell said …`: a subject that opens the sentence
/// (after `But`, `And`, `Yet` at most) and goes on past its noun with a relative
/// clause, a participle or a preposition, then `said`, `say` or `says` and the
/// start of a clause. The whole subject is the source, as PolNeAR marks it more
/// often than not. Tried only where the usual reading found nothing. On develop
/// 16 of 16 new are gold, 13 with the gold source.
pub(super) fn heavy_subject(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if !["said", "say", "says"].iter().any(|w| doc.is(v, w))
        || !doc.word(v).starts_with(char::is_lowercase)
    {
        return None;
    }
    let t = v + 1;
    let clause = doc.is(t, "that")
        || super::clause_subject(doc, t)
        || [
            "the", "a", "an", "his", "her", "their", "its", "some", "more", "most",
        ]
        .iter()
        .any(|w| doc.is(t, w))
        || doc.capitalized(t) && !lexicon::is_capital_stop(doc.word(t));
    if !clause {
        return None;
    }
    let mut start = s.start;
    if ["but", "and", "yet", "still", "though"]
        .iter()
        .any(|w| doc.is(start, w))
    {
        start += 1;
    }
    if v < start + 3 || v > start + 25 || doc.in_quote(start) {
        return None;
    }
    let first = doc.word(start);
    let opens = doc.capitalized(start) && !lexicon::is_capital_stop(first)
        || [
            "the", "a", "an", "some", "many", "most", "several", "few", "both", "all", "those",
            "other", "current", "former", "people", "multiple",
        ]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w));
    if !opens || !(start..v).all(|i| doc.is_word(i)) {
        return None;
    }
    // Nouns in -ing that describe no one (`on Thursday evening`).
    const TIMES: &[&str] = &[
        "evening",
        "morning",
        "spring",
        "thing",
        "something",
        "nothing",
        "anything",
        "everything",
        "meeting",
        "hearing",
        "briefing",
        "building",
        "ruling",
        "funding",
        "ending",
        "king",
    ];
    // Where the noun ends and its description starts.
    const LINKS: &[&str] = &[
        "who",
        "that",
        "whom",
        "whose",
        "to",
        "with",
        "close",
        "privy",
        "familiar",
        "briefed",
        // `A report published Monday said`, `A memo seen by the Gazette said`.
        "published",
        "posted",
        "seen",
        "released",
        "obtained",
        "issued",
        "filed",
    ];
    let link = (start + 1..v).find(|&i| {
        LINKS.iter().any(|w| doc.is(i, w))
            || doc.word(i).ends_with("ing")
                && doc.word(i).starts_with(char::is_lowercase)
                && !TIMES.iter().any(|w| doc.is(i, w))
    })?;
    // The noun before it holds no verb; the description no other `say` or `tell`.
    let verbish = |i: usize| {
        let w = doc.word(i);
        !doc.capitalized(i)
            && (lexicon::verb(w).is_some()
                || lexicon::mind_verb(w).is_some()
                || lexicon::is_be(w)
                || lexicon::is_auxiliary(w))
    };
    // `He went on to say`, `Let’s see if he …`, `Her path is to win those who have said`:
    // no clause of its own, no `be` nor auxiliary before a relative word, no
    // pronoun subject, no adverb or `to` right before the verb.
    let relative_at = (link..v).find(|&i| ["who", "that", "whose"].iter().any(|w| doc.is(i, w)));
    let clause_word = |i: usize| {
        let w = doc.word(i);
        [
            "he", "she", "they", "we", "it", "if", "when", "because", "while", "whether", "as",
        ]
        .iter()
        .any(|x| doc.is(i, x))
            || (lexicon::is_be(w) || lexicon::is_auxiliary(w)) && relative_at.is_none_or(|r| i < r)
    };
    if (start..link).any(verbish)
        || (start..v).any(clause_word)
        || (link..v)
            .any(|i| lexicon::verb(doc.word(i)).is_some_and(|f| matches!(f.base, "say" | "tell")))
        || ["and", "but", "or", "not", "who", "that", "to"]
            .iter()
            .any(|w| doc.is(v - 1, w))
        || lexicon::is_auxiliary(doc.word(v - 1))
        || doc.word(v - 1).contains(['’', '\'']) && !doc.word(v - 1).ends_with('s')
    {
        return None;
    }
    let end = doc.trim_end(t, s.end);
    (end >= t + super::MIN_CONTENT).then(|| Found::said(Some(start..v), v..v + 1, vec![t..end]))
}

/// The relative word and the short subject before the verb at `v`: a pronoun,
/// or up to six plain words with a name, a noun of the lexicon or a plural
/// among them (`critics`, `many analysts`). `what` opens one only if `what` is set.
fn relative_subject(
    doc: &Doc,
    s: &Range<usize>,
    v: usize,
    what: bool,
) -> Option<(usize, Range<usize>)> {
    // The subject: a pronoun, or plain words back to the relative word.
    let mut b = v;
    while b > s.start && v - b < 6 {
        let w = doc.word(b - 1);
        let plain = doc.is_word(b - 1)
            && !RELATIVES.iter().any(|r| doc.is(b - 1, r))
            && !doc.is(b - 1, "what")
            && !doc.in_quote(b - 1)
            && lexicon::verb(w).is_none()
            && lexicon::mind_verb(w).is_none()
            && !lexicon::is_be(w)
            && !lexicon::is_auxiliary(w)
            && !lexicon::is_object_pronoun(w)
            && ![
                "to", "of", "in", "on", "at", "for", "with", "by", "not", "and", "or",
            ]
            .iter()
            .any(|x| doc.is(b - 1, x));
        if !plain {
            break;
        }
        b -= 1;
    }
    let rel = b.checked_sub(1)?;
    let opens = RELATIVES.iter().any(|r| doc.is(rel, r)) || what && doc.is(rel, "what");
    if b == v || rel < s.start || !opens || doc.in_quote(rel) {
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
    (pronoun || named).then_some((rel, subject))
}

/// `what Vell called “a cartel”`, `a bill that critics called “anti-gay”`: a
/// naming inside a relative clause, right before the quoted name it gives; the
/// relative word and the quotation are the content. On develop 6 of 8 are gold.
pub(super) fn called(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if !doc.is(v, "called") || !doc.toks.get(v + 1).is_some_and(|t| t.kind == Kind::Open) {
        return None;
    }
    let qi = doc.quote_of.get(v + 1).copied().flatten()?;
    let quote = doc.quotes[qi].clone();
    if quote.start != v + 1 || quote.end > s.end {
        return None;
    }
    let (rel, subject) = relative_subject(doc, s, v, true)?;
    // `which he called “…”`, `whom she called “…”`: 2 of 4 on develop.
    if !(doc.is(rel, "what") || doc.is(rel, "that")) {
        return None;
    }
    Some(Found::said(
        Some(subject),
        v..v + 1,
        vec![rel..rel + 1, quote],
    ))
}
