//! Stopping on Ctrl-C or SIGTERM without leaving anything half done.
//!
//! A signal would end heal wherever it is: between creating a fixed file's
//! temporary copy and renaming it (a stray `.heal-tmp*` file in the user's
//! tree), or between writing a group's files and committing them. heal takes
//! SIGINT and SIGTERM on a thread of its own instead. The steps that must not
//! be cut (a file's write, a group's writes and commit, a branch update) run
//! inside a [`Critical`] section; on a signal heal lets the sections in
//! progress end, refuses to start new ones, and exits with 128 plus the
//! signal's number, as a shell reports a process the signal ended.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The process's gate: the signal thread closes it, writers pass through it.
static GATE: Gate = Gate::new();

thread_local! {
    /// How deep this thread is in critical sections: an inner section belongs
    /// to its outer one and is never refused once that one started.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// What `enter` answers once heal was told to stop.
const INTERRUPTED_MESSAGE: &str = "interrupted; not written";

struct Gate {
    /// Set once a signal arrived; no critical section starts after it.
    closed: AtomicBool,
    /// Critical sections in progress, across threads (outermost sections only).
    in_progress: AtomicUsize,
}

/// A step that runs to its end once it started, signal or not.
#[must_use = "the section ends when this is dropped"]
pub struct Critical {
    /// The gate an outermost section counts itself in; none for inner ones.
    counted_in: Option<&'static Gate>,
}

/// Starts a critical section, unless heal was told to stop.
pub fn enter() -> Result<Critical, &'static str> {
    GATE.enter()
}

impl Gate {
    const fn new() -> Gate {
        Gate {
            closed: AtomicBool::new(false),
            in_progress: AtomicUsize::new(0),
        }
    }

    fn enter(&'static self) -> Result<Critical, &'static str> {
        let depth = DEPTH.with(Cell::get);
        if depth > 0 {
            DEPTH.with(|d| d.set(depth + 1));
            return Ok(Critical { counted_in: None });
        }
        // Count first, then look at the flag: the signal thread sets the flag
        // first, then waits for the count to fall to zero. Whichever order the
        // two threads run in, either this section sees the flag, or the signal
        // thread sees this section and waits for it.
        self.in_progress.fetch_add(1, Ordering::SeqCst);
        if self.closed.load(Ordering::SeqCst) {
            self.in_progress.fetch_sub(1, Ordering::SeqCst);
            return Err(INTERRUPTED_MESSAGE);
        }
        DEPTH.with(|d| d.set(1));
        Ok(Critical {
            counted_in: Some(self),
        })
    }

    /// Refuses new sections, then waits for those in progress to end.
    #[cfg_attr(not(unix), allow(dead_code))]
    fn close_and_drain(&self) {
        self.closed.store(true, Ordering::SeqCst);
        while self.in_progress.load(Ordering::SeqCst) > 0 {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

impl Drop for Critical {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
        if let Some(gate) = self.counted_in {
            gate.in_progress.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Takes SIGINT and SIGTERM from here on. A failure to set the handler is
/// logged, not fatal: heal then ends on a signal as any process does.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = match Signals::new([SIGINT, SIGTERM]) {
        Ok(signals) => signals,
        Err(error) => {
            log::debug!("cannot take SIGINT and SIGTERM: {error}");
            return;
        }
    };
    let spawned = std::thread::Builder::new()
        .name("heal-signals".to_string())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                stop(signal);
            }
        });
    if let Err(error) = spawned {
        log::debug!("cannot start the signal thread: {error}");
    }
}

#[cfg(not(unix))]
pub fn install() {}

/// Called when a run is over: after a signal, the run may end (its last writes
/// refused) before the signal thread has seen the sections drain, and its exit
/// status would hide the signal. It then leaves the ending to that thread,
/// which exits with the signal's status; one thread alone calls `exit`.
pub fn defer_to_signal() {
    if GATE.closed.load(Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
}

/// Waits for the critical sections in progress, then ends the process.
#[cfg(unix)]
fn stop(signal: i32) -> ! {
    use std::io::IsTerminal as _;

    GATE.close_and_drain();
    // A progress bar may hold the terminal's last line.
    let lead = if std::io::stderr().is_terminal() {
        "\n"
    } else {
        ""
    };
    eprintln!("{lead}heal: interrupted; every file is as it was or fully fixed, none half written");
    std::process::exit(128 + signal);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_closed_gate_refuses_new_sections_but_not_one_inside_a_running_section() {
        static TEST_GATE: Gate = Gate::new();
        let outer = TEST_GATE.enter().unwrap();
        assert_eq!(TEST_GATE.in_progress.load(Ordering::SeqCst), 1);
        TEST_GATE.closed.store(true, Ordering::SeqCst);
        {
            let _inner = TEST_GATE
                .enter()
                .expect("an inner section belongs to the running one");
            assert_eq!(TEST_GATE.in_progress.load(Ordering::SeqCst), 1);
        }
        drop(outer);
        assert_eq!(TEST_GATE.in_progress.load(Ordering::SeqCst), 0);
        assert_eq!(TEST_GATE.enter().err(), Some(INTERRUPTED_MESSAGE));
        assert_eq!(TEST_GATE.in_progress.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn closing_waits_for_the_section_in_progress_on_another_thread() {
        static TEST_GATE: Gate = Gate::new();
        let (entered, wait_for_entry) = mpsc::channel();
        let (finished, wait_for_finish) = mpsc::channel::<&str>();
        let writer = std::thread::spawn(move || {
            let section = TEST_GATE.enter().unwrap();
            entered.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(50));
            finished.send("section ended").unwrap();
            drop(section);
        });
        wait_for_entry.recv().unwrap();
        TEST_GATE.close_and_drain();
        // The section's message was sent before it ended, so it is there now.
        assert_eq!(wait_for_finish.try_recv(), Ok("section ended"));
        writer.join().unwrap();
        assert_eq!(TEST_GATE.enter().err(), Some(INTERRUPTED_MESSAGE));
    }
}
