//! The three export formats on the fixture corpus: golden files, the JSON
//! against the contract's shape, the CSV against the JSON, and the Markdown
//! read back by a CommonMark parser.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use whosaid::Corpus;
use whosaid::export::{self, Format};
use whosaid::summary::{ArticleSummary, summarize};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

fn corpus() -> Corpus {
    let corpus = Corpus::load(&[fixtures()]).unwrap();
    let rejected: Vec<_> = corpus.rejected().map(|f| f.id.to_string()).collect();
    assert!(rejected.is_empty(), "fixtures must load: {rejected:?}");
    corpus
}

fn render(format: Format, summaries: &[ArticleSummary<'_>]) -> String {
    let mut out = Vec::new();
    format.write(summaries, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn exported(format: Format) -> String {
    let corpus = corpus();
    render(format, &summarize(corpus.articles()))
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!("fixtures.md", exported(Format::Markdown));
}

#[test]
fn json_golden() {
    insta::assert_snapshot!("fixtures.json", exported(Format::Json));
}

#[test]
fn csv_golden() {
    insta::assert_snapshot!("fixtures.csv", exported(Format::Csv));
}

#[test]
fn the_original_article_alone_in_markdown() {
    let corpus = corpus();
    let article = corpus
        .articles()
        .iter()
        .find(|a| a.id.as_str() == "world/kremlin-call")
        .unwrap();
    let summaries = [ArticleSummary::reviewed(article)];
    insta::assert_snapshot!("kremlin-call.md", render(Format::Markdown, &summaries));
}

#[test]
fn articles_come_in_byte_wise_id_order() {
    let json: Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    let ids: Vec<_> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    // `Zeta` before `unicode`: upper case sorts first byte-wise.
    assert_eq!(
        ids,
        [
            "Zeta",
            "unicode/mixed",
            "world/kremlin-call",
            "world/port-elsby-ferry"
        ]
    );
}

#[test]
fn user_text_passes_through_json_unchanged() {
    let json: Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    let claims = &json["articles"][1]["claims"];
    // A control character and a newline stay as written: JSON is data.
    assert_eq!(
        claims[2]["statement"],
        "Prices rose by $5 & more,\naccording to café owners.\u{1b}[31m"
    );
    // Quotes are collapsed and trimmed, as in matching.
    assert_eq!(claims[1]["quote"], "\"100% done 🎉\"");
    // An empty role stays empty, an absent one is null.
    let wire = &claims[0]["asserted_by"][0];
    assert_eq!(wire["via"][1]["role"], "");
    assert_eq!(wire["actor"]["role"], Value::Null);
    let via: Vec<_> = wire["via"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["id"])
        .collect();
    assert_eq!(via, ["officials", "aide"]);
    let statuses: Vec<_> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["status"])
        .collect();
    assert_eq!(
        statuses,
        [
            "asserted",
            "contested",
            "asserted",
            "denied",
            "unattributed"
        ]
    );
}

// --- The JSON against the contract's shape -------------------------------

const TOP: &[&str] = &["whosaid_export", "articles"];
const ARTICLE: &[&str] = &[
    "id",
    "title",
    "published",
    "outlet",
    "url",
    "byline",
    "tags",
    "language",
    "claims",
];
const CLAIM: &[&str] = &[
    "id",
    "statement",
    "status",
    "quote",
    "about",
    "asserted_by",
    "denied_by",
];
const STANCE: &[&str] = &["actor", "via", "cue", "quote"];
const ACTOR: &[&str] = &["id", "name", "kind", "role"];

/// A JSON value that keeps its objects' keys in document order.
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Scalar,
}

impl Node {
    fn keys(&self) -> Vec<&str> {
        match self {
            Node::Object(entries) => entries.iter().map(|(k, _)| k.as_str()).collect(),
            _ => panic!("not an object"),
        }
    }

    fn get(&self, key: &str) -> &Node {
        match self {
            Node::Object(entries) => &entries.iter().find(|(k, _)| k == key).unwrap().1,
            _ => panic!("not an object"),
        }
    }

    fn items(&self) -> &[Node] {
        match self {
            Node::Array(items) => items,
            _ => panic!("not an array"),
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Object(entries))
    }
}

#[test]
fn json_has_exactly_the_contract_keys_in_the_contract_order() {
    let text = exported(Format::Json);
    let doc: Node = serde_json::from_str(&text).unwrap();
    assert_eq!(doc.keys(), TOP);
    let mut stances = 0;
    let mut abouts = 0;
    for article in doc.get("articles").items() {
        assert_eq!(article.keys(), ARTICLE);
        for claim in article.get("claims").items() {
            assert_eq!(claim.keys(), CLAIM);
            for subject in claim.get("about").items() {
                abouts += 1;
                assert_eq!(subject.keys(), ACTOR);
            }
            for key in ["asserted_by", "denied_by"] {
                for stance in claim.get(key).items() {
                    stances += 1;
                    assert_eq!(stance.keys(), STANCE);
                    assert_eq!(stance.get("actor").keys(), ACTOR);
                    for relayed in stance.get("via").items() {
                        assert_eq!(relayed.keys(), ACTOR);
                    }
                }
            }
        }
    }
    assert_eq!(
        stances, 11,
        "every reviewed stance of the fixtures was checked"
    );
    assert_eq!(
        abouts, 3,
        "every `about` actor of reviewed claims was checked"
    );
}

#[test]
fn json_values_have_the_contract_types() {
    let json: Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    assert_eq!(json["whosaid_export"], 2);
    let string_or_null = |v: &Value| v.is_string() || v.is_null();
    let strings = |v: &Value| v.as_array().unwrap().iter().all(Value::is_string);
    let actor_ok = |a: &Value| {
        a["id"].is_string()
            && a["name"].is_string()
            && [
                "person",
                "organization",
                "government",
                "outlet",
                "anonymous",
                "document",
            ]
            .contains(&a["kind"].as_str().unwrap())
            && string_or_null(&a["role"])
    };
    for article in json["articles"].as_array().unwrap() {
        assert!(article["id"].is_string() && article["title"].is_string());
        for key in ["published", "outlet", "url", "language"] {
            assert!(string_or_null(&article[key]), "{key}");
        }
        assert!(strings(&article["byline"]) && strings(&article["tags"]));
        for claim in article["claims"].as_array().unwrap() {
            assert!(claim["id"].is_string() && claim["statement"].is_string());
            assert!(string_or_null(&claim["quote"]));
            assert!(claim["about"].as_array().unwrap().iter().all(actor_ok));
            let status = claim["status"].as_str().unwrap();
            assert!(["contested", "asserted", "denied", "unattributed"].contains(&status));
            for key in ["asserted_by", "denied_by"] {
                for stance in claim[key].as_array().unwrap() {
                    assert!(actor_ok(&stance["actor"]));
                    assert!(stance["via"].as_array().unwrap().iter().all(actor_ok));
                    assert!(string_or_null(&stance["cue"]) && string_or_null(&stance["quote"]));
                }
            }
        }
    }
}

// --- The CSV against the JSON ---------------------------------------------

/// The CSV rows the contract derives from the JSON: one per stance,
/// assertions before denials, absent values empty, `via` names joined by ` > `;
/// one row with empty stance fields for an unattributed claim; the `about`
/// names joined by `; ` on every row of a claim.
fn rows_from_json(json: &Value) -> Vec<Vec<String>> {
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut rows = Vec::new();
    for article in json["articles"].as_array().unwrap() {
        for claim in article["claims"].as_array().unwrap() {
            let about: Vec<_> = claim["about"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| text(&a["name"]))
                .collect();
            let about = about.join("; ");
            if claim["status"] == "unattributed" {
                let mut row = vec![
                    text(&article["id"]),
                    text(&article["title"]),
                    text(&claim["id"]),
                    text(&claim["statement"]),
                    text(&claim["status"]),
                ];
                row.extend(std::iter::repeat_n(String::new(), 8));
                row.push(about.clone());
                rows.push(row);
            }
            for (key, stance_kind) in [("asserted_by", "asserts"), ("denied_by", "denies")] {
                for stance in claim[key].as_array().unwrap() {
                    let actor = &stance["actor"];
                    let via: Vec<_> = stance["via"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| text(&a["name"]))
                        .collect();
                    rows.push(vec![
                        text(&article["id"]),
                        text(&article["title"]),
                        text(&claim["id"]),
                        text(&claim["statement"]),
                        text(&claim["status"]),
                        stance_kind.to_string(),
                        text(&actor["id"]),
                        text(&actor["name"]),
                        text(&actor["kind"]),
                        text(&actor["role"]),
                        via.join(" > "),
                        text(&stance["cue"]),
                        text(&stance["quote"]),
                        about.clone(),
                    ]);
                }
            }
        }
    }
    rows
}

#[test]
fn csv_parsed_back_matches_the_json_field_by_field() {
    let json: Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    let csv_text = exported(Format::Csv);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let header: Vec<_> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header.join(","),
        "article_id,article_title,claim_id,statement,status,stance,actor_id,actor_name,actor_kind,actor_role,via,cue,quote,about"
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let expected = rows_from_json(&json);
    assert_eq!(rows.len(), expected.len());
    // 11 reviewed stances and one row for each of the two unattributed claims.
    assert_eq!(rows.len(), 13);
    for (i, (row, want)) in rows.iter().zip(&expected).enumerate() {
        for (field, (got, want)) in header.iter().zip(row.iter().zip(want)) {
            assert_eq!(got, want, "row {i}, field {field}");
        }
    }
}

// --- The Markdown read back -----------------------------------------------

/// Headings (level, text), table cells, and every inline construct other
/// than text, as a CommonMark parser with GitHub's and pandoc's extensions sees them.
#[derive(Default)]
struct Rendered {
    headings: Vec<(u8, String)>,
    cells: Vec<String>,
    constructs: Vec<String>,
}

fn read_markdown(markdown: &str) -> Rendered {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_MATH
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_GFM;
    let mut out = Rendered::default();
    let mut text: Option<String> = None;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::TableCell) => text = Some(String::new()),
            Event::End(TagEnd::Heading(level)) => {
                out.headings.push((level as u8, text.take().unwrap()));
            }
            Event::End(TagEnd::TableCell) => out.cells.push(text.take().unwrap()),
            Event::Text(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::Start(tag) => out.constructs.push(format!("{tag:?}")),
            Event::End(_) => {}
            other => out.constructs.push(format!("{other:?}")),
        }
    }
    out
}

