//! Entering and leaving the terminal: raw mode, alternate screen, mouse capture, and
//! restoring it on every way out (quit, error, panic, SIGTERM).

use std::io::{self, Read, stdout};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

/// Takes over the terminal. ratatui's panic hook restores raw mode and the screen;
/// ours, installed after it, runs first and also releases the mouse.
pub fn enter(mouse: bool) -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    if mouse {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            hook(info);
        }));
        if let Err(e) = execute!(stdout(), EnableMouseCapture) {
            leave(true);
            return Err(e);
        }
    }
    Ok(terminal)
}

/// Takes the terminal again after a child process had it (raw mode, alternate screen,
/// mouse), without installing the panic hook a second time.
pub fn resume(mouse: bool) -> io::Result<()> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was.
pub fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
}

/// A flag raised by SIGTERM or SIGHUP, which the loop checks: the handler itself only
/// sets the flag, and the loop leaves the terminal as on a normal quit.
pub fn termination_flag(mouse: bool) -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // Without the handler the default action still ends the process; only the
        // restore would be lost, which is no reason to refuse to start.
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    watch_for_a_stuck_loop(mouse);
    flag
}

/// Once its terminal is gone, crossterm 0.29 re-reads the dead tty forever inside
/// `event::poll` (crossterm issue #793), so the loop never sees the flag and the
/// process would spin on a core until killed with SIGKILL. A thread woken by the
/// same signals gives the loop a moment to end as usual, then ends the process.
fn watch_for_a_stuck_loop(mouse: bool) {
    let Ok((mut wake, alarm)) = UnixStream::pair() else {
        return;
    };
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let Ok(alarm) = alarm.try_clone() else { return };
        let _ = signal_hook::low_level::pipe::register(signal, alarm);
    }
    std::thread::spawn(move || {
        // Blocks without waking until a signal arrives.
        if wake.read(&mut [0]).is_ok() {
            std::thread::sleep(Duration::from_millis(500));
            leave(mouse);
            std::process::exit(143);
        }
    });
}
