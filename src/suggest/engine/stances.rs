//! Stances, refusals and wishes a subject right before the verb holds, as
//! PolNeAR annotates them: `Vell declined to comment`, `The union has endorsed
//! Quell`, `Harbour pilots see the toll as a tax`, `Bell had hoped to win`. The
//! cue takes the adverbs, auxiliaries, modals and negations before its verb
//! (`has endorsed`, `also declined`, `did not mention`), as annotators mark them. Each family is read only in the
//! contexts that scored at least 65% exact cue precision on the develop split;
//! `sought`, `plans`, `wanted to`, `offered`, `decided`, `expressed` and
//! `pledged` scored 20% to 50% and are left out, and so is a relative `who` as
//! the subject (2 of 7 for `declined`, 7 of 17 for `endorsed`).

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::minds::inside_content;
use super::{Doc, Found, cue_adverb, source_before};
use crate::suggest::lexicon;

/// How a verb below takes its subject and what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    /// `did not mention`, `would not discuss`, `can't understand`: a base form
    /// read only after a modal or a negation, which the cue takes (on develop
    /// 22 of 31 new predictions with the run of modals are gold; `need`,
    /// `respond`, `vote`, `offer`, `want`, `know` and `support` scored 0% to 56%).
    Modal,
    /// `declined to …`, `refused to …`, `declined an interview`: not after
    /// `when` (`when he refused to …` is a clause of time, 0 of 4). On develop
    /// 45 of 62 are gold.
    Refusal,
    /// `criticized`, `endorsed`, `attacked`, `cited` and the like with their
    /// object, after any subject and its auxiliaries (a name right before is
    /// `named_act`'s): 198 of 230 gold. `offered`, `sought`, `opposed`,
    /// `backed`, `warned`, `pledged`, `embraced` and `accepted` scored 10% to
    /// 55% and are left out. Present forms only where they are seldom nouns
    /// (`slams`, `cites`: 18 of 20; `attacks` and `questions` 1 of 49).
    Act,
    /// A base form after a plural subject (`Democrats see`, `the banks expect`,
    /// `they fear`, `critics argue`, `many believe`), not in a relative clause
    /// (`the arguments that they believe`): 78 of 90 gold. `They want …` is a
    /// speaker's aside more often than not (2 of 7).
    Plural,
    /// `hoped`, with what follows (7 of 8).
    Hoped,
    /// `wants` with an object (`Bell wants a recount`); `wants to` is
    /// `minds::find`'s (11 of 15).
    Wants,
    /// `seeks to …` (4 of 6).
    Seeks,
    /// `I think …` outside a quotation (12 of 16), or `think` after a plural
    /// subject (`Clinton strategists think …`, 4 of 4).
    Think,
    /// A view with its `as` close by (`Most pilots view the toll as a tax`,
    /// `Vell portrayed Quell as …`), after any subject (11 of 14 on develop;
    /// `saw` and `cast` 8 of 14 are left out).
    As,
    /// `opposed`, `backed` with a determined or named object (`the bill`,
    /// `Quell`) after a subject that is no pronoun (7 of 8 on develop; with any
    /// object 10 of 19).
    Backing,
}

