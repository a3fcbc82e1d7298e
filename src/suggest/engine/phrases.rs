//! Verbs of saying inside longer phrases that PolNeAR marks whole as the cue:
//! `issued a statement saying …`, `went on to say …`.

use std::ops::Range;

use super::{Doc, Found, MIN_CONTENT, cue_adverb, source_before};
use crate::suggest::lexicon;
use crate::suggest::tokens::Kind;

/// The phrase whose first word is at `v`, if any: one lower-casing and one
/// `match` per word, so the walk pays little for these rare phrases.
pub(super) fn find(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    let w = doc.word(v);
    if !doc.is_word(v) || w.len() < 3 || w.len() > 9 {
        return None;
    }
    lexicon::with_lower(w, |w| match w {
        "issued" | "released" | "put" | "sent" | "posted" => statement_saying(doc, s, v),
        "fired" => statement_saying(doc, s, v).or_else(|| replied_saying(doc, s, v)),
        "went" | "goes" => went_on_to(doc, s, v),
        "responded" | "replied" | "began" | "shot" | "hit" | "struck" => replied_saying(doc, s, v),
        "wrote" => wrote_to(doc, s, v),
        _ => None,
    })
}

/// Verbs that put out a document (`issued`, `put out`, `sent out`, `fired back`).
const ISSUE: &[&str] = &["issued", "released", "put", "sent", "fired", "posted"];

/// Documents that say something (`a statement`, `a press release`, `a fundraising email`).
const DOCUMENTS: &[&str] = &[
    "statement",
    "statements",
    "release",
    "email",
    "e-mail",
    "letter",
    "note",
    "response",
    "tweet",
    "message",
    "memo",
];

/// `The council issued a statement Monday saying the pier is safe`, `Vell sent
/// out a press release saying …`: a verb that puts out a document, `a` and at
/// most three words ending in the document's noun, a time (`Wednesday
/// evening,`) and `saying`; all of it is the cue (with an adverb before:
/// `also issued`), the subject the source, what follows the content. On
/// develop 15 of the 18 such phrases are marked so, whole.
fn statement_saying(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if !ISSUE.iter().any(|w| doc.is(v, w)) || v == s.start {
        return None;
    }
    let mut i = v + 1;
    // `put out`, `sent out`, `fired back`: the particle the verb needs or takes.
    if doc.is(i, "out") || doc.is(i, "back") {
        i += 1;
    } else if doc.is(v, "put") || doc.is(v, "fired") {
        return None;
    }
    if !(doc.is(i, "a") || doc.is(i, "an")) {
        return None;
    }
    // The document's noun within three words, then `saying` within four more.
    let noun = (i + 1..(i + 4).min(s.end)).find(|&k| DOCUMENTS.iter().any(|w| doc.is(k, w)))?;
    if (i + 1..noun).any(|k| !doc.is_word(k) || lexicon::verb(doc.word(k)).is_some()) {
        return None;
    }
    let saying = (noun + 1..(noun + 5).min(s.end)).find(|&k| doc.is(k, "saying"))?;
    // Between the noun and `saying`, only a time: `Wednesday`, `Wednesday evening,`.
    let timed = (noun + 1..saying).all(|k| {
        let w = doc.word(k);
        lexicon::is_day_word(w)
            || ["evening", "night", "morning", "afternoon"]
                .iter()
                .any(|x| doc.is(k, x))
            || doc.is_punct(k, ",") && k + 1 == saying
    });
    if !timed {
        return None;
    }
    let source = source_before(doc, s, v)?;
    let mut from = v;
    // `also issued`: an adverb right before the verb is part of the cue.
    if from > source.np.end && cue_adverb(doc, from - 1) {
        from -= 1;
    }
    let content = rest(doc, s, saying + 1)?;
    Some(Found::by(source, from..saying + 1, vec![content]))
}

