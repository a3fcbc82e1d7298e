//! The reader's settings from config.toml: where the file is found, what it may say,
//! and errors that name the file, line, key and bad value.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::{Diagnostic, Severity};
use ratatui::style::Color;
use serde::Deserialize;
use serde::de::{self, Deserializer};
use toml::Spanned;

use super::keymap::{Action, KeyChord, Keymap, Mode, Table};

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

/// A section of the file whose every field may be left out. Declares the settings
/// struct and the struct the file is read into, whose `over` takes what a field leaves
/// out from the layer below (the embedded config.toml, the only default).
macro_rules! section {
    ($(#[$meta:meta])* $name:ident, $file:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct $file {
            $($field: Option<$ty>,)*
        }

        impl $file {
            /// These values over `base`; without a base (the embedded file itself)
            /// every field must be given: `Err` names the first one missing.
            fn over(self, base: Option<&$name>) -> Result<$name, &'static str> {
                Ok($name {
                    $($field: match (self.$field, base) {
                        (Some(v), _) => v,
                        (None, Some(b)) => b.$field.clone(),
                        (None, None) => return Err(stringify!($field)),
                    },)*
                })
            }
        }
    };
}

section! {
    /// Colours by meaning; each is also carried by a label or a text style.
    Colors, ColorsFile {
        asserted: ColorSpec,
        denied: ColorSpec,
        contested: ColorSpec,
        unattributed: ColorSpec,
        claim: ColorSpec,
        selection: ColorSpec,
        focus: ColorSpec,
        dim: ColorSpec,
        error: ColorSpec,
        warning: ColorSpec,
    }
}

section! {
    /// Pane sizes and the widths at which the article view changes shape.
    Layout, LayoutFile {
        body_percent: Percent,
        claims_percent: Percent,
        problems_percent: Percent,
        split_min_width: u16,
        stack_min_width: u16,
        stack_min_height: u16,
    }
}

section! {
    /// `[list]`: how the article list is ordered.
    ListSection, ListFile {
        sort: Sort,
    }
}

section! {
    /// `[export]`: where the export key writes.
    ExportSection, ExportFile {
        folder: PathBuf,
    }
}

/// The file as written; `keys` is checked by hand so errors can point at the action name.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawConfig {
    mouse: Option<bool>,
    list: ListFile,
    layout: LayoutFile,
    colors: ColorsFile,
    keys: KeysFile,
    export: ExportFile,
    /// Subscriptions, read by `whosaid refresh`; accepted (and typed) here so
    /// one file serves both.
    #[serde(rename = "feeds")]
    _feeds: Vec<crate::import::subscriptions::Subscription>,
}

/// A name with where it was written, and its list of key names.
type RawBinding = (Spanned<String>, Vec<Spanned<String>>);

/// `[keys]` as written: actions bound on every screen, and `[keys.<screen>]` tables.
#[derive(Debug, Default)]
struct KeysFile {
    global: Vec<RawBinding>,
    screens: Vec<(Spanned<String>, Vec<RawBinding>)>,
}

/// One entry of `[keys]`: an action's list of keys, or a screen's table.
enum KeysEntry {
    Keys(Vec<Spanned<String>>),
    Table(Vec<RawBinding>),
}

impl<'de> Deserialize<'de> for KeysEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = KeysEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of keys, or a screen's table of actions and keys")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeysEntry, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element()? {
                    keys.push(k);
                }
                Ok(KeysEntry::Keys(keys))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<KeysEntry, A::Error> {
                let mut table = Vec::new();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    table.push((name, map.next_value()?));
                }
                Ok(KeysEntry::Table(table))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for KeysFile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = KeysFile;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of actions and screens")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<KeysFile, A::Error> {
                let mut file = KeysFile::default();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    match map.next_value()? {
                        KeysEntry::Keys(keys) => file.global.push((name, keys)),
                        KeysEntry::Table(table) => file.screens.push((name, table)),
                    }
                }
                Ok(file)
            }
        }
        d.deserialize_map(V)
    }
}

