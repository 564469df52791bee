//! End-to-end tests of the `heal` binary on real files in temporary directories.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn heal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heal"))
        .args(args)
        .current_dir(dir)
        .env_remove("HEAL_LOG")
        .output()
        .expect("the heal binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const KMS: &str = "resource \"aws_kms_key\" \"k\" {\n  description = \"x\"\n}\n";
const KMS_FIXED: &str =
    "resource \"aws_kms_key\" \"k\" {\n  description         = \"x\"\n  enable_key_rotation = true\n}\n";

#[test]
fn check_reports_findings_with_position_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    let output = heal(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("main.tf:1:1: aws-kms-key-rotation "),
        "{text}"
    );
    assert!(text.contains("1 fixable with `heal fix`."), "{text}");
    assert_eq!(fs::read_to_string(dir.path().join("main.tf")).unwrap(), KMS);
}

#[test]
fn fix_writes_in_place_then_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.tf");
    fs::write(&path, KMS).unwrap();
    let output = heal(dir.path(), &["fix"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&path).unwrap(), KMS_FIXED);
    assert!(stderr(&output).contains("1 × aws-kms-key-rotation"));

    let again = heal(dir.path(), &["fix"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stderr(&again).contains("Nothing to fix."));
    assert_eq!(fs::read_to_string(&path).unwrap(), KMS_FIXED);
}

#[test]
fn fix_keeps_crlf_bom_and_a_missing_final_newline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.tf");
    let input = "\u{feff}resource \"aws_kms_key\" \"k\" {\r\n  description = \"x\"\r\n}";
    fs::write(&path, input).unwrap();
    let output = heal(dir.path(), &["fix"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "\u{feff}resource \"aws_kms_key\" \"k\" {\r\n  description         = \"x\"\r\n  enable_key_rotation = true\r\n}"
    );
}

#[test]
fn diff_prints_a_patch_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    let output = heal(dir.path(), &["fix", "--diff"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "--- a/main.tf\n+++ b/main.tf\n@@ -1,3 +1,4 @@\n resource \"aws_kms_key\" \"k\" {\n-  description = \"x\"\n+  description         = \"x\"\n+  enable_key_rotation = true\n }\n"
    );
    assert_eq!(fs::read_to_string(dir.path().join("main.tf")).unwrap(), KMS);
}

#[test]
fn unparsable_file_is_reported_left_untouched_and_others_still_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "resource \"aws_kms_key\" \"k\" {\n  description = \n}\n";
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::create_dir(dir.path().join("b")).unwrap();
    fs::write(dir.path().join("a/broken.tf"), broken).unwrap();
    fs::write(dir.path().join("b/main.tf"), KMS).unwrap();
    let output = heal(dir.path(), &["fix"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("broken.tf:2:"), "{errors}");
    assert!(errors.contains("cannot parse"), "{errors}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a/broken.tf")).unwrap(),
        broken
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("b/main.tf")).unwrap(),
        KMS_FIXED
    );
}

#[test]
fn binary_and_non_utf8_files_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("binary.tf"), b"\x00\x01\x02resource").unwrap();
    fs::write(
        dir.path().join("latin1.tf"),
        b"# caf\xe9\nresource \"a\" \"b\" {}\n",
    )
    .unwrap();
    let output = heal(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("binary.tf: binary content"), "{errors}");
    assert!(errors.contains("latin1.tf:1:6: invalid UTF-8"), "{errors}");
}

#[test]
fn suppression_comments_silence_findings() {
    let dir = tempfile::tempdir().unwrap();
    let text = "resource \"aws_kms_key\" \"k\" {\n  #checkov:skip=CKV_AWS_7:rotation handled elsewhere\n}\n";
    fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = heal(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("(1 suppressed)"));
    let fixed = heal(dir.path(), &["fix"]);
    assert_eq!(fixed.status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        text
    );
}

#[test]
fn select_and_ignore_filter_rules_by_prefix() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    let ignored = heal(dir.path(), &["check", "--ignore", "aws-kms"]);
    assert_eq!(ignored.status.code(), Some(0));
    let selected = heal(dir.path(), &["check", "--select", "aws-kms-key-rotation"]);
    assert_eq!(selected.status.code(), Some(1));
    let unknown = heal(dir.path(), &["check", "--select", "no-such-rule"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no rule id starts with `no-such-rule`"));
}

#[test]
fn walk_honours_gitignore_and_skips_dot_terraform() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::create_dir_all(root.join(".terraform/modules/x")).unwrap();
    fs::create_dir_all(root.join("generated")).unwrap();
    fs::write(root.join(".gitignore"), "generated/\n").unwrap();
    fs::write(root.join(".terraform/modules/x/main.tf"), KMS).unwrap();
    fs::write(root.join("generated/main.tf"), KMS).unwrap();
    let output = heal(root, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("No findings in 0 files."));
}

#[test]
fn json_output_follows_the_documented_schema() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    let output = heal(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["version"], 1);
    let finding = &document["findings"][0];
    assert_eq!(finding["rule"], "aws-kms-key-rotation");
    assert_eq!(finding["address"], "aws_kms_key.k");
    assert_eq!(finding["start"]["line"], 1);
    assert_eq!(finding["checkov"][0], "CKV_AWS_7");
    assert_eq!(finding["fix"]["applicability"], "safe");
    let edits = finding["fix"]["edits"].as_array().unwrap();
    assert!(edits
        .iter()
        .any(|edit| edit["content"] == "  enable_key_rotation = true\n"));
    assert_eq!(document["summary"]["fixable_safe"], 1);
}

