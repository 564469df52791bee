//! Fixing in memory, for the outputs that do not write files in place: a patch
//! file, commits, fix branches.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use heal_rules::{fix_module, Finding, FixOptions, Module, Registry};

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
