//! The rules that find attributions: each sentence is read once, its
//! quotations and reporting verbs tried against a few patterns, and the source,
//! cue and content spans taken from the tokens around them.

// A content is a list of fragments, most often one: `vec![a..b]` is meant.
#![allow(clippy::single_range_in_vec_init)]

use std::ops::Range;

mod evidence;
mod headline;
mod joined;
mod minds;
mod phrases;
mod progressive;
mod relative;
mod saying;
mod sources;
mod stances;
mod topics;
mod unsaid;

use super::Attribution;
use super::lexicon::{self, Verb};
use super::tokens::{self, Kind, Token};
use crate::model::ActorKind;

/// Longest noun phrase taken as a source, in tokens.
const MAX_NP: usize = 12;
/// Fewest tokens a reported clause must have.
const MIN_CONTENT: usize = 3;
/// Most tokens a content fragment keeps: a sentence without end (hostile input)
/// with a cue every few words would otherwise print contents quadratic in it.
const MAX_CONTENT: usize = 200;

struct Doc<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// For each token inside a quotation (marks included), the quotation's index.
    quote_of: Vec<Option<usize>>,
    quotes: Vec<Range<usize>>,
}

impl<'a> Doc<'a> {
    // The small lookups below run for every token and every rule: inlined, as
    // the rule chain has grown past what the compiler inlines on its own.
    #[inline]
    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    #[inline]
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    #[inline]
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.word(i) == p
    }

    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn span(&self, toks: Range<usize>) -> Range<usize> {
        self.toks[toks.start].start..self.toks[toks.end - 1].end
    }

    fn in_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(Option::is_some)
    }

    /// Whether token `i` may be part of a source's noun phrase.
    fn np_token(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.word(i);
        if self.capitalized(i) {
            return !lexicon::is_capital_stop(w) || lexicon::is_np_word(w);
        }
        lexicon::is_np_word(w)
            || w.ends_with("’s")
            || w.ends_with("'s")
            || w.starts_with(|c: char| c.is_ascii_digit())
    }

    fn has_head(&self, np: &Range<usize>) -> bool {
        np.clone().any(|i| {
            (self.capitalized(i) && !lexicon::is_capital_stop(self.word(i)))
                || lexicon::is_head_noun(self.word(i))
                || lexicon::is_subject_pronoun(self.word(i))
        })
    }

    /// The noun phrase ending at token `end` (inclusive), walking back no further than `floor`.
    fn np_back(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        if end < floor || end >= self.toks.len() {
            return None;
        }
        if lexicon::is_subject_pronoun(self.word(end)) && self.is_word(end) {
            return Some(end..end + 1);
        }
        let mut start = end + 1;
        while start > floor && end + 1 - (start - 1) <= MAX_NP {
            let i = start - 1;
            // `Secretary of State`: a connector between two parts of a name.
            let connector =
                (self.is(i, "of") || self.is(i, "for") || self.is(i, "at") || self.is(i, "and"))
                    && start <= end
                    && self.capitalized(start)
                    && i > floor
                    && (self.capitalized(i - 1) || lexicon::is_head_noun(self.word(i - 1)));
            if self.np_token(i) || connector {
                start = i;
            } else {
                break;
            }
        }
        // Drop capitalised sentence words (`However`) and connectors left at the front.
        while start <= end
            && (lexicon::is_capital_stop(self.word(start))
                && !lexicon::is_np_word(self.word(start))
                || self.is(start, "of")
                || self.is(start, "for")
                || self.is(start, "at"))
        {
            start += 1;
        }
        let np = start..end + 1;
        (start <= end && self.has_head(&np) && !lexicon::is_subject_pronoun(self.word(end)))
            .then_some(np)
    }

    /// The noun phrase starting at `start`, up to `limit` (exclusive).
    fn np_forward(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if start >= limit {
            return None;
        }
        if lexicon::is_subject_pronoun(self.word(start)) {
            return Some(start..start + 1);
        }
        let mut end = start;
        while end < limit && end - start < MAX_NP {
            let word = self.np_token(end)
                && !(self.capitalized(end)
                    && lexicon::is_capital_stop(self.word(end))
                    && !lexicon::is_np_word(self.word(end)))
                && !(end > start && self.adjunct_at(end));
            // `a report by The Post`, `officials in Elsby`: a connector inside the phrase.
            let connector = ["of", "for", "by", "at", "in"]
                .iter()
                .any(|c| self.is(end, c))
                && end > start
                && self.np_token(end + 1)
                && end + 1 < limit
                && !self.adjunct_at(end);
            if word || connector {
                end += 1;
            } else if self.is(end, "familiar") && self.is(end + 1, "with") {
                // `people familiar with the matter`: the rest of the phrase up to a comma.
                end += 2;
                while end < limit && self.is_word(end) && end - start < MAX_NP {
                    end += 1;
                }
            } else {
                break;
            }
        }
        let np = start..end;
        (end > start && self.has_head(&np)).then_some(np)
    }

    /// `in a statement`, `in his speech`, `on Monday`, `in June`: after a
    /// speaker's name, how or when they spoke, which PolNeAR leaves out of the source.
    fn adjunct_at(&self, i: usize) -> bool {
        const MONTHS: &[&str] = &[
            "January",
            "February",
            "March",
            "April",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let next = self.word(i + 1);
        (["in", "at", "on", "via", "during"]
            .iter()
            .any(|w| self.is(i, w))
            && (["a", "an", "his", "her", "their", "its"]
                .iter()
                .any(|w| self.is(i + 1, w))
                || lexicon::is_day_word(next)
                || MONTHS.contains(&next)))
            || (self.is(i, "last")
                && ["week", "month", "year", "night"]
                    .iter()
                    .any(|w| self.is(i + 1, w)))
    }

    /// Sentence-final punctuation dropped from a content's end.
    fn trim_end(&self, from: usize, mut end: usize) -> usize {
        // A few marks at most: the walk stays bounded on a run of hostile punctuation.
        let floor = from.max(end.saturating_sub(8));
        while end > floor
            && self.toks[end - 1].kind == Kind::Punct
            && matches!(
                self.word(end - 1),
                "." | "," | ";" | ":" | "!" | "?" | "—" | "–"
            )
        {
            end -= 1;
        }
        end
    }
}

/// Finds the attributions of `text`, in text order of their cues.
pub fn find(text: &str) -> Vec<Attribution> {
    let toks = tokens::tokenize(text);
    let quotes = tokens::quotations(&toks);
    let mut quote_of = vec![None; toks.len()];
    for (qi, q) in quotes.iter().enumerate() {
        for slot in &mut quote_of[q.clone()] {
            *slot = Some(qi);
        }
    }
    let sentences = tokens::sentences(text, &toks, &quotes);
    let doc = Doc {
        text,
        toks,
        quote_of,
        quotes,
    };
    let mut out = Vec::new();
    // Which attributions each sentence gave, to carry a quotation on into the next ones.
    let mut given: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    for s in &sentences {
        let from = out.len();
        sentence(&doc, s.clone(), &mut out);
        given.push(from..out.len());
    }
    continue_quotes(&doc, &sentences, &given, &mut out);
    resolve_pronouns(&doc, &mut out);
    out.sort_by_key(|a| a.cue.start);
    out
}

/// `“The tolls will stay low,” Quell said. “The bridge is safe.”`: a sentence
/// that is one quotation and nothing else, right after an attribution whose
/// content ends with a quotation, in the same paragraph and with no attribution
/// of its own, goes on with what was quoted, as PolNeAR's annotators mark it.
fn continue_quotes(
    doc: &Doc,
    sentences: &[Range<usize>],
    given: &[Range<usize>],
    out: &mut [Attribution],
) {
    // The attribution being continued, as an index into `out`.
    let mut open: Option<usize> = None;
    for (n, s) in sentences.iter().enumerate() {
        let joined =
            n > 0 && !(sentences[n - 1].end..s.start).any(|i| doc.toks[i].kind == Kind::Break);
        if let Some(a) = open.filter(|_| joined && given[n].is_empty())
            && let Some(q) = whole_quote(doc, s)
        {
            out[a].content.push(doc.span(q));
            continue;
        }
        open = given[n]
            .clone()
            .max_by_key(|&a| out[a].cue.start)
            .filter(|&a| ends_with_last_quote(doc, s, &out[a]) || reaches_end(doc, s, &out[a]));
    }
}

/// The quotation that makes up sentence `s`, with at most its closing punctuation after it.
fn whole_quote(doc: &Doc, s: &Range<usize>) -> Option<Range<usize>> {
    let qi = doc.quote_of.get(s.start).copied().flatten()?;
    let q = doc.quotes[qi].clone();
    (q.start == s.start && doc.trim_end(q.end, s.end) == q.end).then_some(q)
}

/// Whether `a`'s content runs to the end of sentence `s` (`Quell said the bridge is safe.`).
fn reaches_end(doc: &Doc, s: &Range<usize>, a: &Attribution) -> bool {
    let end = doc.trim_end(s.start, s.end);
    end > s.start
        && a.content
            .last()
            .is_some_and(|c| c.end == doc.toks[end - 1].end)
}

/// Whether `a`'s content ends with the last quotation of sentence `s`.
fn ends_with_last_quote(doc: &Doc, s: &Range<usize>, a: &Attribution) -> bool {
    let Some(last) = a.content.last() else {
        return false;
    };
    let mut i = s.end;
    while i > s.start {
        i -= 1;
        if let Some(qi) = doc.quote_of[i] {
            return doc.span(doc.quotes[qi].clone()) == *last;
        }
    }
    false
}

struct Found {
    source: Option<Range<usize>>,
    cue: Range<usize>,
    content: Vec<Range<usize>>,
    via: Option<Range<usize>>,
    refers_back: bool,
}

impl Found {
    /// An attribution by `source`, relayed by whom it names as relaying, referring back to nothing.
    fn by(source: Source, cue: Range<usize>, content: Vec<Range<usize>>) -> Found {
        Found {
            source: Some(source.np),
            cue,
            content,
            via: source.via,
            refers_back: false,
        }
    }

    /// An attribution relayed by no one and referring back to nothing.
    fn said(source: Option<Range<usize>>, cue: Range<usize>, content: Vec<Range<usize>>) -> Found {
        Found {
            source,
            cue,
            content,
            via: None,
            refers_back: false,
        }
    }
}

fn sentence(doc: &Doc, s: Range<usize>, out: &mut Vec<Attribution>) {
    let mut used = vec![false; s.len()];
    let mut found: Vec<Found> = Vec::new();
    let quotes: Vec<Range<usize>> = {
        let mut qs = Vec::new();
        let mut i = s.start;
        while i < s.end {
            if let Some(qi) = doc.quote_of[i] {
                let q = doc.quotes[qi].clone();
                if q.start >= s.start && q.end <= s.end {
                    qs.push(q.clone());
                }
                i = q.end.max(i + 1);
            } else {
                i += 1;
            }
        }
        qs
    };
    // The second part of a split quotation is content already, not a quotation of its own.
    let mut taken_quote = usize::MAX;
    for (n, q) in quotes.iter().enumerate() {
        if q.start == taken_quote {
            continue;
        }
        if let Some(f) = quote_then_cue(doc, &s, q, quotes.get(n + 1)) {
            if let Some(second) = f.content.get(1) {
                taken_quote = second.start;
            }
            mark(&mut used, &s, &f);
            found.push(f);
        } else if let Some(f) = cue_then_quote(doc, &s, q) {
            mark(&mut used, &s, &f);
            found.push(f);
        }
    }
    if let Some(f) = colon_headline(doc, &s) {
        mark(&mut used, &s, &f);
        found.push(f);
    }
    for i in s.clone() {
        if used[i - s.start] || doc.in_quote(i) || !doc.is_word(i) {
            continue;
        }
        let f = if doc.is(i, "according") && doc.is(i + 1, "to") {
            according_to(doc, &s, i)
        } else {
            unsaid::expected(doc, &s, i, &found)
                .or_else(|| unsaid::seems(doc, &s, i, &found))
                .or_else(|| unsaid::reportedly(doc, &s, i, &found))
                .or_else(|| unsaid::judged(doc, &s, i, &found))
                .or_else(|| unsaid::asked_passive(doc, &s, i, &found))
                .or_else(|| unsaid::citing(doc, &s, i, &found))
                .or_else(|| unsaid::opening_gerund(doc, &s, i))
                .or_else(|| unsaid::asked(doc, &s, i, &found))
                .or_else(|| unsaid::in_poll(doc, &s, i))
                .or_else(|| gerund_after(doc, &s, i, &mut found))
                .or_else(|| relative::gap(doc, &s, i))
                .or_else(|| relative::called(doc, &s, i))
                .or_else(|| saying::as_reported(doc, &s, i))
                .or_else(|| saying::and_said(doc, &s, i, &mut found))
                .or_else(|| saying::with_saying(doc, &s, i))
                .or_else(|| saying::pointed_out(doc, &s, i))
                .or_else(|| saying::said_aside(doc, &s, i))
                .or_else(|| saying::replied_that(doc, &s, i))
                .or_else(|| phrases::find(doc, &s, i))
                .or_else(|| reporting_verb(doc, &s, i))
                .or_else(|| joined::joined(doc, &s, i))
                .or_else(|| relative::heavy_subject(doc, &s, i))
                .or_else(|| minds::find(doc, &s, i, &found))
                .or_else(|| minds::named_act(doc, &s, i, &found))
                .or_else(|| stances::find(doc, &s, i, &found))
                .or_else(|| evidence::find(doc, &s, i, &found))
                .or_else(|| headline::find(doc, &s, i))
                .or_else(|| progressive::find(doc, &s, i))
                .or_else(|| saying::asked_whom(doc, &s, i))
                .or_else(|| topics::find(doc, &s, i, &mut found))
        };
        if let Some(f) = f {
            mark(&mut used, &s, &f);
            found.push(f);
        }
    }
    for mut f in found {
        for c in &mut f.content {
            c.end = c.end.min(c.start + MAX_CONTENT);
        }
        sources::settle(doc, &s, &mut f);
        f.cue = widen_cue(doc, &s, &f);
        let cue_text = &doc.text[doc.span(f.cue.clone())];
        let content: Vec<Range<usize>> = f.content.iter().map(|c| doc.span(c.clone())).collect();
        let content_text: String = content.iter().map(|r| &doc.text[r.clone()]).collect();
        let denial = lexicon::cue_denies(cue_text) || lexicon::content_denies(&content_text);
        out.push(Attribution {
            source: f.source.clone().map(|r| doc.span(r)),
            cue: doc.span(f.cue.clone()),
            content,
            denial,
            via: f.via.map(|r| doc.span(r)),
            kind: ActorKind::Person,
            resolved: None,
            refers_back: f.refers_back,
        });
    }
}

