//! `heal check --format sarif|github`. The full schema check against the
//! published SARIF 2.1.0 schema is scripts/validate-sarif.sh (it fetches the
//! schema); this test pins the structure without a network.

mod support;

use serde_json::Value;
use support::{heal, repository_with, scratch, INSECURE};

const SELECT: &str = "aws-kms-key-rotation,aws-s3-bucket-versioning";

fn check(dir: &std::path::Path, format: &str) -> (Option<i32>, String) {
    let output = heal()
        .args(["check", "--select", SELECT, "--format", format, "."])
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn sarif_has_the_required_structure_and_fixes_with_replacements() {
    let (_guard, root) = scratch();
    repository_with(&root, &[("infra/main.tf", INSECURE)]);
    let (code, text) = check(&root.join("infra"), "sarif");
    assert_eq!(code, Some(1));
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "heal");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(result["message"]["text"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"], "infra/main.tf",
            "root-relative"
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        let change = &result["fixes"][0]["artifactChanges"][0];
        assert_eq!(change["artifactLocation"]["uri"], "infra/main.tf");
        let replacement = &change["replacements"][0];
        assert!(replacement["deletedRegion"]["startLine"].as_u64().unwrap() >= 1);
        assert!(replacement["insertedContent"]["text"].is_string());
    }
    let kms = results
        .iter()
        .find(|r| r["ruleId"] == "aws-kms-key-rotation")
        .unwrap();
    let inserted: String = kms["fixes"][0]["artifactChanges"][0]["replacements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["insertedContent"]["text"].as_str().unwrap().to_string())
        .collect();
    assert!(inserted.contains("enable_key_rotation"), "{inserted}");
}

#[test]
fn github_annotations_name_file_line_column_and_title() {
    let (_guard, root) = scratch();
    repository_with(&root, &[("infra/main.tf", INSECURE)]);
    let (code, text) = check(&root, "github");
    assert_eq!(code, Some(1));
    let line = text
        .lines()
        .find(|line| line.contains("aws-kms-key-rotation"))
        .unwrap();
    assert!(
        line.starts_with("::warning file=infra/main.tf,line=14,col=1,"),
        "{line}"
    );
    assert!(
        line.contains(",title=heal aws-kms-key-rotation::KMS key"),
        "{line}"
    );
    assert!(line.ends_with("Fix: heal fix."), "{line}");
}
