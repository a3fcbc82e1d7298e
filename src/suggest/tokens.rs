//! Words, punctuation and quotation marks of a text with their byte spans, and
//! the quotations and sentences over them: one pass each, linear in the text.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and dots (`O’Malley`, `U.S.`).
    Word,
    /// One punctuation character.
    Punct,
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
    /// A line break that ends a sentence.
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Abbreviations whose dot ends no sentence (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt",
    "capt", "st", "jr", "sr", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "prof", "pres", "vs", "no", "ft", "mt", "rev", "hon",
    "adm", "cmdr", "supt", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "approx",
    "dept", "est", "fig",
];

fn is_word_char(c: char) -> bool {
    // Letters, digits and anything that is neither space nor punctuation we know
    // (combining marks included, so a token never ends inside a grapheme cluster).
    !(c.is_whitespace() || c.is_ascii_punctuation() || is_unicode_punct(c))
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '„'
            | '«'
            | '»'
            | '—'
            | '–'
            | '…'
            | '‐'
            | '‑'
            | '′'
            | '″'
            | '•'
            | '·'
    ) || ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Characters that join two word pieces into one word when letters follow.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | '‑')
}

/// Splits `text` into tokens. A line break counts as a sentence break when the
/// text has no blank lines (plain text, one paragraph a line) or when the line
/// ends a sentence; inside a blank-line-separated body a single newline is a wrap.
pub fn tokenize(text: &str) -> Vec<Token> {
    let hard_lines = !text.contains("\n\n") && !text.contains("\r\n\r\n");
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            let mut newlines = usize::from(c == '\n');
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                newlines += usize::from(d == '\n');
                end = j + d.len_utf8();
                chars.next();
            }
            let ends_sentence = out.last().is_none_or(|t| {
                t.kind == Kind::Close
                    || t.kind == Kind::Break
                    || (t.kind == Kind::Punct && matches!(&text[t.range()], "." | "!" | "?" | ":"))
            });
            if newlines >= 2 || (newlines == 1 && (hard_lines || ends_sentence)) {
                out.push(Token {
                    start: i,
                    end,
                    kind: Kind::Break,
                });
            }
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            loop {
                match chars.peek() {
                    Some(&(j, d)) if is_word_char(d) => {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    Some(&(j, d)) if is_joiner(d) => {
                        // Join only when a word character follows the joiner.
                        let after = text[j + d.len_utf8()..].chars().next();
                        let digits_only = d == ',';
                        let ok = after.is_some_and(|a| {
                            if digits_only {
                                a.is_ascii_digit()
                                    && text[..j]
                                        .chars()
                                        .next_back()
                                        .is_some_and(|p| p.is_ascii_digit())
                            } else {
                                is_word_char(a)
                            }
                        });
                        if !ok {
                            break;
                        }
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    _ => break,
                }
            }
            // A plural possessive keeps its apostrophe (`Sanders’ aides`).
            if text[i..end].ends_with(['s', 'S'])
                && let Some(&(j, d)) = chars.peek()
                && matches!(d, '’' | '\'')
                && text[j + d.len_utf8()..].starts_with(|a: char| a.is_whitespace())
            {
                end = j + d.len_utf8();
                chars.next();
            }
            // An abbreviation keeps its dot, so the dot ends no sentence.
            if text[end..].starts_with('.') {
                let word = &text[i..end];
                let short = word.len() == 1 && word.chars().all(|c| c.is_alphabetic());
                if short || word.contains('.') || is_abbreviation(word) {
                    end += 1;
                    chars.next();
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: Kind::Word,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        // Two apostrophes are a quotation mark in some archives (`''Yes,'' he said`);
        // of three after a word or a mark (`… 'a special case,''' Vell said`), the
        // first closes the inner quotation and the two others the outer one.
        let closes_inner = c == '\''
            && text[end..].starts_with("''")
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace());
        let doubled = c == '\'' && text[end..].starts_with('\'') && !closes_inner;
        if doubled {
            end += 1;
            chars.next();
        }
        let kind = match c {
            '\'' if doubled => {
                let prev = text[..i].chars().next_back();
                let opens = prev.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
                });
                if opens { Kind::Open } else { Kind::Close }
            }
            // `“It’s unusual,“ said …`: an opening mark right after a word and before a
            // space closes the quotation, as some archives type it.
            '“' if text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '?' | '!'))
                && text[end..].chars().next().is_none_or(char::is_whitespace) =>
            {
                Kind::Close
            }
            '“' | '„' | '«' => Kind::Open,
            '”' | '»' => Kind::Close,
            // `… 'a special case,' " said Vell`: after an inner quotation closed by a
            // mark and a space, a straight mark before a space closes the outer one.
            '"' if [",' ", ".' ", "?' ", "!' ", ",’ ", ".’ ", "?’ ", "!’ "]
                .iter()
                .any(|t| text[..i].ends_with(t))
                && text[end..].chars().next().is_none_or(char::is_whitespace) =>
            {
                Kind::Close
            }
            '"' => {
                let prev = text[..i].chars().next_back();
                let opens = prev.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '“' | '/')
                });
                if opens { Kind::Open } else { Kind::Close }
            }
            _ => Kind::Punct,
        };
        out.push(Token {
            start: i,
            end,
            kind,
        });
    }
    out
}

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Quotations as token index ranges, opening mark to closing mark inclusive.
/// A quotation never crosses a sentence break: an unclosed one is dropped.
pub fn quotations(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Open => open = Some(i),
            Kind::Close => {
                if let Some(o) = open.take() {
                    out.push(o..i + 1);
                }
            }
            Kind::Break => open = None,
            _ => {}
        }
    }
    out
}