/// `Polls were early - Mara Bell: “Although the polls …”`, `- More from Bell: “…”`:
/// a digest's line that names whom it quotes after a dash, then a colon and the
/// quotation. The first dash of the sentence only, so the walk stays linear.
fn dashed_colon(doc: &Doc, s: &Range<usize>) -> Option<Found> {
    let dash = s
        .clone()
        .find(|&i| ["-", "–", "—"].iter().any(|d| doc.is_punct(i, d)))?;
    let mut start = dash + 1;
    if doc.is(start, "more") && doc.is(start + 1, "from") {
        start += 2;
    } else if doc.is(start, "from") {
        start += 1;
    }
    let np = doc.np_forward(start, s.end)?;
    let opens = doc
        .toks
        .get(np.end + 1)
        .is_some_and(|t| t.kind == Kind::Open);
    if np.len() > 6 || !doc.is_punct(np.end, ":") || !opens || !doc.capitalized(np.start) {
        return None;
    }
    let from = np.end + 1;
    let to = doc.trim_end(from, s.end);
    (to >= from + MIN_CONTENT)
        .then(|| Found::said(Some(np.clone()), np.end..np.end + 1, vec![from..to]))
}

/// `Graham: Trump’s rhetoric is destroying the party`: a short name, a colon,
/// and what the name said, as headlines and captions put it.
fn colon_headline(doc: &Doc, s: &Range<usize>) -> Option<Found> {
    if let Some(f) = dashed_colon(doc, s) {
        return Some(f);
    }
    let np = doc.np_forward(s.start, s.end)?;
    if np.len() > 6 || !doc.is_punct(np.end, ":") || !doc.capitalized(np.start) {
        return None;
    }
    // `Poll: Vell leads Quell in Orland`: a headline that credits a poll alone.
    if np.len() == 1 && doc.is(np.start, "poll") {
        let from = np.end + 1;
        let to = doc.trim_end(from, s.end);
        return (to >= from + MIN_CONTENT)
            .then(|| Found::said(Some(np.clone()), np.end..np.end + 1, vec![from..to]));
    }
    if np
        .clone()
        .any(|i| lexicon::is_capital_stop(doc.word(i)) && !lexicon::is_np_word(doc.word(i)))
    {
        return None;
    }
    // Labels, not speakers: `The Latest:`, `Editor’s Note:`, `Delegate Update:`.
    const LABELS: &[&str] = &[
        "the",
        "a",
        "an",
        "latest",
        "note",
        "update",
        "updates",
        "excerpt",
        "watch",
        "exclusive",
        "breaking",
        "live",
        "video",
        "photos",
        "analysis",
        "opinion",
        "review",
        "poll",
        "timeline",
        "correction",
        "editor’s",
        "editor's",
        "read",
        "related",
        "transcript",
        "fact",
        "check",
        "wades",
        "in",
        "day",
        "week",
        "part",
        "chapter",
        "q",
        "a.",
    ];
    if np.clone().any(|i| LABELS.iter().any(|w| doc.is(i, w))) {
        return None;
    }
    let from = np.end + 1;
    let to = doc.trim_end(from, s.end);
    if to < from + MIN_CONTENT {
        return None;
    }
    Some(Found::said(
        Some(np.clone()),
        np.end..np.end + 1,
        vec![from..to],
    ))
}

/// Adverbs and a stressing `did` before a verb belong to its cue (`later said`,
/// `quickly noted`, `did say`, `has endorsed`), as PolNeAR's annotators mark them nearly always.
fn cue_adverb(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    doc.is_word(i)
        && w.starts_with(char::is_lowercase)
        && ((w.ends_with("ly") && w.len() > 4 && w != "only" && w != "early")
            || [
                "has", "have", "had", "also", "later", "even", "often", "once", "just", "did",
                "does", "do", "still", "never", "already",
                // `has since said`, `has long said`, `first said`, `now says` (verbs11).
                "since", "long", "first", "now",
            ]
            .contains(&w))
}

/// The cue as annotators mark it: with the auxiliaries before its verb (`has
/// said`, `also said`), and `in a statement` or a colon after it (`said:`).
fn widen_cue(doc: &Doc, s: &Range<usize>, f: &Found) -> Range<usize> {
    let mut cue = f.cue.clone();
    let free = |i: usize| {
        !f.source.as_ref().is_some_and(|r| r.contains(&i))
            && !f.content.iter().any(|r| r.contains(&i))
    };
    // A verb of the mind or an act (`has accused`, `also praised`) takes its
    // auxiliaries and adverbs as well, though no `in a statement` nor a colon.
    let mind = lexicon::verb(doc.word(cue.start)).is_none();
    if mind && lexicon::mind_verb(doc.word(cue.start)).is_none() {
        return cue;
    }
    while cue.start > s.start
        && cue.start + 3 > f.cue.start
        && (cue_adverb(doc, cue.start - 1) || sources::pre_verb(doc, cue.start - 1))
        && free(cue.start - 1)
    {
        cue.start -= 1;
    }
    if mind {
        return cue;
    }
    if doc.is(cue.end, "in")
        && doc.is(cue.end + 1, "a")
        && doc.is(cue.end + 2, "statement")
        && (cue.end..cue.end + 3).all(free)
    {
        cue.end += 3;
    }
    if doc.is_punct(cue.end, ":") && free(cue.end) {
        cue.end += 1;
    }
    // `…, Vell said Monday.`: a day that closes the clause is marked with its
    // verb twice as often as not on develop; before `that` or more words it is not.
    let closes = |i: usize| i >= s.end || doc.is_punct(i, ".") || doc.is_punct(i, ",");
    // So are `recently`, `then` and `on Twitter` / `on Facebook` (9 to 1).
    // And an adverb in -ly that closes it (`…,” Vell said dryly.`): on develop
    // 4 of 4 such cues are marked with it (verbs11).
    let closer = lexicon::is_day_word(doc.word(cue.end))
        || doc.is(cue.end, "recently")
        || doc.is(cue.end, "then")
        || cue_adverb(doc, cue.end) && doc.word(cue.end).ends_with("ly");
    if cue.end == f.cue.end
        && doc.is_word(cue.end)
        && closer
        && free(cue.end)
        && closes(cue.end + 1)
    {
        cue.end += 1;
    } else if cue.end == f.cue.end
        && doc.is(cue.end, "on")
        && (doc.is(cue.end + 1, "twitter") || doc.is(cue.end + 1, "facebook"))
        && free(cue.end)
        && free(cue.end + 1)
        && closes(cue.end + 2)
    {
        cue.end += 2;
    }
    cue
}

fn mark(used: &mut [bool], s: &Range<usize>, f: &Found) {
    for i in f.cue.clone() {
        if let Some(u) = used.get_mut(i - s.start) {
            *u = true;
        }
    }
}

/// `“…,” Peskov said.` / `“…,” said Peskov.` / `“…,” he told reporters, “…”`
fn quote_then_cue(
    doc: &Doc,
    s: &Range<usize>,
    q: &Range<usize>,
    next: Option<&Range<usize>>,
) -> Option<Found> {
    let last_inside = q.end.checked_sub(2)?;
    // `“…,”`, `“…?”`, `“… here,’”`: the quotation ends its own clause.
    let inner_sep = doc.toks[last_inside].kind == Kind::Punct
        && matches!(
            doc.word(last_inside),
            "," | "?" | "!" | "—" | "–" | "-" | "’" | "'" | "."
        );
    let mut k = q.end;
    if doc.is_punct(k, ",") {
        k += 1;
    } else if !inner_sep
        // `“…” said Nick Merrill`: no mark inside, but the verb right after.
        && !lexicon::verb(doc.word(k)).is_some_and(|v| !v.gerund && v.verb != Verb::Evidence)
        && !bare_speaker(doc, k, s.end)
    {
        return None;
    }
    if k >= s.end {
        return None;
    }
    let (source, cue_at) = if let Some(v) = lexicon::verb(doc.word(k)).filter(|_| doc.is_word(k)) {
        if v.gerund {
            return None;
        }
        let np = match doc.np_forward(k + 1, s.end) {
            // `said harbour union boss Ana Bell`, `said Vell's top policy aide Ana Bell`:
            // the walk stops at a lower-case noun; the plain run to the comma or the
            // end is the speaker, unless an adverb or a preposition stopped it.
            Some(np) if stops_inside(doc, np.end) => speaker_run(doc, k + 1, s.end).unwrap_or(np),
            Some(np) => np,
            None => described(doc, k + 1, s.end).or_else(|| speaker_run(doc, k + 1, s.end))?,
        };
        // `said Rep. Ana Bell (D-Va.)`: the party tag belongs to the name.
        let np = np.start..paren_after(doc, np.end, s.end);
        let np = np.start..described_to_end(doc, np.end, s.end).unwrap_or(np.end);
        (np.clone(), k)
    } else {
        let np = determined_run(doc, k, s.end).or_else(|| doc.np_forward(k, s.end));
        // `CrowdStrike co-founder Dmitri Alperovitch told`, `this source told`:
        // a phrase the noun-phrase walk stops inside, taken whole up to the verb.
        let stopped = |np: &Range<usize>| {
            doc.is_word(np.end)
                && lexicon::verb(doc.word(np.end)).is_none()
                && !lexicon::is_auxiliary(doc.word(np.end))
        };
        let mut np = match np {
            Some(np) if !stopped(&np) => np,
            _ => run_to_verb(doc, k, s.end)?,
        };
        // `“…,” Sen. Ana Bell (D-Els.) said`: the party tag belongs to the name.
        np.end = paren_after(doc, np.end, s.end);
        // `“…,” Graham, a former candidate, told CBS News`: an apposition between.
        if doc.is_punct(np.end, ",") {
            let mut c = np.end + 1;
            while c < s.end
                && c < np.end + 16
                && doc.is_word(c)
                && lexicon::verb(doc.word(c)).is_none()
                && !lexicon::is_be(doc.word(c))
            {
                c += 1;
            }
            if doc.is_punct(c, ",") && c > np.end + 1 {
                np = np.start..c + 1;
            }
        }
        let mut c = np.end;
        while c < s.end && c < np.end + 3 && lexicon::is_auxiliary(doc.word(c)) {
            c += 1;
        }
        let v = lexicon::verb(doc.word(c)).filter(|_| doc.is_word(c))?;
        if v.gerund {
            return None;
        }
        (np, c)
    };
    let mut source = source;
    let after = if cue_at == k { source.end } else { cue_at + 1 };
    let mut after = skip_addressee(doc, cue_at, after, s.end);
    // `said Robert Klein, chairman of the institute.`: the apposition to the end is the source's.
    if cue_at == k
        && doc.is_punct(after, ",")
        && !doc
            .toks
            .get(after + 1)
            .is_some_and(|t| t.kind == Kind::Open)
        && let Some(end) = apposition_end(doc, after + 1, s.end)
    {
        source = source.start..end;
        // A comma kept at the end still splits the quotation (`, a pilot, “…”`).
        after = if doc.is_punct(end - 1, ",") {
            end - 1
        } else {
            end
        };
    }
    let mut content = vec![q.clone()];
    // A quotation split by its cue: `“…,” he said, “…”`.
    if let Some(n) = next
        && doc.is_punct(after, ",")
        && n.start == after + 1
    {
        content.push(n.clone());
    }
    Some(Found::said(Some(source), cue_at..cue_at + 1, content))
}

