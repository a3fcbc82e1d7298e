//! Shared by the reader's tests and the bench: articles built in code (CJK, emoji,
//! combining marks, right-to-left text, escape sequences) and a way to draw a screen.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::diagnostic::{Diagnostic, Severity};
use whosaid::load::{Loaded, SourceFile};
use whosaid::model::*;

use whosaid::tui::app::App;
use whosaid::tui::config::Config;
use whosaid::tui::keymap::{Action, Command};
use whosaid::tui::library::Library;
use whosaid::tui::theme::Theme;
use whosaid::tui::ui;

pub fn actor(id: &str, name: &str, kind: ActorKind, role: Option<&str>) -> Actor {
    Actor {
        id: ActorId::new(id),
        name: name.into(),
        kind,
        role: role.map(Into::into),
        affiliation: None,
        aliases: vec![],
        wikidata: None,
        suggested: false,
    }
}

pub fn stance(
    body: &str,
    actor: &str,
    via: &[&str],
    cue: Option<&str>,
    quote: Option<&str>,
) -> Stance {
    Stance {
        actor: ActorId::new(actor),
        via: via.iter().map(|v| ActorId::new(*v)).collect(),
        cue: cue.map(Into::into),
        quote: quote.map(Into::into),
        anchor: quote.map(|q| find(body, q)),
    }
}

/// The anchor of a quote written exactly as in the body.
pub fn find(body: &str, quote: &str) -> std::ops::Range<usize> {
    let at = body
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in body"));
    at..at + quote.len()
}

pub fn claim(
    body: &str,
    id: &str,
    statement: &str,
    quote: Option<&str>,
    asserted: Vec<Stance>,
    denied: Vec<Stance>,
) -> Claim {
    Claim {
        id: ClaimId::new(id),
        statement: statement.into(),
        quote: quote.map(Into::into),
        anchor: quote.map(|q| find(body, q)),
        asserted_by: asserted,
        denied_by: denied,
        about: vec![],
        suggested: false,
    }
}

pub fn article(
    id: &str,
    title: &str,
    published: Option<&str>,
    outlet: Option<&str>,
    body: &str,
) -> Article {
    Article {
        id: ArticleId::new(id),
        path: PathBuf::from(format!("articles/{id}.toml")),
        title: title.into(),
        body: body.into(),
        published: published.map(Published::new),
        outlet: outlet.map(Into::into),
        url: None,
        byline: vec![],
        tags: vec![],
        language: None,
        actors: vec![],
        claims: vec![],
        feed_item_id: None,
    }
}

/// Sentences of the original article only (FORMAT.md's example and the seed's own
/// words): no line here is put in a real person's or outlet's mouth that they did not say.
pub const KREMLIN_BODY: &str = "According to a report by The Washington Post, the two leaders reportedly\ndiscussed the Ukraine conflict, with Trump advising Putin against escalating\ntensions. However, Kremlin spokesperson Dmitry Peskov dismissed this claim as\n\"pure fiction\", maintaining that no such conversation has occurred.\n\n\"I would like to refer to the president’s remarks at the plenary session of the\nValdai International Discussion Club. There are no plans yet, and nothing further\nto add,\" Peskov stated.\n";

