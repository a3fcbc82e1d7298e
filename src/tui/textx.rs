//! Stand-in for the `whosaid::text` helpers that land in main shortly; deleted after the merge.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

pub use whosaid::text::{sanitize, width};

/// Cuts `s` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` followed by spaces up to `cols` columns (unchanged when already wider).
pub fn pad(s: &str, cols: usize) -> String {
    let w = width(s);
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Greedy word wrap of `s` to `cols` columns: byte ranges of `s`, one per line,
/// white space at the break left out; a word wider than a line is split by graphemes.
pub fn wrap(s: &str, cols: usize) -> Vec<Range<usize>> {
    let cols = cols.max(1);
    let mut lines = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut used = 0;
    for (i, word) in s.split_word_bound_indices() {
        let is_space = word.chars().all(char::is_whitespace);
        if is_space {
            if start.is_some() {
                used += 1;
            }
            continue;
        }
        let w = width(word);
        match start {
            None => {
                start = Some(i);
                used = 0;
            }
            Some(st) if used + w > cols => {
                lines.push(st..end);
                start = Some(i);
                used = 0;
            }
            Some(_) => {}
        }
        if w > cols {
            for (gi, g) in word.grapheme_indices(true) {
                let gw = width(g);
                if used + gw > cols && used > 0 {
                    lines.push(start.unwrap_or(i)..i + gi);
                    start = Some(i + gi);
                    used = 0;
                }
                used += gw;
            }
        } else {
            used += w;
        }
        end = i + word.len();
    }
    if let Some(st) = start {
        lines.push(st..end);
    }
    lines
}