/// `“…” Vell said.`: a quotation without a closing comma, then a capitalised
/// name, its verb of saying, and the sentence's end (or a comma).
fn bare_speaker(doc: &Doc, k: usize, end: usize) -> bool {
    if !doc.capitalized(k) || lexicon::is_capital_stop(doc.word(k)) {
        return false;
    }
    let Some(np) = doc.np_forward(k, end) else {
        return false;
    };
    let v = np.end;
    doc.is_word(v)
        && np.len() <= 4
        && lexicon::verb(doc.word(v))
            .is_some_and(|f| !f.gerund && !f.is_base && f.verb != Verb::Evidence)
        && (v + 1 >= end || doc.is_punct(v + 1, ".") || doc.is_punct(v + 1, ","))
}

/// After a `tell`-like verb, the addressee (`reporters`, `CNN`, `him`).
fn skip_addressee(doc: &Doc, cue_at: usize, after: usize, end: usize) -> usize {
    let is_tell = lexicon::verb(doc.word(cue_at)).is_some_and(|v| v.verb == Verb::Tell);
    if !is_tell || after >= end {
        return after;
    }
    if lexicon::is_object_pronoun(doc.word(after)) {
        return after + 1;
    }
    let mut i = after;
    // `told the Post he’s …`: the reported clause's subject is no part of the addressee.
    while i < end && i < after + MAX_NP && doc.np_token(i) && !(i > after && clause_subject(doc, i))
    {
        i += 1;
    }
    i
}

/// `Peskov said: “…”` / `He told reporters, “…”`
fn cue_then_quote(doc: &Doc, s: &Range<usize>, q: &Range<usize>) -> Option<Found> {
    // The quotation must end the sentence (a partial quotation is left to the clause rule).
    let rest = doc.trim_end(q.end, s.end);
    if rest != q.end {
        return None;
    }
    let mut c = q.start.checked_sub(1)?;
    if doc.is_punct(c, ":") || doc.is_punct(c, ",") {
        c = c.checked_sub(1)?;
    }
    if c < s.start {
        return None;
    }
    // An addressee between a `tell` verb and the quotation.
    let mut verb_at = None;
    for back in 0..5 {
        let Some(i) = c.checked_sub(back) else { break };
        if i < s.start {
            break;
        }
        if let Some(v) = lexicon::verb(doc.word(i)).filter(|_| doc.is_word(i)) {
            if back == 0 || v.verb == Verb::Tell {
                verb_at = Some(i);
            }
            break;
        }
    }
    // `Verizon said in a statement:`, `Christie told reporters in Nashua last week,`:
    // a short adjunct of time or place between the verb (and its addressee) and the quotation.
    let verb_at = verb_at.or_else(|| {
        let v = (c.saturating_sub(9).max(s.start)..c)
            .rev()
            .find(|&i| doc.is_word(i) && lexicon::verb(doc.word(i)).is_some())?;
        let t = skip_addressee(doc, v, v + 1, c + 1);
        trailing_adjunct(doc, t, c + 1).then_some(v)
    });
    let v = verb_at?;
    let form = lexicon::verb(doc.word(v))?;
    if form.gerund || v == s.start || lexicon::is_be(doc.word(v - 1)) {
        return None;
    }
    let source = source_before(doc, s, v)?;
    Some(Found::by(source, v..v + 1, vec![q.clone()]))
}

struct Source {
    np: Range<usize>,
    via: Option<Range<usize>>,
}

