//! `export --output FILE`: where the export goes, decided as a shell's `>`
//! would, but safer. A link is followed and the file it leads to is replaced
//! atomically (the link stays a link); a regular file is replaced atomically
//! and keeps its permissions; a FIFO or a character device is written to
//! directly, never replaced; a socket, a block device or a folder is refused,
//! and so is a file the user could not open for writing and anything inside
//! the articles being exported.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::ExportError;
use super::atomic::write_atomically;

/// Links followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Writes what `fill` writes to `target`, refusing a target inside any of
/// `protected` (folders exported from, files exported, the articles folder).
pub fn write_output(
    target: &Path,
    protected: &[PathBuf],
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let refuse = |why: &str| ExportError::Io {
        path: target.to_path_buf(),
        source: io::Error::other(why.to_string()),
    };
    let resolved = follow_links(target).map_err(|source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    })?;
    refuse_protected(target, &resolved, protected)?;
    let meta = match resolved.symlink_metadata() {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return write_atomically(&resolved, true, |out| fill(out));
        }
        Err(source) => {
            return Err(ExportError::Io {
                path: target.to_path_buf(),
                source,
            });
        }
    };
    let kind = meta.file_type();
    if kind.is_file() {
        // Refused up front, as `>` would be: the rename would otherwise
        // replace a file its owner made read-only.
        writable(&resolved).map_err(|source| ExportError::Io {
            path: target.to_path_buf(),
            source,
        })?;
        return write_atomically(&resolved, true, |out| fill(out));
    }
    if is_stream(&kind) {
        return write_through(&resolved, fill).map_err(|source| ExportError::Io {
            path: target.to_path_buf(),
            source,
        });
    }
    Err(refuse(&format!(
        "it is {}; only a file, a FIFO or a character device can take an export",
        crate::load::file_kind(&kind)
    )))
}

/// A FIFO or a character device: written in place, as `>` does.
fn is_stream(kind: &fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_fifo() || kind.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

/// Opens and writes a FIFO or device directly (a FIFO waits for its reader
/// here, as with `>`; a signal ends the wait).
fn write_through(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = OpenOptions::new().write(true).open(path)?;
    let mut out = BufWriter::with_capacity(64 * 1024, file);
    fill(&mut out)?;
    out.flush()
}

/// Whether the user may open `path` for writing; opens without truncating.
fn writable(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).open(path)
}

/// The path a chain of links leads to (the path itself when it is no link);
/// the last one may not exist yet, as `>` creates it.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match at.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("a symbolic link that loops"))
}

/// Refuses a target inside (or equal to) one of `protected`, compared after
/// resolving links and `..` on both sides.
fn refuse_protected(
    target: &Path,
    resolved: &Path,
    protected: &[PathBuf],
) -> Result<(), ExportError> {
    let Some(canonical) = canonical_target(resolved) else {
        return Ok(());
    };
    for root in protected {
        let Ok(root_canonical) = root.canonicalize() else {
            continue;
        };
        let inside = if root_canonical.is_dir() {
            canonical.starts_with(&root_canonical)
        } else {
            canonical == root_canonical
        };
        if inside {
            return Err(ExportError::InsideArticles {
                target: target.to_path_buf(),
                articles: root.clone(),
            });
        }
    }
    Ok(())
}

/// The canonical form of a path whose last part may not exist yet.
fn canonical_target(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = path.canonicalize() {
        return Some(path);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(dir.canonicalize().ok()?.join(name))
}
