//! One walk over a parsed file: every rule of FORMAT.md, every problem reported.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use super::position::sites;
use super::{Loaded, MAX_SHOWN, SourceFile};
use crate::anchor::Anchor;
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::model::{ActorId, Article};

type Key<'s> = Spanned<DeString<'s>>;
type Value<'s> = Spanned<DeValue<'s>>;
type Entry<'a, 's> = Option<(&'a Key<'s>, &'a Value<'s>)>;
type Span = Range<usize>;

const MAX_ID_BYTES: usize = 64;

/// Files from this size on are checked piece by piece (see [`pieces`]): below
/// it the whole document's tree is small, and one parse is quicker than two.
const PIECEWISE_FROM: usize = 64 * 1024;

/// Parses and checks `text` (already UTF-8, BOM removed).
pub fn check(source: &SourceFile, text: &str) -> Loaded {
    if text.len() >= PIECEWISE_FROM
        && let Some(loaded) = pieces::check(source, text)
    {
        return loaded;
    }
    check_whole(source, text)
}

/// `text` checked piece by piece and whole, if it is checked piece by piece at
/// all: for the fuzz targets to compare (see `load::check_both_ways`).
#[cfg(fuzzing)]
pub fn both_ways(source: &SourceFile, text: &str) -> Option<(Loaded, Loaded)> {
    Some((pieces::check(source, text)?, check_whole(source, text)))
}

/// Parses `text` as one document and checks it: every file can be checked so,
/// and a file with a syntax error always is, for toml's own message and place.
fn check_whole(source: &SourceFile, text: &str) -> Loaded {
    let mut checker = Checker::new(text);
    let article = match DeTable::parse(text) {
        Ok(doc) => checker.article(source, doc.get_ref(), None),
        Err(err) => {
            let span = err.span().or_else(|| too_deep_key(text)).unwrap_or(0..0);
            let message = err.message().trim().replace('\n', "; ");
            checker.error(span, format!("TOML syntax error: {message}"));
            None
        }
    };
    checker.finish(source, article)
}

struct Problem {
    severity: Severity,
    span: Span,
    message: String,
}

struct Checker<'s> {
    text: &'s str,
    problems: Vec<Problem>,
    actor_spans: Vec<Span>,
    /// Byte offsets where lines start, for the few messages that name a line.
    line_starts: Option<Vec<usize>>,
    /// Where each quote of the file anchors, found for all quotes in one pass.
    anchors: HashMap<String, Anchor>,
    /// How many "did you mean" passages were looked for (see `claims::near_hint`).
    near_hints: usize,
    /// Where the piece being checked starts in the file: its spans are shifted
    /// by this much as problems are recorded (0 for a whole document).
    offset: usize,
    /// Set when a piece no longer parses as it did in the survey: the file is
    /// then checked whole instead (never expected; see `pieces`).
    abandoned: bool,
}

/// What the actors table declared, for the claims to refer to.
struct Declared {
    ids: HashSet<String>,
    used: HashSet<String>,
}

impl<'s> Checker<'s> {
    fn new(text: &'s str) -> Self {
        Checker {
            text,
            problems: Vec::new(),
            actor_spans: Vec::new(),
            line_starts: None,
            anchors: HashMap::new(),
            near_hints: 0,
            offset: 0,
            abandoned: false,
        }
    }

    /// A span of the piece being checked, as a span of the file.
    fn in_file(&self, span: Span) -> Span {
        span.start + self.offset..span.end + self.offset
    }

    fn finish(mut self, source: &SourceFile, article: Option<Article>) -> Loaded {
        let has_error = self.problems.iter().any(|p| p.severity == Severity::Error);
        let hidden = self.keep_shown();
        let spans: Vec<Span> = self.problems.iter().map(|p| p.span.clone()).collect();
        let mut diagnostics = sites(self.text, &spans)
            .into_iter()
            .zip(self.problems)
            .map(|(site, p)| site.diagnostic(source.path.clone(), p.severity, p.message))
            .collect::<Vec<Diagnostic>>();
        if hidden.total() > 0 {
            // Over the cap, errors come first: a file must never look clean
            // because its errors sat behind a hundred warnings.
            diagnostics.sort_by_key(|d| d.severity);
        }
        let article = article.filter(|_| !has_error);
        Loaded {
            source: source.clone(),
            article,
            diagnostics,
            hidden,
        }
    }