const FORMS: &[(&str, Stance)] = &[
    ("declined", Stance::Refusal),
    ("refused", Stance::Refusal),
    ("refuses", Stance::Refusal),
    ("endorsed", Stance::Act),
    ("criticized", Stance::Act),
    ("criticizes", Stance::Act),
    ("blasted", Stance::Act),
    ("proposed", Stance::Act),
    ("questioned", Stance::Act),
    ("supported", Stance::Act),
    ("touted", Stance::Act),
    ("slams", Stance::Act),
    ("blasts", Stance::Act),
    ("rips", Stance::Act),
    ("decries", Stance::Act),
    ("touts", Stance::Act),
    ("cites", Stance::Act),
    ("proposes", Stance::Act),
    ("suggests", Stance::Act),
    ("attacked", Stance::Act),
    ("cited", Stance::Act),
    ("mentioned", Stance::Act),
    ("suggested", Stance::Act),
    ("ordered", Stance::Act),
    ("denounced", Stance::Act),
    ("condemned", Stance::Act),
    ("decried", Stance::Act),
    ("challenged", Stance::Act),
    ("knocked", Stance::Act),
    ("mocked", Stance::Act),
    ("slammed", Stance::Act),
    ("thanked", Stance::Act),
    ("welcomed", Stance::Act),
    ("hailed", Stance::Act),
    ("rebuked", Stance::Act),
    ("applauded", Stance::Act),
    ("praised", Stance::Act),
    ("defended", Stance::Act),
    ("assailed", Stance::Act),
    ("chided", Stance::Act),
    ("accused", Stance::Act),
    ("lauded", Stance::Act),
    ("lamented", Stance::Act),
    ("scolded", Stance::Act),
    ("see", Stance::Plural),
    ("expect", Stance::Plural),
    ("hope", Stance::Plural),
    ("know", Stance::Plural),
    ("want", Stance::Plural),
    ("believe", Stance::Plural),
    ("fear", Stance::Plural),
    ("prefer", Stance::Plural),
    ("oppose", Stance::Plural),
    ("feel", Stance::Plural),
    ("argue", Stance::Plural),
    ("hoped", Stance::Hoped),
    ("wants", Stance::Wants),
    ("seeks", Stance::Seeks),
    ("think", Stance::Think),
    ("opposed", Stance::Backing),
    ("backed", Stance::Backing),
    ("opposes", Stance::Backing),
    ("view", Stance::As),
    ("views", Stance::As),
    ("viewed", Stance::As),
    ("sees", Stance::As),
    ("regard", Stance::As),
    ("regards", Stance::As),
    ("regarded", Stance::As),
    ("consider", Stance::As),
    ("considers", Stance::As),
    ("considered", Stance::As),
    ("portrayed", Stance::As),
    ("painted", Stance::As),
    ("characterized", Stance::As),
    ("mention", Stance::Modal),
    ("discuss", Stance::Modal),
    ("understand", Stance::Modal),
];

/// The stance a lower-case word is a verb of: one lookup per token, the sentence walk calls it for each.
fn stance_of(word: &str) -> Option<Stance> {
    static TABLE: OnceLock<FxHashMap<&'static str, Stance>> = OnceLock::new();
    TABLE
        .get_or_init(|| FORMS.iter().copied().collect())
        .get(word)
        .copied()
}

