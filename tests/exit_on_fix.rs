//! `heal fix --exit-non-zero-on-fix`: the status pre-commit hooks need.

mod support;

use support::{heal, scratch, write_files};

const KEY: &str = "resource \"aws_kms_key\" \"data\" {\n  description = \"data\"\n}\n";

#[test]
fn fails_when_it_changed_a_file_and_passes_when_nothing_changes() {
    let (_guard, root) = scratch();
    write_files(&root, &[("main.tf", KEY)]);
    let run = || {
        heal()
            .args([
                "fix",
                "-q",
                "--exit-non-zero-on-fix",
                "--select",
                "aws-kms-key-rotation",
                "main.tf",
            ])
            .current_dir(&root)
            .status()
            .unwrap()
            .code()
    };
    assert_eq!(run(), Some(1), "the first run fixes main.tf");
    let fixed = std::fs::read_to_string(root.join("main.tf")).unwrap();
    assert!(fixed.contains("enable_key_rotation = true"), "{fixed}");
    assert_eq!(run(), Some(0), "the second run has nothing to change");
}
