//! Whole screens drawn into TestBackend at 80×24, 40×12 and 200×50 on Unicode
//! fixtures, snapshot-tested; and the styles that carry meaning.

use crate::support::*;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use whosaid::tui::app::Loading;
use whosaid::tui::config::Config;
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (200, 50)];

fn snap(name: &str, app: &whosaid::tui::app::App) {
    let screen = text(&draw(app));
    insta::assert_snapshot!(format!("{name}_{}x{}", app.size.0, app.size.1), screen);
}

#[test]
fn list_screen() {
    for (w, h) in SIZES {
        snap("list", &app(w, h));
    }
}

#[test]
fn article_views_of_the_original_and_the_unicode_article() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        select(&mut a, "world/kremlin-call");
        run(&mut a, &[Action::Open]);
        snap("kremlin", &a);
        run(&mut a, &[Action::NextPane]);
        snap("kremlin_asserted", &a);
        run(&mut a, &[Action::NextPane]);
        snap("kremlin_denied", &a);
        let mut a = app(w, h);
        select(&mut a, "asia/湊ヶ丘-会見");
        run(&mut a, &[Action::Open]);
        snap("unicode", &a);
        select(&mut a, "asia/湊ヶ丘-会見");
        run(&mut a, &[Action::PrevPane]);
        snap("unicode_body", &a);
    }
}

#[test]
fn hostile_strings_are_shown_visibly() {
    let mut a = app(80, 24);
    select(&mut a, "evil");
    run(&mut a, &[Action::Open]);
    snap("hostile", &a);
}

#[test]
fn search_help_and_too_small() {
    let mut a = app(80, 24);
    a.update(Command::Run(Action::Search));
    for c in "peskov".chars() {
        a.update(Command::SearchInput(c));
    }
    snap("search", &a);
    let mut a = app(80, 24);
    run(&mut a, &[Action::Help]);
    snap("help", &a);
    snap("too_small", &app(20, 5));
}

#[test]
fn missing_folder_and_loading_screens() {
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, false);
    let mut a = whosaid::tui::app::App::new(Library::loading(config.sort), config, theme, (80, 24));
    snap("loading", &a);
    a.loading = Loading::Unavailable("The folder articles does not exist.".into());
    snap("missing", &a);
}

/// Where `needle` starts on screen, as (x, y) of its first cell.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut xs = Vec::new();
        for x in 0..buf.area.width {
            let s = buf[(x, y)].symbol();
            for _ in 0..s.len() {
                xs.push(x);
            }
            line.push_str(s);
        }
        if let Some(i) = line.find(needle) {
            return (xs[i], y);
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn denials_stay_red_assertions_green_contested_yellow() {
    let mut a = app(200, 50);
    select(&mut a, "world/kremlin-call");
    run(&mut a, &[Action::Open]);
    let term = draw(&a);
    let buf = term.backend().buffer();
    let fg = |needle: &str| buf[find(buf, needle)].fg;
    assert_eq!(fg("[contested]"), Color::Yellow);
    assert_eq!(fg("[denied]"), Color::Red);
    assert_eq!(fg("[asserted]"), Color::Green);
    assert_eq!(fg("Dmitry Peskov  −"), Color::Red);
    assert_eq!(fg("The Washington Post  +"), Color::Green);
    assert_eq!(fg("“pure fiction”"), Color::Red);
    // In the body: the selected claim's quote is emphasised, the denier's quote styled
    // as a denial, another claim's quote underlined.
    let (x, y) = find(buf, "the two leaders reportedly");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::REVERSED | Modifier::UNDERLINED)
    );
    let (x, y) = find(buf, "pure fiction\"");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    // A denial is bold, never struck through (which reads as "retracted").
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
    let (x, y) = find(buf, "There are no plans yet");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_keeps_labels_and_text_styles_but_no_colour() {
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, true);
    let library = Library::in_memory(fixtures(true), config.sort);
    let mut a = whosaid::tui::app::App::new(library, config, theme, (200, 50));
    select(&mut a, "world/kremlin-call");
    run(&mut a, &[Action::Open]);
    let term = draw(&a);
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let screen = text(&term);
    for label in [
        "[contested]",
        "[denied]",
        "[asserted]",
        "Asserted by (1)",
        "Denied by (1)",
        "− denies",
        "+ asserts",
    ] {
        assert!(screen.contains(label), "{label}");
    }
    let (x, y) = find(buf, "the two leaders reportedly");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