/// The attribution whose cue is the stance verb at `v`, with its subject right before it.
pub(super) fn find(doc: &Doc, s: &Range<usize>, v: usize, found: &[Found]) -> Option<Found> {
    if v <= s.start || !doc.word(v).starts_with(char::is_lowercase) {
        return None;
    }
    let stance = stance_of(doc.word(v))?;
    if inside_content(found, v) {
        return None;
    }
    // `has also endorsed`, `did not mention`: up to four adverbs, auxiliaries,
    // modals and negations belong to the cue.
    let mut p = v;
    while p > s.start && p + 4 > v && (cue_adverb(doc, p - 1) || modal(doc, p - 1)) {
        p -= 1;
    }
    let modal_run = (p..v).any(|i| modal(doc, i));
    if p <= s.start || lexicon::is_be(doc.word(p - 1)) || doc.is(p - 1, "to") {
        return None;
    }
    // What the subject's last word and the words after the verb allow is
    // checked first: the subject's span is dearer to find.
    let last = p - 1;
    let is = |w: &str| doc.is(last, w);
    if ["who", "it", "you", "that", "which"].iter().any(|w| is(w)) {
        return None;
    }
    let t = v + 1;
    // `declined to comment`, not `fees declined to $281 million`.
    let to = doc.is(t, "to")
        && doc.is_word(t + 1)
        && !doc.word(t + 1).starts_with(|c: char| c.is_ascii_digit());
    let fits = match stance {
        Stance::Refusal => to || (doc.is(v, "declined") && doc.is_word(t) && !doc.is(t, "to")),
        Stance::Act => !doc.is(t, "to") && !doc.is(t, "by"),
        Stance::Modal => modal_run,
        Stance::Plural => plural(doc, last) && !(doc.is(v, "want") && is("they")),
        Stance::Hoped => true,
        Stance::Wants => !doc.is(t, "to"),
        Stance::Seeks => to,
        Stance::Think => is("i") || plural(doc, last),
        Stance::Backing => {
            !["he", "she", "they", "i", "we"].iter().any(|w| is(w))
                && (["the", "a", "an", "his", "her", "their", "its"]
                    .iter()
                    .any(|w| doc.is(t, w))
                    || doc.capitalized(t))
        }
        Stance::As => (t..(t + 12).min(s.end)).any(|i| doc.is(i, "as")),
    };
    if !fits {
        return None;
    }
    let source = source_before(doc, s, p)?;
    if source.np.end != p {
        return None;
    }
    let before = |w: &str| source.np.start > s.start && doc.is(source.np.start - 1, w);
    let relative = !is("i") && (before("that") || before("which"));
    let clause_of_time = stance == Stance::Refusal && before("when");
    if clause_of_time || (matches!(stance, Stance::Plural | Stance::Think) && relative) {
        return None;
    }
    let (cue_end, t) = topic(doc, stance, to, v, t);
    // `declined to name them but said one was …`: a second verb of saying has its own content.
    let end = doc.trim_end(t, s.end);
    let end = (t..end)
        .find(|&i| {
            (doc.is(i, "but") || doc.is(i, "and")) && lexicon::verb(doc.word(i + 1)).is_some()
        })
        .map_or(end, |i| doc.trim_end(t, i));
    if end <= t || !doc.is_word(t) {
        return None;
    }
    Some(Found::by(source, p..cue_end, vec![t..end]))
}

/// `declined to comment (Tuesday) on the report`: the cue runs to `on` and the
/// topic alone is the content, as annotators mark it (5 of 7 on develop).
/// Otherwise the cue is the verb and the content starts after it.
fn topic(doc: &Doc, stance: Stance, to: bool, v: usize, t: usize) -> (usize, usize) {
    if stance == Stance::Refusal && to && (doc.is(t + 1, "comment") || doc.is(t + 1, "elaborate")) {
        let on = if lexicon::is_day_word(doc.word(t + 2)) {
            t + 3
        } else {
            t + 2
        };
        if doc.is(on, "on") {
            return (on + 1, on + 1);
        }
    }
    (v + 1, t)
}

/// Whether the subject ending at token `last` is plural: `they`, a noun in -s
/// (not -ss) or a quantifier standing for people (`many`, `few`, `most`).
fn plural(doc: &Doc, last: usize) -> bool {
    let w = doc.word(last);
    doc.is(last, "they")
        || (w.ends_with('s') && !w.ends_with("ss"))
        || ["many", "few", "most", "some", "both", "all"]
            .iter()
            .any(|q| doc.is(last, q))
}

/// A modal or a negation, which PolNeAR's cues take with their verb (`won't say`).
pub(super) fn modal(doc: &Doc, i: usize) -> bool {
    [
        "will",
        "would",
        "can",
        "could",
        "might",
        "may",
        "won't",
        "wouldn't",
        "can't",
        "cannot",
        "couldn't",
        "didn't",
        "doesn't",
        "don't",
        "not",
        "won’t",
        "wouldn’t",
        "can’t",
        "couldn’t",
        "didn’t",
        "doesn’t",
        "don’t",
        "should",
        "shouldn't",
        "shouldn’t",
        "must",
    ]
    .iter()
    .any(|w| doc.is(i, w))
}