/// Whether a speaker and a reporting verb come next (`“… missing.” Trump said.`),
/// so the quotation and its attribution stay one sentence.
fn speaker_follows(text: &str, tokens: &[Token], from: usize) -> bool {
    let mut i = from;
    while i < tokens.len() && i < from + 6 && tokens[i].kind == Kind::Word {
        let word = &text[tokens[i].range()];
        if i > from && super::lexicon::verb(word).is_some_and(|v| !v.gerund) {
            // `Trump said.`, `Trump said, …`, or an adjunct (`Clinton said to People.`).
            return tokens.get(i + 1).is_none_or(|t| {
                t.kind == Kind::Break
                    || matches!(
                        &text[t.range()],
                        "." | ","
                            | "to"
                            | "at"
                            | "in"
                            | "about"
                            | "of"
                            | "during"
                            | "on"
                            | "Monday"
                            | "Tuesday"
                            | "Wednesday"
                            | "Thursday"
                            | "Friday"
                            | "Saturday"
                            | "Sunday"
                            | "today"
                            | "yesterday"
                            | "last"
                            | "earlier"
                            | "later"
                            | "this"
                    )
            });
        }
        i += 1;
    }
    false
}

/// Sentences as token index ranges (breaks excluded). A sentence ends after
/// `.`, `!` or `?` outside a quotation, after a closing mark that follows one
/// of them when a capital or a new quotation comes next, and at a break.
pub fn sentences(text: &str, tokens: &[Token], quotes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut inside = vec![false; tokens.len()];
    for q in quotes {
        for flag in &mut inside[q.start + 1..q.end - 1] {
            *flag = true;
        }
    }
    let starts_new = |i: usize| -> bool {
        match tokens.get(i) {
            None => true,
            Some(t) => match t.kind {
                Kind::Break | Kind::Open => true,
                // `…, Vell said. (A spokesman disputed it.)`: an aside opens a sentence.
                Kind::Punct => &text[t.range()] == "(",
                Kind::Word => text[t.range()]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_lowercase()),
                _ => false,
            },
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let end_here = match t.kind {
            Kind::Break => {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
                continue;
            }
            Kind::Punct => {
                !inside[i]
                    && matches!(&text[t.range()], "." | "!" | "?")
                    && tokens.get(i + 1).is_none_or(|n| n.kind != Kind::Close)
                    && starts_new(i + 1)
            }
            Kind::Close => {
                i > 0
                    && tokens[i - 1].kind == Kind::Punct
                    && matches!(&text[tokens[i - 1].range()], "." | "!" | "?")
                    && starts_new(i + 1)
                    && !speaker_follows(text, tokens, i + 1)
            }
            _ => false,
        };
        if end_here {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}
