//! Keys → commands: a key table per screen over a global one, built from the config,
//! and one pure function that reads them.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Everything a user can bind a key to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Back,
    NextPane,
    PrevPane,
    NextClaim,
    PrevClaim,
    Search,
    Export,
    Reload,
    Accept,
    Reject,
    AcceptAll,
    RejectAll,
    Undo,
    NextSuggested,
    PrevSuggested,
    SuggestionsOnly,
    Edit,
    OpenUrl,
    ToggleRead,
    Actors,
    Contested,
    ActorPage,
    Sort,
    ReverseSort,
    Help,
    Quit,
    /// In the search prompt: remove the last character typed.
    Erase,
    /// In the search prompt: complete the word typed (ids, tags, outlets, keys).
    Complete,
}

impl Action {
    pub const ALL: [Action; 35] = [
        Action::Up,
        Action::Down,
        Action::Top,
        Action::Bottom,
        Action::PageUp,
        Action::PageDown,
        Action::Open,
        Action::Back,
        Action::NextPane,
        Action::PrevPane,
        Action::NextClaim,
        Action::PrevClaim,
        Action::Search,
        Action::Export,
        Action::Reload,
        Action::Accept,
        Action::Reject,
        Action::AcceptAll,
        Action::RejectAll,
        Action::Undo,
        Action::NextSuggested,
        Action::PrevSuggested,
        Action::SuggestionsOnly,
        Action::Edit,
        Action::OpenUrl,
        Action::ToggleRead,
        Action::Actors,
        Action::Contested,
        Action::ActorPage,
        Action::Sort,
        Action::ReverseSort,
        Action::Help,
        Action::Quit,
        Action::Erase,
        Action::Complete,
    ];

    /// The name used in config.toml's key tables. An action that opens a screen is
    /// `open_<screen>`, as `[keys.<screen>]` names that screen's own table.
    pub fn name(self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Open => "open",
            Action::Back => "back",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::NextClaim => "next_claim",
            Action::PrevClaim => "prev_claim",
            Action::Search => "open_search",
            Action::Export => "open_export",
            Action::Reload => "reload",
            Action::Accept => "accept",
            Action::Reject => "reject",
            Action::AcceptAll => "accept_all",
            Action::RejectAll => "reject_all",
            Action::Undo => "undo",
            Action::NextSuggested => "next_suggested",
            Action::PrevSuggested => "prev_suggested",
            Action::SuggestionsOnly => "suggestions_only",
            Action::Edit => "edit",
            Action::OpenUrl => "open_url",
            Action::ToggleRead => "toggle_read",
            Action::Actors => "open_actors",
            Action::Contested => "open_contested",
            Action::ActorPage => "open_actor_page",
            Action::Sort => "sort",
            Action::ReverseSort => "reverse_sort",
            Action::Help => "open_help",
            Action::Quit => "quit",
            Action::Erase => "erase",
            Action::Complete => "complete",
        }
    }

    /// What the help overlay says it does.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Up => "move up / scroll up",
            Action::Down => "move down / scroll down",
            Action::Top => "go to the first line",
            Action::Bottom => "go to the last line",
            Action::PageUp => "one page up",
            Action::PageDown => "one page down",
            Action::Open => "open the selected article",
            Action::Back => "back where you came from / clear the search",
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::NextClaim => "next claim",
            Action::PrevClaim => "previous claim",
            Action::Search => "search and filter (the query language below)",
            Action::Export => "export what is in view",
            Action::Reload => "read every file again",
            Action::Accept => "accept the selected suggested claim",
            Action::Reject => "reject the selected suggested claim",
            Action::AcceptAll => "accept every suggested claim of the article",
            Action::RejectAll => "reject every suggested claim of the article",
            Action::Undo => "undo the last accept or reject",
            Action::NextSuggested => "next suggested claim (or article with suggestions)",
            Action::PrevSuggested => "previous suggested claim (or article)",
            Action::SuggestionsOnly => "list only articles with suggestions",
            Action::Edit => "open the file in $VISUAL / $EDITOR at the claim",
            Action::OpenUrl => "open the article's url in the browser",
            Action::ToggleRead => "mark the article read or unread",
            Action::Actors => "every actor of the corpus, with what each did",
            Action::Contested => "every contested claim of the corpus",
            Action::ActorPage => {
                "the page of the selected stance's actor (or the claim's subjects)"
            }
            Action::Sort => "sort by the next column",
            Action::ReverseSort => "reverse the sort",
            Action::Help => "show or hide this help",
            Action::Quit => "quit",
            Action::Erase => "erase the last character typed",
            Action::Complete => "complete the word typed (ids, tags, outlets)",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// One key with its modifiers, normalised so that `G` and `shift-g` are one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    code: KeyCode,
    mods: KeyModifiers,
}

