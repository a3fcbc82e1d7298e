//! Styles by meaning, from the configured colours; with NO_COLOR only the text styles remain.

use crate::model::{StanceKind, Status};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType};

use super::config::Colors;

/// Every style the widgets use. Meaning is never in the colour alone: each style that
/// carries one comes with a label or a modifier that survives NO_COLOR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub asserted: Style,
    pub denied: Style,
    pub contested: Style,
    pub unattributed: Style,
    /// The `[suggested]` badge of a claim no person has reviewed, and its stances'.
    pub suggested: Style,
    /// A claim's quote in the body.
    pub claim: Style,
    /// The selected claim's quote in the body.
    pub claim_selected: Style,
    pub selection: Style,
    pub focus: Style,
    pub border: Style,
    pub dim: Style,
    pub error: Style,
    pub warning: Style,
    pub title: Style,
}

impl Theme {
    pub fn new(colors: &Colors, no_color: bool) -> Theme {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        let bg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().bg(c)
            }
        };
        Theme {
            asserted: fg(colors.asserted.0).add_modifier(Modifier::BOLD),
            denied: fg(colors.denied.0).add_modifier(Modifier::BOLD),
            contested: fg(colors.contested.0).add_modifier(Modifier::BOLD),
            unattributed: fg(colors.unattributed.0),
            // Reversed as well as coloured, so the badge stands out without colour too.
            suggested: fg(colors.warning.0).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            claim: fg(colors.claim.0).add_modifier(Modifier::UNDERLINED),
            claim_selected: fg(colors.claim.0)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            selection: bg(colors.selection.0).add_modifier(Modifier::BOLD),
            focus: fg(colors.focus.0).add_modifier(Modifier::BOLD),
            border: fg(colors.dim.0),
            dim: fg(colors.dim.0),
            error: fg(colors.error.0).add_modifier(Modifier::BOLD),
            warning: fg(colors.warning.0),
            title: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Whether the environment asks for no colour (<https://no-color.org>: set and non-empty).
    pub fn no_color_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Contested => self.contested,
            Status::Asserted => self.asserted,
            Status::Denied => self.denied,
            Status::Unattributed => self.unattributed,
        }
    }

    pub fn stance(&self, kind: StanceKind) -> Style {
        match kind {
            StanceKind::Asserts => self.asserted,
            StanceKind::Denies => self.denied,
        }
    }
}

impl Theme {
    /// A pane's frame. The focused pane is drawn with a thick border as well as in the
    /// focus colour, so which pane has the keys shows without colour too.
    pub fn pane<'a>(&self, focused: bool, unfocused: Style) -> Block<'a> {
        let block = Block::bordered();
        if focused {
            block
                .border_type(BorderType::Thick)
                .border_style(self.focus)
        } else {
            block.border_style(unfocused)
        }
    }
}
