//! `whosaid suggest` as a user meets it: the attributions the finder proposes
//! in English text, the BRAT standoff it prints, the tables it appends to
//! article files (and what it refuses to touch), and the scorer behind the
//! accuracy figures, checked against numbers worked out by hand.
//!
//! Every text here is fictional: invented people, places and outlets.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use whosaid::ActorKind;
use whosaid::suggest::{self, score};

/// Fictional: Lower Tarrow, its council, Mayor Ilse Varga, Odile Brandt, the
/// Tarrow Gazette and Tomas Quell are invented.
const HARBOUR: &str = "The harbour council of Lower Tarrow approved the bridge plan on Monday. \
\"We have waited long enough,\" said Mayor Ilse Varga. Council spokeswoman Odile Brandt said the \
vote was final. According to the Tarrow Gazette, the bridge will cost four million crowns. \
Engineer Tomas Quell dismissed this claim as “pure guesswork,” and he told reporters that the \
budget was sound. “The span is safe,” Quell said, “and the tolls will be low.” The ferry will \
keep running, the council said.";

/// (source, cue, content fragments, denial) as the text spells them.
type Seen<'a> = (Option<&'a str>, &'a str, Vec<&'a str>, bool);

fn seen(text: &str) -> Vec<Seen<'_>> {
    suggest::find(text)
        .into_iter()
        .map(|a| {
            (
                a.source.map(|s| &text[s]),
                &text[a.cue],
                a.content.into_iter().map(|c| &text[c]).collect(),
                a.denial,
            )
        })
        .collect()
}

#[test]
fn finds_quotes_reported_speech_according_to_and_denials() {
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Ilse Varga"),
            "said",
            vec!["\"We have waited long enough,\""],
            false,
        ),
        (
            Some("Council spokeswoman Odile Brandt"),
            "said",
            vec!["the vote was final"],
            false,
        ),
        (
            Some("the Tarrow Gazette"),
            "According to",
            vec!["the bridge will cost four million crowns"],
            false,
        ),
        (
            Some("Engineer Tomas Quell"),
            "dismissed this claim as",
            vec!["“pure guesswork,”"],
            true,
        ),
        (Some("he"), "told", vec!["that the budget was sound"], false),
        (
            Some("Quell"),
            "said",
            vec!["“The span is safe,”", "“and the tolls will be low.”"],
            false,
        ),
        (
            Some("the council"),
            "said",
            vec!["The ferry will keep running"],
            false,
        ),
    ];
    assert_eq!(seen(HARBOUR), expected);
}

#[test]
fn pronouns_resolve_to_the_nearest_fitting_name_and_kinds_are_guessed() {
    let found = suggest::find(HARBOUR);
    let he = found
        .iter()
        .find(|a| a.source.clone().map(|s| &HARBOUR[s]) == Some("he"))
        .unwrap();
    assert_eq!(
        he.resolved.clone().map(|r| &HARBOUR[r]),
        Some("Engineer Tomas Quell")
    );
    assert_eq!(he.kind, ActorKind::Person);
    let gazette = found
        .iter()
        .find(|a| &HARBOUR[a.cue.clone()] == "According to")
        .unwrap();
    assert_eq!(gazette.kind, ActorKind::Outlet);
}

#[test]
fn relays_become_via_and_every_denying_word_denies() {
    // Fictional: the Elsby Courier and its sources are invented.
    let text = "The Elsby Courier, citing people familiar with the talks, reported that the \
                ferry deal had collapsed. The harbour board rejected the report, saying the deal stands.";
    let found = suggest::find(text);
    // The `citing` is an attribution of its own; the report keeps its relay.
    let courier = found
        .iter()
        .find(|a| &text[a.cue.clone()] == "reported")
        .unwrap();
    assert_eq!(
        courier.source.clone().map(|s| &text[s]),
        Some("The Elsby Courier")
    );
    assert_eq!(
        courier.via.clone().map(|v| &text[v]),
        Some("people familiar with the talks")
    );
    assert!(!courier.denial);
    for cue in [
        "denied",
        "Dismisses",
        "rejected",
        "refuting",
        "rebutted",
        "disavows",
        "disowned",
        "called it false",
        "said it was untrue",
        "called it pure fiction",
        "called it fake",
        "called it baseless",
        "said it was not true",
        "said no such",
    ] {
        assert!(suggest::lexicon::cue_denies(cue), "{cue} should deny");
    }
    for cue in [
        "said",
        "confirmed",
        "reported",
        "denominated",
        "notary",
        "not that true",
    ] {
        assert!(!suggest::lexicon::cue_denies(cue), "{cue} should not deny");
    }
}

#[test]
fn text_without_attributions_and_hostile_text_give_nothing_and_never_panic() {
    assert!(suggest::find("").is_empty());
    assert!(suggest::find("The ferry left at noon. It was raining.").is_empty());
    let hostile = "\"“”„«»\u{301}said, said: \"\n\n\u{0}according to , ".repeat(2000);
    let _ = suggest::find(&hostile);
}

// ---- BRAT standoff ---------------------------------------------------------------

fn whosaid(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

#[test]
fn brat_counts_unicode_scalars_after_the_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    // Fictional: Zoë Ashgrove is invented. "ë" is two bytes but one scalar value.
    fs::write(
        dir.path().join("ferry.txt"),
        "\u{feff}Zoë Ashgrove said the ferry was late.\n",
    )
    .unwrap();
    let expected = "T1\tSource 0 12\tZoë Ashgrove\n\
                    T2\tCue 13 17\tsaid\n\
                    T3\tContent 18 36\tthe ferry was late\n\
                    T4\tAttribution 13 17\tsaid\n\
                    E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
    let out = whosaid(&["suggest", "--format", "brat", "ferry.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);

    let out = whosaid(
        &[
            "suggest",
            "--format",
            "brat",
            "--output",
            "anns",
            "ferry.txt",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        fs::read_to_string(dir.path().join("anns/ferry.ann")).unwrap(),
        expected
    );
}

#[test]
fn brat_marks_denials_and_splits_discontinuous_content() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("harbour.txt"), HARBOUR).unwrap();
    let out = whosaid(&["suggest", "--format", "brat", "harbour.txt"], dir.path());
    let ann = String::from_utf8(out.stdout).unwrap();
    // The denial is the fourth attribution; the split quotation the sixth.
    assert!(ann.contains("A1\tDenial E4\n"), "{ann}");
    assert_eq!(ann.matches("\tDenial ").count(), 1);
    assert!(
        ann.contains(
            "\tContent 370 389;402 430\t“The span is safe,” “and the tolls will be low.”\n"
        ),
        "{ann}"
    );
    // What the writer prints, the scorer reads back: seven attributions.
    assert_eq!(score::parse_ann(&ann).len(), 7);
}

#[test]
fn brat_usage_errors_exit_2_and_unreadable_text_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        whosaid(&["suggest", "--format", "brat"], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        whosaid(&["suggest", "--format", "brat", "missing.txt"], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        whosaid(&["suggest", "--format", "xml", "a.txt"], dir.path())
            .status
            .code(),
        Some(2)
    );
    fs::write(dir.path().join("bad.txt"), b"\xff\xfe said").unwrap();
    fs::write(
        dir.path().join("good.txt"),
        "Zoë Ashgrove said the ferry was late.",
    )
    .unwrap();
    let out = whosaid(
        &["suggest", "--format", "brat", "bad.txt", "good.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Source 0 12\tZoë Ashgrove"));
}

// ---- article files -----------------------------------------------------------------

/// A fictional article with one actor a suggestion should reuse (by alias) and
/// an actor whose id a new actor's slug would collide with.
const ARTICLE: &str = r#"# Fictional: Lower Tarrow, Ilse Varga and the Tarrow Gazette are invented.
title = "Lower Tarrow approves the bridge"
body = """
The harbour council approved the bridge plan on Monday.

Mayor Ilse Varga said the bridge would open in spring. According to the Tarrow Gazette, the tolls will be low.
"""

[actors.varga]
name = "Ilse Varga"
kind = "person"
aliases = ["Mayor Ilse Varga"]

[actors.the-tarrow-gazette]
name = "A different Gazette"
kind = "outlet"

[[claims]]
id = "plan-approved"
statement = "The council approved the bridge plan."
quote = "The harbour council approved the bridge plan on Monday."
"#;

fn suggest_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["suggest"];
    all.extend_from_slice(args);
    let out = whosaid(&all, dir);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn dry_run_prints_what_it_would_append_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    fs::write(dir.path().join("articles/bridge.toml"), ARTICLE).unwrap();
    let (code, out, _) = suggest_in(dir.path(), &["--dry-run"]);
    assert_eq!(code, 0);
    let expected = r#"# articles/bridge.toml

# Suggested by `whosaid suggest`: review each, then accept or reject it.

[actors.the-tarrow-gazette-2]
name = "the Tarrow Gazette"
kind = "outlet"
suggested = true

[[claims]]
id = "the-bridge-would-open-in-spring"
statement = "The bridge would open in spring."
quote = "the bridge would open in spring"
suggested = true

[[claims.asserted_by]]
actor = "varga"
cue = "said"
quote = "Mayor Ilse Varga said"

[[claims]]
id = "the-tolls-will-be-low"
statement = "The tolls will be low."
quote = "the tolls will be low"
suggested = true

[[claims.asserted_by]]
actor = "the-tarrow-gazette-2"
cue = "According to"
quote = "According to the Tarrow Gazette"
"#;
    assert_eq!(out, expected);
    assert_eq!(
        fs::read_to_string(dir.path().join("articles/bridge.toml")).unwrap(),
        ARTICLE
    );
}

#[test]
fn suggestions_are_appended_keep_every_byte_load_and_are_not_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bridge.toml");
    // CRLF line endings and a byte-order mark stay as they were.
    let original = format!("\u{feff}{}", ARTICLE.replace('\n', "\r\n"));
    fs::write(&path, &original).unwrap();
    let (code, _, err) = suggest_in(dir.path(), &["bridge.toml"]);
    assert_eq!(code, 0, "{err}");
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&original));
    assert_eq!(after.matches("suggested = true").count(), 3);
    let (code, _, err) = whosaid_check(dir.path(), "bridge.toml");
    assert_eq!(code, 0, "{err}");
    // Nothing left to suggest: the file stays as it is.
    let (code, out, _) = suggest_in(dir.path(), &["--dry-run", "bridge.toml"]);
    assert_eq!((code, out.as_str()), (0, "# bridge.toml\n"));
    let (code, _, _) = suggest_in(dir.path(), &["bridge.toml"]);
    assert_eq!(code, 0);
    assert_eq!(fs::read_to_string(&path).unwrap(), after);
    // No temporary file is left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn many_files_are_all_written_by_the_writer_pool_and_reported_in_their_order() {
    // More files than writer threads, so every writer takes several.
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..40).map(|n| format!("bridge-{n:02}.toml")).collect();
    for name in &names {
        fs::write(dir.path().join(name), ARTICLE).unwrap();
    }
    let mut args: Vec<&str> = names.iter().map(String::as_str).collect();
    args.sort_unstable();
    let (code, _, err) = suggest_in(dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    let expected: String = args
        .iter()
        .map(|n| format!("{n}: suggested 2 claim(s), 1 new actor(s)\n"))
        .collect();
    assert_eq!(err, expected);
    for name in &names {
        let after = fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(after.starts_with(ARTICLE), "{name}");
        assert_eq!(after.matches("suggested = true").count(), 3, "{name}");
    }
    // Only the 40 articles: no temporary file is left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 40);
}

