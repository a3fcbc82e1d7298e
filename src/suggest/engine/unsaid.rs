//! Attributions PolNeAR marks without a verb of saying in the usual place:
//! expectations, appearances, reports and judgements nobody is named for
//! (`The House is expected to pass …`, `Vell seemed ready to …`, `it seems …`,
//! `X is reportedly …`, `Vell was declared the winner`), questions put in the
//! passive (`Vell was asked whether …`), the evidence a speaker cites (`…, he
//! said, citing a new poll`), and a sentence that opens with what its speaker
//! notes (`Noting the storm, Vell said …`).

use std::ops::Range;

use super::{Doc, Found, MIN_CONTENT, minds, sentence_subject, source_before};
use crate::suggest::lexicon;
use crate::suggest::tokens::Kind;

/// `The House is expected to pass the bill`: the cue is `is expected`, with no
/// source; the content is the subject and the infinitive, as PolNeAR marks it.
/// Only after a plain form of `be` (and at most one adverb: `is not expected`,
/// `is widely expected`) and before `to` (`than expected` is no cue).
pub(super) fn expected(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if !doc.is(v, "expected") || !doc.is(v + 1, "to") || !doc.is_word(v + 2) {
        return None;
    }
    // `is not expected`, `is widely expected`: one adverb between, part of the cue.
    let mut be = v.checked_sub(1)?;
    if [
        "not",
        "widely",
        "also",
        "still",
        "now",
        "generally",
        "largely",
    ]
    .iter()
    .any(|w| doc.is(be, w))
    {
        be = be.checked_sub(1)?;
    }
    if be <= s.start
        || !["is", "are", "was", "were"].iter().any(|w| doc.is(be, w))
        || minds::inside_content(found, v)
    {
        return None;
    }
    // `a vote which is expected to …`, `It is expected to …`: the relative
    // pronoun or `it` alone is the subject, as PolNeAR marks it (on develop 13
    // of 15 such are gold).
    let relative = ["who", "which", "that"].iter().any(|w| doc.is(be - 1, w));
    let subject = if relative || doc.is(be - 1, "it") {
        be - 1..be
    } else {
        source_before(doc, s, be)?.np
    };
    if doc.in_quote(subject.start) {
        return None;
    }
    let found = unsourced(doc, s, be..v + 1, subject)?;
    if !relative {
        return Some(found);
    }
    // A relative clause ends at its comma (`…, which is expected to draw a
    // crowd, opens Friday`); at most 60 tokens are looked at.
    let to = v + 1;
    let limit = s.end.min(to + 60);
    match (to..limit).find(|&i| doc.is_punct(i, ",") && !doc.in_quote(i)) {
        Some(comma) if comma >= to + 2 => {
            Some(Found::said(None, found.cue, vec![be - 1..be, to..comma]))
        }
        Some(_) => None,
        None => Some(found),
    }
}

