//! Keys → commands: one table built from the config, one pure function that reads it.

use std::collections::HashMap;
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
}

impl Action {
    pub const ALL: [Action; 33] = [
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
    ];

    /// The name used in `[keys]` of config.toml.
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
            Action::Search => "search",
            Action::Export => "export",
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
            Action::Actors => "actors",
            Action::Contested => "contested",
            Action::ActorPage => "actor_page",
            Action::Sort => "sort",
            Action::ReverseSort => "reverse_sort",
            Action::Help => "help",
            Action::Quit => "quit",
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
            Action::Sort => "actors: sort by the next column",
            Action::ReverseSort => "actors: reverse the sort",
            Action::Help => "show or hide this help",
            Action::Quit => "quit",
        }
    }

    /// The keys bound when config.toml does not say otherwise (mirrored in config.toml).
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::Up => &["k", "up"],
            Action::Down => &["j", "down"],
            Action::Top => &["g", "home"],
            Action::Bottom => &["G", "end"],
            Action::PageUp => &["pageup", "ctrl-b"],
            Action::PageDown => &["pagedown", "ctrl-f", "space"],
            Action::Open => &["enter"],
            Action::Back => &["esc"],
            Action::NextPane => &["tab"],
            Action::PrevPane => &["shift-tab"],
            Action::NextClaim => &["n"],
            Action::PrevClaim => &["N"],
            Action::Search => &["/"],
            Action::Export => &["e"],
            Action::Reload => &["r"],
            Action::Accept => &["a"],
            Action::Reject => &["x"],
            Action::AcceptAll => &["A"],
            Action::RejectAll => &["X"],
            Action::Undo => &["u"],
            Action::NextSuggested => &["]"],
            Action::PrevSuggested => &["["],
            Action::SuggestionsOnly => &["S"],
            Action::Edit => &["E"],
            Action::OpenUrl => &["o"],
            Action::ToggleRead => &["m"],
            Action::Actors => &["W"],
            Action::Contested => &["C"],
            Action::ActorPage => &["w"],
            Action::Sort => &["s"],
            Action::ReverseSort => &["R"],
            Action::Help => &["?", "f1"],
            Action::Quit => &["q", "ctrl-c"],
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

/// The live key table: which action each key runs, and each action's keys in order.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<KeyChord, Action>,
    by_action: Vec<(Action, Vec<KeyChord>)>,
}

