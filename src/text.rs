//! Grapheme- and width-aware text helpers: sanitise, measure, truncate, wrap.
//!
//! Everything here measures text *as [`sanitize`] shows it* and counts columns
//! per grapheme cluster, the way a terminal's cell grid is filled. So the
//! helpers compose: truncating, padding or wrapping raw text and sanitising
//! the pieces afterwards gives the same widths as sanitising first (control
//! characters are grapheme clusters of their own, so sanitising is local).
//!
//! None of the helpers but [`sanitize`] and [`flatten`] makes text safe to
//! print: sanitise before writing to a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const ELLIPSIS: char = '…';

/// Makes untrusted text safe to print on one terminal line.
///
/// Control characters become visible: C0 (ESC included) and DEL as Unicode
/// Control Pictures (`␛`, `␊`, `␍`, `␡` …), C1 as `\u{9b}`-style escapes. Tab
/// and the line/paragraph separators U+2028/U+2029 become a space. The bidi
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
/// escaped too, because they let text reorder what the terminal shows around
/// them; right-to-left letters and the harmless marks U+200E/U+200F are kept.
/// Borrowed when nothing needs changing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find(|c| !matches!(shown(c), Shown::Same)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    s[first..].chars().for_each(|c| push_shown(&mut out, c));
    Cow::Owned(out)
}

/// A path as it may be printed: control characters (ESC, newline, C1, the
/// bidi controls) escaped Rust-style (`\n`, `\u{1b}`), so a file name can
/// neither send escape sequences to a terminal nor forge a diagnostic line;
/// bytes that are not UTF-8 show as U+FFFD.
pub fn path(p: &std::path::Path) -> String {
    let raw = p.to_string_lossy();
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if matches!(shown(c), Shown::Same) => out.push(c),
            // Writing to a String cannot fail.
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    out
}

/// Shows a line returned by [`wrap`] or [`wrap_paragraphs`] the way they
/// measured it: every run of breaking white space (newlines included) as one
/// space, then sanitised. No-break spaces are kept as they are.
pub fn flatten(s: &str) -> Cow<'_, str> {
    if !needs_collapse(s) {
        return sanitize(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for (_, g) in clusters(s) {
        if is_space(g) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            g.chars().for_each(|c| push_shown(&mut out, c));
        }
    }
    Cow::Owned(out)
}

/// Display width in terminal columns of `s` as [`sanitize`] shows it.
///
/// Summed per grapheme cluster, as cells are filled: Arabic lam-alef counts 2
/// here where `unicode-width`'s whole-string width says 1 (a ligature few
/// terminals draw).
pub fn width(s: &str) -> usize {
    if is_plain_ascii(s) {
        return s.len();
    }
    clusters(s).map(|(_, g)| grapheme_width(g)).sum()
}

/// Cuts `s` to at most `max` columns on a grapheme boundary, ending with `…`
/// (one column, counted) when anything was cut. A wide character that would
/// straddle the edge is dropped, white space before the `…` is trimmed, and
/// `max == 0` gives `""`. Borrowed when `s` fits.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    cut(s, max).0
}

/// [`truncate`]s `s` to `width` columns and pads it with spaces to exactly
/// `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let (text, used) = cut(s, width);
    let fill = width.saturating_sub(used);
    let mut out = String::with_capacity(text.len() + fill);
    out.push_str(&text);
    out.extend(std::iter::repeat_n(' ', fill));
    out
}

/// Word-wraps `s` to `width` columns; returns each line as a byte range of `s`.
///
/// - Lines break at white space, which belongs to no line: a range never
///   starts or ends with white space. Inside a line each run of white space
///   counts as one column; show a line with [`flatten`]`(&s[range])`.
/// - CJK and other wide characters may break from their neighbours without
///   white space, except before closing punctuation (`。`, `」`, `,` …) and
///   after opening brackets.
/// - A word wider than `width` is broken between grapheme clusters. A single
///   cluster wider than `width` gets a line of its own: the only line that
///   can exceed `width`. Width 0 is taken as 1.
/// - `\n`, `\r\n` and `\r` end a line; an empty source line gives an empty
///   range at its start; a trailing newline adds no line. No-break spaces
///   (U+00A0, U+2007, U+202F) join words.
/// - An empty (or all white-space) string gives one empty range.
pub fn wrap(s: &str, width: usize) -> Vec<Range<usize>> {
    Wrapper::new(width, false).run(s)
}

