//! RSS 2.0, Atom and JSON Feed → one draft per item (through `feed-rs`): the
//! title, link as `url`, date as `published`, authors as `byline`, categories
//! as `tags`, the feed's title as `outlet`, its language, and the item's HTML
//! content as plain paragraphs; the item's identity (guid, else link) as
//! `feed_item_id`, by which a later import knows it.

use feed_rs::model::{Entry, Text};

use super::draft::Draft;
use super::html;
use super::page::checked_date;

/// One item of a feed, ready to write (unless already imported).
#[derive(Debug, Clone)]
pub struct Item {
    pub draft: Draft,
    /// The item's link, for `--full-text`.
    pub link: Option<String>,
    /// Whether the feed gave only a summary (no full content).
    pub summary_only: bool,
}

/// The items of the feed in `bytes`, in feed order; `Err` when it is no feed.
/// Items without a guid or link cannot be recognised again and are left out,
/// each with a note.
pub fn items(bytes: &[u8]) -> Result<(Vec<Item>, Vec<String>), String> {
    // An empty id marks an item without a guid, so its link takes the guid's place
    // (feed-rs would otherwise make one up from the link and title).
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| format!("not a feed (RSS, Atom or JSON Feed): {e}"))?;
    let outlet = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let mut notes = Vec::new();
    let mut out = Vec::new();
    for (n, entry) in feed.entries.iter().enumerate() {
        let link = link_of(entry);
        let identity = Some(entry.id.trim())
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .or_else(|| link.clone());
        let Some(identity) = identity else {
            notes.push(format!(
                "item {} has neither a guid nor a link, so a later import could not tell it \
                 from a new one; left out",
                n + 1
            ));
            continue;
        };
        let content = entry.content.as_ref().and_then(|c| c.body.as_deref());
        let summary_only = content.is_none_or(|c| c.trim().is_empty());
        let body = match content {
            Some(c) if !summary_only => html::paragraphs(c),
            _ => entry.summary.as_ref().map(text_of).unwrap_or_default(),
        };
        let title = entry.title.as_ref().map(text_of).unwrap_or_default();
        let Some((title, body)) = title_and_body(title, body) else {
            notes.push(format!(
                "item {} has neither a title nor text; left out",
                n + 1
            ));
            continue;
        };
        let published = entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .and_then(|d| checked_date(&d));
        let draft = Draft {
            title,
            body,
            published,
            outlet: outlet.clone(),
            url: link.clone(),
            byline: entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(str::trim))
                .map(str::to_owned)
                .filter(|n| !n.is_empty())
                .collect(),
            tags: entry
                .categories
                .iter()
                .map(|c| c.label.as_deref().unwrap_or(&c.term).trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect(),
            language: entry
                .language
                .clone()
                .or_else(|| feed.language.clone())
                .filter(|l| !l.trim().is_empty()),
            feed_item_id: Some(identity),
            ..Draft::default()
        };
        out.push(Item {
            draft,
            link,
            summary_only,
        });
    }
    Ok((out, notes))
}

/// A title and a body, both non-empty: an item with only one of them lends it to the other.
pub fn title_and_body(title: String, body: String) -> Option<(String, String)> {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    match (title.is_empty(), body.trim().is_empty()) {
        (true, true) => None,
        (false, false) => Some((title, body)),
        (false, true) => Some((title.clone(), title)),
        (true, false) => {
            let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let title: String = first.trim().chars().take(100).collect();
            Some((title, body))
        }
    }
}

/// A feed text as plain text: HTML when the feed says so (or it looks like it).
fn text_of(text: &Text) -> String {
    let is_html = text.content_type.essence().to_string().contains("html")
        || text.content.contains("</")
        || text.content.contains("<br");
    if is_html {
        html::paragraphs(&text.content)
    } else {
        html::paragraphs(&escape(&text.content))
    }
}

/// Plain text made safe to read as HTML, so one paragraph logic serves both.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split("\n\n") {
        out.push_str("<p>");
        out.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
        out.push_str("</p>");
    }
    out
}

/// The item's page: its first link that is not an enclosure or the like.
fn link_of(entry: &Entry) -> Option<String> {
    entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_without_guid_is_known_by_its_link() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Post</title>
            <item><title>One</title><link>https://q.invalid/1</link><description>&lt;p&gt;A&lt;/p&gt;</description></item>
            <item><title>Two</title><guid>urn:two</guid><link>https://q.invalid/2</link></item>
            <item><description>no link, no guid</description></item>
            </channel></rss>"#;
        let (items, notes) = items(rss).unwrap_or_default();
        let ids: Vec<_> = items.iter().map(|i| i.draft.feed_item_id.clone()).collect();
        assert_eq!(
            ids,
            [Some("https://q.invalid/1".into()), Some("urn:two".into())]
        );
        assert_eq!(items[0].draft.body, "A");
        assert_eq!(items[1].draft.body, "Two"); // no text: the title lends itself
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn garbage_is_no_feed() {
        assert!(items(b"hello").is_err());
    }
}