    /// Keeps at most `MAX_SHOWN` problems, errors before warnings, in source
    /// order (as `sites` needs); returns the tally of the rest.
    fn keep_shown(&mut self) -> Tally {
        let mut hidden = Tally::default();
        if self.problems.len() > MAX_SHOWN {
            self.problems.sort_by_key(|p| (p.severity, p.span.start));
            for p in self.problems.drain(MAX_SHOWN..) {
                hidden.add(p.severity);
            }
        }
        self.problems.sort_by_key(|p| (p.span.start, p.severity));
        hidden
    }

    /// Whether a "did you mean" search is still worth its cost: only the first
    /// `MAX_SHOWN` errors can be shown, and hints for the rest would make a file
    /// of many bad references cost references × declarations.
    fn hints_wanted(&self) -> bool {
        self.problems.len() < MAX_SHOWN
    }

    /// The line (from 1) of a byte offset, by binary search in the line starts,
    /// which are found once per file and only if needed.
    fn line_of(&mut self, offset: usize) -> usize {
        let text = self.text;
        let starts = self.line_starts.get_or_insert_with(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect()
        });
        starts.partition_point(|&s| s <= offset)
    }

    fn error(&mut self, span: Span, message: String) {
        self.problems.push(Problem {
            severity: Severity::Error,
            span: self.in_file(span),
            message: bounded(message),
        });
    }

    fn warning(&mut self, span: Span, message: String) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            span: self.in_file(span),
            message: bounded(message),
        });
    }

    // ----- shared checks: each reports what it finds and returns what it could read -----
    /// Splits a table into the known keys, in `known` order, reporting every unknown one.
    fn fields<'a, const N: usize>(
        &mut self,
        table: &'a DeTable<'s>,
        known: [&'static str; N],
    ) -> [Entry<'a, 's>; N] {
        let mut out = [None; N];
        for (key, value) in table.iter() {
            match known.iter().position(|k| *k == as_str(key)) {
                Some(i) => out[i] = Some((key, value)),
                None => self.unknown_key(key, &known),
            }
        }
        out
    }

    fn unknown_key(&mut self, key: &Key<'s>, known: &[&str]) {
        let name = as_str(key);
        let near = if self.hints_wanted() {
            closest(name, known.iter().copied())
        } else {
            None
        };
        let message = match near {
            Some(near) => format!("unknown key `{name}`; did you mean `{near}`?"),
            None => format!(
                "unknown key `{name}`; expected one of `{}`",
                known.join("`, `")
            ),
        };
        self.error(key.span(), message);
    }

    fn missing(&mut self, header: &Span, key: &str, place: &str) {
        self.error(
            header.clone(),
            format!("missing required key `{key}` in {place}"),
        );
    }

    fn wrong_type(&mut self, value: &Value<'s>, key: &str, expected: &str) {
        let found = type_name(value.get_ref());
        self.error(
            value.span(),
            format!("`{key}` should be {expected}, not {found}"),
        );
    }

    fn string<'a>(&mut self, value: &'a Value<'s>, key: &str) -> Option<&'a str> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            _ => {
                self.wrong_type(value, key, "a string");
                None
            }
        }
    }

    fn optional_string(&mut self, entry: Entry<'_, 's>) -> Option<String> {
        let (key, value) = entry?;
        self.string(value, as_str(key)).map(str::to_string)
    }

    fn required_text(
        &mut self,
        entry: Entry<'_, 's>,
        key: &str,
        header: &Span,
        place: &str,
    ) -> Option<String> {
        let Some((_, value)) = entry else {
            self.missing(header, key, place);
            return None;
        };
        let text = self.string(value, key)?;
        if text.trim().is_empty() {
            self.error(
                value.span(),
                format!("`{key}` is empty; it needs some text"),
            );
            return None;
        }
        Some(text.to_string())
    }

    /// An optional boolean such as `suggested`: absent is `false`.
    fn flag(&mut self, entry: Entry<'_, 's>) -> bool {
        let Some((key, value)) = entry else {
            return false;
        };
        match value.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong_type(value, as_str(key), "a boolean (`true` or `false`)");
                false
            }
        }
    }

    fn string_array(&mut self, entry: Entry<'_, 's>) -> Vec<String> {
        let Some((key, value)) = entry else {
            return Vec::new();
        };
        let Some(items) = self.array(key, value) else {
            return Vec::new();
        };
        let name = as_str(key);
        let mut strings = Vec::with_capacity(items.len());
        for item in items {
            if let Some(s) = self.string(item, name) {
                strings.push(s.to_string());
            }
        }
        strings
    }

    fn array<'a>(&mut self, key: &Key<'s>, value: &'a Value<'s>) -> Option<&'a [Value<'s>]> {
        match value.get_ref() {
            DeValue::Array(items) => Some(items.as_ref()),
            _ => {
                self.wrong_type(value, as_str(key), "an array");
                None
            }
        }
    }

    fn table<'a>(&mut self, key: &Key<'s>, value: &'a Value<'s>) -> Option<&'a DeTable<'s>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, as_str(key), "a table");
                None
            }
        }
    }

    fn element_table<'a>(&mut self, item: &'a Value<'s>, key: &str) -> Option<&'a DeTable<'s>> {
        match item.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(item, key, "an array of tables");
                None
            }
        }
    }

    fn check_id(&mut self, span: Span, id: &str, what: &str) -> bool {
        let ok = is_valid_id(id);
        if !ok {
            self.error(
                span,
                format!(
                    "{what} id `{id}` is not valid: use lowercase letters, digits, `_` and `-`, \
                     starting with a letter or digit, at most {MAX_ID_BYTES} bytes"
                ),
            );
        }
        ok
    }

    /// An actor named by a stance, a `via`, an `about` or an affiliation: it must be declared.
    fn reference(&mut self, span: Span, name: &str, declared: &mut Declared) -> Option<ActorId> {
        if declared.ids.contains(name) {
            declared.used.insert(name.to_string());
            return Some(ActorId::new(name));
        }
        let near = if self.hints_wanted() {
            closest(name, declared.ids.iter().map(String::as_str))
        } else {
            None
        };
        let hint = match near {
            Some(near) => format!("; did you mean `{near}`?"),
            None => format!("; declare it as `[actors.{name}]`"),
        };
        self.error(span, format!("`{name}` is not a declared actor{hint}"));
        None
    }
}

