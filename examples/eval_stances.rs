//! How well `whosaid suggest` finds who asserted and who denied what, measured
//! on annotated articles: each file is cut before its first `[[claims]]`, the
//! suggestions are appended and loaded, and every suggested stance is compared
//! with the file's own (the gold).
//!
//! A suggested stance is right when a gold stance has the same actor and the
//! same polarity (asserts / denies), and its claim's quote overlaps the gold
//! claim's quote or the two stances' quotes overlap.
//!
//! `cargo run --release --example eval_stances -- [PATH…]` (default: articles)

use std::ops::Range;
use std::path::PathBuf;

use whosaid::load::{self, SourceFile};
use whosaid::suggest::article::{Plan, plan};
use whosaid::{Article, StanceKind};

/// One stance: actor, polarity, the claim's anchor and the stance's own anchor.
struct Flat {
    actor: String,
    kind: StanceKind,
    claim: Option<Range<usize>>,
    own: Option<Range<usize>>,
}

fn flatten(article: &Article, suggested: bool) -> Vec<Flat> {
    article
        .claims
        .iter()
        .filter(|c| c.suggested == suggested)
        .flat_map(|c| {
            c.stances().map(|(kind, s)| Flat {
                actor: s.actor.to_string(),
                kind,
                claim: c.anchor.clone(),
                own: s.anchor.clone(),
            })
        })
        .collect()
}

fn overlaps(a: &Option<Range<usize>>, b: &Option<Range<usize>>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.start < b.end && b.start < a.end)
}

fn matches(p: &Flat, g: &Flat) -> bool {
    p.actor == g.actor
        && p.kind == g.kind
        && (overlaps(&p.claim, &g.claim) || overlaps(&p.own, &g.own) || overlaps(&p.own, &g.claim))
}

fn main() {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let roots = if args.is_empty() {
        vec![PathBuf::from("articles")]
    } else {
        args
    };
    let sources = match load::discover(&roots) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("eval_stances: {e}");
            std::process::exit(2);
        }
    };
    // Per polarity: predicted, predicted right, gold, gold found.
    let mut totals = [[0usize; 4]; 2];
    for source in &sources {
        let Ok(text) = std::fs::read_to_string(&source.path) else {
            continue;
        };
        let gold = load::load_bytes(source, text.as_bytes());
        let Some(gold) = gold.article else { continue };
        let Some(cut) = text.find("[[claims]]") else {
            continue;
        };
        let bare = &text[..cut];
        let loaded = load::load_bytes(source, bare.as_bytes());
        let Some(article) = loaded.article else {
            continue;
        };
        let Plan::Append { toml, .. } = plan(bare, &article, None) else {
            continue;
        };
        let with = format!(
            "{bare}{}{toml}",
            if bare.ends_with('\n') { "" } else { "\n" }
        );
        let Some(suggested) =
            load::load_bytes(&SourceFile { ..source.clone() }, with.as_bytes()).article
        else {
            eprintln!("{}: the suggestions do not load", source.path.display());
            continue;
        };
        let predicted = flatten(&suggested, true);
        let actual = flatten(&gold, false);
        for (k, kind) in [StanceKind::Asserts, StanceKind::Denies]
            .into_iter()
            .enumerate()
        {
            let p: Vec<&Flat> = predicted.iter().filter(|s| s.kind == kind).collect();
            let g: Vec<&Flat> = actual.iter().filter(|s| s.kind == kind).collect();
            totals[k][0] += p.len();
            totals[k][1] += p.iter().filter(|x| g.iter().any(|y| matches(x, y))).count();
            totals[k][2] += g.len();
            totals[k][3] += g.iter().filter(|y| p.iter().any(|x| matches(x, y))).count();
        }
    }
    println!("{} articles", sources.len());
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    for (name, t) in ["asserts", "denies"].iter().zip(totals) {
        println!(
            "{name:<8} suggested {:>3} right {:>3} (P {:.2})   gold {:>3} found {:>3} (R {:.2})",
            t[0],
            t[1],
            ratio(t[1], t[0]),
            t[2],
            t[3],
            ratio(t[3], t[2])
        );
    }
}
