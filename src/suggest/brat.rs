//! Attributions as BRAT standoff, as in PARC 3.0 and PolNeAR: text-bound
//! `Source`, `Cue`, `Content` spans in Unicode scalar offsets, a trigger and an
//! event per attribution, and a `Denial` attribute on denials.

use std::io::{self, Write};
use std::ops::Range;

use super::Attribution;

/// Writes `attributions` of `text` (byte spans) as a `.ann` file.
pub fn write(text: &str, attributions: &[Attribution], out: &mut impl Write) -> io::Result<()> {
    let chars = CharOffsets::new(text, attributions);
    let (mut t, mut a) = (0usize, 0usize);
    for (e, att) in attributions.iter().enumerate() {
        let e = e + 1;
        let source = match &att.source {
            Some(src) => {
                t += 1;
                span_line(out, t, "Source", std::slice::from_ref(src), text, &chars)?;
                Some(t)
            }
            None => None,
        };
        t += 1;
        let cue = t;
        span_line(out, t, "Cue", std::slice::from_ref(&att.cue), text, &chars)?;
        t += 1;
        let content = t;
        span_line(out, t, "Content", &att.content, text, &chars)?;
        t += 1;
        let kind = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        span_line(out, t, kind, std::slice::from_ref(&att.cue), text, &chars)?;
        write!(out, "E{e}\t{kind}:T{t}")?;
        if let Some(s) = source {
            write!(out, " Source:T{s}")?;
        }
        writeln!(out, " Cue:T{cue} Content:T{content}")?;
        if att.denial {
            a += 1;
            writeln!(out, "A{a}\tDenial E{e}")?;
        }
    }
    Ok(())
}

fn span_line(
    out: &mut impl Write,
    t: usize,
    kind: &str,
    spans: &[Range<usize>],
    text: &str,
    chars: &CharOffsets,
) -> io::Result<()> {
    write!(out, "T{t}\t{kind} ")?;
    for (n, r) in spans.iter().enumerate() {
        if n > 0 {
            out.write_all(b";")?;
        }
        write!(out, "{} {}", chars.get(r.start), chars.get(r.end))?;
    }
    out.write_all(b"\t")?;
    for (n, r) in spans.iter().enumerate() {
        if n > 0 {
            out.write_all(b" ")?;
        }
        // One line per annotation: line breaks and tabs in the covered text become spaces.
        let covered: String = text
            .get(r.clone())
            .unwrap_or("")
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        out.write_all(covered.as_bytes())?;
    }
    out.write_all(b"\n")
}

/// Byte offsets → Unicode scalar offsets for the offsets a file's attributions use,
/// found in one pass over the text.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str, attributions: &[Attribution]) -> Self {
        let mut bytes: Vec<usize> = Vec::new();
        for a in attributions {
            let spans = a
                .source
                .iter()
                .chain(std::iter::once(&a.cue))
                .chain(&a.content);
            for r in spans {
                bytes.push(r.start);
                bytes.push(r.end);
            }
        }
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let mut count = 0;
        let mut it = text.char_indices().peekable();
        for &b in &bytes {
            while let Some(&(i, _)) = it.peek() {
                if i >= b {
                    break;
                }
                count += 1;
                it.next();
            }
            chars.push(count);
        }
        CharOffsets { bytes, chars }
    }

    fn get(&self, byte: usize) -> usize {
        let i = self.bytes.partition_point(|&b| b < byte);
        self.chars.get(i).copied().unwrap_or(0)
    }
}
