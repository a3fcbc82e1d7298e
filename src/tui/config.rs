//! The reader's settings from config.toml: where the file is found, what it may say,
//! and errors that name the file, line, key and bad value.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::{Diagnostic, Severity};
use ratatui::style::Color;
use serde::Deserialize;
use serde::de::{self, Deserializer};
use toml::Spanned;

use super::keymap::{Action, KeyChord, Keymap};

/// The default configuration, shipped as the repository's commented config.toml.
pub const DEFAULT_TOML: &str = include_str!("../../config.toml");

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    Newest,
    Oldest,
    Title,
    Id,
}

/// A colour as written: a name, an index 0–255 or `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorSpec(pub Color);

const COLOR_NAMES: [(&str, Color); 17] = [
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

impl ColorSpec {
    pub fn parse(s: &str) -> Option<ColorSpec> {
        let lower = s.trim().to_ascii_lowercase().replace(['_', '-', ' '], "");
        let lower = lower.replace("grey", "gray");
        if let Some(hex) = lower.strip_prefix('#') {
            if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                let n = u32::from_str_radix(hex, 16).ok()?;
                return Some(ColorSpec(Color::from_u32(n)));
            }
            return None;
        }
        if let Ok(i) = lower.parse::<u8>() {
            return Some(ColorSpec(Color::Indexed(i)));
        }
        COLOR_NAMES
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, c)| ColorSpec(*c))
    }
}

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = ColorSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a colour: a name such as \"red\", an index 0-255 or \"#rrggbb\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ColorSpec, E> {
                ColorSpec::parse(s).ok_or_else(|| {
                    E::custom(format!(
                        "bad colour `{s}`: expected a name (red, lightblue, darkgray, default…), an index 0-255 or \"#rrggbb\""
                    ))
                })
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<ColorSpec, E> {
                u8::try_from(n)
                    .map(|i| ColorSpec(Color::Indexed(i)))
                    .map_err(|_| E::custom(format!("bad colour index `{n}`: expected 0-255")))
            }
        }
        d.deserialize_any(V)
    }
}

/// A whole-number percentage kept between 10 and 90, so no pane disappears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent(pub u16);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        match u16::try_from(n) {
            Ok(p) if (10..=90).contains(&p) => Ok(Percent(p)),
            _ => Err(de::Error::custom(format!(
                "bad percentage `{n}`: expected 10 to 90"
            ))),
        }
    }
}

/// Colours by meaning; each is also carried by a label or a text style.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    pub asserted: ColorSpec,
    pub denied: ColorSpec,
    pub contested: ColorSpec,
    pub unattributed: ColorSpec,
    pub claim: ColorSpec,
    pub selection: ColorSpec,
    pub focus: ColorSpec,
    pub dim: ColorSpec,
    pub error: ColorSpec,
    pub warning: ColorSpec,
}

impl Default for Colors {
    fn default() -> Colors {
        Colors {
            asserted: ColorSpec(Color::Green),
            denied: ColorSpec(Color::Red),
            contested: ColorSpec(Color::Yellow),
            unattributed: ColorSpec(Color::DarkGray),
            claim: ColorSpec(Color::Cyan),
            selection: ColorSpec(Color::Indexed(236)),
            focus: ColorSpec(Color::Cyan),
            dim: ColorSpec(Color::DarkGray),
            error: ColorSpec(Color::Red),
            warning: ColorSpec(Color::Yellow),
        }
    }
}

/// Pane sizes and the widths at which the article view changes shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Layout {
    pub body_percent: Percent,
    pub claims_percent: Percent,
    pub problems_percent: Percent,
    pub split_min_width: u16,
    pub stack_min_width: u16,
    pub stack_min_height: u16,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            body_percent: Percent(55),
            claims_percent: Percent(40),
            problems_percent: Percent(35),
            split_min_width: 110,
            stack_min_width: 60,
            stack_min_height: 20,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ListSection {
    pub sort: Sort,
}

impl Default for ListSection {
    fn default() -> ListSection {
        ListSection { sort: Sort::Newest }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportSection {
    pub folder: PathBuf,
}

impl Default for ExportSection {
    fn default() -> ExportSection {
        ExportSection {
            folder: PathBuf::from("exports"),
        }
    }
}

/// The file as written; `keys` is checked by hand so errors can point at the action name.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawConfig {
    mouse: bool,
    list: ListSection,
    layout: Layout,
    colors: Colors,
    keys: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    export: ExportSection,
    /// Subscriptions, read by `whosaid refresh`; accepted (and typed) here so
    /// one file serves both.
    #[serde(rename = "feeds")]
    _feeds: Vec<crate::import::subscriptions::Subscription>,
}

/// The settings the reader runs with.
#[derive(Debug, Clone)]
pub struct Config {
    pub mouse: bool,
    pub sort: Sort,
    pub layout: Layout,
    pub colors: Colors,
    pub keymap: Keymap,
    pub export_folder: PathBuf,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mouse: false,
            sort: Sort::Newest,
            layout: Layout::default(),
            colors: Colors::default(),
            keymap: Keymap::default(),
            export_folder: PathBuf::from("exports"),
        }
    }
}