/// The source before the verb at `v`: `Peskov said`, `he has also said`,
/// `Steven Cheung, Trump’s communications director, said`, `The report, citing X, said`.
fn source_before(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Source> {
    source_near(doc, s, v).or_else(|| long_apposition(doc, s, v))
}

/// Words that set off a discourse aside rather than an apposition (`Rogers, for example, said`).
const ASIDES: &[&[&str]] = &[
    &["for", "example"],
    &["for", "instance"],
    &["however"],
    &["meanwhile"],
    &["too"],
    &["though"],
    &["in", "turn"],
    &["in", "contrast"],
    &["by", "contrast"],
    &["instead"],
];

/// `Bill Marsh, a harbour pilot who had sailed the strait for a decade before
/// the storm, said …`: a sentence that opens with a plain noun phrase and a
/// comma, and an apposition of any length (up to 45 words, no quotation, no
/// other verb of saying) closed by the comma before the verb. The noun phrase
/// alone when the aside is `for example`, `however` and the like.
fn long_apposition(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Source> {
    let p = v.checked_sub(1)?;
    if p <= s.start || !doc.is_punct(p, ",") || doc.in_quote(p) {
        return None;
    }
    let mut start = s.start;
    if ["but", "and", "so", "yet", "still"]
        .iter()
        .any(|w| doc.is(start, w))
    {
        start += 1;
    }
    let opens = doc.capitalized(start) && !lexicon::is_capital_stop(doc.word(start))
        || lexicon::is_np_word(doc.word(start));
    if !opens {
        return None;
    }
    // The noun phrase: plain words up to the first comma, at most MAX_NP; the
    // marks of a title or a party tag (`Rep. X (D-Md.)`) are part of it.
    let comma = (start..p.min(start + MAX_NP + 1))
        .find(|&i| !doc.is_word(i) && ![".", "(", ")", "-"].iter().any(|m| doc.is_punct(i, m)))?;
    if comma == start
        || !doc.is_punct(comma, ",")
        || !(start..comma).any(|i| doc.capitalized(i) && !lexicon::is_capital_stop(doc.word(i)))
        || (start..comma).any(|i| {
            let w = doc.word(i);
            // `Will Rogers` is a name; a lower-case `will` is a verb.
            !doc.capitalized(i) && lexicon::verb(w).is_some()
                || !doc.capitalized(i) && (lexicon::is_be(w) || lexicon::is_auxiliary(w))
                || ["that", "who", "which", "when", "if", "as"]
                    .iter()
                    .any(|x| doc.is(i, x))
        })
    {
        return None;
    }
    if p - comma > 45 {
        return None;
    }
    let aside = comma + 1..p;
    if ASIDES.iter().any(|a| {
        a.len() == aside.len()
            && a.iter()
                .enumerate()
                .all(|(k, w)| doc.is(aside.start + k, w))
    }) {
        return Some(Source {
            np: start..comma,
            via: None,
        });
    }
    let plain = aside.clone().all(|i| {
        !(doc.in_quote(i)
            || doc.is_punct(i, ";")
            || doc.is_punct(i, ":")
            || doc.is_word(i) && lexicon::verb(doc.word(i)).is_some_and(|f| !f.gerund))
    });
    // The aside names or describes the subject (`, a pilot,`, `, 58,`, `, who …,`,
    // `, including the Orland Press,`, `, dean of the law school,`, `, clad in red,`):
    // any word but one that opens a clause of its own (`, and he …`, `, he …`).
    let describes = doc.np_token(comma + 1)
        || doc.is(comma + 1, "who")
        || doc.is(comma + 1, "whose")
        || doc.is_word(comma + 1)
            && !lexicon::is_subject_pronoun(doc.word(comma + 1))
            && ![
                "and", "but", "or", "so", "it", "this", "that", "there", "then", "now", "not",
                "also",
            ]
            .iter()
            .any(|x| doc.is(comma + 1, x));
    // `Bell, recalling the storm, said`: an aside that opens with a participle.
    if plain && participle(doc, comma + 1) {
        return Some(Source {
            np: start..comma,
            via: None,
        });
    }
    // `Sen. Ana Bell, R-Els., appearing on the radio, said`: up to the participle.
    let end = aside
        .clone()
        .find(|&k| doc.is_punct(k, ",") && participle(doc, k + 1))
        .unwrap_or(p);
    (plain && describes && !aside.is_empty()).then_some(Source {
        np: start..end + 1,
        via: None,
    })
}

fn source_near(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Source> {
    let mut p = v.checked_sub(1)?;
    let mut skipped = 0;
    let mut adverb = false;
    while p > s.start && skipped < 3 {
        let plain = lexicon::is_auxiliary(doc.word(p)) || between(doc, p);
        if !plain && !adverb_between(doc, p, v) {
            break;
        }
        adverb |= !plain;
        p -= 1;
        skipped += 1;
    }
    // `Vell never actually said`, `presidents can't just say`: a negation with
    // such an adverb reports nothing PolNeAR marks.
    if adverb
        && (p..v).any(|i| {
            let w = doc.word(i);
            doc.is(i, "never") || doc.is(i, "not") || w.ends_with("n't") || w.ends_with("n’t")
        })
    {
        return None;
    }
    // `Clinton on Tuesday said`: a day between the source and its verb.
    if p > s.start + 1
        && doc.is(p - 1, "on")
        && doc.is_word(p)
        && (lexicon::is_day_word(doc.word(p)) || doc.is(p, "twitter"))
    {
        p -= 2;
    }
    if p < s.start || doc.in_quote(p) {
        return None;
    }
    // `Sen. Bernie Sanders (I-Vt.) said`: the parenthesis belongs to the name.
    if doc.is_punct(p, ")") {
        let open = (p.saturating_sub(8).max(s.start)..p)
            .rev()
            .find(|&i| doc.is_punct(i, "("))?;
        let name = doc.np_back(open.checked_sub(1)?, s.start)?;
        // `rival Sen. Ana Bell (R-Fla.) said`: lower-case title words before the name.
        let name = if starts_clause(doc, s, name.start) {
            name
        } else {
            titled(doc, s, name)?
        };
        if !doc.capitalized(name.end - 1) {
            return None;
        }
        return Some(Source {
            np: name.start..p + 1,
            via: None,
        });
    }
    if doc.is_punct(p, ",") {
        // `Name, apposition, said` or `The report, citing sources, said`; the
        // apposition may hold commas of its own (`a salesman from Sumter, South Carolina`).
        let mut c2 = p;
        for _ in 0..3 {
            let mut c = c2;
            while c > s.start && p - c < 25 {
                c -= 1;
                if doc.is_punct(c, ",") {
                    break;
                }
            }
            if c <= s.start || !doc.is_punct(c, ",") {
                return None;
            }
            c2 = c;
            let Some(name) = doc.np_back(c2 - 1, s.start) else {
                continue;
            };
            if !starts_clause(doc, s, name.start) {
                continue;
            }
            if doc.is(c2 + 1, "citing") {
                let via = doc.np_forward(c2 + 2, p)?;
                return Some(Source {
                    np: name,
                    via: Some(via),
                });
            }
            // `Fiorina, speaking to voters in Elsby, said`: an aside that opens with a
            // participle; the name alone is the source, as annotators mark it.
            let first = doc.word(c2 + 1);
            if doc.is_word(c2 + 1)
                && first.ends_with("ing")
                && first.starts_with(char::is_lowercase)
                && lexicon::verb(first).is_none()
                && doc.capitalized(name.end - 1)
                && !(c2 + 1..p).any(|i| doc.in_quote(i))
            {
                return Some(Source {
                    np: name,
                    via: None,
                });
            }
            // An apposition follows a name (`Peter Cook, Carter’s press secretary,`),
            // or a name follows a title (`Carter’s press secretary, Peter Cook,`).
            if !doc.capitalized(name.end - 1) {
                let named = p > c2 + 1
                    && (c2 + 1..p)
                        .all(|i| doc.capitalized(i) && !lexicon::is_capital_stop(doc.word(i)));
                // With its closing comma, as annotators mark it (14 of 18 on develop).
                if named {
                    return Some(Source {
                        np: name.start..p + 1,
                        via: None,
                    });
                }
                continue;
            }
            // The apposition is a noun phrase (`a spokesman for the Kremlin`, `35`) or a
            // relative clause (`who runs the lobbying arm`).
            // `Sen. Ana Bell, R-Elsby, appearing on the radio, said`: up to the participle.
            let p = (c2 + 2..p)
                .find(|&k| doc.is_punct(k, ",") && participle(doc, k + 1))
                .unwrap_or(p);
            let appo = c2 + 1..p;
            let relative = (doc.is(c2 + 1, "who") || doc.is(c2 + 1, "whose"))
                && !appo.clone().any(|i| doc.in_quote(i));
            // `Vell, who said she would run, told …`: the name alone.
            if who_says(doc, c2 + 1) {
                return Some(Source {
                    np: name,
                    via: None,
                });
            }
            let noun_phrase = !appo.is_empty()
                && appo.clone().all(|i| {
                    doc.np_token(i)
                        || doc.is_punct(i, ",")
                        || ["of", "for", "at", "from", "in", "with", "on"]
                            .iter()
                            .any(|w| doc.is(i, w))
                        || (doc.is_word(i)
                            && i > c2 + 1
                            && lexicon::verb(doc.word(i)).is_none()
                            && !lexicon::is_be(doc.word(i))
                            && !doc.word(i).ends_with("ly")
                            && !lexicon::is_subject_pronoun(doc.word(i))
                            && !doc.is(i, "that"))
                })
                && (doc.np_token(c2 + 1)
                    || doc.word(c2 + 1).starts_with(|c: char| c.is_ascii_digit()));
            if relative || noun_phrase {
                // With its closing comma, as annotators mark it more often than not.
                return Some(Source {
                    np: name.start..p + 1,
                    via: None,
                });
            }
        }
        return None;
    }
    // `leaders who say the law …`: the relative pronoun, resolved later to the name.
    if doc.is(p, "who") && p > s.start && (doc.is_word(p - 1) || doc.is_punct(p - 1, ",")) {
        return Some(Source {
            np: p..p + 1,
            via: None,
        });
    }
    let np = doc.np_back(p, s.start).and_then(|np| {
        // `Although in May she said`, `on Tuesday night he said`: a subject pronoun
        // right before its verb is its subject wherever the clause starts.
        // Only after a time (`in May`, `night`, `later`), not after a noun or a
        // relative word (`the things he said`, `what he called`).
        let pronoun = np.len() == 1
            && ["he", "she", "they", "we", "i"]
                .iter()
                .any(|w| doc.is(np.start, w))
            && np.start > s.start
            && (doc.capitalized(np.start - 1) && !lexicon::is_capital_stop(doc.word(np.start - 1))
                || [
                    "night",
                    "morning",
                    "afternoon",
                    "evening",
                    "week",
                    "month",
                    "year",
                    "then",
                    "later",
                    "earlier",
                    "today",
                    "yesterday",
                    "now",
                    "ago",
                    "weekend",
                ]
                .iter()
                .any(|w| doc.is(np.start - 1, w))
                || doc
                    .word(np.start - 1)
                    .starts_with(|c: char| c.is_ascii_digit())
                // `an interview in which he said …`: after a preposition and `which`
                // (7 of 8 new on develop are gold).
                || np.start > s.start + 1
                    && doc.is(np.start - 1, "which")
                    && ["in", "during", "at", "on"]
                        .iter()
                        .any(|w| doc.is(np.start - 2, w)));
        if pronoun || starts_clause(doc, s, np.start) {
            Some(np)
        } else {
            titled(doc, s, np)
        }
    });
    // The whole subject when it is short and plain (`The actress`, `Some advocates
    // for stem cell research`, `half of GOP primary voters`), else the noun phrase.
    let np = match (subject_region(doc, s, p), np) {
        (Some(region), Some(np)) if region.start < np.start => region,
        (Some(region), None) => region,
        // `she and another reporter said`: the noun phrase with what `and` joins to it.
        (_, np) => coordinated(doc, s, np?),
    };
    // `Vell in a statement said`: how or when, between the name and the verb.
    let np = match (np.start + 1..np.end).find(|&i| doc.adjunct_at(i)) {
        Some(i) => np.start..i,
        None => np,
    };
    Some(Source { np, via: None })
}

/// `Vell even said`, `officials here say`: a word between a subject and its
/// verb that is no part of the subject, as PolNeAR marks it (not a negation:
/// `they don't want` is seldom annotated).
fn between(doc: &Doc, p: usize) -> bool {
    let w = doc.word(p);
    doc.is_word(p)
        && w.starts_with(char::is_lowercase)
        && ["even", "here", "both", "however", "each", "too"].contains(&w)
}

/// `Vell initially said`, `Quell has since said`, `the board first said`: an
/// adverb of the cue's (see `cue_adverb`, which then widens the cue over it)
/// between a subject and a verb of saying at `v`; not a noun in
/// -ly (`the family said`), nor after a possessive or a comparative
/// (`Elsby's emotionally charged`, `more accurately predicted`).
fn adverb_between(doc: &Doc, p: usize, v: usize) -> bool {
    const NOUNS: &[&str] = &[
        "family",
        "rally",
        "ally",
        "assembly",
        "supply",
        "monopoly",
        "anomaly",
        "bully",
        "belly",
        "folly",
        "homily",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "italy",
    ];
    let before = p.checked_sub(1).map_or("", |b| doc.word(b));
    lexicon::verb(doc.word(v)).is_some()
        && cue_adverb(doc, p)
        && !NOUNS.iter().any(|w| doc.is(p, w))
        && !before.ends_with("'s")
        && !before.ends_with("’s")
        && !["more", "most", "less"]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w))
}

/// The words from the clause's start (the sentence's, or after a comma) to `p`,
/// when they can only be a subject: at most ten, no punctuation, no verb of
/// saying, no auxiliary, no conjunction, no relative word; starting with a name,
/// a determiner or a number.
fn subject_region(doc: &Doc, s: &Range<usize>, p: usize) -> Option<Range<usize>> {
    const FORBIDDEN: &[&str] = &[
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "not",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "if",
        "because",
        "as",
        "and",
        "or",
        "but",
        "than",
        "while",
        "after",
        "before",
        "since",
        "so",
        "then",
        "also",
        "it",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "this",
        "these",
        "those",
        "there",
        "on",
        "during",
        "to",
        "into",
        "over",
        "under",
        "later",
        "earlier",
        "ago",
        "yesterday",
        "today",
        "tonight",
        "last",
        "time",
        "week",
        "year",
        "month",
        "day",
        "minutes",
        "hours",
    ];
    let mut b = p;
    // The walk stops after a word that opens a clause (`and one in four said`,
    // `While some friends say`): what follows it is the clause's own subject.
    // `85% of Democrats say`: a poll's share keeps its percent sign.
    let percent = |i: usize| doc.is_punct(i, "%") && i > s.start && doc.is_word(i - 1);
    while b > s.start
        && (doc.is_word(b - 1) || percent(b - 1))
        && p - b < 10
        && !opens_clause(doc, b - 1)
    {
        b -= 1;
    }
    let after_opener = b > s.start && opens_clause(doc, b - 1);
    if b > s.start
        && !after_opener
        && !(doc.is_punct(b - 1, ",") || doc.is_punct(b - 1, ";") || doc.is_punct(b - 1, ":"))
    {
        return None;
    }
    let first = doc.word(b);
    let opens = (doc.capitalized(b) && !lexicon::is_capital_stop(first))
        || [
            "the", "a", "an", "some", "many", "most", "several", "about", "nearly", "more", "half",
            "one", "two", "three", "all", "both", "few",
            // `nine in 10 said`, `only 49 percent of Republicans say`: a poll's share
            // (with the percent sign and `more than`, 14 of 16 new on develop are gold).
            "four", "five", "six", "seven", "eight", "nine", "only", "just", "roughly", "almost",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
        || first.starts_with(|c: char| c.is_ascii_digit())
        // `people familiar with the session`, `voters in Elsby`: a lower-case plural heads it.
        || (b < p
            && (doc.is(b, "people")
                || first.ends_with('s') && !first.ends_with("ss") && first.len() > 3)
            && first.chars().all(|c| c.is_lowercase() || c == '-'))
        // `those surveyed say`, `Those over 60 say`: the people a poll asked.
        || (doc.is(b, "those") && p > b && !doc.is(b + 1, "who"))
        // `political scientists say`: a few lower-case words ending in a plural.
        || (p - b < 3
            && doc.word(p).ends_with('s')
            && !doc.word(p).ends_with("ss")
            && (b..=p).all(|i| doc.word(i).chars().all(|c| c.is_lowercase() || c == '-')));
    let plain = (b..=p).all(|i| {
        // A preposition inside the phrase (`six in 10 voters`, `delegates at the
        // convention`, `people with knowledge of`), never its first word.
        let stray_in = i == b && ["in", "at", "with", "from"].iter().any(|w| doc.is(i, w));
        // `more than 4 in 10`, `percent of those surveyed`: a poll's words, not a clause's.
        let share = i > b
            && (doc.is(i, "than") && ["more", "less", "fewer"].iter().any(|w| doc.is(i - 1, w))
                || doc.is(i, "those") && doc.is(i - 1, "of"));
        (percent(i) && i > b
            || !stray_in
                && doc.is_word(i)
                && (!FORBIDDEN.iter().any(|w| doc.is(i, w))
                    || share
                    || i == b && doc.is(i, "those")))
            && lexicon::verb(doc.word(i)).is_none()
            && !(i > b && doc.word(i).ends_with("ly"))
    });
    (opens && plain && p >= b).then(|| coordinated(doc, s, b..p + 1))
}

/// `Clinton and the State Department have said`, `Her advisers and allies say`:
/// the subject with the names or nouns joined to it by `and`, when they reach back
/// to the clause's start (the sentence's, or after a comma) and hold no verb.
fn coordinated(doc: &Doc, s: &Range<usize>, region: Range<usize>) -> Range<usize> {
    let Some(and) = region.start.checked_sub(1) else {
        return region;
    };
    if and <= s.start || !doc.is(and, "and") {
        return region;
    }
    let part = |i: usize| {
        let w = doc.word(i);
        doc.is_word(i)
            && (doc.capitalized(i) && !lexicon::is_capital_stop(w)
                || lexicon::is_np_word(w) && !doc.is(i, "in") && !doc.is(i, "and")
                || lexicon::is_head_noun(w)
                || w.ends_with("’s")
                || w.ends_with("'s"))
            && lexicon::verb(w).is_none()
            && !lexicon::is_be(w)
            && !lexicon::is_auxiliary(w)
            || [
                "both", "the", "a", "an", "his", "her", "their", "its", "other", "some", "many",
            ]
            .iter()
            .any(|x| doc.is(i, x))
    };
    // `he and Mr. Allen said`, `she and another reporter said`: a pronoun
    // opens the subject too (verbs11).
    let pronoun = |i: usize| {
        ["he", "she", "they", "we", "i"]
            .iter()
            .any(|w| doc.is(i, w))
    };
    let mut b = and;
    while b > s.start && and - b < 6 && (part(b - 1) || b == and && pronoun(b - 1)) {
        b -= 1;
    }
    // `current and former officials said`: one lower-case adjective before a
    // lower-case plural.
    let lower =
        |i: usize| doc.is_word(i) && doc.word(i).chars().all(|c| c.is_lowercase() || c == '-');
    let last = doc.word(region.end - 1);
    let adjective = b + 1 >= and
        && lower(and - 1)
        && !pronoun(and - 1)
        && region.clone().all(lower)
        && last.ends_with('s')
        && !last.ends_with("ss");
    if adjective {
        b = and - 1;
    }
    let at_start = b == s.start || doc.is_punct(b - 1, ",") || doc.is_punct(b - 1, ";");
    if b < and
        && at_start
        && ((b..and).any(|i| doc.capitalized(i) || lexicon::is_head_noun(doc.word(i)))
            || and == b + 1 && pronoun(b)
            || adjective)
    {
        b..region.end
    } else {
        region
    }
}

/// Whether the word at `i` opens a clause whose subject follows it (`and`, `while`, `because`).
fn opens_clause(doc: &Doc, i: usize) -> bool {
    [
        "and", "but", "while", "whereas", "because", "although", "though", "since", "if", "when",
        "as", "so", "yet",
    ]
    .iter()
    .any(|w| doc.is(i, w))
}

/// Whether a source starting at `i` starts its clause, so the words before it are not its verb.
fn starts_clause(doc: &Doc, s: &Range<usize>, i: usize) -> bool {
    if i == s.start {
        return true;
    }
    let b = i - 1;
    let t = &doc.toks[b];
    match t.kind {
        Kind::Punct => matches!(doc.word(b), "," | ";" | ":" | "(" | "—" | "–" | "―" | "-"),
        Kind::Close | Kind::Open => true,
        Kind::Word => {
            let w = doc.word(b);
            [
                "and", "but", "however", "while", "as", "because", "although", "though", "when",
                "so", "yet", "that", "where", "since", "after", "before", "if", "also",
            ]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(w))
        }
        Kind::Break => true,
    }
}

/// `According to X, …` / `…, according to X.` / `…, according to X, …`
fn according_to(doc: &Doc, s: &Range<usize>, i: usize) -> Option<Found> {
    // The source is everything up to the next comma or the sentence's end: polls,
    // counts and filings come with long descriptions (`early results of exit polls conducted for …`).
    let from = i + 2;
    let mut to = from;
    // A dash, a parenthesis or a stop ends it too (`according to exit polls (a wide margin)`).
    while to < s.end
        && to < from + 25
        && !doc.is_punct(to, ",")
        && !(to > from && stops_according(doc, to))
    {
        if doc.toks[to].kind == Kind::Open {
            // `according to Bell's ''The Fixers,'' by …`: a title in quotation marks
            // right after `to` or a possessive is part of the source; any other
            // quotation ends it (on develop 3 of 4 new are gold).
            let title =
                to == from || doc.word(to - 1).ends_with("'s") || doc.word(to - 1).ends_with("’s");
            match doc.quote_of[to].map(|qi| doc.quotes[qi].clone()) {
                Some(q) if title && q.start == to && q.end <= s.end && q.end < from + 25 => {
                    to = q.end;
                    continue;
                }
                _ => break,
            }
        }
        to += 1;
    }
    let to = doc.trim_end(from, to);
    if to <= from || !(from..to).any(|k| doc.is_word(k)) {
        return None;
    }
    let mut np = from..to;
    let end = doc.trim_end(np.end, s.end);
    let cue = i..i + 2;
    // `But according to X, …`, `“According to X, …`: an opening word or mark before it.
    // `…: According to X, …`, `(According to X, …`: a colon or a parenthesis opens it too.
    let at_start = i == s.start
        || (i == s.start + 1
            && (doc.toks[s.start].kind == Kind::Open
                || ["but", "and", "so", "yet"]
                    .iter()
                    .any(|w| doc.is(s.start, w))))
        || (i > s.start && (doc.is_punct(i - 1, ":") || doc.is_punct(i - 1, "(")));
    // `…,” according to X`, `… — according to X`: the comma may close a quotation.
    let after_comma = i > s.start
        && (doc.is_punct(i - 1, ",")
            || doc.is_punct(i - 1, "—")
            || (i > s.start + 1
                && doc.toks[i - 1].kind == Kind::Close
                && doc.is_punct(i - 2, ",")));
    // `… nine points according to X`: no mark at all before it.
    let word_before = i > s.start && doc.is_word(i - 1);
    let content = if doc.is_punct(np.end, ",") && at_start {
        let from = np.end + 1;
        let to = doc.trim_end(from, s.end);
        (to >= from + MIN_CONTENT).then(|| vec![from..to])?
    } else if (np.end == end || (np.end < end && stops_according(doc, np.end)))
        && (after_comma || word_before)
    {
        let from = content_start(doc, s);
        // A quotation closed after the comma is content with its closing mark;
        // with no comma at all (`… 46 to 39 percent according to a poll`), all up to it.
        let to = if doc.toks[i - 1].kind == Kind::Close || word_before {
            i
        } else {
            i - 1
        };
        (i > from + MIN_CONTENT).then(|| vec![from..to])?
    } else if let Some(appo) = closing_apposition(doc, np.end + 1, s.end)
        .filter(|_| doc.is_punct(np.end, ",") && (after_comma || word_before))
    {
        // `…, according to Ana Bell, a pilot.`: the apposition is the source's.
        np = np.start..appo;
        let from = content_start(doc, s);
        let to = if doc.toks[i - 1].kind == Kind::Close || word_before {
            i
        } else {
            i - 1
        };
        (i > from + MIN_CONTENT).then(|| vec![from..to])?
    } else if doc.is_punct(np.end, ",") && (after_comma || word_before) {
        let from = content_start(doc, s);
        let to = doc.trim_end(np.end + 1, s.end);
        let before = if word_before { i } else { i - 1 };
        (before > from && to > np.end + 1).then(|| vec![from..before, np.end + 1..to])?
    } else {
        return None;
    };
    Some(Found::said(Some(np), cue, content))
}

/// `, a Republican strategist.`, `, one of the unions representing the staff.`:
/// an apposition from `from` to the sentence's end, opening with a determiner or
/// a noun-phrase word and holding no auxiliary nor `be` outside a relative
/// clause, so that it cannot be a clause of its own (`, the bridge will cost …`).
fn closing_apposition(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let first = doc.word(from);
    let opens = doc.is_word(from)
        && first.starts_with(char::is_lowercase)
        && lexicon::is_np_word(first)
        && !lexicon::is_subject_pronoun(first);
    let to = apposition_end(doc, from, end)?;
    let plain = (from..to)
        .take_while(|&k| !doc.is(k, "who") && !doc.is(k, "which"))
        .all(|k| !lexicon::is_be(doc.word(k)) && !lexicon::is_auxiliary(doc.word(k)));
    (opens && plain && to == doc.trim_end(from, end)).then_some(to)
}

/// A dash set apart by spaces, a parenthesis or a full stop ends what `according
/// to` names (`according to exit polls (a wide margin …`), though not the marks
/// inside a name (`the A.F.L.-C.I.O.`).
fn stops_according(doc: &Doc, i: usize) -> bool {
    let spaced = doc.toks[i].start > doc.toks[i - 1].end;
    doc.is_punct(i, "(")
        || doc.is_punct(i, ")")
        || doc.is_punct(i, ".")
        || (spaced && ["-", "—", "–"].iter().any(|m| doc.is_punct(i, m)))
}

/// Where a sentence's own words start (after an opening conjunction).
fn content_start(_doc: &Doc, s: &Range<usize>) -> usize {
    s.start
}

/// `X said (that) …` / `…, X said.` / `X told Y that …` / `X dismissed this claim as “…”`
fn reporting_verb(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    let form = lexicon::verb(doc.word(v))?;
    if form.base == "call" && !form.gerund && !form.is_base {
        return called(doc, s, v);
    }
    // `…, calling him “a total stiff”`: a gerund of naming reports like one of saying.
    if form.gerund
        && form.base == "call"
        && v > s.start
        && !(doc.is(v + 1, "on") || doc.is(v + 1, "for"))
    {
        return gerund(doc, s, v);
    }
    if form.verb == Verb::QuoteOnly
        || v == s.start
        || !doc.word(v).starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    if form.gerund {
        return gerund(doc, s, v);
    }
    // `they say`, `officials tell`: of the base forms only these report often enough,
    // and `polls show`, `records show`, kept below to documents that speak.
    // `Organizers insist`, `critics argue`, `economists predict`, `surveys suggest`
    // (verbs11): on develop 33 of 36 new are gold cues, 32 with the gold source
    // (`concede`, `claim`, `explain`, `add`, `declare`: 4 of 10, left out).
    if form.is_base
        && !matches!(
            form.base,
            "say"
                | "tell"
                | "insist"
                | "argue"
                | "contend"
                | "warn"
                | "predict"
                | "acknowledge"
                | "admit"
                | "suggest"
                | "maintain"
                | "agree"
                | "deny"
        )
        && form.verb != Verb::Evidence
    {
        return None;
    }
    // `the state`, `a report`, `her remarks`: nouns, unless a name or pronoun says them and `that` follows.
    // `Vell notes the pier is old`: `notes` after a name or a pronoun is its verb
    // (verbs11: on develop 4 of 4 new are gold).
    let named = (doc.capitalized(v - 1) && !lexicon::is_capital_stop(doc.word(v - 1))
        || lexicon::is_subject_pronoun(doc.word(v - 1)))
        && !lexicon::is_np_word(doc.word(v - 1))
        && !doc.word(v - 1).ends_with("'s")
        && !doc.word(v - 1).ends_with("’s");
    if lexicon::is_nounish(doc.word(v))
        && !(doc.is(v + 1, "that")
            && (doc.capitalized(v - 1) || lexicon::is_subject_pronoun(doc.word(v - 1)))
            && !lexicon::is_np_word(doc.word(v - 1)))
        && !(doc.is(v, "notes") && named)
    {
        return None;
    }
    if lexicon::is_be(doc.word(v - 1)) {
        return None;
    }
    if let Some(f) = inverted(doc, s, v, form) {
        return Some(f);
    }
    let source = source_before(doc, s, v).or_else(|| coordinated_subject(doc, s, v))?;
    let mut t = v + 1;
    let mut via = source.via;
    let mut refers_back = false;
    let mut cue_end = v + 1;
    // `dismissed this claim as …`, `rejected Halloran’s account`: the object names
    // what went before.
    const TAKEN_UP: &[&str] = &[
        "claim",
        "claims",
        "report",
        "reports",
        "allegation",
        "allegations",
        "account",
        "accounts",
        "story",
        "stories",
        "idea",
        "suggestion",
        "suggestions",
        "reporting",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "speculation",
        "assertion",
        "characterization",
    ];
    let pointer = [
        "this", "the", "these", "those", "such", "that", "his", "her", "their", "its",
    ]
    .iter()
    .any(|w| doc.is(t, w))
        || doc.word(t).ends_with("’s")
        || doc.word(t).ends_with("'s");
    let deny_verb = lexicon::cue_denies(doc.word(v));
    if pointer && TAKEN_UP.iter().any(|w| doc.is(t + 1, w)) && (doc.is(t + 2, "as") || deny_verb) {
        let object_end = t + 2;
        t = if doc.is(object_end, "as") {
            object_end + 1
        } else {
            object_end
        };
        cue_end = t;
        refers_back = true;
        // `The board rejected that account.`: the object is all there is to quote.
        if doc.trim_end(t, s.end) <= t {
            return Some(Found {
                source: Some(source.np),
                cue: v..cue_end,
                content: vec![v + 1..object_end],
                via,
                refers_back,
            });
        }
        if doc.is_punct(t, ",") {
            t += 1;
        }
    } else if (doc.is(t, "it") || doc.is(t, "them")) && doc.is(t + 1, "as") {
        t += 2;
        cue_end = t;
        refers_back = true;
    }
    if doc.is_punct(t, ",") && doc.is(t + 1, "citing") {
        let np = doc.np_forward(t + 2, s.end)?;
        via = Some(np.clone());
        t = np.end;
        if doc.is_punct(t, ",") {
            t += 1;
        }
    }
    let end = doc.trim_end(t, s.end);
    // `…, a school spokesman told the Tarrow Gazette.`: the addressee, then the end.
    if form.verb == Verb::Tell && !refers_back && t < end {
        let after = skip_addressee(doc, v, t, s.end);
        let closes = after >= end
            || trailing_adjunct(doc, after, end)
            || (doc.is_punct(after, ",")
                && !doc
                    .toks
                    .get(after + 1)
                    .is_some_and(|x| x.kind == Kind::Open));
        if after > t && closes {
            t = after;
        }
    }
    if refers_back {
        // `dismissed this claim as “pure fiction”`: the verdict is the quotation.
        if let Some(qi) = doc.quote_of.get(t).copied().flatten()
            && doc.quotes[qi].start == t
        {
            return Some(Found {
                source: Some(source.np),
                cue: v..cue_end,
                content: vec![doc.quotes[qi].clone()],
                via,
                refers_back,
            });
        }
        let to = end.max(t);
        return (to > t).then(|| Found {
            source: Some(source.np),
            cue: v..cue_end,
            content: vec![t..to],
            via,
            refers_back,
        });
    }
    let mid = doc.is_punct(t, ",") && !doc.toks.get(t + 1).is_some_and(|x| x.kind == Kind::Open);
    // `…, EgyptAir said on Thursday.`: a time or place after the cue ends it all the same.
    if t >= end || mid || trailing_adjunct(doc, t, end) {
        // `…, X said.` / `…, X said, …`: the clause before the source (and after the cue).
        let b = source.np.start.checked_sub(1)?;
        if !doc.is_punct(b, ",") {
            return None;
        }
        let from = content_start(doc, s);
        // `The goal, he said, is to …`: a short start is enough when the rest follows.
        let rest = if mid {
            doc.trim_end(t + 1, s.end).saturating_sub(t + 1)
        } else {
            0
        };
        if b <= from || b - from + rest < MIN_CONTENT {
            return None;
        }
        let mut content = vec![from..b];
        if mid {
            let to = doc.trim_end(t + 1, s.end);
            if to > t + 1 {
                content.push(t + 1..to);
            }
        }
        return Some(Found {
            source: Some(source.np),
            cue: v..cue_end,
            content,
            via,
            refers_back,
        });
    }
    // `said, “…” and more`: a quotation that does not end the sentence, with the rest.
    if doc.is_punct(t, ",") && doc.toks.get(t + 1).is_some_and(|x| x.kind == Kind::Open) {
        t += 1;
    }
    if form.verb == Verb::Tell {
        t = skip_addressee(doc, v, t, s.end);
        if !(doc.is(t, "that")
            || lexicon::is_subject_pronoun(doc.word(t))
            || clause_subject(doc, t)
            || doc.is(t, "the"))
        {
            // `told a town hall in Salem on Monday that …`: more of the addressee, then `that`.
            t = skip_to_that(doc, t, s.end)?;
        }
    } else {
        // `said to be`, `said of`, `added to`: not reporting.
        let w = doc.word(t);
        if [
            "in",
            "on",
            "at",
            "during",
            "last",
            "earlier",
            "later",
            "repeatedly",
            "recently",
            "publicly",
            "privately",
            "afterward",
            "afterwards",
        ]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(w))
            || lexicon::is_day_word(w)
        {
            // `said on Monday (that) …`, `said in a statement that …`: skip the adjunct.
            t = skip_adjunct(doc, t, s.end)?;
        }
        let w = doc.word(t);
        let commits = commitment(doc, form, t) && personal(doc, &source.np);
        // `said more than a million …`, `said about half the …`: a share opens the clause.
        let share = (doc.is(t, "more") && doc.is(t + 1, "than"))
            || (doc.is(t, "about")
                && (doc.is(t + 1, "half")
                    || doc.word(t + 1).starts_with(|c: char| c.is_ascii_digit())));
        if !commits
            && !share
            && ([
                "to", "by", "for", "of", "with", "about", "nothing", "yes", "so", "up", "out",
                "back", "more", "goodbye", "hello", "thanks", "sorry",
            ]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(w))
                || !doc.is_word(t) && !doc.is_punct(t, ":") && doc.toks[t].kind != Kind::Open)
        {
            return None;
        }
    }
    let commits = commitment(doc, form, t) && personal(doc, &source.np);
    // `The Gazette reported the pier closed`, `Amazon reported a profit`:
    // `reported` takes any content after a name or a noun phrase (on develop
    // 17 of 24 new are gold).
    // Not a byline (`reported from Elsby`) nor an adjective (`the reported details`,
    // `Vell's reported income`).
    let before = doc.word(v - 1);
    let reported = doc.is(v, "reported")
        && doc.is_word(t)
        && !["to", "from", "daily", "ten", "on", "in"]
            .iter()
            .any(|w| doc.is(t, w))
        && !["the", "a", "an", "all", "his", "her", "their", "its"]
            .iter()
            .any(|w| doc.is(v - 1, w))
        && !before.ends_with("'s")
        && !before.ends_with("’s");
    if form.verb == Verb::ThatOnly && !doc.is(t, "that") && !commits && !reported {
        return None;
    }
    // `the researchers found that …`, `Pew found that …`: a finding stated as a
    // clause reports whoever found it.
    // (`finds that` is a habit more often: 0 of 2). On develop 15 of 16 new are
    // gold, with the nouns of footage and papers below.
    let finding = doc.is(v, "found") && doc.is(t, "that");
    if form.verb == Verb::Evidence
        && !finding
        && !source.np.clone().any(|i| {
            [
                "poll",
                "polls",
                "survey",
                "surveys",
                "study",
                "studies",
                "report",
                "data",
                "results",
                "analysis",
                "research",
                "numbers",
                "figures",
                "review",
                "audit",
                "investigation",
                "inquiry",
                "probe",
                "records",
                "reports",
                "documents",
                "filings",
                "polling",
                "statistics",
                "estimates",
                // Footage and papers show as polls do (`a video shows Vell …`).
                "video",
                "videos",
                "footage",
                "emails",
                "memo",
                "post",
                "picture",
                "photo",
                "photos",
                "tallies",
                "findings",
                "outcome",
                "math",
                "transcript",
                "letter",
                "evidence",
            ]
            .iter()
            .any(|w| doc.is(i, w))
        })
    {
        return None;
    }
    if doc.is_punct(t, ":") {
        t += 1;
    }
    let end = doc.trim_end(t, s.end);
    if end < t + MIN_CONTENT {
        return None;
    }
    Some(Found {
        source: Some(source.np),
        cue: v..cue_end,
        content: vec![t..end],
        via,
        refers_back,
    })
}

