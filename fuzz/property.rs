//! The property every input must keep, shared by the libFuzzer target and the
//! plain harness in `tests/fuzz_harness.rs`.
//!
//! For any bytes: reading them as a Terraform file, checking and fixing them
//! never panics; every fix's output parses; every byte outside the edits of
//! each round of fixing stays as it was; fixing settles within the pass cap;
//! and fixing the fixed file changes nothing. That holds for files only the
//! tree-sitter fallback reads too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use heal_rules::{fix_module, fix_module_watched, FixOptions, Module, ModuleFile, Pass, Registry};
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
    let mut replayed = BTreeMap::from([(path.to_path_buf(), text.to_string())]);
    let mut violation = None;
    let first = fix_module_watched(
        registry,
        &module,
        &|_: &Path| true,
        ALL_FIXES,
        &mut |pass| {
            if violation.is_none() {
                violation = replay(&mut replayed, pass).err();
            }
        },
    );
    if let Some(violation) = violation {
        return Err(violation);
    }
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
    if replayed.get(path) != Some(fixed) {
        return Err("the fixed text is not the original with its rounds of edits applied".into());
    }

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

/// Holds one round of fixing to its edits: it starts from the text the rounds
/// before it left, and its result is that text with every byte outside the
/// edits kept and each edit's range replaced by its content. Checked here byte
/// by byte, not through the engine's own `apply_edits`.
pub fn replay(texts: &mut BTreeMap<PathBuf, String>, pass: Pass<'_>) -> Result<(), String> {
    let path = pass.path.display();
    let expected = texts
        .get(pass.path)
        .ok_or_else(|| format!("{path}: a round of edits for a file not in the module"))?;
    if expected != pass.before {
        return Err(format!(
            "{path}: a round started from text no earlier round left"
        ));
    }

    let (before, after) = (pass.before.as_bytes(), pass.after.as_bytes());
    let (mut read, mut written) = (0, 0);
    for edit in pass.edits {
        let range = &edit.range;
        if range.start < read || range.end < range.start || range.end > before.len() {
            return Err(format!(
                "{path}: edit {range:?} out of order or out of bounds"
            ));
        }
        // The bytes between the previous edit and this one are untouched...
        let kept = &before[read..range.start];
        if after.get(written..written + kept.len()) != Some(kept) {
            return Err(format!(
                "{path}: bytes {read}..{} outside the edits changed",
                range.start
            ));
        }
        written += kept.len();
        // ...and the edit's range now holds exactly its content.
        let content = edit.content.as_bytes();
        if after.get(written..written + content.len()) != Some(content) {
            return Err(format!("{path}: edit {range:?} did not write its content"));
        }
        written += content.len();
        read = range.end;
    }
    if after.get(written..) != Some(&before[read..]) {
        return Err(format!("{path}: bytes after the last edit changed"));
    }

    texts.insert(pass.path.to_path_buf(), pass.after.to_string());
    Ok(())
}