/// Wraps an article body: paragraphs are separated by blank lines (empty or
/// only white space); a single newline inside a paragraph is soft, like a
/// space, so ranges can span it — show each line with [`flatten`], which also
/// shows every white-space run as one space. Between two paragraphs comes one
/// empty range at the start of the first blank line of the gap (several
/// blank lines make one gap); blank lines before the first or after the last
/// paragraph give nothing. Otherwise as [`wrap`].
pub fn wrap_paragraphs(body: &str, width: usize) -> Vec<Range<usize>> {
    Wrapper::new(width, true).run(body)
}

/// How one character is shown once sanitised.
enum Shown {
    Same,
    /// As another character: a control picture, or a space.
    As(char),
    /// As a `\u{…}` escape.
    Escaped,
}

fn shown(c: char) -> Shown {
    match c {
        '\t' | '\u{2028}' | '\u{2029}' => Shown::As(' '),
        // C0 controls have pictures at U+2400 + code.
        '\0'..='\x1f' => {
            Shown::As(char::from_u32(0x2400 + u32::from(c)).unwrap_or(char::REPLACEMENT_CHARACTER))
        }
        '\x7f' => Shown::As('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Shown::Escaped,
        _ => Shown::Same,
    }
}

fn push_shown(out: &mut String, c: char) {
    match shown(c) {
        Shown::Same => out.push(c),
        Shown::As(p) => out.push(p),
        // Writing to a String cannot fail.
        Shown::Escaped => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

fn shown_width(c: char) -> usize {
    match shown(c) {
        Shown::Same => c.width().unwrap_or(0),
        Shown::As(p) => p.width().unwrap_or(1),
        // `\u{` + hex digits + `}`
        Shown::Escaped => 4 + (32 - u32::from(c).leading_zeros()).div_ceil(4).max(1) as usize,
    }
}

fn is_plain_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

fn grapheme_width(g: &str) -> usize {
    match g.as_bytes() {
        [b] if (0x20..0x7f).contains(b) => 1,
        _ if g.chars().all(|c| matches!(shown(c), Shown::Same)) => g.width(),
        _ => g.chars().map(shown_width).sum(),
    }
}

/// White space a line may break at: not the no-break spaces.
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// A cluster of breaking white space only (a space carrying a combining mark
/// is a visible character, not white space).
fn is_space(g: &str) -> bool {
    g.chars().all(is_breaking_space)
}

fn is_newline(g: &str) -> bool {
    matches!(g, "\n" | "\r\n" | "\r")
}

fn needs_collapse(s: &str) -> bool {
    let mut after_space = false;
    s.chars().any(|c| {
        let space = is_breaking_space(c);
        let collapse = space && (c != ' ' || after_space);
        after_space = space;
        collapse
    })
}

/// Punctuation that must not begin a line (kinsoku), when glued to the wide
/// character before it.
fn closes(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '’'
            | '”'
            | '»'
            | '…'
            | '、'
            | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '！'
            | '？'
            | '）'
            | '］'
            | '｝'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〗'
            | '〙'
            | '〛'
            | 'ー'
            | '々'
    )
}

/// Brackets that must not end a line.
fn opens(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '‘'
            | '“'
            | '«'
            | '（'
            | '［'
            | '｛'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '〖'
            | '〘'
            | '〚'
    )
}

/// Byte offset and text of each grapheme cluster; ASCII skips the segmenter.
enum Clusters<'a> {
    Ascii { s: &'a str, at: usize },
    Unicode(GraphemeIndices<'a>),
}

fn clusters(s: &str) -> Clusters<'_> {
    if s.is_ascii() {
        Clusters::Ascii { s, at: 0 }
    } else {
        Clusters::Unicode(s.grapheme_indices(true))
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Clusters::Unicode(it) => it.next(),
            Clusters::Ascii { s, at } => {
                let start = *at;
                let rest = s.as_bytes().get(start..)?;
                let len = match rest {
                    [] => return None,
                    [b'\r', b'\n', ..] => 2,
                    _ => 1,
                };
                *at += len;
                s.get(start..start + len).map(|g| (start, g))
            }
        }
    }
}

