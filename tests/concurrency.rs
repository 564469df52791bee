//! Two heal processes fixing overlapping sets of files at once, as pre-commit
//! does when it runs hook batches in parallel: no file may end up corrupted, half
//! written, or different from what one run alone writes.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use support::snapshot;

fn heal(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_heal"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("HEAL_LOG")
        .env("CI", "true")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn wait(child: Child) -> Output {
    child.wait_with_output().expect("heal runs to the end")
}

/// A tree of three modules, each with four files of fixable KMS keys and S3
/// buckets (one to 25 resources per file).
fn build_tree(root: &Path) {
    let kms = "resource \"aws_kms_key\" \"k{n}\" {\n  description = \"key {n}\"\n}\n\n";
    let bucket = "resource \"aws_s3_bucket\" \"b{n}\" {\n  bucket = \"bucket-{n}\"\n}\n\n";
    for module in ["a", "b", "c"] {
        let dir = root.join(module);
        fs::create_dir_all(&dir).unwrap();
        for file in 0..4 {
            let mut text = String::from("# keep this comment\n\n");
            for n in 0..(1 + file * 8) {
                let template = if n % 2 == 0 { kms } else { bucket };
                // Names are unique in the module: a companion resource added
                // for `b1` in one file must not stand for another file's `b1`.
                text.push_str(&template.replace("{n}", &format!("{file}_{n}")));
            }
            fs::write(dir.join(format!("f{file}.tf")), text).unwrap();
        }
    }
}

/// What one `heal fix` alone makes of the tree.
fn expected_after_fix() -> BTreeMap<PathBuf, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    build_tree(dir.path());
    let output = wait(heal(dir.path(), &["fix", "."]).spawn().unwrap());
    assert_ne!(output.status.code(), Some(2), "{output:?}");
    snapshot(dir.path())
}

#[test]
fn two_processes_fixing_overlapping_files_agree_with_one() {
    let expected = expected_after_fix();
    let original = {
        let dir = tempfile::tempdir().unwrap();
        build_tree(dir.path());
        snapshot(dir.path())
    };
    assert_ne!(expected, original, "the tree has something to fix");

    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        build_tree(dir.path());
        // One process fixes everything, the other a subset that overlaps it; they
        // start in either order.
        let whole = ["fix", "."];
        let part = ["fix", "a", "b/f3.tf", "c/f1.tf", "c/f2.tf"];
        let (first, second) = if round % 2 == 0 {
            (&whole[..], &part[..])
        } else {
            (&part[..], &whole[..])
        };
        let one = heal(dir.path(), first).spawn().unwrap();
        let two = heal(dir.path(), second).spawn().unwrap();
        for output in [wait(one), wait(two)] {
            let message = String::from_utf8_lossy(&output.stderr);
            assert_ne!(output.status.code(), Some(2), "round {round}: {message}");
        }

        let after = snapshot(dir.path());
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &after {
            assert!(
                bytes == &expected[path],
                "round {round}: {} differs from a single run's output",
                path.display()
            );
        }
        let check = wait(heal(dir.path(), &["check", "."]).spawn().unwrap());
        assert_ne!(
            check.status.code(),
            Some(2),
            "round {round}: output does not parse"
        );
    }
}
