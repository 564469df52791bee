//! `heal fix --patch`: the patch applies with real `git apply` in a fresh clone.

mod support;

use std::fs;

use support::{git, git_output, heal, repository_with, scratch, INSECURE};

/// The rules these tests exercise; the catalog grows, the tests stay put.
const SELECT: &str = "aws-kms-key-rotation,aws-s3-bucket-versioning";

#[test]
fn patch_applies_with_git_apply_in_a_fresh_clone() {
    let (_guard, root) = scratch();
    let origin = root.join("origin");
    repository_with(
        &origin,
        &[("infra/storage/main.tf", INSECURE), ("README.md", "x\n")],
    );
    let patch = root.join("fixes.patch");

    // Run from a subdirectory: the patch's paths must still be relative to the root.
    let output = heal()
        .args(["fix", "--select", SELECT, "--patch"])
        .arg(&patch)
        .arg(".")
        .current_dir(origin.join("infra"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = fs::read_to_string(&patch).unwrap();
    assert!(
        text.contains("--- a/infra/storage/main.tf\n+++ b/infra/storage/main.tf\n"),
        "{text}"
    );
    assert_eq!(
        fs::read_to_string(origin.join("infra/storage/main.tf")).unwrap(),
        INSECURE,
        "--patch writes no other file"
    );
    assert_eq!(git(&origin, &["status", "--porcelain"]), "");

    let clone = root.join("clone");
    git(
        &root,
        &[
            "clone",
            "-q",
            origin.to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
    );
    git(&clone, &["apply", "--check", patch.to_str().unwrap()]);
    git(&clone, &["apply", patch.to_str().unwrap()]);
    let fixed = fs::read_to_string(clone.join("infra/storage/main.tf")).unwrap();
    assert!(fixed.contains("enable_key_rotation = true"), "{fixed}");
    assert!(fixed.contains("versioning {"), "{fixed}");

    let check = heal()
        .args(["check", "--select", SELECT, "."])
        .current_dir(&clone)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

#[test]
fn patch_applies_with_patch_p1() {
    if std::process::Command::new("patch")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `patch` binary on this machine");
        return;
    }
    let (_guard, root) = scratch();
    let origin = root.join("origin");
    repository_with(&origin, &[("main.tf", INSECURE)]);
    let patch = root.join("fixes.patch");
    let status = heal()
        .args(["fix", "-q", "--select", SELECT, "--patch"])
        .arg(&patch)
        .current_dir(&origin)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let applied = std::process::Command::new("patch")
        .args(["-p1", "-i"])
        .arg(&patch)
        .current_dir(&origin)
        .output()
        .unwrap();
    assert!(applied.status.success(), "{applied:?}");
    let diff = git_output(&origin, &["diff", "--stat"]);
    assert!(String::from_utf8_lossy(&diff.stdout).contains("main.tf"));
}

#[test]
fn outside_a_repository_paths_are_relative_to_the_current_directory() {
    let (_guard, root) = scratch();
    support::write_files(&root, &[("work/modules/main.tf", INSECURE)]);
    let patch = root.join("fixes.patch");
    let status = heal()
        .args(["fix", "-q", "--select", SELECT, "--patch"])
        .arg(&patch)
        .current_dir(root.join("work"))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let text = fs::read_to_string(&patch).unwrap();
    assert!(text.contains("--- a/modules/main.tf"), "{text}");
}
