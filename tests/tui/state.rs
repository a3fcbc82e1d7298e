//! The reader's state and screens, with no terminal: keys → commands → state, and
//! screens drawn into ratatui's TestBackend.

use crate::support::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use whosaid::model::ArticleId;
use whosaid::tui::app::Screen;
use whosaid::tui::config::Config;
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::layout::Pane;

#[test]
fn list_is_newest_first_with_undated_last() {
    let app = app(80, 24);
    let ids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.library.row(i).unwrap().id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "asia/湊ヶ丘-会見",
            "world/kremlin-call",
            "evil",
            "misc/undated"
        ]
    );
}

#[test]
fn j_k_g_and_shift_g_move_the_selection_within_bounds() {
    let mut app = app(80, 24);
    run(&mut app, &[Action::Up]);
    assert_eq!(app.selected, 0);
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.selected, 2);
    run(&mut app, &[Action::Bottom, Action::Down]);
    assert_eq!(app.selected, 3);
    run(&mut app, &[Action::Top]);
    assert_eq!(app.selected, 0);
}

#[test]
fn enter_opens_and_esc_returns_to_the_same_row() {
    let mut app = app(80, 24);
    select(&mut app, "world/kremlin-call");
    run(&mut app, &[Action::Open]);
    let view = app.open_view().unwrap();
    assert_eq!(view.focus, Pane::Claims);
    assert_eq!(view.claim, 0);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen, Screen::List);
    assert_eq!(
        app.selected_row().unwrap().id.as_str(),
        "world/kremlin-call"
    );
}

#[test]
fn n_and_shift_n_step_through_claims_and_tab_cycles_panes() {
    let mut app = app(80, 24);
    select(&mut app, "world/kremlin-call");
    run(
        &mut app,
        &[
            Action::Open,
            Action::NextClaim,
            Action::NextClaim,
            Action::NextClaim,
        ],
    );
    assert_eq!(app.open_view().unwrap().claim, 2);
    run(&mut app, &[Action::PrevClaim]);
    assert_eq!(app.open_view().unwrap().claim, 1);
    run(&mut app, &[Action::NextPane]);
    assert_eq!(app.open_view().unwrap().focus, Pane::Asserted);
    run(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.open_view().unwrap().focus, Pane::Body);
    run(&mut app, &[Action::PrevPane]);
    assert_eq!(app.open_view().unwrap().focus, Pane::Denied);
}

#[test]
fn search_filters_as_you_type_over_titles_bodies_statements_and_actors() {
    let mut app = app(80, 24);
    let type_in = |app: &mut whosaid::tui::app::App, s: &str| {
        app.update(Command::Run(Action::Search));
        for c in s.chars() {
            app.update(Command::SearchInput(c));
        }
    };
    type_in(&mut app, "PESKOV");
    assert_eq!(
        app.visible.len(),
        1,
        "actor names and body, case-insensitive"
    );
    app.update(Command::SearchCancel);
    assert_eq!(app.visible.len(), 4);
    type_in(&mut app, "存在し");
    assert_eq!(app.selected_row().unwrap().id.as_str(), "asia/湊ヶ丘-会見");
    app.update(Command::SearchBackspace);
    app.update(Command::SearchAccept);
    assert!(!app.search.typing);
    assert_eq!(app.search.query, "存在");
    type_in(&mut app, "zzz");
    assert!(app.visible.is_empty());
    // Accents fold both ways: "zoe's cafe" finds "Zoë's café", "cafè" finds it too.
    app.update(Command::SearchCancel);
    type_in(&mut app, "zoe's cafe");
    assert_eq!(app.selected_row().unwrap().id.as_str(), "asia/湊ヶ丘-会見");
    app.update(Command::SearchCancel);
    type_in(&mut app, "cafè");
    assert_eq!(app.visible.len(), 1);
    app.update(Command::SearchCancel);
    type_in(&mut app, "zzz");
    // Esc in normal mode clears the filter too.
    app.update(Command::SearchAccept);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.visible.len(), 4);
}

#[test]
fn searching_keeps_the_selected_article_when_it_still_matches() {
    let mut app = app(80, 24);
    select(&mut app, "world/kremlin-call");
    app.update(Command::Run(Action::Search));
    app.update(Command::SearchInput('t'));
    assert_eq!(
        app.selected_row().unwrap().id.as_str(),
        "world/kremlin-call"
    );
}

