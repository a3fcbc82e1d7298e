//! Cuts a TOML file at its `[actors.ID]` and `[[claims]]` headers, in one
//! linear pass that steps over strings, comments, arrays and inline tables.
//!
//! The pieces are parsed one at a time so that a file of many claims never holds
//! toml's token list and tree for the whole file at once. A mistaken cut is
//! harmless: a cut can only fall at the start of a line, so a cut inside a
//! string, array or inline table leaves the piece before it unterminated, and it
//! fails to parse on its own; the caller then parses the file whole.

use std::ops::Range;

/// What a piece's header declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `[actors.ID]`, ID a bare key.
    Actor,
    /// `[[claims]]`.
    Claim,
}

/// A file cut into its leading keys (`root`, from byte 0) and the pieces after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub root: Range<usize>,
    pub pieces: Vec<(Kind, Range<usize>)>,
}

/// Cuts `text` before every line that holds a top-level `[actors.ID]` or
/// `[[claims]]` header. Any other header stays in the piece before it.
pub fn split(text: &str) -> Split {
    let b = text.as_bytes();
    let mut cuts: Vec<(Kind, usize)> = Vec::new();
    // Open `[` and `{` of values; headers only start at depth 0, first on their line.
    let mut depth = 0usize;
    let (mut line_begin, mut first_on_line) = (0, true);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line_begin = i + 1;
                first_on_line = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = line_end(b, i);
                continue;
            }
            b'"' | b'\'' => i = string_end(b, i),
            b'[' if depth == 0 && first_on_line => {
                if let Some(kind) = header_kind(&b[i..]) {
                    cuts.push((kind, line_begin));
                }
                i = header_end(b, i);
            }
            b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
        first_on_line = false;
    }
    let ends = cuts.iter().skip(1).map(|&(_, at)| at).chain([b.len()]);
    Split {
        root: 0..cuts.first().map_or(b.len(), |&(_, at)| at),
        pieces: cuts
            .iter()
            .zip(ends)
            .map(|(&(kind, start), end)| (kind, start..end))
            .collect(),
    }
}

/// The index of the line feed ending the line at `i`, or the end.
fn line_end(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n)
}

/// Just past the string that opens at `i` (any of TOML's four forms). A
/// one-line string stops at the line's end, as the lexer's does.
fn string_end(b: &[u8], i: usize) -> usize {
    let quote = b[i];
    let basic = quote == b'"';
    if b[i..].starts_with(&[quote; 3]) {
        let mut j = i + 3;
        while j < b.len() {
            if basic && b[j] == b'\\' {
                j += 2;
            } else if b[j] == quote && b[j..].starts_with(&[quote; 3]) {
                // Up to two quotes before the closing three belong to the string.
                let run = b[j..].iter().take_while(|&&c| c == quote).count();
                return j + run;
            } else {
                j += 1;
            }
        }
        return b.len();
    }
    let mut j = i + 1;
    while j < b.len() && b[j] != b'\n' {
        if basic && b[j] == b'\\' {
            j += 2;
            continue;
        }
        if b[j] == quote {
            return j + 1;
        }
        j += 1;
    }
    j.min(b.len())
}

/// The end of the header line at `i` (quoted keys stepped over), at its line feed.
fn header_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'\n' {
        match b[i] {
            b'"' | b'\'' => i = string_end(b, i),
            b'#' => return line_end(b, i),
            _ => i += 1,
        }
    }
    i
}

/// `[[claims]]` or `[actors.ID]` (ID a bare key), then only white space or a comment.
fn header_kind(line: &[u8]) -> Option<Kind> {
    let (kind, rest) = if let Some(rest) = line.strip_prefix(b"[[claims]]") {
        (Kind::Claim, rest)
    } else {
        let rest = line.strip_prefix(b"[actors.")?;
        let id = rest
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
            .count();
        let rest = rest[id..].strip_prefix(b"]").filter(|_| id > 0)?;
        (Kind::Actor, rest)
    };
    let rest = &rest[rest
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count()..];
    matches!(rest.first(), None | Some(b'\n' | b'\r' | b'#')).then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(Kind, &str)> {
        let s = split(text);
        s.pieces
            .iter()
            .map(|(k, r)| (*k, &text[r.clone()]))
            .collect()
    }

    #[test]
    fn cuts_before_actor_and_claim_headers_only() {
        let text = "title = \"t\"\n[actors.a]\nname = \"A\"\n  [[claims]]\nid = \"c\"\n[[claims.asserted_by]]\nactor = \"a\"\n[[claims]] # two\n";
        assert_eq!(
            cut(text),
            [
                (Kind::Actor, "[actors.a]\nname = \"A\"\n"),
                (
                    Kind::Claim,
                    "  [[claims]]\nid = \"c\"\n[[claims.asserted_by]]\nactor = \"a\"\n"
                ),
                (Kind::Claim, "[[claims]] # two\n"),
            ]
        );
        assert_eq!(split(text).root, 0..12);
    }

    #[test]
    fn headers_inside_strings_arrays_and_comments_are_not_cuts() {
        let text = concat!(
            "body = \"\"\"\n[[claims]]\n\\\"\"\"\n[actors.x]\n\"\"\"\"\n",
            "lit = '''\n[[claims]]'''\n",
            "a = [\n[[claims]],\n]\n",
            "t = {\n[actors.y]\n}\n",
            "# [[claims]]\n",
            "s = \"[[claims]]\" # \"\n",
            "[actors.quoted.\"k\"]\n",
            "[actors.a] x\n",
        );
        assert_eq!(cut(text), []);
    }

    #[test]
    fn a_file_without_such_headers_is_all_root() {
        let text = "title = \"t\"\nactors = { a = { name = \"A\" } }\n";
        assert_eq!(split(text).root, 0..text.len());
        assert!(split(text).pieces.is_empty());
    }
}
