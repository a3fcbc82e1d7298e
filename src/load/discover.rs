//! Which files are articles, and what their ids are.

use std::fs;
use std::path::{Path, PathBuf};

use super::{SourceFile, UsageError};
use crate::model::ArticleId;

/// Finds the article files under each root (folders recursively, hidden entries
/// skipped, non-`.toml` ignored), in id order. Two files with one id is a usage error.
///
/// Nothing here opens a file, so nothing here can block. Whatever is not plainly
/// an article file is still listed, so that loading it gives a diagnostic
/// instead of silence: a `.toml` FIFO, socket or device, a `.toml` link that
/// leads nowhere or in a circle, and a folder that cannot be listed (its id
/// ends in `/`, so it never collides with an article's).
pub fn discover(roots: &[PathBuf]) -> Result<Vec<SourceFile>, UsageError> {
    let mut found = Vec::new();
    for root in roots {
        // A named link that leads nowhere exists as a link: a diagnostic, not a usage error.
        let meta = fs::metadata(root).or_else(|_| fs::symlink_metadata(root));
        let meta = meta.map_err(|_| UsageError::NotFound(root.clone()))?;
        if meta.is_dir() {
            walk(root, root, &mut found);
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

fn walk(root: &Path, dir: &Path, found: &mut Vec<SourceFile>) {
    let Ok(entries) = fs::read_dir(dir) else {
        found.push(unlistable(root, dir));
        return;
    };
    for entry in entries {
        let Ok(entry) = entry else {
            found.push(unlistable(root, dir));
            return;
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // `entry.path()` would keep the slack of growing the folder's path by the name
        // (16 bytes a file, 1.6 MB of 100,000 paths held while the index is checked).
        let name = entry.file_name();
        let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
        path.push(dir);
        path.push(&name);
        // Symlinked folders are not followed: a link loop must not hang the scan.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(root, &path, found);
        } else if path.extension().is_some_and(|e| e == "toml")
            // The entry's type comes with the listing; only a link costs a stat.
            && !(kind.is_symlink() && path.is_dir())
        {
            let id = relative_id(root, &path);
            found.push(SourceFile { path, id });
        }
    }
}

/// The article file `path` below the folder `root`, as [`discover`] would name it, or
/// `None` for what a scan skips (another extension, a name starting with `.` on the way,
/// a path outside `root`). The file need not exist: a watcher names deleted files too.
pub fn source_below(root: &Path, path: &Path) -> Option<SourceFile> {
    let relative = path.strip_prefix(root).ok()?;
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    if hidden || path.extension().is_none_or(|e| e != "toml") {
        return None;
    }
    Some(SourceFile {
        id: relative_id(root, path),
        path: path.to_path_buf(),
    })
}

/// A folder that could not be listed, as a source whose loading says why.
fn unlistable(root: &Path, dir: &Path) -> SourceFile {
    let id = relative_id(root, dir);
    SourceFile {
        id: ArticleId::new(format!("{id}/")),
        path: dir.to_path_buf(),
    }
}

/// `root/world/kremlin-call.toml` → `world/kremlin-call`, with `/` on every platform.
fn relative_id(root: &Path, path: &Path) -> ArticleId {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let relative = if relative.extension().is_some_and(|e| e == "toml") {
        relative.with_extension("")
    } else {
        relative.to_path_buf()
    };
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
