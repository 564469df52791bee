//! Finding the repository, paths relative to its root, and the user's changes.

use std::path::{Component, Path};

use git2::{ErrorCode, Repository, Status};

use crate::error::{Context as _, GitError};

/// The repository that contains `start`, or `None` when there is none.
pub fn discover(start: &Path) -> Result<Option<Repository>, GitError> {
    match Repository::discover(start) {
        Ok(repository) => Ok(Some(repository)),
        Err(error) if error.code() == ErrorCode::NotFound => Ok(None),
        Err(error) => Err(GitError::git(
            format!("{}: cannot open the git repository", start.display()),
            error,
        )),
    }
}

/// The repository that contains `start`; an error when there is none. Works for
/// bare repositories too.
pub fn open(start: &Path) -> Result<Repository, GitError> {
    discover(start)?.ok_or_else(|| {
        GitError::State(format!(
            "{}: not inside a git repository (or a bare one)",
            start.display()
        ))
    })
}

/// `path` (absolute, or relative to the current directory) relative to the
/// working tree's root, with `/` separators as git writes paths. `None` for a
/// bare repository or a path outside the working tree.
pub fn relative_to_root(repository: &Repository, path: &Path) -> Option<String> {
    let root = repository.workdir()?.canonicalize().ok()?;
    relative_to(&root, path)
}

/// `path` relative to `root` (a canonical directory), `/`-separated; `None` when
/// it lies outside or cannot be resolved.
pub fn relative_to(root: &Path, path: &Path) -> Option<String> {
    let absolute = path.canonicalize().ok()?;
    let relative = absolute.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|component| match component {
            Component::Normal(part) => part.to_str().map(str::to_string),
            _ => None,
        })
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}

/// A file that holds changes of the user that a heal commit must not absorb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChange {
    /// The path relative to the repository root.
    pub path: String,
    /// What kind of change, in words (`staged changes`, `unstaged changes`,
    /// `not tracked by git`).
    pub kind: &'static str,
}

/// Which of `paths` (relative to the root) differ from HEAD in the index or the
/// working tree, or are not tracked at all.
pub fn user_changes(
    repository: &Repository,
    paths: &[String],
) -> Result<Vec<UserChange>, GitError> {
    let mut changes = Vec::new();
    for path in paths {
        let status = repository
            .status_file(Path::new(path))
            .context(&format!("{path}: cannot read its git status"))?;
        if let Some(kind) = describe(status) {
            changes.push(UserChange {
                path: path.clone(),
                kind,
            });
        }
    }
    Ok(changes)
}

fn describe(status: Status) -> Option<&'static str> {
    let staged = Status::INDEX_NEW
        | Status::INDEX_MODIFIED
        | Status::INDEX_DELETED
        | Status::INDEX_RENAMED
        | Status::INDEX_TYPECHANGE;
    let unstaged = Status::WT_MODIFIED | Status::WT_DELETED | Status::WT_TYPECHANGE;
    if status.intersects(Status::WT_NEW | Status::IGNORED) {
        Some("not tracked by git")
    } else if status.intersects(staged) && status.intersects(unstaged) {
        Some("staged and unstaged changes")
    } else if status.intersects(staged) {
        Some("staged changes")
    } else if status.intersects(unstaged) || status.is_conflicted() {
        Some("unstaged changes")
    } else {
        None
    }
}
