//! Byte offsets → line and column (from 1; columns in Unicode scalar values).

use std::ops::Range;

use super::Site;

impl Site {
    /// Line 1, column 1: where whole-file problems are reported.
    pub fn start() -> Site {
        Site {
            line: 1,
            column: 1,
            width: 1,
            source_line: String::new(),
        }
    }
}

/// The site of `span` in `text`: its line, column, the line's text and how many
/// scalar values of that line the span covers.
pub fn site(text: &str, span: Range<usize>) -> Site {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[..start].bytes().filter(|&b| b == b'\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    let end = floor_char_boundary(text, span.end.clamp(start, line_end));
    let source_line = text[line_start..line_end]
        .trim_end_matches('\r')
        .to_string();
    let width = text[start..end].chars().count().max(1);
    Site {
        line,
        column,
        width,
        source_line,
    }
}

/// The sites of several spans, sorted by start, in one pass over the text.
pub fn sites(text: &str, spans: &[Range<usize>]) -> Vec<Site> {
    let mut out = Vec::with_capacity(spans.len());
    let (mut line, mut line_start, mut scanned) = (1, 0, 0);
    for span in spans {
        let start = floor_char_boundary(text, span.start.min(text.len()).max(scanned));
        for (i, b) in text.as_bytes()[scanned..start].iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                line_start = scanned + i + 1;
            }
        }
        scanned = start;
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        out.push(Site {
            line,
            column: text[line_start..start].chars().count() + 1,
            width: text[start..end].chars().count().max(1),
            source_line: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
        });
    }
    out
}

/// Just past the end of `text`: where a file stops being readable.
pub fn site_at_end(text: &str) -> Site {
    site(text, text.len()..text.len())
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
    }

    #[test]
    fn sites_in_one_pass_agree_with_site() {
        let text = "[actors.a]\nname = \"A\"\n\n[actors.bé]\nkind = 1\n";
        let spans = [8..9, 32..35, 37..41];
        let one_by_one: Vec<_> = spans.iter().map(|s| site(text, s.clone())).collect();
        assert_eq!(sites(text, &spans), one_by_one);
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
}
