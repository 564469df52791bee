//! Walks the whole catalog and checks every rule against its fixtures:
//!
//! - `fixtures/<name>.tf` must trigger the rule, and fixing it (every fix, display-only
//!   suggestions included) must give exactly `fixtures/<name>.fixed.tf`, which parses,
//!   no longer triggers the rule, and is left alone by a second fix;
//! - `fixtures/pass*.tf` must not trigger the rule and must not change;
//! - every byte outside the fix's edits is unchanged (the edits are the diff).

use std::fs;
use std::path::{Path, PathBuf};

use heal_rules::{check_module, fix_module, FixOptions, Module, ModuleFile, Registry};
use heal_syntax::SourceFile;

fn catalog_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../remediations")
}

fn module_of(path: &Path, text: &str) -> Module {
    let file = ModuleFile::parse(SourceFile::new(path, text.to_string()))
        .unwrap_or_else(|error| panic!("{}: does not parse: {error}", path.display()));
    Module::new(path.parent().unwrap(), vec![file])
}

const ALL: FixOptions = FixOptions {
    unsafe_fixes: true,
    display_only: true,
};

fn fixtures(rule_dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(rule_dir.join("fixtures"))
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|path| {
        let name = path.file_name().unwrap().to_string_lossy();
        name.ends_with(".tf") && !name.ends_with(".fixed.tf")
    });
    found.sort();
    found
}

fn check_rule(registry: &Registry, id: &str, failures: &mut Vec<String>) {
    let rule_dir = catalog_dir().join(id);
    let only = registry.filtered(|rule| rule == id);
    let all = |_: &Path| true;
    let cases = fixtures(&rule_dir);
    let triggering = cases
        .iter()
        .filter(|path| {
            !path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("pass")
        })
        .count();
    let passing = cases.len() - triggering;
    if triggering == 0 || passing == 0 {
        failures.push(format!(
            "{id}: needs at least one triggering fixture and one pass*.tf fixture"
        ));
    }

    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(&path).unwrap();
        let module = module_of(&path, &text);
        let findings = check_module(&only, &module, &all);

        if name.starts_with("pass") {
            if !findings.is_empty() {
                failures.push(format!(
                    "{id}/{name}: expected no finding, got {findings:?}"
                ));
            }
            continue;
        }
        if findings.is_empty() {
            failures.push(format!("{id}/{name}: expected a finding, got none"));
            continue;
        }
        if findings.iter().any(|finding| finding.fix.is_none()) {
            failures.push(format!("{id}/{name}: a finding has no fix"));
        }

        let outcome = fix_module(&only, &module, &all, ALL);
        let fixed = outcome.changed.get(&path).cloned().unwrap_or(text.clone());
        let expected_path = path.with_extension("fixed.tf");
        let Ok(expected) = fs::read_to_string(&expected_path) else {
            failures.push(format!("{id}/{name}: missing {}", expected_path.display()));
            continue;
        };
        if fixed != expected {
            failures.push(format!(
                "{id}/{name}: fixed output differs from {}:\n{}",
                expected_path.display(),
                heal_patch::unified_diff(&name, &expected, &fixed)
            ));
            continue;
        }
        if !outcome.remaining.is_empty() || outcome.hit_pass_cap || !outcome.broken.is_empty() {
            failures.push(format!(
                "{id}/{name}: after fixing: {} remaining, cap hit {}, broken {:?}",
                outcome.remaining.len(),
                outcome.hit_pass_cap,
                outcome.broken
            ));
        }
        let again = fix_module(&only, &module_of(&path, &fixed), &all, ALL);
        if !again.changed.is_empty() {
            failures.push(format!(
                "{id}/{name}: a second fix changed the output again"
            ));
        }
    }
}

#[test]
fn every_rule_passes_its_fixtures() {
    let registry = Registry::load().expect("the catalog loads");
    let mut failures = Vec::new();
    for entry in registry.entries() {
        check_rule(&registry, &entry.meta.id, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_folder_is_a_loaded_rule_with_documentation() {
    let registry = Registry::load().expect("the catalog loads");
    let mut folders: Vec<String> = fs::read_dir(catalog_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().to_string())
        .collect();
    folders.sort();
    let ids: Vec<String> = registry
        .entries()
        .iter()
        .map(|e| e.meta.id.clone())
        .collect();
    assert_eq!(
        folders, ids,
        "every folder needs a rule.hcl whose id is the folder name"
    );
    for entry in registry.entries() {
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Fix",
            "## Fix safety",
        ] {
            assert!(
                entry.documentation.contains(section),
                "{}: README.md lacks `{section}`",
                entry.meta.id
            );
        }
        assert!(
            !entry.meta.checkov.is_empty(),
            "{}: names no Checkov ID",
            entry.meta.id
        );
    }
}

/// Every fixture, input and expected output, is `terraform fmt`-clean, so a fix
/// keeps a formatted file formatted. Needs the `terraform` binary; skipped
/// (with a note) where the machine has none.
#[test]
fn fixtures_are_terraform_fmt_clean() {
    let Ok(terraform) = which_terraform() else {
        eprintln!("terraform not found on PATH: fmt stability of fixtures not checked");
        return;
    };
    // One run over the whole catalog lists the files fmt would change. It lists
    // nothing and fails when a file is invalid; the catalog test covers that.
    let output = std::process::Command::new(&terraform)
        .args(["fmt", "-check", "-recursive", "-list=true"])
        .arg(catalog_dir())
        .output()
        .expect("terraform runs");
    let listed = String::from_utf8_lossy(&output.stdout);
    let unformatted: Vec<&str> = listed.lines().filter(|line| !line.is_empty()).collect();
    assert!(
        output.status.success() || !unformatted.is_empty(),
        "terraform fmt failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        unformatted.is_empty(),
        "not terraform fmt-clean:\n{}",
        unformatted.join("\n")
    );
}

fn which_terraform() -> Result<PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("terraform"))
        .find(|candidate| candidate.is_file())
        .ok_or(())
}