#[test]
fn rules_lists_the_catalog_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let output = heal(dir.path(), &["rules", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rule = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|rule| rule["id"] == "aws-s3-bucket-versioning")
        .unwrap();
    for key in [
        "id", "title", "severity", "provider", "fix", "checkov", "trivy",
    ] {
        assert!(!rule[key].is_null(), "missing {key}");
    }
    assert_eq!(rule["fix"], "safe");
    let doc = heal(dir.path(), &["rules", "aws-s3-bucket-versioning"]);
    assert!(stdout(&doc).contains("## Fix safety"));
}

#[test]
fn companion_in_another_file_satisfies_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bucket.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("versioning.tf"),
        "resource \"aws_s3_bucket_versioning\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n",
    )
    .unwrap();
    // Asking about one file still reads its module for context.
    let output = heal(
        dir.path(),
        &["check", "--select", "aws-s3-bucket-versioning", "bucket.tf"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn a_lock_file_pinning_an_old_aws_provider_gets_the_inline_fix() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join(".terraform.lock.hcl"),
        "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = \"3.76.1\"\n}\n",
    )
    .unwrap();
    let output = heal(dir.path(), &["fix", "--select", "aws-s3-bucket-versioning"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n\n  versioning {\n    enabled = true\n  }\n}\n"
    );
}

#[test]
fn findings_left_after_fixing_point_into_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{KMS}\nresource \"aws_security_group_rule\" \"ssh\" {{\n  type        = \"ingress\"\n  description = \"SSH\"\n  from_port   = 22\n  to_port     = 22\n  protocol    = \"tcp\"\n  cidr_blocks = [\"0.0.0.0/0\"]\n}}\n"
    );
    fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = heal(dir.path(), &["fix"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let shown = stdout(&output);
    // The KMS fix added a line above: the SSH finding moved from line 11 to 12.
    assert!(
        shown.contains("main.tf:12:18: aws-security-group-ssh-open-to-world"),
        "{shown}"
    );
    assert!(
        shown.contains("12 |   cidr_blocks = [\"0.0.0.0/0\"]"),
        "{shown}"
    );
}

/// More modules than heal processes in one window (256): findings from every
/// window, in directory order, in every format; the error of a broken file
/// reported at the end.
#[test]
fn runs_over_many_modules_report_every_finding_in_directory_order() {
    let dir = tempfile::tempdir().unwrap();
    let modules = 300;
    for n in 0..modules {
        let module = dir.path().join(format!("m{n:03}"));
        fs::create_dir(&module).unwrap();
        fs::write(module.join("main.tf"), KMS).unwrap();
    }
    fs::write(dir.path().join("m150/broken.tf"), "resource {\n").unwrap();
    let select = ["--select", "aws-kms-key-rotation"];

    let text = heal(dir.path(), &[&["check"][..], &select].concat());
    assert_eq!(text.status.code(), Some(2), "{}", stderr(&text));
    let reported: Vec<String> = stdout(&text)
        .lines()
        .filter(|line| line.contains(" aws-kms-key-rotation "))
        .map(|line| {
            line.trim_start_matches("./")
                .split('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = (0..modules).map(|n| format!("m{n:03}")).collect();
    assert_eq!(reported, expected);
    assert!(
        stderr(&text).contains("m150/broken.tf:"),
        "{}",
        stderr(&text)
    );
    assert!(stdout(&text).contains("Found 300 findings in 301 files"));

    let json = heal(
        dir.path(),
        &[&["check", "--format", "json"][..], &select].concat(),
    );
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let paths: Vec<&str> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| finding["path"].as_str().unwrap().trim_start_matches("./"))
        .collect();
    let expected_paths: Vec<String> = expected.iter().map(|m| format!("{m}/main.tf")).collect();
    assert_eq!(paths, expected_paths);
    assert_eq!(document["summary"]["findings"], modules);
    let error_path = document["errors"][0]["path"].as_str().unwrap();
    assert_eq!(error_path.trim_start_matches("./"), "m150/broken.tf");

    let sarif = heal(
        dir.path(),
        &[&["check", "--format", "sarif"][..], &select].concat(),
    );
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), modules);
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );

    let fixed = heal(dir.path(), &[&["fix"][..], &select].concat());
    assert!(
        stderr(&fixed).contains("Fixed 300 findings in 300 files"),
        "{}",
        stderr(&fixed)
    );
    for module in &expected {
        let text = fs::read_to_string(dir.path().join(module).join("main.tf")).unwrap();
        assert_eq!(text, KMS_FIXED, "{module}");
    }
}

/// `heal fix main.tf .` (a hook passing file names, plus the tree) names one
/// file twice; it was reported, counted and fixed once per spelling.
#[test]
fn a_file_named_twice_in_different_spellings_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    let absolute = dir.path().join("main.tf");
    let absolute = absolute.to_str().unwrap();
    let args = ["main.tf", ".", "./main.tf", absolute];

    let check = heal(dir.path(), &[&["check", "-q"], &args[..]].concat());
    let text = stdout(&check);
    assert_eq!(text.matches("aws-kms-key-rotation").count(), 1, "{text}");

    let fix = heal(dir.path(), &[&["fix"], &args[..]].concat());
    let summary = stderr(&fix);
    assert!(summary.contains("Fixed 1 finding in 1 file"), "{summary}");
    assert!(summary.contains("Checked 1 file in "), "{summary}");
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        KMS_FIXED
    );
}
