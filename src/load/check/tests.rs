//! The checker against small files: what loads, and where each problem is reported.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{ArticleId, Status};
use std::path::PathBuf;

fn load(text: &str) -> Loaded {
    let source = SourceFile {
        path: PathBuf::from("a.toml"),
        id: ArticleId::new("a"),
    };
    check(&source, text)
}

/// `line:column: severity: message` for each diagnostic.
fn problems(text: &str) -> Vec<String> {
    load(text)
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}: {}",
                d.line,
                d.column,
                d.severity.as_str(),
                d.message
            )
        })
        .collect()
}

/// FORMAT.md's example, shared with the loader fixtures and the token fuzzer's seed.
const EXAMPLE: &str = include_str!("../../../tests/fixtures/valid/format-example.toml");

#[test]
fn the_contract_example_loads_clean() {
    let loaded = load(EXAMPLE);
    assert_eq!(loaded.diagnostics, vec![], "{:?}", loaded.diagnostics);
    let article = loaded.article.unwrap();
    assert_eq!(article.published.unwrap().as_str(), "2024-11-11");
    let ids: Vec<_> = article.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["wapo", "wapo-sources", "peskov", "kremlin"],
        "file order"
    );
    let claim = &article.claims[0];
    assert_eq!(claim.status(), Status::Contested);
    assert_eq!(claim.asserted_by[0].via[0].as_str(), "wapo-sources");
    let anchor = claim.quote.as_deref().unwrap();
    assert_eq!(
        anchor,
        "the two leaders reportedly discussed the Ukraine conflict"
    );
    let range = claim.anchor.clone().unwrap();
    assert!(article.body[range].contains("reportedly\ndiscussed"));
}

#[test]
fn inline_forms_are_as_valid_as_tables() {
    let text = r#"title = "t"
body = "A said yes. B said no."
actors = { a = { name = "A", kind = "person" }, b.name = "B", b.kind = "person" }
claims = [ { id = "c", statement = "s", asserted_by = [{ actor = "a", quote = "A said yes" }], denied_by = [{ actor = "b" }] } ]
"#;
    let loaded = load(text);
    assert_eq!(loaded.diagnostics, vec![]);
    assert_eq!(
        loaded.article.unwrap().claims[0].status(),
        Status::Contested
    );
}

#[test]
fn date_times_keep_their_offset_and_gain_a_t() {
    let text = "title = \"t\"\nbody = \"b\"\npublished = 2024-11-11 09:30:00+02:00\n";
    let published = load(text).article.unwrap().published.unwrap();
    assert_eq!(published.as_str(), "2024-11-11T09:30:00+02:00");
}

#[test]
fn missing_top_level_keys_are_reported_at_the_start() {
    assert_eq!(
        problems(""),
        [
            "1:1: error: missing required key `title` in the article",
            "1:1: error: missing required key `body` in the article"
        ]
    );
}

#[test]
fn a_missing_key_in_a_table_points_at_its_header() {
    let text = "title = \"t\"\nbody = \"b\"\n\n[actors.a]\nname = \"A\"\n";
    assert_eq!(
        problems(text)[0],
        "4:1: error: missing required key `kind` in actor `a`"
    );
}

#[test]
fn typos_get_a_suggestion() {
    let text = "title = \"t\"\nbody = \"b\"\nbyline = []\nbylin = [\"x\"]\n";
    assert_eq!(
        problems(text),
        ["4:1: error: unknown key `bylin`; did you mean `byline`?"]
    );
}

#[test]
fn wrong_types_say_what_was_expected() {
    let text = "title = 3\nbody = \"b\"\n";
    assert_eq!(
        problems(text),
        ["1:9: error: `title` should be a string, not an integer"]
    );
}

#[test]
fn blank_required_strings_are_errors_at_the_value() {
    let text = "title = \"t\"\nbody = \" \u{3000}\\n\"\n";
    assert_eq!(
        problems(text),
        ["2:8: error: `body` is empty; it needs some text"]
    );
}

#[test]
fn bare_times_are_not_dates() {
    let text = "title = \"t\"\nbody = \"b\"\npublished = 09:30:00\n";
    assert!(problems(text)[0].starts_with("3:13: error: `published` is a bare time"));
}

