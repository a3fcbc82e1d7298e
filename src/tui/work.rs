//! Slow effects (an export, a review edit) run on a thread of their own; what they
//! found comes back to the loop as an [`Event::Done`].

use std::sync::mpsc::Sender;
use std::thread;

use super::app::ExportRequest;
use super::events::Event;
use super::export;

/// A finished piece of background work.
#[derive(Debug)]
pub enum Finished {
    Export {
        request: ExportRequest,
        outcome: export::Outcome,
    },
    Review(super::review::ReviewDone),
}

/// Runs `job` off the UI thread; its result arrives on `tx`.
pub fn spawn(tx: &Sender<Event>, job: impl FnOnce() -> Finished + Send + 'static) {
    let tx = tx.clone();
    thread::spawn(move || {
        // The reader may have quit meanwhile; then nobody listens and that is fine.
        let _ = tx.send(Event::Done(job()));
    });
}
