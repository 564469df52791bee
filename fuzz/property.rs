//! The property every input must keep, shared by the libFuzzer target and the
//! plain harness in `tests/fuzz_harness.rs`.
//!
//! For any bytes: reading them as a Terraform file, checking and fixing them
//! never panics; every fix's output parses; fixing settles within the pass
//! cap; and fixing the fixed file changes nothing. That holds for files only
//! the tree-sitter fallback reads too.

use std::path::Path;

use heal_rules::{fix_module, FixOptions, Module, ModuleFile, Registry};
use heal_syntax::SourceFile;

/// Every fix heal can write: safe and unsafe. Display-only suggestions are never
/// written (their placeholders need a person's values), so they are left out.
const ALL_FIXES: FixOptions = FixOptions {
    unsafe_fixes: true,
    display_only: false,
};

/// Checks the property on `data`; returns a description of the first violation.
pub fn check(registry: &Registry, data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let path = Path::new("fuzz/main.tf");
    let Ok(file) = ModuleFile::parse(SourceFile::new(path, text.to_string())) else {
        return Ok(());
    };
    let module = Module::new("fuzz", vec![file]);
    let first = fix_module(registry, &module, &|_: &Path| true, ALL_FIXES);
    // The engine drops a fix whose output does not parse; that is still a bug
    // in the rule that made it, or in the parser that accepted the input.
    if let Some((_, error)) = first.broken.first() {
        return Err(format!("a fix produced text that does not parse: {error}"));
    }
    if first.hit_pass_cap {
        return Err("fixing did not settle within the pass cap".to_string());
    }
    let Some(fixed) = first.changed.get(path) else {
        return Ok(());
    };

    let reparsed = ModuleFile::parse(SourceFile::new(path, fixed.clone()))
        .map_err(|error| format!("the fixed text does not parse: {error}\n---\n{fixed}"))?;
    let module = Module::new("fuzz", vec![reparsed]);
    let second = fix_module(registry, &module, &|_: &Path| true, ALL_FIXES);
    if let Some(again) = second.changed.get(path) {
        return Err(format!(
            "a second pass changed the fixed text\n--- first\n{fixed}\n--- second\n{again}"
        ));
    }
    Ok(())
}
