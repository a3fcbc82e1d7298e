//! Attributions of minds and acts rather than speech, as PolNeAR annotates
//! them: beliefs and fears (`Republicans believe that …`), wishes (`Rubio
//! wants to …`), acts on others (`Sanders accused Clinton of …`, `Trump called
//! for …`) and questions (`Todd asked Pence whether …`). Each is read only
//! where a subject names who holds it, and never inside what another
//! attribution of the sentence already reports. Verbs and nouns that scored
//! below about 60% precision on the develop split (plans, decisions,
//! `her decision to …`) are left out; endorsements, criticism, citations and
//! suggestions are read right after a name here (`named_act`), and refusals
//! and stances after any subject in `stances`.

use std::ops::Range;

use super::{Doc, Found, MIN_CONTENT, coordinated_subject, source_before};
use crate::suggest::lexicon::{self, Mind};

/// The attribution whose cue is the word at `v`, if it is a verb or noun of the mind.
pub(super) fn find(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if v == s.start || inside_content(found, v) || !doc.word(v).starts_with(char::is_lowercase) {
        return None;
    }
    let (mind, is_base) = lexicon::mind_verb(doc.word(v))?;
    if lexicon::is_be(doc.word(v - 1)) || doc.is(v - 1, "to") {
        return None;
    }
    let source = source_before(doc, s, v).or_else(|| coordinated_subject(doc, s, v))?;
    // `you know`, `you think`: a turn of speech more than a belief.
    if doc.is(source.np.start, "you") || doc.is(source.np.start, "it") {
        return None;
    }
    // A base form (`believe`, `want`) only after a plural subject or a pronoun.
    if is_base {
        let last = doc.word(source.np.end - 1);
        let plural = ["i", "we", "they", "who"]
            .iter()
            .any(|w| doc.is(source.np.end - 1, w))
            || (last.ends_with('s') && !last.ends_with("ss"));
        if !plural {
            return None;
        }
    }
    let mut t = v + 1;
    let mut cue_end = v + 1;
    match mind {
        Mind::Belief | Mind::Intent => {
            let clause = doc.is(t, "that")
                || ["he", "she", "they", "we", "i"]
                    .iter()
                    .any(|w| doc.is(t, w))
                || (doc.capitalized(t) && !lexicon::is_capital_stop(doc.word(t)));
            let infinitive = doc.is(t, "to") && doc.is_word(t + 1);
            let fits = if mind == Mind::Belief {
                clause
            } else {
                infinitive
            };
            if !fits {
                return None;
            }
        }
        Mind::Act => {
            // `called for`, `called on`: the preposition is part of the cue.
            if lexicon::verb(doc.word(v)).is_some_and(|f| f.base == "call") {
                if !(doc.is(t, "for") || doc.is(t, "on")) {
                    return None;
                }
                t += 1;
                cue_end = t;
            }
            if !doc.is_word(t) || doc.is(t, "by") {
                return None;
            }
        }
        Mind::Question => {
            // `asked (Pence) whether …`: a few words of addressee, then the question.
            let mut q = t;
            while q < s.end && q < t + 6 && !(doc.is(q, "whether") || doc.is(q, "if")) {
                if !doc.is_word(q) || lexicon::verb(doc.word(q)).is_some() {
                    break;
                }
                q += 1;
            }
            if doc.is(q, "whether") || doc.is(q, "if") {
                // The addressee is no part of what is asked.
                t = q;
            } else if !asked_by_name(doc, v, &source.np) {
                return None;
            }
        }
    }
    let end = doc.trim_end(t, s.end);
    let least = if mind == Mind::Act { 1 } else { MIN_CONTENT };
    if end < t + least {
        return None;
    }
    Some(Found::by(source, v..cue_end, vec![t..end]))
}

/// `Moderator Ana Bell asked the candidates a simple question: …`, `Vell asked the
/// board to …`, `She asked Quell what …`: a name or a sentence's pronoun right
/// before `asked` puts a question or a request (on develop 29 of 32 such are
/// gold), though not `asked about`, `asked for` nor a rhetorical question.
fn asked_by_name(doc: &Doc, v: usize, source: &Range<usize>) -> bool {
    v > 0
        && source.end == v
        && doc.capitalized(v - 1)
        && doc.is(v, "asked")
        && doc.is_word(v + 1)
        && !["about", "for", "rhetorically"]
            .iter()
            .any(|w| doc.is(v + 1, w))
}

/// Whether token `i` lies in what an attribution found before reports: PolNeAR
/// annotates no attribution inside another's content.
pub(super) fn inside_content(found: &[Found], i: usize) -> bool {
    found
        .iter()
        .rev()
        .take(4)
        .any(|f| f.content.iter().any(|c| c.contains(&i)))
}

/// `Quell criticized the toll`, `The Gazette endorsed Vell`, `The report cited a
/// survey`, `Bell suggested the pier close`: acts that PolNeAR annotates when a
/// name, or a capitalised subject, stands right before the verb; the object or
/// the rest of the sentence is the content. `declined to …`, `blasted`,
/// `knocked` and `opposed` (with a determined object) are read with any
/// subject in `stances`; `lamented`, `mocked`, `attacked`, `ordered`,
/// `seeks`, `supports` and the like scored 30 of 32 together.
pub(super) fn named_act(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    const ACTS: &[&str] = &[
        "criticized",
        "endorsed",
        "cited",
        "suggested",
        "told",
        "proposed",
        "promised",
        "mentioned",
        "pledged",
        "questioned",
        "denounced",
        "slammed",
        "thanked",
        "decried",
        "touted",
        "supported",
        "announced",
        "hopes",
        "sees",
        "lamented",
        "mocked",
        "attacked",
        "ordered",
        "condemned",
        "hailed",
        "applauded",
        "reiterated",
        "encouraged",
        "seeks",
        "supports",
    ];
    // The capital before the verb first: it rules out most tokens before the list is read.
    if v <= s.start
        || !doc.capitalized(v - 1)
        || !ACTS.iter().any(|w| doc.is(v, w))
        || lexicon::is_capital_stop(doc.word(v - 1))
        || inside_content(found, v)
    {
        return None;
    }
    let source = source_before(doc, s, v)?;
    if source.np.end != v {
        return None;
    }
    let t = v + 1;
    let end = doc.trim_end(t, s.end);
    // `Ms Vell told reporters at the bank`: an addressee and a place or time tell nothing.
    if doc.is(v, "told") {
        let after = super::skip_addressee(doc, v, t, end);
        if after >= end
            || [
                "at", "in", "on", "during", "after", "before", "outside", "last", "this",
            ]
            .iter()
            .any(|w| doc.is(after, w))
        {
            return None;
        }
    }
    // `Vell sees the vote as a test`: a view only with its `as` close by.
    if doc.is(v, "sees") && !(t..end.min(t + 12)).any(|i| doc.is(i, "as")) {
        return None;
    }
    if end <= t || !doc.is_word(t) {
        return None;
    }
    Some(Found::by(source, v..v + 1, vec![t..end]))
}
