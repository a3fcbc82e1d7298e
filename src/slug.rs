//! Ids made from free text (a source's name, a headline), as FORMAT.md's import section spells them.

use std::collections::HashSet;

/// The longest id the format allows, in bytes.
pub const MAX_ID: usize = 64;

/// The id FORMAT.md derives from a text: ASCII lower case, every run of
/// characters outside `[a-z0-9]` replaced by `-`, trimmed of `-`, cut to
/// 64 bytes and trimmed again; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_ID));
    let mut dash = false;
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
            if out.len() >= MAX_ID {
                break;
            }
        } else {
            dash = true;
        }
    }
    cut(&mut out, MAX_ID);
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Hands out ids that never repeat one already taken: `base`, then `base-2`,
/// `base-3` …, cutting `base` further where the suffix would pass 64 bytes.
#[derive(Debug, Default)]
pub struct IdAllocator {
    taken: HashSet<String>,
}

impl IdAllocator {
    /// An allocator that will never hand out any of `taken`.
    pub fn new<I, S>(taken: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            taken: taken.into_iter().map(Into::into).collect(),
        }
    }

    /// Whether `id` is taken already.
    pub fn is_taken(&self, id: &str) -> bool {
        self.taken.contains(id)
    }

    /// Marks `id` as taken (an id that exists elsewhere, say).
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_owned());
    }

    /// A fresh id from `base` (already a valid id), now taken.
    pub fn allocate(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        // Linear in the number of collisions of this base, which is what we
        // must hand out anyway; ids seen are kept in the hash set.
        let mut n = 2u64;
        loop {
            let suffix = format!("-{n}");
            let mut stem = base.to_owned();
            cut(&mut stem, MAX_ID - suffix.len());
            let id = format!("{stem}{suffix}");
            if self.taken.insert(id.clone()) {
                return id;
            }
            n += 1;
        }
    }
}

/// Cuts `s` (ASCII after `slug`, but stay safe) to at most `max` bytes on a
/// character boundary, then trims the `-` the cut may leave at the end.
fn cut(s: &mut String, max: usize) {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    while s.ends_with('-') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_contract() {
        assert_eq!(slug("Dmitry Peskov", "source"), "dmitry-peskov");
        assert_eq!(
            slug("  O’Malley’s campaign!", "source"),
            "o-malley-s-campaign"
        );
        assert_eq!(slug("“—”", "source"), "source");
        assert_eq!(slug("Zoë Ab", "x"), "zo-ab");
        let long = "a".repeat(63) + " b";
        assert_eq!(slug(&long, "x"), "a".repeat(63));
    }

    #[test]
    fn collisions_get_numbered_suffixes_within_64_bytes() {
        let mut ids = IdAllocator::new(["peskov"]);
        assert_eq!(ids.allocate("peskov"), "peskov-2");
        assert_eq!(ids.allocate("peskov"), "peskov-3");
        let long = "b".repeat(64);
        assert_eq!(ids.allocate(&long), long);
        assert_eq!(ids.allocate(&long), format!("{}-2", "b".repeat(62)));
    }
}