#[test]
fn a_low_limit_on_open_files_still_writes_every_file() {
    // `suggest` keeps each original it replaces open until the end of the run;
    // under a limit of 320 open files it can keep 64, and writes the rest once
    // every new file is written.
    let dir = tempfile::tempdir().unwrap();
    for n in 0..400 {
        fs::write(dir.path().join(format!("bridge-{n:03}.toml")), ARTICLE).unwrap();
    }
    let out = Command::new("sh")
        .args(["-c", "ulimit -n 320 && exec \"$0\" suggest ."])
        .arg(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.matches(": suggested 2 claim(s)").count(), 400, "{err}");
    let mut files = 0;
    for entry in fs::read_dir(dir.path()).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(text.starts_with(ARTICLE));
        assert_eq!(text.matches("suggested = true").count(), 3);
        files += 1;
    }
    // Only the articles: no temporary file is left behind.
    assert_eq!(files, 400);
}

#[test]
fn a_signal_while_files_are_rewritten_leaves_each_old_or_new_and_no_temporary_file() {
    // Enough files that the run is caught while new files are written beside
    // their originals, some renamed over them and some not yet.
    let dir = tempfile::tempdir().unwrap();
    for n in 0..600 {
        fs::write(dir.path().join(format!("bridge-{n:03}.toml")), ARTICLE).unwrap();
    }
    let temporary = |dir: &Path| {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(".whosaid-"))
            .count()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["suggest", "."])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while temporary(dir.path()) == 0 {
        assert!(child.try_wait().unwrap().is_none(), "ended before writing");
        assert!(std::time::Instant::now() < deadline, "no temporary file");
    }
    let kill = |signal: &str| {
        let sent = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status();
        assert!(sent.unwrap().success());
    };
    kill("-STOP");
    kill("-INT");
    kill("-CONT");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "not ended by the signal");
    assert_eq!(temporary(dir.path()), 0, "temporary files left behind");
    let (mut old, mut new) = (0, 0);
    for entry in fs::read_dir(dir.path()).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        if text == ARTICLE {
            old += 1;
        } else {
            // The whole new file, as an uninterrupted run writes it.
            assert!(text.starts_with(ARTICLE));
            assert_eq!(text.matches("suggested = true").count(), 3);
            new += 1;
        }
    }
    assert_eq!(old + new, 600);
}

fn whosaid_check(dir: &Path, file: &str) -> (i32, String, String) {
    let out = whosaid(&["check", file], dir);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn inline_tables_and_files_with_errors_are_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Fictional, as above.
    let inline = "title = \"t\"\nbody = \"Mayor Ilse Varga said the bridge would open in spring.\"\nclaims = []\n";
    let broken = "title = \"t\"\nbody = \"Mayor Ilse Varga said the bridge would open in spring.\"\nbodyy = 1\n";
    fs::write(dir.path().join("inline.toml"), inline).unwrap();
    fs::write(dir.path().join("broken.toml"), broken).unwrap();
    fs::write(dir.path().join("good.toml"), ARTICLE).unwrap();
    let (code, _, err) = suggest_in(dir.path(), &["."]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("inline.toml") && err.contains("`claims`"),
        "{err}"
    );
    assert!(err.contains("broken.toml:3:1: error"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join("inline.toml")).unwrap(),
        inline
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("broken.toml")).unwrap(),
        broken
    );
    // The good file was still handled.
    assert!(
        fs::read_to_string(dir.path().join("good.toml"))
            .unwrap()
            .contains("suggested = true")
    );
    // Only inline tables: handled, no error.
    fs::remove_file(dir.path().join("broken.toml")).unwrap();
    let (code, _, _) = suggest_in(dir.path(), &["inline.toml"]);
    assert_eq!(code, 0);
    assert_eq!(suggest_in(dir.path(), &["nowhere"]).0, 2);
}

/// The seed article with its claims removed: the Post's report, through its
/// sources, and Peskov's denial come back as suggestions (real names here come
/// from the bundled seed article, not from this test).
#[test]
fn seed_article_without_claims_gets_the_report_and_its_denial() {
    let seed = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("articles/world/kremlin-denies-trump-putin-call.toml"),
    )
    .unwrap();
    let without_claims = &seed[..seed.find("[[claims]]").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("kremlin.toml"), without_claims).unwrap();
    let (code, _, err) = suggest_in(dir.path(), &["kremlin.toml"]);
    assert_eq!(code, 0, "{err}");
    let after = fs::read_to_string(dir.path().join("kremlin.toml")).unwrap();
    let appended = &after[without_claims.len()..];
    let first_claim = r#"[[claims]]
id = "the-two-leaders-reportedly-discussed-the"
statement = "The two leaders reportedly discussed the Ukraine conflict, with Trump advising Putin against escalating tensions and expressing a desire for peace in Europe."
quote = "the two leaders reportedly discussed the Ukraine conflict, with Trump advising Putin against escalating tensions and expressing a desire for peace in Europe"
suggested = true

[[claims.asserted_by]]
actor = "wapo"
cue = "According to"
quote = "According to a report by The Washington Post"

[[claims.denied_by]]
actor = "peskov"
cue = "dismissed this claim as"
quote = "pure fiction"
"#;
    assert!(appended.contains(first_claim), "{appended}");
    let via =
        "[[claims.asserted_by]]\nactor = \"wapo\"\nvia = [\"wapo-sources\"]\ncue = \"described\"\n";
    assert!(appended.contains(via), "{appended}");
    // What Peskov maintains is his claim, asserted; the sources the Post cites are
    // who it relays, not a claim of their own.
    let maintained = r#"statement = "No such conversation has occurred."
quote = "no such conversation has occurred"
suggested = true

[[claims.asserted_by]]
actor = "peskov"
cue = "maintaining"
"#;
    assert!(appended.contains(maintained), "{appended}");
    assert!(!appended.contains("Sources familiar"), "{appended}");
    assert_eq!(whosaid_check(dir.path(), "kremlin.toml").0, 0);
}

