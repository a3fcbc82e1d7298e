//! An export interrupted by a signal leaves no temporary file behind.
//!
//! SIGINT, SIGTERM and SIGHUP are taken by a thread (not in a handler, where
//! deleting files is not allowed), which deletes the export's live temporary
//! files and then ends the process as the signal itself would have, so the
//! shell still sees "killed by SIGINT". SIGPIPE stays ignored, as Rust sets it:
//! a write to a closed pipe fails with an error the writer handles. SIGKILL
//! cannot be caught; the README says what it can leave.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use whosaid::export;

/// Starts the thread; without it (no thread could be made) the default
/// actions stay, which can leave a temporary file, and nothing worse.
pub fn clean_up_on_signals() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".to_string())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no temporary file is renamed
                // into place or created after this point.
                let _guard = export::remove_temporary_files();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
}
