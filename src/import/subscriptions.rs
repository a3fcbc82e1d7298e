//! Subscriptions: the feeds listed in `config.toml` as `[[feeds]]` tables
//! (`url`, `folder` below the articles folder), which `whosaid refresh` imports.

use serde::Deserialize;

use super::{Job, Location, fetch};

/// One `[[feeds]]` table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// An `http(s)` URL of an RSS, Atom or JSON feed.
    pub url: String,
    /// Where its items go, below the articles folder (`news/quay-post`).
    pub folder: String,
}

impl Subscription {
    /// Why this subscription cannot be used, if it cannot.
    pub fn problem(&self) -> Option<String> {
        if !fetch::is_url(&self.url) {
            return Some(format!("feed url `{}` is not an http(s) URL", self.url));
        }
        let parts: Vec<&str> = self.folder.split('/').collect();
        let bad = self.folder.trim().is_empty()
            || self.folder.starts_with('/')
            || self.folder.contains('\\')
            || parts
                .iter()
                .any(|p| p.is_empty() || p.starts_with('.') || p.chars().any(char::is_control));
        bad.then(|| {
            format!(
                "feed folder `{}` must be a relative path below the articles folder, \
                 without `.`, `..` or hidden parts",
                self.folder
            )
        })
    }

    /// The import job that refreshes it.
    pub fn job(&self) -> Job {
        Job::Feed {
            source: Location::Url(self.url.clone()),
            folder: self.folder.clone(),
        }
    }
}

#[derive(Deserialize)]
struct Feeds {
    #[serde(default)]
    feeds: Vec<Subscription>,
}

/// The subscriptions of a config file's text (other keys are the reader's business).
pub fn parse(config: &str) -> Result<Vec<Subscription>, String> {
    let feeds: Feeds = toml::from_str(config).map_err(|e| e.message().to_owned())?;
    if let Some(problem) = feeds.feeds.iter().find_map(Subscription::problem) {
        return Err(problem);
    }
    Ok(feeds.feeds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_read_and_checked() {
        let ok =
            "mouse = true\n[[feeds]]\nurl = \"https://q.invalid/rss\"\nfolder = \"news/quay\"\n";
        assert_eq!(
            parse(ok),
            Ok(vec![Subscription {
                url: "https://q.invalid/rss".into(),
                folder: "news/quay".into()
            }])
        );
        assert_eq!(parse("mouse = true\n"), Ok(vec![]));
        for bad in ["../out", "/abs", "a/./b", ".hidden", ""] {
            let text = format!("[[feeds]]\nurl = \"https://q.invalid\"\nfolder = \"{bad}\"\n");
            assert!(parse(&text).is_err(), "{bad}");
        }
        assert!(parse("[[feeds]]\nurl = \"ftp://x\"\nfolder = \"a\"\n").is_err());
        assert!(parse("[[feeds]]\nurl = \"https://x\"\nfolder = \"a\"\nfoldr = \"b\"\n").is_err());
    }
}
