//! Scoring attributions against gold BRAT annotations, with the metrics of
//! BBC R&D's Citron (`citron/metrics.py`): exact span matches for cue, source
//! and content, token-overlap precision and recall, and both over whole
//! attributions. Offsets are Unicode scalar offsets, as in `.ann` files.

use std::collections::HashMap;
use std::ops::Range;

/// One attribution: its span lists (a discontinuous span has several ranges).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    pub source: Vec<Range<usize>>,
    pub cue: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
    pub denial: bool,
}

/// Reads the attributions (`Attribution` and `Attribution-no-source` events) of a `.ann` text.
/// Lines it does not understand are skipped: annotation files carry notes and stray text.
pub fn parse_ann(ann: &str) -> Vec<Spans> {
    let mut spans: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    let mut denials: Vec<&str> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, offsets)) = body.split_once(' ') else {
                continue;
            };
            let ranges: Option<Vec<Range<usize>>> = offsets
                .split(';')
                .map(|frag| {
                    let (a, b) = frag.trim().split_once(' ')?;
                    Some(a.parse().ok()?..b.parse().ok()?)
                })
                .collect();
            if let Some(r) = ranges {
                spans.insert(id, r);
            }
        } else if id.starts_with('A')
            && let Some(("Denial", e)) = body.split_once(' ')
        {
            denials.push(e.trim());
        }
    }
    let mut out = Vec::new();
    for line in ann.lines() {
        if let Some((id, body)) = line.split_once('\t')
            && id.starts_with('E')
        {
            let mut a = Spans::default();
            let mut is_attribution = false;
            for arg in body.split(' ') {
                let Some((role, t)) = arg.split_once(':') else {
                    continue;
                };
                let Some(r) = spans.get(t) else { continue };
                match role {
                    "Attribution" | "Attribution-no-source" => is_attribution = true,
                    "Source" => a.source = r.clone(),
                    "Cue" => a.cue = r.clone(),
                    "Content" => a.content = r.clone(),
                    _ => {}
                }
            }
            if is_attribution {
                a.denial = denials.contains(&id);
                out.push(a);
            }
        }
    }
    out
}

/// Token index ranges of a text: words (letters and digits) and single other characters,
/// the way Citron's spaCy tokens split news text, closely enough for overlap counts.
pub struct Tokens {
    /// Character offset where each token starts and ends.
    bounds: Vec<(usize, usize)>,
}

impl Tokens {
    pub fn new(text: &str) -> Self {
        let mut bounds = Vec::new();
        let mut word: Option<usize> = None;
        for (i, c) in text.chars().enumerate() {
            if c.is_alphanumeric() {
                if word.is_none() {
                    word = Some(i);
                }
                continue;
            }
            if let Some(w) = word.take() {
                bounds.push((w, i));
            }
            if !c.is_whitespace() {
                bounds.push((i, i + 1));
            }
        }
        if let Some(w) = word {
            bounds.push((w, text.chars().count()));
        }
        Tokens { bounds }
    }

    /// The tokens a character range touches.
    fn of(&self, r: &Range<usize>) -> Range<usize> {
        let first = self.bounds.partition_point(|&(_, e)| e <= r.start);
        let end = self.bounds.partition_point(|&(s, _)| s < r.end);
        first..end.max(first)
    }

    fn len(&self, spans: &[Range<usize>]) -> usize {
        spans.iter().map(|r| self.of(r).len()).sum()
    }

    fn overlap(&self, a: &[Range<usize>], b: &[Range<usize>]) -> usize {
        let mut n = 0;
        for x in a {
            let x = self.of(x);
            for y in b {
                let y = self.of(y);
                n += x.end.min(y.end).saturating_sub(x.start.max(y.start));
            }
        }
        n
    }
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

/// Overlapping tokens and the lengths they are measured against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overlap {
    pub overlap: usize,
    pub predicted: usize,
    pub actual: usize,
}