/// `Vell was declared the winner`, `The pier is considered unsafe`, `The
/// strait is best known for its fog`: a judgement in the passive with no judge
/// named, which PolNeAR marks with its `be` (`was declared`, `is known as`,
/// `had been called`); the content is the subject and the complement up to a
/// comma, a dash or a `by`. On develop 16 of the 20 it finds are gold; `is
/// called`, `is seen as` and `is said` score under half and stay out.
pub(super) fn judged(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    let w = doc.word(v);
    let known = w == "known" && (doc.is(v + 1, "as") || doc.is(v + 1, "for"));
    if !(known || w == "considered" || w == "declared" || w == "called") {
        return None;
    }
    let mut be = v.checked_sub(1)?;
    if ["widely", "also", "best", "now", "often"]
        .iter()
        .any(|a| doc.is(be, a))
        && known
    {
        be = be.checked_sub(1)?;
    }
    let passive = if w == "called" {
        be > 0 && doc.is(be, "been") && ["has", "have", "had"].iter().any(|a| doc.is(be - 1, a))
    } else {
        ["is", "are", "was", "were"].iter().any(|a| doc.is(be, a))
    };
    if !passive || minds::inside_content(found, v) {
        return None;
    }
    let be = if w == "called" { be - 1 } else { be };
    if be <= s.start || doc.in_quote(be) {
        return None;
    }
    let relative = ["who", "which", "that", "what"]
        .iter()
        .any(|r| doc.is(be - 1, r));
    let subject = if relative {
        be - 1..be
    } else {
        source_before(doc, s, be)?.np
    };
    if doc.is(subject.start, "it") {
        return None;
    }
    let t = if known { v + 2 } else { v + 1 };
    // The complement: up to a comma, a dash, a semicolon or `by` (the judge,
    // which PolNeAR marks apart), at most 40 tokens on.
    let limit = s.end.min(t + 40);
    let stop = (t..limit)
        .find(|&i| {
            !doc.in_quote(i)
                && ([",", ";", "—", "–"].iter().any(|p| doc.is_punct(i, p)) || doc.is(i, "by"))
        })
        .unwrap_or(limit);
    let end = doc.trim_end(t, stop);
    if end <= t || !(doc.is_word(t) || doc.in_quote(t)) {
        return None;
    }
    Some(Found::said(None, be..t, vec![subject, t..end]))
}

/// `Quell appears to have the votes`, `The pier seemed older`: how things
/// look, with no one named who judges so; the cue is the verb, the content the
/// subject and what follows, as PolNeAR marks it. Only after a noun phrase
/// that is no pronoun nor relative word (after those, under half are gold on
/// develop), before `to` and a verb that is no verb of saying or thinking
/// (`seemed to confirm` is marked another way), or, for `seems` and `seemed`,
/// before an adjective. `appeared` is left out: 7 of 11 after any noun phrase,
/// 2 of 4 after a name, and before anything but `to` mostly a show.
pub(super) fn seems(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    const SEEM: &[&str] = &["seems", "seemed", "appears"];
    if v <= s.start || !SEEM.iter().any(|w| doc.is(v, w)) || !doc.is_word(v + 1) {
        return None;
    }
    let infinitive = doc.is(v + 1, "to") && doc.is_word(v + 2);
    // `it appears …` is left out: 1 of 3 on develop.
    if doc.is(v - 1, "it") && !infinitive && doc.word(v).starts_with("seem") {
        return it_seems(doc, s, v, found);
    }
    // Acts of speech or judgement besides the lexicon's (`seemed to mock`).
    const JUDGE: &[&str] = &["recognize", "mock", "implore", "blame", "contradict"];
    let said = |i: usize| {
        lexicon::verb(doc.word(i)).is_some()
            || lexicon::mind_verb(doc.word(i)).is_some()
            || JUDGE.iter().any(|w| doc.is(i, w))
    };
    let fits = if infinitive {
        !said(v + 2)
    } else {
        doc.word(v).starts_with("seem") && adjective(doc, v + 1)
    };
    // `appears` only right after a name (on develop 11 of 14 such are gold;
    // after a common noun 5 of 11).
    let named = doc.capitalized(v - 1) && !lexicon::is_capital_stop(doc.word(v - 1));
    if !fits || (doc.word(v).starts_with("appear") && !named) || minds::inside_content(found, v) {
        return None;
    }
    let subject = source_before(doc, s, v)?.np;
    let first = doc.word(subject.start);
    if doc.in_quote(subject.start)
        || (subject.len() == 1 && lexicon::is_subject_pronoun(first))
        || ["who", "which", "that", "what", "it"]
            .iter()
            .any(|w| doc.is(subject.start, w))
    {
        return None;
    }
    unsourced(doc, s, v..v + 1, subject)
}

