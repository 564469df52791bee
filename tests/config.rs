//! `.heal.hcl` at the repository root: settings, per-path ignores, errors.

mod support;

use std::fs;
use std::path::Path;

use support::{git, heal, repository_with, scratch, INSECURE};

fn findings(dir: &Path, extra: &[&str]) -> (Option<i32>, Vec<String>, String) {
    let output = heal()
        .args(["check", "--format", "github"])
        .args(extra)
        .current_dir(dir)
        .output()
        .unwrap();
    let rules = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split("title=heal ").nth(1))
        .map(|rest| {
            let file = rest.split("::").next().unwrap_or_default();
            file.to_string()
        })
        .collect();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), rules, stderr)
}

#[test]
fn select_comes_from_the_file_and_flags_override_it() {
    let (_guard, root) = scratch();
    let config = "select = [\"aws-kms-\"]\n";
    repository_with(&root, &[("main.tf", INSECURE), (".heal.hcl", config)]);
    let (_, rules, _) = findings(&root, &[]);
    assert_eq!(rules, ["aws-kms-key-rotation"]);
    // From a subdirectory too: the file is found at the repository root.
    fs::create_dir_all(root.join("sub")).unwrap();
    let (_, rules, _) = findings(&root.join("sub"), &[".."]);
    assert_eq!(rules, ["aws-kms-key-rotation"]);
    let (_, rules, _) = findings(&root, &["--select", "aws-s3-bucket-versioning"]);
    assert_eq!(rules, ["aws-s3-bucket-versioning"]);
}

#[test]
fn path_blocks_skip_rules_under_a_glob_for_check_and_fix() {
    let (_guard, root) = scratch();
    let config = "select = [\"aws-kms-\"]\n\npath \"legacy/**\" {\n  ignore = [\"*\"]\n}\n";
    repository_with(
        &root,
        &[
            ("main.tf", INSECURE),
            ("legacy/old/main.tf", INSECURE),
            (".heal.hcl", config),
        ],
    );
    let output = heal()
        .args(["check", "--format", "github"])
        .current_dir(&root)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("file=main.tf"), "{text}");
    assert!(!text.contains("legacy"), "{text}");

    let status = heal()
        .args(["fix", "-q"])
        .current_dir(&root)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(root.join("legacy/old/main.tf")).unwrap(),
        INSECURE
    );
    assert!(fs::read_to_string(root.join("main.tf"))
        .unwrap()
        .contains("enable_key_rotation"));
}

#[test]
fn unknown_keys_and_bad_values_are_errors_with_file_and_line() {
    let (_guard, root) = scratch();
    repository_with(
        &root,
        &[
            ("main.tf", INSECURE),
            (".heal.hcl", "select = [\"aws-\"]\nunsafe = true\n"),
        ],
    );
    let (code, _, stderr) = findings(&root, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(".heal.hcl:2:1: unknown key `unsafe`; expected one of"),
        "{stderr}"
    );

    fs::write(root.join(".heal.hcl"), "commit_per = \"module\"\n").unwrap();
    let (code, _, stderr) = findings(&root, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(".heal.hcl:1:14: `commit_per` must be one of \"rule\", \"file\", \"all\""),
        "{stderr}"
    );
}

#[test]
fn the_bot_reads_the_base_trees_file_for_grouping_and_branch_prefix() {
    let (_guard, root) = scratch();
    let config = "select = [\"aws-kms-\", \"aws-s3-bucket-versioning\"]\ngroup = \"all\"\nbranch_prefix = \"security/\"\n";
    repository_with(&root, &[("main.tf", INSECURE), (".heal.hcl", config)]);
    let bare = root.join("bare.git");
    git(
        &root,
        &["clone", "-q", "--bare", ".", bare.to_str().unwrap()],
    );
    let output = heal().arg("bot").current_dir(&bare).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("security/all: created (2 fixes)"),
        "{output:?}"
    );
}
