//! The piecewise check against the whole-document check, its second
//! implementation: on every fixture and seed article, on each of them with a
//! line dropped or doubled, and on generated files that mix every spelling of
//! actors and claims with the mistakes that cross pieces, both give the same
//! article and the same diagnostics, or the piecewise check declines.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::super::check_whole;
use super::check;
use crate::load::{Loaded, SourceFile};
use crate::model::ArticleId;

fn source() -> SourceFile {
    SourceFile {
        path: PathBuf::from("a.toml"),
        id: ArticleId::new("a"),
    }
}

/// Everything a user or a caller sees of a result.
fn shown(loaded: &Loaded) -> String {
    format!(
        "{:#?}\n{:#?}\n{:?}",
        loaded.article, loaded.diagnostics, loaded.hidden
    )
}

/// Whether the piecewise check took `text` (true) or declined it; panics if it
/// took it and disagrees with the whole-document check.
fn agrees(text: &str) -> bool {
    let whole = check_whole(&source(), text);
    let Some(pieces) = check(&source(), text) else {
        return false;
    };
    assert_eq!(shown(&pieces), shown(&whole), "on:\n{text}");
    true
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn corpus() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    toml_files(&root.join("tests/fixtures"), &mut paths);
    toml_files(&root.join("articles"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let bytes = bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(&bytes)
                .to_vec();
            String::from_utf8(bytes).ok().map(|t| (p, t))
        })
        .collect()
}

#[test]
fn every_fixture_and_seed_article_checks_the_same_in_pieces() {
    let mut taken = Vec::new();
    for (path, text) in corpus() {
        if agrees(&text) {
            taken.push(path);
        }
    }
    // The seed articles and the valid fixtures with headers go piece by piece.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("articles/world/kremlin-denies-trump-putin-call.toml");
    assert!(taken.contains(&seed), "{taken:?}");
    assert!(taken.len() > 60, "only {} taken: {taken:?}", taken.len());
}

#[test]
fn every_fixture_with_a_line_dropped_or_doubled_checks_the_same() {
    let mut taken = 0;
    for (_, text) in corpus() {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for i in 0..lines.len() {
            let dropped: String = lines[..i].concat() + &lines[i + 1..].concat();
            let doubled: String = lines[..=i].concat() + &lines[i..].concat();
            taken += usize::from(agrees(&dropped)) + usize::from(agrees(&doubled));
        }
    }
    assert!(taken > 1000, "only {taken} variants taken");
}

/// Sections of an article, each ending in a line feed; the generated files
/// are a root section followed by any of these in any order.
const ROOTS: [&str; 6] = [
    "title = \"T\"\nbody = \"\"\"\nAlpha beta gamma. Delta said so. Alpha beta gamma.\n\"\"\"\n",
    "# fictional\ntitle = \"T\"\nbody = \"Alpha beta gamma. Delta said so.\"\ntitel = 1\n",
    "title = \"\"\nbody = \"x [[claims]] y\"\npublished = 2024-01-01\n",
    "title = \"T\"\nbody = \"Alpha\"\nclaims = []\n",
    "title = \"T\"\nbody = \"Alpha\"\nactors.a.name = \"A\"\n",
    "",
];