/// Everything Citron's evaluation prints, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub predicted: usize,
    pub actual: usize,
    pub cue_exact: Counts,
    pub source_exact: Counts,
    pub content_exact: Counts,
    pub attribution_exact: Counts,
    pub cue_overlap: Overlap,
    pub source_overlap: Overlap,
    pub content_overlap: Overlap,
}

/// Precision, recall, F1.
pub type Prf = (f64, f64, f64);

fn prf(tp: usize, p_den: usize, r_den: usize) -> Prf {
    let p = if p_den > 0 {
        tp as f64 / p_den as f64
    } else {
        0.0
    };
    let r = if r_den > 0 {
        tp as f64 / r_den as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Counts {
    pub fn prf(&self) -> Prf {
        prf(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }
}

impl Overlap {
    pub fn prf(&self) -> Prf {
        // Overlap sums over every predicted × actual pair, as Citron does, so it can pass a length.
        let p = if self.predicted > 0 {
            self.overlap as f64 / self.predicted as f64
        } else {
            0.0
        };
        let r = if self.actual > 0 {
            self.overlap as f64 / self.actual as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn add(&mut self, o: Overlap) {
        self.overlap += o.overlap;
        self.predicted += o.predicted;
        self.actual += o.actual;
    }
}

impl Score {
    /// Cue, source and content overlaps together: Citron's "all quote spans" overlap.
    pub fn attribution_overlap(&self) -> Overlap {
        let mut o = self.cue_overlap;
        o.add(self.source_overlap);
        o.add(self.content_overlap);
        o
    }

    pub fn add(&mut self, other: &Score) {
        self.predicted += other.predicted;
        self.actual += other.actual;
        for (a, b) in [
            (&mut self.cue_exact, other.cue_exact),
            (&mut self.source_exact, other.source_exact),
            (&mut self.content_exact, other.content_exact),
            (&mut self.attribution_exact, other.attribution_exact),
        ] {
            a.tp += b.tp;
            a.fp += b.fp;
            a.fn_ += b.fn_;
        }
        self.cue_overlap.add(other.cue_overlap);
        self.source_overlap.add(other.source_overlap);
        self.content_overlap.add(other.content_overlap);
    }
}

/// Scores one document's predicted attributions against its gold ones.
pub fn score(text: &str, predicted: &[Spans], actual: &[Spans]) -> Score {
    let tokens = Tokens::new(text);
    let overlaps = |a: &[Range<usize>], b: &[Range<usize>]| tokens.overlap(a, b) > 0;
    // A predicted one is right when some actual one matches; an actual one is found
    // when some predicted one matches (Citron counts both ways, so a duplicate prediction is a false positive).
    let count = |matches: &dyn Fn(&Spans, &Spans) -> bool| {
        let tp = predicted
            .iter()
            .filter(|p| actual.iter().any(|a| matches(p, a)))
            .count();
        let fn_ = actual
            .iter()
            .filter(|a| !predicted.iter().any(|p| matches(p, a)))
            .count();
        Counts {
            tp,
            fp: predicted.len() - tp,
            fn_,
        }
    };
    let overlap = |get: fn(&Spans) -> &[Range<usize>]| Overlap {
        overlap: predicted
            .iter()
            .map(|p| {
                actual
                    .iter()
                    .map(|a| tokens.overlap(get(p), get(a)))
                    .sum::<usize>()
            })
            .sum(),
        predicted: predicted.iter().map(|p| tokens.len(get(p))).sum(),
        actual: actual.iter().map(|a| tokens.len(get(a))).sum(),
    };
    Score {
        predicted: predicted.len(),
        actual: actual.len(),
        cue_exact: count(&|p, a| p.cue == a.cue),
        source_exact: count(&|p, a| overlaps(&p.cue, &a.cue) && p.source == a.source),
        content_exact: count(&|p, a| overlaps(&p.cue, &a.cue) && p.content == a.content),
        attribution_exact: count(&|p, a| {
            p.cue == a.cue && p.source == a.source && p.content == a.content
        }),
        cue_overlap: overlap(|s| &s.cue),
        source_overlap: overlap(|s| &s.source),
        content_overlap: overlap(|s| &s.content),
    }
}