/// `Vell went on to say the toll is fair`, `The email goes on to say: “…”`,
/// `Quell went on to call the plan “a mess”`: `went on to` (or `goes`) and a
/// verb of saying are the cue, with a colon after them; the subject is the
/// source, the rest of the sentence the content. On develop 12 of 12 new are
/// gold cues.
fn went_on_to(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if !(doc.is(v, "went") || doc.is(v, "goes"))
        || v == s.start
        || !doc.is(v + 1, "on")
        || !doc.is(v + 2, "to")
        || !lexicon::verb(doc.word(v + 3)).is_some_and(|f| f.is_base)
    {
        return None;
    }
    let mut end = v + 4;
    if doc.is_punct(end, ":") {
        end += 1;
    }
    let source = source_before(doc, s, v)?;
    let content = rest(doc, s, end)?;
    Some(Found::by(source, v..end, vec![content]))
}

/// The rest of the sentence from `t` (after a comma or a colon), when it holds at least `MIN_CONTENT` tokens.
fn rest(doc: &Doc, s: &Range<usize>, mut t: usize) -> Option<Range<usize>> {
    // `saying, if elected, she would …`: a comma after the verb is no content either.
    if doc.is_punct(t, ":") || doc.is_punct(t, ",") {
        t += 1;
    }
    let end = doc.trim_end(t, s.end);
    (end >= t + MIN_CONTENT).then_some(t..end)
}

/// `Vell responded Friday, saying …`, `Quell shot back in a statement, saying
/// …`, `Bell began by saying …`: a verb of answering (or `began`), at most a
/// time or `again` or `in a statement`, then `saying` after a comma or `by`;
/// all of it is the cue, as PolNeAR marks it. On develop 6 of 8 such are gold.
fn replied_saying(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    let back = ["shot", "hit", "fired", "struck"]
        .iter()
        .any(|w| doc.is(v, w));
    let answer = ["responded", "replied"].iter().any(|w| doc.is(v, w));
    let began = doc.is(v, "began");
    if v == s.start || !(back || answer || began) || back && !doc.is(v + 1, "back") {
        return None;
    }
    let from = if back { v + 2 } else { v + 1 };
    let saying = (from..(from + 6).min(s.end)).find(|&k| doc.is(k, "saying"))?;
    let by = doc.is(saying - 1, "by");
    // Between: a time, `again`, `first`, `in a statement`, and the comma or `by`.
    let plain = (from..saying - 1).all(|k| {
        lexicon::is_day_word(doc.word(k))
            || [
                "again",
                "first",
                "later",
                "quickly",
                "then",
                "in",
                "a",
                "statement",
            ]
            .iter()
            .any(|w| doc.is(k, w))
    });
    if !plain || !(by || doc.is_punct(saying - 1, ",")) || began && !by {
        return None;
    }
    let source = source_before(doc, s, v)?;
    let content = rest(doc, s, saying + 1)?;
    Some(Found::by(source, v..saying + 1, vec![content]))
}

/// `The Legion wrote to Vell's office that …`, `Quell wrote to his followers,
/// “…”`: `wrote` with an addressee after `to` (at most seven plain words), then
/// `that` or a quotation; the verb alone is the cue. On develop 2 of 2 new
/// are gold (with a colon or `about` after the addressee, 1 of 3).
fn wrote_to(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if !doc.is(v, "wrote") || v == s.start || !doc.is(v + 1, "to") {
        return None;
    }
    let mut t = v + 2;
    while t < s.end
        && t < v + 9
        && doc.is_word(t)
        && !doc.is(t, "that")
        && lexicon::verb(doc.word(t)).is_none()
        && !lexicon::is_be(doc.word(t))
    {
        t += 1;
    }
    let opens_quote = |i: usize| doc.toks.get(i).is_some_and(|x| x.kind == Kind::Open);
    let content = if doc.is(t, "that") && t > v + 2 {
        t
    } else if doc.is_punct(t, ",") && opens_quote(t + 1) && t > v + 2 {
        t + 1
    } else {
        return None;
    };
    let source = source_before(doc, s, v)?;
    let end = doc.trim_end(content, s.end);
    (end >= content + MIN_CONTENT).then(|| Found::by(source, v..v + 1, vec![content..end]))
}
