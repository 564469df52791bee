//! `heal fix --commit`: commits on the current branch of a real repository.

mod support;

use std::fs;
use std::path::Path;

use support::{git, heal, repository_with, scratch, INSECURE};

/// The rules these tests exercise; the catalog grows, the tests stay put.
const SELECT: &str = "aws-kms-key-rotation,aws-s3-bucket-versioning";

fn commit_fixes(dir: &Path, extra: &[&str]) -> std::process::Output {
    heal()
        .args(["fix", "--commit", "--select", SELECT])
        .args(extra)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn one_commit_per_rule_with_subject_body_and_identity_from_config() {
    let (_guard, root) = scratch();
    repository_with(&root, &[("main.tf", INSECURE)]);

    let output = commit_fixes(&root, &[]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");

    let subjects = git(&root, &["log", "--format=%s", "-3"]);
    assert_eq!(
        subjects,
        "heal: S3 buckets keep object versions (aws-s3-bucket-versioning)\n\
         heal: KMS keys rotate their key material (aws-kms-key-rotation)\n\
         initial"
            .replace("KMS keys rotate their key material", &kms_title()),
    );
    let body = git(&root, &["log", "--format=%b", "-1"]);
    assert!(body.contains("- main.tf:10 aws_s3_bucket.data"), "{body}");
    assert!(body.contains("Checkov: CKV_AWS_21"), "{body}");
    assert!(
        body.contains("Why: S3 bucket does not enable versioning"),
        "{body}"
    );
    assert_eq!(
        git(&root, &["log", "--format=%an <%ae>", "-1"]),
        "Test User <test@example.invalid>"
    );
    assert_eq!(
        git(&root, &["status", "--porcelain"]),
        "",
        "index and working tree match HEAD"
    );
    let committed = git(&root, &["show", "HEAD:main.tf"]);
    assert_eq!(
        committed.trim_end(),
        fs::read_to_string(root.join("main.tf")).unwrap().trim_end()
    );
    assert!(committed.contains("enable_key_rotation = true"));
}

fn kms_title() -> String {
    let output = heal()
        .args(["rules", "aws-kms-key-rotation", "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    value["title"].as_str().unwrap().to_string()
}

#[test]
fn author_flag_overrides_config_and_commit_per_all_makes_one_commit() {
    let (_guard, root) = scratch();
    repository_with(&root, &[("a/main.tf", INSECURE), ("b/main.tf", INSECURE)]);

    let output = commit_fixes(
        &root,
        &[
            "--commit-per",
            "all",
            "--author",
            "heal bot <bot@example.invalid>",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(git(&root, &["rev-list", "--count", "HEAD"]), "2");
    assert_eq!(
        git(&root, &["log", "--format=%an <%ae>|%cn", "-1"]),
        "heal bot <bot@example.invalid>|heal bot"
    );
    assert_eq!(
        git(&root, &["log", "--format=%s", "-1"]),
        "heal: fix 4 findings of 2 rules"
    );
}

#[test]
fn commit_per_file_makes_one_commit_per_changed_file() {
    let (_guard, root) = scratch();
    repository_with(&root, &[("a/main.tf", INSECURE), ("b/main.tf", INSECURE)]);
    let output = commit_fixes(&root, &["--commit-per", "file"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let subjects = git(&root, &["log", "--format=%s", "-2"]);
    assert!(
        subjects.contains("in b/main.tf") && subjects.contains("in a/main.tf"),
        "{subjects}"
    );
}

#[test]
fn refuses_files_with_unstaged_or_staged_changes_of_the_user() {
    for stage in [false, true] {
        let (_guard, root) = scratch();
        repository_with(&root, &[("main.tf", INSECURE)]);
        let edited = format!("{INSECURE}# my work in progress\n");
        fs::write(root.join("main.tf"), &edited).unwrap();
        if stage {
            git(&root, &["add", "main.tf"]);
        }

        let output = commit_fixes(&root, &[]);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let kind = if stage {
            "staged changes"
        } else {
            "unstaged changes"
        };
        assert!(stderr.contains(&format!("main.tf: has {kind}")), "{stderr}");
        assert_eq!(fs::read_to_string(root.join("main.tf")).unwrap(), edited);
        assert_eq!(git(&root, &["rev-list", "--count", "HEAD"]), "1");
    }
}

#[test]
fn other_staged_work_of_the_user_stays_staged_and_out_of_the_commit() {
    let (_guard, root) = scratch();
    repository_with(&root, &[("main.tf", INSECURE), ("notes.txt", "a\n")]);
    fs::write(root.join("notes.txt"), "b\n").unwrap();
    git(&root, &["add", "notes.txt"]);

    let output = commit_fixes(&root, &["--commit-per", "all"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        git(&root, &["show", "--format=", "--name-only", "HEAD"]),
        "main.tf"
    );
    assert_eq!(git(&root, &["status", "--porcelain"]), "M  notes.txt");
}

#[test]
fn outside_a_repository_commit_is_an_error() {
    let (_guard, root) = scratch();
    support::write_files(&root, &[("main.tf", INSECURE)]);
    let output = commit_fixes(&root, &[]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a git repository"));
}
