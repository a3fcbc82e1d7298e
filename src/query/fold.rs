//! Folding text for the search: lower case, compatibility forms and accents
//! removed, so `Lin`, `LÍN` and `lín` are all `lin`, both in the query and in
//! the text searched.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// `s` in lower case, decomposed (NFKD) with its combining marks dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded `s` to `out` (so a caller can reuse one buffer); each
/// run of white space becomes one space, so a phrase matches across a line
/// break of the article as the reader shows it.
pub fn fold_into(s: &str, out: &mut String) {
    let mut space = false;
    let mut push = |out: &mut String, c: char| {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    };
    // Character by character: the marks that canonical reordering would move
    // are all dropped, so decomposing each alone gives what NFKD would.
    for c in s.chars() {
        if c.is_ascii() {
            push(out, c.to_ascii_lowercase());
        } else {
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        push(out, l);
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn white_space_runs_fold_to_one_space() {
        assert_eq!(fold("said\n   the\tBridge\u{3000}x"), "said the bridge x");
    }

    #[test]
    fn case_and_accents_fold_both_ways() {
        assert_eq!(fold("Lín"), "lin");
        assert_eq!(fold("LIN"), "lin");
        // Decomposed input (n + combining tilde) folds like the composed one.
        assert_eq!(fold("Pen\u{303}a"), "pena");
        assert_eq!(fold("Peña"), "pena");
        assert_eq!(fold("Ｆｕｌｌ"), "full");
        assert_eq!(fold("Ærøskøbing"), "ærøskøbing");
    }
}