/// `It seems likely that Vell will run`, `it seemed the vote was off`: the
/// impersonal form, with no subject in the content, which is all that follows
/// the verb (on develop 9 of 13 such outside quotations are gold; `it seemed
/// to …`, where `it` stands for something named before, is left out).
fn it_seems(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if doc.in_quote(v - 1) || minds::inside_content(found, v) {
        return None;
    }
    let t = v + 1;
    // `it seems Vell …`, `it seems likely …`; not `it seemed on the screen`.
    let opens = doc.is_word(t)
        && !["on", "in", "at", "before", "with", "for", "from", "to"]
            .iter()
            .any(|w| doc.is(t, w));
    let end = doc.trim_end(t, s.end);
    if !opens || end < t + MIN_CONTENT {
        return None;
    }
    Some(Found::said(None, v..v + 1, vec![t..end]))
}

/// `The Gazette is reportedly weighing a sale`: a report nobody is named for;
/// the cue is `reportedly`, the content the subject (with the auxiliary right
/// before the cue) and the rest of the sentence, as PolNeAR marks it (on
/// develop 10 of 14 after a lower-case word are gold). Before a verb of saying
/// the verb is the cue (`reportedly said`) and this rule stays out; after a
/// name, most are headlines or posts that PolNeAR leaves alone.
pub(super) fn reportedly(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if v <= s.start
        || !doc.is(v, "reportedly")
        || !doc.is_word(v + 1)
        || !doc.word(v - 1).starts_with(char::is_lowercase)
        || lexicon::verb(doc.word(v + 1)).is_some()
        || lexicon::mind_verb(doc.word(v + 1)).is_some()
        || minds::inside_content(found, v)
    {
        return None;
    }
    // `is reportedly`, `has reportedly`: the auxiliary goes with the subject.
    let aux = ["is", "are", "was", "were", "has", "have", "had", "will"]
        .iter()
        .any(|w| doc.is(v - 1, w));
    let verb_at = if aux { v - 1 } else { v };
    let subject = source_before(doc, s, verb_at)?.np;
    if doc.in_quote(subject.start)
        || ["who", "which", "that", "it"]
            .iter()
            .any(|w| doc.is(subject.start, w))
    {
        return None;
    }
    let t = v + 1;
    let end = doc.trim_end(t, s.end);
    if end < t + 2 {
        return None;
    }
    let mut content = vec![subject.clone()];
    if aux {
        if subject.end == v - 1 {
            content[0] = subject.start..v;
        } else {
            content.push(v - 1..v);
        }
    }
    content.push(t..end);
    Some(Found::said(None, v..v + 1, content))
}

/// Whether the word at `i` may open an adjective phrase after `seemed`
/// (`seemed equally unperturbed`, `seems ready`), not a preposition, a
/// determiner or `like`.
fn adjective(doc: &Doc, i: usize) -> bool {
    const NOT: &[&str] = &[
        "to", "like", "as", "that", "the", "a", "an", "in", "on", "at", "with", "for", "from",
        "of", "by", "about", "before", "after", "this", "his", "her", "their", "its", "and", "but",
        "or", "so", "if", "when", "more", "less",
    ];
    doc.is_word(i)
        && doc.word(i).starts_with(char::is_lowercase)
        && !NOT.iter().any(|w| doc.is(i, w))
}

/// How things stand or look with no one named who says so (`X is expected to`,
/// `X appears to`): the content is the subject and what follows the cue, to the
/// sentence's end, if that is more than a word.
fn unsourced(
    doc: &Doc,
    s: &Range<usize>,
    cue: Range<usize>,
    subject: Range<usize>,
) -> Option<Found> {
    let v = cue.end - 1;
    let end = doc.trim_end(v + 1, s.end);
    if end < v + 3 {
        return None;
    }
    Some(Found::said(None, cue, vec![subject, v + 1..end]))
}

