//! What every load must uphold, whatever the input.

use whosaid::ArticleId;
use whosaid::load::{self, Loaded, MAX_SHOWN, SourceFile};

/// A file checked piece by piece (see `load::check_both_ways`) gives what
/// the whole-document check gives: the same article, the same diagnostics.
pub fn pieces_agree(data: &[u8]) {
    let source = SourceFile {
        path: "fuzz.toml".into(),
        id: ArticleId::new("fuzz"),
    };
    if let Some((pieces, whole)) = load::check_both_ways(&source, data) {
        assert_eq!(pieces.article, whole.article);
        assert_eq!(pieces.diagnostics, whole.diagnostics);
        assert_eq!(pieces.hidden, whole.hidden);
    }
}

pub fn check(loaded: &Loaded, len: usize) {
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    // An article is kept exactly when no error was found, shown or not.
    assert_eq!(
        loaded.article.is_some(),
        errors == 0 && loaded.hidden.errors == 0
    );
    // Over the cap, every error is shown before any warning is.
    assert!(loaded.diagnostics.len() <= MAX_SHOWN);
    if loaded.hidden.total() > 0 {
        assert_eq!(loaded.diagnostics.len(), MAX_SHOWN);
        assert!(loaded.hidden.errors == 0 || errors == MAX_SHOWN);
    }
    for d in &loaded.diagnostics {
        assert!(d.line >= 1 && d.column >= 1 && d.width >= 1);
        assert!(d.column >= d.excerpt_column);
        assert!(d.line <= len + 1);
        // A bounded excerpt and a bounded message, whatever the line.
        assert!(d.source_line.chars().count() <= 121, "{d:?}");
        assert!(!d.source_line.contains('\n'));
        assert!(d.message.len() <= 2048, "{}", d.message.len());
        // Printing never fails and never carries a control character but the line breaks.
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }
    if let Some(article) = &loaded.article {
        for claim in &article.claims {
            if let Some(range) = &claim.anchor {
                assert!(article.body.get(range.clone()).is_some());
            }
        }
    }
}