/// User text as the Markdown should show it: one line, controls visible.
fn shown(s: &str) -> String {
    whosaid::text::flatten(s).trim().to_string()
}

#[test]
fn markdown_shows_user_text_literally_when_rendered() {
    let corpus = corpus();
    let rendered = read_markdown(&exported(Format::Markdown));
    let mut want = vec![(1, "Claim summary".to_string())];
    for article in corpus.articles() {
        want.push((2, shown(&article.title)));
        for claim in article.claims.iter().filter(|c| !c.suggested) {
            want.push((3, shown(&claim.statement)));
        }
    }
    want.push((2, "Actors".to_string()));
    want.push((2, "Contested claims".to_string()));
    assert_eq!(rendered.headings, want);
    assert!(rendered.cells.contains(&"Rei *Amasawa*".to_string()));
    assert!(rendered.cells.contains(&"Cafe\u{301} owners".to_string()));
    // Eleven actors in five columns, after the five header cells: no stray `|` split a row.
    assert_eq!(rendered.cells.len(), 5 * 12);
}

#[test]
fn markdown_markup_is_only_the_writers_own() {
    let rendered = read_markdown(&exported(Format::Markdown));
    for construct in &rendered.constructs {
        let ours = ["Paragraph", "List(None)", "Item", "Strong", "Emphasis", "BlockQuote", "Table", "SoftBreak"]
            .iter()
            .any(|t| construct.starts_with(t))
            || construct.starts_with("Link { link_type: Autolink, dest_url: Borrowed(\"https://example.org/a_b?x=1&y=2\")");
        assert!(ours, "unexpected construct from user text: {construct}");
    }
    // And no raw HTML, maths, code or strikethrough slipped through.
    for bad in [
        "Html",
        "Math",
        "Code",
        "Strikethrough",
        "Superscript",
        "Subscript",
    ] {
        assert!(
            !rendered.constructs.iter().any(|c| c.contains(bad)),
            "{bad}"
        );
    }
}

