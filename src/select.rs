//! Choosing articles by id (`export --article ID`), and what to say when an id
//! names no article: the id meant, or how ids come from paths when the id would
//! match below another folder.

use std::fmt;
use std::path::PathBuf;

use crate::load::SourceFile;
use crate::model::ArticleId;

/// An `--article` id that names no file, with what may have been meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    pub wanted: String,
    pub hint: Hint,
}

/// What an unknown id may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// The same file seen from another root: its id there, and its path.
    OtherRoot {
        id: ArticleId,
        path: PathBuf,
    },
    /// An id within edit distance 2.
    Closest(ArticleId),
    None,
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let wanted = crate::text::sanitize(&self.wanted);
        write!(f, "no article has the id `{wanted}`")?;
        match &self.hint {
            Hint::OtherRoot { id, path } => write!(
                f,
                "; did you mean `{}` ({})? An article's id is its file's path below the \
                 folder it was found in (a folder named on the command line, else the \
                 articles folder), without `.toml`",
                crate::text::sanitize(id.as_str()),
                crate::text::path(path),
            ),
            Hint::Closest(id) => {
                write!(
                    f,
                    "; did you mean `{}`?",
                    crate::text::sanitize(id.as_str())
                )
            }
            Hint::None => Ok(()),
        }
    }
}

impl std::error::Error for UnknownId {}

/// Keeps the sources whose ids `wanted` names, in their order (all of them when
/// `wanted` is empty); the first id that names no source is the error.
pub fn by_id(sources: Vec<SourceFile>, wanted: &[String]) -> Result<Vec<SourceFile>, UnknownId> {
    if wanted.is_empty() {
        return Ok(sources);
    }
    let ids: std::collections::HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    if let Some(missing) = wanted.iter().find(|id| !ids.contains(id.as_str())) {
        return Err(UnknownId {
            wanted: missing.clone(),
            hint: hint(&sources, missing),
        });
    }
    let wanted: std::collections::HashSet<&str> = wanted.iter().map(String::as_str).collect();
    Ok(sources
        .into_iter()
        .filter(|s| wanted.contains(s.id.as_str()))
        .collect())
}

/// What `wanted` may have meant among `sources`: the same path with a folder
/// more or less in front (`world/x` for `x`, or `x` for `world/x`) first, then
/// the nearest id by edit distance.
fn hint(sources: &[SourceFile], wanted: &str) -> Hint {
    let other_root = sources.iter().find(|s| {
        let id = s.id.as_str();
        ends_with_part(id, wanted) || ends_with_part(wanted, id)
    });
    if let Some(source) = other_root {
        return Hint::OtherRoot {
            id: source.id.clone(),
            path: source.path.clone(),
        };
    }
    sources
        .iter()
        .map(|s| (strsim::levenshtein(wanted, s.id.as_str()), &s.id))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map_or(Hint::None, |(_, id)| Hint::Closest(id.clone()))
}

/// Whether `long` is `…/short`: `short` is its last path parts.
fn ends_with_part(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes()[long.len() - short.len() - 1] == b'/'
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sources(ids: &[&str]) -> Vec<SourceFile> {
        ids.iter()
            .map(|id| SourceFile {
                path: PathBuf::from(format!("articles/{id}.toml")),
                id: ArticleId::new(id),
            })
            .collect()
    }

    fn ids(kept: &[SourceFile]) -> Vec<&str> {
        kept.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn known_ids_keep_their_files_in_order() {
        let all = sources(&["a", "world/b", "world/c"]);
        let kept = by_id(all, &["world/c".into(), "a".into()]).unwrap();
        assert_eq!(ids(&kept), ["a", "world/c"]);
        assert_eq!(ids(&by_id(sources(&["a"]), &[]).unwrap()), ["a"]);
    }

    #[test]
    fn an_id_below_another_root_is_pointed_at() {
        let err = by_id(sources(&["world/kremlin-call"]), &["kremlin-call".into()]).unwrap_err();
        assert_eq!(
            err.hint,
            Hint::OtherRoot {
                id: ArticleId::new("world/kremlin-call"),
                path: PathBuf::from("articles/world/kremlin-call.toml")
            }
        );
        let text = err.to_string();
        assert!(text.starts_with("no article has the id `kremlin-call`; did you mean `world/kremlin-call` (articles/world/kremlin-call.toml)?"), "{text}");
        assert!(
            text.contains("path below the folder it was found in"),
            "{text}"
        );
        // The other way round: a root named deeper than the id assumed.
        let err = by_id(sources(&["x"]), &["world/x".into()]).unwrap_err();
        assert!(matches!(err.hint, Hint::OtherRoot { ref id, .. } if id.as_str() == "x"));
        // A mere suffix of a name is not another root.
        let err = by_id(sources(&["world/xx"]), &["x".into()]).unwrap_err();
        assert!(!matches!(err.hint, Hint::OtherRoot { .. }));
    }

    #[test]
    fn a_typo_gets_the_nearest_id() {
        let err = by_id(
            sources(&["world/kremlin-call", "zeta"]),
            &["world/kremlin-cal".into()],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no article has the id `world/kremlin-cal`; did you mean `world/kremlin-call`?"
        );
        let err = by_id(sources(&["zeta"]), &["something-else".into()]).unwrap_err();
        assert_eq!(err.to_string(), "no article has the id `something-else`");
    }
}
