//! The terminal reader: state, keymap, event loop, and one widget per file.

pub mod app;
pub mod article_list;
pub mod body;
pub mod claims;
pub mod config;
pub mod editor;
pub mod event_loop;
pub mod events;
pub mod export;
pub mod export_prompt;
pub mod filter;
pub mod help;
pub mod indexed;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod live;
pub mod loader;
pub mod navigate;
pub mod notice;
pub mod problems;
pub mod provenance;
pub mod provenance_ui;
pub mod review;
pub mod stances;
pub mod status_bar;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod unread;
pub mod update;
pub mod watch;
pub mod work;

use std::path::Path;

use app::App;
use config::Config;
use event_loop::Exit;
use library::Library;
use theme::Theme;

/// Exit statuses of the reader.
const EXIT_OK: u8 = 0;
const EXIT_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;
/// 128 + SIGTERM, as a shell reports a process ended by it.
const EXIT_TERMINATED: u8 = 143;

/// Runs the reader on `articles`; returns the process exit status.
pub fn run(articles: &Path, config: Option<&Path>) -> u8 {
    let (config, source) = match Config::load(config) {
        Ok(c) => c,
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            return EXIT_USAGE;
        }
    };
    let theme = Theme::new(&config.colors, Theme::no_color_env());
    let mouse = config.mouse;
    let terminate = terminal::termination_flag(mouse);
    // Loading starts before the terminal is set up, so the first frame already has news:
    // from the index, on a worker (its check reads every file); the loop starts the
    // loader when the index is new or cannot be used.
    let (tx, rx) = std::sync::mpsc::channel();
    // The folder is watched, and then the index checked (a new one built), only once the
    // list is complete and drawn: the check reads every file, on every core, setting up
    // the watch walks the folder, and each file the loader opens would wake the watcher
    // (inotify reports opens): the list must not wait for them. The loop drops
    // `scanned` then, which lets the watcher's thread go on; it drops `watched` once the
    // watch is set up, which lets the index's worker go on, so a file changed while the
    // list loaded is either read by the check or seen by the watch.
    let (scanned, scan_over) = std::sync::mpsc::channel::<()>();
    let (watched, watch_set) = std::sync::mpsc::channel::<()>();
    // No index file yet: the files are read at once, not after the index is made.
    let scan_now = !crate::index::cache_dir()
        .map(|cache| crate::index::db_path(&cache, articles))
        .is_some_and(|db| db.exists());
    if scan_now {
        loader::spawn_into(articles.to_path_buf(), tx.clone());
    }
    {
        let tx = tx.clone();
        let dir = articles.to_path_buf();
        let sort = config.sort;
        std::thread::spawn(move || {
            indexed::start_with_head(None, &dir, Some(sort), &|ev| {
                let listed = matches!(&ev, indexed::IndexEvent::Listed(_));
                let listening = tx.send(events::Event::Index(ev)).is_ok();
                if listed && listening {
                    // Err once the sender is dropped: that is the signal.
                    let _ = watch_set.recv();
                }
                listening
            });
        });
    }
    // Setting up the watch walks the whole folder: on a thread of its own, so the first
    // frame never waits for it. The thread keeps the watcher alive for the process's life
    // (none, when the system refuses a watch: `r` still reloads by hand); the process
    // ends without tearing it down, as it ends without joining the loader.
    {
        let tx = tx.clone();
        let dir = articles.to_path_buf();
        std::thread::spawn(move || {
            // Err once the list is drawn (see above).
            let _ = scan_over.recv();
            let watcher = watch::spawn(&dir, tx);
            drop(watched);
            // Parked for good: only the process's exit ends it.
            loop {
                std::thread::park();
                let _ = &watcher;
            }
        });
    }
    let mut terminal = match terminal::enter(mouse) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("whosaid: cannot start the reader on this terminal: {e}");
            return EXIT_FAILED;
        }
    };
    let size = terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let library = Library::loading(config.sort);
    let mut app = App::new(library, config, theme, size);
    app.articles_dir = articles.to_path_buf();
    if let Some(file) = unread::state_file() {
        app.read = unread::ReadState::open(file, articles);
    }
    app.config_source = source;
    app.after_scan = Some(scanned);
    app.index_scanning = scan_now;
    let input = events::Input::spawn(tx.clone());
    let channels = event_loop::Channels {
        tx: &tx,
        rx: &rx,
        input: &input,
        articles,
    };
    let result = event_loop::run(&mut terminal, &mut app, &channels, &terminate);
    terminal::leave(mouse);
    match result {
        Ok(Exit::Quit) => EXIT_OK,
        Ok(Exit::Terminated) => EXIT_TERMINATED,
        Err(e) => {
            eprintln!("whosaid: terminal error: {e}");
            EXIT_FAILED
        }
    }
}
