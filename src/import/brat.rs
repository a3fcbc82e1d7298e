//! BRAT standoff attribution annotations (PARC 3.0, PolNeAR) → a draft article,
//! exactly as FORMAT.md's import section maps them: one claim per event in
//! event-id order, one actor per distinct source text, the content's longest
//! fragment as the quote.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_segmentation::GraphemeCursor;

use super::draft::{Draft, DraftActor, DraftClaim, DraftStance};
use super::kind::guess_kind;
use crate::anchor::{self, Anchor};
use crate::cue::denies;
use crate::slug::{IdAllocator, slug};

/// The text file of `ann`: `X.txt` in `texts` (or beside the `.ann`), or, when
/// that does not exist and `X` ends in `_` and a suffix (an annotator's tag),
/// `NAME.txt` for `NAME_suffix.ann`.
pub fn text_for(ann: &Path, texts: Option<&Path>) -> Option<PathBuf> {
    let stem = ann.file_stem()?.to_str()?;
    let dir = match texts {
        Some(dir) => dir.to_path_buf(),
        None => ann.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let exact = dir.join(format!("{stem}.txt"));
    if exact.is_file() {
        return Some(exact);
    }
    let (name, suffix) = stem.rsplit_once('_')?;
    let shorter = dir.join(format!("{name}.txt"));
    (!name.is_empty() && !suffix.is_empty() && shorter.is_file()).then_some(shorter)
}

/// A text-bound annotation: its type and its fragments, in characters.
struct Span<'a> {
    kind: &'a str,
    fragments: Vec<Range<usize>>,
}

/// An event: its id and its arguments (role without a trailing number, span id).
struct Event<'a> {
    id: &'a str,
    kind: &'a str,
    args: Vec<(&'a str, &'a str)>,
}

/// Everything of a `.ann` file that the mapping uses.
struct Annotations<'a> {
    spans: HashMap<&'a str, Span<'a>>,
    events: Vec<Event<'a>>,
    denials: Vec<&'a str>,
}

/// What the conversion of one pair gives: the draft, and notes about what was left out.
pub struct Converted {
    pub draft: Draft,
    pub notes: Vec<String>,
}

/// Maps `text` (a byte-order mark already removed) and its annotations `ann`
/// to a draft; `Err` says why the pair cannot be understood.
pub fn convert(text: &str, ann: &str) -> Result<Converted, String> {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .ok_or("the text is empty")?;
    let annotations = parse(ann)?;
    let chars = CharIndex::new(text);
    let mut draft = Draft {
        title: title.to_owned(),
        body: text.to_owned(),
        ..Draft::default()
    };
    let mut notes = Vec::new();
    let mut claim_ids = IdAllocator::default();
    let mut actor_ids = IdAllocator::default();
    let mut actors: HashMap<String, String> = HashMap::new();
    let mut events: Vec<&Event> = annotations
        .events
        .iter()
        .filter(|e| matches!(e.kind, "Attribution" | "Attribution-no-source"))
        .collect();
    events.sort_by_key(|e| event_order(e.id));
    for event in events {
        let texts = |role: &str| -> Result<Vec<&str>, String> {
            let mut out = Vec::new();
            for (r, span) in &event.args {
                if *r != role {
                    continue;
                }
                let span = annotations.spans.get(span).ok_or_else(|| {
                    format!("event {} names {span}, which is not a span", event.id)
                })?;
                for fragment in &span.fragments {
                    out.push(chars.slice(fragment.clone()).ok_or_else(|| {
                        format!(
                            "span {} ({}) runs past the end of the text ({} characters)",
                            r,
                            span.kind,
                            chars.len()
                        )
                    })?);
                }
            }
            Ok(out)
        };
        let content = texts("Content")?;
        let statement = content
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .collect::<Vec<_>>()
            .join(" … ");
        if statement.is_empty() {
            notes.push(format!(
                "event {} has no content and was left out",
                event.id
            ));
            continue;
        }
        let quote = longest(&content).and_then(|f| anchored_quote(text, f));
        let mut claim = DraftClaim {
            id: claim_ids.allocate(&claim_id(event.id)),
            statement,
            quote,
            stances: Vec::new(),
        };
        if event.kind == "Attribution" {
            let source = texts("Source")?.join(" ");
            let source = source.trim();
            let cue = texts("Cue")?
                .iter()
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !source.is_empty() {
                let id = actors.entry(source.to_owned()).or_insert_with(|| {
                    let id = actor_ids.allocate(&slug(source, "source"));
                    draft.actors.push(DraftActor {
                        id: id.clone(),
                        name: source.to_owned(),
                        kind: guess_kind(source).to_owned(),
                        role: None,
                        aliases: Vec::new(),
                    });
                    id
                });
                claim.stances.push(DraftStance {
                    actor: id.clone(),
                    denies: denies(&cue) || annotations.denials.contains(&event.id),
                    cue: (!cue.is_empty()).then_some(cue),
                });
            }
        }
        draft.claims.push(claim);
    }
    Ok(Converted { draft, notes })
}

/// `E12` → `e12`; anything that would break the id pattern goes through `slug`.
fn claim_id(event: &str) -> String {
    let lower = event.to_ascii_lowercase();
    let valid = lower.len() <= crate::slug::MAX_ID
        && lower.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && lower
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if valid { lower } else { slug(&lower, "e") }
}