/// The key tables a layer leaves: the global one and each screen's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyTables {
    pub global: Table,
    pub screens: Vec<(Mode, Table)>,
}

/// The settings the reader runs with.
#[derive(Debug, Clone)]
pub struct Config {
    pub mouse: bool,
    pub sort: Sort,
    pub layout: Layout,
    pub colors: Colors,
    /// The tables as configured, before each screen is resolved over the global one.
    pub keys: KeyTables,
    /// What each screen binds: its own table over the global one.
    pub keymap: Keymap,
    pub export_folder: PathBuf,
}

/// A config that cannot be used, as a compiler-style diagnostic.
pub type ConfigError = Diagnostic;

impl Config {
    /// The embedded config.toml, the only default: it must give every setting.
    pub fn builtin() -> Result<Config, ConfigError> {
        Config::layer(DEFAULT_TOML, Path::new(BUILTIN_NAME), None)
    }

    /// Reads `source` (named `path` in errors); every setting not given keeps the
    /// embedded config.toml's value.
    pub fn parse(source: &str, path: &Path) -> Result<Config, ConfigError> {
        let base = Config::builtin()?;
        Config::layer(source, path, Some(&base))
    }

    /// `source` over `base` (none for the embedded file itself).
    fn layer(source: &str, path: &Path, base: Option<&Config>) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            error_at(source, path, span, e.message())
        })?;
        let keys = build_keys(&raw.keys, base.map(|b| &b.keys), source, path)?;
        let missing = |what: &str| {
            let message = format!("the built-in configuration leaves out `{what}`");
            error_at(source, path, 0..0, &message)
        };
        let list = raw
            .list
            .over(base.map(|b| ListSection { sort: b.sort }).as_ref())
            .map_err(|f| missing(&format!("list.{f}")))?;
        let export = raw
            .export
            .over(
                base.map(|b| ExportSection {
                    folder: b.export_folder.clone(),
                })
                .as_ref(),
            )
            .map_err(|f| missing(&format!("export.{f}")))?;
        Ok(Config {
            mouse: match (raw.mouse, base) {
                (Some(m), _) => m,
                (None, Some(b)) => b.mouse,
                (None, None) => return Err(missing("mouse")),
            },
            sort: list.sort,
            layout: raw
                .layout
                .over(base.map(|b| &b.layout))
                .map_err(|f| missing(&format!("layout.{f}")))?,
            colors: raw
                .colors
                .over(base.map(|b| &b.colors))
                .map_err(|f| missing(&format!("colors.{f}")))?,
            keymap: Keymap::new(&keys.global, &keys.screens),
            keys,
            export_folder: export.folder,
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
            None => Ok((Config::builtin()?, "built-in defaults".to_string())),
        }
    }
}

/// How errors in the embedded file name it.
const BUILTIN_NAME: &str = "<built-in config.toml>";

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

/// One table as a file writes it, checked: actions with their keys and places.
type Written = Vec<(Action, Vec<BoundKey>)>;