impl KeyChord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> KeyChord {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // A character already says whether shift was held; terminals disagree on the flag.
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeyChord { code, mods }
    }

    pub fn of(event: &KeyEvent) -> KeyChord {
        KeyChord::new(event.code, event.modifiers)
    }
}

const NAMED: [(&str, KeyCode); 15] = [
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// Why a key name was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey(pub String);

impl fmt::Display for BadKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown key name `{}`: expected a character (`j`, `G`, `/`), a name (up, down, left, right, enter, esc, tab, backspace, home, end, pageup, pagedown, space, f1…f12) or a modifier and a key (`ctrl-c`, `alt-x`, `shift-tab`)",
            self.0
        )
    }
}

impl FromStr for KeyChord {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<KeyChord, BadKey> {
        let bad = || BadKey(s.to_string());
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        // A bare "-" is a key, so only strip prefixes that leave something behind.
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            mods |= flag;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                if lower == "space" {
                    KeyCode::Char(' ')
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=12).contains(&n) {
                        return Err(bad());
                    }
                    KeyCode::F(n)
                } else {
                    NAMED
                        .iter()
                        .find(|(name, _)| *name == lower)
                        .map(|(_, code)| *code)
                        .ok_or_else(bad)?
                }
            }
        };
        Ok(KeyChord::new(code, mods))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            code => {
                let name = NAMED.iter().find(|(_, c)| *c == code).map(|(n, _)| *n);
                f.write_str(name.unwrap_or("?"))
            }
        }
    }
}

impl KeyChord {
    /// A character typed without ctrl or alt: in a prompt it is input, not a command.
    pub fn is_typed(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

/// One action's keys, in the order the help shows them.
pub type Table = Vec<(Action, Vec<KeyChord>)>;

/// The screens and prompts a key can mean something different on. Each has a table
/// of its own in config.toml (`[keys.list]`, …) over the global `[keys]`.
///
/// A new screen is a variant here, its arm in [`Mode::spec`] and, in config.toml,
/// its (possibly empty) `[keys.<name>]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The article list (and the problems under it).
    List,
    /// An open article.
    Article,
    /// The `?` overlay.
    Help,
    /// Typing a search: characters go into the query.
    Search,
    /// The export prompt asks for a format: letters answer it.
    Export,
    /// A yes/no question (replace a file, review all suggestions): `y` or `n` answer.
    Confirm,
    /// Every actor of the corpus.
    Actors,
    /// One actor's page.
    ActorPage,
    /// Every contested claim.
    Contested,
    /// "Whose page?": digits or the arrows pick an actor.
    Pick,
}

/// What a mode is to key handling.
#[derive(Debug, Clone, Copy)]
pub struct ModeSpec {
    /// Its table's name in config.toml: `[keys.<name>]`.
    pub name: &'static str,
    /// How the help names it.
    pub title: &'static str,
    /// The actions it runs, in help order; a table may bind only these.
    pub actions: &'static [Action],
    /// Typed characters are its input: keys from the global table that are plain
    /// characters do not reach it (its own table may still bind one).
    pub typing: bool,
}

impl Mode {
    pub const ALL: [Mode; 10] = [
        Mode::List,
        Mode::Article,
        Mode::Help,
        Mode::Search,
        Mode::Export,
        Mode::Confirm,
        Mode::Actors,
        Mode::ActorPage,
        Mode::Contested,
        Mode::Pick,
    ];

