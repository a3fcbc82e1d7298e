//! Query text → terms, in one pass; the first bad term is reported with its place.

use std::ops::Range;

use super::{Date, Filter, KEYS, QueryError, QueryErrorKind, State, Term};

/// A value as typed, with where it sits.
struct Item {
    text: String,
    span: Range<usize>,
}

pub fn parse(text: &str) -> Result<Vec<Term>, QueryError> {
    let mut terms = Vec::new();
    let mut at = 0;
    while let Some(start) = next_non_space(text, at) {
        let (term, end) = term(text, start)?;
        terms.push(term);
        at = end;
    }
    Ok(terms)
}

fn next_non_space(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(i, _)| from + i)
}

/// The end of the run of characters from `from` that are not white space.
fn word_end(text: &str, from: usize) -> usize {
    text[from..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| from + i)
}

fn error(text: &str, span: Range<usize>, kind: QueryErrorKind) -> QueryError {
    let column = text[..span.start].chars().count() + 1;
    QueryError { kind, span, column }
}

/// One term starting at `start`; returns it and where it ends.
fn term(text: &str, start: usize) -> Result<(Term, usize), QueryError> {
    let negated = text[start..].starts_with('-');
    let body = if negated { start + 1 } else { start };
    if text[body..].chars().next().is_none_or(char::is_whitespace) {
        return Err(error(text, start..body, QueryErrorKind::NothingNegated));
    }
    let make = |filter, end| {
        Ok((
            Term {
                negated,
                filter,
                span: start..end,
            },
            end,
        ))
    };
    if text[body..].starts_with('"') {
        let (phrase, end) = quoted(text, body)?;
        if phrase.trim().is_empty() {
            return Err(error(text, body..end, QueryErrorKind::EmptyPhrase));
        }
        return make(Filter::Text(phrase), end);
    }
    let end = word_end(text, body);
    let word = &text[body..end];
    let key = word
        .split_once(':')
        .map(|(k, _)| k)
        .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphabetic()));
    let Some(key) = key else {
        return make(Filter::Text(word.to_string()), end);
    };
    let value_start = body + key.len() + 1;
    let (items, end) = items(text, value_start)?;
    let key_span = body..value_start;
    let filter = filter(text, key, key_span, value_start..end, items)?;
    make(filter, end)
}

/// A `"…"` string starting at `open` (the quote): its text and the end after the closing quote.
fn quoted(text: &str, open: usize) -> Result<(String, usize), QueryError> {
    let mut out = String::new();
    let mut chars = text[open + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, open + 1 + i + 1)),
            '\\' => match chars.next() {
                Some((_, escaped)) => out.push(escaped),
                None => break,
            },
            c => out.push(c),
        }
    }
    Err(error(text, open..text.len(), QueryErrorKind::UnclosedQuote))
}

/// The comma-separated values from `from` to the next white space outside quotes.
fn items(text: &str, from: usize) -> Result<(Vec<Item>, usize), QueryError> {
    let mut items = Vec::new();
    let mut at = from;
    loop {
        let (value, end) = if text[at..].starts_with('"') {
            quoted(text, at)?
        } else {
            let end = text[at..]
                .find(|c: char| c.is_whitespace() || c == ',')
                .map_or(text.len(), |i| at + i);
            (text[at..end].to_string(), end)
        };
        items.push(Item {
            text: value.trim().to_string(),
            span: at..end,
        });
        at = end;
        if !text[at..].starts_with(',') {
            return Ok((items, at));
        }
        at += 1;
    }
}

fn filter(
    text: &str,
    key: &str,
    key_span: Range<usize>,
    whole: Range<usize>,
    items: Vec<Item>,
) -> Result<Filter, QueryError> {
    let lower = key.to_ascii_lowercase();
    let normal = if lower == "language" {
        "lang"
    } else {
        lower.as_str()
    };
    if !KEYS.contains(&normal) {
        let suggestion = nearest(key, KEYS.iter().copied().chain(["language"]));
        let kind = QueryErrorKind::UnknownKey {
            key: key.to_string(),
            suggestion,
        };
        return Err(error(text, key_span, kind));
    }
    if let Some(empty) = items.iter().find(|i| i.text.is_empty()) {
        let span = if whole.is_empty() {
            key_span
        } else {
            empty.span.clone()
        };
        return Err(error(
            text,
            span,
            QueryErrorKind::EmptyValue(normal.to_string()),
        ));
    }
    let texts = |lower: bool| {
        items
            .iter()
            .map(|i| {
                if lower {
                    i.text.to_lowercase()
                } else {
                    i.text.clone()
                }
            })
            .collect::<Vec<_>>()
    };
    Ok(match normal {
        "actor" => Filter::Actor(texts(true)),
        "about" => Filter::About(texts(true)),
        "tag" => Filter::Tag(texts(false)),
        "outlet" => Filter::Outlet(texts(false)),
        "lang" => Filter::Language(texts(true)),
        "is" => Filter::Is(states(text, &items)?),
        "after" => Filter::After(date(text, whole, &items)?),
        _ => Filter::Before(date(text, whole, &items)?),
    })
}

fn states(text: &str, items: &[Item]) -> Result<Vec<State>, QueryError> {
    items
        .iter()
        .map(|item| {
            let value = item.text.to_lowercase();
            State::parse(&value).ok_or_else(|| {
                let suggestion = nearest(&value, State::ALL.map(State::as_str));
                let kind = QueryErrorKind::UnknownState {
                    value: item.text.clone(),
                    suggestion,
                };
                error(text, item.span.clone(), kind)
            })
        })
        .collect()
}

fn date(text: &str, whole: Range<usize>, items: &[Item]) -> Result<Date, QueryError> {
    let bad = || {
        let value = text[whole.clone()].to_string();
        error(text, whole.clone(), QueryErrorKind::BadDate(value))
    };
    match items {
        [one] => parse_date(&one.text).ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// `YYYY-MM-DD`, a day that exists.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|_| &s[r])
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: u16 = digits(0..4)?.parse().ok()?;
    let month: u8 = digits(5..7)?.parse().ok()?;
    let day: u8 = digits(8..10)?.parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

/// The candidate within edit distance 2 of `word`, nearest first.
fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&word, c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
