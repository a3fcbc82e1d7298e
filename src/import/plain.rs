//! Plain text and Markdown files → drafts: the first line (or the first
//! heading) is the title, the rest the body, paragraph by paragraph.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::draft::Draft;

/// A plain-text file: the first non-blank line is the title; the paragraphs
/// after it (blank-line separated, their lines kept) are the body.
pub fn from_text(text: &str) -> Option<Draft> {
    let mut lines = text.lines();
    let title = lines.by_ref().map(str::trim).find(|l| !l.is_empty())?;
    let rest: Vec<&str> = lines.collect();
    let body = paragraphs_of(&rest.join("\n"));
    Some(draft(title, body))
}

/// A Markdown file: the first heading (or else the first line) is the title;
/// each block after it becomes a paragraph of plain text, markup removed.
pub fn from_markdown(text: &str) -> Option<Draft> {
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let mut current = String::new();
    let mut heading = false;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak => current.push('\n'),
            Event::HardBreak => current.push('\n'),
            Event::Start(Tag::Item) => current.push_str("- "),
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item,
            ) => {
                let text = current.trim().to_owned();
                if !text.is_empty() {
                    blocks.push((heading, text));
                }
                current.clear();
                heading = false;
            }
            _ => {}
        }
    }
    let index = blocks.iter().position(|(h, _)| *h).unwrap_or(0);
    if index >= blocks.len() {
        return None;
    }
    let (_, title) = blocks.remove(index);
    let title = title.lines().next().unwrap_or_default().trim().to_owned();
    let body: Vec<String> = blocks.into_iter().map(|(_, b)| b).collect();
    Some(draft(&title, body.join("\n\n")))
}

/// Blank-line separated paragraphs, each trimmed, joined by one blank line.
pub fn paragraphs_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut paragraph = String::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !paragraph.is_empty() {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&paragraph);
                paragraph.clear();
            }
        } else {
            if !paragraph.is_empty() {
                paragraph.push('\n');
            }
            paragraph.push_str(line.trim_end());
        }
    }
    out
}

/// A draft with `title` and `body`; a file that is only a title keeps it as body too
/// (the contract requires a body).
fn draft(title: &str, body: String) -> Draft {
    let body = if body.trim().is_empty() {
        title.to_owned()
    } else {
        body
    };
    Draft {
        title: title.to_owned(),
        body,
        ..Draft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_first_line_is_the_title_and_paragraphs_stay() {
        let d = from_text("\n  Harbour reopens \nFirst line\nsame paragraph\n\n\n Second.\n");
        let d = d.unwrap_or_default();
        assert_eq!(d.title, "Harbour reopens");
        assert_eq!(d.body, "First line\nsame paragraph\n\n Second.");
    }

    #[test]
    fn markdown_heading_is_the_title_and_markup_goes() {
        let md = "# The *quiet* harbour\n\nThe mayor said **no**.\n\n- one\n- two\n";
        let d = from_markdown(md).unwrap_or_default();
        assert_eq!(d.title, "The quiet harbour");
        assert_eq!(d.body, "The mayor said no.\n\n- one\n\n- two");
    }

    #[test]
    fn empty_files_give_nothing() {
        assert!(from_text(" \n\n").is_none());
        assert!(from_markdown("").is_none());
    }
}