/// `s` cut to `max` columns, and its width.
fn cut(s: &str, max: usize) -> (Cow<'_, str>, usize) {
    if max == 0 {
        return (Cow::Borrowed(""), 0);
    }
    if is_plain_ascii(s) && s.len() <= max {
        return (Cow::Borrowed(s), s.len());
    }
    let room = max - 1; // for the text, should an ellipsis follow it
    let mut total = 0;
    let (mut keep, mut keep_width) = (0, 0);
    for (i, g) in clusters(s) {
        total += grapheme_width(g);
        if total > max {
            let mut out = String::with_capacity(keep + ELLIPSIS.len_utf8());
            out.push_str(&s[..keep]);
            out.push(ELLIPSIS);
            return (Cow::Owned(out), keep_width + 1);
        }
        if total <= room && !is_space(g) {
            (keep, keep_width) = (i + g.len(), total);
        }
    }
    (Cow::Borrowed(s), total)
}

/// A stretch of the text being wrapped.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    width: usize,
}

/// One pass of greedy wrapping. Text is read as atoms — a word, or a single
/// wide character — which are committed to the current line when a break
/// opportunity follows them.
struct Wrapper {
    width: usize,
    /// Newlines are soft, blank lines separate paragraphs.
    paragraphs: bool,
    lines: Vec<Range<usize>>,
    /// What the current line holds so far.
    line: Option<Span>,
    /// White space lies between `line` and `atom`.
    gap: bool,
    /// The atom being read.
    atom: Option<Span>,
    /// About the last cluster of `atom`: wide, an opening bracket.
    last_wide: bool,
    last_opens: bool,
    /// Where the current source line begins, and whether it is blank so far.
    line_begin: usize,
    blank: bool,
    /// A paragraph gap, emitted once the next paragraph starts.
    separator: Option<usize>,
}

impl Wrapper {
    fn new(width: usize, paragraphs: bool) -> Self {
        Wrapper {
            width: width.max(1),
            paragraphs,
            lines: Vec::new(),
            line: None,
            gap: false,
            atom: None,
            last_wide: false,
            last_opens: false,
            line_begin: 0,
            blank: true,
            separator: None,
        }
    }

    fn run(mut self, s: &str) -> Vec<Range<usize>> {
        for (i, g) in clusters(s) {
            if is_newline(g) {
                self.newline(i + g.len());
            } else if is_space(g) {
                self.space();
            } else {
                self.content(i, g);
            }
        }
        self.commit();
        if let Some(line) = self.line.take() {
            self.lines.push(line.start..line.end);
        } else if self.lines.is_empty() || (!self.paragraphs && self.line_begin < s.len()) {
            self.lines.push(self.line_begin..self.line_begin);
        }
        self.lines
    }

    fn content(&mut self, i: usize, g: &str) {
        if let Some(at) = self.separator.take() {
            self.lines.push(at..at);
        }
        self.blank = false;
        let w = grapheme_width(g);
        let first = g.chars().next().unwrap_or(' ');
        let wide = w >= 2;
        if self.atom.is_some() && (self.last_wide || wide) && !self.last_opens && !closes(first) {
            self.commit();
        }
        let atom_width = self.atom.map_or(0, |a| a.width) + w;
        if self.line_width() + atom_width > self.width {
            self.break_line();
            if atom_width > self.width {
                // The atom alone is too wide: break it before this cluster.
                if let Some(a) = self.atom.take() {
                    self.lines.push(a.start..a.end);
                }
            }
        }
        let end = i + g.len();
        self.atom = Some(match self.atom {
            Some(a) => Span {
                end,
                width: a.width + w,
                ..a
            },
            None => Span {
                start: i,
                end,
                width: w,
            },
        });
        self.last_wide = wide;
        self.last_opens = opens(first);
    }

    fn space(&mut self) {
        self.commit();
        self.gap = self.line.is_some();
    }

    /// `next` is where the next source line begins.
    fn newline(&mut self, next: usize) {
        if !self.paragraphs {
            self.commit();
            let line = self
                .line
                .take()
                .map_or(self.line_begin..self.line_begin, |l| l.start..l.end);
            self.lines.push(line);
            self.gap = false;
        } else if !self.blank {
            self.space();
        } else {
            // A blank line: it ends the paragraph, if one is open.
            self.commit();
            if self.line.is_some() {
                self.break_line();
                self.separator = Some(self.line_begin);
            }
        }
        self.line_begin = next;
        self.blank = true;
    }

    fn line_width(&self) -> usize {
        self.line.map_or(0, |l| l.width + usize::from(self.gap))
    }