    pub fn spec(self) -> ModeSpec {
        use Action::*;
        const LIST: &[Action] = &[
            Up,
            Down,
            Top,
            Bottom,
            PageUp,
            PageDown,
            Open,
            Back,
            NextPane,
            PrevPane,
            Search,
            Export,
            Reload,
            NextSuggested,
            PrevSuggested,
            SuggestionsOnly,
            Undo,
            Edit,
            ToggleRead,
            Actors,
            Contested,
            Help,
            Quit,
        ];
        const ARTICLE: &[Action] = &[
            Up,
            Down,
            Top,
            Bottom,
            PageUp,
            PageDown,
            Open,
            Back,
            NextPane,
            PrevPane,
            NextClaim,
            PrevClaim,
            Search,
            Export,
            Reload,
            Accept,
            Reject,
            AcceptAll,
            RejectAll,
            Undo,
            NextSuggested,
            PrevSuggested,
            SuggestionsOnly,
            Edit,
            OpenUrl,
            ToggleRead,
            Actors,
            Contested,
            ActorPage,
            Help,
            Quit,
        ];
        const HELP: &[Action] = &[Up, Down, Top, Bottom, PageUp, PageDown, Back, Help, Quit];
        const SEARCH: &[Action] = &[
            Open, Back, Erase, Complete, Up, Down, Top, Bottom, PageUp, PageDown, Quit,
        ];
        const EXPORT: &[Action] = &[Up, Down, Open, Back, Quit];
        const CONFIRM: &[Action] = &[Back, Quit];
        const ACTORS: &[Action] = &[
            Up,
            Down,
            Top,
            Bottom,
            PageUp,
            PageDown,
            Open,
            Back,
            Search,
            Sort,
            ReverseSort,
            Contested,
            Reload,
            Help,
            Quit,
        ];
        const ACTOR_PAGE: &[Action] = &[
            Up, Down, Top, Bottom, PageUp, PageDown, Open, Back, Search, Export, Actors, Contested,
            Reload, Help, Quit,
        ];
        const CONTESTED: &[Action] = &[
            Up, Down, Top, Bottom, PageUp, PageDown, Open, Back, Search, Export, Actors, Reload,
            Help, Quit,
        ];
        const PICK: &[Action] = &[Up, Down, Open, Back, Quit];
        let (name, title, actions, typing) = match self {
            Mode::List => ("list", "the article list", LIST, false),
            Mode::Article => ("article", "an article", ARTICLE, false),
            Mode::Help => ("help", "this help", HELP, false),
            Mode::Search => ("search", "the search prompt", SEARCH, true),
            Mode::Export => ("export", "the export prompt", EXPORT, true),
            Mode::Confirm => ("confirm", "a yes/no question", CONFIRM, true),
            Mode::Actors => ("actors", "the actors screen", ACTORS, false),
            Mode::ActorPage => ("actor_page", "an actor's page", ACTOR_PAGE, false),
            Mode::Contested => ("contested", "the contested claims", CONTESTED, false),
            Mode::Pick => ("pick", "the whose-page question", PICK, true),
        };
        ModeSpec {
            name,
            title,
            actions,
            typing,
        }
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    fn index(self) -> usize {
        Mode::ALL.iter().position(|m| *m == self).unwrap_or(0)
    }
}

/// One mode's live table: which action each key runs, and each action's keys in order.
#[derive(Debug, Clone, Default)]
pub struct Bindings {
    by_key: HashMap<KeyChord, Action>,
    by_action: Table,
}

impl Bindings {
    /// Builds the table; the caller has already checked that no key is bound twice.
    pub fn new(by_action: Table) -> Bindings {
        let by_key = by_action
            .iter()
            .flat_map(|(action, keys)| keys.iter().map(move |k| (*k, *action)))
            .collect();
        Bindings { by_key, by_action }
    }

    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        self.by_key.get(&KeyChord::of(event)).copied()
    }

