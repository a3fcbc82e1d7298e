//! whosaid: the domain of annotated news articles, with no terminal in it.
//!
//! Files flow one way: `load` turns a folder of TOML files into checked
//! [`model`] values and [`diagnostic`]s, [`corpus`] holds them (who said what
//! across articles is the persistent [`index`]'s to answer), [`summary`] resolves what a claim's stances say,
//! and [`export`] writes that summary for other tools and people. The terminal
//! reader, [`tui`], is a layer over it behind the default `tui` feature.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod actor_directory;
pub mod actors;
pub mod anchor;
pub mod corpus;
pub mod cue;
pub mod diagnostic;
pub mod export;
pub mod import;
pub mod index;
pub mod load;
pub mod model;
pub mod query;
pub mod review;
pub mod select;
pub mod slug;
pub mod suggest;
pub mod summary;
pub mod text;
pub mod toml_text;
#[cfg(feature = "tui")]
pub mod tui;

pub use corpus::Corpus;
pub use diagnostic::{Diagnostic, Severity};
pub use model::{
    Actor, ActorId, ActorKind, Article, ArticleId, Claim, ClaimId, Stance, StanceKind, Status,
};