/// The original article of the project.
pub fn kremlin() -> Article {
    let b = KREMLIN_BODY;
    let mut a = article(
        "world/kremlin-call",
        "Kremlin denies reports of Trump-Putin call on Ukraine conflict",
        Some("2024-11-11"),
        None,
        b,
    );
    a.actors = vec![
        actor("wapo", "The Washington Post", ActorKind::Outlet, None),
        actor(
            "wapo-sources",
            "Sources familiar with the call",
            ActorKind::Anonymous,
            None,
        ),
        actor(
            "peskov",
            "Dmitry Peskov",
            ActorKind::Person,
            Some("Kremlin spokesperson"),
        ),
    ];
    a.claims = vec![
        claim(
            b,
            "call-took-place",
            "Trump and Putin spoke by phone about the war in Ukraine.",
            Some("the two leaders reportedly\ndiscussed the Ukraine conflict"),
            vec![stance(b, "wapo", &["wapo-sources"], Some("reported"), None)],
            vec![stance(
                b,
                "peskov",
                &[],
                Some("dismissed this claim as"),
                Some("pure fiction"),
            )],
        ),
        claim(
            b,
            "no-plans",
            "A conversation between Putin and Trump is planned.",
            Some("There are no plans yet"),
            vec![],
            vec![stance(b, "peskov", &[], Some("stated"), None)],
        ),
        claim(
            b,
            "advised-restraint",
            "Trump advised Putin against escalating tensions.",
            Some("Trump advising Putin against escalating\ntensions"),
            vec![stance(b, "wapo", &["wapo-sources"], Some("reported"), None)],
            vec![],
        ),
    ];
    a
}

pub const UNICODE_BODY: &str = "湊ヶ丘の記者会見で、大臣は「合意は存在しない」と述べた。🎉 Celebrations 👩‍👩‍👧 followed in Zoë's café (Zoe\u{0308}).\n\nوقال المتحدث إن الاتفاق تم توقيعه أمس. Critics disagreed.\n";

/// CJK, emoji (with a ZWJ family), combining marks and Arabic.
pub fn unicode() -> Article {
    let b = UNICODE_BODY;
    let mut a = article(
        "asia/湊ヶ丘-会見",
        "湊ヶ丘で会見：大臣「合意は存在しない」🎉 Zoë's café",
        Some("2025-01-02T09:30:00+09:00"),
        Some("湾岸経済新報"),
        b,
    );
    a.actors = vec![
        actor(
            "minister",
            "大臣 山田太郎",
            ActorKind::Person,
            Some("外務大臣"),
        ),
        actor(
            "spokes",
            "المتحدث الرسمي",
            ActorKind::Government,
            Some("متحدث"),
        ),
        actor("critics", "Critics 👩‍👩‍👧", ActorKind::Organization, None),
    ];
    a.claims = vec![
        claim(
            b,
            "no-deal",
            "合意は存在しない (no agreement exists).",
            Some("合意は存在しない"),
            vec![stance(
                b,
                "spokes",
                &[],
                Some("قال"),
                Some("الاتفاق تم توقيعه"),
            )],
            vec![stance(
                b,
                "minister",
                &[],
                Some("述べた"),
                Some("合意は存在しない"),
            )],
        ),
        claim(
            b,
            "party",
            "People celebrated 🎉 in Zoë's café.",
            Some("Celebrations 👩‍👩‍👧 followed"),
            vec![],
            vec![stance(b, "critics", &[], Some("disagreed"), None)],
        ),
        claim(
            b,
            "orphan",
            "Nobody is named for this one.",
            None,
            vec![],
            vec![],
        ),
    ];
    a
}

/// Every string field carries escape sequences and control characters.
pub fn hostile() -> Article {
    let b = "Plain text with \u{1b}[31mred\u{1b}[0m and a bell \u{7} inside.\n";
    let mut a = article(
        "evil",
        "Title \u{1b}]0;pwned\u{7} with \u{1b}[2J clear",
        Some("2023-05-05"),
        Some("Outlet\u{1b}[5m"),
        b,
    );
    a.actors = vec![actor(
        "x",
        "Name\u{1b}[1m",
        ActorKind::Person,
        Some("Role\u{9b}31m"),
    )];
    a.claims = vec![claim(
        b,
        "c",
        "Statement \u{1b}[H home",
        Some("red"),
        vec![stance(b, "x", &[], Some("cue\u{1b}"), None)],
        vec![],
    )];
    a
}

pub const ELSBY_BODY: &str = "The Elsby Courier reported that the ferry contract was awarded without a tender.\nMayor Ines Barrow called the report \"plainly untrue\". The harbour board said nothing.\n";

