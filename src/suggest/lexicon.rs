//! The English words the finder knows: reporting verbs in every inflection,
//! words that deny, titles, and what a source's words say about its kind.

use std::sync::OnceLock;

// The word tables are fixed at build time, so no text can crowd a bucket and
// the quick hash is safe. SipHash was a tenth of the finder's profile; with Fx
// the BRAT pass over PolNeAR train takes 204-213 ms instead of 219-222 ms.
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::ActorKind;

/// How a reporting verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// `say`-like: the content follows directly (`said that …`, `said the …`).
    Speech,
    /// `tell`-like: an addressee comes first (`told reporters that …`).
    Tell,
    /// Reports only when a document speaks (`the poll shows …`, `a study found that …`).
    Evidence,
    /// Reports only before `that` (`claimed that …`), or next to a quotation.
    ThatOnly,
    /// Only with a quotation next to it (`“…,” he continued`).
    QuoteOnly,
}

/// Each line: the forms of one verb (base, third person, past, -ing, more), and how it takes content.
const VERBS: &[(&str, Verb)] = &[
    ("say says said saying", Verb::Speech),
    ("tell tells told telling", Verb::Tell),
    ("add adds added adding", Verb::Speech),
    ("claim claims claimed claiming", Verb::ThatOnly),
    ("insist insists insisted insisting", Verb::Speech),
    ("warn warns warned warning", Verb::ThatOnly),
    ("deny denies denied denying", Verb::Speech),
    ("state states stated stating", Verb::ThatOnly),
    ("announce announces announced announcing", Verb::Speech),
    ("report reports reported reporting", Verb::ThatOnly),
    ("note notes noted noting", Verb::Speech),
    ("argue argues argued arguing", Verb::ThatOnly),
    ("explain explains explained explaining", Verb::Speech),
    ("write writes wrote writing written", Verb::Speech),
    ("tweet tweets tweeted tweeting", Verb::Speech),
    ("declare declares declared declaring", Verb::Speech),
    (
        "acknowledge acknowledges acknowledged acknowledging",
        Verb::Speech,
    ),
    ("admit admits admitted admitting", Verb::Speech),
    ("confirm confirms confirmed confirming", Verb::Speech),
    ("assert asserts asserted asserting", Verb::Speech),
    ("maintain maintains maintained maintaining", Verb::ThatOnly),
    ("allege alleges alleged alleging", Verb::Speech),
    ("contend contends contended contending", Verb::Speech),
    ("predict predicts predicted predicting", Verb::Speech),
    ("promise promises promised promising", Verb::Speech),
    ("vow vows vowed vowing", Verb::Speech),
    ("pledge pledges pledged pledging", Verb::ThatOnly),
    ("threaten threatens threatened threatening", Verb::ThatOnly),
    ("stress stresses stressed stressing", Verb::ThatOnly),
    (
        "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
        Verb::ThatOnly,
    ),
    ("recall recalls recalled recalling", Verb::Speech),
    ("complain complains complained complaining", Verb::ThatOnly),
    ("concede concedes conceded conceding", Verb::Speech),
    ("conclude concludes concluded concluding", Verb::Speech),
    ("reveal reveals revealed revealing", Verb::Speech),
    ("testify testifies testified testifying", Verb::Speech),
    ("suggest suggests suggested suggesting", Verb::ThatOnly),
    ("agree agrees agreed agreeing", Verb::ThatOnly),
    ("counter counters countered countering", Verb::Speech),
    ("observe observes observed observing", Verb::Speech),
    ("remark remarks remarked remarking", Verb::Speech),
    ("caution cautions cautioned cautioning", Verb::Speech),
    ("boast boasts boasted boasting", Verb::Speech),
    ("brag brags bragged bragging", Verb::Speech),
    ("mention mentions mentioned mentioning", Verb::ThatOnly),
    (
        "reiterate reiterates reiterated reiterating",
        Verb::ThatOnly,
    ),
    ("charge charges charged charging", Verb::Speech),
    ("disclose discloses disclosed disclosing", Verb::Speech),
    ("speculate speculates speculated speculating", Verb::Speech),
    ("estimate estimates estimated estimating", Verb::Speech),
    ("indicate indicates indicated indicating", Verb::ThatOnly),
    ("dismiss dismisses dismissed dismissing", Verb::Speech),
    ("reject rejects rejected rejecting", Verb::Speech),
    ("refute refutes refuted refuting", Verb::Speech),
    ("rebut rebuts rebutted rebutting", Verb::Speech),
    ("disavow disavows disavowed disavowing", Verb::Speech),
    ("disown disowns disowned disowning", Verb::Speech),
    ("assure assures assured assuring", Verb::Tell),
    ("inform informs informed informing", Verb::Tell),
    ("remind reminds reminded reminding", Verb::Tell),
    ("ask asks asked asking", Verb::QuoteOnly),
    ("show shows showed showing shown", Verb::Evidence),
    ("find finds found finding", Verb::Evidence),
    ("reply replies replied replying", Verb::QuoteOnly),
    ("respond responds responded responding", Verb::QuoteOnly),
    ("continue continues continued continuing", Verb::QuoteOnly),
    ("quip quips quipped quipping", Verb::QuoteOnly),
    ("joke jokes joked joking", Verb::QuoteOnly),
    ("retort retorts retorted retorting", Verb::QuoteOnly),
    ("exclaim exclaims exclaimed exclaiming", Verb::QuoteOnly),
    ("shout shouts shouted shouting", Verb::QuoteOnly),
    ("yell yells yelled yelling", Verb::QuoteOnly),
    ("whisper whispers whispered whispering", Verb::QuoteOnly),
    ("read reads", Verb::QuoteOnly),
    ("post posts posted posting", Verb::QuoteOnly),
    ("tout touts touted touting", Verb::QuoteOnly),
    ("describe describes described describing", Verb::Speech),
    ("call calls called calling", Verb::QuoteOnly),
];