/// `vowed to fight on`, `threatened to sue`: a verb of commitment, `to` and a
/// lower-case verb (not `promised to the voters`) at `t`.
fn commitment(doc: &Doc, form: lexicon::VerbForm, t: usize) -> bool {
    lexicon::commits(form.base)
        && doc.is(t, "to")
        && doc.is_word(t + 1)
        && doc.word(t + 1).starts_with(char::is_lowercase)
        && !lexicon::is_np_word(doc.word(t + 1))
}

/// Whether a source names a person or a group by name or pronoun (`Vell`,
/// `she`, `Republicans`), not a thing (`the debate`, `a ballot initiative`) nor
/// a relative `who`: only such a source commits to something (on develop, a
/// commitment after any source scored 59%).
fn personal(doc: &Doc, np: &Range<usize>) -> bool {
    // An apposition's closing comma or a party tag's parenthesis is no word of it.
    let Some(last) = np.clone().rev().find(|&i| doc.is_word(i)) else {
        return false;
    };
    ["he", "she", "they", "we", "i"]
        .iter()
        .any(|w| doc.is(last, w))
        || (doc.capitalized(last) && !lexicon::is_capital_stop(doc.word(last)))
}

/// `Rubio called the statement “offensive and outlandish.”`: the object and the
/// quoted verdict on it, to the end of the sentence.
fn called(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    // `called for`, `called on`: a demand, read by the rule for acts on others.
    if v == s.start
        || lexicon::is_be(doc.word(v - 1))
        || doc.is(v + 1, "for")
        || doc.is(v + 1, "on")
    {
        return None;
    }
    let mut q = v + 1;
    while q < s.end && q < v + 14 && doc.is_word(q) {
        q += 1;
    }
    let qi = doc.quote_of.get(q).copied().flatten()?;
    let quote = doc.quotes[qi].clone();
    if quote.start != q || q == v + 1 {
        return None;
    }
    // `called the deal “a step forward” in the talks`: the rest of the sentence too.
    let end = doc.trim_end(quote.end, s.end).max(quote.end);
    // `Bell took the stage and called the plan “rotten”`: the first verb's subject.
    let source = source_before(doc, s, v).or_else(|| coordinated_subject(doc, s, v))?;
    Some(Found::by(source, v..v + 1, vec![v + 1..end]))
}

