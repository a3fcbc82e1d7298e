//! Documents that speak through a long subject (`A Tarrow Gazette/Orland
//! Radio poll released Monday shows …`, `Leaked emails showed …`): the
//! reporting-verb rule takes a poll as source only when the noun-phrase walk
//! reaches it, and a slash, a date or a participle stops that walk. Here the
//! whole plain opening of the sentence is the subject, if a document noun is
//! in it.

use std::ops::Range;

use super::{Doc, Found, MIN_CONTENT, minds};
use crate::suggest::lexicon;
use crate::suggest::tokens::Kind;

/// Verb forms by which a document reports.
const VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "suggests",
    "suggested",
    "indicates",
    "indicated",
    "revealed",
    "reveals",
];

/// Nouns of documents and counts that report what they hold.
const DOCUMENTS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "results",
    "records",
    "filings",
    "email",
    "emails",
    "video",
    "footage",
    "analysis",
    "statistics",
    "document",
    "documents",
    "research",
    "figures",
    "numbers",
    "review",
    "audit",
    "investigation",
    "estimates",
    "memo",
    "projection",
];

/// Words that open a clause of their own or make the verb no report of the subject's.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "what", "to", "when", "if", "as", "while", "after", "because",
    "where", "whether", "than", "can", "could", "should", "would", "will", "may", "might", "must",
    "not", "also", "it",
];

/// `A Tarrow Gazette/Orland Radio poll released Monday shows Vell ahead`: the
/// sentence opens (after `But`, `And` or a list's dash) with at most sixteen
/// plain tokens that hold a document noun and no verb, auxiliary or clause
/// word, then the verb at `v`; what follows it is the content.
pub(super) fn find(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if !VERBS.iter().any(|w| doc.word(v) == *w) || minds::inside_content(found, v) {
        return None;
    }
    // The clause opens at the sentence's start, after a comma or a dash, or
    // after a word that opens a clause (`And while a Gazette poll showed …`):
    // the nearest such place within 16 tokens before the verb.
    let floor = s.start.max(v.saturating_sub(17));
    let mut b = (floor..v)
        .rev()
        .find(|&i| {
            ["-", "—", "–", ",", ";", ":"]
                .iter()
                .any(|m| doc.is_punct(i, m))
                || ["but", "while", "although", "though", "because"]
                    .iter()
                    .any(|w| doc.is(i, w))
        })
        .map_or(s.start, |i| i + 1);
    if b == floor && floor > s.start {
        return None;
    }
    if ["but", "and", "so"].iter().any(|w| doc.is(b, w)) {
        b += 1;
    }
    if v <= b || v - b > 16 {
        return None;
    }
    let plain = (b..v).all(|i| {
        let w = doc.word(i);
        if !doc.is_word(i) {
            return ["/", "-", "(", ")", "&"].iter().any(|m| doc.is_punct(i, m));
        }
        let verb = !doc.capitalized(i) && lexicon::verb(w).is_some() && !lexicon::is_nounish(w);
        !verb
            && !lexicon::is_be(w)
            && !lexicon::is_auxiliary(w)
            && !lexicon::is_subject_pronoun(w)
            && !CLAUSE_WORDS.iter().any(|x| doc.is(i, x))
    });
    let has_document = (b..v).any(|i| DOCUMENTS.iter().any(|w| doc.is(i, w)));
    if !plain || !has_document || !doc.is_word(b) {
        return None;
    }
    let t = v + 1;
    let opens = doc.toks.get(t).is_some_and(|x| x.kind == Kind::Open);
    if !(doc.is_word(t) || opens)
        || ["to", "by", "for", "of", "up", "out", "it", "here"]
            .iter()
            .any(|w| doc.is(t, w))
    {
        return None;
    }
    let end = doc.trim_end(t, s.end);
    if end < t + MIN_CONTENT {
        return None;
    }
    // `… released last week actually showed`: an adverb before the verb is the cue's.
    let mut subject_end = v;
    if doc.word(v - 1).ends_with("ly") && doc.word(v - 1).starts_with(char::is_lowercase) {
        subject_end -= 1;
    }
    Some(Found::said(Some(b..subject_end), v..v + 1, vec![t..end]))
}