fn elsby_app(no_color: bool) -> whosaid::tui::app::App {
    let config = Config::builtin().unwrap();
    let theme = Theme::new(&config.colors, no_color);
    let library = Library::in_memory(vec![loaded(port_elsby())], config.sort);
    let mut a = whosaid::tui::app::App::new(library, config, theme, (80, 24));
    select(&mut a, "world/port-elsby");
    run(&mut a, &[Action::Open]);
    a
}

#[test]
fn subjects_and_suggested_claims_are_drawn() {
    let mut a = elsby_app(false);
    snap("elsby_about", &a);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("about: Port Elsby Harbour Board; Ines Barrow"),
        "{screen}"
    );
    // Only the unreviewed claim carries the badge.
    assert_eq!(screen.matches("[suggested]").count(), 1, "{screen}");
    run(&mut a, &[Action::NextClaim]);
    snap("elsby_suggested", &a);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("about: Port Elsby Harbour Board"),
        "{screen}"
    );
    // The claim's badge and its stance's badge in the asserted-by pane.
    assert_eq!(screen.matches("[suggested]").count(), 2, "{screen}");
    assert!(
        screen.contains("[suggested] Harbour spokesperson"),
        "{screen}"
    );
}

#[test]
fn the_suggested_badge_stands_out_with_and_without_colour() {
    for no_color in [false, true] {
        let mut a = elsby_app(no_color);
        run(&mut a, &[Action::NextClaim]);
        let term = draw(&a);
        let buf = term.backend().buffer();
        let (x, y) = find(buf, "[suggested]");
        let cell = &buf[(x, y)];
        assert!(
            cell.modifier.contains(Modifier::REVERSED),
            "no_color={no_color}"
        );
        let want = if no_color {
            Color::Reset
        } else {
            Color::Yellow
        };
        assert_eq!(cell.fg, want);
    }
}

#[test]
fn narrow_tabs_keep_whole_names_and_the_problems_title_fits_its_focus() {
    let mut a = app(30, 12);
    select(&mut a, "world/kremlin-call");
    run(&mut a, &[Action::Open]);
    let screen = text(&draw(&a));
    let tabs = screen.lines().next().unwrap();
    for name in ["Text", "Claims", "Asserted", "Denied"] {
        assert!(tabs.contains(name), "{tabs:?} lacks {name}");
    }
    let mut a = app(80, 24);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("Problems: 1 file not loaded (Tab to focus)"),
        "{screen}"
    );
    run(&mut a, &[Action::NextPane]);
    let screen = text(&draw(&a));
    assert!(screen.contains("Problems: 1 file not loaded "), "{screen}");
    assert!(!screen.contains("Tab to focus"), "{screen}");
}

#[test]
fn body_lines_keep_a_reading_measure_on_a_wide_screen() {
    let mut a = app(220, 50);
    select(&mut a, "world/kremlin-call");
    run(&mut a, &[Action::Open]);
    let screen = text(&draw(&a));
    // The body pane's text, between its border and the next pane: at most 80 columns.
    let line = screen
        .lines()
        .find(|l| l.contains("According to a report"))
        .unwrap();
    let inner = line.split('│').nth(1).unwrap().trim_end();
    assert!(
        inner.chars().count() <= 80,
        "{} columns: {inner:?}",
        inner.chars().count()
    );
    assert!(inner.chars().count() > 60, "{inner:?}");
}

#[test]
fn unread_articles_are_marked_and_bold_with_and_without_colour() {
    for no_color in [false, true] {
        let config = Config::builtin().unwrap();
        let theme = Theme::new(&config.colors, no_color);
        let library = Library::in_memory(fixtures(false), config.sort);
        let mut a = whosaid::tui::app::App::new(library, config, theme, (80, 24));
        // Opened once: read. The others stay unread.
        select(&mut a, "world/kremlin-call");
        run(&mut a, &[Action::Open, Action::Back, Action::Top]);
        let term = draw(&a);
        let name = if no_color {
            "unread_no_color"
        } else {
            "unread"
        };
        insta::assert_snapshot!(format!("{name}_80x24"), text(&term));
        let buf = term.backend().buffer();
        let (x, y) = find(buf, "Kremlin denies");
        assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD));
        assert_eq!(
            buf[(x - 12, y)].symbol(),
            " ",
            "no dot before a read article"
        );
        let (x, y) = find(buf, "Title ");
        assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    }
}