/// A config that cannot be used, as a compiler-style diagnostic.
pub type ConfigError = Diagnostic;

impl Config {
    /// Reads `source` (named `path` in errors); every key not given keeps its default.
    pub fn parse(source: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            error_at(source, path, span, e.message())
        })?;
        let keymap = build_keymap(&raw.keys, source, path)?;
        Ok(Config {
            mouse: raw.mouse,
            sort: raw.list.sort,
            layout: raw.layout,
            colors: raw.colors,
            keymap,
            export_folder: raw.export.folder,
        })
    }

    /// Finds and reads the config: `--config`, then ./config.toml, then the user's,
    /// then the embedded default. Returns where it came from, for the help screen.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, String), ConfigError> {
        let env = |name: &str| std::env::var_os(name);
        match locate(explicit, Path::new(""), &env) {
            Some(path) => {
                let source = std::fs::read_to_string(&path).map_err(|e| {
                    let message = format!("cannot read the config file: {e}");
                    crate::load::Site::start().diagnostic(path.clone(), Severity::Error, message)
                })?;
                let config = Config::parse(&source, &path)?;
                Ok((config, path.display().to_string()))
            }
            None => {
                let config = Config::parse(DEFAULT_TOML, Path::new("<built-in config.toml>"))?;
                Ok((config, "built-in defaults".to_string()))
            }
        }
    }
}

/// The config file to read, in lookup order; `None` means the embedded default.
/// An explicit path is returned even when missing, so reading it reports the error.
pub fn locate(
    explicit: Option<&Path>,
    cwd: &Path,
    env: &dyn Fn(&str) -> Option<OsString>,
) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    let mut candidates = vec![cwd.join("config.toml")];
    if let Some(xdg) = env("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        candidates.push(PathBuf::from(xdg).join("whosaid").join("config.toml"));
    }
    if let Some(home) = env("HOME").filter(|v| !v.is_empty()) {
        candidates.push(
            PathBuf::from(home)
                .join(".config")
                .join("whosaid")
                .join("config.toml"),
        );
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// A key as configured, with where it was written.
type BoundKey = (KeyChord, std::ops::Range<usize>);

fn build_keymap(
    raw: &BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    source: &str,
    path: &Path,
) -> Result<Keymap, ConfigError> {
    let mut table: Vec<(Action, Vec<KeyChord>)> = Keymap::default().table().to_vec();
    let mut parsed: Vec<(Action, Vec<BoundKey>)> = Vec::new();
    for (name, keys) in raw {
        let Some(action) = Action::from_name(name.get_ref()) else {
            let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
            let close = names
                .iter()
                .find(|n| strsim::levenshtein(n, name.get_ref()) <= 2)
                .map(|n| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default();
            let message = format!(
                "unknown action `{}`{close}, expected one of {}",
                name.get_ref(),
                names.join(", ")
            );
            return Err(error_at(source, path, name.span(), &message));
        };
        let mut chords = Vec::with_capacity(keys.len());
        for key in keys {
            let chord: KeyChord = key.get_ref().parse().map_err(|e: super::keymap::BadKey| {
                error_at(source, path, key.span(), &e.to_string())
            })?;
            chords.push((chord, key.span()));
        }
        parsed.push((action, chords));
    }
    for (action, chords) in &parsed {
        if let Some(slot) = table.iter_mut().find(|(a, _)| a == action) {
            slot.1 = chords.iter().map(|(c, _)| *c).collect();
        }
    }
    // A key the file binds is taken from the built-in binding of an action the file
    // leaves alone: a configuration stays valid when a new version binds more keys.
    let mine: std::collections::HashSet<KeyChord> = parsed
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(c, _)| *c))
        .collect();
    for (action, keys) in &mut table {
        if !parsed.iter().any(|(a, _)| a == action) {
            keys.retain(|k| !mine.contains(k));
        }
    }
    // One key, one action: a key bound twice would silently lose one binding.
    for (action, keys) in &parsed {
        for (key, span) in keys {
            let owners: Vec<Action> = table
                .iter()
                .filter(|(_, ks)| ks.contains(key))
                .map(|(a, _)| *a)
                .collect();
            if owners.len() > 1 {
                let list: Vec<&str> = owners.iter().map(|a| a.name()).collect();
                let message = format!(
                    "key `{key}` in `{}` is bound to several actions: {}",
                    action.name(),
                    list.join(", ")
                );
                return Err(error_at(source, path, span.clone(), &message));
            }
        }
    }
    Ok(Keymap::new(table))
}