/// Fictional (Port Elsby and everyone in it are invented): a reviewed claim with
/// subjects (`about`) and a suggested, unreviewed one with a suggested actor.
pub fn port_elsby() -> Article {
    let b = ELSBY_BODY;
    let mut a = article(
        "world/port-elsby",
        "Port Elsby mayor denies ferry contract was rigged",
        Some("2025-03-02"),
        Some("The Elsby Courier"),
        b,
    );
    let mut guess = actor("guess", "Harbour spokesperson", ActorKind::Person, None);
    guess.suggested = true;
    a.actors = vec![
        actor("courier", "The Elsby Courier", ActorKind::Outlet, None),
        actor(
            "barrow",
            "Ines Barrow",
            ActorKind::Person,
            Some("Mayor of Port Elsby"),
        ),
        actor(
            "board",
            "Port Elsby Harbour Board",
            ActorKind::Organization,
            None,
        ),
        guess,
    ];
    let mut reviewed = claim(
        b,
        "no-tender",
        "The ferry contract was awarded without a tender.",
        Some("the ferry contract was awarded without a tender"),
        vec![stance(b, "courier", &[], Some("reported"), None)],
        vec![stance(
            b,
            "barrow",
            &[],
            Some("called the report"),
            Some("plainly untrue"),
        )],
    );
    reviewed.about = vec![ActorId::new("board"), ActorId::new("barrow")];
    let mut suggested = claim(
        b,
        "board-silent",
        "The harbour board would not comment.",
        Some("The harbour board said nothing."),
        vec![stance(b, "guess", &[], Some("said nothing"), None)],
        vec![],
    );
    suggested.suggested = true;
    suggested.about = vec![ActorId::new("board")];
    a.claims = vec![reviewed, suggested];
    a
}

pub fn undated() -> Article {
    let mut a = article(
        "misc/undated",
        "An article without a date",
        None,
        None,
        "Short body.\n",
    );
    a.claims = vec![];
    a
}

pub fn loaded(article: Article) -> Loaded {
    let source = SourceFile {
        path: article.path.clone(),
        id: article.id.clone(),
    };
    Loaded::new(source, Some(article))
}

pub fn rejected(id: &str) -> Loaded {
    let path = PathBuf::from(format!("articles/{id}.toml"));
    let mut loaded = Loaded::new(
        SourceFile {
            path: path.clone(),
            id: ArticleId::new(id),
        },
        None,
    );
    loaded.diagnostics = vec![Diagnostic {
        severity: Severity::Error,
        path,
        line: 3,
        column: 1,
        message: "unknown key `titel` (did you mean `title`?)".into(),
        source_line: "titel = \"Oops\"".into(),
        width: 5,
        excerpt_column: 1,
        excerpt_cut: false,
    }];
    loaded
}

/// The fixture articles (and a rejected file) as the loader would hand them over.
pub fn fixtures(with_problem: bool) -> Vec<Loaded> {
    let mut all = vec![
        loaded(hostile()),
        loaded(undated()),
        loaded(unicode()),
        loaded(kremlin()),
    ];
    if with_problem {
        all.push(rejected("world/broken"));
    }
    all
}

pub fn app_with(files: Vec<Loaded>, config: Config, w: u16, h: u16) -> App {
    let theme = Theme::new(&config.colors, false);
    let library = Library::in_memory(files, config.sort);
    App::new(library, config, theme, (w, h))
}

pub fn app(w: u16, h: u16) -> App {
    app_with(fixtures(true), Config::builtin().unwrap(), w, h)
}

pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    terminal
}

/// The screen as plain text, one line per row, trailing spaces removed.
pub fn text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Command::Run(*a));
    }
}

/// Selects the row with this article id in the list.
pub fn select(app: &mut App, id: &str) {
    let pos = app
        .visible
        .iter()
        .position(|&i| app.library.row(i).unwrap().id.as_str() == id)
        .unwrap();
    app.selected = pos;
}
