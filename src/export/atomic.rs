//! Writing a file all at once or not at all: a temporary file in the target's
//! folder, then a rename, so a reader of the target never sees half an export
//! and a failure (disk full, a writer error) leaves nothing behind.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::ExportError;

/// Writes `target` with what `fill` writes. Without `overwrite`, an existing
/// target is left alone and reported as [`ExportError::Exists`], even if it
/// appears while `fill` runs.
pub fn write_atomically(
    target: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
) -> Result<(), ExportError> {
    let io_error = |source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    };
    // Checked first as well, so the user is asked before any work is done.
    if !overwrite && target.symlink_metadata().is_ok() {
        return Err(ExportError::Exists(target.to_path_buf()));
    }
    let temp = temp_file_beside(target).map_err(io_error)?;
    // On any early return `temp` is dropped, which deletes the temporary file.
    let mut out = BufWriter::new(temp.as_file());
    fill(&mut out).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    drop(out);
    temp.as_file().sync_all().map_err(io_error)?;
    let persisted = if overwrite {
        temp.persist(target)
    } else {
        temp.persist_noclobber(target)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if !overwrite && e.error.kind() == io::ErrorKind::AlreadyExists => {
            Err(ExportError::Exists(target.to_path_buf()))
        }
        Err(e) => Err(io_error(e.error)),
    }
}

/// A hidden temporary file in the target's folder (a rename across file
/// systems would not be atomic), with the permissions a new file normally gets.
fn temp_file_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".whosaid-export-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // 0666 less the umask, as for any file the user creates, instead of
        // tempfile's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}
