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

use std::fs::{File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::ExportError;

/// The temporary files being written now. Held while one is created, so a
/// signal handler that takes it (and keeps it) leaves no new one behind.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while holding it leaves the list as valid as before.
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Deletes every temporary file an export is writing now, and keeps new ones
/// from being created for as long as the returned guard lives (those deleted
/// can no longer be renamed into place): call it from a signal handler's thread
/// right before ending the process.
pub fn remove_temporary_files() -> impl Drop {
    let mut files = live();
    for path in files.drain(..) {
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
    let io_error = |source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    };
    // Checked first as well, so the user is asked before any work is done.
    let existing = target.symlink_metadata().ok();
    if !overwrite && existing.is_some() {
        return Err(ExportError::Exists(target.to_path_buf()));
    }
    let temp = Temporary::beside(target).map_err(io_error)?;
    let file = temp.as_file().map_err(io_error)?;
    let mut out = BufWriter::new(file);
    fill(&mut out).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    drop(out);
    if let Some(meta) = existing.filter(Metadata::is_file) {
        keep_owner_and_mode(file, &meta).map_err(io_error)?;
    }
    if sync == Sync::Durable {
        file.sync_all().map_err(io_error)?;
    }
    temp.persist(target, overwrite)
}

/// A registered temporary file; dropping it deletes it.
struct Temporary {
    /// `None` once renamed into place.
    file: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl Temporary {
    /// A hidden temporary file in the target's folder (a rename across file
    /// systems would not be atomic), with the permissions a new file normally gets.
    fn beside(target: &Path) -> io::Result<Temporary> {
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
        let file = builder.tempfile_in(dir)?;
        let path = file.path().to_path_buf();
        files.push(path.clone());
        Ok(Temporary {
            file: Some(file),
            path,
        })
    }

    fn as_file(&self) -> io::Result<&File> {
        match &self.file {
            Some(file) => Ok(file.as_file()),
            None => Err(io::Error::other("the temporary file is gone")),
        }
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
        live().retain(|p| *p != self.path);
        match persisted {
            Ok(_) => Ok(()),
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
        files.retain(|p| *p != self.path);
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