// --- Format 1.1: subjects and suggestions ----------------------------------

#[test]
fn suggested_claims_and_actors_only_they_use_reach_no_export() {
    for format in Format::ALL {
        let text = exported(format);
        for hidden in [
            "board-silent-unreviewed",
            "Unreviewed",
            "machine-guess",
            "said nothing",
        ] {
            assert!(!text.contains(hidden), "{format} shows {hidden:?}");
        }
        // The reviewed claims of the same article are there.
        assert!(text.contains("new-timetable") || format == Format::Markdown);
        assert!(text.contains("A new ferry timetable starts in May."));
    }
}

#[test]
fn about_lists_each_subject_once_in_file_order() {
    let json: Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    let ferry = &json["articles"][3];
    assert_eq!(ferry["id"], "world/port-elsby-ferry");
    let names = |claim: &Value| -> Vec<String> {
        claim["about"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    };
    let claims = ferry["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "the suggested claim is left out");
    assert_eq!(
        names(&claims[0]),
        ["Port Elsby Harbour Board", "Elsby Ferry Line, Ltd"]
    );
    assert_eq!(claims[1]["status"], "unattributed");
    assert_eq!(names(&claims[1]), ["Elsby Ferry Line, Ltd"]);
    // A claim without `about` has an empty array, not null.
    assert_eq!(
        json["articles"][2]["claims"][0]["about"],
        Value::Array(vec![])
    );

    let markdown = exported(Format::Markdown);
    assert!(
        markdown.contains("About: **Port Elsby Harbour Board**; **Elsby Ferry Line, Ltd**\n"),
        "{markdown}"
    );
}

#[test]
fn actor_tallies_count_reviewed_claims_only() {
    // The Courier asserts the reviewed claim and the suggested one: one claim counts.
    let rendered = read_markdown(&exported(Format::Markdown));
    let at = rendered
        .cells
        .iter()
        .position(|c| c == "The Elsby Courier")
        .unwrap();
    assert_eq!(rendered.cells[at + 1..at + 5], ["outlet", "1", "0", "0"]);
}

#[test]
fn markdown_lists_of_actors_cannot_be_read_as_a_role() {
    let markdown = exported(Format::Markdown);
    // A role is in parentheses after its actor, never after a comma…
    assert!(
        markdown.contains("- Denied by **Ines Barrow** (Mayor of Port Elsby): *called the report*")
    );
    assert!(!markdown.contains("**, Mayor"));
    // …and a list of actors separates names with `; `, each in bold.
    assert!(markdown.contains(
        "(*Port Elsby mayor denies ferry contract was rigged*): asserted by **The Elsby Courier** — denied by **Ines Barrow**\n"
    ));
}

// --- Files for the reader's export key ------------------------------------

#[test]
fn format_names_and_extensions() {
    let names: Vec<_> = Format::ALL
        .iter()
        .map(|f| (f.name(), f.extension()))
        .collect();
    assert_eq!(
        names,
        [("markdown", "md"), ("json", "json"), ("csv", "csv")]
    );
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>().unwrap(), format);
        assert_eq!(format.extension().parse::<Format>().unwrap(), format);
    }
    assert!("xml".parse::<Format>().is_err());
}