/// `X did this, saying (that) …`: the sentence's subject reports.
fn gerund(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Found> {
    let p = v.checked_sub(1)?;
    // `…, saying`, `… “New York values,” saying`, `… by saying`.
    let after_comma = doc.is_punct(p, ",")
        || (p > s.start && doc.toks[p].kind == Kind::Close && doc.is_punct(p - 1, ","))
        || (doc.is(p, "by") && p > s.start && !doc.in_quote(p));
    if !after_comma {
        return None;
    }
    let subject = sentence_subject(doc, s)
        .or_else(|| plain_subject(doc, s))
        .or_else(|| clause_subject_before(doc, s, p))
        .or_else(|| opening_noun_phrase(doc, s, v))?;
    gerund_of(doc, s, v, subject)
}

/// `But the other candidate on the stage, a former senator, drew a contrast,
/// saying that …`: before a gerund with `that` (6 of 7 gold on develop where
/// no other subject was found), the noun phrase that opens the sentence, after
/// an opening `But`, `And`, `Yet` or `Even`.
fn opening_noun_phrase(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Range<usize>> {
    if !doc.is(v + 1, "that") {
        return None;
    }
    let mut start = s.start;
    // At most two opening words, so a hostile run of `and` costs each gerund little.
    while start < v
        && start < s.start + 2
        && ["but", "and", "yet", "even"]
            .iter()
            .any(|w| doc.is(start, w))
    {
        start += 1;
    }
    let np = doc.np_forward(start, v)?;
    let first = doc.word(np.start);
    let usable = !["it", "who", "there", "this", "that", "you", "what"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        && (doc.capitalized(np.start) || lexicon::is_np_word(first))
        && !lexicon::is_capital_stop(first);
    usable.then_some(np)
}

/// `Speaking in Salem, New Hampshire, Vell went after Quell, calling him …`:
/// when the sentence opens with no subject, the subject of the clause right
/// before the gerund's comma (after the previous comma, within 40 tokens), if a
/// name or a personal pronoun opens it and a lower-case word follows.
fn clause_subject_before(doc: &Doc, s: &Range<usize>, comma: usize) -> Option<Range<usize>> {
    if !doc.is_punct(comma, ",") {
        return None;
    }
    let floor = s.start.max(comma.saturating_sub(40));
    let mut c = (floor..comma)
        .rev()
        .find(|&i| doc.is_punct(i, ",") || doc.is_punct(i, ";"))
        .map_or(floor, |i| i + 1);
    if c == floor && floor > s.start {
        return None;
    }
    if ["but", "and", "then"].iter().any(|w| doc.is(c, w)) {
        c += 1;
    }
    let np = doc.np_forward(c, comma)?;
    let named = np.len() == 1
        && ["he", "she", "they", "we", "i"]
            .iter()
            .any(|w| doc.is(np.start, w))
        || doc.capitalized(np.start) && !lexicon::is_capital_stop(doc.word(np.start));
    let verb_follows = np.end < comma
        && doc.is_word(np.end)
        && doc.word(np.end).starts_with(char::is_lowercase)
        && !lexicon::is_np_word(doc.word(np.end))
        && ![
            "of", "for", "in", "on", "at", "to", "from", "with", "and", "or", "who", "which",
        ]
        .iter()
        .any(|w| doc.is(np.end, w));
    (named && verb_follows).then_some(np)
}

/// The subject of a sentence that opens with a lower-case noun phrase (`The
/// president left …`, `Both parents stiffened …`) or with a short adjunct and a
/// comma (`In May, a federal judge sided …`): a noun phrase with a head, then a word.
fn plain_subject(doc: &Doc, s: &Range<usize>) -> Option<Range<usize>> {
    const ADJUNCT: &[&str] = &[
        "in", "on", "at", "during", "after", "before", "last", "earlier", "later", "this", "since",
        "for",
    ];
    let mut start = s.start;
    if ADJUNCT.iter().any(|w| doc.is(start, w))
        || (doc.is_word(start) && lexicon::is_day_word(doc.word(start)))
    {
        let comma = (start + 1..s.end.min(start + 9)).find(|&i| !doc.is_word(i))?;
        if !doc.is_punct(comma, ",") {
            return None;
        }
        start = comma + 1;
    }
    let np = doc.np_forward(start, s.end)?;
    let first = doc.word(np.start);
    let usable = !["it", "who", "there", "this", "that", "you", "what"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        && !lexicon::is_capital_stop(first)
        || [
            "the", "a", "an", "both", "some", "many", "several", "all", "most", "few",
        ]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w));
    let np = lower_noun_run(doc, np, s.end);
    (usable && doc.is_word(np.end) && lexicon::verb(doc.word(np.end)).is_none_or(|f| !f.gerund))
        .then_some(np)
}

/// `The departments declined …`, `Her liberal friends have mocked …`, `The
/// retired surgeon addressed …`: the lower-case nouns the noun-phrase walk stops
/// at, up to a word that can only be the verb (an auxiliary, `be`, a verb of
/// saying, an adverb, or a word in -ed before a determiner, a preposition or a
/// mark). Without such a verb after them, `np` as it was. At most MAX_NP words.
fn lower_noun_run(doc: &Doc, np: Range<usize>, limit: usize) -> Range<usize> {
    const FUNCTION: &[&str] = &[
        "the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "by", "from", "and", "or",
        "but", "that", "who", "which", "this", "these", "those", "his", "her", "their", "its",
        "our", "my", "your", "as", "than", "into", "about", "not", "no", "even", "back", "minutes",
        "hours", "days", "weeks", "months", "years", "month", "week", "year", "ago",
    ];
    if np.len() == 1 && lexicon::is_subject_pronoun(doc.word(np.start)) {
        return np;
    }
    let function = |i: usize| !doc.is_word(i) || FUNCTION.iter().any(|w| doc.is(i, w));
    let verbish = |i: usize| {
        let w = doc.word(i);
        lexicon::is_auxiliary(w)
            || lexicon::is_be(w)
            || lexicon::verb(w).is_some()
            || lexicon::mind_verb(w).is_some()
            || (w.ends_with("ly") && w.len() > 4)
    };
    let mut e = np.end;
    while e < limit && e < np.start + MAX_NP {
        let w = doc.word(e);
        let plain = doc.is_word(e)
            && w.starts_with(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !function(e)
            && !verbish(e)
            && !lexicon::is_subject_pronoun(w)
            && !lexicon::is_object_pronoun(w);
        // `retired surgeon`: an -ed word is an adjective only before another plain word.
        let adjective = !w.ends_with("ed") || (!function(e + 1) && !verbish(e + 1));
        if !(plain && adjective) {
            break;
        }
        e += 1;
    }
    let w = doc.word(e);
    let verb_next = e > np.end
        && doc.is_word(e)
        && (verbish(e) || (w.ends_with("ed") && w.starts_with(char::is_lowercase)));
    if verb_next { np.start..e } else { np }
}

/// `“…,” Jacobs said, adding that …`, `…, she said, referring to her father`: a
/// gerund after an attribution found before it in the sentence has its source.
fn gerund_after(doc: &Doc, s: &Range<usize>, v: usize, found: &mut [Found]) -> Option<Found> {
    // The comma may close a quotation (`… was “corrupt,” noting that …`).
    let after_comma = v > s.start
        && (doc.is_punct(v - 1, ",")
            || (v > s.start + 1
                && doc.toks[v - 1].kind == Kind::Close
                && doc.is_punct(v - 2, ",")));
    // `calling them cheats and vowing to …`: `and` joins a gerund to a gerund cue before it.
    let chained = v > s.start + 1
        && doc.is(v - 1, "and")
        && found
            .iter()
            .rev()
            .find(|f| f.cue.end < v)
            .is_some_and(|f| doc.word(f.cue.end - 1).ends_with("ing"));
    if !after_comma && !chained {
        return None;
    }
    let referring = doc.is(v, "referring") && doc.is(v + 1, "to");
    if !referring && !lexicon::verb(doc.word(v)).is_some_and(|f| f.gerund) {
        return None;
    }
    let before = found.iter_mut().rev().find(|f| f.cue.end < v)?;
    let source = before.source.clone()?;
    let mut f = if referring {
        let end = doc.trim_end(v + 2, s.end);
        (end > v + 2).then(|| Found::said(Some(source), v..v + 2, vec![v + 2..end]))?
    } else {
        gerund_of(doc, s, v, source)?
    };
    f.via = None;
    // What the first reported ends before this gerund's comma.
    if let Some(last) = before.content.last_mut()
        && last.contains(&v)
        && last.start < v - 1
    {
        // A quotation closed after the comma keeps its closing mark.
        last.end = if doc.toks[v - 1].kind == Kind::Close {
            v
        } else {
            v - 1
        };
    }
    Some(f)
}

fn gerund_of(doc: &Doc, s: &Range<usize>, v: usize, subject: Range<usize>) -> Option<Found> {
    let mut t = v + 1;
    if lexicon::verb(doc.word(v)).is_some_and(|f| f.verb == Verb::Tell) {
        t = skip_addressee(doc, v, t, s.end);
    }
    let opens_quote = |i: usize| doc.toks.get(i).is_some_and(|x| x.kind == Kind::Open);
    if doc.is_punct(t, ":") || (doc.is_punct(t, ",") && opens_quote(t + 1)) {
        t += 1;
    }
    let end = doc.trim_end(t, s.end);
    if end < t + MIN_CONTENT || !(doc.is_word(t) || opens_quote(t)) {
        return None;
    }
    let form = lexicon::verb(doc.word(v));
    let commits = form.is_some_and(|f| commitment(doc, f, t)) && personal(doc, &subject);
    // `threatening a lawsuit`: a threat reports only what the threatener will do.
    if form.is_some_and(|f| f.base == "threaten") && !commits {
        return None;
    }
    if !commits
        && ["to", "by", "for", "of", "with", "about", "up", "out"]
            .iter()
            .any(|x| doc.is(t, x))
    {
        return None;
    }
    Some(Found::said(Some(subject), v..v + 1, vec![t..end]))
}

/// The subject at the start of a sentence: a pronoun or a name, followed by a word.
fn sentence_subject(doc: &Doc, s: &Range<usize>) -> Option<Range<usize>> {
    let np = doc.np_forward(s.start, s.end)?;
    let named = np.len() == 1
        && lexicon::is_subject_pronoun(doc.word(np.start))
        && !doc.is(np.start, "it")
        && !doc.is(np.start, "who")
        || np.clone().any(|i| {
            doc.capitalized(i)
                && !lexicon::is_capital_stop(doc.word(i))
                && ![
                    "the", "a", "an", "some", "many", "most", "several", "all", "both", "few",
                ]
                .iter()
                .any(|d| doc.is(i, d))
        });
    let np = lower_noun_run(doc, np, s.end);
    (named && doc.is_word(np.end)).then_some(np)
}

/// `Graham called both … and said …`: the subject of the first verb.
fn coordinated_subject(doc: &Doc, s: &Range<usize>, v: usize) -> Option<Source> {
    let mut p = v.checked_sub(1)?;
    while p > s.start && lexicon::is_auxiliary(doc.word(p)) {
        p -= 1;
    }
    // `… declined to name them but said one was …`: `but` joins a second verb as `and` does.
    if !(doc.is(p, "and") || doc.is(p, "but")) {
        return None;
    }
    let np = sentence_subject(doc, s).or_else(|| plain_subject(doc, s))?;
    // No comma-free clause boundary in between that could bring its own subject;
    // and no more than 80 tokens between, so that a hostile sentence of `and`
    // and verbs (each verb looks back here) costs linear time.
    if p > np.end + 80 {
        return None;
    }
    if (np.end..p).any(|i| {
        doc.is(i, "that") || doc.is(i, "who") || doc.is(i, "which") || doc.is_punct(i, ";")
    }) {
        return None;
    }
    Some(Source { np, via: None })
}

/// Gives each pronoun source the name it stands for: the nearest fitting
/// source before it, or for `who` the name just before it.
fn resolve_pronouns(doc: &Doc, out: &mut [Attribution]) {
    out.sort_by_key(|a| a.cue.start);
    let mut last_person: Option<Range<usize>> = None;
    let mut last_group: Option<Range<usize>> = None;
    for a in out.iter_mut() {
        let Some(src) = a.source.clone() else {
            continue;
        };
        let text = &doc.text[src.clone()];
        let lower = text.to_lowercase();
        match lower.as_str() {
            "he" | "she" | "i" => {
                a.resolved = last_person.clone();
                a.kind = ActorKind::Person;
            }
            "it" | "they" | "we" => {
                a.resolved = last_group.clone();
                a.kind = a.resolved.clone().map_or(
                    if lower == "it" {
                        ActorKind::Organization
                    } else {
                        ActorKind::Anonymous
                    },
                    |r| lexicon::guess_kind(&doc.text[r]),
                );
            }
            "who" => {
                a.resolved = name_before(doc, src.start);
                a.kind = a
                    .resolved
                    .clone()
                    .map_or(ActorKind::Person, |r| lexicon::guess_kind(&doc.text[r]));
                if let Some(r) = a.resolved.clone() {
                    last_person = Some(r);
                }
            }
            _ => {
                a.kind = lexicon::guess_kind(text);
                if a.kind == ActorKind::Person {
                    last_person = Some(src);
                } else {
                    last_group = Some(src);
                }
            }
        }
    }
}

/// The noun phrase just before `, who` at byte `at`.
fn name_before(doc: &Doc, at: usize) -> Option<Range<usize>> {
    let i = doc.toks.partition_point(|t| t.start < at);
    let c = i.checked_sub(1)?;
    if !doc.is_punct(c, ",") {
        return None;
    }
    let np = doc.np_back(c.checked_sub(1)?, c.saturating_sub(MAX_NP))?;
    Some(doc.span(np))
}

/// `the conservative-leaning newspaper` before a reporting verb: a determiner
/// and up to five plain words, whatever they are, ending right before the verb.
fn determined_run(doc: &Doc, start: usize, end: usize) -> Option<Range<usize>> {
    if !["the", "a", "an", "his", "her", "their", "its", "one"]
        .iter()
        .any(|w| doc.is(start, w))
    {
        return None;
    }
    let mut i = start + 1;
    while i < end && i < start + 6 && doc.is_word(i) {
        let w = doc.word(i);
        if lexicon::verb(w).is_some_and(|v| !v.gerund && !v.is_base) {
            return (i > start + 1).then_some(start..i);
        }
        if lexicon::is_be(w)
            || lexicon::is_auxiliary(w)
            || lexicon::is_subject_pronoun(w)
            || doc.is(i, "that")
            || doc.is(i, "and")
        {
            return None;
        }
        i += 1;
    }
    None
}

/// Whether the word at `i` is a subject pronoun, contracted or not (`he`, `he’s`, `it`),
/// so that a reported clause starts there.
fn clause_subject(doc: &Doc, i: usize) -> bool {
    let subject = |w: &str| {
        ["he", "she", "they", "we", "i", "it"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    let w = doc.word(i);
    let contracted = w
        .split(['’', '\''])
        .next()
        .filter(|head| head.len() < w.len());
    doc.is_word(i) && (subject(w) || contracted.is_some_and(subject))
}

/// After an addressee: more words (no verb, no punctuation but commas) up to `that`.
fn skip_to_that(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut i = from;
    while i < end && i < from + 15 {
        if doc.is(i, "that") {
            return Some(i);
        }
        // `told a news conference they are …`: the reported clause's own subject,
        // contracted too (`told the Post he’s …`, `told reporters it was …`).
        if i > from && clause_subject(doc, i) {
            return Some(i);
        }
        // `told the Post: “…”`, `told Fox News “…”`: the quotation is what was told.
        if doc.is_punct(i, ":") || doc.toks[i].kind == Kind::Open {
            return Some(i);
        }
        // `told me his plan was …`: after a pronoun addressee, a possessive opens the clause.
        if i == from
            && i > 0
            && lexicon::is_object_pronoun(doc.word(i - 1))
            && ["his", "her", "their", "our", "my", "its"]
                .iter()
                .any(|w| doc.is(i, w))
        {
            return Some(i);
        }
        if !(doc.is_word(i) || doc.is_punct(i, ","))
            || lexicon::verb(doc.word(i)).is_some()
            || lexicon::is_be(doc.word(i))
        {
            return None;
        }
        i += 1;
    }
    None
}

/// Skips an adjunct after a verb (`on Monday`, `in a statement released Friday`) up to
/// `that` or a subject pronoun, within a few words.
fn skip_adjunct(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut i = from;
    while i < end && i < from + 10 {
        if doc.is(i, "that") {
            return Some(i);
        }
        // `said Thursday he would …`: after a bare day the pronoun may come at once.
        let day = i == from + 1 && lexicon::is_day_word(doc.word(from));
        if (i > from + 1 || day)
            && lexicon::is_subject_pronoun(doc.word(i))
            && !doc.is(i, "it")
            && !doc.is(i, "who")
        {
            return Some(i);
        }
        if !doc.is_word(i) && !doc.is_punct(i, ",") {
            return None;
        }
        // `said in her opening remarks that`: a noun that spells a verb is no verb there.
        if lexicon::verb(doc.word(i)).is_some() && !(i > from && lexicon::is_nounish(doc.word(i))) {
            return None;
        }
        i += 1;
    }
    None
}

/// `…, said David Autor, a professor of economics.`: a clause, a comma, the cue,
/// and its speaker (with an apposition) ending the sentence.
fn inverted(doc: &Doc, s: &Range<usize>, v: usize, form: lexicon::VerbForm) -> Option<Found> {
    if form.gerund
        || form.is_base
        || !matches!(form.verb, Verb::Speech | Verb::ThatOnly)
        || !doc.is_punct(v - 1, ",")
    {
        return None;
    }
    let np = match doc.np_forward(v + 1, s.end) {
        Some(np) if stops_inside(doc, np.end) => speaker_run(doc, v + 1, s.end).unwrap_or(np),
        Some(np) => np,
        None => speaker_run(doc, v + 1, s.end).or_else(|| plural_speaker(doc, v + 1, s.end))?,
    };
    let first = doc.word(np.start);
    let named = doc.capitalized(np.start)
        || lexicon::is_subject_pronoun(first)
            && !doc.is(np.start, "it")
            && !doc.is(np.start, "who")
        || lexicon::is_np_word(first);
    if !named || doc.is(np.start, "that") {
        return None;
    }
    let mut end = paren_after(doc, np.end, s.end);
    if doc.is_punct(end, ",") {
        // The apposition to the sentence's end is the speaker's (`, a professor at …`).
        end = apposition_end(doc, end + 1, s.end)?;
    } else if doc.trim_end(end, s.end) != end {
        return None;
    }
    let from = content_start(doc, s);
    let b = v - 1;
    // A quotation inside the clause is part of it (`“…” that Quell can win, said X`);
    // one that closes right before the comma is `quote_then_cue`'s to read.
    if b < from + MIN_CONTENT || doc.in_quote(b - 1) {
        return None;
    }
    Some(Found::said(Some(np.start..end), v..v + 1, vec![from..b]))
}

/// `harbour master Odile Vell`, `Billionaire entrepreneur Peter Thiel`: a name
/// after lower-case title words, taken whole when the words start the clause.
fn titled(doc: &Doc, s: &Range<usize>, np: Range<usize>) -> Option<Range<usize>> {
    if !doc.capitalized(np.start) {
        return None;
    }
    let title_word = |i: usize| {
        let w = doc.word(i);
        doc.is_word(i)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !w.ends_with("ly")
            && !w.ends_with("ing")
            && !w.ends_with("ed")
            && lexicon::verb(w).is_none()
            && lexicon::mind_verb(w).is_none()
            && !lexicon::is_be(w)
            && !lexicon::is_auxiliary(w)
            && !lexicon::is_capital_stop(w)
            && !lexicon::is_subject_pronoun(w)
            && !lexicon::is_object_pronoun(w)
            && ![
                "than",
                "whether",
                "not",
                "very",
                "too",
                "who",
                "whom",
                "which",
                "week",
                "year",
                "month",
                "day",
                "time",
                "night",
                "morning",
                "afternoon",
                "evening",
                "ago",
            ]
            .iter()
            .any(|x| doc.is(i, x))
    };
    let mut b = np.start;
    let mut lower = 0;
    while b > s.start && np.start - b < 5 {
        let i = b - 1;
        if doc.capitalized(i) && !lexicon::is_capital_stop(doc.word(i)) {
            b = i;
        } else if title_word(i) {
            b = i;
            lower += 1;
        } else if doc.is(i, "and") && i > s.start && title_word(i - 1) && lower > 0 {
            b = i;
        } else {
            break;
        }
    }
    (lower > 0 && starts_clause(doc, s, b)).then_some(b..np.end)
}

/// `the designer`, `the younger Mr. Trump`, `its chair` after an inverted
/// verb: a determiner and at most five words, up to a comma or the end.
fn described(doc: &Doc, start: usize, end: usize) -> Option<Range<usize>> {
    if !["the", "a", "an", "one", "its", "his", "her", "their"]
        .iter()
        .any(|w| doc.is(start, w))
    {
        return None;
    }
    let mut i = start + 1;
    while i < end && i < start + 6 && doc.is_word(i) {
        let w = doc.word(i);
        if lexicon::verb(w).is_some()
            || lexicon::is_be(w)
            || lexicon::is_auxiliary(w)
            || lexicon::is_capital_stop(w)
            || lexicon::is_subject_pronoun(w)
        {
            return None;
        }
        i += 1;
    }
    let stops = i >= end || doc.is_punct(i, ",") || doc.trim_end(i, end) == i;
    (i > start + 1 && stops).then_some(start..i)
}

/// After a speaker's name at `end`, the end of a short parenthesis (`(D-Va.)`), else `end`.
fn paren_after(doc: &Doc, end: usize, limit: usize) -> usize {
    if !doc.is_punct(end, "(") {
        return end;
    }
    (end + 1..limit.min(end + 8))
        .take_while(|&i| !doc.in_quote(i))
        .find(|&i| doc.is_punct(i, ")"))
        .map_or(end, |close| close + 1)
}

/// The end of an apposition after an inverted speaker, from `from` (after its
/// comma): to the sentence's end (`, a professor at Elsby.`), or to a comma
/// before `which` (the clause is about something else), before a participle
/// (`, the pier's keeper, referring to …`, with that comma) or before a
/// quotation that goes on (`, a pilot, “…”`, with that comma too). Capitalised
/// words are names even when they spell a verb (`United States`, `Consumer
/// Reports`); a verb's base form is more often a noun (`for the state`); the
/// marks of an abbreviation are part of it (`D.C.-based`, `R-S.C.`).
fn apposition_end(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let to = doc.trim_end(from, end);
    // Never more than 60 tokens, relative clause or not: the walk stays bounded.
    if to > from + 60 {
        return None;
    }
    // A relative clause may hold verbs (`, an economist who is the director of …`).
    let mut relative = doc.is(from, "who");
    let mut i = from;
    while i < to {
        if doc.is_punct(i, ",") && i > from {
            let next = doc.word(i + 1);
            if doc.is(i + 1, "which") {
                return (i - from <= 30).then_some(i);
            }
            if doc.is_word(i + 1)
                && next.ends_with("ing")
                && next.starts_with(char::is_lowercase)
                && !doc.is(from, "who")
            {
                return (i - from <= 30).then_some(i + 1);
            }
            if doc.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Open) {
                return (i - from <= 30).then_some(i + 1);
            }
        }
        if doc.is_punct(i, ",") && i > from && who_says(doc, i + 1) {
            return (i - from <= 30).then_some(i + 1);
        }
        // `said Ana Bell, speaking after the vote.`: the name alone.
        if i == from && (who_says(doc, i) || participle(doc, i)) {
            return None;
        }
        relative |= doc.is(i, "who");
        let mark = [",", "(", ")", ".", "-", "'", "’", "/", "&"]
            .iter()
            .any(|m| doc.is_punct(i, m));
        let verb = doc.is_word(i)
            && !doc.capitalized(i)
            && lexicon::verb(doc.word(i)).is_some_and(|v| !v.is_base)
            && !lexicon::is_nounish(doc.word(i));
        if !(doc.is_word(i) || mark) || (verb && !relative) {
            return None;
        }
        i += 1;
    }
    (to > from && (relative || to - from <= 30)).then_some(to)
}

/// `speaking to reporters`, `recalling the storm`: a lower-case word in -ing
/// that opens an aside about how the speaker spoke, no part of the source.
fn participle(doc: &Doc, i: usize) -> bool {
    // Words in -ing that describe, not act: `managing director`, `ranking member`.
    const TITLES: &[&str] = &[
        "including",
        "managing",
        "ranking",
        "leading",
        "founding",
        "acting",
        "outgoing",
        "incoming",
        "governing",
        "presiding",
        "sitting",
        "visiting",
        "retiring",
        "longstanding",
        "following",
        "working",
        "polling",
        "consulting",
        "marketing",
        "publishing",
        "banking",
        "fundraising",
        "housing",
        "building",
        "training",
        "planning",
        "spending",
        "funding",
    ];
    let w = doc.word(i);
    doc.is_word(i)
        && w.starts_with(char::is_lowercase)
        && w.ends_with("ing")
        && w.len() > 5
        && !TITLES.contains(&w)
}

/// `said the former aide to Governor Bell.`, `said one person with knowledge of
/// the talks.`, `said an official who was not allowed to speak.`: after an
/// inverted speaker, a preposition or `who` that goes on describing them to the
/// sentence's end (not `on Monday`, `in a statement`), as PolNeAR marks it.
fn described_to_end(doc: &Doc, at: usize, end: usize) -> Option<usize> {
    let goes_on = [
        "to", "with", "of", "from", "for", "at", "in", "who", "whose",
    ]
    .iter()
    .any(|w| doc.is(at, w));
    if !goes_on || doc.adjunct_at(at) {
        return None;
    }
    let to = apposition_end(doc, at, end)?;
    // Not past a comma: what follows one (`, who declined to be named`) is left out,
    // and so is why the speaker is not named (`who requested anonymity`).
    let unnamed = (at..to).any(|i| doc.is(i, "anonymity") || doc.is(i, "identified"));
    (to == doc.trim_end(at, end) && !unnamed && !(at..to).any(|i| doc.is_punct(i, ",")))
        .then_some(to)
}

/// `who said …`, `who also told …`: a relative clause that reports on its own,
/// which PolNeAR's annotators leave out of the source (13 of 14 on develop).
fn who_says(doc: &Doc, i: usize) -> bool {
    if !doc.is(i, "who") {
        return false;
    }
    let mut k = i + 1;
    while k < i + 3 && (doc.is(k, "also") || lexicon::is_auxiliary(doc.word(k))) {
        k += 1;
    }
    doc.is_word(k)
        && lexicon::verb(doc.word(k)).is_some_and(|v| !v.is_base && !v.gerund)
        && !lexicon::is_nounish(doc.word(k))
}

/// Whether the noun-phrase walk stopped at a lower-case word that may go on
/// naming the speaker (`boss`, `delegation`), not at a word of time, manner or
/// place (`on`, `yesterday`, `simply`).
fn stops_inside(doc: &Doc, i: usize) -> bool {
    const OUTSIDE: &[&str] = &[
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "last",
        "this",
        "that",
        "when",
        "while",
        "who",
        "which",
        "as",
        "from",
        "to",
        "for",
        "with",
        "by",
        "about",
        "of",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tonight",
        "again",
        "too",
        "also",
        "then",
        "now",
        "and",
        "or",
        "but",
        "recently",
        "afterward",
        "afterwards",
        "here",
        "there",
    ];
    let w = doc.word(i);
    doc.is_word(i)
        && w.starts_with(char::is_lowercase)
        && !w.ends_with("ly")
        && !OUTSIDE.iter().any(|x| doc.is(i, x))
}

/// Whether `w` is a verb (of saying, of the mind, `be`, an auxiliary) or a
/// pronoun: a word no speaker named after an inverted verb holds.
fn verb_or_pronoun(w: &str) -> bool {
    lexicon::verb(w).is_some()
        || lexicon::mind_verb(w).is_some()
        || lexicon::is_be(w)
        || lexicon::is_auxiliary(w)
        || lexicon::is_subject_pronoun(w)
        || lexicon::is_object_pronoun(w)
}

/// Where the clause reported by the verb at `v` starts (after a `tell` verb's
/// addressee, and a comma or colon), if it opens as a clause does: `that`, a
/// subject, a quotation, a name, or a determiner (`the`, `his`, and `more`).
fn reported_clause(
    doc: &Doc,
    s: &Range<usize>,
    v: usize,
    tell: bool,
    more: &[&str],
) -> Option<usize> {
    let mut t = v + 1;
    if tell {
        t = skip_addressee(doc, v, t, s.end);
    }
    if doc.is_punct(t, ",") || doc.is_punct(t, ":") {
        t += 1;
    }
    let opens = doc.is(t, "that")
        || clause_subject(doc, t)
        || doc.toks.get(t).is_some_and(|x| x.kind == Kind::Open)
        || [
            "the", "a", "an", "his", "her", "their", "its", "there", "this",
        ]
        .iter()
        .chain(more)
        .any(|w| doc.is(t, w))
        || doc.capitalized(t) && !lexicon::is_capital_stop(doc.word(t));
    opens.then_some(t)
}

/// `retired Army Lt. Gen. Ana Bell`, `another leading harbour pilot` after an
/// inverted verb: plain words (no verb, no clause word) up to a comma or the
/// sentence's end, at most twelve, with a name or a head noun among them.
fn speaker_run(doc: &Doc, start: usize, end: usize) -> Option<Range<usize>> {
    let mut i = start;
    while i < end && i < start + MAX_NP && doc.is_word(i) && !(i > start && doc.adjunct_at(i)) {
        if verb_or_pronoun(doc.word(i))
            || [
                "that", "who", "which", "and", "or", "but", "to", "not", "as", "when",
            ]
            .iter()
            .any(|x| doc.is(i, x))
        {
            return None;
        }
        i += 1;
    }
    let np = start..i;
    let stops = doc.is_punct(i, ",") || doc.trim_end(i, end) == i || doc.adjunct_at(i);
    (i > start && stops && doc.has_head(&np)).then_some(np)
}

/// `…, said several observers.`, `…, said the pilots.`: after an inverted verb,
/// a determiner and at most six plain words ending in a plural, up to a comma
/// or the sentence's end, when the lexicon knows no head noun among them
/// (on develop 1 of 1 new is gold).
fn plural_speaker(doc: &Doc, start: usize, end: usize) -> Option<Range<usize>> {
    const DETERMINERS: &[&str] = &[
        "the", "several", "some", "many", "most", "both", "all", "two", "three", "four", "other",
        "few",
    ];
    if !DETERMINERS.iter().any(|w| doc.is(start, w)) {
        return None;
    }
    let mut i = start + 1;
    while i < end && i < start + 7 && doc.is_word(i) {
        let w = doc.word(i);
        if verb_or_pronoun(w)
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || [
                "that", "who", "which", "and", "or", "but", "to", "not", "as", "when", "in", "on",
            ]
            .iter()
            .any(|x| doc.is(i, x))
        {
            return None;
        }
        i += 1;
    }
    let last = doc.word(i - 1);
    let plural = i > start + 1 && last.ends_with('s') && !last.ends_with("ss");
    let stops = doc.is_punct(i, ",") || doc.trim_end(i, end) == i;
    (plural && stops).then_some(start..i)
}

/// Whether the words from `t` to `end` are only a short adjunct of time or place
/// (`on Thursday`, `in an interview`, `at a rally in Ohio`): no verb, no clause.
fn trailing_adjunct(doc: &Doc, t: usize, end: usize) -> bool {
    const OPENERS: &[&str] = &[
        "on", "in", "at", "during", "last", "earlier", "later", "this",
    ];
    t < end
        && end - t <= 8
        && doc.is_word(t)
        && (OPENERS.iter().any(|w| doc.is(t, w)) || lexicon::is_day_word(doc.word(t)))
        && (t..end).all(|i| {
            (doc.is_word(i) || doc.is_punct(i, ","))
                && lexicon::verb(doc.word(i)).is_none()
                && lexicon::mind_verb(doc.word(i)).is_none()
                && !lexicon::is_be(doc.word(i))
                && !lexicon::is_subject_pronoun(doc.word(i))
                && !doc.is(i, "that")
        })
}

/// The words from `start` up to a reporting verb, within eight, when they can
/// only be its subject: opening with a name or a determiner, no verb, no clause word.
fn run_to_verb(doc: &Doc, start: usize, end: usize) -> Option<Range<usize>> {
    let opens = (doc.capitalized(start) && !lexicon::is_capital_stop(doc.word(start)))
        || ["the", "a", "an", "this", "one", "another"]
            .iter()
            .any(|w| doc.is(start, w));
    // `veteran analyst Ana Bell wrote`, `former congressman Bo Quell said`: lower-case
    // title words, then a name (on develop 9 of 11 such new are gold).
    let first = doc.word(start);
    let title = !opens
        && doc.is_word(start)
        && first.starts_with(char::is_lowercase)
        && first.chars().all(|c| c.is_alphabetic() || c == '-')
        && !first.ends_with("ing")
        && lexicon::verb(first).is_none()
        && !lexicon::is_be(first)
        && !lexicon::is_auxiliary(first)
        && !lexicon::is_subject_pronoun(first)
        && !lexicon::is_capital_stop(first)
        && ![
            "because", "and", "but", "or", "when", "if", "after", "before", "while", "that",
            "which", "who", "in", "on", "at", "for", "with", "to", "of", "by", "from", "as",
            "than", "said", "says", "not", "even", "only", "just",
        ]
        .contains(&first);
    if !opens && !title {
        return None;
    }
    let mut i = start + 1;
    while i < end && i < start + 8 && doc.is_word(i) {
        let w = doc.word(i);
        if let Some(v) = lexicon::verb(w) {
            let named =
                (start..i).any(|k| doc.capitalized(k) && !lexicon::is_capital_stop(doc.word(k)));
            let title_ok = !title || named && !lexicon::is_nounish(w);
            return (!v.gerund && !v.is_base && title_ok).then_some(start..i);
        }
        if lexicon::is_be(w)
            || lexicon::is_auxiliary(w)
            || lexicon::is_subject_pronoun(w)
            || lexicon::is_object_pronoun(w)
            || lexicon::mind_verb(w).is_some()
            || ["that", "which", "and", "or", "but", "not"]
                .iter()
                .any(|x| doc.is(i, x))
        {
            return None;
        }
        i += 1;
    }
    None
}
