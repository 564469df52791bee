//! `heal fix --patch FILE`: the fixes as one patch that `git apply` and
//! `patch -p1` accept, with paths relative to the repository root.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::fixes::{fix_one, Change};

/// Writes the fixes of `args` to `patch` and nothing else. Returns the exit
/// status: findings remain in the files on disk until the patch is applied.
pub fn write_patch(args: &crate::args::FixArgs, patch: &Path, quiet: bool) -> Result<u8> {
    let registry = crate::registry_for(&args.selection)?;
    let namer = PathNamer::new()?;
    let config = crate::config::active();
    let mut text = String::new();
    let mut errors = Vec::new();
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut changed_files = 0;
    let mut pending = 0;
    let run = crate::pipeline::for_each_module(
        &args.selection,
        quiet,
        |module, targets| {
            let fixed = fix_one(&registry, &module, targets, args.unsafe_fixes, config);
            let diffs: String = fixed
                .changes
                .iter()
                .map(|change| diff_of(change, &namer))
                .collect();
            (fixed, diffs)
        },
        |(fixed, diffs)| {
            text.push_str(&diffs);
            changed_files += fixed.changes.len();
            for finding in &fixed.applied {
                *per_rule.entry(finding.rule_id.clone()).or_default() += 1;
            }
            let unsuppressed = fixed.remaining.iter();
            pending +=
                fixed.applied.len() + unsuppressed.filter(|f| f.suppressed_by.is_none()).count();
            errors.extend(fixed.errors);
            Ok(())
        },
    )?;
    let mut all_errors = run.errors;
    all_errors.extend(errors);
    crate::write::replace(patch, text.as_bytes())
        .map_err(|why| anyhow::anyhow!("{}: {why}", patch.display()))?;

    crate::report_errors(&all_errors);
    if !quiet {
        let mut summary = std::io::stderr().lock();
        crate::report::write_fix_summary(&mut summary, &per_rule, changed_files, false)?;
        eprintln!("Wrote {}.", patch.display());
    }
    Ok(crate::exit_code(&all_errors, pending))
}

fn diff_of(change: &Change, namer: &PathNamer) -> String {
    let shown = namer.name(&change.path);
    let diff = heal_patch::unified_diff(&shown, &change.old, &change.new);
    format!("diff --git a/{shown} b/{shown}\n{diff}")
}

/// Names files in a patch: relative to the repository root inside a git
/// repository, relative to the current directory outside one.
pub struct PathNamer {
    /// The working tree's root, canonical, when there is a working tree.
    root: Option<PathBuf>,
    current_dir: PathBuf,
}

impl PathNamer {
    /// Names relative to the work tree containing the current directory, if any.
    /// Found by looking for `.git`, not through libgit2, whose start-up costs
    /// more than checking a small tree (see `config::work_tree_root`).
    pub fn new() -> Result<PathNamer> {
        let current_dir = std::env::current_dir().context("cannot read the current directory")?;
        let root =
            crate::config::work_tree_root(&current_dir).and_then(|root| root.canonicalize().ok());
        Ok(PathNamer { root, current_dir })
    }

    /// Names relative to `repository`'s working tree, if it has one.
    pub fn within(repository: Option<&heal_git::Repository>, current_dir: PathBuf) -> PathNamer {
        let root = repository
            .and_then(|repository| repository.workdir())
            .and_then(|root| root.canonicalize().ok());
        PathNamer { root, current_dir }
    }

    /// `path` relative to the repository root, `/`-separated; `None` outside a
    /// repository or outside its working tree.
    pub fn in_repository(&self, path: &Path) -> Option<String> {
        heal_git::relative_to(self.root.as_deref()?, path)
    }

    /// The name of `path` in the patch, `/`-separated.
    pub fn name(&self, path: &Path) -> String {
        self.in_repository(path).unwrap_or_else(|| {
            let relative = path.strip_prefix(&self.current_dir).unwrap_or(path);
            let relative = relative.strip_prefix(".").unwrap_or(relative);
            relative.to_string_lossy().replace('\\', "/")
        })
    }
}