/// A diagnostic at byte `span` of `source`, naming the dotted key found there.
fn error_at(source: &str, path: &Path, span: std::ops::Range<usize>, message: &str) -> ConfigError {
    let start = span.start.min(source.len());
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line_text = source[line_start..line_end].trim_end_matches('\r');
    let bad = source.get(span.clone()).unwrap_or("").trim();
    let key = key_at(source, line_start, line_text);
    let mut message = message.to_string();
    if !bad.is_empty() && !message.contains(bad) && bad.len() <= 80 {
        message = format!("{message} (found `{bad}`)");
    }
    if let Some(key) = key {
        message = format!("`{key}`: {message}");
    }
    crate::load::site(source, span).diagnostic(path.to_path_buf(), Severity::Error, message)
}

/// `table.key` for a `key = …` line, with the nearest `[table]` header above it.
fn key_at(source: &str, line_start: usize, line_text: &str) -> Option<String> {
    let header = source[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && !l.starts_with("[["))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    let key = line_text
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('#'));
    match (header, key) {
        (Some(h), Some(k)) => Some(format!("{h}.{k}")),
        (None, Some(k)) => Some(k),
        (Some(_), None) if line_text.trim().starts_with('[') => None,
        (Some(h), None) => Some(h),
        (None, None) => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_default_is_the_code_default() {
        let parsed = Config::parse(DEFAULT_TOML, Path::new("config.toml")).unwrap();
        let default = Config::default();
        assert_eq!(parsed.colors, default.colors);
        assert_eq!(parsed.layout, default.layout);
        assert_eq!(parsed.sort, default.sort);
        assert_eq!(parsed.mouse, default.mouse);
        assert_eq!(parsed.keymap.table(), default.keymap.table());
    }

    #[test]
    fn colours_by_name_index_and_hex() {
        assert_eq!(
            ColorSpec::parse("Light-Blue"),
            Some(ColorSpec(Color::LightBlue))
        );
        assert_eq!(
            ColorSpec::parse("darkgrey"),
            Some(ColorSpec(Color::DarkGray))
        );
        assert_eq!(
            ColorSpec::parse("208"),
            Some(ColorSpec(Color::Indexed(208)))
        );
        assert_eq!(
            ColorSpec::parse("#ff8000"),
            Some(ColorSpec(Color::Rgb(255, 128, 0)))
        );
        assert_eq!(ColorSpec::parse("#ff80"), None);
        assert_eq!(ColorSpec::parse("reddish"), None);
    }

    #[test]
    fn a_bad_colour_names_line_key_and_value() {
        let src = "[colors]\nasserted = \"green\"\ndenied = \"rde\"\n";
        let err = Config::parse(src, Path::new("my.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (3, 10));
        assert!(err.message.contains("colors.denied"), "{}", err.message);
        assert!(err.message.contains("rde"), "{}", err.message);
        assert!(err.headline().starts_with("my.toml:3:10: error:"));
    }

    #[test]
    fn partial_config_keeps_other_defaults() {
        let src = "[keys]\nquit = [\"x\"]\n";
        let config = Config::parse(src, Path::new("c.toml")).unwrap();
        assert_eq!(config.keymap.label(Action::Quit), "x");
        assert_eq!(config.keymap.label(Action::Down), "j, down");
    }

    #[test]
    fn lookup_order_is_flag_cwd_xdg_home_then_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = dir.path().join("cwd");
        let xdg = dir.path().join("xdg");
        let home = dir.path().join("home");
        for d in [
            cwd.clone(),
            xdg.join("whosaid"),
            home.join(".config/whosaid"),
        ] {
            std::fs::create_dir_all(d).unwrap();
        }
        let env = |name: &str| match name {
            "XDG_CONFIG_HOME" => Some(xdg.clone().into_os_string()),
            "HOME" => Some(home.clone().into_os_string()),
            _ => None,
        };
        assert_eq!(locate(None, &cwd, &env), None);
        let home_file = home.join(".config/whosaid/config.toml");
        std::fs::write(&home_file, "").unwrap();
        assert_eq!(locate(None, &cwd, &env), Some(home_file));
        let xdg_file = xdg.join("whosaid/config.toml");
        std::fs::write(&xdg_file, "").unwrap();
        assert_eq!(locate(None, &cwd, &env), Some(xdg_file));
        let cwd_file = cwd.join("config.toml");
        std::fs::write(&cwd_file, "").unwrap();
        assert_eq!(locate(None, &cwd, &env), Some(cwd_file));
        let given = Path::new("given.toml");
        assert_eq!(locate(Some(given), &cwd, &env), Some(given.to_path_buf()));
    }
}
