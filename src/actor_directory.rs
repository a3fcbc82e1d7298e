//! Actors are people, not strings: the actors declared across an articles
//! folder, found by name or alias with case and accents folded, so a program
//! that adds actors (`import`, `suggest`) names a known person by the id and
//! declaration already in use, and a surname alone by the full name declared
//! in the same article.

use std::collections::HashMap;
use std::path::Path;

use crate::corpus::Corpus;
use crate::model::{Actor, ActorKind, Article};

/// A declaration to copy: the first one of its id (in article id order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownActor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
}

/// Declared actors by folded name and alias. A name two different actors
/// answer to is ambiguous and matches neither.
#[derive(Debug, Default)]
pub struct ActorDirectory {
    actors: Vec<KnownActor>,
    /// Folded name → index in `actors`, or `None` when ambiguous.
    by_name: HashMap<String, Option<usize>>,
    ids: HashMap<String, usize>,
}

impl ActorDirectory {
    /// The actors of every article that loads below `root` (none if it does not exist).
    pub fn load(root: &Path) -> Self {
        let mut directory = ActorDirectory::default();
        if let Ok(corpus) = Corpus::load(&[root.to_path_buf()]) {
            for article in corpus.articles() {
                directory.add_article(article);
            }
        }
        directory
    }

    /// Adds the actors of `article` whose ids are not known yet.
    pub fn add_article(&mut self, article: &Article) {
        for actor in &article.actors {
            self.add(actor);
        }
    }

    fn add(&mut self, actor: &Actor) {
        // Only what a person declared or reviewed is a model for others.
        if actor.suggested
            || self.ids.contains_key(actor.id.as_str())
            || !is_named(&actor.name, actor.kind)
        {
            return;
        }
        let index = self.actors.len();
        self.ids.insert(actor.id.as_str().to_owned(), index);
        self.actors.push(KnownActor {
            id: actor.id.as_str().to_owned(),
            name: actor.name.clone(),
            kind: actor.kind,
            role: actor.role.clone(),
        });
        let names = std::iter::once(&actor.name).chain(&actor.aliases);
        for key in names.map(|n| fold(n)).filter(|k| !k.is_empty()) {
            self.by_name
                .entry(key)
                .and_modify(|slot| {
                    if *slot != Some(index) {
                        *slot = None;
                    }
                })
                .or_insert(Some(index));
        }
    }

    /// The actor declared with this name or alias (case and accents folded).
    pub fn find(&self, name: &str) -> Option<&KnownActor> {
        let index = (*self.by_name.get(&fold(name))?)?;
        self.actors.get(index)
    }

    /// How many actors are known.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }
}

/// Pronouns and other words that name nobody in particular: never matched
/// across articles ("he" here is not "he" there).
const UNNAMED: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "who",
    "one",
    "this",
    "that",
    "these",
    "those",
    "someone",
    "some",
    "others",
    "many",
    "officials",
    "sources",
    "critics",
    "experts",
    "analysts",
    "people",
];

/// Whether `name` names someone in particular: a proper name (with a capital
/// letter, not a pronoun), of any kind but `anonymous`.
pub fn is_named(name: &str, kind: ActorKind) -> bool {
    kind != ActorKind::Anonymous
        && name.chars().any(char::is_uppercase)
        && !UNNAMED.contains(&fold(name).as_str())
}

/// Base letters of U+00C0..=U+017F (Latin-1 Supplement and Latin Extended-A),
/// lower case; `_` where there is none (× ÷ Ĳ ĳ).
const LATIN: &str = "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A name as compared: lower case, Latin accents removed (precomposed or
/// combining), every run of other characters one space, trimmed.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        // Combining diacritical marks (a decomposed accent) vanish.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let base = match c as u32 {
            0xC0..=0x17F => LATIN.as_bytes().get(c as usize - 0xC0).map(|&b| b as char),
            _ => None,
        }
        .filter(|&b| b != '_');
        let lower = base.map_or_else(|| c.to_lowercase().collect::<String>(), String::from);
        for l in lower.chars() {
            if l.is_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(l);
            } else {
                space = true;
            }
        }
    }
    out
}