/// The README's `suggest --dry-run` session on the seed is what the command prints.
#[test]
fn the_readme_session_on_the_seed_is_what_suggest_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let command = "$ whosaid suggest --dry-run kremlin.toml\n";
    let start = readme.find(command).expect("the session is in the README") + command.len();
    let shown = &readme[start..][..readme[start..].find("```").unwrap()];
    let seed = fs::read_to_string(root.join("articles/world/kremlin-denies-trump-putin-call.toml"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("kremlin.toml"),
        &seed[..seed.find("[[claims]]").unwrap()],
    )
    .unwrap();
    let (code, out, err) = suggest_in(dir.path(), &["--dry-run", "kremlin.toml"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, shown);
}

// ---- the scorer ------------------------------------------------------------------------

/// Worked out by hand on the tokens `Ann said it rained . Bob told us that snow fell .`
#[test]
fn scorer_matches_hand_computed_citron_metrics() {
    let text = "Ann said it rained. Bob told us that snow fell.";
    let gold = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 18\tit rained\n\
                T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
                T5\tSource 20 23\tBob\nT6\tCue 24 28\ttold\nT7\tContent 32 46\tthat snow fell\n\
                T8\tAttribution 24 28\ttold\nE2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n";
    let predicted = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 19\tit rained.\n\
                     T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
                     T5\tSource 29 31\tus\nT6\tCue 24 31\ttold us\nT7\tContent 37 46\tsnow fell\n\
                     T8\tAttribution 24 31\ttold us\nE2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n\
                     T9\tSource 9 11\tit\nT10\tCue 12 18\trained\nT11\tContent 20 23\tBob\n\
                     T12\tAttribution 12 18\trained\nE3\tAttribution:T12 Source:T9 Cue:T10 Content:T11\n";
    let s = score::score(text, &score::parse_ann(predicted), &score::parse_ann(gold));
    let close = |(p, r, f): score::Prf, want: (f64, f64, f64)| {
        assert!(
            (p - want.0).abs() < 1e-3 && (r - want.1).abs() < 1e-3 && (f - want.2).abs() < 1e-3,
            "{:?} vs {want:?}",
            (p, r, f)
        );
    };
    close(s.cue_exact.prf(), (1.0 / 3.0, 0.5, 0.4));
    close(s.source_exact.prf(), (1.0 / 3.0, 0.5, 0.4));
    close(s.content_exact.prf(), (0.0, 0.0, 0.0));
    assert_eq!(
        (
            s.attribution_exact.tp,
            s.attribution_exact.fp,
            s.attribution_exact.fn_
        ),
        (0, 3, 2)
    );
    close(s.cue_overlap.prf(), (0.5, 1.0, 2.0 / 3.0));
    close(s.source_overlap.prf(), (1.0 / 3.0, 0.5, 0.4));
    close(s.content_overlap.prf(), (4.0 / 6.0, 0.8, 0.7273));
    close(
        s.attribution_overlap().prf(),
        (7.0 / 13.0, 7.0 / 9.0, 0.6364),
    );
}

#[test]
fn cues_take_their_auxiliaries_and_archives_quote_with_two_apostrophes() {
    // Fictional: Brannock, the Fenwick Tribune and Ada Moll are invented.
    let text = "Brannock has said the ferry will run. ''The pier is safe,'' Ada Moll said. \
                The Fenwick Tribune said in a statement that the paper would close.";
    let expected: Vec<Seen> = vec![
        (
            Some("Brannock"),
            "has said",
            vec!["the ferry will run"],
            false,
        ),
        (
            Some("Ada Moll"),
            "said",
            vec!["''The pier is safe,''"],
            false,
        ),
        (
            Some("The Fenwick Tribune"),
            "said in a statement",
            vec!["that the paper would close"],
            false,
        ),
    ];
    assert_eq!(seen(text), expected);
}

/// One sentence at a time: (source, cue, content fragments) as the text spells them.
fn spans(text: &str) -> Vec<(Option<&str>, &str, Vec<&str>)> {
    seen(text)
        .into_iter()
        .map(|(s, c, content, _)| (s, c, content))
        .collect()
}

#[test]
fn beliefs_wishes_acts_and_questions_are_attributions() {
    // Fictional: Mayor Ilse Brandt, Councillor Tomas Reyd, Senator Mara Quill,
    // the Velmor Gazette, reporter Anton Pell and Port Allen are invented.
    assert_eq!(
        spans("Mayor Ilse Brandt believes that the quay will open in May."),
        vec![(
            Some("Mayor Ilse Brandt"),
            "believes",
            vec!["that the quay will open in May"]
        )]
    );
    assert_eq!(
        spans("Councillor Tomas Reyd wants to close the old ferry terminal by spring."),
        vec![(
            Some("Councillor Tomas Reyd"),
            "wants",
            vec!["to close the old ferry terminal by spring"]
        )]
    );
    assert_eq!(
        spans("Senator Mara Quill accused the port authority of hiding the survey."),
        vec![(
            Some("Senator Mara Quill"),
            "accused",
            vec!["the port authority of hiding the survey"]
        )]
    );
    assert_eq!(
        spans("The Velmor Gazette called for an inquiry into the dredging contract."),
        vec![(
            Some("The Velmor Gazette"),
            "called for",
            vec!["an inquiry into the dredging contract"]
        )]
    );
    assert_eq!(
        spans("Pell asked Brandt whether the quay would open on time."),
        vec![(
            Some("Pell"),
            "asked",
            vec!["whether the quay would open on time"]
        )]
    );
    // What another attribution reports holds no attribution of its own.
    assert_eq!(
        spans("Reyd said that Brandt believes the quay is safe."),
        vec![(
            Some("Reyd"),
            "said",
            vec!["that Brandt believes the quay is safe"]
        )]
    );
    // A plan or a belief nobody is named for is not suggested.
    assert!(spans("The plans to close the terminal were shelved.").is_empty());
    assert!(spans("It was thought that the quay would open in May.").is_empty());
}

#[test]
fn speakers_after_their_words_titles_in_lower_case_and_gerunds_that_follow() {
    // Fictional: harbour master Odile Vell, the Port Allen authority and the
    // Velmor Gazette are invented.
    assert_eq!(
        spans("The ferry will run twice a day, said Odile Vell, the harbour master of Port Allen."),
        vec![(
            Some("Odile Vell, the harbour master of Port Allen"),
            "said",
            vec!["The ferry will run twice a day"]
        )]
    );
    assert_eq!(
        spans("In Port Allen, harbour master Odile Vell said the ferry would run twice a day."),
        vec![(
            Some("harbour master Odile Vell"),
            "said",
            vec!["the ferry would run twice a day"]
        )]
    );
    assert_eq!(
        spans("The quay will open in May, the port authority said on Thursday."),
        vec![(
            Some("the port authority"),
            "said",
            vec!["The quay will open in May"]
        )]
    );
    assert_eq!(
        spans("“We are ready,” Vell said, adding that the ferry would run twice a day."),
        vec![
            (Some("Vell"), "said", vec!["“We are ready,”"]),
            (
                Some("Vell"),
                "adding",
                vec!["that the ferry would run twice a day"]
            ),
        ]
    );
    assert_eq!(
        spans("“The quay is ready!” Vell said to the Velmor Gazette."),
        vec![(Some("Vell"), "said", vec!["“The quay is ready!”"])]
    );
    assert_eq!(
        spans("“The quay is ready” said the harbour master."),
        vec![(
            Some("the harbour master"),
            "said",
            vec!["“The quay is ready”"]
        )]
    );
    assert_eq!(
        spans("“The quay is ready,” Tidewell co-founder Pia Strand told the Velmor Gazette."),
        vec![(
            Some("Tidewell co-founder Pia Strand"),
            "told",
            vec!["“The quay is ready,”"]
        )]
    );
    assert_eq!(
        spans("The old quay is safe, harbour engineers say."),
        vec![(
            Some("harbour engineers"),
            "say",
            vec!["The old quay is safe"]
        )]
    );
    assert_eq!(
        spans("The ferry was stopped by captains who say the quay is unsafe."),
        vec![(Some("who"), "say", vec!["the quay is unsafe"])]
    );
    assert_eq!(
        spans("“The quay is sound,” said its chair, Ruth Marrow."),
        vec![(
            Some("its chair, Ruth Marrow"),
            "said",
            vec!["“The quay is sound,”"]
        )]
    );
    assert_eq!(
        spans("The goal, Vell said, is to open the quay in May."),
        vec![(
            Some("Vell"),
            "said",
            vec!["The goal", "is to open the quay in May"]
        )]
    );
}

#[test]
fn decomposed_accents_in_a_source_neither_panic_nor_break_the_file() {
    // Fictional: Governor Renée Vautrelle and Ostmark are invented; the "é" is
    // written as "e" and a combining accent, so byte cuts can fall inside it.
    let dir = tempfile::tempdir().unwrap();
    let article = "title = \"Ostmark dam\"\nbody = \"\"\"\nAccording to Governor Rene\u{301}e Vautrelle, \
                   the dam will hold through the spring floods.\nA report by Rene\u{301}e said the \
                   spillway was repaired in May.\n\"\"\"\n";
    fs::write(dir.path().join("dam.toml"), article).unwrap();
    let (code, _, err) = suggest_in(dir.path(), &["dam.toml"]);
    assert_eq!(code, 0, "{err}");
    let after = fs::read_to_string(dir.path().join("dam.toml")).unwrap();
    assert!(
        after.contains("name = \"Governor Rene\u{301}e Vautrelle\""),
        "{after}"
    );
    assert_eq!(whosaid_check(dir.path(), "dam.toml").0, 0);
}

// ---- hostile text ------------------------------------------------------------------------

/// Pieces that exercise every rule, glued at random: quotation marks of every
/// kind, combining marks, abbreviations, cues, pronouns, apostrophes.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "said",
    " said ",
    "told",
    "according to",
    "According to",
    ",",
    ".",
    ":",
    "\"",
    "“",
    "”",
    "''",
    "’",
    "'",
    "(",
    ")",
    "he",
    "She",
    "Mr.",
    "Ada Moll",
    "Rene\u{301}e",
    "the report",
    "citing",
    "dismissed this claim as",
    "that",
    "denied",
    "—",
    "Zoë",
    "🦀",
    "\u{301}",
    "officials",
    "who",
    "said:",
    "has",
    "also",
    "in a statement",
    "Sanders’",
    "U.S.",
    "4 in 10",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// The finder, the BRAT writer and the planner take any text: every span on
    /// character boundaries, every suggestion appended still loads.
    #[test]
    fn any_text_gives_well_formed_suggestions(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)
    ) {
        let body: String = pieces.concat();
        let found = suggest::find(&body);
        for a in &found {
            for r in a.source.iter().chain(std::iter::once(&a.cue)).chain(&a.content).chain(&a.via) {
                proptest::prop_assert!(body.get(r.clone()).is_some(), "{r:?} in {body:?}");
            }
        }
        let mut ann = Vec::new();
        suggest::brat::write(&body, &found, &mut ann).unwrap();
        proptest::prop_assert_eq!(score::parse_ann(&String::from_utf8(ann).unwrap()).len(), found.len());
        if body.trim().is_empty() {
            return Ok(());
        }
        let text = format!("title = \"t\"\nbody = {}\n", whosaid::toml_text::basic(&body));
        let source = whosaid::load::SourceFile {
            path: "t.toml".into(),
            id: whosaid::ArticleId::new("t"),
        };
        let loaded = whosaid::load::load_bytes(&source, text.as_bytes());
        let article = loaded.article.unwrap();
        if let suggest::article::Plan::Append { toml, .. } = suggest::article::plan(&text, &article, None) {
            let with = format!("{text}{toml}");
            let again = whosaid::load::load_bytes(&source, with.as_bytes());
            proptest::prop_assert!(again.article.is_some(), "{with}\n{:?}", again.diagnostics);
        }
    }
}

#[test]
fn a_person_declared_in_another_file_keeps_their_id_and_declaration() {
    // Fictional: invented people and places.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    fs::write(
        articles.join("a.toml"),
        "title = \"Pier\"\nbody = \"The pier at Quellmouth reopened.\"\n\n\
         [actors.harbour-vell]\nname = \"Odile Vell\"\nkind = \"person\"\nrole = \"Harbour master\"\n\n\
         [[claims]]\nid = \"pier\"\nstatement = \"The pier reopened.\"\n\
         asserted_by = [{ actor = \"harbour-vell\" }]\n",
    )
    .unwrap();
    fs::write(
        articles.join("b.toml"),
        "title = \"Ferry\"\nbody = \"\"\"\nThe ferry to Quellmouth will not run on Sunday, Odile Vell said.\n\"\"\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = suggest_in(dir.path(), &["--dry-run", "articles/b.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("[actors.harbour-vell]\nname = \"Odile Vell\"\nkind = \"person\"\nrole = \"Harbour master\"\nsuggested = true\n"), "{stdout}");
    assert!(stdout.contains("actor = \"harbour-vell\""), "{stdout}");
}

#[test]
fn a_surname_alone_is_the_full_name_declared_in_the_same_file() {
    // Fictional: invented people and places.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("c.toml"),
        "title = \"Toll\"\nbody = \"\"\"\nThe bridge toll at Quellmouth will double in May, Vell said.\n\"\"\"\n\n\
         [actors.vell]\nname = \"Odile Vell\"\nkind = \"person\"\n\n\
         [[claims]]\nid = \"old\"\nstatement = \"A toll exists.\"\nasserted_by = [{ actor = \"vell\" }]\n",
    )
    .unwrap();
    let (code, stdout, stderr) = suggest_in(dir.path(), &["--dry-run", "c.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("actor = \"vell\""), "{stdout}");
    assert!(!stdout.contains("[actors."), "no new actor: {stdout}");
}