/// `…, he said, citing a new poll` / `The Journal, citing internal documents,
/// reported` / `…, by citing his results`: the one who cites is the source of
/// the attribution found before in the sentence, else the sentence's subject;
/// the content is what is cited, up to the next comma or the sentence's end.
pub(super) fn citing(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if !doc.is(v, "citing") || v == s.start || minds::inside_content(found, v) {
        return None;
    }
    let after_comma = doc.is_punct(v - 1, ",");
    if !after_comma && !doc.is(v - 1, "by") {
        return None;
    }
    let source = found
        .iter()
        .rev()
        .find(|f| f.cue.end < v)
        .and_then(|f| f.source.clone())
        .or_else(|| sentence_subject(doc, s))
        .or_else(|| {
            // `The Journal, citing …`: the subject alone before the comma.
            let np = doc.np_forward(s.start, v - 1)?;
            (after_comma && np.end == v - 1 && np.clone().any(|i| doc.capitalized(i))).then_some(np)
        })?;
    if doc.is(source.start, "it") {
        return None;
    }
    let t = v + 1;
    let comma = (t..s.end)
        .find(|&i| doc.is_punct(i, ",") && !doc.in_quote(i))
        .unwrap_or(s.end);
    let end = doc.trim_end(t, comma);
    if end <= t || !(doc.is_word(t) || doc.in_quote(t)) {
        return None;
    }
    Some(Found::said(Some(source), v..v + 1, vec![t..end]))
}

/// `Noting the late storm, Vell said the pier would stay shut`: a sentence that
/// opens with a gerund of saying, what it says up to the first comma, and a
/// subject right after that comma followed by a verb of saying.
pub(super) fn opening_gerund(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    if v != s.start {
        return None;
    }
    let form = lexicon::verb(doc.word(v))?;
    if !form.gerund || !doc.capitalized(v) {
        return None;
    }
    let comma = (v + 1..s.end.min(v + 30)).find(|&i| doc.is_punct(i, ",") && !doc.in_quote(i))?;
    if comma < v + 2 {
        return None;
    }
    let np = doc.np_forward(comma + 1, s.end)?;
    let said = lexicon::verb(doc.word(np.end)).is_some_and(|f| !f.gerund && !f.is_base)
        && doc.is_word(np.end);
    if !said {
        return None;
    }
    Some(Found::said(Some(np), v..v + 1, vec![v + 1..comma]))
}

/// `When asked whether he would run, Vell said …`, `Asked by Quell if …`: a
/// question put to the subject, with no source unless `by` names who asked.
/// The content is the question (`whether …`, `to confirm …`) up to the next
/// comma; `asked about …` is left out (few of them are marked on develop).
pub(super) fn asked(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if !doc.is(v, "asked") || minds::inside_content(found, v) {
        return None;
    }
    // Only where a clause opens: the sentence's start, `when`, a comma or an opening mark.
    let opens = v == s.start
        || doc.is(v - 1, "when")
        || doc.is_punct(v - 1, ",")
        || doc.toks[v - 1].kind == Kind::Open;
    if !opens {
        return None;
    }
    const QUESTION: &[&str] = &["whether", "if", "why", "what", "who", "how", "to"];
    let mut t = v + 1;
    let mut source = None;
    if doc.is(t, "by") {
        // `Asked by Matt Vell whether …`: the asker, then the question.
        let np = asker(doc, s, t + 1)?;
        source = Some(np.clone());
        t = np.end;
    }
    // `Asked on Fox News who leads …`, `Asked during a debate why …`: a short
    // adjunct of time or place (at most six words) before the question.
    let adjunct = ["on", "during", "in", "at", "last"]
        .iter()
        .any(|w| doc.is(t, w))
        || (doc.is_word(t) && lexicon::is_day_word(doc.word(t)));
    if adjunct && source.is_none() {
        let limit = s.end.min(t + 7);
        if let Some(q) = (t + 1..limit).find(|&i| {
            ["whether", "if", "why", "what", "who", "how"]
                .iter()
                .any(|w| doc.is(i, w))
        }) && (t..q).all(|i| doc.is_word(i) && !lexicon::is_subject_pronoun(doc.word(i)))
        {
            t = q;
        }
    }
    if !QUESTION.iter().any(|w| doc.is(t, w)) || !doc.is_word(t + 1) {
        return None;
    }
    // A question of at most 60 tokens: each `asked` looks no further, so a
    // sentence of them costs linear time.
    let limit = s.end.min(t + 60);
    let comma = (t + 1..limit).find(|&i| doc.is_punct(i, ",") && !doc.in_quote(i));
    let comma = match comma {
        Some(c) => c,
        None if limit == s.end => s.end,
        None => return None,
    };
    let end = doc.trim_end(t, comma);
    if end < t + 2 {
        return None;
    }
    Some(Found::said(source, v..v + 1, vec![t..end]))
}