impl Keymap {
    /// Builds the table; the caller has already checked that no key is bound twice.
    pub fn new(by_action: Vec<(Action, Vec<KeyChord>)>) -> Keymap {
        let by_key = by_action
            .iter()
            .flat_map(|(action, keys)| keys.iter().map(move |k| (*k, *action)))
            .collect();
        Keymap { by_key, by_action }
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

    /// Every action with its keys, in help order.
    pub fn table(&self) -> &[(Action, Vec<KeyChord>)] {
        &self.by_action
    }
}

impl Default for Keymap {
    fn default() -> Keymap {
        let by_action = Action::ALL
            .into_iter()
            .map(|a| {
                let keys = a
                    .default_keys()
                    .iter()
                    .filter_map(|k| k.parse().ok())
                    .collect();
                (a, keys)
            })
            .collect();
        Keymap::new(by_action)
    }
}

/// What the reader is doing, as far as key handling cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search: characters go into the query.
    Search,
    /// The help overlay is open.
    Help,
    /// The export prompt asks for a format or whether to overwrite: letters answer it.
    Prompt,
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

/// The one place keys are interpreted.
pub fn command(keymap: &Keymap, mode: Mode, event: &KeyEvent) -> Option<Command> {
    let action = keymap.action(event);
    match mode {
        Mode::Normal => action.map(Command::Run),
        Mode::Search => {
            let plain = !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            // Letters type; a key bound to `back` or `open` that is not a letter
            // (say ctrl-g) cancels or keeps the search, as Esc and Enter always do.
            match (event.code, action) {
                (KeyCode::Char(c), _) if plain => Some(Command::SearchInput(c)),
                (KeyCode::Esc, _) | (_, Some(Action::Back)) => Some(Command::SearchCancel),
                (KeyCode::Enter, _) | (_, Some(Action::Open)) => Some(Command::SearchAccept),
                (KeyCode::Backspace, _) => Some(Command::SearchBackspace),
                (KeyCode::Tab, _) => Some(Command::SearchComplete),
                _ => action.map(Command::Run),
            }
        }
        Mode::Help => match action {
            Some(a @ (Action::Quit | Action::Up | Action::Down)) => Some(Command::Run(a)),
            Some(a @ (Action::PageUp | Action::PageDown | Action::Top | Action::Bottom)) => {
                Some(Command::Run(a))
            }
            _ => Some(Command::CloseHelp),
        },
        Mode::Prompt => {
            let plain = !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match event.code {
                KeyCode::Esc => Some(Command::PromptCancel),
                KeyCode::Enter => Some(Command::PromptAccept),
                // A rebound `back` or `open` that is not a letter (letters answer).
                _ if !(plain && matches!(event.code, KeyCode::Char(_)))
                    && action == Some(Action::Back) =>
                {
                    Some(Command::PromptCancel)
                }
                _ if !(plain && matches!(event.code, KeyCode::Char(_)))
                    && action == Some(Action::Open) =>
                {
                    Some(Command::PromptAccept)
                }
                KeyCode::Up | KeyCode::Left | KeyCode::BackTab => Some(Command::PromptMove(-1)),
                KeyCode::Down | KeyCode::Right | KeyCode::Tab => Some(Command::PromptMove(1)),
                KeyCode::Char(c) if plain => Some(Command::PromptChar(c)),
                // Ctrl-C and the like still quit.
                _ => action.filter(|a| *a == Action::Quit).map(Command::Run),
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn a_rebound_back_cancels_the_search_and_the_prompt_too() {
        let mut table = Keymap::default().table().to_vec();
        for (action, keys) in &mut table {
            if *action == Action::Back {
                keys.push("ctrl-g".parse().unwrap());
            }
        }
        let map = Keymap::new(table);
        let ctrl_g = key(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(
            command(&map, Mode::Search, &ctrl_g),
            Some(Command::SearchCancel)
        );
        assert_eq!(
            command(&map, Mode::Prompt, &ctrl_g),
            Some(Command::PromptCancel)
        );
        // A plain letter still types into the search, whatever it is bound to.
        let g = key(KeyCode::Char('g'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Search, &g),
            Some(Command::SearchInput('g'))
        );
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
        let map = Keymap::default();
        let plain = key(KeyCode::Char('G'), KeyModifiers::NONE);
        let shifted = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map.action(&plain), Some(Action::Bottom));
        assert_eq!(map.action(&shifted), Some(Action::Bottom));
        let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.action(&backtab), Some(Action::PrevPane));
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        let map = Keymap::default();
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Search, Mode::Help, Mode::Prompt] {
            assert_eq!(
                command(&map, mode, &ctrl_c),
                Some(Command::Run(Action::Quit))
            );
        }
    }

    #[test]
    fn typing_a_search_does_not_run_bound_letters() {
        let map = Keymap::default();
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Normal, &q),
            Some(Command::Run(Action::Quit))
        );
        assert_eq!(
            command(&map, Mode::Search, &q),
            Some(Command::SearchInput('q'))
        );
        let down = key(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Search, &down),
            Some(Command::Run(Action::Down))
        );
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            command(&map, Mode::Search, &esc),
            Some(Command::SearchCancel)
        );
    }

    #[test]
    fn any_other_key_closes_help() {
        let map = Keymap::default();
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(command(&map, Mode::Help, &x), Some(Command::CloseHelp));
        let help = key(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(command(&map, Mode::Help, &help), Some(Command::CloseHelp));
    }

    #[test]
    fn several_keys_per_action_and_labels_follow_the_table() {
        let j: KeyChord = "j".parse().unwrap();
        let x: KeyChord = "x".parse().unwrap();
        let map = Keymap::new(vec![(Action::Down, vec![j, x])]);
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
        let map = Keymap::default();
        let none = KeyModifiers::NONE;
        let cases = [
            (KeyCode::Char('j'), Some(Command::PromptChar('j'))),
            (KeyCode::Char('q'), Some(Command::PromptChar('q'))),
            (KeyCode::Down, Some(Command::PromptMove(1))),
            (KeyCode::Up, Some(Command::PromptMove(-1))),
            (KeyCode::Enter, Some(Command::PromptAccept)),
            (KeyCode::Esc, Some(Command::PromptCancel)),
            (KeyCode::F(1), None),
        ];
        for (code, want) in cases {
            assert_eq!(
                command(&map, Mode::Prompt, &key(code, none)),
                want,
                "{code:?}"
            );
        }
    }
}
