//! Compiler-style diagnostics: `path:line:column: error|warning: message`, the line, a caret.

use std::fmt;
use std::path::PathBuf;

use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in one file, located by line and column (both from 1,
/// columns counted in Unicode scalar values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as reached from the argument or the articles folder.
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The offending source line, without its line ending (empty when there is
    /// none), or a window of it around the caret when the line is long.
    pub source_line: String,
    /// How many scalar values the caret underlines (at least 1).
    pub width: usize,
    /// The column of the line at which `source_line` starts (1: its start).
    pub excerpt_column: usize,
    /// Whether the line goes on past the end of `source_line`.
    pub excerpt_cut: bool,
}

/// How many errors and warnings: of a file, of a run, or of those not shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    /// The tally of `diagnostics`.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Tally {
        let mut tally = Tally::default();
        for d in diagnostics {
            tally.add(d.severity);
        }
        tally
    }

    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.errors += other.errors;
        self.warnings += other.warnings;
    }
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `path:line:column: severity: message`.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            text::path(&self.path),
            self.line,
            self.column,
            self.severity.as_str(),
            text::sanitize(&self.message)
        )
    }
}

impl fmt::Display for Diagnostic {
    /// The headline, the source line (made safe for a terminal) and a caret under the span.
    /// A long line shows as a window around the caret, `…` marking each cut.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        let lead = if self.excerpt_column > 1 { "…" } else { "" };
        let tail = if self.excerpt_cut { "…" } else { "" };
        let line = text::sanitize(&self.source_line);
        writeln!(f, "{lead}{line}{tail}")?;
        let skip = self.column.saturating_sub(self.excerpt_column);
        let before: String = self.source_line.chars().take(skip).collect();
        let under: String = self
            .source_line
            .chars()
            .skip(skip)
            .take(self.width.max(1))
            .collect();
        let pad = text::width(lead) + text::width(&text::sanitize(&before));
        let carets = text::width(&text::sanitize(&under)).max(1);
        write!(f, "{}{}", " ".repeat(pad), "^".repeat(carets))
    }
}
