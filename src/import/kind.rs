//! A first guess at an actor's kind from its name alone, for imported sources
//! that carry no kind: a person unless the words say otherwise.

/// Words (lower case, whole) that mark each kind, tried in this order.
const HINTS: &[(&str, &[&str])] = &[
    // A title before a name makes a person, whatever body the title belongs to.
    (
        "person",
        &[
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "minister",
            "president",
            "senator",
            "mayor",
            "director",
            "secretary",
            "governor",
            "chairman",
            "chairwoman",
            "chair",
            "leader",
            "candidate",
            "official",
            "mr",
            "mrs",
            "ms",
            "dr",
            "sen",
            "rep",
            "gov",
        ],
    ),
    (
        "anonymous",
        &[
            "sources",
            "source",
            "officials",
            "aides",
            "insiders",
            "people",
            "someone",
            "critics",
            "analysts",
            "observers",
            "experts",
            "some",
            "others",
            "many",
            "anonymous",
            "unnamed",
            "supporters",
            "residents",
            "voters",
        ],
    ),
    (
        "outlet",
        &[
            "newspaper",
            "magazine",
            "times",
            "post",
            "journal",
            "news",
            "reuters",
            "ap",
            "afp",
            "cnn",
            "bbc",
            "nbc",
            "abc",
            "cbs",
            "msnbc",
            "fox",
            "breitbart",
            "politico",
            "gazette",
            "tribune",
            "herald",
            "press",
            "daily",
            "network",
            "radio",
            "tv",
            "television",
            "broadcaster",
        ],
    ),
    (
        "government",
        &[
            "government",
            "administration",
            "ministry",
            "department",
            "kremlin",
            "pentagon",
            "congress",
            "senate",
            "parliament",
            "white",
            "cabinet",
            "agency",
            "police",
            "military",
            "state",
            "court",
            "council",
            "embassy",
        ],
    ),
    (
        "document",
        &[
            "report",
            "study",
            "poll",
            "survey",
            "memo",
            "letter",
            "statement",
            "bill",
            "law",
            "document",
            "documents",
            "data",
            "filing",
            "analysis",
            "release",
            "website",
            "ad",
            "book",
            "email",
            "emails",
            "records",
            "transcript",
        ],
    ),
    (
        "organization",
        &[
            "campaign",
            "committee",
            "party",
            "company",
            "group",
            "association",
            "union",
            "foundation",
            "institute",
            "university",
            "inc",
            "corp",
            "league",
            "center",
            "centre",
            "organization",
            "organisation",
            "club",
            "coalition",
            "bank",
            "firm",
        ],
    ),
];

/// `person`, `anonymous`, `outlet`, `government`, `document` or `organization`.
pub fn guess_kind(name: &str) -> &'static str {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    HINTS
        .iter()
        .find(|(_, hints)| words.iter().any(|w| hints.contains(&w.as_str())))
        .map_or("person", |(kind, _)| kind)
}

#[cfg(test)]
mod tests {
    use super::guess_kind;

    #[test]
    fn names_are_people_unless_their_words_say_otherwise() {
        assert_eq!(guess_kind("Mira Tollund"), "person");
        assert_eq!(guess_kind("she"), "person");
        assert_eq!(guess_kind("unnamed officials"), "anonymous");
        assert_eq!(guess_kind("The Harbourtown Gazette"), "outlet");
        assert_eq!(guess_kind("the Ministry of Tides"), "government");
        assert_eq!(guess_kind("a leaked memo"), "document");
        assert_eq!(guess_kind("the Velder campaign"), "organization");
        assert_eq!(guess_kind("Council spokesperson Ilse Varn"), "person");
    }
}