/// A reporting verb form: its base form and how it takes content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    pub base: &'static str,
    /// The base form itself (`state`, `explain`): a verb only after a plural
    /// subject, and more often something else.
    pub is_base: bool,
    pub verb: Verb,
    /// The -ing form (`saying`), which reports only after a clause it follows.
    pub gerund: bool,
}

fn verb_table() -> &'static FxHashMap<&'static str, VerbForm> {
    static TABLE: OnceLock<FxHashMap<&'static str, VerbForm>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for &(forms, verb) in VERBS {
            let mut words = forms.split(' ');
            let base = words.next().unwrap_or_default();
            // Nouns first are left out of the table, so a lookup costs no more.
            for form in forms.split(' ').filter(|f| !NOUNS_FIRST.contains(f)) {
                table.entry(form).or_insert(VerbForm {
                    base,
                    is_base: form == base,
                    verb,
                    gerund: form.ends_with("ing"),
                });
            }
        }
        table
    })
}

/// Whether the verb of base form `base` reports a commitment by `to` and a
/// verb (`vowed to fight on`, `threatened to sue`), as PolNeAR marks it.
pub fn commits(base: &str) -> bool {
    matches!(base, "vow" | "pledge" | "promise" | "threaten")
}

/// The reporting verb `word` is a form of (any case).
pub fn verb(word: &str) -> Option<VerbForm> {
    with_lower(word, |w| verb_table().get(w).copied())
}

/// Base forms that name a thing far more often than they report (`state
/// delegate Ana Bell, …, said`, `the report`, `a campaign post`): never read
/// as verbs, so a source's words may hold them. On develop this finds 18 more
/// attributions and loses none.
const NOUNS_FIRST: &[&str] = &[
    "state", "report", "charge", "counter", "post", "estimate", "note", "remark", "tweet",
    "stress", "caution", "recall", "mention",
];

/// Runs `f` on `word` in ASCII lower case without allocating for short words.
pub fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        // ASCII in, ASCII out: always valid UTF-8.
        f(std::str::from_utf8(&buf[..word.len()]).unwrap_or(word))
    } else {
        f(&word.to_lowercase())
    }
}

fn is_in(word: &str, list: &[&str]) -> bool {
    with_lower(word, |w| list.contains(&w))
}

/// Verb forms that are more often nouns (`state`, `reports`, `remarks`).
pub fn is_nounish(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        [
            "state",
            "states",
            "report",
            "reports",
            "note",
            "notes",
            "remark",
            "remarks",
            "tweet",
            "tweets",
            "estimate",
            "estimates",
            "claim",
            "claims",
            "promise",
            "promises",
            "pledge",
            "pledges",
            "charge",
            "charges",
            "counter",
            "counters",
            "post",
            "posts",
            "caution",
            "stress",
            "reject",
            "recall",
            "recalls",
            "vow",
            "vows",
            "boast",
            "boasts",
            "written",
            "mention",
            "mentions",
            "warning",
            "concern",
            "statement",
            "maintain",
            "testify",
            "indicate",
            "indicates",
            "reveal",
            "reveals",
            "observe",
            "observes",
        ]
        .into_iter()
        .collect()
    });
    with_lower(word, |w| set.contains(w))
}