/// Events in numeric order of their ids (`E2` before `E10`); odd ids after, by text.
fn event_order(id: &str) -> (u64, &str) {
    let number = id
        .strip_prefix(['E', 'e'])
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(u64::MAX);
    (number, id)
}

/// The longest fragment after trimming, in characters; the first of equal length.
fn longest<'a>(fragments: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for f in fragments {
        let f = f.trim();
        let n = f.chars().count();
        if n > 0 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, f));
        }
    }
    best.map(|(_, f)| f)
}

/// The quote for `fragment` (a trimmed slice of `body`), made to anchor: an
/// annotator's span may start or end inside a grapheme cluster (a combining
/// accent, an emoji sequence), where the contract forbids a match; it is then
/// widened to the clusters it touches. `None` if even that cannot anchor.
fn anchored_quote(body: &str, fragment: &str) -> Option<String> {
    let start = (fragment.as_ptr() as usize).checked_sub(body.as_ptr() as usize)?;
    let end = start + fragment.len();
    // On whole clusters, the fragment matches itself where it stands: no search needed.
    if is_boundary(body, start) && is_boundary(body, end) {
        return Some(fragment.to_owned());
    }
    let start = GraphemeCursor::new(start, body.len(), true)
        .prev_boundary(body, 0)
        .ok()
        .flatten()
        .filter(|_| !is_boundary(body, start))
        .unwrap_or(start);
    let end = GraphemeCursor::new(end, body.len(), true)
        .next_boundary(body, 0)
        .ok()
        .flatten()
        .filter(|_| !is_boundary(body, end))
        .unwrap_or(end);
    let widened = body.get(start..end)?.trim();
    matches!(anchor::find(body, widened), Anchor::Found { .. }).then(|| widened.to_owned())
}

fn is_boundary(body: &str, at: usize) -> bool {
    GraphemeCursor::new(at, body.len(), true)
        .is_boundary(body, 0)
        .unwrap_or(false)
}

/// Character offsets → byte offsets of one text, built once (BRAT counts Unicode scalar values).
struct CharIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex { text, starts }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn slice(&self, chars: Range<usize>) -> Option<&'a str> {
        let start = *self.starts.get(chars.start)?;
        let end = *self.starts.get(chars.end)?;
        self.text.get(start..end)
    }
}

/// Reads the lines the mapping needs; other lines (relations, notes, other
/// annotation types) are ignored. A malformed `T`, `E` or `A` line is an error.
fn parse(ann: &str) -> Result<Annotations<'_>, String> {
    let mut out = Annotations {
        spans: HashMap::new(),
        events: Vec::new(),
        denials: Vec::new(),
    };
    for (n, line) in ann.lines().enumerate() {
        let bad = |what: &str| format!("line {}: {what}", n + 1);
        let line = line.trim_end_matches('\r');
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let Some(body) = fields.next() else { continue };
        match id.as_bytes().first() {
            Some(b'T') => {
                let (kind, offsets) = body
                    .split_once(' ')
                    .ok_or_else(|| bad("a span without offsets"))?;
                let fragments = offsets
                    .split(';')
                    .map(|pair| {
                        let (a, b) = pair.trim().split_once(' ')?;
                        let (a, b) = (a.parse().ok()?, b.trim().parse().ok()?);
                        (a <= b).then_some(a..b)
                    })
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| bad("offsets that are not `START END[;START END]…`"))?;
                out.spans.insert(id, Span { kind, fragments });
            }
            Some(b'E') => {
                let mut parts = body.split(' ').filter(|p| !p.is_empty());
                let (kind, _trigger) = parts
                    .next()
                    .and_then(|p| p.split_once(':'))
                    .ok_or_else(|| bad("an event without a type"))?;
                let args = parts
                    .map(|p| {
                        let (role, span) = p.split_once(':')?;
                        Some((role.trim_end_matches(|c: char| c.is_ascii_digit()), span))
                    })
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| bad("an event argument that is not `ROLE:ID`"))?;
                out.events.push(Event { id, kind, args });
            }
            Some(b'A') | Some(b'M') => {
                let mut parts = body.split(' ');
                if parts.next() == Some("Denial")
                    && let Some(target) = parts.next()
                {
                    out.denials.push(target);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_sort_numerically() {
        let mut ids = vec!["E10", "E2", "E1"];
        ids.sort_by_key(|id| event_order(id));
        assert_eq!(ids, ["E1", "E2", "E10"]);
    }

    #[test]
    fn a_quote_cut_inside_a_grapheme_is_widened_to_it() {
        // "Zoe" + combining acute: a span ending before the accent cannot anchor.
        let body = "Zoe\u{301} Varga said it";
        let quote = anchored_quote(body, &body[0..3]);
        assert_eq!(quote.as_deref(), Some("Zoe\u{301}"));
    }

    #[test]
    fn longest_fragment_counts_characters_and_keeps_the_first_of_a_tie() {
        assert_eq!(longest(&["  éé ", "abc", "xyz"]), Some("abc"));
        assert_eq!(longest(&["ééé", "abc"]), Some("ééé"));
        assert_eq!(longest(&[" ", ""]), None);
    }
}
