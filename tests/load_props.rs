//! Properties: the loader returns a sensible answer (never panics) on any bytes and
//! on any mangling of a valid file; quote anchoring agrees with a slow, obvious
//! reading of FORMAT.md's white-space and grapheme rule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use whosaid::ArticleId;
use whosaid::anchor::{self, Anchor};
use whosaid::load::{self, Loaded, SourceFile};

/// Modest by default so the suite stays fast; `PROPTEST_CASES=20000` for a long hunt.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn source() -> SourceFile {
    SourceFile {
        path: PathBuf::from("prop.toml"),
        id: ArticleId::new("prop"),
    }
}

fn valid_fixtures() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files.iter().map(|p| fs::read(p).unwrap()).collect()
}

/// What any result must look like: an article exactly when there is no error,
/// and every diagnostic placed inside the file on its own path.
fn assert_coherent(bytes: &[u8], loaded: &Loaded) {
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(
        loaded.article.is_some(),
        errors == 0,
        "article present iff no error: {:?}",
        loaded.diagnostics
    );
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    for d in &loaded.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!(
            d.line <= lines,
            "line {} past the end ({lines} lines): {d:?}",
            d.line
        );
        assert_eq!(d.path, source().path);
        assert!(!d.source_line.contains('\n'), "{d:?}");
        // Counted on the raw line: a bare CR is a character there, though the
        // shown line drops it like a line ending.
        let raw = bytes
            .split(|&b| b == b'\n')
            .nth(d.line - 1)
            .unwrap_or_default();
        let raw_chars = String::from_utf8_lossy(raw).chars().count();
        assert!(
            d.column <= raw_chars + 1,
            "column past the end of its line: {d:?}"
        );
        // Rendering must not panic either.
        let _ = d.to_string();
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, &'static str),
    Delete(usize, usize),
}

const INSERTS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "=",
    "\n",
    "{",
    "}",
    ",",
    ".",
    "\"\"\"",
    "#",
    "\\",
    "\r",
    "é",
    "\u{0308}",
    "👩‍👩‍👧",
    "\u{FEFF}",
    "\u{3000}",
    "\u{00A0}",
    "\0",
    "\u{202E}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), proptest::sample::select(INSERTS))
            .prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), 1..40usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match *m {
        Mutation::Flip(at, b) => {
            if let Some(x) = bytes.get_mut(at % len) {
                *x ^= b | 1;
            }
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Insert(at, s) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, s.bytes());
        }
        Mutation::Delete(at, n) => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_get_an_answer(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let loaded = load::load_bytes(&source(), &bytes);
        assert_coherent(&bytes, &loaded);
    }

    #[test]
    fn toml_like_text_gets_an_answer(text in "[a-z_\\-=\"'\\[\\]{}.,\n #0-9:TZé\u{0308} \t]{0,600}") {
        let bytes = text.into_bytes();
        let loaded = load::load_bytes(&source(), &bytes);
        assert_coherent(&bytes, &loaded);
    }

    #[test]
    fn mangled_valid_files_get_an_answer(
        pick in any::<proptest::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let fixtures = valid_fixtures();
        let mut bytes = fixtures[pick.index(fixtures.len())].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let loaded = load::load_bytes(&source(), &bytes);
        assert_coherent(&bytes, &loaded);
    }
}

// ---- anchoring -------------------------------------------------------------------

/// Pieces that make matching hard: several kinds of white space (CR LF is one
/// grapheme), combining marks, a ZWJ emoji sequence, and few letters so that
/// matches and repeats are common.
const PIECES: &[&str] = &[
    "a",
    "b",
    "a",
    "b",
    "ab",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u{00A0}",
    "\u{3000}",
    "e",
    "\u{0301}",
    "é",
    "👩",
    "\u{200D}",
    "👩‍👧",
    "日本",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

fn boundaries(body: &str) -> Vec<usize> {
    let mut at: Vec<usize> = body.grapheme_indices(true).map(|(i, _)| i).collect();
    at.push(body.len());
    at
}

/// The rule read literally: collapse both sides, find every (overlapping)
/// occurrence, keep those whose ends fall on grapheme boundaries of the body.
fn reference(body: &str, quote: &str) -> Anchor {
    let quote: Vec<char> = anchor::collapse(quote).chars().collect();
    if quote.is_empty() {
        return Anchor::Empty;
    }
    // The body as collapsed characters, each with the bytes it stands for.
    let mut chars: Vec<(char, Range<usize>)> = Vec::new();
    for (i, c) in body.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            match chars.last_mut() {
                Some((' ', r)) if r.end == i => r.end = end,
                _ => chars.push((' ', i..end)),
            }
        } else {
            chars.push((c, i..end));
        }
    }
    let graphemes = boundaries(body);
    let matches: Vec<Range<usize>> = (0..chars.len())
        .filter(|&p| {
            p + quote.len() <= chars.len()
                && chars[p..p + quote.len()]
                    .iter()
                    .map(|(c, _)| *c)
                    .eq(quote.iter().copied())
        })
        .map(|p| chars[p].1.start..chars[p + quote.len() - 1].1.end)
        .filter(|r| graphemes.contains(&r.start) && graphemes.contains(&r.end))
        .collect();
    match matches.first() {
        None => Anchor::NotFound,
        Some(first) => Anchor::Found {
            range: first.clone(),
            repeated: matches.len() > 1,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), max_global_rejects: 1_000_000, ..ProptestConfig::default() })]

    #[test]
    fn find_agrees_with_the_rule_read_literally(body in text(40), quote in text(6)) {
        prop_assert_eq!(anchor::find(&body, &quote), reference(&body, &quote));
    }

    #[test]
    fn a_piece_of_the_body_is_found_no_later_than_where_it_was_cut(
        body in text(40),
        a in any::<proptest::sample::Index>(),
        b in any::<proptest::sample::Index>(),
    ) {
        let at = boundaries(&body);
        let (i, j) = {
            let (x, y) = (at[a.index(at.len())], at[b.index(at.len())]);
            (x.min(y), x.max(y))
        };
        let piece = &body[i..j];
        let start = i + (piece.len() - piece.trim_start().len());
        let end = start + piece.trim().len();
        prop_assume!(start < end && at.contains(&start) && at.contains(&end));
        match anchor::find(&body, piece) {
            Anchor::Found { range, .. } => {
                prop_assert!(range.start <= start, "{range:?} after {start}");
                prop_assert_eq!(anchor::collapse(&body[range]), anchor::collapse(piece));
            }
            other => prop_assert!(false, "{piece:?} cut from {body:?}: {other:?}"),
        }
    }

    #[test]
    fn only_the_amount_of_white_space_differs(
        body in text(40),
        quote in text(6),
        space in proptest::sample::select(&[" ", "  ", "\n", "\r\n", "\t \u{3000}", "\u{00A0}"][..]),
    ) {
        let respaced = format!("{space}{}{space}", quote.split_whitespace().collect::<Vec<_>>().join(space));
        prop_assert_eq!(anchor::find(&body, &respaced), anchor::find(&body, &quote));
    }
}

#[test]
fn white_space_only_quotes_are_empty() {
    for quote in ["", " ", "\n\t", "\u{00A0}\u{3000}", "\r\n \u{2003}"] {
        assert_eq!(anchor::find("some body", quote), Anchor::Empty, "{quote:?}");
    }
}
