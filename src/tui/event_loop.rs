//! The loop: take loading results and input, update the state, draw when it changed.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use super::app::{App, Effect, Loading};
use super::keymap::{self, Command};
use super::loader::LoadEvent;
use super::{export, ui};

/// How often rows that loaded are put into the list while loading goes on.
pub const LOAD_BATCH: Duration = Duration::from_millis(40);

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Terminated,
}

/// Runs until the user quits or a termination signal arrives.
pub fn run(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    loads: &Receiver<LoadEvent>,
    terminate: &AtomicBool,
) -> io::Result<Exit> {
    let panic_after_first_frame = test_panic::requested();
    let mut dirty = true;
    let mut next_batch = Instant::now();
    loop {
        if terminate.load(Ordering::Relaxed) {
            return Ok(Exit::Terminated);
        }
        if Instant::now() >= next_batch {
            // Rows are taken in a few large batches rather than many small ones: each
            // batch costs a merge and a redraw, time the loading threads could use.
            next_batch = Instant::now() + LOAD_BATCH;
            let mut arrived = false;
            while let Ok(ev) = loads.try_recv() {
                app.on_load(ev);
                arrived = true;
            }
            if arrived {
                app.after_loading_batch();
                dirty = true;
            }
        }
        if dirty {
            terminal.draw(|frame| ui::draw(frame, app))?;
            dirty = false;
            if panic_after_first_frame {
                test_panic::now();
            }
        }
        let loading = matches!(app.loading, Loading::Running { .. });
        let wait = if loading {
            next_batch.saturating_duration_since(Instant::now())
        } else {
            Duration::from_millis(200)
        };
        if !event::poll(wait)? {
            continue;
        }
        // Take every queued event before drawing again, so held keys never lag behind.
        loop {
            if let Some(command) = command_of(app, event::read()?) {
                dirty = true;
                match app.update(command) {
                    Some(Effect::Quit) => return Ok(Exit::Quit),
                    Some(Effect::Export(request)) => {
                        // A long list takes a moment to read and write: say so first.
                        app.message = Some(format!("Exporting {} article(s)…", request.rows.len()));
                        terminal.draw(|frame| ui::draw(frame, app))?;
                        export::carry_out(app, request);
                    }
                    None => {}
                }
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

fn command_of(app: &App, event: Event) -> Option<Command> {
    match event {
        // Presses only: terminals that report releases would otherwise act twice.
        Event::Key(key) if key.is_press() => keymap::command(&app.config.keymap, app.mode(), &key),
        Event::Resize(w, h) => Some(Command::Resize(w, h)),
        Event::Mouse(m) if app.config.mouse => keymap::mouse_command(&m),
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
