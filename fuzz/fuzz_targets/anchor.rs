//! Quote anchoring against FORMAT.md's rule read literally: collapse both
//! sides, find every occurrence, keep those on grapheme boundaries.
#![no_main]

use std::ops::Range;

use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;
use whosaid::anchor::{self, Anchor};

fn reference(body: &str, quote: &str) -> Anchor {
    let quote: Vec<char> = anchor::collapse(quote).chars().collect();
    if quote.is_empty() {
        return Anchor::Empty;
    }
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
    let mut bounds: Vec<usize> = body.grapheme_indices(true).map(|(i, _)| i).collect();
    bounds.push(body.len());
    let matches: Vec<Range<usize>> = (0..chars.len())
        .filter(|&p| {
            p + quote.len() <= chars.len()
                && chars[p..p + quote.len()]
                    .iter()
                    .map(|(c, _)| *c)
                    .eq(quote.iter().copied())
        })
        .map(|p| chars[p].1.start..chars[p + quote.len() - 1].1.end)
        .filter(|r| bounds.contains(&r.start) && bounds.contains(&r.end))
        .collect();
    match matches.first() {
        None => Anchor::NotFound,
        Some(range) => Anchor::Found {
            range: range.clone(),
            repeated: matches.len() > 1,
        },
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first line is the quote, the rest the body.
    let (quote, body) = text.split_once('\n').unwrap_or((text, ""));
    assert_eq!(
        anchor::find(body, quote),
        reference(body, quote),
        "{quote:?} in {body:?}"
    );
    // Many quotes at once find what each finds alone.
    let quotes: Vec<&str> = quote.split('|').collect();
    let all = anchor::find_many(body, quotes.iter().copied());
    for q in quotes {
        let alone = anchor::find(body, q);
        assert_eq!(all.get(&anchor::collapse(q)), Some(&alone), "{q:?}");
    }
});
