//! Which files are articles, and what their ids are.

use std::fs;
use std::path::{Path, PathBuf};

use super::{SourceFile, UsageError};
use crate::model::ArticleId;

/// Finds the article files under each root (folders recursively, hidden entries
/// skipped, non-`.toml` ignored), in id order. Two files with one id is a usage error.
pub fn discover(roots: &[PathBuf]) -> Result<Vec<SourceFile>, UsageError> {
    let mut found = Vec::new();
    for root in roots {
        let meta = fs::metadata(root).map_err(|_| UsageError::NotFound(root.clone()))?;
        if meta.is_dir() {
            walk(root, root, &mut found)?;
        } else {
            found.push(SourceFile {
                id: ArticleId::new(file_stem(root)),
                path: root.clone(),
            });
        }
    }
    found.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    if let Some(pair) = found.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(UsageError::DuplicateId {
            id: pair[1].id.clone(),
            first: pair[0].path.clone(),
            second: pair[1].path.clone(),
        });
    }
    Ok(found)
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<SourceFile>) -> Result<(), UsageError> {
    let unreadable = |e: std::io::Error| UsageError::Unreadable {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    };
    for entry in fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Symlinked folders are not followed: a link loop must not hang the scan.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(root, &path, found)?;
        } else if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            let id = relative_id(root, &path);
            found.push(SourceFile { path, id });
        }
    }
    Ok(())
}

/// `root/world/kremlin-call.toml` → `world/kremlin-call`, with `/` on every platform.
fn relative_id(root: &Path, path: &Path) -> ArticleId {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<_> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    ArticleId::new(parts.join("/"))
}

fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.strip_suffix(".toml").unwrap_or(&name).to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("world/europe")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::write(root.join("world/europe/b.toml"), "").unwrap();
        fs::write(root.join("a.toml"), "").unwrap();
        fs::write(root.join(".hidden.toml"), "").unwrap();
        fs::write(root.join(".git/x.toml"), "").unwrap();
        fs::write(root.join("notes.txt"), "").unwrap();
        let found = discover(&[root.to_path_buf()]).unwrap();
        let ids: Vec<_> = found.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "world/europe/b"]);
        assert_eq!(found[1].path, root.join("world/europe/b.toml"));
    }

    #[test]
    fn a_file_named_alone_is_its_own_id() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.y.toml");
        fs::write(&file, "").unwrap();
        let found = discover(std::slice::from_ref(&file)).unwrap();
        assert_eq!(found[0].id.as_str(), "x.y");
    }

    #[test]
    fn the_same_id_twice_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("one")).unwrap();
        fs::write(dir.path().join("one/a.toml"), "").unwrap();
        fs::write(dir.path().join("a.toml"), "").unwrap();
        let roots = [dir.path().join("one"), dir.path().join("a.toml")];
        assert!(matches!(
            discover(&roots),
            Err(UsageError::DuplicateId { .. })
        ));
    }

    #[test]
    fn a_missing_path_is_a_usage_error() {
        let missing = PathBuf::from("/no/such/folder");
        assert_eq!(
            discover(std::slice::from_ref(&missing)),
            Err(UsageError::NotFound(missing))
        );
    }
}