/// Scalar values of a file's text quoted in a message, at most.
const MAX_QUOTED: usize = 80;

/// A message with every `quoted` piece of the file's text cut to
/// `MAX_QUOTED` scalar values (and `…`): a 4 MB key must not be printed whole
/// by each of a hundred diagnostics. Messages quote the file's text only
/// between backticks.
fn bounded(message: String) -> String {
    let too_long = message
        .split('`')
        .skip(1)
        .step_by(2)
        .any(|quoted| quoted.chars().nth(MAX_QUOTED).is_some());
    if !too_long {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(1024));
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        match part.char_indices().nth(MAX_QUOTED) {
            Some((cut, _)) if i % 2 == 1 => {
                out.push_str(&part[..cut]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// Where a dotted key first passes toml's nesting limit: the parser reports
/// that error without a place, so the file is lexed once more to find it (only
/// for a file that failed to parse without one).
fn too_deep_key(text: &str) -> Option<Span> {
    use toml_parser::lexer::TokenKind;
    /// toml's own limit on nesting, dotted-key parts included.
    const LIMIT: usize = 80;
    let (mut parts, mut expect_part) = (0usize, true);
    for token in toml_parser::Source::new(text).lex() {
        match token.kind() {
            TokenKind::Whitespace => {}
            TokenKind::Dot => expect_part = true,
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString if expect_part => {
                parts += 1;
                expect_part = false;
                if parts >= LIMIT {
                    let span = token.span();
                    return Some(span.start()..span.end());
                }
            }
            _ => {
                parts = 0;
                expect_part = true;
            }
        }
    }
    None
}

fn as_str<'a>(key: &'a Key<'_>) -> &'a str {
    key.get_ref().as_ref()
}

fn table_entry<'a, 's>(table: &'a DeTable<'s>, name: &str) -> Entry<'a, 's> {
    table.iter().find(|(k, _)| as_str(k) == name)
}

/// The known name within edit distance 2 of `name`, the nearest first.
fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::levenshtein(name, k), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    id.len() <= MAX_ID_BYTES
        && bytes
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn looks_like_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

mod article;
mod claims;
mod pieces;
#[cfg(test)]
mod tests;
