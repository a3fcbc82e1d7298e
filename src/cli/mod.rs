//! The non-interactive subcommands; each returns the process exit code.

pub mod check;
pub mod export;

/// No file had an error.
pub const EXIT_OK: u8 = 0;
/// Some file had an error.
pub const EXIT_ERRORS: u8 = 1;
/// The command line itself was wrong.
pub const EXIT_USAGE: u8 = 2;