/// `Vell was asked whether the pier would reopen`, `Quell was asked by a
/// reporter if …`: a question put to the subject; the cue is `was asked`, the
/// content the question to the sentence's end, the source whoever `by` names.
/// Only before `to`, `if`, `whether`, a wh-word or `by` (on develop 6 of 7 such
/// are gold; `was asked about` scores 5 of 8 and stays out).
pub(super) fn asked_passive(
    doc: &Doc,
    s: &Range<usize>,
    v: usize,
    found: &[Found],
) -> Option<Found> {
    const QUESTION: &[&str] = &["to", "if", "whether", "what", "who", "how", "why"];
    if !doc.is(v, "asked") || v <= s.start + 1 {
        return None;
    }
    let be = v - 1;
    if !["is", "are", "was", "were"].iter().any(|w| doc.is(be, w))
        || doc.in_quote(be)
        || minds::inside_content(found, v)
    {
        return None;
    }
    let mut t = v + 1;
    let mut source = None;
    if doc.is(t, "by") {
        let np = asker(doc, s, t + 1)?;
        t = np.end;
        source = Some(np);
    }
    if !QUESTION.iter().any(|w| doc.is(t, w)) || !doc.is_word(t + 1) {
        return None;
    }
    let end = doc.trim_end(t, s.end);
    if end < t + MIN_CONTENT {
        return None;
    }
    Some(Found::said(source, be..v + 1, vec![t..end]))
}

/// Who asks, after `asked by`: a noun phrase, or else (`by a reporter whether`,
/// a common noun the phrase walk does not know) the plain words up to the
/// question, at most six.
fn asker(doc: &Doc, s: &Range<usize>, from: usize) -> Option<Range<usize>> {
    if let Some(np) = doc.np_forward(from, s.end) {
        return Some(np);
    }
    let limit = s.end.min(from + 7);
    let q = (from..limit).find(|&i| {
        !doc.is_word(i)
            || ["whether", "if", "why", "what", "how"]
                .iter()
                .any(|w| doc.is(i, w))
    })?;
    (q > from && doc.is_word(q)).then_some(from..q)
}

/// `In a Tarrow Gazette poll released Monday, 31 percent of voters …`: a
/// sentence that opens with `In` and a poll or survey up to a comma; the poll
/// is the source, `In` the cue, and the rest of the sentence the content.
pub(super) fn in_poll(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    let opens =
        v == s.start || (v == s.start + 1 && ["but", "and"].iter().any(|w| doc.is(s.start, w)));
    if !opens || !doc.is(v, "in") {
        return None;
    }
    // `In a Gazette/Radio poll, …`: a slash or a hyphen joins the pollsters' names.
    let comma = (v + 1..s.end.min(v + 20))
        .find(|&i| !doc.is_word(i) && !doc.is_punct(i, "/") && !doc.is_punct(i, "-"))?;
    if !doc.is_punct(comma, ",") || comma < v + 2 {
        return None;
    }
    let poll = (v + 1..comma).any(|i| {
        ["poll", "polls", "survey", "surveys", "polling"]
            .iter()
            .any(|w| doc.is(i, w))
    });
    if !poll || (v + 1..comma).any(|i| lexicon::verb(doc.word(i)).is_some()) {
        return None;
    }
    let from = comma + 1;
    let end = doc.trim_end(from, s.end);
    if end < from + 3 {
        return None;
    }
    Some(Found::said(Some(v + 1..comma), v..v + 1, vec![from..end]))
}