    fn break_line(&mut self) {
        if let Some(line) = self.line.take() {
            self.lines.push(line.start..line.end);
        }
        self.gap = false;
    }

    fn commit(&mut self) {
        if let Some(a) = self.atom.take() {
            let width = self.line_width() + a.width;
            self.line = Some(match self.line {
                Some(l) => Span {
                    end: a.end,
                    width,
                    ..l
                },
                None => a,
            });
            self.gap = false;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const FAMILY: &str = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
    const FLAGS: &str = "🇫🇷🇩🇪🇯🇵";
    const E_ACUTE: &str = "e\u{301}";

    /// Strings that have broken text code before.
    fn tricky() -> Vec<String> {
        vec![
            String::new(),
            " ".into(),
            "\n\n".into(),
            "the quick brown fox jumps over the lazy dog".into(),
            "\x1b[31mred\x1b[0m and \u{9b}2J gone".into(),
            "日本語のテキストです。「引用」と、句読点。".into(),
            format!("{FAMILY} family {FAMILY}{FAMILY} and flags {FLAGS}"),
            format!("caf{E_ACUTE} {E_ACUTE}{E_ACUTE}{E_ACUTE}{E_ACUTE} r{E_ACUTE}sum{E_ACUTE}"),
            "מאת דוד בן-גוריון ומוחמד عبد الله لا".into(),
            "abc\u{202e}txt.exe\u{2066}x\u{2069} \u{200f}".into(),
            "supercalifragilisticexpialidocious is a long word".into(),
            "para one\nstill one\r\n\r\n  \t \n\npara two 한국어 문장\rlast\n".into(),
            "tabs\tand  double  spaces\u{a0}nbsp \u{3000}ideographic".into(),
            " \u{301}lonely mark, 1\u{fe0f}\u{20e3} keycap, ❤\u{fe0f}".into(),
        ]
    }

    fn boundaries(s: &str) -> Vec<usize> {
        let mut b: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| i).collect();
        b.push(s.len());
        b
    }

    fn shown_lines<'a>(s: &'a str, lines: &[Range<usize>]) -> Vec<Cow<'a, str>> {
        lines.iter().map(|r| flatten(&s[r.clone()])).collect()
    }

    #[test]
    fn paths_print_with_controls_escaped() {
        let p = std::path::Path::new("a\u{1b}[2J\nx.toml:1:1: error: b\u{9b}.toml");
        assert_eq!(path(p), "a\\u{1b}[2J\\nx.toml:1:1: error: b\\u{9b}.toml");
        assert_eq!(
            path(std::path::Path::new("world/zoë.toml")),
            "world/zoë.toml"
        );
    }

    #[test]
    fn escape_sequences_cannot_reach_the_terminal() {
        let s = sanitize("\x1b[31mred\x1b[0m");
        assert!(!s.contains('\x1b'));
        assert_eq!(s, "␛[31mred␛[0m");
        assert_eq!(sanitize("\u{9b}2J\u{85}"), "\\u{9b}2J\\u{85}");
        assert_eq!(sanitize("\0a\x7f"), "␀a␡");
    }

    #[test]
    fn single_line_fields_show_line_breaks_and_tabs_as_one_column() {
        assert_eq!(sanitize("a\nb\r\nc\td"), "a␊b␍␊c d");
    }

    #[test]
    fn bidi_overrides_are_shown_but_rtl_letters_are_kept() {
        assert_eq!(sanitize("file\u{202e}gpj.exe"), "file\\u{202e}gpj.exe");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        for name in ["דוד בן-גוריון", "محمد عبد الله", "a\u{200f}b"] {
            assert!(matches!(sanitize(name), Cow::Borrowed(n) if n == name));
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        for s in ["plain", "café 日本 👍", "a\u{200f}b"] {
            assert!(matches!(sanitize(s), Cow::Borrowed(_)));
        }
        assert!(matches!(flatten("one space each"), Cow::Borrowed(_)));
        assert!(matches!(truncate("fits", 4), Cow::Borrowed("fits")));
    }

    #[test]
    fn sanitized_text_has_no_controls() {
        for s in tricky() {
            let one = sanitize(&s);
            assert!(!one.chars().any(|c| c.is_control()), "{one:?}");
            assert!(!one.contains(['\u{202e}', '\u{2066}', '\u{2069}']));
            assert_eq!(sanitize(&one), one, "sanitising twice changes nothing");
        }
    }

    #[test]
    fn width_counts_columns_as_shown() {
        assert_eq!(width("hello"), 5);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width(FAMILY), 2);
        assert_eq!(width(FLAGS), 6);
        assert_eq!(width(E_ACUTE), 1);
        assert_eq!(width("\x1b[0m"), 4);
        assert_eq!(width("\u{9b}"), 6);
        for s in tricky() {
            assert_eq!(width(&s), width(&sanitize(&s)), "{s:?}");
        }
    }

    #[test]
    fn truncate_marks_the_cut_and_trims_space_before_it() {
        assert_eq!(truncate("hello world", 11), "hello world");
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("hello world", 7), "hello…");
        assert_eq!(truncate("hello", 1), "…");
        assert_eq!(truncate("hello", 0), "");
        assert_eq!(truncate("", 0), "");
    }

    #[test]
    fn truncate_drops_a_wide_character_that_would_straddle_the_edge() {
        let s = "日本語テキスト";
        assert_eq!(truncate(s, 5), "日本…");
        assert_eq!(truncate(s, 4), "日…");
        assert_eq!(width(&truncate(s, 4)), 3);
        assert_eq!(truncate(s, 2), "…");
        assert_eq!(truncate(s, 14), s);
    }

    #[test]
    fn truncate_never_splits_a_cluster() {
        let fam = format!("{FAMILY}{FAMILY} x");
        assert_eq!(truncate(&fam, 3), format!("{FAMILY}…"));
        assert_eq!(truncate(&fam, 2), "…");
        assert_eq!(truncate(FLAGS, 5), "🇫🇷🇩🇪…");
        assert_eq!(truncate(FLAGS, 4), "🇫🇷…");
        let accents = E_ACUTE.repeat(3);
        assert_eq!(truncate(&accents, 2), format!("{E_ACUTE}…"));
    }

    #[test]
    fn pad_fills_to_exactly_the_width() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("日本語", 5), "日本…");
        assert_eq!(pad("日本語", 4), "日… ");
        assert_eq!(pad("abc", 0), "");
        for s in tricky() {
            for w in 0..12 {
                assert_eq!(width(&pad(&s, w)), w, "{s:?} at {w}");
            }
        }
    }

    #[test]
    fn wraps_english_at_spaces() {
        let s = "the quick brown fox jumps over the lazy dog";
        let lines = wrap(s, 10);
        assert_eq!(
            shown_lines(s, &lines),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
    }

    #[test]
    fn a_space_run_inside_a_line_shows_as_one_column() {
        let s = "a  \t b   c";
        let lines = wrap(s, 3);
        assert_eq!(lines, [0..6, 9..10]);
        assert_eq!(shown_lines(s, &lines), ["a b", "c"]);
    }

    #[test]
    fn breaks_words_longer_than_the_width() {
        let s = "supercalifragilistic is long";
        assert_eq!(
            shown_lines(s, &wrap(s, 8)),
            ["supercal", "ifragili", "stic is", "long"]
        );
    }

    #[test]
    fn wraps_cjk_between_characters() {
        let s = "日本語のテキストです";
        assert_eq!(
            shown_lines(s, &wrap(s, 6)),
            ["日本語", "のテキ", "ストで", "す"]
        );
        // An odd width cannot hold a third wide character.
        assert_eq!(shown_lines(s, &wrap(s, 5))[0], "日本");
        // Latin before CJK keeps the line filled.
        let mixed = "Hello 日本語";
        assert_eq!(shown_lines(mixed, &wrap(mixed, 8)), ["Hello 日", "本語"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let s = "日本語。";
        assert_eq!(shown_lines(s, &wrap(s, 6)), ["日本", "語。"]);
        let s = "「引用」";
        assert_eq!(shown_lines(s, &wrap(s, 4)), ["「引", "用」"]);
    }

    #[test]
    fn rtl_names_stay_whole() {
        let s = "Reported by محمد عبد الله and דוד בן-גוריון today";
        for w in 10..20 {
            for r in wrap(s, w) {
                let before = s[..r.start].chars().next_back();
                let after = s[r.end..].chars().next();
                assert!(
                    before.is_none_or(char::is_whitespace),
                    "{:?}",
                    &s[r.clone()]
                );
                assert!(after.is_none_or(char::is_whitespace), "{:?}", &s[r]);
            }
        }
    }

    #[test]
    fn wrap_keeps_clusters_whole_even_at_width_one() {
        let s = format!("{E_ACUTE}{E_ACUTE}{FAMILY}🇫🇷");
        assert_eq!(
            shown_lines(&s, &wrap(&s, 1)),
            [E_ACUTE, E_ACUTE, FAMILY, "🇫🇷"]
        );
    }

    #[test]
    fn width_zero_behaves_as_one() {
        assert_eq!(wrap("abc", 0), [0..1, 1..2, 2..3]);
        assert_eq!(wrap("abc", 0), wrap("abc", 1));
        assert_eq!(wrap("日本", 0), [0..3, 3..6]);
    }

    #[test]
    fn newlines_break_hard_in_wrap() {
        assert_eq!(wrap("a\nb", 10), [0..1, 2..3]);
        assert_eq!(wrap("a\n\nb", 10), [0..1, 2..2, 3..4]);
        assert_eq!(wrap("a\r\nb\rc\n", 10), [0..1, 3..4, 5..6]);
        assert_eq!(wrap("", 10), vec![Range { start: 0, end: 0 }]);
        assert_eq!(wrap("   ", 10), vec![Range { start: 0, end: 0 }]);
    }

    #[test]
    fn paragraphs_join_soft_lines_and_mark_gaps() {
        let body = "First para\nsoft line.\n\nSecond one.";
        let lines = wrap_paragraphs(body, 40);
        assert_eq!(lines, [0..21, 22..22, 23..34]);
        assert_eq!(
            shown_lines(body, &lines),
            ["First para soft line.", "", "Second one."]
        );
        // Several blank lines, white space on them and around the body make one gap.
        let body = "\n\n a\r\n \t\n\n\nb\n\n";
        let lines = wrap_paragraphs(body, 40);
        assert_eq!(shown_lines(body, &lines), ["a", "", "b"]);
        assert_eq!(lines[1], 6..6);
        assert_eq!(wrap_paragraphs("", 10), vec![Range { start: 0, end: 0 }]);
    }

    #[test]
    fn paragraph_lines_wrap_too() {
        let body = "one two\nthree four\n\nfive";
        assert_eq!(
            shown_lines(body, &wrap_paragraphs(body, 9)),
            ["one two", "three", "four", "", "five"]
        );
    }

    /// What every wrapped layout must satisfy.
    fn check_layout(s: &str, w: usize, lines: &[Range<usize>]) {
        let cuts = boundaries(s);
        let mut prev_end = 0;
        for r in lines {
            let text = &s[r.clone()];
            assert!(
                r.start >= prev_end,
                "{s:?} at {w}: ranges overlap or go back"
            );
            assert!(
                cuts.contains(&r.start) && cuts.contains(&r.end),
                "{s:?}: {r:?}"
            );
            let mut clusters = text.graphemes(true);
            let (first, last) = (clusters.next(), clusters.next_back());
            assert!(
                !first.is_some_and(is_space),
                "{s:?}: {r:?} starts with white space"
            );
            assert!(
                !last.is_some_and(is_space),
                "{s:?}: {r:?} ends with white space"
            );
            let one_cluster = text.graphemes(true).count() <= 1;
            assert!(
                width(&flatten(text)) <= w.max(1) || one_cluster,
                "{text:?} wider than {w}"
            );
            prev_end = r.end;
        }
        // Nothing visible is lost or repeated.
        let visible = |t: &str| {
            t.chars()
                .filter(|c| !is_breaking_space(*c))
                .collect::<String>()
        };
        let joined: String = lines.iter().map(|r| visible(&s[r.clone()])).collect();
        assert_eq!(joined, visible(s), "at {w}");
    }

    #[test]
    fn invariants_hold_on_tricky_strings() {
        for s in tricky() {
            for w in 0..=14 {
                check_layout(&s, w, &wrap(&s, w));
                check_layout(&s, w, &wrap_paragraphs(&s, w));
                let t = truncate(&s, w);
                assert!(width(&t) <= w, "{t:?} wider than {w}");
                let kept = t.strip_suffix(ELLIPSIS).unwrap_or(&t);
                assert!(s.starts_with(kept) && boundaries(&s).contains(&kept.len()));
                assert_eq!(t == s.as_str(), width(&s) <= w, "{s:?} at {w}");
            }
        }
    }
}
