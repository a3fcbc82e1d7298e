//! `--resolve-actors`: the actors of an imported article made people rather
//! than strings, with the [`ActorDirectory`]: a surname alone becomes the full
//! name declared in the same article, and an actor declared anywhere in the
//! articles folder keeps its id and declaration (name, kind, role).

use std::collections::HashMap;

use super::draft::{Draft, DraftActor};
use crate::actor_directory::{ActorDirectory, FullNames};
use crate::slug::{IdAllocator, slug};

/// Rewrites `draft`'s actors and stances; an actor that matches nothing keeps
/// the id the contract derives from its text.
pub fn resolve(draft: &mut Draft, directory: &ActorDirectory) {
    let names: Vec<&str> = draft.actors.iter().map(|a| a.name.as_str()).collect();
    let full_names = FullNames::new(&names);
    // Each actor's stand-in within the article: itself, or its full name.
    let same: Vec<usize> = (0..names.len())
        .map(|i| full_names.of(names[i]).filter(|&j| j != i).unwrap_or(i))
        .collect();
    let mut merged: Vec<DraftActor> = Vec::new();
    let mut slot_of: Vec<usize> = vec![0; names.len()];
    let mut slot_by_key: HashMap<String, usize> = HashMap::new();
    // Full names first, so a surname used before its full name still joins it.
    let order = (0..names.len())
        .filter(|&i| same[i] == i)
        .chain((0..names.len()).filter(|&i| same[i] != i));
    for i in order {
        let own = &draft.actors[i];
        if same[i] != i {
            let slot = slot_of[same[i]];
            add_alias(&mut merged[slot], &own.name);
            slot_of[i] = slot;
            continue;
        }
        let known = directory.find(&own.name);
        // Two texts of one known actor share its slot.
        let key = known.map_or_else(|| format!("text:{}", own.name), |k| format!("id:{}", k.id));
        if let Some(&slot) = slot_by_key.get(&key) {
            add_alias(&mut merged[slot], &own.name);
            slot_of[i] = slot;
            continue;
        }
        let actor = match known {
            Some(k) => {
                let mut actor = DraftActor {
                    id: k.id.clone(),
                    name: k.name.clone(),
                    kind: k.kind.as_str().to_owned(),
                    role: k.role.clone(),
                    aliases: Vec::new(),
                };
                add_alias(&mut actor, &own.name);
                actor
            }
            // Its id is given below, once the known ids are all taken.
            None => DraftActor {
                id: String::new(),
                ..own.clone()
            },
        };
        slot_by_key.insert(key, merged.len());
        slot_of[i] = merged.len();
        merged.push(actor);
    }
    let mut ids = IdAllocator::new(
        merged
            .iter()
            .filter(|a| !a.id.is_empty())
            .map(|a| a.id.clone()),
    );
    // In first-use order, as the contract allocates them.
    let mut by_first_use: Vec<usize> = (0..merged.len()).collect();
    by_first_use.sort_by_key(|&slot| slot_of.iter().position(|&s| s == slot));
    for slot in by_first_use {
        if merged[slot].id.is_empty() {
            merged[slot].id = ids.allocate(&slug(&merged[slot].name, "source"));
        }
    }
    let new_id: HashMap<String, String> = draft
        .actors
        .iter()
        .zip(&slot_of)
        .map(|(a, &slot)| (a.id.clone(), merged[slot].id.clone()))
        .collect();
    for stance in draft.claims.iter_mut().flat_map(|c| &mut c.stances) {
        if let Some(id) = new_id.get(&stance.actor) {
            stance.actor = id.clone();
        }
    }
    by_first_use_order(&mut merged, &slot_of);
    draft.actors = merged;
}

/// Keeps the actors in the order the article first names them.
fn by_first_use_order(actors: &mut Vec<DraftActor>, slot_of: &[usize]) {
    let mut order: Vec<(usize, DraftActor)> = actors
        .drain(..)
        .enumerate()
        .map(|(slot, a)| {
            (
                slot_of
                    .iter()
                    .position(|&s| s == slot)
                    .unwrap_or(usize::MAX),
                a,
            )
        })
        .collect();
    order.sort_by_key(|(first, _)| *first);
    actors.extend(order.into_iter().map(|(_, a)| a));
}

/// Records `name` as another name of `actor`, unless it is its name or already there.
fn add_alias(actor: &mut DraftActor, name: &str) {
    if actor.name != name && !actor.aliases.iter().any(|a| a == name) {
        actor.aliases.push(name.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft::{DraftClaim, DraftStance};

    /// A draft as the BRAT mapping makes it: ids allocated in first-use order.
    fn draft(names: &[&str]) -> Draft {
        let mut ids = IdAllocator::default();
        let actors: Vec<DraftActor> = names
            .iter()
            .map(|n| DraftActor {
                id: ids.allocate(&slug(n, "source")),
                name: n.to_string(),
                kind: "person".into(),
                role: None,
                aliases: vec![],
            })
            .collect();
        let claims = actors
            .iter()
            .enumerate()
            .map(|(i, a)| DraftClaim {
                id: format!("e{}", i + 1),
                statement: "s".into(),
                quote: None,
                stances: vec![DraftStance {
                    actor: a.id.clone(),
                    cue: None,
                    denies: false,
                }],
            })
            .collect();
        Draft {
            actors,
            claims,
            ..Draft::default()
        }
    }

    fn stance_actors(d: &Draft) -> Vec<&str> {
        d.claims
            .iter()
            .map(|c| c.stances[0].actor.as_str())
            .collect()
    }

    #[test]
    fn a_surname_joins_the_full_name_of_the_same_article() {
        let mut d = draft(&["Brenn", "Ines Halvard", "Oskar Brenn"]);
        resolve(&mut d, &ActorDirectory::default());
        let actors: Vec<(&str, &str, Vec<String>)> = d
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str(), a.aliases.clone()))
            .collect();
        assert_eq!(
            actors,
            [
                ("oskar-brenn", "Oskar Brenn", vec!["Brenn".to_string()]),
                ("ines-halvard", "Ines Halvard", vec![]),
            ]
        );
        assert_eq!(
            stance_actors(&d),
            ["oskar-brenn", "ines-halvard", "oskar-brenn"]
        );
    }

    #[test]
    fn nothing_to_match_changes_nothing() {
        let mut d = draft(&["she", "Ines Halvard", "SHE"]);
        resolve(&mut d, &ActorDirectory::default());
        // "SHE" slugs to "she" as well, so the contract's -2 stays.
        assert_eq!(
            d.actors.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["she", "ines-halvard", "she-2"]
        );
        assert_eq!(stance_actors(&d), ["she", "ines-halvard", "she-2"]);
    }
}
