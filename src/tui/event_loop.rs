//! The loop: one channel brings input, loading results, file changes and finished
//! work; the state is updated, and drawn when it changed.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::Event as TermEvent;

use super::app::{App, Effect, Loading};
use super::events::{Event, Input};
use super::indexed::Then;
use super::keymap::{self, Command};
use super::work::{self, Finished};
use super::{editor, export, loader, terminal, ui};

/// How often rows that loaded are put into the list while loading goes on.
pub const LOAD_BATCH: Duration = Duration::from_millis(40);

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Terminated,
}

/// What the loop holds besides the state: the channel's two ends and the input thread.
pub struct Channels<'a> {
    pub tx: &'a Sender<Event>,
    pub rx: &'a Receiver<Event>,
    pub input: &'a Input,
    /// The articles folder, to scan again on `r`.
    pub articles: &'a Path,
}

/// Runs until the user quits or a termination signal arrives.
pub fn run(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    ch: &Channels<'_>,
    terminate: &AtomicBool,
) -> io::Result<Exit> {
    let panic_after_first_frame = test_panic::requested();
    let mut dirty = true;
    // Rows arrived but not yet put into the list: they are, at most every LOAD_BATCH.
    let mut unsettled = false;
    let mut next_batch = Instant::now();
    loop {
        if terminate.load(Ordering::Relaxed) {
            return Ok(Exit::Terminated);
        }
        if unsettled && Instant::now() >= next_batch {
            // Rows are taken in a few large batches rather than many small ones: each
            // batch costs a merge and a redraw, time the loading threads could use.
            next_batch = Instant::now() + LOAD_BATCH;
            app.after_loading_batch();
            unsettled = false;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| ui::draw(frame, app))?;
            dirty = false;
            if !matches!(app.loading, Loading::Running { .. }) {
                // The whole list is on screen: the watch, then the index's check (or
                // build), which reads every file on every core, may start (see `tui::run`).
                drop(app.after_scan.take());
            }
            if panic_after_first_frame {
                test_panic::now();
            }
        }
        let wait = if unsettled {
            next_batch.saturating_duration_since(Instant::now())
        } else {
            // Only to look at the termination flag now and then.
            Duration::from_millis(200)
        };
        let first = match ch.rx.recv_timeout(wait) {
            Ok(ev) => ev,
            Err(RecvTimeoutError::Timeout) => continue,
            // The loop holds a sender itself, so this cannot happen; end quietly if it does.
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
        };
        // Take every queued event before drawing again, so held keys never lag behind;
        // keys typed into the search are applied once, after the last of the burst.
        app.search.deferred = true;
        let mut next = Some(first);
        while let Some(ev) = next {
            match ev {
                Event::Input(input) => {
                    let Some(command) = command_of(app, input) else {
                        next = ch.rx.try_recv().ok();
                        continue;
                    };
                    dirty = true;
                    match app.update(command) {
                        Some(Effect::Quit) => return Ok(Exit::Quit),
                        Some(effect) => carry_out(terminal, app, ch, effect)?,
                        None => {}
                    }
                }
                Event::InputFailed(e) => return Err(e),
                Event::Load(ev) => {
                    let done = matches!(ev, super::loader::LoadEvent::Done);
                    app.on_load(ev);
                    unsettled = true;
                    if done {
                        // The last rows go in at once, not a batch later.
                        next_batch = Instant::now();
                    }
                }
                Event::Index(ev) => {
                    match app.on_index(ev) {
                        Then::Nothing => {}
                        Then::Scan => loader::spawn_into(ch.articles.to_path_buf(), ch.tx.clone()),
                        Then::Rescan => {
                            app.start_reload();
                            loader::spawn_into(ch.articles.to_path_buf(), ch.tx.clone());
                        }
                    }
                    dirty = true;
                }
                Event::Files(changes) => {
                    app.mark_changed(&changes);
                    app.on_files(changes);
                    if app.rescan_requested() {
                        app.start_reload();
                        loader::spawn_into(ch.articles.to_path_buf(), ch.tx.clone());
                    }
                    dirty = true;
                }
                Event::Done(finished) => {
                    app.on_finished(finished);
                    dirty = true;
                }
            }
            next = ch.rx.try_recv().ok();
        }
        app.settle_query();
        if let Some(index) = app.reindex_due() {
            // Files changed under the reader: the index takes them in on a worker.
            let tx = ch.tx.clone();
            std::thread::spawn(move || {
                super::indexed::reindex(index, &|ev| tx.send(Event::Index(ev)).is_ok());
            });
        }
        if !matches!(app.loading, Loading::Running { .. }) && unsettled {
            next_batch = Instant::now();
        }
    }
}