/// The full names of one article's actors by their last word, to find the one
/// a surname alone stands for ("Peskov" → "Dmitry Peskov") in one lookup: an
/// article may name thousands of people, and each of its sources is looked up.
pub struct FullNames {
    /// Folded last word → the index of the one name of several words ending
    /// with it (`None` when several do).
    by_last: HashMap<String, Option<usize>>,
}

impl FullNames {
    /// A list of people ("he and Brafman", "Ada, Bo") is nobody's full name.
    pub fn new(names: &[&str]) -> FullNames {
        let mut by_last: HashMap<String, Option<usize>> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            let long = fold(name);
            let list =
                name.contains(',') || name.contains('&') || long.split(' ').any(|w| w == "and");
            if list {
                continue;
            }
            let Some((_, last)) = long.rsplit_once(' ') else {
                continue;
            };
            by_last
                .entry(last.to_string())
                .and_modify(|one| *one = None)
                .or_insert(Some(i));
        }
        FullNames { by_last }
    }

    /// For a one-word proper name, the index of the one name of several words
    /// that ends with it, if exactly one does.
    pub fn of(&self, surname: &str) -> Option<usize> {
        let short = fold(surname);
        let proper =
            surname.trim().starts_with(char::is_uppercase) && !UNNAMED.contains(&short.as_str());
        if !proper || short.is_empty() || short.contains(' ') {
            return None;
        }
        self.by_last.get(&short).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorId;

    fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            id: ActorId::new(id),
            name: name.into(),
            kind,
            role: Some("harbour master".into()),
            affiliation: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            wikidata: None,
            suggested: false,
        }
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Zoë  MARRICK"), "zoe marrick");
        assert_eq!(fold("Zoe\u{301} Marrick"), "zoe marrick");
        assert_eq!(fold("Łukasz Wójcik-Ørsted"), "lukasz wojcik orsted");
        assert_eq!(fold("“Jörg”"), "jorg");
    }

    #[test]
    fn names_and_aliases_find_the_declared_actor() {
        let mut d = ActorDirectory::default();
        d.add(&actor(
            "brenn",
            "Oskar Brenn",
            ActorKind::Person,
            &["the harbour master"],
        ));
        d.add(&actor("brenn", "Someone Else", ActorKind::Person, &[])); // first declaration wins
        assert_eq!(d.find("OSKAR BRENN").map(|a| a.id.as_str()), Some("brenn"));
        assert_eq!(
            d.find("The Harbour-Master").map(|a| a.name.as_str()),
            Some("Oskar Brenn")
        );
        assert_eq!(d.find("Someone Else"), None);
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn pronouns_anonymous_sources_and_shared_names_match_nothing() {
        let mut d = ActorDirectory::default();
        d.add(&actor("he", "He", ActorKind::Person, &[]));
        d.add(&actor("src", "Sources", ActorKind::Anonymous, &[]));
        d.add(&actor("a", "Ada Kell", ActorKind::Person, &["Kell"]));
        d.add(&actor("b", "Bo Kell", ActorKind::Person, &["Kell"]));
        assert_eq!(d.find("he"), None);
        assert_eq!(d.find("Sources"), None);
        assert_eq!(d.find("Kell"), None); // two actors answer to it
        assert_eq!(d.find("Bo Kell").map(|a| a.id.as_str()), Some("b"));
    }

    #[test]
    fn a_surname_finds_the_one_full_name_it_ends() {
        let full_name_of = |surname: &str, names: &[&str]| FullNames::new(names).of(surname);
        let names = ["Oskar Brenn", "Ines Halvard", "Brenn"];
        assert_eq!(full_name_of("Brenn", &names), Some(0));
        assert_eq!(full_name_of("brenn", &names), None); // not a proper name
        assert_eq!(full_name_of("Halvard", &names), Some(1));
        assert_eq!(full_name_of("Oskar Brenn", &names), None);
        assert_eq!(full_name_of("Renn", &names), None);
        assert_eq!(full_name_of("Kell", &["Ada Kell", "Bo Kell"]), None);
        assert_eq!(full_name_of("one", &["the one"]), None);
        assert_eq!(full_name_of("Brafman", &["he and Brafman"]), None);
        assert_eq!(full_name_of("Brafman", &["Ada, Bo Brafman"]), None);
        assert_eq!(full_name_of("Zoe", &["Zoë Brenn"]), None); // the first name
        assert_eq!(full_name_of("Ørsted", &["Ida Orsted"]), Some(0));
    }
}
