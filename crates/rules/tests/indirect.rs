//! Values that come from a variable or a local: judged where they are written,
//! fixed at the source when it is in the module, explained when the caller sets it.

use std::path::Path;

use heal_patch::{apply_edits, Applicability};
use heal_rules::{check_module, fix_module, FixOptions, Module, ModuleFile, Registry};
use heal_syntax::SourceFile;

fn module(files: &[(&str, &str)]) -> Module {
    let files = files
        .iter()
        .map(|(path, text)| ModuleFile::parse(SourceFile::new(path, text.to_string())).unwrap())
        .collect();
    Module::new("m", files)
}

fn kms_rules() -> Registry {
    Registry::load()
        .unwrap()
        .filtered(|id| id == "aws-kms-key-rotation")
}

const RESOURCE: &str = "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n}\n";

#[test]
fn variable_default_in_another_file_is_fixed_there() {
    let variables = "variable \"rotate\" {\n  default = false # decided in 2019\n}\n";
    let module = module(&[("m/main.tf", RESOURCE), ("m/variables.tf", variables)]);
    let registry = kms_rules();
    let findings = check_module(&registry, &module, &|_: &Path| true);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.path, Path::new("m/main.tf"));
    assert!(
        finding
            .message
            .ends_with("(the value comes from `var.rotate`)"),
        "{}",
        finding.message
    );
    assert_eq!(finding.related[0].path, Path::new("m/variables.tf"));
    assert_eq!(finding.fix_target(), Path::new("m/variables.tf"));
    let fix = finding.fix.as_ref().unwrap();
    assert_eq!(fix.applicability(), Applicability::Unsafe);
    assert_eq!(
        apply_edits(variables, fix.edits()).unwrap(),
        "variable \"rotate\" {\n  default = true # decided in 2019\n}\n"
    );

    // Safe fixes leave it alone; unsafe fixes write the variable file only.
    let safe = FixOptions {
        unsafe_fixes: false,
        display_only: false,
    };
    assert!(fix_module(&registry, &module, &|_: &Path| true, safe)
        .changed
        .is_empty());
    let all = FixOptions {
        unsafe_fixes: true,
        display_only: false,
    };
    let outcome = fix_module(&registry, &module, &|_: &Path| true, all);
    assert_eq!(
        outcome.changed.keys().collect::<Vec<_>>(),
        [Path::new("m/variables.tf")]
    );
    assert!(outcome.remaining.is_empty());
}

#[test]
fn a_variable_the_caller_sets_is_reported_without_a_fix() {
    let variables = "variable \"rotate\" {\n  type = bool\n}\n";
    let module = module(&[("m/main.tf", RESOURCE), ("m/variables.tf", variables)]);
    let findings = check_module(&kms_rules(), &module, &|_: &Path| true);
    assert_eq!(findings.len(), 1);
    assert!(findings[0].fix.is_none());
    assert!(
        findings[0]
            .message
            .contains("which the module's caller sets; have the caller pass `true`"),
        "{}",
        findings[0].message
    );
}

#[test]
fn a_good_default_or_local_passes_and_a_bad_local_is_fixed() {
    let good = "variable \"rotate\" {\n  default = true\n}\n";
    let module_good = module(&[("m/main.tf", RESOURCE), ("m/variables.tf", good)]);
    assert!(check_module(&kms_rules(), &module_good, &|_: &Path| true).is_empty());

    let text = "locals {\n  rotate = false\n}\n\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = local.rotate\n}\n";
    let module_local = module(&[("m/main.tf", text)]);
    let findings = check_module(&kms_rules(), &module_local, &|_: &Path| true);
    assert_eq!(findings.len(), 1);
    assert!(findings[0]
        .message
        .ends_with("(the value comes from `local.rotate`)"));
    let fixed = apply_edits(text, findings[0].fix.as_ref().unwrap().edits()).unwrap();
    assert!(fixed.starts_with("locals {\n  rotate = true\n}\n"));
}

#[test]
fn values_from_elsewhere_are_not_guessed() {
    let text = "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = module.keys.rotate\n}\n";
    let findings = check_module(
        &kms_rules(),
        &module(&[("m/main.tf", text)]),
        &|_: &Path| true,
    );
    assert!(findings.is_empty(), "{findings:?}");
}