    pub fn keys(&self, action: Action) -> &[KeyChord] {
        self.by_action
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The keys of `action` as the help and the status bar show them: `j, down`.
    pub fn label(&self, action: Action) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(ToString::to_string).collect();
        keys.join(", ")
    }

    /// The first key of `action`, or `-` when none is bound.
    pub fn first(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map_or_else(|| "-".to_string(), ToString::to_string)
    }

    /// Every action with its keys, in help order.
    pub fn table(&self) -> &[(Action, Vec<KeyChord>)] {
        &self.by_action
    }
}

/// Every mode's bindings: its own table over the global one, resolved once.
#[derive(Debug, Clone)]
pub struct Keymap {
    modes: Vec<Bindings>,
}

impl Keymap {
    /// Resolves each mode: an action its own table binds keeps those keys; any other
    /// action it runs takes the global keys, less the keys its own table binds (and,
    /// in a prompt, less plain characters, which type). Tables are already checked:
    /// each binds a key once, and only actions its mode runs.
    pub fn new(global: &Table, screens: &[(Mode, Table)]) -> Keymap {
        let modes = Mode::ALL
            .into_iter()
            .map(|mode| {
                let spec = mode.spec();
                let own: &[(Action, Vec<KeyChord>)] = screens
                    .iter()
                    .find(|(m, _)| *m == mode)
                    .map_or(&[], |(_, t)| t.as_slice());
                let taken: HashSet<KeyChord> =
                    own.iter().flat_map(|(_, k)| k.iter().copied()).collect();
                let table = spec
                    .actions
                    .iter()
                    .map(|&action| {
                        if let Some((_, keys)) = own.iter().find(|(a, _)| *a == action) {
                            return (action, keys.clone());
                        }
                        let keys = global
                            .iter()
                            .find(|(a, _)| *a == action)
                            .map(|(_, keys)| {
                                keys.iter()
                                    // Taken by the screen's own table, or typed there.
                                    .filter(|k| !(taken.contains(k) || spec.typing && k.is_typed()))
                                    .copied()
                                    .collect()
                            })
                            .unwrap_or_default();
                        (action, keys)
                    })
                    .collect();
                Bindings::new(table)
            })
            .collect();
        Keymap { modes }
    }

    /// What is bound in `mode`.
    pub fn get(&self, mode: Mode) -> &Bindings {
        &self.modes[mode.index()]
    }
}

/// What a key asks the reader to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Run(Action),
    SearchInput(char),
    SearchBackspace,
    /// Tab at the prompt: complete the word typed.
    SearchComplete,
    SearchAccept,
    SearchCancel,
    CloseHelp,
    /// A letter typed at the export prompt (`m`/`j`/`c`, `y`/`n`).
    PromptChar(char),
    /// Move the prompt's choice: negative is up.
    PromptMove(i8),
    PromptAccept,
    PromptCancel,
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A left click at a cell.
    Click(u16, u16),
    /// The wheel turned over a cell: negative is up.
    Wheel(i8, u16, u16),
}

/// Mouse events the reader reacts to (only when the config turns the mouse on).
pub fn mouse_command(event: &MouseEvent) -> Option<Command> {
    let (x, y) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Command::Click(x, y)),
        MouseEventKind::ScrollUp => Some(Command::Wheel(-1, x, y)),
        MouseEventKind::ScrollDown => Some(Command::Wheel(1, x, y)),
        _ => None,
    }
}

