//! Feedback on long runs: no progress bar outside a terminal, a closing line
//! with counts and elapsed time, and `--quiet` silencing it.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn heal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heal"))
        .args(args)
        .current_dir(dir)
        .env_remove("HEAL_LOG")
        .env_remove("CI")
        .output()
        .expect("the heal binary runs")
}

/// A tree of 250 clean files, enough for a bar on a terminal.
fn many_files(root: &Path) {
    for module in 0..25 {
        let dir = root.join(format!("m{module}"));
        fs::create_dir_all(&dir).unwrap();
        for file in 0..10 {
            let text = format!("variable \"v{file}\" {{\n  default = {file}\n}}\n");
            fs::write(dir.join(format!("f{file}.tf")), text).unwrap();
        }
    }
}

#[test]
fn piped_run_has_no_progress_bar_and_ends_with_counts_and_time() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path());
    let output = heal(dir.path(), &["check"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        !stderr.contains("files ["),
        "a bar was drawn into a pipe: {stderr}"
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("Checked 250 files in "), "{stdout}");
    assert!(last.ends_with("s."), "{stdout}");
}

#[test]
fn quiet_run_prints_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path());
    let output = heal(dir.path(), &["--quiet", "check"]);
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn fix_ends_with_counts_and_time_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path());
    let output = heal(dir.path(), &["fix"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("Checked 250 files in "), "{stderr}");
}
