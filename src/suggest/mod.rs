//! Attributions found in English text by rules: who said, claimed, denied …
//! what, through whom. No model, no network; linear in the text.

pub mod article;
pub mod brat;
mod engine;
pub mod lexicon;
pub mod score;
mod tokens;

use std::ops::Range;

use crate::model::ActorKind;

/// One attribution found in a text; every span is a byte range of that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Who speaks, as written (`he`, `Kremlin spokesperson Dmitry Peskov`); `None` when unsaid.
    pub source: Option<Range<usize>>,
    /// The reporting words (`said`, `according to`, `dismissed this claim as`).
    pub cue: Range<usize>,
    /// What is attributed: a quotation, its parts, or a reported clause.
    pub content: Vec<Range<usize>>,
    /// Whether the cue (or, for a verdict on what went before, the content) denies.
    pub denial: bool,
    /// Whom the source relays (`citing sources familiar with the call`).
    pub via: Option<Range<usize>>,
    /// A guess at what kind of actor the source is.
    pub kind: ActorKind,
    /// For a pronoun source, the name it stands for.
    pub resolved: Option<Range<usize>>,
    /// The cue takes up what was said before (`dismissed this claim as`).
    pub refers_back: bool,
}

/// Finds the attributions of `text`, ordered by cue.
pub fn find(text: &str) -> Vec<Attribution> {
    engine::find(text)
}
