//! What feed imports share: the items already imported (by `feed_item_id`,
//! read once from every article below the root) and the file names taken in
//! each folder, so two items with one title get two files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::slug::IdAllocator;

/// Feed items known and names taken; filled on first use, then kept up to date.
pub struct FeedState {
    root: PathBuf,
    known: Option<HashMap<String, PathBuf>>,
    names: HashMap<String, IdAllocator>,
}

impl FeedState {
    pub fn new(root: &Path) -> Self {
        FeedState {
            root: root.to_path_buf(),
            known: None,
            names: HashMap::new(),
        }
    }

    /// The file of the item with this identity, if one was imported before.
    pub fn known(&mut self, identity: &str) -> Option<PathBuf> {
        let root = &self.root;
        self.known
            .get_or_insert_with(|| scan(root))
            .get(identity)
            .cloned()
    }

    /// Records an item just written.
    pub fn remember(&mut self, identity: String, path: PathBuf) {
        let root = &self.root;
        self.known
            .get_or_insert_with(|| scan(root))
            .insert(identity, path);
    }

    /// A fresh article id `folder/name` (or `name`) from `base`, unused in that folder.
    pub fn allocate(&mut self, folder: &str, base: &str) -> String {
        let root = &self.root;
        let names = self
            .names
            .entry(folder.to_owned())
            .or_insert_with(|| IdAllocator::new(stems(&root.join(folder))));
        let name = names.allocate(base);
        if folder.is_empty() {
            name
        } else {
            format!("{}/{name}", folder.trim_end_matches('/'))
        }
    }
}

/// Names (without `.toml`) of the article files in `dir`.
fn stems(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            name.strip_suffix(".toml").map(str::to_owned)
        })
        .collect()
}

#[derive(serde::Deserialize)]
struct Identity {
    feed_item_id: Option<String>,
}

/// `feed_item_id` → file, for every article below `root` that has one.
/// Each file is read once; only those that mention the key are parsed.
fn scan(root: &Path) -> HashMap<String, PathBuf> {
    let mut known = HashMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(dir) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml")
                && let Some(id) = identity_of(&path)
            {
                known.insert(id, path);
            }
        }
    }
    known
}

fn identity_of(path: &Path) -> Option<String> {
    // Only regular files, as the loader reads them: a FIFO must not hang an import.
    let bytes = crate::load::read_bounded(path).ok()?;
    memchr::memmem::find(&bytes, b"feed_item_id")?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    toml::from_str::<Identity>(text).ok()?.feed_item_id
}
