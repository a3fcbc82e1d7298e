//! A web page → a draft, the way browsers' reader modes find an article
//! (`dom_smoothie`, a port of Mozilla's Readability): the main text as plain
//! paragraphs; headline, byline, date, site name and language from the page's
//! metadata (Open Graph, `article:` meta, JSON-LD `NewsArticle`).

use super::draft::Draft;
use super::feed::title_and_body;
use super::html;

/// The article in `html` (fetched from `url`, when it was).
pub fn article(html_text: &str, url: Option<&str>) -> Result<Draft, String> {
    // A relative or odd URL only loses link resolution, not the article.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let html_text = html::capped(html_text);
    let html_text = html_text.as_ref();
    let mut readability = dom_smoothie::Readability::new(html_text, url, None)
        .or_else(|_| dom_smoothie::Readability::new(html_text, None, None))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let found = readability
        .parse()
        .map_err(|e| format!("no article found in the page: {e}"))?;
    let body = html::paragraphs(&found.content);
    let (title, body) =
        title_and_body(found.title.clone(), body).ok_or("the page has no article text")?;
    let byline = found
        .byline
        .as_deref()
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .map(|b| vec![b.strip_prefix("By ").unwrap_or(&b).to_owned()])
        .unwrap_or_default();
    Ok(Draft {
        title,
        body,
        published: found.published_time.as_deref().and_then(checked_date),
        outlet: found.site_name.clone().filter(|s| !s.trim().is_empty()),
        url: url.map(str::to_owned).or(found.url.clone()),
        byline,
        language: found.lang.clone().filter(|l| !l.trim().is_empty()),
        ..Draft::default()
    })
}

/// `text` as a TOML date or date-time the loader accepts, or its date part;
/// `None` when neither is one (a page's date is often free text).
pub fn checked_date(text: &str) -> Option<String> {
    let text = text.trim();
    let valid = |s: &str| {
        let doc = format!("d = {s}\n");
        toml::from_str::<toml::Table>(&doc)
            .ok()
            .and_then(|t| {
                t.get("d")
                    .and_then(|v| v.as_datetime())
                    .map(|d| d.date.is_some())
            })
            .unwrap_or(false)
    };
    // Only date-time characters, so nothing else can ride into the file.
    let plain = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-:.+ ".contains(c))
    };
    if plain(text) && valid(text) {
        return Some(text.replacen(' ', "T", 1));
    }
    let date = text.get(..10)?;
    (plain(date) && valid(date)).then(|| date.to_owned())
}

#[cfg(test)]
mod tests {
    use super::checked_date;

    #[test]
    fn dates_are_kept_when_toml_takes_them() {
        assert_eq!(checked_date("2024-11-11").as_deref(), Some("2024-11-11"));
        assert_eq!(
            checked_date(" 2024-11-11T09:30:00.5+02:00 ").as_deref(),
            Some("2024-11-11T09:30:00.5+02:00")
        );
        assert_eq!(
            checked_date("2024-11-11T09:30:00+0200").as_deref(),
            Some("2024-11-11")
        );
        assert_eq!(checked_date("09:30:00"), None);
        assert_eq!(checked_date("yesterday"), None);
        assert_eq!(
            checked_date("2024-11-11\nx = 1").as_deref(),
            Some("2024-11-11")
        );
    }
}
