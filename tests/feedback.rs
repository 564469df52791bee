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

/// A module of two files: a key to fix, and a key whose finding is suppressed.
fn module_with_a_suppression(root: &Path) {
    let module = root.join("keys");
    fs::create_dir_all(&module).unwrap();
    fs::write(
        module.join("a.tf"),
        "resource \"aws_kms_key\" \"a\" {\n  description = \"a\"\n}\n",
    )
    .unwrap();
    fs::write(
        module.join("b.tf"),
        "# heal:ignore aws-kms-key-rotation\nresource \"aws_kms_key\" \"b\" {\n  description = \"b\"\n}\n",
    )
    .unwrap();
}

#[test]
fn verbose_check_logs_the_walk_each_module_and_each_suppression_as_path_what_detail() {
    let dir = tempfile::tempdir().unwrap();
    module_with_a_suppression(dir.path());
    let output = heal(dir.path(), &["check", "-v", "keys"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in [
        "[DEBUG] keys: walked: 2 .tf files",
        "[DEBUG] keys: checked: 2 files, 1 finding, 1 suppressed",
        "[DEBUG] keys/b.tf:2:1: suppressed: aws-kms-key-rotation by `heal:ignore aws-kms-key-rotation`",
    ] {
        assert!(stderr.lines().any(|l| l == line), "no `{line}` in:\n{stderr}");
    }
    // Trace messages, and the directory walker's own, need -vv.
    assert!(!stderr.contains("[TRACE]"), "{stderr}");

    let quiet = heal(dir.path(), &["check", "keys"]);
    let stderr = String::from_utf8_lossy(&quiet.stderr);
    assert!(!stderr.contains("[DEBUG]"), "{stderr}");
}

#[test]
fn very_verbose_check_adds_trace_messages() {
    let dir = tempfile::tempdir().unwrap();
    module_with_a_suppression(dir.path());
    let output = heal(dir.path(), &["check", "-vv", "keys"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = "[TRACE] keys: read: 2 files, 2 of them to report on";
    assert!(
        stderr.lines().any(|l| l == line),
        "no `{line}` in:\n{stderr}"
    );
}

#[test]
fn verbose_fix_logs_each_pass_and_each_write() {
    let dir = tempfile::tempdir().unwrap();
    module_with_a_suppression(dir.path());
    let output = heal(dir.path(), &["fix", "-v", "keys"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in [
        "[DEBUG] keys/a.tf: pass 1: fixes applied: 1 (aws-kms-key-rotation)",
        "[DEBUG] keys: fixed: 2 files, 1 fix applied, 0 findings, 1 suppressed",
    ] {
        assert!(
            stderr.lines().any(|l| l == line),
            "no `{line}` in:\n{stderr}"
        );
    }
    let written = fs::read_to_string(dir.path().join("keys/a.tf")).unwrap();
    let line = format!("[DEBUG] keys/a.tf: written: {} bytes", written.len());
    assert!(
        stderr.lines().any(|l| l == line),
        "no `{line}` in:\n{stderr}"
    );
}

/// On a terminal (a pseudo-terminal from util-linux's `script`), a run over
/// many files draws a bar; skipped where `script` is not installed.
#[test]
fn run_on_a_terminal_draws_a_progress_bar() {
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("skipped: /usr/bin/script (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path());
    let command = format!("{} check", env!("CARGO_BIN_EXE_heal"));
    let output = Command::new(script)
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .current_dir(dir.path())
        .env_remove("HEAL_LOG")
        .env_remove("CI")
        .output()
        .expect("script runs");
    let screen = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{screen}");
    assert!(
        screen.contains("/250 files ["),
        "no bar on the terminal:\n{screen}"
    );
    assert!(screen.contains("Checked 250 files in "), "{screen}");

    // The same terminal under CI shows no bar.
    let output = Command::new(script)
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .current_dir(dir.path())
        .env("CI", "true")
        .output()
        .expect("script runs");
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(!screen.contains("files ["), "a bar under CI:\n{screen}");
}