/// Pronouns that can be a source on their own.
pub fn is_subject_pronoun(word: &str) -> bool {
    is_in(word, &["he", "she", "they", "i", "we", "it", "who", "you"])
}

/// Pronouns that can be addressed (`told him`).
pub fn is_object_pronoun(word: &str) -> bool {
    is_in(word, &["me", "him", "her", "us", "them", "you", "it"])
}

/// Words that may stand between a source and its verb: auxiliaries and adverbs.
pub fn is_auxiliary(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        [
            "has",
            "have",
            "had",
            "also",
            "later",
            "then",
            "previously",
            "repeatedly",
            "often",
            "recently",
            "once",
            "again",
            "further",
            "has also",
            "will",
            "would",
            "could",
            "might",
            "may",
            "did",
            "does",
            "do",
            "always",
            "never",
            "still",
            "already",
            "publicly",
            "privately",
            "reportedly",
            "quickly",
            "flatly",
            "firmly",
            "strongly",
            "simply",
        ]
        .into_iter()
        .collect()
    });
    with_lower(word, |w| set.contains(w))
}

/// Forms of `be`, before which a verb form is passive (`was told`, `is said to`).
pub fn is_be(word: &str) -> bool {
    is_in(
        word,
        &[
            "is", "was", "were", "are", "be", "been", "being", "'s", "’s",
        ],
    )
}

/// Lower-case words that may be part of a source's noun phrase.
pub fn is_np_word(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        [
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "its",
            "our",
            "one",
            "two",
            "three",
            "several",
            "some",
            "many",
            "other",
            "another",
            "former",
            "top",
            "senior",
            "chief",
            "deputy",
            "acting",
            "longtime",
            "presidential",
            "republican",
            "democratic",
            "campaign",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "spokespeople",
            "official",
            "officials",
            "source",
            "sources",
            "aide",
            "aides",
            "adviser",
            "advisers",
            "advisor",
            "advisors",
            "analyst",
            "analysts",
            "expert",
            "experts",
            "critic",
            "critics",
            "supporter",
            "supporters",
            "lawmaker",
            "lawmakers",
            "leader",
            "leaders",
            "president",
            "minister",
            "secretary",
            "director",
            "chairman",
            "chairwoman",
            "chair",
            "governor",
            "senator",
            "candidate",
            "nominee",
            "hopeful",
            "frontrunner",
            "front-runner",
            "mayor",
            "police",
            "report",
            "statement",
            "poll",
            "survey",
            "study",
            "researchers",
            "report’s",
            "person",
            "people",
            "officer",
            "officers",
            "manager",
            "strategist",
            "strategists",
            "press",
            "communications",
            "secretary’s",
            "state",
            "federal",
            "u.s.",
            "white",
            "house",
            "administration",
            "government",
            "ministry",
            "department",
            "agency",
            "committee",
            "council",
            "company",
            "firm",
            "group",
            "organization",
            "spokesman’s",
            "attorney",
            "lawyer",
            "lawyers",
            "judge",
            "prosecutors",
            "prosecutor",
            "investigators",
            "witnesses",
            "witness",
            "residents",
            "voters",
            "members",
            "member",
            "staff",
            "executive",
            "ceo",
            "founder",
            "economist",
            "economists",
            "professor",
            "author",
            "writer",
            "editor",
            "columnist",
            "reporter",
            "reporters",
            "newspaper",
            "paper",
            "website",
            "network",
            "magazine",
            "military",
            "army",
            "general",
            "commander",
            "representative",
            "rep.",
            "sen.",
            "gov.",
            "mr.",
            "mrs.",
            "ms.",
            "dr.",
            "unnamed",
            "anonymous",
            "u.s",
            "american",
            "russian",
            "ukrainian",
            "chinese",
            "british",
            "european",
            "foreign",
            "local",
            "county",
            "city",
            "party",
            "gop",
            "conservative",
            "liberal",
            "progressive",
            "independent",
            "vice",
            "assistant",
            "special",
            "counsel",
            "house",
            "senate",
            "speaker",
            "majority",
            "minority",
            "whip",
            "ambassador",
            "envoy",
            "diplomat",
            "diplomats",
            "percent",
            "half",
            "third",
            "thirds",
            "quarter",
            "quarters",
            "majority",
            "majorities",
            "most",
            "nearly",
            "about",
            "around",
            "almost",
            "than",
            "fewer",
            "more",
            "in",
            "every",
            "each",
            "all",
            "both",
            "few",
            "dozen",
            "dozens",
            "hundreds",
            "thousands",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "twenty",
        ]
        .into_iter()
        .collect()
    });
    with_lower(word, |w| set.contains(w))
}