#[test]
fn selecting_a_claim_scrolls_its_quote_into_view() {
    // A tiny terminal so the body must scroll: tabs, body pane 36 columns wide.
    let mut app = app(40, 12);
    select(&mut app, "world/kremlin-call");
    run(&mut app, &[Action::Open, Action::NextClaim]);
    let scroll = app.open_view().unwrap().body_scroll;
    assert!(
        scroll > 0,
        "the second claim's quote is near the end of the body"
    );
    run(
        &mut app,
        &[Action::NextPane, Action::NextPane, Action::NextPane],
    );
    let screen = text(&draw(&app));
    assert!(screen.contains("no plans"), "{screen}");
}

#[test]
fn resize_keeps_selection_and_scroll() {
    let mut app = app(80, 24);
    select(&mut app, "evil");
    run(&mut app, &[Action::Open]);
    let before = app.open_view().unwrap().clone();
    app.update(Command::Resize(200, 50));
    app.update(Command::Resize(40, 12));
    assert_eq!(app.open_view().unwrap(), &before);
}

#[test]
fn q_quits_and_help_toggles() {
    let mut app = app(80, 24);
    run(&mut app, &[Action::Help]);
    assert!(app.help);
    assert_eq!(app.update(Command::CloseHelp), None);
    assert!(!app.help);
    assert_eq!(
        app.update(Command::Run(Action::Quit)),
        Some(whosaid::tui::app::Effect::Quit)
    );
}

#[test]
fn no_string_reaches_the_screen_with_a_control_character() {
    for (w, h) in [(80, 24), (200, 50), (40, 12)] {
        let mut app = app(w, h);
        select(&mut app, "evil");
        for actions in [
            &[][..],
            &[Action::Open][..],
            &[Action::NextPane][..],
            &[Action::NextPane][..],
        ] {
            run(&mut app, actions);
            let buf = draw(&app).backend().buffer().clone();
            for cell in buf.content() {
                assert!(
                    !cell.symbol().chars().any(char::is_control),
                    "{:?} at {w}x{h}",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn the_mouse_selects_and_opens_only_when_the_config_turns_it_on() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    // A left click on the third article row: the border is row 0, the header row 1.
    let press = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 4,
        modifiers: KeyModifiers::NONE,
    };
    let click = whosaid::tui::keymap::mouse_command(&press).unwrap();
    assert_eq!(click, Command::Click(10, 4));

    let mut off = app(80, 24);
    off.update(click);
    assert_eq!(
        off.selected, 0,
        "the mouse is off unless the config turns it on"
    );

    let config = Config::parse("mouse = true\n", std::path::Path::new("m.toml")).unwrap();
    let mut on = app_with(fixtures(false), config, 80, 24);
    on.update(click);
    assert_eq!(on.selected, 2);
    assert_eq!(on.screen, Screen::List);
    on.update(click);
    assert!(
        matches!(on.screen, Screen::Article(_)),
        "a second click opens"
    );
}

/// The ids of the list as shown, top to bottom.
fn listed(app: &whosaid::tui::app::App) -> Vec<String> {
    app.visible
        .iter()
        .map(|&i| app.library.row(i).unwrap().id.to_string())
        .collect()
}

#[test]
fn files_changing_on_disk_replace_and_remove_rows_by_id() {
    use whosaid::tui::library::{Problem, Row};
    use whosaid::tui::watch::FileChange;

    let mut app = app(80, 24);
    select(&mut app, "evil");
    // A new title for the undated article: same place (still undated), new title.
    let mut renamed = undated();
    renamed.title = "A title written since".into();
    let source = loaded(renamed.clone()).source;
    app.on_files(vec![FileChange::Row(Box::new(Row::of(source, &renamed)))]);
    assert_eq!(
        listed(&app),
        [
            "asia/湊ヶ丘-会見",
            "world/kremlin-call",
            "evil",
            "misc/undated"
        ]
    );
    assert!(text(&draw(&app)).contains("A title written since"));
    assert_eq!(app.selected_row().unwrap().id.as_str(), "evil");

    // Deleted: gone from the list; the selection stays on its article.
    app.on_files(vec![FileChange::Removed(ArticleId::new(
        "world/kremlin-call",
    ))]);
    assert_eq!(listed(&app), ["asia/湊ヶ丘-会見", "evil", "misc/undated"]);
    assert_eq!(app.selected_row().unwrap().id.as_str(), "evil");
    assert!(!text(&draw(&app)).contains("Kremlin"));

    // Starts failing: out of the list, into the problems; fixed: back again.
    app.on_files(vec![FileChange::Problem(Box::new(Problem::of(rejected(
        "evil",
    ))))]);
    assert_eq!(listed(&app), ["asia/湊ヶ丘-会見", "misc/undated"]);
    let ids: Vec<&str> = app
        .library
        .problems()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["evil", "world/broken"]);
    let fixed = hostile();
    let source = loaded(fixed.clone()).source;
    app.on_files(vec![FileChange::Row(Box::new(Row::of(source, &fixed)))]);
    assert_eq!(listed(&app), ["asia/湊ヶ丘-会見", "evil", "misc/undated"]);
    let ids: Vec<&str> = app
        .library
        .problems()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["world/broken"]);
    assert_eq!(app.library.len(), 3);
}

#[test]
fn help_scrolls_within_what_is_drawn_and_closes_at_the_top() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Help]);
    let top = text(&draw(&a));
    run(&mut a, &[Action::Bottom]);
    let bottom = text(&draw(&a));
    assert_ne!(top, bottom, "the help is longer than 24 lines");
    // One press up after G shows at once (no hidden overshoot to climb back through).
    run(&mut a, &[Action::Up]);
    assert_ne!(text(&draw(&a)), bottom);
    // Closed and opened again: from the top.
    run(&mut a, &[Action::Help, Action::Help]);
    assert_eq!(text(&draw(&a)), top);
}

