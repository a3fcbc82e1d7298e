//! TOML text the program writes into article files (import, suggest): one
//! escaping rule, so every value written reads back as it was.

use std::fmt::Write as _;

/// Appends `s` to `out` as a TOML basic string: `"`, `\` and control
/// characters escaped, the rest as is.
pub fn push_basic(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `s` as a TOML basic string.
pub fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_basic(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::basic;

    #[test]
    fn strings_read_back_as_written() {
        for s in [
            "plain",
            "say \"no\"",
            "a\\b",
            "line\nbreak\ttab\r",
            "\u{1b}[31m",
            "\u{85}é",
        ] {
            let doc = format!("v = {}", basic(s));
            let value: toml::Table = toml::from_str(&doc).unwrap_or_default();
            assert_eq!(value.get("v").and_then(|v| v.as_str()), Some(s), "{doc}");
        }
    }
}
