//! Feedback on long runs: a progress bar while files are read and parsed, and the
//! line that closes a run with its counts and elapsed time.
//!
//! The bar appears only where a person watches: stderr is a terminal, `CI` is
//! not set, `--quiet` was not given, and the run covers at least
//! [`MANY_FILES`] files. Pipes, CI logs and pre-commit hooks on a few files see
//! nothing of it.

use std::io::{self, IsTerminal as _, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Below this many files a run is over before a bar would be worth drawing.
const MANY_FILES: usize = 200;

/// The progress of one run: its start time, and a bar when one is shown.
pub struct Progress {
    started: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Starts timing a run over `files` files, with a bar if it is wanted.
    pub fn start(files: usize, quiet: bool) -> Progress {
        let wanted = !quiet
            && files >= MANY_FILES
            && io::stderr().is_terminal()
            && std::env::var_os("CI").is_none();
        Progress {
            started: Instant::now(),
            bar: wanted.then(|| bar(files)),
        }
    }

    /// Records that `files` more files were read and parsed.
    pub fn advance(&self, files: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(files as u64);
        }
    }

    /// Removes the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

fn bar(files: usize) -> ProgressBar {
    let style = ProgressStyle::with_template("{spinner} {pos}/{len} files [{bar:30}] {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The closing line of a run: `Checked 1048 files in 0.41s (3 errors).`
pub fn write_closing_line(
    out: &mut impl Write,
    verb: &str,
    files: usize,
    errors: usize,
    elapsed: Duration,
) -> io::Result<()> {
    write!(
        out,
        "{verb} {files} file{} in {:.2}s",
        if files == 1 { "" } else { "s" },
        elapsed.as_secs_f64()
    )?;
    if errors > 0 {
        write!(
            out,
            " ({errors} error{})",
            if errors == 1 { "" } else { "s" }
        )?;
    }
    writeln!(out, ".")
}
