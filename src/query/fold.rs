//! Folding text for the search — the one folding the reader, the index and
//! `export --query` share: lower case, compatibility forms, accents removed and
//! white-space runs made one space, so `Lin`, `LÍN` and `lín` are all `lin`,
//! both in the query and in the text searched.

use unicode_normalization::char::decompose_compatible;

/// `s` folded: lower case, decomposed (NFKD) with its accents dropped, each
/// run of white space one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Whether `c` is an accent the search ignores: a mark of the combining
/// diacritical blocks (the accents of Latin, Greek and Cyrillic letters, and
/// their supplements). Other combining marks stay: a Japanese voiced sound
/// mark (が = か + U+3099) or an Indic vowel sign changes the letter, not its
/// accent.
fn is_accent(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// Appends the folded `s` to `out` (so a caller can reuse one buffer); each
/// run of white space becomes one space, so a phrase matches across a line
/// break of the article as the reader shows it. Text that needs no change
/// (most of a body) is copied a run at a time rather than char by char.
pub fn fold_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut space = false;
    // `s[run..i]` is copied as it is, once something needs a change.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ascii_space = b.is_ascii() && char::from(b).is_whitespace();
        if b == b' ' && !space || b.is_ascii() && !ascii_space && !b.is_ascii_uppercase() {
            space = b == b' ';
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            // Character by character: the marks that canonical reordering would
            // move are dropped or kept alike, so decomposing each alone gives
            // what NFKD would.
            let mut pushed_space = space;
            decompose_compatible(c, |d| {
                if is_accent(d) {
                    return;
                }
                for l in d.to_lowercase() {
                    // A compatibility form may decompose to a space (U+309B).
                    if l.is_whitespace() {
                        if !pushed_space {
                            out.push(' ');
                        }
                        pushed_space = true;
                    } else {
                        out.push(l);
                        pushed_space = false;
                    }
                }
            });
            space = pushed_space;
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&s[run..]);
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn white_space_runs_fold_to_one_space() {
        assert_eq!(fold("said\n   the\tBridge\u{3000}x"), "said the bridge x");
        assert_eq!(fold("  a\u{b}b"), " a b");
        assert_eq!(fold("Peskov  SAID\n\tno"), "peskov said no");
    }

    #[test]
    fn case_and_accents_fold_both_ways() {
        assert_eq!(fold("Lín"), "lin");
        assert_eq!(fold("LIN"), "lin");
        assert_eq!(fold("Xiǎowén Lín"), "xiaowen lin");
        // Decomposed input (n + combining tilde) folds like the composed one.
        assert_eq!(fold("Pen\u{303}a"), "pena");
        assert_eq!(fold("Peña"), "pena");
        assert_eq!(fold("Zoe\u{308}"), "zoe");
        assert_eq!(fold("Ｆｕｌｌ"), "full");
        assert_eq!(fold("Ærøskøbing"), "ærøskøbing");
        assert_eq!(fold("Straße İ"), "straße i");
        assert_eq!(fold("林晓雯"), "林晓雯");
    }

    #[test]
    fn a_japanese_voiced_mark_changes_the_letter_and_stays() {
        // が is か with a voiced mark: they are different letters, not an accent.
        assert_eq!(fold("が"), "か\u{3099}");
        assert_ne!(fold("が"), fold("か"));
        // Half-width katakana with its voiced mark folds like the full-width letter.
        assert_eq!(fold("ｶﾞ"), fold("ガ"));
        // A Devanagari vowel sign is part of the word.
        assert_eq!(fold("किताब"), "किताब");
    }

    #[test]
    fn folding_agrees_with_the_rule_applied_to_the_whole_string() {
        use unicode_normalization::UnicodeNormalization;
        // The rule as written, a second way: NFKD of the whole text, drop the
        // diacritical blocks, lower-case, then one space per white-space run.
        let slow = |s: &str| {
            let accent = |d: char| {
                [
                    ('\u{300}', '\u{36f}'),
                    ('\u{1ab0}', '\u{1aff}'),
                    ('\u{1dc0}', '\u{1dff}'),
                    ('\u{20d0}', '\u{20ff}'),
                    ('\u{fe20}', '\u{fe2f}'),
                ]
                .iter()
                .any(|(a, b)| (*a..=*b).contains(&d))
            };
            let lowered: String = s
                .nfkd()
                .filter(|d| !accent(*d))
                .flat_map(char::to_lowercase)
                .collect();
            let mut out = String::new();
            for (i, word) in lowered.split(char::is_whitespace).enumerate() {
                if i > 0 && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(word);
            }
            out
        };
        for s in [
            "",
            " ",
            "Hello World",
            "a \r\n b",
            "東京で会見：大臣「合意は存在しない」🎉 Zoë's CAFÉ",
            "ÉTÉ Zoë\u{3000}\u{3000}東京 ",
            "وقال المتحدث  إن",
            "x\u{a0}\u{a0}y\u{85}Z",
            "ガギグ ｶﾞｷﾞ Ｆｕｌｌ ﬁne",
        ] {
            assert_eq!(fold(s), slow(s), "{s:?}");
        }
    }
}
