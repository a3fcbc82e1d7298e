//! Where each pane goes for a terminal size: pure, shared by drawing and by the state
//! (which needs page sizes and the body width to scroll a claim into view).

use ratatui::layout::{Constraint, Layout as Split, Rect};

use super::config::Layout;

/// Below this the reader only says the terminal is too small.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The panes of the article view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Body,
    Claims,
    Asserted,
    Denied,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Body, Pane::Claims, Pane::Asserted, Pane::Denied];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Body => "Article",
            Pane::Claims => "Claims",
            Pane::Asserted => "Asserted by",
            Pane::Denied => "Denied by",
        }
    }

    pub fn next(self) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Pane::ALL[(i + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Pane::ALL[(i + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The main area and the one-line status bar under it.
pub fn screen(area: Rect) -> (Rect, Rect) {
    let [main, status] = Split::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    (main, status)
}

/// The article list, and the problems list under it when some files failed.
pub fn list(main: Rect, has_problems: bool, layout: &Layout) -> (Rect, Option<Rect>) {
    if !has_problems {
        return (main, None);
    }
    let p = layout.problems_percent.0;
    let [list, problems] =
        Split::vertical([Constraint::Percentage(100 - p), Constraint::Percentage(p)]).areas(main);
    (list, Some(problems))
}

/// Rows of articles a list pane shows at once: inside the border, under the header.
pub fn list_page(list: Rect) -> usize {
    usize::from(inner(list).height.saturating_sub(1)).max(1)
}

/// The first row to show so that `selected` of `len` rows is on a page of `page`
/// rows, moving from `offset` as little as possible and never past the last full page.
pub fn list_offset(selected: usize, offset: usize, len: usize, page: usize) -> usize {
    let selected = selected.min(len.saturating_sub(1));
    let offset = if selected < offset {
        selected
    } else if selected >= offset + page {
        selected + 1 - page
    } else {
        offset
    };
    offset.min(len.saturating_sub(page))
}

/// How the article view is arranged at this size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Body on the left, claims and stances on the right.
    Split,
    /// Body on top, claims, then asserted and denied side by side.
    Stacked,
    /// One pane at a time under a tab bar.
    Tabs,
}

/// The rectangles of the article view; in tabs, only the focused pane has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleAreas {
    pub shape: Shape,
    pub tabs: Option<Rect>,
    pub body: Option<Rect>,
    pub claims: Option<Rect>,
    pub asserted: Option<Rect>,
    pub denied: Option<Rect>,
}

impl ArticleAreas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Body => self.body,
            Pane::Claims => self.claims,
            Pane::Asserted => self.asserted,
            Pane::Denied => self.denied,
        }
    }

    /// The pane whose rectangle holds a point (for mouse clicks).
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let pos = ratatui::layout::Position { x, y };
        Pane::ALL
            .into_iter()
            .find(|p| self.pane(*p).is_some_and(|r| r.contains(pos)))
    }
}

pub fn shape(main: Rect, layout: &Layout) -> Shape {
    if main.width >= layout.split_min_width {
        Shape::Split
    } else if main.width >= layout.stack_min_width && main.height + 1 >= layout.stack_min_height {
        Shape::Stacked
    } else {
        Shape::Tabs
    }
}

pub fn article(main: Rect, layout: &Layout, focus: Pane) -> ArticleAreas {
    let shape = shape(main, layout);
    let mut areas = ArticleAreas {
        shape,
        tabs: None,
        body: None,
        claims: None,
        asserted: None,
        denied: None,
    };
    let claims_p = layout.claims_percent.0;
    match shape {
        Shape::Split => {
            let b = layout.body_percent.0;
            let [body, side] =
                Split::horizontal([Constraint::Percentage(b), Constraint::Percentage(100 - b)])
                    .areas(main);
            let rest = (100 - claims_p) / 2;
            let [claims, asserted, denied] = Split::vertical([
                Constraint::Percentage(claims_p),
                Constraint::Percentage(rest),
                Constraint::Percentage(100 - claims_p - rest),
            ])
            .areas(side);
            (areas.body, areas.claims) = (Some(body), Some(claims));
            (areas.asserted, areas.denied) = (Some(asserted), Some(denied));
        }
        Shape::Stacked => {
            let [body, claims, stances] = Split::vertical([
                Constraint::Percentage(45),
                Constraint::Percentage(claims_p * 55 / 100),
                Constraint::Fill(1),
            ])
            .areas(main);
            let [asserted, denied] =
                Split::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(stances);
            (areas.body, areas.claims) = (Some(body), Some(claims));
            (areas.asserted, areas.denied) = (Some(asserted), Some(denied));
        }
        Shape::Tabs => {
            let [tabs, pane] =
                Split::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(main);
            areas.tabs = Some(tabs);
            match focus {
                Pane::Body => areas.body = Some(pane),
                Pane::Claims => areas.claims = Some(pane),
                Pane::Asserted => areas.asserted = Some(pane),
                Pane::Denied => areas.denied = Some(pane),
            }
        }
    }
    areas
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn shape_follows_the_width() {
        let layout = crate::tui::config::Config::builtin().unwrap().layout;
        assert_eq!(shape(Rect::new(0, 0, 200, 49), &layout), Shape::Split);
        assert_eq!(shape(Rect::new(0, 0, 80, 23), &layout), Shape::Stacked);
        assert_eq!(shape(Rect::new(0, 0, 40, 11), &layout), Shape::Tabs);
        assert_eq!(shape(Rect::new(0, 0, 80, 10), &layout), Shape::Tabs);
    }

    #[test]
    fn tabs_give_the_whole_area_to_the_focused_pane() {
        let layout = crate::tui::config::Config::builtin().unwrap().layout;
        let areas = article(Rect::new(0, 0, 40, 11), &layout, Pane::Denied);
        assert!(areas.denied.is_some());
        assert!(areas.body.is_none() && areas.claims.is_none() && areas.asserted.is_none());
    }
}
