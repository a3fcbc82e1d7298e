//! Whether reporting words deny, by FORMAT.md's rule, for `suggest` and
//! `import` alike: a form of deny, dismiss, reject, refute, rebut, disavow or
//! disown, or the words false, untrue, fiction, fake, baseless, "not true" or
//! "no such", as whole words in any case.

/// Word forms that deny on their own.
const DENYING: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "denials",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "dismissal",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "rejection",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "refutation",
    "rebut",
    "rebuts",
    "rebutted",
    "rebutting",
    "rebuttal",
    "disavow",
    "disavows",
    "disavowed",
    "disavowing",
    "disown",
    "disowns",
    "disowned",
    "disowning",
    "false",
    "untrue",
    "fiction",
    "fake",
    "baseless",
];

/// Two-word phrases that deny.
const DENYING_PAIRS: &[(&str, &str)] = &[("not", "true"), ("no", "such")];

/// Whether `cue` denies.
pub fn denies(cue: &str) -> bool {
    let words: Vec<String> = cue
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| DENYING.contains(&w.as_str()))
        || words.windows(2).any(|pair| {
            DENYING_PAIRS
                .iter()
                .any(|(a, b)| pair[0] == *a && pair[1] == *b)
        })
}

#[cfg(test)]
mod tests {
    use super::denies;

    #[test]
    fn denying_words_deny_in_any_case_as_whole_words() {
        assert!(denies("dismissed this claim as"));
        assert!(denies("DENIED"));
        assert!(denies("called it pure fiction"));
        assert!(denies("said it was not true"));
        assert!(denies("said there was no such call"));
        assert!(!denies("said"));
        assert!(!denies("fakery aside, reported")); // not a whole word
        assert!(!denies("noted such"));
    }
}