/// Carries out an effect `update` returned: slow ones go to a thread of their own.
fn carry_out(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    ch: &Channels<'_>,
    effect: Effect,
) -> io::Result<()> {
    match effect {
        Effect::Quit => {}
        Effect::Export(request) => {
            // A long list takes a moment to read and write: say so while it runs.
            app.message = Some(format!("Exporting {} article(s)…", request.ids.len()));
            let job = export::Job::of(app, &request);
            work::spawn(ch.tx, move || Finished::Export {
                outcome: job.run(),
                request,
            });
        }
        Effect::Reload => {
            app.start_reload();
            loader::spawn_into(ch.articles.to_path_buf(), ch.tx.clone());
        }
        Effect::Review(job) => work::spawn(ch.tx, move || Finished::Review(job.run())),
        Effect::Undo(record) => work::spawn(ch.tx, move || Finished::Review(record.run())),
        Effect::Edit { path, line, .. } => {
            // The input thread must not read the keys meant for the editor.
            let paused = ch.input.pause();
            terminal::leave(app.config.mouse);
            let status = editor::run(&path, line);
            let resumed = terminal::resume(app.config.mouse);
            drop(paused);
            resumed?;
            // Everything is drawn again: the screen is wiped, and a blank frame makes
            // ratatui forget what it drew before. (Terminal::clear would ask the
            // terminal where the cursor is, which not every terminal answers.)
            ratatui::crossterm::execute!(
                io::stdout(),
                ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
            )?;
            terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
            app.message = Some(match status {
                Ok(s) if s.success() => format!("Edited {}.", path.display()),
                Ok(s) => format!("The editor ended with {s}."),
                Err(e) => format!(
                    "Cannot run the editor ({}): {e}",
                    editor::editor_command()
                        .first()
                        .map(|w| w.to_string_lossy().into_owned())
                        .unwrap_or_default()
                ),
            });
            // The watcher sees the save; a file saved in place is read again here too.
            if let Some(id) = app.open_view().map(|v| v.id.clone()) {
                let source = crate::load::SourceFile { path, id };
                let changes = super::watch::read_changes(
                    ch.articles,
                    std::iter::once((source.path, true)).collect(),
                );
                app.mark_changed(&changes);
                app.on_files(changes);
            }
        }
    }
    Ok(())
}

fn command_of(app: &App, event: TermEvent) -> Option<Command> {
    match event {
        // Presses only: terminals that report releases would otherwise act twice.
        TermEvent::Key(key) if key.is_press() => {
            keymap::command(&app.config.keymap, app.mode(), &key)
        }
        TermEvent::Resize(w, h) => Some(Command::Resize(w, h)),
        TermEvent::Mouse(m) if app.config.mouse => keymap::mouse_command(&m),
        _ => None,
    }
}

/// A trigger for the end-to-end test that checks the terminal is restored on a
/// panic. Compiled into debug builds only (those `cargo test` runs), never
/// into the release binary.
#[cfg(debug_assertions)]
mod test_panic {
    pub fn requested() -> bool {
        std::env::var_os("WHOSAID_TEST_PANIC").is_some()
    }

    pub fn now() {
        panic!("WHOSAID_TEST_PANIC is set: panicking after the first frame");
    }
}

#[cfg(not(debug_assertions))]
mod test_panic {
    pub fn requested() -> bool {
        false
    }

    pub fn now() {}
}
