//! Fetching a feed or a page over HTTP(S): a small blocking client with
//! timeouts and a size cap, so one slow or huge server cannot stall an import.

use std::time::Duration;

/// The most a response body may be: feeds and pages are text.
pub const MAX_RESPONSE_BYTES: u64 = 8 * 1024 * 1024;

/// What a server sent: the body and its declared media type (lower case, no parameters).
#[derive(Debug)]
pub struct Fetched {
    pub body: Vec<u8>,
    pub media_type: String,
}

/// Whether `source` names something to fetch rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A client shared by one import's fetches.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_global(Some(Duration::from_secs(30)))
        .max_redirects(5)
        .user_agent(concat!("whosaid/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// GETs `url`; a status other than 2xx, a timeout or a body over the cap is an error.
pub fn get(agent: &ureq::Agent, url: &str) -> Result<Fetched, String> {
    let mut response = agent.get(url).call().map_err(|e| format!("{url}: {e}"))?;
    let media_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_RESPONSE_BYTES)
        .read_to_vec()
        .map_err(|e| format!("{url}: {e}"))?;
    Ok(Fetched { body, media_type })
}

#[cfg(test)]
mod tests {
    use super::is_url;

    #[test]
    fn only_http_and_https_are_urls() {
        assert!(is_url("https://example.invalid/feed"));
        assert!(is_url("HTTP://example.invalid"));
        assert!(!is_url("ftp://example.invalid"));
        assert!(!is_url("feeds/https.xml"));
        assert!(!is_url("é"));
    }
}