const SECTIONS: [&str; 24] = [
    "[actors.a]\nname = \"A\"\nkind = \"person\"\n",
    "[actors.b]\nname = \"B\"\nkind = \"outlet\"\naffiliation = \"a\"\n",
    "[actors.c]\nname = \"C\"\nkind = \"robot\"\naffiliation = \"c\"\nnmae = 1\n",
    "[actors.Bad_Id]\nname = \"\"\n",
    "[actors.d] # a comment\nname = { first = 1 }\nkind = \"document\"\n[actors.d.more]\nx = 1\n",
    "[actors.e]\nname = \"E\"\nkind = \"person\"\n[claims.stray]\n",
    "[actors]\nf = { name = \"F\", kind = \"person\" }\n",
    "[[claims]]\nid = \"c1\"\nstatement = \"S\"\nquote = \"Delta said so\"\nasserted_by = [{ actor = \"a\" }]\n",
    "[[claims]]\nid = \"c1\"\nstatement = \"S\"\nquote = \"alpha  beta\"\ndenied_by = [{ actor = \"a\" }, { actor = \"b\", via = [\"a\", \"zz\"] }]\n",
    "[[claims]]\nid = \"c2\"\nstatement = \"S\"\nquote = \"Alpha beta gamma\"\n[[claims.asserted_by]]\nactor = \"b\"\nquote = \"nowhere\"\n[[claims.denied_by]]\nactor = \"b\"\n",
    "[[claims]]\nid = \"c3\"\nstatment = \"S\"\nquote = 7\nabout = [\"a\", \"a\", \"q\"]\nsuggested = \"yes\"\n",
    "[[claims]]\nid = \"Bad Id\"\nstatement = \"\"\"\n[[claims]]\nid = \"x\"\n\"\"\"\nquote = ''\n",
    "[[claims]]\n",
    "[[claims]]\nid = \"c4\"\nstatement = \"S\"\nasserted_by = [\n  { actor = \"a\", cue = \"said\" },\n  # [[claims]]\n]\n",
    "[[claims]]\nid = \"c5\"\nid = \"c6\"\n",
    "[[claims]]\nid = \"c7\"\nstatement = \"S\"\n[claims.asserted_by]\nactor = \"a\"\n",
    "[[claims]]\nid = \"c8\"\nstatement = \"S\"\nasserted_by = [{ actor = \"a\" }]\n[actors.g]\nname = \"G\"\nkind = \"person\"\n",
    "[claims]\nid = \"c9\"\n",
    "[other]\nx = 1\n",
    "title = \"again\"\n",
    "x = = 1\n",
    "# [[claims]] in a comment\n\n",
    "[[claims]]\nid = \"c10\"\nstatement = '''\n[actors.h]'''\nasserted_by = [{ actor = \"h\" }]\n",
    "[ actors.a ]\nname = \"A2\"\n",
];

fn article() -> impl Strategy<Value = String> {
    (
        prop::sample::select(ROOTS.to_vec()),
        prop::collection::vec(prop::sample::select(SECTIONS.to_vec()), 0..10),
        any::<bool>(),
    )
        .prop_map(|(root, sections, crlf)| {
            let text = sections.iter().fold(root.to_string(), |t, s| t + s);
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_articles_check_the_same_in_pieces(text in article()) {
        agrees(&text);
    }
}

#[test]
fn generated_articles_are_mostly_taken() {
    // The property above must not pass by the piecewise check declining all.
    let sections = [
        SECTIONS[0],
        SECTIONS[1],
        SECTIONS[7],
        SECTIONS[9],
        SECTIONS[13],
    ];
    let text = sections.iter().fold(ROOTS[0].to_string(), |t, s| t + s);
    assert!(agrees(&text));
    assert!(agrees(&text.replace('\n', "\r\n")));
}

#[test]
fn a_large_file_is_checked_in_pieces_with_every_problem_at_its_place() {
    // Over the size from which `check` cuts files: a problem far down must be
    // placed as the whole-document check places it, through `check` itself.
    let mut text = ROOTS[0].to_string() + SECTIONS[0] + SECTIONS[2];
    for i in 0..3000 {
        let section = SECTIONS[7 + i % 7].replace("\"c1\"", &format!("\"n{}\"", i % 2900));
        text.push_str(&section);
    }
    assert!(text.len() >= super::super::PIECEWISE_FROM, "{}", text.len());
    assert!(agrees(&text));
    assert!(check_whole(&source(), &text).hidden.total() > 0);
    // Valid claims, then one with problems: they are found at the end.
    let mut text = ROOTS[0].to_string() + SECTIONS[0];
    for i in 0..3000 {
        text.push_str(&SECTIONS[7].replace("\"c1\"", &format!("\"n{i}\"")));
    }
    text.push_str(SECTIONS[10]);
    let loaded = super::super::check(&source(), &text);
    assert_eq!(shown(&loaded), shown(&check_whole(&source(), &text)));
    let places: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    // 4 + 3 lines, 3000 claims of 5 lines, then the bad claim's header on
    // line 15008: its missing statement, `statment`, `quote = 7`, the second
    // "a" and the undeclared "q" of `about`, `suggested = "yes"`.
    let expected = [
        (15008, 1),
        (15010, 1),
        (15011, 9),
        (15012, 15),
        (15012, 20),
        (15013, 13),
    ];
    assert_eq!(places, expected);
}
