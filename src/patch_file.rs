//! `heal fix --patch FILE`: the fixes as one patch that `git apply` and
//! `patch -p1` accept, with paths relative to the repository root.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::fixes::{fix_in_memory, Change};

/// Writes the fixes of `args` to `patch` and nothing else. Returns the exit
/// status: findings remain in the files on disk until the patch is applied.
pub fn write_patch(args: &crate::args::FixArgs, patch: &Path, quiet: bool) -> Result<u8> {
    let registry = crate::registry_for(&args.selection)?;
    let loaded = crate::load(&args.selection);
    let mut errors = loaded.errors;
    let fixed = fix_in_memory(
        &registry,
        &loaded.modules,
        args.unsafe_fixes,
        crate::config::active(),
    );
    errors.extend(fixed.errors);

    let namer = PathNamer::new()?;
    let text: String = fixed
        .changes
        .iter()
        .map(|change| diff_of(change, &namer))
        .collect();
    std::fs::write(patch, text).with_context(|| format!("{}: cannot write", patch.display()))?;

    crate::report_errors(&errors);
    if !quiet {
        let mut summary = std::io::stderr().lock();
        crate::report::write_fix_summary(&mut summary, &fixed.applied, fixed.changes.len(), false)?;
        eprintln!("Wrote {}.", patch.display());
    }
    let pending = fixed.applied.len()
        + fixed
            .remaining
            .iter()
            .filter(|f| f.suppressed_by.is_none())
            .count();
    Ok(crate::exit_code(&errors, pending))
}

fn diff_of(change: &Change, namer: &PathNamer) -> String {
    let shown = namer.name(&change.path);
    let diff = heal_patch::unified_diff(&shown, &change.old, &change.new);
    format!("diff --git a/{shown} b/{shown}\n{diff}")
}

/// Names files in a patch: relative to the repository root inside a git
/// repository, relative to the current directory outside one.
pub struct PathNamer {
    repository: Option<heal_git::Repository>,
    current_dir: PathBuf,
}

impl PathNamer {
    /// Finds the repository containing the current directory, if any.
    pub fn new() -> Result<PathNamer> {
        let current_dir = std::env::current_dir().context("cannot read the current directory")?;
        let repository = heal_git::discover(&current_dir)?;
        Ok(PathNamer {
            repository,
            current_dir,
        })
    }

    /// The repository containing the current directory, if any.
    pub fn repository(&self) -> Option<&heal_git::Repository> {
        self.repository.as_ref()
    }

    /// The name of `path` in the patch, `/`-separated.
    pub fn name(&self, path: &Path) -> String {
        let from_root = self
            .repository
            .as_ref()
            .and_then(|repository| heal_git::relative_to_root(repository, path));
        from_root.unwrap_or_else(|| {
            let relative = path.strip_prefix(&self.current_dir).unwrap_or(path);
            let relative = relative.strip_prefix(".").unwrap_or(relative);
            relative.to_string_lossy().replace('\\', "/")
        })
    }
}
