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
    /// The offending source line, without its line ending (empty when there is none).
    pub source_line: String,
    /// How many scalar values of `source_line` the caret underlines (at least 1).
    pub width: usize,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `path:line:column: severity: message`.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.severity.as_str(),
            text::sanitize(&self.message)
        )
    }
}

impl fmt::Display for Diagnostic {
    /// The headline, the source line (made safe for a terminal) and a caret under the span.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        let line = text::sanitize(&self.source_line);
        writeln!(f, "{line}")?;
        let before: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .collect();
        let under: String = self
            .source_line
            .chars()
            .skip(self.column.saturating_sub(1))
            .take(self.width.max(1))
            .collect();
        let pad = text::width(&text::sanitize(&before));
        let carets = text::width(&text::sanitize(&under)).max(1);
        write!(f, "{}{}", " ".repeat(pad), "^".repeat(carets))
    }
}