#[test]
fn expectations_without_a_speaker_and_the_evidence_a_speaker_cites() {
    // Fictional: Lower Tarrow, its council, Odile Brandt, Tomas Quell and the
    // Tarrow Gazette are invented.
    let text = "The harbour council is expected to approve the bridge plan on Monday. \
The tolls will be higher than expected. \
“The span is safe,” Quell said, citing a survey of the old piers. \
The Tarrow Gazette, citing council minutes, reported that the vote was close.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            None,
            "is expected",
            vec![
                "The harbour council",
                "to approve the bridge plan on Monday",
            ],
            false,
        ),
        (Some("Quell"), "said", vec!["“The span is safe,”"], false),
        (
            Some("Quell"),
            "citing",
            vec!["a survey of the old piers"],
            false,
        ),
        (
            Some("The Tarrow Gazette"),
            "citing",
            vec!["council minutes"],
            false,
        ),
        (
            Some("The Tarrow Gazette"),
            "reported",
            vec!["that the vote was close"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_speaker_with_a_long_apposition_or_an_aside_before_the_verb() {
    // Fictional: Bill Marsh, Odile Brandt, Will Penrose, Lower Tarrow and its
    // harbour board are invented.
    let text = "Bill Marsh, a harbour pilot who had sailed the strait for a decade before the \
storm closed the port, said the channel was too shallow. \
Harbour Board Chair Will Penrose, for example, said the dredging would start in May. \
The pier rusted, and the board said nothing.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some(
                "Bill Marsh, a harbour pilot who had sailed the strait for a decade before the \
storm closed the port,",
            ),
            "said",
            vec!["the channel was too shallow"],
            false,
        ),
        (
            Some("Harbour Board Chair Will Penrose"),
            "said",
            vec!["the dredging would start in May"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn subjects_with_a_preposition_and_according_to_after_a_quotation_or_a_conjunction() {
    // Fictional: Lower Tarrow, its ferry, the Tarrow Gazette and the Elsby
    // Courier are invented.
    let text = "Some delegates at the harbour meeting said the vote was fair. \
The ferry will stop at dusk, “because the lights are broken,” according to the Tarrow Gazette. \
But according to the Elsby Courier, the lights were fixed on Friday.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Some delegates at the harbour meeting"),
            "said",
            vec!["the vote was fair"],
            false,
        ),
        (
            Some("the Tarrow Gazette"),
            "according to",
            vec!["The ferry will stop at dusk, “because the lights are broken,”"],
            false,
        ),
        (
            Some("the Elsby Courier"),
            "according to",
            vec!["the lights were fixed on Friday"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_short_adjunct_between_the_verb_and_its_quotation() {
    // Fictional: the Tarrow Ferry Company and Tomas Quell are invented.
    let text = "The Tarrow Ferry Company said in a statement: “We will sail again on Monday.” \
Quell told reporters in Elsby last week, “The tolls will stay low.”";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The Tarrow Ferry Company"),
            "said in a statement:",
            vec!["“We will sail again on Monday.”"],
            false,
        ),
        (
            Some("Quell"),
            "told",
            vec!["“The tolls will stay low.”"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn documents_that_speak_in_the_plural() {
    // Fictional: the Tarrow harbour board, its polls and its records are invented.
    let text = "Harbour board records show that the ferry lost money in May. \
Recent polls show the mayor leading in Lower Tarrow. \
The inquiry found no fault with the pilots. \
The pilots show their passes at the gate.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Harbour board records"),
            "show",
            vec!["that the ferry lost money in May"],
            false,
        ),
        (
            Some("Recent polls"),
            "show",
            vec!["the mayor leading in Lower Tarrow"],
            false,
        ),
        (
            Some("The inquiry"),
            "found",
            vec!["no fault with the pilots"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn adverbs_before_the_verb_are_part_of_the_cue() {
    // Fictional: Tomas Quell and Odile Brandt are invented.
    let text =
        "Quell later said the bridge was safe. Brandt has repeatedly said the tolls were too high.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Quell"),
            "later said",
            vec!["the bridge was safe"],
            false,
        ),
        (
            Some("Brandt"),
            "has repeatedly said",
            vec!["the tolls were too high"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_sentence_that_opens_with_what_its_speaker_notes_and_a_gerund_after_a_quotation() {
    // Fictional: Odile Vell, Tomas Quell and Lower Tarrow are invented.
    let text = "Noting the late storm, Vell said the pier would stay shut. \
Quell said the toll was “unfair,” noting that the ferry was free in Lower Tarrow.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (Some("Vell"), "Noting", vec!["the late storm"], false),
        (
            Some("Vell"),
            "said",
            vec!["the pier would stay shut"],
            false,
        ),
        (Some("Quell"), "said", vec!["the toll was “unfair,”"], false),
        (
            Some("Quell"),
            "noting",
            vec!["that the ferry was free in Lower Tarrow"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_actor_is_named_by_the_name_in_its_apposition_not_its_description() {
    // Fictional: Bill Marsh, the Tarrow pilots and Lower Tarrow are invented.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("p.toml"),
        "title = \"Channel\"\nbody = \"\"\"\nBill Marsh, a harbour pilot who had sailed the strait \
for a decade before the storm closed the port, said the channel was too shallow.\n\"\"\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = suggest_in(dir.path(), &["--dry-run", "p.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("name = \"Bill Marsh\"\n"), "{stdout}");
}

#[test]
fn subjects_after_a_conjunction_polls_questions_and_quotes_without_a_comma() {
    // Fictional: Lower Tarrow, its pier and ferry, Tomas Quell, Odile Brandt
    // and Ilse Vell are invented.
    let text = "Lower Tarrow built a new pier, and one in four said the toll was too high. \
Those surveyed say the ferry is faster. \
The pier will close at dusk, people familiar with the plan said. \
“The tolls will stay low” Quell said. \
“We will sail again,” Brandt said Friday. \
When asked whether the pier would reopen, Vell said it would reopen in May. \
Asked by Odile Brandt if the fares would rise, Quell said the fares would stay low.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("one in four"),
            "said",
            vec!["the toll was too high"],
            false,
        ),
        (
            Some("Those surveyed"),
            "say",
            vec!["the ferry is faster"],
            false,
        ),
        (
            Some("people familiar with the plan"),
            "said",
            vec!["The pier will close at dusk"],
            false,
        ),
        (
            Some("Quell"),
            "said",
            vec!["“The tolls will stay low”"],
            false,
        ),
        // A day closing the clause is marked with its verb, as PolNeAR marks it mostly.
        (
            Some("Brandt"),
            "said Friday",
            vec!["“We will sail again,”"],
            false,
        ),
        (None, "asked", vec!["whether the pier would reopen"], false),
        (Some("Vell"), "said", vec!["it would reopen in May"], false),
        (
            Some("Odile Brandt"),
            "Asked",
            vec!["if the fares would rise"],
            false,
        ),
        (
            Some("Quell"),
            "said",
            vec!["the fares would stay low"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_gerund_after_a_plain_subject_an_opening_adjunct_or_a_quotation() {
    // Fictional: Lower Tarrow's mayor, Judge Ilse Varga, Tomas Quell and Odile
    // Brandt are invented.
    let text = "The mayor closed the pier on Monday, saying the storm had damaged it. \
In May, Judge Ilse Varga sided with the pilots, saying the tolls were unlawful. \
Quell attacked the plan, calling it “a costly folly.” \
Brandt spoke of the “new tolls,” saying they would pay for the bridge.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The mayor"),
            "saying",
            vec!["the storm had damaged it"],
            false,
        ),
        (
            Some("Judge Ilse Varga"),
            "saying",
            vec!["the tolls were unlawful"],
            false,
        ),
        // An act on the plan by name, as PolNeAR marks `attacked` (4 of 5 on develop).
        (Some("Quell"), "attacked", vec!["the plan"], false),
        (
            Some("Quell"),
            "calling",
            vec!["it “a costly folly.”"],
            false,
        ),
        // What Brandt spoke of is an attribution of its own, as PolNeAR marks `spoke of`.
        (Some("Brandt"), "spoke of", vec!["the “new tolls,”"], false),
        (
            Some("Brandt"),
            "saying",
            vec!["they would pay for the bridge"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn quotations_that_follow_an_attribution_in_its_paragraph_continue_its_content() {
    // Fictional: Tomas Quell, Odile Brandt and the pier of Lower Tarrow are invented.
    let text = "“The tolls will stay low,” Quell said. “The bridge is safe. It opens in May.” \
“Nobody will pay twice.”\n\n“The pier is old.”\n\n“We disagree,” Brandt said. “Nobody asked us.”";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Quell"),
            "said",
            vec![
                "“The tolls will stay low,”",
                "“The bridge is safe. It opens in May.”",
                "“Nobody will pay twice.”",
            ],
            false,
        ),
        (
            Some("Brandt"),
            "said",
            vec!["“We disagree,”", "“Nobody asked us.”"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_quotation_after_reported_speech_a_verdict_mid_sentence_and_a_second_verb() {
    // Fictional: Tomas Quell, the mayor and the officials of Lower Tarrow are invented.
    let text = "Quell said the pier would close. “It is old.” \
The mayor called the plan “a costly folly” in a letter to the council. \
The officials met on Monday and said the tolls were unfair.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Quell"),
            "said",
            vec!["the pier would close", "“It is old.”"],
            false,
        ),
        (
            Some("The mayor"),
            "called",
            vec!["the plan “a costly folly” in a letter to the council"],
            false,
        ),
        (
            Some("The officials"),
            "said",
            vec!["the tolls were unfair"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn participle_asides_titles_before_a_party_tag_a_reversed_closing_mark_and_polls() {
    // Fictional: Odile Brandt, Sen. Ilse Varga, Tomas Quell, Elsby and the
    // Tarrow Gazette are invented.
    let text = "Brandt, speaking to pilots in Elsby, said the tolls were unfair. \
By Monday, harbour rival Sen. Ilse Varga (T-Elsby) said the bridge was safe. \
“It is unusual,“ said Tomas Quell. \
In a Tarrow Gazette poll released Monday, most pilots backed the bridge.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (Some("Brandt"), "said", vec!["the tolls were unfair"], false),
        (
            Some("harbour rival Sen. Ilse Varga (T-Elsby)"),
            "said",
            vec!["the bridge was safe"],
            false,
        ),
        (Some("Tomas Quell"), "said", vec!["“It is unusual,“"], false),
        (
            Some("a Tarrow Gazette poll released Monday"),
            "In",
            vec!["most pilots backed the bridge"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_inverted_speaker_keeps_a_party_tag_and_an_apposition_up_to_which_or_a_participle() {
    // Fictional: Ilse Varga, the Elsby United States Line, Tomas Quell and
    // Odile Brandt are invented.
    let text = "“The pier is old,” said Ilse Varga, head of the Elsby United States Line, \
which runs the ferries. “The tolls will stay,” said Tomas Quell (T-Elsby). \
“We will see,” said Odile Brandt, the pier's keeper, referring to the vote.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Ilse Varga, head of the Elsby United States Line"),
            "said",
            vec!["“The pier is old,”"],
            false,
        ),
        (
            Some("Tomas Quell (T-Elsby)"),
            "said",
            vec!["“The tolls will stay,”"],
            false,
        ),
        (
            Some("Odile Brandt, the pier's keeper,"),
            "said",
            vec!["“We will see,”"],
            false,
        ),
        (
            Some("Odile Brandt, the pier's keeper,"),
            "referring to",
            vec!["the vote"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_addressee_before_the_end_and_a_pronoun_after_a_time() {
    // Fictional: the pier of Lower Tarrow and the Tarrow Gazette are invented.
    let text = "The pier is unsafe, a harbour official told the Tarrow Gazette. \
On Tuesday night he said the tolls would stay. \
The pier had the tolls he said were fair.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("a harbour official"),
            "told",
            vec!["The pier is unsafe"],
            false,
        ),
        (Some("he"), "said", vec!["the tolls would stay"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_quotation_after_said_and_a_comma_that_does_not_end_the_sentence() {
    // Fictional: Tomas Quell and his pier are invented.
    let text = "Quell said, “The pier is old” and “badly kept.”";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Quell"),
        "said",
        vec!["“The pier is old” and “badly kept.”"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_content_keeps_at_most_two_hundred_words_of_an_endless_sentence() {
    // Fictional: Tomas Quell and his pier are invented.
    let words: Vec<String> = (0..300).map(|n| format!("pier{n}")).collect();
    let text = format!("Quell said {}.", words.join(" "));
    let got = seen(&text);
    let kept = words[..200].join(" ");
    assert_eq!(
        got,
        vec![(Some("Quell"), "said", vec![kept.as_str()], false)]
    );
}

#[test]
fn a_subject_with_a_party_tag_or_an_aside_that_is_no_noun_before_said() {
    // Fictional: the Tarrow papers, the Orland Press, Rep. Eli Cumm, Vikram Amar
    // and the University of Orland are invented.
    let text = "Six Tarrow newspapers in Orland, including the Orland Press, said the mayor was \
unfit. Rep. Eli Cumm (D-Md.), chair of the Platform Committee, said that the process was open. \
Vikram Amar, dean of the University of Orland College of Law, said the court had changed. \
The pier rusted, and the board said nothing.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Six Tarrow newspapers in Orland, including the Orland Press,"),
            "said",
            vec!["the mayor was unfit"],
            false,
        ),
        (
            Some("Rep. Eli Cumm (D-Md.), chair of the Platform Committee,"),
            "said",
            vec!["that the process was open"],
            false,
        ),
        (
            Some("Vikram Amar, dean of the University of Orland College of Law,"),
            "said",
            vec!["the court had changed"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_inverted_speaker_after_a_clause_that_holds_a_quotation() {
    // Fictional: Mayor Vell, Tomas Quell, Dara Axel and Stev Elman are invented.
    let text = "But Mayor Vell would do well to begin “building bridges” to Mr. Quell, said Dara \
Axel, a former strategist for the council. “It is old,” said Stev Elman.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Dara Axel, a former strategist for the council"),
            "said",
            vec!["But Mayor Vell would do well to begin “building bridges” to Mr. Quell"],
            false,
        ),
        (Some("Stev Elman"), "said", vec!["“It is old,”"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn told_then_a_contracted_pronoun_a_possessive_or_a_colon_opens_what_was_told() {
    // Fictional: Calabrese, Odile Hannity, the Tarrow Post and the Orland Courier are invented.
    let text = "Calabrese told the Tarrow Post he’s already received hundreds of letters. \
Odile Hannity told me his support for the pier makes him more honest. \
Calabrese told the Orland Courier: “The pier is old.”";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Calabrese"),
            "told",
            vec!["he’s already received hundreds of letters"],
            false,
        ),
        (
            Some("Odile Hannity"),
            "told",
            vec!["his support for the pier makes him more honest"],
            false,
        ),
        (Some("Calabrese"), "told", vec!["“The pier is old.”"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_poll_headline_and_a_digest_line_that_names_its_speaker_after_a_dash() {
    // Fictional: Mayor Vell, Tomas Quell, Mara Bell and Orland are invented.
    let text = "Poll: Vell leads Quell in Orland.\n\n\
The polls were early - Mara Bell: “Although the polls missed, they were close.”\n\n\
The turnout - More from Bell: “Young voters stayed home.”";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (Some("Poll"), ":", vec!["Vell leads Quell in Orland"], false),
        (
            Some("Mara Bell"),
            ":",
            vec!["“Although the polls missed, they were close.”"],
            false,
        ),
        (
            Some("Bell"),
            ":",
            vec!["“Young voters stayed home.”"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_inverted_speaker_runs_past_lower_case_title_words_to_the_name() {
    // Fictional: Ana Bell, Jan Marr, Odo Marr, Tarrow and Orland are invented.
    let text = "“The pier is old,” said harbour union boss Ana Bell, though she added that it was \
safe. The pier is old and badly kept, said Tarrow’s top policy aide Jan Marr. \
“It stays,” said Odo Marr of the Orland delegation. “It goes,” said Ana Bell on Tuesday.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("harbour union boss Ana Bell"),
            "said",
            vec!["“The pier is old,”"],
            false,
        ),
        (Some("she"), "added", vec!["that it was safe"], false),
        (
            Some("Tarrow’s top policy aide Jan Marr"),
            "said",
            vec!["The pier is old and badly kept"],
            false,
        ),
        (
            Some("Odo Marr of the Orland delegation"),
            "said",
            vec!["“It stays,”"],
            false,
        ),
        (Some("Ana Bell"), "said", vec!["“It goes,”"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_second_verb_of_saying_after_but_takes_the_sentence_subject() {
    // Fictional: Chair Hal Wims and the Orland caucus are invented.
    let text = "Chair Hal Wims declined to name the three delegates but said one was a harbour \
pilot.";
    let got = seen(text);
    // The refusal's content stops before the second verb.
    let expected: Vec<Seen> = vec![
        (
            Some("Chair Hal Wims"),
            "declined",
            vec!["to name the three delegates"],
            false,
        ),
        (
            Some("Chair Hal Wims"),
            "said",
            vec!["one was a harbour pilot"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_name_before_asked_puts_a_question_or_a_request() {
    // Fictional: Ana Bell, Mayor Vell, Tomas Quell and the Orland board are invented.
    let text = "Moderator Ana Bell asked the candidates a simple question about the pier. \
Mayor Vell asked the board to close the pier. Quell asked about the tolls.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Moderator Ana Bell"),
            "asked",
            vec!["the candidates a simple question about the pier"],
            false,
        ),
        (
            Some("Mayor Vell"),
            "asked",
            vec!["the board to close the pier"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_name_right_before_criticized_endorsed_cited_or_suggested_acts() {
    // Fictional: Tomas Quell, the Tarrow Gazette, Mayor Vell and Ana Bell are invented.
    let text = "Quell criticized the toll on the new pier. The Tarrow Gazette endorsed Mayor Vell. \
Bell suggested the pier should close in winter. Vell declined to say whether the pier would close. Quell thanked the ferry crews for their work. Vell sees the vote as a test of the pier. Bell sees the pier every day. Quell hopes to reopen the pier in May. Mayor Vell told reporters at the harbour office.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Quell"),
            "criticized",
            vec!["the toll on the new pier"],
            false,
        ),
        (
            Some("The Tarrow Gazette"),
            "endorsed",
            vec!["Mayor Vell"],
            false,
        ),
        (
            Some("Bell"),
            "suggested",
            vec!["the pier should close in winter"],
            false,
        ),
        (
            Some("Vell"),
            "declined",
            vec!["to say whether the pier would close"],
            false,
        ),
        (
            Some("Quell"),
            "thanked",
            vec!["the ferry crews for their work"],
            false,
        ),
        (
            Some("Vell"),
            "sees",
            vec!["the vote as a test of the pier"],
            false,
        ),
        (
            Some("Quell"),
            "hopes",
            vec!["to reopen the pier in May"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn appears_to_after_a_name_is_an_attribution_without_a_source() {
    // Fictional: Tomas Quell and the Orland council are invented.
    let text = "Quell appears to have the votes in the Orland council. The pier appears old.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        None,
        "appears",
        vec!["Quell", "to have the votes in the Orland council"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn an_inverted_apposition_keeps_abbreviations_and_relative_clauses_but_not_a_who_said() {
    // Fictional: Pella Dorn, Aro Vint, the Tarrow Works, Mira Solt, the Tarrow
    // Gazette, Ivo Brann and Lower Tarrow are invented.
    let got = spans(
        "“The fee is fair,” said Pella Dorn, a D.C.-based analyst for the state pilots’ guild.",
    );
    assert_eq!(
        got[0].0,
        Some("Pella Dorn, a D.C.-based analyst for the state pilots’ guild")
    );
    // A relative clause may hold a verb; a quotation that goes on after the
    // apposition leaves its comma with the speaker and is content still.
    let got = spans(
        "“The span will hold,” said Aro Vint, an engineer who is the director of the Tarrow \
Works, “and the tolls will stay low.”",
    );
    let expected = vec![(
        Some("Aro Vint, an engineer who is the director of the Tarrow Works,"),
        "said",
        vec!["“The span will hold,”", "“and the tolls will stay low.”"],
    )];
    assert_eq!(got, expected);
    // A relative clause that reports on its own is no part of the source.
    let got = spans(
        "Mira Solt, who said she would run again, told the Tarrow Gazette that the pier must \
stay open.",
    );
    assert!(
        got.contains(&(
            Some("Mira Solt"),
            "told",
            vec!["that the pier must stay open"]
        )),
        "{got:?}"
    );
    let got = spans(
        "“We will not sell,” said Ivo Brann, a captain from Lower Tarrow, who said the fleet was safe.",
    );
    assert_eq!(got[0].0, Some("Ivo Brann, a captain from Lower Tarrow,"));
}

#[test]
fn a_word_between_the_subject_and_its_verb_is_no_part_of_the_source() {
    // Fictional: Odile Brandt, Tomas Quell and the Tarrow pilots are invented.
    let expected = vec![(
        Some("Odile Brandt"),
        "even said",
        vec!["the pier would close in May"],
    )];
    assert_eq!(
        spans("Odile Brandt even said the pier would close in May."),
        expected
    );
    let got = spans("Tomas Quell however said the tolls would stay low.");
    assert_eq!(got[0].0, Some("Tomas Quell"));
    let got = spans("The Tarrow pilots here say the channel is too shallow.");
    assert_eq!(got[0].0, Some("The Tarrow pilots"));
    // A negation is no such word: `they don't want` is no attribution.
    assert!(spans("They don’t want to be profiled.").is_empty());
}

#[test]
fn a_title_then_a_name_before_the_verb_keeps_its_closing_comma() {
    // Fictional: Ivo Brann and the pilots are invented.
    let dir = tempfile::tempdir().unwrap();
    let text = "The pilots’ chairman, Ivo Brann, said the channel was too shallow.";
    let expected = vec![(
        Some("The pilots’ chairman, Ivo Brann,"),
        "said",
        vec!["the channel was too shallow"],
    )];
    assert_eq!(spans(text), expected);
    // The actor is still the name, without its title or the comma.
    fs::write(
        dir.path().join("p.toml"),
        format!("title = \"Channel\"\nbody = \"\"\"\n{text}\n\"\"\"\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = suggest_in(dir.path(), &["--dry-run", "p.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("name = \"Ivo Brann\"\n"), "{stdout}");
}

#[test]
fn a_gerund_takes_the_whole_lower_case_subject_up_to_its_verb() {
    // Fictional: the harbour departments and the ferry captain are invented.
    let got = spans(
        "The harbour departments declined to give any figures, saying they cannot discuss the case.",
    );
    let expected = vec![
        (
            Some("The harbour departments"),
            "declined",
            vec!["to give any figures"],
        ),
        (
            Some("The harbour departments"),
            "saying",
            vec!["they cannot discuss the case"],
        ),
    ];
    assert_eq!(got, expected);
    // An -ed word before a noun is an adjective, not the verb.
    let got = spans(
        "The retired ferry captain addressed the council, remarking that the pier was rotten.",
    );
    assert_eq!(got[0].0, Some("The retired ferry captain"));
    // A pronoun stays alone.
    let got = spans("She even brandished a map, describing the old channel in detail.");
    assert_eq!(got[0].0, Some("She"));
}

#[test]
fn how_or_when_a_speaker_spoke_and_what_follows_a_dash_are_no_part_of_the_source() {
    // Fictional: Ana Bell, the Orland Pilots Guild and the council are invented.
    let got = spans("“This is simple,” said harbour chief Ana Bell in a statement.");
    assert_eq!(got[0].0, Some("harbour chief Ana Bell"));
    let got = spans("“This is simple,” said Ana Bell on Tuesday.");
    assert_eq!(got[0].0, Some("Ana Bell"));
    let got = spans("Ana Bell in his speech called the pier “a ruin.”");
    assert_eq!(got[0].0, Some("Ana Bell"));
    let expected = vec![(
        Some("the Orland Pilots Guild"),
        "according to",
        vec!["Tolls rose by a fifth"],
    )];
    assert_eq!(
        spans(
            "Tolls rose by a fifth, according to the Orland Pilots Guild - twice what the \
council had promised."
        ),
        expected
    );
}

#[test]
fn subjects_joined_by_and_are_one_source_but_two_clauses_are_not() {
    // Fictional: Quell, Vell and the Tarrow Gazette are invented.
    let got = spans("Her advisers and allies say she will run again.");
    assert_eq!(got[0].0, Some("Her advisers and allies"));
    let expected = vec![(
        Some("Quell and the Tarrow Gazette"),
        "have said",
        vec!["the bridge is unsafe"],
    )];
    assert_eq!(
        spans("Quell and the Tarrow Gazette have said the bridge is unsafe."),
        expected
    );
    // `won the vote and`: a clause of its own, so only its subject speaks.
    let got = spans("Quell won the vote and Vell said the count was wrong.");
    assert_eq!(got[0].0, Some("Vell"));
}

#[test]
fn according_to_a_name_and_an_apposition_that_ends_the_sentence() {
    // Fictional: Ana Bell and the Orland guild are invented.
    let expected = vec![(
        Some("Ana Bell, a pilot with the Orland guild"),
        "according to",
        vec!["Tolls rose by a fifth last year"],
    )];
    assert_eq!(
        spans(
            "Tolls rose by a fifth last year, according to Ana Bell, a pilot with the Orland guild."
        ),
        expected
    );
    // A clause after the name is more of what was said, not an apposition.
    let expected = vec![(
        Some("Ana Bell"),
        "according to",
        vec!["Tolls rose by a fifth last year", "the bridge will close"],
    )];
    assert_eq!(
        spans("Tolls rose by a fifth last year, according to Ana Bell, the bridge will close."),
        expected
    );
}

#[test]
fn an_aside_that_opens_with_a_participle_is_no_part_of_the_source() {
    // Fictional: Ana Bell, Ivo Brann, Ken Sorn, Tarrow Radio and the Tarrow Works are invented.
    let got = spans("“We will win,” said harbour chief Ana Bell, speaking after the vote.");
    assert_eq!(got[0].0, Some("harbour chief Ana Bell"));
    let got =
        spans("Ivo Brann, recalling the storm of the last winter, described the pier as a ruin.");
    assert_eq!(got[0].0, Some("Ivo Brann"));
    let got = spans(
        "Sen. Ana Bell, R-Els., appearing on Tarrow Radio after the vote, said the toll would stay.",
    );
    assert_eq!(got[0].0, Some("Sen. Ana Bell, R-Els.,"));
    // `managing director` describes: it stays.
    let got = spans("“It holds,” said Ken Sorn, managing director of the Tarrow Works.");
    assert_eq!(
        got[0].0,
        Some("Ken Sorn, managing director of the Tarrow Works")
    );
}

#[test]
fn an_inverted_speaker_described_to_the_end_of_the_sentence() {
    // Fictional: Governor Ana Bell and the channel are invented.
    let got = spans("“It holds,” said the former aide to Governor Ana Bell.");
    assert_eq!(got[0].0, Some("the former aide to Governor Ana Bell"));
    let got = spans("“It holds,” said one official with knowledge of the channel.");
    assert_eq!(got[0].0, Some("one official with knowledge of the channel"));
    let got = spans("“It holds,” said an official who was not allowed to speak.");
    assert_eq!(got[0].0, Some("an official who was not allowed to speak"));
    // Why the speaker goes unnamed, and when they spoke, are left out.
    let got = spans("“It holds,” said one official who requested anonymity.");
    assert_eq!(got[0].0, Some("one official"));
    let got = spans("“It holds,” said Ana Bell on Monday.");
    assert_eq!(got[0].0, Some("Ana Bell"));
}

#[test]
fn a_title_case_headline_line_reports_with_its_capitalised_verb() {
    // Fictional: Mayor Ilse Vell, Tomas Quell, Ana Bell, Orland and the Tarrow harbour board are invented.
    let text = "Mayor Ilse Vell Says The Pier Will Close In Winter\n\n\
Quell Calls for New Tolls On The Bridge\n\n\
Ana Bell Tells #Orland Voters The Ferry Stays\n\n\
How Quell Says No To Everyone\n\n\
The harbour board met on Monday. It Says nothing.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Ilse Vell"),
            "Says",
            vec!["The Pier Will Close In Winter"],
            false,
        ),
        (
            Some("Quell"),
            "Calls for",
            vec!["New Tolls On The Bridge"],
            false,
        ),
        (
            Some("Ana Bell"),
            "Tells",
            vec!["#Orland Voters The Ferry Stays"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_poll_named_at_length_before_shows_is_the_source() {
    // Fictional: the Tarrow Gazette, Orland Radio, Vell and Quell are invented.
    let text = "A Tarrow Gazette/Orland Radio poll released Monday shows Vell ahead of Quell by nine points. \
The figures can be found here on the Gazette site. Voters who read the report showed little interest in it.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("A Tarrow Gazette/Orland Radio poll released Monday"),
        "shows",
        vec!["Vell ahead of Quell by nine points"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_person_who_vows_pledges_or_threatens_to_act_is_a_source() {
    // Fictional: Mayor Vell, Tomas Quell and the Orland ferry board are invented.
    let text = "Mayor Vell has vowed to reopen the pier by May. Quell threatened to sue the ferry board. \
The storm threatens to close the harbour. The board promised to the voters a new pier.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "has vowed",
            vec!["to reopen the pier by May"],
            false,
        ),
        (
            Some("Quell"),
            "threatened",
            vec!["to sue the ferry board"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn state_in_a_speakers_description_is_a_noun_not_a_verb() {
    // Fictional: Ana Bell, Orland and its ferry are invented.
    let text =
        "Orland state delegate Ana Bell, clad in a red cape, said the ferry would run all winter.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Orland state delegate Ana Bell, clad in a red cape,"),
        "said",
        vec!["the ferry would run all winter"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_speaker_after_a_datelines_hyphen_starts_its_clause() {
    // Fictional: Orland, the Tarrow Wire and Mayor Ana Bell are invented.
    let text = "ORLAND (Tarrow Wire) - Mayor Ana Bell said the pier would reopen in May.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Mayor Ana Bell"),
        "said",
        vec!["the pier would reopen in May"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_gerund_joined_by_and_to_a_gerund_cue_shares_its_source() {
    // Fictional: Mayor Vell, Tomas Quell and the Orland pier are invented.
    let text =
        "Mayor Vell opened the pier, calling it a gift to Orland and vowing to keep the tolls low.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "calling",
            vec!["it a gift to Orland"],
            false,
        ),
        (
            Some("Mayor Vell"),
            "vowing",
            vec!["to keep the tolls low"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_opening_poll_may_join_its_pollsters_with_a_slash() {
    // Fictional: the Tarrow Gazette, Orland Radio and Mayor Vell are invented.
    let text =
        "In a Tarrow Gazette/Orland Radio poll released Monday, most voters backed Mayor Vell.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("a Tarrow Gazette/Orland Radio poll released Monday"),
        "In",
        vec!["most voters backed Mayor Vell"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn called_with_a_verdict_far_off_or_after_and_keeps_its_speaker() {
    // Fictional: Ana Bell, Tomas Quell and the Orland harbour board are invented.
    let text = "Bell took the stage at the Orland harbour and called the board “rotten to the core.” \
Quell called the plan to sell the old ferry to a private buyer “a disgrace.” \
Quell called for a new vote.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Bell"),
            "called",
            vec!["the board “rotten to the core.”"],
            false,
        ),
        (
            Some("Quell"),
            "called",
            vec!["the plan to sell the old ferry to a private buyer “a disgrace.”"],
            false,
        ),
        (Some("Quell"), "called for", vec!["a new vote"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_name_right_before_lamented_mocked_or_ordered_acts() {
    // Fictional: Tomas Quell, Mayor Vell, Ana Bell and the Orland pier are invented.
    let text = "Quell lamented the loss of the old ferry. Mayor Vell mocked the toll plan. \
Bell ordered a review of the pier. Quell opposed the plan.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Quell"),
            "lamented",
            vec!["the loss of the old ferry"],
            false,
        ),
        (Some("Mayor Vell"), "mocked", vec!["the toll plan"], false),
        (Some("Bell"), "ordered", vec!["a review of the pier"], false),
        // With a determined object after a name, `opposed` is read too (`stances`).
        (Some("Quell"), "opposed", vec!["the plan"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn asked_then_a_short_adjunct_then_the_question() {
    // Fictional: Mayor Vell, Orland Radio and the pier are invented.
    let text = "Asked on Orland Radio whether the pier would close, Vell said it would stay open. \
Asked on Monday about the pier, Vell smiled.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (None, "Asked", vec!["whether the pier would close"], false),
        (Some("Vell"), "said", vec!["it would stay open"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_day_that_closes_the_clause_joins_its_verb_but_not_before_that() {
    // Fictional: Mayor Vell, Tomas Quell, Ana Bell and the pier are invented.
    let text = "“The pier stays open,” Vell said Monday. Quell said Tuesday that the pier would close. \
“The tolls are fair,” Bell wrote on Twitter.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Vell"),
            "said Monday",
            vec!["“The pier stays open,”"],
            false,
        ),
        (
            Some("Quell"),
            "said",
            vec!["that the pier would close"],
            false,
        ),
        (
            Some("Bell"),
            "wrote on Twitter",
            vec!["“The tolls are fair,”"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_verb_of_the_mind_after_and_takes_the_first_verbs_subject() {
    // Fictional: Tomas Quell and the Orland pier are invented.
    let text =
        "Quell shook hands at the Orland pier and asked the crews whether they would strike.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Quell"),
        "asked",
        vec!["whether they would strike"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_gerund_after_an_opening_aside_takes_the_subject_of_the_clause_before_it() {
    // Fictional: Salem Harbour, Mayor Vell and Tomas Quell are invented.
    let text = "Speaking at the pier in Salem Harbour, Vell went after Quell, calling him “a toll collector.”";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Vell"),
        "calling",
        vec!["him “a toll collector.”"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn according_to_with_no_comma_before_it_or_after_a_colon() {
    // Fictional: Mayor Vell, Tomas Quell and the Tarrow Gazette are invented.
    let text = "Vell leads Quell by nine points according to a Tarrow Gazette poll. \
It has not gone unnoticed: According to the harbour office, the pier will close.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("a Tarrow Gazette poll"),
            "according to",
            vec!["Vell leads Quell by nine points"],
            false,
        ),
        (
            Some("the harbour office"),
            "According to",
            vec!["the pier will close"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn is_not_or_widely_expected_to_keeps_its_adverb_in_the_cue() {
    // Fictional: Mayor Vell and the Orland pier are invented.
    let text = "Mayor Vell is widely expected to reopen the Orland pier.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        None,
        "is widely expected",
        vec!["Mayor Vell", "to reopen the Orland pier"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_verb_of_saying_in_the_progressive_keeps_its_be_in_the_cue() {
    // Fictional: Mayor Vell, Tomas Quell and the Orland pier are invented.
    let text = "Mayor Vell is telling voters in Orland that the pier will reopen. \
Quell is calling for a new vote on the tolls. The pier was being shown to visitors.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "is telling",
            vec!["that the pier will reopen"],
            false,
        ),
        (
            Some("Quell"),
            "is calling for",
            vec!["a new vote on the tolls"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_poll_that_shows_after_while_or_a_comma_is_a_source_too() {
    // Fictional: the Tarrow Gazette, Mayor Vell and Tomas Quell are invented.
    let text = "Vell campaigned in Orland, while a Tarrow Gazette poll released last week actually showed Quell ahead by four points.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("a Tarrow Gazette poll released last week"),
        "actually showed",
        vec!["Quell ahead by four points"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_gerund_with_that_takes_the_noun_phrase_opening_the_sentence() {
    // Fictional: the Orland council and its harbour are invented.
    let text = "But the Orland council spokeswoman, a former pilot, drew a contrast, saying that the harbour needs no new toll.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("the Orland council spokeswoman"),
        "saying",
        vec!["that the harbour needs no new toll"],
        false,
    )];
    assert_eq!(got, expected);
}

// ---- mind10 ----

#[test]
fn refusals_take_their_infinitive_and_a_topic_after_comment_on() {
    // Fictional: Mara Quell, the Orland port office and its spokeswoman are invented.
    let text = "Mara Quell declined to comment. A port office spokeswoman declined to comment on the new ferry toll.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (Some("Mara Quell"), "declined", vec!["to comment"], false),
        (
            Some("A port office spokeswoman"),
            "declined to comment on",
            vec!["the new ferry toll"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_refusal_in_a_clause_of_time_and_a_fall_in_fees_are_no_attributions() {
    // Fictional: Vell and the Orland harbour fees are invented.
    let text = "The vote collapsed when Vell refused to attend the meeting. Harbour fees declined to 40 crowns in May.";
    assert_eq!(seen(text), Vec::<Seen>::new());
}

#[test]
fn acts_after_any_subject_keep_their_auxiliaries_in_the_cue() {
    // Fictional: the Orland pilots' union, Mara Quell and the toll are invented.
    let text = "The Orland pilots' union has formally endorsed Mara Quell for mayor.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("The Orland pilots' union"),
        "has formally endorsed",
        vec!["Mara Quell for mayor"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn base_forms_of_the_mind_need_a_plural_subject_outside_a_relative_clause() {
    // Fictional: the Tarrow harbour pilots, the ferry toll and Ilse Bell are invented.
    let text = "Most harbour pilots see the ferry toll as a tax on their work. \
They want a new ferry. Bell repeated the arguments that pilots believe would win the vote.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Most harbour pilots"),
        "see",
        vec!["the ferry toll as a tax on their work"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn hopes_and_wants_with_an_object_are_read_after_a_name() {
    // Fictional: Ilse Bell, Tomas Vell and the Orland recount are invented.
    let text = "Ilse Bell had hoped to win the harbour seat. Tomas Vell wants a full recount of the ballots.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Ilse Bell"),
            "had hoped",
            vec!["to win the harbour seat"],
            false,
        ),
        (
            Some("Tomas Vell"),
            "wants",
            vec!["a full recount of the ballots"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn criticism_after_a_lower_case_subject_and_views_after_a_quantifier() {
    // Fictional: the Orland port authority, its toll plan and the harbour pilots are invented.
    let text = "The port authority sharply attacked the toll plan. Many pilots argue that the toll will empty the harbour.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The port authority"),
            "sharply attacked",
            vec!["the toll plan"],
            false,
        ),
        (
            Some("Many pilots"),
            "argue",
            vec!["that the toll will empty the harbour"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_negated_mention_takes_its_negation_into_the_cue() {
    // Fictional: Ilse Bell and the Orland toll are invented.
    let text = "Ilse Bell did not mention the ferry toll in her speech.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("Ilse Bell"),
        "did not mention",
        vec!["the ferry toll in her speech"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_view_is_read_with_its_as_close_by() {
    // Fictional: the Orland council, its ferry crews and the storm are invented.
    let text = "The Orland council portrayed the ferry crews as heroes of the storm. The council viewed the pier on Monday.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("The Orland council"),
        "portrayed",
        vec!["the ferry crews as heroes of the storm"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn backing_needs_a_determined_object_and_a_subject_that_is_no_pronoun() {
    // Fictional: the Orland harbour board and its bridge plan are invented.
    let text = "The harbour board has backed the bridge plan. It opposed tolls. They backed down.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("The harbour board"),
        "has backed",
        vec!["the bridge plan"],
        false,
    )];
    assert_eq!(got, expected);
}

// ---- seem10 ----

#[test]
fn an_expectation_in_a_relative_clause_or_after_it_has_no_speaker() {
    // Fictional: the Orland pier, its festival and the Tarrow council are invented.
    let text = "The festival, which is expected to draw ten thousand visitors, opens on the Orland pier. \
It is expected to rain all weekend.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            None,
            "is expected",
            vec!["which", "to draw ten thousand visitors"],
            false,
        ),
        (
            None,
            "is expected",
            vec!["It", "to rain all weekend"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn how_things_seem_is_an_attribution_without_a_source() {
    // Fictional: the Orland council, Mayor Vell, Tomas Quell and the ferry are invented.
    let text = "The Orland council seemed ready to reopen the pier. \
Vell seemed to mock the toll plan. \
She seemed tired after the vote. \
It seems likely that the ferry will keep running. \
“The fare seems high,” Quell said.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            None,
            "seemed",
            vec!["The Orland council", "ready to reopen the pier"],
            false,
        ),
        (
            None,
            "seems",
            vec!["likely that the ferry will keep running"],
            false,
        ),
        (Some("Quell"), "said", vec!["“The fare seems high,”"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_report_nobody_is_named_for_is_cued_by_reportedly() {
    // Fictional: the Tarrow Gazette, Mayor Vell and the Orland pier are invented.
    let text = "The Tarrow Gazette is reportedly weighing a sale of its printing plant. \
Vell reportedly said the pier would close.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            None,
            "reportedly",
            vec![
                "The Tarrow Gazette is",
                "weighing a sale of its printing plant",
            ],
            false,
        ),
        (
            Some("Vell"),
            "reportedly said",
            vec!["the pier would close"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_judgement_in_the_passive_names_no_judge() {
    // Fictional: Mayor Vell, the Orland pier and the Tarrow strait are invented.
    let text = "Vell was declared the winner in Orland. \
The old pier is considered unsafe by the harbour board. \
The strait is best known for its fog. \
The pier is called the Long Arm.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            None,
            "was declared",
            vec!["Vell", "the winner in Orland"],
            false,
        ),
        (None, "is considered", vec!["The old pier", "unsafe"], false),
        (
            None,
            "is best known for",
            vec!["The strait", "its fog"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_question_put_in_the_passive_is_cued_by_was_asked() {
    // Fictional: Mayor Vell, Tomas Quell, the Tarrow Gazette and the pier are invented.
    let text = "Vell was asked whether the pier would reopen. \
Quell was asked by the Tarrow Gazette if the tolls would rise. \
Vell was asked about the ferry.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            None,
            "was asked",
            vec!["whether the pier would reopen"],
            false,
        ),
        (
            Some("the Tarrow Gazette"),
            "was asked",
            vec!["if the tolls would rise"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_asker_the_phrase_walk_does_not_know_is_taken_up_to_the_question() {
    // Fictional: Mayor Vell, the Orland pier and its board are invented.
    let text =
        "When asked by a ferryman whether the pier would close, Vell said the board would decide.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("a ferryman"),
            "asked",
            vec!["whether the pier would close"],
            false,
        ),
        (Some("Vell"), "said", vec!["the board would decide"], false),
    ];
    assert_eq!(got, expected);
}

// ---- said10 ----

#[test]
fn a_verb_of_saying_inside_a_relative_clause_reports_what_follows_it() {
    // Fictional: Mayor Vell, Tomas Quell, Orland and its pier are invented.
    let text = "The council approved the Orland pier toll, which Mayor Vell said was too low. \
Quell met two pilots, who he said were the best in Tarrow.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "said",
            vec!["which", "was too low"],
            false,
        ),
        (Some("he"), "said", vec!["were the best in Tarrow"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn heavy_subjects_and_poll_shares_say_what_follows() {
    // Fictional: Orland, its talks, its toll and its pilots are invented.
    let text = "People briefed on the Orland talks say the toll will stay. \
Turnout was low in Orland, and more than 4 in 10 said the toll was unfair. \
In Orland, 42% say the toll is too high. \
The vote was close, with 22 percent of pilots saying the toll is unfair. \
Pilots were angry, with Senator Ana Bell calling the toll a disgrace.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("People briefed on the Orland talks"),
            "say",
            vec!["the toll will stay"],
            false,
        ),
        (
            Some("more than 4 in 10"),
            "said",
            vec!["the toll was unfair"],
            false,
        ),
        (Some("42%"), "say", vec!["the toll is too high"], false),
        (
            Some("22 percent of pilots"),
            "saying",
            vec!["the toll is unfair"],
            false,
        ),
        (
            Some("Senator Ana Bell"),
            "calling",
            vec!["the toll a disgrace"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn as_the_paper_reported_and_a_second_said_joined_by_and() {
    // Fictional: the Tarrow Gazette, Mayor Vell and the Orland pier are invented.
    let text = "As the Tarrow Gazette reported, the pier will close in May. \
As reported by the Tarrow Gazette, the toll will rise. \
Vell said the toll is fair and said the bridge is safe. \
The Tarrow Gazette reported the pier closed early.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("the Tarrow Gazette"),
            "reported",
            vec!["the pier will close in May"],
            false,
        ),
        (
            Some("the Tarrow Gazette"),
            "reported",
            vec!["the toll will rise"],
            false,
        ),
        (Some("Vell"), "said", vec!["the toll is fair"], false),
        (Some("Vell"), "said", vec!["the bridge is safe"], false),
        (
            Some("The Tarrow Gazette"),
            "reported",
            vec!["the pier closed early"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn namings_questions_titles_days_and_asides_after_a_verb_of_saying() {
    // Fictional: Mayor Vell, Ana Bell, Tomas Quell and Orland are invented.
    let text = "Tolls rose again, to what Mayor Vell called “a toll on the poor”. \
Quell asked Mayor Vell whether the pier would reopen. \
“The pier is safe,” harbour pilot Ana Bell said. \
Mayor Vell said Thursday she would close the pier. \
The toll was fair, Quell said. (Nobody in Orland agreed.)";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "called",
            vec!["what", "“a toll on the poor”"],
            false,
        ),
        (
            Some("Quell"),
            "asked",
            vec!["whether the pier would reopen"],
            false,
        ),
        (
            Some("harbour pilot Ana Bell"),
            "said",
            vec!["“The pier is safe,”"],
            false,
        ),
        (
            Some("Mayor Vell"),
            "said",
            vec!["she would close the pier"],
            false,
        ),
        (Some("Quell"), "said", vec!["The toll was fair"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn findings_footage_and_an_adjunct_with_a_nounish_word_report_too() {
    // Fictional: Orland, its pier, Mayor Vell and the researchers are invented.
    let text = "The researchers found that the Orland pier was unsafe. \
A video shows Mayor Vell closing the pier. \
Vell said in her opening remarks that the pier would reopen.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The researchers"),
            "found",
            vec!["that the Orland pier was unsafe"],
            false,
        ),
        (
            Some("A video"),
            "shows",
            vec!["Mayor Vell closing the pier"],
            false,
        ),
        (
            Some("Vell"),
            "said",
            vec!["that the pier would reopen"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_share_after_said_opens_the_reported_clause() {
    // Fictional: the Orland budget office and its toll are invented.
    let text = "The Orland budget office said about half of the toll went to repairs. \
Aides said more than 900 pilots signed the letter.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The Orland budget office"),
            "said",
            vec!["about half of the toll went to repairs"],
            false,
        ),
        (
            Some("Aides"),
            "said",
            vec!["more than 900 pilots signed the letter"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn pointed_out_as_asides_an_aside_before_that_and_replies() {
    // Fictional: Mayor Vell, Tomas Quell, the Tarrow Gazette and Orland are invented.
    let text = "Mayor Vell also pointed out that the Orland pier is old. \
But as the Tarrow Gazette noted, the toll has doubled since May. \
Quell said, however, that the pier would stay open. \
Vell responded that the toll would fall. \
Quell gave an interview, in which he said the pier was his idea.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "also pointed out",
            vec!["that the Orland pier is old"],
            false,
        ),
        (
            Some("the Tarrow Gazette"),
            "noted",
            vec!["the toll has doubled since May"],
            false,
        ),
        (
            Some("Quell"),
            "said",
            vec!["that the pier would stay open"],
            false,
        ),
        (
            Some("Vell"),
            "responded",
            vec!["that the toll would fall"],
            false,
        ),
        (Some("he"), "said", vec!["the pier was his idea"], false),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_quoted_title_after_according_to_is_part_of_the_source() {
    // Fictional: the book, its author and the Orland pier are invented.
    let text = "According to “The Pier Keepers,” by Ana Bell, the Orland pier was built in 1901.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![(
        Some("“The Pier Keepers,” by Ana Bell"),
        "According to",
        vec!["the Orland pier was built in 1901"],
        false,
    )];
    assert_eq!(got, expected);
}

// ---- src11 ----

#[test]
fn a_source_drops_asides_of_manner_opening_adverbs_and_words_the_verb_takes() {
    // Fictional: Mayor Vell, Tomas Quell, Orland, its pier and the Tarrow Gazette are invented.
    let text = "Mayor Vell, in a statement released on Monday, said the pier would reopen. \
Quell, to his credit, said the toll was too high. \
In Orland, even some pilots said the pier was unsafe. \
The Tarrow Gazette first reported that the pier would close. \
Quell hasn't said whether the toll will rise.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell"),
            "said",
            vec!["the pier would reopen"],
            false,
        ),
        (Some("Quell"), "said", vec!["the toll was too high"], false),
        (
            Some("some pilots"),
            "said",
            vec!["the pier was unsafe"],
            false,
        ),
        (
            Some("The Tarrow Gazette"),
            "first reported",
            vec!["that the pier would close"],
            false,
        ),
        (
            Some("Quell"),
            "hasn't said",
            vec!["whether the toll will rise"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_source_takes_the_first_part_of_its_coordination() {
    // Fictional: Mayor Vell, Orland, Elsby and their pilots are invented.
    let text = "But Mayor Vell and his aides believe the toll will fall. \
In Tarrow, the towns of Orland and Elsby said they would share the pier. \
The pier closed early and the pilots said the toll was unfair.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Vell and his aides"),
            "believe",
            vec!["the toll will fall"],
            false,
        ),
        (
            Some("the towns of Orland and Elsby"),
            "said",
            vec!["they would share the pier"],
            false,
        ),
        (
            Some("the pilots"),
            "said",
            vec!["the toll was unfair"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_gerund_after_an_opening_of_time_or_manner_is_said_by_the_clause_subject() {
    // Fictional: Mayor Vell, Tomas Quell, the Tarrow Gazette and Orland are invented.
    let text = "Hours later, Vell returned the favour, telling the Tarrow Gazette that the pier was safe. \
Walking to the pier, Quell waved at the pilots and said the toll was too high.";
    let got: Vec<(Option<&str>, &str)> =
        seen(text).into_iter().map(|(s, c, _, _)| (s, c)).collect();
    assert_eq!(
        got,
        vec![(Some("Vell"), "telling"), (Some("Quell"), "said")]
    );
}

#[test]
fn an_act_or_a_belief_takes_its_auxiliary_and_adverb_into_the_cue() {
    // Fictional: Mayor Vell, Tomas Quell and the Orland pier are invented.
    let text = "Mayor Vell has accused Quell of closing the Orland pier. \
Quell still believes that the toll is fair.";
    let got: Vec<(Option<&str>, &str)> =
        seen(text).into_iter().map(|(s, c, _, _)| (s, c)).collect();
    assert_eq!(
        got,
        vec![
            (Some("Mayor Vell"), "has accused"),
            (Some("Quell"), "still believes")
        ]
    );
}

#[test]
fn a_listed_subject_is_taken_whole_and_a_source_never_crosses_a_line() {
    // Fictional: Orland, its pilots and Ana Bell are invented.
    let text = "Friends, pilots and former rivals say that the Orland pier is safe.\n\
\n\
7\nAna Bell Questioned The Toll: \"Who pays for the pier?\"";
    let got: Vec<Option<&str>> = seen(text).into_iter().map(|(s, _, _, _)| s).collect();
    assert_eq!(
        got,
        vec![Some("Friends, pilots and former rivals"), Some("Ana Bell")]
    );
}

#[test]
fn a_closing_aside_of_time_or_manner_is_no_part_of_an_inverted_source() {
    // Fictional: Ana Bell, Tomas Quell and the Orland pier are invented.
    let text = "The pier is safe, said Ana Bell, the pier's keeper, on Monday. \
The toll is too high, said Quell, surrounded by pilots.";
    let got: Vec<Option<&str>> = seen(text).into_iter().map(|(s, _, _, _)| s).collect();
    assert_eq!(
        got,
        vec![Some("Ana Bell, the pier's keeper,"), Some("Quell")]
    );
}

// ---- prep11 ----

#[test]
fn cues_that_end_in_a_preposition_take_what_they_are_about() {
    // Fictional: Mayor Ilse Varga, Quell, Bell and the harbour are invented.
    let text = "Mayor Ilse Varga talked about the new toll bridge. \
Quell has repeatedly pointed to the ferry records. \
Harbour pilots are calling for a second pier. \
Bell spoke of her years at sea, pointing to the storm of 1998. \
Forty percent would vote for Quell.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mayor Ilse Varga"),
            "talked about",
            vec!["the new toll bridge"],
            false,
        ),
        (
            Some("Quell"),
            "has repeatedly pointed to",
            vec!["the ferry records"],
            false,
        ),
        (
            Some("Harbour pilots"),
            "are calling for",
            vec!["a second pier"],
            false,
        ),
        (Some("Bell"), "spoke of", vec!["her years at sea"], false),
        (
            Some("Bell"),
            "pointing to",
            vec!["the storm of 1998"],
            false,
        ),
        (
            Some("Forty percent"),
            "would vote for",
            vec!["Quell"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_gerund_topic_cue_reports_for_the_speaker_before_it() {
    // Fictional: Quell and the pier are invented.
    let text = "Quell said the pier was safe, pointing to the new survey. \
Vell said the mast was cracked, pointing to one.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (Some("Quell"), "said", vec!["the pier was safe"], false),
        (Some("Quell"), "pointing to", vec!["the new survey"], false),
        // A lone word pointed at is a gesture, not an argument.
        (
            Some("Vell"),
            "said",
            vec!["the mast was cracked, pointing to one"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn topic_verbs_used_as_nouns_or_by_things_are_no_cues() {
    // Fictional: the union, the board and Vell are invented.
    let text = "The union's talk about a strike surprised nobody. \
The discussion will focus on the budget. \
Her vote for the levy was her last. \
More pilots voted for Vell than for anyone else.";
    assert_eq!(seen(text), Vec::<Seen>::new());
}

#[test]
fn topic_cues_of_two_words_and_amounts() {
    // Fictional: Quell, Vell, Bell and the pilots' toll are invented.
    let text = "Quell also pointed to the ferry records. \
Vell weighed in on the toll dispute. \
Bell calls for $4 million in repairs. \
Pilots have railed against the toll.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Quell"),
            "also pointed to",
            vec!["the ferry records"],
            false,
        ),
        (
            Some("Vell"),
            "weighed in on",
            vec!["the toll dispute"],
            false,
        ),
        (
            Some("Bell"),
            "calls for",
            vec!["$4 million in repairs"],
            false,
        ),
        (
            Some("Pilots"),
            "have railed against",
            vec!["the toll"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

// ---- verbs11 ----

#[test]
fn a_quotation_closing_an_inner_one_still_has_its_speaker() {
    // Fictional: Vell, Quell and the Orland pier are invented.
    let text = "''We hear it every day, 'the pier is safe,''' Mr. Vell said. \
\"They keep calling it 'a bargain,' \" Quell said.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Mr. Vell"),
            "said",
            vec!["''We hear it every day, 'the pier is safe,'''"],
            false,
        ),
        (
            Some("Quell"),
            "said",
            vec!["\"They keep calling it 'a bargain,' \""],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_statement_put_out_saying_and_went_on_to_say_are_cues_whole() {
    // Fictional: the Orland harbour board, Mayor Vell and Quell are invented.
    let text = "The Orland harbour board issued a statement Monday saying the pier would reopen. \
Mayor Vell also sent out a press release saying the tolls would fall. \
Quell went on to say that the ferry was never late.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The Orland harbour board"),
            "issued a statement Monday saying",
            vec!["the pier would reopen"],
            false,
        ),
        (
            Some("Mayor Vell"),
            "also sent out a press release saying",
            vec!["the tolls would fall"],
            false,
        ),
        (
            Some("Quell"),
            "went on to say",
            vec!["that the ferry was never late"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn an_adverb_between_the_speaker_and_the_verb_is_part_of_the_cue() {
    // Fictional: the Orland board, Mayor Vell and Quell are invented.
    let text = "The Orland board initially said the pier was safe. \
Mayor Vell has since said that the tolls would fall. \
Quell never actually said the ferry was late.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The Orland board"),
            "initially said",
            vec!["the pier was safe"],
            false,
        ),
        (
            Some("Mayor Vell"),
            "has since said",
            vec!["that the tolls would fall"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn said_joined_by_and_or_but_has_the_subject_of_the_clause_before() {
    // Fictional: Elsby, Bo Quell, Ana Bell and the pier are invented.
    let text = "In Elsby, the harbour chairman Bo Quell declined to name the buyers but said \
one was a local firm. Ana Bell, a pilot, left the pier and said the tide was too low.";
    let got = seen(text);
    let said: Vec<&Seen> = got.iter().filter(|a| a.1 == "said").collect();
    let expected: Vec<Seen> = vec![
        (
            Some("the harbour chairman Bo Quell"),
            "said",
            vec!["one was a local firm"],
            false,
        ),
        (
            Some("Ana Bell, a pilot,"),
            "said",
            vec!["the tide was too low"],
            false,
        ),
    ];
    assert_eq!(said, expected.iter().collect::<Vec<_>>());
}

#[test]
fn a_pronoun_or_an_adjective_joined_by_and_is_part_of_the_speaker() {
    // Fictional: the Orland pier, Mr. Quell and the officials are invented.
    let text = "The pier will close in May, current and former officials said. \
The tolls were never fair, he and Mr. Quell said.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("current and former officials"),
            "said",
            vec!["The pier will close in May"],
            false,
        ),
        (
            Some("he and Mr. Quell"),
            "said",
            vec!["The tolls were never fair"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_plural_after_an_inverted_said_is_the_speaker() {
    // Fictional: the Orland pier and its pilots are invented.
    let got = seen("The Orland pier was safer than anyone thought, said several pilots.");
    let expected: Vec<Seen> = vec![(
        Some("several pilots"),
        "said",
        vec!["The Orland pier was safer than anyone thought"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_party_tag_after_a_quotation_belongs_to_the_speaker() {
    // Fictional: Senator Ana Bell and the pier are invented.
    let got = seen("\"The pier must stay open,\" Sen. Ana Bell (D-Els.) said.");
    let expected: Vec<Seen> = vec![(
        Some("Sen. Ana Bell (D-Els.)"),
        "said",
        vec!["\"The pier must stay open,\""],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn an_adverb_in_ly_closing_the_clause_is_part_of_the_cue() {
    // Fictional: Vell and the pier are invented.
    let got = seen("\"The pier is a marvel,\" Vell said dryly.");
    let expected: Vec<Seen> = vec![(
        Some("Vell"),
        "said dryly",
        vec!["\"The pier is a marvel,\""],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn an_answer_then_saying_is_one_cue() {
    // Fictional: the Vell campaign, Quell and the Orland pier are invented.
    let text = "The Vell campaign responded Friday, saying the pier would stay open. \
Quell shot back in a statement, saying the tolls were too high.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("The Vell campaign"),
            "responded Friday, saying",
            vec!["the pier would stay open"],
            false,
        ),
        (
            Some("Quell"),
            "shot back in a statement, saying",
            vec!["the tolls were too high"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn wrote_to_an_addressee_then_that_reports() {
    // Fictional: the Orland Pilots' Guild, Mayor Vell and the pier are invented.
    let got =
        seen("The Orland Pilots' Guild wrote to Mayor Vell's office that the pier was unsafe.");
    let expected: Vec<Seen> = vec![(
        Some("The Orland Pilots' Guild"),
        "wrote",
        vec!["that the pier was unsafe"],
        false,
    )];
    assert_eq!(got, expected);
}

#[test]
fn a_plural_subject_with_insist_argue_or_suggest_reports() {
    // Fictional: the Orland pilots, the harbour surveys and the pier are invented.
    let text = "Orland pilots insist that the pier is unsafe. \
Harbour surveys suggest that the tolls will rise.";
    let got = seen(text);
    let expected: Vec<Seen> = vec![
        (
            Some("Orland pilots"),
            "insist",
            vec!["that the pier is unsafe"],
            false,
        ),
        (
            Some("Harbour surveys"),
            "suggest",
            vec!["that the tolls will rise"],
            false,
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn notes_after_a_name_is_a_verb_of_saying() {
    // Fictional: Quell and the Orland pier are invented.
    let got = seen("Quell notes the Orland pier was built in a single summer.");
    let expected: Vec<Seen> = vec![(
        Some("Quell"),
        "notes",
        vec!["the Orland pier was built in a single summer"],
        false,
    )];
    assert_eq!(got, expected);
}
