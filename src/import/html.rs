//! HTML → plain paragraphs: what a feed item's content or a page's main text
//! reads as, without markup. Block elements end paragraphs, `<br>` ends a
//! line, white space runs collapse, scripts and styles are dropped.

use dom_query::{Document, NodeRef};

/// Elements whose text is never prose.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg", "button", "form", "select",
    "textarea", "object", "canvas",
];

/// Elements that stand as blocks: each starts and ends a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "hr",
    "main",
    "address",
    "details",
    "summary",
    "aside",
    "nav",
];

/// Elements deeper than this are flattened into their ancestor before parsing,
/// as Chromium's HTML parser does at the same depth: html5ever's scope checks
/// cost depth² (20,000 nested `<div>`s took ~20 s), and no page needs more.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// `html` with every start tag past [`MAX_DEPTH`] (and its end tag) left out,
/// in one linear pass; borrowed when nothing is that deep. Only tags are
/// counted, approximately (text inside `<script>` is not told apart), which is
/// all a guard against hostile nesting needs.
pub fn capped(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let (mut depth, mut dropped, mut copied, mut i) = (0usize, 0usize, 0usize, 0usize);
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let end = match memchr::memchr(b'>', &bytes[start..]) {
            Some(e) => start + e + 1,
            None => break,
        };
        i = end;
        let tag = &html[start + 1..end - 1];
        let skip = if tag.starts_with('/') {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if tag.ends_with('/') || VOID.contains(&name.as_str()) {
                false
            } else if depth >= MAX_DEPTH {
                dropped += 1;
                true
            } else {
                depth += 1;
                false
            }
        } else {
            false
        };
        if skip {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..start]);
            copied = end;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            std::borrow::Cow::Owned(buf)
        }
    }
}

/// The text of `html` as paragraphs separated by a blank line.
pub fn paragraphs(html: &str) -> String {
    let html = capped(html);
    let doc = Document::from(html.as_ref());
    let mut out = Paragraphs::default();
    // An explicit stack, not recursion: hostile nesting cannot overflow it.
    let mut stack: Vec<(NodeRef, bool)> = vec![(doc.root(), true)];
    while let Some((node, entering)) = stack.pop() {
        let name = node.node_name();
        let name = name.as_deref().unwrap_or("");
        if !entering {
            if BLOCKS.contains(&name) {
                out.end_paragraph();
            }
            continue;
        }
        if node.is_text() {
            out.text(&node.text());
            continue;
        }
        if !(node.is_element() || node.is_document()) || SKIPPED.contains(&name) {
            continue;
        }
        if name == "br" {
            out.line_break();
            continue;
        }
        if BLOCKS.contains(&name) {
            out.end_paragraph();
        }
        stack.push((node, false));
        let children = node.children();
        stack.extend(children.into_iter().rev().map(|c| (c, true)));
    }
    out.finish()
}

/// Paragraphs built from text runs.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Paragraphs {
    fn text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for word in text.split_whitespace() {
            if self.space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.current.push_str(word);
            self.space = true;
        }
        self.space = text.ends_with(char::is_whitespace) || text.trim().is_empty() && self.space;
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.space = false;
    }

    fn end_paragraph(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            self.done.push(paragraph.to_owned());
        }
        self.current.clear();
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.done.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn blocks_become_paragraphs_and_inline_markup_goes() {
        let html = "<p>The <b>quay</b>  was\n closed.</p><p>Boats <a href='#'>waited</a>.<br>Then left.</p>\
                    <script>alert(1)</script><ul><li>one</li><li>two</li></ul>";
        assert_eq!(
            paragraphs(html),
            "The quay was closed.\n\nBoats waited.\nThen left.\n\none\n\ntwo"
        );
    }

    #[test]
    fn loose_text_and_entities_are_kept() {
        assert_eq!(paragraphs("Plain &amp; simple &lt;3"), "Plain & simple <3");
        assert_eq!(paragraphs(""), "");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Far deeper than any real page, walked without recursion; not deeper
        // here, because html5ever's scope checks make parsing cost grow with
        // depth squared (20,000 levels take ~20 s).
        let html = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
        assert_eq!(paragraphs(&html), "deep");
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_into_its_ancestor() {
        let deep = "<div>".repeat(600) + "<p>deep</p>" + &"</div>".repeat(600) + "<p>after</p>";
        let capped = super::capped(&deep);
        assert_eq!(capped.matches("<div>").count(), super::MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), super::MAX_DEPTH);
        assert!(capped.ends_with("<p>after</p>"));
        assert_eq!(paragraphs(&deep), "deep\n\nafter");
        let shallow = "<p>a<br>b</p><img src=x/>";
        assert!(matches!(
            super::capped(shallow),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
