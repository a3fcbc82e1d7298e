//! The review edits against files written by hand: the bytes each edit must
//! leave (`tests/fixtures/review/NAME.EDIT-CLAIM.expected`), and every refusal
//! leaving the file, and its folder, exactly as they were.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A temporary folder holding `name` (from the fixtures) as `article.toml`.
fn setup(name: &str) -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.toml");
    let bytes = fixture(name);
    fs::write(&path, &bytes).unwrap();
    (dir, path, bytes)
}

/// `accept` or `reject`.
type Edit = fn(&Path, &[u8], &str) -> Result<Vec<u8>, ReviewError>;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `edit` on fixture `name` writes exactly the expected file, returns it, and
/// leaves no other file in the folder.
fn assert_edit(name: &str, edit: Edit, claim: &str, expected: &str) {
    let (dir, path, read) = setup(name);
    let written = edit(&path, &read, claim).unwrap();
    let want = fixture(expected);
    assert_eq!(
        String::from_utf8_lossy(&fs::read(&path).unwrap()),
        String::from_utf8_lossy(&want),
        "{expected}"
    );
    assert_eq!(written, want);
    assert_eq!(
        names_in(dir.path()),
        ["article.toml"],
        "nothing left behind"
    );
}

#[test]
fn accepting_removes_the_suggested_keys_of_the_claim_and_its_actors_only() {
    assert_edit(
        "harbour.toml",
        accept,
        "board-silent",
        "harbour.accept-board-silent.expected",
    );
    assert_edit(
        "harbour.toml",
        accept,
        "watchers-doubt",
        "harbour.accept-watchers-doubt.expected",
    );
}

#[test]
fn rejecting_removes_the_claim_and_the_suggested_actors_nothing_else_names() {
    // The spokesperson is named only by the rejected claim, the board only by
    // the claim and the spokesperson's affiliation: both go. Watchers stay.
    assert_edit(
        "harbour.toml",
        reject,
        "board-silent",
        "harbour.reject-board-silent.expected",
    );
    assert_edit(
        "harbour.toml",
        reject,
        "watchers-doubt",
        "harbour.reject-watchers-doubt.expected",
    );
}

#[test]
fn inline_tables_are_edited_in_place() {
    assert_edit(
        "inline.toml",
        accept,
        "reopens",
        "inline.accept-reopens.expected",
    );
    assert_edit(
        "inline.toml",
        reject,
        "reopens",
        "inline.reject-reopens.expected",
    );
}

#[test]
fn dotted_keys_are_edited_in_place() {
    // The clerk is not suggested: rejecting leaves it, though nothing names it now.
    assert_edit(
        "dotted.toml",
        accept,
        "reopens",
        "dotted.accept-reopens.expected",
    );
    assert_edit(
        "dotted.toml",
        reject,
        "reopens",
        "dotted.reject-reopens.expected",
    );
}

#[test]
fn a_byte_order_mark_and_crlf_lines_stay() {
    let crlf = |b: &[u8]| -> Vec<u8> {
        let text = String::from_utf8(b.to_vec()).unwrap().replace('\n', "\r\n");
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.toml");
    let read = crlf(&fixture("harbour.toml"));
    fs::write(&path, &read).unwrap();
    accept(&path, &read, "board-silent").unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        crlf(&fixture("harbour.accept-board-silent.expected"))
    );
}

/// `result` is the refusal `wanted`, and the folder holds what it held, byte for byte.
fn assert_refused(
    dir: &Path,
    path: &Path,
    before: &[u8],
    result: Result<impl std::fmt::Debug, ReviewError>,
    wanted: fn(&ReviewError) -> bool,
) {
    let err = result.expect_err("the edit should be refused");
    assert!(wanted(&err), "{err:?}");
    assert_eq!(fs::read(path).unwrap(), before, "the file is untouched");
    assert_eq!(names_in(dir), ["article.toml"], "nothing left behind");
}

