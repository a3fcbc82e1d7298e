//! Every file in tests/configs/valid loads; every file in tests/configs/invalid is
//! refused with an error at the line and column, naming the key and the bad value,
//! as its `# expect: LINE:COL WORDS…` comment says.

use std::path::{Path, PathBuf};

use whosaid::tui::config::Config;

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/configs")
        .join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    assert!(!out.is_empty());
    out
}

#[test]
fn valid_configs_load() {
    for path in files("valid") {
        let source = std::fs::read_to_string(&path).unwrap();
        if let Err(e) = Config::parse(&source, &path) {
            panic!("{} should load:\n{e}", path.display());
        }
    }
    let config = Config::parse(
        &std::fs::read_to_string(
            files("valid")
                .into_iter()
                .find(|p| p.ends_with("full.toml"))
                .unwrap(),
        )
        .unwrap(),
        Path::new("full.toml"),
    )
    .unwrap();
    assert!(config.mouse);
    assert_eq!(
        config
            .keymap
            .get(whosaid::tui::keymap::Mode::List)
            .label(whosaid::tui::keymap::Action::Quit),
        "q, ctrl-c, ctrl-q"
    );
}

#[test]
fn invalid_configs_are_refused_with_file_line_key_and_value() {
    for path in files("invalid") {
        let source = std::fs::read_to_string(&path).unwrap();
        let expect = source
            .lines()
            .find_map(|l| l.strip_prefix("# expect: "))
            .unwrap();
        let mut words = expect.split_whitespace();
        let position = words.next().unwrap();
        let err = match Config::parse(&source, &path) {
            Ok(_) => panic!("{} should be refused", path.display()),
            Err(e) => e,
        };
        let shown = err.to_string();
        let headline = format!("{}:{position}: error: ", path.display());
        assert!(shown.starts_with(&headline), "{}: {shown}", path.display());
        for word in words {
            assert!(
                err.message.contains(word),
                "{}: {word:?} missing in {shown}",
                path.display()
            );
        }
    }
}
