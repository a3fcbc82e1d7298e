//! The one channel the loop selects over: terminal input, loading results, file changes
//! and finished background work all arrive here as [`Event`]s.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event as term;

use super::indexed::IndexEvent;
use super::loader::LoadEvent;
use super::watch::FileChange;
use super::work::Finished;

/// Something the loop must look at.
#[derive(Debug)]
pub enum Event {
    /// A key, a mouse event, a resize.
    Input(term::Event),
    /// The terminal can no longer be read: the loop ends with this error.
    InputFailed(std::io::Error),
    Load(LoadEvent),
    /// Starting from the index got this far.
    Index(IndexEvent),
    /// Files below the articles folder changed (debounced).
    Files(Vec<FileChange>),
    /// Background work the loop handed out is done.
    Done(Finished),
}

/// How long the input thread waits for a key before looking whether it must pause.
const INPUT_POLL: Duration = Duration::from_millis(25);

/// A request to stop reading: answer on the first, then wait on the second.
type PauseRequest = (Sender<()>, Receiver<()>);

/// Lets the loop take the terminal away from the input thread (to run an editor) and
/// give it back.
#[derive(Debug)]
pub struct Input {
    pause: Sender<PauseRequest>,
}

impl Input {
    /// Starts reading the terminal on a thread of its own, sending to `tx`.
    pub fn spawn(tx: Sender<Event>) -> Input {
        let (pause, pauses) = mpsc::channel();
        thread::spawn(move || read_input(&tx, &pauses));
        Input { pause }
    }

    /// Stops reading until the returned guard is dropped: while it lives, nothing of
    /// this process reads the terminal, so a child process has it to itself.
    pub fn pause(&self) -> Option<Paused> {
        let (ack, acked) = mpsc::channel();
        let (resume, resumed) = mpsc::channel();
        self.pause.send((ack, resumed)).ok()?;
        acked.recv_timeout(Duration::from_secs(1)).ok()?;
        Some(Paused { _resume: resume })
    }
}

/// While this lives the input thread reads nothing; dropping it resumes reading.
#[derive(Debug)]
pub struct Paused {
    _resume: Sender<()>,
}

fn read_input(tx: &Sender<Event>, pauses: &Receiver<PauseRequest>) {
    loop {
        // Between two polls, so never in the middle of reading a key sequence.
        match pauses.try_recv() {
            Ok((ack, resumed)) => {
                if ack.send(()).is_ok() {
                    // Until the guard is dropped (its sender hangs up).
                    let _ = resumed.recv();
                }
                continue;
            }
            Err(mpsc::TryRecvError::Disconnected) => return,
            Err(mpsc::TryRecvError::Empty) => {}
        }
        match term::poll(INPUT_POLL) {
            Ok(false) => {}
            Ok(true) => match term::read() {
                Ok(ev) => {
                    if tx.send(Event::Input(ev)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Event::InputFailed(e));
                    return;
                }
            },
            Err(e) => {
                let _ = tx.send(Event::InputFailed(e));
                return;
            }
        }
    }
}
