//! The reader, tested at its boundary with no terminal: keys → commands → state,
//! screens drawn into ratatui's TestBackend and snapshot-tested, loading from real
//! files, the export key, and the configuration fixtures. One test crate, so the
//! reader is compiled once for all of them.

#![allow(clippy::unwrap_used)]

mod configs;
mod export;
mod filter;
mod index_start;
mod loading;
mod provenance;
mod screens;
mod state;
mod support;