#[test]
fn columns_count_characters() {
    let text = "title = \"é\"; body = 1\n";
    assert!(problems(text)[0].starts_with("1:12: error: TOML syntax error"));
}

#[test]
fn claim_problems_are_located() {
    let text = r#"title = "t"
body = "A said yes."

[actors.a]
name = "A"
kind = "Person"

[actors.b]
name = "B"
kind = "person"
affiliation = "b"
wikidata = "q1"

[[claims]]
id = "c"
statement = "s"
quote = "A said no"

[[claims.asserted_by]]
actor = "ab"
via = ["zed"]

[[claims]]
id = "c"
statement = "t"
"#;
    assert_eq!(
        problems(text),
        [
            "6:8: error: unknown kind `Person`; expected one of person, organization, government, outlet, anonymous, document",
            "11:15: error: actor `b` is affiliated with itself",
            "12:12: error: `wikidata` `q1` is not a Wikidata item id such as `Q312847`",
            "17:9: error: `quote` is not in the body; it must match the body's words exactly (white space aside); did you mean “A said” at 2:9?",
            "20:9: error: `ab` is not a declared actor; did you mean `a`?",
            "21:8: error: `zed` is not a declared actor; declare it as `[actors.zed]`",
            "24:6: error: duplicate claim id `c` (first used on line 15)",
            "24:6: warning: claim `c` is unattributed: nobody asserts or denies it",
        ]
    );
}

#[test]
fn warnings_do_not_reject() {
    let text = r#"title = "t"
body = "no no"

[actors.a]
name = "A"
kind = "person"

[[claims]]
id = "c"
statement = "s"
quote = "no"
asserted_by = [{ actor = "a" }]
denied_by = [{ actor = "a" }]
"#;
    let loaded = load(text);
    assert!(loaded.article.is_some());
    let got: Vec<_> = problems(text);
    assert_eq!(
        got,
        [
            "9:6: warning: actor `a` both asserts and denies claim `c`",
            "11:9: warning: `quote` occurs more than once in the body; the first occurrence is the anchor",
        ]
    );
}

#[test]
fn bad_ids_are_rejected() {
    let long = "a".repeat(65);
    let text = format!(
        "title = \"t\"\nbody = \"b\"\n[actors.{long}]\nname = \"A\"\nkind = \"person\"\n[actors.Big]\nname = \"B\"\nkind = \"person\"\n"
    );
    let got = problems(&text);
    assert!(got[0].starts_with("3:9: error: actor id `aaaa"), "{got:?}");
    assert!(
        got[1].starts_with("6:9: error: actor id `Big` is not valid"),
        "{got:?}"
    );
}

#[test]
fn unused_actors_are_warned_only_in_files_without_errors() {
    let clean = "title = \"t\"\nbody = \"b\"\n[actors.a]\nname = \"A\"\nkind = \"person\"\n";
    assert_eq!(
        problems(clean),
        ["3:9: warning: actor `a` is declared but never used"]
    );
    // Here the stance that used `a` is itself broken: only its error is worth reading.
    let broken =
        format!("{clean}[[claims]]\nid = \"c\"\nstatement = \"s\"\nasserted_by = [\"a\"]\n");
    let got = problems(&broken);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("9:16: error:"), "{got:?}");
}

#[test]
fn near_miss_hints_are_bounded_per_file() {
    let mut text = String::from("title = \"t\"\nbody = \"\"\"\nthe two leaders spoke\n\"\"\"\n");
    for i in 0..25 {
        text.push_str(&format!(
            "\n[[claims]]\nid = \"c{i}\"\nstatement = \"s\"\nquote = \"The two leaders met\"\n"
        ));
    }
    let diagnostics = load(&text).diagnostics;
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let hinted = diagnostics
        .iter()
        .filter(|d| d.message.contains("did you mean “the two leaders” at 3:1?"))
        .count();
    assert_eq!(errors, 25);
    // Each hint costs a pass over the body: the first ten quotes get one.
    assert_eq!(hinted, 10);
}
