//! Ctrl-C (SIGINT) or SIGTERM in the middle of `heal fix`: heal lets the write
//! in progress finish and exits with 128 plus the signal; every file is either
//! as it was or fully fixed, and no temporary file is left in the tree.
#![cfg(unix)]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use support::snapshot;

/// 30 modules of 10 files, each file a few KMS keys whose rotation heal turns
/// on: enough writes (each flushed to disk) that a signal lands among them.
fn build_tree(root: &Path) {
    for module in 0..30 {
        let dir = root.join(format!("m{module}"));
        fs::create_dir_all(&dir).unwrap();
        for file in 0..10 {
            let mut text = String::from("# keys\n");
            for key in 0..4 {
                text.push_str(&format!(
                    "\nresource \"aws_kms_key\" \"k{file}_{key}\" {{\n  description = \"key {key}\"\n}}\n"
                ));
            }
            fs::write(dir.join(format!("f{file}.tf")), text).unwrap();
        }
    }
}

fn fix(dir: &Path) -> Command {
    let mut command = support::heal();
    command
        .args(["fix", "--select", "aws-kms-key-rotation", "."])
        .current_dir(dir)
        .env("CI", "true")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Waits until process `pid` catches SIGINT, read from its `SigCgt` mask in
/// `/proc` (Linux): a signal before heal installs its handler would end it as
/// any process, which says nothing about heal. Elsewhere it waits 50 ms.
fn wait_for_signal_handler(pid: u32) {
    const SIGINT_BIT: u64 = 1 << (2 - 1);
    let status = format!("/proc/{pid}/status");
    if !Path::new(&status).exists() {
        std::thread::sleep(std::time::Duration::from_millis(50));
        return;
    }
    // Bounded, so that a heal without a handler fails the test, not hangs it.
    let deadline = Instant::now() + std::time::Duration::from_secs(5);
    while Instant::now() < deadline {
        let Ok(text) = fs::read_to_string(&status) else {
            return; // The process ended already.
        };
        let caught = text
            .lines()
            .find_map(|line| line.strip_prefix("SigCgt:"))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .unwrap_or(0);
        if caught & SIGINT_BIT != 0 {
            return;
        }
        std::thread::yield_now();
    }
}

#[test]
fn a_signal_during_fix_leaves_every_file_whole_and_no_temporary_file() {
    let original = {
        let dir = tempfile::tempdir().unwrap();
        build_tree(dir.path());
        snapshot(dir.path())
    };
    let (expected, full_run) = {
        let dir = tempfile::tempdir().unwrap();
        build_tree(dir.path());
        let started = Instant::now();
        let output = fix(dir.path()).output().unwrap();
        let elapsed = started.elapsed();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        (snapshot(dir.path()), elapsed)
    };
    assert_eq!(expected.len(), original.len());
    assert!(expected.iter().all(|(path, text)| original[path] != *text));

    let mut interrupted = 0;
    // Signals at fractions of a whole run: during the walk and parse, among
    // the writes, near the end.
    for (round, (signal, fraction)) in [
        (libc::SIGINT, 0.0),
        (libc::SIGINT, 0.05),
        (libc::SIGINT, 0.1),
        (libc::SIGINT, 0.3),
        (libc::SIGTERM, 0.5),
        (libc::SIGINT, 0.7),
        (libc::SIGINT, 0.9),
    ]
    .into_iter()
    .enumerate()
    {
        let dir = tempfile::tempdir().unwrap();
        build_tree(dir.path());
        let child = fix(dir.path()).spawn().unwrap();
        wait_for_signal_handler(child.id());
        std::thread::sleep(full_run.mul_f64(fraction));
        let pid = libc::pid_t::try_from(child.id()).unwrap();
        // SAFETY: kill takes plain integers; the child is not yet waited for,
        // so its pid still names it.
        let sent = unsafe { libc::kill(pid, signal) };
        assert_eq!(sent, 0, "round {round}: kill({pid}, {signal}) failed");
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let code = output.status.code();
        let expected_code = 128 + signal;
        match code {
            Some(c) if c == expected_code => {
                interrupted += 1;
                assert!(
                    stderr.contains("heal: interrupted"),
                    "round {round}: {stderr}"
                );
            }
            // The run ended before the signal came.
            Some(0) => {}
            _ => panic!(
                "round {round}: heal ended with {:?}: {stderr}",
                output.status
            ),
        }

        let after = snapshot(dir.path());
        let names: Vec<_> = after.keys().collect();
        assert_eq!(
            names,
            original.keys().collect::<Vec<_>>(),
            "round {round}: the tree holds other files than before (a temporary file left?)"
        );
        for (path, text) in &after {
            assert!(
                *text == original[path] || *text == expected[path],
                "round {round}: {} is neither the original nor the fixed file:\n{}",
                path.display(),
                String::from_utf8_lossy(text)
            );
        }
        if code == Some(0) {
            assert_eq!(
                after, expected,
                "round {round}: a full run fixes everything"
            );
        }
        // A second run finishes the job.
        let rerun = fix(dir.path()).output().unwrap();
        assert_eq!(rerun.status.code(), Some(0), "round {round}: {rerun:?}");
        assert_eq!(snapshot(dir.path()), expected, "round {round}");
    }
    eprintln!("a whole run took {full_run:?}; {interrupted} of the rounds were interrupted");
    assert!(
        interrupted > 0,
        "no round was interrupted; a whole run took {full_run:?}"
    );
}