#[test]
fn a_file_changed_since_it_was_read_is_refused() {
    let (dir, path, read) = setup("harbour.toml");
    let mut now = read.clone();
    now.extend_from_slice(b"# edited meanwhile\n");
    fs::write(&path, &now).unwrap();
    for edit in [accept, reject] {
        let result = edit(&path, &read, "board-silent");
        assert_refused(dir.path(), &path, &now, result, |e| {
            matches!(e, ReviewError::Changed(_))
        });
    }
}

#[test]
fn a_file_that_no_longer_loads_is_refused() {
    let (dir, path, _) = setup("harbour.toml");
    let broken = String::from_utf8(fixture("harbour.toml")).unwrap().replace(
        "kind = \"person\"\naffiliation",
        "kind = \"persn\"\naffiliation",
    );
    fs::write(&path, &broken).unwrap();
    let result = reject(&path, broken.as_bytes(), "board-silent");
    assert_refused(
        dir.path(),
        &path,
        broken.as_bytes(),
        result,
        |e| matches!(e, ReviewError::DoesNotLoad { diagnostics, .. } if !diagnostics.is_empty()),
    );
}

#[test]
fn unknown_and_reviewed_claims_are_refused() {
    let (dir, path, read) = setup("harbour.toml");
    let result = accept(&path, &read, "no-such-claim");
    assert_refused(
        dir.path(),
        &path,
        &read,
        result,
        |e| matches!(e, ReviewError::NoSuchClaim { id, .. } if id == "no-such-claim"),
    );
    let result = reject(&path, &read, "no-tender");
    assert_refused(
        dir.path(),
        &path,
        &read,
        result,
        |e| matches!(e, ReviewError::NotSuggested { id, .. } if id == "no-tender"),
    );
}

#[test]
fn only_a_regular_file_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("article.toml");
    fs::create_dir(&folder).unwrap();
    let read = fixture("harbour.toml");
    let err = accept(&folder, &read, "board-silent").unwrap_err();
    assert!(matches!(err, ReviewError::NotRegularFile(_)), "{err:?}");
    assert!(folder.is_dir());

    #[cfg(unix)]
    {
        let target = dir.path().join("real.toml");
        fs::write(&target, &read).unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = reject(&link, &read, "board-silent").unwrap_err();
        assert!(matches!(err, ReviewError::NotRegularFile(_)), "{err:?}");
        assert_eq!(fs::read(&target).unwrap(), read);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn restore_undoes_an_edit_only_while_the_file_is_what_the_edit_wrote() {
    let (dir, path, read) = setup("harbour.toml");
    let written = reject(&path, &read, "board-silent").unwrap();
    // Changed again since the edit: the undo is refused.
    let mut later = written.clone();
    later.extend_from_slice(b"# later\n");
    fs::write(&path, &later).unwrap();
    let result = restore(&path, &written, &read);
    assert_refused(dir.path(), &path, &later, result, |e| {
        matches!(e, ReviewError::Changed(_))
    });
    // Bytes that do not load are never put back.
    fs::write(&path, &written).unwrap();
    let result = restore(&path, &written, b"title = ");
    assert_refused(dir.path(), &path, &written, result, |e| {
        matches!(e, ReviewError::DoesNotLoad { .. })
    });
    // As the edit left it: the previous bytes come back exactly.
    restore(&path, &written, &read).unwrap();
    assert_eq!(fs::read(&path).unwrap(), fixture("harbour.toml"));
    assert_eq!(names_in(dir.path()), ["article.toml"]);
}

#[cfg(unix)]
#[test]
fn the_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path, read) = setup("harbour.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    accept(&path, &read, "board-silent").unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn every_result_loads() {
    for (name, claim) in [
        ("harbour.toml", "board-silent"),
        ("harbour.toml", "watchers-doubt"),
        ("inline.toml", "reopens"),
    ] {
        for edit in [accept, reject] {
            let (_dir, path, read) = setup(name);
            let written = edit(&path, &read, claim).unwrap();
            assert!(loads(&path, &written).is_ok(), "{name} {claim}");
        }
    }
}