/// The one place keys are interpreted: the mode's table, then what a prompt does
/// with a key no table binds (types it, or closes help).
pub fn command(keymap: &Keymap, mode: Mode, event: &KeyEvent) -> Option<Command> {
    let action = keymap.get(mode).action(event);
    let typed = match event.code {
        KeyCode::Char(c) if KeyChord::of(event).is_typed() => Some(c),
        _ => None,
    };
    match mode {
        Mode::List | Mode::Article | Mode::Actors | Mode::ActorPage | Mode::Contested => {
            action.map(Command::Run)
        }
        Mode::Help => Some(action.map_or(Command::CloseHelp, Command::Run)),
        Mode::Search => match action {
            Some(Action::Back) => Some(Command::SearchCancel),
            Some(Action::Open) => Some(Command::SearchAccept),
            Some(Action::Erase) => Some(Command::SearchBackspace),
            Some(Action::Complete) => Some(Command::SearchComplete),
            Some(a) => Some(Command::Run(a)),
            None => typed.map(Command::SearchInput),
        },
        Mode::Export | Mode::Confirm | Mode::Pick => match action {
            Some(Action::Back) => Some(Command::PromptCancel),
            Some(Action::Open) => Some(Command::PromptAccept),
            Some(Action::Up) => Some(Command::PromptMove(-1)),
            Some(Action::Down) => Some(Command::PromptMove(1)),
            Some(a) => Some(Command::Run(a)),
            None => typed.map(Command::PromptChar),
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::tui::config::Config;
    use ratatui::crossterm::event::KeyEvent;
    use std::path::Path;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn keymap(toml: &str) -> Keymap {
        Config::parse(toml, Path::new("test.toml")).unwrap().keymap
    }

    fn builtin() -> Keymap {
        keymap("")
    }

    #[test]
    fn a_rebound_back_cancels_the_search_and_the_prompts_too() {
        let map = keymap("[keys]\nback = [\"ctrl-g\"]\n");
        let ctrl_g = key(KeyCode::Char('g'), KeyModifiers::CONTROL);
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Search, &ctrl_g),
            Some(Command::SearchCancel)
        );
        assert_eq!(
            command(&map, Mode::Export, &ctrl_g),
            Some(Command::PromptCancel)
        );
        assert_eq!(
            command(&map, Mode::Confirm, &ctrl_g),
            Some(Command::PromptCancel)
        );
        assert_eq!(
            command(&map, Mode::Article, &ctrl_g),
            Some(Command::Run(Action::Back))
        );
        // Esc is no longer bound to anything.
        assert_eq!(command(&map, Mode::Search, &esc), None);
        assert_eq!(command(&map, Mode::Export, &esc), None);
        // A plain letter still types into the search, whatever it is bound to.
        let g = key(KeyCode::Char('g'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Search, &g),
            Some(Command::SearchInput('g'))
        );
    }

    #[test]
    fn a_screen_table_overrides_the_global_one_on_that_screen_only() {
        let map =
            keymap("[keys.search]\nback = [\"ctrl-g\"]\n\n[keys.article]\nnext_claim = [\"j\"]\n");
        let ctrl_g = key(KeyCode::Char('g'), KeyModifiers::CONTROL);
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Search, &ctrl_g),
            Some(Command::SearchCancel)
        );
        assert_eq!(command(&map, Mode::Search, &esc), None);
        // Elsewhere the global table still rules.
        assert_eq!(command(&map, Mode::List, &ctrl_g), None);
        assert_eq!(
            command(&map, Mode::List, &esc),
            Some(Command::Run(Action::Back))
        );
        assert_eq!(
            command(&map, Mode::Export, &esc),
            Some(Command::PromptCancel)
        );
        // In the article, j is the next claim and no longer down; down keeps its arrow.
        assert_eq!(
            command(&map, Mode::Article, &j),
            Some(Command::Run(Action::NextClaim))
        );
        assert_eq!(map.get(Mode::Article).label(Action::Down), "down");
        assert_eq!(map.get(Mode::List).label(Action::Down), "j, down");
    }

    #[test]
    fn names_parse_and_print_back() {
        for name in [
            "j",
            "G",
            "/",
            "?",
            "ctrl-c",
            "shift-tab",
            "pagedown",
            "space",
            "f1",
            "alt-x",
            "-",
        ] {
            let chord: KeyChord = name.parse().unwrap();
            assert_eq!(chord.to_string(), name);
        }
        assert_eq!("shift-g".parse::<KeyChord>().unwrap(), "G".parse().unwrap());
        assert_eq!(
            "Enter".parse::<KeyChord>().unwrap(),
            "enter".parse().unwrap()
        );
        for bad in ["", "ctrl-", "jj", "pgdn", "f13", "ctrl-nothing"] {
            assert!(bad.parse::<KeyChord>().is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn shift_flag_on_characters_does_not_matter() {
        let map = builtin();
        let list = map.get(Mode::List);
        let plain = key(KeyCode::Char('G'), KeyModifiers::NONE);
        let shifted = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(list.action(&plain), Some(Action::Bottom));
        assert_eq!(list.action(&shifted), Some(Action::Bottom));
        let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(list.action(&backtab), Some(Action::PrevPane));
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        let map = builtin();
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in Mode::ALL {
            assert_eq!(
                command(&map, mode, &ctrl_c),
                Some(Command::Run(Action::Quit)),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn typing_a_search_does_not_run_bound_letters() {
        let map = builtin();
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::List, &q),
            Some(Command::Run(Action::Quit))
        );
        assert_eq!(
            command(&map, Mode::Search, &q),
            Some(Command::SearchInput('q'))
        );
        let cases = [
            (KeyCode::Down, Command::Run(Action::Down)),
            (KeyCode::Esc, Command::SearchCancel),
            (KeyCode::Enter, Command::SearchAccept),
            (KeyCode::Backspace, Command::SearchBackspace),
            (KeyCode::Char(' '), Command::SearchInput(' ')),
        ];
        for (code, want) in cases {
            let event = key(code, KeyModifiers::NONE);
            assert_eq!(command(&map, Mode::Search, &event), Some(want), "{code:?}");
        }
    }

    #[test]
    fn any_unbound_key_closes_help_and_bound_ones_run() {
        let map = builtin();
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(command(&map, Mode::Help, &x), Some(Command::CloseHelp));
        let help = key(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Help, &help),
            Some(Command::Run(Action::Help))
        );
        let k = key(KeyCode::Char('k'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Help, &k),
            Some(Command::Run(Action::Up))
        );
    }

    #[test]
    fn several_keys_per_action_and_labels_follow_the_table() {
        let j: KeyChord = "j".parse().unwrap();
        let x: KeyChord = "x".parse().unwrap();
        let map = Bindings::new(vec![(Action::Down, vec![j, x])]);
        assert_eq!(
            map.action(&key(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(map.label(Action::Down), "j, x");
        assert_eq!(
            map.action(&key(KeyCode::Char('k'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn at_the_export_prompt_letters_answer_it_and_arrows_move() {
        let map = builtin();
        let none = KeyModifiers::NONE;
        let cases = [
            (KeyCode::Char('j'), Some(Command::PromptChar('j'))),
            (KeyCode::Char('q'), Some(Command::PromptChar('q'))),
            (KeyCode::Down, Some(Command::PromptMove(1))),
            (KeyCode::Right, Some(Command::PromptMove(1))),
            (KeyCode::Tab, Some(Command::PromptMove(1))),
            (KeyCode::Up, Some(Command::PromptMove(-1))),
            (KeyCode::Left, Some(Command::PromptMove(-1))),
            (KeyCode::BackTab, Some(Command::PromptMove(-1))),
            (KeyCode::Enter, Some(Command::PromptAccept)),
            (KeyCode::Esc, Some(Command::PromptCancel)),
            (KeyCode::F(1), None),
        ];
        for (code, want) in cases {
            assert_eq!(
                command(&map, Mode::Export, &key(code, none)),
                want,
                "{code:?}"
            );
        }
    }
}