/// Lower-case nouns that can head a source's noun phrase on their own.
pub fn is_head_noun(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        [
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "spokespeople",
            "official",
            "officials",
            "source",
            "sources",
            "aide",
            "aides",
            "adviser",
            "advisers",
            "advisor",
            "advisors",
            "analyst",
            "analysts",
            "expert",
            "experts",
            "critic",
            "critics",
            "supporters",
            "lawmaker",
            "lawmakers",
            "leaders",
            "president",
            "minister",
            "secretary",
            "director",
            "chairman",
            "chairwoman",
            "governor",
            "senator",
            "candidate",
            "nominee",
            "mayor",
            "police",
            "report",
            "statement",
            "poll",
            "survey",
            "study",
            "researchers",
            "people",
            "officers",
            "manager",
            "strategist",
            "administration",
            "government",
            "ministry",
            "department",
            "agency",
            "committee",
            "council",
            "company",
            "campaign",
            "attorney",
            "lawyer",
            "lawyers",
            "judge",
            "prosecutors",
            "investigators",
            "witnesses",
            "residents",
            "voters",
            "members",
            "executive",
            "economist",
            "economists",
            "professor",
            "newspaper",
            "paper",
            "website",
            "network",
            "magazine",
            "military",
            "commander",
            "ambassador",
            "envoy",
            "diplomats",
            "person",
            "group",
            "firm",
            "others",
            "some",
            "many",
            "percent",
            "half",
            "third",
            "thirds",
            "quarters",
            "majority",
            "majorities",
            "most",
        ]
        .into_iter()
        .collect()
    });
    with_lower(word, |w| set.contains(w))
}

/// A day named relative to now or by its name (`today`, `Monday`), any case: an
/// adjunct of time before or after a verb, never a speaker.
pub fn is_day_word(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "today",
        "yesterday",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// Capitalised words that start sentences but no name.
pub fn is_capital_stop(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        [
            "however",
            "but",
            "and",
            "or",
            "so",
            "yet",
            "then",
            "meanwhile",
            "on",
            "in",
            "at",
            "after",
            "before",
            "when",
            "while",
            "also",
            "still",
            "now",
            "this",
            "that",
            "these",
            "those",
            "it",
            "there",
            "here",
            "as",
            "if",
            "although",
            "though",
            "because",
            "since",
            "for",
            "from",
            "with",
            "by",
            "of",
            "to",
            "instead",
            "indeed",
            "moreover",
            "later",
            "earlier",
            "last",
            "next",
            "why",
            "what",
            "how",
            "where",
            "who",
            "which",
            "asked",
            "speaking",
            "according",
            "during",
            "until",
            "once",
            "not",
            "no",
            "yes",
            "well",
            "just",
            "only",
            "even",
            "again",
            "first",
            "finally",
        ]
        .into_iter()
        .collect()
    });
    is_day_word(word) || with_lower(word, |w| set.contains(w))
}

/// Words of a cue (whole words, any case) that make it deny, per FORMAT.md:
/// the rule `import` applies too, kept in one place.
pub fn cue_denies(cue: &str) -> bool {
    crate::cue::denies(cue)
}

/// Whether reported content itself denies: a verdict on what was said
/// (`“pure fiction”`, `simply not true`, `nonsense from start to finish`,
/// `no evidence of …`) near its start.
pub fn content_denies(content: &str) -> bool {
    let lower = content.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "fiction"
                | "false"
                | "untrue"
                | "fake"
                | "baseless"
                | "nonsense"
                | "lie"
                | "lies"
                | "unfounded"
                | "fabricated"
                | "fabrication"
                | "groundless"
        )
    }) || words.windows(2).any(|p| {
        matches!(
            (p[0], p[1]),
            ("not", "true")
                | ("no", "such")
                | ("no", "evidence")
                | ("never", "happened")
                | ("no", "truth")
        )
    })
}