#[test]
fn a_stance_pane_cut_off_says_more_follows_and_scrolls_to_its_wrapped_end() {
    // Stacked panes at their smallest: the asserted-by pane's wrapped chain is cut.
    let mut a = app(80, 20);
    select(&mut a, "world/kremlin-call");
    run(&mut a, &[Action::Open]);
    let screen = text(&draw(&a));
    assert!(screen.contains("↓ more"), "{screen}");
    // Focus a pane that says more, go to its end: the sign goes, and one more press
    // down changes nothing.
    for _ in 0..4 {
        run(&mut a, &[Action::NextPane]);
        let focus = a.open_view().unwrap().focus;
        if matches!(focus, Pane::Asserted | Pane::Denied) {
            run(&mut a, &[Action::Bottom]);
            draw(&a);
            run(&mut a, &[Action::Bottom]);
            let end = text(&draw(&a));
            assert!(!end.contains("↓ more"), "{end}");
            run(&mut a, &[Action::Down]);
            assert_eq!(text(&draw(&a)), end);
        }
    }
}

#[test]
fn search_results_say_where_each_article_matched() {
    let mut a = app(80, 24);
    a.update(Command::Run(Action::Search));
    for c in "peskov".chars() {
        a.update(Command::SearchInput(c));
    }
    // Peskov is in the Kremlin article's body and actor table: the actor says more.
    assert!(text(&draw(&a)).contains("(actor)"), "{}", text(&draw(&a)));
    a.update(Command::SearchCancel);
    a.update(Command::Run(Action::Search));
    for c in "pure fiction".chars() {
        a.update(Command::SearchInput(c));
    }
    // In a claim's statement? No: in the body (a quote is not in the row's text).
    assert!(text(&draw(&a)).contains("(body)"), "{}", text(&draw(&a)));
    a.update(Command::SearchCancel);
    a.update(Command::Run(Action::Search));
    for c in "kremlin denies".chars() {
        a.update(Command::SearchInput(c));
    }
    assert!(text(&draw(&a)).contains("(title)"));
}

/// A key pressed as the event loop handles it: the mode's table, then update.
fn press(app: &mut whosaid::tui::app::App, code: KeyCode, mods: KeyModifiers) {
    let event = KeyEvent::new(code, mods);
    if let Some(command) = whosaid::tui::keymap::command(&app.config.keymap, app.mode(), &event) {
        app.update(command);
    }
}

fn rebound(toml: &str) -> whosaid::tui::app::App {
    let config = Config::parse(toml, std::path::Path::new("rebound.toml")).unwrap();
    // Tall enough for the whole help.
    app_with(fixtures(true), config, 100, 60)
}

