//! Scores `whosaid suggest --format brat` against gold BRAT attributions
//! (PolNeAR's layout: `TEXTS/NAME.txt`, `ANNS/NAME_ANNOTATOR.ann`), with
//! Citron's metrics. A text with several annotators is scored against the
//! first annotation by file name.
//!
//! `cargo run --release --example eval_suggest -- TEXTS ANNS [--by-cue]`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use whosaid::suggest::{self, brat, score};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let by_cue = args.iter().any(|a| a == "--by-cue");
    // `--all-cues`: every predicted cue word with its count, not only the 40 most often wrong.
    let all_rows = args.iter().any(|a| a == "--all-cues");
    // `--missed WORD`: print the gold attributions with that cue that were not found.
    let missed = args
        .iter()
        .position(|a| a == "--missed")
        .and_then(|i| args.get(i + 1))
        .cloned();
    // `--wrong WORD`: print the predictions with that cue that match no gold cue.
    let wrong = args
        .iter()
        .position(|a| a == "--wrong")
        .and_then(|i| args.get(i + 1))
        .cloned();
    // `--dump DIR`: write each text's predicted standoff to `DIR/NAME.ann`, for scripts.
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let dirs: Vec<&String> = args
        .iter()
        .filter(|a| {
            !a.starts_with("--")
                && Some(*a) != missed.as_ref()
                && Some(*a) != wrong.as_ref()
                && Some(*a) != dump.as_ref()
        })
        .collect();
    let [texts, anns] = dirs[..] else {
        eprintln!("usage: eval_suggest TEXTS ANNS [--by-cue]");
        return ExitCode::from(2);
    };
    let pairs = match pairs(Path::new(texts), Path::new(anns)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("eval_suggest: {e}");
            return ExitCode::from(2);
        }
    };
    let mut total = score::Score::default();
    // Cue word → (predictions, exact cue matches), to see which rules pay.
    let mut cues: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // Gold cue text → how many of them no prediction matched.
    let mut missed_cues: BTreeMap<String, usize> = BTreeMap::new();
    for (txt, ann) in &pairs {
        let (Ok(text), Ok(gold)) = (std::fs::read_to_string(txt), std::fs::read_to_string(ann))
        else {
            eprintln!("eval_suggest: cannot read {}", txt.display());
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let found = suggest::find(text);
        let mut out = Vec::new();
        if brat::write(text, &found, &mut out).is_err() {
            continue;
        }
        if let (Some(dir), Some(name)) = (&dump, txt.file_stem()) {
            let path = Path::new(dir).join(name).with_extension("ann");
            if let Err(e) = std::fs::write(&path, &out) {
                eprintln!("eval_suggest: cannot write {}: {e}", path.display());
            }
        }
        let predicted = score::parse_ann(&String::from_utf8_lossy(&out));
        let actual = score::parse_ann(&gold);
        total.add(&score::score(text, &predicted, &actual));
        if let Some(word) = &missed {
            show_missed(text, word, &predicted, &actual);
        }
        if let Some(word) = &wrong {
            show_missed(text, word, &actual, &predicted);
        }
        if by_cue {
            let chars: Vec<char> = text.chars().collect();
            for a in &actual {
                let Some(c) = a.cue.first() else { continue };
                if !predicted.iter().any(|p| p.cue == a.cue) {
                    let w: String = chars
                        .get(c.start.min(chars.len())..c.end.min(chars.len()))
                        .map_or(String::new(), |x| x.iter().collect());
                    *missed_cues.entry(w.to_lowercase()).or_default() += 1;
                }
            }
            for (p, f) in predicted.iter().zip(&found) {
                let word = text[f.cue.clone()].to_lowercase();
                let e = cues.entry(word).or_default();
                e.0 += 1;
                e.1 += usize::from(actual.iter().any(|a| a.cue == p.cue));
            }
        }
    }
    println!(
        "{} texts; {} predicted, {} gold attributions",
        pairs.len(),
        total.predicted,
        total.actual
    );
    println!("{:<22} {:>6} {:>6} {:>6}", "", "P", "R", "F1");
    let line =
        |name: &str, (p, r, f): score::Prf| println!("{name:<22} {p:>6.3} {r:>6.3} {f:>6.3}");
    line("cue exact", total.cue_exact.prf());
    line("cue overlap", total.cue_overlap.prf());
    line("source exact", total.source_exact.prf());
    line("source overlap", total.source_overlap.prf());
    line("content exact", total.content_exact.prf());
    line("content overlap", total.content_overlap.prf());
    line("attribution exact", total.attribution_exact.prf());
    line("attribution overlap", total.attribution_overlap().prf());
    if by_cue {
        let mut rows: Vec<_> = cues.into_iter().collect();
        rows.sort_by_key(|(_, (n, ok))| std::cmp::Reverse(n - ok));
        for (w, (n, ok)) in rows.iter().take(if all_rows { usize::MAX } else { 40 }) {
            println!("{w:<24} {n:>5} predicted {ok:>5} right");
        }
        let mut missed: Vec<_> = missed_cues.into_iter().collect();
        missed.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        for (w, n) in missed.iter().take(30) {
            println!("missed {w:<24} {n:>5}");
        }
    }
    ExitCode::SUCCESS
}

/// Each text with the first annotation of it by file name.
fn pairs(texts: &Path, anns: &Path) -> std::io::Result<Vec<(PathBuf, PathBuf)>> {
    let mut names: Vec<String> = std::fs::read_dir(anns)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    let mut out: Vec<(PathBuf, PathBuf)> = Vec::new();
    for name in names {
        let stem = name.trim_end_matches(".ann");
        let Some((text_stem, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        let txt = texts.join(format!("{text_stem}.txt"));
        if out.last().is_some_and(|(t, _)| *t == txt) || !txt.exists() {
            continue;
        }
        out.push((txt, anns.join(&name)));
    }
    Ok(out)
}

fn show_missed(text: &str, word: &str, predicted: &[score::Spans], actual: &[score::Spans]) {
    let chars: Vec<char> = text.chars().collect();
    let cut = |r: &std::ops::Range<usize>| -> String {
        chars
            .get(r.start.min(chars.len())..r.end.min(chars.len()))
            .map_or(String::new(), |c| c.iter().collect())
    };
    for a in actual {
        let Some(cue) = a.cue.first() else { continue };
        if !cut(cue).eq_ignore_ascii_case(word) {
            continue;
        }
        let p = predicted.iter().find(|p| p.cue == a.cue);
        if p.is_some_and(|p| p.source == a.source) {
            continue;
        }
        let ctx = cut(&(cue.start.saturating_sub(120)..cue.end + 80)).replace('\n', " / ");
        let src: Vec<String> = a.source.iter().map(cut).collect();
        let got: Vec<String> = p
            .map(|p| p.source.iter().map(cut).collect())
            .unwrap_or_default();
        println!("--- gold source {src:?} got {got:?}\n    {ctx}");
    }
}
