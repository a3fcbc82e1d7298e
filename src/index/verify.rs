//! Bringing the index up to date with the files: every file's size, modification
//! time and content hash compared, only what changed parsed again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::UNIX_EPOCH;

use rusqlite::Connection;

use super::store::{self, Stat, Texts, Writer};
use crate::load::{self, Loaded, SourceFile};
use crate::model::ArticleId;

/// What a verification changed in the index, by article id (each list in id order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Files the index did not hold.
    pub inserted: Vec<ArticleId>,
    /// Files whose content differs from what the index held.
    pub replaced: Vec<ArticleId>,
    /// Files the index held that are gone.
    pub removed: Vec<ArticleId>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.inserted.is_empty() && self.replaced.is_empty() && self.removed.is_empty()
    }
}

/// How far a verification has come: files compared so far, of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What the index held for one file.
#[derive(Clone, Copy)]
struct Held {
    num: i64,
    stat: Stat,
}

/// A worker's verdict on one file.
enum Verdict {
    Same,
    /// Same bytes, other size or time: only the stat is recorded again.
    Touched(Stat),
    Changed(Stat, Box<(Loaded, Texts)>),
}

/// The path as stored: its bytes, so a name that is not UTF-8 survives.
pub fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

pub fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

fn stat_of(meta: &std::fs::Metadata, bytes: &[u8]) -> Stat {
    let mtime = meta
        .modified()
        .ok()
        .map_or(0, |t| match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i64,
            Err(e) => -(e.duration().as_nanos() as i64),
        });
    Stat {
        size: meta.len() as i64,
        mtime,
        hash: xxhash_rust::xxh3::xxh3_64(bytes) as i64,
    }
}

fn changed(stat: Stat, loaded: Loaded) -> Verdict {
    let texts = store::texts(loaded.article.as_ref());
    Verdict::Changed(stat, Box::new((loaded, texts)))
}

/// Reads, hashes and (when it differs from `held`) parses one file.
fn judge(source: &SourceFile, held: Option<&Stat>) -> Verdict {
    match load::read_regular(&source.path) {
        Ok((bytes, meta)) => {
            let stat = stat_of(&meta, &bytes);
            match held {
                Some(old) if *old == stat => Verdict::Same,
                Some(old) if old.hash == stat.hash => Verdict::Touched(stat),
                _ => changed(stat, load::load_bytes(source, &bytes)),
            }
        }
        // Unreadable, not a regular file, too big: the loader words the error.
        Err(_) => {
            let stat = Stat {
                size: -1,
                mtime: 0,
                hash: 0,
            };
            match held {
                Some(old) if *old == stat => Verdict::Same,
                _ => changed(stat, load::load_file(source)),
            }
        }
    }
}

/// Compares every file under `root` with the index and rewrites what differs, in
/// one write transaction. Files are read, hashed and parsed on all cores; this
/// thread writes. `progress` is called from this thread.
pub fn verify(
    conn: &Connection,
    root: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Changes, super::Error> {
    let sources = load::discover(&[root.to_path_buf()])?;
    // Take the write lock first, so what is compared is what gets replaced.
    super::begin_immediate(conn)?;
    let result = apply(conn, &sources, progress);
    match result {
        Ok(changes) => {
            conn.execute_batch("COMMIT")?;
            Ok(changes)
        }
        Err(err) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(err)
        }
    }
}

/// Files the index holds that are not on disk: their numbers and ids.
type Gone = Vec<(i64, String)>;

/// What the index holds for each of `sources` (sorted by id, as [`load::discover`]
/// gives them), by position, and the files it holds that are not among them. Found by
/// halving in `sources` rather than through a map of every id (~8 MB at 100,000 files).
fn held(conn: &Connection, sources: &[SourceFile]) -> rusqlite::Result<(Vec<Option<Held>>, Gone)> {
    let mut held = vec![None; sources.len()];
    let mut gone = Vec::new();
    let mut stmt = conn.prepare("SELECT id, num, size, mtime, hash FROM files")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str()?;
        let num = r.get(1)?;
        let at = sources.binary_search_by(|s| s.id.as_str().cmp(id));
        match at {
            Ok(at) => {
                held[at] = Some(Held {
                    num,
                    stat: Stat {
                        size: r.get(2)?,
                        mtime: r.get(3)?,
                        hash: r.get(4)?,
                    },
                });
            }
            Err(_) => gone.push((num, id.to_string())),
        }
    }
    Ok((held, gone))
}

fn apply(
    conn: &Connection,
    sources: &[SourceFile],
    progress: &mut dyn FnMut(Progress),
) -> Result<Changes, super::Error> {
    let (held, gone) = held(conn, sources)?;
    let mut writer = Writer::new(conn)?;
    let mut changes = Changes::default();
    let total = sources.len();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let next = AtomicUsize::new(0);
    // Bounded, so parsed articles wait in the channel only as long as the writer needs.
    let (send, receive) = mpsc::sync_channel::<(usize, Verdict)>(256);
    std::thread::scope(|scope| -> Result<(), super::Error> {
        for _ in 0..threads {
            let send = send.clone();
            let (next, held) = (&next, &held);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = sources.get(i) else { break };
                    let stat = held[i].as_ref().map(|h| &h.stat);
                    if send.send((i, judge(source, stat))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut done = 0;
        for (i, verdict) in receive {
            let source = &sources[i];
            let old = held[i];
            match verdict {
                Verdict::Same => {}
                Verdict::Touched(stat) => {
                    if let Some(old) = &old {
                        writer.touch(old.num, stat)?;
                    }
                }
                Verdict::Changed(stat, parsed) => {
                    let (loaded, texts) = &*parsed;
                    if let Some(old) = &old {
                        writer.remove(old.num)?;
                        changes.replaced.push(source.id.clone());
                    } else {
                        changes.inserted.push(source.id.clone());
                    }
                    writer.insert(&path_bytes(&source.path), stat, loaded, texts)?;
                }
            }
            done += 1;
            if done % 256 == 0 || done == total {
                progress(Progress { done, total });
            }
        }
        Ok(())
    })?;
    // Whatever the index still holds was not found on disk.
    for (num, id) in gone {
        writer.remove(num)?;
        changes.removed.push(ArticleId::new(id));
    }
    writer.finish()?;
    changes.inserted.sort();
    changes.replaced.sort();
    changes.removed.sort();
    Ok(changes)
}
