//! Grapheme- and width-aware text helpers: sanitise, measure, truncate, wrap.

use std::borrow::Cow;

/// Makes text safe to print on a terminal: control characters become visible.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