#[test]
fn a_back_rebound_for_the_search_prompt_cancels_it_and_only_there() {
    let mut a = rebound("[keys.search]\nback = [\"ctrl-g\"]\n");
    let all = a.visible.len();
    press(&mut a, KeyCode::Char('/'), KeyModifiers::NONE);
    for c in "kreml".chars() {
        press(&mut a, KeyCode::Char(c), KeyModifiers::NONE);
    }
    assert_eq!(a.search.query, "kreml");
    assert!(a.visible.len() < all);
    // Esc is no longer the search prompt's back: nothing happens.
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert!(a.search.typing);
    assert_eq!(a.search.query, "kreml");
    press(&mut a, KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert!(!a.search.typing);
    assert_eq!(a.search.query, "");
    assert_eq!(a.visible.len(), all);
    // In the article, Esc is still the global back.
    select(&mut a, "world/kremlin-call");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    assert!(a.open_view().is_some());
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert!(a.open_view().is_none());
}

#[test]
fn a_globally_rebound_back_cancels_the_search_and_the_export_prompt() {
    let mut a = rebound("[keys]\nback = [\"ctrl-g\"]\n");
    press(&mut a, KeyCode::Char('/'), KeyModifiers::NONE);
    press(&mut a, KeyCode::Char('z'), KeyModifiers::NONE);
    press(&mut a, KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert!(!a.search.typing);
    assert_eq!(a.search.query, "");
    press(&mut a, KeyCode::Char('e'), KeyModifiers::NONE);
    assert!(a.prompt.is_some());
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert!(a.prompt.is_some(), "esc is not bound any more");
    press(&mut a, KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert!(a.prompt.is_none());
}

#[test]
fn help_lists_the_keys_bound_on_the_screen_under_it() {
    let mut a = rebound(
        "[keys]\nup = [\"ctrl-p\", \"up\"]\ndown = [\"ctrl-n\", \"down\"]\n\n\
         [keys.article]\nnext_claim = [\"ctrl-j\"]\n\n[keys.search]\nback = [\"ctrl-g\"]\n",
    );
    press(&mut a, KeyCode::Char('?'), KeyModifiers::NONE);
    let list_help = text(&draw(&a));
    // The title names the help's own scroll keys, not a fixed "j/k".
    assert!(
        list_help.contains("Help — ctrl-n/ctrl-p scroll"),
        "{list_help}"
    );
    assert!(list_help.contains("ctrl-n, down"), "{list_help}");
    assert!(list_help.contains("ctrl-g clears,"), "{list_help}");
    // The list runs no claim keys: the article's binding is not listed there.
    assert!(!list_help.contains("ctrl-j"), "{list_help}");
    press(&mut a, KeyCode::Char('?'), KeyModifiers::NONE);
    select(&mut a, "world/kremlin-call");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut a, KeyCode::Char('?'), KeyModifiers::NONE);
    let article_help = text(&draw(&a));
    assert!(article_help.contains("ctrl-j"), "{article_help}");
    assert!(article_help.contains("next claim"), "{article_help}");
}

#[test]
fn the_body_scrolls_to_its_drawn_end_and_back_at_once() {
    let mut a = app(40, 12);
    select(&mut a, "world/kremlin-call");
    run(&mut a, &[Action::Open, Action::PrevPane]);
    assert_eq!(a.open_view().unwrap().focus, Pane::Body);
    draw(&a);
    run(&mut a, &[Action::Bottom]);
    let bottom = text(&draw(&a));
    // One more press down shows nothing new; one press up moves at once.
    run(&mut a, &[Action::Down]);
    assert_eq!(text(&draw(&a)), bottom);
    run(&mut a, &[Action::Up]);
    assert_ne!(text(&draw(&a)), bottom);
    run(&mut a, &[Action::Down]);
    assert_eq!(text(&draw(&a)), bottom);
}

#[test]
fn the_problems_pane_scrolls_to_the_end_of_its_wrapped_lines() {
    // 40 columns: the diagnostic's headline wraps over several lines.
    let mut a = app(40, 12);
    run(&mut a, &[Action::NextPane]);
    draw(&a);
    run(&mut a, &[Action::Bottom]);
    let bottom = text(&draw(&a));
    assert!(
        bottom.contains("^^^^^"),
        "the caret, last, is in view:\n{bottom}"
    );
    run(&mut a, &[Action::Down]);
    assert_eq!(text(&draw(&a)), bottom);
    run(&mut a, &[Action::Up]);
    assert_ne!(text(&draw(&a)), bottom);
}