#[test]
fn file_names_come_from_the_article_id_or_name_a_list() {
    let corpus = corpus();
    let summaries = summarize(corpus.articles());
    let one = summaries
        .iter()
        .find(|s| s.article.id.as_str() == "world/kremlin-call")
        .unwrap();
    assert_eq!(
        export::default_stem(std::slice::from_ref(one)),
        "world-kremlin-call"
    );
    assert_eq!(export::default_stem(&summaries), "whosaid-export");
    assert_eq!(export::default_stem(&[]), "whosaid-export");
}

// --- The bundled articles -------------------------------------------------

fn bundled() -> Corpus {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("articles");
    let corpus = Corpus::load(&[root]).unwrap();
    assert_eq!(corpus.rejected().count(), 0, "bundled articles must load");
    corpus
}

#[test]
fn bundled_articles_golden() {
    let corpus = bundled();
    let summaries = summarize(corpus.articles());
    insta::assert_snapshot!("bundled.md", render(Format::Markdown, &summaries));
    insta::assert_snapshot!("bundled.json", render(Format::Json, &summaries));
    insta::assert_snapshot!("bundled.csv", render(Format::Csv, &summaries));
}

#[test]
fn bundled_first_denier_is_found_where_jq_looks() {
    // `whosaid export --format json | jq '.articles[0].claims[0].denied_by[0].actor.name'`
    let corpus = bundled();
    let json: Value =
        serde_json::from_str(&render(Format::Json, &summarize(corpus.articles()))).unwrap();
    let first = &corpus.articles()[0];
    let denier = &first.claims[0].denied_by[0].actor;
    let name = &first.actor(denier).unwrap().name;
    assert_eq!(
        json["articles"][0]["claims"][0]["denied_by"][0]["actor"]["name"],
        **name
    );
    assert_eq!(json["articles"][0]["id"], first.id.as_str());
}
