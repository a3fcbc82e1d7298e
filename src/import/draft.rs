//! An article about to be written: plain data every importer fills, and its
//! TOML spelling (written by hand: the toml crate is built here without its
//! serializer, and the format needs only strings, arrays and one date).

use std::fmt::Write as _;

/// An actor of a draft, declared under `[actors.<id>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftActor {
    pub id: String,
    pub name: String,
    /// One of the contract's kinds (`person`, `outlet` …).
    pub kind: String,
    pub role: Option<String>,
    /// Other names the body uses for it.
    pub aliases: Vec<String>,
}

/// One stance of a draft claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftStance {
    pub actor: String,
    pub cue: Option<String>,
    pub denies: bool,
}

/// One claim of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftClaim {
    pub id: String,
    pub statement: String,
    pub quote: Option<String>,
    pub stances: Vec<DraftStance>,
}

/// An article as an importer understood it, before it is checked and written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub body: String,
    /// Already in TOML date / date-time syntax (RFC 3339), checked by whoever set it.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Vec<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    /// A feed item's identity (guid, else link): how a second import knows it.
    pub feed_item_id: Option<String>,
    pub actors: Vec<DraftActor>,
    pub claims: Vec<DraftClaim>,
}

impl Draft {
    /// The article file, in the layout the README shows.
    pub fn to_toml(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + 256 + 128 * self.claims.len());
        key_string(&mut out, "title", &self.title);
        if let Some(published) = &self.published {
            let _ = writeln!(out, "published = {published}");
        }
        optional(&mut out, "outlet", self.outlet.as_deref());
        optional(&mut out, "url", self.url.as_deref());
        array(&mut out, "byline", &self.byline);
        array(&mut out, "tags", &self.tags);
        optional(&mut out, "language", self.language.as_deref());
        optional(&mut out, "feed_item_id", self.feed_item_id.as_deref());
        out.push_str("body = \"\"\"\n");
        multiline(&mut out, &self.body);
        out.push_str("\"\"\"\n");
        for actor in &self.actors {
            let _ = write!(out, "\n[actors.{}]\n", actor.id);
            key_string(&mut out, "name", &actor.name);
            key_string(&mut out, "kind", &actor.kind);
            optional(&mut out, "role", actor.role.as_deref());
            array(&mut out, "aliases", &actor.aliases);
        }
        for claim in &self.claims {
            out.push_str("\n[[claims]]\n");
            key_string(&mut out, "id", &claim.id);
            key_string(&mut out, "statement", &claim.statement);
            optional(&mut out, "quote", claim.quote.as_deref());
            for stance in &claim.stances {
                let table = if stance.denies {
                    "denied_by"
                } else {
                    "asserted_by"
                };
                let _ = write!(out, "\n[[claims.{table}]]\n");
                key_string(&mut out, "actor", &stance.actor);
                optional(&mut out, "cue", stance.cue.as_deref());
            }
        }
        out
    }
}

fn key_string(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    crate::toml_text::push_basic(out, value);
    out.push('\n');
}

fn optional(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        key_string(out, key, value);
    }
}

fn array(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    out.push_str(key);
    out.push_str(" = [");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        crate::toml_text::push_basic(out, value);
    }
    out.push_str("]\n");
}

/// The inside of a TOML multi-line basic string: line feeds and tabs kept as
/// they are (so the body reads as prose), every `"` escaped (so no `"""` can
/// close it early), CR and other control characters escaped (so the body
/// loads byte for byte, whatever a parser does with line endings).
fn multiline(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if c.is_control() && (c as u32) < 0x80 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_so_toml_reads_them_back_unchanged() {
        let nasty = "a \"quoted\" \\ back\tslash\r\nline \u{1b}[31m \u{7f} \"\"\" end\"";
        let draft = Draft {
            title: nasty.to_owned(),
            body: nasty.to_owned(),
            byline: vec![nasty.to_owned(), "B".to_owned()],
            ..Draft::default()
        };
        let table: toml::Table = toml::from_str(&draft.to_toml()).unwrap_or_default();
        assert_eq!(table.get("title").and_then(|v| v.as_str()), Some(nasty));
        assert_eq!(table.get("body").and_then(|v| v.as_str()), Some(nasty));
        let byline = table.get("byline").and_then(|v| v.as_array());
        assert_eq!(byline.map(Vec::len), Some(2));
    }

    #[test]
    fn a_body_starting_with_a_line_feed_keeps_it() {
        let draft = Draft {
            title: "t".into(),
            body: "\n\nfirst".into(),
            ..Draft::default()
        };
        let table: toml::Table = toml::from_str(&draft.to_toml()).unwrap_or_default();
        assert_eq!(
            table.get("body").and_then(|v| v.as_str()),
            Some("\n\nfirst")
        );
    }
}
