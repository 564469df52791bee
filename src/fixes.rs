//! Fixing in memory, for the outputs that do not write files in place: a patch
//! file, commits, fix branches.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use heal_rules::{fix_module, Finding, FixOptions, Module, ModuleFile, Registry};
use heal_syntax::SourceFile;

use crate::workspace::FileError;

/// One changed file.
#[derive(Debug, Clone)]
pub struct Change {
    /// The path as the module knows it.
    pub path: PathBuf,
    /// The text before the fixes.
    pub old: String,
    /// The text after them.
    pub new: String,
}

/// What fixing a set of modules in memory produced.
#[derive(Debug, Default)]
pub struct Fixed {
    /// Changed files, in path order.
    pub changes: Vec<Change>,
    /// Findings whose fixes were applied.
    pub applied: Vec<Finding>,
    /// Findings left, suppressed ones included.
    pub remaining: Vec<Finding>,
    /// Fixes that produced invalid HCL and were dropped.
    pub errors: Vec<FileError>,
}

/// A module and the files of it that may be fixed.
pub type Target = (Module, BTreeSet<PathBuf>);

/// Fixes every target with `registry`, changing nothing on disk.
pub fn fix_in_memory(registry: &Registry, targets: &[Target], unsafe_fixes: bool) -> Fixed {
    let options = FixOptions {
        unsafe_fixes,
        display_only: false,
    };
    let mut fixed = Fixed::default();
    for (module, files) in targets {
        let include = |path: &Path| files.contains(path);
        let outcome = fix_module(registry, module, &include, options);
        if outcome.hit_pass_cap {
            log::warn!(
                "{}: fixing stopped after {} passes with fixes still pending",
                module.dir.display(),
                heal_rules::MAX_PASSES
            );
        }
        for (path, message) in outcome.broken {
            fixed.errors.push(FileError {
                path,
                position: None,
                message: format!("a fix produced invalid HCL and was dropped: {message}"),
            });
        }
        for (path, new) in outcome.changed {
            if let Some(file) = module.file(&path) {
                let old = file.text().to_string();
                fixed.changes.push(Change { path, old, new });
            }
        }
        fixed.applied.extend(outcome.applied);
        fixed.remaining.extend(outcome.remaining);
    }
    fixed.changes.sort_by(|a, b| a.path.cmp(&b.path));
    fixed
}
/// Replaces the files of `targets` that `changes` touch with their new text, so
/// a later round of fixes starts from them.
pub fn advance(targets: &mut [Target], changes: &[Change]) {
    for (module, _) in targets.iter_mut() {
        for file in module.files.iter_mut() {
            let Some(change) = changes.iter().find(|c| c.path == file.source.path()) else {
                continue;
            };
            let source = SourceFile::new(&change.path, change.new.clone());
            match ModuleFile::parse(source) {
                Ok(parsed) => *file = parsed,
                Err(error) => log::debug!(
                    "{}: fixed text does not parse: {error}",
                    change.path.display()
                ),
            }
        }
    }
}

/// The rules of `registry` one at a time, each as a registry of its own.
pub fn one_rule_registries(registry: &Registry) -> Vec<(String, Registry)> {
    registry
        .entries()
        .iter()
        .map(|entry| {
            let id = entry.meta.id.clone();
            let single = registry.filtered(|other| other == id);
            (id, single)
        })
        .collect()
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