/// `[keys]` of a file over the tables of `base` (none for the embedded file).
fn build_keys(
    file: &KeysFile,
    base: Option<&KeyTables>,
    source: &str,
    path: &Path,
) -> Result<KeyTables, ConfigError> {
    let err = |span, message: String| error_at(source, path, span, &message);
    let empty = Vec::new();
    let mut global = Vec::new();
    for (name, keys) in &file.global {
        let Some(action) = Action::from_name(name.get_ref()) else {
            let n = name.get_ref();
            if Mode::from_name(n).is_some() {
                let opener = Action::from_name(&format!("open_{n}"))
                    .map(|a| format!("; the action that opens it is `{}`", a.name()))
                    .unwrap_or_default();
                let message = format!("`{n}` is a screen: give it a table, `[keys.{n}]`{opener}");
                return Err(err(name.span(), message));
            }
            return Err(err(name.span(), unknown_action(n, None)));
        };
        global.push((action, chords(keys, source, path)?));
    }
    let base_global = base.map_or(&empty, |b| &b.global);
    let global = merge(base_global, &global, source, path)?;
    let mut written_screens: Vec<(Mode, Written)> = Vec::new();
    for (name, table) in &file.screens {
        let Some(mode) = Mode::from_name(name.get_ref()) else {
            let n = name.get_ref();
            let message = if Action::from_name(n).is_some() {
                format!("`{n}` is an action: expected a list of keys, such as {n} = [\"x\"]")
            } else {
                let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
                format!(
                    "unknown screen `{n}`{}, expected an action or one of the screens {}",
                    did_you_mean(n, &names),
                    names.join(", ")
                )
            };
            return Err(err(name.span(), message));
        };
        let mut written = Vec::new();
        for (action_name, keys) in table {
            let Some(action) = Action::from_name(action_name.get_ref()) else {
                let message = unknown_action(action_name.get_ref(), Some(mode));
                return Err(err(action_name.span(), message));
            };
            if !mode.spec().actions.contains(&action) {
                let runs: Vec<&str> = mode.spec().actions.iter().map(|a| a.name()).collect();
                let message = format!(
                    "`{}` does nothing in {}, which runs: {}",
                    action.name(),
                    mode.spec().title,
                    runs.join(", ")
                );
                return Err(err(action_name.span(), message));
            }
            written.push((action, chords(keys, source, path)?));
        }
        written_screens.push((mode, written));
    }
    // Each screen: the base's table with this file's entries over it.
    let mut screens = Vec::new();
    for mode in Mode::ALL {
        let base_table = base
            .and_then(|b| b.screens.iter().find(|(m, _)| *m == mode))
            .map_or(&empty, |(_, t)| t);
        let mine = written_screens
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&Vec::new(), |(_, w)| w)
            .clone();
        let merged = merge(base_table, &mine, source, path)?;
        if !merged.is_empty() {
            screens.push((mode, merged));
        }
    }
    Ok(KeyTables { global, screens })
}

/// The keys of one entry, parsed.
fn chords(
    keys: &[Spanned<String>],
    source: &str,
    path: &Path,
) -> Result<Vec<BoundKey>, ConfigError> {
    keys.iter()
        .map(|key| {
            let chord: KeyChord = key.get_ref().parse().map_err(|e: super::keymap::BadKey| {
                error_at(source, path, key.span(), &e.to_string())
            })?;
            Ok((chord, key.span()))
        })
        .collect()
}

fn did_you_mean(name: &str, names: &[&str]) -> String {
    names
        .iter()
        .find(|n| strsim::levenshtein(n, name) <= 2)
        .map(|n| format!(" (did you mean `{n}`?)"))
        .unwrap_or_default()
}

/// An unknown action name, with the nearest one and the list to choose from.
fn unknown_action(name: &str, mode: Option<Mode>) -> String {
    let names: Vec<&str> = match mode {
        Some(m) => m.spec().actions.iter().map(|a| a.name()).collect(),
        None => Action::ALL.iter().map(|a| a.name()).collect(),
    };
    let mut message = format!(
        "unknown action `{name}`{}, expected one of {}",
        did_you_mean(name, &names),
        names.join(", ")
    );
    if mode.is_none() {
        let screens: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
        message.push_str(&format!(", or a screen's table: {}", screens.join(", ")));
    }
    message
}