/// Guesses what kind of actor a source's words name.
pub fn guess_kind(name: &str) -> ActorKind {
    let lower = name.to_lowercase();
    let has = |words: &[&str]| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| words.contains(&w))
    };
    if has(&[
        "sources",
        "source",
        "officials",
        "official",
        "people",
        "person",
        "aides",
        "aide",
        "familiar",
        "unnamed",
        "anonymous",
        "insiders",
        "someone",
        "some",
        "others",
        "critics",
        "analysts",
        "experts",
        "observers",
        "diplomats",
    ]) && !has(&["minister", "president"])
    {
        ActorKind::Anonymous
    } else if has(&[
        "post",
        "times",
        "news",
        "reuters",
        "ap",
        "associated",
        "cnn",
        "bbc",
        "journal",
        "gazette",
        "herald",
        "tribune",
        "telegraph",
        "guardian",
        "radio",
        "tv",
        "television",
        "daily",
        "observer",
        "chronicle",
        "courier",
        "politico",
        "newspaper",
        "magazine",
        "network",
        "broadcaster",
        "press",
        "bulletin",
        "wire",
        "outlet",
    ]) {
        ActorKind::Outlet
    } else if has(&[
        "report",
        "statement",
        "study",
        "poll",
        "survey",
        "document",
        "memo",
        "letter",
        "filing",
        "ruling",
        "indictment",
        "affidavit",
        "release",
        "audit",
        "data",
        "figures",
        "analysis",
    ]) {
        ActorKind::Document
    } else if has(&[
        "kremlin",
        "ministry",
        "department",
        "government",
        "white",
        "council",
        "parliament",
        "senate",
        "congress",
        "police",
        "administration",
        "cabinet",
        "embassy",
        "mayor's",
        "state",
        "authority",
        "authorities",
        "city",
        "municipality",
        "commission",
        "agency",
    ]) {
        ActorKind::Government
    } else if has(&[
        "company",
        "inc",
        "corp",
        "group",
        "union",
        "association",
        "party",
        "campaign",
        "university",
        "bank",
        "committee",
        "foundation",
        "club",
        "institute",
        "federation",
        "league",
        "society",
        "firm",
        "team",
        "board",
        "ltd",
        "co",
    ]) {
        ActorKind::Organization
    } else {
        ActorKind::Person
    }
}

/// How a verb or noun of the mind takes what it attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mind {
    /// A belief or feeling: a clause follows (`believe that …`, `think he …`).
    Belief,
    /// A plan or wish: `to` and a verb follow (`plans to run`).
    Intent,
    /// An act on someone or something: its object follows (`accused Clinton of …`).
    Act,
    /// A question: `whether` or `if` follows, after an addressee (`asked Pence whether …`).
    Question,
}

/// Each line: the forms of one verb (base first), and how it takes content.
const MIND_VERBS: &[(&str, Mind)] = &[
    ("believe believes believed", Mind::Belief),
    ("think thinks thought", Mind::Belief),
    ("fear fears feared", Mind::Belief),
    ("worry worries worried", Mind::Belief),
    ("know knows", Mind::Belief),
    ("doubt doubts doubted", Mind::Belief),
    ("suspect suspects suspected", Mind::Belief),
    ("want wants", Mind::Intent),
    ("urge urges urged", Mind::Act),
    ("accuse accuses accused", Mind::Act),
    ("praise praises praised", Mind::Act),
    ("blame blames blamed", Mind::Act),
    ("defend defends defended", Mind::Act),
    ("call calls called", Mind::Act),
    ("asks asked", Mind::Question),
];

fn mind_table(lines: &'static [(&'static str, Mind)]) -> FxHashMap<&'static str, (Mind, bool)> {
    let mut table = FxHashMap::default();
    for &(forms, mind) in lines {
        let base = forms.split_whitespace().next().unwrap_or_default();
        for form in forms.split_whitespace() {
            table.entry(form).or_insert((mind, form == base));
        }
    }
    table
}

/// The verb of the mind `word` is a form of (any case), and whether it is the base form.
pub fn mind_verb(word: &str) -> Option<(Mind, bool)> {
    static TABLE: OnceLock<FxHashMap<&'static str, (Mind, bool)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| mind_table(MIND_VERBS));
    with_lower(word, |w| table.get(w).copied())
}
