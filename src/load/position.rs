//! Byte offsets → line and column (from 1; columns in Unicode scalar values), and
//! the bounded excerpt of the line that a diagnostic shows.
//!
//! Everything here costs O(file size) in all, however many spans and however
//! long a line: a 4 MB one-line file must not be copied once per diagnostic.

use std::ops::Range;

use super::Site;

/// Scalar values of context shown before the caret, at most.
pub const EXCERPT_BEFORE: usize = 40;
/// Scalar values of a source line shown per diagnostic, at most.
pub const EXCERPT_WIDTH: usize = 120;

impl Site {
    /// Line 1, column 1: where whole-file problems are reported.
    pub fn start() -> Site {
        Site {
            line: 1,
            column: 1,
            width: 1,
            source_line: String::new(),
            excerpt_column: 1,
            excerpt_cut: false,
        }
    }
}

/// The site of `span` in `text`: its line, column, an excerpt of the line and
/// how many scalar values the span covers there.
pub fn site(text: &str, span: Range<usize>) -> Site {
    sites(text, std::slice::from_ref(&span))
        .pop()
        .unwrap_or_else(Site::start)
}

/// The sites of several spans, sorted by start, in one pass over the text.
pub fn sites(text: &str, spans: &[Range<usize>]) -> Vec<Site> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(spans.len());
    // Line and column of `scanned`, carried forward: no span rescans the text.
    let (mut line, mut line_start, mut column, mut scanned) = (1, 0, 0, 0);
    for span in spans {
        let start = floor_char_boundary(text, span.start.min(text.len()).max(scanned));
        for (i, &b) in bytes[scanned..start].iter().enumerate() {
            if b == b'\n' {
                line += 1;
                line_start = scanned + i + 1;
                column = 0;
            } else if !is_continuation(b) {
                column += 1;
            }
        }
        scanned = start;
        out.push(excerpt(text, line, line_start, column + 1, start, span.end));
    }
    out
}

/// The site at `start` (already on `line`, at `column`): the whole line when
/// it has at most `EXCERPT_WIDTH` scalar values, else a window of that many
/// with `EXCERPT_BEFORE` of them before the caret. Scans only the window.
fn excerpt(
    text: &str,
    line: usize,
    line_start: usize,
    column: usize,
    start: usize,
    end: usize,
) -> Site {
    let rest = &text[start..];
    // Scalar values from the caret to the line's end, counted up to one past the window.
    // (A CR before the LF is the line ending, not text.)
    let (to_end, last) = rest
        .chars()
        .take_while(|&c| c != '\n')
        .take(EXCERPT_WIDTH + 2)
        .fold((0, None), |(n, _), c| (n + 1, Some(c)));
    let to_end = to_end - usize::from(last == Some('\r') && to_end <= EXCERPT_WIDTH + 1);
    let whole = column - 1 + to_end <= EXCERPT_WIDTH;
    let context = if whole {
        column - 1
    } else {
        (column - 1).min(EXCERPT_BEFORE)
    };
    let from = text[line_start..start]
        .char_indices()
        .rev()
        .take(context)
        .last()
        .map_or(start, |(i, _)| line_start + i);
    // A whole line may end in a CR, one more than the window.
    let after = if whole {
        EXCERPT_WIDTH + 1
    } else {
        EXCERPT_WIDTH - context
    };
    let (stop, cut) = match rest
        .char_indices()
        .take(after + 1)
        .find(|&(_, c)| c == '\n')
    {
        Some((i, _)) => (i, false),
        None => match rest.char_indices().nth(after) {
            Some((i, _)) => (i, true),
            None => (rest.len(), false),
        },
    };
    let mut shown = &text[from..start + stop];
    if !cut {
        shown = shown.trim_end_matches('\r');
    }
    // The caret may sit on the CR trimmed off the shown line: never before `start`.
    let caret_end = floor_char_boundary(text, end.min(from + shown.len()).max(start));
    Site {
        line,
        column,
        width: text[start..caret_end].chars().count().max(1),
        source_line: shown.to_string(),
        excerpt_column: column - context,
        excerpt_cut: cut,
    }
}

/// Just past the end of `text`: where a file stops being readable.
pub fn site_at_end(text: &str) -> Site {
    site(text, text.len()..text.len())
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values_not_bytes() {
        let text = "a = 1\ntitle = \"é\" x\n";
        let at = text.find('x').unwrap_or(0);
        let s = site(text, at..at + 1);
        assert_eq!((s.line, s.column), (2, 13));
        assert_eq!(s.source_line, "title = \"é\" x");
        assert_eq!((s.excerpt_column, s.excerpt_cut), (1, false));
    }

    #[test]
    fn sites_in_one_pass_agree_with_site() {
        let text = "[actors.a]\nname = \"A\"\n\n[actors.bé]\nkind = 1\n";
        let spans = [8..9, 32..35, 37..41];
        let one_by_one: Vec<_> = spans.iter().map(|s| site(text, s.clone())).collect();
        assert_eq!(sites(text, &spans), one_by_one);
        let places: Vec<_> = one_by_one.iter().map(|s| (s.line, s.column)).collect();
        assert_eq!(places, [(1, 9), (4, 10), (5, 2)]);
    }

    #[test]
    fn crlf_is_not_part_of_the_shown_line() {
        let s = site("a = 1\r\nb = 2\r\n", 7..8);
        assert_eq!((s.line, s.column, s.source_line.as_str()), (2, 1, "b = 2"));
    }

    #[test]
    fn spans_past_the_line_are_cut_at_its_end() {
        let s = site("[actors.x]\nname = 1\n", 0..20);
        assert_eq!((s.line, s.column, s.width), (1, 1, 10));
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_caret() {
        let text = format!("x = \"{}é{}\"\n", "a".repeat(5000), "b".repeat(5000));
        let at = text.find('é').unwrap_or(0);
        let s = site(&text, at..at + 2);
        assert_eq!((s.line, s.column), (1, 5006));
        assert_eq!(s.excerpt_column, 5006 - 40);
        assert!(s.excerpt_cut);
        let expected = format!("{}é{}", "a".repeat(40), "b".repeat(79));
        assert_eq!(s.source_line, expected);
        assert_eq!(s.width, 1);
    }

    #[test]
    fn a_line_of_up_to_120_is_shown_whole() {
        let line = format!("{}x{}", "a".repeat(100), "b".repeat(19));
        let s = site(&format!("{line}\r\nnext"), 100..101);
        assert_eq!((s.column, s.excerpt_column, s.excerpt_cut), (101, 1, false));
        assert_eq!(s.source_line, line);
        let longer = format!("{line}c");
        let s = site(&longer, 100..101);
        assert_eq!((s.excerpt_column, s.excerpt_cut), (61, false));
        assert_eq!(s.source_line, &longer[60..]);
    }
}
