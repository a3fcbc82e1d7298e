//! Writing a file all at once or not at all: a temporary file in the target's
//! folder, then a rename, so a reader of the target never sees half a file
//! and a failure (disk full, a writer error) leaves nothing behind. Every
//! program write of a user's file goes through here: exports, imports,
//! review edits, suggestions, actor merges.
//!
//! Temporary files alive at any moment are registered, so that a signal
//! handler in the binary can delete them before the process ends
//! ([`remove_temporary_files`]): an interrupted export leaves the old file
//! or the complete new one, never litter.

use std::collections::BTreeSet;
use std::fs::{File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::ExportError;

/// The temporary files being written now. Held while one is created, so a
/// signal handler that takes it (and keeps it) leaves no new one behind. A
/// set, as a run may stage thousands before renaming any ([`stage`]).
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    // A panic elsewhere while holding it leaves the list as valid as before.
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Deletes every temporary file an export is writing now, and keeps new ones
/// from being created for as long as the returned guard lives (those deleted
/// can no longer be renamed into place): call it from a signal handler's thread
/// right before ending the process.
pub fn remove_temporary_files() -> impl Drop {
    let mut files = live();
    for path in std::mem::take(&mut *files) {
        let _ = std::fs::remove_file(path);
    }
    files
}

/// Writes `target` with what `fill` writes. Without `overwrite`, an existing
/// target is left alone and reported as [`ExportError::Exists`], even if it
/// appears while `fill` runs. A regular file that is replaced keeps its
/// permissions (and, for root, its owner).
pub fn write_atomically(
    target: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
) -> Result<(), ExportError> {
    write_file_with(target, overwrite, Sync::Durable, fill)
}

/// Whether a replaced file is flushed to the disk before the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sync {
    /// `fsync` first: after a crash the file is the old one or the new one.
    Durable,
    /// No `fsync` (for thousands of files in one run, where it is the whole
    /// cost): the rename is still atomic for every reader of the running system.
    Fast,
}

/// [`write_atomically`], choosing whether the file is synced before the rename.
pub fn write_file_with(
    target: &Path,
    overwrite: bool,
    sync: Sync,
    fill: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
) -> Result<(), ExportError> {
    stage(target, overwrite, sync, fill)?.commit()
}

/// Writes what `fill` writes to a temporary file beside `target`, closed and
/// ready to be renamed into place by [`Staged::commit`] (dropped, it is
/// deleted). A run that replaces many files keeps each original open until
/// it has staged every file ([`Originals`](super::Originals)): on ext4 without
/// a journal, finding a free inode walks past every inode deleted in the last
/// minutes, so a temporary file created right after each replacement (which
/// deletes the old file) makes the run quadratic in its files.
pub fn stage(
    target: &Path,
    overwrite: bool,
    sync: Sync,
    fill: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
) -> Result<Staged, ExportError> {
    let io_error = |source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    };
    // Checked first as well, so the user is asked before any work is done.
    let existing = target.symlink_metadata().ok();
    if !overwrite && existing.is_some() {
        return Err(ExportError::Exists(target.to_path_buf()));
    }
    let (file, temp) = Temporary::beside(target).map_err(io_error)?;
    let mut out = BufWriter::new(&file);
    fill(&mut out).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    drop(out);
    if let Some(meta) = existing.filter(Metadata::is_file) {
        keep_owner_and_mode(&file, &meta).map_err(io_error)?;
    }
    if sync == Sync::Durable {
        file.sync_all().map_err(io_error)?;
    }
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
        overwrite,
    })
}

/// A file written in full beside its target, not yet in place.
pub struct Staged {
    temp: Temporary,
    target: PathBuf,
    overwrite: bool,
}

impl Staged {
    /// The file this one replaces (or creates) when committed.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the file into place: the complete new file, or an error and the
    /// target as it was.
    pub fn commit(self) -> Result<(), ExportError> {
        self.temp.persist(&self.target, self.overwrite)
    }
}

/// A registered temporary file, closed once written; dropping it deletes it.
struct Temporary {
    /// `None` once renamed into place.
    file: Option<tempfile::TempPath>,
    path: PathBuf,
}

impl Temporary {
    /// A hidden temporary file in the target's folder (a rename across file
    /// systems would not be atomic), with the permissions a new file normally
    /// gets, and the open file to write it through.
    fn beside(target: &Path) -> io::Result<(File, Temporary)> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".whosaid-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // 0666 less the umask, as for any file the user creates, instead of
            // tempfile's private 0600.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let mut files = live();
        let (file, temp) = builder.tempfile_in(dir)?.into_parts();
        let path = temp.to_path_buf();
        files.insert(path.clone());
        Ok((
            file,
            Temporary {
                file: Some(temp),
                path,
            },
        ))
    }

    /// Renames the file into place. The rename runs without the list held: on
    /// ext4 replacing a file can wait milliseconds for the old one's blocks, and
    /// held, the list would make many writers wait in turn. A signal handler
    /// deleting the file at the same moment is still safe: the rename and the
    /// deletion are each atomic, so the target is the complete new file (the
    /// deletion then finds nothing) or the old one (the rename then fails).
    fn persist(mut self, target: &Path, overwrite: bool) -> Result<(), ExportError> {
        let Some(file) = self.file.take() else {
            return Err(ExportError::Io {
                path: target.to_path_buf(),
                source: io::Error::other("the temporary file is gone"),
            });
        };
        let persisted = if overwrite {
            file.persist(target)
        } else {
            file.persist_noclobber(target)
        };
        // On failure the temporary file comes back in the error and is deleted
        // with it, before it is forgotten.
        let persisted = persisted.map_err(|e| e.error);
        live().remove(&self.path);
        match persisted {
            Ok(()) => Ok(()),
            Err(e) if !overwrite && e.kind() == io::ErrorKind::AlreadyExists => {
                Err(ExportError::Exists(target.to_path_buf()))
            }
            Err(source) => Err(ExportError::Io {
                path: target.to_path_buf(),
                source,
            }),
        }
    }
}

impl Drop for Temporary {
    /// Deletes the file, if not renamed, and forgets it, both under the lock.
    fn drop(&mut self) {
        let mut files = live();
        drop(self.file.take());
        files.remove(&self.path);
    }
}

/// Gives the new file the replaced one's mode and, where we may, its owner.
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; for anyone else the owner is already them.
        let mine = file.metadata()?;
        if (mine.uid(), mine.gid()) != (old.uid(), old.gid()) {
            let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
        }
    }
    Ok(())
}