/// `mine` over `base`: an action `mine` binds takes exactly those keys; a key `mine`
/// binds is taken from any action it leaves alone (a configuration stays valid when a
/// new version binds more keys); then each key may run one action only.
fn merge(base: &Table, mine: &Written, source: &str, path: &Path) -> Result<Table, ConfigError> {
    let mut table: Table = base.clone();
    for (action, keys) in mine {
        let keys: Vec<KeyChord> = keys.iter().map(|(c, _)| *c).collect();
        match table.iter_mut().find(|(a, _)| a == action) {
            Some(slot) => slot.1 = keys,
            None => table.push((*action, keys)),
        }
    }
    let taken: HashSet<KeyChord> = mine
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(c, _)| *c))
        .collect();
    for (action, keys) in &mut table {
        if !mine.iter().any(|(a, _)| a == action) {
            keys.retain(|k| !taken.contains(k));
        }
    }
    // One key, one action: a key bound twice would silently lose one binding.
    for (action, keys) in mine {
        for (key, span) in keys {
            let owners: Vec<&str> = table
                .iter()
                .filter(|(_, ks)| ks.contains(key))
                .map(|(a, _)| a.name())
                .collect();
            if owners.len() > 1 {
                let message = format!(
                    "key `{key}` in `{}` is bound to several actions: {}",
                    action.name(),
                    owners.join(", ")
                );
                return Err(error_at(source, path, span.clone(), &message));
            }
        }
    }
    // Help lists actions in the order the reader knows them.
    table.sort_by_key(|(a, _)| Action::ALL.iter().position(|b| b == a));
    Ok(table)
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
    fn the_embedded_file_gives_every_setting_and_binds_every_action() {
        let config = Config::builtin().unwrap();
        // Values as config.toml writes them, restated here.
        assert!(!config.mouse);
        assert_eq!(config.sort, Sort::Newest);
        assert_eq!(config.colors.denied, ColorSpec(Color::Red));
        assert_eq!(config.colors.selection, ColorSpec(Color::Indexed(236)));
        assert_eq!(config.layout.body_percent, Percent(55));
        assert_eq!(config.layout.stack_min_height, 20);
        assert_eq!(config.export_folder, PathBuf::from("exports"));
        let list = config.keymap.get(Mode::List);
        assert_eq!(list.label(Action::Down), "j, down");
        assert_eq!(list.label(Action::Quit), "q, ctrl-c");
        let export = config.keymap.get(Mode::Export);
        assert_eq!(export.label(Action::Up), "up, left, shift-tab");
        // Every action has a key on some screen, and every screen a way out.
        for action in Action::ALL {
            let bound = Mode::ALL
                .iter()
                .any(|m| !config.keymap.get(*m).keys(action).is_empty());
            assert!(bound, "{} is bound nowhere", action.name());
        }
        for mode in Mode::ALL {
            let ways_out = [Action::Back, Action::Quit];
            let bindings = config.keymap.get(mode);
            assert!(
                ways_out.iter().all(|a| !bindings.keys(*a).is_empty()),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn a_file_missing_from_the_embedded_one_is_named() {
        let src = "mouse = true\n[list]\nsort = \"id\"\n[export]\nfolder = \"x\"\n";
        let err = Config::layer(src, Path::new("x.toml"), None).unwrap_err();
        assert!(
            err.message.contains("leaves out `layout.body_percent`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn screen_and_action_names_never_meet() {
        for mode in Mode::ALL {
            assert_eq!(Action::from_name(mode.name()), None, "{}", mode.name());
        }
    }

    #[test]
    fn a_screen_table_binds_only_what_the_screen_runs() {
        let src = "[keys.help]\naccept = [\"a\"]\n";
        let err = Config::parse(src, Path::new("c.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.contains("keys.help.accept"), "{}", err.message);
        assert!(err.message.contains("does nothing"), "{}", err.message);
        let src = "[keys]\nhelp = [\"h\"]\n";
        let err = Config::parse(src, Path::new("c.toml")).unwrap_err();
        assert!(err.message.contains("open_help"), "{}", err.message);
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
        let list = config.keymap.get(Mode::List);
        assert_eq!(list.label(Action::Quit), "x");
        assert_eq!(list.label(Action::Down), "j, down");
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
